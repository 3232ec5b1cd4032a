"""Logging to a rotating file in the user log directory (and stderr for the CLI).

A filter masks anything that looks like a card number or a full phone number, as a
last line of defence: services already log only brand, last four digits and masked phones.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

_CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
_PHONE = re.compile(r"(?:\+66[ -]?|\b0)[1-9](?:[ -]?\d){7,8}\b")


def redact(text: str) -> str:
    text = _CARD.sub(lambda m: "[card ****" + re.sub(r"\D", "", m.group())[-4:] + "]", text)
    return _PHONE.sub(lambda m: "[phone ***" + re.sub(r"\D", "", m.group())[-4:] + "]", text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def setup_logging(level: str, log_dir: Path, to_stderr: bool = True) -> Path | None:
    """Configure the root logger; returns the log file path (None if it cannot be written)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    path: Path | None = log_dir / "kiosk.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(fmt)
        file_handler.addFilter(RedactingFilter())
        file_handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    except OSError:
        path = None
    if to_stderr:
        err = logging.StreamHandler(sys.stderr)
        err.setLevel(logging.WARNING)
        err.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        err.addFilter(RedactingFilter())
        err._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(err)
    return path
