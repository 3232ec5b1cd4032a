"""Replays after issue #13 dropped the upfront replay read: the attempt's key is found under
the order's lock instead, and a repeated key still answers exactly as before."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, select

from kiosk.app import Store
from kiosk.db.models import Payment, TaxReceipt
from kiosk.services.errors import IdempotencyConflict, InvalidCard, OrderNotFound
from tests.helpers import CARD_DECLINED, CARD_OK

MEMBER = "081-234-5678"


def _order(store: Store) -> int:
    return store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=MEMBER).id


def test_a_retry_whose_card_no_longer_passes_replays_the_first_answer(store: Store) -> None:
    oid = _order(store)
    first = store.payments.process_payment(oid, "card", CARD_OK, "tap")
    again = store.payments.process_payment(oid, "card", {}, "tap")  # details not sent again
    assert again.to_dict() == first.to_dict() and again.payment_id == first.payment_id
    with pytest.raises(InvalidCard):  # a new attempt with them is refused, as before
        store.payments.process_payment(_order(store), "card", {}, "new-key")


def test_a_declined_retry_with_bad_details_replays_the_decline(store: Store) -> None:
    oid = _order(store)
    first = store.payments.process_payment(oid, "card", CARD_DECLINED, "tap")
    again = store.payments.process_payment(oid, "card", {"card_number": "1"}, "tap")
    assert again.to_dict() == first.to_dict() and not again.success


def test_a_known_key_for_a_missing_order_is_a_conflict_not_a_missing_order(
    store: Store,
) -> None:
    store.payments.process_payment(_order(store), "cash", {}, "tap")
    with pytest.raises(IdempotencyConflict):
        store.payments.process_payment(999_999, "cash", {}, "tap")
    with pytest.raises(OrderNotFound):
        store.payments.process_payment(999_999, "cash", {}, "other")


def test_a_replay_writes_nothing(store: Store) -> None:
    oid = _order(store)
    first = store.payments.process_payment(oid, "card", CARD_OK, "tap")
    seen: list[str] = []

    def count(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        seen.append(statement.lstrip().split(None, 1)[0].upper())

    event.listen(store.db.engine, "before_cursor_execute", count)
    try:
        again = store.payments.process_payment(oid, "card", CARD_OK, "tap")
    finally:
        event.remove(store.db.engine, "before_cursor_execute", count)
    assert again.to_dict() == first.to_dict()
    assert not {"INSERT", "UPDATE", "DELETE"} & set(seen), seen
    with store.db.read() as s:
        assert s.scalar(select(func.count(Payment.id)).where(Payment.order_id == oid)) == 1
        assert s.scalar(select(func.count(TaxReceipt.id)).where(TaxReceipt.order_id == oid)) == 1
