"""The demo data generators."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Payment
from tests.helpers import make_store


def test_bulk_demo_orders_claim_no_points(db_url: str) -> None:
    from kiosk.services.demo import bulk_members, bulk_orders

    store = make_store(db_url)
    bulk_members(store.db, store.settings_file, 50)
    bulk_orders(store.db, store.settings_file, 200)
    with store.db.read() as s:
        from kiosk.db.models import Order

        assert s.scalars(select(Order.points_earned).where(Order.points_earned != 0)).all() == []
        assert len(s.scalars(select(Payment.id)).all()) == 200
    store.close()
