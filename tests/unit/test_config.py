"""Configuration: TOML + environment into one frozen, validated object."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.config import ConfigError, load_settings


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file() -> None:
    s = load_settings(env={})
    assert s.loyalty.baht_per_point == Decimal("10")
    assert s.loyalty.redeem_points_per_baht == 10
    assert s.loyalty.expiry_months == 12
    assert s.loyalty.tiers == {"bronze": 0, "silver": 200, "gold": 500, "platinum": 1000}
    assert s.payments.promptpay_failure_rate == 0.10
    assert s.payments.pay_at_counter is False
    assert s.kiosk.idle_timeout_seconds == 60
    assert s.database_url.startswith("sqlite:///") and s.database_url.endswith("kiosk.db")


def test_file_then_environment_then_overrides(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[store]
name = "Baan Thai"
[loyalty]
baht_per_point = 20
tiers = { member = 0, vip = 300 }
[database]
url = "sqlite:///from-file.db"
""",
    )
    s = load_settings(
        path,
        env={"KIOSK_DATABASE_URL": "sqlite:///from-env.db"},
        overrides={"loyalty": {"expiry_months": 6}},
    )
    assert s.store.name == "Baan Thai"
    assert s.loyalty.baht_per_point == Decimal("20")
    assert s.loyalty.tiers == {"member": 0, "vip": 300}
    assert s.loyalty.expiry_months == 6
    assert s.database_url == "sqlite:///from-env.db"


def test_kiosk_config_environment_variable(tmp_path: Path) -> None:
    path = _write(tmp_path, '[kiosk]\nlanguage = "en"\n')
    assert load_settings(env={"KIOSK_CONFIG": str(path)}).kiosk.language == "en"


def test_settings_are_frozen() -> None:
    s = load_settings(env={})
    with pytest.raises(ValidationError):
        s.loyalty.baht_per_point = Decimal(5)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[loyalty]\nbaht_per_pont = 10\n", "unknown key 'loyalty.baht_per_pont'"),
        ('[loyalty]\nbaht_per_point = "ten"\n', "'loyalty.baht_per_point'"),
        ("[loyalty]\nbaht_per_point = 0\n", "'loyalty.baht_per_point'"),
        ("[payments]\npromptpay_failure_rate = 2\n", "'payments.promptpay_failure_rate'"),
        ('[kiosk]\nlanguage = "fr"\n', "'kiosk.language'"),
        ("[loyalty]\ntiers = { bronze = 10 }\n", "lowest tier must start at 0"),
        ("[typo]\nx = 1\n", "unknown key 'typo'"),
        ('[store]\nphone_region = "Thailand"\n', "'store.phone_region'"),
        ('[store]\ntimezone = "Mars/Olympus"\n', "unknown time zone"),
        ("[loyalty\nbroken", "not valid TOML"),
        # the panel's settings screen keeps a name to 100 characters; the file does too
        ('[store]\nname = "' + "x" * 100_000 + '"\n', "'store.name'"),
        ('[store]\nname_th = "' + "ก" * 101 + '"\n', "'store.name_th'"),
    ],
)
def test_bad_config_names_key_and_file(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    assert expected in str(info.value)
    assert str(path) in str(info.value)


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})


def test_bad_environment_value_is_reported() -> None:
    with pytest.raises(ConfigError, match=r"kiosk\.language"):
        load_settings(env={"KIOSK_LANGUAGE": "klingon"})


def test_a_bad_environment_value_names_its_variable(tmp_path: Path) -> None:
    # it used to say "Invalid configuration in defaults", as if the built-in values were wrong
    with pytest.raises(ConfigError) as bad:
        load_settings(env={"KIOSK_LOG_LEVEL": "LOUD", "XDG_CONFIG_HOME": str(tmp_path)})
    assert str(bad.value).startswith(
        "Invalid configuration in the KIOSK_* environment variables: "
        "'logging.level' (from KIOSK_LOG_LEVEL): "
    )
    assert "defaults" not in str(bad.value)
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text("[database]\nbusy_timeout_ms = 'soon'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as both:
        load_settings(cfg, env={"KIOSK_LANGUAGE": "klingon"})
    text = str(both.value)
    assert text.startswith(f"Invalid configuration in {cfg} (with KIOSK_* environment variables)")
    assert "'kiosk.language' (from KIOSK_LANGUAGE)" in text
    assert "'database.busy_timeout_ms': " in text  # from the file: no variable named
