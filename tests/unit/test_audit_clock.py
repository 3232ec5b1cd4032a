"""Every audit row is stamped by the store's injected clock, never by the machine's: a
menu, settings, member, points or order change made at the fake clock's moment is
recorded at that moment."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from kiosk.app import Store
from kiosk.db.models import AuditLog
from tests.helpers import FakeClock

SOMCHAI = "0812345678"


def test_audit_rows_take_the_injected_clock(store: Store, clock: FakeClock) -> None:
    clock.t = datetime(2031, 5, 4, 3, 2, 1, tzinfo=UTC)  # not a moment the machine is at
    store.menu.update_item(store.menu.items()[0].id, staff="Ploy", price="99")
    store.settings.update({"loyalty.baht_per_point": 20}, "Ploy")
    member = store.customers.find_by_phone(SOMCHAI)
    assert member is not None
    store.customers.update(member.id, "Ploy", first_name="Somchai")
    store.loyalty.adjust(SOMCHAI, 5, "birthday", "Ploy")
    order = store.orders.create([{"item_id": 2}])
    store.orders.set_status(order.id, "cancelled", staff="Ploy")
    with store.db.read() as s:
        rows = s.execute(select(AuditLog.action, AuditLog.created_at)).all()
    actions = {action for action, _ in rows}
    assert {"menu.update", "settings.update", "member.update", "points.adjust"} <= actions
    assert "order.status" in actions
    assert [(a, t) for a, t in rows if t != clock.t] == []
