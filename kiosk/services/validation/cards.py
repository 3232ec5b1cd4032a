"""Card data as typed: number, expiry date and security code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kiosk.services.errors import InvalidCard

_EXPIRY_HELP = "The expiry date must look like MM/YY, for example 08/29."
_CVV_HELP = "The security code (CVV) must be 3 or 4 digits."


def _ascii_digits_only(text: str) -> bool:
    return text.isascii() and text.isdigit()  # str.isdigit alone takes ๔, ４ and ²


def _card_field(details: Mapping[str, Any], key: str, max_len: int, too_long: str) -> str:
    """One card field as text: missing is "", an int is its digits, anything else or a
    string longer than ``max_len`` is refused (never quoted: it may be a card number)."""
    value = details.get(key)
    if value is None or value == "":
        return ""
    if type(value) is int and 0 <= value < 10**max_len:
        value = str(value)
    if not isinstance(value, str):
        raise InvalidCard("Card details must be typed as digits.", key)
    if len(value) > max_len:
        raise InvalidCard(too_long, key)
    return value


def card_fields(details: Any, luhn_ok: Callable[[str], bool]) -> tuple[str, int, int]:
    """Check card number (13-19 ASCII digits, spaces or dashes between groups, Luhn),
    expiry (MM/YY or MM/YYYY) and CVV (3 or 4 ASCII digits); return the number's digits,
    the expiry year and month. Raises :class:`InvalidCard` (never quoting the input)."""
    if not isinstance(details, Mapping):
        raise InvalidCard("Please enter the card number, expiry date and security code.")
    raw = _card_field(details, "card_number", 40, "The card number is too long.")
    digits = raw.replace(" ", "").replace("-", "")
    if not digits:
        raise InvalidCard("Please enter the card number.", "card_number")
    if not _ascii_digits_only(digits):
        raise InvalidCard("The card number can only contain digits.", "card_number")
    if not 13 <= len(digits) <= 19:
        raise InvalidCard("The card number must have 13 to 19 digits.", "card_number")
    if not luhn_ok(digits):
        raise InvalidCard("The card number is not valid. Please check it.", "card_number")
    expiry = _card_field(details, "expiry", 16, _EXPIRY_HELP).strip().replace(" ", "")
    month_text, _, year_text = expiry.partition("/")
    if not (
        _ascii_digits_only(month_text)
        and _ascii_digits_only(year_text)
        and len(month_text) <= 2
        and len(year_text) in (2, 4)
        and 1 <= int(month_text) <= 12
    ):
        raise InvalidCard(_EXPIRY_HELP, "expiry")
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    cvv = _card_field(details, "cvv", 8, _CVV_HELP).strip()
    if not (_ascii_digits_only(cvv) and 3 <= len(cvv) <= 4):
        raise InvalidCard(_CVV_HELP, "cvv")
    return digits, year, int(month_text)
