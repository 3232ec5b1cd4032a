"""The fast path for common Thai spellings gives exactly what the general parser gives."""

from __future__ import annotations

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.services import phone
from kiosk.services.errors import InvalidPhoneNumber

_PREFIX = st.sampled_from(["0", "+66", "66", "+66 ", "66 ", "+660", "00", "6", ""])
_SEP = st.sampled_from(["", "-", " ", ".", "  "])
_DIGITS = st.text(alphabet="0123456789", min_size=6, max_size=10)


def _slow(text: str) -> str | type[Exception]:
    try:
        number = phone._parse(text, "TH")
    except InvalidPhoneNumber:
        return InvalidPhoneNumber
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@settings(max_examples=3000, deadline=None)
@given(_PREFIX, _DIGITS, _SEP, st.booleans())
def test_fast_path_agrees_with_the_parser(prefix: str, digits: str, sep: str, thai: bool) -> None:
    text = prefix + sep.join([digits[:2], digits[2:5], digits[5:]])
    if thai:
        text = text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    fast = phone._fast_thai(text)
    if fast is not None:
        assert fast == _slow(text)
    try:
        got: str | type[Exception] = phone.normalize_phone(text)
    except InvalidPhoneNumber:
        got = InvalidPhoneNumber
    assert got == _slow(text)


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from("689"), st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_national_format_fast_path_agrees(first: str, rest: str) -> None:
    e164 = f"+66{first}{rest}"
    try:
        number = phone._parse(e164, "TH")
        slow = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        expected: str | type[Exception] = slow.replace(" ", "-")
    except InvalidPhoneNumber:
        expected = InvalidPhoneNumber
    try:
        got: str | type[Exception] = phone.format_national(e164)
    except InvalidPhoneNumber:
        got = InvalidPhoneNumber
    assert got == expected


def test_common_spellings_take_the_fast_path() -> None:
    for text in ("0812345678", "081-234-5678", "081 234 5678", "+66 81 234 5678", "66812345678"):
        assert phone._fast_thai(text) == "+66812345678"
    assert phone._fast_thai("+1 202 555 0123") is None  # other countries: the parser
