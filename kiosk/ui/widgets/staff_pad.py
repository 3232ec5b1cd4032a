"""The staff pad the kiosk's hidden gesture opens: a staff number, then a PIN, on a big
keypad. It shows no staff names (anyone at the kiosk can see it) and masks the PIN.

A view: it emits ``submitted(number, pin)`` and ``cancelled``; the controller
(:mod:`kiosk.ui.staff_sign_in`) checks the PIN and says what to show."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QPushButton, QWidget

from kiosk.ui.messages import Text, render
from kiosk.ui.widgets.common import button, hbox, label, vbox
from kiosk.ui.widgets.keypad import NumericKeypad

LIMITS = {"number": 6, "pin": 8}


class StaffPad(QFrame):
    submitted = Signal(str, str)  # staff number, PIN
    cancelled = Signal()
    touched = Signal()  # any key: staff are still here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff_pad")
        self.setProperty("role", "dialog")
        self.setMinimumWidth(640)
        self.values = {"number": "", "pin": ""}
        self.field = "number"
        self._message: Text | None = None
        self._lock_ms = 0
        self._lock_clock = QElapsedTimer()
        self._lock_tick = QTimer(self)
        self._lock_tick.setInterval(250)
        self._lock_tick.timeout.connect(self._on_lock_tick_timeout)

        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(48, 40, 48, 36)
        self.grid.setHorizontalSpacing(40)
        self.grid.setVerticalSpacing(18)
        self.form = QWidget()
        lay = vbox(self.form, spacing=18)
        self.title = label("staff_pad_title", "title", align=Qt.AlignmentFlag.AlignCenter)
        self.hint = label("staff_pad_hint", "muted", True, Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.title)
        lay.addWidget(self.hint)
        self.group = QButtonGroup(self)
        self.fields: dict[str, QPushButton] = {}
        self.captions: dict[str, QWidget] = {}
        row = hbox(spacing=20)
        for key in ("number", "pin"):
            box = vbox(spacing=6)
            cap = label(f"staff_pad_{key}_caption", "section")
            self.captions[key] = cap
            b = button(f"staff_pad_{key}", "field")
            b.setCheckable(True)
            b.setMinimumHeight(72)
            b.clicked.connect(lambda _=False, k=key: self.select_field(k))
            self.group.addButton(b)
            self.fields[key] = b
            box.addWidget(cap)
            box.addWidget(b)
            row.addLayout(box, 1)
        lay.addLayout(row)
        self.message = label("staff_pad_message", "error", True, Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.keypad = NumericKeypad("staff_pad_keypad")
        self.keypad.setMinimumHeight(380)
        self.keypad.digit_pressed.connect(self._on_keypad_digit_pressed)
        self.keypad.backspace_pressed.connect(self._on_keypad_backspace_pressed)
        self.keypad.clear_pressed.connect(self._on_keypad_clear_pressed)
        self.actions = QWidget()
        act = vbox(self.actions, spacing=12)
        self.sign_in = button("staff_pad_sign_in", "primary")
        self.sign_in.setProperty("size", "lg")
        self.sign_in.clicked.connect(self._on_sign_in_clicked)
        act.addWidget(self.sign_in)
        self.cancel = button("staff_pad_cancel", "ghost")
        self.cancel.clicked.connect(self.cancelled)
        act.addWidget(self.cancel)
        self.landscape: bool | None = None
        self.set_landscape(False)
        self.reset()

    # -- view API -------------------------------------------------------------------------
    def set_landscape(self, landscape: bool) -> None:
        """Portrait: everything in one column. Landscape: the keypad beside the fields,
        so the pad fits 1080 px of height."""
        if landscape == self.landscape:
            return
        self.landscape = landscape
        for w in (self.form, self.keypad, self.actions):
            self.grid.removeWidget(w)
        if landscape:
            self.grid.addWidget(self.form, 0, 0)
            self.grid.addWidget(self.actions, 1, 0)
            self.grid.addWidget(self.keypad, 0, 1, 2, 1)
            self.setMinimumWidth(1100)
        else:
            self.grid.addWidget(self.form, 0, 0)
            self.grid.addWidget(self.keypad, 1, 0)
            self.grid.addWidget(self.actions, 2, 0)
            self.setMinimumWidth(640)

    def reset(self) -> None:
        self.values = {"number": "", "pin": ""}
        self._message = None
        self.message.hide()
        self.select_field("number")
        self.retranslate_ui()

    def clear_pin(self) -> None:
        self.values["pin"] = ""
        self.select_field("pin")
        self._refresh()

    def select_field(self, key: str) -> None:
        self.field = key
        self.fields[key].setChecked(True)

    def show_message(self, text: Text | None) -> None:
        self._message = text
        self.message.setText(render(text))
        self.message.setVisible(bool(render(text)))

    def lock_for(self, seconds: int) -> None:
        """Refuse input for ``seconds`` (the pad is locked); counts down on screen."""
        self._lock_ms = max(0, seconds) * 1000
        self._lock_clock.start()
        self.values = {"number": "", "pin": ""}
        self.select_field("number")
        if self._lock_ms:
            self._lock_tick.start()
        self._refresh()

    @property
    def locked(self) -> bool:
        return self._lock_ms > 0 and self._lock_clock.elapsed() < self._lock_ms

    def seconds_left(self) -> int:
        if not self.locked:
            return 0
        return int((self._lock_ms - self._lock_clock.elapsed() + 999) // 1000)

    # -- slots ----------------------------------------------------------------------------
    def _on_keypad_digit_pressed(self, digit: str) -> None:
        self.touched.emit()
        if self.locked:
            return
        value = self.values[self.field]
        if len(value) < LIMITS[self.field]:
            self.values[self.field] = value + digit
        self._refresh()

    def _on_keypad_backspace_pressed(self) -> None:
        self.touched.emit()
        self.values[self.field] = self.values[self.field][:-1]
        self._refresh()

    def _on_keypad_clear_pressed(self) -> None:
        self.touched.emit()
        self.values[self.field] = ""
        self._refresh()

    def _on_sign_in_clicked(self) -> None:
        if self.locked:
            return
        if not self.values["number"]:
            self.select_field("number")
            return
        if not self.values["pin"]:
            self.select_field("pin")
            return
        self.submitted.emit(self.values["number"], self.values["pin"])

    def _on_lock_tick_timeout(self) -> None:
        if not self.locked:
            self._lock_tick.stop()
            self._lock_ms = 0
            self.show_message(None)
        self._refresh()

    # -- text -----------------------------------------------------------------------------
    def _refresh(self) -> None:
        self.fields["number"].setText(self.values["number"])
        self.fields["pin"].setText("•" * len(self.values["pin"]))
        enabled = not self.locked
        self.keypad.setEnabled(enabled)
        self.sign_in.setEnabled(enabled)
        if self.locked:
            self.sign_in.setText(self.tr("Locked: %1 s").replace("%1", str(self.seconds_left())))
        else:
            self.sign_in.setText(self.tr("Sign in"))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Staff sign-in"))
        self.hint.setText(
            self.tr("Enter your staff number and PIN. Your manager can tell you your number.")
        )
        self.captions["number"].setText(self.tr("Staff number"))
        self.captions["pin"].setText(self.tr("PIN"))
        self.cancel.setText(self.tr("Cancel"))
        self.keypad.retranslate_ui()
        self.message.setText(render(self._message))
        self._refresh()
