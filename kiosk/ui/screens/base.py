"""What every customer screen has: an objectName, orientation, live retranslation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


class Screen(QWidget):
    """A page of the kiosk's stack. Views only: they lay out, show and emit signals; the
    controller (:class:`kiosk.ui.flow.KioskFlow`) calls the services."""

    screen_name = "screen"
    #: the header's step for this screen (None hides the header)
    step: str | None = None
    #: whether the idle timer runs while this screen shows
    idle_watch = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.screen_name}_screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.portrait = True

    def set_portrait(self, portrait: bool) -> None:
        self.portrait = portrait

    def retranslate_ui(self) -> None:
        """Set every visible string again in the current language."""
