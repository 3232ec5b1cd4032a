"""A QR code painted module by module at a whole number of pixels: always crisp."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.services.qr import qr_matrix
from kiosk.ui import theme


class QRView(QWidget):
    """Shows ``payload`` as a QR code (quiet zone included), as large as the widget allows."""

    def __init__(self, name: str = "qr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.payload = ""
        self._matrix: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(320, 320))

    def set_payload(self, payload: str) -> None:
        self.payload = payload
        self._matrix = qr_matrix(payload) if payload else []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 640)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def module_size(self) -> int:
        n = len(self._matrix)
        if not n:
            return 0
        return max(1, min(self.width(), self.height()) // n)

    def symbol_rect(self) -> QRect:
        n = len(self._matrix)
        side = self.module_size() * n
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = self.symbol_rect()
        p.fillRect(rect, theme.color("qr-light"))
        m = self.module_size()
        if not m:
            p.end()
            return
        dark = theme.color("qr-dark")
        for y, row in enumerate(self._matrix):
            x = 0
            while x < len(row):  # one rectangle per run of dark modules
                if row[x]:
                    start = x
                    while x < len(row) and row[x]:
                        x += 1
                    p.fillRect(
                        QRect(rect.x() + start * m, rect.y() + y * m, (x - start) * m, m), dark
                    )
                else:
                    x += 1
        p.end()


__all__ = ["QRView"]
