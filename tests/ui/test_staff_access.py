"""The real way in: five taps in the kiosk's corner, the staff pad over the kiosk (staff
number + PIN, no names), the panel full screen on top, "Lock" back to the customers. No
fake admin module: the kiosk window is wired the way ``kiosk.ui.launch.run_kiosk`` wires it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from sqlalchemy import select

from kiosk.db.models import AuditLog
from kiosk.ui.admin import app as admin_app
from kiosk.ui.admin.window import AdminWindow
from kiosk.ui.launch import connect_staff_access
from kiosk.ui.widgets.staff_pad import StaffPad
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


def staff_pad(kiosk: Kiosk) -> StaffPad:
    kiosk.qtbot.waitUntil(lambda: bool(sessions()), timeout=2000)
    pad = sessions()[-1].pad
    assert pad is not None
    kiosk.qtbot.waitUntil(pad.pad.isVisible, timeout=2000)
    return pad.pad


def click(kiosk: Kiosk, pad: StaffPad, name: str) -> None:
    widget = pad.findChild(QPushButton, name)
    assert widget is not None and widget.isVisible(), name
    kiosk.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def sign_in(kiosk: Kiosk, pad: StaffPad, number: int | str, pin: str) -> None:
    """Real taps: the number field, its digits, the PIN field, its digits, Sign in."""
    click(kiosk, pad, "staff_pad_number")
    click(kiosk, pad, "staff_pad_keypad_clear")
    for digit in str(number):
        click(kiosk, pad, f"staff_pad_keypad_key_{digit}")
    click(kiosk, pad, "staff_pad_pin")
    for digit in pin:
        click(kiosk, pad, f"staff_pad_keypad_key_{digit}")
    click(kiosk, pad, "staff_pad_sign_in")


def admin_windows() -> list[AdminWindow]:
    """Admin windows on screen (other tests' closed ones may linger until deleted)."""
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AdminWindow) and w.isVisible()
    ]


def audit(kiosk: Kiosk) -> list[tuple[str, str]]:
    with kiosk.store.db.read() as s:
        q = select(AuditLog.staff, AuditLog.action).order_by(AuditLog.id)
        return [tuple(row) for row in s.execute(q).all()]  # type: ignore[misc]


def staff_id(kiosk: Kiosk, name: str) -> int:
    return next(u.id for u in kiosk.store.staff.list() if u.name == name)


def test_corner_pad_admin_lock_and_back_to_the_kiosk(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    qtbot = kiosk.qtbot
    tap_corner(kiosk, 4)
    assert sessions() == []  # four taps are not enough
    tap_corner(kiosk, 1)
    pad = staff_pad(kiosk)
    assert pad.window() is kiosk.window  # an overlay over the kiosk, not a new window
    shown = " ".join(kiosk.visible_texts(pad).values())
    assert "Nok" not in shown and "Malee" not in shown  # no staff names, ever
    assert pad.findChild(QWidget, "login_names") is None
    tap_corner(kiosk)  # five more taps do not open a second pad
    assert len(sessions()) == 1
    click(kiosk, pad, "staff_pad_number")
    for digit in str(staff_id(kiosk, "Nok")):
        click(kiosk, pad, f"staff_pad_keypad_key_{digit}")
    click(kiosk, pad, "staff_pad_pin")
    for digit in "2580":
        click(kiosk, pad, f"staff_pad_keypad_key_{digit}")
    assert pad.fields["pin"].text() == "••••"  # masked
    click(kiosk, pad, "staff_pad_sign_in")

    session = sessions()[-1]
    window = session.window
    assert window is not None and admin_windows() == [window]
    qtbot.waitUntil(window.isVisible, timeout=2000)
    assert not pad.isVisible()
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
    assert ("Nok", "staff.pad_login") in audit(kiosk)
    kiosk.tap("mode_dine_in")  # customers carry on
    kiosk.wait_screen("menu")


def test_wrong_pins_lock_the_pad_not_the_accounts(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    qtbot = kiosk.qtbot
    malee = staff_id(kiosk, "Malee")
    tap_corner(kiosk)
    pad = staff_pad(kiosk)
    for left in (4, 3, 2, 1):
        sign_in(kiosk, pad, malee, "0000")
        expected = f"{left} {'try' if left == 1 else 'tries'} left"
        assert expected in pad.message.text()
        assert "Malee" not in pad.message.text()
        assert pad.values["pin"] == ""
    sign_in(kiosk, pad, 99, "1234")  # an unknown number counts the same
    assert pad.message.text() == (
        "Too many wrong attempts. The staff pad is locked for 30 seconds."
    )
    assert pad.locked and not pad.keypad.isEnabled() and not pad.sign_in.isEnabled()
    assert pad.sign_in.text().startswith("Locked")
    # the right PIN cannot even be typed while the pad is locked
    click(kiosk, pad, "staff_pad_pin")
    for digit in "1470":
        pad.keypad.keys[digit].click()  # a disabled key does nothing
    assert pad.values["pin"] == ""
    assert sessions()[-1].window is None and admin_windows() == []
    for user in kiosk.store.staff.list():  # no account is locked
        assert user.failed_attempts == 0 and user.locked_until is None
    actions = [a for _, a in audit(kiosk)]
    assert actions.count("staff.pad_failed") == 4 and actions.count("staff.pad_lockout") == 1
    assert "staff.login_failed" not in actions and "staff.lockout" not in actions

    session = sessions()[-1]
    with qtbot.waitSignal(session.finished, timeout=3000):
        click(kiosk, pad, "staff_pad_cancel")
    assert sessions() == []
    assert kiosk.window.isVisible() and kiosk.screen() == "welcome"
    # opening the pad again: still locked (the lock is the kiosk's, kept in the audit log)
    tap_corner(kiosk)
    pad = staff_pad(kiosk)
    assert pad.locked and "locked" in pad.message.text()
    # staff can still sign in with their name in the stand-alone panel
    assert kiosk.store.staff.authenticate("Malee", "1470").name == "Malee"
    # when the lock runs out, the right PIN opens the panel
    pads = sessions()[-1].pad.pads
    real_now = pads.clock.now
    pads.clock = type("Later", (), {"now": lambda self: real_now() + timedelta(seconds=31)})()
    pad.lock_for(0)
    sign_in(kiosk, pad, malee, "1470")
    window = sessions()[-1].window
    assert window is not None and window.ctx.staff.name == "Malee"
    with qtbot.waitSignal(sessions()[-1].finished, timeout=3000):
        window.lock.click()


def test_a_pad_left_open_closes_by_itself(kiosk_with_staff: Kiosk) -> None:
    kiosk = kiosk_with_staff
    tap_corner(kiosk)
    pad = staff_pad(kiosk)
    signin = sessions()[-1].pad
    signin.idle.setInterval(300)
    click(kiosk, pad, "staff_pad_keypad_key_1")  # a tap restarts the wait
    assert signin.idle.isActive()
    with kiosk.qtbot.waitSignal(sessions()[-1].finished, timeout=3000):
        pass
    assert sessions() == []
    assert kiosk.screen() == "welcome"
    kiosk.qtbot.waitUntil(lambda: kiosk.window.findChild(QWidget, "staff_pad_overlay") is None)


def test_a_busy_database_is_said_on_the_pad_not_the_error_screen(
    kiosk_with_staff: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another kiosk holding the write lock for a moment: the pad says "try again" and
    keeps what was typed of the number; the customers' screen is not replaced by the
    error screen. Tapping Sign in again, with the database free, signs in."""
    import sqlite3

    from kiosk.services.errors import DatabaseBusy

    kiosk = kiosk_with_staff
    malee = staff_id(kiosk, "Malee")
    tap_corner(kiosk)
    pad = staff_pad(kiosk)
    pads = sessions()[-1].pad.pads
    real_sign_in = pads.sign_in

    def locked(*_: Any, **__: Any) -> None:
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError as exc:
            raise DatabaseBusy("database is locked") from exc

    monkeypatch.setattr(pads, "sign_in", locked)
    sign_in(kiosk, pad, malee, "1470")
    assert pad.message.text() == "The kiosk is busy for a moment. Please try again."
    assert kiosk.screen() == "welcome" and sessions()[-1].window is None
    assert pad.values["pin"] == "1470"  # nothing to type again: tap Sign in
    monkeypatch.setattr(pads, "sign_in", real_sign_in)
    click(kiosk, pad, "staff_pad_sign_in")
    window = sessions()[-1].window
    assert window is not None and window.ctx.staff.name == "Malee"
    with kiosk.qtbot.waitSignal(sessions()[-1].finished, timeout=3000):
        window.lock.click()
