"""The whole customer flow, tapped through widget by widget, checked in the database."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kiosk.services.money import points_for
from kiosk.ui.flow import Timing
from tests.ui.conftest import NEVER, SOMCHAI, SOMYING, Kiosk


def paid(kiosk: Kiosk, method: str):  # type: ignore[no-untyped-def]
    order = kiosk.order()
    assert order.status == "preparing"
    ok = [p for p in order.payments if p.status == "succeeded"]
    assert len(ok) == 1 and ok[0].method == method
    assert ok[0].amount == order.total
    return order


def test_cash_without_member(kiosk: Kiosk) -> None:
    kiosk.start("take_away")
    kiosk.add("Pad Thai with Prawns", "Large", "Fried egg")
    kiosk.add("Fresh Coconut", quantity=2)
    assert kiosk.text("cart_total") == "฿280.00"  # 120 + 20 + 10 + 2 x 65
    kiosk.to_member()
    kiosk.skip_member()
    assert kiosk.text("payment_total") == "฿280.00"
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    order = paid(kiosk, "cash")
    assert order.mode == "take_away"
    assert order.customer_id is None and order.points_earned == 0
    assert kiosk.text("result_order_number") == order.number
    assert not kiosk.visible("result_points_earned")
    names = {(line.name_en, line.quantity) for line in order.lines}
    assert names == {("Pad Thai with Prawns", 1), ("Fresh Coconut", 2)}
    pad_thai = next(line for line in order.lines if line.name_en.startswith("Pad Thai"))
    assert {o["name_en"] for o in pad_thai.options} == {"Medium", "Large", "Fried egg"}


def test_member_found_earns_points_with_cash(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Green Curry Chicken")  # 140
    kiosk.add("Thai Iced Tea")  # 55
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)
    assert kiosk.text("member_name") == "Somchai S."
    assert kiosk.text("member_tier") == "Bronze"
    assert kiosk.text("member_points") == "120 points"
    assert "80 more points" in kiosk.text("member_next_tier")
    kiosk.tap("member_pay_cash")
    kiosk.wait_result()
    order = paid(kiosk, "cash")
    assert order.total == Decimal("195.00")
    assert order.points_earned == 19
    assert kiosk.text("result_points_earned") == "+19"
    assert kiosk.text("result_balance") == "139 points"
    member = kiosk.store.customers.find_by_phone(SOMCHAI)
    assert member is not None and member.points == 139
    txs = kiosk.store.loyalty.transactions(SOMCHAI)
    assert (txs[0].type, txs[0].points, txs[0].order_number) == ("earned", 19, order.number)
    assert not kiosk.visible("result_tier_up")


def test_redeem_points_then_card(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Basil Chicken on Rice")  # 80
    kiosk.add("Fresh Coconut")  # 65
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)
    slider = kiosk.w("redeem_points")
    assert slider.maximum() == 120  # the whole balance fits in the total
    kiosk.tap("redeem_plus")  # +50 points
    kiosk.tap("redeem_plus")
    assert slider.value() == 100
    assert "−฿10.00" in kiosk.text("redeem_value")
    assert kiosk.text("member_new_total") == "To pay: ฿135.00"
    kiosk.member_to_payment()
    assert kiosk.text("payment_total") == "฿135.00"
    kiosk.tap("pay_card")
    kiosk.wait_screen("card")
    kiosk.type_card("4242 4242 4242 4242")
    assert kiosk.text("card_number") == "•••• •••• •••• 4242"
    assert kiosk.text("card_cvv") == "•••"
    kiosk.tap("card_pay")
    kiosk.wait_result()
    order = paid(kiosk, "card")
    assert (order.points_redeemed, order.discount, order.total) == (
        100,
        Decimal("10.00"),
        Decimal("135.00"),
    )
    card = next(p for p in order.payments if p.status == "succeeded")
    assert (card.card_brand, card.card_last4) == ("Visa", "4242")
    member = kiosk.store.customers.find_by_phone(SOMCHAI)
    assert member is not None
    assert member.points == 120 - 100 + 13  # points are earned on the amount paid
    txs = kiosk.store.loyalty.transactions(SOMCHAI)
    assert [(t.type, t.points) for t in txs[:2]] == [("earned", 13), ("redeemed", -100)]
    assert sum(t.points for t in txs) == member.points


def test_card_declined_then_cash(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Mango Sticky Rice")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_card")
    kiosk.wait_screen("card")
    first_key = kiosk.flow.attempt_key
    kiosk.type_card("4111 1111 1111 1111")
    kiosk.tap("card_pay")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("card_error"), timeout=5000)
    assert kiosk.screen() == "card"
    assert kiosk.text("card_error") == "Card declined by the issuing bank."
    assert kiosk.flow.attempt_key != first_key  # a retry is a new attempt
    kiosk.tap("card_other_method")
    kiosk.wait_screen("payment")
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    order = paid(kiosk, "cash")
    statuses = sorted((p.method, p.status, p.card_last4) for p in order.payments)
    assert statuses == [("card", "failed", "1111"), ("cash", "succeeded", "")]


def test_invalid_card_number_is_explained(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_card")
    kiosk.type_card("4242 4242 4242 4241")  # fails the Luhn check
    kiosk.tap("card_pay")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("card_error"), timeout=5000)
    assert kiosk.text("card_error") == "The card number is not valid. Please check it."
    assert not kiosk.visible("card_other_method")
    assert kiosk.order().payments == ()


def test_promptpay_success(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Tom Yum Goong")
    kiosk.to_member()
    kiosk.find_member(SOMYING)  # 195 lifetime points: this order makes her Silver
    kiosk.tap("member_pay_promptpay")
    kiosk.wait_result()
    order = paid(kiosk, "promptpay")
    assert kiosk.text("result_order_number") == order.number
    assert kiosk.visible("result_tier_up")
    assert "Silver" in kiosk.text("result_tier_text")
    member = kiosk.store.customers.find_by_phone(SOMYING)
    assert member is not None and member.tier == "silver"
    assert member.points == 195 + points_for(order.total, Decimal(10))


def _bank_never_confirms(kiosk) -> None:  # type: ignore[no-untyped-def]
    """The customer has not paid: the mock bank would only confirm after ten minutes (a
    cancel after the bank confirmed rightly ends on the result screen instead)."""
    kiosk.store.settings.update({"payments.promptpay_delay_seconds": 600}, staff="test")


def test_promptpay_shows_qr_and_cancel_returns_to_payment(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    _bank_never_confirms(kiosk)
    kiosk.start()
    kiosk.add("Larb Moo")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    assert kiosk.text("promptpay_amount") == "฿90.00"
    assert kiosk.text("promptpay_merchant") == "Pay to: OrderUp Thai Kitchen"
    assert kiosk.text("promptpay_countdown") in ("2:00", "1:59")
    assert kiosk.w("promptpay_qr").width() >= 600
    kiosk.tap("promptpay_cancel")
    kiosk.wait_screen("payment")
    assert "cancelled" in kiosk.text("payment_notice")
    failed = [p for p in kiosk.order().payments if p.method == "promptpay"]
    assert [p.status for p in failed] == ["failed"]
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    paid(kiosk, "cash")


def test_promptpay_countdown_expiry(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(
        timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER, promptpay_ms=300)
    )
    _bank_never_confirms(kiosk)
    kiosk.start()
    kiosk.add("Larb Moo")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    kiosk.wait_screen("payment", timeout=5000)
    assert "expired" in kiosk.text("payment_notice")
    assert kiosk.order().status == "pending"


def test_promptpay_failure_then_retry(kiosk: Kiosk) -> None:
    kiosk.store.settings.update({"payments.promptpay_failure_rate": 1}, staff="test")
    kiosk.start()
    kiosk.add("Khao Soi Chicken")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_promptpay")
    kiosk.wait_result()
    assert kiosk.visible("result_retry")
    assert kiosk.text("result_message") == "PromptPay payment was not confirmed by the bank."
    assert not kiosk.visible("result_order_number")
    assert kiosk.order().status == "pending"
    kiosk.store.settings.update({"payments.promptpay_failure_rate": 0}, staff="test")
    kiosk.tap("result_retry")
    kiosk.wait_screen("payment")
    kiosk.tap("pay_promptpay")
    kiosk.qtbot.waitUntil(
        lambda: kiosk.screen() == "result" and kiosk.visible("result_order_number"),
        timeout=5000,
    )
    order = paid(kiosk, "promptpay")
    assert sorted(p.status for p in order.payments) == ["failed", "succeeded"]
    keys = {p.id for p in order.payments}
    assert len(keys) == 2


def test_signup_then_pay(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Pad See Ew")  # 90
    kiosk.to_member()
    kiosk.find_member("0898765432")
    assert kiosk.visible("member_signup")
    assert "089-876-5432" in kiosk.text("member_not_found")
    kiosk.tap("member_signup")
    kiosk.wait_screen("signup")
    assert not kiosk.w("signup_consent").isChecked()  # opt-in, never pre-ticked
    assert "offers" in kiosk.text("signup_consent_text")
    assert not kiosk.w("signup_submit").isEnabled()
    for key in ("p", "l", "o", "y"):
        kiosk.tap(f"signup_keyboard_key_{key}")
    assert kiosk.flow.w.signup.first_name == "Ploy"
    kiosk.tap("signup_submit")
    kiosk.wait_screen("member")
    assert kiosk.text("member_name") == "Ploy"
    assert kiosk.text("member_points") == "0 points"
    assert not kiosk.visible("redeem_points")
    kiosk.tap("member_pay_cash")
    kiosk.wait_result()
    order = paid(kiosk, "cash")
    member = kiosk.store.customers.find_by_phone("089-876-5432")
    assert member is not None
    assert (member.first_name, member.sms_marketing, member.points) == ("Ploy", False, 9)
    assert order.customer_id == member.id


def test_signup_in_thai_with_consent(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(language="th")
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.find_member("0861112222")
    kiosk.tap("member_signup")
    kiosk.wait_screen("signup")
    for ch in "พลอย":
        kiosk.tap(f"signup_keyboard_key_u{ord(ch):04x}")
    kiosk.tap("signup_consent")
    kiosk.tap("signup_submit")
    kiosk.wait_screen("member")
    member = kiosk.store.customers.find_by_phone("0861112222")
    assert member is not None and (member.first_name, member.sms_marketing) == ("พลอย", True)


def test_invalid_phone_is_explained(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.find_member("0000000000")
    assert kiosk.visible("member_error")
    assert "not a phone number" in kiosk.text("member_error")
    kiosk.tap("member_keypad_back")
    assert not kiosk.visible("member_error")


def test_review_edits_quantities(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Thai Iced Tea")  # 55
    kiosk.add("Lemongrass Juice")  # 45
    kiosk.to_review()
    assert kiosk.text("review_total") == "฿100.00"
    assert kiosk.text("review_vat") == "฿6.54"
    assert "10 points" in kiosk.text("review_points")
    kiosk.tap("review_plus_0")
    assert kiosk.text("review_qty_0") == "2"
    assert kiosk.text("review_total") == "฿155.00"
    assert kiosk.text("review_subtotal") == "฿155.00"
    kiosk.tap("review_minus_0")
    kiosk.tap("review_remove_1")
    assert kiosk.text("review_total") == "฿55.00"
    kiosk.tap("review_remove_0")
    kiosk.wait_screen("menu")  # nothing left to review
    assert kiosk.text("cart_total") == "฿0.00"


def test_sold_out_item_is_shown_but_not_orderable(kiosk: Kiosk) -> None:
    kiosk.start()
    massaman = kiosk.item("Massaman Beef")
    kiosk.tap(f"category_{massaman.category_id}")
    card = kiosk.w(f"menu_item_{massaman.id}")
    assert card.isVisible() and not card.isEnabled()
    assert kiosk.text(f"menu_item_{massaman.id}_soldout") == "Sold out"
    kiosk.qtbot.mouseClick(card, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)
    assert not kiosk.visible("options_sheet")
    assert kiosk.flow.cart.count == 0


def test_required_options_preselect_defaults(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.open_options("Pad Thai with Prawns")
    medium = kiosk.w(f"option_{kiosk.option('Pad Thai with Prawns', 'Medium')}")
    regular = kiosk.w(f"option_{kiosk.option('Pad Thai with Prawns', 'Regular')}")
    egg = kiosk.w(f"option_{kiosk.option('Pad Thai with Prawns', 'Fried egg')}")
    assert medium.isChecked() and regular.isChecked() and not egg.isChecked()
    assert kiosk.text("options_add").endswith("฿120.00")
    kiosk.tap(f"option_{kiosk.option('Pad Thai with Prawns', 'Extra prawns')}")
    assert kiosk.text("options_add").endswith("฿160.00")
    kiosk.tap("options_cancel")
    assert not kiosk.visible("options_sheet")
    # the one tap put it in with those defaults; Cancel on the sheet changed nothing
    pad_thai = kiosk.item("Pad Thai with Prawns")
    assert [(line.item_id, line.options) for line in kiosk.flow.cart.lines] == [
        (pad_thai.id, tuple(sorted(pad_thai.default_options())))
    ]


def test_idle_timeout_clears_everything(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=150, idle_warning_ms=300, result_ms=NEVER, poll_ms=20))
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("idle_panel"), timeout=3000)
    assert kiosk.text("idle_title") == "Still there?"
    kiosk.wait_screen("welcome", timeout=3000)
    assert not kiosk.visible("idle_panel")
    assert kiosk.flow.cart.count == 0
    assert kiosk.store.orders.count() == 0  # nothing saved


def test_idle_on_welcome_quietly_resets_mode_and_language(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=150, idle_warning_ms=NEVER, result_ms=NEVER))
    kiosk.tap("lang_th")
    assert kiosk.text("mode_dine_in") == "ทานที่ร้าน"
    kiosk.qtbot.waitUntil(lambda: kiosk.text("mode_dine_in") == "Eat here", timeout=3000)
    assert not kiosk.visible("idle_panel")


def test_idle_still_here_keeps_the_order(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=150, idle_warning_ms=NEVER, result_ms=NEVER))
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("idle_panel"), timeout=3000)
    kiosk.tap("idle_continue")
    assert not kiosk.visible("idle_panel")
    assert kiosk.screen() == "menu" and kiosk.flow.cart.count == 1


def test_idle_after_redeeming_cancels_order_and_returns_points(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, idle_warning_ms=200, result_ms=NEVER))
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)
    kiosk.tap("redeem_max")
    kiosk.member_to_payment()
    order_id = kiosk.order().id
    assert kiosk.store.customers.find_by_phone(SOMCHAI).points == 0  # type: ignore[union-attr]
    kiosk.window.idle.set_timeout(100)
    kiosk.window.idle.start()
    kiosk.wait_screen("welcome", timeout=3000)
    assert kiosk.store.orders.get(order_id).status == "cancelled"
    assert kiosk.store.customers.find_by_phone(SOMCHAI).points == 120  # type: ignore[union-attr]


def test_start_over_asks_first(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    answers: list[bool] = [False, True]
    asked: list[str] = []

    def ask(question: str, yes: str, no: str) -> bool:
        asked.append(question)
        return answers.pop(0)

    kiosk = make_kiosk(ask=ask)
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.tap("header_start_over")
    assert kiosk.screen() == "menu" and kiosk.flow.cart.count == 1
    kiosk.tap("header_start_over")
    assert kiosk.screen() == "welcome" and kiosk.flow.cart.count == 0
    assert asked == ["Start over? Your order will be cleared."] * 2


def test_result_returns_to_welcome_after_timeout(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=300, poll_ms=20))
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    kiosk.wait_screen("welcome", timeout=3000)
    assert kiosk.store.orders.list()[0].status == "preparing"  # paid orders stay paid


def test_result_tap_anywhere_returns(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    from PySide6.QtCore import Qt

    kiosk.qtbot.mouseClick(kiosk.w("result_screen"), Qt.MouseButton.LeftButton)
    kiosk.wait_screen("welcome")


def test_pay_at_counter(kiosk: Kiosk) -> None:
    kiosk.store.settings.update({"payments.pay_at_counter": True}, staff="test")
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.skip_member()
    assert kiosk.text("pay_cash_hint") == "Pay at the counter"
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    order = kiosk.order()
    assert kiosk.text("result_title") == (
        f"Please pay ฿{order.total:,.2f} at the counter, order {order.number}"
    )
    assert order.status == "pending"
    kiosk.tap("result_done")
    kiosk.wait_screen("welcome")
    assert kiosk.store.orders.get(order.id).status == "pending"  # waits for staff


def test_receipt_pdf_is_saved(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.find_member(SOMYING)
    kiosk.tap("member_pay_cash")
    kiosk.wait_result()
    kiosk.qtbot.waitUntil(lambda: kiosk.flow.receipt is not None, timeout=5000)
    path = kiosk.flow.receipt
    assert path is not None and path.parent == kiosk.store.current_settings().receipts_dir
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"NotoSansThai" in data  # Thai text embedded with the shipped font
    assert kiosk.visible("result_receipt")


def test_language_switch_mid_flow(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Thai Iced Tea")
    kiosk.to_review()
    assert kiosk.text("review_title") == "Check your order"
    kiosk.tap("header_lang_th")
    assert kiosk.text("review_title") == "ตรวจสอบรายการของคุณ"
    assert kiosk.text("review_name_0") == "ชาไทยเย็น"
    kiosk.tap("review_checkout")
    kiosk.wait_screen("member")
    kiosk.find_member(SOMCHAI)
    assert kiosk.text("member_tier") == "บรอนซ์"
    assert kiosk.text("member_points") == "120 แต้ม"
    kiosk.tap("header_lang_en")
    assert kiosk.text("member_tier") == "Bronze"
    kiosk.tap("member_pay_cash")
    kiosk.wait_result()
    paid(kiosk, "cash")
    kiosk.tap("result_done")
    kiosk.wait_screen("welcome")
    assert kiosk.text("mode_dine_in") == "Eat here"  # the kiosk's default again


def test_payment_back_cancels_order_and_returns_points(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)
    kiosk.tap("redeem_plus")
    kiosk.member_to_payment()
    first = kiosk.order()
    assert first.points_redeemed == 50
    kiosk.tap("payment_back")
    kiosk.wait_screen("member")
    assert kiosk.store.orders.get(first.id).status == "cancelled"
    assert kiosk.store.customers.find_by_phone(SOMCHAI).points == 120  # type: ignore[union-attr]
    kiosk.member_to_payment()
    assert kiosk.order().id != first.id


def test_review_shows_the_service_charge_line(make_kiosk: Any, store: Any) -> None:
    store.settings.base = store.settings.base.merged({"payments": {"service_charge_percent": 10}})
    kiosk = make_kiosk()
    kiosk.start()
    kiosk.add("Mango Sticky Rice")
    kiosk.to_review()
    assert kiosk.visible("review_service_charge")
    assert kiosk.text("review_service_charge") == "฿12.00"
    assert kiosk.text("review_total") == "฿132.00"
    kiosk.tap("review_checkout")
    kiosk.wait_screen("member")
    kiosk.skip_member()
    assert "Service charge ฿12.00" in kiosk.text("payment_breakdown")
    assert kiosk.text("payment_total") == "฿132.00"


def test_review_has_no_service_charge_line_by_default(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Mango Sticky Rice")
    kiosk.to_review()
    assert not kiosk.visible("review_service_charge")
    assert kiosk.text("review_total") == "฿120.00"


@pytest.mark.parametrize("key", ["member_keypad_clear", "member_keypad_back"])
def test_changing_the_number_takes_the_not_a_member_answer_away(kiosk: Kiosk, key: str) -> None:
    """The answer was about the number typed before: its Join button must not sign up
    the half-typed number now shown (that led to a sign-up the phone check refused)."""
    kiosk.start()
    kiosk.add("Pad See Ew")
    kiosk.to_member()
    kiosk.find_member("0987654321")
    assert kiosk.visible("member_signup") and "098-765-4321" in kiosk.text("member_not_found")
    kiosk.tap(key)
    assert not kiosk.visible("member_signup")
    assert not kiosk.visible("member_not_found")
    kiosk.type_phone("81" if key.endswith("clear") else "")  # not a whole number yet
    assert not kiosk.visible("member_signup")
    assert kiosk.screen() == "member"


def member_using_all_points(make_kiosk: Any, store: Any, service_charge: int) -> Kiosk:
    """On the member page (English), a member with points using them all for a curry."""
    charge = {"payments": {"service_charge_percent": service_charge}}
    store.settings.base = store.settings.base.merged(charge)
    kiosk: Kiosk = make_kiosk(language="en")
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)
    kiosk.tap("redeem_max")
    return kiosk


def test_to_pay_with_points_and_a_service_charge_is_what_the_order_charges(
    make_kiosk: Any, store: Any
) -> None:
    """The service charge is on the food after the points' discount: the member page's
    "To pay" and "You will earn" must be the order's own figures (it used to take the
    discount off the total with the charge, promising more than it charged)."""
    kiosk = member_using_all_points(make_kiosk, store, service_charge=10)
    shown_total = kiosk.text("member_new_total")
    shown_earn = kiosk.text("member_earn")
    kiosk.member_to_payment()
    order = kiosk.order()
    assert order.points_redeemed > 0 and order.service_charge > 0
    assert shown_total == f"To pay: ฿{order.total:,.2f}"
    earn = points_for(order.total, store.current_settings().loyalty.baht_per_point)
    assert shown_earn == f"You will earn {earn:,} points with this order."


@pytest.mark.parametrize("charge", [0, 10])
def test_see_order_from_the_member_page_shows_the_points_chosen(
    make_kiosk: Any, store: Any, charge: int
) -> None:
    """Review opened with "See order" beside the member's points: the discount line and
    the total and points the member page promised (it showed the cart without them)."""
    kiosk = member_using_all_points(make_kiosk, store, service_charge=charge)
    to_pay = kiosk.text("member_new_total").removeprefix("To pay: ")
    kiosk.tap("member_see_order")
    kiosk.wait_screen("review")
    assert kiosk.visible("review_points_used")
    assert kiosk.text("review_points_used").startswith("−฿")
    assert kiosk.text("review_total") == to_pay
    kiosk.tap("review_checkout")
    kiosk.wait_screen("member")
    kiosk.member_to_payment()
    assert f"{kiosk.order().total:,.2f}" == to_pay.removeprefix("฿")
    # from the menu, Review is the cart as it stands: no points line
    kiosk.flow.reset()
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_review()
    assert not kiosk.visible("review_points_used")


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_review_with_the_points_lays_out_cleanly(
    make_kiosk: Any, store: Any, size: tuple[int, int], lang: str
) -> None:
    """The Review with its points line and a service charge: nothing cut or overlapping,
    targets and contrast as on every other screen (tests/layout.py)."""
    from tests.layout import check_layout

    store.settings.base = store.settings.base.merged({"payments": {"service_charge_percent": 10}})
    kiosk = make_kiosk(size=size, language=lang)
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.add("Pad Thai with Prawns")
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)
    kiosk.tap("redeem_max")
    kiosk.tap("member_see_order")
    kiosk.wait_screen("review")
    kiosk.qtbot.wait(30)
    assert kiosk.visible("review_points_used")
    assert check_layout(kiosk.window) == []
