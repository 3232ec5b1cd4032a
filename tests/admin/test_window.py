"""The admin window: navigation per role, sign-out, idle auto-logout, the session cycle,
leaving kiosk mode."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import Store
from kiosk.db.models import AuditLog
from kiosk.services.staff import StaffView
from kiosk.ui.admin.app import AdminSession
from kiosk.ui.admin.window import AdminWindow
from tests.admin.conftest import FakeDialogs


def _actions(store: Store) -> list[tuple[str, str]]:
    with store.db.read() as s:
        return list(s.execute(select(AuditLog.staff, AuditLog.action).order_by(AuditLog.id)).all())


def _nav(window: AdminWindow) -> list[str]:
    return list(window.screens)


def test_navigation_follows_the_role(open_window: Any, staff: dict[str, StaffView]) -> None:
    cashier = open_window(staff["Nok"])
    assert _nav(cashier) == ["dashboard", "orders", "members", "menu"]
    manager = open_window(staff["Malee"])
    assert _nav(manager) == [
        "dashboard",
        "orders",
        "members",
        "menu",
        "settings",
        "staff",
        "audit",
    ]
    assert "Malee · Manager" in manager.signed_in.text()
    manager.show_screen("members")
    assert manager.current_key() == "members"
    assert not manager.exit_kiosk.isVisible()


def test_lock_button_signs_out(
    qtbot: QtBot, open_window: Any, staff: dict[str, StaffView], store: Store
) -> None:
    window = open_window(staff["Nok"])
    with qtbot.waitSignal(window.logged_out) as signal:
        qtbot.mouseClick(window.lock, Qt.MouseButton.LeftButton)
    assert signal.args == ["manual"]
    assert _actions(store)[-1] == ("Nok", "staff.logout")


def test_idle_auto_logout(
    qtbot: QtBot, open_window: Any, staff: dict[str, StaffView], store: Store
) -> None:
    now = [1000.0]
    window = open_window(staff["Malee"], idle_now=lambda: now[0])
    now[0] += 4 * 60
    window.idle.check()
    qtbot.mouseClick(window.lock, Qt.MouseButton.NoButton)  # no-op click isn't activity
    now[0] += 50
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # activity resets the timer
    now[0] += 4 * 60
    window.idle.check()
    assert not window._done
    now[0] += 61  # 5 minutes (admin.auto_logout_minutes) since the last key
    with qtbot.waitSignal(window.logged_out) as signal:
        window.idle.check()
    assert signal.args == ["idle"]
    assert _actions(store)[-1] == ("Malee", "staff.auto_logout")


def test_exit_kiosk_for_managers_only(
    qtbot: QtBot, open_window: Any, staff: dict[str, StaffView], dialogs: FakeDialogs, store: Store
) -> None:
    cashier = open_window(staff["Nok"], kiosk_mode=True)
    assert not cashier.exit_kiosk.isVisibleTo(cashier)
    cashier._on_exit_kiosk_clicked()  # forced: the service refuses
    assert "manager or the owner" in dialogs.errors[-1][1]
    manager = open_window(staff["Malee"], kiosk_mode=True)
    assert manager.exit_kiosk.isVisibleTo(manager)
    dialogs.confirm_answer = False
    manager._on_exit_kiosk_clicked()
    assert not manager._done
    dialogs.confirm_answer = True
    with qtbot.waitSignal(manager.exit_kiosk_requested):
        qtbot.mouseClick(manager.exit_kiosk, Qt.MouseButton.LeftButton)
    assert ("Malee", "kiosk.exit") in _actions(store)


def _session(store: Store, dialogs: FakeDialogs, quit_calls: list[int], **kw: Any) -> AdminSession:
    return AdminSession(store, dialogs=dialogs, quit_app=lambda: quit_calls.append(1), **kw)


def test_standalone_session_cycle(
    qtbot: QtBot, store: Store, staff: dict[str, StaffView], dialogs: FakeDialogs
) -> None:
    quits: list[int] = []
    session = _session(store, dialogs, quits)
    login = session.start()
    login.select("Ploy")
    login.pin.setText("9999")
    login._on_sign_in_clicked()
    window = session.window
    assert window is not None and window.ctx.staff.name == "Ploy"
    with qtbot.waitSignal(window.logged_out):
        window.lock.click()
    assert session.window is None
    assert session.login is not None  # back at the sign-in dialog
    with qtbot.waitSignal(session.finished):
        session.login.reject()
    assert quits == []


def test_kiosk_session_returns_to_the_kiosk_or_quits(
    qtbot: QtBot, store: Store, staff: dict[str, StaffView], dialogs: FakeDialogs
) -> None:
    from PySide6.QtWidgets import QWidget

    kiosk = QWidget()
    qtbot.addWidget(kiosk)
    kiosk.show()
    quits: list[int] = []
    session = _session(store, dialogs, quits, kiosk_mode=True, parent_widget=kiosk)
    login = session.start()
    assert login.parent() is kiosk
    assert login.pages.currentIndex() == 0  # no first-run owner form over the kiosk
    login.select("Nok")
    login.pin.setText("1111")
    login._on_sign_in_clicked()
    window = session.window
    assert window is not None  # deletes itself on close: not given to qtbot
    # Full screen, frameless, on top (offscreen Qt does not report the full-screen state).
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    with qtbot.waitSignal(session.finished):
        window.lock.click()  # back to the kiosk
    assert quits == []
    session = _session(store, dialogs, quits, kiosk_mode=True, parent_widget=kiosk)
    login = session.start()
    login.select("Ploy")
    login.pin.setText("9999")
    login._on_sign_in_clicked()
    assert session.window is not None
    with qtbot.waitSignal(session.finished):
        session.window.exit_kiosk.click()
    assert quits == [1]


def test_open_from_kiosk_shows_the_pin_dialog(
    qtbot: QtBot, store: Store, staff: dict[str, StaffView]
) -> None:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.admin.app import active_sessions, open_from_kiosk

    kiosk = QWidget()
    qtbot.addWidget(kiosk)
    kiosk.show()
    open_from_kiosk(store, kiosk)
    session = active_sessions()[-1]
    assert session.kiosk_mode and session.login is None  # no list of names over a kiosk
    assert session.pad is not None and session.pad.pad.isVisible()
    with qtbot.waitSignal(session.finished):
        session.pad.pad.cancel.click()
    assert session not in active_sessions()


def test_auto_logout_while_a_question_is_open_cancels_it(
    qtbot: QtBot, store: Store, staff: dict[str, StaffView]
) -> None:
    """Regression: signing out (idle) while a real dialog was up deleted the window, and
    the dialog with it, inside the dialog's own event loop ("Internal C++ object already
    deleted"). Now the question is cancelled first and the window closes afterwards."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.ui.admin.dialogs import Dialogs

    kiosk = QWidget()
    qtbot.addWidget(kiosk)
    kiosk.show()
    session = AdminSession(
        store, kiosk_mode=True, parent_widget=kiosk, dialogs=Dialogs(), quit_app=lambda: None
    )
    login = session.start()
    login.select("Ploy")
    login.pin.setText("9999")
    login._on_sign_in_clicked()
    window = session.window
    assert window is not None
    asked: list[bool] = []

    def idle_when_asked() -> None:
        if QApplication.activeModalWidget() is None:
            QTimer.singleShot(10, idle_when_asked)
            return
        asked.append(True)
        window.log_out("idle")

    QTimer.singleShot(0, idle_when_asked)
    with qtbot.waitSignal(session.finished):
        window._on_exit_kiosk_clicked()  # "Exit kiosk mode?" is open when the panel idles
    assert asked == [True]
    assert QApplication.activeModalWidget() is None
    assert _actions(store)[-1] == ("Ploy", "staff.auto_logout")
    assert ("Ploy", "kiosk.exit") not in _actions(store)
    qtbot.waitUntil(
        lambda: not any(isinstance(w, AdminWindow) for w in QApplication.topLevelWidgets())
    )
