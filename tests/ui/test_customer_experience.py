"""Defects a first-time customer met (issue 16), each caught by a test that failed before
the fix: a real tap goes to whatever widget lies at the finger, as on the touch screen."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from kiosk.services.views import QuoteView
from kiosk.ui import theme
from kiosk.ui.screens.member import MemberScreen, format_amount
from tests.layout import _pil, contrast, painted_colours
from tests.ui.conftest import SOMCHAI, Kiosk

SIZES = [(1080, 1920), (1920, 1080)]


def tap_at(kiosk: Kiosk, widget: QWidget) -> QWidget:
    """Tap the window where ``widget``'s centre is: the event goes to the widget found
    there (``childAt``), which is what a finger reaches. Returns that widget."""
    window = kiosk.window
    kiosk.qtbot.wait(30)  # rows just rebuilt are laid out on the next turn of the loop
    centre = widget.mapTo(window, widget.rect().center())
    target = window.childAt(centre) or window
    kiosk.qtbot.mouseClick(
        target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, QPoint(centre))
    )
    return target


@pytest.mark.parametrize("size", SIZES)
def test_cart_minus_and_plus_take_real_taps(make_kiosk, size) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(size=size)
    kiosk.start()
    kiosk.add("Thai Iced Tea", quantity=2)
    kiosk.add("Fresh Coconut")
    lines = lambda: [(line.name_en, line.quantity) for line in kiosk.flow.quote.lines]  # noqa: E731
    before = dict(lines())
    reached = tap_at(kiosk, kiosk.w("cart_plus_0"))
    assert reached.objectName() == "cart_plus_0"
    kiosk.qtbot.waitUntil(lambda: dict(lines()) != before, timeout=2000)
    first = kiosk.flow.quote.lines[0].name_en
    assert dict(lines())[first] == before[first] + 1
    tap_at(kiosk, kiosk.w("cart_minus_0"))
    kiosk.qtbot.waitUntil(lambda: dict(lines()) == before, timeout=2000)
    # and again after turning the screen (set_portrait rebuilt the cart's layout)
    kiosk.window.resize(size[1], size[0])
    kiosk.qtbot.wait(50)
    reached = tap_at(kiosk, kiosk.w("cart_plus_1"))
    assert reached.objectName() == "cart_plus_1"


@pytest.mark.parametrize("lang", ["en", "th"])
def test_the_points_promise_matches_the_rule(make_kiosk, lang) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(language=lang)
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    text = kiosk.text("member_benefit_0")
    assert "฿10" in text, text  # baht_per_point = 10: a ฿120 order earns 12
    assert format_amount(Decimal("10")) == "10"
    assert format_amount(Decimal("12.50")) == "12.5"
    assert format_amount(Decimal("100")) == "100"


def test_the_points_promise_follows_the_settings(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = MemberScreen()
    qtbot.addWidget(screen)
    price = Decimal("120")
    screen.set_rules(10, Decimal("20"), QuoteView(price, Decimal(0), price, Decimal("7.85"), 6))
    assert "฿20" in screen.benefits[0].text()


def test_dish_cards_on_sale_are_not_styled_as_sold_out(kiosk: Kiosk) -> None:
    kiosk.start()
    card = kiosk.w("menu_item_1")
    card.ensurePolished()
    image = _pil(card.grab().toImage())
    for name in ("menu_item_1_name", "menu_item_1_price"):
        lab = kiosk.w(name)
        rect = lab.geometry()
        rect.moveTopLeft(lab.mapTo(card, QPoint(0, 0)))
        fg, _bg = painted_colours(image, rect) or (None, None)
        assert fg is not None
        assert fg.name() == QColor(theme.token("ink")).name(), (name, fg.name())


def test_a_sold_out_dish_still_looks_sold_out(kiosk: Kiosk) -> None:
    kiosk.start()
    item = kiosk.item("Massaman Beef")  # sold out in the demo menu
    kiosk.tap(f"category_{item.category_id}")
    lab = kiosk.w(f"menu_item_{item.id}_name")
    card = kiosk.w(f"menu_item_{item.id}")
    image = _pil(card.grab().toImage())
    rect = lab.geometry()
    rect.moveTopLeft(lab.mapTo(card, QPoint(0, 0)))
    pair = painted_colours(image, rect)
    assert pair is not None and pair[0].name() != QColor(theme.token("ink")).name()
    assert kiosk.visible(f"menu_item_{item.id}_soldout")


def test_the_phone_number_starts_with_the_given_zero(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    assert kiosk.text("member_phone") == "0__-___-____"
    assert not kiosk.w("member_lookup").isEnabled()
    kiosk.type_phone(SOMCHAI[1:-1])  # eight taps: 81234567
    assert kiosk.text("member_phone") == "081-234-567_"
    assert kiosk.window.member.state == "intro"  # nothing looked up yet
    kiosk.type_phone(SOMCHAI[-1])  # the ninth completes the number: looked up at once
    assert kiosk.text("member_phone") == "081-234-5678"
    assert kiosk.visible("member_name")
    # someone who types the 0 anyway gets the same number, not 00812...
    kiosk.tap("member_change")
    kiosk.type_phone("08123")
    assert kiosk.text("member_phone") == "081-23_-____"
    kiosk.tap("member_keypad_back")
    kiosk.tap("member_keypad_back")
    kiosk.tap("member_keypad_back")
    kiosk.tap("member_keypad_back")
    assert kiosk.text("member_phone") == "0__-___-____"  # the 0 cannot be deleted


def test_a_new_member_is_welcomed_not_welcomed_back(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.find_member("0898765432")
    kiosk.tap("member_signup")
    kiosk.wait_screen("signup")
    for key in ("p", "l", "o", "y"):
        kiosk.tap(f"signup_keyboard_key_{key}")
    kiosk.tap("signup_submit")
    kiosk.wait_screen("member")
    assert "back" not in kiosk.text("member_welcome_back").lower()
    kiosk.tap("member_change")
    kiosk.find_member(SOMCHAI)
    assert kiosk.text("member_welcome_back") == "Welcome back"


@pytest.mark.parametrize("size", SIZES)
def test_the_header_keeps_its_height(make_kiosk, size) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(size=size, language="th")
    kiosk.start()
    heights = {"menu": kiosk.w("header").height()}
    kiosk.add("Fresh Coconut")
    kiosk.to_review()
    heights["review"] = kiosk.w("header").height()
    kiosk.tap("review_checkout")
    kiosk.wait_screen("member")
    heights["member"] = kiosk.w("header").height()
    kiosk.tap("member_skip")
    kiosk.wait_screen("payment")
    heights["payment"] = kiosk.w("header").height()
    kiosk.tap("pay_card")
    kiosk.wait_screen("card")
    heights["card"] = kiosk.w("header").height()
    kiosk.tap("header_lang_en")
    heights["card en"] = kiosk.w("header").height()
    assert len(set(heights.values())) == 1, heights


def test_empty_card_fields_do_not_look_filled(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_card")
    kiosk.wait_screen("card")
    kiosk.tap("card_expiry")  # the number field is no longer the checked one

    def text_colour(name: str) -> QColor:
        field = kiosk.w(name)
        image = _pil(field.grab().toImage())
        pair = painted_colours(image, field.rect().adjusted(8, 8, -8, -8))
        assert pair is not None
        return pair[0]

    empty = text_colour("card_number")
    kiosk.tap("card_number")
    for d in "4242":
        kiosk.tap(f"card_keypad_key_{d}")
    kiosk.tap("card_expiry")
    filled = text_colour("card_number")
    assert contrast(empty, filled) > 1.5, (empty.name(), filled.name())
    assert contrast(empty, QColor(theme.token("card"))) >= 4.5  # still readable


def _font_px(kiosk: Kiosk, name: str) -> int:
    w = kiosk.w(name)
    w.ensurePolished()
    return w.font().pixelSize()


@pytest.mark.parametrize("size", SIZES)
def test_large_text_scales_every_size_and_resets_for_the_next_customer(make_kiosk, size) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(size=size)
    # on the welcome screen already
    assert kiosk.visible("welcome_large_text")
    before = {n: _font_px(kiosk, n) for n in ("welcome_hint", "welcome_store_small")}
    kiosk.tap("welcome_large_text")
    after = {n: _font_px(kiosk, n) for n in before}
    for n, px in before.items():
        assert after[n] == round(px * theme.LARGE_TEXT_SCALE), (n, px, after[n])
    kiosk.tap("mode_dine_in")
    kiosk.wait_screen("menu")
    assert kiosk.w("header_large_text").isChecked()  # every screen's toggle agrees
    name = kiosk.w("menu_item_1_name")
    assert name.font().pixelSize() == round(24 * theme.LARGE_TEXT_SCALE)
    # the card grew to hold the bigger text: nothing is cut (the layout checks agree)
    from tests.layout import check_layout

    assert check_layout(kiosk.window) == []
    # "Start over" → Welcome: the next customer gets the usual size
    kiosk.tap("header_start_over")
    kiosk.qtbot.waitUntil(lambda: kiosk.screen() == "welcome", timeout=3000)
    assert not kiosk.window.access.large_text
    assert _font_px(kiosk, "welcome_hint") == before["welcome_hint"]
    assert not kiosk.w("welcome_large_text").isChecked()


def _path(w: QWidget, top: QWidget) -> str:
    """A widget's place in the tree: names (or class and index) from the window down."""
    parts = []
    while w is not top and w is not None:
        parent = w.parentWidget()
        siblings = (
            parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if parent
            else []
        )
        parts.append(w.objectName() or f"{type(w).__name__}#{siblings.index(w)}")
        w = parent
    return "/".join(reversed(parts))


@pytest.mark.parametrize("size", SIZES)
def test_large_text_on_the_window_looks_as_the_whole_theme_re_rendered(
    make_kiosk, qapp, monkeypatch, size
) -> None:  # type: ignore[no-untyped-def]
    """Large text sets a sheet of font sizes on the kiosk window only (a fifth of the time
    re-setting the application's sheet takes). The same customer, once that way and once
    the way it used to be done (the application's whole theme re-rendered at the large
    scale), must see every screen paint exactly alike."""

    def walk() -> dict[str, dict[str, object]]:
        kiosk = make_kiosk(size=size)
        seen = {}

        def look(screen: str) -> None:
            kiosk.qtbot.wait(30)  # layouts settle
            seen[screen] = {
                _path(w, kiosk.window): (w.geometry().getRect(), w.font().pixelSize())
                for w in kiosk.window.findChildren(QWidget)
                if w.isVisible()
            }

        kiosk.tap("welcome_large_text")
        look("welcome")
        kiosk.tap("mode_dine_in")
        kiosk.wait_screen("menu")
        kiosk.add("Fresh Coconut")  # the cart and its "Add a drink?" strip, built large
        look("menu")
        kiosk.to_member()
        kiosk.type_phone("081")
        look("member")
        kiosk.tap("header_start_over")
        kiosk.wait_screen("welcome")
        look("welcome again")
        kiosk.window.hide()
        return seen

    on_the_window = walk()
    assert theme.text_scale() == 1.0  # the next customer starts with the usual size

    def whole_theme(window: QWidget, scale: float) -> None:
        theme.apply_theme(qapp, scale)

    monkeypatch.setattr(theme, "set_text_scale", whole_theme)
    try:
        re_rendered = walk()
    finally:
        theme.apply_theme(qapp)
    assert on_the_window.keys() == re_rendered.keys()
    for screen, image in on_the_window.items():  # a widget, its place and its font size
        other = re_rendered[screen]
        moved = {k: (v, other.get(k)) for k, v in image.items() if other.get(k) != v}
        assert len(image) > 15 and not moved, f"{screen} in large text: {moved}"


def test_reach_mode_keeps_every_control_in_the_lower_part(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    from tests.layout import check_layout
    from tests.ui.test_layout import out_of_reach

    kiosk = make_kiosk(size=(1080, 1920))
    kiosk.start()
    kiosk.add("Pad Thai with Prawns")
    kiosk.tap("header_reach")
    assert kiosk.window.access.reach
    for screen, tap in (("menu", ""), ("member", "cart_checkout"), ("review", "member_see_order")):
        if tap:
            kiosk.tap(tap)
        kiosk.wait_screen(screen)
        kiosk.qtbot.wait(30)
        assert out_of_reach(kiosk.window) == [], screen
        assert check_layout(kiosk.window) == [], screen
    kiosk.tap("review_checkout")
    kiosk.wait_screen("member")
    kiosk.type_phone(SOMCHAI[1:-1])
    tap_at(kiosk, kiosk.w(f"member_keypad_key_{SOMCHAI[-1]}"))  # the last digit looks it up
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("member_name"), timeout=2000)
    kiosk.qtbot.wait(30)
    assert out_of_reach(kiosk.window) == []
    problems = check_layout(kiosk.window)
    assert problems == [], "\n".join(map(str, problems))
    # the idle timeout's reset (the lead wires Welcome's reset; this is the method)
    kiosk.window.access.reset()
    assert not kiosk.window.access.reach
    assert kiosk.window.centralWidget().layout().contentsMargins().top() == 0


def test_every_toggle_has_an_accessible_name(kiosk: Kiosk) -> None:
    from tests.layout import accessible_name

    for name in ("welcome_large_text", "welcome_reach", "header_large_text", "header_reach"):
        assert accessible_name(kiosk.w(name)), name


def test_see_order_reads_one_item_and_many_items(kiosk: Kiosk) -> None:
    """What a screen reader says for "See order": "1 item", never "1 items"."""
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    assert "1 item," in kiosk.w("member_see_order").accessibleName()
    kiosk.tap("header_start_over")
    kiosk.wait_screen("welcome")
    kiosk.start()
    kiosk.add("Fresh Coconut", quantity=3)
    kiosk.to_member()
    assert "3 items," in kiosk.w("member_see_order").accessibleName()
    kiosk.window.set_language("th")
    assert "3 รายการ" in kiosk.w("member_see_order").accessibleName()


def test_large_text_and_reach_chosen_on_welcome_end_when_nobody_orders(kiosk: Kiosk) -> None:
    """A customer who turns on large text and reach mode on Welcome and walks away: the
    idle timeout there gives the next customer the usual screen (it used to keep both,
    since the reset came only from arriving at Welcome)."""
    kiosk.tap("welcome_large_text")
    kiosk.tap("welcome_reach")
    assert kiosk.window.access.large_text and kiosk.window.access.reach
    kiosk.window.idle.idle.emit()  # the idle timeout, on Welcome
    assert kiosk.screen() == "welcome"
    assert not kiosk.window.access.large_text and not kiosk.window.access.reach
    assert theme.text_scale() == 1.0 and kiosk.window.styleSheet() == ""
    assert not kiosk.w("welcome_large_text").isChecked()


@pytest.mark.parametrize("lang", ["en", "th"])
def test_large_text_in_landscape_keeps_the_cart_lines_whole_across(make_kiosk, lang) -> None:  # type: ignore[no-untyped-def]
    """The landscape cart is wider in large text: its − n + and Change used to run off its
    right edge (the + showed 30 of its 72 px)."""
    from tests.layout import visible_rect

    kiosk = make_kiosk(size=(1920, 1080), language=lang)
    kiosk.tap("welcome_large_text")
    kiosk.start()
    kiosk.add("Pad Thai with Prawns")
    kiosk.qtbot.wait(30)
    for name in ("cart_minus_0", "cart_plus_0", "cart_line_0_change"):
        w = kiosk.w(name)
        shown = visible_rect(w, kiosk.window)
        assert shown.width() == w.width(), (name, shown.width(), w.width())


@pytest.mark.parametrize("size", SIZES)
def test_large_text_options_sheet_keeps_every_choice_whole(make_kiosk, size) -> None:  # type: ignore[no-untyped-def]
    """Large text lays the choices out one column fewer: in English portrait three in a
    row ran off the sheet ("Extra prawns +฿40.00" lost its price)."""
    from tests.layout import visible_rect

    kiosk = make_kiosk(size=size)
    kiosk.tap("welcome_large_text")
    kiosk.start()
    kiosk.open_options("Pad Thai with Prawns")
    kiosk.qtbot.wait(30)
    sheet = kiosk.flow.cart_controller.options
    assert sheet.option_buttons
    for oid, b in sheet.option_buttons.items():  # across (down, the sheet scrolls)
        shown = visible_rect(b, kiosk.window)
        assert shown.width() == b.width(), (oid, b.text(), shown.width(), b.width())
