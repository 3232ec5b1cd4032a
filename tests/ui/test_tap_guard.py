"""The tap guard: taps on a screen (or sheet) that just appeared are ignored, so the
second tap of a double tap never lands on whatever appeared under the finger."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from kiosk.ui.flow import Timing
from tests.ui.conftest import NEVER


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
    guard = kiosk.window.tap_guard
    guard.ms = 0  # the steps in between at test speed
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    guard.ms = 350
    guard.disarm()
    kiosk.tap("member_skip")
    kiosk.wait_screen("payment")
    kiosk.qtbot.waitUntil(lambda: kiosk.w("pay_promptpay").isVisible(), timeout=1000)
    click(kiosk.w("pay_promptpay"), left)  # the ghost tap
    kiosk.qtbot.wait(50)
    assert kiosk.screen() == "payment"
    assert kiosk.flow.pending is None
    assert kiosk.window.tap_guard.ignored >= 2


def test_double_tap_on_a_dish_never_lands_on_its_options_sheet(make_kiosk: Any) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=20, tap_guard_ms=350))
    guard = kiosk.window.tap_guard
    guard.ms = 0
    kiosk.start()
    item = kiosk.item("Pad Thai with Prawns")
    kiosk.tap(f"category_{item.category_id}")
    guard.ms = 350
    guard.disarm()
    kiosk.tap(f"menu_item_{item.id}")
    assert kiosk.visible("options_sheet")
    before = kiosk.window.options.selected_options()
    kiosk.qtbot.mouseClick(kiosk.w("options_add"), Qt.MouseButton.LeftButton)  # ghost tap
    assert kiosk.visible("options_sheet")
    assert kiosk.window.options.selected_options() == before
    assert not kiosk.flow.cart
