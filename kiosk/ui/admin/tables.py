"""How the admin panel's tables look and behave: rows selected whole, one at a time; for
the paged tables (orders, members, loyalty history, audit log) also sorting on indexed
columns only, column widths that follow the language and the window, and selecting a row
by its id."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from kiosk.ui.admin.table_model import PagedTableModel

STRETCH_MIN = 110  # a stretched column (member, reason) shows at least a short name


def show_rows(view: QTableView, model: QAbstractItemModel, row_height: int) -> None:
    """Every admin table: ``model`` in rows of ``row_height``, a whole row selected at a
    time, one at most, no grid and no row numbers."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setShowGrid(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(row_height)


def configure_table(
    view: QTableView, model: PagedTableModel, widths: dict[int, int], stretch: int = -1
) -> None:
    """Shared look and behaviour of the paged tables: rows, sorting on indexed columns."""
    show_rows(view, model, 32)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch >= 0:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    view.base_widths = dict(widths)  # type: ignore[attr-defined]
    view.stretch_column = stretch  # type: ignore[attr-defined]
    if not hasattr(view, "column_fitter"):
        view.column_fitter = _ColumnFitter(view)  # type: ignore[attr-defined]
    fit_columns(view)
    sort_column = model.sort_column()
    if sort_column >= 0:
        order = (
            Qt.SortOrder.DescendingOrder
            if model.listing.descending
            else Qt.SortOrder.AscendingOrder
        )
        # Before enabling sorting: enabling sorts by the indicator, which must be the
        # order the listing already has (so nothing is re-queried).
        header.setSortIndicator(sort_column, order)
    view.setSortingEnabled(True)

    def keep_indicator(column: int, _order: Qt.SortOrder) -> None:
        # A click on a column without an index does nothing; put the arrow back.
        if not model.sortable(column):
            current = model.sort_column()
            order = (
                Qt.SortOrder.DescendingOrder
                if model.listing.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(True)
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    header.sortIndicatorChanged.connect(keep_indicator)


def fit_columns(view: QTableView) -> None:
    """The planned widths, widened where a title in the current language (Thai ones run
    longer) would be cut; the stretched column takes the rest of the width, but never
    less than its title needs (then the table scrolls sideways, on a portrait screen).
    Runs again after a language switch and whenever the table is resized."""
    header = view.horizontalHeader()
    widths: dict[int, int] = getattr(view, "base_widths", {})
    stretch: int = getattr(view, "stretch_column", -1)
    others = 0
    for column in range(header.count()):
        if column == stretch:
            continue
        planned = widths.get(column, header.defaultSectionSize())
        view.setColumnWidth(column, max(planned, header.sectionSizeHint(column)))
        others += view.columnWidth(column)
    if stretch < 0:
        return
    needed = max(header.sectionSizeHint(stretch), STRETCH_MIN)
    room = view.viewport().width() - others
    mode = header.sectionResizeMode(stretch)
    if room >= needed and mode != QHeaderView.ResizeMode.Stretch:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    elif room < needed:
        if mode != QHeaderView.ResizeMode.Interactive:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(stretch, needed)


class _ColumnFitter(QObject):
    """Calls :func:`fit_columns` when the table's viewport changes width."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._width = -1
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            width = self._view.viewport().width()
            if width != self._width:
                self._width = width
                fit_columns(self._view)
        return False


def select_row_id(view: QTableView, model: PagedTableModel, row_id: int | None) -> bool:
    """Select the row with ``row_id`` if it is in the cached pages."""
    if row_id is None:
        return False
    row = model.find_cached(row_id)
    if row is None:
        return False
    view.selectionModel().setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    return True
