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
from kiosk.db.uow import locked
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
from kiosk.services.payments.results import SUCCESS_MESSAGE, PaymentResult, _result
from kiosk.services.payments.statements import _LAST_VISIT, _LOCK_FOR_SETTLE, _RECORD_TXN
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

    def _lock_for_settle(self, s: Session, payment_id: int) -> tuple[Payment, Order, bool]:
        """:meth:`_lock` in one statement, for settling: the order joined to its payment,
        both rows locked (PostgreSQL takes a ``FOR UPDATE`` join's row locks in the order
        of its ``FROM`` list: the order's, then the payment's, as every other path does),
        and whether the order has its receipt already. Neither the order's lines nor its
        other payments are loaded: settling needs neither.

        The receipt flag is read with the statement's snapshot, which on PostgreSQL may
        predate the wait for the locks; it cannot be stale for a payment still pending
        after the wait: a receipt is issued only when a payment of the order succeeds, and
        ``_check_payable`` (under the order's lock, in a statement of its own) never lets
        an order have a pending payment next to a succeeded one. The unique ``order_id``
        of ``tax_receipts`` would refuse a second receipt all the same."""
        row = s.execute(_LOCK_FOR_SETTLE, {"payment_id": payment_id}).first()
        if row is None:
            raise PaymentNotFound("That payment does not exist.")
        order, p, receipt = row
        return p, order, bool(receipt)

    def _settle(self, payment_id: int, response: GatewayResponse, staff: str = "") -> PaymentResult:
        settings = self._settings()
        events: list[Event] = []
        with self._db.uow() as uow:
            s = uow.session
            p, order, has_receipt = self._lock_for_settle(s, payment_id)
            if p.status != PaymentStatus.PENDING.value:
                # Settled meanwhile (another poll, a cancel, reconcile). If the provider now
                # says it took money for a payment we recorded as failed, give it back.
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
            else:
                late = False
                now = response.at
                p.transaction_id = p.transaction_id or response.transaction_id
                p.settled_at = now
                p.staff = staff
                if response.status != "succeeded":
                    p.status = PaymentStatus.FAILED.value
                    p.message = response.message[:255]
                    stored = _result(p, order, "failed", p.message, now)
                    p.result = stored._store()
                    events.append(
                        PaymentFailedEvent(order_id=order.id, method=p.method, message=p.message)
                    )
                else:
                    stored = self._succeed(
                        s, p, order, response, settings, events, has_receipt=has_receipt
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

    def _succeed(
        self,
        s: Session,
        p: Payment,
        order: Order,
        response: GatewayResponse,
        settings: Settings,
        events: list[Event],
        has_receipt: bool | None = None,
    ) -> PaymentResult:
        """Record a successful charge in the settling transaction. ``has_receipt``: whether
        the order has its receipt already, if the caller knows (else it is looked up).
        Nothing is flushed until the commit, so each row gets one ``UPDATE``."""
        with s.no_autoflush:
            return self._succeed_unflushed(s, p, order, response, settings, events, has_receipt)

    def _succeed_unflushed(
        self,
        s: Session,
        p: Payment,
        order: Order,
        response: GatewayResponse,
        settings: Settings,
        events: list[Event],
        has_receipt: bool | None,
    ) -> PaymentResult:
        tiers = settings.loyalty.tiers
        now = response.at
        p.status = PaymentStatus.SUCCEEDED.value
        p.message = (response.message or SUCCESS_MESSAGE)[:255]
        old_status = order.status
        order.status = OrderStatus.PREPARING.value
        order.paid_at = now
        earned = 0
        balance: int | None = None
        tier: str | None = None
        upgraded = False
        self.checkpoint("before_points")
        if order.customer_id is not None:
            earned = points_for(p.amount, settings.loyalty.baht_per_point)
            fast = earn_for_order(
                s,
                order.customer_id,
                earned,
                p.amount,
                tiers,
                when=now,
                reason=f"Order {order.number}",
                order_id=order.id,
            )
            if fast is not None:
                balance, tier, evs = fast
            else:  # no membership row yet (made here, as ever), or the points would overflow
                balance, tier, evs = self._earn_in_orm(s, order, p, earned, tiers, now)
            events += evs
            upgraded = any(e.name == "tier_upgraded" for e in evs)
            # one UPDATE, without reading the customer's row (the ORM object is not needed)
            s.execute(_LAST_VISIT, {"customer_id_": order.customer_id, "when": now})
        order.points_earned = earned
        # Receipt number and kitchen/receipt print jobs, in this same transaction.
        record_paid_order(s, order, p, settings, now, has_receipt=has_receipt)
        self.checkpoint("after_points")
        result = _result(
            p,
            order,
            "succeeded",
            p.message,
            now,
            points_earned=earned,
            points_balance=balance,
            tier=tier,
            tier_upgraded=upgraded,
        )
        p.result = result._store()
        events.insert(
            0,
            OrderPaid(
                order_id=order.id,
                number=order.number,
                amount=p.amount,
                method=p.method,
                points_earned=earned,
            ),
        )
        events.insert(
            1,
            OrderStatusChanged(
                order_id=order.id,
                number=order.number,
                old_status=old_status,
                new_status=order.status,
            ),
        )
        return result

    @staticmethod
    def _earn_in_orm(
        s: Session,
        order: Order,
        p: Payment,
        earned: int,
        tiers: Mapping[str, int],
        now: datetime,
    ) -> tuple[int, str, list[Event]]:
        """The general path of a paid order's loyalty: the membership made if missing,
        :func:`post_points` (which refuses an overflow), spent and visits added."""
        assert order.customer_id is not None
        customer = s.get(Customer, order.customer_id)
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
                reason=f"Order {order.number}",
                order_id=order.id,
                when=now,
            )
        m.total_spent = (m.total_spent or ZERO) + p.amount
        m.visits_count = (m.visits_count or 0) + 1
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
