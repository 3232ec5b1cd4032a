"""Start the customer kiosk (``kiosk run``) or the staff panel (``kiosk admin``).

``kiosk run`` starts in two phases, so that Welcome is on the screen before anything
slow is loaded (issue #13):

1. **The shell.** The QApplication, the fonts and the theme; a window with the header,
   Welcome, the overlays and the staff corner only (``MainWindow(screens="welcome")``),
   filled from :class:`kiosk.first_look.FirstLook` (the settings file and the names last
   shown, no pydantic), shown and painted. Nothing of SQLAlchemy, ``kiosk.db``,
   ``kiosk.app``, the services or the config's pydantic models is imported by then
   (``tests/ui/test_cold_start.py`` checks it in a real ``kiosk run``).
2. **Right after the first paint** (a paint event of Welcome, then a zero timer so the
   frame reaches the screen first): the bindings self-check, the store
   (``open_store``: settings validated, database, schema check, services), the other nine
   screens, the :class:`kiosk.ui.flow.KioskFlow` controller, staff access, the crash
   hook, the payment sweeper, the event relay and crash recovery, the print worker.

This runs on the UI thread: a tap meanwhile waits in Qt's event queue and is delivered
when phase 2 returns, by then to the controller. A tap Qt delivers before phase 2 has
connected the controller (between the paint and the zero timer) is held by
:class:`HeldTaps` and replayed. When phase 2 fails (a database that cannot be opened, a
schema too old or too new, a configuration pydantic refuses, leaking bindings), the shell
closes and :func:`run_kiosk` raises that error, so the command reports it as it always
did (one paragraph, exit code 2).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, Slot
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.first_look import FirstLook
from kiosk.ui.fonts import register_fonts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.stop_signals import quit_on_signals
from kiosk.ui.theme import apply_theme
from kiosk.ui.workers import TaskRunner

if TYPE_CHECKING:
    from kiosk.app import Store
    from kiosk.printing.runner import PrintWorker

log = logging.getLogger(__name__)


#: a window side at most (an 8K screen is 7680 px wide)
MAX_SIDE = 8192


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
    if w > MAX_SIDE or h > MAX_SIDE:  # Qt cannot paint one (577 lines of QPainter noise)
        log.warning("ignored window size %r: larger than %d px a side", text, MAX_SIDE)
        return None
    return QSize(w, h)


def application(check: bool = True) -> QApplication:
    """The QApplication with the fonts and the theme. ``check``: run the bindings'
    self-check first (``kiosk run`` runs it after Welcome's first paint instead)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("OrderUp Kiosk")
    if check:
        from kiosk.ui.bindings import check_bindings

        check_bindings()
    register_fonts()
    apply_theme(app)
    return app


def _message_box(window: MainWindow, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # not on the first paint's path

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


class HeldTaps(QObject):
    """The shell's taps that Qt delivers before the controller is connected (between
    the first paint and phase 2, or from anything that spins the event loop during it):
    held, in order, and emitted again by :meth:`release` once the controller listens.
    Taps that arrive while phase 2 runs wait in Qt's own queue and need no holding."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.holding = True
        self.held: list[tuple[Any, tuple[Any, ...]]] = []
        for signal in (
            window.welcome.mode_chosen,
            window.welcome.language_chosen,
            window.welcome.table_chosen,
            window.header.language_chosen,
            window.header.start_over_clicked,
            window.staff_access_requested,
        ):
            signal.connect(lambda *args, s=signal: self._hold(s, args))

    def _hold(self, signal: Any, args: tuple[Any, ...]) -> None:
        if self.holding:
            self.held.append((signal, args))

    def release(self) -> None:
        self.holding = False
        held, self.held = self.held, []
        for signal, args in held:
            signal.emit(*args)


class _Kiosk:
    """What phase 2 started, for the shutdown to stop (each None until it started)."""

    def __init__(self) -> None:
        self.store: Store | None = None
        self.error: BaseException | None = None
        self.started = False
        self.sweeper: QTimer | None = None
        self.printer: PrintWorker | None = None
        self.finish_recovery: Callable[[], None] | None = None
        self.uninstall: Callable[[], None] | None = None

    def stop(self) -> None:
        if self.sweeper is not None:
            self.sweeper.stop()
        if self.finish_recovery is not None:
            self.finish_recovery()
        if self.printer is not None:
            self.printer.stop()
        if self.uninstall is not None:
            self.uninstall()


def run_kiosk(
    open_store: Callable[[], Store],
    *,
    look: FirstLook | None = None,
    kiosk_mode: bool | None = None,
    language: str | None = None,
    size: str | None = None,
    demo: int | None = None,
) -> int:
    """Paint the Welcome shell from ``look`` (defaults when None), then, after its first
    paint, open the store with ``open_store`` and build the rest (see the module's
    docstring). ``kiosk_mode`` and ``language`` (None: from ``look``) and ``size`` are
    the command's flags. ``demo``: the windowed demo (the demo owner's staff number, 0
    without one): the welcome screen says so, how to leave and how to reach the staff
    panel. An error opening the store closes the window and is raised from here."""
    look = look or FirstLook()
    app = application(check=False)
    kiosk_mode = look.kiosk_mode if kiosk_mode is None else kiosk_mode
    window = MainWindow(
        kiosk_mode=kiosk_mode,
        language=language or look.language,
        idle_timeout_ms=look.idle_timeout_seconds * 1000,
        screens="welcome",
    )
    window.header.set_store(look.store_name_th, look.store_name)
    window.welcome.set_store(look.store_name_th, look.store_name)
    if demo is not None:
        from kiosk.services.demo import DEMO_OWNER_PIN

        window.welcome.set_demo(demo, DEMO_OWNER_PIN)
    held = HeldTaps(window)
    kiosk = _Kiosk()

    def second_phase() -> None:
        if kiosk.started:
            return
        kiosk.started = True
        try:
            _build_the_rest(kiosk, open_store, window)
        except Exception as exc:  # the store did not open: close, and report it as before
            log.info("start-up failed after the first paint: %s", exc)
            kiosk.error = exc
            window.allow_close()
            window.close()
            app.exit(1)
            return
        held.release()

    after_first_paint(window.welcome, second_phase)
    if kiosk_mode:
        window.enter_kiosk_mode()
    else:
        window.resize(_window_size(app, size, look.orientation))
        window.show()
    restore_signals = quit_on_signals(app, window, before=window.allow_close)
    try:
        code = int(app.exec())
        second_phase()  # closed before it ran: open the store all the same, and recover
    finally:
        restore_signals()
        kiosk.stop()
        window.allow_close()
        window.close()
        window.deleteLater()
        # delete it now: left for PySide's exit-time clean-up it can crash the interpreter
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if kiosk.store is not None:
            kiosk.store.close()
    if kiosk.error is not None:
        raise kiosk.error
    return code


def _build_the_rest(kiosk: _Kiosk, open_store: Callable[[], Store], window: MainWindow) -> None:
    """Phase 2 of ``kiosk run``, in order; each part is recorded on ``kiosk`` as it starts."""
    from kiosk.first_look import remember
    from kiosk.printing.runner import start_print_worker
    from kiosk.ui.bindings import check_bindings
    from kiosk.ui.compose import drive
    from kiosk.ui.crash import install_exception_hook

    check_bindings()
    store = kiosk.store = open_store()
    flow = drive(store, window)
    remember(store.current_settings())
    flow.events.settings_changed.connect(lambda _e: remember(store.current_settings()))
    connect_staff_access(window, store)
    kiosk.uninstall = install_exception_hook(flow.show_error_screen, window, pass_exception=True)
    kiosk.sweeper = start_payment_sweeper(store, window)
    # hear other kiosks' changes, and settle what a crash left unsettled
    kiosk.finish_recovery = start_recovery(store, window.welcome, first=store.start_event_relay)
    kiosk.printer = start_print_worker(store)  # kitchen tickets and receipts, on its own thread


def _window_size(app: QApplication, size: str | None, orientation: str) -> QSize:
    wanted = parse_size(size)
    if wanted is not None:
        return wanted
    screen = app.primaryScreen()
    if orientation == "portrait":
        return QSize(1080, 1920)
    if orientation == "landscape":
        return QSize(1920, 1080)
    if screen is not None:
        return screen.availableGeometry().size()
    return QSize(1080, 1920)


SWEEP_INTERVAL_MS = 5 * 60 * 1000
FIRST_PAINT_FALLBACK_MS = 3000


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


def after_first_paint(
    screen: QWidget, then: Callable[[], None], fallback_ms: int = FIRST_PAINT_FALLBACK_MS
) -> None:
    """Call ``then`` (once) on the UI thread just after ``screen`` has painted for the
    first time, or after ``fallback_ms`` if it never paints (a hidden window)."""
    done = False

    def once() -> None:
        nonlocal done
        if not done:
            done = True
            then()

    _FirstPaint(screen, once)
    QTimer.singleShot(fallback_ms, screen, once)


def start_recovery(
    store: Store, parent: QObject, first: Callable[[], None] | None = None
) -> Callable[[], None]:
    """Settle the payments and refunds a crash left (``reconcile``) on a worker thread,
    so start-up shows Welcome without waiting for the provider (``kiosk run`` calls it
    after Welcome's first paint). A payment this process starts meanwhile is safe:
    reconcile leaves a live process's payment to that process unless the provider's
    answer is final. ``first`` runs on the UI thread just before (the kiosk starts its
    event relay there).

    Returns ``finish``, for shutdown: it waits for recovery, so even a kiosk closed at
    once has recovered."""
    from kiosk.app import recover_kiosk

    runner = TaskRunner(parent, max_threads=1)
    if first is not None:
        first()
    runner.submit(recover_kiosk, store, on_done=lambda _: None, on_failed=lambda _: None)

    def finish() -> None:
        runner.wait(60_000)

    return finish


def start_payment_sweeper(store: Store, parent: QObject) -> QTimer:
    """Every few minutes, off the UI thread, settle this kiosk's payments that have been
    pending longer than any live payment can be (a settle that failed mid-way, for
    instance), so an order is never blocked until the next restart, and cancel the
    unpaid orders a crash left without a payment (:func:`kiosk.app.recover_kiosk`)."""
    from kiosk.app import recover_kiosk

    grace = store.current_settings().payments.promptpay_timeout_seconds + 60
    runner = TaskRunner(parent, max_threads=1)
    timer = QTimer(parent)
    timer.setInterval(SWEEP_INTERVAL_MS)

    def sweep() -> None:
        runner.submit(
            recover_kiosk,
            store,
            grace,
            on_done=lambda _: None,  # recover_kiosk logs what it settled and cancelled
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
    from kiosk.printing.runner import start_print_worker

    printer = start_print_worker(store)  # a counter PC with the printers attached
    try:
        return int(admin_main(store) or 0)
    finally:
        if printer is not None:
            printer.stop()
