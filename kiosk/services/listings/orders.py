"""The orders table's listing: status and day filters, search by order number or phone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Integer, bindparam, false, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Customer, Order, OrderItem, Payment
from kiosk.services.errors import InvalidPhoneNumber
from kiosk.services.listings.base import (
    Listing,
    _check_statuses,
    _filter_changes,
    clean_search,
)
from kiosk.services.phone import looks_like_phone, mask_phone, normalize_phone
from kiosk.services.views import OrderRow

NUMBER_SEARCH_DAYS = 31
_ORDER_NUMBER = re.compile(r"[A-Za-z][0-9]{1,3}")


# -- orders -------------------------------------------------------------------------------


class OrderListing(Listing[OrderRow]):
    model = Order
    sort_keys: ClassVar[dict[str, tuple[InstrumentedAttribute[Any], ...]]] = {
        "created_at": (Order.created_at,),
        "number": (Order.business_date, Order.number),
        "status": (Order.status, Order.created_at),
        "id": (Order.id,),
    }
    default_sort = ("created_at", True)
    one_statement_pages = True

    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        statuses: Iterable[str] | None = None,
        day: date | None = None,
        search: str = "",
        sort: str | None = None,
        descending: bool | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(db, settings, sort, descending)
        _check_statuses(statuses)
        self.statuses = tuple(statuses or ())
        self.day = day
        self.search = clean_search(search)
        self.today = today
        self._search: tuple[tuple[str, ...], dict[str, Any]] | None = None

    def with_filters(self, **changes: Any) -> OrderListing:
        clone = self._clone()
        for key, value in _filter_changes(changes, ("statuses", "day", "search", "today")):
            setattr(clone, key, tuple(value or ()) if key == "statuses" else value)
        clone._search = None
        return clone

    def _shape(self) -> tuple[str, ...]:
        """Which of :data:`_FILTERS` apply; their values are in :meth:`_params`."""
        names: tuple[str, ...] = ()
        if self.statuses:
            names += ("statuses",)
        if self.day is not None:
            names += ("day",)
        if self.search:
            names += self._searched()[0]
        return names

    def _filters(self) -> list[ColumnElement[bool]]:
        return [_FILTERS[name] for name in self._shape()]

    def _params(self) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if self.statuses:
            params["statuses"] = list(self.statuses)
        if self.day is not None:
            params["day"] = self.day
        if self.search:
            params.update(self._searched()[1])
        return params

    def _searched(self) -> tuple[tuple[str, ...], dict[str, Any]]:
        """What the search box asks: the filters' names and their values."""
        if self._search is not None:
            return self._search
        text = self.search
        result: tuple[tuple[str, ...], dict[str, Any]]
        if _ORDER_NUMBER.fullmatch(text):
            number = f"{text[0].upper()}{int(text[1:]):03d}"
            if self.day is not None:
                result = ("number",), {"number": number}
            else:
                today = self.today or date.today()
                days = [today - timedelta(days=i) for i in range(NUMBER_SEARCH_DAYS)]
                result = ("days", "number"), {"days": days, "number": number}
        elif looks_like_phone(text):
            try:
                e164 = normalize_phone(text, self._settings().store.phone_region)
            except InvalidPhoneNumber:
                result = ("nothing",), {}
            else:
                result = ("member",), {"phone": e164}
        else:
            result = ("nothing",), {}
        self._search = result
        return result

    def opened(self, limit: int) -> tuple[int, list[OrderRow]]:
        """Unfiltered: the first page and the table's id span in one statement, which
        SQLite runs as its own read transaction (no ``BEGIN``); a short page or a large
        table is counted from them. A small table with a full first page, and a filtered
        listing, open as any listing does (:meth:`Listing.opened`)."""
        if not self._filters():
            with self._db.read(single=True) as s:
                rows, span = self._read(s, 0, limit, None, with_span=True)
            total = self._sized(rows, limit, span)
            if total is not None:
                return total, rows
        return super().opened(limit)

    def _rows(self, s: Session, offset: int, limit: int, total: int | None) -> list[OrderRow]:
        return self._read(s, offset, limit, total)[0]

    def _read(
        self, s: Session, offset: int, limit: int, total: int | None, with_span: bool = False
    ) -> tuple[list[OrderRow], int]:
        """One page in one statement: the page's ids (an index-only scan of the sort
        order) joined to their orders, each order's latest payment and its line count;
        ``with_span``: and ``max(id) - min(id) + 1`` of the whole table (0 if no row)."""
        window = self._window(offset, limit, total)
        if window is None:
            return [], 0
        offset, limit, from_end = window

        def build() -> Any:
            page = (
                select(Order.id)
                .where(*self._filters())
                .order_by(*self._order(self.descending != from_end))
                .offset(bindparam("page_offset", type_=Integer))
                .limit(bindparam("page_limit", type_=Integer))
                .subquery("page")
            )
            stmt = (
                _ROW_COLUMNS.select_from(page)
                .join(Order, Order.id == page.c.id)
                .outerjoin(Payment, Payment.id == _LATEST_PAYMENT)
                .order_by(*self._order(self.descending))
            )
            return stmt.add_columns(*_SPAN) if with_span else stmt

        stmt = self._statement(("page", from_end, with_span), build)
        self.queries += 1
        params = self._params() | {"page_offset": offset, "page_limit": limit}
        found = s.connection().execute(stmt, params).all()
        span = int(found[0][-1]) - int(found[0][-2]) + 1 if with_span and found else 0
        return self._made(found), span

    def _load(self, s: Session, ids: Sequence[int]) -> dict[int, OrderRow]:
        result = s.connection().execute(
            _ROW_COLUMNS.select_from(Order)
            .outerjoin(Payment, Payment.id == _LATEST_PAYMENT)
            .where(Order.id.in_(ids))
        )
        return {r.id: r for r in self._made(result.all())}

    def _made(self, rows: Sequence[Any]) -> list[OrderRow]:
        region = self._settings().store.phone_region
        return [
            OrderRow(
                id=o[0],
                number=o[1],
                business_date=o[2],
                created_at=o[3],
                status=o[4],
                mode=o[5],
                table_number=o[6] or "",
                kiosk_id=o[7],
                customer_id=o[8],
                customer_name=o[9],
                customer_phone=mask_phone(o[10], region) if o[10] else "",
                items=int(o[14] or 0),
                total=o[11],
                points_redeemed=o[12],
                points_earned=o[13],
                payment_method=o[15] or "",
                payment_status=o[16] or "",
                at_counter=bool(o[17]),
            )
            for o in rows
        ]


# The filters, over bound parameters (values in OrderListing._params), so that a statement
# is built once per shape of filters. A member's orders: the member's id as a scalar
# subquery (no lookup statement of its own; the index on customer_id still answers).
_FILTERS: dict[str, ColumnElement[bool]] = {
    "statuses": Order.status.in_(bindparam("statuses", expanding=True)),
    "day": Order.business_date == bindparam("day"),
    "days": Order.business_date.in_(bindparam("days", expanding=True)),
    "number": Order.number == bindparam("number"),
    "member": Order.customer_id
    == select(Customer.id).where(Customer.phone == bindparam("phone")).scalar_subquery(),
    "nothing": false(),
}

# The orders table's row: the order, its line count and its latest payment attempt (the
# payment with the highest id; none when unpaid), in the column order ``_made`` reads.
_LATEST_PAYMENT = (
    select(func.max(Payment.id))
    .where(Payment.order_id == Order.id)
    .correlate(Order)
    .scalar_subquery()
)
_ITEMS = (
    select(func.sum(OrderItem.quantity))
    .where(OrderItem.order_id == Order.id)
    .correlate(Order)
    .scalar_subquery()
)
# The table's id span beside a page (see Listing.count): each scalar subquery is answered
# once per statement from one end of the primary key, not correlated to the page's orders.
_SPAN = (
    select(func.min(Order.id)).correlate(None).scalar_subquery(),
    select(func.max(Order.id)).correlate(None).scalar_subquery(),
)
_ROW_COLUMNS = select(
    Order.id,
    Order.number,
    Order.business_date,
    Order.created_at,
    Order.status,
    Order.mode,
    Order.table_number,
    Order.kiosk_id,
    Order.customer_id,
    Order.customer_name,
    Order.customer_phone,
    Order.total,
    Order.points_redeemed,
    Order.points_earned,
    _ITEMS.label("items"),
    Payment.method,
    Payment.status.label("payment_status"),
    Payment.at_counter,
)
