"""The default ``ask()``: a themed yes/no dialog. Tests inject their own ``ask``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QWidget

from kiosk.ui.widgets.common import button, hbox, label, vbox


def confirm(parent: QWidget, question: str, yes: str, no: str) -> bool:
    dialog = QDialog(parent, Qt.WindowType.FramelessWindowHint | Qt.WindowType.Dialog)
    dialog.setObjectName("confirm_dialog")
    dialog.setModal(True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
    outer = vbox(dialog)
    panel = QFrame()
    panel.setProperty("role", "dialog")
    outer.addWidget(panel)
    lay = vbox(panel, spacing=28)
    lay.setContentsMargins(56, 48, 56, 48)
    text = label("confirm_text", "title", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
    text.setText(question)
    lay.addWidget(text)
    row = hbox(spacing=20)
    no_button = button("confirm_no", "secondary")
    no_button.setText(no)
    no_button.clicked.connect(dialog.reject)
    yes_button = button("confirm_yes", "primary")
    yes_button.setText(yes)
    yes_button.clicked.connect(dialog.accept)
    row.addWidget(no_button)
    row.addWidget(yes_button)
    lay.addLayout(row)
    dialog.setMinimumWidth(720)
    return dialog.exec() == QDialog.DialogCode.Accepted
