"""PromptPay: the QR for the exact amount, who gets paid, and a countdown."""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QProgressBar, QWidget

from kiosk.services.money import format_thb
from kiosk.ui import theme
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import button, card, label, set_state, vbox
from kiosk.ui.widgets.qr_view import QRView

# Whole widget, quiet zone included. In portrait the dark symbol itself is then over
# 600 px wide on a 1080-wide screen (20 px modules for a typical 33-module code); in
# landscape the height allows less.
QR_SIDE = 640
QR_SIDE_PORTRAIT = 820
QR_SIDE_REACH = 420
QR_LARGE_TEXT_GIVES = 200


class PromptPayScreen(Screen):
    screen_name = "promptpay"
    step = "payment"
    idle_watch = False  # the customer is busy with their phone; the countdown decides

    cancel_clicked = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = Decimal(0)
        self.merchant = ""
        self.order_number = ""
        self.duration_ms = 120_000
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._on_tick_timeout)

        self.root = QGridLayout(self)
        self.root.setContentsMargins(40, 28, 40, 28)
        self.root.setHorizontalSpacing(40)
        self.root.setVerticalSpacing(20)

        self.qr_card = card("promptpay_card", "panel")
        q = vbox(self.qr_card, spacing=10)
        q.setContentsMargins(0, 0, 0, 22)
        head = card("promptpay_head", "promptpay-head")
        h = vbox(head, spacing=0)
        h.setContentsMargins(24, 14, 24, 14)
        self.brand = label("promptpay_brand", "promptpay-title", align=Qt.AlignmentFlag.AlignCenter)
        h.addWidget(self.brand)
        q.addWidget(head)
        self.qr = QRView("promptpay_qr")
        self.qr.setFixedSize(QR_SIDE, QR_SIDE)
        q.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.amount_label = label("promptpay_amount", "amount", align=Qt.AlignmentFlag.AlignCenter)
        # wraps: the shop's name plus "demo, no money moves" in large Thai text is wider
        # than the QR panel
        self.merchant_label = label(
            "promptpay_merchant", "body", wrap=True, align=Qt.AlignmentFlag.AlignCenter
        )
        q.addWidget(self.amount_label)
        q.addWidget(self.merchant_label)

        self.side = QWidget()
        s = vbox(self.side, spacing=18)
        self.title = label("promptpay_title", "title", wrap=True)
        s.addWidget(self.title)
        self.order_label = label("promptpay_order", "muted")
        s.addWidget(self.order_label)
        self.steps = [label(f"promptpay_step_{i}", "body", wrap=True) for i in range(3)]
        for st in self.steps:
            s.addWidget(st)
        s.addSpacing(10)
        self.countdown_caption = label("", "muted")
        self.countdown = label("promptpay_countdown", "countdown")
        self.progress = QProgressBar()
        self.progress.setObjectName("promptpay_progress")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1000)
        s.addWidget(self.countdown_caption)
        s.addWidget(self.countdown)
        s.addWidget(self.progress)
        self.status = label("promptpay_status", "muted", wrap=True)
        s.addWidget(self.status)
        s.addStretch(1)
        self.cancel = button("promptpay_cancel", "secondary")
        self.cancel.setProperty("size", "lg")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        s.addWidget(self.cancel)
        self.set_portrait(False)
        self.retranslate_ui()

    # -- view API ----------------------------------------------------------------------------
    def show_pending(
        self,
        payload: str,
        amount: Decimal,
        merchant: str,
        duration_ms: int,
        order_number: str = "",
    ) -> None:
        self.qr.set_payload(payload)
        self.amount = amount
        self.merchant = merchant
        self.order_number = order_number
        self.duration_ms = duration_ms
        self._clock.start()
        self._tick.start()
        self.cancel.setEnabled(True)
        self.retranslate_ui()

    def stop(self) -> None:
        self._tick.stop()

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def remaining_ms(self) -> int:
        if not self._clock.isValid():
            return self.duration_ms
        return max(0, self.duration_ms - self._clock.elapsed())

    def set_portrait(self, portrait: bool) -> None:
        super().set_portrait(portrait)
        self._arrange()

    def set_reach(self, reach: bool) -> None:
        self.reach = reach
        super().set_reach(reach)
        self._arrange()

    def reach_spares(self) -> list[QWidget]:
        return list(self.steps)

    def text_scale_changed(self) -> None:
        self._arrange()

    def _arrange(self) -> None:
        """The QR above the countdown in portrait; side by side in landscape, and in reach
        mode, where a portrait window lends the screen only its lower part."""
        reach = getattr(self, "reach", False)
        self.root.removeWidget(self.qr_card)
        self.root.removeWidget(self.side)
        if self.portrait and not reach:
            self.root.addWidget(self.qr_card, 0, 0, Qt.AlignmentFlag.AlignHCenter)
            self.root.addWidget(self.side, 1, 0)
            self.root.setColumnStretch(1, 0)
            self.root.setRowStretch(1, 1)
        else:
            self.root.addWidget(self.qr_card, 0, 0, Qt.AlignmentFlag.AlignTop)
            self.root.addWidget(self.side, 0, 1)
            self.root.setColumnStretch(1, 1)
            self.root.setRowStretch(1, 0)
        side = QR_SIDE_PORTRAIT if self.portrait else QR_SIDE
        if reach:
            side = QR_SIDE_REACH
        elif theme.text_scale() > 1:
            side -= QR_LARGE_TEXT_GIVES  # the amount and the payee take more lines
        self.qr.setFixedSize(side, side)
        # as wide as the QR plus a margin, and never narrower than the brand line
        self.qr_card.setFixedWidth(max(side + 80, self.brand.sizeHint().width() + 64))
        self._fit_merchant()

    def _fit_merchant(self) -> None:
        """Reserve the payee line's real height at the card's fixed width: a layout asks a
        wrapping label for one line's height, and would squeeze the QR under the amount."""
        width = self.qr_card.maximumWidth()
        self.merchant_label.setMinimumHeight(max(0, self.merchant_label.heightForWidth(width)))

    # -- slots -------------------------------------------------------------------------------
    def _on_tick_timeout(self) -> None:
        self._update_countdown()
        if self.remaining_ms() <= 0:
            self._tick.stop()
            self.expired.emit()

    def _on_cancel_clicked(self) -> None:
        self.cancel.setEnabled(False)
        self.cancel_clicked.emit()

    def _update_countdown(self) -> None:
        left = self.remaining_ms()
        secs = math.ceil(left / 1000)
        self.countdown.setText(f"{secs // 60}:{secs % 60:02d}")
        set_state(self.countdown, "urgent" if secs <= 15 else "")
        self.progress.setValue(int(1000 * left / self.duration_ms) if self.duration_ms else 0)

    def retranslate_ui(self) -> None:
        self.brand.setText(self.tr("PromptPay  ·  Thai QR Payment"))
        self.amount_label.setText(format_thb(self.amount))
        self.merchant_label.setText(self.tr("Pay to: %1").replace("%1", self.merchant))
        self._fit_merchant()
        self.title.setText(self.tr("Scan to pay with PromptPay"))
        self.order_label.setText(
            self.tr("Order %1").replace("%1", self.order_number) if self.order_number else ""
        )
        self.steps[0].setText(self.tr("1.  Open your banking app and choose Scan."))
        self.steps[1].setText(self.tr("2.  Point your phone at the QR code."))
        self.steps[2].setText(self.tr("3.  Check the amount and confirm. We will see it here."))
        self.countdown_caption.setText(self.tr("Time left"))
        self.status.setText(self.tr("Waiting for your payment…"))
        self.cancel.setText(self.tr("Cancel and choose another way"))
        self._update_countdown()
