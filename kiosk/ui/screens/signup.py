"""Quick sign-up: phone (already typed), first name on an on-screen letter pad, and a
marketing consent box that starts unticked and says what it is for (Thai PDPA)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from kiosk.ui.messages import Text, render
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.typed_phone import format_typed_phone
from kiosk.ui.widgets.common import button, card, hbox, label, set_state, vbox
from kiosk.ui.widgets.keypad import LetterPad

MAX_NAME = 40


class TouchCheckBox(QCheckBox):
    """A check box the whole row of which reacts to a tap, not just the small square."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class SignupScreen(Screen):
    screen_name = "signup"
    step = "member"

    submitted = Signal(str, str, bool)  # phone digits, first name, marketing consent
    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phone_digits = ""
        self.first_name = ""
        self._error: Text | None = None
        root = QGridLayout(self)
        root.setContentsMargins(40, 32, 40, 32)
        panel = card("signup_panel", "panel")
        root.addWidget(panel, 0, 0)
        self.grid = QGridLayout(panel)
        self.grid.setContentsMargins(40, 32, 40, 32)
        self.grid.setHorizontalSpacing(40)
        self.grid.setVerticalSpacing(16)
        self.title = label("signup_title", "title", wrap=True)
        self.subtitle = label("signup_subtitle", "muted", wrap=True)

        self.fields = QWidget()
        fields = hbox(self.fields, spacing=24)
        phone_box = vbox(spacing=6)
        self.phone_caption = label("", "section")
        self.phone = label("signup_phone", "display")
        phone_box.addWidget(self.phone_caption)
        phone_box.addWidget(self.phone)
        name_box = vbox(spacing=6)
        self.name_caption = label("", "section")
        self.name_display = label("signup_name", "display")
        set_state(self.name_display, "active")
        name_box.addWidget(self.name_caption)
        name_box.addWidget(self.name_display)
        fields.addLayout(phone_box, 2)
        fields.addLayout(name_box, 3)
        self.error = label("signup_error", "error", wrap=True)
        self.error.hide()
        self.keyboard = LetterPad("signup_keyboard")
        self.keyboard.text_typed.connect(self._on_keyboard_text_typed)
        self.keyboard.backspace_pressed.connect(self._on_keyboard_backspace_pressed)
        self.consent = TouchCheckBox()
        self.consent.setObjectName("signup_consent")
        self.consent.setChecked(False)
        self.consent.setCursor(Qt.CursorShape.PointingHandCursor)
        self.consent_text = label("signup_consent_text", "muted", wrap=True)
        self.consent_text.setContentsMargins(68, 0, 0, 0)
        self.buttons = QWidget()
        buttons = hbox(self.buttons, spacing=20)
        self.back = button("signup_back", "secondary", "back", "green-800", 32)
        self.back.clicked.connect(self.back_clicked)
        self.submit = button("signup_submit", "primary")
        self.submit.setProperty("size", "lg")
        self.submit.clicked.connect(self._on_submit_clicked)
        buttons.addWidget(self.back, 1)
        buttons.addWidget(self.submit, 2)
        self.set_portrait(True)
        self.retranslate_ui()

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: one column, the keyboard low for the thumbs. Landscape: the form on the
        left, the keyboard on the right."""
        super().set_portrait(portrait)
        g = self.grid
        parts = (
            self.title,
            self.subtitle,
            self.fields,
            self.error,
            self.keyboard,
            self.consent,
            self.consent_text,
            self.buttons,
        )
        for w in parts:
            g.removeWidget(w)
        for r in range(10):
            g.setRowStretch(r, 0)
        if portrait:
            order = (self.title, self.subtitle, self.fields, self.error)
            for r, w in enumerate(order):
                g.addWidget(w, r, 0)
            g.setRowStretch(4, 1)
            for r, w in enumerate(
                (self.keyboard, self.consent, self.consent_text, self.buttons), 5
            ):
                g.addWidget(w, r, 0)
            g.setColumnStretch(0, 1)
            g.setColumnStretch(1, 0)
        else:
            left = (
                self.title,
                self.subtitle,
                self.fields,
                self.error,
                self.consent,
                self.consent_text,
            )
            for r, w in enumerate(left):
                g.addWidget(w, r, 0)
            g.setRowStretch(6, 1)
            g.addWidget(self.buttons, 7, 0)
            g.addWidget(self.keyboard, 0, 1, 8, 1, Qt.AlignmentFlag.AlignVCenter)
            g.setColumnStretch(0, 5)
            g.setColumnStretch(1, 6)

    def reset(self, phone_digits: str, layout_lang: str) -> None:
        self.phone_digits = phone_digits
        self.first_name = ""
        self.consent.setChecked(False)
        self._error = None
        self.error.hide()
        self.keyboard.set_layout_language(layout_lang)
        self._update()

    def show_error(self, text: Text) -> None:
        """``text`` may be a function: it is rendered again on a language switch."""
        self._error = text
        self.error.setText(render(text))
        self.error.show()

    def _on_keyboard_text_typed(self, text: str) -> None:
        if len(self.first_name) < MAX_NAME:
            if not self.first_name and text == " ":
                return
            if not self.first_name or self.first_name.endswith(" "):
                text = text.upper()
            self.first_name += text
        self.error.hide()
        self._update()

    def _on_keyboard_backspace_pressed(self) -> None:
        self.first_name = self.first_name[:-1]
        self._update()

    def _on_submit_clicked(self) -> None:
        self.submitted.emit(self.phone_digits, self.first_name.strip(), self.consent.isChecked())

    def _update(self) -> None:
        self.phone.setText(format_typed_phone(self.phone_digits))
        self.name_display.setText(self.first_name + "▏")
        self.submit.setEnabled(bool(self.first_name.strip()))

    def retranslate_ui(self) -> None:
        if self._error is not None:
            self.error.setText(render(self._error))
        self.title.setText(self.tr("Join our rewards"))
        self.subtitle.setText(
            self.tr("Type your first name. Points from this order go straight to your account.")
        )
        self.phone_caption.setText(self.tr("MOBILE NUMBER"))
        self.name_caption.setText(self.tr("FIRST NAME"))
        self.consent.setText(self.tr("Yes, send me offers by SMS"))
        self.consent_text.setText(
            self.tr(
                "Optional. We use your number to send special offers and news from this "
                "restaurant, at most twice a month. You can say no now and still collect "
                "points, and stop the messages at any time."
            )
        )
        self.back.setText(self.tr("Back"))
        self.submit.setText(self.tr("Join and continue"))
        self.keyboard.retranslate_ui()
        self._update()
