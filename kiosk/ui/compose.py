"""Where the customer kiosk is put together: the window (the views) first, then the
controller that drives it with the window handed in. The views never import the
controller, and read no settings: the values they need are read here and handed in.

The screenshot walker, the soak bench and the UI tests open the whole kiosk at once with
:func:`open_kiosk`. ``kiosk run`` (:mod:`kiosk.ui.launch`) starts in two phases: it
paints a shell (``MainWindow(screens="welcome")``) before the store is open, then builds
the other screens and calls :func:`drive` with the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from kiosk.app import Store
    from kiosk.ui.flow import KioskFlow, Timing


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
    from kiosk.ui.flow import Timing

    timing = timing if isinstance(timing, Timing) else Timing()
    settings = store.current_settings()
    window = MainWindow(
        kiosk_mode=kiosk_mode,
        language=language or settings.kiosk.language,
        idle_timeout_ms=settings.kiosk.idle_timeout_seconds * 1000,
        tap_guard_ms=timing.tap_guard_ms,
    )
    drive(store, window, timing, ask=ask)
    return window


def drive(
    store: Store,
    window: MainWindow,
    timing: Timing | None = None,
    ask: Callable[[str, str, str], bool] | None = None,
) -> KioskFlow:
    """The controller for a fully built ``window`` (``window.flow``), started on Welcome
    (the store's name and VAT rate put in)."""
    from kiosk.ui.flow import KioskFlow, Timing

    window.build_screens()
    flow = KioskFlow(store, window, timing if isinstance(timing, Timing) else Timing(), ask=ask)
    window.flow = flow
    flow.start()
    return flow
