"""The controller: connects the screens' signals to the store and moves between screens.

Views never call services; this object does, with plain values in and out. Payments,
PromptPay polling and receipts run on a thread pool and come back by signal. Every
customer session has a number: results that arrive after the customer walked away (idle,
start over) are ignored.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kiosk.db.faults import needs_staff, without_tracebacks
from kiosk.services.errors import (
    DatabaseBusy,
    InvalidCard,
    InvalidOrder,
    ItemUnavailable,
    MemberExists,
    ServiceError,
)
from kiosk.services.menu import is_drink
from kiosk.services.money import max_redeemable
from kiosk.services.payments import (
    PaymentResult,
    PendingPromptPay,
    is_demo_target,
    promptpay_target,
)
from kiosk.services.views import MemberView, MenuItemView, OrderView, QuoteView
from kiosk.ui import i18n
from kiosk.ui.cart import Cart, CartLine
from kiosk.ui.messages import (
    Text,
    busy_text,
    card_error_text,
    cart_full_text,
    error_text,
    fault_text,
    render,
)
from kiosk.ui.qt_events import QtEvents
from kiosk.ui.receipt import receipt_path, write_order_receipt
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


class KioskFlow(QObject):
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

    # -- header, welcome ------------------------------------------------------------------------
    def _on_header_language_chosen(self, lang: str) -> None:
        self.w.set_language(lang)

    def _on_welcome_language_chosen(self, lang: str) -> None:
        self.w.set_language(lang)

    def _on_header_start_over_clicked(self) -> None:
        if self.cart or self.order:
            question = translate("KioskFlow", "Start over? Your order will be cleared.")
            yes = translate("KioskFlow", "Yes, start over")
            no = translate("KioskFlow", "No, keep my order")
            session = self.session
            if not self.ask(question, yes, no):
                return
            # the dialog is modal but polling goes on underneath: when the order was paid
            # (or the kiosk moved on) meanwhile, the customer keeps their order number
            if self._paid_or_moved_on(session):
                log.info("Start over ignored: the order was paid while the question was open")
                return
        self.leave()

    def _paid_or_moved_on(self, session: int) -> bool:
        """The order got its number while the question was open (paid, or waiting at the
        counter), or the session ended: a late "Yes" must not take that away."""
        if session != self.session:
            return True
        if self.w.current_screen() == "result" and self.w.result.kind != "failed":
            return True
        return self.last_result is not None and self.last_result.success

    def _on_welcome_mode_chosen(self, mode: str) -> None:
        self.mode = mode
        self.table_number = ""
        asks = self.settings.kiosk.table_numbers
        if mode == "dine_in" and asks != "none":
            self.w.welcome.ask_table(asks, self.settings.kiosk.table_number_required)
            self.w.tap_guard.arm()
            return
        self.go("menu")

    def _on_welcome_table_chosen(self, number: str) -> None:
        if not number and self.settings.kiosk.table_number_required:
            return
        self.table_number = number
        self.go("menu")

    # -- menu and cart --------------------------------------------------------------------------
    def _load_menu(self) -> None:
        categories = self.store.menu.categories()
        items = self.store.menu.items()
        self.items = {i.id: i for i in items}
        self.w.menu.set_menu(categories, items)
        self.w.welcome.set_showcase([i.image for i in items if i.on_sale])

    def _refresh_cart(self) -> None:
        quote = None
        if self.cart:
            try:
                quote = self.store.orders.quote(self.cart.order_lines(), member=True)
            except ServiceError as exc:
                self._load_menu()
                self.cart.lines = [line for line in self.cart.lines if self._still_sold(line)]
                log.info("cart repriced after a menu change: %s", exc)
                quote = self._quote_repaired()
        self.quote = quote
        editable = frozenset(
            i
            for i, line in enumerate(self.cart.lines)
            if (item := self.items.get(line.item_id)) is not None and item.option_groups
        )
        self.w.menu.set_cart(quote, self.cart.count, editable)
        self.w.review.set_quote(quote, self.items)
        self._refresh_upsell()

    def _quote_repaired(self) -> QuoteView | None:
        """Quote the repaired cart; a service error never reaches the global hook: lines the
        service still refuses are dropped from the end (never more than needed)."""
        while self.cart:
            try:
                return self.store.orders.quote(self.cart.order_lines(), member=True)
            except ServiceError as exc:
                log.warning("cart still refused after the repair, dropping a line: %s", exc)
                self.cart.lines.pop()
        return None

    def _add_to_cart(
        self, item_id: int, options: list[int] | tuple[int, ...] = (), qty: int = 1
    ) -> None:
        if self.cart.add(item_id, options, qty) < 0:
            self.w.menu.show_notice(cart_full_text)
            return
        self.w.menu.show_notice(None)
        self._refresh_cart()
        self._offer_upsell()

    def _still_sold(self, line: CartLine) -> bool:
        """The dish is on sale and every option chosen for it still exists and is on sale
        (staff may have removed an option while it sat in a cart)."""
        item = self.items.get(line.item_id)
        if item is None or not item.on_sale:
            return False
        on_sale = {o.id for g in item.option_groups for o in g.options if o.available}
        if not set(line.options) <= on_sale:
            return False
        try:  # e.g. a new required choice without a default
            self.store.orders.quote([line.as_order_line()], member=False)
        except ServiceError:
            return False
        return True

    def _on_menu_category_chosen(self, category_id: int) -> None:
        self.w.menu.show_category(category_id)

    def _on_menu_item_clicked(self, item_id: int) -> None:
        item = self.items.get(item_id)
        if item is None or not item.on_sale:
            return
        if item.needs_choice:  # e.g. a required spice level without a default
            self.editing_line = None
            self.w.options.set_item(item)
            self.w.sheet_overlay.open(self.w.options)
            self.w.tap_guard.arm()  # a double tap's second tap must not choose an option
        else:  # one tap: in the cart with its defaults, changed from the cart if wanted
            self._add_to_cart(item.id, item.default_options())

    def _on_menu_cart_edit_requested(self, index: int) -> None:
        if not 0 <= index < len(self.cart.lines):
            return
        line = self.cart.lines[index]
        item = self.items.get(line.item_id)
        if item is None or not item.option_groups:
            return
        self.editing_line = index
        self.w.options.set_item(item, chosen=line.options, quantity=line.quantity)
        self.w.sheet_overlay.open(self.w.options)
        self.w.tap_guard.arm()

    def _on_options_confirmed(self, item_id: int, options: list[int], quantity: int) -> None:
        self.w.sheet_overlay.close_overlay()
        index, self.editing_line = self.editing_line, None
        lines = self.cart.lines
        if index is not None and 0 <= index < len(lines) and lines[index].item_id == item_id:
            self.cart.replace(index, options, quantity)
            self.w.menu.show_notice(None)
            self._refresh_cart()
            return
        self._add_to_cart(item_id, options, quantity)

    def _on_options_cancelled(self) -> None:
        self.editing_line = None
        self.w.sheet_overlay.close_overlay()

    def _on_menu_cart_quantity_changed(self, index: int, quantity: int) -> None:
        self.cart.set_quantity(index, quantity)
        self._refresh_cart()

    def _on_menu_checkout_clicked(self) -> None:
        """Straight to points and paying: the order is on the member screen's summary, and
        its "See order" opens Review for anyone who wants to check it line by line."""
        if not self.cart or self.quote is None:
            return
        self._update_member_rules()
        self.go("member")

    # -- upsell: the cart's "Add a drink?" strip -------------------------------------------------
    def _connect_upsell(self) -> None:
        # "waiting" until the first dish goes in, "shown", then "done" for this order
        self.upsell_state = "waiting"
        self.w.menu.upsell_chosen.connect(self._on_menu_upsell_chosen)
        self.w.menu.upsell_dismissed.connect(self._on_menu_upsell_dismissed)
        self.session_reset.connect(self._on_session_reset)

    def upsell_suggestions(self) -> list[MenuItemView]:
        """Dishes staff flagged "suggest with orders", on sale, not in the cart and addable
        with one tap (their default options), in menu order; at most three."""
        in_cart = {line.item_id for line in self.cart.lines}
        found = [
            item
            for item in self.items.values()
            if item.upsell and item.on_sale and item.id not in in_cart and not item.needs_choice
        ]
        return found[:3]

    def _show_upsell(self, items: list[MenuItemView]) -> None:
        self.w.menu.show_upsell(items, drinks=all(is_drink(i) for i in items))

    def _offer_upsell(self) -> None:
        """After a customer's first dish: offer the flagged dishes, once per order."""
        if self.upsell_state != "waiting" or not self.cart:
            return
        items = self.upsell_suggestions()
        if items:
            self.upsell_state = "shown"
            self._show_upsell(items)

    def _refresh_upsell(self) -> None:
        """The strip follows the cart and the menu: a dish that sold out or went into the
        cart leaves it; an emptied cart (or nothing left to offer) ends the offer."""
        if self.upsell_state != "shown":
            return
        items = self.upsell_suggestions() if self.cart else []
        if not items:
            self._end_upsell()
            return
        self._show_upsell(items)

    def _end_upsell(self) -> None:
        self.upsell_state = "done"
        self.w.menu.hide_upsell()

    def _on_menu_upsell_chosen(self, item_id: int) -> None:
        if self.upsell_state != "shown":
            return
        item = self.items.get(item_id)
        if item is None or not item.on_sale or item.needs_choice:
            self._refresh_upsell()  # sold out or changed since it was offered
            return
        self._end_upsell()
        self._add_to_cart(item.id, item.default_options())

    def _on_menu_upsell_dismissed(self) -> None:
        self._end_upsell()

    def _on_session_reset(self) -> None:
        """The next customer gets the offer again."""
        self.upsell_state = "waiting"
        self.w.menu.hide_upsell()

    # -- review ---------------------------------------------------------------------------------
    def _on_review_quantity_changed(self, index: int, quantity: int) -> None:
        self.cart.set_quantity(index, quantity)
        self._refresh_cart()
        if not self.cart:
            self.go("menu")

    def _on_review_line_removed(self, index: int) -> None:
        self.cart.remove(index)
        self._refresh_cart()
        if not self.cart:
            self.go("menu")

    def _on_review_back_clicked(self) -> None:
        self.go("menu")

    def _on_review_checkout_clicked(self) -> None:
        if not self.cart or self.quote is None:
            return
        self.w.review.show_notice(None)
        self._update_member_rules()
        self.go("member")

    def _update_member_rules(self) -> None:
        """The member screen's "To pay" and the redeem slider follow the current quote."""
        if self.quote is None:
            return
        s = self.settings
        self.w.member.set_rules(
            s.loyalty.redeem_points_per_baht, s.loyalty.baht_per_point, self.quote.total
        )
        self.w.member.set_order(self.cart.count, *self._payment_choices())
        if self.member is not None:
            self.w.member.show_member(
                self.member, self._max_redeem(self.member), self.w.member.redeem
            )

    # -- member ---------------------------------------------------------------------------------
    def _max_redeem(self, member: MemberView) -> int:
        total = self.quote.total if self.quote else Decimal(0)
        return max_redeemable(total, member.points, self.settings.loyalty.redeem_points_per_baht)

    def _on_member_lookup_requested(self, digits: str) -> None:
        try:
            member = self.store.customers.find_by_phone(digits)
        except ServiceError as exc:
            self.w.member.show_error(lambda e=exc: error_text(e))
            return
        if member is None:
            self.member = None
            self.w.member.show_not_found()
            self.member_not_found.emit(digits)
            return
        self.member = member
        self.w.member.show_member(member, self._max_redeem(member))
        self.member_found.emit(member)

    def _on_member_change_clicked(self) -> None:
        self.member = None
        self.w.member.reset()

    def _on_member_skip_clicked(self) -> None:
        self.member = None
        self._place_order(None, 0)

    def _on_member_pay_clicked(self, method: str, points: int) -> None:
        """A payment method chosen beside the member's points: the order is placed and
        paid the same way as from the payment screen, one screen sooner."""
        if self.member is None:
            self._place_order(None, 0, method)
        else:
            self._place_order(self.member.phone, points, method)

    def _on_member_review_clicked(self) -> None:
        if self.cart:
            self.go("review")

    def _on_member_signup_clicked(self, digits: str) -> None:
        self.w.signup.reset(digits, i18n.current_language())
        self.go("signup")

    def _on_signup_submitted(self, digits: str, first_name: str, consent: bool) -> None:
        try:
            member = self.store.customers.register(digits, first_name, sms_marketing=consent)
        except MemberExists:
            member = self.store.customers.find_by_phone(digits)
            if member is None:  # pragma: no cover - raced with a delete
                return
        except ServiceError as exc:
            self.w.signup.show_error(lambda e=exc: error_text(e))
            return
        else:
            self.member_registered.emit(member)
        self.member = member
        self.w.member.set_phone(digits)
        self.w.member.show_member(member, self._max_redeem(member))
        self.go("member")

    def _on_signup_back_clicked(self) -> None:
        self.go("member")

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
