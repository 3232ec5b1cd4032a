"""Bulk members and orders for the benchmarks: a million rows in seconds (Core
``executemany``, one transaction)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import (
    Customer,
    LoyaltyTransaction,
    Membership,
    MenuItem,
    Order,
    OrderCounter,
    OrderItem,
    Payment,
    tier_for,
)
from kiosk.services.demo.data import (
    FIRST_NAMES,
    LAST_NAMES,
)
from kiosk.services.money import vat_included
from kiosk.services.orders import format_order_number


class _BulkWriter:
    """Inserts pre-built rows as fast as the backend allows.

    On SQLite the rows go straight to the driver's ``executemany`` in the storage format
    the column types use (satang integers, naive UTC text); elsewhere through Core.
    """

    def __init__(self, s: Session) -> None:
        self.conn = s.connection()
        self.sqlite = self.conn.dialect.name == "sqlite"

    def money(self, satang: int) -> int | Decimal:
        return satang if self.sqlite else Decimal(satang).scaleb(-2)

    def ts(self, moment: datetime | None) -> str | datetime | None:
        if moment is None or not self.sqlite:
            return moment
        # the text UTCDateTime stores ("2026-12-03 11:00:00.000000"); isoformat is about
        # four times quicker than strftime, a second or more over a million rows
        return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

    def day(self, d: date) -> str | date:
        return d.isoformat() if self.sqlite else d

    def insert(self, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.sqlite:
            marks = ", ".join("?" * len(columns))
            cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            cursor.executemany(
                f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows
            )
            cursor.close()
        else:
            self.conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


def _chunks(n: int, size: int) -> list[tuple[int, int]]:
    return [(i, min(n, i + size)) for i in range(0, n, size)]


CUSTOMER_COLS = (
    "id",
    "phone",
    "first_name",
    "last_name",
    "email",
    "gender",
    "address",
    "email_marketing",
    "sms_marketing",
    "created_at",
    "updated_at",
    "last_visit",
)
MEMBERSHIP_COLS = (
    "customer_id",
    "points",
    "lifetime_points",
    "tier",
    "total_spent",
    "visits_count",
    "created_at",
    "updated_at",
)
TX_COLS = ("customer_id", "type", "points", "balance_after", "reason", "staff", "created_at")


def bulk_members(
    db: Database,
    settings: Settings,
    count: int,
    seed: int = 7,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert ``count`` members (customer, membership, their transactions) in one
    transaction. Phones are +6690xxxxxxx, continuing after earlier bulk runs."""
    rng = random.Random(seed)
    tiers = settings.loyalty.tiers
    now = datetime.now(UTC)
    with db.uow() as uow:
        s = uow.session
        w = _BulkWriter(s)
        start = s.scalar(select(func.count(Customer.id)).where(Customer.phone.like("+6690%"))) or 0
        first_id = (s.scalar(select(func.max(Customer.id))) or 0) + 1
        tier_cache = {p: tier_for(p, tiers) for p in range(0, 2501)}
        for lo, hi in _chunks(count, 100_000):
            customers, memberships, txs = [], [], []
            for i in range(lo, hi):
                cid = first_id + i
                roll = rng.random()
                lifetime = 0 if roll < 0.3 else rng.randrange(0, 200 if roll < 0.6 else 2500)
                spent = rng.randrange(0, lifetime + 1) if lifetime and rng.random() < 0.4 else 0
                balance = lifetime - spent
                created = now - timedelta(seconds=rng.randrange(700 * 86400))
                c_ts = w.ts(created)
                customers.append(
                    (
                        cid,
                        f"+6690{start + i:07d}",
                        FIRST_NAMES[i % len(FIRST_NAMES)],
                        LAST_NAMES[(i * 7) % len(LAST_NAMES)],
                        "",
                        "",
                        "",
                        False,
                        roll < 0.2,
                        c_ts,
                        c_ts,
                        c_ts if lifetime else None,
                    )
                )
                memberships.append(
                    (
                        cid,
                        balance,
                        lifetime,
                        tier_cache[lifetime],
                        w.money(lifetime * 1000),
                        lifetime // 40,
                        c_ts,
                        c_ts,
                    )
                )
                if lifetime:
                    txs.append((cid, "earned", lifetime, lifetime, "Demo history", "", c_ts))
                if spent:
                    txs.append(
                        (
                            cid,
                            "redeemed",
                            -spent,
                            balance,
                            "Demo history",
                            "",
                            w.ts(created + timedelta(days=1)),
                        )
                    )
            w.insert(Customer.__table__, CUSTOMER_COLS, customers)
            w.insert(Membership.__table__, MEMBERSHIP_COLS, memberships)
            w.insert(LoyaltyTransaction.__table__, TX_COLS, txs)
            if progress:
                progress(hi)
        uow.commit()
    return count


ORDER_COLS = (
    "id",
    "number",
    "business_date",
    "kiosk_id",
    "mode",
    "status",
    "customer_id",
    "customer_name",
    "customer_phone",
    "subtotal",
    "discount",
    "total",
    "vat",
    "points_redeemed",
    "points_earned",
    "paid_at",
    "note",
    "created_at",
    "updated_at",
)
LINE_COLS = (
    "order_id",
    "menu_item_id",
    "name_en",
    "name_th",
    "quantity",
    "unit_price",
    "line_total",
    "options",
)
PAYMENT_COLS = (
    "id",
    "order_id",
    "method",
    "amount",
    "status",
    "transaction_id",
    "message",
    "card_brand",
    "card_last4",
    "promptpay_id",
    "idempotency_key",
    "kiosk_id",
    "at_counter",
    "staff",
    "settled_at",
    "created_at",
    "updated_at",
)


def bulk_orders(
    db: Database,
    settings: Settings,
    count: int,
    days: int = 90,
    seed: int = 11,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert ``count`` paid, completed orders spread over the last ``days`` days, each
    with one to three lines and a succeeded payment. Numbers stay unique per day."""
    rng = random.Random(seed)
    tz = ZoneInfo(settings.store.timezone)
    now = datetime.now(UTC)
    vat_rate = settings.store.vat_rate
    with db.uow() as uow:
        s = uow.session
        w = _BulkWriter(s)
        items = [
            (mid, en, th, int(price * 100))
            for mid, en, th, price in s.execute(
                select(MenuItem.id, MenuItem.name_en, MenuItem.name_th, MenuItem.price)
            )
        ]
        if not items:
            raise RuntimeError("no menu: seed the demo menu first")
        max_customer = s.scalar(select(func.max(Customer.id))) or 0
        first_order = (s.scalar(select(func.max(Order.id))) or 0) + 1
        first_payment = (s.scalar(select(func.max(Payment.id))) or 0) + 1
        counters: dict[date, int] = {
            d: v for d, v in s.execute(select(OrderCounter.business_date, OrderCounter.last_value))
        }
        methods = ("cash", "card", "promptpay")
        modes = ("dine_in", "take_away")
        day_cache: dict[int, date] = {}
        for lo, hi in _chunks(count, 50_000):
            orders, lines, payments = [], [], []
            for i in range(lo, hi):
                oid = first_order + i
                offset = rng.randrange(days * 86400)
                created = now - timedelta(seconds=offset)
                hour_key = offset // 3600
                day = day_cache.get(hour_key)
                if day is None:
                    day = day_cache[hour_key] = created.astimezone(tz).date()
                counters[day] = counters.get(day, 0) + 1
                subtotal = 0
                for _ in range(1 + (i % 3)):
                    mid, en, th, price = items[rng.randrange(len(items))]
                    qty = 1 + (rng.random() < 0.3)
                    lines.append(
                        (
                            oid,
                            mid,
                            en,
                            th,
                            qty,
                            w.money(price),
                            w.money(price * qty),
                            "[]" if w.sqlite else [],
                        )
                    )
                    subtotal += price * qty
                customer = (
                    rng.randint(1, max_customer) if max_customer and rng.random() < 0.6 else None
                )
                total = Decimal(subtotal).scaleb(-2)
                ts = w.ts(created)
                orders.append(
                    (
                        oid,
                        format_order_number(counters[day]),
                        w.day(day),
                        f"kiosk-{1 + i % 3}",
                        modes[i % 2],
                        "completed",
                        customer,
                        "",
                        "",
                        w.money(subtotal),
                        w.money(0),
                        w.money(subtotal),
                        w.money(int(vat_included(total, vat_rate) * 100)),
                        0,
                        0,  # demo history: members' balances come from bulk_members
                        ts,
                        "",
                        ts,
                        ts,
                    )
                )
                pid = first_payment + i
                method = methods[rng.randrange(3)]
                payments.append(
                    (
                        pid,
                        oid,
                        method,
                        w.money(subtotal),
                        "succeeded",
                        f"DEMO_{pid:08d}",
                        "Payment processed successfully",
                        "Visa" if method == "card" else "",
                        "4242" if method == "card" else "",
                        "",
                        f"demo-{pid}",
                        "",
                        False,
                        "",
                        ts,
                        ts,
                        ts,
                    )
                )
            w.insert(Order.__table__, ORDER_COLS, orders)
            w.insert(OrderItem.__table__, LINE_COLS, lines)
            w.insert(Payment.__table__, PAYMENT_COLS, payments)
            if progress:
                progress(hi)
        # Keep the daily counters ahead of the numbers used, so live orders never collide.
        for day, value in counters.items():
            row = s.get(OrderCounter, day)
            if row is None:
                s.add(OrderCounter(business_date=day, last_value=value))
            else:
                row.last_value = max(row.last_value, value)
        uow.commit()
    return count


#: the demo's staff account, so a newcomer reaches the staff panel without reading code
