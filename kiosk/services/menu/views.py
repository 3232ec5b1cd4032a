"""Menu rows as view values (items, option groups, options) and what the kiosk asks of
an item (a drink? orderable now?)."""

from __future__ import annotations

from kiosk.db.models import MenuItem, Option, OptionGroup
from kiosk.services.menu.rules import (
    DRINK_WORDS,
    decode_allergens,
)
from kiosk.services.views import MenuItemView, OptionGroupView, OptionView


def option_view(o: Option) -> OptionView:
    return OptionView(
        id=o.id,
        name_en=o.name_en,
        name_th=o.name_th,
        price_delta=o.price_delta,
        is_default=bool(o.is_default),
        available=bool(o.available),
    )


def group_view(g: OptionGroup) -> OptionGroupView:
    return OptionGroupView(
        id=g.id,
        name_en=g.name_en,
        name_th=g.name_th,
        min_select=g.min_select,
        max_select=g.max_select,
        options=tuple(option_view(o) for o in g.options),
    )


def item_view(item: MenuItem) -> MenuItemView:
    return MenuItemView(
        id=item.id,
        name_en=item.name_en,
        name_th=item.name_th,
        price=item.price,
        category=item.category.name_en,
        category_th=item.category.name_th,
        category_id=item.category_id,
        description_en=item.description_en,
        description_th=item.description_th,
        available=item.available,
        orderable=orderable(item),
        image=item.image,
        option_groups=tuple(group_view(g) for g in item.option_groups),
        spice_level=item.spice_level or 0,
        allergens=decode_allergens(item.allergens),
        upsell=bool(item.upsell),
    )


def is_drink(item: MenuItemView) -> bool:
    """Whether ``item`` sits in a drinks category (by its English or Thai name)."""
    names = f"{item.category} {item.category_th}".casefold()
    return any(word in names for word in DRINK_WORDS)


def orderable(item: MenuItem) -> bool:
    """Whether a customer can complete the dish's choices: every required group still has
    enough options on sale. A dish that is not is shown as sold out on the kiosk."""
    return all(sum(1 for o in g.options if o.available) >= g.min_select for g in item.option_groups)
