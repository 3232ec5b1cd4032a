"""The payment hot path's SQL, built once (only the bound values change between
payments)."""

from __future__ import annotations

import logging

from sqlalchemy import Integer, String, bindparam, func, insert, or_, select, update

from kiosk.db.models import (
    Customer,
    Order,
    Payment,
    TaxReceipt,
)

log = logging.getLogger("kiosk.services.payments")

# The hot path's statements, built once (only the bound values change between payments).
# Plain rows, no ORM objects: a payment is settled by UPDATEs of the rows it locked, so
# the session never builds, tracks or flushes an object on the way (see ``settle.py``).
_o = Order.__table__.c
_p = Payment.__table__.c

#: the order's payments and any attempt already made with the key (whatever its order)
_EARLIER_ATTEMPTS = select(_p.status, _p.idempotency_key).where(
    or_(_p.order_id == bindparam("order_id_"), _p.idempotency_key == bindparam("key"))
)
_RECORD_TXN = (
    update(Payment.__table__)
    .where(Payment.id == bindparam("payment_id"), Payment.transaction_id.is_(None))
    .values(transaction_id=bindparam("txn"))
)
_LAST_VISIT = (
    update(Customer.__table__)
    .where(Customer.id == bindparam("customer_id_"))
    .values(last_visit=bindparam("when"))
)

#: step 1: the order, locked, with what a new payment needs of it
_ORDER_FOR_PAYMENT = (
    select(_o.id, _o.number, _o.status, _o.total, _o.kiosk_id)
    .where(_o.id == bindparam("order_id_"))
    .with_for_update()
)
_INSERT_PAYMENT = insert(Payment.__table__)
_STORE_RESULT = (
    update(Payment.__table__)
    .where(_p.id == bindparam("payment_id"))
    .values(result=bindparam("result_"))
)
#: step 3: order and payment as plain values, both locked (order first), and whether the
#: order has its receipt; ``order_status`` and ``status`` are the order's and the payment's
_SETTLE_ROW = (
    select(
        _o.id.label("order_id"),
        _o.number,
        _o.status.label("order_status"),
        _o.customer_id,
        _p.id,
        _p.status,
        _p.amount,
        _p.method,
        _p.transaction_id,
        _p.created_at,
        select(TaxReceipt.__table__.c.id)
        .where(TaxReceipt.__table__.c.order_id == _o.id)
        .exists()
        .label("has_receipt"),
    )
    .join(Payment.__table__, _p.order_id == _o.id)
    .where(_p.id == bindparam("payment_id"))
    .with_for_update(of=[Order.__table__, Payment.__table__])
)
#: the outcome, written once; the provider's transaction id kept if one was recorded
_SETTLE_PAYMENT = (
    update(Payment.__table__)
    .where(_p.id == bindparam("payment_id"))
    .values(
        status=bindparam("status_"),
        message=bindparam("message_"),
        transaction_id=func.coalesce(_p.transaction_id, bindparam("txn", type_=String())),
        settled_at=bindparam("settled"),
        staff=bindparam("staff_"),
        result=bindparam("result_"),
    )
)
_ORDER_PAID = (
    update(Order.__table__)
    .where(_o.id == bindparam("order_id_"))
    .values(
        status=bindparam("status_"),
        paid_at=bindparam("paid"),
        points_earned=bindparam("earned", type_=Integer()),
    )
)
