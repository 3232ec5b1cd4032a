"""How many statements a card payment runs on PostgreSQL (issue #13; the SQLite count is in
tests/unit/test_statement_counts.py). Each one is a network round trip here. Counts, never
timings: a change that adds a statement or a transaction to a payment fails here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from kiosk.app import Store
from tests.helpers import CARD_OK, make_store

MEMBER = "081-234-5678"  # a demo member with points

# start: order FOR UPDATE, its payments and the key, INSERT; the transaction id: UPDATE;
# settle: order+payment FOR UPDATE, then 7 writes (membership UPDATE ... RETURNING, customer,
# receipt counter, loyalty, order, tax receipt, payment) and one pg_notify of its events.
# PostgreSQL's BEGIN is implicit (not a statement of its own); COMMIT is not counted.
# 27 statements in 4 transactions before issue #13's work.
PG_PAYMENT_STATEMENTS = 13
PG_PAYMENT_TRANSACTIONS = 3


@contextmanager
def counted(store: Store) -> Iterator[tuple[list[str], list[int]]]:
    seen: list[str] = []
    begins: list[int] = []

    def count(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        seen.append(statement)

    def begin(_conn: Any) -> None:
        begins.append(1)

    event.listen(store.db.engine, "before_cursor_execute", count)
    event.listen(store.db.engine, "begin", begin)
    try:
        yield seen, begins
    finally:
        event.remove(store.db.engine, "before_cursor_execute", count)
        event.remove(store.db.engine, "begin", begin)


def test_card_payment_statement_count_on_postgres(pg_url: str) -> None:
    store = make_store(pg_url)
    try:
        first = store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone=MEMBER).id
        assert store.payments.process_payment(first, "card", CARD_OK, "warm-up").success
        oid = store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=MEMBER).id
        with counted(store) as (seen, begins):
            r = store.payments.process_payment(oid, "card", CARD_OK, "count-1")
        assert r.success and r.points_earned > 0
        listing = "\n".join(s.split("\n")[0][:120] for s in seen)
        assert len(seen) <= PG_PAYMENT_STATEMENTS, listing
        assert len(begins) <= PG_PAYMENT_TRANSACTIONS, listing
        assert not any("FROM settings" in s or "FROM tiers" in s for s in seen), listing
        # the order is locked before its payment in the settling transaction
        assert any("FOR UPDATE OF orders, payments" in s for s in seen), listing
    finally:
        store.close()
