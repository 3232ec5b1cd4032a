"""The generic part of a listing: filters + sort over one table, counted and paged.

Row values are in :mod:`kiosk.services.views`; the tables' own listings are in the
sibling modules (:mod:`.orders`, :mod:`.members`, :mod:`.audit`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, ClassVar, Generic, Self, TypeVar

from sqlalchemy import ColumnElement, false, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import OrderStatus
from kiosk.services.errors import InvalidInput, UnknownField, WrongType
from kiosk.services.validation import MAX_ID, MAX_LIMIT, MAX_OFFSET, Int, shown, validated

EXACT_COUNT_BELOW = 20_000
"""An unfiltered table with a larger id span than this is counted by its id span."""

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


# -- the generic part ---------------------------------------------------------------------


class Listing(Generic[R]):
    """Filters + sort over one table; subclasses say which table and how to load rows."""

    model: ClassVar[Any]
    one_statement_pages: ClassVar[bool] = False
    """True where :meth:`_rows` reads a page in one statement (then without a ``BEGIN``)."""
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

    def _params(self) -> dict[str, Any]:
        """The values of the bound parameters :meth:`_filters` uses (none here)."""
        return {}

    def _shape(self) -> tuple[str, ...] | None:
        """Names for which filters are set, when :meth:`_filters` holds no values (they
        are all in :meth:`_params`): then one statement per shape, sort and direction is
        built once and reused by every listing (building a statement, and SQLAlchemy
        keying its compiled cache on it, costs more than running it). None: built anew."""
        return None

    def _statement(self, kind: Hashable, build: Callable[[], Any]) -> Any:
        """The statement ``build()`` makes, kept per listing type, ``kind``, shape of the
        filters, sort and direction when :meth:`_shape` allows it."""
        shape = self._shape()
        if shape is None:
            return build()
        key = (type(self), kind, shape, self.sort, self.descending)
        stmt = _STATEMENTS.get(key)
        if stmt is None:
            stmt = _STATEMENTS[key] = build()
        return stmt

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
        """The count and the first ``limit`` rows (what opening a table needs), in one
        read transaction. A filtered listing reads its first page first: a page shorter
        than ``limit`` is every row there is, so no ``COUNT`` is needed (a search for one
        member's orders, an order number). Where a page is one statement
        (:attr:`one_statement_pages`), a filtered first page is read without a ``BEGIN``
        and a ``COUNT`` after a full one sees the database of its own moment, as every
        later page does."""
        if self._filters():
            with self._db.read(single=self.one_statement_pages) as s:
                rows = self._rows(s, 0, limit, None)
                if len(rows) < min(limit, MAX_LIMIT):
                    self.count_is_estimate = False
                    return len(rows), rows
                return self._count(s), rows
        with self._db.read() as s:
            total = self._count(s)
            return total, self._rows(s, 0, limit, total)

    def _count(self, s: Session) -> int:
        filters = self._filters()
        if not filters:
            self.queries += 1
            low, high = s.execute(_span(self.model)).one()
            if low is None:
                return 0
            span = int(high) - int(low) + 1
            if span > EXACT_COUNT_BELOW:
                self.count_is_estimate = True
                return span
        self.count_is_estimate = False
        self.queries += 1
        stmt = self._statement(
            "count",
            lambda: select(func.count(self.model.id)).select_from(self.model).where(*filters),
        )
        return int(s.scalar(stmt, self._params()) or 0)

    @validated(offset=_PAGE_OFFSET, limit=_PAGE_LIMIT)
    def ids(self, offset: int, limit: int, total: int | None = None) -> list[int]:
        """Row ids of one page; ``total`` (the count) lets late pages read from the end."""
        with self._db.read() as s:
            return self._ids(s, offset, limit, total)

    def _window(self, offset: int, limit: int, total: int | None) -> tuple[int, int, bool] | None:
        """Where one page is read from: ``(offset, limit, from_the_end)``, or None when the
        page is empty. A page past the middle of ``total`` rows is read from the other end
        (the reversed order, offset from the end), so the last page costs what the first
        does."""
        if limit <= 0 or offset < 0 or offset > MAX_OFFSET:
            return None
        limit = min(limit, MAX_LIMIT)
        if total is not None and (type(total) is not int or not 0 <= total <= MAX_ID):
            total = None
        if total is not None and offset > total // 2:
            limit = min(limit, max(0, total - offset))
            if limit == 0:
                return None
            return max(0, total - offset - limit), limit, True
        return offset, limit, False

    def _ids(self, s: Session, offset: int, limit: int, total: int | None) -> list[int]:
        window = self._window(offset, limit, total)
        if window is None:
            return []
        offset, limit, from_end = window
        q = select(self.model.id).where(*self._filters())
        self.queries += 1
        ids = s.scalars(
            q.order_by(*self._order(self.descending != from_end)).offset(offset).limit(limit),
            self._params(),
        ).all()
        return list(reversed(ids)) if from_end else list(ids)

    def _rows(self, s: Session, offset: int, limit: int, total: int | None) -> list[R]:
        """One page of rows in the listing's order: the page's ids, then their rows (a
        listing may read both in one statement instead)."""
        ids = self._ids(s, offset, limit, total)
        if not ids:
            return []
        self.queries += 1
        rows = self._load(s, ids)
        return [rows[i] for i in ids if i in rows]

    @validated(offset=_PAGE_OFFSET, limit=_PAGE_LIMIT)
    def page(self, offset: int, limit: int, total: int | None = None) -> list[R]:
        """Rows ``offset`` .. ``offset + limit - 1`` in the listing's order."""
        with self._db.read(single=self.one_statement_pages) as s:
            return self._rows(s, offset, limit, total)

    def _sized(self, rows: Sequence[R], limit: int, span: int) -> int | None:
        """The row count an unfiltered first page and the table's id span give, without a
        ``COUNT``: a page shorter than ``limit`` is every row there is, a large table is
        counted by its span (see :meth:`count`); None when only a ``COUNT`` can tell."""
        if len(rows) < min(limit, MAX_LIMIT):
            self.count_is_estimate = False
            return len(rows)
        if span > EXACT_COUNT_BELOW:
            self.count_is_estimate = True
            return span
        return None

    def get(self, row_id: int) -> R | None:
        """The row with id ``row_id``, or None (also for something that is not an id)."""
        if type(row_id) is not int or not 1 <= row_id <= MAX_ID:
            return None
        with self._db.read() as s:
            return self._load(s, [row_id]).get(row_id)


_STATEMENTS: dict[tuple[Any, ...], Any] = {}
"""Statements kept by :meth:`Listing._statement`: a few per listing type (one per shape of
filters, sort and direction in use)."""
_SPANS: dict[Any, Any] = {}


def _span(model: Any) -> Any:
    """``min(id)`` and ``max(id)`` of ``model``'s table as two scalar subqueries: SQLite
    answers each from one end of the primary key, where ``min()`` and ``max()`` side by
    side would scan the table. Built once per table."""
    stmt = _SPANS.get(model)
    if stmt is None:
        pk = model.id
        stmt = _SPANS[model] = select(
            select(func.min(pk)).scalar_subquery(),
            select(func.max(pk)).scalar_subquery(),
        )
    return stmt


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


def _prefix_range(col: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """``col LIKE 'prefix%'`` written as an index range (case-sensitive, any backend)."""
    return (col >= prefix) & (col < prefix + "\U0010ffff")


def _name_variants(text: str) -> list[str]:
    t = text.strip()
    return list(dict.fromkeys([t, t.capitalize(), t.title(), t.lower(), t.upper()]))
