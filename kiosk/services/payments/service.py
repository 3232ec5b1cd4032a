"""Payments: the seed's ``/api/orders/{id}/pay/`` contract, exact and atomic.

Every payment follows the same three steps so that a crash never loses or doubles a
charge:

1. a ``pending`` payment row is committed (with the caller's idempotency key);
2. the gateway is called outside any database transaction, and the transaction id it
   answers with is recorded;
3. one unit of work settles it: payment row, order status, points, member stats and the
   stored result commit together or not at all.

A payment left ``pending`` by a crash is settled by :meth:`PaymentService.reconcile`
(run whenever a store is opened) from what the provider says (``lookup`` by the payment
id when the transaction id was never recorded): charged → succeeded, not charged → failed,
still pending → left until the PromptPay timeout. Recovery never guesses, and never
touches a payment whose process is still alive (see :class:`_Presence`).
"""

from __future__ import annotations

import dataclasses
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import (
    Order,
    OrderStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
)
from kiosk.services import validation as v
from kiosk.services.errors import (
    IdempotencyConflict,
    InvalidInput,
    InvalidPromptPayTarget,
    OrderNotFound,
    OrderNotPayable,
)
from kiosk.services.events import (
    EventBus,
)
from kiosk.services.gateway import (
    CardDetails,
    ChargeRequest,
    Clock,
    GatewayResponse,
    PaymentGateway,
    transaction_id_for,
    validate_card,
)
from kiosk.services.money import ZERO
from kiosk.services.orders import load_order
from kiosk.services.payments.presence import _Presence
from kiosk.services.payments.results import (
    AWAITING_COUNTER,
    METHODS,
    Charge,
    PaymentResult,
    PendingPromptPay,
    _result,
    charge_result,
)
from kiosk.services.payments.settle import SettleSteps
from kiosk.services.payments.staff_ops import StaffOperations
from kiosk.services.payments.statements import (
    _EARLIER_ATTEMPTS,
    _INSERT_PAYMENT,
    _ORDER_FOR_PAYMENT,
    _STORE_RESULT,
)
from kiosk.services.payments.targets import _crash_point, promptpay_target_problem
from kiosk.services.promptpay import build_payload, normalize_target

log = logging.getLogger("kiosk.services.payments")

# Entry checks of the public methods (kiosk/services/validation/), applied to the class
# below. Card fields are checked by validate_card (InvalidCard messages for the card screen).
METHOD = v.Choice(METHODS, message="Unknown payment method: use cash, card or promptpay.")
PROMPTPAY_ID = v.Text(40, optional=True, nfkc=True, label="PromptPay ID")
IDEMPOTENCY_KEY = v.Text(64, optional=True, strip=False, label="Idempotency key")
TRANSACTION_ID = v.Text(32, required=True, label="Transaction id")
ENTRY_CHECKS: dict[str, dict[str, v.Rule]] = {
    "process_payment": {
        "order_id": v.ID,
        "method": METHOD,
        "payment_details": v.Details({"promptpay_id": PROMPTPAY_ID}, label="Payment details"),
        "idempotency_key": IDEMPOTENCY_KEY,
    },
    "begin_promptpay": {
        "order_id": v.ID,
        "idempotency_key": IDEMPOTENCY_KEY,
        "promptpay_id": PROMPTPAY_ID,
    },
    "poll": {"transaction_id": TRANSACTION_ID},
    "cancel_pending": {"transaction_id": TRANSACTION_ID, "message": v.Text(255, label="Message")},
    "status": {"transaction_id": TRANSACTION_ID},
    "result": {"transaction_id": TRANSACTION_ID},
    "mark_paid": {"order_id": v.ID, "method": METHOD, "staff": v.STAFF},
    "refund": {"transaction_id": TRANSACTION_ID, "staff": v.STAFF, "reason": v.REASON},
    "reconcile": {
        "kiosk_id": v.Text(64, optional=True, label="Kiosk id"),
        "grace_seconds": v.Number(0, 86_400 * 366, label="Grace", as_float=True),
    },
}


@v.checks(ENTRY_CHECKS)
class PaymentService(SettleSteps, StaffOperations):
    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        bus: EventBus,
        gateway: PaymentGateway,
        clock: Clock,
    ) -> None:
        self._db = db
        self._settings = settings
        self._bus = bus
        self.gateway = gateway
        self.clock = clock
        # Called with a stage name inside the settling transaction; tests inject failures.
        self.checkpoint: Callable[[str], None] = lambda stage: None
        # How long a repeated call waits for the first attempt (another thread or process)
        # to settle before answering with the pending result.
        self.replay_wait_seconds = 20.0
        self._presence = _Presence(db)

    def close(self) -> None:
        """Let other processes recover this one's payments (called by ``Store.close``)."""
        self._presence.release()

    # -- the seed's call ----------------------------------------------------------------
    def process_payment(
        self,
        order_id: int,
        method: str,
        payment_details: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> PaymentResult:
        """Charge an order. Declines come back as ``success=False`` results; invalid input
        raises (``InvalidCard``, ``InvalidPromptPayTarget``, ``OrderNotPayable`` ...).

        PromptPay waits (on the injected clock) until the bank confirms or the configured
        timeout passes; the kiosk screen uses :meth:`begin_promptpay` and :meth:`poll`.
        """
        key = idempotency_key or uuid.uuid4().hex
        if method == PaymentMethod.PROMPTPAY.value:
            pending = self.begin_promptpay(
                order_id, key, (payment_details or {}).get("promptpay_id") or None
            )
            if isinstance(pending, PaymentResult):
                return pending
            deadline = self.clock.now() + timedelta(
                seconds=self._settings().payments.promptpay_timeout_seconds
            )
            while True:
                result = self.poll(pending.transaction_id)
                if result.status != "pending":
                    return result
                if self.clock.now() >= deadline:
                    return self.cancel_pending(
                        pending.transaction_id, "PromptPay payment timed out."
                    )
                self.clock.sleep(0.5)
        payment, card, replay = self._start(order_id, method, payment_details or {}, key)
        if replay is not None:
            return replay
        assert payment is not None
        with self._presence.working(payment.id):
            return self._charge(payment, method, card)

    def _charge(self, payment: Charge, method: str, card: CardDetails | None) -> PaymentResult:
        """Steps 2 and 3 of a cash or card payment."""
        if payment.at_counter:
            assert payment.result is not None
            return PaymentResult._load(payment.result)
        if payment.amount == ZERO:
            response = self._paid_with_points(payment.id)
        else:
            response = self.gateway.charge(
                ChargeRequest(
                    reference=payment.id,
                    method=method,
                    amount=payment.amount,
                    card=card,
                    made_at=payment.created_at,
                )
            )
        _crash_point("after_charge")
        self._record_txn(payment.id, response)
        _crash_point("after_txn")
        return self._settle(payment.id, response)

    def _paid_with_points(self, payment_id: int) -> GatewayResponse:
        """Nothing left to charge: the provider is not asked; the kiosk's own answer."""
        now = self.clock.now()
        txn = transaction_id_for(payment_id, now)
        return GatewayResponse("succeeded", "Paid in full with points", txn, now)

    # -- PromptPay, split for the screen ------------------------------------------------
    def begin_promptpay(
        self, order_id: int, idempotency_key: str, promptpay_id: str | None = None
    ) -> PendingPromptPay | PaymentResult:
        """Start a PromptPay charge: returns the QR payload to show, or a replayed result."""
        settings = self._settings()
        target = promptpay_id or settings.store.promptpay_id
        problem = promptpay_target_problem(target)
        if problem:
            raise InvalidPromptPayTarget(problem)
        payment, _card, replay = self._start(
            order_id,
            PaymentMethod.PROMPTPAY.value,
            {"promptpay_id": target},
            idempotency_key,
            wait=False,
        )
        if replay is not None:
            if replay.status == "pending" and replay.transaction_id:
                return self._pending_view(replay.transaction_id)
            return replay
        assert payment is not None
        with self._presence.working(payment.id):
            return self._charge_promptpay(payment, target)

    def _charge_promptpay(self, payment: Charge, target: str) -> PendingPromptPay | PaymentResult:
        payload = build_payload(target, payment.amount) if payment.amount > 0 else ""
        if payment.amount == ZERO:
            response = self._paid_with_points(payment.id)
            self._record_txn(payment.id, response)
            return self._settle(payment.id, response)
        response = self.gateway.charge(
            ChargeRequest(
                reference=payment.id,
                method="promptpay",
                amount=payment.amount,
                promptpay_payload=payload,
                made_at=payment.created_at,
            )
        )
        _crash_point("after_charge")
        self._record_txn(payment.id, response)
        _crash_point("after_txn")
        if response.status != "pending":
            return self._settle(payment.id, response)
        assert response.transaction_id
        return self._pending_view(response.transaction_id)

    def _pending_view(self, transaction_id: str) -> PendingPromptPay:
        settings = self._settings()
        with self._db.read() as s:
            p = self._by_txn(s, transaction_id)
            order = load_order(s, p.order_id)
            return PendingPromptPay(
                payment_id=p.id,
                order_id=order.id,
                order_number=order.number,
                transaction_id=transaction_id,
                payload=build_payload(p.promptpay_id, p.amount),
                amount=p.amount,
                merchant_name=settings.store.name,
                expires_at=p.created_at
                + timedelta(seconds=settings.payments.promptpay_timeout_seconds),
            )

    def poll(self, transaction_id: str) -> PaymentResult:
        """Ask the gateway about a pending payment; settles it when the answer is final."""
        with self._db.read() as s:
            p = self._by_txn(s, transaction_id)
            if p.status != PaymentStatus.PENDING.value:
                return self._stored_result(s, p)
            order = load_order(s, p.order_id)
            pending = _result(p, order, "pending", "Waiting for the customer to scan and pay.")
        response = self.gateway.status(transaction_id)
        if response.status == "pending":
            return pending
        return self._settle(pending.payment_id, response)

    def cancel_pending(
        self, transaction_id: str, message: str = "Payment cancelled."
    ) -> PaymentResult:
        """The customer cancelled or the countdown ran out: the order stays payable."""
        response = self.gateway.cancel(transaction_id)
        with self._db.read() as s:
            p = self._by_txn(s, transaction_id)
            payment_id = p.id
        if response.status == "succeeded":  # the bank confirmed just before the cancel
            return self._settle(payment_id, response)
        return self._settle(
            payment_id, GatewayResponse("failed", message, transaction_id, self.clock.now())
        )

    # -- step 1 -------------------------------------------------------------------------

    def _start(
        self,
        order_id: int,
        method: str,
        details: Mapping[str, Any],
        key: str,
        wait: bool = True,
    ) -> tuple[Charge | None, CardDetails | None, PaymentResult | None]:
        """Step 1: commit the ``pending`` row, or find the attempt ``key`` already made and
        return its result (waiting for it to settle when ``wait``). The card's brand, last
        four digits and outcome token come back for the gateway call; nothing is kept."""
        if method not in METHODS:
            raise InvalidInput(f"Unknown payment method {method!r}: use cash, card or promptpay.")
        if not key or len(key) > 64:
            raise InvalidInput("An idempotency key of 1 to 64 characters is required.")
        settings = self._settings()
        card = None
        promptpay_id = ""
        try:
            if method == PaymentMethod.CARD.value:
                card = validate_card(details, self.clock.now())
            elif method == PaymentMethod.PROMPTPAY.value:
                promptpay_id = str(details.get("promptpay_id") or "").strip()
                normalize_target(promptpay_id)  # raises InvalidPromptPayTarget, clearly worded
        except InvalidInput:
            # Same key, same answer: a retry of an attempt already made is answered from
            # its record even if the details sent again no longer pass (an expired card).
            replay = self._replay(key, order_id, method, wait)
            if replay is not None:
                return None, None, replay
            raise
        owner = self._presence.claim()
        _crash_point("before_pending")
        same_key = False
        with self._db.uow() as uow:
            conn = uow.session.connection()
            # The order's lock first (every path takes it before a payment's), then, in
            # one statement, the order's payments and any attempt already made with this
            # key (whatever its order): a key seen here (committed before us, or while we
            # waited for the lock) makes this call a replay, not a second payment.
            # Core statements and plain rows: nothing for the session to track or flush.
            order = conn.execute(_ORDER_FOR_PAYMENT, {"order_id_": order_id}).first()
            earlier = conn.execute(_EARLIER_ATTEMPTS, {"order_id_": order_id, "key": key}).all()
            same_key = any(row.idempotency_key == key for row in earlier)
            if not same_key:
                if order is None:
                    raise OrderNotFound(f"Order {order_id} does not exist.")
                self._check_payable(order, [row.status for row in earlier])
                # Without a cash acceptor, cash is paid at the counter. Nothing to collect
                # (paid in full with points): never wait for the counter.
                at_counter = (
                    method == PaymentMethod.CASH.value
                    and (not settings.payments.cash_acceptor or settings.payments.pay_at_counter)
                    and order.total > 0
                )
                now = self.clock.now()
                try:
                    inserted = conn.execute(
                        _INSERT_PAYMENT,
                        {
                            "order_id": order.id,
                            "method": method,
                            "amount": order.total,
                            "status": PaymentStatus.PENDING.value,
                            "idempotency_key": key,
                            "kiosk_id": order.kiosk_id or settings.store.kiosk_id,
                            "owner": owner,
                            "card_brand": card.brand if card else "",
                            "card_last4": card.last4 if card else "",
                            "promptpay_id": promptpay_id,
                            "at_counter": at_counter,
                            "staff": "",
                            "created_at": now,
                            "updated_at": now,
                            "message": "Awaiting payment at the counter" if at_counter else "",
                        },
                    )
                except IntegrityError:
                    uow.rollback()
                    same_key = True
                else:
                    payment = Charge(
                        id=int(inserted.inserted_primary_key[0]),
                        order_id=order.id,
                        order_number=order.number,
                        amount=order.total,
                        method=method,
                        transaction_id=None,
                        created_at=now,
                        at_counter=at_counter,
                    )
                    # in flight from before its row is visible, until the caller is done
                    self._presence.busy.add(payment.id)
                    if at_counter:
                        stored = charge_result(
                            payment,
                            AWAITING_COUNTER,
                            f"Please pay {payment.amount:.2f} THB at the counter, "
                            f"order {order.number}.",
                        )._store()
                        conn.execute(_STORE_RESULT, {"payment_id": payment.id, "result_": stored})
                        payment = dataclasses.replace(payment, result=stored)
                    try:
                        uow.commit()
                    except BaseException:
                        self._presence.busy.discard(payment.id)
                        raise
        if same_key:
            replay = self._replay(key, order_id, method, wait)
            if replay is None:
                raise OrderNotPayable("This payment attempt could not be started; try again.")
            return None, None, replay
        _crash_point("after_pending")
        return payment, card, None

    @staticmethod
    def _check_payable(order: Order | Row[Any], statuses: Iterable[str] | None = None) -> None:
        """``order``: the ORM object or a row with its ``status`` and ``number``.
        ``statuses``: those of the order's payments (default: ``order.payments``)."""
        if order.status != OrderStatus.PENDING.value:
            raise OrderNotPayable(f"Order {order.number} is {order.status}; it cannot be paid.")
        if statuses is None:
            statuses = [p.status for p in order.payments]
        for status in statuses:
            if status == PaymentStatus.SUCCEEDED.value:
                raise OrderNotPayable(f"Order {order.number} is already paid.")
            if status == PaymentStatus.PENDING.value:
                raise OrderNotPayable(f"A payment for order {order.number} is already in progress.")

    def _replay(
        self, key: str, order_id: int, method: str, wait: bool = True
    ) -> PaymentResult | None:
        """The result of attempt ``key``, or ``None`` if there was none. Same key, same
        answer: an attempt still in flight (another thread or process) is waited for."""
        with self._db.read() as s:
            p = s.scalars(select(Payment).where(Payment.idempotency_key == key)).first()
            if p is None:
                return None
            order = load_order(s, p.order_id)
            stale_amount = order.status == OrderStatus.PENDING.value and p.amount != order.total
            if p.order_id != order_id or p.method != method or stale_amount:
                raise IdempotencyConflict(
                    "This payment attempt was already used for a different order or amount."
                )
            result = self._stored_result(s, p)
            in_flight = p.status == PaymentStatus.PENDING.value and not p.at_counter
            payment_id = p.id
        if not (in_flight and wait):
            return result
        return self._await_settled(payment_id, result)

    def _await_settled(self, payment_id: int, pending: PaymentResult) -> PaymentResult:
        deadline = time.monotonic() + self.replay_wait_seconds
        pause = 0.02
        while True:
            with self._db.read() as s:
                p = s.get(Payment, payment_id)
                assert p is not None
                if p.status != PaymentStatus.PENDING.value:
                    return self._stored_result(s, p)
                row = (p.id, p.transaction_id, p.created_at, p.owner)
            if not self._presence.alive(row[3], payment_id):  # its process died: recover now
                recovered = self._recover_one(*row, now=self.clock.now())
                if recovered is not None:
                    return recovered
            if time.monotonic() >= deadline:
                return dataclasses.replace(
                    pending,
                    message=(
                        "This payment is still being processed. Please wait a moment and "
                        "try again; it will not be charged twice."
                    ),
                )
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    def _stored_result(self, s: Session, p: Payment) -> PaymentResult:
        return self._result_of(p, load_order(s, p.order_id))

    @staticmethod
    def _result_of(p: Payment, order: Order) -> PaymentResult:
        if p.result:
            return PaymentResult._load(p.result)
        return _result(p, order, p.status, p.message or "Payment in progress.", p.settled_at)
