"""The ``kiosk`` console script (also ``python -m kiosk``).

Every failure a person can cause (a bad config file, an unreachable or damaged database,
bad input) ends with one paragraph on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import logging
import sys
from collections.abc import Sequence

from kiosk.cli.base import EXIT_USER_ERROR, CliError, _settings_url
from kiosk.cli.commands import cmd_run
from kiosk.cli.parser import build_parser
from kiosk.config_sources import ConfigError

log = logging.getLogger("kiosk.cli")

__all__ = ["EXIT_USER_ERROR", "CliError", "build_parser", "main"]

_FS_FAULTS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS)


def main(argv: Sequence[str] | None = None) -> int:
    # a log file on a full or read-only disk must not print "--- Logging error ---" and a
    # traceback on every line: the command's own message says what is wrong
    logging.raiseExceptions = False
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_run)
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        code = _failed(exc, args)
        if code is None:
            raise
        return code


def _failed(exc: Exception, args: argparse.Namespace) -> int | None:
    """The exit code for ``exc`` after its one paragraph on stderr; None: raise it again.
    The database's and the services' error types are imported here, on the way out, so
    a command that needs neither (``kiosk run``'s first paint) never loads SQLAlchemy."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from kiosk.db.engine import DatabaseError, describe_db_error
    from kiosk.services.errors import ServiceError

    if isinstance(exc, (ConfigError, DatabaseError, CliError)):
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    if isinstance(exc, ServiceError):
        print(f"kiosk: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    if isinstance(exc, (DBAPIError, sqlite3.Error)):  # full, read-only, damaged or locked
        log.info("database fault: %s", exc)
        url = getattr(exc, "url", None) or _settings_url(args)
        print(f"kiosk: {describe_db_error(exc, url)}", file=sys.stderr)
        return EXIT_USER_ERROR
    if isinstance(exc, OSError):
        if exc.errno in _FS_FAULTS:
            print(f"kiosk: {describe_db_error(exc, _settings_url(args))}", file=sys.stderr)
            return EXIT_USER_ERROR
        # a file or folder the person named or configured: say which, and what is wrong
        log.info("file error", exc_info=exc)
        where = f": {exc.filename}" if exc.filename else ""
        print(f"kiosk: {exc.strerror or exc}{where}.", file=sys.stderr)
        return EXIT_USER_ERROR
    # last resort: log the traceback (to the log file, never the terminal), one calm line
    where = _log_unexpected(exc)
    print(
        f"kiosk: unexpected error ({type(exc).__name__}: {exc}). Details are in {where}.",
        file=sys.stderr,
    )
    return 1


def _log_unexpected(exc: BaseException) -> str:
    """Log ``exc`` with its traceback to the kiosk's log file, setting file logging up
    first when the command had not (a traceback must never land on the terminal); where
    it went, for the message."""
    from kiosk.config_sources import default_log_dir
    from kiosk.logsetup import setup_logging

    def kiosk_files() -> list[logging.FileHandler]:
        return [
            h
            for h in logging.getLogger().handlers
            if isinstance(h, logging.FileHandler) and getattr(h, "_kiosk", False)
        ]

    files = kiosk_files()
    if not files:
        setup_logging("INFO", default_log_dir(), to_stderr=False)
        files = kiosk_files()
    if not files:
        return "no log file (the log folder cannot be written)"
    record = log.makeRecord(
        log.name,
        logging.ERROR,
        __file__,
        0,
        "unexpected error",
        (),
        (type(exc), exc, exc.__traceback__),
    )
    for handler in files:  # the kiosk's file only (its formatter masks card data)
        handler.handle(record)
    return f"the log file {files[0].baseFilename}"
