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
import hashlib
import logging
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import (
    AuditLog,
    Customer,
    Order,
    OrderStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
    TaxReceipt,
    TxType,
)
from kiosk.db.uow import locked
from kiosk.services import validation as v
from kiosk.services.errors import (
    IdempotencyConflict,
    InvalidInput,
    InvalidPromptPayTarget,
    OrderNotFound,
    OrderNotPayable,
    PaymentNotFound,
    ReasonRequired,
    RefundNotAllowed,
)
from kiosk.services.events import (
    CHANNEL,
    Event,
    EventBus,
    OrderPaid,
    OrderRefunded,
    OrderStatusChanged,
)
from kiosk.services.events import PaymentFailed as PaymentFailedEvent
from kiosk.services.gateway import (
    CardDetails,
    ChargeRequest,
    Clock,
    GatewayResponse,
    PaymentGateway,
    transaction_id_for,
    validate_card,
)
from kiosk.services.loyalty import earn_for_order, ensure_membership, post_points
from kiosk.services.money import ZERO, points_for
from kiosk.services.orders import load_order, payment_view
from kiosk.services.printjobs import record_paid_order
from kiosk.services.promptpay import PromptPayTarget, build_payload, normalize_target
from kiosk.services.views import PaymentView

try:  # POSIX; elsewhere every payment owner counts as gone once its row is found
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

#: the example PromptPay number of the sample configuration (also a demo member's phone):
#: a QR for it would pay whoever owns that number, so the kiosk refuses it
EXAMPLE_PROMPTPAY_ID = "0812345678"
#: the demo's PromptPay target: an e-wallet ID no bank issues, so a scanned demo QR can
#: never pay anybody ("demo, no money moves" on screen)
DEMO_PROMPTPAY_ID = "000000000000000"

#: names a step of a payment at which the process kills itself (the crash tests):
#: ``"after_charge"`` or ``"after_charge:3"`` (the third time it gets there)
CRASH_ENV = "KIOSK_TEST_CRASH_AT"
CRASH_STEPS = (
    "before_pending",
    "after_pending",
    "after_charge",
    "after_txn",
    "in_settle",
    "after_settle",
    "after_refund_claim",
    "after_provider_refund",
)
_crash_counts: dict[str, int] = {}


def _crash_point(step: str) -> None:
    """A no-op unless :data:`CRASH_ENV` names ``step``: then ``SIGKILL`` this process, as a
    power cut would, so the tests can prove recovery at every step of a payment."""
    spec = os.environ.get(CRASH_ENV)
    if not spec:
        return
    name, _, nth = spec.partition(":")
    if name != step:
        return
    _crash_counts[step] = _crash_counts.get(step, 0) + 1
    if _crash_counts[step] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)


def promptpay_target_problem(target: str) -> str | None:
    """Why ``target`` cannot receive customers' PromptPay payments, or ``None`` if it can:
    unset, not a PromptPay ID, or the example number of the sample configuration."""
    if not (target or "").strip():
        return (
            "PromptPay is off: no PromptPay ID is set. Set [store] promptpay_id (or "
            "KIOSK_PROMPTPAY_ID, or Settings in the admin panel) to the shop's own PromptPay ID."
        )
    try:
        parsed = normalize_target(target)
    except InvalidPromptPayTarget as exc:
        return f"PromptPay is off: the PromptPay ID is not valid ({exc})"
    if parsed == normalize_target(EXAMPLE_PROMPTPAY_ID):
        return (
            f"PromptPay is off: the PromptPay ID is the example number {EXAMPLE_PROMPTPAY_ID}, "
            "and customers would pay whoever owns it. Set [store] promptpay_id (or "
            "KIOSK_PROMPTPAY_ID, or Settings in the admin panel) to the shop's own PromptPay ID."
        )
    return None


def promptpay_target(target: str) -> PromptPayTarget | None:
    """The shop's PromptPay target if customers may pay it, else ``None``."""
    return None if promptpay_target_problem(target) else normalize_target(target)


def is_demo_target(target: str) -> bool:
    try:
        return normalize_target(target) == normalize_target(DEMO_PROMPTPAY_ID)
    except InvalidPromptPayTarget:
        return False


# The payment services open in this process: owner id → ids of the payments it is
# working on right now (in this process we know exactly, not just "alive").
_LIVE_OWNERS: dict[str, set[int]] = {}


class _Presence:
    """Knows whether the process that wrote a pending payment (its ``owner``) is alive.

    Recovery must never settle a payment whose process is still between its pending row
    and its gateway call (it would fail a charge about to be made), and it must settle
    every payment whose process died. Each payment service holds a lock for its lifetime:
    a PostgreSQL advisory lock on its own connection, or an ``flock`` on a file next to
    the SQLite database. The operating system or server drops the lock when the process
    dies (even by ``SIGKILL``), so "can I take it?" answers "is it dead?". Within this
    process it knows more: which payments are being worked on (:meth:`working`), so a
    payment whose call failed half-way is recovered without a restart.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self.owner = uuid.uuid4().hex
        self.busy: set[int] = set()
        self._held: Any = None
        self._guard = threading.Lock()

    @contextmanager
    def working(self, payment_id: int) -> Iterator[None]:
        self.busy.add(payment_id)
        try:
            yield
        finally:
            self.busy.discard(payment_id)

    @staticmethod
    def _key(owner: str) -> int:
        return int.from_bytes(
            hashlib.blake2b(owner.encode(), digest_size=8).digest(), "big", signed=True
        )

    def _folder(self) -> Path | None:
        database = self._db.engine.url.database
        if self._db.dialect != "sqlite" or database in (None, "", ":memory:") or fcntl is None:
            return None
        path = Path(str(database))
        return path.parent / f".{path.name}.owners"

    def claim(self) -> str:
        """Take this service's lock (once, before its first payment row) and return its id."""
        with self._guard:
            if self._held is None:
                _LIVE_OWNERS[self.owner] = self.busy
                if self._db.dialect == "postgresql":
                    conn = self._db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
                    conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": self._key(self.owner)})
                    self._held = conn
                elif (folder := self._folder()) is not None:
                    folder.mkdir(parents=True, exist_ok=True)
                    # locked before it appears under its name, so nobody sees it free
                    draft = folder / f".{self.owner}.draft"
                    fh = draft.open("a+b")
                    fcntl.flock(fh, fcntl.LOCK_EX)
                    os.replace(draft, folder / f"{self.owner}.lock")
                    self._held = fh
                    self._sweep(folder)
                else:
                    self._held = True
        return self.owner

    def _sweep(self, folder: Path) -> None:
        """Remove the lock files of processes that died without closing (a missing file
        means "gone" just as a free one does), so the folder never grows."""
        for path in list(folder.glob("*.lock"))[:200]:
            if path.stem != self.owner:
                self.alive(path.stem, -1)

    def release(self) -> None:
        with self._guard:
            held, self._held = self._held, None
            _LIVE_OWNERS.pop(self.owner, None)
            if held is None or held is True:
                return
            try:
                if self._db.dialect == "postgresql":
                    held.execute(
                        text("SELECT pg_advisory_unlock(:k)"), {"k": self._key(self.owner)}
                    )
                    held.close()
                else:
                    folder = self._folder()
                    if folder is not None:
                        (folder / f"{self.owner}.lock").unlink(missing_ok=True)
                    held.close()
            except Exception:
                log.warning("could not release the payment owner lock", exc_info=True)

    def alive(self, owner: str, payment_id: int) -> bool:
        """May ``owner`` still be working on payment ``payment_id``?"""
        if not owner:
            return False  # written before owners were recorded: nobody is working on it
        local = _LIVE_OWNERS.get(owner)
        if local is not None:
            return payment_id in local
        if self._db.dialect == "postgresql":
            key = self._key(owner)
            with self._db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                free = bool(c.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar())
                if free:
                    c.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            return not free
        folder = self._folder()
        if folder is None:
            return False  # a private database: only this process, and it is not the owner
        path = folder / f"{owner}.lock"
        try:
            fh = path.open("r+b")
        except FileNotFoundError:
            return False
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            path.unlink(missing_ok=True)  # its process is gone; so can its lock file be
            return False


METHODS = tuple(m.value for m in PaymentMethod)
SUCCESS_MESSAGE = "Payment processed successfully"
AWAITING_COUNTER = "awaiting_counter"
SEED_KEYS = ("success", "message", "transaction_id", "amount", "payment_method", "timestamp")
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


# The hot path's statements, built once (only the bound values change between payments).
_ORDER_LOCKED = locked(select(Order).where(Order.id == bindparam("order_id_")))
#: the order's payments and any attempt already made with the key (whatever its order)
_EARLIER_ATTEMPTS = select(Payment.status, Payment.idempotency_key).where(
    or_(Payment.order_id == bindparam("order_id_"), Payment.idempotency_key == bindparam("key"))
)
_RECORD_TXN = (
    update(Payment.__table__)
    .where(Payment.id == bindparam("payment_id"), Payment.transaction_id.is_(None))
    .values(transaction_id=bindparam("txn"))
)
#: order and payment, both locked (order first), and whether the order has its receipt
_LOCK_FOR_SETTLE = (
    select(
        Order,
        Payment,
        select(TaxReceipt.id).where(TaxReceipt.order_id == Order.id).exists().label("r"),
    )
    .join(Payment, Payment.order_id == Order.id)
    .where(Payment.id == bindparam("payment_id"))
    .with_for_update(of=[Order.__table__, Payment.__table__])
    .execution_options(populate_existing=True)  # as locked(): never a stale copy
)
_LAST_VISIT = (
    update(Customer.__table__)
    .where(Customer.id == bindparam("customer_id_"))
    .values(last_visit=bindparam("when"))
)


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class PaymentResult:
    """What a payment attempt came to. ``to_dict()`` is exactly the seed's response."""

    success: bool
    message: str
    transaction_id: str | None
    amount: Decimal
    payment_method: str
    timestamp: datetime
    status: str  # succeeded | failed | pending | awaiting_counter
    order_id: int
    order_number: str
    payment_id: int
    points_earned: int = 0
    points_balance: int | None = None
    tier: str | None = None
    tier_upgraded: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The seed's keys, in order. ``amount`` is a two-decimal number (Decimal)."""
        return {
            "success": self.success,
            "message": self.message,
            "transaction_id": self.transaction_id,
            "amount": self.amount.quantize(Decimal("0.01")),
            "payment_method": self.payment_method,
            "timestamp": iso_utc(self.timestamp),
        }

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key] if key in SEED_KEYS else getattr(self, key)

    def to_json(self) -> str:
        """JSON text with the amount as a number with two decimals, like the seed."""
        import json

        data = self.to_dict()
        data["amount"] = "__AMOUNT__"
        return json.dumps(data).replace('"__AMOUNT__"', f"{self.amount:.2f}")

    def _store(self) -> dict[str, Any]:
        data = self.to_dict() | {
            "amount": str(self.amount),
            "status": self.status,
            "order_id": self.order_id,
            "order_number": self.order_number,
            "payment_id": self.payment_id,
            "points_earned": self.points_earned,
            "points_balance": self.points_balance,
            "tier": self.tier,
            "tier_upgraded": self.tier_upgraded,
        }
        return data

    @classmethod
    def _load(cls, data: Mapping[str, Any]) -> PaymentResult:
        return cls(
            success=bool(data["success"]),
            message=str(data["message"]),
            transaction_id=data.get("transaction_id"),
            amount=Decimal(str(data["amount"])),
            payment_method=str(data["payment_method"]),
            timestamp=datetime.strptime(data["timestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(
                tzinfo=UTC
            ),
            status=str(data.get("status", "succeeded" if data["success"] else "failed")),
            order_id=int(data["order_id"]),
            order_number=str(data.get("order_number", "")),
            payment_id=int(data["payment_id"]),
            points_earned=int(data.get("points_earned") or 0),
            points_balance=data.get("points_balance"),
            tier=data.get("tier"),
            tier_upgraded=bool(data.get("tier_upgraded")),
        )


@dataclass(frozen=True)
class PendingPromptPay:
    """A PromptPay charge waiting for the customer to scan: show ``payload`` as a QR."""

    payment_id: int
    order_id: int
    order_number: str
    transaction_id: str
    payload: str
    amount: Decimal
    merchant_name: str
    expires_at: datetime


def _result(
    p: Payment,
    order: Order,
    status: str,
    message: str,
    timestamp: datetime | None = None,
    **extra: Any,
) -> PaymentResult:
    """The result of payment ``p`` of ``order`` as it stands."""
    return PaymentResult(
        success=status in ("succeeded", "refunded"),
        message=message,
        transaction_id=p.transaction_id,
        amount=p.amount,
        payment_method=p.method,
        timestamp=timestamp or p.created_at,
        status=status,
        order_id=order.id,
        order_number=order.number,
        payment_id=p.id,
        **extra,
    )


@v.checks(ENTRY_CHECKS)
class PaymentService:
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

    def _charge(self, payment: Payment, method: str, card: CardDetails | None) -> PaymentResult:
        """Steps 2 and 3 of a cash or card payment."""
        if payment.at_counter:
            assert payment.result is not None
            return PaymentResult._load(payment.result)
        if payment.amount == ZERO:
            now = self.clock.now()
            response = GatewayResponse(
                "succeeded", "Paid in full with points", transaction_id_for(payment.id, now), now
            )
        else:
            response = self.gateway.charge(
                ChargeRequest(
                    reference=payment.id,
                    method=method,
                    amount=payment.amount,
                    card=card,
                )
            )
        _crash_point("after_charge")
        self._record_txn(payment.id, response)
        _crash_point("after_txn")
        return self._settle(payment.id, response)

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

    def _charge_promptpay(self, payment: Payment, target: str) -> PendingPromptPay | PaymentResult:
        payload = build_payload(target, payment.amount) if payment.amount > 0 else ""
        if payment.amount == ZERO:
            now = self.clock.now()
            response = GatewayResponse(
                "succeeded", "Paid in full with points", transaction_id_for(payment.id, now), now
            )
            self._record_txn(payment.id, response)
            return self._settle(payment.id, response)
        response = self.gateway.charge(
            ChargeRequest(
                reference=payment.id,
                method="promptpay",
                amount=payment.amount,
                promptpay_payload=payload,
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
    ) -> tuple[Payment | None, CardDetails | None, PaymentResult | None]:
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
            s = uow.session
            # The order's lock first (every path takes it before a payment's), then, in
            # one statement, the order's payments and any attempt already made with this
            # key (whatever its order): a key seen here (committed before us, or while we
            # waited for the lock) makes this call a replay, not a second payment.
            order = s.scalars(_ORDER_LOCKED, {"order_id_": order_id}).first()
            earlier = s.execute(_EARLIER_ATTEMPTS, {"order_id_": order_id, "key": key}).all()
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
                payment = Payment(
                    order_id=order.id,
                    method=method,
                    amount=order.total,
                    status=PaymentStatus.PENDING.value,
                    idempotency_key=key,
                    kiosk_id=order.kiosk_id or settings.store.kiosk_id,
                    owner=owner,
                    card_brand=card.brand if card else "",
                    card_last4=card.last4 if card else "",
                    promptpay_id=promptpay_id,
                    at_counter=at_counter,
                    created_at=now,
                    updated_at=now,
                    message="Awaiting payment at the counter" if at_counter else "",
                )
                s.add(payment)
                try:
                    uow.flush()
                except IntegrityError:
                    uow.rollback()
                    same_key = True
                else:
                    # in flight from before its row is visible, until the caller is done
                    self._presence.busy.add(payment.id)
                    if at_counter:
                        result = _result(
                            payment,
                            order,
                            AWAITING_COUNTER,
                            f"Please pay {payment.amount:.2f} THB at the counter, "
                            f"order {order.number}.",
                        )
                        payment.result = result._store()
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
    def _check_payable(order: Order, statuses: Iterable[str] | None = None) -> None:
        """``statuses``: those of the order's payments (default: ``order.payments``)."""
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
                        AuditLog(
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
            payment.settled_at = now
            payment.staff = staff
            result = self._succeed(s, payment, order, response, settings, events)
            s.add(
                AuditLog(
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
                AuditLog(
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
        response = self.gateway.status(txn) if txn else self.gateway.lookup(payment_id)
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


__all__ = [
    "CRASH_ENV",
    "CRASH_STEPS",
    "DEMO_PROMPTPAY_ID",
    "EXAMPLE_PROMPTPAY_ID",
    "SEED_KEYS",
    "PaymentResult",
    "PaymentService",
    "PendingPromptPay",
    "is_demo_target",
    "promptpay_target",
    "promptpay_target_problem",
]
