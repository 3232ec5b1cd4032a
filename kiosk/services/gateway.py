"""The payment gateway contract and the mock that behaves like the seed's PaymentService.

A real acquirer would implement :class:`PaymentGateway`; the kiosk never sees more of a
card than :class:`CardDetails` keeps (brand and last four digits), and the full number
and CVV never leave :func:`validate_card`'s caller's stack frame.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from kiosk.services.errors import InvalidCard
from kiosk.services.ledger import MockLedger
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
