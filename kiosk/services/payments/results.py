"""What a payment answers: the seed's result shape (stored with the payment, replayed
for the same idempotency key) and the pending PromptPay view."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from kiosk.db.models import (
    Order,
    Payment,
    PaymentMethod,
)

log = logging.getLogger("kiosk.services.payments")

METHODS = tuple(m.value for m in PaymentMethod)
SUCCESS_MESSAGE = "Payment processed successfully"
AWAITING_COUNTER = "awaiting_counter"
SEED_KEYS = ("success", "message", "transaction_id", "amount", "payment_method", "timestamp")


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


@dataclass(frozen=True, slots=True)
class Charge:
    """A payment and its order as plain values: what the hot path reads (or writes) under
    the two locks, instead of ORM objects the session would track and flush."""

    id: int  # the payment's
    order_id: int
    order_number: str
    amount: Decimal
    method: str
    transaction_id: str | None
    created_at: datetime
    at_counter: bool = False
    result: dict[str, Any] | None = None
    customer_id: int | None = None
    order_status: str = ""

    @classmethod
    def of(cls, p: Payment, order: Order) -> Charge:
        return cls(
            id=p.id,
            order_id=order.id,
            order_number=order.number,
            amount=p.amount,
            method=p.method,
            transaction_id=p.transaction_id,
            created_at=p.created_at,
            at_counter=p.at_counter,
            result=p.result,
            customer_id=order.customer_id,
            order_status=order.status,
        )


def charge_result(
    c: Charge, status: str, message: str, timestamp: datetime | None = None, **extra: Any
) -> PaymentResult:
    """The result of charge ``c`` as it stands."""
    return PaymentResult(
        success=status in ("succeeded", "refunded"),
        message=message,
        transaction_id=c.transaction_id,
        amount=c.amount,
        payment_method=c.method,
        timestamp=timestamp or c.created_at,
        status=status,
        order_id=c.order_id,
        order_number=c.order_number,
        payment_id=c.id,
        **extra,
    )


def _result(
    p: Payment,
    order: Order,
    status: str,
    message: str,
    timestamp: datetime | None = None,
    **extra: Any,
) -> PaymentResult:
    """The result of payment ``p`` of ``order`` as it stands."""
    return charge_result(Charge.of(p, order), status, message, timestamp, **extra)
