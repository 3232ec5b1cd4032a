"""The customer's way to an order: Welcome, the menu and cart (with the "Add a drink?"
strip), the review and the member screens, as steps of the kiosk's controller."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.services.errors import (
    MemberExists,
    ServiceError,
)
from kiosk.services.menu import is_drink
from kiosk.services.money import max_redeemable
from kiosk.services.views import MemberView, MenuItemView, QuoteView
from kiosk.ui import i18n
from kiosk.ui.cart import CartLine
from kiosk.ui.messages import (
    cart_full_text,
    error_text,
)

if TYPE_CHECKING:
    pass


log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class OrderingSteps:
    """Mixed into :class:`kiosk.ui.flow.KioskFlow`; uses its state (``self.w``,
    ``self.store``, ``self.cart``, ``self.session``...) and signals."""

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
