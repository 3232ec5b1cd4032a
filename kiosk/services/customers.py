"""Customers and their memberships: sign-up, look-up by any typed phone form, editing."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Customer, Membership, points_to_next, tier_for
from kiosk.db.uow import locked
from kiosk.services.audit import audit_row
from kiosk.services.base import DatabaseService
from kiosk.services.errors import CustomerNotFound, InvalidInput, InvalidPhoneNumber, MemberExists
from kiosk.services.gateway import Clock
from kiosk.services.money import ZERO
from kiosk.services.phone import THAI_DIGITS, normalize_phone
from kiosk.services.validation import (
    ID,
    LIMIT,
    OFFSET,
    PHONE_TEXT,
    STAFF,
    Day,
    Fields,
    Flag,
    Text,
    validated,
)
from kiosk.services.views import MemberView

NAME_TOO_LONG = "That name is too long."
FIRST_NAME = Text(100, required=True, missing="Please enter a first name.", too_long=NAME_TOO_LONG)
LAST_NAME = Text(100, too_long=NAME_TOO_LONG)
MEMBER_FIELDS = Fields(
    {
        "first_name": FIRST_NAME,
        "last_name": LAST_NAME,
        "email": Text(254),
        "gender": Text(16),
        "birth_date": Day(optional=True, message="Birth date must look like 1990-04-13."),
        "address": Text(1000, multiline=True),
        "sms_marketing": Flag(),
        "email_marketing": Flag(),
        "phone": PHONE_TEXT,
    }
)


def like_pattern(text: str) -> str:
    """``%text%`` for ``LIKE ... ESCAPE '\\'``, with ``%``, ``_`` and ``\\`` in ``text``
    matching themselves (a search for "%" finds names with a percent sign, not everyone)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def masked_name(first_name: str, last_name: str) -> str:
    """ "Somchai S.": enough for a customer to recognise themselves, not for a passer-by."""
    first = first_name.strip()
    last = last_name.strip()
    if first and last:
        return f"{first} {last[0]}."
    return first or (f"{last[0]}." if last else "")


def next_tier_name(lifetime: int, tiers: Mapping[str, int]) -> str | None:
    higher = sorted((p, n) for n, p in tiers.items() if p > lifetime)
    return higher[0][1] if higher else None


def member_view(c: Customer, tiers: Mapping[str, int]) -> MemberView:
    m = c.membership or Membership(customer_id=c.id)
    return MemberView(
        id=c.id,
        phone=c.phone,
        first_name=c.first_name,
        last_name=c.last_name,
        full_name=c.full_name,
        masked_name=masked_name(c.first_name, c.last_name),
        points=m.points,
        lifetime_points=m.lifetime_points,
        tier=tier_for(m.lifetime_points, tiers),
        points_to_next_tier=points_to_next(m.lifetime_points, tiers),
        next_tier=next_tier_name(m.lifetime_points, tiers),
        total_spent=m.total_spent,
        visits_count=m.visits_count,
        last_visit=c.last_visit,
        email=c.email,
        sms_marketing=c.sms_marketing,
        email_marketing=c.email_marketing,
        created_at=c.created_at,
        marketing_consent_at=c.marketing_consent_at,
        marketing_policy_version=c.marketing_policy_version or "",
        erased=c.erased_at is not None,
    )


_MEMBER_COLUMNS = (
    Customer.id,
    Customer.phone,
    Customer.first_name,
    Customer.last_name,
    Customer.last_visit,
    Customer.email,
    Customer.sms_marketing,
    Customer.email_marketing,
    Customer.created_at,
    Membership.points,
    Membership.lifetime_points,
    Membership.total_spent,
    Membership.visits_count,
)
# Built once: one indexed probe of customers.phone joined to the membership. (Building a
# select() costs more than running this one on SQLite.)
_BY_PHONE = (
    select(*_MEMBER_COLUMNS)
    .outerjoin(Membership, Membership.customer_id == Customer.id)
    .where(Customer.phone == bindparam("phone"))  # unique: at most one row
)


class _MemberRow(NamedTuple):
    id: int
    phone: str
    first_name: str
    last_name: str
    last_visit: datetime | None
    email: str
    sms_marketing: bool
    email_marketing: bool
    created_at: datetime
    points: int | None
    lifetime_points: int | None
    total_spent: Decimal | None
    visits_count: int | None


def member_view_from_row(r: Any, tiers: Mapping[str, int]) -> MemberView:
    """A :class:`MemberView` from a row of :data:`_MEMBER_COLUMNS` (no ORM objects)."""
    lifetime = r.lifetime_points or 0
    first_name, last_name = r.first_name, r.last_name
    ladder = sorted(tiers.items(), key=lambda kv: kv[1])
    tier = ladder[0][0] if ladder else ""
    above = None
    for name, threshold in ladder:
        if lifetime >= threshold:
            tier = name
        elif above is None:
            above = (name, threshold)
    return MemberView(
        id=r.id,
        phone=r.phone,
        first_name=first_name,
        last_name=last_name,
        full_name=" ".join(p for p in (first_name, last_name) if p).strip(),
        masked_name=masked_name(first_name, last_name),
        points=r.points or 0,
        lifetime_points=lifetime,
        tier=tier,
        points_to_next_tier=above[1] - lifetime if above else None,
        next_tier=above[0] if above else None,
        total_spent=r.total_spent if r.total_spent is not None else ZERO,
        visits_count=r.visits_count or 0,
        last_visit=r.last_visit,
        email=r.email,
        sms_marketing=r.sms_marketing,
        email_marketing=r.email_marketing,
        created_at=r.created_at,
    )


def get_customer_by_phone(s: Session, e164: str, for_update: bool = False) -> Customer | None:
    q = select(Customer).options(selectinload(Customer.membership)).where(Customer.phone == e164)
    if for_update:
        q = locked(q)
    return s.scalars(q).first()


def _stamp_consent(c: Customer, settings: Settings) -> None:
    """PDPA: when the member said yes (or no) to marketing, and to which policy version."""
    c.marketing_consent_at = datetime.now(UTC)
    c.marketing_policy_version = settings.store.privacy_policy_version


class CustomerService(DatabaseService):
    def __init__(
        self, db: Database, settings: Callable[[], Settings], clock: Clock | None = None
    ) -> None:
        super().__init__(db, settings, clock)
        self._by_phone = db.compiled_read(_BY_PHONE)

    def normalize(self, phone: str) -> str:
        return normalize_phone(phone, self._settings().store.phone_region)

    @validated(
        first_name=FIRST_NAME,
        last_name=LAST_NAME,
        sms_marketing=Flag(),
        email_marketing=Flag(),
        email=Text(254),
    )
    def register(
        self,
        phone: str,
        first_name: str,
        last_name: str = "",
        sms_marketing: bool = False,
        email_marketing: bool = False,
        email: str = "",
    ) -> MemberView:
        """Quick sign-up: a customer and an empty bronze membership. Consent is opt-in."""
        e164 = self.normalize(phone)
        settings = self._settings()
        with self._db.uow() as uow:
            s = uow.session
            if get_customer_by_phone(s, e164) is not None:
                raise MemberExists("This phone number is already a member.")
            customer = Customer(
                phone=e164,
                first_name=first_name,
                last_name=(last_name or "").strip(),
                email=(email or "").strip(),
                sms_marketing=bool(sms_marketing),
                email_marketing=bool(email_marketing),
            )
            if customer.sms_marketing or customer.email_marketing:
                _stamp_consent(customer, settings)
            customer.membership = Membership(tier=tier_for(0, settings.loyalty.tiers))
            s.add(customer)
            try:
                uow.flush()
            except IntegrityError:
                raise MemberExists("This phone number is already a member.") from None
            view = member_view(customer, settings.loyalty.tiers)
            uow.commit()
        return view

    def find_by_phone(self, phone: str) -> MemberView | None:
        """Any way a person types the number; ``None`` if not a member.

        Raises :class:`InvalidPhoneNumber` when the text is not a phone number at all.
        """
        e164 = self.normalize(phone)
        row = self._by_phone.first(phone=e164)
        if row is None:
            return None
        return member_view_from_row(_MemberRow(*row), self._settings().loyalty.tiers)

    @validated(customer_id=ID)
    def get(self, customer_id: int) -> MemberView:
        with self._db.read() as s:
            c = s.get(Customer, customer_id, options=[selectinload(Customer.membership)])
            if c is None:
                raise CustomerNotFound("That member does not exist.")
            return member_view(c, self._settings().loyalty.tiers)

    @validated(query=Text(100, nfkc=True, label="Search"), limit=LIMIT, offset=OFFSET)
    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[MemberView]:
        """By phone (any typed form, or its last digits) or by name."""
        query = query or ""
        tiers = self._settings().loyalty.tiers
        with self._db.read() as s:
            q = select(Customer).options(selectinload(Customer.membership))
            if query:
                conds = []
                with contextlib.suppress(InvalidPhoneNumber):
                    conds.append(Customer.phone == self.normalize(query))
                digits = "".join(ch for ch in query.translate(THAI_DIGITS) if "0" <= ch <= "9")
                if len(digits) >= 4 and len(digits) == len(query.replace("-", "").replace(" ", "")):
                    conds.append(Customer.phone.endswith(digits.lstrip("0") or digits))
                like = like_pattern(query.lower())
                conds.append(func.lower(Customer.first_name).like(like, escape="\\"))
                conds.append(func.lower(Customer.last_name).like(like, escape="\\"))
                q = q.where(or_(*conds))
            q = q.order_by(Customer.id).limit(limit).offset(offset)
            return [member_view(c, tiers) for c in s.scalars(q)]

    @validated(customer_id=ID, staff=STAFF, fields=MEMBER_FIELDS)
    def update(self, customer_id: int, staff: str, **fields: Any) -> MemberView:
        """Edit a profile or marketing consent; audited with before/after."""
        if "phone" in fields:
            fields["phone"] = self.normalize(fields["phone"])
        with self._db.uow() as uow:
            s = uow.session
            c = s.get(Customer, customer_id, options=[selectinload(Customer.membership)])
            if c is None:
                raise CustomerNotFound("That member does not exist.")
            if c.erased_at is not None:
                raise InvalidInput("This member's personal data was erased; it cannot be edited.")
            before = {k: str(getattr(c, k)) for k in fields}
            consent_changed = any(
                k in ("sms_marketing", "email_marketing") and bool(v) != bool(getattr(c, k))
                for k, v in fields.items()
            )
            for k, v in fields.items():
                setattr(c, k, v)
            if consent_changed:
                _stamp_consent(c, self._settings())
            s.add(
                audit_row(
                    self._clock,
                    staff=staff,
                    action="member.update",
                    entity="customer",
                    entity_id=str(customer_id),
                    before=before,
                    after={k: str(v) for k, v in fields.items()},
                )
            )
            try:
                uow.flush()
            except IntegrityError:
                raise MemberExists("Another member already has that phone number.") from None
            view = member_view(c, self._settings().loyalty.tiers)
            uow.commit()
        return view

    def count(self) -> int:
        with self._db.read() as s:
            return s.scalar(select(func.count(Customer.id))) or 0
