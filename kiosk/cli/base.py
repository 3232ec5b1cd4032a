"""What every ``kiosk`` command shares: the error type, settings from the options, the
store, logging."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from kiosk.config import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from kiosk.app import Store

log = logging.getLogger("kiosk.cli")

EXIT_USER_ERROR = 2


class CliError(Exception):
    """A problem to report in one paragraph with exit code 2."""


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "database_url", None):
        overrides["database"] = {"url": args.database_url}
    if getattr(args, "log_level", None):
        overrides["logging"] = {"level": args.log_level}
    return load_settings(args.config, overrides=overrides)


def _store(args: argparse.Namespace, migrate: bool = False) -> Store:
    from kiosk.app import build_store

    return build_store(_settings(args), migrate=migrate)


def _logging(settings: Settings, to_stderr: bool = True) -> None:
    from kiosk.logsetup import setup_logging

    setup_logging(settings.logging.level, settings.log_dir, to_stderr=to_stderr)


def _settings_url(args: argparse.Namespace) -> str:
    try:
        return _settings(args).database_url
    except ConfigError:
        return "sqlite://"
