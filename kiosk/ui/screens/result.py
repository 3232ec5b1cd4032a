"""Result: the order number, points earned, new balance, a tier-up celebration; or, when
the payment failed, why, with a way to try again."""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from kiosk.services.money import format_thb
from kiosk.ui import theme
from kiosk.ui.messages import Text, mode_name, points_text, render, tier_name
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.access import AccessToggles
from kiosk.ui.widgets.celebration import Confetti
from kiosk.ui.widgets.common import button, card, hbox, label, set_state, vbox
from kiosk.ui.widgets.icons import icon_pixmap

#: the words, cards and buttons stand in one centred column this wide at most; the
#: confetti keeps out of it
COLUMN_MAX_WIDTH = 860


class ResultScreen(Screen):
    screen_name = "result"
    step = None
    #: a success has its own short timeout; a failure is watched like any other screen,
    #: so a customer who walks away gets "Still there?" and their order cancelled
    idle_watch = False

    done_clicked = Signal()
    retry_clicked = Signal()
    cancel_clicked = Signal()
    timed_out = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "success"  # success | counter | failed
        self.order_number = ""
        self.amount_due: Decimal | None = None
        self.mode = "dine_in"
        self.points_earned = 0
        self.balance: int | None = None
        self.tier: str | None = None
        self.tier_upgraded = False
        self.reason: Text = ""
        self.receipt: Text = ""
        self.duration_ms = 30_000
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._on_tick_timeout)

        stack = QStackedLayout(self)
        stack.setStackingMode(QStackedLayout.StackingMode.StackAll)
        self.confetti = Confetti(self)
        body = QWidget()
        stack.addWidget(self.confetti)
        stack.addWidget(body)
        stack.setCurrentWidget(body)
        self.body = body
        outer = hbox(body, spacing=0)
        outer.setContentsMargins(64, 56, 64, 56)
        self.column = QWidget()
        self.column.setObjectName("result_column")
        self.column.setMaximumWidth(COLUMN_MAX_WIDTH)
        outer.addStretch(1)
        outer.addWidget(self.column, 1000)  # as wide as allowed; the stretches take the rest
        outer.addStretch(1)
        self.confetti.keep_clear(self.column)
        lay = vbox(self.column, spacing=18)
        lay.addStretch(1)
        self.icon = QLabel()
        self.icon.setObjectName("result_icon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.icon)
        self.title = label("result_title", "title", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.title)
        self.caption = label("result_caption", "muted", align=Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.caption)
        self.number = label(
            "result_order_number", "order-number", align=Qt.AlignmentFlag.AlignCenter
        )
        lay.addWidget(self.number)
        self.mode_note = label("result_mode", "body", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.mode_note)
        self.message = label(
            "result_message", "error", wrap=True, align=Qt.AlignmentFlag.AlignCenter
        )
        lay.addWidget(self.message)

        self.points_card = card("result_points_card", "panel")
        pc = hbox(self.points_card, spacing=40)
        pc.setContentsMargins(40, 24, 40, 24)
        earned_box = vbox(spacing=2)
        self.earned_caption = label("", "muted", align=Qt.AlignmentFlag.AlignCenter)
        self.earned = label(
            "result_points_earned", "points-big", align=Qt.AlignmentFlag.AlignCenter
        )
        earned_box.addWidget(self.earned_caption)
        earned_box.addWidget(self.earned)
        balance_box = vbox(spacing=2)
        self.balance_caption = label("", "muted", align=Qt.AlignmentFlag.AlignCenter)
        self.balance_label = label("result_balance", "title", align=Qt.AlignmentFlag.AlignCenter)
        balance_box.addWidget(self.balance_caption)
        balance_box.addWidget(self.balance_label)
        pc.addLayout(earned_box)
        pc.addLayout(balance_box)
        self.points_card.setMinimumWidth(620)
        # points and tier-up: one above the other in portrait, side by side in landscape
        self.cards_layout = vbox(spacing=18)
        self.cards_layout.addWidget(self.points_card, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addLayout(self.cards_layout)

        self.tier_up = card("result_tier_up", "tier-up")
        tu = hbox(self.tier_up, spacing=20)
        tu.setContentsMargins(32, 20, 32, 20)
        star = QLabel()
        star.setPixmap(icon_pixmap("star", 64, "saffron-dark"))
        tu.addWidget(star)
        self.tier_text = label("result_tier_text", "subtitle", wrap=True)
        tu.addWidget(self.tier_text, 1)
        self.tier_badge = label("result_tier_badge", "tier")
        tu.addWidget(self.tier_badge)
        self.tier_up.setMinimumWidth(620)
        # no alignment: an aligned widget gets its size hint, not the height its wrapped
        # text needs at the width it is given
        self.cards_layout.addWidget(self.tier_up, 1)

        self.receipt_label = label(
            "result_receipt", "small", wrap=True, align=Qt.AlignmentFlag.AlignCenter
        )
        lay.addWidget(self.receipt_label)
        lay.addSpacing(12)
        buttons = hbox(spacing=24)
        buttons.addStretch(1)
        self.cancel = button("result_cancel", "secondary")
        self.cancel.clicked.connect(self.cancel_clicked)
        self.retry = button("result_retry", "primary")
        self.retry.clicked.connect(self.retry_clicked)
        self.done = button("result_done", "primary")
        self.done.clicked.connect(self._on_done_clicked)
        for b in (self.cancel, self.retry, self.done):
            b.setProperty("size", "lg")
            b.setMinimumWidth(360)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.buttons_layout = buttons
        self.column_layout = lay
        lay.addLayout(buttons)
        self.countdown = label("result_countdown", "muted", align=Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.countdown)
        # large text / reach: under the countdown in portrait, beside the buttons in landscape
        self.access = AccessToggles("result_", on_dark=False)
        lay.addWidget(self.access, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(1)
        self.retranslate_ui()

    # -- view API ----------------------------------------------------------------------------
    def set_portrait(self, portrait: bool) -> None:
        super().set_portrait(portrait)
        self.column_layout.removeWidget(self.access)
        self.buttons_layout.removeWidget(self.access)
        if portrait:
            self.column_layout.addWidget(self.access, 0, Qt.AlignmentFlag.AlignHCenter)
        else:
            self.buttons_layout.insertWidget(self.buttons_layout.count() - 1, self.access)
        self.column.setMaximumWidth(COLUMN_MAX_WIDTH if portrait else 1560)
        self.cards_layout.setDirection(
            self.cards_layout.Direction.TopToBottom
            if portrait
            else self.cards_layout.Direction.LeftToRight
        )

    def reach_spares(self) -> list[QWidget]:
        return [self.icon]

    def show_success(
        self,
        order_number: str,
        mode: str,
        points_earned: int,
        balance: int | None,
        tier: str | None,
        tier_upgraded: bool,
        duration_ms: int,
        at_counter: bool = False,
        amount_due: Decimal | None = None,
    ) -> None:
        """``at_counter``: the order waits for the customer to pay ``amount_due`` at the
        counter (no cash acceptor); the screen says so in big type."""
        self.kind = "counter" if at_counter else "success"
        self.order_number = order_number
        self.amount_due = amount_due
        self.mode = mode
        self.points_earned = points_earned
        self.balance = balance
        self.tier = tier
        self.tier_upgraded = tier_upgraded
        self.receipt = ""
        self.duration_ms = duration_ms
        self.idle_watch = False
        self._clock.start()
        self._tick.start()
        set_state(self, "success")
        if tier_upgraded:
            self.confetti.show()
            self.confetti.play()
        else:
            self.confetti.hide()
        self.body.raise_()  # confetti falls beside the words, never across them
        self.retranslate_ui()

    def show_failure(self, reason: Text) -> None:
        """``reason`` may be a function: it is rendered again on a language switch."""
        self.kind = "failed"
        self.reason = reason
        self.tier_upgraded = False
        self.idle_watch = True
        self._tick.stop()
        self.confetti.stop()
        self.confetti.hide()
        set_state(self, "failed")
        self.retranslate_ui()

    def set_receipt(self, text: Text) -> None:
        self.receipt = text
        self.receipt_label.setText(render(text))
        self.receipt_label.setVisible(bool(text) and self.kind != "failed")

    def stop(self) -> None:
        self._tick.stop()
        self.confetti.stop()

    def remaining_seconds(self) -> int:
        if not self._clock.isValid():
            return 0
        return math.ceil(max(0, self.duration_ms - self._clock.elapsed()) / 1000)

    # -- slots -------------------------------------------------------------------------------
    def _on_tick_timeout(self) -> None:
        if self._clock.elapsed() >= self.duration_ms:
            self.stop()
            self.timed_out.emit()
            return
        self._update_countdown()

    def _on_done_clicked(self) -> None:
        self.stop()
        self.done_clicked.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A tap anywhere on a success screen goes back to the start."""
        if self.kind != "failed" and event.button() == Qt.MouseButton.LeftButton:
            self._on_done_clicked()
        super().mousePressEvent(event)

    def _update_countdown(self) -> None:
        if self.kind == "failed":
            self.countdown.setText("")
            return
        self.countdown.setText(
            self.tr("Back to the start in %1 s, or tap anywhere.").replace(
                "%1", str(self.remaining_seconds())
            )
        )

    def retranslate_ui(self) -> None:
        self.access.retranslate_ui()
        failed = self.kind == "failed"
        ok = not failed
        self.icon.setPixmap(
            icon_pixmap(
                "cross" if failed else "check",
                120 if self.portrait else 72,
                "chili" if failed else "success",
            )
        )
        if failed:
            self.title.setText(self.tr("The payment did not go through"))
        elif self.kind == "counter":
            self.title.setText(self.tr("Please pay at the counter"))
            if self.amount_due is not None:
                self.title.setText(
                    self.tr("Please pay %1 at the counter, order %2")
                    .replace("%1", format_thb(self.amount_due))
                    .replace("%2", self.order_number)
                )
        else:
            self.title.setText(self.tr("Thank you! Your order is in."))
        self.caption.setText(self.tr("Your order number"))
        self.number.setText(self.order_number)
        if self.kind == "counter":
            self.mode_note.setText(
                self.tr("Show this number at the counter. We start cooking once you have paid.")
            )
        elif self.mode == "take_away":
            self.mode_note.setText(
                self.tr("%1: we will call your number when it is ready.").replace(
                    "%1", mode_name(self.mode)
                )
            )
        else:
            self.mode_note.setText(
                self.tr("%1: take a seat, we will bring it to your table.").replace(
                    "%1", mode_name(self.mode)
                )
            )
        # pay at the counter: what to pay and the order, in big type
        counter = self.kind == "counter" and self.amount_due is not None
        self.title.setProperty("role", "amount" if counter else "title")
        theme.restyle(self.title)
        for w in (self.caption, self.number, self.mode_note, self.done, self.countdown):
            w.setVisible(ok)
        self.message.setVisible(failed)
        self.message.setText(render(self.reason))
        self.retry.setVisible(failed)
        self.cancel.setVisible(failed)
        self.retry.setText(self.tr("Try again"))
        self.cancel.setText(self.tr("Cancel order"))
        self.done.setText(self.tr("Done"))
        member = ok and self.balance is not None
        self.points_card.setVisible(member)
        self.earned_caption.setText(self.tr("Points earned"))
        self.earned.setText(f"+{self.points_earned:,}")
        self.balance_caption.setText(self.tr("New balance"))
        self.balance_label.setText(points_text(self.balance or 0))
        self.tier_up.setVisible(ok and self.tier_upgraded)
        self.tier_text.setText(
            self.tr("Congratulations! You are now a %1 member.").replace("%1", tier_name(self.tier))
        )
        self.tier_badge.setText(tier_name(self.tier))
        self.tier_badge.setProperty("tier", self.tier or "bronze")
        theme.restyle(self.tier_badge)
        self.receipt_label.setText(render(self.receipt))
        self.receipt_label.setVisible(ok and bool(self.receipt))
        self._update_countdown()
