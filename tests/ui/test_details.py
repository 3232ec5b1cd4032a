"""Smaller promises: stable objectNames, no tofu in Thai, live menu changes, receipts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QFontMetrics

from kiosk.ui.fonts import ui_font
from kiosk.ui.receipt import render_document_image
from tests.ui.conftest import SOMCHAI, Kiosk

STABLE_NAMES = [
    "welcome_start",
    "lang_th",
    "lang_en",
    "mode_dine_in",
    "mode_take_away",
    "cart_total",
    "review_checkout",
    "member_keypad",
    "member_phone",
    "member_lookup",
    "member_skip",
    "member_signup",
    "redeem_points",
    "pay_cash",
    "pay_card",
    "pay_promptpay",
    "promptpay_qr",
    "promptpay_countdown",
    "result_order_number",
    "result_points_earned",
]


def test_key_widgets_have_stable_object_names(kiosk: Kiosk) -> None:
    for name in STABLE_NAMES:
        kiosk.w(name)
    for item in kiosk.store.menu.items():
        kiosk.w(f"menu_item_{item.id}")


def missing_glyphs(kiosk: Kiosk) -> set[str]:
    metrics = QFontMetrics(ui_font(20))
    missing = set()
    for text in kiosk.visible_texts().values():
        for ch in text:
            if not ch.isspace() and not metrics.inFontUcs4(ord(ch)):
                missing.add(ch)
    return missing


def test_no_missing_glyphs_anywhere_in_thai(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(language="th")
    seen = []

    def check() -> None:
        kiosk.qtbot.wait(1)
        assert missing_glyphs(kiosk) == set(), kiosk.screen()
        seen.append(kiosk.screen())

    check()
    kiosk.start()
    kiosk.add("Pad Thai with Prawns", "Thai hot", "Extra prawns")
    check()
    curry = kiosk.item("Green Curry Chicken")
    kiosk.tap(f"category_{curry.category_id}")
    kiosk.tap(f"menu_item_{curry.id}")
    check()
    kiosk.tap("options_cancel")
    kiosk.to_member()
    check()
    kiosk.find_member(SOMCHAI)
    check()
    kiosk.tap("member_continue")
    kiosk.wait_screen("payment")
    check()
    kiosk.tap("pay_promptpay")
    kiosk.wait_result()
    check()
    assert seen == ["welcome", "menu", "menu", "member", "member", "payment", "result"]


def test_staff_sells_out_a_dish_while_the_customer_orders(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.add("Thai Iced Tea")
    coconut = kiosk.item("Fresh Coconut")
    kiosk.store.menu.set_available(coconut.id, False, staff="kitchen")
    kiosk.qtbot.waitUntil(lambda: not kiosk.w(f"menu_item_{coconut.id}").isEnabled(), timeout=3000)
    assert kiosk.flow.cart.count == 1  # the coconut left the cart
    assert kiosk.text("cart_total") == "฿55.00"


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
