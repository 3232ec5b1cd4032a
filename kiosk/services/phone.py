"""Phone numbers: normalised with ``phonenumbers`` to E.164 (placeholder until #5 lands)."""

from __future__ import annotations

import phonenumbers

from kiosk.services.errors import InvalidPhoneNumber


def normalize_phone(raw: str, region: str = "TH") -> str:
    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise InvalidPhoneNumber("That phone number is not valid.") from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhoneNumber("That phone number is not valid.")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    return f"{e164[:-4][:4]}***{e164[-4:]}"
