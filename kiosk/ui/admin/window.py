"""The admin main window: header (store, who is signed in, ไทย/EN, lock, exit kiosk), a
side navigation limited to what the role may use, the screens, and the idle auto-logout.

The language switch retranslates every screen live (each has ``retranslate_ui()``); the
panel starts in ``language`` or, without one, the kiosk's ``settings.kiosk.language``."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.staff import Permission
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.format import role_label, set_language, tr
from kiosk.ui.admin.page import AdminPage
from kiosk.ui.admin.theme import apply_theme
from kiosk.ui.admin.widgets import LanguageSwitch, Source, Texts, label

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
}


class IdleWatcher(QObject):
    """Emits ``idle`` once nothing was touched or typed for ``timeout()`` seconds.

    ``now`` is injectable (a monotonic clock in seconds) so tests skip the waiting.
    """

    idle = Signal()

    def __init__(
        self,
        timeout: Callable[[], float],
        now: Callable[[], float] = time.monotonic,
        interval_ms: int = 5_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timeout = timeout
        self._now = now
        self._last = now()
        self._fired = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self.touch()
        self._fired = False
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def touch(self) -> None:
        self._last = self._now()

    def seconds_idle(self) -> float:
        return self._now() - self._last

    def check(self) -> None:
        if not self._fired and self.seconds_idle() >= self._timeout():
            self._fired = True
            self._timer.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._now()
        return False


def close_modals() -> None:
    """Reject every open modal dialog (a question the panel asked), innermost first, so
    signing out never deletes a dialog while its own event loop still runs."""
    seen: set[int] = set()
    while (modal := QApplication.activeModalWidget()) is not None and id(modal) not in seen:
        seen.add(id(modal))
        if isinstance(modal, QDialog):
            modal.done(QDialog.DialogCode.Rejected)
        else:
            modal.close()


class AdminWindow(QMainWindow):
    """Signals: ``logged_out(reason)`` ("manual", "idle", "closed"),
    ``exit_kiosk_requested`` (a manager/owner chose to leave kiosk mode) and
    ``language_changed(lang)``."""

    logged_out = Signal(str)
    exit_kiosk_requested = Signal()
    language_changed = Signal(str)

    def __init__(
        self,
        ctx: AdminContext,
        idle_now: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._done = False
        self.texts = Texts()
        self.setObjectName("AdminWindow")
        settings = ctx.settings()
        self.language = language or settings.kiosk.language
        set_language(self.language)
        self.resize(1280, 800)
        apply_theme(self)

        root = QWidget()
        root.setObjectName("AdminRoot")
        self.setCentralWidget(root)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)
        self.nav = QListWidget()
        self.nav.setObjectName("NavList")
        self.nav.setFixedWidth(200)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.addWidget(self.nav)
        self.stack = QStackedWidget()
        self.stack.setObjectName("ScreenStack")
        body.addWidget(self.stack, 1)
        self.screens: dict[str, AdminPage] = {}
        self._build_screens()
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.nav.setCurrentRow(0)

        self.idle = IdleWatcher(
            lambda: self.ctx.settings().admin.auto_logout_minutes * 60, idle_now, parent=self
        )
        self.idle.idle.connect(self._on_idle_idle)
        self.idle.start()
        self._retranslate_window()

    # -- layout ---------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("AdminHeader")
        row = QHBoxLayout(header)
        row.setContentsMargins(20, 10, 16, 10)
        settings = self.ctx.settings()
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(label(settings.store.name, name="StoreName"))
        names.addWidget(label(settings.store.name_th, "muted", "StoreNameTh"))
        row.addLayout(names)
        row.addStretch(1)
        self.signed_in = label(name="SignedInAs")
        row.addWidget(self.signed_in)
        row.addSpacing(12)
        self.languages = LanguageSwitch("Lang")
        self.languages.set_language(self.language)
        self.languages.language_requested.connect(self._on_languages_language_requested)
        row.addWidget(self.languages)
        row.addSpacing(12)
        who = self.ctx.staff
        self.exit_kiosk = self.texts.button(lambda: tr("Exit kiosk"), "danger", "ExitKioskButton")
        self.exit_kiosk.setVisible(self.ctx.kiosk_mode and who.can(Permission.EXIT_KIOSK))
        self.exit_kiosk.clicked.connect(self._on_exit_kiosk_clicked)
        row.addWidget(self.exit_kiosk)
        self.lock = self.texts.button(lambda: tr("Lock"), "primary", "LogoutButton")
        self.texts.bind(
            self.lock.setToolTip, lambda: tr("Sign out (also happens after a few idle minutes)")
        )
        self.lock.clicked.connect(self._on_lock_clicked)
        row.addWidget(self.lock)
        return header

    def _build_screens(self) -> None:
        from kiosk.ui.admin.audit import AuditScreen
        from kiosk.ui.admin.dashboard import DashboardScreen
        from kiosk.ui.admin.members import MembersScreen
        from kiosk.ui.admin.menu import MenuScreen
        from kiosk.ui.admin.orders import OrdersScreen
        from kiosk.ui.admin.settings import SettingsScreen
        from kiosk.ui.admin.staff import StaffScreen

        entries: list[tuple[str, Source, Callable[[], AdminPage], Permission]] = [
            (
                "dashboard",
                lambda: tr("Dashboard"),
                lambda: DashboardScreen(self.ctx),
                Permission.VIEW,
            ),
            ("orders", lambda: tr("Orders"), lambda: OrdersScreen(self.ctx), Permission.VIEW),
            ("members", lambda: tr("Members"), lambda: MembersScreen(self.ctx), Permission.VIEW),
            ("menu", lambda: tr("Menu"), lambda: MenuScreen(self.ctx), Permission.VIEW),
            (
                "settings",
                lambda: tr("Settings"),
                lambda: SettingsScreen(self.ctx),
                Permission.SETTINGS,
            ),
            ("staff", lambda: tr("Staff"), lambda: StaffScreen(self.ctx), Permission.STAFF_MANAGE),
            (
                "audit",
                lambda: tr("Audit & export"),
                lambda: AuditScreen(self.ctx),
                Permission.AUDIT_VIEW,
            ),
        ]
        for key, title, make, permission in entries:
            if not self.ctx.can(permission):
                continue
            screen = make()
            screen.setObjectName(f"{key.capitalize()}Screen")
            self.screens[key] = screen
            self.stack.addWidget(screen)
            item = QListWidgetItem("", self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.texts.bind(item.setText, title)

    # -- language ---------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the panel's language and retranslate every screen, keeping their state."""
        self.language = lang
        set_language(lang)
        self.languages.set_language(lang)
        self.retranslate_ui()
        self.language_changed.emit(lang)

    def _on_languages_language_requested(self, lang: str) -> None:
        self.set_language(lang)

    def retranslate_ui(self) -> None:
        self._retranslate_window()
        self.texts.retranslate()
        for screen in self.screens.values():
            screen.retranslate_ui()

    def _retranslate_window(self) -> None:
        settings = self.ctx.settings()
        who = self.ctx.staff
        self.setWindowTitle(tr("OrderUp admin — {store}").format(store=settings.store.name))
        self.signed_in.setText(
            tr("Signed in as {name} · {role}").format(name=who.name, role=role_label(who.role))
        )

    # -- navigation -----------------------------------------------------------------------
    def show_screen(self, key: str) -> AdminPage:
        keys = list(self.screens)
        self.nav.setCurrentRow(keys.index(key))
        return self.screens[key]

    def current_key(self) -> str:
        return list(self.screens)[self.stack.currentIndex()]

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        list(self.screens.values())[row].activate()

    # -- signing out ------------------------------------------------------------------------
    def _on_lock_clicked(self) -> None:
        self.log_out("manual")

    def _on_idle_idle(self) -> None:
        self.log_out("idle")

    def log_out(self, reason: str) -> None:
        if self._done:
            return
        self._done = True
        self.idle.stop()
        close_modals()
        self._close_screens()
        try:
            self.ctx.actions.staff.logout(self.ctx.staff, reason)
        finally:
            self.logged_out.emit(reason)

    def discard(self) -> None:
        """Close without recording a sign-out (screenshots, tests)."""
        self._done = True
        self.idle.stop()
        self._close_screens()
        self.close()

    def _close_screens(self) -> None:
        for screen in self.screens.values():
            screen.close_screen()

    def _on_exit_kiosk_clicked(self) -> None:
        if not self.ctx.dialogs.confirm(
            self,
            tr("Exit kiosk mode"),
            tr(
                "Close the kiosk and return to the desktop? Customers cannot order until it is "
                "started again."
            ),
        ):
            return

        def leave() -> bool:
            user = self.ctx.actions.require(self.ctx.staff, Permission.EXIT_KIOSK)
            self.ctx.actions.staff.record(user, "kiosk.exit", "kiosk")
            return True

        if self.ctx.attempt(self, tr("Exit kiosk mode"), leave):
            self.log_out("exit_kiosk")
            self.exit_kiosk_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.log_out("closed")
        super().closeEvent(event)
