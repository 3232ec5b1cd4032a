"""The limits the columns set, and how a message shows a value and names a field."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

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

# Control characters (tab, newline and carriage return only where text may span lines),
# lone surrogates, which no database encoding can store, and the bidirectional embedding,
# override and isolate controls, which make text display in an order other than stored
# ("\u202egnp.exe" shows as "exe.png").
_BAD_LINE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_BAD_MULTILINE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)
#: characters that take no room (zero-width space and joiners, word joiner, BOM): stripped
#: from both ends with the spaces, so text made only of them counts as empty
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_EDGES = re.compile(f"^[\\s{INVISIBLE}]+|[\\s{INVISIBLE}]+$")


def strip_edges(text: str) -> str:
    """``text`` without spaces or invisible characters at either end."""
    return _EDGES.sub("", text)


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
