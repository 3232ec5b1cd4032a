"""PostgreSQL: the multi-kiosk backend. Runs when KIOSK_TEST_PG_URL is set (CI sets it)."""

from __future__ import annotations

import threading
import time
from decimal import Decimal

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kiosk.db import Database
from kiosk.db.migrate import current_revision, downgrade, head_revision, upgrade
from kiosk.db.models import Base
from kiosk.services.events import OrderPaid
from tests.helpers import CARD_OK, make_store


def test_migrations_match_models_and_round_trip(pg_url: str) -> None:
    db = Database(pg_url)
    upgrade(db)
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        assert (
            compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
            == []
        )
    downgrade(db, "base")
    assert current_revision(db) is None
    upgrade(db)
    db.dispose()


def test_payment_flow_and_money_on_postgres(pg_url: str) -> None:
    store = make_store(pg_url)
    oid = store.orders.create([{"item_id": 1, "quantity": 3}], customer_phone="0812345678").id
    store.loyalty.redeem(oid, 15)
    r = store.payments.process_payment(oid, "card", CARD_OK, "pg-1")
    assert r.success and r.amount == Decimal("358.50") and r.points_earned == 35
    assert store.payments.process_payment(oid, "card", CARD_OK, "pg-1").to_dict() == r.to_dict()
    store.payments.refund(r.transaction_id, staff="Boss", reason="test")  # type: ignore[arg-type]
    assert store.loyalty.balance_check() == []
    assert store.customers.find_by_phone("081 234 5678").points == 120  # type: ignore[union-attr]
    store.close()


def test_order_numbers_unique_across_kiosks(pg_url: str) -> None:
    kiosks = [
        make_store(pg_url, demo=(i == 0), config={"store": {"kiosk_id": f"k{i}"}}) for i in range(3)
    ]
    numbers: list[str] = []
    errors: list[BaseException] = []

    def work(store) -> None:  # type: ignore[no-untyped-def]
        try:
            for i in range(20):
                o = store.orders.create([{"item_id": 2}])
                numbers.append(o.number)
                store.payments.process_payment(o.id, "cash", {}, f"{o.kiosk_id}-{i}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in kiosks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(numbers) == len(set(numbers)) == 60
    for k in kiosks:
        k.close()


def test_concurrent_point_changes_never_lose_an_update(pg_url: str) -> None:
    a = make_store(pg_url)
    b = make_store(pg_url, demo=False)
    errors: list[BaseException] = []

    def work(store, sign: int) -> None:  # type: ignore[no-untyped-def]
        try:
            for _ in range(15):
                store.loyalty.adjust("0812345678", 2 * sign if sign > 0 else 1, "race", "s")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, n)) for s, n in ((a, 1), (b, -1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert a.customers.find_by_phone("0812345678").points == 120 + 30 + 15  # type: ignore[union-attr]
    assert a.loyalty.balance_check() == []
    a.close()
    b.close()


def test_events_reach_other_kiosks_through_listen_notify(pg_url: str) -> None:
    kiosk = make_store(pg_url)
    panel = make_store(pg_url, demo=False)
    kiosk.start_event_relay()
    panel.start_event_relay()
    seen: list[OrderPaid] = []
    panel.events.subscribe(seen.append, OrderPaid)  # type: ignore[arg-type]
    oid = kiosk.orders.create([{"item_id": 2}]).id
    kiosk.payments.process_payment(oid, "cash", {}, "n1")
    deadline = time.monotonic() + 10
    while not seen and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [(e.order_id, e.amount) for e in seen] == [(oid, Decimal("80.00"))]
    kiosk.close()
    panel.close()


def test_parallel_wrong_pins_still_lock_the_account(pg_url: str) -> None:
    from kiosk.services.errors import AuthenticationFailed, LockedOut
    from kiosk.services.staff import StaffService

    stores = [make_store(pg_url, demo=(i == 0)) for i in range(4)]
    staff = [StaffService(s.db, s.current_settings, s.events) for s in stores]
    staff[0].create("Nok", "cashier", "4321", by="cli")
    outcomes: list[str] = []

    def guess(service) -> None:  # type: ignore[no-untyped-def]
        for _ in range(5):
            try:
                service.authenticate("Nok", "0000")
            except LockedOut:
                outcomes.append("locked")
            except AuthenticationFailed:
                outcomes.append("wrong")

    threads = [threading.Thread(target=guess, args=(s,)) for s in staff]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("wrong") == 4  # the 5th wrong PIN locks; the rest are refused
    assert outcomes.count("locked") == 16
    for s in stores:
        s.close()


def test_concurrent_mark_paid_never_deadlocks_or_pays_twice(pg_url: str) -> None:
    stores = [
        make_store(pg_url, demo=(i == 0), config={"payments": {"pay_at_counter": True}})
        for i in range(3)
    ]
    orders = []
    for i in range(8):
        oid = stores[0].orders.create([{"item_id": 2}], customer_phone="0812345678").id
        stores[0].payments.process_payment(oid, "cash", {}, f"counter-{i}")
        orders.append(oid)
    errors: list[BaseException] = []
    paid: list[int] = []

    def work(store) -> None:  # type: ignore[no-untyped-def]
        from kiosk.services.errors import OrderNotPayable

        for oid in orders:
            try:
                if store.payments.mark_paid(oid, "cash", staff="Nok").success:
                    paid.append(oid)
            except OrderNotPayable:
                pass
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert all(stores[0].orders.get(o).status == "preparing" for o in orders)
    member = stores[0].customers.find_by_phone("0812345678")
    assert member is not None and member.points == 120 + 8 * 8  # 80 THB → 8 points, once each
    assert stores[0].loyalty.balance_check() == []
    for s in stores:
        s.close()
