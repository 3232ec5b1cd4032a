"""The controller: connects the screens' signals to the store and moves between screens.

Views never call services; this object does, with plain values in and out. Payments,
PromptPay polling and receipts run on a thread pool and come back by signal. Every
customer session has a number: results that arrive after the customer walked away (idle,
start over) are ignored.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kiosk.db.faults import without_tracebacks
from kiosk.services.errors import (
    DatabaseBusy,
    ServiceError,
)
from kiosk.services.payments import (
    PaymentResult,
    PendingPromptPay,
)
from kiosk.services.views import MemberView, MenuItemView, OrderView, QuoteView
from kiosk.ui import i18n
from kiosk.ui.cart import Cart
from kiosk.ui.flow.ordering import OrderingSteps
from kiosk.ui.flow.paying import PayingSteps
from kiosk.ui.messages import (
    fault_text,
)
from kiosk.ui.qt_events import QtEvents
from kiosk.ui.workers import TaskRunner

if TYPE_CHECKING:
    from kiosk.app import Store
    from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

Ask = Callable[[str, str, str], bool]


@dataclass
class Timing:
    """Time limits in milliseconds; ``None`` takes the value from the settings. Tests and
    screenshots use tiny values (the settings refuse anything below a few seconds)."""

    idle_ms: int | None = None
    idle_warning_ms: int | None = None
    result_ms: int | None = None
    promptpay_ms: int | None = None
    poll_ms: int = 1000
    #: taps on a screen that just appeared are ignored this long (a double tap's second
    #: tap must not land on the next screen); ``None`` is the default, 350 ms
    tap_guard_ms: int | None = None


class KioskFlow(OrderingSteps, PayingSteps, QObject):
    screen_shown = Signal(str)
    order_created = Signal(object)  # OrderView
    order_paid = Signal(object)  # PaymentResult
    payment_failed = Signal(str)
    member_found = Signal(object)  # MemberView
    member_not_found = Signal(str)
    member_registered = Signal(object)  # MemberView
    receipt_saved = Signal(object)  # Path
    session_reset = Signal()

    def __init__(
        self, store: Store, window: MainWindow, timing: Timing, ask: Ask | None = None
    ) -> None:
        super().__init__(window)
        self.store = store
        self.w = window
        self.timing = timing
        self.ask: Ask = ask or self._default_ask
        self.runner = TaskRunner(self)
        self.events = QtEvents(store.events, self)
        self.session = 0
        self.mode = "dine_in"
        self.table_number = ""
        self.cart = Cart()
        #: the cart line the options sheet is changing (None: the sheet adds a dish)
        self.editing_line: int | None = None
        self.items: dict[int, MenuItemView] = {}
        self.quote: QuoteView | None = None
        self.member: MemberView | None = None
        self.order: OrderView | None = None
        self.pending: PendingPromptPay | None = None
        self.attempt_key = ""
        self.last_result: PaymentResult | None = None
        self.receipt: Path | None = None
        self._polling = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(timing.poll_ms)
        self.poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self._connect()
        self._connect_upsell()

    # -- wiring ---------------------------------------------------------------------------------
    def _connect(self) -> None:
        w = self.w
        w.header.language_chosen.connect(self._on_header_language_chosen)
        w.header.start_over_clicked.connect(self._on_header_start_over_clicked)
        w.welcome.language_chosen.connect(self._on_welcome_language_chosen)
        w.welcome.mode_chosen.connect(self._on_welcome_mode_chosen)
        w.welcome.table_chosen.connect(self._on_welcome_table_chosen)
        w.menu.item_clicked.connect(self._on_menu_item_clicked)
        w.menu.category_chosen.connect(self._on_menu_category_chosen)
        w.menu.cart_quantity_changed.connect(self._on_menu_cart_quantity_changed)
        w.menu.checkout_clicked.connect(self._on_menu_checkout_clicked)
        w.menu.cart_edit_requested.connect(self._on_menu_cart_edit_requested)
        w.options.confirmed.connect(self._on_options_confirmed)
        w.options.cancelled.connect(self._on_options_cancelled)
        w.review.quantity_changed.connect(self._on_review_quantity_changed)
        w.review.line_removed.connect(self._on_review_line_removed)
        w.review.back_clicked.connect(self._on_review_back_clicked)
        w.review.checkout_clicked.connect(self._on_review_checkout_clicked)
        w.member.lookup_requested.connect(self._on_member_lookup_requested)
        w.member.skip_clicked.connect(self._on_member_skip_clicked)
        w.member.signup_clicked.connect(self._on_member_signup_clicked)
        w.member.pay_clicked.connect(self._on_member_pay_clicked)
        w.member.review_clicked.connect(self._on_member_review_clicked)
        w.member.change_clicked.connect(self._on_member_change_clicked)
        w.signup.submitted.connect(self._on_signup_submitted)
        w.signup.back_clicked.connect(self._on_signup_back_clicked)
        w.payment.method_chosen.connect(self._on_payment_method_chosen)
        w.payment.back_clicked.connect(self._on_payment_back_clicked)
        w.promptpay.cancel_clicked.connect(self._on_promptpay_cancel_clicked)
        w.promptpay.expired.connect(self._on_promptpay_expired)
        w.card.pay_clicked.connect(self._on_card_pay_clicked)
        w.card.other_method_clicked.connect(self._on_card_other_method_clicked)
        w.card.back_clicked.connect(self._on_card_back_clicked)
        w.result.done_clicked.connect(self._on_result_done_clicked)
        w.result.timed_out.connect(self._on_result_timed_out)
        w.result.retry_clicked.connect(self._on_result_retry_clicked)
        w.result.cancel_clicked.connect(self._on_result_cancel_clicked)
        w.error.back_clicked.connect(self._on_error_back_clicked)
        w.idle.idle.connect(self._on_idle_idle)
        w.idle_panel.still_here.connect(self._on_idle_panel_still_here)
        w.idle_panel.expired.connect(self._on_idle_panel_expired)
        w.idle_panel.start_over.connect(self._on_idle_panel_start_over)
        w.closing.connect(self.shutdown)
        self.events.menu_changed.connect(self._on_events_menu_changed)
        self.events.settings_changed.connect(self._on_events_settings_changed)

    # -- settings -------------------------------------------------------------------------------
    @property
    def settings(self):  # type: ignore[no-untyped-def]
        return self.store.current_settings()

    def idle_ms(self) -> int:
        return self.timing.idle_ms or self.settings.kiosk.idle_timeout_seconds * 1000

    def idle_warning_ms(self) -> int:
        return self.timing.idle_warning_ms or self.settings.kiosk.idle_warning_seconds * 1000

    def result_ms(self) -> int:
        return self.timing.result_ms or self.settings.kiosk.result_timeout_seconds * 1000

    def promptpay_ms(self) -> int:
        return self.timing.promptpay_ms or self.settings.payments.promptpay_timeout_seconds * 1000

    def _apply_store_settings(self) -> None:
        s = self.settings
        self.w.header.set_store(s.store.name_th, s.store.name)
        self.w.welcome.set_store(s.store.name_th, s.store.name)
        rate = f"{s.store.vat_rate.normalize():f}"
        self.w.menu.set_vat_rate(rate)
        self.w.review.vat_rate = rate
        self.w.review.retranslate_ui()

    # -- navigation -----------------------------------------------------------------------------
    def start(self) -> None:
        self._apply_store_settings()
        self.reset(cancel_order=False)

    def go(self, name: str) -> None:
        w = self.w
        if name != "card":  # the card's number never stays in memory off its screen
            w.card.wipe()
        w.show_screen(name)
        screen = w.screens[name]
        if screen.idle_watch:
            w.idle.set_timeout(self.idle_ms())
            w.idle.start()
        else:
            w.idle.stop()
        self.screen_shown.emit(name)

    def reset(self, cancel_order: bool = True) -> None:
        """Back to Welcome for the next customer. With ``cancel_order``, an unpaid order is
        cancelled so its redeemed points go back; a paid one is never touched."""
        self.session += 1
        self.poll_timer.stop()
        self._polling = False
        w = self.w
        w.promptpay.stop()
        w.result.stop()
        w.idle_panel.stop()
        for overlay in (w.sheet_overlay, w.busy_overlay, w.idle_overlay):
            overlay.close_overlay()
        if cancel_order:
            self._abandon_order()
        self.cart.clear()
        self.editing_line = None
        self.quote = None
        self.member = None
        self.order = None
        self.pending = None
        self.attempt_key = ""
        self.last_result = None
        self.receipt = None
        self.mode = "dine_in"
        self.table_number = ""
        w.member.reset()
        w.card.reset(Decimal(0))
        w.welcome.show_stage("attract")
        w.payment.show_notice("")
        w.menu.show_notice(None)
        w.review.show_notice(None)
        default = self.w.default_language
        if i18n.current_language() != default:
            w.set_language(default)
        self._load_menu()
        self._refresh_cart()
        self.go("welcome")
        self.session_reset.emit()

    def leave(self) -> None:
        """The customer walks away (Start over, idle, Cancel order): back to Welcome with the
        unpaid order cancelled. A PromptPay QR on screen is cancelled first, the same way as
        its Cancel button: when the bank confirmed just before, the customer gets the Result
        screen with their order number instead."""
        pending = self.pending
        if pending is None:
            self.reset(cancel_order=True)
            return
        self.poll_timer.stop()
        self.w.promptpay.stop()
        self.w.idle_panel.stop()
        self.w.idle_overlay.close_overlay()
        self.pending = None
        self._busy(True)

        def cancelled(result: PaymentResult) -> None:
            self._busy(False)
            if result.success:  # the bank confirmed just before the cancel
                log.info("PromptPay %s was paid as the customer left", pending.transaction_id)
                self._show_success(result)
                return
            self.reset(cancel_order=True)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            if isinstance(exc, ServiceError):
                log.warning("could not cancel PromptPay %s: %s", pending.transaction_id, exc)
            else:
                log.error("could not cancel PromptPay %s", pending.transaction_id, exc_info=exc)
            self.reset(cancel_order=True)

        self._submit(
            self.store.payments.cancel_pending,
            pending.transaction_id,
            "Cancelled: the customer left.",
            on_done=cancelled,
            on_failed=failed,
        )

    def _abandon_order(self) -> None:
        order, pending = self.order, self.pending
        if pending is not None:  # callers go through leave(); this is the last resort
            try:
                result = self.store.payments.cancel_pending(
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
            current = self.store.orders.get(order.id)
            if current.status == "pending" and not any(
                p.status in ("succeeded", "pending") for p in current.payments
            ):
                self.store.orders.cancel(order.id)
                log.info("order %s cancelled: the customer left", current.number)
        except ServiceError as exc:
            log.warning("could not cancel order %s: %s", order.number, exc)

    def shutdown(self) -> None:
        self.poll_timer.stop()
        self.runner.wait(5000)
        self.events.close()

    def show_error_screen(self, exc: BaseException | None = None) -> None:
        """The calm 'ask staff' screen (the global exception hook calls this). For a
        database fault (full disk, read-only or damaged file...) it tells staff what to do
        and keeps the cart: its button goes back to the order once the fault is fixed."""
        w = self.w
        fault = exc is not None and isinstance(exc, DatabaseBusy | sqlite3.Error | OSError)
        if exc is not None:
            exc = without_tracebacks(exc)  # logged already; kept only for its message
        keeps = fault and bool(self.cart) and self._order_still_open()
        w.error.show_fault(
            (lambda e=exc: fault_text(e, self.store.db.url)) if fault else None, keeps
        )
        self.poll_timer.stop()
        w.promptpay.stop()
        w.result.stop()
        w.idle_panel.stop()
        for overlay in (w.sheet_overlay, w.busy_overlay, w.idle_overlay):
            overlay.close_overlay()
        self.session += 1
        self.go("error")

    # -- idle -----------------------------------------------------------------------------------
    def _on_idle_idle(self) -> None:
        if self.w.current_screen() == "welcome":  # nothing to lose: no question, no overlay
            w = self.w
            if w.welcome.stage != "attract" or i18n.current_language() != w.default_language:
                self.reset(cancel_order=False)
            return
        screen = self.w.screens[self.w.current_screen()]
        if not screen.idle_watch or self.w.busy_overlay.isVisible():
            return
        self.w.idle.stop()
        self.w.idle_overlay.open(self.w.idle_panel)
        self.w.idle_panel.begin(self.idle_warning_ms())

    def _on_idle_panel_still_here(self) -> None:
        self.w.idle_overlay.close_overlay()
        self.w.idle.set_timeout(self.idle_ms())
        self.w.idle.start()

    def _on_idle_panel_expired(self) -> None:
        log.info("customer idle: starting over, nothing saved")
        self.leave()

    def _on_idle_panel_start_over(self) -> None:
        self.leave()

    # -- live changes from staff ----------------------------------------------------------------
    def _on_events_menu_changed(self, _event: object) -> None:
        screen = self.w.current_screen()
        if screen in ("welcome", "menu", "review"):
            self._load_menu()
            self._refresh_cart()
            self._refresh_options_sheet()
        elif screen in ("member", "signup"):
            before = self.cart.order_lines()
            self._load_menu()
            self._refresh_cart()
            if self.cart.order_lines() == before:
                self._update_member_rules()  # new prices: new "To pay", new slider maximum
                return
            log.info("the menu changed under the customer: back to Review")

            def text() -> str:
                return translate("Errors", "Sorry, an item in your order just sold out.")

            if not self.cart:
                self.w.menu.show_notice(text)
                self.go("menu")
            else:
                self.w.review.show_notice(text)
                self.go("review")

    def _refresh_options_sheet(self) -> None:
        """An open options sheet shows the dish as it is now, or closes when it is gone."""
        sheet = self.w.options
        if not self.w.sheet_overlay.isVisible() or sheet.item is None:
            return
        item = self.items.get(sheet.item.id)
        if item is None or not item.on_sale or not item.option_groups:
            self.w.sheet_overlay.close_overlay()
            return
        if item != sheet.item:
            sheet.set_item(item, keep_choices=True)

    def _on_events_settings_changed(self, _event: object) -> None:
        self._apply_store_settings()

    # -- dialogs --------------------------------------------------------------------------------
    def _default_ask(self, question: str, yes: str, no: str) -> bool:
        from kiosk.ui.widgets.confirm import confirm

        return confirm(self.w, question, yes, no)
