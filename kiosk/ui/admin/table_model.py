"""The paged, read-only table model of the admin panel's big tables (Anki's DataModel idea).

:class:`PagedTableModel` knows the row count (a ``COUNT``, a large table's id span, or
a first page shorter than a page) and keeps a small LRU cache of pages; a cell of a row
outside the cache fetches just that page from a :class:`kiosk.services.listings.Listing`.
Opening a million-row table therefore costs a count and one page, scrolling to the end
costs one page read from the other end, and memory stays at ``page_size * max_pages``
rows. Sorting asks the listing for an
index-backed ``ORDER BY`` and resets; columns without an index are not sortable.

What each table shows is a list of :class:`Column` (see :mod:`kiosk.ui.admin.columns`).

Painting is where the calls from Qt into Python add up (each costs more than a C++ model's
whole answer), so a painted cell costs two: ``index()`` (instead of Qt's, which asks
``rowCount()`` and ``columnCount()``) and ``multiData()`` (the delegate's seven roles at
once instead of seven ``data()`` calls); ``flags()`` is Qt's own. A row's texts and brushes
are made once, the first time it is painted.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from kiosk.services.listings import Listing
from kiosk.ui.admin.format import tr

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
        self._align = _aligns(self._columns)
        if page_size:
            self.page_size = page_size
        if max_pages:
            self.max_pages = max_pages
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        # What painting a cell reads: per row number, the row's cell texts and foreground
        # brushes, made the first time a cell of the row is asked for (not per painted
        # cell); dropped with the row's page.
        self._shown: dict[int, tuple[list[str], list[Any]]] = {}
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
            old, dropped = self._pages.popitem(last=False)
            first = old * self.page_size
            for row in range(first, first + len(dropped)):
                self._shown.pop(row, None)
        return page

    def _open(self, listing: Listing[R]) -> int:
        """The count and the first page together (see ``Listing.opened``)."""
        total, first = listing.opened(self.page_size)
        if first:
            self._pages[0] = first
            self.pages_fetched += 1
            self.rows_fetched += len(first)
            self.max_rows_in_one_fetch = max(self.max_rows_in_one_fetch, len(first))
        return total

    def _cells(self, row: int) -> tuple[list[str], list[Any]] | None:
        """The texts and foreground brushes of one row, made the first time a cell of the
        row is asked for (only the rows painted are formatted); painting then only looks
        them up."""
        cells = self._shown.get(row)
        if cells is not None:
            return cells
        item = self.row(row)
        if item is None:
            return None
        cells = self._shown[row] = self._format(item)
        return cells

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
        self._shown.clear()
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
            self._align = _aligns(self._columns)
        self._shown.clear()
        redraw(self)

    # -- Qt model API -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt makes the index of every painted cell; answered here in one call, where
        Qt's own ``index()`` would call ``rowCount()`` and ``columnCount()`` for each."""
        if 0 <= row < self._count and 0 <= column < len(self._columns) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted cell's roles come through multiData(); this answers everything else
        # (the panel's row id and row lookups, other views, tests): the roles we do not
        # serve return at the first line, a formatted row's text and brush are lookups.
        kind = _ROLE_KIND.get(role)
        if kind is None:
            return None
        if kind <= _K_FOREGROUND:
            cells = self._shown.get(index.row()) or self._cells(index.row())
            if cells is None:
                return None
            column = index.column()
            return cells[kind][column] if 0 <= column < len(cells[kind]) else None
        if kind == _K_ALIGN:
            column = index.column()
            return self._align[column] if 0 <= column < len(self._align) else None
        if not 0 <= index.column() < len(self._columns):  # an invalid index has column -1
            return None
        item = self.row(index.row())
        if item is None:
            return None
        if kind == _K_ROW_ID:
            return getattr(item, "id", None)
        return item

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan) -> None:
        """Every role of ``roleDataSpan`` for one cell, in one call: Qt's item delegate
        asks the seven it paints with (font, alignment, foreground, check state,
        decoration, display, background) this way, where ``data()`` would be seven calls
        from C++ into Python. Every entry is written, the roles not served cleared: the
        delegate hands the same span again for the next cell."""
        span = roleDataSpan
        row = index.row()
        column = index.column()
        cells = self._shown.get(row) or self._cells(row)
        if cells is None or not 0 <= column < len(self._columns):
            for i in range(len(span)):
                span[i].clearData()
            return
        text, brush, align = cells[0][column], cells[1][column], self._align[column]
        for i in range(len(span)):  # iterating the span itself ends only at an IndexError
            entry = span[i]
            role = entry.role()
            if role in _TEXT_ROLES:
                entry.setData(text)
            elif role == FOREGROUND_ROLE:
                entry.setData(brush)
            elif role == ALIGN_ROLE:
                entry.setData(align)
            elif role in _ROW_ROLES:
                entry.setData(self.data(index, role))
            else:
                entry.clearData()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if int(role) == DISPLAY_ROLE:
            return column.title
        if int(role) == ALIGN_ROLE:
            return int(column.align.value)
        if int(role) == TOOLTIP_ROLE and column.sort_key is None:
            return tr("This column cannot be sorted")
        return None

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
        self._shown.clear()
        self.endResetModel()


def redraw(model: QAbstractTableModel) -> None:
    """Every header title and cell shown again (after a language switch)."""
    columns = model.columnCount()
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    rows = model.rowCount()
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
ALIGN_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
_ROLES = {DISPLAY_ROLE, TOOLTIP_ROLE, ALIGN_ROLE, FOREGROUND_ROLE, ROW_ID_ROLE, ROW_ROLE}
_TEXT_ROLES = (DISPLAY_ROLE, TOOLTIP_ROLE)
_ROW_ROLES = (ROW_ID_ROLE, ROW_ROLE)
_K_TEXT, _K_FOREGROUND, _K_ALIGN, _K_ROW_ID, _K_ROW = range(5)  # text, brush: a row's cells
_DEFAULT_ALIGN = int(LEFT.value)  # what the view draws when the model gives no alignment


def _aligns(columns: Sequence[Column[Any]]) -> list[int | None]:
    """Each column's alignment for ``TextAlignmentRole``; None where it is the view's own
    default (left, vertically centred), so Qt is handed no value to convert."""
    return [None if int(c.align.value) == _DEFAULT_ALIGN else int(c.align.value) for c in columns]


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
