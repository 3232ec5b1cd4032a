"""Painting the admin orders table (issue #13): formatting happens once per page, and a
repaint reads neither the database nor the settings."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from kiosk.app import Store
from kiosk.services.listings import OrderListing
from kiosk.ui.admin.models import PagedTableModel, order_columns
from kiosk.ui.admin.table_model import RIGHT, ROW_ID_ROLE


def test_repaint_runs_no_statement_and_formats_each_row_once(qtbot: QtBot, store: Store) -> None:
    for _ in range(5):
        store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone="081-234-5678")
    formatted: list[int] = []

    def tz() -> str:
        return store.current_settings().store.timezone  # what the panel's ctx.tz does

    columns = order_columns(tz, store.reports.today)
    _count_formatting(columns, formatted)
    model = PagedTableModel(OrderListing(store.db, store.current_settings), columns)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.setModel(model)
    view.show()
    view.grab()
    assert sorted(formatted) == [1, 2, 3, 4, 5]
    seen: list[str] = []

    def count(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        seen.append(statement)

    loads = store.settings.loads
    event.listen(store.db.engine, "before_cursor_execute", count)
    try:
        for _ in range(3):
            view.viewport().repaint()
            view.grab()
    finally:
        event.remove(store.db.engine, "before_cursor_execute", count)
    assert seen == []
    assert store.settings.loads == loads
    assert sorted(formatted) == [1, 2, 3, 4, 5]  # not formatted again


def _count_formatting(columns: list[Any], formatted: list[int]) -> None:
    """Make the first column note the id of every row it formats into ``formatted``."""
    number = columns[0]
    columns[0] = type(number)(
        number.key,
        number.title,
        lambda r: formatted.append(r.id) or number.text(r),
        number.sort_key,
    )


def _columns(store: Store) -> list[Any]:
    return order_columns(lambda: store.current_settings().store.timezone, store.reports.today)


def test_a_painted_cell_is_two_calls_into_python(qtbot: QtBot, store: Store) -> None:
    """Each call from Qt into Python costs more than a C++ model's whole answer: a painted
    cell is one ``index()`` and one ``multiData()`` (the delegate's seven roles at once);
    ``data()``, ``rowCount()`` and ``columnCount()`` are not asked per cell, and flags come
    from Qt's own default."""
    for _ in range(4):
        store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone="081-234-5678")
    calls: Counter[str] = Counter()

    class Counting(PagedTableModel):  # type: ignore[type-arg]
        def index(self, row: int, column: int, parent: Any = QModelIndex()) -> Any:  # noqa: B008
            calls["index"] += 1
            return super().index(row, column, parent)

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            calls["rowCount"] += 1
            return super().rowCount(parent)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            calls["columnCount"] += 1
            return super().columnCount(parent)

        def data(self, index: Any, role: int = 0) -> Any:
            calls["data"] += 1
            return super().data(index, role)

        def multiData(self, index: Any, span: Any) -> None:
            calls["multiData"] += 1
            super().multiData(index, span)

        def headerData(self, section: int, orientation: Any, role: int = 0) -> Any:
            calls["header"] += 1
            return super().headerData(section, orientation, role)

    assert "flags" not in vars(PagedTableModel)  # Qt's C++ default answers it
    model = Counting(OrderListing(store.db, store.current_settings), _columns(store))
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(1600, 600)
    view.verticalHeader().setVisible(False)  # as the panel's tables
    view.setModel(model)
    view.show()
    view.grab()
    index = model.index(0, 0)
    flags = model.flags(index)
    assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
    assert not model.flags(model.index(-1, 0)) & Qt.ItemFlag.ItemIsEnabled
    calls.clear()
    view.grab()
    painted = dict(calls)
    cells = model.rowCount() * model.columnCount()
    assert cells == 4 * 9
    assert 0 < painted["multiData"] <= cells
    assert painted["index"] <= cells
    assert "data" not in painted  # every role of a painted cell came through multiData
    assert painted.get("rowCount", 0) + painted.get("columnCount", 0) <= 4  # not per cell
    assert sum(n for name, n in painted.items() if name != "header") <= 2 * cells + 4
    assert painted["header"] <= 7 * model.columnCount()
    # the roles no cell uses are not served
    for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole):
        assert model.data(index, role) is None
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) is None  # the view's default
    right = model.index(0, 6)  # the total
    assert model.data(right, Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT.value)


def test_the_delegate_paints_what_data_answers(qtbot: QtBot, store: Store) -> None:
    """multiData's shortcut for the delegate's span gives the texts, alignments and colours
    data() gives, cell by cell; a span of other roles is answered by data()."""
    store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone="081-234-5678")
    unpaid = store.orders.create([{"item_id": 1, "quantity": 2}]).id
    store.orders.set_status(unpaid, "cancelled", "Nok")
    model = PagedTableModel(OrderListing(store.db, store.current_settings), _columns(store))
    view = QTableView()
    qtbot.addWidget(view)
    delegate = QStyledItemDelegate(view)
    colours = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            palette = QPalette()
            palette.setColor(QPalette.ColorRole.Text, QColor("#000001"))
            option.palette = palette
            delegate.initStyleOption(option, index)  # Qt's own, through multiData()
            assert option.text == model.data(index)
            assert bool(option.features & QStyleOptionViewItem.ViewItemFeature.HasDisplay)
            align = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
            if align is not None:
                assert option.displayAlignment == Qt.AlignmentFlag(align)
            brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
            text = option.palette.brush(QPalette.ColorRole.Text).color()
            assert text == (brush.color() if brush is not None else QColor("#000001"))
            colours += brush is not None
            for role in (ROW_ID_ROLE, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole):
                entry = QModelRoleData(role)
                model.multiData(index, QModelRoleDataSpan(entry))
                assert entry.data() == model.data(index, role)
    assert colours >= 2  # the status column at least


def test_a_later_page_is_one_statement_and_formatted_once(qtbot: QtBot, store: Store) -> None:
    for _ in range(12):
        store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone="081-234-5678")
    formatted: list[int] = []
    columns = _columns(store)
    _count_formatting(columns, formatted)
    model = PagedTableModel(OrderListing(store.db, store.current_settings), columns, page_size=5)
    seen: list[str] = []

    def count(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        seen.append(statement)

    event.listen(store.db.engine, "before_cursor_execute", count)
    try:
        last = model.index(11, 0)
        assert model.data(last) is not None
        for row in range(10, 12):  # the rest of that page: no statement, no formatting
            for column in range(model.columnCount()):
                model.data(model.index(row, column))
    finally:
        event.remove(store.db.engine, "before_cursor_execute", count)
    assert [s.split(None, 1)[0] for s in seen] == ["SELECT"], seen  # no BEGIN around it
    assert len(formatted) == 2  # the last page holds rows 10 and 11
    assert model.data(model.index(10, 5)) == "2"  # its line count came with it
