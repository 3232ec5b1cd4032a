"""Painting the admin orders table (issue #13): formatting happens once per page, and a
repaint reads neither the database nor the settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from kiosk.app import Store
from kiosk.services.listings import OrderListing
from kiosk.ui.admin.models import PagedTableModel, order_columns


def test_repaint_runs_no_statement_and_formats_each_row_once(qtbot: QtBot, store: Store) -> None:
    for _ in range(5):
        store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone="081-234-5678")
    formatted: list[int] = []

    def tz() -> str:
        return store.current_settings().store.timezone  # what the panel's ctx.tz does

    columns = order_columns(tz, store.reports.today)
    number = columns[0]
    columns[0] = type(number)(
        number.key,
        number.title,
        lambda r: formatted.append(r.id) or number.text(r),
        number.sort_key,
    )
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
