"""A double tap on a payment button never creates two payments. The taps go straight to
the buttons (a real finger would hit the busy overlay the first tap opens)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import Kiosk


def double_tap(kiosk: Kiosk, name: str) -> None:
    widget = kiosk.w(name)
    kiosk.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    kiosk.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def to_payment(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.skip_member()


@pytest.mark.parametrize(
    ("button", "method"), [("pay_cash", "cash"), ("pay_promptpay", "promptpay")]
)
def test_double_tap_on_a_method_pays_once(kiosk: Kiosk, button: str, method: str) -> None:
    to_payment(kiosk)
    double_tap(kiosk, button)
    kiosk.qtbot.waitUntil(
        lambda: kiosk.screen() == "result" and kiosk.visible("result_order_number"),
        timeout=5000,
    )
    kiosk.flow.runner.wait(5000)
    order = kiosk.order()
    assert [(p.method, p.status) for p in order.payments] == [(method, "succeeded")]


def test_double_tap_on_card_pay_pays_once(kiosk: Kiosk) -> None:
    to_payment(kiosk)
    kiosk.tap("pay_card")
    kiosk.wait_screen("card")
    kiosk.type_card("4242 4242 4242 4242")
    double_tap(kiosk, "card_pay")
    kiosk.wait_result()
    kiosk.flow.runner.wait(5000)
    order = kiosk.order()
    assert [(p.method, p.status) for p in order.payments] == [("card", "succeeded")]


def test_cash_then_promptpay_at_once_pays_once(kiosk: Kiosk) -> None:
    to_payment(kiosk)
    kiosk.qtbot.mouseClick(kiosk.w("pay_cash"), Qt.MouseButton.LeftButton)
    kiosk.qtbot.mouseClick(kiosk.w("pay_promptpay"), Qt.MouseButton.LeftButton)
    kiosk.wait_result()
    kiosk.flow.runner.wait(5000)
    assert [p.method for p in kiosk.order().payments] == ["cash"]
