"""Invariants of PromptPay payloads, checked on random targets and amounts (Hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.services.errors import InvalidPayload, InvalidPromptPayTarget
from kiosk.services.promptpay import (
    PromptPayTarget,
    build_payload,
    crc16_ccitt_false,
    national_id_check_digit,
    normalize_target,
    parse_payload,
)

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


@st.composite
def typed_mobiles(draw: st.DrawFn) -> tuple[str, PromptPayTarget]:
    local = draw(st.sampled_from(["06", "08", "09"])) + draw(_digits(8))
    style = draw(st.sampled_from(["plain", "dashed", "spaced", "plus66", "66"]))
    typed = {
        "plain": local,
        "dashed": f"{local[:3]}-{local[3:6]}-{local[6:]}",
        "spaced": f"{local[:3]} {local[3:6]} {local[6:]}",
        "plus66": f"+66 {local[1:3]} {local[3:6]} {local[6:]}",
        "66": "66" + local[1:],
    }[style]
    return typed, PromptPayTarget("mobile", "0066" + local[1:])


@st.composite
def typed_national_ids(draw: st.DrawFn) -> tuple[str, PromptPayTarget]:
    first12 = draw(_digits(12))
    value = first12 + str(national_id_check_digit(first12))
    dashed = f"{value[0]}-{value[1:5]}-{value[5:10]}-{value[10:12]}-{value[12]}"
    typed = draw(st.sampled_from([value, dashed, dashed.replace("-", " ")]))
    return typed, PromptPayTarget("national_id", value)


@st.composite
def typed_ewallets(draw: st.DrawFn) -> tuple[str, PromptPayTarget]:
    value = draw(_digits(15))
    return value, PromptPayTarget("ewallet", value)


targets = st.one_of(typed_mobiles(), typed_national_ids(), typed_ewallets())
# Two-place amounts from 0.01 to 999,999.99, built from whole satang: never a float.
amounts = st.integers(min_value=1, max_value=99_999_999).map(
    lambda satang: Decimal(satang).scaleb(-2)
)
optional_amounts = st.none() | amounts


@given(target=targets, amount=optional_amounts)
def test_payload_parses_back_to_the_same_target_and_amount(
    target: tuple[str, PromptPayTarget], amount: Decimal | None
) -> None:
    typed, expected = target
    assert normalize_target(typed) == expected

    payload = build_payload(typed, amount)
    parsed = parse_payload(payload)

    assert parsed.target == expected
    assert (parsed.target_kind, parsed.target_value) == (expected.kind, expected.value)
    assert parsed.amount == amount
    assert parsed.dynamic is (amount is not None)
    assert (parsed.country, parsed.currency) == ("TH", "764")
    if amount is not None:
        assert amount.as_tuple().exponent == -2
        assert parsed.fields["54"] == f"{amount:f}"
    assert payload[-8:-4] == "6304"
    assert payload[-4:] == f"{crc16_ccitt_false(payload[:-4]):04X}"
    assert payload.isascii() and payload == payload.upper()


@given(
    target=targets,
    amount=optional_amounts,
    position=st.integers(min_value=1, max_value=4),
    replacement=st.characters(min_codepoint=0x20, max_codepoint=0x7E),
)
def test_any_single_character_corruption_of_the_crc_is_rejected(
    target: tuple[str, PromptPayTarget], amount: Decimal | None, position: int, replacement: str
) -> None:
    payload = build_payload(target[0], amount)
    index = len(payload) - position
    if payload[index] == replacement:
        replacement = "0" if replacement != "0" else "1"
    corrupted = payload[:index] + replacement + payload[index + 1 :]
    with pytest.raises(InvalidPayload):
        parse_payload(corrupted)


@given(
    target=targets,
    amount=optional_amounts,
    data=st.data(),
)
def test_any_single_character_corruption_anywhere_is_rejected(
    target: tuple[str, PromptPayTarget], amount: Decimal | None, data: st.DataObject
) -> None:
    """One changed ASCII byte is a burst of at most 8 bits: CRC-16 always catches it."""
    payload = build_payload(target[0], amount)
    index = data.draw(st.integers(min_value=0, max_value=len(payload) - 1))
    replacement = data.draw(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E).filter(
            lambda ch: ch != payload[index]
        )
    )
    corrupted = payload[:index] + replacement + payload[index + 1 :]
    with pytest.raises(InvalidPayload):
        parse_payload(corrupted)


@given(first12=_digits(12), wrong=digits)
def test_a_wrong_check_digit_is_always_refused(first12: str, wrong: str) -> None:
    right = national_id_check_digit(first12)
    if int(wrong) == right:
        wrong = str((right + 1) % 10)
    with pytest.raises(InvalidPromptPayTarget, match="check digit"):
        normalize_target(first12 + wrong)
