"""Hypothesis: random sequences of orders, payments, redemptions, refunds, adjustments and
expiries keep the loyalty invariant and the tier rule for every member."""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kiosk.app import open_store
from kiosk.db.models import LoyaltyTransaction, Membership, tier_for
from kiosk.services.errors import ServiceError
from kiosk.services.money import discount_for, points_for, vat_included
from tests.helpers import CARD_DECLINED, CARD_OK, FakeClock, make_store

STATS: list[tuple[int, int, int, int]] = []
PHONES = ["0812345678", "0823456789", "0834567890", "0891234567"]  # 3 demo members + 1 new

op = st.one_of(
    st.tuples(st.just("order"), st.integers(0, 4), st.integers(1, 16), st.integers(1, 4)),
    st.tuples(st.just("pay"), st.sampled_from(["cash", "card", "declined", "promptpay"])),
    st.tuples(st.just("redeem"), st.integers(0, 3000)),
    st.tuples(st.just("refund"), st.integers(0, 50)),
    st.tuples(st.just("adjust"), st.integers(0, 3), st.integers(-300, 300)),
    st.tuples(st.just("expire"), st.integers(1, 20)),
    st.tuples(st.just("cancel")),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("tpl") / "template.db"
    store = make_store(f"sqlite:///{path}")
    store.customers.register(PHONES[3], "Fresh")
    store.close()
    yield path


def _check_invariants(store, lifetimes: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    tiers = store.current_settings().loyalty.tiers
    with store.db.read() as s:
        sums = dict(
            s.execute(
                select(
                    LoyaltyTransaction.customer_id, func.sum(LoyaltyTransaction.points)
                ).group_by(LoyaltyTransaction.customer_id)
            ).all()
        )
        for m in s.scalars(select(Membership)):
            assert sums.get(m.customer_id, 0) == m.points, "transactions must sum to the balance"
            assert m.points >= 0
            assert m.tier == tier_for(m.lifetime_points, tiers)
            assert m.lifetime_points >= lifetimes.get(m.customer_id, 0), "lifetime never drops"
            lifetimes[m.customer_id] = m.lifetime_points
        last = {}
        for t in s.scalars(select(LoyaltyTransaction).order_by(LoyaltyTransaction.id)):
            last[t.customer_id] = t.balance_after
        for m in s.scalars(select(Membership)):
            if m.customer_id in last:
                assert last[m.customer_id] == m.points, "balance_after of the newest tx"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op, min_size=1, max_size=25), seed=st.integers(0, 2**16))
# Always run the whole life of an order at least once, whatever Hypothesis draws.
@example(
    ops=[
        ("order", 0, 1, 2),
        ("redeem", 50),
        ("pay", "declined"),
        ("pay", "card"),
        ("order", 1, 13, 1),
        ("pay", "promptpay"),
        ("refund", 0),
        ("adjust", 2, -40),
        ("expire", 14),
        ("order", 3, 2, 1),
        ("redeem", 5),
        ("cancel",),
    ],
    seed=3,
)
def test_random_operations_keep_the_invariants(template: Path, ops: list, seed: int) -> None:
    workdir = Path(tempfile.mkdtemp())
    try:
        db = workdir / "k.db"
        shutil.copy(template, db)
        clock = FakeClock()
        store = open_store(
            f"sqlite:///{db}",
            config={"payments": {"promptpay_delay_seconds": 0}},
            rng=random.Random(seed),
            clock=clock,
        )
        settings_ = store.current_settings()
        orders: list[int] = []
        paid: list[str] = []
        lifetimes: dict[int, int] = {}
        refused = 0
        paid_count = 0
        _check_invariants(store, lifetimes)
        for n, step in enumerate(ops):
            kind = step[0]
            try:
                if kind == "order":
                    _, who, item, qty = step
                    phone = PHONES[who] if who < len(PHONES) else None
                    o = store.orders.create(
                        [{"item_id": item, "quantity": qty}], customer_phone=phone
                    )
                    orders.append(o.id)
                    assert o.total == o.subtotal
                    assert o.vat == vat_included(o.total, settings_.store.vat_rate)
                elif kind == "pay" and orders:
                    method = step[1]
                    details = {"card": CARD_OK, "declined": CARD_DECLINED}.get(method, {})
                    before = store.orders.get(orders[-1])
                    r = store.payments.process_payment(
                        orders[-1], "card" if method == "declined" else method, details, f"k{n}"
                    )
                    if r.success:
                        paid.append(r.transaction_id)
                        paid_count += 1
                        assert r.amount == before.total
                        if before.customer_id:
                            assert r.points_earned == points_for(
                                before.total, settings_.loyalty.baht_per_point
                            )
                    else:
                        assert store.orders.get(orders[-1]).status == "pending"
                elif kind == "redeem" and orders:
                    store.loyalty.redeem(orders[-1], step[1])
                    o = store.orders.get(orders[-1])
                    assert o.discount == discount_for(
                        o.points_redeemed, settings_.loyalty.redeem_points_per_baht
                    )
                    assert Decimal(0) <= o.total <= o.subtotal
                elif kind == "refund" and paid:
                    store.payments.refund(paid.pop(step[1] % len(paid)), staff="s", reason="r")
                elif kind == "adjust":
                    store.loyalty.adjust(PHONES[step[1]], step[2] or 1, "prop test", staff="s")
                elif kind == "expire":
                    clock.advance(days=31 * step[1])
                    store.loyalty.expire()
                elif kind == "cancel" and orders:
                    store.orders.cancel(orders[-1])
            except ServiceError:
                refused += 1  # a refused operation must leave everything consistent too
            _check_invariants(store, lifetimes)
            clock.t += timedelta(minutes=5)
        STATS.append((len(ops), refused, len(orders), paid_count))
        store.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def test_the_property_test_exercised_real_operations() -> None:
    """Guard against a property test that only ever sees refused operations."""
    if not STATS:  # run alone, or in another pytest-xdist worker than the property test
        test_random_operations_keep_the_invariants()
    total_ops = sum(s[0] for s in STATS)
    refused = sum(s[1] for s in STATS)
    assert sum(s[2] for s in STATS) > 0 and sum(s[3] for s in STATS) > 0
    assert refused < total_ops
