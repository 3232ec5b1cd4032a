"""Personal data stays out of logs, error messages and exported spreadsheets; only a
manager changes a member's phone number."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.app import Store

MEMBER = "0812345678"


def test_logs_mask_phone_numbers_in_tracebacks_and_foreign_numbers(tmp_path: Path) -> None:
    from kiosk.logsetup import setup_logging

    path = setup_logging("INFO", tmp_path, to_stderr=False)
    log = logging.getLogger("kiosk.test")
    try:
        raise ValueError("duplicate key ('+66812345678', 'Somchai') card 4242424242424242")
    except ValueError:
        log.exception("insert failed for +1 202 555 0123")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "duplicate key" in text
    for secret in ("+66812345678", "4242424242424242", "+1 202 555 0123"):
        assert secret not in text


def test_database_errors_do_not_carry_bound_values(store: Store) -> None:
    from sqlalchemy.exc import IntegrityError

    from kiosk.db.models import Customer

    with pytest.raises(IntegrityError) as info, store.db.uow() as uow:
        uow.session.add(Customer(phone="+66812345678", first_name="Dup"))
        uow.flush()
    assert "+66812345678" not in str(info.value)


def test_csv_export_neutralises_formulas_but_keeps_numbers(store: Store, tmp_path: Path) -> None:
    from datetime import date

    from kiosk.services.export import ExportService, safe_cell

    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("@SUM(1+1)") == "'@SUM(1+1)"
    assert safe_cell("-23") == "-23" and safe_cell("+66") == "+66"
    assert safe_cell(-23) == -23 and safe_cell("Somchai") == "Somchai"
    store.customers.register("0898765432", "=cmd|' /C calc'!A0")
    exporter = ExportService(store.db, store.current_settings)
    path = tmp_path / "members.csv"
    exporter.export("members", date(2000, 1, 1), date(2100, 1, 1), path, staff="Boss")
    text = path.read_text(encoding="utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text
    assert "\n=cmd" not in text and ",=cmd" not in text


def test_changing_a_members_phone_needs_a_manager(store: Store) -> None:
    from kiosk.services.errors import PermissionDenied
    from kiosk.services.staff import StaffService

    staff = StaffService(store.db, store.current_settings, store.events)
    staff.create("Nok", "cashier", "1111", by="cli")
    staff.create("Ploy", "manager", "2222", by="cli")
    cashier = staff.authenticate("Nok", "1111")
    manager = staff.authenticate("Ploy", "2222")
    actions = store.actions
    member = store.customers.find_by_phone(MEMBER)
    assert member is not None
    actions.update_member(cashier, member.id, sms_marketing=True)  # consent: fine
    with pytest.raises(PermissionDenied):
        actions.update_member(cashier, member.id, phone="0899999999")
    actions.update_member(manager, member.id, phone="0899999999")
    assert store.customers.find_by_phone("0899999999") is not None
    from kiosk.services.errors import InvalidInput

    with pytest.raises(InvalidInput):
        actions.update_item(manager, 1)
    assert store.menu.item(1).available
