"""What the kiosk's first paint shows before the store is open (kiosk.first_look): read
from the settings' sources without pydantic, and the names last shown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.config_sources import DEFAULT_STORE_NAME, ConfigError
from kiosk.first_look import FILE_NAME, FirstLook, first_look, remember


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"KIOSK_DATA_DIR": str(tmp_path / "data"), "KIOSK_CONFIG": "", **extra}


def test_without_a_file_the_defaults_are_those_of_the_settings(tmp_path: Path) -> None:
    look = first_look(env=_env(tmp_path))
    settings = load_settings(env=_env(tmp_path))
    assert look == FirstLook.of(settings)
    assert look.store_name == DEFAULT_STORE_NAME and look.language == "th"


def test_file_environment_and_flags_in_that_order(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(
        '[store]\nname = "Baan Somtam"\n[kiosk]\nlanguage = "en"\norientation = "landscape"\n'
        "idle_timeout_seconds = 90\n",
        encoding="utf-8",
    )
    look = first_look(cfg, env=_env(tmp_path, KIOSK_MODE="true"))
    assert look == FirstLook.of(load_settings(cfg, env=_env(tmp_path, KIOSK_MODE="true")))
    assert (look.store_name, look.language, look.orientation) == ("Baan Somtam", "en", "landscape")
    assert look.kiosk_mode is True and look.idle_timeout_seconds == 90
    flagged = first_look(cfg, {"kiosk": {"language": "th"}}, env=_env(tmp_path))
    assert flagged.language == "th"


def test_a_wrong_value_falls_back_here_and_is_refused_by_the_settings(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(
        '[kiosk]\nlanguage = "fr"\nkiosk_mode = "maybe"\nidle_timeout_seconds = "soon"\n'
        "[store]\nname = 5\n",
        encoding="utf-8",
    )
    look = first_look(cfg, env=_env(tmp_path))
    assert look == FirstLook(kiosk_mode=False)
    with pytest.raises(ConfigError):
        load_settings(cfg, env=_env(tmp_path))


def test_a_missing_named_file_or_bad_toml_is_refused_as_load_settings_does(
    tmp_path: Path,
) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        first_look(tmp_path / "missing.toml", env=_env(tmp_path))
    bad = tmp_path / "bad.toml"
    bad.write_text("[kiosk\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        first_look(bad, env=_env(tmp_path))


def test_the_remembered_names_win_over_the_file(tmp_path: Path) -> None:
    env = _env(tmp_path)
    settings = load_settings(env=env).merged(
        {
            "store": {"name": "Stored name", "name_th": "ชื่อร้าน"},
            "kiosk": {"idle_timeout_seconds": 45},
        }
    )
    remember(settings, env=env)
    path = tmp_path / "data" / FILE_NAME
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "store_name": "Stored name",
        "store_name_th": "ชื่อร้าน",
        "idle_timeout_seconds": 45,
    }
    look = first_look(env=env)
    assert (look.store_name, look.store_name_th, look.idle_timeout_seconds) == (
        "Stored name",
        "ชื่อร้าน",
        45,
    )
    stamp = path.stat().st_mtime_ns
    remember(settings, env=env)  # unchanged: not written again
    assert path.stat().st_mtime_ns == stamp


def test_a_damaged_or_unwritable_file_costs_only_the_names(tmp_path: Path) -> None:
    env = _env(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / FILE_NAME).write_text("{not json", encoding="utf-8")
    assert first_look(env=env).store_name == DEFAULT_STORE_NAME
    blocked = _env(tmp_path, KIOSK_DATA_DIR=str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("", encoding="utf-8")  # a file where the folder goes
    remember(load_settings(env=env), env=blocked)  # logs, does not raise


def test_reading_the_first_look_loads_no_pydantic_and_no_database() -> None:
    code = (
        "import sys; from kiosk.first_look import first_look; first_look(); "
        "import kiosk.cli; "
        "print(sorted(m for m in ('pydantic', 'sqlalchemy', 'kiosk.config', 'kiosk.db') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "99999999999999999999", "1", "1e400"])
def test_an_idle_timeout_qt_cannot_take_falls_back_here(tmp_path: Path, value: str) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f"[kiosk]\nidle_timeout_seconds = {value}\n", encoding="utf-8")
    try:
        look = first_look(cfg, env=_env(tmp_path))
    except ConfigError:  # 1e400 is not TOML: refused as load_settings refuses it
        assert value == "1e400"
        return
    assert look.idle_timeout_seconds == FirstLook().idle_timeout_seconds
    with pytest.raises(ConfigError, match=r"kiosk\.idle_timeout_seconds"):
        load_settings(cfg, env=_env(tmp_path))


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe{\x00",  # UTF-16, or any bytes that are not UTF-8
        b'{"store_name": "\xe0\xb8"}',
        b"[" * 100_000,  # nested deeper than the JSON reader goes
        json.dumps({"idle_timeout_seconds": 10**20}).encode(),
        b'{"idle_timeout_seconds": Infinity}',
    ],
)
def test_a_remembered_file_of_bad_bytes_or_values_is_ignored(
    tmp_path: Path, content: bytes
) -> None:
    env = _env(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(content)
    look = first_look(env=env)
    assert look.store_name == DEFAULT_STORE_NAME
    assert look.idle_timeout_seconds == FirstLook().idle_timeout_seconds
    remember(load_settings(env=env), env=env)  # written over, not raised
    assert json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))["store_name"]


def test_a_file_with_a_byte_order_mark_is_read_here_too(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_bytes(b'\xef\xbb\xbf[store]\nname = "Baan Thai"\n')
    assert first_look(cfg, env=_env(tmp_path)).store_name == "Baan Thai"
