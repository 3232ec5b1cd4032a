"""``kiosk board``: the order-ready screen for a TV (Preparing / Ready)."""

from __future__ import annotations

from pathlib import Path

from kiosk.ui.theme import render_stylesheet

QSS_PATH = Path(__file__).with_name("board.qss")


def qss() -> str:
    """The board's style sheet, with the kiosk theme's tokens."""
    return render_stylesheet(QSS_PATH.read_text(encoding="utf-8"))
