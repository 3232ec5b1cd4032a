"""Orders: pricing with options, VAT, short daily numbers, status flow."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from kiosk.app import Store
from kiosk.services.errors import (
    CustomerNotFound,
    InvalidOrder,
    InvalidPhoneNumber,
    InvalidStatusChange,
    ItemUnavailable,
)
from kiosk.services.orders import format_order_number


def _options(store: Store, item_id: int) -> dict[str, int]:
    item = store.menu.item(item_id)
    return {o.name_en: o.id for g in item.option_groups for o in g.options}


def test_price_with_option_deltas_and_vat(store: Store) -> None:
    opts = _options(store, 1)  # Pad Thai 120: Large +20, Fried egg +10, Extra prawns +40
    o = store.orders.create(
        [
            {
                "item_id": 1,
                "quantity": 2,
                "options": [
                    opts["Large"],
                    opts["Fried egg"],
                    opts["Extra prawns"],
                    opts["Thai hot"],
                ],
            }
        ],
        mode="take_away",
    )
    line = o.lines[0]
    assert line.unit_price == Decimal("190.00") and line.line_total == Decimal("380.00")
    assert o.subtotal == o.total == Decimal("380.00")
    assert o.vat == Decimal("24.86")  # 380 × 7 / 107 = 24.859…
    assert o.mode == "take_away" and o.status == "pending"
    names = {opt["name_en"] for opt in line.options}
    assert names == {"Large", "Fried egg", "Extra prawns", "Thai hot"}


def test_required_groups_take_their_defaults(store: Store) -> None:
    o = store.orders.create([{"item_id": 1, "quantity": 1}])
    assert {opt["name_en"] for opt in o.lines[0].options} == {"Medium", "Regular"}


def test_option_rules(store: Store) -> None:
    opts = _options(store, 1)
    with pytest.raises(InvalidOrder, match="at most 1"):
        store.orders.create([{"item_id": 1, "options": [opts["Mild"], opts["Thai hot"]]}])
    other = _options(store, 13)  # Thai tea options do not belong to Pad Thai
    with pytest.raises(InvalidOrder, match="does not belong"):
        store.orders.create([{"item_id": 1, "options": [next(iter(other.values()))]}])


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [{"item_id": 999}],
        [{"item_id": 1, "quantity": 0}],
        [{"item_id": 1, "quantity": 100}],
        [{"item_id": "abc"}],
        [{"item_id": 1, "quantity": 1.5}],
    ],
)
def test_bad_carts_are_refused(store: Store, lines: list) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidOrder):
        store.orders.create(lines)


def test_sold_out_item_cannot_be_ordered(store: Store) -> None:
    massaman = next(i for i in store.menu.items() if i.name_en == "Massaman Beef")
    assert massaman.available is False
    with pytest.raises(ItemUnavailable, match="sold out"):
        store.orders.create([{"item_id": massaman.id}])
    store.menu.set_available(massaman.id, True, staff="Boss")
    assert store.orders.create([{"item_id": massaman.id}]).total == Decimal("170.00")


def test_quote_saves_nothing(store: Store) -> None:
    q = store.orders.quote([{"item_id": 2, "quantity": 3}])
    assert (q.subtotal, q.total, q.points_to_earn) == (Decimal("240.00"), Decimal("240.00"), 24)
    assert q.vat == Decimal("15.70")
    assert store.orders.count() == 0


def test_order_numbers_are_short_and_restart_each_day(store: Store) -> None:
    assert [format_order_number(n) for n in (1, 42, 999, 1000, 1998)] == [
        "A001",
        "A042",
        "A999",
        "B001",
        "B999",
    ]
    nums = [store.orders.create([{"item_id": 2}]).number for _ in range(3)]
    assert nums == ["A001", "A002", "A003"]
    tomorrow = datetime(2026, 11, 28, 5, tzinfo=UTC)
    assert store.orders.create([{"item_id": 2}], now=tomorrow).number == "A001"
    # Bangkok's business day starts at 17:00 UTC of the day before.
    late = datetime(2026, 11, 28, 17, 30, tzinfo=UTC)
    assert store.orders.create([{"item_id": 2}], now=late).number == "A001"
    assert store.orders.create([{"item_id": 2}], now=late + timedelta(hours=1)).number == "A002"


def test_member_link_by_any_phone_form(store: Store) -> None:
    o = store.orders.create([{"item_id": 2}], customer_phone="+66 81 234 5678")
    assert o.customer_name == "Somchai Srisuk" and o.customer_phone == "+66812345678"
    assert o.points_to_earn == 8
    with pytest.raises(CustomerNotFound):
        store.orders.create([{"item_id": 2}], customer_phone="0899999999")
    with pytest.raises(InvalidPhoneNumber):
        store.orders.create([{"item_id": 2}], customer_phone="12")
    guest = store.orders.create([{"item_id": 2}])
    assert guest.points_to_earn == 0
    linked = store.orders.attach_customer(guest.id, "0812345678")
    assert linked.customer_id == o.customer_id


def test_status_flow(store: Store) -> None:
    oid = store.orders.create([{"item_id": 2}]).id
    with pytest.raises(InvalidStatusChange):
        store.orders.set_status(oid, "ready", staff="Nok")
    store.payments.process_payment(oid, "cash", {}, "k")
    for status in ("ready", "completed"):
        assert store.orders.set_status(oid, status, staff="Nok").status == status
    with pytest.raises(InvalidStatusChange):
        store.orders.set_status(oid, "preparing", staff="Nok")
    with pytest.raises(InvalidStatusChange):
        store.orders.cancel(oid)


def test_events_are_published_after_commit(store: Store) -> None:
    seen = []
    store.events.subscribe(lambda e: seen.append(e.name))
    oid = store.orders.create([{"item_id": 2}]).id
    store.payments.process_payment(oid, "cash", {}, "k")
    store.orders.set_status(oid, "ready", staff="Nok")
    assert seen == ["order_created", "order_paid", "order_status_changed", "order_status_changed"]


def test_another_process_on_the_same_sqlite_file_is_noticed(db_url: str) -> None:
    import time

    from kiosk.services.events import DataChanged
    from tests.helpers import make_store

    panel = make_store(db_url)
    panel.start_event_relay()
    assert panel._relay is not None
    panel._relay.interval = 0.05  # type: ignore[union-attr]
    seen: list[DataChanged] = []
    panel.events.subscribe(seen.append, DataChanged)  # type: ignore[arg-type]
    time.sleep(0.2)
    kiosk = make_store(db_url, demo=False)  # a second "process": its own engine
    kiosk.orders.create([{"item_id": 2}])
    deadline = time.monotonic() + 5
    while not seen and time.monotonic() < deadline:
        time.sleep(0.02)
    assert seen and seen[0].origin == "sqlite"
    kiosk.close()
    panel.close()
