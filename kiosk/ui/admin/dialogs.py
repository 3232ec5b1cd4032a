"""Modal questions behind one injectable object, so tests answer them without blocking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from kiosk.ui.admin.format import tr


class Dialogs:
    """The real dialogs. Tests pass a fake with the same methods."""

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = "", secret: bool = False
    ) -> str | None:
        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(parent, title, label, mode, text)
        return value if ok else None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

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
