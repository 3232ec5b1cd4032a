"""Orders: pricing a cart, creating an order with a short daily number, status changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import (
    Customer,
    MenuItem,
    Option,
    OptionGroup,
    Order,
    OrderCounter,
    OrderItem,
    OrderMode,
    OrderStatus,
    Payment,
    TxType,
)
from kiosk.db.uow import locked
from kiosk.services.audit import audit_row
from kiosk.services.customers import get_customer_by_phone
from kiosk.services.errors import (
    CustomerNotFound,
    InvalidOrder,
    InvalidStatusChange,
    ItemUnavailable,
    OrderNotFound,
)
from kiosk.services.events import EventBus, OrderCreated, OrderStatusChanged
from kiosk.services.gateway import Clock
from kiosk.services.loyalty import (
    ensure_membership,
    post_points,
    redeem_on_order,
    reprice_order,
)
from kiosk.services.money import ZERO, points_for, service_charge_for, vat_included
from kiosk.services.phone import normalize_phone
from kiosk.services.validation import (
    ID,
    LIMIT,
    MAX_ID,
    MAX_INT32,
    MAX_ORDER_TOTAL,
    OFFSET,
    STAFF,
    Choice,
    Flag,
    Int,
    Moment,
    Optional,
    Sequence_,
    Text,
    ascii_digits,
    validated,
)
from kiosk.services.views import (
    TABLE_NUMBER_DIGITS,
    OrderLineView,
    OrderView,
    PaymentView,
    QuoteView,
)

MAX_QUANTITY = 99
MAX_LINES = 50

# Kitchen flow; cancel and refund have their own paths.
NEXT_STATUS: dict[str, tuple[str, ...]] = {
    OrderStatus.PENDING.value: (OrderStatus.CANCELLED.value,),
    OrderStatus.PREPARING.value: (OrderStatus.READY.value,),
    OrderStatus.READY.value: (OrderStatus.COMPLETED.value, OrderStatus.PREPARING.value),
    OrderStatus.COMPLETED.value: (),
    OrderStatus.CANCELLED.value: (),
    OrderStatus.REFUNDED.value: (),
}


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
        lines=tuple(
            OrderLineView(
                id=i.id,
                item_id=i.menu_item_id,
                name_en=i.name_en,
                name_th=i.name_th,
                quantity=i.quantity,
                unit_price=i.unit_price,
                line_total=i.line_total,
                options=tuple(i.options or ()),
            )
            for i in o.items
        ),
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


def _as_int(value: Any, what: str) -> int:
    """A whole number (an int, or text of ASCII digits); ids are bounded to BIGINT."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and len(value) <= 20 and value.strip().isascii():
            text = value.strip()
            if text.isdigit():
                value = int(text)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidOrder(f"{what} must be a whole number.", what)
    if not 0 <= value <= MAX_ID:
        raise InvalidOrder(f"{what} is out of range.", what)
    return value


def clean_table_number(value: Any) -> str:
    """A table or pager number as stored: ASCII digits, leading zeros dropped, at most
    :data:`TABLE_NUMBER_DIGITS`; "" for none. Anything else is an :class:`InvalidOrder`."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise InvalidOrder("The table number must be digits.", "table_number")
    text = ascii_digits(str(value).strip())  # Thai (๑๒) and full-width digits too
    if not text or len(text) > TABLE_NUMBER_DIGITS or not (text.isascii() and text.isdigit()):
        raise InvalidOrder(
            f"The table number must be 1 to {TABLE_NUMBER_DIGITS} digits.", "table_number"
        )
    number = int(text)
    if number == 0:
        raise InvalidOrder("There is no table 0.", "table_number")
    return str(number)


def _check_lines(lines: Any) -> None:
    """The cart's shape: a list of at most MAX_LINES mappings, each with at most a few
    dozen options (the menu decides which are valid)."""
    if not lines:
        raise InvalidOrder("The order is empty: add at least one item.", "lines")
    if isinstance(lines, str | bytes | Mapping) or not isinstance(lines, Sequence):
        raise InvalidOrder("The order lines must be a list of items.", "lines")
    if len(lines) > MAX_LINES:
        raise InvalidOrder(f"An order can have at most {MAX_LINES} lines.", "lines")
    for line in lines:
        if not isinstance(line, Mapping):
            raise InvalidOrder("Each order line must name an item and a quantity.", "lines")
        options = line.get("options")
        if options is not None and (
            isinstance(options, str | bytes | Mapping)
            or not isinstance(options, Sequence | set | frozenset)
            or len(options) > 100
        ):
            raise InvalidOrder("The options of a line must be a short list of ids.", "options")


def price_lines(s: Session, lines: Sequence[Mapping[str, Any]]) -> list[OrderItem]:
    """Validate cart lines against the menu and snapshot their names and prices."""
    _check_lines(lines)
    item_ids = {_as_int(line.get("item_id"), "item_id") for line in lines}
    items = {
        i.id: i
        for i in s.scalars(
            select(MenuItem)
            .options(selectinload(MenuItem.option_groups).selectinload(OptionGroup.options))
            .where(MenuItem.id.in_(item_ids))
        )
    }
    priced: list[OrderItem] = []
    for line in lines:
        item = items.get(_as_int(line.get("item_id"), "item_id"))
        if item is None or not item.active:
            raise InvalidOrder("An item in the cart is no longer on the menu.")
        if not item.available:
            raise ItemUnavailable(f"Sorry, {item.name_en} is sold out.")
        qty = _as_int(line.get("quantity", 1), "quantity")
        if not 1 <= qty <= MAX_QUANTITY:
            raise InvalidOrder(f"Quantity must be between 1 and {MAX_QUANTITY}.")
        chosen = _choose_options(item, [_as_int(o, "option") for o in line.get("options") or ()])
        unit = item.price + sum((o.price_delta for o in chosen), ZERO)
        if unit < 0:  # the menu service prevents it; never let a line lower the others
            raise InvalidOrder(f"The options chosen for {item.name_en} cost less than nothing.")
        priced.append(
            OrderItem(
                menu_item_id=item.id,
                name_en=item.name_en,
                name_th=item.name_th,
                quantity=qty,
                unit_price=unit,
                line_total=unit * qty,
                options=[
                    {
                        "id": o.id,
                        "group_en": o.group.name_en,
                        "group_th": o.group.name_th,
                        "name_en": o.name_en,
                        "name_th": o.name_th,
                        "price_delta": str(o.price_delta),
                    }
                    for o in chosen
                ],
            )
        )
    if sum((i.line_total for i in priced), ZERO) > MAX_ORDER_TOTAL:
        raise InvalidOrder("This order is too large for one payment. Please split it.", "lines")
    return priced


def _choose_options(item: MenuItem, option_ids: Iterable[int]) -> list[Option]:
    wanted = list(dict.fromkeys(option_ids))
    by_id = {o.id: o for g in item.option_groups for o in g.options}
    unknown = [i for i in wanted if i not in by_id]
    if unknown:
        raise InvalidOrder(f"An option chosen for {item.name_en} does not belong to it.")
    chosen: list[Option] = []
    for group in item.option_groups:
        picked = [by_id[i] for i in wanted if by_id[i].group_id == group.id]
        if not picked and group.min_select > 0:
            picked = [o for o in group.options if o.is_default][: group.min_select]
        if len(picked) < group.min_select:
            raise InvalidOrder(f"Please choose {group.name_en} for {item.name_en}.")
        if len(picked) > group.max_select:
            raise InvalidOrder(
                f"Choose at most {group.max_select} for {group.name_en} ({item.name_en})."
            )
        if any(not o.available for o in picked):
            raise ItemUnavailable(f"Sorry, an option for {item.name_en} is not available.")
        chosen += picked
    return chosen


class OrderService:
    def __init__(
        self, db: Database, settings: Callable[[], Settings], bus: EventBus, clock: Clock
    ) -> None:
        self._db = db
        self._settings = settings
        self._bus = bus
        self._clock = clock

    @validated(member=Flag())
    def quote(self, lines: Sequence[Mapping[str, Any]], member: bool = True) -> QuoteView:
        """Price a cart without saving anything (cart and review screens)."""
        settings = self._settings()
        with self._db.read() as s:
            priced = price_lines(s, lines)
        subtotal = sum((i.line_total for i in priced), ZERO)
        rate = settings.payments.service_charge_percent
        charge = service_charge_for(subtotal, rate)
        total = subtotal + charge
        return QuoteView(
            subtotal=subtotal,
            discount=ZERO,
            total=total,
            vat=vat_included(total, settings.store.vat_rate),
            points_to_earn=points_for(total, settings.loyalty.baht_per_point) if member else 0,
            service_charge=charge,
            service_charge_rate=rate,
            lines=tuple(
                OrderLineView(
                    id=0,
                    item_id=i.menu_item_id,
                    name_en=i.name_en,
                    name_th=i.name_th,
                    quantity=i.quantity,
                    unit_price=i.unit_price,
                    line_total=i.line_total,
                    options=tuple(i.options),
                )
                for i in priced
            ),
        )

    @validated(
        mode=Choice([m.value for m in OrderMode], message="Choose dine-in or take-away."),
        customer_phone=Text(40, optional=True, label="Phone number"),
        kiosk_id=Text(64, optional=True, label="Kiosk id"),
        now=Optional(Moment()),
        redeem_points=Int(0, MAX_INT32, label="Points to redeem"),
    )
    def create(
        self,
        lines: Sequence[Mapping[str, Any]],
        mode: str = OrderMode.DINE_IN.value,
        customer_phone: str | None = None,
        kiosk_id: str | None = None,
        now: datetime | None = None,
        redeem_points: int = 0,
        table_number: str = "",
    ) -> OrderView:
        """Create a pending order with a number like ``A042`` (unique per store per day).

        ``table_number`` is the dine-in table or pager number the customer typed (digits,
        at most :data:`TABLE_NUMBER_DIGITS`; Thai and full-width digits are read as such).

        ``redeem_points`` spends the member's points as the order's discount in the same
        transaction: the order and its discount are saved together or not at all."""
        settings = self._settings()
        _check_lines(lines)
        table = clean_table_number(table_number)
        e164 = (
            normalize_phone(customer_phone, settings.store.phone_region) if customer_phone else None
        )
        now = now or self._clock.now()
        with self._db.uow() as uow:
            s = uow.session
            customer: Customer | None = None
            if e164:
                customer = get_customer_by_phone(s, e164)
                if customer is None:
                    raise CustomerNotFound("No member has that phone number. Sign up first.")
            items = price_lines(s, lines)
            day = business_date(now, settings.store.timezone)
            order = Order(
                number=next_order_number(s, day),
                business_date=day,
                kiosk_id=kiosk_id or settings.store.kiosk_id,
                mode=mode,
                table_number=table,
                status=OrderStatus.PENDING.value,
                customer_id=customer.id if customer else None,
                customer_name=customer.full_name if customer else "",
                customer_phone=customer.phone if customer else "",
                subtotal=sum((i.line_total for i in items), ZERO),
                points_redeemed=0,
                points_earned=0,
                created_at=now,
                updated_at=now,
            )
            order.items = items
            reprice_order(order, settings)
            s.add(order)
            uow.flush()
            redeemed = (
                redeem_on_order(s, order, redeem_points, settings, now) if redeem_points else []
            )
            view = order_view(order, settings)
            uow.after_commit(
                lambda: self._bus.publish(
                    OrderCreated(
                        order_id=view.id,
                        number=view.number,
                        total=view.total,
                        kiosk_id=view.kiosk_id,
                    )
                )
            )
            uow.publish(self._bus.publish, *redeemed)
            uow.commit()
        return view

    @validated(order_id=ID)
    def get(self, order_id: int) -> OrderView:
        with self._db.read() as s:
            return order_view(load_order(s, order_id), self._settings())

    @validated(order_id=ID, phone=Text(40, optional=True, label="Phone number"))
    def attach_customer(self, order_id: int, phone: str | None) -> OrderView:
        """Link (or with ``None`` unlink) a member to a pending order before payment."""
        settings = self._settings()
        with self._db.uow() as uow:
            s = uow.session
            order = load_order(s, order_id, for_update=True)
            if order.status != OrderStatus.PENDING.value or order.paid_at:
                raise InvalidStatusChange("The member can only change before payment.")
            if order.points_redeemed:
                raise InvalidStatusChange("Return the redeemed points before changing member.")
            customer = None
            if phone:
                customer = get_customer_by_phone(
                    s, normalize_phone(phone, settings.store.phone_region)
                )
                if customer is None:
                    raise CustomerNotFound("No member has that phone number. Sign up first.")
            order.customer_id = customer.id if customer else None
            order.customer_name = customer.full_name if customer else ""
            order.customer_phone = customer.phone if customer else ""
            uow.flush()
            view = order_view(order, settings)
            uow.commit()
        return view

    @validated(
        order_id=ID, status=Choice([s.value for s in OrderStatus], label="Status"), staff=STAFF
    )
    def set_status(self, order_id: int, status: str, staff: str = "") -> OrderView:
        """Kitchen flow: preparing → ready → completed; pending orders may be cancelled."""
        settings = self._settings()
        with self._db.uow() as uow:
            s = uow.session
            order = load_order(s, order_id, for_update=True)
            old = order.status
            if status not in NEXT_STATUS.get(old, ()):
                raise InvalidStatusChange(f"Order {order.number} cannot go from {old} to {status}.")
            if status == OrderStatus.CANCELLED.value:
                self._return_redeemed(s, order, settings, staff)
            order.status = status
            s.add(
                audit_row(
                    self._clock,
                    staff=staff or "system",
                    action="order.status",
                    entity="order",
                    entity_id=str(order.id),
                    before={"status": old},
                    after={"status": status},
                )
            )
            uow.flush()
            view = order_view(order, settings)
            uow.after_commit(
                lambda: self._bus.publish(
                    OrderStatusChanged(
                        order_id=view.id, number=view.number, old_status=old, new_status=status
                    )
                )
            )
            uow.commit()
        return view

    @validated(order_id=ID, staff=STAFF)
    def cancel(self, order_id: int, staff: str = "") -> OrderView:
        """Cancel an unpaid order (the customer walked away); redeemed points go back."""
        return self.set_status(order_id, OrderStatus.CANCELLED.value, staff)

    def _return_redeemed(self, s: Session, order: Order, settings: Settings, staff: str) -> None:
        for p in order.payments:
            if p.status == "pending" and p.at_counter:
                # "Pay at counter" and nobody paid: the waiting payment ends with the order.
                p.status = "failed"
                p.message = "Not paid at the counter; order cancelled."
                p.settled_at = self._clock.now()
                p.staff = staff
                p.result = None
            elif p.status in ("succeeded", "pending", "refunding"):
                raise InvalidStatusChange(
                    f"Order {order.number} has a payment; refund it instead of cancelling."
                    if p.status != "pending"
                    else f"A payment for order {order.number} is still in progress."
                )
        if order.points_redeemed and order.customer_id:
            customer = s.get(Customer, order.customer_id)
            assert customer is not None
            m = ensure_membership(s, customer, settings.loyalty.tiers)
            post_points(
                s,
                m,
                order.points_redeemed,
                TxType.REDEEMED,
                settings.loyalty.tiers,
                reason=f"Points returned: order {order.number} cancelled",
                order_id=order.id,
                staff=staff,
                counts_to_lifetime=False,
                when=self._clock.now(),
            )
            order.points_redeemed = 0
            reprice_order(order, settings)

    @validated(
        statuses=Sequence_(Choice([s.value for s in OrderStatus], label="Status"), 10),
        limit=LIMIT,
        offset=OFFSET,
        since=Optional(Moment()),
    )
    def list(
        self,
        statuses: Sequence[str] | None = None,
        limit: int = 100,
        offset: int = 0,
        since: datetime | None = None,
    ) -> list[OrderView]:
        settings = self._settings()
        with self._db.read() as s:
            q = select(Order).options(selectinload(Order.items), selectinload(Order.payments))
            if statuses:
                q = q.where(Order.status.in_(list(statuses)))
            if since:
                q = q.where(Order.created_at >= since)
            q = q.order_by(Order.created_at.desc(), Order.id.desc()).limit(limit).offset(offset)
            return [order_view(o, settings) for o in s.scalars(q)]

    def count(self) -> int:
        with self._db.read() as s:
            return s.scalar(select(func.count(Order.id))) or 0


__all__ = ["OrderService", "format_order_number", "next_order_number", "order_view"]

_unused: Decimal | None = None
