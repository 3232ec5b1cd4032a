"""The payment gateway contract and the mock that behaves like the seed's PaymentService.

A real acquirer would implement :class:`PaymentGateway`; the kiosk never sees more of a
card than :class:`CardDetails` keeps (brand and last four digits), and the full number
and CVV never leave :func:`validate_card`'s caller's stack frame.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

from kiosk.services.errors import InvalidCard
from kiosk.services.validation import card_fields

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


def transaction_id_for(reference: int, at: datetime) -> str:
    """``TXN_YYYYMMDD_NNNNNN``: the payment id keeps it unique within a day."""
    return f"TXN_{at:%Y%m%d}_{reference % 1_000_000:06d}"


@dataclass
class _MockTxn:
    status: str
    message: str
    confirm_at: datetime
    outcome: str
    outcome_message: str


class MockGateway:
    """Cash always succeeds; cards by test number; PromptPay confirms after a delay and
    fails at a configurable rate. The random source and clock are injectable so tests
    are deterministic."""

    def __init__(
        self,
        failure_rate: Callable[[], float],
        delay_seconds: Callable[[], float],
        rng: random.Random | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._failure_rate = failure_rate
        self._delay = delay_seconds
        self.rng = rng or random.Random()
        self.clock = clock or SystemClock()
        self._txns: dict[str, _MockTxn] = {}
        self._lock = threading.Lock()

    def charge(self, request: ChargeRequest) -> GatewayResponse:
        now = self.clock.now()
        txn = transaction_id_for(request.reference, now)
        if request.method == "cash":
            return self._final(txn, "succeeded", "Payment processed successfully", now)
        if request.method == "card":
            assert request.card is not None
            if request.card.token == "declined":
                return self._final(txn, "failed", "Card declined by the issuing bank.", now)
            return self._final(txn, "succeeded", "Payment processed successfully", now)
        if request.method == "promptpay":
            fails = self.rng.random() < self._failure_rate()
            with self._lock:
                self._txns[txn] = _MockTxn(
                    status="pending",
                    message="Waiting for the customer to scan and pay.",
                    confirm_at=now + timedelta(seconds=self._delay()),
                    outcome="failed" if fails else "succeeded",
                    outcome_message=(
                        "PromptPay payment was not confirmed by the bank."
                        if fails
                        else "Payment processed successfully"
                    ),
                )
            return GatewayResponse("pending", "Waiting for the customer to scan and pay.", txn, now)
        return GatewayResponse("failed", f"Unknown payment method {request.method}.", None, now)

    def _final(self, txn: str, status: str, message: str, now: datetime) -> GatewayResponse:
        with self._lock:
            self._txns[txn] = _MockTxn(status, message, now, status, message)
        return GatewayResponse(status, message, txn, now)

    def _advance(self, t: _MockTxn, now: datetime) -> None:
        """A pending PromptPay payment is decided once its confirmation time has come."""
        if t.status == "pending" and now >= t.confirm_at:
            t.status, t.message = t.outcome, t.outcome_message

    def status(self, transaction_id: str) -> GatewayResponse:
        now = self.clock.now()
        with self._lock:
            t = self._txns.get(transaction_id)
            if t is None:
                return GatewayResponse(
                    "unknown", "The payment provider has no record of it.", transaction_id, now
                )
            self._advance(t, now)
            return GatewayResponse(t.status, t.message, transaction_id, now)

    def refund(self, transaction_id: str, amount: Decimal) -> GatewayResponse:
        """Refund a completed payment. Asking again for the same payment answers as the
        first time did, so a retried refund never pays back twice."""
        now = self.clock.now()
        with self._lock:
            t = self._txns.get(transaction_id)
            if t is not None:
                self._advance(t, now)
                if t.status == "refunded":
                    return GatewayResponse("succeeded", "Already refunded.", transaction_id, now)
                if t.status != "succeeded":
                    return GatewayResponse(
                        "failed", "Only a completed payment can be refunded.", transaction_id, now
                    )
            # Unknown to this process (e.g. after a restart): the mock accepts the refund.
            self._txns[transaction_id] = _MockTxn(
                "refunded", "Refunded", now, "refunded", "Refunded"
            )
        return GatewayResponse("succeeded", f"Refunded {amount:.2f} THB.", transaction_id, now)

    def cancel(self, transaction_id: str) -> GatewayResponse:
        now = self.clock.now()
        with self._lock:
            t = self._txns.get(transaction_id)
            if t is not None:
                self._advance(t, now)  # the bank may have confirmed just before the cancel
            if t is not None and t.status == "pending":
                t.status = t.outcome = "failed"
                t.message = t.outcome_message = "Cancelled before payment was confirmed."
            status = t.status if t else "unknown"
            message = t.message if t else "The payment provider has no record of it."
        return GatewayResponse(status, message, transaction_id, now)
