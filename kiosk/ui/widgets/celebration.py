"""Confetti behind the tier-up banner: a short, seeded animation painted with QPainter."""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme

COLOURS = ("saffron", "green-500", "chili", "tier-gold", "saffron-light", "green-700")


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
        self.timer = QTimer(self)
        self.timer.setInterval(40)
        self.timer.timeout.connect(self._on_timer_timeout)

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
        w, h = self.width(), self.height()
        for x, y, speed, angle, spin, colour, size, round_ in self.pieces:
            yy = ((y + speed * self.t) % 1.0) * h
            xx = x * w + math.sin(self.t * 2 + y * 10) * 12
            p.save()
            p.translate(QPointF(xx, yy))
            p.rotate(angle + spin * self.t)
            p.setBrush(theme.color(colour))
            if round_:
                p.drawEllipse(QPointF(0, 0), size / 3, size / 3)
            else:
                p.drawRect(QRectF(-size / 2, -size / 5, size, size / 2.5))
            p.restore()
        p.end()
