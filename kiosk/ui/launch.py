"""Start the customer kiosk (``kiosk run``) or the staff panel (``kiosk admin``)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kiosk.app import Store, recover_payments
from kiosk.printing.runner import start_print_worker
from kiosk.ui.bindings import check_bindings
from kiosk.ui.compose import open_kiosk
from kiosk.ui.crash import install_exception_hook
from kiosk.ui.fonts import register_fonts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import apply_theme
from kiosk.ui.workers import TaskRunner

log = logging.getLogger(__name__)


def parse_size(text: str | None) -> QSize | None:
    """``"1080x1920"`` → QSize; None or nonsense → None (with a log line)."""
    if not text:
        return None
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        log.warning("ignored window size %r: use WIDTHxHEIGHT, e.g. 1080x1920", text)
        return None
    if w < 320 or h < 320:
        log.warning("ignored window size %r: too small", text)
        return None
    return QSize(w, h)


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("OrderUp Kiosk")
    check_bindings()
    register_fonts()
    apply_theme(app)
    return app


def _message_box(window: MainWindow, text: str) -> None:
    QMessageBox.information(window, QCoreApplication.translate("Launch", "Staff"), text)


class StaffAccess(QObject):
    """Five taps in the top-left corner open the staff pad (staff number + PIN, no names)
    and then the admin panel over the kiosk (if installed); without the panel, staff get a
    short note (``notify``)."""

    def __init__(
        self,
        window: MainWindow,
        store: Store,
        notify: Callable[[MainWindow, str], None] = _message_box,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.notify = notify
        window.staff_access_requested.connect(self.open_admin)

    @Slot()
    def open_admin(self) -> None:
        try:
            from kiosk.ui.admin.app import open_from_kiosk
        except ImportError as exc:
            if exc.name and not exc.name.startswith("kiosk.ui.admin"):
                raise
            log.warning("staff access requested but kiosk.ui.admin is not available")
            text = QCoreApplication.translate("Launch", "The staff panel is not installed.")
            self.notify(self.window, text)
            return
        open_from_kiosk(self.store, self.window)


def connect_staff_access(
    window: MainWindow,
    store: Store,
    notify: Callable[[MainWindow, str], None] = _message_box,
) -> StaffAccess:
    return StaffAccess(window, store, notify)


def run_kiosk(
    store: Store,
    *,
    kiosk_mode: bool | None = None,
    language: str | None = None,
    size: str | None = None,
    demo: int | None = None,
) -> int:
    """``demo``: the windowed demo (the demo owner's staff number, 0 without one): the
    welcome screen says so, how to leave and how to reach the staff panel."""
    app = application()
    settings = store.current_settings()
    kiosk_mode = settings.kiosk.kiosk_mode if kiosk_mode is None else kiosk_mode
    window = open_kiosk(store, kiosk_mode=kiosk_mode, language=language)
    if demo is not None:
        from kiosk.services.demo import DEMO_OWNER_PIN

        window.welcome.set_demo(demo, DEMO_OWNER_PIN)
    connect_staff_access(window, store)
    uninstall = install_exception_hook(window.flow.show_error_screen, window, pass_exception=True)
    sweeper = start_payment_sweeper(store, window)
    # once Welcome is on the screen, not before: hear other kiosks' changes, and settle
    # what a crash left unsettled
    finish_recovery = recover_after_first_paint(
        store, window.welcome, first=store.start_event_relay
    )
    printer = start_print_worker(store)  # kitchen tickets and receipts, on its own thread
    if kiosk_mode:
        window.enter_kiosk_mode()
    else:
        wanted = parse_size(size)
        if wanted is None:
            screen = app.primaryScreen()
            orientation = settings.kiosk.orientation
            if orientation == "portrait":
                wanted = QSize(1080, 1920)
            elif orientation == "landscape":
                wanted = QSize(1920, 1080)
            elif screen is not None:
                wanted = screen.availableGeometry().size()
            else:
                wanted = QSize(1080, 1920)
        window.resize(wanted)
        window.show()
    try:
        return int(app.exec())
    finally:
        sweeper.stop()
        finish_recovery()
        if printer is not None:
            printer.stop()
        uninstall()
        window.allow_close()
        window.close()
        window.deleteLater()
        # delete it now: left for PySide's exit-time clean-up it can crash the interpreter
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()


SWEEP_INTERVAL_MS = 5 * 60 * 1000
RECOVERY_FALLBACK_MS = 3000


class _FirstPaint(QObject):
    def __init__(self, screen: QWidget, then: Callable[[], None]) -> None:
        super().__init__(screen)
        self._then = then
        screen.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint has reached the screen
        return False


def recover_after_first_paint(
    store: Store,
    screen: QWidget,
    fallback_ms: int = RECOVERY_FALLBACK_MS,
    first: Callable[[], None] | None = None,
) -> Callable[[], None]:
    """Settle the payments and refunds a crash left (``reconcile``) on a worker thread
    as soon as ``screen`` has painted for the first time (or after ``fallback_ms`` if it
    never paints, e.g. a hidden window), so start-up shows Welcome without waiting for
    the provider. A payment this process starts meanwhile is safe: reconcile leaves a
    live process's payment to that process unless the provider's answer is final.
    ``first`` runs on the UI thread just before (the kiosk starts its event relay there).

    Returns ``finish``, for shutdown: it starts recovery if it never started and waits
    for it, so even a kiosk closed at once has recovered."""
    runner = TaskRunner(screen, max_threads=1)
    started = False

    def start() -> None:
        nonlocal started
        if not started:
            started = True
            if first is not None:
                first()
            runner.submit(recover_payments, store, on_done=lambda _: None, on_failed=lambda _: None)

    _FirstPaint(screen, start)
    QTimer.singleShot(fallback_ms, screen, start)

    def finish() -> None:
        start()
        runner.wait(60_000)

    return finish


def start_payment_sweeper(store: Store, parent: QObject) -> QTimer:
    """Every few minutes, off the UI thread, settle this kiosk's payments that have been
    pending longer than any live payment can be (a settle that failed mid-way, for
    instance), so an order is never blocked until the next restart."""
    grace = store.current_settings().payments.promptpay_timeout_seconds + 60
    runner = TaskRunner(parent, max_threads=1)
    timer = QTimer(parent)
    timer.setInterval(SWEEP_INTERVAL_MS)

    def sweep() -> None:
        runner.submit(
            store.payments.reconcile,
            None,
            grace,
            on_done=lambda settled: (
                settled and log.info("settled %d stale payment(s)", len(settled))
            ),
            on_failed=lambda exc: log.warning("payment sweep failed: %s", exc),
        )

    timer.timeout.connect(sweep)
    timer.start()
    return timer


def run_admin(store: Store) -> int:
    try:
        from kiosk.ui.admin.app import run_admin as admin_main
    except ImportError as exc:
        if exc.name and not exc.name.startswith("kiosk.ui.admin"):
            raise
        print("The admin panel is not built yet.", file=sys.stderr)
        return 1
    printer = start_print_worker(store)  # a counter PC with the printers attached
    try:
        return int(admin_main(store) or 0)
    finally:
        if printer is not None:
            printer.stop()
