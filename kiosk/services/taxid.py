"""Thai 13-digit tax identification numbers (the same scheme as national ID numbers)."""

from __future__ import annotations

from kiosk.services.promptpay import national_id_check_digit as tax_id_check_digit


def normalize_tax_id(text: str) -> str:
    """``"0-1055-12345-67-8"`` → ``"0105512345678"``; raises ``ValueError`` with a reason."""
    digits = "".join(ch for ch in str(text) if ch not in " -")
    if not (digits.isdigit() and len(digits) == 13):
        raise ValueError("a Thai tax ID has 13 digits")
    if tax_id_check_digit(digits[:12]) != int(digits[12]):
        raise ValueError("the tax ID's check digit is wrong (a digit is mistyped)")
    return digits


def format_tax_id(digits: str) -> str:
    """The grouping printed on Thai documents: ``0-1055-12345-67-8``."""
    d = digits
    return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}" if len(d) == 13 else d
