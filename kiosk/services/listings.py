"""Paged, sortable listings for the admin tables (no Qt: the table models sit on top).

A listing is an immutable description of "these rows, in this order": filters plus a sort
key. It answers two questions cheaply at any size:

- :meth:`Listing.count` — ``SELECT count(*)`` with the filters (an index scan);
- :meth:`Listing.page` — one page of rows at an offset, in two steps: the ids of the
  page from an index that covers the ``ORDER BY`` (``SELECT id ... ORDER BY col, id
  LIMIT n OFFSET k``), then the full rows for just those ids. A page past the middle is
  read from the other end (reversed order, smaller offset), so the last page of a million
  rows costs what the first does.

Only columns with an index can be sorted on (:attr:`Listing.sort_keys`); the filters use
indexes too (phone search hits the unique phone index; name search is a prefix range on
the name indexes; order-number search probes the (business_date, number) index for the
last :data:`NUMBER_SEARCH_DAYS` days).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar, Generic, Self, TypeVar

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import (
    AuditLog,
    Customer,
    LoyaltyTransaction,
    Membership,
    Order,
    OrderItem,
    OrderStatus,
    Payment,
)
from kiosk.services.errors import InvalidInput, InvalidPhoneNumber, UnknownField, WrongType
from kiosk.services.phone import format_national, mask_phone, normalize_phone
from kiosk.services.validation import ID, MAX_ID, MAX_LIMIT, MAX_OFFSET, Int, shown, validated

NUMBER_SEARCH_DAYS = 31
EXACT_COUNT_BELOW = 20_000
"""An unfiltered table with a larger id span than this is counted by its id span."""
_ORDER_NUMBER = re.compile(r"[A-Za-z][0-9]{1,3}")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

R = TypeVar("R")
SEARCH_MAX = 100
# What a search box may hold: a control character or a lone surrogate (pasted, or half of
# an emoji) can match nothing, and PostgreSQL refuses NUL outright, so they are dropped.
_UNSTORABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
_PAGE_OFFSET = Int(0, 2**63 - 1, label="Offset")
_PAGE_LIMIT = Int(-(2**63), 2**63 - 1, label="Limit")


def clean_search(text: object) -> str:
    """Search text as typed, made safe for any backend: not text becomes "", control
    characters and lone surrogates are dropped, and at most :data:`SEARCH_MAX`
    characters are kept. A live search box never raises on what was typed."""
    if not isinstance(text, str):
        return ""
    return _UNSTORABLE.sub("", text[: SEARCH_MAX * 4]).strip()[:SEARCH_MAX]


# -- rows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    business_date: date
    created_at: datetime
    status: str
    mode: str
    kiosk_id: str
    customer_id: int | None
    customer_name: str
    customer_phone: str  # masked: 081-***-5678
    items: int
    total: Decimal
    points_redeemed: int
    points_earned: int
    payment_method: str
    payment_status: str
    at_counter: bool
    table_number: str = ""  # dine-in table or pager number; "" when none


@dataclass(frozen=True)
class MemberRow:
    id: int
    phone: str  # national format, e.g. 081-234-5678
    first_name: str
    last_name: str
    tier: str
    points: int
    lifetime_points: int
    total_spent: Decimal
    visits: int
    last_visit: datetime | None
    created_at: datetime
    sms_marketing: bool
    email_marketing: bool

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class AuditRow:
    id: int
    created_at: datetime
    staff: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class LoyaltyRow:
    id: int
    created_at: datetime
    type: str
    points: int
    balance_after: int
    reason: str
    order_number: str
    staff: str


# -- the generic part ---------------------------------------------------------------------


class Listing(Generic[R]):
    """Filters + sort over one table; subclasses say which table and how to load rows."""

    model: ClassVar[Any]
    sort_keys: ClassVar[dict[str, tuple[InstrumentedAttribute[Any], ...]]]
    default_sort: ClassVar[tuple[str, bool]]

    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        sort: str | None = None,
        descending: bool | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self.sort = sort if sort in self.sort_keys else self.default_sort[0]
        self.descending = self.default_sort[1] if descending is None else descending
        self.queries = 0  # statements run (tests and the benchmark read it)
        self.count_is_estimate = False

    # what subclasses provide
    def _filters(self) -> list[ColumnElement[bool]]:
        return []

    def _load(self, s: Session, ids: Sequence[int]) -> dict[int, R]:
        raise NotImplementedError

    # the API
    @classmethod
    def sortable(cls, key: str) -> bool:
        return key in cls.sort_keys

    def sorted_by(self, key: str, descending: bool = False) -> Self:
        """A copy sorted by ``key`` (unchanged when ``key`` has no index)."""
        if key not in self.sort_keys:
            return self
        clone = self._clone()
        clone.sort, clone.descending = key, descending
        return clone

    def _clone(self) -> Self:
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.queries = 0
        return clone

    def _order(self, descending: bool) -> list[Any]:
        cols = list(self.sort_keys[self.sort])
        pk = self.model.id
        if not any(c is pk for c in cols):
            cols.append(pk)
        return [c.desc() if descending else c.asc() for c in cols]

    def count(self) -> int:
        """The number of rows: exact when filtered or small; unfiltered and large, the
        id span ``max(id) - min(id) + 1`` (two probes of the primary key instead of a
        ``COUNT(*)`` over a million rows). Ids of orders, members and audit rows are never
        deleted, so on SQLite the span is exact; on PostgreSQL a rolled-back insert leaves
        a gap, and the table shows it as a row read twice where the pages read from the
        two ends meet."""
        with self._db.read() as s:
            return self._count(s)

    def opened(self, limit: int) -> tuple[int, list[R]]:
        """The count and the first ``limit`` rows, in one read transaction (what opening
        a table needs)."""
        with self._db.read() as s:
            total = self._count(s)
            ids = self._ids(s, 0, limit, total)
            if not ids:
                return total, []
            self.queries += 1
            rows = self._load(s, ids)
        return total, [rows[i] for i in ids if i in rows]

    def _count(self, s: Session) -> int:
        filters = self._filters()
        if not filters:
            self.queries += 1
            # Two scalar subqueries: SQLite answers each from one end of the primary
            # key, where min() and max() side by side would scan the table.
            pk = self.model.id
            low, high = s.execute(
                select(
                    select(func.min(pk)).scalar_subquery(),
                    select(func.max(pk)).scalar_subquery(),
                )
            ).one()
            if low is None:
                return 0
            span = int(high) - int(low) + 1
            if span > EXACT_COUNT_BELOW:
                self.count_is_estimate = True
                return span
        self.count_is_estimate = False
        self.queries += 1
        return int(
            s.scalar(select(func.count(self.model.id)).select_from(self.model).where(*filters)) or 0
        )

    @validated(offset=_PAGE_OFFSET, limit=_PAGE_LIMIT)
    def ids(self, offset: int, limit: int, total: int | None = None) -> list[int]:
        """Row ids of one page; ``total`` (the count) lets late pages read from the end."""
        with self._db.read() as s:
            return self._ids(s, offset, limit, total)

    def _ids(self, s: Session, offset: int, limit: int, total: int | None) -> list[int]:
        if limit <= 0 or offset < 0 or offset > MAX_OFFSET:
            return []
        limit = min(limit, MAX_LIMIT)
        if total is not None and (type(total) is not int or not 0 <= total <= MAX_ID):
            total = None
        q = select(self.model.id).where(*self._filters())
        self.queries += 1
        if total is not None and offset > total // 2:
            limit = min(limit, max(0, total - offset))
            if limit == 0:
                return []
            back = max(0, total - offset - limit)
            ids = s.scalars(
                q.order_by(*self._order(not self.descending)).offset(back).limit(limit)
            ).all()
            return list(reversed(ids))
        return list(
            s.scalars(q.order_by(*self._order(self.descending)).offset(offset).limit(limit)).all()
        )

    @validated(offset=_PAGE_OFFSET, limit=_PAGE_LIMIT)
    def page(self, offset: int, limit: int, total: int | None = None) -> list[R]:
        """Rows ``offset`` .. ``offset + limit - 1`` in the listing's order."""
        with self._db.read() as s:
            ids = self._ids(s, offset, limit, total)
            if not ids:
                return []
            self.queries += 1
            rows = self._load(s, ids)
        return [rows[i] for i in ids if i in rows]

    def get(self, row_id: int) -> R | None:
        """The row with id ``row_id``, or None (also for something that is not an id)."""
        if type(row_id) is not int or not 1 <= row_id <= MAX_ID:
            return None
        with self._db.read() as s:
            return self._load(s, [row_id]).get(row_id)


_TEXT_FILTERS = ("search", "action_prefix", "staff")


def _filter_changes(changes: dict[str, Any], allowed: tuple[str, ...]) -> list[tuple[str, Any]]:
    """Only the listing's own filters; text filters cleaned like a search box."""
    unknown = [k for k in changes if k not in allowed]
    if unknown:
        raise UnknownField(
            f"A listing can be filtered by {', '.join(allowed)} only.", shown(unknown[0])
        )
    for key in ("day", "today"):
        if changes.get(key) is not None and (
            isinstance(changes[key], datetime) or not isinstance(changes[key], date)
        ):
            raise WrongType("A day filter must be a date.", key)
    for key in ("since", "until"):
        if changes.get(key) is not None and not isinstance(changes[key], datetime):
            raise WrongType("A time filter must be a date and time.", key)
    if "statuses" in changes:
        _check_statuses(changes["statuses"])
    return [(k, clean_search(v) if k in _TEXT_FILTERS else v) for k, v in changes.items()]


_STATUSES = frozenset(s.value for s in OrderStatus)


def _check_statuses(statuses: object) -> None:
    if statuses is None:
        return
    if isinstance(statuses, str) or not isinstance(statuses, Iterable):
        raise WrongType("Statuses must be a list of order statuses.", "statuses")
    if not all(isinstance(s, str) and s in _STATUSES for s in statuses):
        raise InvalidInput(f"A status filter takes: {', '.join(sorted(_STATUSES))}.", "statuses")


def _none() -> list[ColumnElement[bool]]:
    return [false()]


def _digits(text: str) -> str:
    return "".join(ch for ch in text.translate(_THAI_DIGITS) if ch.isdigit())


def _looks_like_phone(text: str) -> bool:
    t = text.translate(_THAI_DIGITS).strip()
    return bool(t) and re.fullmatch(r"\+?[0-9\s\-.()]+", t) is not None


def phone_prefix(text: str, region: str) -> str | None:
    """The E.164 prefix a partly typed phone number stands for: ``081-23`` → ``+668123``.

    ``None`` when the text is not the start of a phone number of ``region``.
    """
    t = text.translate(_THAI_DIGITS).strip()
    digits = _digits(t)
    if not digits:
        return None
    if t.startswith("+"):
        return "+" + digits
    if region == "TH":
        if digits.startswith("66") and len(digits) > 9:
            return "+" + digits
        if digits.startswith("0"):
            return "+66" + digits[1:]
        return None
    return None


def _prefix_range(col: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """``col LIKE 'prefix%'`` written as an index range (case-sensitive, any backend)."""
    return (col >= prefix) & (col < prefix + "\U0010ffff")


def _name_variants(text: str) -> list[str]:
    t = text.strip()
    return list(dict.fromkeys([t, t.capitalize(), t.title(), t.lower(), t.upper()]))


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
        elif _looks_like_phone(text):
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
        items = dict(
            s.execute(
                select(OrderItem.order_id, func.sum(OrderItem.quantity))
                .where(OrderItem.order_id.in_(ids))
                .group_by(OrderItem.order_id)
            ).all()
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
        if _looks_like_phone(self.search):
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


# -- audit log ----------------------------------------------------------------------------


class AuditListing(Listing[AuditRow]):
    model = AuditLog
    sort_keys: ClassVar[dict[str, tuple[InstrumentedAttribute[Any], ...]]] = {
        "created_at": (AuditLog.created_at,),
        "action": (AuditLog.action, AuditLog.created_at),
    }
    default_sort = ("created_at", True)

    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        action_prefix: str = "",
        staff: str = "",
        since: datetime | None = None,
        until: datetime | None = None,
        sort: str | None = None,
        descending: bool | None = None,
    ) -> None:
        super().__init__(db, settings, sort, descending)
        self.action_prefix = clean_search(action_prefix)
        self.staff = clean_search(staff)
        self.since = since
        self.until = until

    def with_filters(self, **changes: Any) -> AuditListing:
        clone = self._clone()
        for key, value in _filter_changes(changes, ("action_prefix", "staff", "since", "until")):
            setattr(clone, key, value)
        return clone

    def _filters(self) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if self.action_prefix:
            out.append(_prefix_range(AuditLog.action, self.action_prefix))
        if self.staff:
            out.append(AuditLog.staff == self.staff)
        if self.since is not None:
            out.append(AuditLog.created_at >= self.since)
        if self.until is not None:
            out.append(AuditLog.created_at < self.until)
        return out

    def _load(self, s: Session, ids: Sequence[int]) -> dict[int, AuditRow]:
        return {
            a.id: AuditRow(
                id=a.id,
                created_at=a.created_at,
                staff=a.staff,
                action=a.action,
                entity=a.entity,
                entity_id=a.entity_id,
                before=a.before,
                after=a.after,
            )
            for a in s.scalars(select(AuditLog).where(AuditLog.id.in_(ids)))
        }

    def actions(self) -> list[str]:
        """The distinct action prefixes seen (``staff``, ``order``, ...), for a filter box."""
        with self._db.read() as s:
            names = s.scalars(select(AuditLog.action).distinct()).all()
        return sorted({n.split(".", 1)[0] for n in names})


__all__ = [
    "NUMBER_SEARCH_DAYS",
    "AuditListing",
    "AuditRow",
    "Listing",
    "LoyaltyListing",
    "LoyaltyRow",
    "MemberListing",
    "MemberRow",
    "OrderListing",
    "OrderRow",
    "phone_prefix",
]
