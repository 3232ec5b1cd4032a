"""Stable objectNames for the widgets tests and tools find, and no missing glyphs in Thai."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from kiosk.ui.fonts import ui_font
from tests.ui.conftest import SOMCHAI, Kiosk

STABLE_NAMES = [
    "lang_th",
    "lang_en",
    "mode_dine_in",
    "mode_take_away",
    "cart_total",
    "review_checkout",
    "member_see_order",
    "member_pay_cash",
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
    kiosk.open_options("Green Curry Chicken")
    check()
    kiosk.tap("options_cancel")
    kiosk.to_member()
    check()
    kiosk.find_member(SOMCHAI)
    check()
    kiosk.member_to_payment()
    check()
    kiosk.tap("pay_promptpay")
    kiosk.wait_result()
    check()
    assert seen == ["welcome", "menu", "menu", "member", "member", "payment", "result"]
