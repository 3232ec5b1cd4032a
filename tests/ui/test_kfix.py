"""Regression tests for the customer-screen review findings."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError

from kiosk.services.errors import InvalidOrder
from kiosk.ui.cart import CartLine
from kiosk.ui.flow import Timing
from kiosk.ui.messages import card_error_text
from tests.ui.conftest import NEVER, SOMCHAI, Kiosk


def test_start_over_confirm_open_while_promptpay_succeeds_keeps_the_result(
    make_kiosk: Any,
) -> None:
    holder: list[Kiosk] = []

    def ask(*_: str) -> bool:
        # the modal question is open; the poll confirms the payment underneath
        k = holder[0]
        k.qtbot.waitUntil(lambda: k.screen() == "result", timeout=5000)
        return True  # "Yes, start over" tapped after the payment went through

    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=20), ask=ask)
    holder.append(kiosk)
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.flow.poll_timer.stop()  # the QR is on screen, not yet confirmed
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    kiosk.flow.poll_timer.stop()
    order_id = kiosk.order().id
    # the question opens, then polling resumes underneath it
    kiosk.flow.ask = lambda *a: (kiosk.flow.poll_timer.start(), ask(*a))[1]
    kiosk.tap("header_start_over")
    kiosk.qtbot.wait(100)
    assert kiosk.screen() == "result"
    order = kiosk.store.orders.get(order_id)
    assert order.status == "preparing"
    assert kiosk.text("result_order_number") == order.number


def test_double_tap_never_lands_on_the_next_screen(make_kiosk: Any) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=20, tap_guard_ms=350))
    click = kiosk.qtbot.mouseClick
    left = Qt.MouseButton.LeftButton
    click(kiosk.w("welcome_start"), left)
    kiosk.qtbot.waitUntil(lambda: kiosk.w("mode_take_away").isVisible(), timeout=1000)
    click(kiosk.w("mode_take_away"), left)  # the second tap of the double tap
    assert kiosk.screen() == "welcome"
    assert kiosk.flow.mode == "dine_in"
    kiosk.qtbot.wait(400)
    kiosk.tap("mode_take_away")  # a deliberate tap later works
    kiosk.wait_screen("menu")
    guard = kiosk.window.tap_guard
    guard.ms = 0  # the steps in between at test speed
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    guard.ms = 350
    guard.disarm()
    kiosk.tap("member_skip")
    kiosk.wait_screen("payment")
    kiosk.qtbot.waitUntil(lambda: kiosk.w("pay_promptpay").isVisible(), timeout=1000)
    click(kiosk.w("pay_promptpay"), left)  # the ghost tap
    kiosk.qtbot.wait(50)
    assert kiosk.screen() == "payment"
    assert kiosk.flow.pending is None
    assert kiosk.window.tap_guard.ignored >= 2


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


def locked(*_: Any, **__: Any) -> Any:
    raise OperationalError("INSERT INTO orders", {}, Exception("database is locked"))


def test_a_locked_database_when_placing_the_order_keeps_cart_and_screen(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    with monkeypatch.context() as m:
        m.setattr(kiosk.store.orders, "create", locked)
        kiosk.tap("member_skip")
        assert kiosk.screen() == "member"
        assert kiosk.text("member_error") == "The kiosk is busy for a moment. Please try again."
    assert kiosk.flow.cart.count == 1
    kiosk.skip_member()  # the next try works
    with monkeypatch.context() as m:
        m.setattr(kiosk.store.payments, "begin_promptpay", locked)
        kiosk.tap("pay_promptpay")
        kiosk.qtbot.waitUntil(lambda: kiosk.visible("payment_notice"), timeout=3000)
    assert kiosk.screen() == "payment"
    assert kiosk.flow.order is not None


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
    kiosk.tap(f"category_{item.category_id}")
    kiosk.tap(f"menu_item_{item.id}")
    large = kiosk.option("Pad Thai with Prawns", "Large")
    kiosk.tap(f"option_{large}")
    kiosk.store.menu.set_price(item.id, 500, staff="manager")
    kiosk.qtbot.waitUntil(lambda: "500.00" in kiosk.text("options_base_price"), timeout=3000)
    assert kiosk.w(f"option_{large}").isChecked()  # the choice is kept
    kiosk.tap("options_add")
    assert kiosk.flow.quote is not None and kiosk.flow.quote.total > 500


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


def test_card_is_forgotten_after_a_decline_idle_reset_and_leaving(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_card")
    kiosk.type_card("4111 1111 1111 1111")  # the gateway's declined test card
    kiosk.tap("card_pay")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("card_error"), timeout=5000)
    card = kiosk.window.card
    assert card.values == {"number": "", "expiry": "", "cvv": ""}
    assert card.field == "number"
    # bug 9: the decline follows a language switch
    kiosk.window.set_language("th")
    assert kiosk.text("card_error") == "ธนาคารผู้ออกบัตรปฏิเสธการชำระเงิน"
    kiosk.window.set_language("en")
    assert kiosk.text("card_error") == "Card declined by the issuing bank."
    kiosk.tap("card_keypad_key_5")  # a fresh number
    assert card.values["number"] == "5"
    kiosk.type_card("4242 4242 4242 424", expiry="", cvv="")
    kiosk.tap("card_back")  # leaving the screen forgets it
    kiosk.wait_screen("payment")
    assert card.values == {"number": "", "expiry": "", "cvv": ""}
    kiosk.tap("pay_card")
    kiosk.type_card("4242 4242 4242 4242")
    kiosk.flow.reset()  # the idle reset
    assert card.values == {"number": "", "expiry": "", "cvv": ""}


def test_payment_notice_follows_a_language_switch(make_kiosk: Any) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.store.settings.update({"payments.promptpay_delay_seconds": 600}, staff="test")
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    kiosk.tap("promptpay_cancel")
    kiosk.wait_screen("payment")
    english = kiosk.text("payment_notice")
    assert english.startswith("PromptPay was cancelled")
    kiosk.window.set_language("th")
    assert kiosk.text("payment_notice") not in ("", english)


def test_a_zero_baht_order_shows_one_confirm_action(kiosk: Kiosk) -> None:
    coconut = kiosk.item("Fresh Coconut")
    kiosk.store.menu.set_price(coconut.id, 10, staff="manager")
    kiosk.qtbot.waitUntil(lambda: kiosk.item("Fresh Coconut").price == 10, timeout=3000)
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)  # 120 points cover ฿10
    slider = kiosk.window.member.slider
    slider.setValue(slider.maximum())
    kiosk.tap("member_continue")
    kiosk.wait_screen("payment")
    assert kiosk.order().total == 0
    assert kiosk.visible("pay_confirm_free")
    assert kiosk.text("pay_confirm_free") == "Confirm order"
    for name in ("pay_card", "pay_promptpay", "pay_cash"):
        assert not kiosk.visible(name)
    kiosk.tap("pay_confirm_free")
    kiosk.wait_result()
    assert [p.method for p in kiosk.order().payments] == ["cash"]


def test_double_tap_on_a_dish_never_lands_on_its_options_sheet(make_kiosk: Any) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=20, tap_guard_ms=350))
    guard = kiosk.window.tap_guard
    guard.ms = 0
    kiosk.start()
    item = kiosk.item("Pad Thai with Prawns")
    kiosk.tap(f"category_{item.category_id}")
    guard.ms = 350
    guard.disarm()
    kiosk.tap(f"menu_item_{item.id}")
    assert kiosk.visible("options_sheet")
    before = kiosk.window.options.selected_options()
    kiosk.qtbot.mouseClick(kiosk.w("options_add"), Qt.MouseButton.LeftButton)  # ghost tap
    assert kiosk.visible("options_sheet")
    assert kiosk.window.options.selected_options() == before
    assert not kiosk.flow.cart


def test_a_failure_on_the_result_screen_follows_a_language_switch(kiosk: Kiosk) -> None:
    kiosk.flow._show_failure(lambda: card_error_text("PromptPay payment timed out."))
    assert kiosk.text("result_message") == "PromptPay payment timed out."
    kiosk.window.set_language("th")
    assert kiosk.text("result_message") != "PromptPay payment timed out."
