"""Phone numbers: every way a person types a number finds the same member."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.services.errors import InvalidInput, InvalidPhoneNumber
from kiosk.services.phone import format_national, mask_phone, normalize_phone

SAME_MOBILE = [
    "0812345678",
    "081-234-5678",
    "081 234 5678",
    "+66 81 234 5678",
    "+66812345678",
    "+66-81-234-5678",
    "66812345678",
    "66 81 234 5678",
    "(081) 234-5678",
    "081.234.5678",
    "  0812345678  ",
    "๐๘๑๒๓๔๕๖๗๘",
    "๐๘๑-๒๓๔-๕๖๗๘",
    "+๖๖ ๘๑ ๒๓๔ ๕๖๗๘",
    "0066812345678",  # dialled from abroad: 00 is most countries' international prefix
    "0066 81 234 5678",
    "001 66 81 234 5678",  # Thailand's own international prefix
]


@pytest.mark.parametrize("typed", SAME_MOBILE)
def test_every_way_of_typing_a_mobile_gives_one_e164(typed: str) -> None:
    assert normalize_phone(typed) == "+66812345678"


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("02 123 4567", "+6621234567"),  # Bangkok landline
        ("02-123-4567", "+6621234567"),
        ("+66 2 123 4567", "+6621234567"),
        ("053 123 456", "+6653123456"),  # Chiang Mai landline
        ("0612345678", "+66612345678"),
        ("0912345678", "+66912345678"),
        ("+1 202-555-0123", "+12025550123"),  # foreign numbers need their +
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_other_valid_numbers(typed: str, e164: str) -> None:
    assert normalize_phone(typed) == e164


def test_region_is_configurable() -> None:
    assert normalize_phone("(202) 555-0123", region="US") == "+12025550123"
    assert normalize_phone("081-234-5678", region="TH") == "+66812345678"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("", "enter your phone number"),
        ("   ", "enter your phone number"),
        ("12", "too short"),
        ("0812", "too short"),
        ("08123", "too short"),
        ("081234567890123", "too long"),
        ("081-CALL-NOW", "letters"),
        ("08l2345678", "letters"),
        ("abc", "letters"),
        ("0812345678x", "letters"),
        ("081/234/5678", "digits"),
        ("++66812345678", "digits"),
        ("081#2345678", "digits"),
        ("+999 123 456", "doesn't look like a phone number"),
        ("+", "digits"),
        ("---", "digits"),
        ("0000000000", "isn't a valid phone number"),
    ],
)
def test_invalid_numbers_get_a_helpful_message(typed: str, hint: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        normalize_phone(typed)
    assert hint in caught.value.message
    assert "081-234-5678" in caught.value.message or hint == "enter your phone number"
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.code == "invalid_phone"


def test_non_string_is_refused_cleanly() -> None:
    with pytest.raises(InvalidPhoneNumber):
        normalize_phone(None)  # type: ignore[arg-type]


def test_format_national() -> None:
    assert format_national("+66812345678") == "081-234-5678"
    assert format_national("+6621234567") == "02-123-4567"
    assert format_national("+12025550123") == "+1 202-555-0123"


def test_mask_phone_hides_the_middle() -> None:
    assert mask_phone("+66812345678") == "081-***-5678"
    assert mask_phone("+6621234567") == "02-***-4567"
    masked = mask_phone("+12025550123")
    assert masked.endswith("0123") and "555" not in masked and "202" not in masked


@pytest.mark.parametrize("garbage", ["", "not a number", "12", None])
def test_mask_phone_never_raises_or_leaks(garbage: object) -> None:
    assert mask_phone(garbage) == "***"  # type: ignore[arg-type]


@given(
    prefix=st.sampled_from(["06", "08", "09"]),
    rest=st.text(alphabet="0123456789", min_size=8, max_size=8),
    style=st.sampled_from(["plain", "dashed", "spaced", "plus66", "66", "thai"]),
)
def test_any_thai_mobile_in_any_style_round_trips(prefix: str, rest: str, style: str) -> None:
    local = prefix + rest
    typed = {
        "plain": local,
        "dashed": f"{local[:3]}-{local[3:6]}-{local[6:]}",
        "spaced": f"{local[:3]} {local[3:6]} {local[6:]}",
        "plus66": f"+66 {local[1:3]} {local[3:6]} {local[6:]}",
        "66": "66" + local[1:],
        "thai": local.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")),
    }[style]
    try:
        e164 = normalize_phone(typed)
    except InvalidPhoneNumber:
        # Only ranges the numbering plan has not allocated may fail, and then in every style.
        with pytest.raises(InvalidPhoneNumber):
            normalize_phone(local)
        return
    assert e164 == "+66" + local[1:]
    assert format_national(e164) == f"{local[:3]}-{local[3:6]}-{local[6:]}"
    assert mask_phone(e164) == f"{local[:3]}-***-{local[6:]}"
