"""Loyalty rules at the edges: expiry never counts returned points or refund take-backs
as spending; reward rates that give food away are refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.app import Store
from kiosk.config import ConfigError, load_settings
from tests.helpers import FakeClock, make_store


def _aged_member(clock: FakeClock, store: Store, phone: str) -> None:
    store.customers.register(phone, "Old")
    store.loyalty.adjust(phone, 100, "old lot", staff="s")


def test_expiry_does_not_treat_returned_points_as_new(db_url: str) -> None:
    clock = FakeClock(datetime(2025, 1, 10, tzinfo=UTC))
    store = make_store(db_url, clock=clock)
    _aged_member(clock, store, "0898765432")  # case A: redeem then cancel
    _aged_member(clock, store, "0898765433")  # control
    clock.t = datetime(2025, 12, 20, tzinfo=UTC)
    oid = store.orders.create([{"item_id": 1}], customer_phone="0898765432").id
    store.loyalty.redeem(oid, 100)
    store.orders.cancel(oid)
    clock.t = datetime(2026, 2, 1, tzinfo=UTC)
    expired = store.loyalty.expire()
    a = store.customers.find_by_phone("0898765432")
    control = store.customers.find_by_phone("0898765433")
    assert a is not None and control is not None
    assert expired[control.id] == 100
    assert expired.get(a.id) == 100 and a.points == 0
    store.close()


def test_expiry_does_not_treat_a_refund_take_back_as_spending(db_url: str) -> None:
    clock = FakeClock(datetime(2025, 1, 10, tzinfo=UTC))
    store = make_store(db_url, clock=clock)
    phone = "0898765432"
    _aged_member(clock, store, phone)
    clock.t = datetime(2026, 1, 20, tzinfo=UTC)
    oid = store.orders.create([{"item_id": 1, "quantity": 5}], customer_phone=phone).id
    txn = store.payments.process_payment(oid, "cash", {}, "k").transaction_id  # earns 60
    store.payments.refund(txn, staff="Boss", reason="x")  # type: ignore[arg-type]
    clock.t = datetime(2026, 2, 1, tzinfo=UTC)
    member = store.customers.find_by_phone(phone)
    assert member is not None and member.points == 100
    assert store.loyalty.expire()[member.id] == 100
    assert store.loyalty.balance_check() == []
    store.close()


@pytest.mark.parametrize(("rate", "redeem"), [("0.01", 1), ("1", 1), ("2", 2)])
def test_reward_rates_that_give_food_away_are_refused(rate: str, redeem: int) -> None:
    with pytest.raises(ConfigError, match="at least 5"):
        load_settings(
            env={},
            overrides={"loyalty": {"baht_per_point": rate, "redeem_points_per_baht": redeem}},
        )
    load_settings(
        env={}, overrides={"loyalty": {"baht_per_point": "5", "redeem_points_per_baht": 1}}
    )
