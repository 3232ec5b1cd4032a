"""Orders screen: where the kitchen ticket is, and reprinting it (marked REPRINT)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.staff import StaffView
from kiosk.ui.admin.orders import OrdersScreen
from tests.admin.conftest import FakeDialogs, OrderMaker, local


def _with_kitchen_printer(store: Store) -> None:
    store.settings.base = store.settings.base.merged(
        {"printers": {"kitchen": {"url": "tcp://127.0.0.1:9"}}}
    )


def test_reprint_kitchen_ticket_queues_a_marked_copy(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    dialogs: FakeDialogs,
) -> None:
    _with_kitchen_printer(store)
    paid = make_order(local(1, 12), "Tom Yum Goong", 1, "card", None)
    unpaid = make_order(local(1, 12, 5), method=None)
    screen = OrdersScreen(make_ctx(staff["Nok"]))
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    screen.select_order(unpaid)
    assert screen.detail.reprint_kitchen.isHidden()  # nothing to reprint before paying
    screen.select_order(paid)
    assert not screen.detail.reprint_kitchen.isHidden()
    assert "Kitchen ticket queued" in screen.detail.meta.text()
    qtbot.mouseClick(screen.detail.reprint_kitchen, Qt.MouseButton.LeftButton)
    jobs = store.print_jobs.for_order(paid)
    assert [(j.kind, j.reprint) for j in jobs] == [("kitchen", False), ("kitchen", True)]
    assert "REPRINT" in dialogs.infos[-1][1]


def test_full_tax_invoice_from_the_order_view(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    dialogs: FakeDialogs,
) -> None:
    store.settings.base = store.settings.base.merged(
        {"store": {"vat_registered": True, "tax_id": "0105512345671"}}
    )
    paid = make_order(local(1, 12), "Tom Yum Goong", 1, "card", None)
    screen = OrdersScreen(make_ctx(staff["Nok"]))
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    screen.select_order(paid)
    assert not screen.detail.tax_invoice.isHidden()
    dialogs.texts = ["ACME", "Bangkok", "0105512345672", "00000"]  # a mistyped tax ID
    qtbot.mouseClick(screen.detail.tax_invoice, Qt.MouseButton.LeftButton)
    assert "check digit" in dialogs.errors[-1][1]
    dialogs.texts = ["ACME Co., Ltd.", "1 Silom Rd, Bangkok", "0105512345671", "00000"]
    qtbot.mouseClick(screen.detail.tax_invoice, Qt.MouseButton.LeftButton)
    assert "TI-000001" in dialogs.infos[-1][1]
    path = screen.last_receipt
    assert path is not None and path.read_bytes().startswith(b"%PDF")


def test_printer_status_shows_waiting_jobs_and_the_error(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
) -> None:
    _with_kitchen_printer(store)
    make_order(local(1, 12), "Tom Yum Goong", 1, "card", None)
    job = store.print_jobs.claim("w")
    assert job is not None
    store.print_jobs.release(job, "Cannot reach the printer at 127.0.0.1:9", False, 5)
    screen = OrdersScreen(make_ctx(staff["Nok"]))
    qtbot.addWidget(screen)
    screen.show()
    screen.reload()
    text = screen.printers.text()
    assert "1 waiting" in text and "Cannot reach the printer" in text
