"""The member screen's payment box: "To pay", the points this order earns and the ways to
pay, under the member's page so they are never scrolled out of sight."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui.widgets.common import button, hbox, label, vbox

#: the payment choices a found member gets beside their points (no extra screen)
METHODS = (("cash", "cash"), ("card", "card"), ("promptpay", "qr"))


class MemberPayBox(QWidget):
    """``chosen(method)``: a way to pay tapped, or ``"free"`` when points cover it all."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_pay_box")
        lay = vbox(self, spacing=10)
        lay.setContentsMargins(0, 12, 0, 0)
        self.new_total = label("member_new_total", "total")
        lay.addWidget(self.new_total)
        self.earn = label("member_earn", "notice", wrap=True)
        lay.addWidget(self.earn)
        lay.addSpacing(6)
        self.pay_caption = label("member_pay_caption", "subtitle")
        lay.addWidget(self.pay_caption)
        self.methods = QWidget()
        m = hbox(self.methods, spacing=14)
        self.method_buttons: dict[str, QPushButton] = {}
        for method, icon_name in METHODS:
            b = button(f"member_pay_{method}", "primary", icon_name, "ink", 40)
            b.setProperty("size", "lg")
            b.clicked.connect(lambda _=False, v=method: self.chosen.emit(v))
            self.method_buttons[method] = b
            m.addWidget(b, 1)
        lay.addWidget(self.methods)
        # nothing left to pay (points cover it all): one clear action instead
        self.confirm_free = button("member_pay_free", "primary", "forward", "ink", 32)
        self.confirm_free.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.confirm_free.setProperty("size", "lg")
        self.confirm_free.clicked.connect(lambda: self.chosen.emit("free"))
        lay.addWidget(self.confirm_free)
