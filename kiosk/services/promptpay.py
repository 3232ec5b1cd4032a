"""PromptPay payloads (placeholder until the PromptPay issue's module lands)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kiosk.services.errors import InvalidPromptPayTarget


@dataclass(frozen=True)
class PromptPayTarget:
    kind: str
    value: str


def crc16_ccitt_false(data: bytes) -> int:
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def normalize_target(raw: str) -> PromptPayTarget:
    digits = "".join(c for c in raw if c.isdigit())
    if len(digits) == 10 and digits.startswith("0"):
        return PromptPayTarget("mobile", "0066" + digits[1:])
    if len(digits) == 13:
        return PromptPayTarget("national_id", digits)
    raise InvalidPromptPayTarget("Not a PromptPay ID.")


def _tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def build_payload(target: str | PromptPayTarget, amount: Decimal | None = None) -> str:
    t = target if isinstance(target, PromptPayTarget) else normalize_target(target)
    sub = {"mobile": "01", "national_id": "02", "ewallet": "03"}[t.kind]
    body = _tlv("00", "01") + _tlv("01", "12" if amount else "11")
    body += _tlv("29", _tlv("00", "A000000677010111") + _tlv(sub, t.value))
    body += _tlv("58", "TH") + _tlv("53", "764")
    if amount:
        body += _tlv("54", f"{amount:.2f}")
    body += "6304"
    return body + f"{crc16_ccitt_false(body.encode()):04X}"
