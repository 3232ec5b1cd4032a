"""The order service: creating an order (points redeemed in the same unit of work),
status changes, member changes, cancelling."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from kiosk.config import Settings
from kiosk.db.models import (
    Customer,
    Order,
    OrderMode,
    OrderStatus,
    Payment,
    PaymentStatus,
    TxType,
)
from kiosk.services.audit import audit_row
from kiosk.services.base import PublishingService
from kiosk.services.customers import get_customer_by_phone
from kiosk.services.errors import (
    CustomerNotFound,
    InvalidStatusChange,
    OrderNotFound,
)
from kiosk.services.events import OrderCreated, OrderStatusChanged
from kiosk.services.loyalty import (
    ensure_membership,
    post_points,
    redeem_on_order,
    reprice_order,
)
from kiosk.services.money import (
    ZERO,
    after_discount,
    discount_for,
    points_for,
    vat_included,
)
from kiosk.services.orders.pricing import (
    _check_lines,
    clean_table_number,
    price_lines,
)
from kiosk.services.orders.reading import (
    business_date,
    format_order_number,
    line_view,
    load_order,
    next_order_number,
    order_view,
)
from kiosk.services.phone import normalize_phone
from kiosk.services.validation import (
    ID,
    LIMIT,
    MAX_INT32,
    OFFSET,
    STAFF,
    Choice,
    Flag,
    Int,
    Moment,
    Optional,
    Sequence_,
    Text,
    validated,
)
from kiosk.services.views import (
    OrderView,
    QuoteView,
)

# Kitchen flow; cancel and refund have their own paths.
NEXT_STATUS: dict[str, tuple[str, ...]] = {
    OrderStatus.PENDING.value: (OrderStatus.CANCELLED.value,),
    OrderStatus.PREPARING.value: (OrderStatus.READY.value,),
    OrderStatus.READY.value: (OrderStatus.COMPLETED.value, OrderStatus.PREPARING.value),
    OrderStatus.COMPLETED.value: (),
    OrderStatus.CANCELLED.value: (),
    OrderStatus.REFUNDED.value: (),
}

#: an unpaid order untouched this long, on a kiosk whose customer is gone (the process
#: died), is cancelled by recovery (:meth:`OrderService.cancel_abandoned`)
ABANDONED_AFTER_SECONDS = 15 * 60
RECOVERY_STAFF = "recovery"
#: payments that keep their order from being cancelled as abandoned: under way, waiting at
#: the counter (pending too), paid, or refunded
_KEEPS_ORDER = (
    PaymentStatus.PENDING.value,
    PaymentStatus.SUCCEEDED.value,
    PaymentStatus.REFUNDING.value,
    PaymentStatus.REFUNDED.value,
)


class OrderService(PublishingService):
    @validated(member=Flag(), redeem_points=Int(0, MAX_INT32, label="Points to redeem"))
    def quote(
        self, lines: Sequence[Mapping[str, Any]], member: bool = True, redeem_points: int = 0
    ) -> QuoteView:
        """Price a cart without saving anything (cart and review screens); with
        ``redeem_points``, as the order will be once they are spent (their discount off
        the food, the service charge and VAT on what is left)."""
        settings = self._settings()
        with self._db.read() as s:
            priced = price_lines(s, lines)
        subtotal = sum((i.line_total for i in priced), ZERO)
        rate = settings.payments.service_charge_percent
        discount = min(
            subtotal, discount_for(redeem_points, settings.loyalty.redeem_points_per_baht)
        )
        charge, total = after_discount(subtotal, discount, rate)
        return QuoteView(
            subtotal=subtotal,
            discount=discount,
            total=total,
            vat=vat_included(total, settings.store.vat_rate),
            points_to_earn=points_for(total, settings.loyalty.baht_per_point) if member else 0,
            service_charge=charge,
            service_charge_rate=rate,
            lines=tuple(line_view(i) for i in priced),
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

    def cancel_abandoned(
        self, kiosk_id: str, older_than_seconds: float = ABANDONED_AFTER_SECONDS
    ) -> list[str]:
        """Cancel the unpaid orders a kiosk left behind when its process died (a power cut
        after the customer chose to pay, before any payment began), so their redeemed
        points go back; the order numbers cancelled, oldest first.

        Only ``kiosk_id``'s (``"*"``: every kiosk's) pending orders with no payment under
        way, paid, waiting at the counter or refunded, and with no order or payment
        activity for ``older_than_seconds`` (a live customer is never that long on one
        order: the kiosk resets after its idle time). Each goes through :meth:`cancel`, so
        an order a payment reached meanwhile is left alone."""
        cutoff = self._clock.now() - timedelta(seconds=max(0.0, float(older_than_seconds)))
        p = Payment.__table__.c
        busy = select(p.id).where(
            p.order_id == Order.id,
            or_(p.status.in_(_KEEPS_ORDER), p.created_at >= cutoff, p.settled_at >= cutoff),
        )
        q = select(Order.id).where(
            Order.status == OrderStatus.PENDING.value, Order.created_at < cutoff, ~busy.exists()
        )
        if kiosk_id != "*":
            q = q.where(Order.kiosk_id == kiosk_id)
        with self._db.read() as s:
            ids = s.scalars(q.order_by(Order.id).limit(1000)).all()
        cancelled = []
        for order_id in ids:
            try:
                cancelled.append(self.cancel(order_id, staff=RECOVERY_STAFF).number)
            except (InvalidStatusChange, OrderNotFound):
                continue  # a payment or a person got there first
        return cancelled

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
