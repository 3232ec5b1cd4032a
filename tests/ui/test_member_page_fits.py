"""A found member's page shows everything without scrolling, in both orientations and
languages, at normal and at large text: the points, the redeem slider and what the chosen
points are worth (in landscape the last line used to sit half under the scroll area's
edge; in landscape the payment choices now take the keypad's place on the left)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from tests.ui.conftest import SOMYING, Kiosk


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_a_found_member_needs_no_scrolling(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int], lang: str, large: bool
) -> None:
    kiosk = make_kiosk(size=size, language=lang)
    kiosk.window.access.set_large_text(large)
    kiosk.start()
    kiosk.add("Pad Thai with Prawns")
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.find_member(SOMYING)
    assert kiosk.window.access.large_text == large
    assert kiosk.visible("redeem_points")
    kiosk.w("redeem_max").click()
    kiosk.qtbot.wait(30)
    scroll = kiosk.w("member_info_scroll")
    assert isinstance(scroll, QScrollArea)
    overflow = scroll.verticalScrollBar().maximum()
    assert overflow == 0, f"the member page scrolls by {overflow} px"
    viewport = scroll.viewport()
    for name in ("member_points", "redeem_points", "redeem_value", "redeem_plus"):
        widget = kiosk.w(name)
        top = widget.mapTo(viewport, QPoint(0, 0))
        assert top.y() >= 0 and top.y() + widget.height() <= viewport.height(), name
