"""The payment hot path's SQL, built once (only the bound values change between
payments)."""

from __future__ import annotations

import logging

from sqlalchemy import bindparam, or_, select, update

from kiosk.db.models import (
    Customer,
    Order,
    Payment,
    TaxReceipt,
)
from kiosk.db.uow import locked

log = logging.getLogger("kiosk.services.payments")

# The hot path's statements, built once (only the bound values change between payments).
_ORDER_LOCKED = locked(select(Order).where(Order.id == bindparam("order_id_")))
#: the order's payments and any attempt already made with the key (whatever its order)
_EARLIER_ATTEMPTS = select(Payment.status, Payment.idempotency_key).where(
    or_(Payment.order_id == bindparam("order_id_"), Payment.idempotency_key == bindparam("key"))
)
_RECORD_TXN = (
    update(Payment.__table__)
    .where(Payment.id == bindparam("payment_id"), Payment.transaction_id.is_(None))
    .values(transaction_id=bindparam("txn"))
)
#: order and payment, both locked (order first), and whether the order has its receipt
_LOCK_FOR_SETTLE = (
    select(
        Order,
        Payment,
        select(TaxReceipt.id).where(TaxReceipt.order_id == Order.id).exists().label("r"),
    )
    .join(Payment, Payment.order_id == Order.id)
    .where(Payment.id == bindparam("payment_id"))
    .with_for_update(of=[Order.__table__, Payment.__table__])
    .execution_options(populate_existing=True)  # as locked(): never a stale copy
)
_LAST_VISIT = (
    update(Customer.__table__)
    .where(Customer.id == bindparam("customer_id_"))
    .values(last_visit=bindparam("when"))
)
