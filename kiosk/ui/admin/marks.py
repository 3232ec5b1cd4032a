"""Spice and allergen marks of a dish in the staff panel's words (its own catalogue)."""

from __future__ import annotations

from kiosk.services.views import MenuItemView
from kiosk.ui.admin.format import tr


def allergen_label(code: str) -> str:
    """An allergen's name for staff (the codes are ``kiosk.services.menu.ALLERGENS``)."""
    names = {
        "peanut": tr("Peanut"),
        "tree_nut": tr("Tree nuts"),
        "shellfish": tr("Shellfish"),
        "fish": tr("Fish"),
        "egg": tr("Egg"),
        "milk": tr("Milk"),
        "gluten": tr("Gluten"),
        "soy": tr("Soy"),
        "sesame": tr("Sesame"),
    }
    return names.get(code, code)


def spice_label(level: int) -> str:
    """A spice level for staff: 0 not spicy .. 3 very hot."""
    words = {0: tr("Not spicy"), 1: tr("Mild"), 2: tr("Hot"), 3: tr("Very hot")}
    return f"{level} · {words.get(level, '')}"


def marks_text(item: MenuItemView) -> str:
    """The dish's marks in one short line for the menu list."""
    parts = []
    if item.spice_level:
        parts.append(spice_label(item.spice_level))
    if item.allergens:
        parts.append(", ".join(allergen_label(a) for a in item.allergens))
    if item.upsell:
        parts.append(tr("upsell"))
    return " · ".join(parts)
