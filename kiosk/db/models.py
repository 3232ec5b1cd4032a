"""SQLAlchemy 2.x typed models for everything the kiosk stores (SPEC section 2)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.config import DEFAULT_TIERS
from kiosk.db.types import Money, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ZERO = Decimal("0.00")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


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


# --- staff ----------------------------------------------------------------------------


class StaffUser(TimestampMixin, Base):
    __tablename__ = "staff_users"
    __table_args__ = (_enum_check("role", "role", StaffRole),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16), default=StaffRole.CASHIER.value)
    pin_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    staff: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class Setting(Base):
    """A setting changed in the admin panel; wins over the config file for every kiosk."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


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


# --- menu -----------------------------------------------------------------------------


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    items: Mapped[list[MenuItem]] = relationship(
        back_populates="category", order_by="MenuItem.position"
    )


class MenuItem(Base):
    __tablename__ = "menu_items"
    __table_args__ = (CheckConstraint("price >= 0", name="price_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_th: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[Decimal] = mapped_column(Money())
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    image: Mapped[str] = mapped_column(String(255), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # 0 not spicy .. 3 very hot: the chilli marks on the dish card
    spice_level: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # allergen codes (``kiosk.services.menu.ALLERGENS``), comma-separated, in that order
    allergens: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # "suggest with orders": offered in the cart's upsell strip
    upsell: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    category: Mapped[Category] = relationship(back_populates="items")
    option_groups: Mapped[list[OptionGroup]] = relationship(
        back_populates="item", order_by="OptionGroup.position", cascade="all, delete-orphan"
    )


class OptionGroup(Base):
    """Size, spice level, extras...: ``min_select``/``max_select`` say how many to pick."""

    __tablename__ = "option_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("menu_items.id", ondelete="CASCADE"), index=True
    )
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    min_select: Mapped[int] = mapped_column(Integer, default=0)
    max_select: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[int] = mapped_column(Integer, default=0)

    item: Mapped[MenuItem] = relationship(back_populates="option_groups")
    options: Mapped[list[Option]] = relationship(
        back_populates="group", order_by="Option.position", cascade="all, delete-orphan"
    )


class Option(Base):
    __tablename__ = "options"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("option_groups.id", ondelete="CASCADE"), index=True
    )
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    price_delta: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    group: Mapped[OptionGroup] = relationship(back_populates="options")


# --- orders and payments --------------------------------------------------------------


class OrderCounter(Base):
    """Last order number handed out per business day, shared by every kiosk of the store."""

    __tablename__ = "order_counters"

    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Order(TimestampMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("business_date", "number"),
        _enum_check("status", "status", OrderStatus),
        _enum_check("mode", "mode", OrderMode),
        Index("ix_orders_status_created", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(8))
    business_date: Mapped[date] = mapped_column(Date)
    kiosk_id: Mapped[str] = mapped_column(String(64), default="")
    mode: Mapped[str] = mapped_column(String(16), default=OrderMode.DINE_IN.value)
    #: dine-in table or pager number, digits only; "" when none was asked or given
    table_number: Mapped[str] = mapped_column(String(8), default="", server_default="")
    status: Mapped[str] = mapped_column(String(16), default=OrderStatus.PENDING.value)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL"), nullable=True, index=True
    )
    customer_name: Mapped[str] = mapped_column(String(200), default="")
    customer_phone: Mapped[str] = mapped_column(String(16), default="")
    subtotal: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    discount: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    total: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    vat: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    # VAT-inclusive service charge, part of ``total`` (0 when the store charges none).
    service_charge: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    points_redeemed: Mapped[int] = mapped_column(Integer, default=0)
    points_earned: Mapped[int] = mapped_column(Integer, default=0)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    note: Mapped[str] = mapped_column(String(255), default="")

    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderItem.id"
    )
    payments: Mapped[list[Payment]] = relationship(back_populates="order", order_by="Payment.id")
    customer: Mapped[Customer | None] = relationship()


class OrderItem(Base):
    __tablename__ = "order_items"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    menu_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("menu_items.id", ondelete="SET NULL"), nullable=True
    )
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money())
    line_total: Mapped[Decimal] = mapped_column(Money())
    # Snapshot of chosen options: [{"id", "name_en", "name_th", "price_delta"}]
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    order: Mapped[Order] = relationship(back_populates="items")


class Payment(TimestampMixin, Base):
    __tablename__ = "payments"
    __table_args__ = (
        _enum_check("method", "method", PaymentMethod),
        _enum_check("status", "status", PaymentStatus),
        Index("ix_payments_status_created", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Money())
    status: Mapped[str] = mapped_column(String(16), default=PaymentStatus.PENDING.value)
    transaction_id: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    message: Mapped[str] = mapped_column(String(255), default="")
    card_brand: Mapped[str] = mapped_column(String(16), default="")
    card_last4: Mapped[str] = mapped_column(String(4), default="")
    promptpay_id: Mapped[str] = mapped_column(String(32), default="")
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    kiosk_id: Mapped[str] = mapped_column(String(64), default="")
    # "Pay at counter": waits for staff to mark it received instead of a gateway answer.
    at_counter: Mapped[bool] = mapped_column(Boolean, default=False)
    staff: Mapped[str] = mapped_column(String(64), default="")
    # The payment service (one per process) working on it; recovery leaves a pending
    # payment alone while its owner is alive (see kiosk.services.payments._Presence).
    owner: Mapped[str] = mapped_column(String(32), default="", server_default="")
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    refunded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # The result returned to the caller, replayed for a repeated idempotency key.
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    order: Mapped[Order] = relationship(back_populates="payments")


# --- restaurant operations: receipts and print jobs -----------------------------------


class ReceiptCounter(Base):
    """The last receipt number one kiosk (POS) issued. Taken under the row lock of an upsert
    in the transaction that settles the payment, so numbers are unique and gap-free."""

    __tablename__ = "receipt_counters"

    kiosk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class TaxReceipt(Base):
    """The receipt an order was given when it was paid: its running number per kiosk."""

    __tablename__ = "tax_receipts"
    __table_args__ = (UniqueConstraint("kiosk_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), unique=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    pos_id: Mapped[str] = mapped_column(String(32), default="")
    # True when the store was VAT-registered at the time: an abbreviated tax invoice.
    tax_invoice: Mapped[bool] = mapped_column(Boolean, default=False)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PrintJobStatus(StrEnum):
    QUEUED = "queued"  # waiting for a worker: new, or the printer was offline / out of paper
    PRINTING = "printing"  # claimed by a worker under a lease; nothing sent yet
    SENDING = "sending"  # bytes are going out: a lease that expires here may have printed
    DONE = "done"


class PrintJob(TimestampMixin, Base):
    """A kitchen ticket or receipt to print: written in the transaction that settles the
    payment, sent by a worker afterwards (``kiosk.printing.worker``)."""

    __tablename__ = "print_jobs"
    __table_args__ = (
        _enum_check("status", "status", PrintJobStatus),
        Index("ix_print_jobs_status_next", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # One original job per order and kind ("kitchen:42"); reprints get their own key.
    key: Mapped[str] = mapped_column(String(64), unique=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # kitchen | receipt
    status: Mapped[str] = mapped_column(String(16), default=PrintJobStatus.QUEUED.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    # A worker died (or the printer stalled) after bytes went out: the next copy says so.
    uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    lease_owner: Mapped[str] = mapped_column(String(64), default="")
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str] = mapped_column(String(255), default="")
    staff: Mapped[str] = mapped_column(String(64), default="")
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class FullTaxInvoice(Base):
    """A full tax invoice (ใบกำกับภาษีเต็มรูป) issued on request for a paid order: the
    buyer's details and its own running number (store-wide)."""

    __tablename__ = "tax_invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), unique=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    buyer_name: Mapped[str] = mapped_column(String(200))
    buyer_address: Mapped[str] = mapped_column(Text)
    buyer_tax_id: Mapped[str] = mapped_column(String(13))
    buyer_branch: Mapped[str] = mapped_column(String(5), default="00000")
    staff: Mapped[str] = mapped_column(String(64), default="")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
