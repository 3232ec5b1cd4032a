"""Modal questions behind one injectable object, so tests answer them without blocking.

The buttons are labelled with the panel's own translations: Qt ships no Thai for its
standard "Yes", "No", "OK" and "Cancel"."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from kiosk.ui.admin.format import tr


class Dialogs:
    """The real dialogs. Tests pass a fake with the same methods."""

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = "", secret: bool = False
    ) -> str | None:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(tr("OK"))
        dialog.setCancelButtonText(tr("Cancel"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not shiboken6.isValid(dialog):  # the panel closed under it (auto-logout)
            return None
        value = dialog.textValue()
        dialog.deleteLater()
        return value if accepted else None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(tr("Yes"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(tr("No"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        if not shiboken6.isValid(box) or not shiboken6.isValid(yes):
            return False  # the panel closed under it (auto-logout): cancelled
        answer = box.clickedButton() is yes
        box.deleteLater()
        return answer

    def _tell(self, icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, parent=parent)
        box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if shiboken6.isValid(box):
            box.deleteLater()

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._tell(QMessageBox.Icon.Information, parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._tell(QMessageBox.Icon.Warning, parent, title, text)

    def save_path(self, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, title, str(suggested), tr("CSV files (*.csv)")
        )
        return Path(name) if name else None

    def open_image(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, title, str(start), tr("Images (*.png *.jpg *.jpeg *.webp)")
        )
        return Path(name) if name else None
