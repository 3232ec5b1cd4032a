"""Where the customer kiosk is put together: the window (the views) first, then the
controller that drives it with the window handed in. The views never import the
controller; ``kiosk run`` (:mod:`kiosk.ui.launch`), the screenshot walker, the soak bench
and the UI tests all open the kiosk through here."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.app import Store
from kiosk.ui.flow import KioskFlow, Timing
from kiosk.ui.main_window import MainWindow


def open_kiosk(
    store: Store,
    *,
    kiosk_mode: bool = False,
    language: str | None = None,
    timing: Timing | None = None,
    ask: Callable[[str, str, str], bool] | None = None,
) -> MainWindow:
    """The kiosk window (built, not shown) with its controller, ``window.flow``, started
    on the Welcome screen."""
    timing = timing if isinstance(timing, Timing) else Timing()
    window = MainWindow(
        store, kiosk_mode=kiosk_mode, language=language, tap_guard_ms=timing.tap_guard_ms
    )
    flow = KioskFlow(store, window, timing, ask=ask)
    window.flow = flow
    flow.start()
    return window
