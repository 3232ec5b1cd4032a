"""Card: number, expiry and CVV typed on an on-screen keypad, masked as typed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from kiosk.services.money import format_thb
from kiosk.ui import theme
from kiosk.ui.messages import Text, render
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import button, card, hbox, label, set_state, vbox
from kiosk.ui.widgets.keypad import NumericKeypad

LIMITS = {"number": 19, "expiry": 4, "cvv": 4}
ADVANCE = {"number": 16, "expiry": 4}


def mask_number(digits: str) -> str:
    """Every digit but the last four typed becomes a dot; groups of four."""
    shown = "•" * max(0, len(digits) - 4) + digits[-4:]
    return " ".join(shown[i : i + 4] for i in range(0, len(shown), 4))


def format_expiry(digits: str) -> str:
    return digits if len(digits) <= 2 else f"{digits[:2]}/{digits[2:]}"


class CardScreen(Screen):
    screen_name = "card"
    step = "payment"

    pay_clicked = Signal(dict)
    other_method_clicked = Signal()
    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = {"number": "", "expiry": "", "cvv": ""}
        self.field = "number"
        self.amount = Decimal(0)
        self.declined = False
        self._error: Text | None = None
        self.root = QGridLayout(self)
        self.root.setContentsMargins(40, 32, 40, 32)
        self.root.setHorizontalSpacing(32)
        self.root.setVerticalSpacing(24)

        self.form = card("card_form", "panel")
        f = vbox(self.form, spacing=14)
        f.setContentsMargins(36, 30, 36, 30)
        self.title = label("card_title", "title", wrap=True)
        self.amount_label = label("card_amount", "amount")
        f.addWidget(self.title)
        f.addWidget(self.amount_label)
        self.group = QButtonGroup(self)
        self.fields: dict[str, QPushButton] = {}
        self.captions: dict[str, QWidget] = {}
        small = hbox(spacing=20)
        for key in ("number", "expiry", "cvv"):
            box = vbox(spacing=6)
            cap = label("", "section")
            self.captions[key] = cap
            b = button(f"card_{key}", "field")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, k=key: self.select_field(k))
            self.group.addButton(b)
            self.fields[key] = b
            box.addWidget(cap)
            box.addWidget(b)
            if key == "number":
                f.addLayout(box)
            else:
                small.addLayout(box)
        f.addLayout(small)
        self.error = label("card_error", "error", wrap=True)
        self.error.hide()
        f.addWidget(self.error)
        self.other = button("card_other_method", "dark")
        self.other.hide()
        self.other.clicked.connect(self.other_method_clicked)
        f.addWidget(self.other)
        f.addStretch(1)
        self.note = label("card_note", "small", wrap=True)
        f.addWidget(self.note)

        self.pad_panel = card("card_pad_panel", "panel")
        p = vbox(self.pad_panel, spacing=16)
        p.setContentsMargins(30, 30, 30, 30)
        self.keypad = NumericKeypad("card_keypad")
        self.keypad.digit_pressed.connect(self._on_keypad_digit_pressed)
        self.keypad.backspace_pressed.connect(self._on_keypad_backspace_pressed)
        self.keypad.clear_pressed.connect(self._on_keypad_clear_pressed)
        p.addWidget(self.keypad, 1)
        self.pay = button("card_pay", "primary")
        self.pay.setProperty("size", "lg")
        self.pay.clicked.connect(self._on_pay_clicked)
        p.addWidget(self.pay)
        self.back = button("card_back", "secondary", "back", "green-800", 32)
        self.back.clicked.connect(self.back_clicked)
        p.addWidget(self.back)
        self.set_portrait(False)
        self.reset(Decimal(0))

    # -- view API ----------------------------------------------------------------------------
    def reset(self, amount: Decimal) -> None:
        self.amount = amount
        self.values = {"number": "", "expiry": "", "cvv": ""}
        self.declined = False
        self._error = None
        self.error.hide()
        self.other.hide()
        self.select_field("number")
        self.retranslate_ui()

    def wipe(self) -> None:
        """Forget the card (idle reset, leaving the screen): nothing stays in memory."""
        self.reset(self.amount)

    def select_field(self, key: str) -> None:
        self.field = key
        self.fields[key].setChecked(True)

    def type_digits(self, key: str, digits: str) -> None:
        """Fill a field as if typed on the keypad (screenshots, demos)."""
        self.select_field(key)
        self.keypad.press(digits)

    def show_error(self, text: Text, declined: bool = False) -> None:
        """``text`` may be a function: it is rendered again on a language switch. After a
        decline the card is forgotten: typing starts a fresh number."""
        self.declined = declined
        if declined:
            self.values = {"number": "", "expiry": "", "cvv": ""}
            self.select_field("number")
        self._error = text
        self.error.setText(render(text))
        self.error.show()
        self.other.setVisible(declined)
        for key in self.fields:
            set_state(self.fields[key], "error" if not declined and key == self.field else "")
        self._update()

    def details(self) -> dict[str, str]:
        v = self.values
        return {
            "card_number": v["number"],
            "expiry": format_expiry(v["expiry"]),
            "cvv": v["cvv"],
        }

    # -- slots -------------------------------------------------------------------------------
    def _on_keypad_digit_pressed(self, digit: str) -> None:
        key = self.field
        if len(self.values[key]) < LIMITS[key]:
            self.values[key] += digit
        self._clear_error()
        if key in ADVANCE and len(self.values[key]) == ADVANCE[key]:
            self.select_field("expiry" if key == "number" else "cvv")
        self._update()

    def _on_keypad_backspace_pressed(self) -> None:
        key = self.field
        if not self.values[key] and key != "number":
            key = "number" if key == "expiry" else "expiry"
            self.select_field(key)
        self.values[key] = self.values[key][:-1]
        self._clear_error()
        self._update()

    def _on_keypad_clear_pressed(self) -> None:
        self.values[self.field] = ""
        self._clear_error()
        self._update()

    def _on_pay_clicked(self) -> None:
        self.pay.setEnabled(False)
        self.pay_clicked.emit(self.details())

    def _clear_error(self) -> None:
        if self.error.isVisible():
            self._error = None
            self.error.hide()
            self.other.hide()
            for b in self.fields.values():
                set_state(b, "")

    def _update(self) -> None:
        v = self.values
        self.fields["number"].setText(mask_number(v["number"]) or "•••• •••• •••• ••••")
        self.fields["expiry"].setText(format_expiry(v["expiry"]) or self.tr("MM/YY"))
        self.fields["cvv"].setText("•" * len(v["cvv"]) or "•••")
        for key, field in self.fields.items():
            empty = "true" if not v[key] else "false"
            if field.property("empty") != empty:
                field.setProperty("empty", empty)
                theme.restyle(field)
        ready = len(v["number"]) >= 13 and len(v["expiry"]) == 4 and len(v["cvv"]) >= 3
        self.pay.setEnabled(ready)

    def set_portrait(self, portrait: bool) -> None:
        super().set_portrait(portrait)
        self.root.removeWidget(self.form)
        self.root.removeWidget(self.pad_panel)
        if portrait:
            self.root.addWidget(self.form, 0, 0)
            self.root.addWidget(self.pad_panel, 1, 0)
            self.root.setColumnStretch(1, 0)
            self.root.setRowStretch(1, 1)
        else:
            self.root.addWidget(self.form, 0, 0)
            self.root.addWidget(self.pad_panel, 0, 1)
            self.root.setColumnStretch(0, 3)
            self.root.setColumnStretch(1, 2)
            self.root.setRowStretch(1, 0)

    def reach_spares(self) -> list[QWidget]:
        return [self.note, self.title]  # the amount and the step bar say it

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Pay by card"))
        self.amount_label.setText(format_thb(self.amount))
        self.captions["number"].setText(self.tr("CARD NUMBER"))
        self.captions["expiry"].setText(self.tr("EXPIRY (MM/YY)"))
        self.captions["cvv"].setText(self.tr("CVV"))
        for key, cap in self.captions.items():
            self.fields[key].setAccessibleName(cap.text())
        self.other.setText(self.tr("Choose another way to pay"))
        self.note.setText(
            self.tr(
                "Your card number is sent to the bank and never stored: "
                "we keep only the card type and last 4 digits."
            )
        )
        self.pay.setText(self.tr("Pay %1").replace("%1", format_thb(self.amount)))
        self.back.setText(self.tr("Back"))
        self.keypad.retranslate_ui()
        if self._error is not None:
            self.error.setText(render(self._error))
        self._update()
