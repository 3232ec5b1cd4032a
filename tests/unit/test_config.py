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


# -- values that passed the check and failed later -----------------------------------------

BIG = "99999999999999999999"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the member screen's progress bar takes 32-bit ints; so do the points columns
        (f"[loyalty]\ntiers = {{ bronze = 0, gold = {BIG} }}\n", "'loyalty.tiers"),
        ("[loyalty]\ntiers = { bronze = 0, gold = 2147483648 }\n", "'loyalty.tiers"),
        (f"[loyalty]\nredeem_points_per_baht = {BIG}\n", "'loyalty.redeem_points_per_baht'"),
        ("[loyalty]\nredeem_points_per_baht = 10001\n", "'loyalty.redeem_points_per_baht'"),
        ("[kiosk]\nidle_timeout_seconds = inf\n", "'kiosk.idle_timeout_seconds'"),
        (f"[kiosk]\nidle_timeout_seconds = {BIG}\n", "'kiosk.idle_timeout_seconds'"),
        ("[payments]\npromptpay_delay_seconds = nan\n", "'payments.promptpay_delay_seconds'"),
        ("[printers.kitchen]\ntimeout_seconds = inf\n", "'printers.kitchen.timeout_seconds'"),
        # points per order would overflow 2,147,483,647 and a payment never settle
        ("[loyalty]\nbaht_per_point = 0.0000000001\n", "'loyalty.baht_per_point'"),
        (
            "[loyalty]\nbaht_per_point = 0.001\nredeem_points_per_baht = 10000\n",
            "'loyalty.baht_per_point'",
        ),
        ("[loyalty]\nbaht_per_point = 100000\n", "'loyalty.baht_per_point'"),
        # the tiers table: names of at most 32 characters, at most 20 tiers
        ('[loyalty]\ntiers = { bronze = 0, "' + "g" * 33 + '" = 10 }\n', "'loyalty.tiers'"),
        (
            "[loyalty]\ntiers = { " + ", ".join(f"t{i} = {i}" for i in range(21)) + " }\n",
            "'loyalty.tiers'",
        ),
    ],
)
def test_values_that_would_overflow_later_are_refused(
    tmp_path: Path, text: str, expected: str
) -> None:
    _refused(tmp_path, text, expected)


def _refused(tmp_path: Path, text: str, expected: str) -> None:
    """The config file ``text`` is refused, with ``expected`` in the message."""
    with pytest.raises(ConfigError) as info:
        load_settings(_write(tmp_path, text), env={})
    assert expected in str(info.value), str(info.value)


def test_the_bounds_still_take_sensible_values(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "[loyalty]\nbaht_per_point = 0.01\nredeem_points_per_baht = 10000\n"
        "tiers = { bronze = 0, legend = 2147483647 }\n[kiosk]\nidle_timeout_seconds = 3600\n",
    )
    s = load_settings(path, env={})
    assert s.loyalty.baht_per_point == Decimal("0.01")
    assert s.loyalty.tiers["legend"] == 2**31 - 1


# -- text the services would refuse -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[store]\nkiosk_id = "' + "k" * 100 + '"\n', "'store.kiosk_id'"),
        ('[store]\nkiosk_id = "kiosk\\t1"\n', "'store.kiosk_id'"),
        ('[store]\nkiosk_id = "kiosk\\u00071"\n', "'store.kiosk_id'"),
        ('[store]\nkiosk_id = "  "\n', "'store.kiosk_id'"),
        ('[store]\nname = "\\u202egnp.exe"\n', "'store.name'"),
        ('[store]\nname_th = "ร้าน\\u0000"\n', "'store.name_th'"),
        ('[store]\nphone_region = "ZZ"\n', "'store.phone_region'"),
        ('[store]\naddress = "' + "a" * 5000 + '"\n', "'store.address'"),
        ('[store]\naddress_th = "ถนน\\u202e"\n', "'store.address_th'"),
    ],
)
def test_text_the_services_would_refuse_is_refused_here(
    tmp_path: Path, text: str, expected: str
) -> None:
    _refused(tmp_path, text, expected)


def test_a_long_kiosk_id_from_the_environment_names_its_variable() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(env={"KIOSK_KIOSK_ID": "k" * 100})
    assert "'store.kiosk_id' (from KIOSK_KIOSK_ID)" in str(info.value)


def test_good_store_text_is_kept(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[store]\nkiosk_id = "kiosk-7"\nphone_region = "la"\n'
        'address = """99 Sukhumvit Rd\nBangkok 10110"""\naddress_th = "' + "ก" * 1000 + '"\n',
    )
    s = load_settings(path, env={})
    assert (s.store.kiosk_id, s.store.phone_region) == ("kiosk-7", "LA")
    assert s.store.address == "99 Sukhumvit Rd\nBangkok 10110"


# -- messages quote a short excerpt -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '[store]\nname = "' + "x" * 500_000 + '"\n',
        '[store]\nkiosk_id = "' + "x" * 500_000 + '"\n',
        '[store]\nphone_region = "' + "x" * 500_000 + '"\n',
        '[loyalty]\ntiers = { bronze = 0, "' + "x" * 500_000 + '" = "many" }\n',
        '[store]\n"' + "y" * 500_000 + '" = 1\n',
        "[loyalty]\nredeem_points_per_baht = [" + "1, " * 100_000 + "]\n",
    ],
)
def test_a_refused_value_or_key_is_quoted_short(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    message = str(info.value)
    assert len(message) < 300 + len(str(path)), message[:400]
    assert "xxxxxxxxxxxxxxxxxxxx" not in message and "yyyyyyyyyyyyyyyyyyyy" not in message


def test_a_refused_value_is_still_named_by_its_start(tmp_path: Path) -> None:
    path = _write(tmp_path, '[store]\nphone_region = "Thailand"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    assert "(got 'Thailand')" in str(info.value)


# -- a file as Windows Notepad saves it ---------------------------------------------------


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"\xef\xbb\xbf" + '[store]\nname_th = "บ้านไทย"\n'.encode())
    assert load_settings(path, env={}).store.name_th == "บ้านไทย"
    path.write_bytes(b"\xef\xbb\xbf[store]\nname = \xff\n")
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        load_settings(path, env={})
