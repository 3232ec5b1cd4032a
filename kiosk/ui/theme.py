"""One theme: design tokens plus ``assets/theme.qss`` with ``@token`` placeholders.

Widgets never carry colour strings. Style sheets pick widgets by ``objectName`` and by
dynamic properties (``role``, ``tier``, ``state``); code that paints by hand (the QR view,
dish placeholders, icons, confetti) asks :func:`color` for a token.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.fonts import ASSETS, ui_font

QSS_PATH = ASSETS / "theme.qss"

TOKENS: dict[str, str] = {
    # palette: deep green, saffron, cream
    "green-950": "#0F2A1F",
    "green-900": "#173B2C",
    "green-800": "#1E4D39",
    "green-700": "#276448",
    "green-500": "#3E8A64",
    "green-100": "#E2EEE6",
    "saffron": "#F2A33A",
    "saffron-dark": "#D9861C",
    "saffron-light": "#FCE7C4",
    "cream": "#FBF5E9",
    "cream-dark": "#F2E7D3",
    "card": "#FFFFFF",
    "ink": "#2A241D",
    "ink-soft": "#5C5244",
    "ink-muted": "#8A7E6D",
    "line": "#E8DCC6",
    "chili": "#C8423B",
    "chili-light": "#FBE3E0",
    "success": "#2E8B57",
    "on-dark": "#FFFFFF",
    "on-dark-muted": "#BFD6C8",
    "disabled": "#CFC6B6",
    "backdrop": "rgba(15, 42, 31, 170)",
    "promptpay": "#113566",
    "qr-dark": "#000000",
    "qr-light": "#FFFFFF",
    # tiers
    "tier-bronze": "#B0713A",
    "tier-silver": "#8E969E",
    "tier-gold": "#C9971C",
    "tier-platinum": "#4F6475",
    # shape
    "radius-xl": "36px",
    "radius-lg": "26px",
    "radius-md": "18px",
    "radius-sm": "12px",
    "touch": "72px",
    "touch-lg": "96px",
    # type
    "fs-xs": "17px",
    "fs-sm": "20px",
    "fs-md": "24px",
    "fs-lg": "30px",
    "fs-xl": "40px",
    "fs-xxl": "56px",
    "fs-hero": "72px",
    "fs-giant": "150px",
}

_TOKEN = re.compile(r"@([a-z0-9-]+)")


def token(name: str) -> str:
    return TOKENS[name]


def color(name: str, alpha: int | None = None) -> QColor:
    """A palette token as a QColor (``rgba(...)`` tokens included)."""
    value = TOKENS[name]
    m = re.fullmatch(r"rgba\((\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)", value)
    c = QColor(int(m[1]), int(m[2]), int(m[3]), int(m[4])) if m else QColor(value)
    if alpha is not None:
        c.setAlpha(alpha)
    return c


def render_stylesheet(text: str, tokens: dict[str, str] | None = None) -> str:
    """Replace every ``@token`` in ``text``; an unknown token is an error, not a silent gap."""
    values = tokens or TOKENS

    def sub(m: re.Match[str]) -> str:
        if m[1] not in values:
            raise KeyError(f"unknown theme token @{m[1]}")
        return values[m[1]]

    return _TOKEN.sub(sub, text)


def load_stylesheet(path: Path = QSS_PATH) -> str:
    return render_stylesheet(path.read_text(encoding="utf-8"))


def apply_theme(app: QApplication) -> None:
    """Set the shipped font and the style sheet on the whole application, once."""
    app.setFont(ui_font(14))
    app.setStyleSheet(load_stylesheet())


def restyle(widget: QWidget) -> None:
    """Re-apply the style after a dynamic property (``role``, ``state``...) changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
