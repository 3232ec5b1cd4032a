"""Spice and allergen marks set in the admin panel and shown on the kiosk's dish cards and
options sheet; the cart's one-time upsell strip ("Add a drink?")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.app import Store
from tests.ui.conftest import Kiosk

DRINKS = ("Thai Iced Tea", "Fresh Coconut", "Lemongrass Juice")  # flagged in the demo


def _admin_menu(qtbot: Any, store: Store) -> Any:
    from kiosk.ui.admin import screenshots as shots
    from kiosk.ui.admin.context import AdminContext
    from kiosk.ui.admin.menu import MenuScreen
    from kiosk.ui.qt_events import QtEvents

    events = QtEvents(store.events)
    owner = shots._owner(store, True)
    ctx = AdminContext(store, store.actions, owner, events, shots._SilentDialogs(), True)
    screen = MenuScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1400, 1000)
    screen.show()
    return screen


def _chips(kiosk: Kiosk, item_id: int) -> list[str]:
    card = kiosk.window.menu.cards[item_id]
    return card.shown_allergens()


def _upsell_ids(kiosk: Kiosk) -> list[int]:
    panel = kiosk.window.menu.cart
    return [int(b.objectName().rsplit("_", 1)[1]) for b in panel.upsell_buttons if b.isVisible()]


def test_staff_set_marks_in_the_admin_menu_and_the_card_shows_them(
    qtbot: Any, make_kiosk: Any, store: Store
) -> None:
    kiosk = make_kiosk(size=(1920, 1080))
    kiosk.start()
    coconut = kiosk.item("Fresh Coconut")
    assert coconut.spice_level == 0 and coconut.allergens == () and coconut.upsell
    kiosk.tap(f"category_{coconut.category_id}")
    assert not kiosk.visible(f"menu_item_{coconut.id}_spice")
    assert _chips(kiosk, coconut.id) == []

    admin = _admin_menu(qtbot, store)
    admin.select_item("Fresh Coconut")
    admin.spice.setCurrentIndex(admin.spice.findData(2))
    qtbot.mouseClick(admin.allergen_boxes["sesame"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(admin.allergen_boxes["tree_nut"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(admin.upsell, Qt.MouseButton.LeftButton)  # untick: no longer suggested
    qtbot.mouseClick(admin.save, Qt.MouseButton.LeftButton)
    assert admin.message.text() == "Saved."
    saved = store.menu.item(coconut.id)
    assert (saved.spice_level, saved.allergens, saved.upsell) == (2, ("tree_nut", "sesame"), False)
    row = next(r for r in range(admin.model.rowCount()) if admin.model.item(r).id == coconut.id)
    assert admin.model.data(admin.model.index(row, 6)) == "2 · Hot · Tree nuts, Sesame"

    # the running kiosk rebuilds its cards on the menu change
    kiosk.qtbot.waitUntil(lambda: kiosk.flow.items[coconut.id].spice_level == 2, timeout=3000)
    kiosk.tap(f"category_{coconut.category_id}")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible(f"menu_item_{coconut.id}_spice"), timeout=2000)
    spice = kiosk.w(f"menu_item_{coconut.id}_spice")
    assert isinstance(spice, QLabel) and spice.accessibleName() == "Spice: Hot"
    assert spice.pixmap().width() > spice.pixmap().height()  # two chillies side by side
    assert _chips(kiosk, coconut.id) == ["Tree nuts", "Sesame"]
    card = kiosk.w(f"menu_item_{coconut.id}")
    assert card.accessibleName() == (
        "Fresh Coconut, ฿65.00, Spice: Hot, Contains: Tree nuts, Sesame"
    )
    kiosk.window.set_language("th")
    assert _chips(kiosk, coconut.id) == ["ถั่วเปลือกแข็ง", "งา"]
    assert spice.accessibleName() == "ความเผ็ด: เผ็ดกลาง"
    admin.ctx.events.close()


def test_marks_that_do_not_fit_become_plus_n_and_the_sheet_lists_them_all(
    make_kiosk: Any,
) -> None:
    kiosk = make_kiosk(size=(1080, 1920))
    kiosk.start()
    pad_thai = kiosk.item("Pad Thai with Prawns")
    assert pad_thai.allergens == ("peanut", "shellfish", "fish", "egg", "soy")
    shown = _chips(kiosk, pad_thai.id)
    more = kiosk.w(f"menu_item_{pad_thai.id}_allergens_more")
    assert 1 <= len(shown) < 5 and more.isVisible()
    assert more.text() == f"+{5 - len(shown)}"
    assert kiosk.visible(f"menu_item_{pad_thai.id}_spice")
    kiosk.open_options("Pad Thai with Prawns")  # in with its defaults; "Change" opens it
    assert kiosk.text("options_allergens") == "Contains: Peanut, Shellfish, Fish, Egg, Soy"
    assert kiosk.text("options_spice") == "Spice: Mild"
    kiosk.window.set_language("th")
    assert kiosk.text("options_allergens") == "มีส่วนผสมของ: ถั่วลิสง, กุ้ง ปู หอย, ปลา, ไข่, ถั่วเหลือง"
    assert kiosk.text("options_spice") == "ความเผ็ด: เผ็ดน้อย"
    kiosk.tap("options_cancel")
    mango = kiosk.item("Mango Sticky Rice")  # no marks: nothing on its card or sheet
    kiosk.tap(f"category_{mango.category_id}")
    assert not kiosk.visible(f"menu_item_{mango.id}_spice") and _chips(kiosk, mango.id) == []


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_upsell_after_the_first_dish_one_tap_adds_and_never_returns(
    make_kiosk: Any, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(size=size)
    kiosk.start()
    panel = kiosk.window.menu.cart
    checkout_height = panel.checkout.height()
    assert not kiosk.visible("cart_upsell")
    kiosk.add("Mango Sticky Rice")
    assert kiosk.visible("cart_upsell")
    assert kiosk.text("cart_upsell_title") == "Add a drink?"
    drinks = [kiosk.item(name) for name in DRINKS]
    assert _upsell_ids(kiosk) == [d.id for d in drinks]
    # the cart keeps its room: a usable checkout button and lines
    assert panel.checkout.isVisible() and panel.checkout.height() == checkout_height >= 72
    assert panel.scroll.height() >= 200
    tea = drinks[0]
    kiosk.tap(f"upsell_item_{tea.id}")  # one tap, with the tea's default options
    assert [(line.item_id, line.options) for line in kiosk.flow.cart.lines] == [
        (kiosk.item("Mango Sticky Rice").id, ()),
        (tea.id, tuple(sorted(tea.default_options()))),
    ]
    assert tea.default_options()  # sweetness and size were chosen
    assert not kiosk.visible("cart_upsell")
    assert kiosk.text("cart_total") == "฿175.00"
    kiosk.add("Coconut Ice Cream")
    kiosk.add("Green Papaya Salad")
    assert not kiosk.visible("cart_upsell")  # once per order
    kiosk.to_review()


def test_no_thanks_hides_it_for_this_order_and_the_next_customer_gets_it(
    kiosk: Kiosk,
) -> None:
    kiosk.start()
    kiosk.add("Mango Sticky Rice")
    assert kiosk.visible("cart_upsell")
    kiosk.tap("upsell_no_thanks")
    assert not kiosk.visible("cart_upsell")
    assert kiosk.flow.cart.count == 1  # nothing added
    kiosk.add("Coconut Ice Cream")
    kiosk.tap("cart_minus_1")
    kiosk.tap("cart_minus_0")  # the cart is empty again: still the same order
    assert not kiosk.flow.cart
    kiosk.add("Mango Sticky Rice")
    assert not kiosk.visible("cart_upsell")
    kiosk.tap("header_start_over")
    kiosk.wait_screen("welcome")
    kiosk.start()
    assert not kiosk.visible("cart_upsell")
    kiosk.add("Mango Sticky Rice")
    assert kiosk.visible("cart_upsell")


def test_emptying_the_cart_ends_the_offer(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Mango Sticky Rice")
    assert kiosk.visible("cart_upsell")
    kiosk.tap("cart_minus_0")
    assert not kiosk.visible("cart_upsell")
    kiosk.add("Mango Sticky Rice")
    assert not kiosk.visible("cart_upsell")  # never shown twice in one order


def test_sold_out_and_in_cart_dishes_are_not_suggested(kiosk: Kiosk, store: Store) -> None:
    tea, coconut, lemongrass = (kiosk.item(name) for name in DRINKS)
    store.menu.set_available(coconut.id, False, staff="kitchen")
    kiosk.qtbot.waitUntil(lambda: not kiosk.flow.items[coconut.id].on_sale, timeout=3000)
    kiosk.start()
    kiosk.add("Lemongrass Juice", "Less sweet")  # a flagged dish as the first: not offered
    assert _upsell_ids(kiosk) == [tea.id]
    store.menu.set_available(tea.id, False, staff="kitchen")  # sold out while on offer
    kiosk.qtbot.waitUntil(lambda: not kiosk.visible("cart_upsell"), timeout=3000)
    store.menu.set_available(tea.id, True, staff="kitchen")
    kiosk.qtbot.waitUntil(lambda: kiosk.flow.items[tea.id].on_sale, timeout=3000)
    assert not kiosk.visible("cart_upsell")  # that offer is over for this order
    assert lemongrass.id in {line.item_id for line in kiosk.flow.cart.lines}


def test_nothing_is_shown_when_no_dish_is_flagged(kiosk: Kiosk, store: Store) -> None:
    for name in DRINKS:
        store.menu.update_item(kiosk.item(name).id, staff="Malee", upsell=False)
    kiosk.qtbot.waitUntil(
        lambda: not any(i.upsell for i in kiosk.flow.items.values()), timeout=3000
    )
    kiosk.start()
    kiosk.add("Mango Sticky Rice")
    kiosk.add("Fresh Coconut")
    assert not kiosk.visible("cart_upsell")
    assert kiosk.window.menu.cart.upsell_buttons == []


def test_flagged_dishes_that_are_not_drinks_ask_something_else(kiosk: Kiosk, store: Store) -> None:
    for name in DRINKS:
        store.menu.update_item(kiosk.item(name).id, staff="Malee", upsell=False)
    mango = kiosk.item("Mango Sticky Rice")
    store.menu.update_item(mango.id, staff="Malee", upsell=True)
    kiosk.qtbot.waitUntil(lambda: kiosk.flow.items[mango.id].upsell, timeout=3000)
    kiosk.start()
    kiosk.add("Pad Thai with Prawns")
    assert kiosk.text("cart_upsell_title") == "Something to go with it?"
    assert _upsell_ids(kiosk) == [mango.id]
    kiosk.window.set_language("th")
    assert kiosk.text("cart_upsell_title") == "รับอะไรเพิ่มไหม?"
    assert kiosk.text(f"upsell_item_{mango.id}") == "+ ข้าวเหนียวมะม่วง\n฿120.00"
