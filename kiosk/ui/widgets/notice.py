"""A calm notice line on a screen (a dish sold out, the cart is full, try another way to
pay): hidden when there is nothing to say, and said again in the new language when the
customer switches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.messages import Text, render


class Notice(QLabel):
    """Plain, wrapped text in the theme's ``notice`` role; :meth:`say` shows a message."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "notice")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._text: Text | None = None
        self.hide()

    def say(self, text: Text | None) -> None:
        """Show ``text`` (a function is called again on a language switch); None or an
        empty string hides the notice."""
        self._text = text or None
        self.retranslate_ui()

    def said(self) -> Text | None:
        """What is shown now (None when hidden), to put back after a passing notice."""
        return self._text

    def retranslate_ui(self) -> None:
        self.setText(render(self._text))
        self.setVisible(bool(self.text()))
