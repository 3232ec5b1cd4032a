"""Staff sign-in: pick your name, type your PIN (keyboard or on-screen keypad).

Works with a mouse at the back office and with a finger over the kiosk (keys ≥ 64 px).
On a database without staff, ``kiosk admin`` offers to create the first owner.
"""

from __future__ import annotations

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

from kiosk.services.errors import ServiceError
from kiosk.services.staff import StaffService, StaffView
from kiosk.ui.admin.format import tr
from kiosk.ui.admin.theme import apply_theme, set_role
from kiosk.ui.admin.widgets import Card, button, label

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
    """Emits ``authenticated(StaffView)`` and accepts on a right PIN."""

    authenticated = Signal(object)

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
        self.user: StaffView | None = None
        self.setObjectName("LoginDialog")
        self.setWindowTitle(tr("OrderUp staff sign-in"))
        apply_theme(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 24)
        outer.setSpacing(14)
        head = QVBoxLayout()
        head.setSpacing(2)
        head.addWidget(label(store_name or tr("OrderUp Kiosk"), "muted", "LoginStore"))
        self.title = label(tr("Staff sign-in"), "title", "LoginTitle")
        head.addWidget(self.title)
        outer.addLayout(head)
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
        names.body.addWidget(label(tr("Who are you?"), "subtitle"))
        self.names = QListWidget()
        self.names.setObjectName("StaffList")
        self.names.setMinimumWidth(220)
        self.names.currentItemChanged.connect(self._on_names_current_item_changed)
        names.body.addWidget(self.names, 1)
        row.addWidget(names, 1)
        pin = Card()
        pin.body.addWidget(label(tr("PIN"), "subtitle"))
        self.pin = QLineEdit()
        self.pin.setObjectName("PinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(QRegularExpressionValidator(PIN_RE))
        self.pin.setPlaceholderText(tr("4 to 8 digits"))
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
        self.cancel = button(tr("Cancel"), name="CancelButton")
        self.cancel.clicked.connect(self.reject)
        self.sign_in = button(tr("Sign in"), "primary", "SignInButton")
        self.sign_in.setMinimumHeight(48)
        self.sign_in.clicked.connect(self._on_sign_in_clicked)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.sign_in, 1)
        pin.body.addLayout(buttons)
        row.addWidget(pin, 1)
        return page

    def _build_setup(self) -> QWidget:
        page = Card()
        page.body.addWidget(label(tr("Create the owner account"), "subtitle"))
        intro = label(
            tr(
                "There are no staff accounts yet. The owner can add managers and cashiers "
                "after signing in."
            ),
            "muted",
        )
        intro.setWordWrap(True)
        page.body.addWidget(intro)
        self.setup_name = QLineEdit()
        self.setup_name.setObjectName("SetupName")
        self.setup_name.setPlaceholderText(tr("Your name"))
        self.setup_pin = QLineEdit()
        self.setup_pin.setObjectName("SetupPin")
        self.setup_again = QLineEdit()
        self.setup_again.setObjectName("SetupPinAgain")
        for field, hint in ((self.setup_pin, tr("PIN")), (self.setup_again, tr("PIN again"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setValidator(QRegularExpressionValidator(PIN_RE))
            field.setPlaceholderText(hint)
        for field in (self.setup_name, self.setup_pin, self.setup_again):
            page.body.addWidget(field)
        self.setup_message = label("", "error", "SetupMessage")
        self.setup_message.setWordWrap(True)
        page.body.addWidget(self.setup_message)
        page.body.addStretch(1)
        create = button(tr("Create and sign in"), "primary", "SetupButton")
        create.clicked.connect(self._on_setup_clicked)
        page.body.addWidget(create)
        return page

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
            self.message.setText("")
        elif self._allow_setup:
            self.pages.setCurrentIndex(1)
            self.title.setText(tr("Welcome"))
        else:
            self.pages.setCurrentIndex(0)
            self.sign_in.setEnabled(False)
            self.message.setText(
                tr("There are no staff accounts yet. Create the owner with: ")
                + "kiosk staff add NAME --role owner"
            )

    def select(self, name: str) -> None:
        for i in range(self.names.count()):
            item = self.names.item(i)
            if item is not None and item.text() == name:
                self.names.setCurrentRow(i)
                return

    def _on_names_current_item_changed(self, *_: object) -> None:
        self.pin.clear()
        self.message.setText("")
        self.pin.setFocus()

    def _show(self, text: str, ok: bool = False) -> None:
        self.message.setText(text)
        set_role(self.message, "role", "ok" if ok else "error")

    def _on_sign_in_clicked(self) -> None:
        item = self.names.currentItem()
        if item is None:
            self._show(tr("Choose your name first."))
            return
        pin = self.pin.text()
        if len(pin) < 4:
            self._show(tr("A PIN is 4 to 8 digits."))
            return
        try:
            user = self._staff.authenticate(item.text(), pin)
        except ServiceError as exc:
            self.pin.clear()
            self._show(tr(exc.message))
            return
        self._succeed(user)

    def _on_setup_clicked(self) -> None:
        if self.setup_pin.text() != self.setup_again.text():
            self.setup_message.setText(tr("The two PINs differ."))
            return
        try:
            self._staff.create(self.setup_name.text(), "owner", self.setup_pin.text(), by="setup")
            user = self._staff.authenticate(self.setup_name.text().strip(), self.setup_pin.text())
        except ServiceError as exc:
            self.setup_message.setText(tr(exc.message))
            return
        self._succeed(user)

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
