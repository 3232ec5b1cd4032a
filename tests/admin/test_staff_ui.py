"""The staff accounts screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.errors import AuthenticationFailed
from kiosk.services.staff import StaffView
from kiosk.ui.admin.staff import StaffScreen
from tests.admin.conftest import FakeDialogs


def _show(qtbot: QtBot, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def test_staff_screen(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], dialogs: FakeDialogs
) -> None:
    screen = _show(qtbot, StaffScreen(make_ctx(staff["Malee"])))
    assert screen.model.rowCount() == 3
    screen.add_name.setText("Lek")
    screen.add_pin.setText("4321")
    screen.add_again.setText("4321")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Added Lek."
    assert screen.model.rowCount() == 4 and screen.add_name.text() == ""
    assert store.staff.authenticate("Lek", "4321").role == "cashier"
    screen.add_name.setText("Boss")
    screen.add_role.setCurrentIndex(0)  # owner: a manager may not
    screen.add_pin.setText("1212")
    screen.add_again.setText("1212")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert "owner accounts" in screen.message.text()
    screen.reload(staff["Nok"].id)
    assert screen.selected() is not None and screen.selected().name == "Nok"  # type: ignore[union-attr]
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            store.staff.authenticate("Nok", "0000")
    screen.reload(staff["Nok"].id)
    assert screen.unlock.isEnabled()
    qtbot.mouseClick(screen.unlock, Qt.MouseButton.LeftButton)
    assert store.staff.authenticate("Nok", "1111").name == "Nok"
    dialogs.texts = ["7777"]
    qtbot.mouseClick(screen.new_pin, Qt.MouseButton.LeftButton)
    assert store.staff.authenticate("Nok", "7777").name == "Nok"
    qtbot.mouseClick(screen.toggle_active, Qt.MouseButton.LeftButton)
    assert "disabled" in screen.message.text()
    assert "Nok" not in store.staff.names()
    screen.reload(staff["Malee"].id)
    qtbot.mouseClick(screen.toggle_active, Qt.MouseButton.LeftButton)
    assert "own account" in screen.message.text()
