"""Steps 2 and 3 of a payment (record the provider's transaction id; settle payment,
order, points and receipt in one transaction) and the inquiries by transaction id."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db.models import (
    Customer,
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    TxType,
)
from kiosk.db.uow import UnitOfWork, locked
from kiosk.services.audit import audit_row
from kiosk.services.errors import (
    PaymentNotFound,
)
from kiosk.services.events import (
    Event,
    OrderPaid,
    OrderStatusChanged,
)
from kiosk.services.events import PaymentFailed as PaymentFailedEvent
from kiosk.services.gateway import (
    GatewayResponse,
)
from kiosk.services.loyalty import earn_for_order, ensure_membership, post_points
from kiosk.services.money import ZERO, points_for
from kiosk.services.orders import load_order, payment_view
from kiosk.services.payments.results import SUCCESS_MESSAGE, Charge, PaymentResult, charge_result
from kiosk.services.payments.statements import (
    _LAST_VISIT,
    _ORDER_PAID,
    _RECORD_TXN,
    _SETTLE_PAYMENT,
    _SETTLE_ROW,
)
from kiosk.services.payments.targets import _crash_point
from kiosk.services.printjobs import record_paid_order
from kiosk.services.views import PaymentView

log = logging.getLogger("kiosk.services.payments")


class SettleSteps:
    """Mixed into :class:`PaymentService`; uses its database, gateway, clock, bus and
    presence (``self._db``, ``self.gateway``...)."""

    # -- step 2 -------------------------------------------------------------------------
    def _record_txn(self, payment_id: int, response: GatewayResponse) -> None:
        if not response.transaction_id:
            return
        # One statement in a transaction of its own: the id is kept only if none was.
        with self._db.uow() as uow:
            uow.session.execute(
                _RECORD_TXN, {"payment_id": payment_id, "txn": response.transaction_id}
            )
            uow.commit()

    # -- step 3 -------------------------------------------------------------------------
    def _lock(self, s: Session, where: Any) -> tuple[Payment, Order]:
        """Lock the order, then its payment: every path takes the two locks in this order,
        so two kiosks or panels never deadlock on PostgreSQL."""
        order_id = s.scalar(select(Payment.order_id).where(where))
        if order_id is None:
            raise PaymentNotFound("That payment does not exist.")
        order = load_order(s, order_id, for_update=True)
        p = s.scalars(locked(select(Payment).where(where))).one()
        return p, order

    def _settle(self, payment_id: int, response: GatewayResponse, staff: str = "") -> PaymentResult:
        """Step 3: lock the order and its payment (one statement: the order joined to its
        payment, ``FOR UPDATE`` of both, which PostgreSQL takes in the order of the
        ``FROM`` list: the order's, then the payment's, as every other path does) and write
        the outcome with Core statements, in one transaction.

        Whether the order has its receipt is read with the statement's snapshot, which on
        PostgreSQL may predate the wait for the locks; it cannot be stale for a payment
        still pending after the wait: a receipt is issued only when a payment of the order
        succeeds, and ``_check_payable`` (under the order's lock) never lets an order have a
        pending payment next to a succeeded one. The unique ``order_id`` of
        ``tax_receipts`` would refuse a second receipt all the same."""
        settings = self._settings()
        events: list[Event] = []
        with self._db.uow() as uow:
            s = uow.session
            row = s.connection().execute(_SETTLE_ROW, {"payment_id": payment_id}).first()
            if row is None:
                raise PaymentNotFound("That payment does not exist.")
            if row.status != PaymentStatus.PENDING.value:
                late, stored = self._settled_meanwhile(uow, payment_id, row.order_id, response)
            else:
                late = False
                now = response.at
                c = Charge(
                    id=row.id,
                    order_id=row.order_id,
                    order_number=row.number,
                    amount=row.amount,
                    method=row.method,
                    transaction_id=row.transaction_id or response.transaction_id,
                    created_at=row.created_at,
                    customer_id=row.customer_id,
                    order_status=row.order_status,
                )
                if response.status != "succeeded":
                    message = response.message[:255]
                    stored = charge_result(c, "failed", message, now)
                    self._write_outcome(s, c, PaymentStatus.FAILED, message, now, staff, stored)
                    events.append(
                        PaymentFailedEvent(order_id=c.order_id, method=c.method, message=message)
                    )
                else:
                    stored = self._succeed(
                        s, c, response, settings, events, staff, has_receipt=bool(row.has_receipt)
                    )
                self._announce(uow, events)
                self.checkpoint("before_commit")
                _crash_point("in_settle")
                uow.commit()
                _crash_point("after_settle")
        if late and stored.transaction_id:
            log.error("payment %s was confirmed after it failed; refunding it", payment_id)
            self.gateway.refund(stored.transaction_id, stored.amount)
            return stored
        log.info(
            "payment %s for order %s: %s (%s)",
            payment_id,
            stored.order_number,
            stored.status,
            stored.payment_method,
        )
        return stored

    def _settled_meanwhile(
        self, uow: UnitOfWork, payment_id: int, order_id: int, response: GatewayResponse
    ) -> tuple[bool, PaymentResult]:
        """The payment was settled meanwhile (another poll, a cancel, reconcile): answer
        with its stored result. If the provider now says it took money for a payment we
        recorded as failed, it is to be given back (``late``; audited here)."""
        s = uow.session
        p = s.get(Payment, payment_id)
        assert p is not None
        order = load_order(s, order_id)
        late = response.status == "succeeded" and p.status == PaymentStatus.FAILED.value
        stored = self._result_of(p, order)
        if late:
            s.add(
                audit_row(
                    self.clock,
                    staff="system",
                    action="payment.late_success_refunded",
                    entity="order",
                    entity_id=str(order.id),
                    after={"transaction_id": p.transaction_id, "amount": str(p.amount)},
                )
            )
            uow.commit()
        return late, stored

    @staticmethod
    def _write_outcome(
        s: Session,
        c: Charge,
        status: PaymentStatus,
        message: str,
        when: datetime,
        staff: str,
        result: PaymentResult,
    ) -> None:
        """The payment's one ``UPDATE``: status, message, the provider's transaction id
        (kept if one was recorded), when, by whom, and the stored result."""
        s.connection().execute(
            _SETTLE_PAYMENT,
            {
                "payment_id": c.id,
                "status_": status.value,
                "message_": message,
                "txn": c.transaction_id,
                "settled": when,
                "staff_": staff,
                "result_": result._store(),
            },
        )

    def _succeed(
        self,
        s: Session,
        c: Charge,
        response: GatewayResponse,
        settings: Settings,
        events: list[Event],
        staff: str = "",
        has_receipt: bool | None = None,
    ) -> PaymentResult:
        """Record a successful charge in the settling transaction: the order paid, the
        member's points, spending and visit, the receipt number and print jobs, and the
        payment's own row with the result (Core statements). ``staff``: who took it, if
        not the customer. ``has_receipt``: whether the order has its receipt already, if
        the caller knows (else it is looked up)."""
        tiers = settings.loyalty.tiers
        now = response.at
        message = (response.message or SUCCESS_MESSAGE)[:255]
        earned = 0
        balance: int | None = None
        tier: str | None = None
        upgraded = False
        conn = s.connection()
        self.checkpoint("before_points")
        if c.customer_id is not None:
            earned = points_for(c.amount, settings.loyalty.baht_per_point)
            fast = earn_for_order(
                s,
                c.customer_id,
                earned,
                c.amount,
                tiers,
                when=now,
                reason=f"Order {c.order_number}",
                order_id=c.order_id,
            )
            if fast is not None:
                balance, tier, evs = fast
            else:  # no membership row yet (made here, as ever), or the points would overflow
                balance, tier, evs = self._earn_in_orm(s, c, earned, tiers, now)
            events += evs
            upgraded = any(e.name == "tier_upgraded" for e in evs)
            # one UPDATE, without reading the customer's row (the ORM object is not needed)
            conn.execute(_LAST_VISIT, {"customer_id_": c.customer_id, "when": now})
        conn.execute(
            _ORDER_PAID,
            {
                "order_id_": c.order_id,
                "status_": OrderStatus.PREPARING.value,
                "paid": now,
                "earned": earned,
            },
        )
        # Receipt number and kitchen/receipt print jobs, in this same transaction.
        record_paid_order(s, c.order_id, settings, now, has_receipt=has_receipt)
        self.checkpoint("after_points")
        result = charge_result(
            c,
            "succeeded",
            message,
            now,
            points_earned=earned,
            points_balance=balance,
            tier=tier,
            tier_upgraded=upgraded,
        )
        self._write_outcome(s, c, PaymentStatus.SUCCEEDED, message, now, staff, result)
        events.insert(
            0,
            OrderPaid(
                order_id=c.order_id,
                number=c.order_number,
                amount=c.amount,
                method=c.method,
                points_earned=earned,
            ),
        )
        events.insert(
            1,
            OrderStatusChanged(
                order_id=c.order_id,
                number=c.order_number,
                old_status=c.order_status,
                new_status=OrderStatus.PREPARING.value,
            ),
        )
        return result

    @staticmethod
    def _earn_in_orm(
        s: Session,
        c: Charge,
        earned: int,
        tiers: Mapping[str, int],
        now: datetime,
    ) -> tuple[int, str, list[Event]]:
        """The general path of a paid order's loyalty: the membership made if missing,
        :func:`post_points` (which refuses an overflow), spent and visits added; flushed
        here, so the Core statements after it see the row."""
        assert c.customer_id is not None
        customer = s.get(Customer, c.customer_id)
        assert customer is not None
        m = ensure_membership(s, customer, tiers)
        evs: list[Event] = []
        if earned > 0:
            _, evs = post_points(
                s,
                m,
                earned,
                TxType.EARNED,
                tiers,
                reason=f"Order {c.order_number}",
                order_id=c.order_id,
                when=now,
            )
        m.total_spent = (m.total_spent or ZERO) + c.amount
        m.visits_count = (m.visits_count or 0) + 1
        s.flush()
        return m.points, m.tier, evs

    # -- inquiries ------------------------------------------------------------------------
    @staticmethod
    def _by_txn(s: Session, transaction_id: str) -> Payment:
        p = s.scalars(select(Payment).where(Payment.transaction_id == transaction_id)).first()
        if p is None:
            raise PaymentNotFound(f"No payment has transaction id {transaction_id}.")
        return p

    def status(self, transaction_id: str) -> PaymentView:
        """Payment status inquiry by transaction id."""
        with self._db.read() as s:
            return payment_view(self._by_txn(s, transaction_id))

    def result(self, transaction_id: str) -> PaymentResult:
        with self._db.read() as s:
            return self._stored_result(s, self._by_txn(s, transaction_id))
