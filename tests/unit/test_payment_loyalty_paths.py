"""A paid order's loyalty in the settle (issue #13): the atomic ``UPDATE ... RETURNING`` of
``earn_for_order`` and the general path it falls back to write the same things."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete, select, update

from kiosk.app import Store
from kiosk.db.models import Customer, LoyaltyTransaction, Membership
from tests.helpers import CARD_OK

MEMBER = "081-234-5678"  # demo member Somchai: 120 points, bronze


def _member(store: Store) -> tuple[int, Membership]:
    with store.db.read() as s:
        cid = s.scalars(select(Customer.id).where(Customer.phone == "+66812345678")).one()
        m = s.scalars(select(Membership).where(Membership.customer_id == cid)).one()
        s.expunge(m)  # plain values from here on
    return cid, m


def test_a_payment_adds_points_spent_and_a_visit_to_what_is_stored(store: Store) -> None:
    cid, before = _member(store)
    oid = store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=MEMBER).id
    # another kiosk changes the balance after this order was made: the settle adds to it
    with store.db.uow() as uow:
        uow.session.execute(
            update(Membership).where(Membership.id == before.id).values(visits_count=7)
        )
        uow.commit()
    r = store.payments.process_payment(oid, "card", CARD_OK, "k")
    _, after = _member(store)
    assert r.success and r.points_earned > 0
    assert after.points == before.points + r.points_earned == r.points_balance
    assert after.lifetime_points == before.lifetime_points + r.points_earned
    assert after.total_spent == before.total_spent + r.amount
    assert after.visits_count == 8
    assert r.tier == after.tier == "bronze" and not r.tier_upgraded
    with store.db.read() as s:
        tx = s.scalars(select(LoyaltyTransaction).where(LoyaltyTransaction.order_id == oid)).one()
        row = (tx.customer_id, tx.type, tx.points, tx.balance_after, tx.reason, tx.staff)
        last_visit = s.scalar(select(Customer.last_visit).where(Customer.id == cid))
    assert row == (cid, "earned", r.points_earned, after.points, f"Order {r.order_number}", "")
    assert last_visit is not None
    assert store.loyalty.balance_check() == []


def test_a_member_without_a_membership_row_gets_one_when_paying(store: Store) -> None:
    cid, _ = _member(store)
    oid = store.orders.create([{"item_id": 1, "quantity": 2}], customer_phone=MEMBER).id
    with store.db.uow() as uow:  # as a member registered before memberships existed
        uow.session.execute(delete(LoyaltyTransaction).where(LoyaltyTransaction.customer_id == cid))
        uow.session.execute(delete(Membership).where(Membership.customer_id == cid))
        uow.commit()
    r = store.payments.process_payment(oid, "card", CARD_OK, "k")
    _, m = _member(store)
    assert r.success and r.points_earned > 0
    assert m.points == r.points_earned == r.points_balance and m.visits_count == 1
    assert m.total_spent == r.amount > Decimal(0)
    assert store.loyalty.balance_check() == []
