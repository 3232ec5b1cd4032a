"""Orders screen: status changes, cash received, refunds (managers only, reason
required, points reversed), reprint, and live updates from other kiosks' events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.staff import StaffView
from kiosk.ui.admin.orders import OrdersScreen
from tests.admin.conftest import FakeDialogs, OrderMaker, local

PHONE = "081-234-5678"  # Somchai, 120 points in the demo data


def _screen(qtbot: QtBot, make_ctx: Any, user: StaffView) -> OrdersScreen:
    screen = OrdersScreen(make_ctx(user))
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    return screen


def _balance(store: Store) -> int:
    member = store.customers.find_by_phone(PHONE)
    assert member is not None
    return member.points


def test_kitchen_queue_and_status_buttons(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], make_order: OrderMaker
) -> None:
    paid = make_order(local(1, 10))
    make_order(local(1, 10, 5))
    done = make_order(local(1, 10, 10))
    store.orders.set_status(done, "ready", "Nok")
    store.orders.set_status(done, "completed", "Nok")
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    assert screen.model.rowCount() == 2  # the completed order left the queue
    screen.select_order(paid)
    detail = screen.detail
    assert detail.to_ready.isVisibleTo(detail) and not detail.cash.isVisibleTo(detail)
    qtbot.mouseClick(detail.to_ready, Qt.MouseButton.LeftButton)
    assert store.orders.get(paid).status == "ready"
    assert detail.pill.text() == "Ready"
    assert detail.to_completed.isVisibleTo(detail) and detail.to_preparing.isVisibleTo(detail)
    qtbot.mouseClick(detail.to_completed, Qt.MouseButton.LeftButton)
    assert store.orders.get(paid).status == "completed"
    assert screen.model.rowCount() == 1
    screen.set_filter("all")
    assert screen.model.rowCount() == 3


def test_cash_received_for_pay_at_counter(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    dialogs: FakeDialogs,
) -> None:
    order_id = make_order(local(1, 11), method=None, phone=PHONE)
    before = _balance(store)
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    screen.set_filter("unpaid")
    assert screen.model.rowCount() == 1
    screen.select_order(order_id)
    detail = screen.detail
    assert detail.cash.isVisibleTo(detail) and detail.promptpay.isVisibleTo(detail)
    assert not detail.refund.isVisibleTo(detail)
    dialogs.confirm_answer = False
    qtbot.mouseClick(detail.cash, Qt.MouseButton.LeftButton)
    assert store.orders.get(order_id).status == "pending"
    dialogs.confirm_answer = True
    qtbot.mouseClick(detail.cash, Qt.MouseButton.LeftButton)
    order = store.orders.get(order_id)
    assert order.status == "preparing"
    assert [(p.method, p.status) for p in order.payments] == [("cash", "succeeded")]
    assert _balance(store) == before + order.points_earned > before
    assert screen.model.rowCount() == 0  # no longer awaiting payment


def test_cashier_cannot_refund(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    dialogs: FakeDialogs,
) -> None:
    order_id = make_order(local(1, 12), phone=PHONE)
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    screen.select_order(order_id)
    refund = screen.detail.refund
    assert refund.isVisibleTo(screen.detail)
    assert not refund.isEnabled()
    assert "manager" in refund.toolTip()
    dialogs.texts = ["Customer asked"]
    screen._on_detail_refund_requested()  # as if the button were forced on
    assert dialogs.errors == [("Refund", "Only a manager or the owner can refund.")]
    assert store.orders.get(order_id).status == "preparing"


def test_refund_through_the_ui_reverses_points(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    dialogs: FakeDialogs,
) -> None:
    start = _balance(store)
    order_id = make_order(local(1, 12), qty=2, phone=PHONE)  # 240 THB → 24 points
    assert _balance(store) == start + 24
    screen = _screen(qtbot, make_ctx, staff["Malee"])
    screen.select_order(order_id)
    refund = screen.detail.refund
    assert refund.isEnabled()
    dialogs.texts = [None]  # cancelled: nothing happens
    qtbot.mouseClick(refund, Qt.MouseButton.LeftButton)
    assert store.orders.get(order_id).status == "preparing"
    dialogs.texts = ["   "]  # blank reason: refused with the service's message
    qtbot.mouseClick(refund, Qt.MouseButton.LeftButton)
    assert dialogs.errors[-1] == ("Refund", "Please give a reason.")
    assert store.orders.get(order_id).status == "preparing"
    dialogs.texts = ["Wrong dish"]
    qtbot.mouseClick(refund, Qt.MouseButton.LeftButton)
    order = store.orders.get(order_id)
    assert order.status == "refunded"
    assert [p.status for p in order.payments] == ["refunded"]
    assert _balance(store) == start
    txs = store.loyalty.transactions(PHONE)
    assert [(t.type, t.points, t.order_number) for t in txs[:2]] == [
        ("earned", -24, order.number),
        ("earned", 24, order.number),
    ]
    assert txs[0].staff == "Malee"
    assert "Refunded ฿240.00" in dialogs.infos[-1][1]
    assert screen.detail.pill.text() == "Refunded"
    assert not screen.detail.refund.isVisibleTo(screen.detail)


def test_cancel_unpaid_and_reprint(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    dialogs: FakeDialogs,
) -> None:
    unpaid = make_order(local(1, 13), method=None)
    paid = make_order(local(1, 13, 5), "Tom Yum Goong", 1, "card", PHONE)
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    screen.select_order(unpaid)
    qtbot.mouseClick(screen.detail.to_cancelled, Qt.MouseButton.LeftButton)
    assert store.orders.get(unpaid).status == "cancelled"
    screen.select_order(paid)
    qtbot.mouseClick(screen.detail.reprint, Qt.MouseButton.LeftButton)
    path = screen.last_receipt
    assert path is not None and path.exists()
    assert path.read_bytes().startswith(b"%PDF")
    assert "Receipt saved" in dialogs.infos[-1][1]
    text = store.receipts.receipt(paid, copy=True).to_text()
    assert "ต้มยำกุ้ง" in text and "Visa ****4242" in text and "081-***-5678" in text
    assert "สำเนา / COPY" in text
    assert "0812345678" not in text


def test_search_by_number_and_phone(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], make_order: OrderMaker
) -> None:
    make_order(local(1, 10))
    member_order = make_order(local(1, 11), phone=PHONE)
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    screen.set_filter("all")
    screen.search.setText("a2")
    screen.apply_filters()
    assert screen.model.rowCount() == 1
    assert screen.detail.order is not None and screen.detail.order.id == member_order
    screen.search.setText("+66 81 234 5678")
    screen.apply_filters()
    assert screen.model.rowCount() == 1


def test_live_updates_from_events(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], make_order: OrderMaker
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    assert screen.model.rowCount() == 0
    order_id = make_order(local(1, 10))  # as if paid at a kiosk
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=3000)
    screen.select_order(order_id)
    store.orders.set_status(order_id, "ready", "Lek")  # another panel
    qtbot.waitUntil(
        lambda: screen.detail.order is not None and screen.detail.order.status == "ready",
        timeout=3000,
    )
    assert "1 orders" in screen.count.text()


def test_disabled_account_cannot_reprint(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    dialogs: FakeDialogs,
) -> None:
    """Regression: reprint wrote the receipt and the audit entry without asking the
    service whether the signed-in account may still reprint."""
    from sqlalchemy import select

    from kiosk.db.models import AuditLog

    paid = make_order(local(1, 13, 5))
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    screen.select_order(paid)
    store.staff.update(staff["Nok"].id, staff["Ploy"], active=False)  # disabled meanwhile
    qtbot.mouseClick(screen.detail.reprint, Qt.MouseButton.LeftButton)
    assert screen.last_receipt is None
    assert dialogs.errors[-1] == (
        "Reprint receipt",
        "This staff account is disabled. Sign in again.",
    )
    assert not dialogs.infos
    with store.db.read() as s:
        actions = [a for (a,) in s.execute(select(AuditLog.action)).all()]
    assert "order.reprint" not in actions and "staff.denied" in actions
