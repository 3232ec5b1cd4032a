"""The saved receipt."""

from __future__ import annotations

from decimal import Decimal

from kiosk.ui.receipt import render_document_image
from tests.ui.conftest import SOMCHAI


def test_plain_receipt_in_both_languages_renders(store) -> None:  # type: ignore[no-untyped-def]
    items = {i.name_en: i for i in store.menu.items()}
    order = store.orders.create(
        [{"item_id": items["Mango Sticky Rice"].id, "quantity": 1, "options": []}],
        customer_phone=SOMCHAI,
    )
    store.payments.process_payment(order.id, "cash", {}, "receipt-test")
    doc = store.receipts.receipt(order.id)
    texts = [(line.left, line.right) for line in doc.lines]
    assert ("ยอดสุทธิ / Total", "฿120.00") in texts
    assert ("1 × ข้าวเหนียวมะม่วง", "฿120.00") in texts
    assert ("ใบเสร็จรับเงิน / RECEIPT", "") in texts  # not VAT-registered: no tax lines
    assert not any("VAT" in left for left, _ in texts)
    assert order.vat == Decimal("7.85")
    image = render_document_image(doc)
    assert image.width() > 500 and image.height() > image.width()
