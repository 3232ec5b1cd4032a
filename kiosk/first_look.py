"""What the kiosk's first paint shows before the store is open: the language, kiosk mode,
the orientation, the idle timeout and the shop's name.

``kiosk run`` paints Welcome from a shell before it imports SQLAlchemy, pydantic, the
models or the services (:func:`kiosk.ui.launch.run_kiosk`). The shell still needs those
few values, and takes them from where they are cheapest to read:

- the settings' sources (the TOML file, ``KIOSK_*`` variables, the command-line flags),
  read by :func:`kiosk.config_sources.settings_data` but **not validated**: importing
  pydantic and building the ``Settings`` models costs some 100-200 ms, about as much as
  the whole bare PySide6 process the cold start is measured against. A value of the wrong
  type falls back to its default here; the full ``load_settings`` right after the first
  paint refuses the file with its usual message (exit code 2), and the shell closes.
- the shop's name can be changed in the admin panel, which keeps it in the database (the
  file's name is only the default). So the kiosk writes the names it last showed to a
  small JSON file in its data folder (:data:`FILE_NAME`, see :func:`remember`) whenever
  the store's settings are applied; the next start paints those. A first start (or a
  lost file) paints the file's names, and the controller puts the stored ones in as soon
  as the store is open, a moment after the first paint.

The language, kiosk mode and orientation are file-only settings (never stored), so the
file is their truth. The idle timeout is only where the window's idle watcher starts:
the controller sets it again from the stored settings on every screen.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config_sources import (
    DEFAULT_STORE_NAME,
    DEFAULT_STORE_NAME_TH,
    IDLE_TIMEOUT_SECONDS,
    default_data_dir,
    settings_data,
)

if TYPE_CHECKING:
    from kiosk.config import Settings

log = logging.getLogger(__name__)

FILE_NAME = "first-look.json"


@dataclass(frozen=True)
class FirstLook:
    language: str = "th"
    kiosk_mode: bool = False
    orientation: str = "auto"
    idle_timeout_seconds: int = 60
    store_name: str = DEFAULT_STORE_NAME
    store_name_th: str = DEFAULT_STORE_NAME_TH

    @classmethod
    def of(cls, settings: Settings) -> FirstLook:
        """The values of validated settings (when the store is already open)."""
        return cls(
            language=settings.kiosk.language,
            kiosk_mode=settings.kiosk.kiosk_mode,
            orientation=settings.kiosk.orientation,
            idle_timeout_seconds=settings.kiosk.idle_timeout_seconds,
            store_name=settings.store.name,
            store_name_th=settings.store.name_th,
        )


def _pick(section: Mapping[str, Any], key: str, default: Any, allowed: tuple[Any, ...] = ()) -> Any:
    """``section[key]`` if it is of ``default``'s kind (and in ``allowed``: for a number,
    from ``allowed[0]`` to ``allowed[1]``), else ``default``."""
    value = section.get(key, default)
    if isinstance(default, bool):
        if isinstance(value, str):  # from the environment: "1", "true", "yes"...
            value = value.strip().lower() in ("1", "true", "t", "yes", "y", "on")
        return value if isinstance(value, bool) else default
    if isinstance(default, int):
        try:  # inf: OverflowError; nan, "soon": ValueError
            number = int(value) if not isinstance(value, bool) else default
        except (TypeError, ValueError, OverflowError):
            return default
        return number if not allowed or allowed[0] <= number <= allowed[1] else default
    if not isinstance(value, str) or (allowed and value not in allowed):
        return default
    return value


def first_look(
    config_path: str | Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
) -> FirstLook:
    """The first paint's values from the settings' sources and the remembered names.
    Raises :class:`kiosk.config_sources.ConfigError` only for a file that is missing
    (when named explicitly) or not TOML, as ``load_settings`` would."""
    data, _source = settings_data(config_path, env, overrides)
    kiosk = data.get("kiosk") if isinstance(data.get("kiosk"), dict) else {}
    store = data.get("store") if isinstance(data.get("store"), dict) else {}
    base = FirstLook()
    look = FirstLook(
        language=_pick(kiosk, "language", base.language, ("th", "en")),
        kiosk_mode=_pick(kiosk, "kiosk_mode", base.kiosk_mode),
        orientation=_pick(
            kiosk, "orientation", base.orientation, ("auto", "portrait", "landscape")
        ),
        idle_timeout_seconds=_pick(
            kiosk, "idle_timeout_seconds", base.idle_timeout_seconds, IDLE_TIMEOUT_SECONDS
        ),
        store_name=_pick(store, "name", base.store_name),
        store_name_th=_pick(store, "name_th", base.store_name_th),
    )
    remembered = _read(env)
    if not remembered:
        return look
    return FirstLook(
        language=look.language,
        kiosk_mode=look.kiosk_mode,
        orientation=look.orientation,
        idle_timeout_seconds=_pick(
            remembered, "idle_timeout_seconds", look.idle_timeout_seconds, IDLE_TIMEOUT_SECONDS
        ),
        store_name=_pick(remembered, "store_name", look.store_name),
        store_name_th=_pick(remembered, "store_name_th", look.store_name_th),
    )


def _path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    folder = env.get("KIOSK_DATA_DIR")
    return (Path(folder) if folder else default_data_dir()) / FILE_NAME


def _read(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The remembered values; ``{}`` for a missing or unreadable file, bytes that are not
    UTF-8 JSON or JSON that is not an object (the file is ours: it is written again)."""
    try:
        text = _path(env).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    import json  # a first start has no file

    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def remember(settings: Settings, env: Mapping[str, str] | None = None) -> None:
    """Keep the stored names (and idle timeout) for the next start's first paint. Written
    only when they changed; a read-only or full disk costs the next start its names,
    nothing else."""
    values = {
        "store_name": settings.store.name,
        "store_name_th": settings.store.name_th,
        "idle_timeout_seconds": settings.kiosk.idle_timeout_seconds,
    }
    if _read(env) == values:
        return
    import json

    path = _path(env)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.name + ".part")
        part.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        part.replace(path)
    except OSError as exc:
        log.info("could not remember the shop's name for the next start: %s", exc)
