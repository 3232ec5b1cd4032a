"""What every ``kiosk`` command shares: the error type, settings from the options, the
store, logging."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, Any

from kiosk.config_sources import ConfigError

if TYPE_CHECKING:
    from kiosk.app import Store
    from kiosk.config import Settings
    from kiosk.db import Database

log = logging.getLogger("kiosk.cli")

EXIT_USER_ERROR = 2


class CliError(Exception):
    """A problem to report in one paragraph with exit code 2."""


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings the global options set (``--database-url``, ``--log-level``)."""
    overrides: dict[str, Any] = {}
    if getattr(args, "database_url", None):
        overrides["database"] = {"url": args.database_url}
    if getattr(args, "log_level", None):
        overrides["logging"] = {"level": args.log_level}
    return overrides


def _settings(args: argparse.Namespace) -> Settings:
    from kiosk.config import load_settings

    return load_settings(args.config, overrides=_overrides(args))


def _store(args: argparse.Namespace, migrate: bool = False) -> Store:
    from kiosk.app import build_store

    return build_store(_settings(args), migrate=migrate)


def _logging(settings: Settings, to_stderr: bool = True) -> None:
    from kiosk.logsetup import setup_logging

    setup_logging(settings.logging.level, settings.log_dir, to_stderr=to_stderr)


def _logged_settings(args: argparse.Namespace, to_stderr: bool = True) -> Settings:
    """The settings from the options, with logging set up from them."""
    settings = _settings(args)
    _logging(settings, to_stderr=to_stderr)
    return settings


def _open_db(settings: Settings, create: bool = True) -> Database:
    """The configured database, its connection checked (no schema check, no store);
    ``create=False``: a missing SQLite file is refused, not made."""
    from kiosk.db import Database

    db = Database(
        settings.database_url, busy_timeout_ms=settings.database.busy_timeout_ms, create=create
    )
    db.check_connection()
    return db


def _ui_not_built(exc: ModuleNotFoundError, what: str) -> int:
    """Exit code 1 after saying ``what`` is not built yet, when the module missing is the
    UI's own; any other missing module is raised again."""
    if exc.name and exc.name.startswith("kiosk.ui"):
        print(f"The {what} are not built yet.", file=sys.stderr)
        return 1
    raise exc


def _settings_url(args: argparse.Namespace) -> str:
    try:
        return _settings(args).database_url
    except ConfigError:
        return "sqlite://"
