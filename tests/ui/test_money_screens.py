"""The safe money defaults, seen on screen: with no cash acceptor cash is paid at the
counter (big "Please pay ฿X at the counter, order A001"), and PromptPay is hidden while
the PromptPay ID is unset or the example number."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.app import Store, open_store
from kiosk.services.demo import seed_demo
from kiosk.services.payments import DEMO_PROMPTPAY_ID
from kiosk.ui.flow import Timing
from tests.ui.conftest import NEVER, SOMCHAI, Kiosk


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """The shipped defaults: no cash acceptor, the example PromptPay number."""
    s = open_store(
        db_url,
        config={"payments": {"promptpay_delay_seconds": 0}, "kiosk": {"language": "en"}},
        migrate=True,
        rng=random.Random(1),
    )
    seed_demo(s.db, s.settings_file)
    yield s
    s.close()


def _to_payment(kiosk: Kiosk, phone: str | None = None) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    if phone:
        kiosk.find_member(phone)
        kiosk.member_to_payment()
    else:
        kiosk.skip_member()


def test_cash_without_an_acceptor_is_paid_at_the_counter(kiosk: Kiosk) -> None:
    before = kiosk.store.customers.find_by_phone(SOMCHAI).points  # type: ignore[union-attr]
    _to_payment(kiosk, SOMCHAI)
    assert kiosk.text("pay_cash_hint") == "Pay at the counter"
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    order = kiosk.order()
    assert kiosk.text("result_title") == (
        f"Please pay ฿{order.total:,.2f} at the counter, order {order.number}"
    )
    assert kiosk.w("result_title").property("role") == "amount"  # big type
    assert kiosk.text("result_order_number") == order.number
    assert not kiosk.visible("result_points_card")  # nothing earned until staff take it
    # not paid: not in the kitchen queue, no points
    assert order.status == "pending" and order.paid_at is None
    assert [p.status for p in order.payments] == ["pending"]
    assert kiosk.store.customers.find_by_phone(SOMCHAI).points == before  # type: ignore[union-attr]
    kiosk.tap("result_done")
    kiosk.wait_screen("welcome")
    # staff take the cash: now it is paid and earns its points
    paid = kiosk.store.payments.mark_paid(order.id, "cash", staff="Nok")
    assert paid.success and kiosk.store.orders.get(order.id).status == "preparing"
    assert paid.points_earned > 0


def test_counter_screen_in_thai_keeps_amount_and_number(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = make_kiosk(language="th")
    _to_payment(kiosk)
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    order = kiosk.order()
    title = kiosk.text("result_title")
    assert f"฿{order.total:,.2f}" in title and order.number in title
    assert "Please pay" not in title  # translated


def test_promptpay_is_hidden_with_the_example_number(kiosk: Kiosk) -> None:
    assert kiosk.store.current_settings().store.promptpay_id == "0812345678"
    _to_payment(kiosk)
    assert kiosk.visible("pay_cash") and kiosk.visible("pay_card")
    assert not kiosk.visible("pay_promptpay")


def test_promptpay_is_shown_once_the_shops_own_id_is_set(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    kiosk.store.settings.update(
        {"store.promptpay_id": "089 999 9999", "payments.promptpay_delay_seconds": 600},
        staff="Ploy",
    )
    _to_payment(kiosk)
    assert kiosk.visible("pay_promptpay")
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    assert kiosk.text("promptpay_merchant") == "Pay to: OrderUp Thai Kitchen"
    kiosk.tap("promptpay_cancel")
    kiosk.wait_screen("payment")


def test_the_demo_target_says_no_money_moves(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    kiosk.store.settings.update(
        {"store.promptpay_id": DEMO_PROMPTPAY_ID, "payments.promptpay_delay_seconds": 600},
        staff="demo",
    )
    _to_payment(kiosk)
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    assert kiosk.text("promptpay_merchant") == (
        "Pay to: OrderUp Thai Kitchen · demo, no money moves"
    )
    kiosk.tap("promptpay_cancel")
    kiosk.wait_screen("payment")


def test_an_unset_promptpay_id_hides_the_method(db_url: str, make_kiosk: Any) -> None:
    # the service refuses it too, so nothing can charge a missing target
    from kiosk.services.errors import InvalidPromptPayTarget
    from kiosk.services.payments import promptpay_target_problem

    assert promptpay_target_problem("") and promptpay_target_problem(" 081-234-5678 ")
    kiosk = make_kiosk()
    oid = kiosk.store.orders.create([{"item_id": 1}]).id
    with pytest.raises(InvalidPromptPayTarget, match="example number"):
        kiosk.store.payments.begin_promptpay(oid, "k")
