"""Money safety on PostgreSQL (KIOSK_TEST_PG_URL): kiosk processes killed while paying,
8 kiosks at once, the same attempt from two processes, and events that survive a kill
right after the commit. Each test has a database of its own (other suites share the
server), dropped afterwards."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import open_store
from kiosk.services.events import CHANNEL
from kiosk.services.payments import CRASH_STEPS
from tests.money_harness import (
    LOAD_ORDERS,
    child_pay_loop,
    config,
    context,
    own_pg_database,
    prepare,
    run_kill_campaign,
    run_many_kiosks,
    run_refund_kills,
    run_same_key,
)


@pytest.fixture
def pg_db() -> Iterator[str]:
    base = os.environ.get("KIOSK_TEST_PG_URL")
    if not base:
        pytest.skip("KIOSK_TEST_PG_URL is not set; PostgreSQL tests need a server")
    with own_pg_database(base, "money") as url:
        yield url


def test_kills_at_random_and_at_every_step_lose_no_charge(pg_db: str, tmp_path: Path) -> None:
    report = run_kill_campaign(pg_db, tmp_path, random_kills=50, steps=CRASH_STEPS[:6])
    assert report["kills"] == 56
    # the child paid between kills; how often depends on the machine, so no fixed count
    assert report["attempts"] > report["kills"] // 2
    assert report["books"].succeeded > 0 and report["books"].failed > 0
    assert report["retries"].get("replayed", 0) >= 20


def test_eight_kiosks_pay_at_once(pg_db: str, tmp_path: Path) -> None:
    report = run_many_kiosks(pg_db, tmp_path, processes=8, orders=LOAD_ORDERS)
    assert report["errors"] == []
    assert report["orders"] == 8 * LOAD_ORDERS
    assert report["duplicate_numbers"] == [] and report["orders_paid_twice"] == []
    assert report["books"].succeeded > 4 * LOAD_ORDERS


def test_two_processes_same_key_get_one_charge_and_the_same_answer(
    pg_db: str, tmp_path: Path
) -> None:
    report = run_same_key(pg_db, tmp_path, rounds=50)
    assert report["problems"] == []
    assert report["charges"] == 50


def test_events_of_a_committed_payment_survive_a_kill_right_after_the_commit(
    pg_db: str, tmp_path: Path
) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    ledger = str(tmp_path / "ledger.sqlite")
    prepare(pg_db, ledger)
    conninfo = make_url(pg_db).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        ctx = context()
        env = {k: v for k, v in os.environ.items() if k.startswith("KIOSK_")}
        ready = ctx.Event()  # kept here: the child rebuilds it by name
        child = ctx.Process(
            target=child_pay_loop,
            args=(
                pg_db,
                ledger,
                str(tmp_path / "run.jsonl"),
                5,
                "after_settle:1",
                env,
                ready,
            ),
        )
        child.start()
        child.join(60)
        assert child.exitcode == -signal.SIGKILL  # died right after its first settle commit
        notes = []
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not notes:
            notes = [json.loads(n.payload) for n in listener.notifies(timeout=0.5, stop_after=5)]
    store = open_store(pg_db, config=config(ledger))
    try:
        settled = [
            o for o in store.orders.list() if o.payments and o.payments[0].status != "pending"
        ]
        assert len(settled) == 1
        order = settled[0]
        names = {n["event"] for n in notes if n.get("order_id") == order.id}
        expected = "order_paid" if order.payments[0].status == "succeeded" else "payment_failed"
        assert expected in names, notes
    finally:
        store.close()


def test_a_refund_killed_at_each_step_is_finished_once(pg_db: str, tmp_path: Path) -> None:
    assert run_refund_kills(pg_db, tmp_path, CRASH_STEPS[6:]) == []
