"""Loyalty points: earn, redeem, adjust, expire, and the audit trail behind every balance.

Invariant, for every member at every moment: the sum of their transactions equals their
balance, and the balance is never negative. Every change of a balance goes through
:func:`post_points`, which writes the transaction in the same database transaction (or,
for the points a paid order earns, :func:`earn_for_order`: the same rules in one atomic
``UPDATE``, the hot path of a payment).
Tiers follow lifetime points, which only earning raises, so spending never demotes.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Integer, String, bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db.models import (
    Customer,
    LoyaltyTransaction,
    Membership,
    Order,
    OrderStatus,
    PaymentStatus,
    TxType,
    tier_for,
)
from kiosk.db.types import Money
from kiosk.db.uow import locked
from kiosk.services.audit import audit_row
from kiosk.services.base import PublishingService
from kiosk.services.customers import get_customer_by_phone
from kiosk.services.errors import (
    CustomerNotFound,
    InsufficientPoints,
    InvalidInput,
    OrderNotFound,
    OrderNotPayable,
    OutOfRange,
    ReasonRequired,
)
from kiosk.services.events import Event, PointsChanged, TierUpgraded
from kiosk.services.money import (
    after_discount,
    discount_for,
    max_redeemable,
    vat_included,
)
from kiosk.services.phone import normalize_phone
from kiosk.services.validation import (
    ID,
    LIMIT,
    MAX_INT32,
    MAX_POINTS,
    OFFSET,
    REASON,
    STAFF,
    Int,
    Moment,
    Optional,
    validated,
)
from kiosk.services.views import LoyaltyTxView


def months_before(moment: datetime, months: int) -> datetime:
    """The same wall-clock moment ``months`` calendar months earlier (day clamped)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def ensure_membership(s: Session, customer: Customer, tiers: Mapping[str, int]) -> Membership:
    """Get-or-create, locking the row (PostgreSQL) so concurrent updates serialise."""
    m = s.scalars(locked(select(Membership).where(Membership.customer_id == customer.id))).first()
    if m is None:
        m = Membership(customer_id=customer.id, tier=tier_for(0, tiers))
        m.customer = customer
        s.add(m)
        s.flush()
    return m


def post_points(
    s: Session,
    membership: Membership,
    points: int,
    tx_type: TxType,
    tiers: Mapping[str, int],
    *,
    when: datetime,
    reason: str = "",
    order_id: int | None = None,
    staff: str = "",
    counts_to_lifetime: bool | None = None,
) -> tuple[LoyaltyTransaction, list[Event]]:
    """Change a balance and write its transaction; returns events to publish after commit.

    ``counts_to_lifetime`` defaults to "positive earned or adjusted points"; returning
    redeemed points (a refund) restores the balance without raising lifetime points.
    """
    if points == 0:
        raise ValueError("a loyalty transaction needs a non-zero number of points")
    if membership.points + points < 0:
        raise InsufficientPoints(
            f"Not enough points: the balance is {membership.points}, this needs {-points}."
        )
    if counts_to_lifetime is None:
        counts_to_lifetime = points > 0 and tx_type in (TxType.EARNED, TxType.ADJUSTED)
    if membership.points + points > MAX_INT32 or (
        counts_to_lifetime and membership.lifetime_points + points > MAX_INT32
    ):
        raise OutOfRange(f"A balance can hold at most {MAX_INT32:,} points.", "points")
    old_tier = membership.tier
    membership.points += points
    if counts_to_lifetime and points > 0:
        membership.lifetime_points += points
    membership.tier = tier_for(membership.lifetime_points, tiers)
    tx = LoyaltyTransaction(
        customer_id=membership.customer_id,
        order_id=order_id,
        type=tx_type.value,
        points=points,
        balance_after=membership.points,
        reason=reason[:255],
        staff=staff,
        created_at=when,
    )
    s.add(tx)
    events: list[Event] = [
        PointsChanged(customer_id=membership.customer_id, points=points, balance=membership.points)
    ]
    if tiers.get(membership.tier, 0) > tiers.get(old_tier, -1):
        events.append(
            TierUpgraded(
                customer_id=membership.customer_id, old_tier=old_tier, new_tier=membership.tier
            )
        )
    return tx, events


# Built once (the payment's hot path): the bound values are the only change between calls.
_m = Membership.__table__.c
_earned = bindparam("earned", type_=Integer)
_EARN_FOR_ORDER = (
    update(Membership.__table__)
    .where(
        _m.customer_id == bindparam("customer_id_", type_=Integer),
        _m.points + _earned <= MAX_INT32,
        _m.lifetime_points + _earned <= MAX_INT32,
    )
    .values(
        points=_m.points + _earned,
        lifetime_points=_m.lifetime_points + _earned,
        total_spent=_m.total_spent + bindparam("spent", type_=Money()),
        visits_count=_m.visits_count + 1,
    )
    .returning(_m.id, _m.points, _m.lifetime_points, _m.tier)
)
_INSERT_TXN = insert(LoyaltyTransaction.__table__)
_SET_TIER = (
    update(Membership.__table__)
    .where(_m.id == bindparam("membership_id", type_=Integer))
    .values(tier=bindparam("tier_", type_=String()))
)


def earn_for_order(
    s: Session,
    customer_id: int,
    points: int,
    amount: Decimal,
    tiers: Mapping[str, int],
    *,
    when: datetime,
    reason: str,
    order_id: int,
) -> tuple[int, str, list[Event]] | None:
    """A paid order's loyalty, in the settling transaction: ``points`` earned (may be 0),
    ``amount`` spent and one visit, as :func:`post_points` and the settle would write them,
    but in one ``UPDATE ... RETURNING`` (it locks the row as ``SELECT ... FOR UPDATE``
    would, and adds to what is stored, never to a copy read before). The earned
    transaction is inserted (Core, no ORM object). Returns the new balance, the tier and the events.

    ``None``, with nothing changed, when the member has no membership row yet or the
    points would overflow: the caller then takes the general path, which makes the row or
    refuses as :func:`post_points` does."""
    if points < 0:
        raise ValueError("an order earns no negative points")
    conn = s.connection()
    row = conn.execute(
        _EARN_FOR_ORDER, {"customer_id_": customer_id, "earned": points, "spent": amount}
    ).first()
    if row is None:
        return None
    membership_id, balance, lifetime, old_tier = row
    if not points:
        return balance, old_tier, []
    tier = tier_for(lifetime, tiers)
    if tier != old_tier:
        conn.execute(_SET_TIER, {"membership_id": membership_id, "tier_": tier})
    s.connection().execute(
        _INSERT_TXN,
        {
            "customer_id": customer_id,
            "order_id": order_id,
            "type": TxType.EARNED.value,
            "points": points,
            "balance_after": balance,
            "reason": reason[:255],
            "created_at": when,
        },
    )
    events: list[Event] = [PointsChanged(customer_id=customer_id, points=points, balance=balance)]
    if tiers.get(tier, 0) > tiers.get(old_tier, -1):
        events.append(TierUpgraded(customer_id=customer_id, old_tier=old_tier, new_tier=tier))
    return balance, tier, events


def reprice_order(order: Order, settings: Settings) -> None:
    """Recompute discount, total and VAT from subtotal and redeemed points."""
    order.discount = discount_for(order.points_redeemed, settings.loyalty.redeem_points_per_baht)
    order.service_charge, order.total = after_discount(
        order.subtotal, order.discount, settings.payments.service_charge_percent
    )
    order.vat = vat_included(order.total, settings.store.vat_rate)


class LoyaltyService(PublishingService):
    def _customer(self, s: Session, phone: str) -> Customer:
        e164 = normalize_phone(phone, self._settings().store.phone_region)
        customer = get_customer_by_phone(s, e164)
        if customer is None:
            raise CustomerNotFound("No member has that phone number.")
        return customer

    # -- redeem -------------------------------------------------------------------------
    @validated(order_id=ID, points=Int(0, MAX_INT32, label="Points to redeem"))
    def redeem(self, order_id: int, points: int) -> int:
        """Set the points this pending order spends as a discount (0 takes them all back).

        Returns the order's new total points redeemed. Writes a ``redeemed`` transaction
        for the difference: negative when spending, positive when giving points back.
        """
        settings = self._settings()
        with self._db.uow() as uow:
            s = uow.session
            order = s.scalars(locked(select(Order).where(Order.id == order_id))).first()
            if order is None:
                raise OrderNotFound(f"Order {order_id} does not exist.")
            events = redeem_on_order(s, order, points, settings, self._clock.now())
            uow.publish(self._bus.publish, *events)
            uow.commit()
            return points

    # -- adjust -------------------------------------------------------------------------
    @validated(points=Int(-MAX_POINTS, MAX_POINTS, label="Points"), reason=REASON, staff=STAFF)
    def adjust(self, phone: str, points: int, reason: str, staff: str) -> int:
        """Staff add (positive) or remove (negative) points; reason mandatory; audited."""
        if not reason or not reason.strip():
            raise ReasonRequired("A reason is required to adjust points.")
        if not staff or not staff.strip():
            raise InvalidInput("The staff member making the adjustment must be named.")
        if not isinstance(points, int) or isinstance(points, bool) or points == 0:
            raise InvalidInput("Enter a whole number of points other than zero.")
        tiers = self._settings().loyalty.tiers
        with self._db.uow() as uow:
            s = uow.session
            customer = self._customer(s, phone)
            m = ensure_membership(s, customer, tiers)
            before = m.points
            _, events = post_points(
                s,
                m,
                points,
                TxType.ADJUSTED,
                tiers,
                reason=reason.strip(),
                staff=staff,
                when=self._clock.now(),
            )
            s.add(
                audit_row(
                    self._clock,
                    staff=staff,
                    action="points.adjust",
                    entity="customer",
                    entity_id=str(customer.id),
                    before={"points": before},
                    after={"points": m.points, "reason": reason.strip()},
                )
            )
            balance = m.points
            uow.publish(self._bus.publish, *events)
            uow.commit()
        return balance

    # -- expire -------------------------------------------------------------------------
    @validated(now=Optional(Moment()))
    def expire(self, now: datetime | None = None) -> dict[int, int]:
        """Expire points older than ``expiry_months``, oldest first (FIFO).

        Points spent always come from the oldest lots, so what is left of the points
        credited before the cut-off is ``max(0, old credits − all debits)``. Reversals are
        netted against what they reverse rather than counted as new lots or spending:
        redeemed points given back (cancel, refund, a lowered redemption) reduce the debits,
        and earned points taken back by a refund reduce the lot of the order that earned
        them. Running it twice expires nothing more. Returns ``{customer_id: expired}``.
        """
        now = now or self._clock.now()
        settings = self._settings()
        cutoff = months_before(now, settings.loyalty.expiry_months)
        tiers = settings.loyalty.tiers
        T = LoyaltyTransaction
        earned, adjusted, redeemed = (
            TxType.EARNED.value,
            TxType.ADJUSTED.value,
            TxType.REDEEMED.value,
        )
        old_credits = func.sum(
            case(
                (
                    (T.points > 0) & T.type.in_((earned, adjusted)) & (T.created_at < cutoff),
                    T.points,
                ),
                ((T.points < 0) & (T.type == earned) & (Order.paid_at < cutoff), T.points),
                else_=0,
            )
        )
        debits = func.sum(
            case(
                ((T.points < 0) & (T.type != earned), -T.points),
                ((T.points > 0) & (T.type == redeemed), -T.points),
                else_=0,
            )
        )
        expired: dict[int, int] = {}
        with self._db.uow() as uow:
            s = uow.session
            rows = s.execute(
                select(T.customer_id, old_credits, debits)
                .select_from(T)
                .outerjoin(Order, Order.id == T.order_id)
                .group_by(T.customer_id)
                .having(old_credits > debits)
            ).all()
            events: list[Event] = []
            for customer_id, credits, spent in rows:
                customer = s.get(Customer, customer_id)
                if customer is None:
                    continue
                m = ensure_membership(s, customer, tiers)
                amount = min(int(credits) - int(spent), m.points)
                if amount <= 0:
                    continue
                _, evs = post_points(
                    s,
                    m,
                    -amount,
                    TxType.EXPIRED,
                    tiers,
                    reason=f"Points earned before {cutoff:%Y-%m-%d} expired",
                    when=now,
                )
                events += evs
                expired[customer_id] = amount
            uow.publish(self._bus.publish, *events)
            uow.commit()
        return expired

    # -- read ---------------------------------------------------------------------------
    @validated(limit=LIMIT, offset=OFFSET)
    def transactions(self, phone: str, limit: int = 200, offset: int = 0) -> list[LoyaltyTxView]:
        """A member's transactions, newest first."""
        with self._db.read() as s:
            customer = self._customer(s, phone)
            return self.transactions_for(customer.id, limit, offset, session=s)

    @validated(customer_id=ID, limit=LIMIT, offset=OFFSET)
    def transactions_for(
        self, customer_id: int, limit: int = 200, offset: int = 0, session: Session | None = None
    ) -> list[LoyaltyTxView]:
        def run(s: Session) -> list[LoyaltyTxView]:
            T = LoyaltyTransaction
            rows = s.execute(
                select(T, Order.number)
                .outerjoin(Order, Order.id == T.order_id)
                .where(T.customer_id == customer_id)
                .order_by(T.created_at.desc(), T.id.desc())
                .limit(limit)
                .offset(offset)
            ).all()
            return [
                LoyaltyTxView(
                    id=t.id,
                    type=t.type,
                    points=t.points,
                    balance_after=t.balance_after,
                    reason=t.reason,
                    order_id=t.order_id,
                    order_number=number,
                    staff=t.staff,
                    created_at=t.created_at,
                )
                for t, number in rows
            ]

        if session is not None:
            return run(session)
        with self._db.read() as s:
            return run(s)

    def balance_check(self) -> list[int]:
        """Ids of members whose balance differs from the sum of their transactions."""
        T = LoyaltyTransaction
        with self._db.read() as s:
            sums = (
                select(T.customer_id, func.sum(T.points).label("total"))
                .group_by(T.customer_id)
                .subquery()
            )
            rows = s.execute(
                select(Membership.customer_id)
                .outerjoin(sums, sums.c.customer_id == Membership.customer_id)
                .where(func.coalesce(sums.c.total, 0) != Membership.points)
            ).all()
            return [r[0] for r in rows]


__all__ = ["LoyaltyService", "ensure_membership", "months_before", "post_points", "reprice_order"]


def redeem_on_order(
    s: Session, order: Order, points: int, settings: Settings, now: datetime
) -> list[Event]:
    """Make the pending ``order`` (loaded under a lock in the caller's unit of work) spend
    ``points`` as its discount, writing the ``redeemed`` transaction for the difference.
    Returns the events to publish after the caller commits. Shared by
    :meth:`LoyaltyService.redeem` and order creation, which redeems in the same
    transaction that creates the order."""
    if not isinstance(points, int) or isinstance(points, bool) or points < 0:
        raise InvalidInput("Points to redeem must be a whole number, zero or more.")
    tiers = settings.loyalty.tiers
    if order.status != OrderStatus.PENDING.value or any(
        p.status in (PaymentStatus.SUCCEEDED.value, PaymentStatus.PENDING.value)
        for p in order.payments
    ):
        raise OrderNotPayable("Points can only be redeemed before the order is paid.")
    if order.customer_id is None:
        raise CustomerNotFound("Only members can redeem points: enter a phone number.")
    customer = s.get(Customer, order.customer_id)
    assert customer is not None
    m = ensure_membership(s, customer, tiers)
    delta = points - order.points_redeemed
    if delta == 0:
        return []
    if delta > 0:
        limit = max_redeemable(
            order.subtotal,
            m.points + order.points_redeemed,
            settings.loyalty.redeem_points_per_baht,
        )
        if points > m.points + order.points_redeemed:
            raise InsufficientPoints(
                f"Not enough points: the balance is {m.points + order.points_redeemed}."
            )
        if points > limit:
            raise InvalidInput(f"At most {limit} points can be used on this order (its total).")
    _, events = post_points(
        s,
        m,
        -delta,
        TxType.REDEEMED,
        tiers,
        reason=(
            f"Discount on order {order.number}"
            if delta > 0
            else f"Points returned from order {order.number}"
        ),
        order_id=order.id,
        when=now,
    )
    order.points_redeemed = points
    reprice_order(order, settings)
    return list(events)
