"""Reading orders: the short daily number, the business date, loading an order and its
view values."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from kiosk.config import Settings
from kiosk.db.models import (
    Order,
    OrderCounter,
    OrderItem,
    Payment,
)
from kiosk.db.uow import locked
from kiosk.services.errors import (
    OrderNotFound,
)
from kiosk.services.money import ZERO, points_for, service_charge_for
from kiosk.services.views import (
    OrderLineView,
    OrderView,
    PaymentView,
)


def format_order_number(n: int) -> str:
    """1 → A001 … 999 → A999, 1000 → B001: short, readable, unique per day."""
    letter = chr(ord("A") + ((n - 1) // 999) % 26)
    return f"{letter}{(n - 1) % 999 + 1:03d}"


def business_date(now: datetime, tz: str) -> date:
    return now.astimezone(ZoneInfo(tz)).date()


def next_order_number(s: Session, day: date) -> str:
    """Atomically take the next number of the day (an upsert with RETURNING on both backends)."""
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(OrderCounter)
        .values(business_date=day, last_value=1)
        .on_conflict_do_update(
            index_elements=[OrderCounter.business_date],
            set_={"last_value": OrderCounter.last_value + 1},
        )
        .returning(OrderCounter.last_value)
    )
    value = s.execute(stmt).scalar_one()
    return format_order_number(int(value))


def payment_view(p: Payment) -> PaymentView:
    return PaymentView(
        id=p.id,
        order_id=p.order_id,
        method=p.method,
        amount=p.amount,
        status=p.status,
        transaction_id=p.transaction_id,
        message=p.message,
        card_brand=p.card_brand,
        card_last4=p.card_last4,
        created_at=p.created_at,
        settled_at=p.settled_at,
    )


def line_view(i: OrderItem) -> OrderLineView:
    """An order line as a view value; a line priced but not saved yet (a quote) has id 0."""
    return OrderLineView(
        id=i.id or 0,
        item_id=i.menu_item_id,
        name_en=i.name_en,
        name_th=i.name_th,
        quantity=i.quantity,
        unit_price=i.unit_price,
        line_total=i.line_total,
        options=tuple(i.options or ()),
    )


def order_view(o: Order, settings: Settings) -> OrderView:
    earn = o.points_earned if o.paid_at else points_for(o.total, settings.loyalty.baht_per_point)
    return OrderView(
        id=o.id,
        number=o.number,
        status=o.status,
        mode=o.mode,
        table_number=o.table_number or "",
        kiosk_id=o.kiosk_id,
        subtotal=o.subtotal,
        discount=o.discount,
        total=o.total,
        vat=o.vat,
        points_to_earn=earn if o.customer_id else 0,
        points_redeemed=o.points_redeemed,
        points_earned=o.points_earned,
        customer_id=o.customer_id,
        customer_name=o.customer_name,
        customer_phone=o.customer_phone,
        created_at=o.created_at,
        paid_at=o.paid_at,
        lines=tuple(line_view(i) for i in o.items),
        payments=tuple(payment_view(p) for p in o.payments),
        service_charge=o.service_charge or ZERO,
        service_charge_rate=_charge_rate(o, settings),
    )


def _charge_rate(o: Order, settings: Settings) -> Decimal:
    """The service charge's percent, if the configured one is what this order was charged
    (an order keeps its charge when the setting changes later)."""
    rate = settings.payments.service_charge_percent
    food = max(ZERO, o.subtotal - o.discount)
    charged = o.service_charge or ZERO
    return rate if charged and service_charge_for(food, rate) == charged else Decimal("0")


def load_order(s: Session, order_id: int, for_update: bool = False) -> Order:
    q = (
        select(Order)
        .options(selectinload(Order.items), selectinload(Order.payments))
        .where(Order.id == order_id)
    )
    if for_update:
        q = locked(q)
    order = s.scalars(q).first()
    if order is None:
        raise OrderNotFound(f"Order {order_id} does not exist.")
    return order
