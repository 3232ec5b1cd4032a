"""Money safety on SQLite: kiosk processes killed while paying, many kiosks at once, and
the same attempt from two processes. (PostgreSQL: tests/pg/test_money_safety_pg.py.)"""

from __future__ import annotations

from pathlib import Path

from kiosk.services.payments import CRASH_STEPS
from tests.money_harness import (
    LOAD_ORDERS,
    run_kill_campaign,
    run_many_kiosks,
    run_refund_kills,
    run_same_key,
)

#: the steps of a payment, in order: before and after the pending row, after the
#: provider's charge, after recording its transaction id, inside the settling transaction
#: and right after its commit
PAYMENT_STEPS = CRASH_STEPS[:6]


def test_kills_at_random_and_at_every_step_lose_no_charge(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    report = run_kill_campaign(url, tmp_path, random_kills=50, steps=PAYMENT_STEPS)
    assert report["kills"] == 56
    # the child paid between kills; how often depends on the machine, so no fixed count
    assert report["attempts"] > report["kills"] // 2
    assert report["books"].succeeded > 0 and report["books"].failed > 0
    assert report["retries"].get("replayed", 0) >= 20


def test_eight_kiosks_pay_at_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    report = run_many_kiosks(url, tmp_path, processes=8, orders=LOAD_ORDERS)
    assert report["errors"] == []
    assert report["orders"] == 8 * LOAD_ORDERS
    assert report["duplicate_numbers"] == [] and report["orders_paid_twice"] == []
    assert report["books"].succeeded > 4 * LOAD_ORDERS


def test_two_processes_same_key_get_one_charge_and_the_same_answer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    report = run_same_key(url, tmp_path, rounds=50)
    assert report["problems"] == []
    assert report["charges"] == 50


def test_a_refund_killed_at_each_step_is_finished_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    assert run_refund_kills(url, tmp_path, CRASH_STEPS[6:]) == []
