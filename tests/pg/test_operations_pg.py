"""Receipt numbers and print jobs on PostgreSQL, in a database of their own (other test
runs share the server)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.hostile import own_pg_database
from tests.unit.test_receipts import check_numbers_gap_free


@pytest.fixture
def own_pg_url() -> Iterator[str]:
    if not os.environ.get("KIOSK_TEST_PG_URL"):
        pytest.skip("KIOSK_TEST_PG_URL is not set; PostgreSQL tests need a server")
    with own_pg_database("kiosk_ops") as url:
        yield url


def test_receipt_numbers_unique_and_gap_free_8_processes_postgres(own_pg_url: str) -> None:
    check_numbers_gap_free(own_pg_url)


def test_two_workers_never_claim_the_same_job_postgres(own_pg_url: str) -> None:
    from tests.helpers import make_store

    store = make_store(own_pg_url, config={"printers": {"kitchen": {"url": "tcp://127.0.0.1:9"}}})
    try:
        items = [i for i in store.menu.items() if not i.option_groups]
        for n in range(6):
            order = store.orders.create([{"item_id": items[0].id, "quantity": 1}])
            store.payments.process_payment(order.id, "cash", {}, f"pg-print-{n}")
        claims = [store.print_jobs.claim(f"w{n}") for n in range(8)]
        got = [c.id for c in claims if c is not None]
        assert len(got) == 6 and len(set(got)) == 6
    finally:
        store.close()
