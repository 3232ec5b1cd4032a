"""Payments: the seed's contract, the mock gateway's rules, idempotency and atomicity."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kiosk.app import Store
from kiosk.db.models import LoyaltyTransaction, Payment
from kiosk.services.errors import (
    IdempotencyConflict,
    InvalidCard,
    InvalidInput,
    InvalidPromptPayTarget,
    OrderNotPayable,
    ReasonRequired,
    RefundNotAllowed,
)
from kiosk.services.payments import SEED_KEYS
from tests.helpers import CARD_DECLINED, CARD_OK, FakeClock, make_store

MEMBER = "081-234-5678"  # demo member Somchai: 120 points, bronze


def _order(store: Store, phone: str | None = MEMBER, qty: int = 2) -> int:
    # Pad Thai 120 THB, Spice default Medium, Size default Regular
    return store.orders.create([{"item_id": 1, "quantity": qty}], customer_phone=phone).id


def test_result_dict_matches_seed_contract_key_for_key(store: Store) -> None:
    oid = _order(store)
    result = store.payments.process_payment(oid, "cash", {}, "key-1")
    d = result.to_dict()
    assert tuple(d) == SEED_KEYS
    assert d["success"] is True
    assert d["message"] == "Payment processed successfully"
    assert d["payment_method"] == "cash"
    assert d["amount"] == Decimal("240.00")
    assert str(d["amount"]) == "240.00"
    assert d["timestamp"] == "2026-11-27T05:00:00Z"
    assert d["transaction_id"].startswith("TXN_20261127_")
    assert len(d["transaction_id"]) == len("TXN_20261127_000001")
    assert json.loads(result.to_json())["amount"] == 240.0
    assert '"amount": 240.00' in result.to_json()


def test_cash_success_moves_order_to_preparing_and_awards_points(store: Store) -> None:
    oid = _order(store)
    r = store.payments.process_payment(oid, "cash", {}, "k")
    assert r.success and r.status == "succeeded"
    order = store.orders.get(oid)
    assert order.status == "preparing"
    assert order.points_earned == 24  # floor(240 / 10)
    member = store.customers.find_by_phone(MEMBER)
    assert member is not None
    assert member.points == 144 and member.lifetime_points == 144
    assert member.visits_count == 3 + 1
    assert member.total_spent == Decimal("1200.00") + Decimal("240.00")
    assert member.last_visit == store.clock.now()
    tx = store.loyalty.transactions(MEMBER)[0]
    assert (tx.type, tx.points, tx.balance_after, tx.order_id) == ("earned", 24, 144, oid)


def test_points_floor_and_configurable_rate(db_url: str) -> None:
    store = make_store(db_url, config={"loyalty": {"baht_per_point": 25}})
    oid = store.orders.create(
        [{"item_id": 2, "quantity": 1}],
        customer_phone=MEMBER,  # 80 THB
    ).id
    r = store.payments.process_payment(oid, "cash", {}, "k")
    assert r.points_earned == 3  # floor(80 / 25)
    store.close()


def test_guest_order_earns_nothing_but_pays(store: Store) -> None:
    oid = _order(store, phone=None)
    r = store.payments.process_payment(oid, "cash", {}, "k")
    assert r.success and r.points_earned == 0 and r.points_balance is None


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"card_number": "4242 4242 4242 4241", "expiry": "12/35", "cvv": "123"}, "not valid"),
        ({"card_number": "4242", "expiry": "12/35", "cvv": "123"}, "13 to 19"),
        ({"card_number": "4242abcd42424242", "expiry": "12/35", "cvv": "123"}, "digits"),
        ({"card_number": "4242424242424242", "expiry": "10/26", "cvv": "123"}, "expired"),
        ({"card_number": "4242424242424242", "expiry": "13/30", "cvv": "123"}, "MM/YY"),
        ({"card_number": "4242424242424242", "expiry": "12/35", "cvv": "12"}, "CVV"),
        ({"card_number": "4242424242424242", "expiry": "12/35", "cvv": "12345"}, "CVV"),
        ({}, "card number"),
    ],
)
def test_card_validation_rejects_bad_input_before_anything_is_written(
    store: Store, details: dict[str, str], message: str
) -> None:
    oid = _order(store)
    with pytest.raises(InvalidCard, match=message):
        store.payments.process_payment(oid, "card", details, "k")
    with store.db.read() as s:
        assert s.scalar(select(func.count(Payment.id))) == 0
    assert store.orders.get(oid).status == "pending"


def test_card_expiring_this_month_is_accepted(store: Store) -> None:
    oid = _order(store)
    r = store.payments.process_payment(
        oid, "card", {"card_number": "4242-4242-4242-4242", "expiry": "11/26", "cvv": "1234"}, "k"
    )
    assert r.success


def test_declined_test_card_then_cash_retry(store: Store) -> None:
    oid = _order(store)
    declined = store.payments.process_payment(oid, "card", CARD_DECLINED, "attempt-1")
    assert not declined.success and declined.status == "failed"
    assert "declined" in declined.message.lower()
    assert store.orders.get(oid).status == "pending"
    assert store.customers.find_by_phone(MEMBER).points == 120  # type: ignore[union-attr]
    ok = store.payments.process_payment(oid, "cash", {}, "attempt-2")
    assert ok.success
    order = store.orders.get(oid)
    assert order.status == "preparing"
    assert [p.status for p in order.payments] == ["failed", "succeeded"]


def test_card_success_stores_only_brand_and_last4(store: Store, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level("DEBUG")
    oid = _order(store)
    r = store.payments.process_payment(oid, "card", CARD_OK, "k")
    assert r.success
    view = store.payments.status(r.transaction_id)  # type: ignore[arg-type]
    assert (view.card_brand, view.card_last4) == ("Visa", "4242")
    with store.db.read() as s:
        row = s.scalars(select(Payment)).one()
        data = {c.name: str(getattr(row, c.name)) for c in Payment.__table__.columns}
    dump = json.dumps(data)
    assert "4242424242424242" not in dump and "4242 4242 4242 4242" not in dump
    # the CVV (123) in no column the kiosk writes card data to; ids, the owner process and
    # timestamps are generated and may hold "123" by chance (a microsecond, a pid)
    generated = {"id", "order_id", "transaction_id", "owner", "created_at", "updated_at"}
    generated |= {"settled_at", "refunded_at"}
    assert [n for n, v in data.items() if n not in generated and "123" in v] == []
    assert "4242424242424242" not in caplog.text and "4242 4242 4242 4242" not in caplog.text


def test_promptpay_succeeds_after_delay_and_fails_at_rate(db_url: str) -> None:
    clock = FakeClock()
    store = make_store(db_url, config={"payments": {"promptpay_failure_rate": 0.0}}, clock=clock)
    oid = _order(store)
    pending = store.payments.begin_promptpay(oid, "pp-1")
    assert not hasattr(pending, "success")
    assert store.payments.poll(pending.transaction_id).status == "pending"  # type: ignore[union-attr]
    clock.advance(seconds=3)
    r = store.payments.poll(pending.transaction_id)  # type: ignore[union-attr]
    assert r.success and r.payment_method == "promptpay"
    store.close()

    store = make_store(
        db_url.replace("kiosk.db", "k2.db"), config={"payments": {"promptpay_failure_rate": 1.0}}
    )
    oid = _order(store)
    r = store.payments.process_payment(oid, "promptpay", {"promptpay_id": "0898765432"}, "k")
    assert not r.success and r.status == "failed"
    assert store.orders.get(oid).status == "pending"
    store.close()


def test_promptpay_failure_rate_is_about_ten_percent(db_url: str) -> None:
    store = make_store(db_url, config={"payments": {"promptpay_delay_seconds": 0}}, seed=42)
    outcomes = []
    for i in range(200):
        oid = _order(store, phone=None, qty=1)
        outcomes.append(store.payments.process_payment(oid, "promptpay", {}, f"k{i}").success)
    failures = outcomes.count(False)
    assert 8 <= failures <= 35  # 10% of 200 = 20, binomial spread
    store.close()


def test_promptpay_requires_a_valid_id(store: Store) -> None:
    oid = _order(store)
    with pytest.raises(InvalidPromptPayTarget):
        store.payments.process_payment(oid, "promptpay", {"promptpay_id": "12ab"}, "k")
    assert store.orders.get(oid).payments == ()


def test_promptpay_payload_carries_the_order_total(store: Store) -> None:
    from kiosk.services.promptpay import parse_payload

    oid = _order(store)
    store.loyalty.redeem(oid, 55)
    pending = store.payments.begin_promptpay(oid, "k")
    parsed = parse_payload(pending.payload)  # type: ignore[union-attr]
    assert parsed.amount == Decimal("234.50")
    assert parsed.target_value == "000000000000000"  # the demo target of the tests


def test_promptpay_cancel_leaves_order_payable(store: Store) -> None:
    oid = _order(store)
    pending = store.payments.begin_promptpay(oid, "k1")
    with pytest.raises(OrderNotPayable, match="in progress"):
        store.payments.process_payment(oid, "cash", {}, "k2")
    r = store.payments.cancel_pending(pending.transaction_id, "Cancelled by customer")  # type: ignore[union-attr]
    assert r.status == "failed" and r.message == "Cancelled by customer"
    assert store.payments.process_payment(oid, "cash", {}, "k3").success


def test_same_idempotency_key_never_charges_twice(store: Store) -> None:
    oid = _order(store)
    first = store.payments.process_payment(oid, "card", CARD_OK, "tap")
    second = store.payments.process_payment(oid, "card", CARD_OK, "tap")
    assert first.to_dict() == second.to_dict()
    with store.db.read() as s:
        assert s.scalar(select(func.count(Payment.id))) == 1
        assert (
            s.scalar(
                select(func.count(LoyaltyTransaction.id)).where(
                    LoyaltyTransaction.type == "earned", LoyaltyTransaction.order_id == oid
                )
            )
            == 1
        )


def test_same_key_for_a_failed_attempt_replays_the_failure(store: Store) -> None:
    oid = _order(store)
    a = store.payments.process_payment(oid, "card", CARD_DECLINED, "tap")
    b = store.payments.process_payment(oid, "card", CARD_DECLINED, "tap")
    assert a.to_dict() == b.to_dict() and not b.success


def test_same_key_with_other_order_is_an_error(store: Store) -> None:
    a = _order(store)
    b = _order(store)
    store.payments.process_payment(a, "cash", {}, "tap")
    with pytest.raises(IdempotencyConflict):
        store.payments.process_payment(b, "cash", {}, "tap")


def test_same_key_after_the_amount_changed_is_an_error(store: Store) -> None:
    oid = _order(store)
    assert not store.payments.process_payment(oid, "card", CARD_DECLINED, "tap").success
    store.loyalty.redeem(oid, 50)  # the total changes; the old attempt's key is stale
    with pytest.raises(IdempotencyConflict):
        store.payments.process_payment(oid, "card", CARD_OK, "tap")
    assert store.payments.process_payment(oid, "card", CARD_OK, "tap-2").success


def test_paid_order_cannot_be_paid_again(store: Store) -> None:
    oid = _order(store)
    store.payments.process_payment(oid, "cash", {}, "a")
    with pytest.raises(OrderNotPayable):
        store.payments.process_payment(oid, "cash", {}, "b")


def test_unknown_method_is_rejected(store: Store) -> None:
    with pytest.raises(InvalidInput, match="Unknown payment method"):
        store.payments.process_payment(_order(store), "bitcoin", {}, "a")


def test_failure_in_the_middle_of_a_payment_commits_nothing(store: Store) -> None:
    """An exception after the points update rolls back payment, points and order status."""
    oid = _order(store)

    def explode(stage: str) -> None:
        if stage == "after_points":
            raise RuntimeError("power cut")

    store.payments.checkpoint = explode
    with pytest.raises(RuntimeError):
        store.payments.process_payment(oid, "cash", {}, "k")
    order = store.orders.get(oid)
    assert order.status == "pending" and order.points_earned == 0 and order.paid_at is None
    assert [p.status for p in order.payments] == ["pending"]  # no succeeded payment
    member = store.customers.find_by_phone(MEMBER)
    assert member is not None and member.points == 120 and member.visits_count == 3
    assert [t.type for t in store.loyalty.transactions(MEMBER)] == ["earned"]  # demo history
    assert store.loyalty.balance_check() == []

    # Start-up reconciliation asks the gateway and settles it exactly once.
    store.payments.checkpoint = lambda stage: None
    settled = store.payments.reconcile()
    assert [r.status for r in settled] == ["succeeded"]
    assert store.orders.get(oid).status == "preparing"
    assert store.customers.find_by_phone(MEMBER).points == 144  # type: ignore[union-attr]
    assert store.payments.reconcile() == []


def test_a_charge_the_provider_made_survives_a_restart(store: Store, db_url: str) -> None:
    """The process dies inside the settling transaction, after the provider charged: the
    provider's ledger outlives the process, so opening the store again records the
    payment as succeeded (with its points) instead of failing a paid order."""
    oid = _order(store)
    store.payments.checkpoint = lambda stage: (_ for _ in ()).throw(RuntimeError("crash"))
    with pytest.raises(RuntimeError):
        store.payments.process_payment(oid, "card", CARD_OK, "k")
    store.close()
    fresh = make_store(db_url, demo=False)  # a new process: recovery runs on open
    order = fresh.orders.get(oid)
    assert order.status == "preparing" and [p.status for p in order.payments] == ["succeeded"]
    assert fresh.customers.find_by_phone(MEMBER).points == 144  # type: ignore[union-attr]
    again = fresh.payments.process_payment(oid, "card", CARD_OK, "k")
    assert again.success and again.transaction_id == order.payments[0].transaction_id
    assert fresh.payments.reconcile() == []
    fresh.close()


def test_a_payment_that_never_reached_the_provider_fails_on_restart(
    store: Store, db_url: str
) -> None:
    oid = _order(store)

    def lost(request):  # type: ignore[no-untyped-def]
        raise ConnectionError("cable pulled before the request left")

    store.gateway.charge = lost  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        store.payments.process_payment(oid, "card", CARD_OK, "k")
    store.close()
    fresh = make_store(db_url, demo=False)
    order = fresh.orders.get(oid)
    assert order.status == "pending" and [p.status for p in order.payments] == ["failed"]
    assert "nothing was charged" in order.payments[0].message
    assert fresh.payments.process_payment(oid, "cash", {}, "k2").success
    fresh.close()


def test_pay_at_counter_waits_for_staff(db_url: str) -> None:
    store = make_store(db_url, config={"payments": {"pay_at_counter": True}})
    oid = _order(store)
    r = store.payments.process_payment(oid, "cash", {}, "k")
    assert not r.success and r.status == "awaiting_counter"
    assert "counter" in r.message
    assert store.orders.get(oid).status == "pending"
    assert store.customers.find_by_phone(MEMBER).points == 120  # type: ignore[union-attr]
    assert store.payments.reconcile() == []  # staff's job, not the gateway's
    paid = store.payments.mark_paid(oid, "cash", staff="Nok")
    assert paid.success and paid.points_earned == 24
    assert store.orders.get(oid).status == "preparing"
    assert store.customers.find_by_phone(MEMBER).points == 144  # type: ignore[union-attr]
    store.close()


def test_refund_reverses_money_status_and_points(store: Store) -> None:
    oid = _order(store)
    store.loyalty.redeem(oid, 100)  # 10 THB off → 230 THB, earns 23
    r = store.payments.process_payment(oid, "card", CARD_OK, "k")
    assert r.points_earned == 23 and r.points_balance == 43
    with pytest.raises(ReasonRequired):
        store.payments.refund(r.transaction_id, staff="Boss", reason=" ")  # type: ignore[arg-type]
    refund = store.payments.refund(r.transaction_id, staff="Boss", reason="Wrong dish")  # type: ignore[arg-type]
    assert refund.status == "refunded"
    assert store.orders.get(oid).status == "refunded"
    assert store.payments.status(r.transaction_id).status == "refunded"  # type: ignore[arg-type]
    member = store.customers.find_by_phone(MEMBER)
    assert member is not None and member.points == 120
    assert member.total_spent == Decimal("1200.00") and member.visits_count == 3
    txs = store.loyalty.transactions(MEMBER)
    assert [(t.type, t.points) for t in txs[:2]] == [("earned", -23), ("redeemed", 100)]
    assert all(t.order_id == oid for t in txs[:4])
    with pytest.raises(RefundNotAllowed):
        store.payments.refund(r.transaction_id, staff="Boss", reason="again")  # type: ignore[arg-type]
    assert store.loyalty.balance_check() == []


def test_refund_never_takes_balance_below_zero_and_records_shortfall(store: Store) -> None:
    oid = _order(store, qty=5)  # 600 THB → 60 points
    r = store.payments.process_payment(oid, "cash", {}, "k")
    assert r.points_balance == 180
    store.loyalty.adjust(MEMBER, -170, "Gift voucher", staff="Boss")  # spend most of it
    store.payments.refund(r.transaction_id, staff="Boss", reason="Complaint")  # type: ignore[arg-type]
    member = store.customers.find_by_phone(MEMBER)
    assert member is not None and member.points == 0
    last = store.loyalty.transactions(MEMBER)[0]
    assert last.points == -10 and "50 already spent" in last.reason
    assert store.loyalty.balance_check() == []


def test_fully_redeemed_order_is_paid_with_points(store: Store) -> None:
    store.loyalty.adjust(MEMBER, 2000, "Promo", staff="Boss")
    oid = _order(store, qty=1)  # 120 THB = 1200 points
    store.loyalty.redeem(oid, 1200)
    assert store.orders.get(oid).total == Decimal("0.00")
    r = store.payments.process_payment(oid, "card", CARD_OK, "k")
    assert r.success and r.amount == Decimal("0.00") and r.points_earned == 0
    assert store.orders.get(oid).status == "preparing"


def test_payment_status_inquiry(store: Store) -> None:
    oid = _order(store)
    r = store.payments.process_payment(oid, "cash", {}, "k")
    view = store.payments.status(r.transaction_id)  # type: ignore[arg-type]
    assert (view.status, view.amount, view.method, view.order_id) == (
        "succeeded",
        Decimal("240.00"),
        "cash",
        oid,
    )
    from kiosk.services.errors import PaymentNotFound

    with pytest.raises(PaymentNotFound):
        store.payments.status("TXN_20000101_000000")


def test_transaction_ids_are_unique(store: Store) -> None:
    ids = set()
    for i in range(30):
        oid = _order(store, phone=None, qty=1)
        ids.add(store.payments.process_payment(oid, "cash", {}, f"k{i}").transaction_id)
    assert len(ids) == 30
