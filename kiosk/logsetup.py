"""Logging to a rotating file in the user log directory (and stderr for the CLI).

The formatter masks anything that looks like a card number or a full phone number, in
messages and tracebacks alike, as a last line of defence: services already log only card
brand and last four digits, and the engine never puts bound values in its errors.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import unicodedata
from pathlib import Path

# A run of digits (any script: ASCII, Thai ๐-๙, full-width ０-９ ...) with the separators
# people and programs put between groups: spaces, dashes, dots, commas, underscores, slashes
# and brackets (full-width ones too), at most three at a time, with an optional leading "+".
# Whatever touches it (a letter, "_", ":", a quote) does not matter: "0812345678:" and
# "phone0812345678" are numbers too. Only two shapes of 9 digits or more are kept whole, and
# only when no further digit follows: a log timestamp ("2026-11-27 09:53:40,123") and the
# gateway's transaction id ("TXN_20261127_000001").
_SEP = r"[\s.,\-_/()\u2010-\u2015\u2212\u3000\uff08\uff09\uff0c\uff0d\uff0e\uff0f\uff3f]"
_LEAD = r"[(\uff08]?[+\uff0b]?[(\uff08]?"
_END = rf"(?!{_SEP}{{0,3}}\d)"
_STAMP = r"(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9][ T][0-2][0-9]:[0-5][0-9]"
_STAMP += r"(?::[0-5][0-9](?:[.,][0-9]{1,6})?)?"
_TXN = r"TXN_20[0-9]{6}_[0-9]{6}"
_NUMBER = re.compile(
    rf"(?P<keep>{_LEAD}{_STAMP}{_END}|{_TXN}{_END})"  # returned as they are by _mask
    rf"|{_LEAD}\d(?:{_SEP}{{0,3}}\d)*"
)
PHONE_DIGITS = 9  # a Thai number has 9 digits after the 0 or +66; foreign ones more
CARD_DIGITS = 13  # a card has 13 to 19


# A value written next to its name: {'cvv': '123'}, cvv=123, "pin": "2468", security code: 123.
_SECRET = re.compile(
    r"(?i)(?<![a-z])(cvv2?|cvc2?|csc|security[ _]code|pin)(['\"]?\s*[:=]\s*['\"]?)(\d+)"
)


def _digits(text: str) -> str:
    """The digits of ``text`` as ASCII: ``๐๘๑-２３４`` → ``081234``."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())


def _mask(match: re.Match[str]) -> str:
    if match.group("keep"):
        return match.group()
    digits = _digits(match.group())
    if len(digits) >= CARD_DIGITS:
        return "[card ****" + digits[-4:] + "]"
    if len(digits) >= PHONE_DIGITS:
        return "[phone ***" + digits[-4:] + "]"
    return match.group()


def redact(text: str) -> str:
    """Mask every run of 9 or more digits however it is written: a phone number
    (``66812345678``, ``081.234.5678``, ``(081) 234-5678``, ``๐๘๑๒๓๔๕๖๗๘``, ``+1 202 555
    0123``) keeps its last four digits as ``[phone ***5678]``, anything of 13 digits or
    more (a card number with spaces, dashes, dots, commas or underscores, in any digits)
    as ``[card ****4242]``, whatever touches the number (``0812345678:``,
    ``phone0812345678``). Shorter numbers (amounts, order numbers, dates, times), log
    timestamps and transaction ids (``TXN_20261127_000001``) stay, except the value of a
    CVV or PIN written with its name (``'cvv': '123'`` → ``'cvv': '***'``)."""
    # Numbers first: "pin: 0812 345 678" must lose the whole number, not just "0812".
    return _SECRET.sub(r"\1\2***", _NUMBER.sub(_mask, text))


class _BriefFormatter(logging.Formatter):
    """For stderr: the message only. Tracebacks go to the log file, never to a person."""

    def formatException(self, ei: object) -> str:
        return ""

    def formatStack(self, stack_info: str) -> str:
        return ""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_text
        record.exc_text = None
        try:
            return redact(super().format(record)).rstrip()
        finally:
            record.exc_text = saved


class RedactingFormatter(logging.Formatter):
    """Redacts the whole formatted record, tracebacks included (a database error quotes
    the values it was given)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(level: str, log_dir: Path, to_stderr: bool = True) -> Path | None:
    """Configure the root logger; returns the log file path (None if it cannot be written)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    path: Path | None = log_dir / "kiosk.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(fmt)
        file_handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    except OSError as exc:
        path = None
        problem = f"{log_dir} cannot be written ({exc.strerror or exc})"
    else:
        problem = ""
    if to_stderr:
        err = logging.StreamHandler(sys.stderr)
        err.setLevel(logging.WARNING)
        err.setFormatter(_BriefFormatter("%(levelname)s: %(message)s"))
        err._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(err)
    if problem:  # said, not silently dropped: nothing of this run would be kept
        logging.getLogger(__name__).warning("the log folder %s; nothing is logged", problem)
    return path
