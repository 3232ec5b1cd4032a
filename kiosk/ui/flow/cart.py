"""The cart's controller: the menu as on sale now, the customer's cart and its quote, the
options sheet (adding a dish or changing a cart line), the "Add a drink?" strip and the
Review screen."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.services.errors import ServiceError
from kiosk.services.menu import is_drink
from kiosk.services.views import MenuItemView, QuoteView
from kiosk.ui.cart import MAX_QUANTITY, Cart, CartLine
from kiosk.ui.flow.session import Go, OverlayView, TapGuard
from kiosk.ui.messages import Text, cart_full_text, quantity_cap_text

if TYPE_CHECKING:
    from kiosk.services.menu import MenuService
    from kiosk.services.orders import OrderService
    from kiosk.ui.screens.menu import MenuScreen
    from kiosk.ui.screens.review import ReviewScreen
    from kiosk.ui.screens.welcome import WelcomeScreen
    from kiosk.ui.widgets.options_sheet import OptionsSheet

log = logging.getLogger(__name__)


class CartController(QObject):
    """Owns the cart, the line being changed, the menu's items and the current quote."""

    #: the customer goes on from the menu or Review to points and paying
    checkout_requested = Signal()

    def __init__(
        self,
        menu_service: MenuService,
        orders: OrderService,
        *,
        menu: MenuScreen,
        review: ReviewScreen,
        welcome: WelcomeScreen,
        options: OptionsSheet,
        sheet_overlay: OverlayView,
        tap_guard: TapGuard,
        go: Go,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.menu_service = menu_service
        self.orders = orders
        self.menu = menu
        self.review = review
        self.welcome = welcome
        self.options = options
        self.sheet_overlay = sheet_overlay
        self.tap_guard = tap_guard
        self.go = go
        self.cart = Cart()
        #: the cart line the options sheet is changing (None: the sheet adds a dish)
        self.editing_line: int | None = None
        self._covered: dict[int, Text | None] = {}  # what a cap notice hid
        self.items: dict[int, MenuItemView] = {}
        self.quote: QuoteView | None = None
        # "waiting" until the first dish goes in, "shown", then "done" for this order
        self.upsell_state = "waiting"
        menu.item_clicked.connect(self._on_menu_item_clicked)
        menu.category_chosen.connect(self._on_menu_category_chosen)
        menu.cart_quantity_changed.connect(self._on_menu_cart_quantity_changed)
        menu.checkout_clicked.connect(self._on_menu_checkout_clicked)
        menu.cart_edit_requested.connect(self._on_menu_cart_edit_requested)
        options.confirmed.connect(self._on_options_confirmed)
        options.cancelled.connect(self._on_options_cancelled)
        review.quantity_changed.connect(self._on_review_quantity_changed)
        review.line_removed.connect(self._on_review_line_removed)
        review.back_clicked.connect(self._on_review_back_clicked)
        review.checkout_clicked.connect(self._on_review_checkout_clicked)
        menu.upsell_chosen.connect(self._on_menu_upsell_chosen)
        menu.upsell_dismissed.connect(self._on_menu_upsell_dismissed)

    # -- the menu and the cart ------------------------------------------------------------------
    def clear(self) -> None:
        """An empty cart for the next customer (the menu is reloaded by the caller)."""
        self.cart.clear()
        self.editing_line = None
        self._covered.clear()
        self.quote = None
        self.menu.show_notice(None)
        self.review.show_notice(None)

    def load_menu(self) -> None:
        categories = self.menu_service.categories()
        items = self.menu_service.items()
        self.items = {i.id: i for i in items}
        self.menu.set_menu(categories, items)
        self.welcome.set_showcase([i.image for i in items if i.on_sale])

    def refresh(self) -> None:
        """Quote the cart and show it on the menu's cart and Review."""
        quote = None
        if self.cart:
            try:
                quote = self.orders.quote(self.cart.order_lines(), member=True)
            except ServiceError as exc:
                self.load_menu()
                self.cart.lines = [line for line in self.cart.lines if self.still_sold(line)]
                log.info("cart repriced after a menu change: %s", exc)
                quote = self._quote_repaired()
        self.quote = quote
        editable = frozenset(
            i
            for i, line in enumerate(self.cart.lines)
            if (item := self.items.get(line.item_id)) is not None and item.option_groups
        )
        self.menu.set_cart(quote, self.cart.count, editable)
        self.review.set_quote(quote, self.items)
        self._refresh_upsell()

    def show_review(self, points: int = 0) -> None:
        """Review as the order will be: with the ``points`` a member chose on the member
        page (their discount, the service charge and what is left to pay), else the cart
        as quoted."""
        quote = self.quote
        if points and self.cart:
            try:
                lines = self.cart.order_lines()
                quote = self.orders.quote(lines, member=True, redeem_points=points)
            except ServiceError as exc:  # the menu changed: the plain quote, as refresh has it
                log.info("review without the points: %s", exc)
        self.review.set_quote(quote, self.items)

    def repair(self) -> None:
        """Drop the lines the current menu no longer sells as chosen and re-quote."""
        self.load_menu()
        self.cart.lines = [line for line in self.cart.lines if self.still_sold(line)]
        self.refresh()

    def _quote_repaired(self) -> QuoteView | None:
        """Quote the repaired cart; a service error never reaches the global hook: lines the
        service still refuses are dropped from the end (never more than needed)."""
        while self.cart:
            try:
                return self.orders.quote(self.cart.order_lines(), member=True)
            except ServiceError as exc:
                log.warning("cart still refused after the repair, dropping a line: %s", exc)
                self.cart.lines.pop()
        return None

    def _add(self, item_id: int, options: list[int] | tuple[int, ...] = (), qty: int = 1) -> None:
        at = self.cart.find(item_id, options)
        had = self.cart.lines[at].quantity if at >= 0 else 0
        if self.cart.add(item_id, options, qty) < 0:
            self.menu.show_notice(cart_full_text)
            return
        # more than a line holds: say so, never drop the extra taps without a word
        self.menu.show_notice(quantity_cap_text if had + qty > MAX_QUANTITY else None)
        self.refresh()
        self._offer_upsell()

    def _say_cap(self, screen: MenuScreen | ReviewScreen, capped: bool) -> None:
        """A tap past :data:`MAX_QUANTITY` is said, not dropped without a word; the next
        tap takes the words away again and brings back the notice they covered (a dish
        that sold out, say)."""
        shown = screen.shown_notice()
        if capped and shown is not quantity_cap_text:
            self._covered[id(screen)] = shown
            screen.show_notice(quantity_cap_text)
        elif not capped and shown is quantity_cap_text:
            screen.show_notice(self._covered.pop(id(screen), None))

    def still_sold(self, line: CartLine) -> bool:
        """The dish is on sale and every option chosen for it still exists and is on sale
        (staff may have removed an option while it sat in a cart)."""
        item = self.items.get(line.item_id)
        if item is None or not item.on_sale:
            return False
        on_sale = {o.id for g in item.option_groups for o in g.options if o.available}
        if not set(line.options) <= on_sale:
            return False
        try:  # e.g. a new required choice without a default
            self.orders.quote([line.as_order_line()], member=False)
        except ServiceError:
            return False
        return True

    def refresh_options_sheet(self) -> None:
        """An open options sheet shows the dish as it is now, or closes when it is gone."""
        sheet = self.options
        if not self.sheet_overlay.isVisible() or sheet.item is None:
            return
        item = self.items.get(sheet.item.id)
        if item is None or not item.on_sale or not item.option_groups:
            self.sheet_overlay.close_overlay()
            return
        if item != sheet.item:
            sheet.set_item(item, keep_choices=True)

    def _on_menu_category_chosen(self, category_id: int) -> None:
        self.menu.show_category(category_id)

    def _on_menu_item_clicked(self, item_id: int) -> None:
        item = self.items.get(item_id)
        if item is None or not item.on_sale:
            return
        if item.needs_choice:  # e.g. a required spice level without a default
            self.editing_line = None
            self.options.set_item(item)
            self.sheet_overlay.open(self.options)
            self.tap_guard.arm()  # a double tap's second tap must not choose an option
        else:  # one tap: in the cart with its defaults, changed from the cart if wanted
            self._add(item.id, item.default_options())

    def _on_menu_cart_edit_requested(self, index: int) -> None:
        if not 0 <= index < len(self.cart.lines):
            return
        line = self.cart.lines[index]
        item = self.items.get(line.item_id)
        if item is None or not item.option_groups:
            return
        self.editing_line = index
        self.options.set_item(item, chosen=line.options, quantity=line.quantity)
        self.sheet_overlay.open(self.options)
        self.tap_guard.arm()

    def _on_options_confirmed(self, item_id: int, options: list[int], quantity: int) -> None:
        self.sheet_overlay.close_overlay()
        index, self.editing_line = self.editing_line, None
        lines = self.cart.lines
        if index is not None and 0 <= index < len(lines) and lines[index].item_id == item_id:
            self.cart.replace(index, options, quantity)
            self.menu.show_notice(None)
            self.refresh()
            return
        self._add(item_id, options, quantity)

    def _on_options_cancelled(self) -> None:
        self.editing_line = None
        self.sheet_overlay.close_overlay()

    def _on_menu_cart_quantity_changed(self, index: int, quantity: int) -> None:
        self.cart.set_quantity(index, quantity)
        self._say_cap(self.menu, quantity > MAX_QUANTITY)
        self.refresh()

    def _on_menu_checkout_clicked(self) -> None:
        """Straight to points and paying: the order is on the member screen's summary, and
        its "See order" opens Review for anyone who wants to check it line by line."""
        if not self.cart or self.quote is None:
            return
        self.checkout_requested.emit()

    # -- upsell: the cart's "Add a drink?" strip -------------------------------------------------
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
        self.menu.show_upsell(items, drinks=all(is_drink(i) for i in items))

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
        self.menu.hide_upsell()

    def _on_menu_upsell_chosen(self, item_id: int) -> None:
        if self.upsell_state != "shown":
            return
        item = self.items.get(item_id)
        if item is None or not item.on_sale or item.needs_choice:
            self._refresh_upsell()  # sold out or changed since it was offered
            return
        self._end_upsell()
        self._add(item.id, item.default_options())

    def _on_menu_upsell_dismissed(self) -> None:
        self._end_upsell()

    def new_customer(self) -> None:
        """The next customer gets the offer again."""
        self.upsell_state = "waiting"
        self.menu.hide_upsell()

    # -- review ---------------------------------------------------------------------------------
    def _on_review_quantity_changed(self, index: int, quantity: int) -> None:
        self.cart.set_quantity(index, quantity)
        self._say_cap(self.review, quantity > MAX_QUANTITY)
        self.refresh()
        if not self.cart:
            self.go("menu")

    def _on_review_line_removed(self, index: int) -> None:
        self.cart.remove(index)
        self.refresh()
        if not self.cart:
            self.go("menu")

    def _on_review_back_clicked(self) -> None:
        self.go("menu")

    def _on_review_checkout_clicked(self) -> None:
        if not self.cart or self.quote is None:
            return
        self.review.show_notice(None)
        self.checkout_requested.emit()
