"""Staff accounts: add, change role, new PIN (also unlocks), disable/enable, unlock.
Managers manage cashiers and managers; owner accounts need an owner."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QModelIndex, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.staff import ROLES, StaffView
from kiosk.ui.admin.context import AdminContext, problem
from kiosk.ui.admin.format import role_label, tr
from kiosk.ui.admin.list_models import StaffTableModel
from kiosk.ui.admin.page import AdminPage
from kiosk.ui.admin.tables import show_rows
from kiosk.ui.admin.theme import set_role
from kiosk.ui.admin.widgets import Card, MessageLabel, Source, button, label


class StaffScreen(AdminPage):
    TITLE = QT_TR_NOOP("Staff")
    SUBTITLE = QT_TR_NOOP("PINs are stored as argon2id hashes; nobody can read them back.")

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t, page = self.texts, self.page
        self.message = MessageLabel("StaffMessage")
        page.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        page.addWidget(split, 1)

        self.table = QTableView()
        self.table.setObjectName("StaffTable")
        self.model = StaffTableModel(lambda: ctx.tz, ctx.store.clock.now, self)
        show_rows(self.table, self.model, 34)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        split.addWidget(self.table)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        selected = Card()
        selected.setObjectName("StaffSelected")
        self.selected_title = label("", "subtitle", "StaffSelectedName")
        selected.body.addWidget(self.selected_title)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.role = QComboBox()
        self.role.setObjectName("StaffRole")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.set_role_button = t.button(lambda: tr("Change role"), name="ChangeRole")
        self.set_role_button.clicked.connect(self._on_change_role_clicked)
        self.new_pin = t.button(lambda: tr("New PIN…"), name="NewPin")
        self.new_pin.clicked.connect(self._on_new_pin_clicked)
        self.unlock = t.button(lambda: tr("Unlock"), name="UnlockStaff")
        self.unlock.clicked.connect(self._on_unlock_clicked)
        self.toggle_active = button(tr("Disable"), "danger", "ToggleActive")
        self.toggle_active.clicked.connect(self._on_toggle_active_clicked)
        grid.addWidget(self.role, 0, 0)
        grid.addWidget(self.set_role_button, 0, 1)
        grid.addWidget(self.new_pin, 1, 0)
        grid.addWidget(self.unlock, 1, 1)
        grid.addWidget(self.toggle_active, 2, 0, 1, 2)
        selected.body.addLayout(grid)
        column.addWidget(selected)

        add = Card()
        add.setObjectName("StaffAdd")
        add.body.addWidget(t.label(lambda: tr("Add a staff member"), "subtitle"))
        form = QFormLayout()
        form.setSpacing(8)
        self.add_name = QLineEdit()
        self.add_name.setObjectName("AddName")
        self.add_role = QComboBox()
        self.add_role.setObjectName("AddRole")
        for role in ROLES:
            self.add_role.addItem(role_label(role), role)
        self.add_role.setCurrentIndex(ROLES.index("cashier"))
        self.add_pin = QLineEdit()
        self.add_pin.setObjectName("AddPin")
        self.add_again = QLineEdit()
        self.add_again.setObjectName("AddPinAgain")
        for field in (self.add_pin, self.add_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}"))
            t.bind(field.setPlaceholderText, lambda: tr("4 to 8 digits"))
        form.addRow(t.label(lambda: tr("Name")), self.add_name)
        form.addRow(t.label(lambda: tr("Role")), self.add_role)
        form.addRow(t.label(lambda: tr("PIN")), self.add_pin)
        form.addRow(t.label(lambda: tr("PIN again")), self.add_again)
        add.body.addLayout(form)
        self.add_button = t.button(lambda: tr("Add"), "primary", "AddStaff")
        self.add_button.clicked.connect(self._on_add_clicked)
        add.body.addWidget(self.add_button)
        column.addWidget(add)
        column.addStretch(1)
        self.reload()

    def selected(self) -> StaffView | None:
        index = self.table.currentIndex()
        return self.model.user(index.row()) if index.isValid() else None

    def reload(self, select: int | None = None) -> None:
        self.model.set_users(self.ctx.actions.staff.list())
        row = 0
        for r in range(self.model.rowCount()):
            user = self.model.user(r)
            if user is not None and user.id == select:
                row = r
        if self.model.rowCount():
            self.table.selectRow(row)
        self._update_buttons()

    def activate(self) -> None:
        """Shown again: the accounts as they are now, the same one selected."""
        current = self.selected()
        self.reload(current.id if current else None)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        for combo in (self.role, self.add_role):
            for i, role in enumerate(ROLES):
                combo.setItemText(i, role_label(role))
        self.model.retranslate()
        self.message.retranslate()
        self._update_buttons()

    def _on_table_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected()
        for w in (self.role, self.set_role_button, self.new_pin, self.unlock, self.toggle_active):
            w.setEnabled(user is not None)
        if user is None:
            self.selected_title.setText(tr("No one selected"))
            return
        self.selected_title.setText(f"{user.name} · {role_label(user.role)}")
        self.role.setCurrentIndex(ROLES.index(user.role))
        self.toggle_active.setText(tr("Disable") if user.active else tr("Enable"))
        set_role(self.toggle_active, "kind", "danger" if user.active else "")
        self.unlock.setEnabled(user.failed_attempts > 0 or user.locked_until is not None)

    def _show(self, text: Source, ok: bool = False) -> None:
        self.message.show_message(text, ok)

    def _run(self, done: Source, action: object) -> None:
        user = self.selected()
        try:
            result = action()  # type: ignore[operator]
        except Exception as exc:
            self._show(problem(exc, "staff change"))
            return
        self.reload(getattr(result, "id", user.id if user else None))
        self._show(done, ok=True)

    def _on_change_role_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        role = self.role.currentData()
        self._run(
            lambda: tr("{name} is now {role}.").format(name=user.name, role=role_label(role)),
            lambda: self.ctx.actions.update_staff(self.ctx.staff, user.id, role=role),
        )

    def _on_new_pin_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        pin = self.ctx.dialogs.ask_text(
            self,
            tr("New PIN"),
            tr("New PIN for {name} (4 to 8 digits):").format(name=user.name),
            secret=True,
        )
        if pin is None:
            return
        self._run(
            lambda: tr("New PIN set for {name}.").format(name=user.name),
            lambda: self.ctx.actions.update_staff(self.ctx.staff, user.id, pin=pin),
        )

    def _on_unlock_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        self._run(
            lambda: tr("{name} can sign in again.").format(name=user.name),
            lambda: self.ctx.actions.unlock_staff(self.ctx.staff, user.id),
        )

    def _on_toggle_active_clicked(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.id == self.ctx.staff.id and user.active:
            self._show(lambda: tr("You cannot disable your own account while signed in."))
            return
        self._run(
            lambda: (tr("{name} is disabled.") if user.active else tr("{name} is enabled.")).format(
                name=user.name
            ),
            lambda: self.ctx.actions.update_staff(self.ctx.staff, user.id, active=not user.active),
        )

    def _on_add_clicked(self) -> None:
        if self.add_pin.text() != self.add_again.text():
            self._show(lambda: tr("The two PINs differ."))
            return
        name = self.add_name.text()
        role = self.add_role.currentData()
        pin = self.add_pin.text()
        self._run(
            lambda: tr("Added {name}.").format(name=name.strip()),
            lambda: self.ctx.actions.create_staff(self.ctx.staff, name, role, pin),
        )
        if self.message.property("role") == "ok":
            for field in (self.add_name, self.add_pin, self.add_again):
                field.clear()
