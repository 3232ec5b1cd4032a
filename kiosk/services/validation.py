"""One validation boundary for the public service methods.

Each public method declares what its arguments may be, once, with :func:`validated`::

    @validated(customer_id=ID, query=Text(100), limit=LIMIT, offset=OFFSET)
    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[MemberView]: ...

The decorator checks the arguments a caller actually passes (defaults are trusted) before
the body runs, so a refused call never opens a transaction and the database never sees an
unchecked value. Every refusal is an :class:`~kiosk.services.errors.InvalidInput` (or one of
its kin: :class:`WrongType`, :class:`Required`, :class:`TooLong`, :class:`OutOfRange`,
:class:`InvalidText`, :class:`UnknownField`, :class:`InvalidFileName`) whose ``field`` names
the argument and whose message says what is allowed. Messages never quote more than a few
characters of the input.

The limits are the columns' (``kiosk/db/models.py``), so PostgreSQL and SQLite accept the
same values: text no longer than its ``VARCHAR``, integers inside PostgreSQL's ``INTEGER``
(ids, points, positions), money inside ``NUMERIC(12, 2)``.

Why not a pydantic model per call: the rules here are plain objects with a ``check``
method, so a checked call costs a few microseconds (``bench/validation.py`` measures it
against the unchecked call), and the messages are ours to word and translate.
"""

from __future__ import annotations

import functools
import inspect
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import PurePosixPath
from typing import Any, TypeVar

from kiosk.services.errors import (
    InvalidAmount,
    InvalidCard,
    InvalidFileName,
    InvalidInput,
    InvalidText,
    OutOfRange,
    Required,
    TooLong,
    UnknownField,
    WrongType,
)

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

MAX_INT32 = 2**31 - 1  # PostgreSQL INTEGER (points, positions, counters)
# Primary keys are INTEGER on PostgreSQL (SQLite's are 64-bit): an id above 2**31 - 1 would
# fail there with "integer out of range", so it is refused on both backends alike.
MAX_ID = MAX_INT32
MAX_LIMIT = 10_000  # rows one call may ask for
MAX_OFFSET = 2**62
MAX_PRICE = Decimal("100000.00")  # one dish; an order's total is checked against the column
MAX_ORDER_TOTAL = Decimal("9999999.99")  # well inside NUMERIC(12, 2)
MAX_POINTS = 1_000_000_000  # any single points change; balances stay inside INTEGER
SHOWN = 12  # characters of the input a message may quote

# Control characters (tab, newline and carriage return only where text may span lines)
# and lone surrogates, which no database encoding can store.
_BAD_LINE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
_BAD_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SAFE_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def shown(value: object) -> str:
    """A short, safe excerpt of ``value`` for a message: at most :data:`SHOWN` characters,
    control characters and surrogates replaced."""
    text = value if isinstance(value, str) else type(value).__name__
    text = _BAD_LINE.sub("?", text[: SHOWN + 1])
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def ascii_digits(text: str) -> str:
    """Every decimal digit of any script as its ASCII digit: ``๑๒๓๔`` → ``1234``."""
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in text
    )


def label_for(field: str) -> str:
    """``first_name`` → ``First name``: how a message names a field."""
    return field.replace("_", " ").strip().capitalize() or "This value"


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
            value = value.strip()
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
            raise OutOfRange(f"{self.name(field)} must be from {self.lo:g} to {self.hi:g}.", field)
        return float(value) if self.as_float else value


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


class ImageName(Rule):
    """A picture for a dish: empty (none), a plain file name such as ``pad_thai.png``
    (looked up in ``assets/images``), or an absolute path into a folder named ``images``
    (where the admin panel copies a chosen picture). Never a relative path, ``..``, a
    hidden file or anything but a picture."""

    def __init__(self, max_len: int = 255, label: str | None = "Picture") -> None:
        self.text = Text(max_len, label=label)
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        text = self.text.check(value, field)
        if not text:
            return ""
        path = PurePosixPath(text)
        bad = InvalidFileName(
            f"{self.name(field)} must be a picture file name such as pad_thai.png "
            "(letters, digits, dots, dashes and underscores; .png, .jpg or .webp).",
            field,
        )
        if "\\" in text or ".." in path.parts or not _SAFE_FILE.fullmatch(path.name):
            raise bad
        if path.suffix.lower() not in IMAGE_SUFFIXES or path.name.startswith("."):
            raise bad
        if len(path.parts) > 1 and not (path.is_absolute() and path.parent.name == "images"):
            raise bad
        return text


class Sequence_(Rule):
    """A list or tuple of at most ``max_items`` values, each checked by ``item``."""

    def __init__(
        self, item: Rule, max_items: int, optional: bool = True, label: str | None = None
    ) -> None:
        self.item = item
        self.max_items = max_items
        self.optional = optional
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        if value is None and self.optional:
            return None
        if not isinstance(value, list | tuple | set | frozenset):
            raise WrongType(f"{self.name(field)} must be a list.", field)
        if len(value) > self.max_items:
            raise OutOfRange(
                f"{self.name(field)} can have at most {self.max_items} entries.", field
            )
        return [self.item.check(v, field) for v in value]


class Details(Rule):
    """A mapping; the listed keys are checked (a copy comes back), others are kept as given."""

    def __init__(self, keys: Mapping[str, Rule], label: str | None = None) -> None:
        self.keys = dict(keys)
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise WrongType(f"{self.name(field)} must be a set of named values.", field)
        out = dict(value)
        for key, rule in self.keys.items():
            if key in value:
                out[key] = rule.check(value[key], key)
        return out


class JsonData(Rule):
    """A small JSON-able value (for an audit entry's details): mappings with text keys,
    lists, text without control characters or lone surrogates, finite numbers, yes/no,
    None; at most ``max_items`` values in all, ``max_depth`` levels deep."""

    def __init__(self, max_items: int = 200, max_depth: int = 5, label: str | None = None) -> None:
        self.max_items = max_items
        self.max_depth = max_depth
        self.text = Text(1000, strip=False, multiline=True)
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        budget = [self.max_items]
        return self._walk(value, field, 0, budget)

    def _walk(self, value: Any, field: str, depth: int, budget: list[int]) -> Any:
        budget[0] -= 1
        if budget[0] < 0 or depth > self.max_depth:
            raise OutOfRange(f"{self.name(field)} is too large.", field)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            return self.text.check(value, field)
        if isinstance(value, int):
            if abs(value) > MAX_ID * 2**32:
                raise OutOfRange(f"{self.name(field)} holds a number too large.", field)
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                raise InvalidInput(f"{self.name(field)} must hold finite numbers.", field)
            return value
        if isinstance(value, Mapping):
            out = {}
            for k, v in value.items():
                if not isinstance(k, str):
                    raise WrongType(f"{self.name(field)} must have text keys.", field)
                out[self.text.check(k, field)] = self._walk(v, field, depth + 1, budget)
            return out
        if isinstance(value, list | tuple):
            return [self._walk(v, field, depth + 1, budget) for v in value]
        raise WrongType(f"{self.name(field)} must hold text, numbers and lists only.", field)


class Fields(Rule):
    """Keyword fields for an update: unknown names are refused, known ones checked."""

    def __init__(self, rules: Mapping[str, Rule]) -> None:
        self.rules = dict(rules)

    def check(self, value: Any, field: str) -> Any:
        unknown = [k for k in value if k not in self.rules]
        if unknown:
            names = ", ".join(shown(k) for k in sorted(map(str, unknown))[:5])
            raise UnknownField(f"These fields cannot be updated: {names}.", str(unknown[0]))
        return {k: self.rules[k].check(v, k) for k, v in value.items()}


# -- card data ---------------------------------------------------------------------------

_EXPIRY_HELP = "The expiry date must look like MM/YY, for example 08/29."
_CVV_HELP = "The security code (CVV) must be 3 or 4 digits."


def _ascii_digits_only(text: str) -> bool:
    return text.isascii() and text.isdigit()  # str.isdigit alone takes ๔, ４ and ²


def _card_field(details: Mapping[str, Any], key: str, max_len: int, too_long: str) -> str:
    """One card field as text: missing is "", an int is its digits, anything else or a
    string longer than ``max_len`` is refused (never quoted: it may be a card number)."""
    value = details.get(key)
    if value is None or value == "":
        return ""
    if type(value) is int and 0 <= value < 10**max_len:
        value = str(value)
    if not isinstance(value, str):
        raise InvalidCard("Card details must be typed as digits.", key)
    if len(value) > max_len:
        raise InvalidCard(too_long, key)
    return value


def card_fields(details: Any, luhn_ok: Callable[[str], bool]) -> tuple[str, int, int]:
    """Check card number (13-19 ASCII digits, spaces or dashes between groups, Luhn),
    expiry (MM/YY or MM/YYYY) and CVV (3 or 4 ASCII digits); return the number's digits,
    the expiry year and month. Raises :class:`InvalidCard` (never quoting the input)."""
    if not isinstance(details, Mapping):
        raise InvalidCard("Please enter the card number, expiry date and security code.")
    raw = _card_field(details, "card_number", 40, "The card number is too long.")
    digits = raw.replace(" ", "").replace("-", "")
    if not digits:
        raise InvalidCard("Please enter the card number.", "card_number")
    if not _ascii_digits_only(digits):
        raise InvalidCard("The card number can only contain digits.", "card_number")
    if not 13 <= len(digits) <= 19:
        raise InvalidCard("The card number must have 13 to 19 digits.", "card_number")
    if not luhn_ok(digits):
        raise InvalidCard("The card number is not valid. Please check it.", "card_number")
    expiry = _card_field(details, "expiry", 16, _EXPIRY_HELP).strip().replace(" ", "")
    month_text, _, year_text = expiry.partition("/")
    if not (
        _ascii_digits_only(month_text)
        and _ascii_digits_only(year_text)
        and len(month_text) <= 2
        and len(year_text) in (2, 4)
        and 1 <= int(month_text) <= 12
    ):
        raise InvalidCard(_EXPIRY_HELP, "expiry")
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    cvv = _card_field(details, "cvv", 8, _CVV_HELP).strip()
    if not (_ascii_digits_only(cvv) and 3 <= len(cvv) <= 4):
        raise InvalidCard(_CVV_HELP, "cvv")
    return digits, year, int(month_text)


# -- the common rules ------------------------------------------------------------------

ID = IdRule()
LIMIT = Int(0, MAX_LIMIT, label="Limit")
OFFSET = Int(0, MAX_OFFSET, label="Offset")
STAFF_TOO_LONG = "A staff name can have at most 64 characters."
STAFF = Text(64, label="Staff name", too_long=STAFF_TOO_LONG)  # AuditLog.staff, Payment.staff
REASON = Text(200, label="Reason")  # fits "Refund: " + reason in Payment.message (255)
PHONE_TEXT = Text(40, nfkc=True, label="Phone number")
PRICE = Money()
POSITION = Int(0, 100_000, label="Position")
NAME = Text(100)  # menu and member names: String(100)


def validated(**rules: Rule) -> Callable[[F], F]:
    """Check the named arguments of the decorated function with their :class:`Rule`.

    A rule given for the ``**kwargs`` parameter (usually a :class:`Fields`) checks the
    dict of extra keyword arguments as a whole. Arguments left at their defaults are not
    checked. The check is a loop over precomputed positions: microseconds per call.
    """

    def wrap(fn: F) -> F:
        params = list(inspect.signature(fn).parameters.values())
        unknown = set(rules) - {p.name for p in params}
        if unknown:
            raise TypeError(f"{fn.__qualname__} has no parameters {sorted(unknown)}")
        positional: list[tuple[int, str, Rule]] = []
        by_name: dict[str, Rule] = {}
        named: set[str] = set()
        var_kw: Rule | None = None
        for index, p in enumerate(params):
            rule = rules.get(p.name)
            if p.kind is inspect.Parameter.VAR_KEYWORD:
                var_kw = rule
                continue
            named.add(p.name)
            if rule is None:
                continue
            if p.kind in (
                inspect.Parameter.POSITIONAL_ONLY,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
            ):
                positional.append((index, p.name, rule))
            if p.kind is not inspect.Parameter.POSITIONAL_ONLY:
                by_name[p.name] = rule

        first = min((index for index, _, _ in positional), default=len(params))

        @functools.wraps(fn)
        def checked(*args: Any, **kwargs: Any) -> Any:
            n = len(args)
            if n > first:
                args_list = list(args)
                for index, name, rule in positional:
                    if index < n:
                        args_list[index] = rule.check(args_list[index], name)
                args = tuple(args_list)
            if kwargs:
                extra: dict[str, Any] = {}
                for key, value in kwargs.items():
                    rule = by_name.get(key)
                    if rule is not None:
                        kwargs[key] = rule.check(value, key)
                    elif key not in named:
                        extra[key] = value
                if var_kw is not None and extra:
                    kwargs.update(var_kw.check(extra, ""))
            return fn(*args, **kwargs)

        checked.__validation_rules__ = dict(rules)  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return wrap


def checks(methods: Mapping[str, Mapping[str, Rule]]) -> Callable[[type[T]], type[T]]:
    """A class decorator: :func:`validated` for each named method, with its rules. Keeps a
    service's entry checks in one table when decorating each method is not wanted."""

    def wrap(cls: type[T]) -> type[T]:
        for name, rules in methods.items():
            setattr(cls, name, validated(**rules)(getattr(cls, name)))
        return cls

    return wrap


__all__ = [
    "ID",
    "LIMIT",
    "MAX_ID",
    "MAX_INT32",
    "MAX_ORDER_TOTAL",
    "MAX_POINTS",
    "MAX_PRICE",
    "NAME",
    "OFFSET",
    "PHONE_TEXT",
    "POSITION",
    "PRICE",
    "REASON",
    "STAFF",
    "Checked",
    "Choice",
    "Day",
    "Details",
    "Fields",
    "Flag",
    "IdRule",
    "ImageName",
    "Int",
    "JsonData",
    "Moment",
    "Money",
    "Number",
    "Optional",
    "Rule",
    "Sequence_",
    "Text",
    "ascii_digits",
    "card_fields",
    "checks",
    "label_for",
    "shown",
    "validated",
]
