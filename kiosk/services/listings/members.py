"""The members table's listing (search by phone, phone prefix or name) and the loyalty
transactions of one member."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Customer, LoyaltyTransaction, Membership, Order
from kiosk.services.errors import InvalidPhoneNumber
from kiosk.services.listings.base import (
    Listing,
    _name_variants,
    _none,
    _prefix_range,
    clean_search,
)
from kiosk.services.phone import format_national, looks_like_phone, normalize_phone, phone_prefix
from kiosk.services.validation import ID
from kiosk.services.views import LoyaltyRow, MemberRow

# -- members ------------------------------------------------------------------------------


class MemberListing(Listing[MemberRow]):
    model = Customer
    sort_keys: ClassVar[dict[str, tuple[InstrumentedAttribute[Any], ...]]] = {
        "id": (Customer.id,),
        "phone": (Customer.phone,),
        "first_name": (Customer.first_name,),
        "last_name": (Customer.last_name,),
        "created_at": (Customer.created_at,),
    }
    default_sort = ("id", True)

    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        search: str = "",
        sort: str | None = None,
        descending: bool | None = None,
    ) -> None:
        super().__init__(db, settings, sort, descending)
        self.search = clean_search(search)

    def searched(self, text: str) -> MemberListing:
        clone = self._clone()
        clone.search = clean_search(text)
        return clone

    @property
    def search_kind(self) -> str:
        """ "" (everything), "phone" (exact, unique index), "phone_prefix" or "name"."""
        if not self.search:
            return ""
        if looks_like_phone(self.search):
            try:
                normalize_phone(self.search, self._settings().store.phone_region)
                return "phone"
            except InvalidPhoneNumber:
                return "phone_prefix"
        return "name"

    def _filters(self) -> list[ColumnElement[bool]]:
        kind = self.search_kind
        region = self._settings().store.phone_region
        if kind == "phone":
            return [Customer.phone == normalize_phone(self.search, region)]
        if kind == "phone_prefix":
            prefix = phone_prefix(self.search, region)
            return [_prefix_range(Customer.phone, prefix)] if prefix else _none()
        if kind == "name":
            words = self.search.split()
            conds = []
            for v in _name_variants(words[0]):
                conds.append(_prefix_range(Customer.first_name, v))
                conds.append(_prefix_range(Customer.last_name, v))
            out: list[ColumnElement[bool]] = [or_(*conds)]
            if len(words) > 1:  # "Somchai Sr": first name and last-name prefix
                out = [
                    Customer.first_name.in_(_name_variants(words[0])),
                    or_(*(_prefix_range(Customer.last_name, v) for v in _name_variants(words[1]))),
                ]
            return out
        return []

    def _load(self, s: Session, ids: Sequence[int]) -> dict[int, MemberRow]:
        region = self._settings().store.phone_region
        tiers = self._settings().loyalty.tiers
        from kiosk.db.models import tier_for

        rows = s.execute(
            select(
                Customer.id,
                Customer.phone,
                Customer.first_name,
                Customer.last_name,
                Customer.last_visit,
                Customer.created_at,
                Customer.sms_marketing,
                Customer.email_marketing,
                Membership.points,
                Membership.lifetime_points,
                Membership.total_spent,
                Membership.visits_count,
            )
            .outerjoin(Membership, Membership.customer_id == Customer.id)
            .where(Customer.id.in_(ids))
        ).all()
        out = {}
        for r in rows:
            try:
                phone = format_national(r.phone, region)
            except InvalidPhoneNumber:
                phone = r.phone
            lifetime = r.lifetime_points or 0
            out[r.id] = MemberRow(
                id=r.id,
                phone=phone,
                first_name=r.first_name,
                last_name=r.last_name,
                tier=tier_for(lifetime, tiers),
                points=r.points or 0,
                lifetime_points=lifetime,
                total_spent=r.total_spent if r.total_spent is not None else Decimal("0.00"),
                visits=r.visits_count or 0,
                last_visit=r.last_visit,
                created_at=r.created_at,
                sms_marketing=bool(r.sms_marketing),
                email_marketing=bool(r.email_marketing),
            )
        return out


# -- loyalty transactions of one member ----------------------------------------------------


class LoyaltyListing(Listing[LoyaltyRow]):
    model = LoyaltyTransaction
    sort_keys: ClassVar[dict[str, tuple[InstrumentedAttribute[Any], ...]]] = {
        "created_at": (LoyaltyTransaction.customer_id, LoyaltyTransaction.created_at),
    }
    default_sort = ("created_at", True)

    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        customer_id: int,
        sort: str | None = None,
        descending: bool | None = None,
    ) -> None:
        super().__init__(db, settings, sort, descending)
        self.customer_id = ID.check(customer_id, "customer_id")

    def _filters(self) -> list[ColumnElement[bool]]:
        return [LoyaltyTransaction.customer_id == self.customer_id]

    def _load(self, s: Session, ids: Sequence[int]) -> dict[int, LoyaltyRow]:
        T = LoyaltyTransaction
        rows = s.execute(
            select(
                T.id,
                T.created_at,
                T.type,
                T.points,
                T.balance_after,
                T.reason,
                T.staff,
                Order.number,
            )
            .outerjoin(Order, Order.id == T.order_id)
            .where(T.id.in_(ids))
        ).all()
        return {
            r.id: LoyaltyRow(
                id=r.id,
                created_at=r.created_at,
                type=r.type,
                points=r.points,
                balance_after=r.balance_after,
                reason=r.reason,
                order_number=r.number or "",
                staff=r.staff,
            )
            for r in rows
        }
