"""The saved receipt."""

from __future__ import annotations

from decimal import Decimal

from kiosk.ui.receipt import ReceiptInfo, receipt_lines, render_receipt_image
from tests.ui.conftest import SOMCHAI


def test_receipt_has_vat_line_and_both_languages(store) -> None:  # type: ignore[no-untyped-def]
    items = {i.name_en: i for i in store.menu.items()}
    order = store.orders.create(
        [{"item_id": items["Mango Sticky Rice"].id, "quantity": 1, "options": []}],
        customer_phone=SOMCHAI,
    )
    result = store.payments.process_payment(order.id, "cash", {}, "receipt-test")
    order = store.orders.get(order.id)
    info = ReceiptInfo("cash", result.transaction_id, result.points_earned, result.points_balance)
    lines = receipt_lines(order, info, store.current_settings())
    texts = [(left, right) for _style, left, right in lines]
    assert ("VAT 7% included / รวมภาษีมูลค่าเพิ่ม", "฿7.85") in texts
    assert ("Total / ยอดสุทธิ", "฿120.00") in texts
    assert ("1 × ข้าวเหนียวมะม่วง", "฿120.00") in texts
    assert order.vat == Decimal("7.85")
    image = render_receipt_image(order, info, store.current_settings())
    assert image.width() > 500 and image.height() > image.width()
