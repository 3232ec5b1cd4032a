"""The phone number a customer types on a keypad, as plain state (no widgets): the given
leading 0, the Thai grouping as it is typed, and when the number is whole."""

from __future__ import annotations

MAX_PHONE_DIGITS = 10
#: every Thai number (mobile or landline) starts with 0: it is given, so a mobile number is
#: nine taps; a 0 typed first anyway is taken as that same 0, not doubled
GIVEN = "0"
MASK = "0__-___-____"


def format_typed_phone(digits: str) -> str:
    """081-234-5678 as it is typed (Thai mobile grouping 3-3-4; landlines 2-3-4)."""
    groups = (2, 3, 4) if digits.startswith("02") and len(digits) <= 9 else (3, 3, 4)
    out, i = [], 0
    for g in groups:
        if i >= len(digits):
            break
        out.append(digits[i : i + g])
        i += g
    rest = digits[i:]
    return "-".join(out) + rest


class TypedPhone:
    """The digits typed so far, always starting with the given 0."""

    def __init__(self) -> None:
        self.digits = GIVEN
        self._given_retyped = False

    def clear(self) -> None:
        self.digits = GIVEN
        self._given_retyped = False

    def set(self, digits: str) -> None:
        """Take a number typed elsewhere (e.g. kept from the sign-up screen)."""
        typed = "".join(ch for ch in digits if ch.isdigit())
        if not typed.startswith(GIVEN):
            typed = GIVEN + typed
        self.digits = typed[:MAX_PHONE_DIGITS]

    def press(self, digit: str) -> None:
        if self.digits == GIVEN and digit == GIVEN and not self._given_retyped:
            self._given_retyped = True  # the customer typed the 0 that is already there
        elif len(self.digits) < MAX_PHONE_DIGITS:
            self.digits += digit

    def backspace(self) -> None:
        self.digits = self.digits[:-1] or GIVEN

    @property
    def typed(self) -> bool:
        """Anything typed beyond the given 0."""
        return len(self.digits) > len(GIVEN)

    @property
    def complete(self) -> bool:
        """A whole mobile number (0 + 9 digits). A 9-digit landline needs "Find my points"."""
        return len(self.digits) == MAX_PHONE_DIGITS and not self.digits.startswith("02")

    @property
    def can_look_up(self) -> bool:
        return len(self.digits) >= 9

    def shown(self) -> str:
        """What the phone field shows: the typed number, and for a mobile the rest of the
        mask after it (081-2__-____)."""
        shown = format_typed_phone(self.digits)
        return shown + MASK[len(shown) :] if not self.digits.startswith("02") else shown
