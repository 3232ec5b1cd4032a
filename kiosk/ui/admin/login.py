"""Staff sign-in: pick your name, type your PIN (keyboard or on-screen keypad).

Works with a mouse at the back office and with a finger over the kiosk (keys ≥ 64 px).
On a database without staff, ``kiosk admin`` offers to create the first owner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.staff import StaffService, StaffView
from kiosk.ui.admin.context import problem
from kiosk.ui.admin.format import language, set_language, tr
from kiosk.ui.admin.theme import apply_theme, set_role
from kiosk.ui.admin.widgets import Card, LanguageSwitch, Texts, button, label

PIN_RE = r"[0-9]{0,8}"


class PinPad(QWidget):
    """0-9, clear and backspace keys writing into a line edit."""

    submitted = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "⌫"]
        for i, key in enumerate(keys):
            name = {"C": "KeyClear", "⌫": "KeyBack"}.get(key, f"Key{key}")
            b = button(key, "key", name)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, k=key: self._on_key_clicked(k))
            grid.addWidget(b, i // 3, i % 3)

    def _on_key_clicked(self, key: str) -> None:
        text = self._target.text()
        if key == "C":
            self._target.clear()
        elif key == "⌫":
            self._target.setText(text[:-1])
        elif len(text) < 8:
            self._target.setText(text + key)


class LoginDialog(QDialog):
    """Emits ``authenticated(StaffView)`` and accepts on a right PIN; ``language_changed``
    when staff switch ไทย/EN here (the panel then opens in that language)."""

    authenticated = Signal(object)
    language_changed = Signal(str)

    def __init__(
        self,
        staff: StaffService,
        store_name: str = "",
        parent: QWidget | None = None,
        allow_setup: bool = False,
    ) -> None:
        super().__init__(parent)
        self._staff = staff
        self._allow_setup = allow_setup
        self._message: Callable[[], str] | None = None
        self._setup_message: Callable[[], str] | None = None
        self.user: StaffView | None = None
        self.texts = Texts()
        self.setObjectName("LoginDialog")
        apply_theme(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 24)
        outer.setSpacing(14)
        top = QHBoxLayout()
        head = QVBoxLayout()
        head.setSpacing(2)
        if store_name:
            head.addWidget(label(store_name, "muted", "LoginStore"))
        else:
            head.addWidget(self.texts.label(lambda: tr("OrderUp Kiosk"), "muted", "LoginStore"))
        self.title = label("", "title", "LoginTitle")
        head.addWidget(self.title)
        top.addLayout(head, 1)
        self.languages = LanguageSwitch("LoginLang")
        self.languages.set_language(language())
        self.languages.language_requested.connect(self._on_languages_language_requested)
        top.addWidget(self.languages, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_sign_in())
        self.pages.addWidget(self._build_setup())
        self.reload()

    # -- layout -----------------------------------------------------------------------------
    def _build_sign_in(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        names = Card()
        names.body.addWidget(self.texts.label(lambda: tr("Who are you?"), "subtitle"))
        self.names = QListWidget()
        self.names.setObjectName("StaffList")
        self.names.setMinimumWidth(220)
        self.names.currentItemChanged.connect(self._on_names_current_item_changed)
        names.body.addWidget(self.names, 1)
        row.addWidget(names, 1)
        pin = Card()
        pin.body.addWidget(self.texts.label(lambda: tr("PIN"), "subtitle"))
        self.pin = QLineEdit()
        self.pin.setObjectName("PinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(QRegularExpressionValidator(PIN_RE))
        self.texts.bind(self.pin.setPlaceholderText, lambda: tr("4 to 8 digits"))
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setMinimumHeight(44)
        self.pin.returnPressed.connect(self._on_sign_in_clicked)
        pin.body.addWidget(self.pin)
        self.pad = PinPad(self.pin)
        pin.body.addWidget(self.pad)
        self.message = label("", "error", "LoginMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(40)
        pin.body.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel = self.texts.button(lambda: tr("Cancel"), name="CancelButton")
        self.cancel.clicked.connect(self.reject)
        self.sign_in = self.texts.button(lambda: tr("Sign in"), "primary", "SignInButton")
        self.sign_in.setMinimumHeight(48)
        self.sign_in.clicked.connect(self._on_sign_in_clicked)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.sign_in, 1)
        pin.body.addLayout(buttons)
        row.addWidget(pin, 1)
        return page

    def _build_setup(self) -> QWidget:
        page = Card()
        page.body.addWidget(self.texts.label(lambda: tr("Create the owner account"), "subtitle"))
        intro = self.texts.label(
            lambda: tr(
                "There are no staff accounts yet. The owner can add managers and cashiers "
                "after signing in."
            ),
            "muted",
        )
        intro.setWordWrap(True)
        page.body.addWidget(intro)
        self.setup_name = QLineEdit()
        self.setup_name.setObjectName("SetupName")
        self.texts.bind(self.setup_name.setPlaceholderText, lambda: tr("Your name"))
        self.setup_pin = QLineEdit()
        self.setup_pin.setObjectName("SetupPin")
        self.setup_again = QLineEdit()
        self.setup_again.setObjectName("SetupPinAgain")
        self.texts.bind(self.setup_pin.setPlaceholderText, lambda: tr("PIN"))
        self.texts.bind(self.setup_again.setPlaceholderText, lambda: tr("PIN again"))
        for field in (self.setup_pin, self.setup_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setValidator(QRegularExpressionValidator(PIN_RE))
        for field in (self.setup_name, self.setup_pin, self.setup_again):
            page.body.addWidget(field)
        self.setup_message = label("", "error", "SetupMessage")
        self.setup_message.setWordWrap(True)
        page.body.addWidget(self.setup_message)
        page.body.addStretch(1)
        create = self.texts.button(lambda: tr("Create and sign in"), "primary", "SetupButton")
        create.clicked.connect(self._on_setup_clicked)
        page.body.addWidget(create)
        return page

    # -- language ---------------------------------------------------------------------------
    def _on_languages_language_requested(self, lang: str) -> None:
        set_language(lang)
        self.languages.set_language(lang)
        self.retranslate_ui()
        self.language_changed.emit(lang)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("OrderUp staff sign-in"))
        setup = self.pages.currentIndex() == 1
        self.title.setText(tr("Welcome") if setup else tr("Staff sign-in"))
        self.texts.retranslate()
        if self._message is not None:
            self.message.setText(self._message())
        if self._setup_message is not None:
            self.setup_message.setText(self._setup_message())

    # -- behaviour --------------------------------------------------------------------------
    def reload(self) -> None:
        """Fill the name list (active staff) or show the first-run page."""
        names = self._staff.names()
        self.names.clear()
        for name in names:
            QListWidgetItem(name, self.names)
        if names:
            self.pages.setCurrentIndex(0)
            self.names.setCurrentRow(0)
            self._show(None)
        elif self._allow_setup:
            self.pages.setCurrentIndex(1)
        else:
            self.pages.setCurrentIndex(0)
            self.sign_in.setEnabled(False)
            self._show(
                lambda: (
                    tr("There are no staff accounts yet. Create the owner with: ")
                    + "kiosk staff add NAME --role owner"
                )
            )
        self.retranslate_ui()

    def select(self, name: str) -> None:
        for i in range(self.names.count()):
            item = self.names.item(i)
            if item is not None and item.text() == name:
                self.names.setCurrentRow(i)
                return

    def _on_names_current_item_changed(self, *_: object) -> None:
        self.pin.clear()
        self._show(None)
        self.pin.setFocus()

    def _show(self, text: Callable[[], str] | None, ok: bool = False) -> None:
        """A message under the keypad; a function, so a language switch re-reads it."""
        self._message = text
        self.message.setText(text() if text is not None else "")
        set_role(self.message, "role", "ok" if ok else "error")

    def _on_sign_in_clicked(self) -> None:
        item = self.names.currentItem()
        if item is None:
            self._show(lambda: tr("Choose your name first."))
            return
        pin = self.pin.text()
        if len(pin) < 4:
            self._show(lambda: tr("A PIN is 4 to 8 digits."))
            return
        try:
            user = self._staff.authenticate(item.text(), pin)
        except Exception as exc:
            self.pin.clear()
            self._show(problem(exc, "sign in"))
            return
        self._succeed(user)

    def _on_setup_clicked(self) -> None:
        if self.setup_pin.text() != self.setup_again.text():
            self._show_setup(lambda: tr("The two PINs differ."))
            return
        try:
            self._staff.create(self.setup_name.text(), "owner", self.setup_pin.text(), by="setup")
            user = self._staff.authenticate(self.setup_name.text().strip(), self.setup_pin.text())
        except Exception as exc:
            self._show_setup(problem(exc, "first owner"))
            return
        self._succeed(user)

    def _show_setup(self, text: Callable[[], str]) -> None:
        self._setup_message = text
        self.setup_message.setText(text())

    def _succeed(self, user: StaffView) -> None:
        self.user = user
        self.pin.clear()
        self.authenticated.emit(user)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.parent() is None:
            self.reject()
            return
        super().keyPressEvent(event)
