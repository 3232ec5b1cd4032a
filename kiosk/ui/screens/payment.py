"""Payment: how much, and three big choices: cash, card, PromptPay."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QWidget

from kiosk.services.money import format_thb
from kiosk.services.views import MemberView, OrderView
from kiosk.ui.messages import Text
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import button, card, hbox, label, vbox
from kiosk.ui.widgets.method_card import MethodCard
from kiosk.ui.widgets.notice import Notice

#: a payment card's height in portrait (they were 420 px each, filling the screen)
PORTRAIT_CARD = 260


class PaymentScreen(Screen):
    screen_name = "payment"
    step = "payment"

    method_chosen = Signal(str)
    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order: OrderView | None = None
        self.member: MemberView | None = None
        self.pay_at_counter = False
        self.promptpay_available = True
        root = vbox(self, spacing=26)
        root.setContentsMargins(48, 40, 48, 40)
        self.title = label("payment_title", "title", wrap=True)
        root.addWidget(self.title)
        summary = card("payment_summary", "panel")
        s = hbox(summary, spacing=24)
        s.setContentsMargins(36, 26, 36, 26)
        left = vbox(spacing=4)
        self.due_caption = label("", "muted")
        self.total = label("payment_total", "amount")
        left.addWidget(self.due_caption)
        left.addWidget(self.total)
        s.addLayout(left)
        s.addStretch(1)
        right = vbox(spacing=6)
        self.breakdown = label("payment_breakdown", "body", align=Qt.AlignmentFlag.AlignRight)
        self.member_line = label("payment_member", "muted", align=Qt.AlignmentFlag.AlignRight)
        self.order_line = label("payment_order", "muted", align=Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.breakdown)
        right.addWidget(self.member_line)
        right.addWidget(self.order_line)
        s.addLayout(right)
        root.addWidget(summary)
        self.notice = Notice("payment_notice")
        root.addWidget(self.notice)
        self.methods = QWidget()
        self.methods_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.methods)
        self.methods_layout.setContentsMargins(0, 0, 0, 0)
        self.methods_layout.setSpacing(28)
        self.cash = MethodCard("pay_cash", "cash", "green-800")
        self.card = MethodCard("pay_card", "card", "green-800")
        self.promptpay = MethodCard("pay_promptpay", "qr", "promptpay")
        for b, method in ((self.cash, "cash"), (self.card, "card"), (self.promptpay, "promptpay")):
            b.clicked.connect(lambda _=False, m=method: self.method_chosen.emit(m))
            self.methods_layout.addWidget(b)
        # portrait: the choices sit low, where a thumb reaches, at a card's height
        root.addStretch(0)
        self._lift = root.count() - 1
        self.root_layout = root
        root.addWidget(self.methods, 1)
        # a ฿0 order (all paid with points): one clear action instead of the methods
        self.confirm_free = button("pay_confirm_free", "primary")
        self.confirm_free.setProperty("size", "lg")
        self.confirm_free.clicked.connect(lambda: self.method_chosen.emit("free"))
        self.confirm_free.hide()
        root.addWidget(self.confirm_free)
        self.back = button("payment_back", "secondary", "back", "green-800", 32)
        self.back.clicked.connect(self.back_clicked)
        root.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate_ui()

    def set_order(
        self,
        order: OrderView,
        member: MemberView | None,
        pay_at_counter: bool,
        promptpay_available: bool = True,
    ) -> None:
        """``promptpay_available=False`` hides PromptPay (no usable PromptPay ID is set)."""
        self.order = order
        self.member = member
        self.pay_at_counter = pay_at_counter
        self.promptpay_available = promptpay_available
        self.promptpay.setVisible(promptpay_available)
        free = self.is_free()
        self.methods.setVisible(not free)
        self.confirm_free.setVisible(free)
        self.retranslate_ui()

    def is_free(self) -> bool:
        """Nothing left to pay (points covered it all)."""
        return self.order is not None and self.order.total <= 0

    def show_notice(self, text: Text | None) -> None:
        self.notice.say(text)

    def shown_notice(self) -> Text | None:
        return self.notice.said()

    def set_portrait(self, portrait: bool) -> None:
        super().set_portrait(portrait)
        self.methods_layout.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        for b in (self.cash, self.card, self.promptpay):
            b.set_horizontal(portrait)
            b.setMaximumHeight(PORTRAIT_CARD if portrait else 16777215)
        self.root_layout.setStretch(self._lift, 1 if portrait else 0)
        self.root_layout.setStretchFactor(self.methods, 0 if portrait else 1)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("How would you like to pay?"))
        self.due_caption.setText(self.tr("Amount to pay"))
        cash_hint = (
            self.tr("Pay at the counter") if self.pay_at_counter else self.tr("Notes and coins")
        )
        self.cash.set_texts(self.tr("Cash"), cash_hint)
        self.card.set_texts(self.tr("Card"), self.tr("Visa, Mastercard, JCB"))
        self.promptpay.set_texts(self.tr("PromptPay"), self.tr("Scan the QR with any banking app"))
        self.back.setText(self.tr("Back"))
        self.confirm_free.setText(self.tr("Confirm order"))
        self.notice.retranslate_ui()
        o = self.order
        if o is None:
            return
        self.total.setText(format_thb(o.total))
        parts = [self.tr("Subtotal %1").replace("%1", format_thb(o.subtotal))]
        if o.discount:
            parts.append(self.tr("Points −%1").replace("%1", format_thb(o.discount)))
        if o.service_charge:
            parts.append(self.tr("Service charge %1").replace("%1", format_thb(o.service_charge)))
        self.breakdown.setText("   ·   ".join(parts))
        if self.member:
            self.member_line.setText(
                self.tr("%1 · earns %2 points")
                .replace("%1", self.member.masked_name)
                .replace("%2", f"{o.points_to_earn:,}")
            )
        else:
            self.member_line.setText(self.tr("No points collected"))
        self.order_line.setText(self.tr("Order %1").replace("%1", o.number))
