"""Ctrl+C (``SIGINT``) and ``SIGTERM`` (a service manager stopping the program) for the
Qt programs (the kiosk, the admin panel, the order board): they leave the way closing
the window does. Qt's event loop runs in C++, where Python cannot run its signal
handlers: a timer gives it a moment five times a second."""

from __future__ import annotations

import logging
import signal as signals
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

STOP_SIGNALS = (signals.SIGINT, signals.SIGTERM)


def quit_on_signals(
    app: QApplication, parent: QObject, before: Callable[[], None] = lambda: None
) -> Callable[[], None]:
    """Until the returned function is called, a stop signal calls ``before`` (e.g. lets
    a kiosk-mode window close) and quits ``app``; the timer lives on ``parent``. Returns
    the function that puts the previous handlers back (only the main thread can set
    them; elsewhere nothing is changed)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def leave(signum: int, _frame: object) -> None:
        log.info("%s: leaving", signals.Signals(signum).name)
        before()
        # queued: a signal just before the loop starts still ends it once it runs
        QTimer.singleShot(0, app.quit)

    previous = {sig: signals.signal(sig, leave) for sig in STOP_SIGNALS}
    log.info("%s running; Ctrl+C or SIGTERM stops it", app.applicationName() or "kiosk")
    wake = QTimer(parent)
    wake.timeout.connect(lambda: None)
    wake.start(200)

    def restore() -> None:
        wake.stop()
        for sig, handler in previous.items():
            signals.signal(sig, handler)

    return restore
