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
    start = kiosk.w("mode_take_away")
    spot = start.mapTo(kiosk.window, start.rect().center())
    click(start, left)
    kiosk.wait_screen("menu")
    # the second tap of the double tap, on whatever the menu put under the finger
    under = kiosk.window.childAt(spot)
    assert under is not None
    click(under, left, pos=under.mapFrom(kiosk.window, spot))
    assert kiosk.screen() == "menu"
    assert not kiosk.flow.cart and not kiosk.visible("options_sheet")
    assert kiosk.window.tap_guard.ignored >= 1
    kiosk.qtbot.wait(400)
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


def test_double_tap_on_change_never_lands_on_the_options_sheet(make_kiosk: Any) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=20, tap_guard_ms=350))
    guard = kiosk.window.tap_guard
    guard.ms = 0
    kiosk.start()
    item = kiosk.item("Pad Thai with Prawns")
    kiosk.tap(f"category_{item.category_id}")
    kiosk.tap(f"menu_item_{item.id}")  # in the cart with its defaults
    line = kiosk.flow.cart.lines[0]
    guard.ms = 350
    guard.disarm()
    kiosk.tap("cart_line_0_change")
    assert kiosk.visible("options_sheet")
    before = kiosk.window.options.selected_options()
    kiosk.qtbot.mouseClick(kiosk.w("options_add"), Qt.MouseButton.LeftButton)  # ghost tap
    assert kiosk.visible("options_sheet")
    assert kiosk.window.options.selected_options() == before
    assert kiosk.flow.cart.lines == [line]
