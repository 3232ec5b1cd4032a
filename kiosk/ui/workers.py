"""Run slow work (payments, PromptPay polling, PDF receipts) off the UI thread.

A :class:`Task` is a callable run by a ``QThreadPool``; its result or exception comes back
as a signal of the runner, which lives in the UI thread, so the callbacks run there.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """One per runner: a task reports ``(task id, result)``; the runner lives in the UI
    thread, so the queued slots run there."""

    done = Signal(int, object)
    failed = Signal(int, object)


class Task:
    """One piece of work for the pool. A plain callable, not a ``QRunnable`` subclass:
    PySide keeps a reference to every Python ``QRunnable`` it was given, so those never
    die, while a callable handed to ``QThreadPool.start`` is released after it ran."""

    def __init__(self, task_id: int, signals: TaskSignals, fn: Callable[..., Any], *args: Any):
        self.task_id = task_id
        self.fn = fn
        self.args = args
        self.signals = signals

    def __call__(self) -> None:
        try:
            result = self.fn(*self.args)
        except Exception as exc:  # handed to the UI thread, which maps it to a message
            log.debug("task %s failed: %s", getattr(self.fn, "__name__", self.fn), exc)
            self.signals.failed.emit(self.task_id, exc)
        else:
            self.signals.done.emit(self.task_id, result)
        finally:
            self.fn = self.args = None  # type: ignore[assignment]


class TaskRunner(QObject):
    """Owns a thread pool and keeps every running task alive until its signal arrives.

    No per-task connections and no closures over the task: a task's callbacks sit in a
    dict keyed by its id and leave it when the result arrives, so nothing outlives its
    task (a closure connected to the task's own signal is a cycle through Qt that Python's
    garbage collector cannot see)."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.signals = TaskSignals(self)
        self.signals.done.connect(self._on_task_done)
        self.signals.failed.connect(self._on_task_failed)
        self._running: dict[int, tuple[Task, Callable[[Any], None], Callable[[Any], None]]] = {}
        self._ids = itertools.count(1)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> Task:
        task = Task(next(self._ids), self.signals, fn, *args)
        self._running[task.task_id] = (task, on_done, on_failed)
        self.pool.start(task)
        return task

    def _finish(self, task_id: int) -> tuple[Callable[[Any], None], Callable[[Any], None]] | None:
        entry = self._running.pop(task_id, None)
        if entry is None:
            return None
        _task, on_done, on_failed = entry
        return on_done, on_failed

    def _on_task_done(self, task_id: int, result: Any) -> None:
        callbacks = self._finish(task_id)
        if callbacks is not None:
            callbacks[0](result)

    def _on_task_failed(self, task_id: int, exc: Any) -> None:
        callbacks = self._finish(task_id)
        if callbacks is not None:
            callbacks[1](exc)

    @property
    def running(self) -> int:
        """How many submitted tasks have not reported yet."""
        return len(self._running)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
