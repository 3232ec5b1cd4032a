"""Options staff add or remove in the admin panel reach the customer screens live."""

from __future__ import annotations

from decimal import Decimal

from kiosk.services.money import format_thb
from kiosk.services.staff import StaffActions
from tests.ui.conftest import Kiosk


def _manager(kiosk: Kiosk) -> tuple[StaffActions, object]:
    store = kiosk.store
    store.staff.create("Malee", "manager", "5555")
    return store.actions, store.staff.authenticate("Malee", "5555")


def test_new_option_shows_in_the_options_sheet_and_prices_the_order(kiosk: Kiosk) -> None:
    actions, malee = _manager(kiosk)
    kiosk.start()
    pad_thai = kiosk.item("Pad Thai with Prawns")
    size = next(g for g in pad_thai.option_groups if g.name_en == "Size")
    small = actions.add_option(malee, size.id, "Small", "จานเล็ก", Decimal("-15"))  # type: ignore[arg-type]
    extras = next(g for g in pad_thai.option_groups if g.name_en == "Extras")
    squid = actions.add_option(malee, extras.id, "Extra squid", "เพิ่มปลาหมึก", "35")  # type: ignore[arg-type]
    assert [o.name_en for o in kiosk.store.menu.item(pad_thai.id).option_groups[1].options] == [
        "Regular",
        "Large",
        "Small",
    ]
    # the kiosk hears MenuChanged and reloads its menu
    kiosk.qtbot.waitUntil(
        lambda: len(kiosk.item("Pad Thai with Prawns").option_groups[1].options) == 3
    )
    kiosk.open_options("Pad Thai with Prawns")
    assert kiosk.visible(f"option_{small.id}") and kiosk.visible(f"option_{squid.id}")
    assert kiosk.text(f"option_{small.id}").replace("\n", " ").startswith("Small")
    assert "−฿15.00" in kiosk.text(f"option_{small.id}")
    assert "+฿35.00" in kiosk.text(f"option_{squid.id}")
    kiosk.tap(f"option_{small.id}")
    kiosk.tap(f"option_{squid.id}")
    expected = pad_thai.price - 15 + 35
    assert format_thb(expected) in kiosk.text("options_add")
    kiosk.tap("options_add")
    assert kiosk.flow.quote is not None and kiosk.flow.quote.total == expected
    order = kiosk.store.orders.create(kiosk.flow.cart.order_lines(), now=kiosk.store.clock.now())
    assert order.total == expected
    assert {o["name_en"] for o in order.lines[0].options} >= {"Small", "Extra squid"}


def test_deleting_an_option_in_a_cart_drops_that_line_quietly(kiosk: Kiosk) -> None:
    actions, malee = _manager(kiosk)
    kiosk.start()
    kiosk.add("Pad Thai with Prawns", "Extra prawns")
    kiosk.add("Fresh Coconut")
    assert kiosk.flow.cart.count == 2
    prawns = kiosk.option("Pad Thai with Prawns", "Extra prawns")
    actions.delete_option(malee, prawns)  # type: ignore[arg-type]
    kiosk.qtbot.waitUntil(lambda: kiosk.flow.cart.count == 1)
    assert kiosk.screen() == "menu"
    assert [line.item_id for line in kiosk.flow.cart.lines] == [kiosk.item("Fresh Coconut").id]
    assert (
        kiosk.flow.quote is not None and kiosk.flow.quote.total == kiosk.item("Fresh Coconut").price
    )


def test_a_dish_whose_required_choice_sold_out_shows_as_sold_out(make_kiosk, store) -> None:  # type: ignore[no-untyped-def]
    lemongrass = next(i for i in store.menu.items() if i.name_en == "Lemongrass Juice")
    for option in lemongrass.option_groups[0].options:
        store.menu.update_option(option.id, available=False)
    kiosk = make_kiosk()
    kiosk.start()
    card = kiosk.w(f"menu_item_{lemongrass.id}")
    kiosk.qtbot.waitUntil(lambda: not card.isEnabled(), timeout=3000)
    coconut = next(i for i in store.menu.items() if i.name_en == "Fresh Coconut")
    assert kiosk.w(f"menu_item_{coconut.id}").isEnabled()
