"""One theme: design tokens plus ``assets/theme.qss`` with ``@token`` placeholders.

Widgets never carry colour strings. Style sheets pick widgets by ``objectName`` and by
dynamic properties (``role``, ``tier``, ``state``); code that paints by hand (the QR view,
dish placeholders, icons, confetti) asks :func:`color` for a token.
"""

from __future__ import annotations

import re
from functools import lru_cache
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
    # saffron as text (points): 5:1 on white, where saffron-dark was 2.85:1
    "saffron-text": "#9A5B0F",
    "cream": "#FBF5E9",
    "cream-dark": "#F2E7D3",
    "card": "#FFFFFF",
    "ink": "#2A241D",
    "ink-soft": "#5C5244",
    # secondary text: at least 4.5:1 on card, cream and cream-dark (WCAG AA)
    "ink-muted": "#6B604F",
    # what an empty field shows: lighter than a typed value, still 4.5:1 on white
    "ink-placeholder": "#7A6F5E",
    "line": "#E8DCC6",
    "chili": "#C8423B",
    "chili-light": "#FBE3E0",
    "success": "#257A4A",
    "on-dark": "#FFFFFF",
    "on-dark-muted": "#BFD6C8",
    "disabled": "#CFC6B6",
    "backdrop": "rgba(15, 42, 31, 170)",
    "promptpay": "#113566",
    "qr-dark": "#000000",
    "qr-light": "#FFFFFF",
    # tiers
    "tier-bronze": "#9C5F2C",
    "tier-silver": "#656D75",
    "tier-gold": "#8A6510",
    "tier-platinum": "#4F6475",
    # shape
    "radius-xl": "36px",
    "radius-lg": "26px",
    "radius-md": "18px",
    "radius-sm": "12px",
    "touch": "72px",
    "touch-lg": "96px",
    # type: every font size on the customer screens is one of these (large text scales them)
    "fs-xs": "19px",
    "fs-sm": "21px",
    "fs-md": "24px",
    "fs-lg": "30px",
    "fs-xl": "40px",
    "fs-xxl": "56px",
    "fs-hero": "72px",
    "fs-display": "96px",
    "fs-giant": "150px",
}

#: large-text mode multiplies every ``fs-*`` token by this
LARGE_TEXT_SCALE = 1.3
#: display sizes (56 px and more: amounts, the phone number, the welcome title, the order
#: number) are large already and stay as they are
UNSCALED = {"fs-xxl", "fs-display", "fs-giant"}
_scale = 1.0

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


def scaled_tokens(scale: float) -> dict[str, str]:
    """The tokens with every font size (``fs-*``) multiplied by ``scale``."""
    out = dict(TOKENS)
    for name, value in TOKENS.items():
        if name in UNSCALED:
            continue
        if name.startswith("fs-") and value.endswith("px"):
            out[name] = f"{round(int(value[:-2]) * scale)}px"
    return out


def font_px(name: str) -> int:
    """A font-size token in pixels at the current text scale (for code that sizes by text)."""
    scale = 1.0 if name in UNSCALED else _scale
    return round(int(TOKENS[name][:-2]) * scale)


def text_scale() -> float:
    return _scale


def load_stylesheet(path: Path = QSS_PATH, scale: float = 1.0) -> str:
    return render_stylesheet(path.read_text(encoding="utf-8"), scaled_tokens(scale))


def apply_theme(app: QApplication, scale: float = 1.0) -> None:
    """Set the shipped font and the style sheet on the whole application; ``scale`` is the
    text size (1.0, or :data:`LARGE_TEXT_SCALE` in large-text mode). Widgets repolish and
    their layouts reflow."""
    global _scale
    _scale = scale
    app.setFont(ui_font(14))
    app.setStyleSheet(load_stylesheet(scale=scale))


_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@lru_cache(maxsize=4)
def text_size_sheet(scale: float, path: Path = QSS_PATH) -> str:
    """Only the theme's font sizes, each rule with its own selector, multiplied by
    ``scale``. Set on a window it overrides the application's sheet there for the font
    sizes alone (a widget's own sheet wins over an inherited one, whatever the
    specificity, and among these rules the order and specificity are the theme's), so
    the window looks as if the whole theme had been re-rendered at ``scale``."""
    text = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    rules = []
    for m in _RULE.finditer(text):
        sizes = [
            d.strip()
            for d in m[2].split(";")
            if "@fs-" in d or d.strip().startswith(("font-size", "font:"))
        ]
        if sizes:
            rules.append(f"{m[1].strip()} {{ {'; '.join(sizes)}; }}")
    return render_stylesheet("\n".join(rules), scaled_tokens(scale))


def set_text_scale(window: QWidget, scale: float) -> None:
    """Large text on one window (``scale`` > 1) or back to the usual size (1.0). Only the
    window repolishes, against a sheet of font sizes: about a fifth of the time that
    re-setting the whole application's sheet takes (0.43 s → 0.08 s for the kiosk on the
    2-core test machine), so the "Aa" tap answers at once."""
    global _scale
    _scale = scale
    window.setStyleSheet(text_size_sheet(scale) if scale != 1.0 else "")


def restyle(widget: QWidget) -> None:
    """Re-apply the style after a dynamic property (``role``, ``state``...) changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
