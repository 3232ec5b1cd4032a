"""The real way in: five taps in the kiosk's corner, the admin panel's PIN dialog over the
kiosk, the panel full screen on top, "Lock" back to the customers. No fake admin module:
the kiosk window is wired the way ``kiosk.ui.launch.run_kiosk`` wires it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from kiosk.db.models import AuditLog
from kiosk.ui.admin import app as admin_app
from kiosk.ui.admin.login import LoginDialog
from kiosk.ui.admin.window import AdminWindow
from kiosk.ui.launch import connect_staff_access
from tests.ui.conftest import Kiosk

_before: list[Any] = []


def sessions() -> list[Any]:
    """Admin sessions this test opened (and that are still open)."""
    return [s for s in admin_app.active_sessions() if s not in _before]


class NoModals:
    """Stands in for kiosk.ui.admin.dialogs.Dialogs: a question would block the test."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def _record(self, _parent: Any, title: str, text: str = "", *_: Any, **__: Any) -> None:
        self.asked.append((title, text))

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        self._record(parent, title, text)
        return False

    info = error = _record

    def ask_text(self, parent: Any, title: str, label: str, *_: Any, **__: Any) -> None:
        self._record(parent, title, label)

    def save_path(self, *_: Any) -> None:
        return None

    def open_image(self, *_: Any) -> None:
        return None


@pytest.fixture
def modals(monkeypatch: pytest.MonkeyPatch) -> NoModals:
    fake = NoModals()
    monkeypatch.setattr(admin_app, "Dialogs", lambda: fake)
    return fake


@pytest.fixture
def kiosk_with_staff(make_kiosk: Callable[..., Kiosk], modals: NoModals) -> Iterator[Kiosk]:
    kiosk = make_kiosk(kiosk_mode=True)
    kiosk.window.enter_kiosk_mode()
    connect_staff_access(kiosk.window, kiosk.store)  # as run_kiosk does
    kiosk.store.staff.create("Nok", "cashier", "2580")
    kiosk.store.staff.create("Malee", "manager", "1470")
    _before[:] = admin_app.active_sessions()
    yield kiosk
    for session in sessions():  # after a failed test
        for widget in (session.window, session.login):
            if widget is not None and shiboken6.isValid(widget):
                widget.close()


def tap_corner(kiosk: Kiosk, times: int = 5) -> None:
    for _ in range(times):
        kiosk.tap("staff_corner")


def pin_dialog(kiosk: Kiosk) -> LoginDialog:
    kiosk.qtbot.waitUntil(lambda: bool(sessions()), timeout=2000)
    login = sessions()[-1].login
    assert login is not None
    kiosk.qtbot.waitUntil(login.isVisible, timeout=2000)
    return login


def type_pin(kiosk: Kiosk, login: LoginDialog, pin: str) -> None:
    for digit in pin:
        key = login.findChild(QPushButton, f"Key{digit}")
        assert key is not None and key.isVisible()
        kiosk.qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def admin_windows() -> list[AdminWindow]:
    """Admin windows on screen (other tests' closed ones may linger until deleted)."""
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AdminWindow) and w.isVisible()
    ]


def audit(kiosk: Kiosk) -> list[tuple[str, str]]:
    with kiosk.store.db.read() as s:
        q = select(AuditLog.staff, AuditLog.action).order_by(AuditLog.id)
        return [tuple(row) for row in s.execute(q).all()]  # type: ignore[misc]


def test_corner_pin_admin_lock_and_back_to_the_kiosk(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    qtbot = kiosk.qtbot
    tap_corner(kiosk, 4)
    assert sessions() == []  # four taps are not enough
    tap_corner(kiosk, 1)
    login = pin_dialog(kiosk)
    assert login.parent() is kiosk.window  # over the kiosk, window-modal
    assert login.windowModality() == Qt.WindowModality.WindowModal
    assert login.pages.currentIndex() == 0  # no first-owner form over a kiosk
    names = [login.names.item(i).text() for i in range(login.names.count())]  # type: ignore[union-attr]
    assert names == ["Malee", "Nok"]
    login.select("Nok")
    type_pin(kiosk, login, "2580")
    assert login.pin.text() == "2580"
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)

    session = sessions()[-1]
    window = session.window
    assert window is not None and admin_windows() == [window]
    qtbot.waitUntil(window.isVisible, timeout=2000)
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.ctx.kiosk_mode and window.ctx.staff.name == "Nok"
    assert "Nok · Cashier" in window.signed_in.text()
    assert not window.exit_kiosk.isVisible()  # a cashier may not leave kiosk mode
    assert list(window.screens) == ["dashboard", "orders", "members", "menu"]
    # the kiosk's application style sheet (48 px check boxes, padded coloured labels) stays
    # out of the panel
    menu: Any = window.show_screen("menu")
    assert QApplication.instance().styleSheet()  # type: ignore[union-attr]
    assert menu.available.sizeHint().height() < 40
    assert menu.message.text() == "" and menu.message.sizeHint().height() < 30

    with qtbot.waitSignal(session.finished, timeout=3000):
        qtbot.mouseClick(window.lock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: admin_windows() == [], timeout=3000)
    assert sessions() == []
    assert kiosk.window.isVisible() and kiosk.screen() == "welcome"
    assert kiosk.window.close() is False  # still in kiosk mode
    assert ("Nok", "staff.login") in audit(kiosk) and ("Nok", "staff.logout") in audit(kiosk)
    kiosk.tap("welcome_start")  # customers carry on
    kiosk.tap("mode_dine_in")
    kiosk.wait_screen("menu")


def test_five_wrong_pins_lock_the_account_out(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    qtbot = kiosk.qtbot
    tap_corner(kiosk)
    login = pin_dialog(kiosk)
    login.select("Malee")
    for left in (4, 3, 2, 1):
        type_pin(kiosk, login, "0000")
        qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
        expected = f"{left} {'try' if left == 1 else 'tries'} left"
        assert expected in login.message.text()
        assert login.pin.text() == ""
    type_pin(kiosk, login, "0000")
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    assert login.message.text() == "Too many wrong PINs. Malee is locked for 30 seconds."
    type_pin(kiosk, login, "1470")  # the right PIN, too late
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    assert "locked for" in login.message.text() and "more" in login.message.text()
    session = sessions()[-1]
    assert session.window is None and admin_windows() == []
    malee = next(u for u in kiosk.store.staff.list() if u.name == "Malee")
    assert malee.failed_attempts == 5 and malee.locked_until is not None
    assert ("Malee", "staff.lockout") in audit(kiosk)
    assert ("Malee", "staff.login_refused") in audit(kiosk)

    with qtbot.waitSignal(session.finished, timeout=3000):
        qtbot.mouseClick(login.cancel, Qt.MouseButton.LeftButton)
    assert sessions() == []
    assert kiosk.window.isVisible() and kiosk.screen() == "welcome"
    # another member of staff still gets in
    tap_corner(kiosk)
    login = pin_dialog(kiosk)
    login.select("Nok")
    type_pin(kiosk, login, "2580")
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)
    window = sessions()[-1].window
    assert window is not None
    with qtbot.waitSignal(sessions()[-1].finished, timeout=3000):
        window.lock.click()
