"""Tasks run off the UI thread, report back on it, and leave nothing behind."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.ui.workers import Task, TaskRunner


def _live_tasks() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Task))


def test_results_and_errors_come_back_on_the_ui_thread(qtbot: Any) -> None:
    runner = TaskRunner()
    ui_thread = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []

    def boom() -> None:
        raise ValueError("no")

    runner.submit(
        lambda x: x * 2,
        21,
        on_done=lambda r: seen.append(("done", r, threading.get_ident() == ui_thread)),
        on_failed=lambda e: None,
    )
    runner.submit(
        boom,
        on_done=lambda r: None,
        on_failed=lambda e: seen.append(("failed", str(e), threading.get_ident() == ui_thread)),
    )
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert sorted(seen) == [("done", 42, True), ("failed", "no", True)]
    assert not runner.busy


def test_finished_tasks_are_freed(qtbot: Any) -> None:
    """Each task used to stay alive for ever: closures capturing it were connected to its
    own signals, a cycle through Qt the garbage collector cannot see."""
    runner = TaskRunner()
    before = _live_tasks()
    done: list[int] = []
    for i in range(300):
        runner.submit(lambda n: n, i, on_done=done.append, on_failed=lambda e: None)
        if i % 50 == 49:
            qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    runner.wait(5000)
    QApplication.processEvents()
    assert sorted(done) == list(range(300))
    assert _live_tasks() - before == 0
