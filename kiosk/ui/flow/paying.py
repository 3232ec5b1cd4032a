"""From order to paid: placing the order, the payment methods, card, PromptPay polling
and the result screen with its receipt, as steps of the kiosk's controller."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kiosk.db.faults import needs_staff
from kiosk.services.errors import (
    DatabaseBusy,
    InvalidCard,
    InvalidOrder,
    ItemUnavailable,
    ServiceError,
)
from kiosk.services.payments import (
    PaymentResult,
    PendingPromptPay,
    is_demo_target,
    promptpay_target,
)
from kiosk.services.views import OrderView
from kiosk.ui.messages import (
    Text,
    busy_text,
    card_error_text,
    error_text,
    render,
)
from kiosk.ui.receipt import receipt_path, write_order_receipt

if TYPE_CHECKING:
    pass


log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class PayingSteps:
    """Mixed into :class:`kiosk.ui.flow.KioskFlow`; uses its state (``self.w``,
    ``self.store``, ``self.cart``, ``self.session``...) and signals."""

    # -- the order ------------------------------------------------------------------------------
    def new_attempt(self) -> str:
        """One idempotency key per checkout attempt: a double tap never charges twice."""
        self.attempt_key = uuid.uuid4().hex
        return self.attempt_key

    def _place_order(self, phone: str | None, redeem: int, method: str = "") -> None:
        """Create the order, then show the payment choices, or with ``method`` go on and
        pay that way (chosen on the member screen)."""
        if not self.cart:
            self.go("menu")
            return
        if self.order is not None:
            self._abandon_order()
            self.order = None
        try:
            order = self.store.orders.create(
                self.cart.order_lines(),
                mode=self.mode,
                table_number=self.table_number if self.mode == "dine_in" else "",
                customer_phone=phone,
                kiosk_id=self.settings.store.kiosk_id,
                redeem_points=redeem,
            )
        except (ItemUnavailable, InvalidOrder) as exc:
            # the menu changed under the customer (sold out, option removed, repriced):
            # repair the cart and show them what changed on the Review screen
            log.info("order refused, cart repaired: %s", exc)
            self._repair_cart()
            if not self.cart:
                self.go("menu")
                self.w.menu.show_notice(lambda e=exc: error_text(e))
                return
            self.w.review.show_notice(lambda e=exc: error_text(e))
            self.go("review")
            return
        except ServiceError as exc:  # e.g. the points to redeem: nothing was saved
            self.w.member.show_error(lambda e=exc: error_text(e))
            return
        except DatabaseBusy as exc:  # e.g. "database is locked": nothing saved, try again
            if needs_staff(exc, self.store.db.url):  # full disk, read-only, damaged file
                log.error("could not create the order: %s", exc)
                self.show_error_screen(exc)
                return
            log.warning("could not create the order (database busy): %s", exc)
            self.w.member.show_error(busy_text)
            return
        self.order = order
        self.new_attempt()
        self.order_created.emit(order)
        log.info("order %s created (%s), total %s", order.number, self.mode, order.total)
        if not method:
            self._show_payment("")
            return
        assert self.order is not None
        if method == "free" and self.order.total > 0:  # the points did not cover it all
            self._show_payment("")
            return
        self._show_payment("", go=False)  # where Back from the card or a retry returns
        self._on_payment_method_chosen("free" if self.order.total <= 0 else method)

    def _repair_cart(self) -> None:
        """Drop the lines the current menu no longer sells as chosen and re-quote."""
        self._load_menu()
        self.cart.lines = [line for line in self.cart.lines if self._still_sold(line)]
        self._refresh_cart()

    def _payment_choices(self) -> tuple[bool, bool]:
        """What the shop offers, for the member and payment screens alike: cash paid at the
        counter (no cash acceptor, or the shop says so), and whether PromptPay is usable."""
        s = self.settings
        pay_at_counter = not s.payments.cash_acceptor or s.payments.pay_at_counter
        return pay_at_counter, promptpay_target(s.store.promptpay_id) is not None

    def _show_payment(self, notice: Text, go: bool = True) -> None:
        assert self.order is not None
        try:
            self.order = self.store.orders.get(self.order.id)
        except DatabaseBusy as exc:  # busy: the order as last seen is good enough to choose
            log.warning("could not reload order %s: %s", self.order.number, exc)
        self.w.payment.set_order(self.order, self.member, *self._payment_choices())
        self.w.payment.show_notice(notice)
        if go:
            self.go("payment")

    def _on_payment_back_clicked(self) -> None:
        self._abandon_order()
        self.order = None
        self.go("member")

    # -- payment --------------------------------------------------------------------------------
    def _on_payment_method_chosen(self, method: str) -> None:
        if self.order is None or self.w.busy_overlay.isVisible():
            return
        if not self.attempt_key:
            self.new_attempt()
        if self.order.total <= 0:  # all paid with points: confirm, nothing to charge
            if method in ("free", "cash"):
                self._pay("cash", {})
            return
        if method == "free":
            return
        if method == "card":
            self.w.card.reset(self.order.total)
            self.go("card")
        elif method == "promptpay":
            self._busy(True)
            self._submit(
                self.store.payments.begin_promptpay,
                self.order.id,
                self.attempt_key,
                on_done=self._on_promptpay_started,
                on_failed=self._on_payment_error,
            )
        else:
            self._pay("cash", {})

    def _pay(self, method: str, details: dict[str, Any]) -> None:
        assert self.order is not None
        self._busy(True)
        self._submit(
            self.store.payments.process_payment,
            self.order.id,
            method,
            details,
            self.attempt_key,
            on_done=self._on_payment_done,
            on_failed=self._on_payment_error,
        )

    def _submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        session = self.session

        def done(result: Any) -> None:
            if session == self.session:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if session == self.session:
                on_failed(exc)
            else:
                log.info("late failure after the customer left: %s", exc)

        self.runner.submit(fn, *args, on_done=done, on_failed=failed)

    def _busy(self, on: bool) -> None:
        if on:
            self.w.idle.stop()
            self.w.busy_overlay.open(self.w.busy)
        else:
            self.w.busy_overlay.close_overlay()

    def _on_payment_done(self, result: PaymentResult) -> None:
        self._busy(False)
        if result.success or result.status == "awaiting_counter":
            self._show_success(result)
            return
        self.new_attempt()
        if result.payment_method == "card":
            self.w.card.show_error(lambda m=result.message: card_error_text(m), declined=True)
            self.go("card")
        else:
            self._show_failure(lambda m=result.message: card_error_text(m))

    def _on_payment_error(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, DatabaseBusy) and needs_staff(exc, self.store.db.url):
            log.error("payment could not start: %s", exc)
            self.show_error_screen(exc)
            return
        if isinstance(exc, DatabaseBusy):  # "database is locked": keep the screen, try again
            log.warning("payment could not start (database busy): %s", exc)
            if self.w.current_screen() == "card":
                self.w.card.show_error(busy_text)
            elif self.order is not None:
                self._show_payment(busy_text)
            return
        if isinstance(exc, InvalidCard):
            self.w.card.show_error(lambda e=exc: error_text(e))
            self.go("card")
            return
        if isinstance(exc, ServiceError):
            self.new_attempt()
            self._show_failure(lambda e=exc: error_text(e))
            return
        log.error("payment failed unexpectedly", exc_info=exc)
        self.show_error_screen()

    def _on_card_pay_clicked(self, details: dict[str, str]) -> None:
        if self.order is None:
            return
        self._pay("card", details)

    def _on_card_other_method_clicked(self) -> None:
        self.new_attempt()
        self._show_payment("")

    def _on_card_back_clicked(self) -> None:
        self._show_payment("")

    # -- PromptPay ------------------------------------------------------------------------------
    def _on_promptpay_started(self, started: PendingPromptPay | PaymentResult) -> None:
        self._busy(False)
        if isinstance(started, PaymentResult):  # replayed or settled already
            self._on_payment_done(started)
            return
        self.pending = started
        merchant = started.merchant_name
        if is_demo_target(self.settings.store.promptpay_id):
            merchant += " · " + translate("KioskFlow", "demo, no money moves")
        self.w.promptpay.show_pending(
            started.payload,
            started.amount,
            merchant,
            self.promptpay_ms(),
            started.order_number,
        )
        self.go("promptpay")
        self._polling = False
        self.poll_timer.start()

    def _on_poll_timer_timeout(self) -> None:
        if self._polling or self.pending is None:
            return
        self._polling = True
        txn = self.pending.transaction_id
        self._submit(
            self.store.payments.poll,
            txn,
            on_done=lambda result, t=txn: self._on_poll_done(t, result),
            on_failed=self._on_poll_failed,
        )

    def _on_poll_done(self, txn: str, result: PaymentResult) -> None:
        self._polling = False
        if self.pending is None or self.pending.transaction_id != txn:
            return
        if result.status == "pending":
            return
        self.poll_timer.stop()
        self.w.promptpay.stop()
        self.pending = None
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
        pending = self.pending
        self.poll_timer.stop()
        self.w.promptpay.stop()
        self.pending = None
        if pending is None:
            self._show_payment(notice)
            return

        def cancelled(result: PaymentResult) -> None:
            if result.success:  # the bank confirmed just before the cancel
                self._show_success(result)
                return
            self.new_attempt()
            self._show_payment(notice)

        self._submit(
            self.store.payments.cancel_pending,
            pending.transaction_id,
            message,
            on_done=cancelled,
            on_failed=self._on_payment_error,
        )

    # -- result ---------------------------------------------------------------------------------
    def _show_success(self, result: PaymentResult) -> None:
        self.last_result = result
        order = self.store.orders.get(result.order_id)
        self.order = order
        at_counter = result.status == "awaiting_counter"
        self.w.result.show_success(
            order.number,
            order.mode,
            result.points_earned,
            result.points_balance,
            result.tier,
            result.tier_upgraded,
            self.result_ms(),
            at_counter=at_counter,
            amount_due=result.amount if at_counter else None,
        )
        self.w.result.set_receipt("")
        self.go("result")
        if result.success:
            log.info("order %s paid by %s", order.number, result.payment_method)
            self.order_paid.emit(result)
            self._save_receipt(order, result)

    def _save_receipt(self, order: OrderView, result: PaymentResult) -> None:
        settings = self.settings
        path = receipt_path(settings.receipts_dir, order)
        self._submit(
            write_order_receipt,  # the receipt model, with its running number
            self.store.receipts,
            order.id,
            path,
            on_done=self._on_receipt_done,
            on_failed=self._on_receipt_failed,
        )

    def _on_receipt_done(self, path: Path) -> None:
        self.receipt = path
        self.w.result.set_receipt(lambda: translate("KioskFlow", "Your receipt has been saved."))
        self.receipt_saved.emit(path)

    def _on_receipt_failed(self, exc: BaseException) -> None:
        log.error("could not write the receipt", exc_info=exc)
        self.w.result.set_receipt(
            lambda: translate(
                "KioskFlow", "The receipt could not be saved. Please ask staff for a copy."
            )
        )

    def _show_failure(self, reason: Text) -> None:
        self.w.result.show_failure(reason)
        self.go("result")
        self.payment_failed.emit(render(reason))

    def _on_result_done_clicked(self) -> None:
        self.reset(cancel_order=False)

    def _on_result_timed_out(self) -> None:
        self.reset(cancel_order=False)

    def _on_result_retry_clicked(self) -> None:
        if self.order is None:
            self.reset(cancel_order=False)
            return
        self.new_attempt()
        self._show_payment("")

    def _on_result_cancel_clicked(self) -> None:
        self.leave()

    def _on_error_back_clicked(self) -> None:
        if not self.w.error.keeps_order:
            self.leave()
            return
        # the fault is fixed (or this raises again and the error screen comes back)
        self._load_menu()
        self._refresh_cart()
        self.go("review" if self.cart else "menu")

    def _order_still_open(self) -> bool:
        """No order yet, or one that is unpaid with no payment under way: going back to
        the cart cannot charge twice."""
        if self.order is None:
            return True
        try:
            current = self.store.orders.get(self.order.id)
        except Exception:  # the database is what failed: trust what we last saw
            return not self.order.payments
        return current.status == "pending" and not any(
            p.status in ("succeeded", "pending") for p in current.payments
        )
