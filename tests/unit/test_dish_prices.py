"""What a dish costs with its options, and when it is on sale at all."""

from __future__ import annotations

import pytest

from kiosk.app import Store


def _coconut(store: Store):  # type: ignore[no-untyped-def]
    return next(i for i in store.menu.items() if i.name_en == "Fresh Coconut")  # ฿65


def test_options_together_can_never_make_a_dish_negative(store: Store) -> None:
    from decimal import Decimal

    from kiosk.services.errors import InvalidAmount

    coconut = _coconut(store)
    group = store.menu.add_option_group(coconut.id, "Sharing", "แบ่ง", 0, 2)
    half = store.menu.add_option(group.id, "Half", "ครึ่ง", "-30")
    with pytest.raises(InvalidAmount, match="at least"):
        store.menu.add_option(group.id, "Share", "แชร์", "-40")  # -30 + -40 > ฿65
    share = store.menu.add_option(group.id, "Share", "แชร์", "-35")  # exactly ฿0 at worst
    with pytest.raises(InvalidAmount):
        store.menu.update_option(share.id, price_delta="-36")
    with pytest.raises(InvalidAmount):
        store.menu.set_price(coconut.id, "64")
    other = store.menu.add_option_group(coconut.id, "Cup", "แก้ว", 0, 1)
    with pytest.raises(InvalidAmount):
        store.menu.add_option(other.id, "Own cup", "แก้วตัวเอง", "-1")
    quote = store.orders.quote([{"item_id": coconut.id, "options": [half.id, share.id]}])
    assert quote.lines[0].unit_price == Decimal("0.00")
    assert quote.subtotal >= 0


def test_a_dish_whose_required_choice_is_sold_out_is_not_on_sale(store: Store) -> None:
    tea = next(i for i in store.menu.items() if i.name_en == "Lemongrass Juice")
    sweetness = tea.option_groups[0]
    assert sweetness.required and tea.on_sale
    for option in sweetness.options:
        store.menu.update_option(option.id, available=False)
    tea = store.menu.item(tea.id)
    assert tea.available and not tea.orderable and not tea.on_sale
