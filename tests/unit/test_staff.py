"""Staff accounts: argon2id PINs, lock-out with a growing delay, roles, audit (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.app import Store, open_store
from kiosk.db.models import AuditLog, StaffUser
from kiosk.services.demo import seed_demo
from kiosk.services.errors import (
    AuthenticationFailed,
    InvalidInput,
    LockedOut,
    PermissionDenied,
    ReasonRequired,
)
from kiosk.services.staff import (
    Permission,
    StaffService,
    StaffView,
    can,
    lock_seconds,
)
from tests.helpers import FAST_HASHER, FakeClock, make_store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 5, 1, 5, 0, tzinfo=UTC))


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Store:
    s = make_store(db_url, demo=False, clock=clock, hasher=FAST_HASHER)
    yield s
    s.close()


def audit(store: Store, action: str | None = None) -> list[Any]:
    """Audit rows as plain (detached) rows."""
    A = AuditLog
    with store.db.read() as s:
        q = select(A.action, A.staff, A.entity_id, A.created_at, A.before, A.after).order_by(A.id)
        if action:
            q = q.where(A.action == action)
        return list(s.execute(q).all())


def test_pin_is_hashed_with_argon2id_and_verifies(db_url: str) -> None:
    store = open_store(db_url, migrate=True)
    staff = StaffService(store.db, store.current_settings, store.events)  # default hasher
    user = staff.create("Ploy", "owner", "2468", by="cli")
    with store.db.read() as s:
        row = s.get(StaffUser, user.id)
        assert row is not None
        assert row.pin_hash.startswith("$argon2id$")
        assert "2468" not in row.pin_hash
    assert staff.authenticate("Ploy", "2468").name == "Ploy"
    with pytest.raises(AuthenticationFailed):
        staff.authenticate("Ploy", "2469")
    store.close()


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234", "๑๒๓๔"])
def test_pin_must_be_4_to_8_ascii_digits(store: Store, pin: str) -> None:
    with pytest.raises(InvalidInput):
        store.staff.create("Nok", "cashier", pin)


def test_names_are_unique_and_roles_checked(store: Store) -> None:
    store.staff.create("Nok", "cashier", "1111")
    with pytest.raises(InvalidInput):
        store.staff.create("Nok", "manager", "2222")
    with pytest.raises(InvalidInput):
        store.staff.create("Lek", "chef", "2222")
    assert [u.name for u in store.staff.list()] == ["Nok"]
    assert store.staff.list()[0].role == "cashier"


def test_a_name_differing_only_in_case_is_the_same_person(store: Store) -> None:
    store.staff.create("Ploy", "cashier", "1111")
    for name in ("ploy", "PLOY", " pLoY "):
        with pytest.raises(InvalidInput, match="already a staff member called Ploy"):
            store.staff.create(name, "manager", "2222")
    store.staff.create("ปลาย", "cashier", "3333")  # Thai has no case: a name of its own
    store.staff.create("Émile", "cashier", "4444")
    with pytest.raises(InvalidInput, match="called Émile"):
        store.staff.create("émile", "cashier", "5555")  # not only ASCII letters
    assert sorted(u.name for u in store.staff.list()) == sorted(["Ploy", "ปลาย", "Émile"])


def test_login_success_resets_failures_and_is_audited(store: Store, clock: FakeClock) -> None:
    store.staff.create("Nok", "cashier", "1111")
    with pytest.raises(AuthenticationFailed, match="4 tries left"):
        store.staff.authenticate("Nok", "0000")
    user = store.staff.authenticate("Nok", "1111")
    assert user.failed_attempts == 0
    assert user.last_login == clock.now()
    actions = [a.action for a in audit(store)]
    assert actions == ["staff.create", "staff.login_failed", "staff.login"]
    login = audit(store, "staff.login")[0]
    assert login.staff == "Nok" and login.created_at == clock.now()


def test_unknown_or_disabled_user_fails_like_a_wrong_pin(store: Store) -> None:
    owner = store.staff.create("Ploy", "owner", "9999")
    nok = store.staff.create("Nok", "cashier", "1111")
    with pytest.raises(AuthenticationFailed, match="Wrong name or PIN"):
        store.staff.authenticate("Nobody", "1111")
    store.staff.update(nok.id, store.staff.authenticate("Ploy", "9999"), active=False)
    with pytest.raises(AuthenticationFailed, match="Wrong name or PIN"):
        store.staff.authenticate("Nok", "1111")
    assert owner.active


def test_lockout_after_five_wrong_pins_with_a_growing_delay(store: Store, clock: FakeClock) -> None:
    store.staff.create("Nok", "cashier", "1111")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as info:
            store.staff.authenticate("Nok", "0000")
        assert not isinstance(info.value, LockedOut)
    with pytest.raises(LockedOut, match="30 seconds"):
        store.staff.authenticate("Nok", "0000")
    # Locked: even the right PIN is refused, and the refusal does not count.
    clock.advance(29)
    with pytest.raises(LockedOut, match="1 seconds more"):
        store.staff.authenticate("Nok", "1111")
    clock.advance(1)
    # The lock has passed; one more wrong PIN locks again, for twice as long.
    with pytest.raises(LockedOut, match="60 seconds"):
        store.staff.authenticate("Nok", "0000")
    clock.advance(60)
    with pytest.raises(LockedOut, match="2 minutes"):
        store.staff.authenticate("Nok", "0000")
    clock.advance(120)
    assert store.staff.authenticate("Nok", "1111").failed_attempts == 0
    # A success resets the count: four wrong PINs do not lock again.
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as info:
            store.staff.authenticate("Nok", "0000")
        assert not isinstance(info.value, LockedOut)
    lockouts = audit(store, "staff.lockout")
    assert [a.after["seconds"] for a in lockouts] == [30, 60, 120]
    assert len(audit(store, "staff.login_refused")) == 1


def test_lockout_uses_the_configured_attempts_and_seconds(db_url: str, clock: FakeClock) -> None:
    store = open_store(
        db_url,
        config={"admin": {"lockout_attempts": 2, "lockout_seconds": 10}},
        migrate=True,
        clock=clock,
    )
    staff = StaffService(store.db, store.current_settings, store.events, clock, hasher=FAST_HASHER)
    staff.create("Nok", "cashier", "1111")
    with pytest.raises(AuthenticationFailed, match="1 try left"):
        staff.authenticate("Nok", "0000")
    with pytest.raises(LockedOut, match="10 seconds"):
        staff.authenticate("Nok", "0000")
    store.close()


def test_lock_seconds_doubles_and_is_capped() -> None:
    assert [lock_seconds(n, 5, 30) for n in range(4, 9)] == [0, 30, 60, 120, 240]
    assert lock_seconds(60, 5, 30) == 86_400


def test_new_pin_unlocks(store: Store, clock: FakeClock) -> None:
    owner = store.staff.create("Ploy", "owner", "9999")
    nok = store.staff.create("Nok", "cashier", "1111")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            store.staff.authenticate("Nok", "0000")
    actor = store.staff.authenticate("Ploy", "9999")
    store.staff.update(nok.id, actor, pin="4321")
    assert store.staff.authenticate("Nok", "4321").name == "Nok"
    changed = audit(store, "staff.update")[-1]
    assert changed.staff == "Ploy" and changed.after == {"pin": "changed"}
    assert "4321" not in str(changed.after)
    assert owner.role == "owner"


def test_logout_and_auto_logout_are_audited(store: Store) -> None:
    store.staff.create("Nok", "cashier", "1111")
    nok = store.staff.authenticate("Nok", "1111")
    store.staff.logout(nok)
    store.staff.logout(nok, reason="idle")
    assert [a.action for a in audit(store)][-2:] == ["staff.logout", "staff.auto_logout"]


def test_role_table() -> None:
    assert can("cashier", Permission.ORDER_STATUS)
    assert can("cashier", Permission.MARK_PAID)
    assert not can("cashier", Permission.REFUND)
    assert not can("cashier", Permission.POINTS_ADJUST)
    assert not can("cashier", Permission.SETTINGS)
    assert not can("cashier", Permission.STAFF_MANAGE)
    assert can("manager", Permission.REFUND)
    assert can("manager", Permission.SETTINGS)
    assert not can("manager", Permission.SETTINGS_PROMPTPAY)
    assert not can("manager", Permission.STAFF_MANAGE_OWNERS)
    assert all(can("owner", p) for p in Permission)
    assert not can("nobody", Permission.VIEW)


def _paid_order(store: Store, phone: str = "081-234-5678") -> int:
    item = store.menu.items()[0]
    order = store.orders.create([{"item_id": item.id, "quantity": 2}], customer_phone=phone)
    store.payments.process_payment(order.id, "cash", {}, f"key-{order.id}")
    return order.id


def test_cashier_cannot_refund_adjust_or_change_settings(store: Store) -> None:
    seed_demo(store.db, store.settings_file)
    store.staff.create("Nok", "cashier", "1111")
    actions = store.actions
    nok = store.staff.authenticate("Nok", "1111")
    order_id = _paid_order(store)
    txn = store.orders.get(order_id).payments[0].transaction_id
    assert txn
    with pytest.raises(PermissionDenied, match="manager or the owner can refund"):
        actions.refund(nok, txn, "customer changed mind")
    with pytest.raises(PermissionDenied):
        actions.adjust_points(nok, "081-234-5678", 10, "gift")
    with pytest.raises(PermissionDenied):
        actions.update_settings(nok, {"loyalty.baht_per_point": 20})
    with pytest.raises(PermissionDenied):
        actions.create_staff(nok, "Lek", "cashier", "2222")
    assert store.orders.get(order_id).status == "preparing"
    denied = audit(store, "staff.denied")
    assert [d.entity_id for d in denied] == [
        "payment.refund",
        "points.adjust",
        "settings.update",
        "staff.manage",
    ]
    # What a cashier may do:
    assert actions.set_status(nok, order_id, "ready").status == "ready"
    item = store.menu.items()[0]
    assert actions.set_available(nok, item.id, False).available is False
    with pytest.raises(PermissionDenied):
        actions.update_item(nok, item.id, price=Decimal("99"))


def test_manager_refunds_and_adjusts_with_reason(store: Store) -> None:
    seed_demo(store.db, store.settings_file)
    store.staff.create("Malee", "manager", "5555")
    actions = store.actions
    malee = store.staff.authenticate("Malee", "5555")
    before = store.customers.find_by_phone("0812345678")
    assert before is not None
    order_id = _paid_order(store)
    txn = store.orders.get(order_id).payments[0].transaction_id
    assert txn
    with pytest.raises(ReasonRequired):
        actions.refund(malee, txn, "  ")
    result = actions.refund(malee, txn, "Wrong dish")
    assert result.status == "refunded"
    after = store.customers.find_by_phone("0812345678")
    assert after is not None and after.points == before.points
    with pytest.raises(ReasonRequired):
        actions.adjust_points(malee, "0812345678", 5, "")
    assert actions.adjust_points(malee, "0812345678", 5, "Birthday") == before.points + 5
    refund = audit(store, "payment.refund")[-1]
    assert refund.staff == "Malee"


def test_only_owner_changes_promptpay_id_and_owner_accounts(store: Store) -> None:
    store.staff.create("Ploy", "owner", "9999")
    store.staff.create("Malee", "manager", "5555")
    actions = store.actions
    malee = store.staff.authenticate("Malee", "5555")
    ploy = store.staff.authenticate("Ploy", "9999")
    with pytest.raises(PermissionDenied, match="Only the owner"):
        actions.update_settings(malee, {"store.promptpay_id": "0899999999"})
    actions.update_settings(malee, {"loyalty.baht_per_point": 20})
    assert store.current_settings().loyalty.baht_per_point == 20
    with pytest.raises(PermissionDenied, match="owner accounts"):
        actions.create_staff(malee, "Boss2", "owner", "1212")
    lek = actions.create_staff(malee, "Lek", "cashier", "2222")
    assert lek.role == "cashier"
    actions.update_settings(ploy, {"store.promptpay_id": "0899999999"})
    assert store.current_settings().store.promptpay_id == "0899999999"
    with pytest.raises(InvalidInput, match="last owner"):
        actions.update_staff(ploy, ploy.id, role="manager")


def test_a_disabled_or_demoted_account_loses_rights_at_once(store: Store) -> None:
    store.staff.create("Ploy", "owner", "9999")
    store.staff.create("Malee", "manager", "5555")
    actions = store.actions
    ploy = store.staff.authenticate("Ploy", "9999")
    malee = store.staff.authenticate("Malee", "5555")
    actions.update_staff(ploy, malee.id, role="cashier")
    with pytest.raises(PermissionDenied):
        actions.update_settings(malee, {"loyalty.baht_per_point": 20})  # stale view says manager
    actions.update_staff(ploy, malee.id, active=False)
    with pytest.raises(PermissionDenied, match="disabled"):
        actions.set_status(malee, 1, "ready")
    forged = StaffView(id=999, name="Hacker", role="owner", active=True)
    with pytest.raises(PermissionDenied):
        actions.refund(forged, "TXN_X", "because")
