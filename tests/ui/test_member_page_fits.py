"""A found member's page shows everything without scrolling, in both orientations and
languages, at normal and at large text: the points, the redeem slider and what the chosen
points are worth (in landscape the last line used to sit half under the scroll area's
edge; in landscape the payment choices now take the keypad's place on the left)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from tests.layout import check_layout
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


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("first", ["ก" * 100, "W" * 100, "Maximilian " * 9])
def test_the_longest_name_ends_in_an_ellipsis_and_keeps_the_tier_badge_on_the_page(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int], first: str
) -> None:
    """A first name of 100 characters (the most a member may have) used to run past the
    panel, cut mid-letter, and push the tier badge off the page."""
    kiosk = make_kiosk(size=size, language="th")
    store = kiosk.flow.store
    store.customers.register("0899990100", first.strip())
    kiosk.start()
    kiosk.add("Pad Thai with Prawns")
    kiosk.to_member()
    kiosk.find_member("0899990100")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("member_name"), timeout=2000)
    kiosk.qtbot.wait(30)
    name, badge = kiosk.w("member_name"), kiosk.w("member_tier")
    viewport = kiosk.w("member_info_scroll").viewport()  # type: ignore[attr-defined]
    assert name.text().startswith(first.strip()[:20])  # the whole name, for screen readers
    assert name.shown().endswith("…")  # type: ignore[attr-defined]
    assert name.fontMetrics().horizontalAdvance(name.shown()) <= name.contentsRect().width()  # type: ignore[attr-defined]
    left = badge.mapTo(viewport, QPoint(0, 0))
    assert left.x() >= name.mapTo(viewport, QPoint(0, 0)).x() + name.width()  # beside, no overlap
    assert left.x() + badge.width() <= viewport.width(), "the tier badge is off the page"
    assert badge.isVisible() and badge.width() >= badge.sizeHint().width()
    assert check_layout(kiosk.window) == []  # nothing cut or overlapping, targets, contrast
