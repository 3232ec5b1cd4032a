"""Errors staff should never meet as a traceback: a busy (locked) database, an unexpected
error inside an action, an uncaught error anywhere in the stand-alone panel."""

from __future__ import annotations

import logging
import sqlite3
import sys
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store, open_store
from kiosk.services.staff import StaffView
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.orders import OrdersScreen
from kiosk.ui.qt_events import QtEvents
from tests.admin.conftest import FakeClock, FakeDialogs, OrderMaker, local

BUSY = "The database is busy; nothing was saved. Try again."
WRONG = "Something went wrong; nothing was saved."


def test_locked_database_shows_a_message_and_saves_nothing(
    qtbot: QtBot,
    store: Store,
    db_url: str,
    clock: FakeClock,
    staff: dict[str, StaffView],
    dialogs: FakeDialogs,
    make_order: OrderMaker,
    caplog: pytest.LogCaptureFixture,
) -> None:
    order_id = make_order(local(1, 10))
    quick = open_store(
        db_url,
        config={"database": {"busy_timeout_ms": 200}, "kiosk": {"language": "en"}},
        clock=clock,
    )
    events = QtEvents(quick.events)
    try:
        ctx = AdminContext(quick, quick.actions, staff["Nok"], events, dialogs)  # type: ignore[arg-type]
        screen = OrdersScreen(ctx)
        qtbot.addWidget(screen)
        screen.resize(1400, 800)
        screen.show()
        screen.select_order(order_id)
        before = store.orders.get(order_id).status
        holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0.1)
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            with caplog.at_level(logging.WARNING, logger="kiosk.ui.admin"):
                qtbot.mouseClick(screen.detail.to_ready, Qt.MouseButton.LeftButton)
        finally:
            holder.rollback()
            holder.close()
        assert dialogs.errors[-1][1] == BUSY
        assert any("database error" in r.getMessage() for r in caplog.records)
        assert store.orders.get(order_id).status == before
        qtbot.mouseClick(screen.detail.to_ready, Qt.MouseButton.LeftButton)  # lock gone
        assert store.orders.get(order_id).status == "ready"
    finally:
        events.close()
        quick.close()


def test_locked_database_in_forms_and_sign_in(
    qtbot: QtBot,
    store: Store,
    db_url: str,
    clock: FakeClock,
    staff: dict[str, StaffView],
    dialogs: FakeDialogs,
) -> None:
    """Screens that report in their own message line (menu, sign-in) say the same calm
    sentence when the database is locked, and let staff try again."""
    from kiosk.ui.admin.login import LoginDialog
    from kiosk.ui.admin.menu import MenuScreen
    from tests.admin.conftest import FAST_HASHER, PINS

    quick = open_store(
        db_url,
        config={"database": {"busy_timeout_ms": 200}, "kiosk": {"language": "en"}},
        clock=clock,
        staff_hasher=FAST_HASHER,
    )
    events = QtEvents(quick.events)
    try:
        ctx = AdminContext(quick, quick.actions, staff["Malee"], events, dialogs)  # type: ignore[arg-type]
        menu = MenuScreen(ctx)
        qtbot.addWidget(menu)
        menu.show()
        menu.select_item("Pad Thai with Prawns")
        menu.price.setText("131")
        login = LoginDialog(quick.staff, "Store")
        qtbot.addWidget(login)
        login.select("Nok")
        login.pin.setText(PINS["Nok"])
        holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0.1)
        holder.execute("BEGIN IMMEDIATE")
        try:
            qtbot.mouseClick(menu.save, Qt.MouseButton.LeftButton)
            with qtbot.assertNotEmitted(login.authenticated):
                login._on_sign_in_clicked()
        finally:
            holder.rollback()
            holder.close()
        assert menu.message.text() == BUSY
        assert login.message.text() == BUSY
        assert menu.price.text() == "131"  # what was typed stays for the next try
        qtbot.mouseClick(menu.save, Qt.MouseButton.LeftButton)
        assert menu.message.text() == "Saved."
    finally:
        events.close()
        quick.close()


def test_unexpected_error_in_an_action_is_calm(
    qtbot: QtBot,
    make_ctx: Any,
    staff: dict[str, StaffView],
    dialogs: FakeDialogs,
    make_order: OrderMaker,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    order_id = make_order(local(1, 10))
    ctx = make_ctx(staff["Nok"])
    screen = OrdersScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.select_order(order_id)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(ctx.actions, "set_status", broken)
    with caplog.at_level(logging.ERROR, logger="kiosk.ui.admin"):
        qtbot.mouseClick(screen.detail.to_ready, Qt.MouseButton.LeftButton)
    assert dialogs.errors[-1][1] == WRONG
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_panel_exception_hook_shows_a_calm_message(qtbot: QtBot, dialogs: FakeDialogs) -> None:
    from kiosk.ui.admin.app import install_panel_exception_hook

    parent = QObject()
    uninstall = install_panel_exception_hook(parent, dialogs)  # type: ignore[arg-type]
    try:
        try:
            raise KeyError("slot bug")
        except KeyError:
            sys.excepthook(*sys.exc_info())  # what PySide does with an error in a slot
        qtbot.waitUntil(lambda: bool(dialogs.errors))
    finally:
        uninstall()
    assert dialogs.errors == [("OrderUp admin", WRONG)]


def test_a_full_disk_or_damaged_file_is_named_not_called_busy(caplog: Any) -> None:
    from sqlalchemy.exc import OperationalError

    from kiosk.services.errors import DatabaseBusy
    from kiosk.ui.admin.context import problem

    def err(message: str) -> DatabaseBusy:
        """What the unit of work raises for a driver error: DatabaseBusy from it."""
        try:
            raise DatabaseBusy(message) from OperationalError(
                "UPDATE", {}, sqlite3.OperationalError(message)
            )
        except DatabaseBusy as exc:
            return exc

    with caplog.at_level(logging.WARNING):
        assert (
            "disk holding the database is full" in problem(err("database or disk is full"), "x")()
        )
        assert "read-only" in problem(err("attempt to write a readonly database"), "x")()
        assert "damaged or was replaced" in problem(err("file is not a database"), "x")()
        assert "busy" in problem(err("database is locked"), "x")()
