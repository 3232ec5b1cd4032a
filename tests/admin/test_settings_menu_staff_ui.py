"""Settings (validation, test QR, owner-only PromptPay ID), menu (sold out, prices) and
staff accounts screens."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.errors import AuthenticationFailed
from kiosk.services.promptpay import build_payload
from kiosk.services.staff import StaffView
from kiosk.ui.admin.menu import MenuScreen
from kiosk.ui.admin.settings import SettingsScreen
from kiosk.ui.admin.staff import StaffScreen
from tests.admin.conftest import FakeDialogs


def _show(qtbot: QtBot, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def test_promptpay_id_is_validated_with_a_test_qr(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _show(qtbot, SettingsScreen(make_ctx(staff["Ploy"])))
    # the default is the example number: refused, no test QR, never "Valid"
    assert store.current_settings().store.promptpay_id == "0812345678"
    assert screen.qr.payload == ""
    assert screen.promptpay_state.property("role") == "error"
    assert "example number" in screen.promptpay_state.text()
    assert "Valid" not in screen.promptpay_state.text()
    screen.promptpay.setText("081-234-567")
    assert screen.qr.payload == ""
    assert screen.promptpay_state.property("role") == "error"
    screen._on_save_clicked()
    assert screen.message.property("role") == "error"
    assert store.current_settings().store.promptpay_id == "0812345678"
    screen.promptpay.setText("089 999 9999")
    assert screen.qr.payload == build_payload("0899999999")
    # its type and a masked value, not the whole number
    assert screen.promptpay_state.property("role") == "ok"
    assert screen.promptpay_state.text() == "Customers pay this mobile number: 089-***-9999"
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert screen.message.property("role") == "ok"
    assert store.current_settings().store.promptpay_id == "089 999 9999"


def test_manager_saves_rates_tiers_and_timeouts_but_not_the_promptpay_id(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _show(qtbot, SettingsScreen(make_ctx(staff["Malee"])))
    assert screen.promptpay.isReadOnly()
    screen.baht_per_point.setText("20")
    screen.points_per_baht.setValue(20)
    screen.tier_boxes["gold"].setValue(600)
    screen.idle.setValue(90)
    screen.auto_logout.setValue(10)
    screen.failure_rate.setValue(25)
    assert set(screen.changes()) == {
        "loyalty.baht_per_point",
        "loyalty.redeem_points_per_baht",
        "loyalty.tiers",
        "kiosk.idle_timeout_seconds",
        "admin.auto_logout_minutes",
        "payments.promptpay_failure_rate",
    }
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert "Saved 6 setting(s)" in screen.message.text()
    s = store.current_settings()
    assert s.loyalty.baht_per_point == Decimal("20")
    assert s.loyalty.redeem_points_per_baht == 20
    assert s.loyalty.tiers["gold"] == 600
    assert s.kiosk.idle_timeout_seconds == 90
    assert s.admin.auto_logout_minutes == 10
    assert s.payments.promptpay_failure_rate == 0.25
    assert screen.changes() == {}
    screen.tier_boxes["silver"].setValue(600)  # same threshold as gold: refused
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert "same threshold" in screen.message.text()
    screen.tier_boxes["silver"].setValue(200)
    screen.promptpay.setText("0899999999")  # read-only for a manager; forced here
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Only the owner can change the PromptPay ID."
    assert store.current_settings().store.promptpay_id == "0812345678"


def test_sold_out_toggle_and_price_edit(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    cashier = _show(qtbot, MenuScreen(make_ctx(staff["Nok"])))
    assert cashier.model.rowCount() == 17
    assert not cashier.price.isEnabled() and cashier.available.isEnabled()
    row = next(r for r in range(17) if cashier.model.item(r).name_en == "Massaman Beef")  # type: ignore[union-attr]
    index = cashier.model.index(row, 5)
    assert cashier.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    cashier.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    massaman = next(i for i in store.menu.items() if i.name_en == "Massaman Beef")
    assert massaman.available
    assert cashier.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    cashier.categories.setCurrentRow(4)  # Drinks
    assert cashier.model.rowCount() == 3
    manager = _show(qtbot, MenuScreen(make_ctx(staff["Malee"])))
    manager.select_item("Pad Thai with Prawns")
    assert manager.item is not None and manager.item.name_th == "ผัดไทยกุ้งสด"
    assert manager.options.topLevelItemCount() == 3
    manager.price.setText("135.50")
    manager.name_en.setText("Pad Thai with River Prawns")
    qtbot.mouseClick(manager.save, Qt.MouseButton.LeftButton)
    assert manager.message.text() == "Saved."
    pad_thai = store.menu.item(manager.item.id)
    assert (pad_thai.price, pad_thai.name_en) == (Decimal("135.50"), "Pad Thai with River Prawns")
    manager.name_th.setText("")
    qtbot.mouseClick(manager.save, Qt.MouseButton.LeftButton)
    assert "Both names" in manager.message.text()
    qtbot.waitUntil(lambda: cashier.model.rowCount() == 3)  # live via menu_changed


def test_menu_picture(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    dialogs: FakeDialogs,
    tmp_path: Any,
) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    source = tmp_path / "tom_yum.png"
    image.save(str(source))
    dialogs.image = source
    screen = _show(qtbot, MenuScreen(make_ctx(staff["Malee"])))
    screen.select_item("Tom Yum Goong")
    qtbot.mouseClick(screen.change_image, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    item = next(i for i in store.menu.items() if i.name_en == "Tom Yum Goong")
    assert item.image.endswith(f"item_{item.id}.png")
    assert screen.picture.pixmap().toImage().pixelColor(70, 70) == QColor("orange")


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
