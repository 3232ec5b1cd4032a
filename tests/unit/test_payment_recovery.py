"""Payments that go wrong half-way: reconcile, late confirmations, interrupted or refused
refunds, cancelling unpaid counter orders, zero-total cash orders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.app import Store
from kiosk.db.models import AuditLog, Payment
from kiosk.services.errors import RefundNotAllowed
from kiosk.services.gateway import ChargeRequest
from tests.helpers import CARD_OK, FakeClock, make_store

MEMBER = "0812345678"


def _order(store: Store, phone: str | None = MEMBER) -> int:
    return store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=phone).id


def test_reconcile_leaves_other_kiosks_payments_alone(db_url: str) -> None:
    kiosk1 = make_store(db_url, config={"store": {"kiosk_id": "kiosk-1"}})
    clock2 = FakeClock()
    kiosk2 = make_store(db_url, demo=False, config={"store": {"kiosk_id": "kiosk-2"}}, clock=clock2)
    oid = _order(kiosk1)
    seen: list[list] = []  # type: ignore[type-arg]
    real_charge = kiosk1.gateway.charge

    def charge_while_kiosk2_starts(request: ChargeRequest):  # type: ignore[no-untyped-def]
        seen.append(kiosk2.payments.reconcile())  # kiosk-2 restarts mid-charge
        seen.append(kiosk2.payments.reconcile(kiosk_id="*", grace_seconds=300))
        return real_charge(request)

    kiosk1.gateway.charge = charge_while_kiosk2_starts  # type: ignore[method-assign]
    result = kiosk1.payments.process_payment(oid, "card", CARD_OK, "k")
    assert seen == [[], []]
    assert result.success
    assert kiosk1.orders.get(oid).status == "preparing"
    kiosk1.close()
    kiosk2.close()


def test_a_late_success_after_failure_is_refunded_and_audited(store: Store) -> None:
    from kiosk.services.gateway import GatewayResponse

    oid = _order(store)
    pending = store.payments.begin_promptpay(oid, "k")
    txn = pending.transaction_id  # type: ignore[union-attr]
    payment_id = pending.payment_id  # type: ignore[union-attr]
    # Recorded as failed (e.g. by a timeout) while the bank was still deciding...
    store.payments._settle(
        payment_id, GatewayResponse("failed", "timed out", txn, store.clock.now())
    )
    store.clock.advance(seconds=5)  # type: ignore[attr-defined]
    # ...then the provider's answer arrives: it took the money.
    late = store.payments._settle(payment_id, store.gateway.status(txn))
    assert late.status == "failed"
    assert store.gateway.status(txn).status == "refunded"
    with store.db.read() as s:
        actions = s.scalars(select(AuditLog.action)).all()
    assert "payment.late_success_refunded" in actions
    assert store.orders.get(oid).status == "pending"


def test_cancel_after_the_bank_confirmed_reports_the_payment(db_url: str) -> None:
    clock = FakeClock()
    store = make_store(db_url, config={"payments": {"promptpay_failure_rate": 0}}, clock=clock)
    oid = _order(store)
    pending = store.payments.begin_promptpay(oid, "k")
    clock.advance(seconds=5)  # confirmed at 3 s, nobody polled yet
    result = store.payments.cancel_pending(pending.transaction_id, "customer left")  # type: ignore[union-attr]
    assert result.success and result.status == "succeeded"
    assert store.orders.get(oid).status == "preparing"
    store.close()


def test_refund_interrupted_after_the_provider_refunded_is_finished_by_reconcile(
    store: Store,
) -> None:
    oid = _order(store)
    paid = store.payments.process_payment(oid, "card", CARD_OK, "k")
    txn = paid.transaction_id
    assert txn is not None
    real_refund = store.gateway.refund

    def refund_then_crash(transaction_id, amount):  # type: ignore[no-untyped-def]
        real_refund(transaction_id, amount)
        raise ConnectionError("lost the answer")

    store.gateway.refund = refund_then_crash  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        store.payments.refund(txn, staff="Boss", reason="cold soup")
    assert store.payments.status(txn).status == "refunding"
    with pytest.raises(RefundNotAllowed, match="already"):
        store.payments.refund(txn, staff="Boss", reason="again")
    store.gateway.refund = real_refund  # type: ignore[method-assign]
    results = store.payments.reconcile()
    assert [r.status for r in results] == ["refunded"]
    assert store.orders.get(oid).status == "refunded"
    assert store.customers.find_by_phone(MEMBER).points == 120  # type: ignore[union-attr]
    assert store.loyalty.balance_check() == []


def test_refund_refused_by_the_provider_leaves_the_payment_paid(store: Store) -> None:
    oid = _order(store)
    txn = store.payments.process_payment(oid, "card", CARD_OK, "k").transaction_id
    assert txn
    store.gateway.refund = lambda t, a: type(  # type: ignore[method-assign]
        "R", (), {"status": "failed", "message": "card closed"}
    )()
    with pytest.raises(RefundNotAllowed, match="card closed"):
        store.payments.refund(txn, staff="Boss", reason="x")
    assert store.payments.status(txn).status == "succeeded"
    assert store.orders.get(oid).status == "preparing"


def test_an_unpaid_pay_at_counter_order_can_be_cancelled(db_url: str) -> None:
    store = make_store(db_url, config={"payments": {"pay_at_counter": True}})
    oid = _order(store)
    store.loyalty.redeem(oid, 100)
    assert store.payments.process_payment(oid, "cash", {}, "k").status == "awaiting_counter"
    assert store.customers.find_by_phone(MEMBER).points == 20  # type: ignore[union-attr]
    store.orders.cancel(oid, staff="Nok")
    order = store.orders.get(oid)
    assert order.status == "cancelled"
    assert [p.status for p in order.payments] == ["failed"]
    assert store.customers.find_by_phone(MEMBER).points == 120  # type: ignore[union-attr]
    replay = store.payments.process_payment(oid, "cash", {}, "k")
    assert not replay.success and replay.status == "failed"
    store.close()


def test_a_zero_total_cash_order_never_waits_for_the_counter(db_url: str) -> None:
    store = make_store(db_url, config={"payments": {"pay_at_counter": True}})
    store.loyalty.adjust(MEMBER, 2000, "promo", staff="Boss")
    oid = store.orders.create([{"item_id": 2}], customer_phone=MEMBER).id  # ฿80
    store.loyalty.redeem(oid, 800)
    result = store.payments.process_payment(oid, "cash", {}, "k")
    assert result.success and result.amount == 0
    assert store.orders.get(oid).status == "preparing"
    store.close()


def test_a_database_moved_between_the_crash_and_the_recovery_keeps_its_charge(
    tmp_path: Path,
) -> None:
    """The provider knows a merchant by its account, not by where its database lies: a
    kiosk's file restored to another folder after a crash must still find the charge
    the provider holds (it used to settle it as "failed, nothing charged")."""
    ledger = {"payments": {"mock_ledger": str(tmp_path / "provider.sqlite")}}
    first = tmp_path / "disk-1" / "kiosk.db"
    store = make_store(f"sqlite:///{first}", config=ledger)
    oid = _order(store)
    real_charge = store.gateway.charge

    def charge_then_lose_the_answer(request: ChargeRequest):  # type: ignore[no-untyped-def]
        real_charge(request)
        raise ConnectionError("the kiosk died before the answer came back")

    store.gateway.charge = charge_then_lose_the_answer  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        store.payments.process_payment(oid, "card", CARD_OK, "k")
    store.close()
    moved = tmp_path / "disk-2" / "kiosk.db"
    moved.parent.mkdir()
    shutil.move(first, moved)

    store = make_store(f"sqlite:///{moved}", config=ledger)  # the recovery runs here
    try:
        assert store.orders.get(oid).status == "preparing"  # paid, once
        with store.db.read() as s:
            statuses = list(s.scalars(select(Payment.status).where(Payment.order_id == oid)))
        assert statuses == ["succeeded"]
        assert len(store.gateway.ledger.charges()) == 1  # the provider charged once
    finally:
        store.close()


def test_a_restored_backup_is_never_answered_with_another_payments_charge(
    tmp_path: Path,
) -> None:
    """The kiosk's payment ids count again in a database copied back from a backup. The
    provider knows the first payment #1 (made earlier): the new payment #1 must not be
    answered with that charge (it was "paid", nothing charged) nor overwrite it, and its
    recovery after a crash must not settle it from that charge either."""
    ledger = {"payments": {"mock_ledger": str(tmp_path / "provider.sqlite")}}
    live = tmp_path / "kiosk.db"
    store = make_store(f"sqlite:///{live}", config=ledger)
    store.close()
    backup = tmp_path / "backup.db"
    shutil.copyfile(live, backup)  # last night's backup

    store = make_store(f"sqlite:///{live}", config=ledger)
    first = store.payments.process_payment(_order(store), "card", CARD_OK, "k1")
    assert first.success
    charged = store.gateway.ledger.charges()
    store.close()

    shutil.copyfile(backup, live)  # the disk failed: the backup goes back
    clock = FakeClock()
    clock.advance(seconds=60)
    store = make_store(f"sqlite:///{live}", config=ledger, clock=clock)
    try:
        oid = _order(store)
        again = store.payments.process_payment(oid, "card", CARD_OK, "k2")
        assert again.payment_id == first.payment_id  # the same number, another payment
        assert not again.success and "another payment" in again.message
        assert store.orders.get(oid).status == "pending"  # not paid for nothing
        assert store.gateway.ledger.charges() == charged  # the first charge is untouched

        # a crash after the pending row: the recovery asks by number, and must not take
        # the other payment's charge for this one
        real_charge = store.gateway.charge

        def crash_before_the_charge(request: ChargeRequest):  # type: ignore[no-untyped-def]
            raise ConnectionError("the kiosk died")

        store.gateway.charge = crash_before_the_charge  # type: ignore[method-assign]
        with pytest.raises(ConnectionError):
            store.payments.process_payment(oid, "card", CARD_OK, "k3")
        store.gateway.charge = real_charge  # type: ignore[method-assign]
        settled = store.payments.reconcile()
        assert [r.status for r in settled] == ["failed"]
        assert store.orders.get(oid).status == "pending"
    finally:
        store.close()
