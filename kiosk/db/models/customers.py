"""Members and their loyalty: tiers, customers, memberships, points transactions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.config import DEFAULT_TIERS
from kiosk.db.models.base import ZERO, Base, TimestampMixin
from kiosk.db.models.enums import TxType, _enum_check
from kiosk.db.types import Money, UTCDateTime, utcnow

# --- tiers ----------------------------------------------------------------------------


def tier_for(lifetime_points: int, tiers: Mapping[str, int] = DEFAULT_TIERS) -> str:
    """The highest tier whose threshold ``lifetime_points`` reaches."""
    best = min(tiers, key=lambda name: tiers[name])
    for name, threshold in sorted(tiers.items(), key=lambda kv: kv[1]):
        if lifetime_points >= threshold:
            best = name
    return best


def points_to_next(lifetime_points: int, tiers: Mapping[str, int] = DEFAULT_TIERS) -> int | None:
    """Points still needed for the next tier, or ``None`` at the top tier."""
    higher = [t for t in tiers.values() if t > lifetime_points]
    return min(higher) - lifetime_points if higher else None


class Tier(Base):
    """Tier thresholds an owner edited in the admin panel.

    Empty means "use ``[loyalty] tiers`` from the configuration"; rows here win.
    """

    __tablename__ = "tiers"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    min_lifetime_points: Mapped[int] = mapped_column(Integer, unique=True)


# --- customers and loyalty ------------------------------------------------------------


class Customer(TimestampMixin, Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="", index=True)
    gender: Mapped[str] = mapped_column(String(16), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    address: Mapped[str] = mapped_column(Text, default="")
    email_marketing: Mapped[bool] = mapped_column(Boolean, default=False)
    sms_marketing: Mapped[bool] = mapped_column(Boolean, default=False)
    last_visit: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: when the member last said yes or no to marketing, and to which privacy policy
    marketing_consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    marketing_policy_version: Mapped[str] = mapped_column(String(32), default="", server_default="")
    #: set when the member's personal data was erased (PDPA): the row stays for the accounts
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )

    membership: Mapped[Membership | None] = relationship(
        back_populates="customer", uselist=False, cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_customers_first_name_lower", "first_name"),)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part).strip()


class Membership(TimestampMixin, Base):
    __tablename__ = "memberships"
    __table_args__ = (
        CheckConstraint("points >= 0", name="points_not_negative"),
        CheckConstraint("lifetime_points >= 0", name="lifetime_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), unique=True
    )
    points: Mapped[int] = mapped_column(Integer, default=0)
    lifetime_points: Mapped[int] = mapped_column(Integer, default=0)
    tier: Mapped[str] = mapped_column(String(32), default="bronze", index=True)
    total_spent: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    visits_count: Mapped[int] = mapped_column(Integer, default=0)

    customer: Mapped[Customer] = relationship(back_populates="membership")

    def __init__(self, **kw: Any) -> None:
        kw.setdefault("points", 0)
        kw.setdefault("lifetime_points", 0)
        kw.setdefault("total_spent", ZERO)
        kw.setdefault("visits_count", 0)
        kw.setdefault("tier", "bronze")
        super().__init__(**kw)

    def update_tier(self, tiers: Mapping[str, int] = DEFAULT_TIERS) -> bool:
        """Set the tier from lifetime points; return True when it went up."""
        new = tier_for(self.lifetime_points, tiers)
        old_rank = tiers.get(self.tier, -1)
        self.tier = new
        return tiers[new] > old_rank

    def add_points(self, points: int) -> int:
        """Change the balance; earning (positive) also counts towards lifetime points."""
        if self.points + points < 0:
            raise ValueError("balance cannot go below zero")
        self.points += points
        if points > 0:
            self.lifetime_points += points
        return self.points

    def record_purchase(self, amount: Decimal, when: datetime) -> None:
        self.total_spent = (self.total_spent or ZERO) + amount
        self.visits_count = (self.visits_count or 0) + 1
        self.customer.last_visit = when

    def points_to_next(self, tiers: Mapping[str, int] = DEFAULT_TIERS) -> int | None:
        return points_to_next(self.lifetime_points, tiers)

    @property
    def points_to_next_tier(self) -> int | None:
        """With the default tier table; services pass the configured one to ``points_to_next``."""
        return self.points_to_next()


class LoyaltyTransaction(Base):
    __tablename__ = "loyalty_transactions"
    __table_args__ = (
        _enum_check("type", "type", TxType),
        Index("ix_loyalty_transactions_customer_created", "customer_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL"), nullable=True, index=True
    )
    type: Mapped[str] = mapped_column(String(16))
    points: Mapped[int] = mapped_column(Integer)
    balance_after: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(255), default="")
    staff: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
