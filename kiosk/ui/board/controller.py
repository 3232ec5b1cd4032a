"""The board's controller: listens for order changes (this process and, through the
event relay, every kiosk and panel), reads the board off the UI thread, chimes and
highlights numbers that just became ready, and keeps retrying when the database is gone.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.services.board import BoardSnapshot
from kiosk.services.events import Event
from kiosk.ui.board.view import BoardView
from kiosk.ui.qt_events import QtEvents
from kiosk.ui.workers import TaskRunner

if TYPE_CHECKING:
    from kiosk.app import Store

log = logging.getLogger(__name__)

WATCHED = ("order_paid", "order_status_changed", "order_refunded", "data_changed")


class BoardController(QObject):
    ready_appeared = Signal(list)  # order numbers that just became ready
    refreshed = Signal(object)  # BoardSnapshot

    def __init__(
        self,
        store: Store,
        view: BoardView,
        chime: Callable[[], None] | None = None,
        refresh_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or view)
        self.store = store
        self.view = view
        self.chime = chime or (lambda: None)
        self.events = QtEvents(store.events, self)
        self.events.event_received.connect(self._on_events_event_received)
        self.runner = TaskRunner(self, max_threads=1)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(150)
        self._soon.timeout.connect(self.refresh)
        self._tick = QTimer(self)
        self._tick.setInterval(refresh_ms)
        self._tick.timeout.connect(self.refresh)
        self._known_ready: set[str] | None = None
        self._fresh_until: dict[str, float] = {}
        self._again = False
        self.offline = False

    def start(self) -> None:
        self._tick.start()
        self.refresh()

    def stop(self) -> None:
        self._tick.stop()
        self._soon.stop()
        self.events.close()
        self.runner.wait(3000)

    def _on_events_event_received(self, event: Event) -> None:
        if event.name in WATCHED:
            self._soon.start()

    def refresh(self) -> None:
        if self.runner.busy:
            self._again = True
            return
        self.runner.submit(
            self.store.board.snapshot,
            on_done=self._on_snapshot_done,
            on_failed=self._on_snapshot_failed,
        )

    def _on_snapshot_done(self, snapshot: BoardSnapshot) -> None:
        if self.offline:
            log.info("board: the database is back")
        self.offline = False
        self.view.set_offline(False)
        settings = self.store.current_settings()
        now = time.monotonic()
        ready = [e.number for e in snapshot.ready]
        new = [n for n in ready if self._known_ready is not None and n not in self._known_ready]
        self._known_ready = set(ready)
        for number in new:
            self._fresh_until[number] = now + settings.board.highlight_seconds
        self._fresh_until = {n: t for n, t in self._fresh_until.items() if t > now and n in ready}
        self.view.show_snapshot(snapshot, set(self._fresh_until))
        if new:
            if settings.board.chime:
                try:
                    self.chime()
                except Exception:
                    log.exception("board: the chime failed")
            self.ready_appeared.emit(new)
        self.refreshed.emit(snapshot)
        if self._again:
            self._again = False
            self.refresh()

    def _on_snapshot_failed(self, exc: BaseException) -> None:
        if not self.offline:
            log.warning("board: cannot read the orders (%s); retrying", exc)
        self.offline = True
        self.view.set_offline(True)  # keep showing the last numbers under the banner
        if self._again:
            self._again = False


__all__ = ["BoardController"]
