"""Passive table models for the admin panel (Anki's DataModel idea).

:class:`PagedTableModel` knows the row count (one ``COUNT``) and keeps a small LRU
cache of pages; ``data()`` for a row outside the cache fetches just that page from a
:class:`kiosk.services.listings.Listing`. Opening a million-row table therefore costs a
count and one page, scrolling to the end costs one page read from the other end, and
memory stays at ``page_size * max_pages`` rows. Sorting asks the listing for an
index-backed ``ORDER BY`` and resets; columns without an index are not sortable.

The small tables (menu items, staff) hold all their rows: there are tens of them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from kiosk.services.listings import (
    AuditRow,
    Listing,
    LoyaltyRow,
    MemberRow,
    OrderRow,
)
from kiosk.services.staff import StaffView
from kiosk.services.views import MenuItemView
from kiosk.ui.admin.format import (
    language,
    local_dt,
    method_label,
    mode_label,
    money,
    role_label,
    short_dt,
    status_label,
    tier_label,
    tr,
    tx_label,
)
from kiosk.ui.admin.marks import marks_text
from kiosk.ui.admin.theme import color, status_color

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ROW_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    key: str
    title: str
    text: Callable[[R], str]
    sort_key: str | None = None  # the listing's sort key; None: not sortable
    align: Qt.AlignmentFlag = LEFT
    foreground: Callable[[R], Any] | None = None
    width: int = 0


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table over a :class:`Listing`, fetched a page at a time."""

    page_size = 50  # a screenful and a half: the first paint formats no more than that
    max_pages = 12

    def __init__(
        self,
        listing: Listing[R],
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        page_size: int | None = None,
        max_pages: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._listing = listing
        self._columns = list(columns)
        self._align = [int(c.align.value) for c in self._columns]
        if page_size:
            self.page_size = page_size
        if max_pages:
            self.max_pages = max_pages
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        # The cell texts of a cached page, made once per page (not per painted cell);
        # keyed by page number and checked against the page list they were made from.
        self._texts: dict[int, tuple[list[R], list[list[str]]]] = {}
        self.pages_fetched = 0
        self.rows_fetched = 0
        self.max_rows_in_one_fetch = 0
        self._count = self._open(listing)

    # -- paging -------------------------------------------------------------------------
    @property
    def listing(self) -> Listing[R]:
        return self._listing

    @property
    def columns(self) -> list[Column[R]]:
        return self._columns

    @property
    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    @property
    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def _page(self, number: int) -> list[R]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        page = self._listing.page(number * self.page_size, self.page_size, self._count)
        self.pages_fetched += 1
        self.rows_fetched += len(page)
        self.max_rows_in_one_fetch = max(self.max_rows_in_one_fetch, len(page))
        self._pages[number] = page
        while len(self._pages) > self.max_pages:
            old, _ = self._pages.popitem(last=False)
            self._texts.pop(old, None)
        return page

    def _open(self, listing: Listing[R]) -> int:
        """Count and fetch the first page together (one read transaction)."""
        total, first = listing.opened(self.page_size)
        if first:
            self._pages[0] = first
            self.pages_fetched += 1
            self.rows_fetched += len(first)
            self.max_rows_in_one_fetch = max(self.max_rows_in_one_fetch, len(first))
        return total

    def _cells(self, row: int) -> tuple[list[str], list[Any]] | None:
        """The texts and foreground brushes of one row. The first cell asked for on a page
        formats the whole page, once; painting then only looks them up."""
        number, offset = divmod(row, self.page_size)
        entry = self._texts.get(number)  # a painted page: no fetch, no LRU bookkeeping
        if entry is not None and offset < len(entry[1]) and 0 <= row < self._count:
            return entry[1][offset]
        if not 0 <= row < self._count:
            return None
        page = self._page(number)
        if offset >= len(page):
            return None
        entry = self._texts.get(number)
        if entry is None or entry[0] is not page:
            entry = (page, [self._format(item) for item in page])
            self._texts[number] = entry
        return entry[1][offset]

    def _format(self, item: R) -> tuple[list[str], list[Any]]:
        texts = [c.text(item) for c in self._columns]
        brushes: list[Any] = []
        for c in self._columns:
            value = c.foreground(item) if c.foreground is not None else None
            brushes.append(QBrush(value) if value is not None else None)
        return texts, brushes

    def row(self, row: int) -> R | None:
        """The row object at ``row`` (fetching its page if needed), or None."""
        if not 0 <= row < self._count:
            return None
        page = self._page(row // self.page_size)
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    def row_id(self, row: int) -> int | None:
        item = self.row(row)
        return getattr(item, "id", None) if item is not None else None

    def find_cached(self, row_id: int) -> int | None:
        """The row number of ``row_id`` if its page is cached (no query)."""
        for number, page in self._pages.items():
            for i, item in enumerate(page):
                if getattr(item, "id", None) == row_id:
                    return number * self.page_size + i
        return None

    def set_listing(self, listing: Listing[R]) -> None:
        """New filters or sort: one count, cache dropped."""
        self.beginResetModel()
        self._listing = listing
        self._pages.clear()
        self._texts.clear()
        self._count = self._open(listing)
        self.endResetModel()

    def refresh(self) -> None:
        """Re-count and drop the cache (new or changed rows)."""
        self.set_listing(self._listing)

    def retranslate(self, columns: Sequence[Column[R]] | None = None) -> None:
        """After a language switch: new column titles (same columns), every cell redrawn.
        Nothing is fetched again: the cells are made from the cached rows when painted."""
        if columns is not None:
            assert len(columns) == len(self._columns), "retranslate keeps the columns"
            self._columns = list(columns)
            self._align = [int(c.align.value) for c in self._columns]
        self._texts.clear()
        _redraw(self)

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        kind = _ROLE_KIND.get(role)  # most roles a view asks for are none of ours
        if kind is None:
            return None
        column = index.column()
        if not 0 <= column < len(self._align):  # an invalid index has column -1
            return None
        if kind == _K_ALIGN:
            return self._align[column]
        if kind <= _K_FOREGROUND:
            cells = self._cells(index.row())
            if cells is None:
                return None
            return cells[0][column] if kind == _K_TEXT else cells[1][column]
        item = self.row(index.row())
        if item is None:
            return None
        if kind == _K_ROW_ID:
            return getattr(item, "id", None)
        return item

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if int(role) == _DISPLAY:
            return column.title
        if int(role) == _ALIGN:
            return int(column.align.value)
        if int(role) == _TOOLTIP and column.sort_key is None:
            return tr("This column cannot be sorted")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    def sort_column(self) -> int:
        for i, c in enumerate(self._columns):
            if c.sort_key == self._listing.sort:
                return i
        return -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query with an index-backed ORDER BY; columns without one are ignored."""
        if not self.sortable(column):
            return
        key = self._columns[column].sort_key
        assert key is not None
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._listing.sort and descending == self._listing.descending:
            return
        self.beginResetModel()
        self._listing = self._listing.sorted_by(key, descending)
        self._pages.clear()
        self._texts.clear()
        self.endResetModel()


def _redraw(model: QAbstractTableModel) -> None:
    columns = model.columnCount()
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    rows = model.rowCount()
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ROLES = {_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, ROW_ID_ROLE, ROW_ROLE}
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_K_TEXT, _K_FOREGROUND, _K_ALIGN, _K_ROW_ID, _K_ROW = range(5)
_ROLE_KIND: dict[Any, int] = {}
for _role, _kind in (
    (Qt.ItemDataRole.DisplayRole, _K_TEXT),
    (Qt.ItemDataRole.ToolTipRole, _K_TEXT),
    (Qt.ItemDataRole.ForegroundRole, _K_FOREGROUND),
    (Qt.ItemDataRole.TextAlignmentRole, _K_ALIGN),
):
    _ROLE_KIND[_role] = _ROLE_KIND[int(_role)] = _kind
_ROLE_KIND[ROW_ID_ROLE] = _K_ROW_ID
_ROLE_KIND[ROW_ROLE] = _K_ROW


# -- column sets ----------------------------------------------------------------------------


def order_columns(tz: Callable[[], str], today: Callable[[], date]) -> list[Column[OrderRow]]:
    def payment(r: OrderRow) -> str:
        if not r.payment_method:
            return tr("Unpaid")
        if r.payment_status == "pending" and r.at_counter:
            return tr("{method} · at counter").format(method=method_label(r.payment_method))
        return f"{method_label(r.payment_method)} · {status_label(r.payment_status)}"

    def customer(r: OrderRow) -> str:
        if not r.customer_id:
            return "—"
        name = r.customer_name or tr("Member")
        return f"{name}  {r.customer_phone}".strip()

    return [
        Column("number", tr("Order"), lambda r: r.number, "number"),
        Column(
            "created_at", tr("Time"), lambda r: short_dt(r.created_at, tz(), today()), "created_at"
        ),
        Column(
            "status",
            tr("Status"),
            lambda r: status_label(r.status),
            "status",
            foreground=lambda r: status_color(r.status),
        ),
        Column(
            "mode",
            tr("Mode"),
            lambda r: mode_label(r.mode) + (f" {r.table_number}" if r.table_number else ""),
        ),
        Column("customer", tr("Member"), customer),
        Column("items", tr("Items"), lambda r: str(r.items), align=RIGHT),
        Column("total", tr("Total"), lambda r: money(r.total), align=RIGHT),
        Column(
            "payment",
            tr("Payment"),
            payment,
            foreground=lambda r: color("warning") if r.payment_status != "succeeded" else None,
        ),
        Column("kiosk", tr("Kiosk"), lambda r: r.kiosk_id),
    ]


def member_columns(tz: Callable[[], str]) -> list[Column[MemberRow]]:
    return [
        Column("phone", tr("Phone"), lambda r: r.phone, "phone"),
        Column("first_name", tr("First name"), lambda r: r.first_name, "first_name"),
        Column("last_name", tr("Last name"), lambda r: r.last_name, "last_name"),
        Column("tier", tr("Tier"), lambda r: tier_label(r.tier)),
        Column("points", tr("Points"), lambda r: f"{r.points:,}", align=RIGHT),
        Column("total_spent", tr("Spent"), lambda r: money(r.total_spent), align=RIGHT),
        Column("visits", tr("Visits"), lambda r: f"{r.visits:,}", align=RIGHT),
        Column(
            "created_at", tr("Joined"), lambda r: local_dt(r.created_at, tz())[:10], "created_at"
        ),
        Column("id", tr("ID"), lambda r: str(r.id), "id", align=RIGHT),
    ]


def loyalty_columns(tz: Callable[[], str]) -> list[Column[LoyaltyRow]]:
    return [
        Column("created_at", tr("When"), lambda r: local_dt(r.created_at, tz()), "created_at"),
        Column("type", tr("Type"), lambda r: tx_label(r.type)),
        Column(
            "points",
            tr("Points"),
            lambda r: f"{r.points:+,}",
            align=RIGHT,
            foreground=lambda r: color("success") if r.points > 0 else color("danger"),
        ),
        Column("balance_after", tr("Balance"), lambda r: f"{r.balance_after:,}", align=RIGHT),
        Column("order_number", tr("Order"), lambda r: r.order_number),
        Column("reason", tr("Reason"), lambda r: r.reason),
        Column("staff", tr("Staff"), lambda r: r.staff),
    ]


def _summary(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    return ", ".join(f"{k}: {v}" for k, v in values.items())


def audit_columns(tz: Callable[[], str]) -> list[Column[AuditRow]]:
    return [
        Column("created_at", tr("When"), lambda r: local_dt(r.created_at, tz()), "created_at"),
        Column("staff", tr("Staff"), lambda r: r.staff),
        Column("action", tr("Action"), lambda r: r.action, "action"),
        Column("entity", tr("On"), lambda r: f"{r.entity} {r.entity_id}".strip()),
        Column("before", tr("Before"), lambda r: _summary(r.before)),
        Column("after", tr("After"), lambda r: _summary(r.after)),
    ]


# -- small, fully loaded tables -----------------------------------------------------------------


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=_HasId)


class ListTableModel(QAbstractTableModel, Generic[T]):
    """A small table holding all its rows (tens of them), one column per ``HEADERS`` key.

    Subclasses give :meth:`header` (the translated column title) and :meth:`cell` (a
    row's value for one column and role); the row id (``ROW_ID_ROLE``), bounds checks,
    resets, one-row refreshes and retranslation live here."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, new: T) -> None:
        """Redraw the row with ``new``'s id (if shown) with ``new``."""
        for i, old in enumerate(self._rows):
            if old.id == new.id:
                self._rows[i] = new
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))
                return

    def row(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        _redraw(self)

    def header(self, key: str) -> str:
        raise NotImplementedError

    def cell(self, row: T, key: str, role: int) -> Any:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or int(role) != _DISPLAY:
            return None
        if not 0 <= section < len(self.HEADERS):
            return None
        return self.header(self.HEADERS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None or not 0 <= index.column() < len(self.HEADERS):
            return None
        if int(role) == ROW_ID_ROLE:
            return row.id
        return self.cell(row, self.HEADERS[index.column()], int(role))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MenuTableModel(ListTableModel[MenuItemView]):
    """Menu items of one category (or all); the Available column is a check box.

    Ticking it does not change the data: it emits ``availability_requested`` and the
    screen calls the service, then :meth:`set_items` with what the service returned.
    """

    availability_requested = Signal(int, bool)
    HEADERS = ("name_th", "name_en", "category", "price", "options", "available", "marks")

    def set_items(self, items: Sequence[MenuItemView]) -> None:
        self.set_rows(items)

    def replace_item(self, item: MenuItemView) -> None:
        self.replace_row(item)

    def item(self, row: int) -> MenuItemView | None:
        return self.row(row)

    def header(self, key: str) -> str:
        return {
            "name_th": tr("Thai name"),
            "name_en": tr("English name"),
            "category": tr("Category"),
            "price": tr("Price"),
            "options": tr("Options"),
            "available": tr("Available"),
            "marks": tr("Spice, allergens"),
        }[key]

    def cell(self, item: MenuItemView, key: str, role: int) -> Any:
        if role == _DISPLAY:
            if key == "price":
                return money(item.price)
            thai = language() == "th"
            if key == "options":
                return ", ".join(g.name_th if thai else g.name_en for g in item.option_groups)
            if key == "available":
                return tr("On sale") if item.available else tr("Sold out")
            if key == "marks":
                return marks_text(item)
            if key == "category":
                return item.category_th if thai else item.category
            return getattr(item, key)
        if role == int(Qt.ItemDataRole.CheckStateRole) and key == "available":
            return Qt.CheckState.Checked if item.available else Qt.CheckState.Unchecked
        if role == _ALIGN:
            return int((RIGHT if key == "price" else LEFT).value)
        if role == _FOREGROUND and key == "available" and not item.available:
            return QBrush(color("danger"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.HEADERS[index.column()] == "available":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or int(role) != int(Qt.ItemDataRole.CheckStateRole)
            or self.HEADERS[index.column()] != "available"
        ):
            return False
        item = self.item(index.row())
        if item is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if value is not None else False
        self.availability_requested.emit(item.id, checked)
        return False  # the screen updates the row once the service agreed


class StaffTableModel(ListTableModel[StaffView]):
    HEADERS = ("name", "role", "status", "last_login", "number")

    def __init__(
        self,
        tz: Callable[[], str],
        now: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._now = now

    def set_users(self, users: Sequence[StaffView]) -> None:
        self.set_rows(users)

    def user(self, row: int) -> StaffView | None:
        return self.row(row)

    def header(self, key: str) -> str:
        return {
            "name": tr("Name"),
            "role": tr("Role"),
            "status": tr("Status"),
            "last_login": tr("Last sign-in"),
            "number": tr("Staff no. (kiosk pad)"),
        }[key]

    def cell(self, user: StaffView, key: str, role: int) -> Any:
        if role == _DISPLAY:
            if key == "name":
                return user.name
            if key == "role":
                return role_label(user.role)
            if key == "status":
                if not user.active:
                    return tr("Disabled")
                if user.locked_until is not None and user.locked_until > self._now():
                    return tr("Locked until {time}").format(
                        time=local_dt(user.locked_until, self._tz(), with_date=False)
                    )
                return tr("Active")
            if key == "number":
                return str(user.id)
            return local_dt(user.last_login, self._tz()) or tr("Never")
        if role == _FOREGROUND and key == "status" and not user.active:
            return QBrush(color("muted"))
        return None


__all__ = [
    "ROW_ID_ROLE",
    "ROW_ROLE",
    "Column",
    "ListTableModel",
    "MenuTableModel",
    "PagedTableModel",
    "StaffTableModel",
    "audit_columns",
    "loyalty_columns",
    "member_columns",
    "order_columns",
]
