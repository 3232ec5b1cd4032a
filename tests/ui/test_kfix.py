"""Regression tests for the customer-screen review findings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from kiosk.ui.flow import Timing
from tests.ui.conftest import NEVER, Kiosk


def test_start_over_confirm_open_while_promptpay_succeeds_keeps_the_result(
    make_kiosk: Any,
) -> None:
    holder: list[Kiosk] = []

    def ask(*_: str) -> bool:
        # the modal question is open; the poll confirms the payment underneath
        k = holder[0]
        k.qtbot.waitUntil(lambda: k.screen() == "result", timeout=5000)
        return True  # "Yes, start over" tapped after the payment went through

    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=20), ask=ask)
    holder.append(kiosk)
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.flow.poll_timer.stop()  # the QR is on screen, not yet confirmed
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    kiosk.flow.poll_timer.stop()
    order_id = kiosk.order().id
    # the question opens, then polling resumes underneath it
    kiosk.flow.ask = lambda *a: (kiosk.flow.poll_timer.start(), ask(*a))[1]
    kiosk.tap("header_start_over")
    kiosk.qtbot.wait(100)
    assert kiosk.screen() == "result"
    order = kiosk.store.orders.get(order_id)
    assert order.status == "preparing"
    assert kiosk.text("result_order_number") == order.number


def test_double_tap_never_lands_on_the_next_screen(make_kiosk: Any) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=20, tap_guard_ms=350))
    click = kiosk.qtbot.mouseClick
    left = Qt.MouseButton.LeftButton
    click(kiosk.w("welcome_start"), left)
    kiosk.qtbot.waitUntil(lambda: kiosk.w("mode_take_away").isVisible(), timeout=1000)
    click(kiosk.w("mode_take_away"), left)  # the second tap of the double tap
    assert kiosk.screen() == "welcome"
    assert kiosk.flow.mode == "dine_in"
    kiosk.qtbot.wait(400)
    kiosk.tap("mode_take_away")  # a deliberate tap later works
    kiosk.wait_screen("menu")
    kiosk.qtbot.wait(400)
    kiosk.add("Green Curry Chicken")
    kiosk.qtbot.wait(400)
    kiosk.tap("cart_checkout")
    kiosk.wait_screen("review")
    kiosk.qtbot.wait(400)
    kiosk.tap("review_checkout")
    kiosk.wait_screen("member")
    kiosk.qtbot.wait(400)
    kiosk.tap("member_skip")
    kiosk.wait_screen("payment")
    kiosk.qtbot.waitUntil(lambda: kiosk.w("pay_promptpay").isVisible(), timeout=1000)
    click(kiosk.w("pay_promptpay"), left)  # the ghost tap
    kiosk.qtbot.wait(50)
    assert kiosk.screen() == "payment"
    assert kiosk.flow.pending is None
    assert kiosk.window.tap_guard.ignored >= 2
