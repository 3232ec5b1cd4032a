"""Checkout under stress: a locked database, a Start over question open while PromptPay
succeeds, a card that must be forgotten, a zero-baht order."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.services.errors import DatabaseBusy
from kiosk.ui.flow import Timing
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


def locked(*_: Any, **__: Any) -> Any:
    # what the order service raises when its unit of work meets a locked SQLite file
    raise DatabaseBusy("The database at sqlite:///kiosk.db is locked (database is locked).")


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
    # nothing left to pay: one Confirm beside the points instead of the methods
    assert kiosk.visible("member_pay_free")
    assert kiosk.text("member_pay_free") == "Confirm order"
    for name in ("member_pay_card", "member_pay_promptpay", "member_pay_cash"):
        assert not kiosk.visible(name)
    kiosk.tap("member_pay_free")
    kiosk.wait_result()
    assert kiosk.order().total == 0
    assert [p.method for p in kiosk.order().payments] == ["cash"]
