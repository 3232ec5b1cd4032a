"""Run slow work (payments, PromptPay polling, PDF receipts) off the UI thread.

A :class:`Task` is a ``QRunnable`` whose result or exception comes back as a signal; the
signal object lives in the UI thread, so the connected slots run there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.args = args
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except Exception as exc:  # handed to the UI thread, which maps it to a message
            log.debug("task %s failed: %s", getattr(self.fn, "__name__", self.fn), exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Owns a thread pool and keeps every running task alive until its signal arrives."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> Task:
        task = Task(fn, *args)
        self._running.add(task)

        def finished(result: Any) -> None:
            self._running.discard(task)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._running.discard(task)
            on_failed(exc)

        task.signals.done.connect(finished)
        task.signals.failed.connect(failed)
        self.pool.start(task)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
