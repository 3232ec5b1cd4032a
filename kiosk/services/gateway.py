"""The payment gateway contract and the mock that behaves like the seed's PaymentService.

A real acquirer would implement :class:`PaymentGateway`; the kiosk never sees more of a
card than :class:`CardDetails` keeps (brand and last four digits), and the full number
and CVV never leave :func:`validate_card`'s caller's stack frame.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from kiosk.services.errors import InvalidCard
from kiosk.services.validation import card_fields

log = logging.getLogger(__name__)

DECLINED_TEST_CARD = "4111111111111111"


class Clock(Protocol):
    def now(self) -> datetime: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass(frozen=True)
class CardDetails:
    """What the kiosk keeps of a card: never the number or CVV."""

    brand: str
    last4: str
    token: str  # an opaque single-use reference the mock uses to decide the outcome


def luhn_ok(digits: str) -> bool:
    """The Luhn check digit of a string of ASCII digits (anything else is not a card)."""
    if not (digits.isascii() and digits.isdigit()):
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card_brand(digits: str) -> str:
    two, four = int(digits[:2]), int(digits[:4])
    if digits[0] == "4":
        return "Visa"
    if 51 <= two <= 55 or 2221 <= four <= 2720:
        return "Mastercard"
    if two in (34, 37):
        return "Amex"
    if 3528 <= four <= 3589:
        return "JCB"
    if two == 62:
        return "UnionPay"
    if digits.startswith(("6011", "65")):
        return "Discover"
    return "Card"


def validate_card(details: Mapping[str, Any], today: datetime) -> CardDetails:
    """Check number (Luhn, 13–19 digits, spaces/dashes allowed), expiry MM/YY and CVV.

    Only the ASCII digits 0-9 count (:func:`~kiosk.services.validation.card_fields`): a
    Thai, full-width or superscript digit never reaches the Luhn check or the stored last
    four. Raises :class:`InvalidCard` with a message fit for the customer.
    """
    digits, year, month = card_fields(details, luhn_ok)
    if (year, month) < (today.year, today.month):
        raise InvalidCard("This card has expired.")
    return CardDetails(
        brand=card_brand(digits),
        last4=digits[-4:],
        token="declined" if digits == DECLINED_TEST_CARD else "approved",
    )


@dataclass(frozen=True)
class ChargeRequest:
    reference: int  # the kiosk's payment id
    method: str
    amount: Decimal
    card: CardDetails | None = None
    promptpay_payload: str = ""
    #: when the kiosk made the payment: the same id with another time is another payment
    #: (a database restored from a backup, or copied, counts its ids again)
    made_at: datetime | None = None


@dataclass(frozen=True)
class GatewayResponse:
    status: str  # "succeeded" | "failed" | "pending" | "unknown"
    message: str
    transaction_id: str | None
    at: datetime


class PaymentGateway(Protocol):
    def charge(self, request: ChargeRequest) -> GatewayResponse: ...

    def status(self, transaction_id: str) -> GatewayResponse: ...

    def refund(self, transaction_id: str, amount: Decimal) -> GatewayResponse: ...

    def cancel(self, transaction_id: str) -> GatewayResponse: ...

    def lookup(self, reference: int, made_at: datetime | None = None) -> GatewayResponse:
        """What the provider knows of the charge sent with ``ChargeRequest.reference`` (and
        ``made_at``, when the charge carried it): its
        latest status and transaction id, or status ``unknown`` when it never received one.

        This is how a payment whose process died before it recorded the transaction id is
        settled from the provider's ledger instead of by a guess."""
        ...


def transaction_id_for(reference: int, at: datetime) -> str:
    """``TXN_YYYYMMDD_NNNNNN``: the payment id keeps it unique within a day."""
    return f"TXN_{at:%Y%m%d}_{reference % 1_000_000:06d}"


UNKNOWN_MESSAGE = "The payment provider has no record of it."
REFERENCE_TAKEN = (
    "The payment provider already holds another payment with this number (was the "
    "database restored from a backup, or copied?). Nothing was charged; ask staff."
)
PENDING_MESSAGE = "Waiting for the customer to scan and pay."

_LEDGER_SCHEMA = """
CREATE TABLE IF NOT EXISTS charges (
    merchant TEXT NOT NULL,
    reference INTEGER NOT NULL,
    transaction_id TEXT NOT NULL,
    method TEXT NOT NULL,
    amount TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL,
    confirm_at REAL NOT NULL,
    outcome TEXT NOT NULL,
    outcome_message TEXT NOT NULL,
    created_at REAL NOT NULL,
    made_at REAL,
    PRIMARY KEY (merchant, reference)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_charges_txn ON charges (merchant, transaction_id);
"""


class MockLedger:
    """The mock provider's own books: an SQLite file of its own, outside the kiosk process
    and its database, so after a crash or restart it still knows every charge, refund and
    cancel, as a bank would. ``":memory:"`` keeps it in this process (tests only).

    ``merchant`` separates the books of different stores sharing one file (the kiosk keeps
    a name for its books in its database), since the kiosk's reference is its payment id;
    a function is called once, at the first use.

    Several processes use one file at once (WAL, a busy timeout, ``BEGIN IMMEDIATE`` for
    every change); nothing is kept in Python memory, so memory stays bounded.
    """

    def __init__(self, path: str | Path, merchant: str | Callable[[], str] = "") -> None:
        self.path = str(path)
        self._merchant = merchant
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(
            self.path, timeout=30, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA busy_timeout = 30000")
        if self.path != ":memory:":
            self._conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL: a commit survives the kiosk process being killed (what a mock
        # must model); only a power cut of this machine could lose the newest entries.
        self._conn.execute("PRAGMA synchronous = NORMAL")
        with self._lock:
            self._conn.executescript(_LEDGER_SCHEMA)
            columns = {r[1] for r in self._conn.execute("PRAGMA table_info(charges)")}
            if "made_at" not in columns:  # a ledger file from before payments had a time
                self._conn.execute("ALTER TABLE charges ADD COLUMN made_at REAL")

    @property
    def merchant(self) -> str:
        if callable(self._merchant):
            self._merchant = self._merchant()
        return self._merchant

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _row(self, conn: sqlite3.Connection, where: str, value: Any) -> dict[str, Any] | None:
        cur = conn.execute(
            "SELECT reference, transaction_id, method, amount, status, message, confirm_at, "
            f"outcome, outcome_message, made_at FROM charges WHERE merchant = ? AND {where} = ?",
            (self.merchant, value),
        )
        row = cur.fetchone()
        if row is None:
            return None
        keys = ("reference", "transaction_id", "method", "amount", "status", "message")
        keys += ("confirm_at", "outcome", "outcome_message", "made_at")
        return dict(zip(keys, row, strict=True))

    @staticmethod
    def other_payment(row: dict[str, Any] | None, made_at: datetime | None) -> bool:
        """Whether ``row`` is another payment than the one made at ``made_at`` under the
        same number (unknown times on either side count as the same one)."""
        if row is None or made_at is None or row["made_at"] is None:
            return False
        return abs(row["made_at"] - made_at.timestamp()) > 0.001

    def record(
        self,
        reference: int,
        transaction_id: str,
        method: str,
        amount: Decimal,
        status: str,
        message: str,
        confirm_at: datetime,
        outcome: str,
        outcome_message: str,
        now: datetime,
        made_at: datetime | None = None,
    ) -> dict[str, Any] | None:
        """Write a new charge, or return the one already made for ``reference`` (a repeated
        request is answered as the first was, so a retry never charges twice). ``None``:
        the number belongs to another payment (made at another time), which is left as it
        is: a restored or copied database must never be answered with, or overwrite,
        another payment's charge."""
        with self._write() as conn:
            existing = self._row(conn, "reference", reference)
            if self.other_payment(existing, made_at):
                return None
            if existing is not None and (existing["method"], existing["amount"]) == (
                method,
                str(amount),
            ):
                return existing
            conn.execute(
                "INSERT OR REPLACE INTO charges VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.merchant,
                    reference,
                    transaction_id,
                    method,
                    str(amount),
                    status,
                    message,
                    confirm_at.timestamp(),
                    outcome,
                    outcome_message,
                    now.timestamp(),
                    made_at.timestamp() if made_at is not None else None,
                ),
            )
            row = self._row(conn, "reference", reference)
            assert row is not None
            return row

    def change(
        self,
        where: str,
        value: Any,
        now: datetime,
        decide: Callable[[dict[str, Any]], tuple[str, str] | None],
    ) -> dict[str, Any] | None:
        """Load a charge (a pending one decided once its confirmation time has come), let
        ``decide`` pick a new (status, message) or ``None``, and store it."""
        with self._write() as conn:
            row = self._row(conn, where, value)
            if row is None:
                return None
            before = (row["status"], row["message"])
            if row["status"] == "pending" and now.timestamp() >= row["confirm_at"]:
                row["status"], row["message"] = row["outcome"], row["outcome_message"]
            new = decide(row)
            if new is not None:
                row["status"], row["message"] = new
                if new[0] != "pending":
                    row["outcome"], row["outcome_message"] = new
            if (row["status"], row["message"]) == before:
                return row  # nothing to write
            conn.execute(
                "UPDATE charges SET status = ?, message = ?, outcome = ?, outcome_message = ? "
                "WHERE merchant = ? AND reference = ?",
                (
                    row["status"],
                    row["message"],
                    row["outcome"],
                    row["outcome_message"],
                    self.merchant,
                    row["reference"],
                ),
            )
            return row

    def charges(self) -> list[dict[str, Any]]:
        """Every charge of this merchant as the provider sees it now (for audits and tests)."""
        with self._lock:
            cur = self._conn.execute(
                "SELECT reference FROM charges WHERE merchant = ? ORDER BY reference",
                (self.merchant,),
            )
            refs = [r[0] for r in cur.fetchall()]
            rows = [self._row(self._conn, "reference", ref) for ref in refs]
        return [r for r in rows if r is not None]


class MockGateway:
    """Cash always succeeds; cards by test number; PromptPay confirms after a delay and
    fails at a configurable rate. The random source and clock are injectable so tests
    are deterministic. Every charge, refund and cancel is written to :class:`MockLedger`
    (``ledger``: a path, a ledger, or ``":memory:"`` for tests; the composition root
    passes a file in the user data folder), so it survives a restart of the kiosk."""

    def __init__(
        self,
        failure_rate: Callable[[], float],
        delay_seconds: Callable[[], float],
        rng: random.Random | None = None,
        clock: Clock | None = None,
        ledger: MockLedger | str | Path | None = None,
    ) -> None:
        self._failure_rate = failure_rate
        self._delay = delay_seconds
        self.rng = rng or random.Random()
        self.clock = clock or SystemClock()
        if ledger is None:
            raise ValueError(
                "MockGateway needs a ledger: a file path (it must survive a restart) or "
                "':memory:' for a test"
            )
        self.ledger = ledger if isinstance(ledger, MockLedger) else MockLedger(ledger)

    def close(self) -> None:
        self.ledger.close()

    @staticmethod
    def _answer(
        row: dict[str, Any] | None, fallback_txn: str | None, now: datetime
    ) -> GatewayResponse:
        if row is None:
            return GatewayResponse("unknown", UNKNOWN_MESSAGE, fallback_txn, now)
        return GatewayResponse(row["status"], row["message"], row["transaction_id"], now)

    def charge(self, request: ChargeRequest) -> GatewayResponse:
        now = self.clock.now()
        txn = transaction_id_for(request.reference, now)
        if request.method == "cash":
            status, message = "succeeded", "Payment processed successfully"
            confirm_at, outcome = now, (status, message)
        elif request.method == "card":
            assert request.card is not None
            if request.card.token == "declined":
                status, message = "failed", "Card declined by the issuing bank."
            else:
                status, message = "succeeded", "Payment processed successfully"
            confirm_at, outcome = now, (status, message)
        elif request.method == "promptpay":
            fails = self.rng.random() < self._failure_rate()
            status, message = "pending", PENDING_MESSAGE
            confirm_at = now + timedelta(seconds=self._delay())
            outcome = (
                ("failed", "PromptPay payment was not confirmed by the bank.")
                if fails
                else ("succeeded", "Payment processed successfully")
            )
        else:
            return GatewayResponse("failed", f"Unknown payment method {request.method}.", None, now)
        row = self.ledger.record(
            request.reference,
            txn,
            request.method,
            request.amount,
            status,
            message,
            confirm_at,
            outcome[0],
            outcome[1],
            now,
            request.made_at,
        )
        if row is None:
            log.warning(
                "payment %s: the provider holds another payment under its number", request.reference
            )
            return GatewayResponse("failed", REFERENCE_TAKEN, None, now)
        return self._answer(row, txn, now)

    def lookup(self, reference: int, made_at: datetime | None = None) -> GatewayResponse:
        now = self.clock.now()
        row = self.ledger.change("reference", reference, now, _keep)
        if self.ledger.other_payment(row, made_at):  # another payment's: not this one's
            row = None
        return self._answer(row, None, now)

    def status(self, transaction_id: str) -> GatewayResponse:
        now = self.clock.now()
        row = self.ledger.change("transaction_id", transaction_id, now, _keep)
        return self._answer(row, transaction_id, now)

    def refund(self, transaction_id: str, amount: Decimal) -> GatewayResponse:
        """Refund a completed payment. Asking again for the same payment answers as the
        first time did, so a retried refund never pays back twice."""
        now = self.clock.now()
        outcome: list[GatewayResponse] = []

        def decide(row: dict[str, Any]) -> tuple[str, str] | None:
            if row["status"] == "refunded":
                outcome.append(
                    GatewayResponse("succeeded", "Already refunded.", transaction_id, now)
                )
                return None
            if row["status"] != "succeeded":
                outcome.append(
                    GatewayResponse(
                        "failed", "Only a completed payment can be refunded.", transaction_id, now
                    )
                )
                return None
            return "refunded", "Refunded"

        row = self.ledger.change("transaction_id", transaction_id, now, decide)
        if row is None:
            return GatewayResponse("failed", UNKNOWN_MESSAGE, transaction_id, now)
        if outcome:
            return outcome[0]
        return GatewayResponse("succeeded", f"Refunded {amount:.2f} THB.", transaction_id, now)

    def cancel(self, transaction_id: str) -> GatewayResponse:
        now = self.clock.now()

        def decide(row: dict[str, Any]) -> tuple[str, str] | None:
            # the bank may have confirmed just before the cancel: then it stands
            if row["status"] == "pending":
                return "failed", "Cancelled before payment was confirmed."
            return None

        row = self.ledger.change("transaction_id", transaction_id, now, decide)
        return self._answer(row, transaction_id, now)


def _keep(_row: dict[str, Any]) -> tuple[str, str] | None:
    return None
