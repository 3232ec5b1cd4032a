"""One user action, one unit of work: the order and its points discount are saved
together or not at all; a locked database reaches the layers above as the project's own
``DatabaseBusy``, never as a SQLAlchemy exception."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from kiosk.app import Store
from kiosk.db.models import LoyaltyTransaction, Order
from kiosk.services.errors import DatabaseBusy, InsufficientPoints, InvalidInput

MEMBER = "0812345678"  # 120 points


def _lines(store: Store) -> list[dict[str, int]]:
    item = next(i for i in store.menu.items() if i.name_en == "Pad Thai with Prawns")
    return [{"item_id": item.id, "quantity": 2}]


def _counts(store: Store) -> tuple[int, int]:
    with store.db.read() as s:
        orders = s.scalar(select(func.count(Order.id))) or 0
        txns = s.scalar(select(func.count(LoyaltyTransaction.id))) or 0
    return orders, txns


def test_create_with_points_redeems_in_the_same_transaction(store: Store) -> None:
    before = store.customers.find_by_phone(MEMBER)
    assert before is not None
    order = store.orders.create(_lines(store), customer_phone=MEMBER, redeem_points=100)
    assert order.points_redeemed == 100
    assert order.discount > 0 and order.total == order.subtotal - order.discount
    after = store.customers.find_by_phone(MEMBER)
    assert after is not None and after.points == before.points - 100


@pytest.mark.parametrize(("points", "error"), [(5000, InsufficientPoints), (-1, InvalidInput)])
def test_a_refused_redeem_saves_no_order_and_spends_no_points(
    store: Store, points: int, error: type[Exception]
) -> None:
    before = _counts(store)
    balance = store.customers.find_by_phone(MEMBER).points  # type: ignore[union-attr]
    with pytest.raises(error):
        store.orders.create(_lines(store), customer_phone=MEMBER, redeem_points=points)
    assert _counts(store) == before
    assert store.customers.find_by_phone(MEMBER).points == balance  # type: ignore[union-attr]


def test_a_locked_database_becomes_database_busy(store: Store, db_url: str) -> None:
    from kiosk.app import open_store

    quick = open_store(db_url, config={"database": {"busy_timeout_ms": 100}})
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=0.1)
    holder.execute("BEGIN IMMEDIATE")  # another kiosk holds the write lock
    try:
        with pytest.raises(DatabaseBusy) as info:
            quick.orders.create(_lines(quick))
        assert "locked" in str(info.value)
    finally:
        holder.rollback()
        holder.close()
        quick.close()
    assert store.orders.create(_lines(store)).number  # the lock is gone: it works again
