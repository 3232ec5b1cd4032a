"""What a staff name, a PIN and a role may be: the entry checks of the staff services."""

from __future__ import annotations

import re

from kiosk.db.models import StaffRole
from kiosk.services.errors import InvalidInput
from kiosk.services.validation import Choice, Text

PIN_PATTERN = re.compile(r"[0-9]{4,8}")
ROLES: tuple[str, ...] = tuple(r.value for r in StaffRole)
# Entry checks (kiosk/services/validation/); the PIN's format is checked by validate_pin.
STAFF_NAME = Text(64, label="Staff name", too_long="A staff name can have at most 64 characters.")
PIN_FORMAT = "A PIN is 4 to 8 digits."
PIN = Text(64, strip=False, too_long=PIN_FORMAT, wrong=PIN_FORMAT)  # ASCII digits: validate_pin
ROLE = Choice(ROLES, message=f"The role must be one of: {', '.join(ROLES)}.")


def validate_pin(pin: str) -> str:
    if not isinstance(pin, str) or not PIN_PATTERN.fullmatch(pin):
        raise InvalidInput("A PIN is 4 to 8 digits.")
    return pin


def validate_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("Enter the staff member's name.")
    if len(name) > 64:
        raise InvalidInput("A staff name can have at most 64 characters.")
    return name


def validate_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput(f"The role must be one of: {', '.join(ROLES)}.")
    return role


__all__ = [
    "PIN",
    "PIN_FORMAT",
    "PIN_PATTERN",
    "ROLE",
    "ROLES",
    "STAFF_NAME",
    "validate_name",
    "validate_pin",
    "validate_role",
]
