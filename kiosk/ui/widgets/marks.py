"""Spice and allergen marks of a dish: their words in the customer's language and the
small chilli picture. The allergen codes come from ``kiosk.services.menu.ALLERGENS``."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPainter, QPixmap

from kiosk.ui import theme
from kiosk.ui.widgets.icons import PAINTERS

translate = QCoreApplication.translate


def allergen_name(code: str) -> str:
    """A short name for a chip or a list ("Peanut", "ถั่วลิสง")."""
    names = {
        "peanut": translate("Allergens", "Peanut"),
        "tree_nut": translate("Allergens", "Tree nuts"),
        "shellfish": translate("Allergens", "Shellfish"),
        "fish": translate("Allergens", "Fish"),
        "egg": translate("Allergens", "Egg"),
        "milk": translate("Allergens", "Milk"),
        "gluten": translate("Allergens", "Gluten"),
        "soy": translate("Allergens", "Soy"),
        "sesame": translate("Allergens", "Sesame"),
    }
    return names.get(code, code)


def spice_name(level: int) -> str:
    """How hot a dish is, in words (0 not spicy .. 3 very hot)."""
    if level <= 0:
        return translate("Allergens", "Not spicy")
    if level == 1:
        return translate("Allergens", "Mild")
    if level == 2:
        return translate("Allergens", "Hot")
    return translate("Allergens", "Very hot")


def contains_text(codes: Sequence[str]) -> str:
    """``Contains: peanut, egg`` in the current language ("" when there are none)."""
    if not codes:
        return ""
    names = ", ".join(allergen_name(c) for c in codes)  # as the cart lists options
    return translate("Allergens", "Contains: %1").replace("%1", names)


def spice_text(level: int) -> str:
    """``Spice: Hot`` in the current language ("" for a dish that is not spicy)."""
    if level <= 0:
        return ""
    return translate("Allergens", "Spice: %1").replace("%1", spice_name(level))


def spice_pixmap(level: int, size: int, ratio: float = 2.0) -> QPixmap:
    """``level`` chillies side by side, each ``size`` px, slightly overlapping."""
    step = size * 0.8
    width = int(size + step * max(0, level - 1)) if level > 0 else 1
    px = QPixmap(int(width * ratio), int(size * ratio))
    px.fill(Qt.GlobalColor.transparent)
    if level > 0:
        p = QPainter(px)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i in range(level):
            p.save()
            p.translate(QPointF(i * step * ratio, 0))
            PAINTERS["chilli"](p, size * ratio, theme.color("chili"))
            p.restore()
        p.end()
    px.setDevicePixelRatio(ratio)
    return px
