"""The orders table's listing: status and day filters, search by order number or phone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Customer, Order, OrderItem, Payment
from kiosk.db.uow import grouped
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
                with self._db.read() as s:
                    cid = s.scalar(select(Customer.id).where(Customer.phone == e164))
                result = [Order.customer_id == cid] if cid is not None else _none()
        else:
            result = _none()
        self._search_filters = result
        return result

    def _load(self, s: Session, ids: Sequence[int]) -> dict[int, OrderRow]:
        region = self._settings().store.phone_region
        orders = s.execute(
            select(
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
            ).where(Order.id.in_(ids))
        ).all()
        pays: dict[int, tuple[str, str, bool]] = {}
        for order_id, method, status, at_counter in s.execute(
            select(Payment.order_id, Payment.method, Payment.status, Payment.at_counter)
            .where(Payment.order_id.in_(ids))
            .order_by(Payment.id)
        ):
            pays[order_id] = (method, status, bool(at_counter))  # the latest attempt wins
        items = grouped(
            s, OrderItem.order_id, func.sum(OrderItem.quantity), OrderItem.order_id.in_(ids)
        )
        out = {}
        for o in orders:
            method, pstatus, at_counter = pays.get(o.id, ("", "", False))
            out[o.id] = OrderRow(
                id=o.id,
                number=o.number,
                business_date=o.business_date,
                created_at=o.created_at,
                status=o.status,
                mode=o.mode,
                table_number=o.table_number or "",
                kiosk_id=o.kiosk_id,
                customer_id=o.customer_id,
                customer_name=o.customer_name,
                customer_phone=mask_phone(o.customer_phone, region) if o.customer_phone else "",
                items=int(items.get(o.id) or 0),
                total=o.total,
                points_redeemed=o.points_redeemed,
                points_earned=o.points_earned,
                payment_method=method,
                payment_status=pstatus,
                at_counter=at_counter,
            )
        return out
