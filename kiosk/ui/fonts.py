"""The shipped fonts: Noto Sans (Latin) and Noto Sans Thai. Qt has no Thai font of its own
on a bare machine, so without these Thai text would render as empty boxes."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parents[2] / "assets"
FONT_DIR = ASSETS / "fonts"
FAMILIES = ["Noto Sans", "Noto Sans Thai"]
_loaded: list[str] = []


def register_fonts() -> list[str]:
    """Register every .ttf in assets/fonts once; returns the families Qt now knows."""
    if _loaded:
        return _loaded
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path.name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _loaded:
                _loaded.append(family)
    return _loaded


def ui_font(point_size: float = 14, bold: bool = False) -> QFont:
    """A font that renders Latin with Noto Sans and Thai with Noto Sans Thai."""
    register_fonts()
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
