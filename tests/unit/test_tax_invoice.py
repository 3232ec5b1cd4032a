"""Full tax invoices on request: buyer checked, own running number, one per order, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.app import Store
from kiosk.db.models import AuditLog
from kiosk.services.errors import InvalidInput
from kiosk.services.taxinvoice import check_buyer
from tests.helpers import CARD_OK, FakeClock, make_store
from tests.unit.test_receipts import ABB

BUYER_TAX_ID = "0-1055-12345-67-1"


@pytest.fixture
def vat_store(db_url: str, clock: FakeClock) -> Store:
    s = make_store(db_url, config=ABB, clock=clock)
    yield s  # type: ignore[misc]
    s.close()


def _paid(store: Store) -> int:
    items = {i.name_en: i for i in store.menu.items()}
    order = store.orders.create([{"item_id": items["Mango Sticky Rice"].id, "quantity": 3}])
    assert store.payments.process_payment(order.id, "card", CARD_OK, f"ti-{order.id}").success
    return order.id


def test_buyer_details_are_checked() -> None:
    with pytest.raises(InvalidInput, match="name is required"):
        check_buyer("", "Bangkok", BUYER_TAX_ID)
    with pytest.raises(InvalidInput, match="address is required"):
        check_buyer("ACME Co., Ltd.", " ", BUYER_TAX_ID)
    with pytest.raises(InvalidInput, match="check digit"):
        check_buyer("ACME Co., Ltd.", "Bangkok", "0105512345672")
    with pytest.raises(InvalidInput, match="5 digits"):
        check_buyer("ACME Co., Ltd.", "Bangkok", BUYER_TAX_ID, "12a")
    buyer = check_buyer(" ACME Co., Ltd. ", "1 Silom Rd\nBangkok 10500", BUYER_TAX_ID, "7")
    assert buyer.tax_id == "0105512345671" and buyer.branch == "00007"


def test_issue_numbers_once_per_order_and_audits(vat_store: Store) -> None:
    first, second = _paid(vat_store), _paid(vat_store)
    buyer = check_buyer("ACME Co., Ltd.", "1 Silom Rd\nBangkok 10500", BUYER_TAX_ID)
    a = vat_store.tax_invoices.issue(first, buyer, staff="Malee")
    again = vat_store.tax_invoices.issue(first, buyer, staff="Malee")
    b = vat_store.tax_invoices.issue(second, buyer, staff="Malee")
    assert (a.number, a.new) == ("TI-000001", True)
    assert (again.number, again.new) == ("TI-000001", False)
    assert b.number == "TI-000002"
    text = vat_store.tax_invoices.document(first).to_text()
    for expected in (
        "ใบกำกับภาษี / TAX INVOICE",
        "TI-000001",
        "ACME Co., Ltd.",
        "1 Silom Rd",
        "Tax ID 0-1055-12345-67-1",
        "Receipt kiosk-1-000001",
        "VAT 7%",
    ):
        assert expected in text, expected
    assert "(ABB)" not in text
    with vat_store.db.read() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.staff == "Malee")).all()
    assert actions.count("order.tax_invoice") == 2


def test_only_paid_orders_of_a_vat_registered_store(vat_store: Store, store: Store) -> None:
    buyer = check_buyer("ACME", "Bangkok", BUYER_TAX_ID)
    items = {i.name_en: i for i in vat_store.menu.items()}
    unpaid = vat_store.orders.create([{"item_id": items["Mango Sticky Rice"].id}])
    with pytest.raises(InvalidInput, match="only a paid order"):
        vat_store.tax_invoices.issue(unpaid.id, buyer, staff="Malee")
    with pytest.raises(InvalidInput, match="not VAT-registered"):
        store.tax_invoices.issue(_paid(store), buyer, staff="Malee")
