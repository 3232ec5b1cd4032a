"""Where settings come from, without validating them: the file's location, the TOML file,
the ``KIOSK_*`` environment variables and the merge of the three (lowest first).

No pydantic here: :mod:`kiosk.config` validates what this module reads into ``Settings``,
and the kiosk's first paint (:mod:`kiosk.first_look`) reads the few values it needs from
the same sources before pydantic (some 100-200 ms to import and build its models) is
loaded at all.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "orderup-kiosk"
DEFAULT_STORE_NAME = "OrderUp Thai Kitchen"
DEFAULT_STORE_NAME_TH = "ออเดอร์อัพ ครัวไทย"
#: the UTF-8 byte order mark a config file may start with (dropped before reading)
BOM = b"\xef\xbb\xbf"
#: ``[kiosk] idle_timeout_seconds`` from .. to: the settings' bounds, which the first paint
#: (no pydantic) holds to as well; in milliseconds well inside Qt's 32-bit timers
IDLE_TIMEOUT_SECONDS = (5, 3600)


class ConfigError(Exception):
    """A configuration value is wrong. The message names the key and the file."""


def default_data_dir() -> Path:
    return Path(os.environ.get("KIOSK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def default_log_dir() -> Path:
    return Path(os.environ.get("KIOSK_LOG_DIR") or platformdirs.user_log_dir(APP_NAME))


def default_database_url() -> str:
    return f"sqlite:///{default_data_dir() / 'kiosk.db'}"


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "kiosk.toml"


# Environment variables and the key each one sets.
ENV_KEYS: dict[str, tuple[str, str]] = {
    "KIOSK_DATABASE_URL": ("database", "url"),
    "KIOSK_DB_BUSY_TIMEOUT_MS": ("database", "busy_timeout_ms"),
    "KIOSK_KIOSK_ID": ("store", "kiosk_id"),
    "KIOSK_STORE_NAME": ("store", "name"),
    "KIOSK_PROMPTPAY_ID": ("store", "promptpay_id"),
    "KIOSK_LANGUAGE": ("kiosk", "language"),
    "KIOSK_MODE": ("kiosk", "kiosk_mode"),
    "KIOSK_RECEIPTS_DIR": ("kiosk", "receipts_dir"),
    "KIOSK_LOG_LEVEL": ("logging", "level"),
    "KIOSK_LOG_DIR": ("logging", "dir"),
    "KIOSK_PAY_AT_COUNTER": ("payments", "pay_at_counter"),
    "KIOSK_CASH_ACCEPTOR": ("payments", "cash_acceptor"),
}


def deep_merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def env_overrides(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, dict[str, Any]] = {}
    for var, (section, key) in ENV_KEYS.items():
        if var in env and env[var] != "":
            out.setdefault(section, {})[key] = env[var]
    return out


def env_names(env: Mapping[str, str]) -> dict[str, str]:
    """``section.key`` → the ``KIOSK_*`` variable that set it, for the variables set in
    ``env`` (so a refusal can name the variable to fix, not only the setting)."""
    return {
        f"{section}.{key}": var
        for var, (section, key) in ENV_KEYS.items()
        if var in env and env[var] != ""
    }


def read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file: the first paint often has none

    # Windows Notepad saves UTF-8 with a byte order mark, which TOML does not allow
    skip = 0
    try:
        raw = path.read_bytes()
        skip = len(BOM) if raw.startswith(BOM) else 0
        return tomllib.loads(raw[skip:].decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"The config file {path} is not valid TOML: {exc}.") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"The config file {path} is not UTF-8 text (byte {exc.start + skip + 1} is not): "
            "save it as UTF-8."
        ) from None
    except OSError as exc:
        raise ConfigError(f"The config file {path} cannot be read: {exc.strerror}.") from None


def settings_data(
    config_path: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any], str]:
    """The merged, unvalidated settings (defaults ← TOML file ← environment ←
    ``overrides``) and where they came from, for messages.

    ``config_path`` falls back to ``$KIOSK_CONFIG`` and then to the user config directory;
    a path given explicitly must exist, the default one may be missing. A missing
    explicit file or a file that is not TOML raises :class:`ConfigError`."""
    env = os.environ if env is None else env
    explicit = config_path or env.get("KIOSK_CONFIG")
    path = Path(explicit) if explicit else default_config_path()
    data: dict[str, Any] = {}
    source = "defaults"
    if path.exists():
        data = read_toml(path)
        source = str(path)
    elif explicit:
        raise ConfigError(f"The config file {path} does not exist.")
    env_data = env_overrides(env)
    if env_data:
        data = deep_merge(data, env_data)
        if source == "defaults":
            source = "the KIOSK_* environment variables"
        else:
            source = f"{source} (with KIOSK_* environment variables)"
    if overrides:
        data = deep_merge(data, dict(overrides))
    return data, source
