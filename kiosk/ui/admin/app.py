"""Starting the admin panel: ``kiosk admin`` (:func:`run_admin`) or over the running kiosk
(:func:`open_from_kiosk`, called by the kiosk's hidden gesture).

:class:`AdminSession` runs the cycle sign-in → admin window → sign-out (button or idle)
→ sign-in again (stand-alone) or back to the kiosk (kiosk mode).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.services.staff import StaffView
from kiosk.ui.admin.context import AdminContext, unexpected_message
from kiosk.ui.admin.dialogs import Dialogs
from kiosk.ui.admin.format import set_language, tr
from kiosk.ui.admin.login import LoginDialog
from kiosk.ui.admin.window import AdminWindow
from kiosk.ui.bindings import check_bindings
from kiosk.ui.crash import install_exception_hook
from kiosk.ui.fonts import register_fonts, ui_font
from kiosk.ui.qt_events import QtEvents
from kiosk.ui.screen_fit import fill_screen
from kiosk.ui.stop_signals import quit_on_signals

if TYPE_CHECKING:
    from kiosk.app import Store
    from kiosk.ui.staff_sign_in import StaffSignIn

_sessions: list[AdminSession] = []


class AdminSession(QObject):
    """Emits ``finished`` when the panel is done (sign-in cancelled; in kiosk mode also
    after sign-out)."""

    finished = Signal()

    def __init__(
        self,
        store: Store,
        kiosk_mode: bool = False,
        parent_widget: QWidget | None = None,
        dialogs: Dialogs | None = None,
        quit_app: Callable[[], None] = QApplication.quit,
        idle_now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.store = store
        self.kiosk_mode = kiosk_mode
        self.parent_widget = parent_widget
        self.dialogs = dialogs or Dialogs()
        self.quit_app = quit_app
        self.idle_now = idle_now
        self.staff = store.staff
        self.actions = store.actions  # built with the store (kiosk.app.build_store)
        self.events = QtEvents(store.events)
        self.login: LoginDialog | None = None
        self.pad: StaffSignIn | None = None  # over a kiosk
        self.window: AdminWindow | None = None
        self.language = store.current_settings().kiosk.language
        """The panel's language: the kiosk's to begin with, then what staff switch to."""

    def start(self) -> LoginDialog:
        """Show the sign-in dialog (non-blocking)."""
        settings = self.store.current_settings()
        set_language(self.language)
        login = LoginDialog(
            self.staff,
            settings.store.name,
            parent=self.parent_widget,
            allow_setup=not self.kiosk_mode,
        )
        login.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        login.authenticated.connect(self._on_login_authenticated)
        login.rejected.connect(self._on_login_rejected)
        login.language_changed.connect(self._on_language_changed)
        if self.parent_widget is not None:
            login.setWindowModality(Qt.WindowModality.WindowModal)
        login.resize(760, 560)
        self.login = login
        if self.parent_widget is not None:
            login.open()
        else:
            login.show()
        return login

    def start_pad(self) -> StaffSignIn:
        """Over the kiosk: the staff pad (staff number + PIN, no names shown, wrong PINs
        lock the kiosk's pad rather than the accounts) instead of the name list."""
        from kiosk.ui.staff_sign_in import StaffSignIn

        assert self.parent_widget is not None
        pad = StaffSignIn.for_store(self.store, self.parent_widget)
        pad.signed_in.connect(self._on_pad_signed_in)
        pad.cancelled.connect(self._on_pad_cancelled)
        self.pad = pad
        pad.open()
        return pad

    def _on_pad_signed_in(self, user: StaffView) -> None:
        pad, self.pad = self.pad, None
        if pad is not None:
            pad.dispose()
        self.open_window(user)

    def _on_pad_cancelled(self) -> None:
        pad, self.pad = self.pad, None
        if pad is not None:
            pad.dispose()
        self._finish()

    def _on_login_authenticated(self, user: StaffView) -> None:
        self.login = None
        self.open_window(user)

    def open_window(self, user: StaffView) -> AdminWindow:
        ctx = AdminContext(
            store=self.store,
            actions=self.actions,
            staff=user,
            events=self.events,
            dialogs=self.dialogs,
            kiosk_mode=self.kiosk_mode,
        )
        window = AdminWindow(ctx, idle_now=self.idle_now, language=self.language)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.language_changed.connect(self._on_language_changed)
        window.logged_out.connect(self._on_window_logged_out)
        window.exit_kiosk_requested.connect(self._on_window_exit_kiosk_requested)
        self.window = window
        if self.kiosk_mode:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            fill_screen(window, near=self.parent_widget)
        else:
            window.showMaximized()
        return window

    def _on_language_changed(self, lang: str) -> None:
        self.language = lang

    def _on_window_logged_out(self, reason: str) -> None:
        window, self.window = self.window, None
        if window is not None and reason != "closed":
            # Queued: log_out may run inside a dialog's event loop (auto-logout); closing
            # (and deleting) the window there would delete the dialog under it.
            QTimer.singleShot(0, window.close)
        if reason == "exit_kiosk":
            return
        if self.kiosk_mode or reason == "closed":
            self._finish()
        else:
            self.start()

    def _on_window_exit_kiosk_requested(self) -> None:
        self._finish()
        self.quit_app()

    def _on_login_rejected(self) -> None:
        self.login = None
        self._finish()

    def _finish(self) -> None:
        self.events.close()
        if self in _sessions:
            _sessions.remove(self)
        self.finished.emit()


def _prepare_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
    assert isinstance(app, QApplication)
    check_bindings()
    register_fonts()
    return app


def install_panel_exception_hook(
    parent: QObject, dialogs: Dialogs | None = None
) -> Callable[[], None]:
    """Stand-alone panel: an uncaught error is logged (with its traceback) and staff see a
    calm message instead of the panel dying silently. Returns the uninstaller."""
    dialogs = dialogs or Dialogs()
    showing: list[bool] = []

    def on_error() -> None:
        if showing:  # one message at a time, however many errors queue up
            return
        showing.append(True)
        try:
            window = QApplication.activeWindow()
            dialogs.error(window, tr("OrderUp admin"), unexpected_message())
        finally:
            showing.clear()

    return install_exception_hook(on_error, parent)


def run_admin(store: Store) -> int:
    """``kiosk admin``: its own window, mouse and keyboard. Returns the exit code."""
    app = _prepare_app()
    app.setApplicationName("OrderUp admin")
    app.setFont(ui_font(10))
    uninstall = install_panel_exception_hook(app)
    session = AdminSession(store, kiosk_mode=False)
    _sessions.append(session)
    session.finished.connect(app.quit)
    session.start()
    restore_signals = quit_on_signals(app, app)
    try:
        return app.exec()
    finally:
        restore_signals()
        uninstall()
        store.close()


def open_from_kiosk(store: Store, parent: QWidget) -> None:
    """The kiosk's hidden gesture: the staff pad over the kiosk (staff number + PIN, no
    names), then the admin window (full screen, on top). Signing out returns to the kiosk;
    a manager or owner can leave kiosk mode with "Exit kiosk" (``QApplication.quit``)."""
    _prepare_app()
    if any(s.parent_widget is parent for s in _sessions):
        return  # the pad or the panel is already open over this kiosk
    session = AdminSession(store, kiosk_mode=True, parent_widget=parent)
    _sessions.append(session)
    session.start_pad()


def active_sessions() -> list[AdminSession]:
    return list(_sessions)
