"""The rules for one value: text, numbers, money, yes/no, choices, dates and times."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.services.errors import (
    InvalidAmount,
    InvalidInput,
    InvalidText,
    OutOfRange,
    Required,
    TooLong,
    WrongType,
)
from kiosk.services.validation.limits import (
    _BAD_LINE,
    _BAD_MULTILINE,
    MAX_ID,
    MAX_PRICE,
    ascii_digits,
    label_for,
    shown,
    strip_edges,
)


class Rule:
    """A check for one value. ``check`` returns the value to use (maybe normalised) or
    raises an :class:`InvalidInput` naming ``field``."""

    label: str | None = None

    def check(self, value: Any, field: str) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def name(self, field: str) -> str:
        return self.label or label_for(field)


class Text(Rule):
    """A string of at most ``max_len`` characters (the column's length).

    ``required``: empty (after stripping) is refused with ``missing`` as the message.
    ``optional``: ``None`` is passed through; otherwise ``None`` counts as empty text.
    ``multiline``: tab, newline and carriage return are allowed. ``nfkc``: normalise
    compatibility characters (full-width letters and digits) before checking.
    ``digits``: a digit string: NFKC, then every decimal digit of any script (Thai ๐-๙,
    Arabic-Indic...) becomes its ASCII digit. ``too_long``, ``wrong``: the messages for
    text that is too long or not text (the admin panel translates the service's own).
    """

    def __init__(
        self,
        max_len: int,
        *,
        required: bool = False,
        missing: str | None = None,
        optional: bool = False,
        strip: bool = True,
        multiline: bool = False,
        nfkc: bool = False,
        digits: bool = False,
        too_long: str | None = None,
        wrong: str | None = None,
        label: str | None = None,
    ) -> None:
        self.max_len = max_len
        self.digits = digits
        self.too_long = too_long
        self.wrong = wrong
        self.required = required
        self.missing = missing
        self.optional = optional
        self.strip = strip
        self.bad = _BAD_MULTILINE if multiline else _BAD_LINE
        self.nfkc = nfkc or digits
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        if (
            type(value) is str
            and len(value) <= self.max_len
            and value.isascii()
            and value.isprintable()
            and not self.digits
        ):  # the common case: short printable ASCII, no control character possible
            if self.strip:
                value = value.strip()
            if self.required and not value:
                raise Required(
                    self.missing or f"Please enter the {self.name(field).lower()}.", field
                )
            return value
        if value is None:
            if self.optional:
                return None
            value = ""
        if not isinstance(value, str):
            raise WrongType(self.wrong or f"{self.name(field)} must be text.", field)
        if len(value) > 4 * self.max_len + 64:  # refuse a huge string before any work on it
            raise self._too_long(field)
        if self.nfkc and not value.isascii():
            value = unicodedata.normalize("NFKC", value)
            if self.digits:
                value = ascii_digits(value)
        if self.strip:
            value = strip_edges(value)
        if len(value) > self.max_len:
            raise self._too_long(field)
        if self.bad.search(value):
            raise InvalidText(
                f"{self.name(field)} contains a character that cannot be stored "
                "(a control character or a broken emoji). Please type it again.",
                field,
            )
        if self.required and not value:
            raise Required(self.missing or f"Please enter the {self.name(field).lower()}.", field)
        return value

    def _too_long(self, field: str) -> TooLong:
        return TooLong(
            self.too_long or f"{self.name(field)} can have at most {self.max_len} characters.",
            field,
            self.max_len,
        )


class Int(Rule):
    """A whole number from ``lo`` to ``hi`` (a bool is not a number). ``digits``: also
    accept text of digits (any script, normalised with NFKC)."""

    def __init__(
        self,
        lo: int,
        hi: int,
        *,
        label: str | None = None,
        message: str | None = None,
        digits: bool = False,
    ) -> None:
        self.lo, self.hi = lo, hi
        self.label = label
        self.message = message
        self.digits = digits

    def check(self, value: Any, field: str) -> Any:
        if type(value) is not int:
            value = self._coerce(value, field)
        if not self.lo <= value <= self.hi:
            raise OutOfRange(
                self.message or f"{self.name(field)} must be from {self.lo:,} to {self.hi:,}.",
                field,
            )
        return value

    def _coerce(self, value: Any, field: str) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return int(value)
        if self.digits and isinstance(value, str) and len(value) <= 24:
            text = unicodedata.normalize("NFKC", value).strip()
            if text.isascii() and text.isdigit():
                return int(text)
        raise WrongType(f"{self.name(field)} must be a whole number.", field)


class IdRule(Int):
    """A row id: 1 .. :data:`MAX_ID`."""

    def __init__(self, label: str | None = None, digits: bool = False) -> None:
        super().__init__(1, MAX_ID, label=label, digits=digits)

    def check(self, value: Any, field: str) -> Any:
        if type(value) is int and 1 <= value <= MAX_ID:
            return value
        if type(value) is not int:
            value = self._coerce(value, field)
        if not 1 <= value <= MAX_ID:
            raise OutOfRange(
                f"{self.name(field)} is not a valid id (a whole number from 1).", field
            )
        return value


class Flag(Rule):
    """Yes or no: ``True``/``False`` (``0`` and ``1`` are accepted too)."""

    def __init__(self, label: str | None = None) -> None:
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        if isinstance(value, bool):
            return value
        if type(value) is int and value in (0, 1):
            return bool(value)
        raise WrongType(f"{self.name(field)} must be yes or no (True or False).", field)


class Money(Rule):
    """An amount of THB: ``Decimal``, ``int`` or text, finite, at most two decimals, from
    ``lo`` to ``hi``. Floats are refused (they cannot hold satang exactly). Every refusal
    is an :class:`InvalidAmount`."""

    def __init__(
        self, lo: Decimal = Decimal("0.00"), hi: Decimal = MAX_PRICE, label: str | None = None
    ) -> None:
        self.lo, self.hi = lo, hi
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        name = self.name(field)
        if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
            raise InvalidAmount(f"{name} must be an amount such as 120 or 120.50.", field)
        if isinstance(value, str):
            if len(value) > 32:
                raise InvalidAmount(f"{name} must be an amount such as 120 or 120.50.", field)
            value = unicodedata.normalize("NFKC", value).strip()
        try:
            amount = Decimal(value)
        except (InvalidOperation, ValueError, TypeError):
            raise InvalidAmount(f"{name} must be an amount such as 120 or 120.50.", field) from None
        if not amount.is_finite():
            raise InvalidAmount(f"{name} must be a finite amount.", field)
        if not self.lo <= amount <= self.hi:
            raise InvalidAmount(f"{name} must be from {self.lo:,.2f} to {self.hi:,.2f} THB.", field)
        cents = amount.quantize(Decimal("0.01"))
        if cents != amount:
            raise InvalidAmount(f"{name} can have at most two decimal places.", field)
        return cents


class Number(Rule):
    """A finite real number from ``lo`` to ``hi`` (seconds, rates): int, float or Decimal."""

    def __init__(
        self, lo: float, hi: float, label: str | None = None, as_float: bool = False
    ) -> None:
        self.lo, self.hi = lo, hi
        self.label = label
        self.as_float = as_float

    def check(self, value: Any, field: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise WrongType(f"{self.name(field)} must be a number.", field)
        finite = (
            value.is_finite()
            if isinstance(value, Decimal)
            else isinstance(value, int) or math.isfinite(value)
        )
        if not finite:
            raise InvalidInput(f"{self.name(field)} must be a finite number.", field)
        if not self.lo <= value <= self.hi:
            lo, hi = _plain_number(self.lo), _plain_number(self.hi)
            raise OutOfRange(f"{self.name(field)} must be from {lo} to {hi}.", field)
        return float(value) if self.as_float else value


def _plain_number(x: float) -> str:
    """1e9 as 1,000,000,000 and 0.5 as 0.5 (``:g`` wrote 3.16224e+07)."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


class Choice(Rule):
    """One of a fixed set of strings."""

    def __init__(
        self, values: Sequence[str], label: str | None = None, message: str | None = None
    ) -> None:
        self.values = tuple(values)
        self.label = label
        self.message = message

    def check(self, value: Any, field: str) -> Any:
        if isinstance(value, str) and value in self.values:
            return value
        raise InvalidInput(
            self.message or f"{self.name(field)} must be one of: {', '.join(self.values)}.", field
        )


class Choices(Rule):
    """A set of strings from a fixed list (a list, tuple, set or frozenset; never one bare
    string, whose letters would each count), returned as a tuple in the list's order
    without repeats. At most ``len(values)`` distinct codes, so the check stays cheap."""

    def __init__(self, values: Sequence[str], label: str | None = None) -> None:
        self.values = tuple(values)
        self._known = frozenset(self.values)
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
            raise WrongType(
                f"{self.name(field)} must be a list of codes from: {', '.join(self.values)}.",
                field,
            )
        if len(value) > 4 * len(self.values):
            raise TooLong(f"{self.name(field)} has too many entries.", field)
        for code in value:
            if not isinstance(code, str) or code not in self._known:
                raise InvalidInput(
                    f"{self.name(field)}: {shown(code)!r} is not one of: {', '.join(self.values)}.",
                    field,
                )
        chosen = set(value)
        return tuple(v for v in self.values if v in chosen)


class Checked(Rule):
    """Accepted as given: the method checks this value itself (with its own messages)."""

    def check(self, value: Any, field: str) -> Any:
        return value


class Optional(Rule):
    """``None``, or what ``rule`` accepts."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.label = rule.label

    def check(self, value: Any, field: str) -> Any:
        return None if value is None else self.rule.check(value, field)


class Moment(Rule):
    """A timezone-aware ``datetime``."""

    def __init__(self, label: str | None = None) -> None:
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        if not isinstance(value, datetime):
            raise WrongType(f"{self.name(field)} must be a date and time.", field)
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidInput(f"{self.name(field)} must carry its time zone.", field)
        return value


class Day(Rule):
    """A calendar date (``date`` or ISO text ``1990-04-13``) from ``lo`` to ``hi``; empty
    text or ``None`` when ``optional``."""

    def __init__(
        self,
        lo: date = date(1900, 1, 1),
        hi: date = date(2200, 12, 31),
        optional: bool = False,
        label: str | None = None,
        message: str | None = None,
    ) -> None:
        self.lo, self.hi = lo, hi
        self.optional = optional
        self.label = label
        self.message = message

    def check(self, value: Any, field: str) -> Any:
        name = self.name(field)
        if self.optional and (value is None or value == ""):
            return None
        if isinstance(value, str) and len(value) <= 32:
            try:
                value = date.fromisoformat(unicodedata.normalize("NFKC", value).strip())
            except ValueError:
                raise InvalidInput(
                    self.message or f"{name} must look like 1990-04-13.", field
                ) from None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise WrongType(f"{name} must be a date such as 1990-04-13.", field)
        if not self.lo <= value <= self.hi:
            raise OutOfRange(f"{name} must be between {self.lo} and {self.hi}.", field)
        return value
