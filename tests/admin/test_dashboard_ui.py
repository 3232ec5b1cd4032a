"""Dashboard: the numbers on screen, and live updates as orders are paid or change
status (events from the services, coalesced into one refresh)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.staff import StaffView
from kiosk.ui.admin.dashboard import DashboardScreen
from tests.admin.conftest import FakeClock, OrderMaker, local


def _screen(qtbot: QtBot, make_ctx: Any, user: StaffView) -> DashboardScreen:
    screen = DashboardScreen(make_ctx(user))
    qtbot.addWidget(screen)
    screen.resize(1400, 850)
    screen.show()
    return screen


def test_numbers_and_chart(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    clock: FakeClock,
) -> None:
    make_order(local(1, 10), qty=2, phone="081-234-5678")
    make_order(local(1, 12), "Tom Yum Goong", 1, "card")
    clock.t = local(1, 15)
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    assert screen.header.title.text() == "Today"
    assert screen.sales.value.text() == "฿400.00"
    assert screen.orders.value.text() == "2"
    assert screen.average.value.text() == "฿200.00"
    assert screen.points_issued.value.text() == "24"
    values = screen.chart.values()
    assert len(values) == 24 and values[10] == 240.0 and values[12] == 160.0
    assert "busiest 10:00" in screen.chart_title.text()
    assert "Card  ·  1  ·  ฿160.00" in screen.method_rows["card"][0].text()  # type: ignore[attr-defined]
    assert screen.best_rows[0][0].text() == "ผัดไทยกุ้งสด · Pad Thai with Prawns"
    assert not screen.next_day.isEnabled()
    qtbot.mouseClick(screen.prev_day, Qt.MouseButton.LeftButton)
    assert screen.day == date(2024, 4, 30) and screen.sales.value.text() == "฿0.00"
    assert screen.best_empty.isVisibleTo(screen)
    qtbot.mouseClick(screen.today_button, Qt.MouseButton.LeftButton)
    assert screen.day == date(2024, 5, 1)


def test_status_change_shows_up_live(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], make_order: OrderMaker
) -> None:
    order_id = make_order(local(1, 10))
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    assert screen.queue_pills["preparing"].text() == "Preparing  1"
    assert screen.queue_pills["ready"].text() == "Ready  0"
    refreshes = screen.refreshes
    store.orders.set_status(order_id, "ready", "Lek")  # e.g. from the kitchen's panel
    qtbot.waitUntil(lambda: screen.queue_pills["ready"].text() == "Ready  1", timeout=3000)
    assert screen.queue_pills["preparing"].text() == "Preparing  0"
    assert screen.refreshes == refreshes + 1


def test_payment_updates_sales_live_once_per_burst(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], make_order: OrderMaker
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    assert screen.sales.value.text() == "฿0.00"
    refreshes = screen.refreshes
    make_order(local(1, 10, 30), phone="081-234-5678")  # created + paid + points: 4 events
    qtbot.waitUntil(lambda: screen.sales.value.text() == "฿120.00", timeout=3000)
    qtbot.wait(400)
    assert screen.refreshes == refreshes + 1
    assert screen.orders.value.text() == "1"
    assert screen.chart.values()[10] == 120.0
