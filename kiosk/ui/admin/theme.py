"""The admin panel's one theme: named tokens, the stylesheet built from them, and the
colours table models need (status colours) so no widget carries its own colour strings."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

QSS_PATH = Path(__file__).with_name("admin.qss")
ICONS = Path(__file__).with_name("icons")

TOKENS: dict[str, str] = {
    "bg": "#F4F5F7",
    "surface": "#FFFFFF",
    "border": "#E3E6EB",
    "border_strong": "#CBD0D8",
    "text": "#1E2430",
    "muted": "#667085",
    "disabled": "#A0A7B4",
    "hover": "#F0F2F5",
    "selection": "#FDE3D3",
    "row_alt": "#FAFBFC",
    "header_bg": "#F8F9FB",
    "primary": "#C2410C",
    "primary_dark": "#9A3412",
    "primary_soft": "#E9A98B",
    "on_primary": "#FFFFFF",
    "nav_bg": "#1F2937",
    "nav_text": "#E5E7EB",
    "nav_hover": "#374151",
    "success": "#15803D",
    "danger": "#B91C1C",
    "danger_soft": "#FEE2E2",
    "warning": "#B45309",
    # white text on these chips needs 4.5:1 (the lighter amber and green were 3.2-3.3:1)
    "status_pending": "#B45309",
    "status_preparing": "#2563EB",
    "status_ready": "#15803D",
    "status_completed": "#6B7280",
    "status_cancelled": "#DC2626",
    "chart_bar": "#EA580C",
    "chart_grid": "#E5E7EB",
    "radius": "8px",
    "font_size": "10pt",
    "font_small": "8.5pt",
    "font_large": "12pt",
    "font_title": "16pt",
    "font_kpi": "20pt",
    "font_key": "16pt",
}

STATUS_TOKENS = {
    "pending": "status_pending",
    "preparing": "status_preparing",
    "ready": "status_ready",
    "completed": "status_completed",
    "cancelled": "status_cancelled",
    "refunded": "status_cancelled",
}

_TOKEN = re.compile(r"@([a-z_]+)")


def stylesheet() -> str:
    """admin.qss with every ``@token`` replaced by its value."""
    text = QSS_PATH.read_text(encoding="utf-8")
    values = {**TOKENS, "icons": ICONS.as_posix()}
    return _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def color(token: str) -> QColor:
    return QColor(TOKENS[token])


def status_color(status: str) -> QColor:
    return color(STATUS_TOKENS.get(status, "muted"))


def apply_theme(widget: QWidget) -> None:
    """Style a top-level admin widget (the kiosk keeps its own application stylesheet)."""
    widget.setStyleSheet(stylesheet())


def set_role(widget: QWidget, name: str, value: str) -> None:
    """Set a styling property (``kind``, ``role``, ``pill``...) and re-polish."""
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
