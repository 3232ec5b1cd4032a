"""Painting the admin orders table (issue #13): formatting happens once per page, and a
repaint reads neither the database nor the settings."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from kiosk.app import Store
from kiosk.services.listings import OrderListing
from kiosk.ui.admin.models import PagedTableModel, order_columns
from kiosk.ui.admin.table_model import RIGHT


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


def test_a_paint_calls_python_for_data_and_counts_only(qtbot: QtBot, store: Store) -> None:
    """Each call from Qt into Python costs more than the C++ model's answer: flags come from
    Qt's own default, and data() is asked no more than the seven roles of a painted cell."""
    for _ in range(4):
        store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone="081-234-5678")
    calls: Counter[str] = Counter()

    class Counting(PagedTableModel):  # type: ignore[type-arg]
        def data(self, index: Any, role: int = 0) -> Any:
            calls["data"] += 1
            return super().data(index, role)

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
    cells = model.rowCount() * model.columnCount()
    assert cells == 4 * 9
    assert 0 < calls["data"] <= 7 * cells
    assert calls["header"] <= 7 * model.columnCount()
    # the roles no cell uses are not served
    for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole):
        assert model.data(index, role) is None
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) is None  # the view's default
    right = model.index(0, 6)  # the total
    assert model.data(right, Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT.value)


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
    assert [s.split(None, 1)[0] for s in seen] == ["BEGIN", "SELECT"], seen
    assert len(formatted) == 2  # the last page holds rows 10 and 11
    assert model.data(model.index(10, 5)) == "2"  # its line count came with it
