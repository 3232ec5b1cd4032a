"""Numbers for the staff dashboard, computed with SQL aggregates.

"Today" is the store's business day in ``store.timezone``. Sales are counted by the
order's business date (``orders.business_date``, the local date the order was placed,
indexed), so an order placed at 23:58 and paid at 00:01 belongs to the day it was
placed, as in most tills. Hour buckets are local hours of the order time: the bucket
boundaries are computed in Python as UTC instants from the time zone (so half-hour
offsets and daylight-saving days with 23 or 25 hours are right) and passed to one
portable ``CASE`` expression, which works the same on SQLite (naive UTC) and PostgreSQL
(``timestamptz``).

Definitions:

- *sales*: sum of succeeded payments of the day's orders (refunded payments no longer
  count: their status is ``refunded``);
- *orders*: orders of the day with a succeeded payment; *average ticket* = sales / orders;
- *refunds*: payments refunded during the local day (whenever the order was placed);
- *points*: net points per transaction type written during the local day (``earned``
  includes refund take-backs, ``redeemed`` includes points returned on cancel/refund);
- *queue*: orders waiting in the kitchen flow (pending, preparing, ready), any day;
- *top items*: best sellers by quantity among the day's paid, not refunded orders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import (
    LoyaltyTransaction,
    Order,
    OrderItem,
    OrderStatus,
    Payment,
    PaymentStatus,
)
from kiosk.db.uow import grouped
from kiosk.services.gateway import Clock, SystemClock
from kiosk.services.money import CENT, ZERO
from kiosk.services.validation import Day, Int, Optional, validated

ACTIVE_STATUSES: tuple[str, ...] = (
    OrderStatus.PENDING.value,
    OrderStatus.PREPARING.value,
    OrderStatus.READY.value,
)


@dataclass(frozen=True)
class MethodTotal:
    method: str
    count: int
    amount: Decimal


@dataclass(frozen=True)
class ItemTotal:
    name_en: str
    name_th: str
    quantity: int
    amount: Decimal


@dataclass(frozen=True)
class HourTotal:
    hour: int  # local wall-clock hour the bucket starts at (0-23)
    start: datetime  # UTC
    orders: int
    sales: Decimal


@dataclass(frozen=True)
class DashboardSummary:
    day: date
    timezone: str
    sales: Decimal
    orders: int
    average_ticket: Decimal
    refunds: Decimal
    refund_count: int
    by_method: tuple[MethodTotal, ...]
    by_hour: tuple[HourTotal, ...]
    points_issued: int
    points_redeemed: int
    points_by_type: dict[str, int] = field(default_factory=dict)
    queue: dict[str, int] = field(default_factory=dict)
    day_statuses: dict[str, int] = field(default_factory=dict)
    top_items: tuple[ItemTotal, ...] = ()

    @property
    def best_hour(self) -> HourTotal | None:
        best = max(self.by_hour, key=lambda h: h.sales, default=None)
        return best if best and best.sales > 0 else None


def day_bounds(day: date, tz: str) -> tuple[datetime, datetime]:
    """The local day as a half-open UTC range [start, end)."""
    zone = ZoneInfo(tz)
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return start, end


def hour_starts(day: date, tz: str) -> list[datetime]:
    """UTC instants at which each local hour of ``day`` begins (23 to 25 of them)."""
    start, end = day_bounds(day, tz)
    out = []
    moment = start
    while moment < end:
        out.append(moment)
        moment += timedelta(hours=1)
    return out


class ReportService:
    def __init__(
        self, db: Database, settings: Callable[[], Settings], clock: Clock | None = None
    ) -> None:
        self._db = db
        self._settings = settings
        self.clock: Clock = clock or SystemClock()

    def today(self) -> date:
        tz = ZoneInfo(self._settings().store.timezone)
        return self.clock.now().astimezone(tz).date()

    @validated(day=Optional(Day()), top_n=Int(1, 100, label="Best sellers shown"))
    def summary(self, day: date | None = None, top_n: int = 5) -> DashboardSummary:
        """Everything the dashboard shows for one business day (default: today)."""
        tz = self._settings().store.timezone
        day = day or self.today()
        start, end = day_bounds(day, tz)
        starts = hour_starts(day, tz)
        bucket = case(
            *[(Order.created_at < boundary, i) for i, boundary in enumerate(starts[1:])],
            else_=len(starts) - 1,
        ).label("bucket")
        with self._db.read() as s:
            # Grouped by status too (filtered here, not in SQL): lets SQLite drive the
            # join from the business-date index instead of the huge status index.
            rows = s.execute(
                select(
                    bucket,
                    Payment.method,
                    Payment.status,
                    func.count(Payment.id),
                    func.count(func.distinct(Order.id)),
                    func.sum(Payment.amount),
                )
                .select_from(Order)
                .join(Payment, Payment.order_id == Order.id)
                .where(Order.business_date == day)
                .group_by(bucket, Payment.method, Payment.status)
            ).all()
            refund_count, refunds = s.execute(
                select(func.count(Payment.id), func.sum(Payment.amount)).where(
                    Payment.status == PaymentStatus.REFUNDED.value,
                    Payment.refunded_at >= start,
                    Payment.refunded_at < end,
                )
            ).one()
            T = LoyaltyTransaction
            points = grouped(
                s, T.type, func.sum(T.points), T.created_at >= start, T.created_at < end
            )
            queue = grouped(
                s, Order.status, func.count(Order.id), Order.status.in_(ACTIVE_STATUSES)
            )
            top = s.execute(
                select(
                    OrderItem.name_en,
                    OrderItem.name_th,
                    func.sum(OrderItem.quantity).label("qty"),
                    func.sum(OrderItem.line_total),
                )
                .select_from(Order)
                .join(OrderItem, OrderItem.order_id == Order.id)
                .where(
                    Order.business_date == day,
                    Order.paid_at.is_not(None),
                    Order.status != OrderStatus.REFUNDED.value,
                )
                .group_by(OrderItem.name_en, OrderItem.name_th)
                .order_by(func.sum(OrderItem.quantity).desc(), OrderItem.name_en)
                .limit(top_n)
            ).all()
            day_statuses = grouped(
                s, Order.status, func.count(Order.id), Order.business_date == day
            )
        hour_sales = [ZERO] * len(starts)
        hour_orders = [0] * len(starts)
        methods: dict[str, tuple[int, Decimal]] = {}
        for b, method, status, n_payments, n_orders, amount in rows:
            if status != PaymentStatus.SUCCEEDED.value:
                continue
            amount = amount or ZERO
            hour_sales[b] += amount
            hour_orders[b] += n_orders
            count, total = methods.get(method, (0, ZERO))
            methods[method] = (count + n_payments, total + amount)
        sales = sum(hour_sales, ZERO)
        orders = sum(hour_orders)
        zone = ZoneInfo(tz)
        return DashboardSummary(
            day=day,
            timezone=tz,
            sales=sales,
            orders=orders,
            average_ticket=(sales / orders).quantize(CENT) if orders else ZERO,
            refunds=refunds or ZERO,
            refund_count=refund_count or 0,
            by_method=tuple(
                MethodTotal(m, c, a)
                for m, (c, a) in sorted(methods.items(), key=lambda kv: (-kv[1][1], kv[0]))
            ),
            by_hour=tuple(
                HourTotal(starts[i].astimezone(zone).hour, starts[i], hour_orders[i], hour_sales[i])
                for i in range(len(starts))
            ),
            points_issued=int(points.get("earned", 0) or 0),
            points_redeemed=-int(points.get("redeemed", 0) or 0),
            points_by_type={k: int(v or 0) for k, v in points.items()},
            queue={st: int(queue.get(st, 0)) for st in ACTIVE_STATUSES},
            day_statuses={k: int(v) for k, v in day_statuses.items()},
            top_items=tuple(
                ItemTotal(en, th, int(q or 0), amount or ZERO) for en, th, q, amount in top
            ),
        )

    def last_sales_day(self) -> date | None:
        """The latest business date with an order (for an empty "today")."""
        with self._db.read() as s:
            return s.scalar(select(func.max(Order.business_date)))


__all__ = [
    "DashboardSummary",
    "HourTotal",
    "ItemTotal",
    "MethodTotal",
    "ReportService",
    "day_bounds",
    "hour_starts",
]
