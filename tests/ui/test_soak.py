"""A lunch rush in one process: 300 customers through the real screens.

The kiosk used to abort at about order 96 (PySide6 6.12.0 dropped references to None
on every widget call while the menu was rebuilt per customer). Here every order is
driven with real clicks, and afterwards the database holds each one, paid once, and
the reference counts of None/True/False have not drifted."""

from __future__ import annotations

import random
import sys
from collections import Counter
from typing import Any

from sqlalchemy import func, select

from bench.soak import Customer, refcounts, soak_window
from kiosk.db.models import Order, Payment

ORDERS = 300


def test_three_hundred_orders_through_the_screens(qapp: Any, tmp_path: Any) -> None:
    with soak_window(tmp_path / "soak.db") as (window, store):
        customer = Customer(window, random.Random(3))
        customer.order_once(0)  # first use of every screen
        before = refcounts()
        for i in range(1, ORDERS + 1):
            customer.order_once(i)
        drift = [a - b for a, b in zip(refcounts(), before, strict=True)]
        stats = customer.stats

        # a leak of one reference per widget call is tens of thousands over this run
        assert all(d > -1000 for d in drift), f"None/True/False lost references: {drift}"
        if sys.version_info < (3, 12):  # not immortal: the counts must stay flat
            # the bad releases move them by hundreds per order (6.12.0: -593 for None;
            # 6.11.3: +940); a few per order are objects the kiosk legitimately keeps
            assert all(abs(d) < 20 * ORDERS for d in drift), drift

        assert stats.walked_away >= ORDERS // 12
        assert len(stats.orders) == ORDERS + 1 - stats.walked_away - stats.nothing_on_sale
        assert set(stats.methods) == {"cash", "card", "promptpay"}
        assert stats.redeemed > 0
        with store.db.read() as s:
            paid = s.execute(
                select(Order.id, Order.number, Order.status).where(Order.id.in_(stats.order_ids))
            ).all()
            succeeded = Counter(
                s.scalars(
                    select(Payment.order_id).where(
                        Payment.status == "succeeded", Payment.order_id.in_(stats.order_ids)
                    )
                )
            )
            cancelled = s.scalar(select(func.count()).where(Order.status == "cancelled"))
        assert len(paid) == len(stats.order_ids)
        assert {row.status for row in paid} == {"preparing"}
        assert sorted(row.number for row in paid) == sorted(stats.orders)
        assert all(succeeded[oid] == 1 for oid in stats.order_ids)
        assert cancelled == 0  # walked away before an order existed
