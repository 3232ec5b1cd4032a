"""The orders table's listing: status and day filters, search by order number or phone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Integer, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Customer, Order, OrderItem, Payment
from kiosk.services.errors import InvalidPhoneNumber
from kiosk.services.listings.base import (
    Listing,
    _check_statuses,
    _filter_changes,
    _none,
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
        self._search_filters: list[ColumnElement[bool]] | None = None
        self._page_statements: dict[bool, Any] = {}

    def with_filters(self, **changes: Any) -> OrderListing:
        clone = self._clone()
        for key, value in _filter_changes(changes, ("statuses", "day", "search", "today")):
            setattr(clone, key, tuple(value or ()) if key == "statuses" else value)
        clone._search_filters = None
        return clone

    def _filters(self) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if self.statuses:
            out.append(Order.status.in_(self.statuses))
        if self.day is not None:
            out.append(Order.business_date == self.day)
        if self.search:
            out += self._search_clause()
        return out

    def _search_clause(self) -> list[ColumnElement[bool]]:
        if self._search_filters is not None:
            return self._search_filters
        text = self.search
        settings = self._settings()
        result: list[ColumnElement[bool]]
        if _ORDER_NUMBER.fullmatch(text):
            number = f"{text[0].upper()}{int(text[1:]):03d}"
            if self.day is not None:
                result = [Order.number == number]
            else:
                today = self.today or date.today()
                days = [today - timedelta(days=i) for i in range(NUMBER_SEARCH_DAYS)]
                result = [Order.business_date.in_(days), Order.number == number]
        elif looks_like_phone(text):
            try:
                e164 = normalize_phone(text, settings.store.phone_region)
            except InvalidPhoneNumber:
                result = _none()
            else:
                # The member's id as a scalar subquery: no lookup statement of its own,
                # and the index on the orders' customer_id still answers.
                member = select(Customer.id).where(Customer.phone == e164).scalar_subquery()
                result = [Order.customer_id == member]
        else:
            result = _none()
        self._search_filters = result
        return result

    def _clone(self) -> OrderListing:
        clone = super()._clone()
        clone._page_statements = {}
        return clone

    def _rows(self, s: Session, offset: int, limit: int, total: int | None) -> list[OrderRow]:
        """One page in one statement: the page's ids (an index-only scan of the sort
        order) joined to their orders, each order's latest payment and its line count."""
        window = self._window(offset, limit, total)
        if window is None:
            return []
        offset, limit, from_end = window
        stmt = self._page_statements.get(from_end)
        if stmt is None:
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
            self._page_statements[from_end] = stmt
        self.queries += 1
        result = s.connection().execute(stmt, {"page_offset": offset, "page_limit": limit})
        return self._made(result.all())

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
