"""Loyalty: tiers, redeem, adjust, expire, and the audit-trail invariant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kiosk.app import Store
from kiosk.db.models import Membership, points_to_next, tier_for
from kiosk.services.errors import (
    CustomerNotFound,
    InsufficientPoints,
    InvalidInput,
    OrderNotPayable,
    ReasonRequired,
)
from kiosk.services.loyalty import months_before
from tests.helpers import FakeClock, make_store

MEMBER = "0812345678"


@pytest.mark.parametrize(
    ("lifetime", "tier", "to_next"),
    [
        (0, "bronze", 200),
        (199, "bronze", 1),
        (200, "silver", 300),
        (499, "silver", 1),
        (500, "gold", 500),
        (999, "gold", 1),
        (1000, "platinum", None),
        (50_000, "platinum", None),
    ],
)
def test_tier_thresholds(lifetime: int, tier: str, to_next: int | None) -> None:
    assert tier_for(lifetime) == tier
    assert points_to_next(lifetime) == to_next


def test_membership_methods() -> None:
    m = Membership(points=0, lifetime_points=0, tier="bronze")
    m.add_points(250)
    assert m.update_tier() is True and m.tier == "silver"
    m.add_points(-200)
    assert m.lifetime_points == 250 and m.points == 50
    assert m.update_tier() is False and m.tier == "silver"  # spending never demotes
    assert m.points_to_next_tier == 250
    with pytest.raises(ValueError):
        m.add_points(-51)


def test_configured_tiers_are_used(db_url: str) -> None:
    store = make_store(db_url, config={"loyalty": {"tiers": {"member": 0, "vip": 100}}})
    m = store.customers.find_by_phone(MEMBER)  # lifetime 120
    assert m is not None and m.tier == "vip" and m.points_to_next_tier is None
    store.close()


def test_tier_up_on_payment_and_redeem_never_demotes(store: Store) -> None:
    # Somchai: 120 lifetime (bronze). 880 THB order → 88 points → 208 → silver.
    oid = store.orders.create(
        [{"item_id": 7, "quantity": 5}, {"item_id": 2, "quantity": 1}], customer_phone=MEMBER
    ).id
    events = []
    store.events.subscribe(events.append)
    r = store.payments.process_payment(oid, "cash", {}, "k")
    assert r.tier_upgraded and r.tier == "silver"
    assert any(e.name == "tier_upgraded" and e.new_tier == "silver" for e in events)
    oid2 = store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=MEMBER).id
    store.loyalty.redeem(oid2, 200)
    m = store.customers.find_by_phone(MEMBER)
    assert m is not None and m.points == 8 and m.tier == "silver"


def test_redeem_rules(store: Store) -> None:
    oid = store.orders.create([{"item_id": 2, "quantity": 1}], customer_phone=MEMBER).id  # 80
    with pytest.raises(InsufficientPoints):
        store.loyalty.redeem(oid, 121)
    with pytest.raises(InvalidInput):
        store.loyalty.redeem(oid, -5)
    assert store.loyalty.redeem(oid, 95) == 95
    order = store.orders.get(oid)
    assert (order.discount, order.total) == (Decimal("9.50"), Decimal("70.50"))
    assert order.vat == Decimal("4.61")  # 70.50 × 7/107
    assert store.loyalty.redeem(oid, 40) == 40  # lowering gives points back
    assert store.customers.find_by_phone(MEMBER).points == 80  # type: ignore[union-attr]
    assert store.loyalty.redeem(oid, 0) == 0
    assert store.customers.find_by_phone(MEMBER).points == 120  # type: ignore[union-attr]
    assert store.orders.get(oid).total == Decimal("80.00")
    assert store.loyalty.balance_check() == []


def test_redeem_never_more_than_the_total(store: Store) -> None:
    store.loyalty.adjust(MEMBER, 5000, "Promo", staff="Boss")
    oid = store.orders.create([{"item_id": 2, "quantity": 1}], customer_phone=MEMBER).id  # 80
    with pytest.raises(InvalidInput, match="At most 800"):
        store.loyalty.redeem(oid, 801)
    assert store.loyalty.redeem(oid, 800) == 800
    assert store.orders.get(oid).total == Decimal("0.00")


def test_redeem_needs_a_member_and_an_unpaid_order(store: Store) -> None:
    guest = store.orders.create([{"item_id": 2, "quantity": 1}]).id
    with pytest.raises(CustomerNotFound):
        store.loyalty.redeem(guest, 10)
    oid = store.orders.create([{"item_id": 2, "quantity": 1}], customer_phone=MEMBER).id
    store.payments.process_payment(oid, "cash", {}, "k")
    with pytest.raises(OrderNotPayable):
        store.loyalty.redeem(oid, 10)


def test_points_are_earned_on_the_amount_actually_paid(store: Store) -> None:
    oid = store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone=MEMBER).id  # 120
    store.loyalty.redeem(oid, 101)  # 10.10 off → 109.90 → 10 points
    assert store.orders.get(oid).points_to_earn == 10
    assert store.payments.process_payment(oid, "cash", {}, "k").points_earned == 10


def test_cancel_returns_redeemed_points(store: Store) -> None:
    oid = store.orders.create([{"item_id": 1, "quantity": 1}], customer_phone=MEMBER).id
    store.loyalty.redeem(oid, 100)
    store.orders.cancel(oid)
    assert store.orders.get(oid).status == "cancelled"
    assert store.customers.find_by_phone(MEMBER).points == 120  # type: ignore[union-attr]


def test_adjust_requires_reason_and_staff(store: Store) -> None:
    with pytest.raises(ReasonRequired):
        store.loyalty.adjust(MEMBER, 10, "", staff="Boss")
    with pytest.raises(ReasonRequired):
        store.loyalty.adjust(MEMBER, 10, "   ", staff="Boss")
    with pytest.raises(InvalidInput):
        store.loyalty.adjust(MEMBER, 10, "Birthday", staff="")
    with pytest.raises(InsufficientPoints):
        store.loyalty.adjust(MEMBER, -121, "Oops", staff="Boss")
    assert store.loyalty.adjust("+66 81 234 5678", 30, "Birthday", staff="Boss") == 150
    tx = store.loyalty.transactions(MEMBER)[0]
    assert (tx.type, tx.points, tx.reason, tx.staff) == ("adjusted", 30, "Birthday", "Boss")
    with pytest.raises(CustomerNotFound):
        store.loyalty.adjust("0899999999", 5, "x", staff="Boss")


def test_months_before_clamps_the_day() -> None:
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 12) == datetime(2025, 1, 15, tzinfo=UTC)


def test_expire_takes_old_unspent_points_first_in_first_out(db_url: str) -> None:
    clock = FakeClock(datetime(2025, 1, 10, tzinfo=UTC))
    store = make_store(db_url, demo=True, clock=clock)
    store.customers.register("0898765432", "Test")
    phone = "0898765432"
    store.loyalty.adjust(phone, 100, "old lot", staff="s")  # 2025-01-10
    clock.t = datetime(2025, 6, 1, tzinfo=UTC)
    store.loyalty.adjust(phone, -30, "spent", staff="s")
    clock.t = datetime(2026, 1, 15, tzinfo=UTC)
    store.loyalty.adjust(phone, 50, "new lot", staff="s")
    now = datetime(2026, 2, 1, tzinfo=UTC)
    expired = store.loyalty.expire(now=now)
    member = store.customers.find_by_phone(phone)
    assert member is not None
    assert expired[member.id] == 70  # 100 old − 30 spent
    assert member.points == 50 and member.lifetime_points == 150
    assert store.loyalty.transactions(phone)[0].type == "expired"
    assert store.loyalty.expire(now=now + timedelta(days=1)).get(member.id) is None  # idempotent
    assert store.loyalty.balance_check() == []
    store.close()


def test_expiry_months_is_configurable(db_url: str) -> None:
    store = make_store(db_url, config={"loyalty": {"expiry_months": 1}})
    # Demo history was earned ~30+ days before "now" (real clock); 3 months later all expire.
    later = datetime.now(UTC) + timedelta(days=90)
    expired = store.loyalty.expire(now=later)
    assert sum(expired.values()) > 0
    assert all(m.points == 0 for m in store.customers.search("", limit=100))
    assert store.loyalty.balance_check() == []
    store.close()
