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

The limits are the columns' (``kiosk/db/models/``), so PostgreSQL and SQLite accept the
same values: text no longer than its ``VARCHAR``, integers inside PostgreSQL's ``INTEGER``
(ids, points, positions), money inside ``NUMERIC(12, 2)``.

Why not a pydantic model per call: the rules here are plain objects with a ``check``
method, so a checked call costs a few microseconds (``bench/validation.py`` measures it
against the unchecked call), and the messages are ours to word and translate.

The package: :mod:`.limits` (the columns' limits, how messages show values),
:mod:`.rules` (one value), :mod:`.compound` (values made of parts), :mod:`.cards` (card
data), :mod:`.common` (the shared rules such as :data:`ID`), :mod:`.decorators`
(:func:`validated`, :func:`checks`).
"""

from kiosk.services.validation.cards import card_fields
from kiosk.services.validation.common import (
    ID,
    LIMIT,
    NAME,
    OFFSET,
    PHONE_TEXT,
    POSITION,
    PRICE,
    REASON,
    STAFF,
    STAFF_TOO_LONG,
)
from kiosk.services.validation.compound import (
    IMAGE_SUFFIXES,
    Details,
    Fields,
    ImageName,
    JsonData,
    Sequence_,
)
from kiosk.services.validation.decorators import checks, validated
from kiosk.services.validation.limits import (
    MAX_ID,
    MAX_INT32,
    MAX_LIMIT,
    MAX_OFFSET,
    MAX_ORDER_TOTAL,
    MAX_POINTS,
    MAX_PRICE,
    SHOWN,
    ascii_digits,
    label_for,
    shown,
)
from kiosk.services.validation.rules import (
    Checked,
    Choice,
    Choices,
    Day,
    Flag,
    IdRule,
    Int,
    Moment,
    Money,
    Number,
    Optional,
    Rule,
    Text,
)

__all__ = [
    "ID",
    "IMAGE_SUFFIXES",
    "LIMIT",
    "MAX_ID",
    "MAX_INT32",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_ORDER_TOTAL",
    "MAX_POINTS",
    "MAX_PRICE",
    "NAME",
    "OFFSET",
    "PHONE_TEXT",
    "POSITION",
    "PRICE",
    "REASON",
    "SHOWN",
    "STAFF",
    "STAFF_TOO_LONG",
    "Checked",
    "Choice",
    "Choices",
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
