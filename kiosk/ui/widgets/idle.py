"""Idle detection: an application-wide event filter notices every touch, click and key;
after the idle time the "Still there?" panel counts down before the kiosk starts over."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QWidget

from kiosk.ui.widgets.common import button, dialog_layout, label

INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``timeout_ms`` without input while enabled; every input restarts
    the clock."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle)
        self.enabled = False

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(timeout_ms)

    def start(self) -> None:
        self.enabled = True
        self.timer.start()

    def stop(self) -> None:
        self.enabled = False
        self.timer.stop()

    def poke(self) -> None:
        if self.enabled:
            self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.enabled and event.type() in INPUT_EVENTS:
            self.timer.start()
        return False


class IdlePanel(QFrame):
    """ "Still there?" with a countdown; ``still_here`` or ``expired``."""

    still_here = Signal()
    expired = Signal()
    start_over = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = dialog_layout(self, "idle_panel", 720, spacing=22, margins=(56, 56, 56, 48))
        self.title = label("idle_title", "title", align=Qt.AlignmentFlag.AlignCenter)
        self.count = label("idle_countdown", "order-number", align=Qt.AlignmentFlag.AlignCenter)
        self.message = label("idle_message", "body", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.keep = button("idle_continue", "primary")
        self.keep.setProperty("size", "lg")
        self.keep.clicked.connect(self._on_keep_clicked)
        self.restart = button("idle_start_over", "ghost")
        self.restart.clicked.connect(self._on_restart_clicked)
        for w in (self.title, self.count, self.message, self.keep, self.restart):
            lay.addWidget(w)
        self.duration_ms = 10_000
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._on_tick_timeout)
        self.retranslate_ui()

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def begin(self, duration_ms: int) -> None:
        self.duration_ms = duration_ms
        self._clock.start()
        self._tick.start(min(100, max(10, duration_ms // 10)))
        self._update()

    def stop(self) -> None:
        self._tick.stop()

    def remaining_seconds(self) -> int:
        left = max(0, self.duration_ms - self._clock.elapsed()) if self._clock.isValid() else 0
        return math.ceil(left / 1000)

    def _on_tick_timeout(self) -> None:
        if self._clock.elapsed() >= self.duration_ms:
            self._tick.stop()
            self.expired.emit()
            return
        self._update()

    def _on_keep_clicked(self) -> None:
        self.stop()
        self.still_here.emit()

    def _on_restart_clicked(self) -> None:
        self.stop()
        self.start_over.emit()

    def _update(self) -> None:
        self.count.setText(str(self.remaining_seconds()))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Still there?"))
        self.message.setText(
            self.tr("Your order will be cleared for the next customer when the countdown ends.")
        )
        self.keep.setText(self.tr("I'm still here"))
        self.restart.setText(self.tr("Start over"))
