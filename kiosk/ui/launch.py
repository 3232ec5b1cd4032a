"""Start the customer kiosk (``kiosk run``) or the staff panel (``kiosk admin``)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk.app import Store
from kiosk.ui.crash import install_exception_hook
from kiosk.ui.fonts import register_fonts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import apply_theme

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
    register_fonts()
    apply_theme(app)
    return app


def connect_staff_access(window: MainWindow, store: Store) -> None:
    """Five taps in the top-left corner open the admin panel's PIN login (if installed)."""

    def open_admin() -> None:
        try:
            from kiosk.ui.admin.app import open_from_kiosk
        except ImportError as exc:
            if exc.name and not exc.name.startswith("kiosk.ui.admin"):
                raise
            QMessageBox.information(
                window,
                QCoreApplication.translate("Launch", "Staff"),
                QCoreApplication.translate("Launch", "The staff panel is not installed."),
            )
            return
        open_from_kiosk(store, window)

    window.staff_access_requested.connect(open_admin)


def run_kiosk(
    store: Store,
    *,
    kiosk_mode: bool | None = None,
    language: str | None = None,
    size: str | None = None,
) -> int:
    app = application()
    try:
        settled = store.payments.reconcile()
        if settled:
            log.info("settled %d payment(s) left pending at the last shutdown", len(settled))
    except Exception:
        log.exception("payment reconciliation at start-up failed")
    settings = store.current_settings()
    kiosk_mode = settings.kiosk.kiosk_mode if kiosk_mode is None else kiosk_mode
    window = MainWindow(store, kiosk_mode=kiosk_mode, language=language)
    connect_staff_access(window, store)
    uninstall = install_exception_hook(window.flow.show_error_screen, window)
    store.start_event_relay()
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
        uninstall()
        store.close()


def run_admin(store: Store) -> int:
    try:
        from kiosk.ui.admin.app import run_admin as admin_main
    except ImportError as exc:
        if exc.name and not exc.name.startswith("kiosk.ui.admin"):
            raise
        print("The admin panel is not built yet.", file=sys.stderr)
        return 1
    return int(admin_main(store) or 0)
