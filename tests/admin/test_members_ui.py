"""Members screen: search in any phone format or by name, history, profile and consent,
points adjustment that needs a reason (and a manager)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kiosk.app import Store
from kiosk.db.models import AuditLog, LoyaltyTransaction
from kiosk.services.staff import StaffView
from kiosk.ui.admin.members import MembersScreen
from tests.admin.conftest import OrderMaker, local


def _screen(qtbot: QtBot, make_ctx: Any, user: StaffView) -> MembersScreen:
    screen = MembersScreen(make_ctx(user))
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    return screen


def _tx_count(store: Store) -> int:
    with store.db.read() as s:
        return s.scalar(select(func.count(LoyaltyTransaction.id))) or 0


def test_search_any_phone_format_or_name(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    assert screen.model.rowCount() == 9
    for typed in ("0912345678", "091 234 5678", "+66-91-234-5678", "๐๙๑๒๓๔๕๖๗๘"):
        screen.search.setText(typed)
        screen.apply_search()
        assert screen.model.rowCount() == 1, typed
        assert screen.detail.title.text() == "สมหญิง ใจดี"
    assert "found by phone" in screen.header.subtitle.text()
    screen.search.setText("Sir")
    screen.apply_search()
    assert screen.model.rowCount() == 1
    assert "Siriporn" in screen.detail.title.text()
    screen.search.clear()
    screen.apply_search()
    assert screen.model.rowCount() == 9


def test_history_and_typing_search_is_debounced(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], make_order: OrderMaker
) -> None:
    make_order(local(1, 10), phone="081-234-5678")
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    qtbot.keyClicks(screen.search, "081-234-5678")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=3000)
    history = screen.detail.history_model
    assert history is not None and history.rowCount() == 2
    assert history.data(history.index(0, 2)) == "+12"
    assert history.data(history.index(0, 4)) == "A001"


def test_adjustment_needs_a_reason_and_nothing_is_saved_without_one(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Malee"])
    screen.search.setText("081-234-5678")
    screen.apply_search()
    detail = screen.detail
    before, count = detail.member.points, _tx_count(store)  # type: ignore[union-attr]
    detail.tabs.setCurrentIndex(2)
    detail.adjust_points.setValue(50)
    qtbot.mouseClick(detail.apply_adjust, Qt.MouseButton.LeftButton)
    assert detail.adjust_message.text() == "Please give a reason."
    assert detail.adjust_message.property("role") == "error"
    assert _tx_count(store) == count
    assert store.customers.find_by_phone("0812345678").points == before  # type: ignore[union-attr]
    qtbot.keyClicks(detail.adjust_reason, "Birthday bonus")
    qtbot.mouseClick(detail.apply_adjust, Qt.MouseButton.LeftButton)
    assert "new balance 170" in detail.adjust_message.text()
    assert detail.points.text() == "170 points"
    tx = store.loyalty.transactions("0812345678")[0]
    assert (tx.type, tx.points, tx.reason, tx.staff) == ("adjusted", 50, "Birthday bonus", "Malee")
    assert detail.adjust_reason.text() == ""
    assert detail.history_model is not None and detail.history_model.rowCount() == 2


def test_cashier_cannot_adjust(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    screen.search.setText("0812345678")
    screen.apply_search()
    detail = screen.detail
    assert not detail.apply_adjust.isEnabled()
    assert "manager" in detail.adjust_message.text()
    detail.adjust_points.setValue(10)
    detail.adjust_reason.setText("please")
    detail._on_apply_adjust_clicked()  # forced: the service refuses
    assert detail.adjust_message.text() == "Only a manager or the owner can adjust points."
    assert store.customers.find_by_phone("0812345678").points == 120  # type: ignore[union-attr]


def test_edit_profile_and_marketing_consent(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Nok"])
    screen.search.setText("0812345678")
    screen.apply_search()
    detail = screen.detail
    detail.tabs.setCurrentIndex(1)
    assert not detail.sms.isChecked()  # opt-in: off by default
    detail.sms.setChecked(True)
    detail.email.setText("somchai@example.com")
    qtbot.mouseClick(detail.save, Qt.MouseButton.LeftButton)
    assert detail.profile_message.text() == "Saved."
    member = store.customers.find_by_phone("0812345678")
    assert member is not None and member.sms_marketing and member.email == "somchai@example.com"
    with store.db.read() as s:
        audit = s.execute(
            select(AuditLog.staff, AuditLog.before, AuditLog.after).where(
                AuditLog.action == "member.update"
            )
        ).one()
    assert audit.staff == "Nok"
    assert audit.before == {"email": "", "sms_marketing": "False"}
    # The phone number is the key to the member's points: a cashier may not change it.
    detail.phone.setText("0899999999")
    qtbot.mouseClick(detail.save, Qt.MouseButton.LeftButton)
    assert "not allowed" in detail.profile_message.text()
    assert store.customers.find_by_phone("0812345678") is not None


def test_a_manager_changes_a_phone_number_and_bad_numbers_are_explained(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Malee"])
    screen.search.setText("0812345678")
    screen.apply_search()
    detail = screen.detail
    detail.tabs.setCurrentIndex(1)
    detail.phone.setText("12")
    qtbot.mouseClick(detail.save, Qt.MouseButton.LeftButton)
    assert "phone number" in detail.profile_message.text()
    detail.phone.setText("089-999-9999")
    qtbot.mouseClick(detail.save, Qt.MouseButton.LeftButton)
    assert detail.profile_message.text() == "Saved."
    assert store.customers.find_by_phone("0899999999") is not None


def _privacy_screen(
    qtbot: QtBot, make_ctx: Any, user: StaffView, phone: str = "0912345678"
) -> MembersScreen:
    screen = _screen(qtbot, make_ctx, user)
    screen.search.setText(phone)
    screen.apply_search()
    assert screen.model.rowCount() == 1
    tabs = screen.detail.tabs
    tabs.setCurrentIndex(3)
    assert tabs.tabText(3) == "Privacy (PDPA)"
    return screen


def test_manager_exports_a_member_as_json(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    dialogs: Any,
    tmp_path: Any,
    make_order: OrderMaker,
) -> None:
    import json

    make_order(local(1, 10), phone="0912345678")
    screen = _privacy_screen(qtbot, make_ctx, staff["Malee"])
    panel = screen.detail.privacy
    assert "Marketing consent" in panel.consent.text()
    dialogs.save_to = tmp_path / "somying.json"
    qtbot.mouseClick(panel.export, Qt.MouseButton.LeftButton)
    assert "Saved somying.json" in panel.message.text()
    data = json.loads((tmp_path / "somying.json").read_text(encoding="utf-8"))
    assert data["member"]["first_name"] == "สมหญิง" and data["member"]["phone"] == "+66912345678"
    assert len(data["orders"]) == 1
    with store.db.read() as s:
        assert s.scalar(select(AuditLog.staff).where(AuditLog.action == "member.export")) == (
            "Malee"
        )


def test_manager_erases_a_member_after_a_reason_and_a_yes(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    dialogs: Any,
    make_order: OrderMaker,
) -> None:
    make_order(local(1, 10), phone="0912345678")
    before = store.customers.find_by_phone("0912345678")
    assert before is not None
    screen = _privacy_screen(qtbot, make_ctx, staff["Malee"])
    panel = screen.detail.privacy
    # no reason: nothing happens
    dialogs.texts = ["  "]
    qtbot.mouseClick(panel.erase, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "A reason is required."
    # a reason, then "No"
    dialogs.texts = ["asked in person"]
    dialogs.confirm_answer = False
    qtbot.mouseClick(panel.erase, Qt.MouseButton.LeftButton)
    assert store.customers.get(before.id).first_name == "สมหญิง"
    # a reason, then "Yes"
    dialogs.texts = ["asked in person"]
    dialogs.confirm_answer = True
    qtbot.mouseClick(panel.erase, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "The member's personal data was erased."
    after = store.customers.get(before.id)
    assert after.erased and after.first_name == "" and after.phone == f"erased:{before.id}"
    assert after.points == before.points and after.visits_count == before.visits_count
    assert screen.detail.title.text() == "(no name)"
    assert not panel.erase.isEnabled()  # once is enough
    assert "was erased" in panel.consent.text()
    assert store.customers.find_by_phone("0912345678") is None


def test_cashier_sees_the_consent_but_cannot_export_or_erase(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _privacy_screen(qtbot, make_ctx, staff["Nok"])
    panel = screen.detail.privacy
    assert not panel.export.isEnabled() and not panel.erase.isEnabled()
    assert "Only a manager or the owner" in panel.message.text()
    # the service refuses even if the button were reached
    import pytest

    from kiosk.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        screen.ctx.actions.erase_member(staff["Nok"], panel.member.id, "x")  # type: ignore[union-attr]
