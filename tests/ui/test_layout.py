"""Layout checks on every customer screen in every state, both orientations and both
languages, and on the staff panel: nothing clipped, no overlapping or covered controls,
touch targets of at least 64 × 64 px, WCAG AA contrast (see ``tests/layout.py``).

The walk is the screenshot walk (``kiosk.ui.screenshots.Walker``): where it would save a
picture, the live window is checked instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget

from kiosk.config import load_settings
from kiosk.ui.screenshots import Walker, demo_store
from tests.layout import INTERACTIVE, Problem, check_layout, top_layer, visible_widgets

SIZES = ["1080x1920", "1920x1080"]
LANGS = ["th", "en"]


class CheckingWalker(Walker):
    """The screenshot walk, checking the layout at every picture."""

    def __init__(self, *args: Any, mode: str = "normal", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mode = mode
        self.problems: dict[str, list[Problem]] = {}

    def shot(self, name: str) -> Path:
        from kiosk.ui.screenshots import settle

        access = self.window.access
        # (Welcome turns both off for the next customer: switch them on again)
        if self.mode == "large" and not access.large_text:
            access.set_large_text(True)
        if self.mode == "reach" and not access.reach:
            access.set_reach(True)
        settle()
        found = check_layout(self.window)
        if self.mode == "reach":
            found += out_of_reach(self.window)
        self.problems[name] = found
        return self.out_dir / name


def out_of_reach(window: QWidget) -> list[Problem]:
    """Controls above the lower REACH_HEIGHT pixels (the staff corner is not a control)."""
    from kiosk.ui.widgets.access import REACH_HEIGHT

    top = window.height() - REACH_HEIGHT
    layer = top_layer(window)
    out = []
    for w in visible_widgets(layer):
        if isinstance(w, INTERACTIVE) and not isinstance(w, QScrollBar):
            y = w.mapTo(window, QPoint(0, 0)).y()
            if y < top:
                out.append(Problem("reach", w.objectName() or type(w).__name__, f"top at {y}"))
    return out


def report(problems: dict[str, list[Problem]]) -> str:
    lines = []
    for state, found in problems.items():
        for p in found:
            lines.append(f"[{state}] {p}")
    return "\n".join(lines)


CASES = [(size, lang, "normal") for size in SIZES for lang in LANGS]
CASES += [(size, lang, "large") for size in SIZES for lang in LANGS]
CASES += [("1080x1920", lang, "reach") for lang in LANGS]


@pytest.mark.parametrize(("size", "lang", "mode"), CASES)
def test_customer_screens_lay_out_cleanly(
    tmp_path: Path, qapp: QApplication, size: str, lang: str, mode: str
) -> None:
    """Every state, both sizes and languages; again in large text, and in reach mode."""
    store = demo_store(load_settings(), tmp_path / "store")
    walker = CheckingWalker(store, tmp_path, lang, size, mode=mode)
    try:
        walker.run()
    finally:
        walker.close()
        store.close()
    expected = {
        "welcome", "table", "menu", "options", "review", "member_entry", "member_new",
        "signup", "member", "payment", "card", "promptpay", "result", "failure", "idle",
        "error", "upsell",
    }  # fmt: skip
    assert expected <= set(walker.problems)
    found = {k: v for k, v in walker.problems.items() if v}
    assert not found, f"{sum(map(len, found.values()))} layout problems:\n" + report(found)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_admin_screens_lay_out_cleanly(
    tmp_path: Path, qapp: QApplication, size: str, lang: str
) -> None:
    """The staff panel at the kiosk's sizes (a mouse or a finger on a big screen: no touch
    size rule, the rest as for customers)."""
    from kiosk.ui.admin import screenshots as shots
    from kiosk.ui.admin.format import language, set_language
    from kiosk.ui.admin.window import AdminContext, AdminWindow
    from kiosk.ui.fonts import ui_font
    from kiosk.ui.qt_events import QtEvents

    store = demo_store(load_settings(), tmp_path / "store")
    owner = shots._owner(store, True)
    day = shots._sales_day(store)
    shots.add_demo_sales(store, day)
    events = QtEvents(store.events)
    was = language()
    problems: dict[str, list[Problem]] = {}
    try:
        set_language(lang)
        ctx = AdminContext(store, store.actions, owner, events, shots._SilentDialogs(), True)
        window = AdminWindow(ctx, language=lang)
        window.setFont(ui_font(10))
        w, h = (int(v) for v in size.split("x"))
        window.resize(w, h)
        window.show()
        for key in shots.SCREENS:
            shots._prepare(window, key, day, store)
            shots._settle(window)
            # (accessible names: the customer screens; the panel is for trained staff)
            problems[key] = check_layout(window, touch=None, names=False)
        window.discard()
        window.deleteLater()
    finally:
        set_language(was)
        events.close()
        store.close()
    assert set(problems) == set(shots.SCREENS)
    found = {k: v for k, v in problems.items() if v}
    assert not found, f"{sum(map(len, found.values()))} layout problems:\n" + report(found)
