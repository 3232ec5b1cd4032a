"""Orders, their lines and payments, and the daily order-number counter."""

from __future__ import annotations

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
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.db.models.base import ZERO, Base, TimestampMixin
from kiosk.db.models.customers import Customer
from kiosk.db.models.enums import (
    OrderMode,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    _enum_check,
)
from kiosk.db.types import Money, UTCDateTime

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
