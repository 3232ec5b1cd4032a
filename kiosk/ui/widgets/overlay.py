"""A full-window dimmed layer that holds one panel: options sheet, busy note, idle warning.

Overlays are child widgets, not top-level dialogs, so nothing ever blocks (tests, kiosk)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.common import vbox


class Overlay(QWidget):
    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._lay = vbox(self)
        self._lay.setContentsMargins(40, 40, 40, 40)
        self._lay.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content: QWidget | None = None
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def open(self, content: QWidget) -> None:
        if self.content is not content:
            if self.content is not None:
                self._lay.removeWidget(self.content)
                self.content.hide()
            self.content = content
            content.setParent(self)
            self._lay.addWidget(content, 0, Qt.AlignmentFlag.AlignCenter)
        content.show()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def close_overlay(self) -> None:
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), theme.color("backdrop"))
        p.end()
