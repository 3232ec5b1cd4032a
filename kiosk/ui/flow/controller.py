"""The kiosk's coordinator, :class:`KioskFlow`: builds the small controllers, one per
concern, hands each the screens and services it needs, and wires what passes between
them; it keeps navigation, the customer's leaving, the error screen and staff's live
changes.

Views never call services; the controllers do, with plain values in and out. Payments,
PromptPay polling and receipts run on a thread pool and come back by signal. Every
customer session has a number: results that arrive after the customer walked away (idle,
start over) are ignored (:class:`kiosk.ui.flow.session.SessionTasks`).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kiosk.db.faults import without_tracebacks
from kiosk.services.errors import DatabaseBusy
from kiosk.services.money import format_thb
from kiosk.services.payments import PaymentResult, PendingPromptPay
from kiosk.services.views import MemberView, MenuItemView, OrderView, QuoteView
from kiosk.ui import i18n
from kiosk.ui.cart import Cart
from kiosk.ui.flow.cart import CartController
from kiosk.ui.flow.idle import IdleController
from kiosk.ui.flow.member import MemberController
from kiosk.ui.flow.payment import PaymentController
from kiosk.ui.flow.result import ReceiptController, ResultController
from kiosk.ui.flow.session import Ask, Session, SessionTasks, Timeouts, Timing
from kiosk.ui.messages import Text, fault_text, price_changed_text
from kiosk.ui.qt_events import QtEvents
from kiosk.ui.workers import TaskRunner

if TYPE_CHECKING:
    from kiosk.app import Store
    from kiosk.ui.main_window import MainWindow

__all__ = ["Ask", "KioskFlow", "Timing"]

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class KioskFlow(QObject):
    """The kiosk's public face (``window.flow``): its signals, the session's state as
    read-only properties, and the controllers (``cart_controller``, ``member_controller``,
    ``payment_controller``, ``result_controller``, ``receipt_controller``,
    ``idle_controller``)."""

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
        self.session = Session()
        settings = store.current_settings
        self.timeouts = Timeouts(timing, settings)
        tasks = SessionTasks(self.runner, self.session)
        w = window
        self.cart_controller = CartController(
            store.menu,
            store.orders,
            menu=w.menu,
            review=w.review,
            welcome=w.welcome,
            options=w.options,
            sheet_overlay=w.sheet_overlay,
            tap_guard=w.tap_guard,
            go=self.go,
            parent=self,
        )
        self.idle_controller = IdleController(
            self.timeouts,
            idle=w.idle,
            idle_overlay=w.idle_overlay,
            idle_panel=w.idle_panel,
            busy_overlay=w.busy_overlay,
            welcome=w.welcome,
            host=w,
            default_language=lambda: w.default_language,
            customised=lambda: w.access.large_text or w.access.reach,
            parent=self,
        )
        self.receipt_controller = ReceiptController(
            self.session, tasks, store.receipts, settings, result=w.result, parent=self
        )
        self.result_controller = ResultController(
            self.session,
            store.orders,
            self.timeouts,
            self.receipt_controller,
            result=w.result,
            go=self.go,
            parent=self,
        )
        self.payment_controller = PaymentController(
            self.session,
            tasks,
            store.orders,
            store.payments,
            settings,
            self.timeouts,
            self.cart_controller,
            self.result_controller,
            db_url=store.db.url,
            payment=w.payment,
            card=w.card,
            promptpay=w.promptpay,
            member=w.member,
            menu=w.menu,
            review=w.review,
            busy_overlay=w.busy_overlay,
            busy_panel=w.busy,
            idle=w.idle,
            host=w,
            go=self.go,
            show_error_screen=self.show_error_screen,
            parent=self,
        )
        self.member_controller = MemberController(
            self.session,
            store.customers,
            settings,
            self.cart_controller,
            member=w.member,
            signup=w.signup,
            go=self.go,
            place_order=self.payment_controller.place_order,
            parent=self,
        )
        self._connect()

    # -- wiring ---------------------------------------------------------------------------------
    def _connect(self) -> None:
        w = self.w
        w.header.language_chosen.connect(self._on_header_language_chosen)
        w.header.start_over_clicked.connect(self._on_header_start_over_clicked)
        w.welcome.language_chosen.connect(self._on_welcome_language_chosen)
        w.welcome.mode_chosen.connect(self._on_welcome_mode_chosen)
        w.welcome.table_chosen.connect(self._on_welcome_table_chosen)
        w.error.back_clicked.connect(self._on_error_back_clicked)
        w.closing.connect(self.shutdown)
        self.events.menu_changed.connect(self._on_events_menu_changed)
        self.events.settings_changed.connect(self._on_events_settings_changed)
        self.cart_controller.checkout_requested.connect(self.member_controller.open)
        self.result_controller.finished.connect(self._on_result_finished)
        self.result_controller.retry_requested.connect(self._on_result_retry_requested)
        self.result_controller.cancel_requested.connect(self.leave)
        self.idle_controller.left.connect(self.leave)
        self.idle_controller.welcome_idle.connect(self._on_idle_controller_welcome_idle)
        # the controllers' news, as the kiosk's own signals
        self.payment_controller.order_created.connect(self.order_created)
        self.result_controller.order_paid.connect(self.order_paid)
        self.result_controller.payment_failed.connect(self.payment_failed)
        self.member_controller.member_found.connect(self.member_found)
        self.member_controller.member_not_found.connect(self.member_not_found)
        self.member_controller.member_registered.connect(self.member_registered)
        self.receipt_controller.receipt_saved.connect(self.receipt_saved)

    # -- the session's state, read-only (each has one owner) ------------------------------------
    @property
    def cart(self) -> Cart:
        return self.cart_controller.cart

    @property
    def items(self) -> dict[int, MenuItemView]:
        return self.cart_controller.items

    @property
    def quote(self) -> QuoteView | None:
        return self.cart_controller.quote

    @property
    def mode(self) -> str:
        return self.session.mode

    @property
    def table_number(self) -> str:
        return self.session.table_number

    @property
    def member(self) -> MemberView | None:
        return self.session.member

    @property
    def order(self) -> OrderView | None:
        return self.session.order

    @property
    def pending(self) -> PendingPromptPay | None:
        return self.session.pending

    @property
    def attempt_key(self) -> str:
        return self.session.attempt_key

    @property
    def last_result(self) -> PaymentResult | None:
        return self.session.last_result

    @property
    def receipt(self) -> Path | None:
        return self.session.receipt

    @property
    def poll_timer(self) -> QTimer:
        return self.payment_controller.poll_timer

    def _refresh_cart(self) -> None:
        self.cart_controller.refresh()

    def _show_failure(self, reason: Text) -> None:
        self.result_controller.show_failure(reason)

    # -- settings -------------------------------------------------------------------------------
    def _apply_store_settings(self) -> None:
        s = self.store.current_settings()
        self.w.header.set_store(s.store.name_th, s.store.name)
        self.w.welcome.set_store(s.store.name_th, s.store.name)
        rate = f"{s.store.vat_rate.normalize():f}"
        self.w.menu.set_vat_rate(rate)
        self.w.review.vat_rate = rate
        self.w.review.retranslate_ui()

    def _on_events_settings_changed(self, _event: object) -> None:
        self._apply_store_settings()

    # -- navigation -----------------------------------------------------------------------------
    def start(self) -> None:
        self._apply_store_settings()
        self.reset(cancel_order=False)

    def go(self, name: str) -> None:
        w = self.w
        if name != "card":  # the card's number never stays in memory off its screen
            w.card.wipe()
        w.show_screen(name)
        self.idle_controller.follow(name)
        self.screen_shown.emit(name)

    def _stop_everything(self) -> None:
        """No countdown, no status check, no overlay left running."""
        w = self.w
        self.payment_controller.stop()
        self.result_controller.stop()
        self.idle_controller.stop()
        for overlay in (w.sheet_overlay, w.busy_overlay, w.idle_overlay):
            overlay.close_overlay()

    def reset(self, cancel_order: bool = True) -> None:
        """Back to Welcome for the next customer. With ``cancel_order``, an unpaid order is
        cancelled so its redeemed points go back; a paid one is never touched."""
        self.session.number += 1
        self._stop_everything()
        if cancel_order:
            self.payment_controller.abandon_order()
        self.session.clear()
        self.cart_controller.clear()
        self.member_controller.clear()
        self.payment_controller.clear()
        w = self.w
        w.welcome.show_stage("attract")
        w.access.reset()  # (also when Welcome was already on the screen)
        default = w.default_language
        if i18n.current_language() != default:
            w.set_language(default)
        self.cart_controller.load_menu()
        self.cart_controller.refresh()
        self.go("welcome")
        self.cart_controller.new_customer()
        self.session_reset.emit()

    def leave(self) -> None:
        """The customer walks away (Start over, idle, Cancel order): back to Welcome with the
        unpaid order cancelled. A PromptPay QR on screen is cancelled first, the same way as
        its Cancel button: when the bank confirmed just before, the customer gets the Result
        screen with their order number instead."""
        pending = self.session.pending
        if pending is None:
            self.reset(cancel_order=True)
            return
        self.payment_controller.stop()
        self.idle_controller.dismiss()
        self.payment_controller.cancel_as_customer_leaves(
            pending, lambda: self.reset(cancel_order=True)
        )

    def shutdown(self) -> None:
        self.payment_controller.poll_timer.stop()
        self.runner.wait(5000)
        self.events.close()

    def _on_result_finished(self) -> None:
        self.reset(cancel_order=False)

    def _on_idle_controller_welcome_idle(self) -> None:
        self.reset(cancel_order=False)

    def _on_result_retry_requested(self) -> None:
        if self.session.order is None:
            self.reset(cancel_order=False)
            return
        self.session.new_attempt()
        self.payment_controller.show_payment("")

    # -- header, welcome ------------------------------------------------------------------------
    def _on_header_language_chosen(self, lang: str) -> None:
        self.w.set_language(lang)

    def _on_welcome_language_chosen(self, lang: str) -> None:
        self.w.set_language(lang)

    def _on_header_start_over_clicked(self) -> None:
        if self.cart or self.session.order:
            question = translate("KioskFlow", "Start over? Your order will be cleared.")
            yes = translate("KioskFlow", "Yes, start over")
            no = translate("KioskFlow", "No, keep my order")
            number = self.session.number
            if not self.ask(question, yes, no):
                return
            # the dialog is modal but polling goes on underneath: when the order was paid
            # (or the kiosk moved on) meanwhile, the customer keeps their order number
            if self._paid_or_moved_on(number):
                log.info("Start over ignored: the order was paid while the question was open")
                return
        self.leave()

    def _paid_or_moved_on(self, number: int) -> bool:
        """The order got its number while the question was open (paid, or waiting at the
        counter), or the session ended: a late "Yes" must not take that away."""
        if number != self.session.number:
            return True
        if self.w.current_screen() == "result" and self.w.result.kind != "failed":
            return True
        last = self.session.last_result
        return last is not None and last.success

    def _on_welcome_mode_chosen(self, mode: str) -> None:
        self.session.mode = mode
        self.session.table_number = ""
        kiosk = self.store.current_settings().kiosk
        if mode == "dine_in" and kiosk.table_numbers != "none":
            self.w.welcome.ask_table(kiosk.table_numbers, kiosk.table_number_required)
            self.w.tap_guard.arm()
            return
        self.go("menu")

    def _on_welcome_table_chosen(self, number: str) -> None:
        if not number and self.store.current_settings().kiosk.table_number_required:
            return
        self.session.table_number = number
        self.go("menu")

    # -- the error screen -----------------------------------------------------------------------
    def show_error_screen(self, exc: BaseException | None = None) -> None:
        """The calm 'ask staff' screen (the global exception hook calls this). For a
        database fault (full disk, read-only or damaged file...) it tells staff what to do
        and keeps the cart: its button goes back to the order once the fault is fixed."""
        fault = exc is not None and isinstance(exc, DatabaseBusy | sqlite3.Error | OSError)
        if exc is not None:
            exc = without_tracebacks(exc)  # logged already; kept only for its message
        keeps = fault and bool(self.cart) and self.payment_controller.order_still_open()
        self.w.error.show_fault(
            (lambda e=exc: fault_text(e, self.store.db.url)) if fault else None, keeps
        )
        self._stop_everything()
        self.session.number += 1
        self.go("error")

    def _on_error_back_clicked(self) -> None:
        if not self.w.error.keeps_order:
            self.leave()
            return
        # the fault is fixed (or this raises again and the error screen comes back)
        self.cart_controller.load_menu()
        self.cart_controller.refresh()
        self.go("review" if self.cart else "menu")

    # -- live changes from staff ----------------------------------------------------------------
    def _on_events_menu_changed(self, _event: object) -> None:
        cart = self.cart_controller
        screen = self.w.current_screen()
        if screen in ("welcome", "menu", "review"):
            lines, was = cart.cart.order_lines(), cart.quote.total if cart.quote else None
            cart.load_menu()
            cart.refresh()
            cart.refresh_options_sheet()
            now = cart.quote.total if cart.quote else None
            same_dishes = cart.cart.order_lines() == lines
            if was is not None and now is not None and now != was and same_dishes:
                total = format_thb(now)  # the same dishes at another price: said, not hidden
                view = self.w.review if screen == "review" else self.w.menu
                view.show_notice(lambda: price_changed_text(total))
        elif screen in ("member", "signup"):
            before = cart.cart.order_lines()
            cart.load_menu()
            cart.refresh()
            if cart.cart.order_lines() == before:
                self.member_controller.update_rules()  # new prices: new "To pay", new max
                return
            log.info("the menu changed under the customer: back to Review")

            def text() -> str:
                return translate("Errors", "Sorry, an item in your order just sold out.")

            if not cart.cart:
                self.w.menu.show_notice(text)
                self.go("menu")
            else:
                self.w.review.show_notice(text)
                self.go("review")

    # -- dialogs --------------------------------------------------------------------------------
    def _default_ask(self, question: str, yes: str, no: str) -> bool:
        from kiosk.ui.widgets.confirm import confirm

        return confirm(self.w, question, yes, no)
