"""Fixtures for the admin panel: a demo store on a fake clock, staff of every role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.app import Store
from kiosk.services.staff import StaffActions, StaffView
from tests.helpers import FAST_HASHER, FakeClock, make_store

BKK = ZoneInfo("Asia/Bangkok")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt's offscreen platform warns that it cannot propagate size hints whenever a
    top-level window's minimum size changes; that says nothing about our code."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


PINS = {"Ploy": "9999", "Malee": "5555", "Nok": "1111"}


def local(day: int, hour: int, minute: int = 0, month: int = 5) -> datetime:
    """A Bangkok wall-clock time in 2024, as UTC."""
    return datetime(2024, month, day, hour, minute, tzinfo=BKK).astimezone(UTC)


@pytest.fixture(autouse=True)
def _admin_in_english() -> Iterator[None]:
    """The admin translator is the application's: a test that switches to Thai must not
    leave the next test reading Thai."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from kiosk.ui.admin.format import set_language

        set_language("en")


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
            },
            "kiosk": {"language": "en"},  # the panel starts in the kiosk's language
            # the shipped example target, which the settings screen must refuse
            "store": {"promptpay_id": "0812345678"},
        },
        seed=5,
        clock=clock,
        seed_now=clock.now(),
        hasher=FAST_HASHER,
    )
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
    return store.actions


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


# -- Qt helpers ------------------------------------------------------------------------------


class FakeDialogs:
    """Answers modal questions without showing anything; records what was asked."""

    def __init__(self) -> None:
        self.texts: list[str | None] = []  # answers for ask_text, in order
        self.confirm_answer = True
        self.save_to: Path | None = None
        self.image: Path | None = None
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.asked: list[tuple[str, str]] = []

    def ask_text(
        self, parent: Any, title: str, label: str, text: str = "", secret: bool = False
    ) -> str | None:
        self.asked.append((title, label))
        return self.texts.pop(0) if self.texts else None

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.confirm_answer

    def info(self, parent: Any, title: str, text: str) -> None:
        self.infos.append((title, text))

    def error(self, parent: Any, title: str, text: str) -> None:
        self.errors.append((title, text))

    def save_path(self, parent: Any, title: str, suggested: Path) -> Path | None:
        return self.save_to

    def open_image(self, parent: Any, title: str, start: Path) -> Path | None:
        return self.image


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def qt_events(store: Store, qapp: Any) -> Iterator[Any]:
    from kiosk.ui.qt_events import QtEvents

    events = QtEvents(store.events)
    yield events
    events.close()


@pytest.fixture
def make_ctx(store: Store, actions: StaffActions, qt_events: Any, dialogs: FakeDialogs) -> Any:
    from kiosk.ui.admin.context import AdminContext

    def make(user: StaffView, kiosk_mode: bool = False) -> AdminContext:
        return AdminContext(store, actions, user, qt_events, dialogs, kiosk_mode)  # type: ignore[arg-type]

    return make


@pytest.fixture
def open_window(make_ctx: Any, qtbot: Any) -> Any:
    from kiosk.ui.admin.window import AdminWindow

    windows: list[AdminWindow] = []

    def open_(user: StaffView, kiosk_mode: bool = False, idle_now: Any = None) -> AdminWindow:
        kwargs = {"idle_now": idle_now} if idle_now else {}
        window = AdminWindow(make_ctx(user, kiosk_mode), **kwargs)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.idle.stop()
