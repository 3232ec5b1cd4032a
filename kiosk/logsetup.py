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
from pathlib import Path

_CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
_PHONE = re.compile(
    r"\+\d(?:[ -]?\d){7,14}\b"  # any number in international form
    r"|\b0[1-9](?:[ -]?\d){7,8}\b"  # Thai local form, 081-234-5678
)


def redact(text: str) -> str:
    text = _CARD.sub(lambda m: "[card ****" + re.sub(r"\D", "", m.group())[-4:] + "]", text)
    return _PHONE.sub(lambda m: "[phone ***" + re.sub(r"\D", "", m.group())[-4:] + "]", text)


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
    except OSError:
        path = None
    if to_stderr:
        err = logging.StreamHandler(sys.stderr)
        err.setLevel(logging.WARNING)
        err.setFormatter(_BriefFormatter("%(levelname)s: %(message)s"))
        err._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(err)
    return path
