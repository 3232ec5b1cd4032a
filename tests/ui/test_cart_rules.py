"""The cart: its line limit, quotes the service refuses, and options sheets that wait for
every group's minimum."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.services.errors import InvalidOrder
from kiosk.ui.cart import MAX_QUANTITY, Cart, CartLine
from tests.ui.conftest import Kiosk


def test_a_51st_distinct_line_is_refused_calmly_and_the_cart_stays(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    coconut = kiosk.item("Fresh Coconut")
    # 50 lines (the service's limit); the 51st distinct one would be refused by the service
    kiosk.flow.cart.lines = [CartLine(coconut.id) for _ in range(50)]
    kiosk.flow._refresh_cart()
    kiosk.add("Thai Iced Tea")
    assert kiosk.screen() == "menu"
    assert kiosk.visible("menu_notice")
    assert "cannot have more" in kiosk.text("menu_notice")
    assert len(kiosk.flow.cart.lines) == 50
    kiosk.tap(f"menu_item_{coconut.id}")  # more of a dish already in the cart is fine
    assert not kiosk.visible("menu_notice")
    assert kiosk.flow.cart.count == 51
    kiosk.window.set_language("th")
    assert kiosk.text("menu_notice") == ""


def test_a_refused_quote_never_reaches_the_error_screen(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.add("Thai Iced Tea")
    real = kiosk.store.orders.quote

    def quote(lines: list[Any], member: bool = False) -> Any:
        if len(lines) > 1:
            raise InvalidOrder("An order can have at most 1 lines.")
        return real(lines, member=member)

    monkeypatch.setattr(kiosk.store.orders, "quote", quote)
    kiosk.add("Mango Sticky Rice")
    assert kiosk.screen() == "menu"
    assert kiosk.flow.cart.lines  # what the service still accepts is kept


def test_add_waits_until_every_group_has_its_minimum(kiosk: Kiosk) -> None:
    store = kiosk.store
    curry = kiosk.item("Green Curry Chicken")
    group = store.menu.add_option_group(curry.id, "Toppings", "ท็อปปิ้ง", 2, 3)
    a = store.menu.add_option(group.id, "Basil", "โหระพา", is_default=True).id
    b = store.menu.add_option(group.id, "Chilli", "พริก").id
    store.menu.add_option(group.id, "Lime", "มะนาว")
    kiosk.qtbot.waitUntil(
        lambda: any(
            len(g.options) == 3 and g.id == group.id
            for g in kiosk.item("Green Curry Chicken").option_groups
        )
    )
    kiosk.start()
    kiosk.tap(f"category_{curry.category_id}")
    kiosk.tap(f"menu_item_{curry.id}")
    assert kiosk.w(f"option_{a}").isChecked()  # the default, as the server would
    assert not kiosk.w("options_add").isEnabled()
    assert "Choose 2" in kiosk.text(f"option_group_{group.id}_title")
    kiosk.tap(f"option_{b}")
    assert kiosk.w("options_add").isEnabled()
    kiosk.tap("options_add")
    kiosk.to_member()
    kiosk.skip_member()


def test_a_21st_of_one_dish_is_said_not_dropped_without_a_word(kiosk: Kiosk) -> None:
    """One line holds at most 20 (MAX_QUANTITY); a tap past it used to do nothing at all."""
    kiosk.start()
    kiosk.add("Fresh Coconut")
    for _ in range(19):
        kiosk.tap("cart_plus_0")
    assert kiosk.flow.cart.lines[0].quantity == 20
    assert not kiosk.visible("menu_notice")
    kiosk.tap("cart_plus_0")  # the 21st
    assert kiosk.flow.cart.lines[0].quantity == 20
    assert kiosk.visible("menu_notice") and "at most 20" in kiosk.text("menu_notice")
    kiosk.window.set_language("th")  # said in the customer's language
    assert kiosk.text("menu_notice") not in ("", "at most 20")
    assert "20" in kiosk.text("menu_notice")
    kiosk.window.set_language("en")
    kiosk.tap("cart_minus_0")
    assert kiosk.flow.cart.lines[0].quantity == 19
    assert not kiosk.visible("menu_notice")
    coconut = kiosk.item("Fresh Coconut")
    kiosk.tap(f"menu_item_{coconut.id}")
    kiosk.tap(f"menu_item_{coconut.id}")  # a tap on the dish itself, past 20
    assert kiosk.flow.cart.lines[0].quantity == 20
    assert "at most 20" in kiosk.text("menu_notice")
    kiosk.to_review()  # and on Review, where the same steppers are
    kiosk.tap("review_plus_0")
    assert kiosk.visible("review_notice") and "at most 20" in kiosk.text("review_notice")
    kiosk.tap("review_minus_0")
    assert not kiosk.visible("review_notice")


def test_the_cap_words_give_back_the_notice_they_covered(kiosk: Kiosk) -> None:
    """Review says a dish sold out; a tap past 20 of another says the cap over it; the
    next tap brings the sold-out words back (they used to be lost)."""
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_review()
    sold_out = lambda: "Sorry, an item in your order just sold out."  # noqa: E731
    kiosk.flow.cart_controller.review.show_notice(sold_out)
    kiosk.flow.cart.lines[0].quantity = 20
    kiosk.flow.cart_controller.refresh()
    kiosk.tap("review_plus_0")
    assert "at most 20" in kiosk.text("review_notice")
    kiosk.tap("review_minus_0")
    assert kiosk.text("review_notice") == sold_out()


def test_the_same_dish_and_choices_in_any_order_are_one_line() -> None:
    cart = Cart()
    assert cart.add(1, [7, 3]) == 0
    assert cart.add(1, [3, 7], 2) == 0  # the same choices, tapped in another order
    assert cart.add(1, [3]) == 1  # other choices: a line of its own
    assert cart.find(1, (7, 3)) == 0 and cart.find(1, [3]) == 1 and cart.find(1) == -1
    assert [line.quantity for line in cart.lines] == [3, 1]
    assert cart.replace(1, [7, 3], MAX_QUANTITY) == 0  # changed to the first line's choices
    assert cart.lines == [CartLine(1, MAX_QUANTITY, (3, 7))]  # merged, never past the cap
