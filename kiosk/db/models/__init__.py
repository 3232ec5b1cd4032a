"""SQLAlchemy 2.x typed models for everything the kiosk stores (SPEC section 2).

One module a group of tables: :mod:`.base` (the declarative base), :mod:`.enums`,
:mod:`.staff` (staff, audit log, settings), :mod:`.customers` (members and loyalty),
:mod:`.menu`, :mod:`.orders` (orders and payments), :mod:`.receipts` (receipts, tax
invoices, print jobs). Importing this package registers every table on
``Base.metadata`` (what Alembic's ``env.py`` compares against).
"""

from kiosk.db.models.base import NAMING, ZERO, Base, TimestampMixin
from kiosk.db.models.customers import (
    Customer,
    LoyaltyTransaction,
    Membership,
    Tier,
    points_to_next,
    tier_for,
)
from kiosk.db.models.enums import (
    OrderMode,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    StaffRole,
    StrEnum,
    TxType,
)
from kiosk.db.models.menu import Category, MenuItem, Option, OptionGroup
from kiosk.db.models.orders import Order, OrderCounter, OrderItem, Payment
from kiosk.db.models.receipts import (
    FullTaxInvoice,
    PrintJob,
    PrintJobStatus,
    ReceiptCounter,
    TaxReceipt,
)
from kiosk.db.models.staff import AuditLog, Setting, StaffUser

__all__ = [
    "NAMING",
    "ZERO",
    "AuditLog",
    "Base",
    "Category",
    "Customer",
    "FullTaxInvoice",
    "LoyaltyTransaction",
    "Membership",
    "MenuItem",
    "Option",
    "OptionGroup",
    "Order",
    "OrderCounter",
    "OrderItem",
    "OrderMode",
    "OrderStatus",
    "Payment",
    "PaymentMethod",
    "PaymentStatus",
    "PrintJob",
    "PrintJobStatus",
    "ReceiptCounter",
    "Setting",
    "StaffRole",
    "StaffUser",
    "StrEnum",
    "TaxReceipt",
    "Tier",
    "TimestampMixin",
    "TxType",
    "points_to_next",
    "tier_for",
]
