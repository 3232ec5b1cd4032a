"""What staff do to payments (mark a counter payment paid, refund) and crash recovery
(reconcile), as steps of :class:`PaymentService`."""

from __future__ import annotations

import dataclasses
import logging
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text

from kiosk.db.models import (
    Customer,
    OrderStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
    TxType,
)
from kiosk.db.uow import locked
from kiosk.services.audit import audit_row
from kiosk.services.errors import (
    InvalidInput,
    OrderNotPayable,
    ReasonRequired,
    RefundNotAllowed,
)
from kiosk.services.events import (
    CHANNEL,
    Event,
    OrderRefunded,
    OrderStatusChanged,
)
from kiosk.services.gateway import (
    GatewayResponse,
    transaction_id_for,
)
from kiosk.services.loyalty import ensure_membership, post_points
from kiosk.services.money import ZERO
from kiosk.services.orders import load_order
from kiosk.services.payments.results import SUCCESS_MESSAGE, Charge, PaymentResult, _result
from kiosk.services.payments.targets import _crash_point

log = logging.getLogger("kiosk.services.payments")


class StaffOperations:
    """Mixed into :class:`PaymentService`; uses its database, gateway, clock, bus and
    presence (``self._db``, ``self.gateway``...)."""

    # -- staff operations -----------------------------------------------------------------
    def mark_paid(self, order_id: int, method: str, staff: str) -> PaymentResult:
        """ "Pay at counter": staff took cash or saw the PromptPay transfer. Awards points."""
        if method not in (PaymentMethod.CASH.value, PaymentMethod.PROMPTPAY.value):
            raise InvalidInput("Only cash or PromptPay can be marked as received.")
        if not staff:
            raise InvalidInput("The staff member must be named.")
        settings = self._settings()
        events: list[Event] = []
        with self._db.uow() as uow:
            s = uow.session
            order = load_order(s, order_id, for_update=True)
            if order.status != OrderStatus.PENDING.value:
                raise OrderNotPayable(f"Order {order.number} is {order.status}; it cannot be paid.")
            waiting = [
                p
                for p in order.payments
                if p.status == PaymentStatus.PENDING.value and p.at_counter
            ]
            if waiting:
                payment = s.scalars(
                    locked(select(Payment).where(Payment.id == waiting[0].id))
                ).one()
                payment.method = method
            else:
                self._check_payable(order)
                payment = Payment(
                    order_id=order.id,
                    method=method,
                    amount=order.total,
                    status=PaymentStatus.PENDING.value,
                    idempotency_key=uuid.uuid4().hex,
                    kiosk_id=order.kiosk_id or settings.store.kiosk_id,
                    owner=self._presence.claim(),
                    at_counter=True,
                    created_at=self.clock.now(),
                )
                s.add(payment)
                uow.flush()
            now = self.clock.now()
            response = GatewayResponse(
                "succeeded",
                f"Received at the counter by {staff}",
                transaction_id_for(payment.id, now),
                now,
            )
            payment.transaction_id = response.transaction_id
            uow.flush()  # the payment's row as chosen here; settled by Core statements next
            result = self._succeed(s, Charge.of(payment, order), response, settings, events, staff)
            s.add(
                audit_row(
                    self.clock,
                    staff=staff,
                    action="payment.mark_paid",
                    entity="order",
                    entity_id=str(order.id),
                    after={"method": method, "amount": str(order.total)},
                )
            )
            self._announce(uow, events)
            uow.commit()
        return result

    def refund(self, transaction_id: str, staff: str, reason: str) -> PaymentResult:
        """Give the money back, mark payment and order refunded, return redeemed points and
        take back earned points (never below zero; what could not be taken back is recorded).

        Like a payment, in three steps: the payment is claimed (``refunding``) under its
        lock and committed, the provider is asked (a repeated request answers as the first
        did), then one unit of work settles everything. A crash in between leaves a
        ``refunding`` payment that :meth:`reconcile` completes.
        """
        reason = (reason or "").strip()
        if not reason:
            raise ReasonRequired("A reason is required for a refund.")
        if not staff:
            raise InvalidInput("The staff member making the refund must be named.")
        with self._db.uow() as uow:
            s = uow.session
            p, _order = self._lock(s, Payment.transaction_id == transaction_id)
            if p.status != PaymentStatus.SUCCEEDED.value:
                raise RefundNotAllowed(
                    "This payment was refunded already."
                    if p.status in (PaymentStatus.REFUNDED.value, PaymentStatus.REFUNDING.value)
                    else f"Only a completed payment can be refunded (this one is {p.status})."
                )
            p.status = PaymentStatus.REFUNDING.value
            p.staff = staff[:64]
            p.message = f"Refund: {reason}"[:255]
            p.owner = self._presence.claim()
            payment_id, amount, at_counter = p.id, p.amount, p.at_counter
            self._presence.busy.add(payment_id)
            try:
                uow.commit()
            except BaseException:
                self._presence.busy.discard(payment_id)
                raise
        with self._presence.working(payment_id):
            return self._refund_claimed(
                payment_id, transaction_id, amount, at_counter, staff, reason
            )

    def _refund_claimed(
        self,
        payment_id: int,
        transaction_id: str,
        amount: Decimal,
        at_counter: bool,
        staff: str,
        reason: str,
    ) -> PaymentResult:
        _crash_point("after_refund_claim")
        if amount > 0 and not at_counter:
            try:
                response = self.gateway.refund(transaction_id, amount)
            except Exception:
                log.exception("refund of payment %s: no answer from the provider", payment_id)
                raise
            _crash_point("after_provider_refund")
            if response.status != "succeeded":
                with self._db.uow() as uow:
                    p, _order = self._lock(uow.session, Payment.id == payment_id)
                    p.status = PaymentStatus.SUCCEEDED.value
                    p.message = SUCCESS_MESSAGE
                    uow.commit()
                raise RefundNotAllowed(
                    f"The payment provider refused the refund: {response.message}"
                )
        return self._finish_refund(payment_id, staff, reason)

    def _finish_refund(self, payment_id: int, staff: str, reason: str) -> PaymentResult:
        settings = self._settings()
        tiers = settings.loyalty.tiers
        events: list[Event] = []
        with self._db.uow() as uow:
            s = uow.session
            p, order = self._lock(s, Payment.id == payment_id)
            if p.status != PaymentStatus.REFUNDING.value:
                raise RefundNotAllowed("This payment was refunded already.")
            now = self.clock.now()
            p.status = PaymentStatus.REFUNDED.value
            p.refunded_at = now
            old_status = order.status
            order.status = OrderStatus.REFUNDED.value
            audit: dict[str, Any] = {"amount": str(p.amount), "reason": reason}
            if order.customer_id is not None:
                customer = s.get(Customer, order.customer_id)
                assert customer is not None
                m = ensure_membership(s, customer, tiers)
                if order.points_redeemed:
                    _, evs = post_points(
                        s,
                        m,
                        order.points_redeemed,
                        TxType.REDEEMED,
                        tiers,
                        reason=f"Refund of order {order.number}: redeemed points returned",
                        order_id=order.id,
                        staff=staff,
                        when=now,
                        counts_to_lifetime=False,
                    )
                    events += evs
                earned = order.points_earned
                take = min(earned, m.points)
                missing = earned - take
                if take:
                    note = f" ({missing} already spent, not recovered)" if missing else ""
                    _, evs = post_points(
                        s,
                        m,
                        -take,
                        TxType.EARNED,
                        tiers,
                        reason=f"Refund of order {order.number}: earned points taken back{note}",
                        order_id=order.id,
                        staff=staff,
                        when=now,
                    )
                    events += evs
                audit |= {
                    "points_taken_back": take,
                    "points_not_recovered": missing,
                    "points_returned": order.points_redeemed,
                }
                m.total_spent = max(ZERO, (m.total_spent or ZERO) - p.amount)
                m.visits_count = max(0, (m.visits_count or 0) - 1)
            s.add(
                audit_row(
                    self.clock,
                    staff=staff,
                    action="payment.refund",
                    entity="order",
                    entity_id=str(order.id),
                    before={"status": old_status},
                    after=audit,
                )
            )
            result = _result(p, order, "refunded", f"Refunded: {reason}"[:255], now)
            p.result = result._store() | {"refunded_from": p.result}
            events = [
                OrderRefunded(order_id=order.id, number=order.number, amount=p.amount),
                OrderStatusChanged(
                    order_id=order.id,
                    number=order.number,
                    old_status=old_status,
                    new_status=order.status,
                ),
                *events,
            ]
            self._announce(uow, events)
            uow.commit()
        return result

    def _announce(self, uow: Any, events: list[Event]) -> None:
        """Publish ``events`` once the commit has succeeded. On PostgreSQL they are also
        sent with ``NOTIFY`` inside the transaction itself, so other kiosks and panels hear
        of a committed payment even if this process dies right after the commit (SQLite's
        ``data_version`` watcher sees every commit anyway)."""
        if self._db.dialect != "postgresql":
            uow.publish(self._bus.publish, *events)
            return
        stamped = [
            e if e.origin else dataclasses.replace(e, origin=self._bus.origin) for e in events
        ]
        if stamped:  # all in one statement (one round trip), sent in this order
            calls = ", ".join(f"pg_notify(:channel, :p{i})" for i in range(len(stamped)))
            params = {f"p{i}": e.to_json() for i, e in enumerate(stamped)}
            uow.session.execute(text(f"SELECT {calls}"), {"channel": CHANNEL, **params})
        uow.publish(self._bus.deliver, *stamped)  # here only: the NOTIFY reached the others

    def _recover_one(
        self,
        payment_id: int,
        txn: str | None,
        created_at: datetime,
        owner: str,
        *,
        now: datetime,
        grace: timedelta = timedelta(0),
    ) -> PaymentResult | None:
        """Settle one pending payment from what the provider says, or leave it (``None``).

        A final answer (charged or not) is always safe to record. Anything else is left to
        a live owner process; for a dead one, a charge the provider never received is
        failed (its process is gone, so it never will be sent), and one still pending at
        the provider is cancelled once the PromptPay timeout has passed."""
        response = self.gateway.status(txn) if txn else self.gateway.lookup(payment_id, created_at)
        if response.status in ("succeeded", "failed"):
            return self._settle(payment_id, response)
        age = now - created_at
        if self._presence.alive(owner, payment_id) or (grace and age < grace):
            return None
        if response.status == "pending":
            timeout = timedelta(seconds=self._settings().payments.promptpay_timeout_seconds)
            if age < timeout:
                return None
            cancelled = self.gateway.cancel(response.transaction_id or txn or "")
            if cancelled.status == "succeeded":  # the bank confirmed just before the cancel
                return self._settle(payment_id, cancelled)
            return self._settle(
                payment_id,
                GatewayResponse(
                    "failed", "PromptPay payment timed out.", response.transaction_id, now
                ),
            )
        return self._settle(
            payment_id,
            GatewayResponse(
                "failed",
                "The payment was interrupted before it reached the payment provider; "
                "nothing was charged.",
                txn,
                now,
            ),
        )

    def reconcile(
        self, kiosk_id: str | None = None, grace_seconds: float = 0.0
    ) -> list[PaymentResult]:
        """Settle payments a crash left pending and finish refunds a crash interrupted,
        from the provider's answers. Runs whenever a store is opened for a kiosk.

        Only this kiosk's payments (``kiosk_id``, default the configured one; ``"*"`` for
        all). A payment whose process is still alive is only settled from a final answer
        of the provider; its process finishes it otherwise. Payments younger than
        ``grace_seconds`` are left alone unless the provider's answer is final.
        """
        settings = self._settings()
        kiosk = settings.store.kiosk_id if kiosk_id is None else kiosk_id
        grace = timedelta(seconds=grace_seconds)
        mine = Payment.kiosk_id == kiosk if kiosk != "*" else Payment.id.is_not(None)
        with self._db.read() as s:
            pending = s.execute(
                select(Payment.id, Payment.transaction_id, Payment.created_at, Payment.owner)
                .where(Payment.status == PaymentStatus.PENDING.value, ~Payment.at_counter, mine)
                .order_by(Payment.id)
            ).all()
            refunding = s.execute(
                select(
                    Payment.id,
                    Payment.transaction_id,
                    Payment.amount,
                    Payment.at_counter,
                    Payment.staff,
                    Payment.message,
                    Payment.updated_at,
                    Payment.owner,
                )
                .where(Payment.status == PaymentStatus.REFUNDING.value)
                .order_by(Payment.id)
            ).all()
        results = []
        now = self.clock.now()
        for payment_id, txn, created_at, owner in pending:
            settled = self._recover_one(payment_id, txn, created_at, owner, now=now, grace=grace)
            if settled is not None:
                results.append(settled)
        for payment_id, txn, amount, at_counter, staff, message, updated_at, owner in refunding:
            if (grace and now - updated_at < grace) or self._presence.alive(owner, payment_id):
                continue
            needs_provider = amount > 0 and not at_counter and txn
            if needs_provider and self.gateway.refund(txn, amount).status != "succeeded":
                log.error("refund of payment %s still refused by the provider", payment_id)
                continue
            reason = message.removeprefix("Refund: ") or "refund completed after a restart"
            try:
                results.append(self._finish_refund(payment_id, staff or "system", reason))
            except RefundNotAllowed:
                continue  # finished meanwhile by its own process
        return results
