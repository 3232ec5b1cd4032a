"""The menu: categories, items with Thai and English names, option groups, sold-out flags.

Staff edit items and their option groups (size, spice level, extras) here. Every change is
one unit of work, written to the audit log, and announced with :class:`MenuChanged` after
the commit. Orders keep a snapshot of the options they were sold with
(``OrderItem.options``), so renaming or deleting an option never rewrites history.
"""

from __future__ import annotations

from kiosk.services.menu.rules import (
    ALLERGEN_CODES,
    ALLERGENS,
    DESCRIPTION,
    DRINK_WORDS,
    EN_MISSING,
    GROUP_FIELDS,
    GROUP_RULES,
    ITEM_FIELDS,
    NAME_MAX,
    NAME_TEXT,
    NAME_TOO_LONG,
    OPTION_FIELDS,
    OPTION_RULES,
    PRICE_DELTA,
    SELECT_MAX,
    SPICE_LEVEL,
    SPICE_MAX,
    TH_MISSING,
    check_select_range,
    decode_allergens,
    encode_allergens,
    lowest_price,
)
from kiosk.services.menu.service import (
    MenuService,
)
from kiosk.services.menu.views import (
    group_view,
    is_drink,
    item_view,
    option_view,
    orderable,
)

__all__ = [
    "ALLERGENS",
    "ALLERGEN_CODES",
    "DESCRIPTION",
    "DRINK_WORDS",
    "EN_MISSING",
    "GROUP_FIELDS",
    "GROUP_RULES",
    "ITEM_FIELDS",
    "NAME_MAX",
    "NAME_TEXT",
    "NAME_TOO_LONG",
    "OPTION_FIELDS",
    "OPTION_RULES",
    "PRICE_DELTA",
    "SELECT_MAX",
    "SPICE_LEVEL",
    "SPICE_MAX",
    "TH_MISSING",
    "MenuService",
    "check_select_range",
    "decode_allergens",
    "encode_allergens",
    "group_view",
    "is_drink",
    "item_view",
    "lowest_price",
    "option_view",
    "orderable",
]
