"""Staff change the menu while a customer checks out: the member screen, the options sheet
and the cart follow."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SOMCHAI, Kiosk


def test_an_option_removed_while_on_the_member_screen_goes_back_to_review(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk.start()
    kiosk.add("Pad Thai with Prawns", "Large", "Fried egg")
    kiosk.add("Thai Iced Tea")
    kiosk.to_member()
    # the event arrives later than the customer's tap
    monkeypatch.setattr(kiosk.flow, "_on_events_menu_changed", lambda _e: None)
    kiosk.store.menu.delete_option(kiosk.option("Pad Thai with Prawns", "Fried egg"))
    kiosk.tap("member_skip")
    kiosk.wait_screen("review")
    assert kiosk.visible("review_notice")
    assert len(kiosk.flow.cart.lines) == 1
    assert kiosk.flow.order is None
    kiosk.window.set_language("th")
    assert kiosk.text("review_notice") != "Sorry, an item in your order just sold out."
    kiosk.tap("review_checkout")
    kiosk.skip_member()  # and the order goes through


def test_prices_changed_on_the_member_screen_update_to_pay_and_the_slider(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Green Curry Chicken")  # 140
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)  # 120 points
    assert "140.00" in kiosk.text("member_new_total")
    curry = kiosk.item("Green Curry Chicken")
    kiosk.store.menu.set_price(curry.id, 200, staff="manager")
    kiosk.qtbot.waitUntil(lambda: "200.00" in kiosk.text("member_new_total"), timeout=3000)
    assert kiosk.flow.quote is not None and kiosk.flow.quote.total == 200
    assert kiosk.window.member.slider.maximum() == 120  # all of Somchai's points
    kiosk.store.menu.set_price(curry.id, 5, staff="manager")
    kiosk.qtbot.waitUntil(lambda: "฿5.00" in kiosk.text("member_new_total"), timeout=3000)
    assert kiosk.window.member.slider.maximum() < 120  # no more than the ฿5 order


def test_an_open_options_sheet_follows_a_price_change(kiosk: Kiosk) -> None:
    kiosk.start()
    item = kiosk.item("Pad Thai with Prawns")
    kiosk.open_options("Pad Thai with Prawns")
    large = kiosk.option("Pad Thai with Prawns", "Large")
    kiosk.tap(f"option_{large}")
    kiosk.store.menu.set_price(item.id, 500, staff="manager")
    kiosk.qtbot.waitUntil(lambda: "500.00" in kiosk.text("options_base_price"), timeout=3000)
    assert kiosk.w(f"option_{large}").isChecked()  # the choice is kept
    assert kiosk.text("options_add").startswith("Save changes")  # still the cart's line
    kiosk.tap("options_add")
    assert len(kiosk.flow.cart.lines) == 1
    assert kiosk.flow.quote is not None and kiosk.flow.quote.total > 500


def test_a_new_price_of_a_dish_in_the_cart_is_said_with_the_new_total(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Green Curry Chicken")  # 140
    assert not kiosk.visible("menu_notice")
    tea = kiosk.item("Thai Iced Tea")
    kiosk.store.menu.set_price(tea.id, 70, staff="manager")  # not in the cart: nothing said
    kiosk.qtbot.waitUntil(lambda: "70.00" in kiosk.text(f"menu_item_{tea.id}_price"), timeout=3000)
    assert not kiosk.visible("menu_notice")

    curry = kiosk.item("Green Curry Chicken")
    kiosk.store.menu.set_price(curry.id, 160, staff="manager")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("menu_notice"), timeout=3000)
    assert kiosk.text("menu_notice") == (
        "A price in your order has just changed. Your total is now ฿160.00."
    )
    assert kiosk.flow.quote is not None and kiosk.flow.quote.total == 160
    kiosk.window.set_language("th")
    assert "฿160.00" in kiosk.text("menu_notice") and "price" not in kiosk.text("menu_notice")

    kiosk.to_review()
    kiosk.store.menu.set_price(curry.id, 150, staff="manager")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("review_notice"), timeout=3000)
    assert "฿150.00" in kiosk.text("review_notice")
    kiosk.tap("review_checkout")
    kiosk.skip_member()  # and the order goes through at the price it said
    assert kiosk.order().total == 150
