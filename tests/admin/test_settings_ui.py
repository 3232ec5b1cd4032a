"""The settings screen: validation, the test QR, the owner-only PromptPay ID."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.promptpay import build_payload
from kiosk.services.staff import StaffView
from kiosk.ui.admin.settings import SettingsScreen


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
