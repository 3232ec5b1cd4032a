"""The provider's ledger, recovery that asks it, replays, the order's kiosk and the safe
defaults, one rule at a time (the crash campaigns are in test_money_safety.py)."""

from __future__ import annotations

import random
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.app import Store, open_store
from kiosk.config import load_settings
from kiosk.db.models import Payment
from kiosk.services.demo import seed_demo
from kiosk.services.errors import InvalidPromptPayTarget
from kiosk.services.gateway import CardDetails, ChargeRequest, MockGateway
from kiosk.services.payments import (
    DEMO_PROMPTPAY_ID,
    EXAMPLE_PROMPTPAY_ID,
    promptpay_target_problem,
)
from tests.helpers import CARD_OK, FakeClock, make_store

MEMBER = "0812345678"


def _gateway(path: str | Path, clock: FakeClock, failure: float = 0.0) -> MockGateway:
    return MockGateway(lambda: failure, lambda: 3, random.Random(1), clock, ledger=str(path))


def _order(store: Store) -> int:
    return store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=MEMBER).id


def test_mock_ledger_outlives_the_gateway_and_answers_lookup(tmp_path: Path) -> None:
    clock = FakeClock()
    card = CardDetails("Visa", "4242", "approved")
    first = _gateway(tmp_path / "ledger.sqlite", clock)
    charged = first.charge(ChargeRequest(7, "card", Decimal("80.00"), card=card))
    pending = first.charge(ChargeRequest(8, "promptpay", Decimal("50.00")))
    assert charged.status == "succeeded" and pending.status == "pending"
    first.close()
    again = _gateway(tmp_path / "ledger.sqlite", clock)  # a restart
    assert again.lookup(7).status == "succeeded"
    assert again.lookup(7).transaction_id == charged.transaction_id
    assert again.lookup(9).status == "unknown"
    assert again.lookup(8).status == "pending"
    clock.advance(seconds=3)
    assert again.lookup(8).status == "succeeded"  # confirmed once its time came
    # a repeated charge for the same reference is answered as the first, never twice
    assert again.charge(ChargeRequest(7, "card", Decimal("80.00"), card=card)) == again.lookup(7)
    assert len(again.ledger.charges()) == 2
    assert again.refund(charged.transaction_id or "", Decimal("80.00")).status == "succeeded"
    assert again.refund(charged.transaction_id or "", Decimal("80.00")).message == (
        "Already refunded."
    )
    assert _gateway(tmp_path / "ledger.sqlite", clock).lookup(7).status == "refunded"


def test_mock_gateway_needs_a_ledger_and_memory_only_when_asked() -> None:
    with pytest.raises(ValueError, match="ledger"):
        MockGateway(lambda: 0.0, lambda: 0.0)
    gw = MockGateway(lambda: 0.0, lambda: 0.0, ledger=":memory:")
    assert gw.charge(ChargeRequest(1, "cash", Decimal("1.00"))).status == "succeeded"
    assert not hasattr(gw, "_txns")  # no per-order dicts: memory stays bounded


def test_the_default_ledger_is_a_file_in_the_data_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    settings = load_settings()
    assert settings.mock_ledger_path == str(tmp_path / "data" / "mock-gateway-ledger.sqlite")
    store = make_store(f"sqlite:///{tmp_path / 'k.db'}")
    oid = _order(store)
    store.payments.process_payment(oid, "card", CARD_OK, "k")
    store.close()
    assert (tmp_path / "data" / "mock-gateway-ledger.sqlite").exists()


def test_a_relative_ledger_path_is_in_the_data_folder_wherever_a_command_runs(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # it was resolved against the current folder: the provider's books moved with `cd`
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    for cwd in (tmp_path, tmp_path / "data"):
        cwd.mkdir(exist_ok=True)
        monkeypatch.chdir(cwd)
        settings = load_settings(overrides={"payments": {"mock_ledger": "books/ledger.sqlite"}})
        assert settings.mock_ledger_path == str(tmp_path / "data" / "books" / "ledger.sqlite")
    absolute = load_settings(overrides={"payments": {"mock_ledger": str(tmp_path / "x.db")}})
    assert absolute.mock_ledger_path == str(tmp_path / "x.db")
    memory = load_settings(overrides={"payments": {"mock_ledger": ":memory:"}})
    assert memory.mock_ledger_path == ":memory:"


def test_recovery_on_open_settles_a_charge_killed_before_its_transaction_id(
    store: Store, db_url: str
) -> None:
    """The process charged, then died before recording the transaction id: the new
    process asks the provider by reference and records the charge with its points."""
    oid = _order(store)
    store.gateway.charge = _charge_then_die(store)  # type: ignore[method-assign]
    with pytest.raises(SystemExit):
        store.payments.process_payment(oid, "card", CARD_OK, "k")
    with store.db.read() as s:
        p = s.scalars(select(Payment)).one()
        assert p.status == "pending" and p.transaction_id is None
    store.close()
    fresh = make_store(db_url, demo=False)
    order = fresh.orders.get(oid)
    assert order.status == "preparing" and order.payments[0].status == "succeeded"
    assert order.payments[0].transaction_id is not None
    assert fresh.customers.find_by_phone(MEMBER).points == 144  # type: ignore[union-attr]
    replay = fresh.payments.process_payment(oid, "card", CARD_OK, "k")
    assert replay.success and replay.transaction_id == order.payments[0].transaction_id
    fresh.close()


def _charge_then_die(store: Store):  # type: ignore[no-untyped-def]
    real = store.gateway.charge

    def charge(request: ChargeRequest):  # type: ignore[no-untyped-def]
        real(request)
        raise SystemExit("power cut after the provider charged")

    return charge


def test_recovery_leaves_a_payment_a_live_process_is_working_on(db_url: str) -> None:
    kiosk = make_store(db_url)
    oid = _order(kiosk)
    seen: list[int] = []
    real = kiosk.gateway.charge

    def slow_charge(request: ChargeRequest):  # type: ignore[no-untyped-def]
        # the same kiosk opened elsewhere (admin panel, CLI) while this charge is in flight
        other = make_store(db_url, demo=False)
        seen.append(len(other.payments.reconcile()))
        other.close()
        return real(request)

    kiosk.gateway.charge = slow_charge  # type: ignore[method-assign]
    assert kiosk.payments.process_payment(oid, "card", CARD_OK, "k").success
    assert seen == [0]
    assert [p.status for p in kiosk.orders.get(oid).payments] == ["succeeded"]
    kiosk.close()


def _hold_charges(store: Store) -> tuple[threading.Event, threading.Event]:
    """Each gateway charge, once inside (``inside`` set), waits until ``release`` is set
    (10 s at the most)."""
    inside = threading.Event()
    release = threading.Event()
    real = store.gateway.charge

    def held_charge(request: ChargeRequest):  # type: ignore[no-untyped-def]
        inside.set()
        release.wait(10)
        return real(request)

    store.gateway.charge = held_charge  # type: ignore[method-assign]
    return inside, release


def test_a_concurrent_call_with_the_same_key_waits_and_replays(store: Store) -> None:
    oid = _order(store)
    inside, release = _hold_charges(store)
    results: list[object] = []
    first = threading.Thread(
        target=lambda: results.append(store.payments.process_payment(oid, "card", CARD_OK, "k"))
    )
    first.start()
    assert inside.wait(10)
    threading.Timer(0.3, release.set).start()
    second = store.payments.process_payment(oid, "card", CARD_OK, "k")  # not OrderNotPayable
    first.join(10)
    assert second.success and results and second.to_dict() == results[0].to_dict()  # type: ignore[attr-defined]
    assert len(store.gateway.ledger.charges()) == 1  # type: ignore[attr-defined]


def test_a_replay_that_outwaits_the_first_says_it_is_still_processing(store: Store) -> None:
    oid = _order(store)
    inside, release = _hold_charges(store)
    store.payments.replay_wait_seconds = 0.2
    first = threading.Thread(
        target=lambda: store.payments.process_payment(oid, "card", CARD_OK, "k")
    )
    first.start()
    assert inside.wait(10)
    second = store.payments.process_payment(oid, "card", CARD_OK, "k")
    release.set()
    first.join(10)
    assert second.status == "pending" and not second.success
    assert "still being processed" in second.message


def test_the_payment_belongs_to_the_orders_kiosk(db_url: str) -> None:
    store = make_store(db_url, config={"store": {"kiosk_id": "kiosk-1"}})
    oid = store.orders.create([{"item_id": 1}], kiosk_id="kiosk-2").id
    store.payments.process_payment(oid, "card", CARD_OK, "k")
    with store.db.read() as s:
        assert s.scalars(select(Payment.kiosk_id)).all() == ["kiosk-2"]
    store.close()


def test_cash_defaults_to_the_counter_without_a_cash_acceptor(db_url: str) -> None:
    store = open_store(db_url, migrate=True)
    seed_demo(store.db, store.settings_file)
    assert store.current_settings().payments.cash_acceptor is False
    oid = _order(store)
    r = store.payments.process_payment(oid, "cash", {}, "k")
    assert r.status == "awaiting_counter" and not r.success and r.points_earned == 0
    assert r.message == f"Please pay {r.amount:.2f} THB at the counter, order {r.order_number}."
    assert store.orders.get(oid).status == "pending"
    assert store.customers.find_by_phone(MEMBER).points == 120  # type: ignore[union-attr]
    assert store.gateway.ledger.charges() == []  # type: ignore[attr-defined]
    assert store.payments.process_payment(oid, "cash", {}, "k").status == "awaiting_counter"
    store.close()


def test_the_example_promptpay_number_is_refused(db_url: str) -> None:
    assert promptpay_target_problem(EXAMPLE_PROMPTPAY_ID)
    assert promptpay_target_problem("+66 81 234 5678")  # the same number, written otherwise
    assert promptpay_target_problem("")
    assert promptpay_target_problem("12ab")
    assert promptpay_target_problem("089-999-9999") is None
    assert promptpay_target_problem(DEMO_PROMPTPAY_ID) is None
    store = open_store(db_url, migrate=True)
    seed_demo(store.db, store.settings_file)
    oid = _order(store)
    with pytest.raises(InvalidPromptPayTarget, match="example number"):
        store.payments.begin_promptpay(oid, "k")
    with pytest.raises(InvalidPromptPayTarget):
        store.payments.process_payment(oid, "promptpay", {"promptpay_id": "081 234 5678"}, "k")
    assert store.orders.get(oid).payments == ()
    store.close()


def test_kiosk_run_says_in_one_line_how_to_set_promptpay(db_url: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kiosk.ui.launch as launch
    from kiosk.cli import main

    started: list[str] = []

    def fake_run(open_store, **kw):  # type: ignore[no-untyped-def]
        store = open_store()  # after the first paint, in the real one
        started.append(store.current_settings().store.promptpay_id)
        store.close()
        return 0

    monkeypatch.setattr(launch, "run_kiosk", fake_run)
    assert main(["--database-url", db_url, "db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["--database-url", db_url, "run"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "promptpay_id" in err[0] and "example number" in err[0]
    assert main(["--database-url", db_url, "run", "--demo"]) == 0
    assert capsys.readouterr().err == ""
    assert started == [EXAMPLE_PROMPTPAY_ID, DEMO_PROMPTPAY_ID]


def test_another_live_process_keeps_its_payment_until_it_dies(db_url: str, tmp_path: Path) -> None:
    import os
    import signal

    from tests.money_harness import child_stuck_before_charge, config, context, prepare

    ledger = str(tmp_path / "ledger.sqlite")
    prepare(db_url, ledger)
    store = open_store(db_url, config=config(ledger))
    oid = store.orders.create([{"item_id": 1}]).id
    ctx = context()
    started = ctx.Event()
    env = {k: v for k, v in os.environ.items() if k.startswith("KIOSK_")}
    child = ctx.Process(target=child_stuck_before_charge, args=(db_url, ledger, env, oid, started))
    child.start()
    try:
        assert started.wait(30)
        # the other process is alive, between its pending row and the provider
        assert store.payments.reconcile(grace_seconds=0) == []
        assert [p.status for p in store.orders.get(oid).payments] == ["pending"]
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
    settled = store.payments.reconcile()  # now its process is gone: nothing was charged
    assert [(r.status, r.payment_id) for r in settled] == [("failed", settled[0].payment_id)]
    assert store.orders.get(oid).status == "pending"
    store.close()


def test_lock_files_of_dead_processes_are_swept(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.db"
    store = make_store(f"sqlite:///{db}")
    folder = tmp_path / ".kiosk.db.owners"
    folder.mkdir()
    (folder / "deadbeefdeadbeefdeadbeefdeadbeef.lock").write_bytes(b"")  # a killed process
    store.payments.process_payment(_order(store), "card", CARD_OK, "k")
    assert [p.stem for p in folder.glob("*.lock")] == [store.payments._presence.owner]
    store.close()
    assert list(folder.glob("*")) == []  # closing removes its own
