"""Small building blocks shared by the admin screens."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.admin.format import status_label
from kiosk.ui.admin.theme import set_role


def label(text: str = "", role: str = "", name: str = "") -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    return widget


def button(text: str, kind: str = "", name: str = "") -> QPushButton:
    widget = QPushButton(text)
    if kind:
        widget.setProperty("kind", kind)
    if name:
        widget.setObjectName(name)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


class Card(QFrame):
    """A white rounded panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 14)
        self.body.setSpacing(6)


class KpiCard(Card):
    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = label(title, "kpi_title")
        self.value = label("—", "kpi_value", f"{name}Value")
        self.note = label("", "kpi_note", f"{name}Note")
        self.body.addWidget(self.title)
        self.body.addWidget(self.value)
        self.body.addWidget(self.note)
        self.body.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(100)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)


class Pill(QLabel):
    """A coloured status label."""

    def __init__(self, status: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "pill")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_status(status)

    def set_status(self, status: str, text: str | None = None) -> None:
        self.setText(text if text is not None else status_label(status))
        set_role(self, "status", status)


class PageHeader(QWidget):
    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 4)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.title = label(title, "title")
        self.subtitle = label(subtitle, "muted")
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        row.addLayout(texts)
        row.addStretch(1)
        self.tools = QHBoxLayout()
        self.tools.setSpacing(8)
        row.addLayout(self.tools)


class QrView(QWidget):
    """Paints a QR module matrix (``kiosk.services.qr.qr_matrix``) crisply: whole pixels
    per module, centred, on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(160, 160)
        self.setObjectName("QrView")

    def set_matrix(self, matrix: list[list[bool]]) -> None:
        self._matrix = matrix
        self.update()

    @property
    def matrix(self) -> list[list[bool]]:
        return self._matrix

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        n = len(self._matrix)
        if n:
            module = max(1, min(self.width(), self.height()) // n)
            side = module * n
            x0 = (self.width() - side) // 2
            y0 = (self.height() - side) // 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("black"))
            for y, row in enumerate(self._matrix):
                for x, dark in enumerate(row):
                    if dark:
                        painter.drawRect(QRectF(x0 + x * module, y0 + y * module, module, module))
        painter.end()
