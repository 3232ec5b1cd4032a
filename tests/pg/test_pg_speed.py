"""PostgreSQL engine set-up of issue #13: no pre-ping, prepared statements, and a dropped
connection handled by invalidate + retry. Runs in a database of its own (created and
dropped here) when KIOSK_TEST_PG_URL is set."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kiosk.db import engine as engine_module
from tests.helpers import make_store
from tests.hostile import own_pg_database


@pytest.fixture
def own_pg_url() -> Iterator[str]:
    if not os.environ.get("KIOSK_TEST_PG_URL"):
        pytest.skip("KIOSK_TEST_PG_URL is not set; PostgreSQL tests need a server")
    with own_pg_database("kiosk_speed") as url:
        yield url


def _kill_connections(url: str) -> int:
    name = make_url(url).database
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        killed = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        ).scalar()
    admin.dispose()
    return int(killed or 0)


def test_no_pre_ping_and_prepared_statements(own_pg_url: str) -> None:
    store = make_store(own_pg_url)
    try:
        assert store.db.engine.pool._pre_ping is False
        with store.db.engine.connect() as conn:
            assert conn.connection.dbapi_connection.prepare_threshold == 1
    finally:
        store.close()


def test_dropped_connections_are_replaced(own_pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = make_store(own_pg_url)
    try:
        member = store.customers.find_by_phone("081-234-5678")
        assert member is not None
        assert _kill_connections(own_pg_url) >= 1
        # The lookup's connection is dead: the driver fails, the statement is retried.
        assert store.customers.find_by_phone("081-234-5678") == member
        assert _kill_connections(own_pg_url) >= 1
        # A write after the connections sat idle: checked at checkout, replaced.
        monkeypatch.setattr(engine_module, "PG_IDLE_CHECK_SECONDS", 0.0)
        order = store.orders.create([{"item_id": 1, "quantity": 1}])
        assert order.id > 0
    finally:
        store.close()


def test_settings_change_reaches_another_kiosk_through_notify(own_pg_url: str) -> None:
    kiosk = make_store(own_pg_url)
    panel = make_store(own_pg_url, demo=False)
    try:
        kiosk.start_event_relay()
        panel.start_event_relay()
        assert kiosk.current_settings().loyalty.baht_per_point != 30
        panel.settings.update({"loyalty.baht_per_point": 30}, "owner")
        deadline = time.monotonic() + 10
        while kiosk.current_settings().loyalty.baht_per_point != 30:
            assert time.monotonic() < deadline, "the kiosk never heard of the change"
            time.sleep(0.05)
    finally:
        kiosk.close()
        panel.close()
