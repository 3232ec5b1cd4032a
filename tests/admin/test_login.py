"""Sign-in dialog: success, wrong PINs, lock-out with a growing delay, first owner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.staff import StaffView
from kiosk.ui.admin.login import LoginDialog
from tests.admin.conftest import FakeClock


def _dialog(qtbot: QtBot, store: Store, **kwargs: object) -> LoginDialog:
    dialog = LoginDialog(store.staff, "OrderUp Thai Kitchen", **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_pin(qtbot: QtBot, dialog: LoginDialog, pin: str) -> None:
    for digit in pin:
        key = dialog.findChild(QPushButton, f"Key{digit}")
        assert key is not None
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def test_sign_in_with_the_keypad(qtbot: QtBot, store: Store, staff: dict[str, StaffView]) -> None:
    dialog = _dialog(qtbot, store)
    assert [dialog.names.item(i).text() for i in range(dialog.names.count())] == [
        "Malee",
        "Nok",
        "Ploy",
    ]
    dialog.select("Malee")
    _type_pin(qtbot, dialog, "5599")
    back = dialog.findChild(QPushButton, "KeyBack")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    _type_pin(qtbot, dialog, "55")
    assert dialog.pin.text() == "5555"
    with qtbot.waitSignal(dialog.authenticated) as signal:
        qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    user = signal.args[0]
    assert (user.name, user.role) == ("Malee", "manager")
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_keyboard_entry_and_enter(qtbot: QtBot, store: Store, staff: dict[str, StaffView]) -> None:
    dialog = _dialog(qtbot, store)
    dialog.select("Nok")
    qtbot.keyClicks(dialog.pin, "11a11")  # the validator drops the letter
    assert dialog.pin.text() == "1111"
    with qtbot.waitSignal(dialog.authenticated):
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def test_wrong_pins_lock_out_with_a_growing_delay(
    qtbot: QtBot, store: Store, staff: dict[str, StaffView], clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, store)
    dialog.select("Nok")
    for left in (4, 3, 2, 1):
        _type_pin(qtbot, dialog, "0000")
        qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
        assert f"{left} tr" in dialog.message.text()
        assert dialog.pin.text() == ""  # cleared after each try
    _type_pin(qtbot, dialog, "0000")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert "locked for 30 seconds" in dialog.message.text()
    # Even the right PIN is refused while locked.
    _type_pin(qtbot, dialog, "1111")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert "locked" in dialog.message.text()
    assert dialog.user is None
    clock.advance(30)
    _type_pin(qtbot, dialog, "0000")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert "locked for 60 seconds" in dialog.message.text()
    clock.advance(60)
    _type_pin(qtbot, dialog, "1111")
    with qtbot.waitSignal(dialog.authenticated):
        qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert dialog.user is not None and dialog.user.name == "Nok"


def test_short_pin_is_not_even_tried(
    qtbot: QtBot, store: Store, staff: dict[str, StaffView]
) -> None:
    dialog = _dialog(qtbot, store)
    _type_pin(qtbot, dialog, "12")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    assert "4 to 8 digits" in dialog.message.text()
    assert store.staff.get(staff["Malee"].id).failed_attempts == 0


def test_first_owner_on_an_empty_database(qtbot: QtBot, store: Store) -> None:
    dialog = _dialog(qtbot, store, allow_setup=True)
    assert dialog.pages.currentIndex() == 1
    dialog.setup_name.setText("Ploy")
    dialog.setup_pin.setText("2468")
    dialog.setup_again.setText("2467")
    dialog._on_setup_clicked()
    assert "differ" in dialog.setup_message.text()
    dialog.setup_again.setText("2468")
    with qtbot.waitSignal(dialog.authenticated) as signal:
        dialog._on_setup_clicked()
    assert signal.args[0].role == "owner"


def test_no_staff_over_the_kiosk_explains_what_to_do(qtbot: QtBot, store: Store) -> None:
    dialog = _dialog(qtbot, store, allow_setup=False)
    assert dialog.pages.currentIndex() == 0
    assert "kiosk staff add" in dialog.message.text()
    assert not dialog.sign_in.isEnabled()
