"""The idle controller: the watch for a customer who walked away, the "Are you still
there?" panel and its countdown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.ui import i18n
from kiosk.ui.flow.session import OverlayView, ScreenHost, Timeouts

if TYPE_CHECKING:
    from kiosk.ui.screens.welcome import WelcomeScreen
    from kiosk.ui.widgets.idle import IdlePanel, IdleWatcher

log = logging.getLogger(__name__)


class IdleController(QObject):
    """Watches the screens that have something to lose; on Welcome an idle kiosk simply
    goes back to its attract loop in the default language."""

    #: nobody answered the panel, or they tapped Start over: the customer leaves
    left = Signal()
    #: Welcome sat idle away from its attract loop or default language
    welcome_idle = Signal()

    def __init__(
        self,
        timeouts: Timeouts,
        *,
        idle: IdleWatcher,
        idle_overlay: OverlayView,
        idle_panel: IdlePanel,
        busy_overlay: OverlayView,
        welcome: WelcomeScreen,
        host: ScreenHost,
        default_language: Callable[[], str],
        customised: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.customised = customised  # large text or reach mode is on
        self.timeouts = timeouts
        self.idle = idle
        self.idle_overlay = idle_overlay
        self.idle_panel = idle_panel
        self.busy_overlay = busy_overlay
        self.welcome = welcome
        self.host = host
        self.default_language = default_language
        idle.idle.connect(self.on_idle)
        idle_panel.still_here.connect(self._on_idle_panel_still_here)
        idle_panel.expired.connect(self._on_idle_panel_expired)
        idle_panel.start_over.connect(self.left)

    def follow(self, name: str) -> None:
        """The screen ``name`` is up: watch it if it has something to lose."""
        if self.host.screens[name].idle_watch:
            self.idle.set_timeout(self.timeouts.idle_ms())
            self.idle.start()
        else:
            self.idle.stop()

    def stop(self) -> None:
        """The panel's countdown stops (its overlay is closed by the caller)."""
        self.idle_panel.stop()

    def dismiss(self) -> None:
        """The panel stops and goes away."""
        self.idle_panel.stop()
        self.idle_overlay.close_overlay()

    def on_idle(self) -> None:
        current = self.host.current_screen()
        if current == "welcome":  # nothing to lose: no question, no overlay
            if (
                self.welcome.stage != "attract"
                or i18n.current_language() != self.default_language()
                or self.customised()  # the next customer gets the usual screen
            ):
                self.welcome_idle.emit()
            return
        screen = self.host.screens[current]
        if not screen.idle_watch or self.busy_overlay.isVisible():
            return
        self.idle.stop()
        self.idle_overlay.open(self.idle_panel)
        self.idle_panel.begin(self.timeouts.idle_warning_ms())

    def _on_idle_panel_still_here(self) -> None:
        self.idle_overlay.close_overlay()
        self.idle.set_timeout(self.timeouts.idle_ms())
        self.idle.start()

    def _on_idle_panel_expired(self) -> None:
        log.info("customer idle: starting over, nothing saved")
        self.left.emit()
