"""Unpaid orders a dead kiosk left behind: the customer chose to pay (the order was made
and their points redeemed), then the power went before any payment began. Recovery
cancels them once they are old enough, so the points go back; it never touches an order
a payment reached, one waiting at the counter, another kiosk's, or a fresh one."""

from __future__ import annotations

import multiprocessing as mp
import os
from pathlib import Path

from kiosk.app import Store, open_store, recover_kiosk, recover_payments
from kiosk.services.orders.service import ABANDONED_AFTER_SECONDS
from tests.helpers import CARD_DECLINED, CARD_OK, FakeClock, make_store

MEMBER = "0812345678"
LINES = [{"item_id": 1, "quantity": 2}]


# ``store`` and its ``clock``: tests/unit/conftest.py


def points(store: Store) -> int:
    member = store.customers.find_by_phone(MEMBER)
    assert member is not None
    return member.points


def redeeming_order(store: Store, kiosk_id: str | None = None) -> tuple[str, int]:
    before = points(store)
    order = store.orders.create(
        LINES, customer_phone=MEMBER, redeem_points=min(before, 50), kiosk_id=kiosk_id
    )
    assert order.points_redeemed > 0 and points(store) < before
    return order.number, order.id


def status(store: Store, order_id: int) -> str:
    return store.orders.get(order_id).status


def test_an_old_unpaid_order_without_a_payment_is_cancelled_and_its_points_return(
    store: Store, clock: FakeClock
) -> None:
    before = points(store)
    number, order_id = redeeming_order(store)
    clock.advance(seconds=ABANDONED_AFTER_SECONDS - 60)
    assert recover_kiosk(store) == []
    assert status(store, order_id) == "pending"  # a customer might still be there
    clock.advance(seconds=120)
    recover_payments(store)  # what every store opened does: payments only
    assert status(store, order_id) == "pending"
    assert recover_kiosk(store) == [number]
    assert status(store, order_id) == "cancelled"
    assert points(store) == before
    assert store.orders.cancel_abandoned(store.current_settings().store.kiosk_id) == []  # once


def test_orders_a_payment_reached_or_another_kiosk_made_are_left_alone(
    db_url: str, clock: FakeClock
) -> None:
    store = make_store(db_url, config={"payments": {"pay_at_counter": True}}, clock=clock)
    store.loyalty.adjust(MEMBER, 500, "tests: points to redeem", "tests")
    try:
        kiosk = store.current_settings().store.kiosk_id
        _, paid = redeeming_order(store)
        assert store.payments.process_payment(paid, "card", CARD_OK).success
        _, counter = redeeming_order(store)
        waiting = store.payments.process_payment(counter, "cash", {})
        assert not waiting.success and waiting.status == "awaiting_counter"
        _, other = redeeming_order(store, kiosk_id="kiosk-other")
        _, declined = redeeming_order(store)
        assert not store.payments.process_payment(declined, "card", CARD_DECLINED).success
        _, retried = redeeming_order(store)
        clock.advance(seconds=ABANDONED_AFTER_SECONDS + 60)
        # its customer is still trying cards: the last decline was a moment ago
        assert not store.payments.process_payment(retried, "card", CARD_DECLINED).success
        cancelled = store.orders.cancel_abandoned(kiosk)
        assert status(store, paid) == "preparing"
        assert status(store, counter) == "pending"
        assert status(store, other) == "pending"
        assert status(store, retried) == "pending"
        # a card declined long ago, with nobody back since: abandoned
        assert status(store, declined) == "cancelled"
        assert cancelled == [store.orders.get(declined).number]
    finally:
        store.close()


def _die_after_ordering(url: str, env: dict[str, str], out: mp.Queue) -> None:  # type: ignore[type-arg]
    os.environ.update(env)
    store = open_store(url)
    order = store.orders.create(LINES, customer_phone=MEMBER, redeem_points=50)
    out.put(order.id)
    out.close()
    out.join_thread()  # the id is on its way to the parent
    os._exit(9)  # the power goes: no payment, no clean-up


def test_a_kiosk_killed_between_ordering_and_paying_gives_the_points_back(
    db_url: str, tmp_path: Path
) -> None:
    store = make_store(db_url)
    try:
        before = points(store)
    finally:
        store.close()
    env = {k: v for k, v in os.environ.items() if k.startswith("KIOSK_")}
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    child = ctx.Process(target=_die_after_ordering, args=(db_url, env, out))
    child.start()
    order_id = out.get(timeout=120)
    child.join(60)
    assert child.exitcode == 9
    store = open_store(db_url)  # the restart recovers, but the order is too fresh yet
    try:
        assert status(store, order_id) == "pending"
        assert points(store) == before - 50
        kiosk = store.current_settings().store.kiosk_id
        assert store.orders.cancel_abandoned(kiosk, older_than_seconds=0) != []
        assert status(store, order_id) == "cancelled"
        assert points(store) == before
    finally:
        store.close()
