"""Fixtures for the admin panel: a demo store on a fake clock, staff of every role."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher

from kiosk.app import Store, open_store
from kiosk.services.demo import seed_demo
from kiosk.services.staff import StaffActions, StaffService, StaffView

BKK = ZoneInfo("Asia/Bangkok")
# Still argon2id, with cheap parameters so the suite stays fast.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PINS = {"Ploy": "9999", "Malee": "5555", "Nok": "1111"}


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.t = start

    def now(self) -> datetime:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


def local(day: int, hour: int, minute: int = 0, month: int = 5) -> datetime:
    """A Bangkok wall-clock time in 2024, as UTC."""
    return datetime(2024, month, day, hour, minute, tzinfo=BKK).astimezone(UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(local(1, 9))


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Store]:
    s = open_store(
        db_url,
        config={"payments": {"promptpay_failure_rate": 0, "promptpay_delay_seconds": 0}},
        migrate=True,
        rng=random.Random(5),
        clock=clock,
    )
    s.staff = StaffService(s.db, s.current_settings, s.events, clock, hasher=FAST_HASHER)
    seed_demo(s.db, s.settings_file, now=clock.now())
    yield s
    s.close()


@pytest.fixture
def staff(store: Store) -> dict[str, StaffView]:
    """Signed-in owner (Ploy), manager (Malee) and cashier (Nok)."""
    store.staff.create("Ploy", "owner", PINS["Ploy"])
    store.staff.create("Malee", "manager", PINS["Malee"])
    store.staff.create("Nok", "cashier", PINS["Nok"])
    return {name: store.staff.authenticate(name, pin) for name, pin in PINS.items()}


@pytest.fixture
def actions(store: Store) -> StaffActions:
    return StaffActions.from_store(store)


OrderMaker = Callable[..., int]


@pytest.fixture
def make_order(store: Store, clock: FakeClock) -> OrderMaker:
    """Create an order at ``when`` and pay it with ``method`` (None: leave it pending)."""

    def make(
        when: datetime | None = None,
        item: str = "Pad Thai with Prawns",
        qty: int = 1,
        method: str | None = "cash",
        phone: str | None = None,
    ) -> int:
        if when is not None:
            clock.t = when
        item_id = next(i.id for i in store.menu.items() if i.name_en == item)
        order = store.orders.create(
            [{"item_id": item_id, "quantity": qty}], customer_phone=phone, now=clock.now()
        )
        if method == "counter":
            pass
        elif method == "promptpay":
            store.payments.mark_paid(order.id, "promptpay", "Nok")
        elif method:
            details = {}
            if method == "card":
                details = {"card_number": "4242424242424242", "expiry": "12/30", "cvv": "123"}
            result = store.payments.process_payment(order.id, method, details, f"k{order.id}")
            assert result.success or result.status == "awaiting_counter", result.message
        return order.id

    return make
