"""The enums stored as short strings, and the CHECK constraint that keeps a column to one."""

from __future__ import annotations

import enum

from sqlalchemy import CheckConstraint

# --- enums stored as short strings (portable, readable in SQL) -----------------------


class StrEnum(enum.StrEnum):
    def __str__(self) -> str:
        return self.value


class TxType(StrEnum):
    EARNED = "earned"
    REDEEMED = "redeemed"
    EXPIRED = "expired"
    ADJUSTED = "adjusted"


class OrderStatus(StrEnum):
    PENDING = "pending"
    PREPARING = "preparing"
    READY = "ready"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class OrderMode(StrEnum):
    DINE_IN = "dine_in"
    TAKE_AWAY = "take_away"


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    PROMPTPAY = "promptpay"


class PaymentStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    REFUNDING = "refunding"  # claimed by a refund; the provider has not answered yet
    REFUNDED = "refunded"


class StaffRole(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    CASHIER = "cashier"


def _enum_check(name: str, column: str, values: type[StrEnum]) -> CheckConstraint:
    allowed = ", ".join(f"'{v.value}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)
