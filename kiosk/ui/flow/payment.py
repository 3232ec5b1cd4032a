"""The payment's controller: placing the order, the payment methods, the card, PromptPay
(its QR, the status polling, cancel and expiry) and the busy overlay while a payment
runs on the thread pool."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kiosk.db.faults import needs_staff
from kiosk.services.errors import (
    DatabaseBusy,
    InvalidCard,
    InvalidOrder,
    ItemUnavailable,
    ServiceError,
)
from kiosk.services.payments import PaymentResult, PendingPromptPay, is_demo_target
from kiosk.ui.flow.session import (
    CurrentSettings,
    Go,
    OverlayView,
    ScreenHost,
    Session,
    SessionTasks,
    Timeouts,
    payment_choices,
)
from kiosk.ui.messages import Text, busy_text, card_error_text, error_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.services.orders import OrderService
    from kiosk.services.payments import PaymentService
    from kiosk.ui.flow.cart import CartController
    from kiosk.ui.flow.result import ResultController
    from kiosk.ui.screens.card import CardScreen
    from kiosk.ui.screens.member import MemberScreen
    from kiosk.ui.screens.menu import MenuScreen
    from kiosk.ui.screens.payment import PaymentScreen
    from kiosk.ui.screens.promptpay import PromptPayScreen
    from kiosk.ui.screens.review import ReviewScreen
    from kiosk.ui.widgets.idle import IdleWatcher

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class PaymentController(QObject):
    """Owns the order being paid (``session.order``, ``session.pending``, the attempt
    key) from the moment it is placed until the Result screen takes over."""

    order_created = Signal(object)  # OrderView

    def __init__(
        self,
        session: Session,
        tasks: SessionTasks,
        orders: OrderService,
        payments: PaymentService,
        settings: CurrentSettings,
        timeouts: Timeouts,
        cart: CartController,
        result: ResultController,
        *,
        db_url: str,
        payment: PaymentScreen,
        card: CardScreen,
        promptpay: PromptPayScreen,
        member: MemberScreen,
        menu: MenuScreen,
        review: ReviewScreen,
        busy_overlay: OverlayView,
        busy_panel: QWidget,
        idle: IdleWatcher,
        host: ScreenHost,
        go: Go,
        show_error_screen: Callable[[BaseException | None], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.orders = orders
        self.payments = payments
        self.settings = settings
        self.timeouts = timeouts
        self.cart = cart
        self.result = result
        self.db_url = db_url
        self.payment = payment
        self.card = card
        self.promptpay = promptpay
        self.member = member
        self.menu = menu
        self.review = review
        self.busy_overlay = busy_overlay
        self.busy_panel = busy_panel
        self.idle = idle
        self.host = host
        self.go = go
        self.show_error_screen = show_error_screen
        self._polling = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(timeouts.timing.poll_ms)
        self.poll_timer.timeout.connect(self.on_poll_timer_timeout)
        payment.method_chosen.connect(self._on_payment_method_chosen)
        payment.back_clicked.connect(self._on_payment_back_clicked)
        promptpay.cancel_clicked.connect(self._on_promptpay_cancel_clicked)
        promptpay.expired.connect(self._on_promptpay_expired)
        card.pay_clicked.connect(self._on_card_pay_clicked)
        card.other_method_clicked.connect(self._on_card_other_method_clicked)
        card.back_clicked.connect(self._on_card_back_clicked)

    def stop(self) -> None:
        """No more status checks, the QR's countdown stopped."""
        self.poll_timer.stop()
        self._polling = False
        self.promptpay.stop()

    def clear(self) -> None:
        """The card and payment screens empty for the next customer."""
        self.card.reset(Decimal(0))
        self.payment.show_notice("")

    # -- the order ------------------------------------------------------------------------------
    def place_order(self, phone: str | None, redeem: int, method: str = "") -> None:
        """Create the order, then show the payment choices, or with ``method`` go on and
        pay that way (chosen on the member screen)."""
        s = self.session
        if not self.cart.cart:
            self.go("menu")
            return
        if s.order is not None:
            self.abandon_order()
            s.order = None
        try:
            order = self.orders.create(
                self.cart.cart.order_lines(),
                mode=s.mode,
                table_number=s.table_number if s.mode == "dine_in" else "",
                customer_phone=phone,
                kiosk_id=self.settings().store.kiosk_id,
                redeem_points=redeem,
            )
        except (ItemUnavailable, InvalidOrder) as exc:
            # the menu changed under the customer (sold out, option removed, repriced):
            # repair the cart and show them what changed on the Review screen
            log.info("order refused, cart repaired: %s", exc)
            self.cart.repair()
            if not self.cart.cart:
                self.go("menu")
                self.menu.show_notice(lambda e=exc: error_text(e))
                return
            self.review.show_notice(lambda e=exc: error_text(e))
            self.go("review")
            return
        except ServiceError as exc:  # e.g. the points to redeem: nothing was saved
            self.member.show_error(lambda e=exc: error_text(e))
            return
        except DatabaseBusy as exc:  # e.g. "database is locked": nothing saved, try again
            if needs_staff(exc, self.db_url):  # full disk, read-only, damaged file
                log.error("could not create the order: %s", exc)
                self.show_error_screen(exc)
                return
            log.warning("could not create the order (database busy): %s", exc)
            self.member.show_error(busy_text)
            return
        s.order = order
        s.new_attempt()
        self.order_created.emit(order)
        log.info("order %s created (%s), total %s", order.number, s.mode, order.total)
        if not method:
            self.show_payment("")
            return
        if method == "free" and order.total > 0:  # the points did not cover it all
            self.show_payment("")
            return
        self.show_payment("", go=False)  # where Back from the card or a retry returns
        assert s.order is not None
        self._on_payment_method_chosen("free" if s.order.total <= 0 else method)

    def abandon_order(self) -> None:
        """Cancel the unpaid order (its redeemed points go back) and any PromptPay QR; a
        paid order, or one with a payment under way, is never touched."""
        order, pending = self.session.order, self.session.pending
        if pending is not None:  # callers go through leave(); this is the last resort
            try:
                result = self.payments.cancel_pending(
                    pending.transaction_id, "Cancelled: the customer left."
                )
            except ServiceError as exc:
                log.warning("could not cancel PromptPay %s: %s", pending.transaction_id, exc)
            else:
                if result.success:
                    log.warning(
                        "PromptPay %s was confirmed as the kiosk reset: order %s is paid",
                        pending.transaction_id,
                        result.order_number,
                    )
        if order is None:
            return
        try:
            current = self.orders.get(order.id)
            if current.status == "pending" and not any(
                p.status in ("succeeded", "pending") for p in current.payments
            ):
                self.orders.cancel(order.id)
                log.info("order %s cancelled: the customer left", current.number)
        except ServiceError as exc:
            log.warning("could not cancel order %s: %s", order.number, exc)

    def order_still_open(self) -> bool:
        """No order yet, or one that is unpaid with no payment under way: going back to
        the cart cannot charge twice."""
        order = self.session.order
        if order is None:
            return True
        try:
            current = self.orders.get(order.id)
        except Exception:  # the database is what failed: trust what we last saw
            return not order.payments
        return current.status == "pending" and not any(
            p.status in ("succeeded", "pending") for p in current.payments
        )

    def show_payment(self, notice: Text, go: bool = True) -> None:
        s = self.session
        assert s.order is not None
        try:
            s.order = self.orders.get(s.order.id)
        except DatabaseBusy as exc:  # busy: the order as last seen is good enough to choose
            log.warning("could not reload order %s: %s", s.order.number, exc)
        self.payment.set_order(s.order, s.member, *payment_choices(self.settings()))
        self.payment.show_notice(notice)
        if go:
            self.go("payment")

    def _on_payment_back_clicked(self) -> None:
        self.abandon_order()
        self.session.order = None
        self.go("member")

    # -- payment --------------------------------------------------------------------------------
    def _on_payment_method_chosen(self, method: str) -> None:
        s = self.session
        if s.order is None or self.busy_overlay.isVisible():
            return
        if not s.attempt_key:
            s.new_attempt()
        if s.order.total <= 0:  # all paid with points: confirm, nothing to charge
            if method in ("free", "cash"):
                self._pay("cash", {})
            return
        if method == "free":
            return
        if method == "card":
            self.card.reset(s.order.total)
            self.go("card")
        elif method == "promptpay":
            self.busy(True)
            self.tasks.submit(
                self.payments.begin_promptpay,
                s.order.id,
                s.attempt_key,
                on_done=self._on_promptpay_started,
                on_failed=self._on_payment_error,
            )
        else:
            self._pay("cash", {})

    def _pay(self, method: str, details: dict[str, Any]) -> None:
        s = self.session
        assert s.order is not None
        self.busy(True)
        self.tasks.submit(
            self.payments.process_payment,
            s.order.id,
            method,
            details,
            s.attempt_key,
            on_done=self._on_payment_done,
            on_failed=self._on_payment_error,
        )

    def busy(self, on: bool) -> None:
        """The "Processing your payment…" overlay (no idle warning while it is up)."""
        if on:
            self.idle.stop()
            self.busy_overlay.open(self.busy_panel)
        else:
            self.busy_overlay.close_overlay()

    def _on_payment_done(self, result: PaymentResult) -> None:
        self.busy(False)
        if result.success or result.status == "awaiting_counter":
            self.result.show_success(result)
            return
        self.session.new_attempt()
        if result.payment_method == "card":
            self.card.show_error(lambda m=result.message: card_error_text(m), declined=True)
            self.go("card")
        else:
            self.result.show_failure(lambda m=result.message: card_error_text(m))

    def _on_payment_error(self, exc: BaseException) -> None:
        self.busy(False)
        if isinstance(exc, DatabaseBusy) and needs_staff(exc, self.db_url):
            log.error("payment could not start: %s", exc)
            self.show_error_screen(exc)
            return
        if isinstance(exc, DatabaseBusy):  # "database is locked": keep the screen, try again
            log.warning("payment could not start (database busy): %s", exc)
            if self.host.current_screen() == "card":
                self.card.show_error(busy_text)
            elif self.session.order is not None:
                self.show_payment(busy_text)
            return
        if isinstance(exc, InvalidCard):
            self.card.show_error(lambda e=exc: error_text(e))
            self.go("card")
            return
        if isinstance(exc, ServiceError):
            self.session.new_attempt()
            self.result.show_failure(lambda e=exc: error_text(e))
            return
        log.error("payment failed unexpectedly", exc_info=exc)
        self.show_error_screen(None)

    def _on_card_pay_clicked(self, details: dict[str, str]) -> None:
        if self.session.order is None:
            return
        self._pay("card", details)

    def _on_card_other_method_clicked(self) -> None:
        self.session.new_attempt()
        self.show_payment("")

    def _on_card_back_clicked(self) -> None:
        self.show_payment("")

    # -- PromptPay ------------------------------------------------------------------------------
    def _on_promptpay_started(self, started: PendingPromptPay | PaymentResult) -> None:
        self.busy(False)
        if isinstance(started, PaymentResult):  # replayed or settled already
            self._on_payment_done(started)
            return
        self.session.pending = started
        merchant = started.merchant_name
        if is_demo_target(self.settings().store.promptpay_id):
            merchant += " · " + translate("KioskFlow", "demo, no money moves")
        self.promptpay.show_pending(
            started.payload,
            started.amount,
            merchant,
            self.timeouts.promptpay_ms(),
            started.order_number,
        )
        self.go("promptpay")
        self._polling = False
        self.poll_timer.start()

    def on_poll_timer_timeout(self) -> None:
        """One status check of the QR on screen (at most one at a time)."""
        pending = self.session.pending
        if self._polling or pending is None:
            return
        self._polling = True
        txn = pending.transaction_id
        self.tasks.submit(
            self.payments.poll,
            txn,
            on_done=lambda result, t=txn: self._on_poll_done(t, result),
            on_failed=self._on_poll_failed,
        )

    def _on_poll_done(self, txn: str, result: PaymentResult) -> None:
        self._polling = False
        pending = self.session.pending
        if pending is None or pending.transaction_id != txn:
            return
        if result.status == "pending":
            return
        self.poll_timer.stop()
        self.promptpay.stop()
        self.session.pending = None
        self._on_payment_done(result)

    def _on_poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        log.warning("PromptPay status check failed (will retry): %s", exc)

    def _on_promptpay_cancel_clicked(self) -> None:
        self._cancel_promptpay(
            "Cancelled by the customer.",
            lambda: translate(
                "KioskFlow", "PromptPay was cancelled. Choose how you would like to pay."
            ),
        )

    def _on_promptpay_expired(self) -> None:
        self._cancel_promptpay(
            "PromptPay payment timed out.",
            lambda: translate(
                "KioskFlow", "The QR code expired. Choose how you would like to pay."
            ),
        )

    def _cancel_promptpay(self, message: str, notice: Text) -> None:
        pending = self.session.pending
        self.poll_timer.stop()
        self.promptpay.stop()
        self.session.pending = None
        if pending is None:
            self.show_payment(notice)
            return

        def cancelled(result: PaymentResult) -> None:
            if result.success:  # the bank confirmed just before the cancel
                self.result.show_success(result)
                return
            self.session.new_attempt()
            self.show_payment(notice)

        self.tasks.submit(
            self.payments.cancel_pending,
            pending.transaction_id,
            message,
            on_done=cancelled,
            on_failed=self._on_payment_error,
        )

    def cancel_as_customer_leaves(
        self, pending: PendingPromptPay, on_left: Callable[[], None]
    ) -> None:
        """The customer walks away from a QR: it is cancelled like its Cancel button,
        then ``on_left``; when the bank confirmed just before, the Result screen shows
        their order number instead."""
        self.session.pending = None
        self.busy(True)

        def cancelled(result: PaymentResult) -> None:
            self.busy(False)
            if result.success:  # the bank confirmed just before the cancel
                log.info("PromptPay %s was paid as the customer left", pending.transaction_id)
                self.result.show_success(result)
                return
            on_left()

        def failed(exc: BaseException) -> None:
            self.busy(False)
            if isinstance(exc, ServiceError):
                log.warning("could not cancel PromptPay %s: %s", pending.transaction_id, exc)
            else:
                log.error("could not cancel PromptPay %s", pending.transaction_id, exc_info=exc)
            on_left()

        self.tasks.submit(
            self.payments.cancel_pending,
            pending.transaction_id,
            "Cancelled: the customer left.",
            on_done=cancelled,
            on_failed=failed,
        )
