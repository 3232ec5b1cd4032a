"""CSV export of orders, payments, members and loyalty transactions for a date range.

Files are UTF-8 with a byte-order mark so Excel opens Thai text correctly, dates are the
store's local time, money has two decimals. Rows are streamed from the database in
batches (``yield_per``) and written as they come, so a million rows never sit in memory.
The range is of local dates, both ends included, on each table's indexed ``created_at``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select

from kiosk.config import Settings
from kiosk.db.models import (
    AuditLog,
    Customer,
    LoyaltyTransaction,
    Membership,
    Order,
    Payment,
)
from kiosk.services.audit import audit_row
from kiosk.services.base import DatabaseService
from kiosk.services.errors import InvalidInput
from kiosk.services.phone import format_national
from kiosk.services.reports import day_bounds

BATCH = 2_000
KINDS: tuple[str, ...] = ("orders", "payments", "members", "loyalty")


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path | None
    rows: int
    start: date
    end: date


def _local(moment: datetime | None, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


def _money(value: Any) -> str:
    return f"{value:.2f}" if value is not None else ""


def _phone(e164: str, region: str) -> str:
    if not e164:
        return ""
    try:
        return format_national(e164, region)
    except Exception:  # a malformed stored value still exports
        return e164


def _spec(
    kind: str, settings: Settings
) -> tuple[list[str], Callable[[datetime, datetime], Select[Any]], Callable[[Any], list[Any]]]:
    zone = ZoneInfo(settings.store.timezone)
    region = settings.store.phone_region
    tz = settings.store.timezone
    when = f"({tz})"
    if kind == "orders":
        header = [
            "order_id",
            "number",
            "business_date",
            f"created_at {when}",
            f"paid_at {when}",
            "status",
            "mode",
            "kiosk_id",
            "customer_id",
            "customer_name",
            "subtotal",
            "discount",
            "total",
            "vat",
            "points_redeemed",
            "points_earned",
        ]

        def query(start: datetime, end: datetime) -> Select[Any]:
            return (
                select(
                    Order.id,
                    Order.number,
                    Order.business_date,
                    Order.created_at,
                    Order.paid_at,
                    Order.status,
                    Order.mode,
                    Order.kiosk_id,
                    Order.customer_id,
                    Order.customer_name,
                    Order.subtotal,
                    Order.discount,
                    Order.total,
                    Order.vat,
                    Order.points_redeemed,
                    Order.points_earned,
                )
                .where(Order.created_at >= start, Order.created_at < end)
                .order_by(Order.created_at, Order.id)
            )

        def row(r: Any) -> list[Any]:
            return [
                r[0],
                r[1],
                r[2].isoformat(),
                _local(r[3], zone),
                _local(r[4], zone),
                r[5],
                r[6],
                r[7],
                r[8] if r[8] is not None else "",
                r[9],
                _money(r[10]),
                _money(r[11]),
                _money(r[12]),
                _money(r[13]),
                r[14],
                r[15],
            ]

        return header, query, row
    if kind == "payments":
        header = [
            "payment_id",
            "order_id",
            "order_number",
            f"created_at {when}",
            f"settled_at {when}",
            f"refunded_at {when}",
            "method",
            "status",
            "amount",
            "transaction_id",
            "card_brand",
            "card_last4",
            "at_counter",
            "staff",
            "kiosk_id",
            "message",
        ]

        def query(start: datetime, end: datetime) -> Select[Any]:
            return (
                select(
                    Payment.id,
                    Payment.order_id,
                    Order.number,
                    Payment.created_at,
                    Payment.settled_at,
                    Payment.refunded_at,
                    Payment.method,
                    Payment.status,
                    Payment.amount,
                    Payment.transaction_id,
                    Payment.card_brand,
                    Payment.card_last4,
                    Payment.at_counter,
                    Payment.staff,
                    Payment.kiosk_id,
                    Payment.message,
                )
                .join(Order, Order.id == Payment.order_id)
                .where(Payment.created_at >= start, Payment.created_at < end)
                .order_by(Payment.created_at, Payment.id)
            )

        def row(r: Any) -> list[Any]:
            return [
                r[0],
                r[1],
                r[2],
                _local(r[3], zone),
                _local(r[4], zone),
                _local(r[5], zone),
                r[6],
                r[7],
                _money(r[8]),
                r[9] or "",
                r[10],
                r[11],
                "yes" if r[12] else "no",
                r[13],
                r[14],
                r[15],
            ]

        return header, query, row
    if kind == "members":
        header = [
            "customer_id",
            "phone",
            "first_name",
            "last_name",
            "email",
            "sms_marketing",
            "email_marketing",
            f"created_at {when}",
            f"last_visit {when}",
            "tier",
            "points",
            "lifetime_points",
            "total_spent",
            "visits",
        ]

        def query(start: datetime, end: datetime) -> Select[Any]:
            return (
                select(
                    Customer.id,
                    Customer.phone,
                    Customer.first_name,
                    Customer.last_name,
                    Customer.email,
                    Customer.sms_marketing,
                    Customer.email_marketing,
                    Customer.created_at,
                    Customer.last_visit,
                    Membership.tier,
                    Membership.points,
                    Membership.lifetime_points,
                    Membership.total_spent,
                    Membership.visits_count,
                )
                .outerjoin(Membership, Membership.customer_id == Customer.id)
                .where(Customer.created_at >= start, Customer.created_at < end)
                .order_by(Customer.created_at, Customer.id)
            )

        def row(r: Any) -> list[Any]:
            return [
                r[0],
                _phone(r[1], region),
                r[2],
                r[3],
                r[4],
                "yes" if r[5] else "no",
                "yes" if r[6] else "no",
                _local(r[7], zone),
                _local(r[8], zone),
                r[9] or "",
                r[10] if r[10] is not None else 0,
                r[11] if r[11] is not None else 0,
                _money(r[12]) if r[12] is not None else "0.00",
                r[13] if r[13] is not None else 0,
            ]

        return header, query, row
    if kind == "loyalty":
        header = [
            "transaction_id",
            f"created_at {when}",
            "customer_id",
            "member_name",
            "type",
            "points",
            "balance_after",
            "order_number",
            "reason",
            "staff",
        ]
        T = LoyaltyTransaction

        def query(start: datetime, end: datetime) -> Select[Any]:
            return (
                select(
                    T.id,
                    T.created_at,
                    T.customer_id,
                    Customer.first_name,
                    Customer.last_name,
                    T.type,
                    T.points,
                    T.balance_after,
                    Order.number,
                    T.reason,
                    T.staff,
                )
                .join(Customer, Customer.id == T.customer_id)
                .outerjoin(Order, Order.id == T.order_id)
                .where(T.created_at >= start, T.created_at < end)
                .order_by(T.created_at, T.id)
            )

        def row(r: Any) -> list[Any]:
            name = " ".join(p for p in (r[3], r[4]) if p)
            return [r[0], _local(r[1], zone), r[2], name, r[5], r[6], r[7], r[8] or "", r[9], r[10]]

        return header, query, row
    if kind == "audit":
        header = [
            "id",
            f"created_at {when}",
            "staff",
            "action",
            "entity",
            "entity_id",
            "before",
            "after",
        ]

        def query(start: datetime, end: datetime) -> Select[Any]:
            return (
                select(
                    AuditLog.id,
                    AuditLog.created_at,
                    AuditLog.staff,
                    AuditLog.action,
                    AuditLog.entity,
                    AuditLog.entity_id,
                    AuditLog.before,
                    AuditLog.after,
                )
                .where(AuditLog.created_at >= start, AuditLog.created_at < end)
                .order_by(AuditLog.created_at, AuditLog.id)
            )

        def row(r: Any) -> list[Any]:
            import json

            def js(v: Any) -> str:
                return json.dumps(v, ensure_ascii=False, sort_keys=True) if v else ""

            return [r[0], _local(r[1], zone), r[2], r[3], r[4], r[5], js(r[6]), js(r[7])]

        return header, query, row
    raise InvalidInput(f"Unknown export {kind!r}: choose one of {', '.join((*KINDS, 'audit'))}.")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def safe_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (``=HYPERLINK(...)`` typed as a member's
    name) gets a leading apostrophe; numbers, including negative ones, are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class ExportService(DatabaseService):
    def header(self, kind: str) -> list[str]:
        return _spec(kind, self._settings())[0]

    def rows(self, kind: str, start: date, end: date) -> Iterator[list[Any]]:
        """Yield the header, then each row, streamed from the database."""
        if end < start:
            raise InvalidInput("The end date is before the start date.")
        settings = self._settings()
        header, query, convert = _spec(kind, settings)
        lo, _ = day_bounds(start, settings.store.timezone)
        _, hi = day_bounds(end, settings.store.timezone)
        yield header
        with self._db.read() as s:
            result = s.execute(query(lo, hi).execution_options(yield_per=BATCH))
            for r in result:
                yield convert(r)

    def write(
        self,
        kind: str,
        start: date,
        end: date,
        out: TextIO,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write CSV to a text stream (open it with ``encoding="utf-8-sig"``, ``newline=""``)
        and return the number of data rows."""
        writer = csv.writer(out)
        count = -1
        for count, row in enumerate(self.rows(kind, start, end)):
            writer.writerow([safe_cell(value) for value in row])
            if count and count % BATCH == 0:
                if progress:
                    progress(count)
                if cancelled and cancelled():
                    raise InvalidInput("The export was cancelled.")
        return max(count, 0)

    def export(
        self,
        kind: str,
        start: date,
        end: date,
        path: Path,
        staff: str = "",
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Write ``path`` (UTF-8 with BOM) atomically and audit the export."""
        path = Path(path)
        tmp = path.with_name(path.name + ".part")
        try:
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                rows = self.write(kind, start, end, fh, progress, cancelled)
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        with self._db.uow() as uow:
            uow.session.add(
                audit_row(
                    self._clock,
                    staff=staff or "system",
                    action="export.csv",
                    entity=kind,
                    after={
                        "kind": kind,
                        "start": start.isoformat(),
                        "end": end.isoformat(),
                        "rows": rows,
                        "file": path.name,
                    },
                )
            )
            uow.commit()
        return ExportResult(kind, path, rows, start, end)

    def to_text(self, kind: str, start: date, end: date) -> str:
        """The CSV as a string with its BOM (small ranges, tests)."""
        buf = io.StringIO()
        buf.write("\ufeff")
        self.write(kind, start, end, buf)
        return buf.getvalue()


def default_filename(kind: str, start: date, end: date) -> str:
    return f"orderup_{kind}_{start.isoformat()}_{end.isoformat()}.csv"


__all__: Sequence[str] = ["KINDS", "ExportResult", "ExportService", "default_filename"]
