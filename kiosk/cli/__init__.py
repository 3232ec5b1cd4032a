"""The ``kiosk`` console script (also ``python -m kiosk``).

Every failure a person can cause (a bad config file, an unreachable or damaged database,
bad input) ends with one paragraph on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from kiosk.cli.base import EXIT_USER_ERROR, CliError, _settings_url
from kiosk.cli.commands import cmd_run
from kiosk.cli.parser import build_parser
from kiosk.config import ConfigError
from kiosk.db.engine import DatabaseError

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
    from kiosk.services.errors import ServiceError

    try:
        return int(func(args) or 0)
    except (ConfigError, DatabaseError, CliError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except ServiceError as exc:
        print(f"kiosk: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except (DBAPIError, sqlite3.Error) as exc:  # full, read-only, damaged or locked mid-command
        from kiosk.db.engine import describe_db_error

        log.info("database fault: %s", exc)
        url = getattr(exc, "url", None) or _settings_url(args)
        print(f"kiosk: {describe_db_error(exc, url)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:
        if exc.errno not in _FS_FAULTS:
            raise
        from kiosk.db.engine import describe_db_error

        print(f"kiosk: {describe_db_error(exc, _settings_url(args))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: log the traceback, show one calm line
        log.exception("unexpected error")
        print(
            f"kiosk: unexpected error ({type(exc).__name__}: {exc}). Details are in the log file.",
            file=sys.stderr,
        )
        return 1
