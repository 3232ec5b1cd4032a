"""PromptPay payloads against published vectors, plus target, amount and parser rules.

Every vector below is a payload published by an independent PromptPay implementation, with
its CRC. Each one is also checked with our own CRC (``test_every_published_vector_has_a_
valid_crc``) before the builder is compared with it.

Sources (test files of other projects, quoted as facts, no code copied):
  [dtinth]     npm ``promptpay-qr`` by dtinth, index.test.js
               https://github.com/dtinth/promptpay-qr
  [jojoee]     PyPI ``promptpay`` by jojoee, tests/test_qrcode_generate_payload.py
               https://github.com/jojoee/promptpay
  [kittinan]   PHP ``kittinan/php-promptpay-qr``, tests/PromptPayTest.php; its static
               0000000000 vector cites https://www.blognone.com/node/95133
  [pheerathach] Java ``pheerathach/promptpay``, ThaiQRPromptPayTest.java (puts 53/54
               before 58 and marks a QR with an amount as static: read-only vectors here)
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.services.errors import (
    InvalidAmount,
    InvalidInput,
    InvalidPayload,
    InvalidPromptPayTarget,
)
from kiosk.services.promptpay import (
    ParsedPayload,
    PromptPayTarget,
    build_payload,
    crc16_ccitt_false,
    describe_target,
    national_id_check_digit,
    normalize_amount,
    normalize_target,
    parse_payload,
)

# (source, typed target, amount, payload) for targets a person could really type.
TYPED_VECTORS: list[tuple[str, str, Decimal | int | str | None, str]] = [
    # mobile, static
    (
        "dtinth",
        "0801234567",
        None,
        "00020101021129370016A000000677010111011300668012345675802TH530376463046197",
    ),
    (
        "dtinth",
        "080-123-4567",
        None,
        "00020101021129370016A000000677010111011300668012345675802TH530376463046197",
    ),
    (
        "dtinth",
        "+66-89-123-4567",
        None,
        "00020101021129370016A000000677010111011300668912345675802TH5303764630429C1",
    ),
    (
        "jojoee",
        "0819837638",
        None,
        "00020101021129370016A000000677010111011300668198376385802TH53037646304F963",
    ),
    (
        "jojoee",
        "084-948-8172",
        None,
        "00020101021129370016A000000677010111011300668494881725802TH53037646304C907",
    ),
    (
        "jojoee",
        "+66-87-125-5555",
        None,
        "00020101021129370016A000000677010111011300668712555555802TH5303764630482FE",
    ),
    (
        "kittinan",
        "0899999999",
        None,
        "00020101021129370016A000000677010111011300668999999995802TH53037646304FE29",
    ),
    (
        "kittinan",
        "0891234567",
        None,
        "00020101021129370016A000000677010111011300668912345675802TH5303764630429C1",
    ),
    # mobile, dynamic
    (
        "jojoee",
        "0801234567",
        Decimal("456.25"),
        "00020101021229370016A000000677010111011300668012345675802TH53037645406456.256304483D",
    ),
    (
        "jojoee",
        "0819837638",
        "5476521.50",
        "00020101021229370016A000000677010111011300668198376385802TH530376454105476521.506304EA3B",
    ),
    (
        "jojoee",
        "0849488172",
        Decimal("81545415.75"),
        "00020101021229370016A000000677010111011300668494881725802TH5303764541181545415.756304D28D",
    ),
    (
        "jojoee",
        "0871255555",
        "4864688.23",
        "00020101021229370016A000000677010111011300668712555555802TH530376454104864688.236304E369",
    ),
    (
        "kittinan",
        "089-123-4567",
        "13371337.75",
        "00020101021229370016A000000677010111011300668912345675802TH5303764541113371337.756304B7D7",
    ),
    # national ID (check digit valid), static and dynamic
    (
        "jojoee",
        "8512819188690",
        None,
        "00020101021129370016A000000677010111021385128191886905802TH5303764630400F4",
    ),
    (
        "jojoee",
        "4-9124-19510-27-0",
        None,
        "00020101021129370016A000000677010111021349124195102705802TH5303764630410C5",
    ),
    (
        "jojoee",
        "0-0236-37209-81-1",
        None,
        "00020101021129370016A000000677010111021300236372098115802TH530376463040C4C",
    ),
    (
        "jojoee",
        "8512819188690",
        Decimal("541.23"),
        "00020101021229370016A000000677010111021385128191886905802TH53037645406541.23630437F5",
    ),
    # e-wallet, static and dynamic
    (
        "dtinth",
        "012345678901234",
        None,
        "00020101021129390016A00000067701011103150123456789012345802TH530376463049781",
    ),
    (
        "jojoee",
        "004999000288505",
        None,
        "00020101021129390016A00000067701011103150049990002885055802TH530376463041521",
    ),
    (
        "jojoee",
        "004000006579718",
        None,
        "00020101021129390016A00000067701011103150040000065797185802TH53037646304FBB5",
    ),
    (
        "jojoee",
        "012345678901234",
        9874887,
        "00020101021229390016A00000067701011103150123456789012345802TH530376454109874887.0063047158",
    ),
    (
        "jojoee",
        "004999000288505",
        "1515.75",
        "00020101021229390016A00000067701011103150049990002885055802TH530376454071515.756304522C",
    ),
]

# Published vectors whose target a person could not type here: placeholder numbers such as
# 000-000-0000 (no Thai mobile starts 00) and 13-digit IDs whose check digit is wrong
# (1111111111111, 0123456789012, 1234567890123). normalize_target rightly refuses them, so
# the encoder is checked with an explicit PromptPayTarget instead.
RAW_VECTORS: list[tuple[str, PromptPayTarget, Decimal | int | str | None, str]] = [
    (
        "dtinth",
        PromptPayTarget("mobile", "0066000000000"),
        Decimal("4.22"),
        "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469",
    ),
    (
        "kittinan",
        PromptPayTarget("mobile", "0066000000000"),
        None,
        "00020101021129370016A000000677010111011300660000000005802TH530376463048956",
    ),
    (
        "jojoee",
        PromptPayTarget("mobile", "0066000000000"),
        100,
        "00020101021229370016A000000677010111011300660000000005802TH53037645406100.0063043B7D",
    ),
    (
        "dtinth",
        PromptPayTarget("national_id", "1111111111111"),
        None,
        "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A",
    ),
    (
        "dtinth",
        PromptPayTarget("national_id", "0123456789012"),
        None,
        "00020101021129370016A000000677010111021301234567890125802TH530376463040CBD",
    ),
    (
        "kittinan",
        PromptPayTarget("national_id", "1234567890123"),
        None,
        "00020101021129370016A000000677010111021312345678901235802TH53037646304EC40",
    ),
    (
        "kittinan",
        PromptPayTarget("national_id", "1234567890123"),
        "420",
        "00020101021229370016A000000677010111021312345678901235802TH53037645406420.006304BF7B",
    ),
    (
        "jojoee",
        PromptPayTarget("national_id", "1111111111111"),
        878748,
        "00020101021229370016A000000677010111021311111111111115802TH53037645409878748.0063042792",
    ),
    (
        "jojoee",
        PromptPayTarget("national_id", "0123456789012"),
        Decimal("4848.50"),
        "00020101021229370016A000000677010111021301234567890125802TH530376454074848.5063049BEA",
    ),
]

# [pheerathach]: another generator's field order; must parse, never produced by us.
FOREIGN_ORDER_VECTORS = [
    (
        "00020101021129370016A0000006770101110113006600000000053037645406100.005802TH6304D19E",
        Decimal("100.00"),
    ),
    (
        "00020101021129370016A0000006770101110113006600000000053037645802TH630456EA",
        None,
    ),
    (
        "00020101021129370016A00000067701011101130066000000000530376454040.005802TH6304FB56",
        Decimal("0.00"),
    ),
]

ALL_PUBLISHED = (
    [v[3] for v in TYPED_VECTORS]
    + [v[3] for v in RAW_VECTORS]
    + [v[0] for v in FOREIGN_ORDER_VECTORS]
)


def _own_crc_ok(payload: str) -> bool:
    return f"{crc16_ccitt_false(payload[:-4]):04X}" == payload[-4:]


# --------------------------------------------------------------------------- CRC


def test_crc_check_value() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert crc16_ccitt_false("123456789") == 0x29B1
    assert crc16_ccitt_false(b"") == 0xFFFF


def test_crc_of_blognone_example() -> None:
    # [kittinan] quoting blognone.com/node/95133: the CRC of the payload up to "6304".
    body = "00020101021129370016A000000677010111011300660000000005802TH53037646304"
    assert f"{crc16_ccitt_false(body):04X}" == "8956"


@pytest.mark.parametrize("payload", ALL_PUBLISHED)
def test_every_published_vector_has_a_valid_crc(payload: str) -> None:
    assert _own_crc_ok(payload)


# --------------------------------------------------------------------------- building


@pytest.mark.parametrize(("source", "typed", "amount", "expected"), TYPED_VECTORS)
def test_build_matches_published_vector(
    source: str, typed: str, amount: Decimal | int | str | None, expected: str
) -> None:
    assert build_payload(typed, amount) == expected, source


@pytest.mark.parametrize(("source", "target", "amount", "expected"), RAW_VECTORS)
def test_build_from_explicit_target_matches_published_vector(
    source: str, target: PromptPayTarget, amount: Decimal | int | str | None, expected: str
) -> None:
    assert build_payload(target, amount) == expected, source


@pytest.mark.parametrize("target", [t for _, t, _, _ in RAW_VECTORS if t.kind == "national_id"])
def test_published_ids_with_a_wrong_check_digit_are_refused_when_typed(
    target: PromptPayTarget,
) -> None:
    with pytest.raises(InvalidPromptPayTarget, match="check digit"):
        normalize_target(target.value)


def test_field_order_static_and_dynamic() -> None:
    static = parse_payload(build_payload("0812345678"))
    dynamic = parse_payload(build_payload("0812345678", "150"))
    assert list(static.fields) == ["00", "01", "29", "58", "53", "63"]
    assert list(dynamic.fields) == ["00", "01", "29", "58", "53", "54", "63"]
    assert static.fields["01"] == "11" and not static.dynamic
    assert dynamic.fields["01"] == "12" and dynamic.dynamic
    assert dynamic.fields["54"] == "150.00"


def test_crc_is_upper_case_hex() -> None:
    payload = build_payload("0812345678", "1.00")
    assert payload[-8:-4] == "6304"
    assert payload[-4:] == payload[-4:].upper()
    assert _own_crc_ok(payload)


# --------------------------------------------------------------------------- targets


@pytest.mark.parametrize(
    "typed",
    [
        "081-234-5678",
        "0812345678",
        "+66 81 234 5678",
        "+66812345678",
        "66812345678",
        "081 234 5678",
        "(081) 234-5678",
        "081.234.5678",
        "๐๘๑-๒๓๔-๕๖๗๘",
        " 0812345678\n",
    ],
)
def test_mobile_as_people_type_it(typed: str) -> None:
    target = normalize_target(typed)
    assert target == PromptPayTarget("mobile", "0066812345678")
    assert target.kind == "mobile"
    assert target.value == "0066812345678"
    assert len(target.value) == 13
    assert target.display == "081-234-5678"


@pytest.mark.parametrize("prefix", ["06", "08", "09"])
def test_all_mobile_prefixes(prefix: str) -> None:
    assert normalize_target(prefix + "12345678").value == "0066" + prefix[1] + "12345678"


@pytest.mark.parametrize(
    "typed", ["8512819188690", "8-5128-19188-69-0", "8 5128 19188 69 0", "8-5128 19188-690"]
)
def test_national_id_with_dashes_or_spaces(typed: str) -> None:
    target = normalize_target(typed)
    assert target.kind == "national_id"
    assert target.value == "8512819188690"
    assert target.display == "8-5128-19188-69-0"


def test_company_tax_id_uses_the_same_checksum() -> None:
    # A juristic-person tax ID starts with 0; 0-1055-... style, check digit computed.
    first12 = "010555123456"
    tax_id = first12 + str(national_id_check_digit(first12))
    target = normalize_target(tax_id)
    assert target.kind == "national_id"
    assert target.value == tax_id


def test_national_id_check_digit_rule() -> None:
    # sum(d[i] * (13 - i)) for the first 12 digits, then (11 - sum % 11) % 10
    assert national_id_check_digit("851281918869") == 0
    assert national_id_check_digit("491241951027") == 0
    assert national_id_check_digit("002363720981") == 1
    assert national_id_check_digit("111111111111") == 9
    with pytest.raises(ValueError):
        national_id_check_digit("12345")


def test_ewallet() -> None:
    target = normalize_target("004999000288505")
    assert target == PromptPayTarget("ewallet", "004999000288505")
    assert target.display == "004999000288505"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("", "Please enter a PromptPay ID"),
        ("   ", "Please enter a PromptPay ID"),
        ("12345", "has 5 digits"),
        ("08123456789", "has 11 digits"),
        ("081234567890", "has 12 digits"),
        ("08123456789012", "has 14 digits"),
        ("1234567890123456", "has 16 digits"),
        ("021234567", "landline"),
        ("081-CALL-NOW", "letters"),
        ("O812345678", "letters"),  # letter O for zero
        ("abcd", "letters"),
        ("081/234/5678", "only digits"),
        ("081_234_5678", "only digits"),
        ("0812345678+", "only digits"),
        ("0212345678", "starts with 06, 08 or 09"),
        ("0012345678", "starts with 06, 08 or 09"),
        ("+1 202 555 0123", "Only Thai mobile numbers"),
        ("+66 2 123 4567", "9 digits after +66"),
        ("1111111111111", "check digit"),
        ("1-2345-67890-12-2", "check digit"),
        ("8512819188691", "check digit"),
    ],
)
def test_bad_targets_are_refused_clearly(typed: str, hint: str) -> None:
    with pytest.raises(InvalidPromptPayTarget) as caught:
        normalize_target(typed)
    assert hint in caught.value.message
    assert isinstance(caught.value, InvalidInput)


def test_non_string_target_is_refused() -> None:
    with pytest.raises(InvalidPromptPayTarget):
        normalize_target(812345678)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("mobile", "0812345678"),
        ("mobile", "1166812345678"),
        ("national_id", "123"),
        ("ewallet", "12345678901234"),
        ("ewallet", "12345678901234x"),
        ("bank_account", "1234567890"),
    ],
)
def test_explicit_target_shape_is_checked(kind: str, value: str) -> None:
    with pytest.raises(InvalidPromptPayTarget):
        PromptPayTarget(kind, value)  # type: ignore[arg-type]


def test_describe_target() -> None:
    assert describe_target("0812345678") == "Mobile 081-234-5678"
    assert describe_target("0812345678", masked=True) == "Mobile 081-***-5678"
    assert describe_target("8512819188690") == "National ID / Tax ID 8-5128-19188-69-0"
    assert describe_target("8512819188690", masked=True) == "National ID / Tax ID 8-****-*****-69-0"
    assert describe_target("004999000288505", masked=True) == "e-Wallet ***********8505"


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (Decimal("150"), "150.00"),
        (Decimal("150.5"), "150.50"),
        (Decimal("150.500"), "150.50"),  # same value, trailing zero only
        (Decimal("0.01"), "0.01"),
        (150, "150.00"),
        ("150", "150.00"),
        ("150.00", "150.00"),
        (" 99.9 ", "99.90"),
        ("1,500.25", "1500.25"),
        ("๑๕๐.๐๐", "150.00"),
        (Decimal("9999999999.99"), "9999999999.99"),
    ],
)
def test_amounts_accepted(given: Decimal | int | str, expected: str) -> None:
    amount = normalize_amount(given)
    assert isinstance(amount, Decimal)
    assert f"{amount:f}" == expected
    assert parse_payload(build_payload("0812345678", given)).fields["54"] == expected


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        (150.0, "not a float"),
        (0.1, "not a float"),
        (True, "True or False"),
        (Decimal("0"), "more than zero"),
        (Decimal("-0.00"), "more than zero"),
        (Decimal("-5"), "more than zero"),
        (0, "more than zero"),
        ("-1.00", "more than zero"),
        ("0.00", "more than zero"),
        (Decimal("NaN"), "finite"),
        (Decimal("sNaN"), "finite"),
        (Decimal("Infinity"), "finite"),
        (Decimal("-Infinity"), "finite"),
        ("NaN", "not an amount"),
        ("Infinity", "not an amount"),
        ("1e3", "not an amount"),
        ("abc", "not an amount"),
        ("", "not an amount"),
        ("1.005", "two decimal places"),
        (Decimal("100.001"), "two decimal places"),
        ("0.001", "two decimal places"),
        (Decimal("10000000000.00"), "too large"),
        ([150], "not list"),
    ],
)
def test_amounts_refused(given: object, hint: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        normalize_amount(given)  # type: ignore[arg-type]
    assert hint in caught.value.message
    with pytest.raises(InvalidAmount):
        build_payload("0812345678", given)  # type: ignore[arg-type]


def test_jojoee_rounding_vectors_are_refused_not_rounded() -> None:
    # [jojoee] rounds 445465.654878 to 445465.65; money here is never rounded silently.
    with pytest.raises(InvalidAmount):
        build_payload("0891234567", "445465.654878")


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(("source", "typed", "amount", "payload"), TYPED_VECTORS)
def test_parse_published_vectors(
    source: str, typed: str, amount: Decimal | int | str | None, payload: str
) -> None:
    parsed = parse_payload(payload)
    target = normalize_target(typed)
    assert parsed.target == target, source
    assert parsed.target_kind == target.kind
    assert parsed.target_value == target.value
    assert parsed.dynamic is (amount is not None)
    assert parsed.amount == (None if amount is None else Decimal(str(amount)))
    assert (parsed.country, parsed.currency) == ("TH", "764")
    assert parsed.crc == payload[-4:]
    assert parsed.merchant_account["00"] == "A000000677010111"


@pytest.mark.parametrize(("payload", "amount"), FOREIGN_ORDER_VECTORS)
def test_parse_other_field_order(payload: str, amount: Decimal | None) -> None:
    parsed = parse_payload(payload)
    assert parsed.target_kind == "mobile"
    assert parsed.target_value == "0066000000000"
    assert parsed.amount == amount
    assert parsed.dynamic is False  # that generator marks these static
    assert list(parsed.fields)[-1] == "63"


def test_parsed_payload_is_plain_and_read_only() -> None:
    parsed = parse_payload(build_payload("0812345678", "99.50"))
    assert isinstance(parsed, ParsedPayload)
    with pytest.raises(TypeError):
        parsed.fields["54"] = "1.00"  # type: ignore[index]
    assert parsed.amount == Decimal("99.50")


def _with_crc(body_without_crc: str) -> str:
    body = body_without_crc + "6304"
    return body + f"{crc16_ccitt_false(body):04X}"


def _tlv(*fields: tuple[str, str]) -> str:
    return "".join(f"{tag}{len(value):02d}{value}" for tag, value in fields)


def _account(*subfields: tuple[str, str]) -> tuple[str, str]:
    return ("29", _tlv(*subfields))


AID = ("00", "A000000677010111")
MOBILE = ("01", "0066812345678")
HEAD = (("00", "01"), ("01", "11"))
TAIL = (("58", "TH"), ("53", "764"))


def _payload(*fields: tuple[str, str]) -> str:
    return _with_crc(_tlv(*fields))


@pytest.mark.parametrize(
    ("payload", "hint"),
    [
        ("", "empty"),
        ("hello", "checksum field"),
        ("000201010211", "checksum field"),
        (
            "00020101021129370016A000000677010111011300668123456785802TH530376463045D83",
            "checksum does not match",
        ),
        (
            "00020101021129370016A000000677010111011300668123456785802TH530376463045d82",
            "checksum",
        ),
        (_payload(*HEAD, *TAIL), "no PromptPay account"),
        (_with_crc("0002010102112937"), "cut short"),
        (_with_crc("0002010X0211"), "malformed"),
        (_payload(("00", "01"), ("01", "13"), _account(AID, MOBILE), *TAIL), "initiation method"),
        (_payload(("01", "11"), ("00", "01"), _account(AID, MOBILE), *TAIL), "format indicator"),
        (_payload(("00", "02"), ("01", "11"), _account(AID, MOBILE), *TAIL), "format indicator"),
        (_payload(*HEAD, _account(AID, MOBILE), *TAIL, ("58", "TH")), "twice"),
        (
            _payload(*HEAD, ("30", _tlv(("00", "A000000677010112"), ("01", "0"))), *TAIL),
            "bill-payment",
        ),
        (_payload(*HEAD, _account(("00", "A000000677010114"), MOBILE), *TAIL), "application ID"),
        (_payload(*HEAD, _account(MOBILE), *TAIL), "application ID"),
        (_payload(*HEAD, _account(AID), *TAIL), "exactly one PromptPay ID"),
        (
            _payload(*HEAD, _account(AID, MOBILE, ("02", "8512819188690")), *TAIL),
            "exactly one PromptPay ID",
        ),
        (_payload(*HEAD, _account(AID, ("04", "0041234567890")), *TAIL), "bank account"),
        (_payload(*HEAD, _account(AID, ("01", "0812345678")), *TAIL), "bad PromptPay ID"),
        (_payload(*HEAD, _account(AID, ("03", "12345")), *TAIL), "bad PromptPay ID"),
        (_payload(*HEAD, _account(AID, ("0X", "1")), *TAIL), "malformed"),
        (_payload(*HEAD, _account(AID, MOBILE), ("53", "764")), "no country"),
        (_payload(*HEAD, _account(AID, MOBILE), ("58", "TH")), "no currency"),
        (_payload(*HEAD, _account(AID, MOBILE), *TAIL, ("54", "1,00")), "malformed amount"),
        (_payload(*HEAD, _account(AID, MOBILE), *TAIL, ("54", "")), "malformed amount"),
        (_payload(*HEAD, _account(AID, MOBILE), *TAIL, ("54", "-1.00")), "malformed amount"),
    ],
)
def test_parse_rejects_bad_payloads(payload: str, hint: str) -> None:
    with pytest.raises(InvalidPayload) as caught:
        parse_payload(payload)
    assert hint in caught.value.message
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.code == "invalid_payload"


def test_parse_rejects_crc_field_that_is_not_last() -> None:
    # A "6304xxxx" tail that is really inside another field's value.
    inner = "00020101021129370016A000000677010111011300668123456785802TH5303764" + "6208" + "6304"
    payload = inner + f"{crc16_ccitt_false(inner):04X}"
    with pytest.raises(InvalidPayload):
        parse_payload(payload)


def test_parse_rejects_non_string() -> None:
    with pytest.raises(InvalidPayload):
        parse_payload(None)  # type: ignore[arg-type]


def test_national_id_example_from_the_issue() -> None:
    target = normalize_target("1-2345-67890-12-1")
    assert (target.kind, target.value, target.display) == (
        "national_id",
        "1234567890121",
        "1-2345-67890-12-1",
    )
