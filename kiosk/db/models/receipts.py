"""Restaurant operations: receipt numbers, tax receipts and invoices, print jobs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models.base import Base, TimestampMixin
from kiosk.db.models.enums import StrEnum, _enum_check
from kiosk.db.types import UTCDateTime, utcnow

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
