"""What every customer screen has: an objectName, orientation, live retranslation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.keypad import LetterPad, NumericKeypad

#: a key's height in reach mode: the touch-target minimum
REACH_KEY = 64


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

    def text_scale_changed(self) -> None:
        """The theme's font sizes changed (large text): refit what is sized by its text."""

    def set_reach(self, reach: bool) -> None:
        """Reach mode: the screen has only the lower part of a portrait window. Keys and
        payment cards get shorter (never under the 64 px touch size); screens hide what
        they can spare (:meth:`reach_spares`)."""
        for b in self.findChildren(QPushButton):
            if b.property("role") in {"key", "key-fn", "method", "field"}:
                if b.property("tall_min") is None:
                    b.setProperty("tall_min", b.minimumHeight())
                b.setProperty("compact", "true" if reach else "false")
                b.setMinimumHeight(REACH_KEY if reach else int(b.property("tall_min")))
                theme.restyle(b)
        for pad in self.findChildren(LetterPad):
            pad.set_compact(reach)
        for keys in self.findChildren(NumericKeypad):
            keys.layout().setSpacing(8 if reach else 14)
        for w in self.reach_spares():
            w.setVisible(not reach)

    def reach_spares(self) -> list[QWidget]:
        """What this screen leaves out in reach mode (notes, pictures; never a control)."""
        return []
