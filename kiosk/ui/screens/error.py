"""The calm screen the global exception hook shows: no traceback, a way back.

For a database fault it also says, for staff, what is wrong and what to do, and its
button goes back to the customer's order (the cart is kept) once the fault is fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.messages import Text, render
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.access import AccessToggles
from kiosk.ui.widgets.common import button, label, vbox
from kiosk.ui.widgets.icons import icon_pixmap


class ErrorScreen(Screen):
    screen_name = "error"
    idle_watch = False

    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = vbox(self, spacing=28)
        lay.setContentsMargins(80, 80, 80, 80)
        lay.addStretch(1)
        mark = QLabel()
        mark.setPixmap(icon_pixmap("leaf", 120, "saffron"))
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(mark)
        self.title = label("error_title", "hero", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.message = label("error_message", "hero-sub", True, Qt.AlignmentFlag.AlignCenter)
        self.detail = label("error_detail", "muted", True, Qt.AlignmentFlag.AlignCenter)
        self.detail.setVisible(False)
        self._detail: Text | None = None
        self.keeps_order = False
        lay.addWidget(self.title)
        lay.addWidget(self.message)
        lay.addWidget(self.detail)
        lay.addSpacing(30)
        self.back = button("error_back", "primary")
        self.back.setProperty("size", "lg")
        self.back.setMinimumWidth(480)
        self.back.clicked.connect(self.back_clicked)
        lay.addWidget(self.back, 0, Qt.AlignmentFlag.AlignHCenter)
        self.access = AccessToggles("error_")
        lay.addWidget(self.access, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        self.retranslate_ui()

    def show_fault(self, detail: Text | None, keeps_order: bool) -> None:
        """``detail``: a paragraph for staff (what is wrong, what to do), or None.
        ``keeps_order``: the button goes back to the customer's order instead of the start."""
        self._detail = detail
        self.keeps_order = keeps_order
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.access.retranslate_ui()
        self.title.setText(self.tr("Something went wrong"))
        self.message.setText(self.tr("Please ask staff for help."))
        detail = render(self._detail)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        if self.keeps_order:
            self.back.setText(self.tr("Back to my order"))
        else:
            self.back.setText(self.tr("Back to start"))
