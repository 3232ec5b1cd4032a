"""The global exception hook: log the traceback, show the calm error screen. A customer
never sees a traceback."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger("kiosk.ui")


class ExceptionRelay(QObject):
    """Emitted from any thread; the connected slot runs on the UI thread."""

    caught = Signal(object)  # the exception


def install_exception_hook(
    on_error: Callable[..., None], parent: QObject, pass_exception: bool = False
) -> Callable[[], None]:
    """Route uncaught exceptions (UI thread and workers) to the log and ``on_error``
    (called with the exception when ``pass_exception``, e.g. to name a database fault).

    Returns a function that puts the previous hooks back."""
    relay = ExceptionRelay(parent)

    def deliver(exc: object) -> None:
        if pass_exception:
            on_error(exc)
        else:
            on_error()

    relay.caught.connect(deliver, Qt.ConnectionType.QueuedConnection)
    previous_sys = sys.excepthook
    previous_thread = threading.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_sys(exc_type, exc, tb)
            return
        log.error("unexpected error on the kiosk screen", exc_info=(exc_type, exc, tb))
        relay.caught.emit(exc)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        log.error(
            "unexpected error in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
        )
        relay.caught.emit(args.exc_value)

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def uninstall() -> None:
        sys.excepthook = previous_sys
        threading.excepthook = previous_thread

    return uninstall
