"""Dashboard numbers on a known data set (no Qt), in the store's time zone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from kiosk.app import Store, open_store
from kiosk.services.demo import seed_demo
from kiosk.services.reports import ReportService, day_bounds, hour_starts
from tests.helpers import FakeClock, make_store

BKK = ZoneInfo("Asia/Bangkok")
D = Decimal


def local(day: int, hour: int, minute: int = 0, month: int = 5) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=BKK).astimezone(UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(local(1, 9))


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Store]:
    s = make_store(
        db_url,
        config={
            "payments": {
                "promptpay_failure_rate": 0,
                "promptpay_delay_seconds": 0,
                "cash_acceptor": True,
            }
        },
        seed=3,
        clock=clock,
        seed_now=local(1, 8),
    )
    yield s
    s.close()


def _item(store: Store, name: str) -> int:
    return next(i.id for i in store.menu.items() if i.name_en == name)


def _order(
    store: Store,
    clock: FakeClock,
    when: datetime,
    item: str,
    qty: int,
    method: str | None,
    phone: str | None = None,
) -> int:
    clock.t = when
    order = store.orders.create(
        [{"item_id": _item(store, item), "quantity": qty}], customer_phone=phone, now=when
    )
    details = {}
    if method == "card":
        details = {"card_number": "4242 4242 4242 4242", "expiry": "12/30", "cvv": "123"}
    if method == "promptpay":  # received at the counter (the staff panel's button)
        assert store.payments.mark_paid(order.id, "promptpay", "Nok").success
    elif method:
        result = store.payments.process_payment(order.id, method, details, f"k{order.id}")
        assert result.success, result.message
    return order.id


@pytest.fixture
def day(store: Store, clock: FakeClock) -> dict[str, int]:
    ids = {
        "A": _order(store, clock, local(1, 0, 10), "Basil Chicken on Rice", 1, "cash"),
        "B": _order(
            store, clock, local(1, 10, 15), "Pad Thai with Prawns", 2, "cash", "081-234-5678"
        ),
        "C": _order(store, clock, local(1, 10, 40), "Tom Yum Goong", 1, "card"),
        "D": _order(store, clock, local(1, 12, 5), "Thai Iced Tea", 2, "promptpay"),
        "E": _order(store, clock, local(1, 13), "Pad Thai with Prawns", 1, "cash", "082-345-6789"),
        "F": _order(store, clock, local(30, 23, 30, month=4), "Basil Chicken on Rice", 1, "cash"),
        "G": _order(store, clock, local(1, 15), "Pad Thai with Prawns", 1, None),
    }
    clock.t = local(1, 14)
    txn = store.orders.get(ids["E"]).payments[0].transaction_id
    assert txn
    store.payments.refund(txn, "Malee", "Wrong dish")
    store.orders.set_status(ids["B"], "ready", "Nok")
    clock.t = local(1, 16)
    return ids


def test_today_in_the_store_time_zone(store: Store, day: dict[str, int]) -> None:
    reports = ReportService(store.db, store.current_settings, store.clock)
    assert reports.today() == date(2024, 5, 1)
    s = reports.summary()
    assert s.day == date(2024, 5, 1)
    assert s.sales == D("590.00")  # 80 + 240 + 160 + 110; the refunded 120 is out
    assert s.orders == 4
    assert s.average_ticket == D("147.50")
    assert s.refunds == D("120.00") and s.refund_count == 1
    assert [(m.method, m.count, m.amount) for m in s.by_method] == [
        ("cash", 2, D("320.00")),
        ("card", 1, D("160.00")),
        ("promptpay", 1, D("110.00")),
    ]
    hours = {h.hour: (h.orders, h.sales) for h in s.by_hour if h.orders}
    # Order A at 00:10 Bangkok is 17:10 UTC the day before: still today's hour 0.
    assert hours == {0: (1, D("80.00")), 10: (2, D("400.00")), 12: (1, D("110.00"))}
    assert len(s.by_hour) == 24 and [h.hour for h in s.by_hour] == list(range(24))
    assert s.best_hour is not None and s.best_hour.hour == 10
    # B earned 24, E earned 12 and gave them back on refund.
    assert s.points_issued == 24
    assert s.points_redeemed == 0
    assert s.queue == {"pending": 1, "preparing": 4, "ready": 1}
    assert s.day_statuses == {"preparing": 3, "ready": 1, "refunded": 1, "pending": 1}
    # Paid and not refunded: B (2 pad thai), A, C, D; not E (refunded) nor G (unpaid).
    assert [(t.name_en, t.quantity, t.amount) for t in s.top_items] == [
        ("Pad Thai with Prawns", 2, D("240.00")),
        ("Thai Iced Tea", 2, D("110.00")),
        ("Basil Chicken on Rice", 1, D("80.00")),
        ("Tom Yum Goong", 1, D("160.00")),
    ]
    assert s.top_items[0].name_th == "ผัดไทยกุ้งสด"


def test_another_day(store: Store, day: dict[str, int]) -> None:
    s = store.reports.summary(date(2024, 4, 30))
    assert (s.sales, s.orders, s.refunds) == (D("80.00"), 1, D("0.00"))
    assert {h.hour: h.sales for h in s.by_hour if h.orders} == {23: D("80.00")}
    empty = store.reports.summary(date(2024, 4, 1))
    assert (empty.sales, empty.orders, empty.average_ticket) == (D("0.00"), 0, D("0.00"))
    assert empty.by_method == () and empty.best_hour is None
    assert store.reports.last_sales_day() == date(2024, 5, 1)


def test_day_bounds_and_daylight_saving() -> None:
    start, end = day_bounds(date(2024, 5, 1), "Asia/Bangkok")
    assert start == datetime(2024, 4, 30, 17, tzinfo=UTC)
    assert end - start == timedelta(hours=24)
    spring = hour_starts(date(2024, 3, 31), "Europe/Berlin")
    autumn = hour_starts(date(2024, 10, 27), "Europe/Berlin")
    assert len(spring) == 23 and len(autumn) == 25
    india = hour_starts(date(2024, 5, 1), "Asia/Kolkata")
    assert india[0] == datetime(2024, 4, 30, 18, 30, tzinfo=UTC)


def test_hour_buckets_follow_the_configured_zone(db_url: str, clock: FakeClock) -> None:
    store = open_store(
        db_url,
        config={"store": {"timezone": "Europe/Berlin"}, "payments": {"cash_acceptor": True}},
        migrate=True,
    )
    seed_demo(store.db, store.settings_file)
    store.payments.clock = clock
    store.gateway.clock = clock  # type: ignore[attr-defined]
    when = datetime(2024, 3, 31, 3, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # after the jump
    clock.t = when.astimezone(UTC)
    item = store.menu.items()[0].id
    order = store.orders.create([{"item_id": item, "quantity": 1}], now=clock.t)
    store.payments.process_payment(order.id, "cash", {}, "k")
    s = ReportService(store.db, store.current_settings, clock).summary(date(2024, 3, 31))
    assert len(s.by_hour) == 23
    assert [h.hour for h in s.by_hour if h.orders] == [3]
    store.close()
