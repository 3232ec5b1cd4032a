"""Confetti around the tier-up banner: a short, seeded animation painted with QPainter.

It keeps clear of a widget (the column of words on the Result screen): a piece that would
touch it is not drawn, so the confetti never lies across text."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme

COLOURS = ("saffron", "green-500", "chili", "tier-gold", "saffron-light", "green-700")
#: space kept between the confetti and the words
CLEARANCE = 32


@dataclass(frozen=True)
class Piece:
    centre: QPointF
    angle: float
    colour: str
    size: float
    round: bool

    def bounds(self) -> QRectF:
        """A square the piece fits in whatever its rotation (a size x size/2.5 strip
        reaches 0.54 size from its centre)."""
        half = self.size * 0.54
        return QRectF(self.centre.x() - half, self.centre.y() - half, 2 * half, 2 * half)


class Confetti(QWidget):
    def __init__(self, parent: QWidget | None = None, pieces: int = 90, seed: int = 7) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        rng = random.Random(seed)
        self.pieces = [
            (
                rng.random(),  # x (fraction)
                rng.random(),  # start y (fraction)
                rng.uniform(0.08, 0.22),  # fall speed per second (fraction)
                rng.uniform(0, 360),  # angle
                rng.uniform(-180, 180),  # spin per second
                rng.choice(COLOURS),
                rng.uniform(10, 22),  # size
                rng.random() < 0.35,  # round
            )
            for _ in range(pieces)
        ]
        self.t = 0.0
        self._clear: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(40)
        self.timer.timeout.connect(self._on_timer_timeout)

    def keep_clear(self, widget: QWidget | None) -> None:
        """Draw no piece over ``widget``'s visible children (plus a margin)."""
        self._clear = widget
        self.update()

    def clear_rect(self) -> QRectF | None:
        """The area kept clear, in this widget's coordinates: the bounding box of the
        visible children of the ``keep_clear`` widget, with a margin."""
        widget = self._clear
        if widget is None or not widget.isVisible():
            return None
        r = widget.childrenRect()  # hidden children are left out
        if r.isEmpty():
            return None
        top_left = self.mapFromGlobal(widget.mapToGlobal(r.topLeft()))
        box = QRectF(QRect(top_left, r.size()))
        return box.adjusted(-CLEARANCE, -CLEARANCE, CLEARANCE, CLEARANCE)

    def visible_pieces(self) -> list[Piece]:
        """The pieces drawn at the current time: none that touches the clear area."""
        w, h = self.width(), self.height()
        clear = self.clear_rect()
        out = []
        for x, y, speed, angle, spin, colour, size, round_ in self.pieces:
            yy = ((y + speed * self.t) % 1.0) * h
            xx = x * w + math.sin(self.t * 2 + y * 10) * 12
            piece = Piece(QPointF(xx, yy), angle + spin * self.t, colour, size, round_)
            if clear is None or not clear.intersects(piece.bounds()):
                out.append(piece)
        return out

    def play(self, seconds: float = 6.0) -> None:
        self.t = 0.0
        self._limit = seconds
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _on_timer_timeout(self) -> None:
        self.t += 0.04
        if self.t >= getattr(self, "_limit", 6.0):
            self.timer.stop()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        for piece in self.visible_pieces():
            size = piece.size
            p.save()
            p.translate(piece.centre)
            p.rotate(piece.angle)
            p.setBrush(theme.color(piece.colour))
            if piece.round:
                p.drawEllipse(QPointF(0, 0), size / 3, size / 3)
            else:
                p.drawRect(QRectF(-size / 2, -size / 5, size, size / 2.5))
            p.restore()
        p.end()
