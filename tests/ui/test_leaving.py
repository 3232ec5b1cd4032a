"""Leaving mid-payment (Start over, idle, a failed payment left on screen) never loses a
paid order and never keeps redeemed points held."""

from __future__ import annotations

import pytest

from kiosk.ui.flow import Timing
from tests.ui.conftest import NEVER, SOMCHAI, Kiosk


def confirm_before_cancel(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mock gateway's ``cancel`` applies the confirmation time first, as ``status``
    does: with a 0 s delay the bank has already confirmed, so cancel answers "succeeded".
    (Harmless once kiosk/services/gateway.py does this itself.)"""
    gateway = kiosk.store.gateway
    real_cancel = gateway.cancel

    def cancel(transaction_id: str):  # type: ignore[no-untyped-def]
        gateway.status(transaction_id)
        return real_cancel(transaction_id)

    monkeypatch.setattr(gateway, "cancel", cancel)


def to_promptpay_qr(kiosk: Kiosk, redeem: bool = False) -> None:
    kiosk.start()
    kiosk.add("Green Curry Chicken")  # 140
    kiosk.to_member()
    if redeem:
        kiosk.find_member(SOMCHAI)
        kiosk.tap("redeem_plus")  # 50 points
        kiosk.member_to_payment()
    else:
        kiosk.skip_member()
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")


def test_start_over_after_the_bank_confirmed_shows_the_order_number(  # type: ignore[no-untyped-def]
    make_kiosk, monkeypatch
) -> None:
    # delay 0, failure rate 0 (the store fixture) and no polling: the bank has confirmed
    # the payment but the kiosk has not seen it yet when the customer taps Start over.
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    confirm_before_cancel(kiosk, monkeypatch)
    to_promptpay_qr(kiosk)
    order_id = kiosk.order().id
    kiosk.tap("header_start_over")
    kiosk.wait_result()
    order = kiosk.store.orders.get(order_id)
    assert order.status == "preparing"
    assert [p.status for p in order.payments] == ["succeeded"]
    assert kiosk.visible("result_order_number")
    assert kiosk.text("result_order_number") == order.number
    assert not kiosk.visible("result_retry")


def test_idle_start_over_on_the_qr_after_the_bank_confirmed(  # type: ignore[no-untyped-def]
    make_kiosk, monkeypatch
) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    confirm_before_cancel(kiosk, monkeypatch)
    to_promptpay_qr(kiosk)
    order_id = kiosk.order().id
    kiosk.window.idle_panel.expired.emit()  # however the idle path gets there
    kiosk.wait_result()
    assert kiosk.store.orders.get(order_id).status == "preparing"
    assert kiosk.text("result_order_number") == kiosk.store.orders.get(order_id).number


def test_start_over_on_the_qr_before_the_bank_confirmed_cancels_and_returns_points(  # type: ignore[no-untyped-def]
    make_kiosk,
) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    kiosk.store.settings.update({"payments.promptpay_delay_seconds": 600}, staff="test")
    to_promptpay_qr(kiosk, redeem=True)
    order_id = kiosk.order().id
    assert kiosk.store.customers.find_by_phone(SOMCHAI).points == 70  # type: ignore[union-attr]
    kiosk.tap("header_start_over")
    kiosk.wait_screen("welcome")
    order = kiosk.store.orders.get(order_id)
    assert order.status == "cancelled"
    assert [p.status for p in order.payments] == ["failed"]
    assert kiosk.store.customers.find_by_phone(SOMCHAI).points == 120  # type: ignore[union-attr]
    assert kiosk.flow.order is None and kiosk.flow.pending is None


def test_failed_payment_screen_times_out_and_returns_points(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, idle_warning_ms=300, result_ms=NEVER))
    kiosk.store.settings.update({"payments.promptpay_failure_rate": 1}, staff="test")
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)
    kiosk.tap("redeem_plus")  # 50 points held by the order
    kiosk.member_to_payment()
    order_id = kiosk.order().id
    kiosk.flow.timing.idle_ms = 150  # the customer walks away from here on
    kiosk.tap("pay_promptpay")
    kiosk.wait_result()
    assert kiosk.visible("result_retry")
    assert kiosk.store.customers.find_by_phone(SOMCHAI).points == 70  # type: ignore[union-attr]
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("idle_panel"), timeout=3000)
    assert kiosk.text("idle_title") == "Still there?"
    kiosk.wait_screen("welcome", timeout=3000)
    assert kiosk.store.orders.get(order_id).status == "cancelled"
    assert kiosk.store.customers.find_by_phone(SOMCHAI).points == 120  # type: ignore[union-attr]


def test_failed_payment_screen_still_here_keeps_the_order(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, idle_warning_ms=NEVER, result_ms=NEVER))
    kiosk.store.settings.update({"payments.promptpay_failure_rate": 1}, staff="test")
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.flow.timing.idle_ms = 150
    kiosk.tap("pay_promptpay")
    kiosk.wait_result()
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("idle_panel"), timeout=3000)
    kiosk.tap("idle_continue")
    assert kiosk.screen() == "result" and kiosk.visible("result_retry")
    assert kiosk.order().status == "pending"


def test_redeem_refused_when_placing_the_order_shows_a_calm_message_and_saves_nothing(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order and its points discount are one unit of work: when the redeem is refused
    (staff took the points away after the lookup), no order is left behind to cancel."""
    cancelled: list[int] = []
    monkeypatch.setattr(
        kiosk.store.orders, "cancel", lambda order_id, *a, **k: cancelled.append(order_id)
    )
    before = kiosk.store.orders.count()
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.find_member(SOMCHAI)
    kiosk.tap("redeem_plus")
    kiosk.store.loyalty.adjust(SOMCHAI, -120, "correction", staff="Malee")
    kiosk.tap("member_pay_cash")
    assert kiosk.screen() == "member"
    assert kiosk.visible("member_error")
    assert kiosk.text("member_error")
    assert kiosk.store.orders.count() == before
    assert cancelled == []
    assert kiosk.flow.order is None
