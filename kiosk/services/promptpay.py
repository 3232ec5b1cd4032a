"""PromptPay QR payloads: the EMVCo merchant-presented format used by Thai QR Payment.

A payload is a run of TLV fields (two-digit tag, two-digit length, value) ending with a
CRC. For a PromptPay credit transfer we write, in this order::

    00 "01"                  payload format indicator
    01 "11" | "12"           static QR (payer types the amount) | dynamic QR (amount given)
    29 merchant account:     00 AID "A000000677010111"
                             01 mobile "0066" + 9 digits | 02 national / tax ID (13 digits)
                             | 03 e-wallet ID (15 digits)
    58 "TH"                  country
    53 "764"                 currency (THB)
    54 "150.00"              amount, two decimals, only in a dynamic QR
    63 CRC                   CRC-16/CCITT-FALSE over everything before it, "6304" included

Targets are accepted the way people type them (:func:`normalize_target`); amounts are exact
:class:`~decimal.Decimal` values and never pass through float (:func:`normalize_amount`).
:func:`parse_payload` reads any PromptPay credit-transfer payload back (fields in any
order), checking structure and CRC.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Literal, get_args

from kiosk.services.errors import InvalidAmount, InvalidPayload, InvalidPromptPayTarget

__all__ = [
    "AID_MERCHANT_PRESENTED",
    "ParsedPayload",
    "PromptPayTarget",
    "TargetKind",
    "build_payload",
    "crc16_ccitt_false",
    "describe_target",
    "national_id_check_digit",
    "normalize_amount",
    "normalize_target",
    "parse_payload",
]

TargetKind = Literal["mobile", "national_id", "ewallet"]

AID_MERCHANT_PRESENTED = "A000000677010111"
COUNTRY_TH = "TH"
CURRENCY_THB = "764"
STATIC = "11"
DYNAMIC = "12"

# Top-level tags.
_FORMAT = "00"
_POI_METHOD = "01"
_ACCOUNT = "29"
_BILL_PAYMENT = "30"
_CURRENCY = "53"
_AMOUNT = "54"
_COUNTRY = "58"
_CRC = "63"
# Sub-tags of tag 29.
_SUB_AID = "00"
_SUBTAG_BY_KIND: dict[str, str] = {"mobile": "01", "national_id": "02", "ewallet": "03"}
_KIND_BY_SUBTAG: dict[str, TargetKind] = {"01": "mobile", "02": "national_id", "03": "ewallet"}
_UNSUPPORTED_SUBTAGS = {"04": "a bank account", "05": "an OTA reference"}

_CENT = Decimal("0.01")
_MAX_AMOUNT = Decimal("9999999999.99")  # EMVCo: tag 54 holds at most 13 characters

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_TARGET_CHARS = re.compile(r"\+?[0-9\s\-.()]*")
_PLAIN_AMOUNT = re.compile(r"-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?|-?\.\d+")
_TLV_AMOUNT = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_MOBILE_PREFIXES = ("06", "08", "09")
_TARGET_HELP = (
    "a 10-digit mobile number (081-234-5678), a 13-digit national ID or tax ID, "
    "or a 15-digit e-wallet ID"
)


# --------------------------------------------------------------------------- checksums


def crc16_ccitt_false(data: bytes | str) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR.

    ``str`` input is encoded as UTF-8 (a PromptPay payload is plain ASCII). The check value
    of ``b"123456789"`` is ``0x29B1``.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    crc = 0xFFFF
    for byte in raw:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC_TABLE[((crc >> 8) ^ byte) & 0xFF]
    return crc


def _crc_table() -> tuple[int, ...]:
    table = []
    for top in range(256):
        crc = top << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
        table.append(crc & 0xFFFF)
    return tuple(table)


_CRC_TABLE = _crc_table()


def _crc_hex(data: str) -> str:
    return f"{crc16_ccitt_false(data):04X}"


def national_id_check_digit(first12: str) -> int:
    """The 13th digit of a Thai national ID or tax ID, from its first 12 digits.

    ``(11 - sum(d[i] * (13 - i) for i < 12) % 11) % 10``: the same rule for people and companies.
    """
    if len(first12) != 12 or not first12.isascii() or not first12.isdigit():
        raise ValueError("need exactly 12 ASCII digits")
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return (11 - total % 11) % 10


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True, slots=True)
class PromptPayTarget:
    """Who receives the money.

    ``value`` is exactly what goes into tag 29 (a mobile number as ``0066`` + 9 digits);
    ``display`` is how a person writes it (``081-234-5678``, ``1-2345-67890-12-1``).

    Constructing one directly checks only the shape of ``value`` (kind, digits, length), so
    payloads read from elsewhere can be represented. Use :func:`normalize_target` for
    anything a person typed: it also checks the mobile prefix and the ID check digit.
    """

    kind: TargetKind
    value: str
    display: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.kind not in get_args(TargetKind):
            raise InvalidPromptPayTarget(f"Unknown PromptPay target kind {self.kind!r}.")
        value = self.value
        if not isinstance(value, str) or not value.isascii() or not value.isdigit():
            raise InvalidPromptPayTarget("A PromptPay ID is made of digits only.")
        if self.kind == "mobile" and (len(value) != 13 or not value.startswith("0066")):
            raise InvalidPromptPayTarget(
                "A PromptPay mobile number is stored as 0066 followed by 9 digits."
            )
        if self.kind == "national_id" and len(value) != 13:
            raise InvalidPromptPayTarget("A national ID or tax ID has 13 digits.")
        if self.kind == "ewallet" and len(value) != 15:
            raise InvalidPromptPayTarget("An e-wallet ID has 15 digits.")
        if not self.display:
            object.__setattr__(self, "display", _display(self.kind, value))


def _display(kind: str, value: str) -> str:
    if kind == "mobile":
        local = "0" + value[4:]
        return f"{local[:3]}-{local[3:6]}-{local[6:]}"
    if kind == "national_id":
        return f"{value[0]}-{value[1:5]}-{value[5:10]}-{value[10:12]}-{value[12]}"
    return value


def _mobile(local: str) -> PromptPayTarget:
    """``local`` is 10 digits starting with 0."""
    if not local.startswith(_MOBILE_PREFIXES):
        raise InvalidPromptPayTarget(
            "A Thai mobile number starts with 06, 08 or 09. Please check the number."
        )
    return PromptPayTarget("mobile", "0066" + local[1:])


def normalize_target(text: str) -> PromptPayTarget:
    """Read a PromptPay ID the way a person types it.

    Mobile: ``081-234-5678``, ``0812345678``, ``+66 81 234 5678``, ``66812345678``.
    National ID or tax ID (13 digits, check digit verified): ``1-2345-67890-12-1``.
    E-wallet ID: 15 digits. Spaces, dashes, dots and brackets are ignored; Thai digits work.
    Anything else raises :class:`InvalidPromptPayTarget` with a message saying why.
    """
    if not isinstance(text, str):
        raise InvalidPromptPayTarget(f"Please enter a PromptPay ID: {_TARGET_HELP}.")
    cleaned = text.translate(_THAI_DIGITS).strip()
    if not cleaned:
        raise InvalidPromptPayTarget(f"Please enter a PromptPay ID: {_TARGET_HELP}.")
    if any(ch.isalpha() for ch in cleaned):
        raise InvalidPromptPayTarget(
            f"A PromptPay ID has digits only, but this one contains letters. It should be "
            f"{_TARGET_HELP}."
        )
    if not _TARGET_CHARS.fullmatch(cleaned):
        raise InvalidPromptPayTarget(
            "A PromptPay ID may contain only digits, spaces and dashes "
            "(and a + before a country code)."
        )
    digits = "".join(ch for ch in cleaned if ch.isdigit())

    if cleaned.startswith("+"):
        if digits.startswith("66") and len(digits) == 11:
            return _mobile("0" + digits[2:])
        if digits.startswith("66"):
            raise InvalidPromptPayTarget(
                "A Thai mobile number has 9 digits after +66 (for example +66 81 234 5678)."
            )
        raise InvalidPromptPayTarget("Only Thai mobile numbers (+66) can receive PromptPay.")

    if len(digits) == 10 and digits.startswith("0"):
        return _mobile(digits)
    if len(digits) == 11 and digits.startswith("66"):
        return _mobile("0" + digits[2:])
    if len(digits) == 13:
        if int(digits[12]) != national_id_check_digit(digits[:12]):
            raise InvalidPromptPayTarget(
                "This national ID or tax ID is not valid: its check digit does not match. "
                "Please check the number for a typo."
            )
        return PromptPayTarget("national_id", digits)
    if len(digits) == 15:
        return PromptPayTarget("ewallet", digits)
    if len(digits) == 9 and digits.startswith("0"):
        raise InvalidPromptPayTarget(
            "This looks like a landline number. PromptPay needs a mobile number "
            "(10 digits, for example 081-234-5678)."
        )
    raise InvalidPromptPayTarget(
        f"A PromptPay ID is {_TARGET_HELP}; this one has {len(digits)} digits."
    )


def _as_target(target: str | PromptPayTarget) -> PromptPayTarget:
    if isinstance(target, PromptPayTarget):
        return target
    return normalize_target(target)


_KIND_LABEL = {"mobile": "Mobile", "national_id": "National ID / Tax ID", "ewallet": "e-Wallet"}


def describe_target(target: str | PromptPayTarget, *, masked: bool = False) -> str:
    """A one-line label: ``"Mobile 081-234-5678"``, ``"National ID / Tax ID 1-2345-..."``.

    ``masked=True`` hides the middle digits (``"Mobile 081-***-5678"``) for logs and for
    screens that strangers can see.
    """
    t = _as_target(target)
    shown = t.display
    if masked:
        if t.kind == "mobile":
            shown = f"{shown[:3]}-***-{shown[-4:]}"
        elif t.kind == "national_id":
            shown = f"{shown[0]}-****-*****-{shown[-4:]}"
        else:
            shown = "*" * (len(shown) - 4) + shown[-4:]
    return f"{_KIND_LABEL[t.kind]} {shown}"


# --------------------------------------------------------------------------- amounts


def normalize_amount(amount: Decimal | int | str) -> Decimal:
    """An amount in baht as a Decimal with exactly two places, e.g. ``Decimal("150.00")``.

    Accepts ``Decimal``, ``int`` or a string such as ``"150"``, ``"150.00"`` or
    ``"1,500.50"``. Floats are refused (they cannot hold 0.10 exactly). Raises
    :class:`InvalidAmount` for zero, negative, NaN / infinite values, more than two decimal
    places, or more than fits in a QR code (9,999,999,999.99).
    """
    if isinstance(amount, float):
        raise InvalidAmount(
            "Amounts must be exact: pass a Decimal or a string such as '150.00', not a float."
        )
    if isinstance(amount, bool):
        raise InvalidAmount("An amount must be a number of baht, not True or False.")
    if isinstance(amount, Decimal):
        value = amount
    elif isinstance(amount, int):
        value = Decimal(amount)
    elif isinstance(amount, str):
        text = amount.translate(_THAI_DIGITS).strip()
        if not _PLAIN_AMOUNT.fullmatch(text):
            raise InvalidAmount(f"{amount!r} is not an amount; write it like 150 or 150.00.")
        value = Decimal(text.replace(",", ""))
    else:
        raise InvalidAmount(
            f"An amount must be a Decimal, an int or a string, not {type(amount).__name__}."
        )
    if not value.is_finite():
        raise InvalidAmount("An amount must be a finite number of baht.")
    if value <= 0:
        raise InvalidAmount("The amount must be more than zero.")
    if value > _MAX_AMOUNT:
        raise InvalidAmount("The amount is too large for a PromptPay QR code.")
    cents = value.quantize(_CENT)
    if cents != value:
        raise InvalidAmount("An amount can have at most two decimal places (satang).")
    return cents


# --------------------------------------------------------------------------- building


def _tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def build_payload(target: str | PromptPayTarget, amount: Decimal | int | str | None = None) -> str:
    """The text to put in the QR code.

    ``target`` is what a person typed (see :func:`normalize_target`) or a
    :class:`PromptPayTarget`. Without ``amount`` the QR is static (tag 01 = ``11``) and the
    payer types the amount; with one it is dynamic (``12``) and carries it in tag 54.
    """
    t = _as_target(target)
    cents = None if amount is None else normalize_amount(amount)
    account = _tlv(_SUB_AID, AID_MERCHANT_PRESENTED) + _tlv(_SUBTAG_BY_KIND[t.kind], t.value)
    body = (
        _tlv(_FORMAT, "01")
        + _tlv(_POI_METHOD, STATIC if cents is None else DYNAMIC)
        + _tlv(_ACCOUNT, account)
        + _tlv(_COUNTRY, COUNTRY_TH)
        + _tlv(_CURRENCY, CURRENCY_THB)
        + ("" if cents is None else _tlv(_AMOUNT, f"{cents:f}"))
        + _CRC
        + "04"
    )
    return body + _crc_hex(body)


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True, slots=True)
class ParsedPayload:
    """A payload read back by :func:`parse_payload`.

    ``fields`` holds every top-level field's raw value by tag, in payload order (so
    ``fields["29"]`` is the raw merchant-account string); ``merchant_account`` holds the
    sub-fields of tag 29. ``target_value`` is the raw tag-29 value (``0066812345678``).
    """

    dynamic: bool
    target_kind: TargetKind
    target_value: str
    amount: Decimal | None
    country: str
    currency: str
    crc: str
    fields: Mapping[str, str]
    merchant_account: Mapping[str, str]

    @property
    def target(self) -> PromptPayTarget:
        return PromptPayTarget(self.target_kind, self.target_value)


def _read_tlv(text: str, where: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        head = text[pos : pos + 4]
        if len(head) < 4 or not head.isascii() or not head.isdigit():
            raise InvalidPayload(
                f"This is not a valid PromptPay QR code: {where} is malformed at position {pos}."
            )
        tag, length = head[:2], int(head[2:])
        value = text[pos + 4 : pos + 4 + length]
        if len(value) != length:
            raise InvalidPayload(
                f"This is not a valid PromptPay QR code: field {tag} in {where} is cut short."
            )
        if tag in fields:
            raise InvalidPayload(
                f"This is not a valid PromptPay QR code: field {tag} appears twice in {where}."
            )
        fields[tag] = value
        pos += 4 + length
    return fields


def parse_payload(payload: str) -> ParsedPayload:
    """Read a PromptPay credit-transfer payload and verify its CRC.

    Fields may come in any order (other generators put 53 and 54 before 58), but the CRC
    field must be last and in upper-case hex. The target's shape is checked; a national ID's
    check digit is not, since the payload may come from another system. Raises
    :class:`InvalidPayload` with the reason.
    """
    if not isinstance(payload, str) or not payload:
        raise InvalidPayload("This is not a PromptPay QR code: it is empty.")
    if len(payload) < 12 or payload[-8:-4] != _CRC + "04":
        raise InvalidPayload(
            "This is not a valid PromptPay QR code: it does not end with a checksum field."
        )
    given, expected = payload[-4:], _crc_hex(payload[:-4])
    if given != expected:
        raise InvalidPayload(
            "This PromptPay QR code is damaged: its checksum does not match its contents."
        )

    fields = _read_tlv(payload, "the payload")
    if list(fields)[-1] != _CRC:
        raise InvalidPayload(
            "This is not a valid PromptPay QR code: the checksum field must come last."
        )
    if next(iter(fields)) != _FORMAT or fields[_FORMAT] != "01":
        raise InvalidPayload(
            "This is not a valid PromptPay QR code: it must start with format indicator 01."
        )
    method = fields.get(_POI_METHOD, STATIC)
    if method not in (STATIC, DYNAMIC):
        raise InvalidPayload(
            f"This is not a valid PromptPay QR code: unknown initiation method {method!r}."
        )
    if _ACCOUNT not in fields:
        if _BILL_PAYMENT in fields:
            raise InvalidPayload(
                "This is a PromptPay bill-payment QR code; only transfers to a PromptPay ID "
                "are supported."
            )
        raise InvalidPayload("This is not a PromptPay QR code: it has no PromptPay account.")

    account = _read_tlv(fields[_ACCOUNT], "the PromptPay account")
    if account.get(_SUB_AID) != AID_MERCHANT_PRESENTED:
        raise InvalidPayload(
            "This is not a PromptPay transfer QR code: the application ID is "
            f"{account.get(_SUB_AID)!r}, expected {AID_MERCHANT_PRESENTED!r}."
        )
    for sub, what in _UNSUPPORTED_SUBTAGS.items():
        if sub in account:
            raise InvalidPayload(f"This PromptPay QR code pays {what}, which is not supported.")
    targets = [sub for sub in _KIND_BY_SUBTAG if sub in account]
    if len(targets) != 1:
        raise InvalidPayload(
            "This is not a valid PromptPay QR code: it must name exactly one PromptPay ID."
        )
    kind = _KIND_BY_SUBTAG[targets[0]]
    try:
        target = PromptPayTarget(kind, account[targets[0]])
    except InvalidPromptPayTarget as exc:
        raise InvalidPayload(
            f"This PromptPay QR code has a bad PromptPay ID: {exc.message}"
        ) from exc

    for tag, name in ((_COUNTRY, "country"), (_CURRENCY, "currency")):
        if not fields.get(tag):
            raise InvalidPayload(f"This is not a valid PromptPay QR code: it has no {name}.")

    amount: Decimal | None = None
    if _AMOUNT in fields:
        raw = fields[_AMOUNT]
        if not _TLV_AMOUNT.fullmatch(raw):
            raise InvalidPayload(f"This PromptPay QR code has a malformed amount {raw!r}.")
        try:
            amount = Decimal(raw)
        except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
            raise InvalidPayload(f"This PromptPay QR code has a malformed amount {raw!r}.") from exc

    return ParsedPayload(
        dynamic=method == DYNAMIC,
        target_kind=target.kind,
        target_value=target.value,
        amount=amount,
        country=fields[_COUNTRY],
        currency=fields[_CURRENCY],
        crc=given,
        fields=MappingProxyType(fields),
        merchant_account=MappingProxyType(account),
    )
