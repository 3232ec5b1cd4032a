"""How many statements the hot paths run (issue #13). Counts, never timings: a change that
adds a statement to a phone lookup, a payment or a table's first page fails here, where a
benchmark would only drift.

SQLAlchemy's ``before_cursor_execute`` counts what goes through ``Connection.execute``;
the phone lookup runs below it (on the pool's DB-API connection), so it is counted with
SQLite's own trace, which sees every statement SQLite runs, ``BEGIN`` included.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from kiosk.app import Store
from kiosk.services.listings import OrderListing
from kiosk.services.listings import base as listing_base
from tests.helpers import CARD_OK, make_store

MEMBER = "081-234-5678"  # a demo member with points

# What the code does after issue #13. Lower is fine (then lower these); higher fails.
LOOKUP_STATEMENTS = 1
# A card payment by a member, three transactions: start (BEGIN, order, its payments and the
# key, INSERT), the transaction id (BEGIN, UPDATE), settle (BEGIN, order+payment+receipt?,
# then only writes: membership UPDATE ... RETURNING, customer, receipt counter, loyalty,
# order, tax receipt, payment). 29 statements in 4 transactions before (31 before that).
PAYMENT_STATEMENTS = 15
PAYMENT_TRANSACTIONS = 3
# Opening the orders table: the first page (its ids joined to the orders, their latest
# payments and line counts) with the table's id span, one statement and no BEGIN (a lone
# SELECT is its own read transaction); 2 + BEGIN before, 5 + BEGIN before that.
ORDERS_FIRST_PAGE_STATEMENTS = 1
ORDERS_OPEN_STATEMENTS = 1


@contextmanager
def sqlalchemy_statements(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        seen.append(statement)

    event.listen(store.db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(store.db.engine, "before_cursor_execute", count)


@contextmanager
def sqlite_statements(store: Store) -> Iterator[list[str]]:
    """Every statement SQLite runs on this store's connections (new ones: the pool is
    emptied first so each connection gets the trace)."""
    seen: list[str] = []

    def trace(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.set_trace_callback(seen.append)

    store.db.engine.dispose()
    event.listen(store.db.engine, "connect", trace)
    try:
        yield seen
    finally:
        event.remove(store.db.engine, "connect", trace)
        store.db.engine.dispose()


def _settings_reads(statements: list[str]) -> list[str]:
    return [s for s in statements if "FROM settings" in s or "FROM tiers" in s]


def test_phone_lookup_is_one_select_and_reads_no_settings(store: Store) -> None:
    store.customers.find_by_phone(MEMBER)  # settings loaded once, before counting
    with sqlite_statements(store) as seen:
        for typed in (MEMBER, "0812345678", "+66 81 234 5678", "๐๘๑๒๓๔๕๖๗๘", "0899999999"):
            store.customers.find_by_phone(typed)
    lookups = [s for s in seen if not s.startswith("PRAGMA")]  # the new connection's set-up
    assert len(lookups) == 5 * LOOKUP_STATEMENTS, lookups
    assert all(s.lstrip().upper().startswith("SELECT") for s in lookups), lookups
    assert _settings_reads(lookups) == []


def test_phone_lookup_finds_the_same_member_as_before(store: Store) -> None:
    view = store.customers.find_by_phone("+66 81 234 5678")
    assert view is not None
    assert view == store.customers.get(view.id)
    assert store.customers.find_by_phone("0899999999") is None


def test_lookup_falls_back_to_sqlalchemy_when_the_driver_fails(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = store.customers.find_by_phone(MEMBER)
    monkeypatch.setattr(store.customers._by_phone, "sql", "SELECT nonsense FROM nowhere")
    assert store.customers.find_by_phone(MEMBER) == expected


def test_card_payment_statement_count(store: Store) -> None:
    oid = store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=MEMBER).id
    with sqlalchemy_statements(store) as seen:
        r = store.payments.process_payment(oid, "card", CARD_OK, "count-1")
    assert r.success
    assert _settings_reads(seen) == []
    assert len(seen) <= PAYMENT_STATEMENTS, "\n".join(s.split("\n")[0] for s in seen)
    begins = [s for s in seen if s.startswith("BEGIN")]
    assert len(begins) <= PAYMENT_TRANSACTIONS


@pytest.mark.parametrize("method", ["card", "cash", "promptpay"])
def test_payment_hot_path_builds_no_orm_objects(store: Store, method: str) -> None:
    """A member's payment is Core statements on plain rows: the session never loads,
    tracks or flushes an ORM object (what cost 4 ms of CPU a payment before). A change
    that brings the ORM back onto the path fails here, without timing anything."""
    from sqlalchemy.orm import Session

    oid = store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=MEMBER).id
    loaded: list[str] = []
    flushed: list[int] = []

    def on_load(target: Any, _context: Any) -> None:
        loaded.append(type(target).__name__)

    def on_flush(session: Session, _ctx: Any, _instances: Any) -> None:
        flushed.append(len(session.new) + len(session.dirty))

    from kiosk.db.models import Base

    event.listen(Base, "load", on_load, propagate=True)
    event.listen(Session, "before_flush", on_flush)
    try:
        if method == "promptpay":
            pending = store.payments.begin_promptpay(oid, "no-orm-1")
            store.clock.advance(seconds=5)  # past the demo gateway's confirmation delay
            r = store.payments.poll(pending.transaction_id)
        else:
            r = store.payments.process_payment(oid, method, CARD_OK if method == "card" else {})
    finally:
        event.remove(Base, "load", on_load)
        event.remove(Session, "before_flush", on_flush)
    assert r.success, r.message
    assert loaded == [] or method == "promptpay", loaded
    assert flushed == [], flushed


def test_settings_are_read_once_and_refreshed_by_the_change_event(store: Store) -> None:
    store.settings.invalidate()
    loads = store.settings.loads
    for _ in range(20):
        store.current_settings()
    assert store.settings.loads == loads + 1
    store.settings.update({"loyalty.baht_per_point": 20}, "owner")
    assert store.current_settings().loyalty.baht_per_point == 20
    reads = store.settings.loads
    store.current_settings()
    assert store.settings.loads == reads


def test_another_process_changing_settings_is_seen_through_the_watcher(db_url: str) -> None:
    """Two stores on one SQLite file stand for the kiosk and a staff panel process."""
    kiosk = make_store(db_url)
    panel = make_store(db_url, demo=False)
    try:
        kiosk.start_event_relay()
        assert kiosk.current_settings().loyalty.baht_per_point != 25
        panel.settings.update({"loyalty.baht_per_point": 25}, "owner")
        deadline = time.monotonic() + 10
        while kiosk.current_settings().loyalty.baht_per_point != 25:
            assert time.monotonic() < deadline, "the kiosk never saw the new setting"
            time.sleep(0.05)
    finally:
        kiosk.close()
        panel.close()


@pytest.fixture
def orders_store(store: Store) -> Store:
    for _ in range(3):
        oid = store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone=MEMBER).id
        store.payments.process_payment(oid, "cash", {})
    return store


def test_large_unfiltered_table_opens_without_count(
    orders_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing_base, "EXACT_COUNT_BELOW", 0)  # as if it held a million orders
    listing = OrderListing(orders_store.db, orders_store.current_settings)
    with sqlalchemy_statements(orders_store) as seen:
        total, rows = listing.opened(2)  # a full first page: the rest is not read
    assert total == 3 and len(rows) == 2
    assert listing.count_is_estimate
    assert not any("count(" in s.lower() for s in seen), seen
    assert len(seen) <= ORDERS_OPEN_STATEMENTS
    assert len([s for s in seen if not s.startswith("BEGIN")]) <= ORDERS_FIRST_PAGE_STATEMENTS


def test_a_short_unfiltered_first_page_is_the_count(
    orders_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing_base, "EXACT_COUNT_BELOW", 0)
    listing = OrderListing(orders_store.db, orders_store.current_settings)
    with sqlalchemy_statements(orders_store) as seen:
        total, rows = listing.opened(50)
    assert total == 3 and len(rows) == 3
    assert not listing.count_is_estimate  # every row is on the page
    assert len(seen) == 1 and "count(" not in seen[0].lower()


def test_a_small_table_with_a_full_first_page_is_counted(orders_store: Store) -> None:
    listing = OrderListing(orders_store.db, orders_store.current_settings)
    with sqlalchemy_statements(orders_store) as seen:
        total, rows = listing.opened(2)  # 3 orders: an id span this small is counted
    assert total == 3 and len(rows) == 2
    assert not listing.count_is_estimate
    assert any("count(" in s.lower() for s in seen)


def test_filtered_table_is_counted_exactly(
    orders_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing_base, "EXACT_COUNT_BELOW", 0)
    listing = OrderListing(orders_store.db, orders_store.current_settings).with_filters(
        statuses=["preparing"]
    )
    with sqlalchemy_statements(orders_store) as seen:
        assert listing.count() == 3
    assert not listing.count_is_estimate
    assert any("count(" in s.lower() for s in seen)


def test_order_search_by_phone_opens_in_one_statement(orders_store: Store) -> None:
    """The member's id is a subquery of the page (no lookup of its own), and a first page
    shorter than a page is the count (no COUNT): one statement, no BEGIN; 3 statements
    and 2 BEGINs before."""
    listing = OrderListing(orders_store.db, orders_store.current_settings)
    found = listing.with_filters(search=MEMBER)
    with sqlalchemy_statements(orders_store) as seen:
        total, rows = found.opened(50)
    assert total == 3 and len(rows) == 3
    assert not found.count_is_estimate
    assert [s.split(None, 1)[0] for s in seen] == ["SELECT"], seen  # no BEGIN either
    assert "count(" not in seen[0].lower()
    nobody = listing.with_filters(search="089-999-9999")  # no such member
    assert nobody.opened(50) == (0, [])


def test_a_full_first_filtered_page_is_counted(orders_store: Store) -> None:
    found = OrderListing(orders_store.db, orders_store.current_settings).with_filters(search=MEMBER)
    with sqlalchemy_statements(orders_store) as seen:
        total, rows = found.opened(2)
    assert total == 3 and len(rows) == 2
    assert not found.count_is_estimate
    assert any("count(" in s.lower() for s in seen)


def test_compiled_read_reports_a_failing_database_through_the_hook(tmp_path: Any) -> None:
    from kiosk.db import Database
    from kiosk.db.engine import CompiledRead
    from kiosk.services.customers import _BY_PHONE

    class Busy(Exception):
        pass

    db = Database(f"sqlite:///{tmp_path / 'empty.db'}")  # no tables: both tries fail
    try:
        read = CompiledRead(db.engine, _BY_PHONE, on_db_error=lambda exc: Busy(str(exc)))
        with pytest.raises(Busy):
            read.first(phone="+66812345678")
    finally:
        db.dispose()


def test_a_commit_right_after_the_watcher_starts_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watcher took its starting version in its own thread: a commit made before that
    thread ran became the starting point and was never reported (a CI run caught it)."""
    import sqlite3
    import threading

    from kiosk.services.events import DataChanged, EventBus, SqliteChangeWatcher

    path = tmp_path / "w.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    bus = EventBus()
    seen = threading.Event()
    bus.subscribe(lambda _e: seen.set(), DataChanged)
    watcher = SqliteChangeWatcher(bus, str(path), interval=0.05)
    real = watcher._watch

    def late(*args: object) -> None:  # a thread that gets the CPU late, as on a busy machine
        time.sleep(0.3)
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(watcher, "_watch", late)
    watcher.start()
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    try:
        assert seen.wait(5), "the commit right after start was missed"
    finally:
        watcher.stop()
        con.close()
