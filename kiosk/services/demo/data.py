"""The demo shop as data (``kiosk/services/demo_data.json``): menu, members, names."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

D = Decimal

DATA_FILE = Path(__file__).parent.parent / "demo_data.json"  # kiosk/services/, package data
"""The demo shop as data: option groups, the menu by category (with spice level,
allergens, sold-out and upsell marks) and the demo members."""


@cache
def demo_data() -> dict[str, Any]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def _members() -> list[tuple[str, str, str, int, int]]:
    return [
        (m["phone"], m["first_name"], m["last_name"], m["lifetime_points"], m["points"])
        for m in demo_data()["members"]
    ]


DEMO_MEMBERS = _members()
"""(phone, first name, last name, lifetime points, balance) of each demo member."""
FIRST_NAMES: list[str] = demo_data()["first_names"]
LAST_NAMES: list[str] = demo_data()["last_names"]
