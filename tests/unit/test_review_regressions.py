"""Regression tests for problems found in review: each failed before its fix."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.app import Store
from kiosk.config import ConfigError, load_settings
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


def _aged_member(clock: FakeClock, store: Store, phone: str) -> None:
    store.customers.register(phone, "Old")
    store.loyalty.adjust(phone, 100, "old lot", staff="s")


def test_expiry_does_not_treat_returned_points_as_new(db_url: str) -> None:
    clock = FakeClock(datetime(2025, 1, 10, tzinfo=UTC))
    store = make_store(db_url, clock=clock)
    _aged_member(clock, store, "0898765432")  # case A: redeem then cancel
    _aged_member(clock, store, "0898765433")  # control
    clock.t = datetime(2025, 12, 20, tzinfo=UTC)
    oid = store.orders.create([{"item_id": 1}], customer_phone="0898765432").id
    store.loyalty.redeem(oid, 100)
    store.orders.cancel(oid)
    clock.t = datetime(2026, 2, 1, tzinfo=UTC)
    expired = store.loyalty.expire()
    a = store.customers.find_by_phone("0898765432")
    control = store.customers.find_by_phone("0898765433")
    assert a is not None and control is not None
    assert expired[control.id] == 100
    assert expired.get(a.id) == 100 and a.points == 0
    store.close()


def test_expiry_does_not_treat_a_refund_take_back_as_spending(db_url: str) -> None:
    clock = FakeClock(datetime(2025, 1, 10, tzinfo=UTC))
    store = make_store(db_url, clock=clock)
    phone = "0898765432"
    _aged_member(clock, store, phone)
    clock.t = datetime(2026, 1, 20, tzinfo=UTC)
    oid = store.orders.create([{"item_id": 1, "quantity": 5}], customer_phone=phone).id
    txn = store.payments.process_payment(oid, "cash", {}, "k").transaction_id  # earns 60
    store.payments.refund(txn, staff="Boss", reason="x")  # type: ignore[arg-type]
    clock.t = datetime(2026, 2, 1, tzinfo=UTC)
    member = store.customers.find_by_phone(phone)
    assert member is not None and member.points == 100
    assert store.loyalty.expire()[member.id] == 100
    assert store.loyalty.balance_check() == []
    store.close()


def test_logs_mask_phone_numbers_in_tracebacks_and_foreign_numbers(tmp_path: Path) -> None:
    from kiosk.logsetup import setup_logging

    path = setup_logging("INFO", tmp_path, to_stderr=False)
    log = logging.getLogger("kiosk.test")
    try:
        raise ValueError("duplicate key ('+66812345678', 'Somchai') card 4242424242424242")
    except ValueError:
        log.exception("insert failed for +1 202 555 0123")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "duplicate key" in text
    for secret in ("+66812345678", "4242424242424242", "+1 202 555 0123"):
        assert secret not in text


def test_database_errors_do_not_carry_bound_values(store: Store) -> None:
    from sqlalchemy.exc import IntegrityError

    from kiosk.db.models import Customer

    with pytest.raises(IntegrityError) as info, store.db.uow() as uow:
        uow.session.add(Customer(phone="+66812345678", first_name="Dup"))
        uow.flush()
    assert "+66812345678" not in str(info.value)


@pytest.mark.parametrize(("rate", "redeem"), [("0.01", 1), ("1", 1), ("2", 2)])
def test_reward_rates_that_give_food_away_are_refused(rate: str, redeem: int) -> None:
    with pytest.raises(ConfigError, match="at least 5"):
        load_settings(
            env={},
            overrides={"loyalty": {"baht_per_point": rate, "redeem_points_per_baht": redeem}},
        )
    load_settings(
        env={}, overrides={"loyalty": {"baht_per_point": "5", "redeem_points_per_baht": 1}}
    )


def test_bulk_demo_orders_claim_no_points(db_url: str) -> None:
    from kiosk.services.demo import bulk_members, bulk_orders

    store = make_store(db_url)
    bulk_members(store.db, store.settings_file, 50)
    bulk_orders(store.db, store.settings_file, 200)
    with store.db.read() as s:
        from kiosk.db.models import Order

        assert s.scalars(select(Order.points_earned).where(Order.points_earned != 0)).all() == []
        assert len(s.scalars(select(Payment.id)).all()) == 200
    store.close()


def test_csv_export_neutralises_formulas_but_keeps_numbers(store: Store, tmp_path: Path) -> None:
    from datetime import date

    from kiosk.services.export import ExportService, safe_cell

    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("@SUM(1+1)") == "'@SUM(1+1)"
    assert safe_cell("-23") == "-23" and safe_cell("+66") == "+66"
    assert safe_cell(-23) == -23 and safe_cell("Somchai") == "Somchai"
    store.customers.register("0898765432", "=cmd|' /C calc'!A0")
    exporter = ExportService(store.db, store.current_settings)
    path = tmp_path / "members.csv"
    exporter.export("members", date(2000, 1, 1), date(2100, 1, 1), path, staff="Boss")
    text = path.read_text(encoding="utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text
    assert "\n=cmd" not in text and ",=cmd" not in text


def test_changing_a_members_phone_needs_a_manager(store: Store) -> None:
    from kiosk.services.errors import PermissionDenied
    from kiosk.services.staff import StaffActions, StaffService

    staff = StaffService(store.db, store.current_settings, store.events)
    staff.create("Nok", "cashier", "1111", by="cli")
    staff.create("Ploy", "manager", "2222", by="cli")
    cashier = staff.authenticate("Nok", "1111")
    manager = staff.authenticate("Ploy", "2222")
    actions = StaffActions.from_store(store)
    member = store.customers.find_by_phone(MEMBER)
    assert member is not None
    actions.update_member(cashier, member.id, sms_marketing=True)  # consent: fine
    with pytest.raises(PermissionDenied):
        actions.update_member(cashier, member.id, phone="0899999999")
    actions.update_member(manager, member.id, phone="0899999999")
    assert store.customers.find_by_phone("0899999999") is not None
    from kiosk.services.errors import InvalidInput

    with pytest.raises(InvalidInput):
        actions.update_item(manager, 1)
    assert store.menu.item(1).available


def _coconut(store: Store):  # type: ignore[no-untyped-def]
    return next(i for i in store.menu.items() if i.name_en == "Fresh Coconut")  # ฿65


def test_options_together_can_never_make_a_dish_negative(store: Store) -> None:
    from decimal import Decimal

    from kiosk.services.errors import InvalidAmount

    coconut = _coconut(store)
    group = store.menu.add_option_group(coconut.id, "Sharing", "แบ่ง", 0, 2)
    half = store.menu.add_option(group.id, "Half", "ครึ่ง", "-30")
    with pytest.raises(InvalidAmount, match="at least"):
        store.menu.add_option(group.id, "Share", "แชร์", "-40")  # -30 + -40 > ฿65
    share = store.menu.add_option(group.id, "Share", "แชร์", "-35")  # exactly ฿0 at worst
    with pytest.raises(InvalidAmount):
        store.menu.update_option(share.id, price_delta="-36")
    with pytest.raises(InvalidAmount):
        store.menu.set_price(coconut.id, "64")
    other = store.menu.add_option_group(coconut.id, "Cup", "แก้ว", 0, 1)
    with pytest.raises(InvalidAmount):
        store.menu.add_option(other.id, "Own cup", "แก้วตัวเอง", "-1")
    quote = store.orders.quote([{"item_id": coconut.id, "options": [half.id, share.id]}])
    assert quote.lines[0].unit_price == Decimal("0.00")
    assert quote.subtotal >= 0


def test_a_dish_whose_required_choice_is_sold_out_is_not_on_sale(store: Store) -> None:
    tea = next(i for i in store.menu.items() if i.name_en == "Lemongrass Juice")
    sweetness = tea.option_groups[0]
    assert sweetness.required and tea.on_sale
    for option in sweetness.options:
        store.menu.update_option(option.id, available=False)
    tea = store.menu.item(tea.id)
    assert tea.available and not tea.orderable and not tea.on_sale


def test_a_zero_total_cash_order_never_waits_for_the_counter(db_url: str) -> None:
    store = make_store(db_url, config={"payments": {"pay_at_counter": True}})
    store.loyalty.adjust(MEMBER, 2000, "promo", staff="Boss")
    oid = store.orders.create([{"item_id": 2}], customer_phone=MEMBER).id  # ฿80
    store.loyalty.redeem(oid, 800)
    result = store.payments.process_payment(oid, "cash", {}, "k")
    assert result.success and result.amount == 0
    assert store.orders.get(oid).status == "preparing"
    store.close()
