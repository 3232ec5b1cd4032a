"""The ``kiosk`` command: migrations, demo data, PromptPay, and calm errors (exit 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a subprocess, as an operator would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert "OrderUp Kiosk" in capsys.readouterr().out
    for args in (
        ["--help"],
        ["db", "--help"],
        ["demo-data", "--help"],
        ["promptpay", "--help"],
        ["staff", "add", "--help"],
        ["screenshots", "--help"],
        ["admin", "--help"],
    ):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 0
        assert "usage: kiosk" in capsys.readouterr().out


@pytest.mark.parametrize("count", ["99999999999999999999", "10000001", "-5", "lots"])
def test_demo_data_refuses_counts_it_cannot_make(
    count: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before touching the database (a count of 10**20 once tried to allocate without
    limit): one message, exit 2."""
    url = f"sqlite:///{tmp_path / 'k.db'}"
    with pytest.raises(SystemExit) as info:
        main(["--database-url", url, "demo-data", "--members", count])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--members" in err and "Traceback" not in err
    assert not (tmp_path / "k.db").exists()


def test_db_upgrade_creates_schema_then_demo_data(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'new' / 'kiosk.db'}"
    assert main(["--database-url", url, "db", "current"]) == 0
    assert "none (empty database)" in capsys.readouterr().out
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    from kiosk.db.migrate import head_revision

    assert f"upgraded from empty to {head_revision()}" in capsys.readouterr().out
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    assert "already at revision" in capsys.readouterr().out
    assert main(["--database-url", url, "demo-data", "--members", "500", "--orders", "300"]) == 0
    out = capsys.readouterr().out
    assert "Seeded the demo menu" in out and "Added 500 members" in out
    assert main(["--database-url", url, "demo-data", "--if-empty"]) == 0
    assert "left as it is" in capsys.readouterr().out
    assert main(["--database-url", url, "demo-data"]) == 0  # said too, not silence
    assert "left as it is" in capsys.readouterr().out

    from kiosk.app import open_store

    store = open_store(url)
    assert store.customers.count() == 500 + 9
    assert store.orders.count() == 300
    assert store.loyalty.balance_check() == []
    assert store.customers.find_by_phone("090-000-0042") is not None
    store.close()


def test_unmigrated_database_is_refused_with_the_command_to_run(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    out = run("--database-url", url, "demo-data")
    assert out.returncode == 2
    assert "kiosk db upgrade" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def test_a_command_that_reads_leaves_nothing_where_no_database_was(tmp_path: Path) -> None:
    """A mistyped path given to a command that only reads must not leave a folder and an
    empty database behind (it used to make both, then say the tables were missing)."""
    where = tmp_path / "typo" / "deeper"
    url = f"sqlite:///{where / 'kiosk.db'}"
    for args in (
        ("staff", "list"),
        ("reconcile",),
        ("receipt", "A001"),
        ("db", "check"),
    ):
        out = run("--database-url", url, *args)
        assert out.returncode == 2, (args, out.stderr)
        assert f"no database at {where / 'kiosk.db'}" in out.stderr, out.stderr
        assert "kiosk db upgrade" in out.stderr and "Traceback" not in out.stderr
        assert not (tmp_path / "typo").exists(), args
    looked = run("--database-url", url, "db", "current")  # says so, makes nothing
    assert looked.returncode == 0 and "none (empty database); there is no file yet" in looked.stdout
    assert not (tmp_path / "typo").exists()
    made = run("--database-url", url, "db", "upgrade")  # the command that makes one
    assert made.returncode == 0, made.stderr
    assert (where / "kiosk.db").is_file()


def test_an_empty_file_stays_empty_when_a_command_only_reads(tmp_path: Path) -> None:
    """SQLite takes a zero-byte file for a new database: ``staff list`` used to write a
    database (and its WAL) into it, then say the tables were missing."""
    empty = tmp_path / "kiosk.db"
    empty.touch()
    url = f"sqlite:///{empty}"
    for args in (("staff", "list"), ("db", "check")):
        out = run("--database-url", url, *args)
        assert out.returncode == 2, (args, out.stderr)
        assert f"The file {empty} is empty" in out.stderr and "kiosk db upgrade" in out.stderr
        assert empty.stat().st_size == 0 and sorted(tmp_path.iterdir()) == [empty], args
    looked = run("--database-url", url, "db", "current")  # it said "there is no file yet"
    assert looked.returncode == 0 and "revision none (empty database); the file is empty" in (
        looked.stdout
    )
    assert empty.stat().st_size == 0
    assert run("--database-url", url, "db", "upgrade").returncode == 0  # this one may
    assert empty.stat().st_size > 0


def test_sqlite_url_options_are_read_or_refused_never_dropped(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.db"
    assert run("--database-url", f"sqlite:///{db}", "db", "upgrade").returncode == 0
    # SQLite reads ?mode=ro only in its URI form: plain, the option was dropped with a raw
    # SAWarning and the "read-only" database was opened for writing
    out = run("--database-url", f"sqlite:///{db}?mode=ro", "staff", "list")
    assert out.returncode == 2 and "SAWarning" not in out.stderr, out.stderr
    assert "options SQLite does not take this way (mode)" in out.stderr
    assert "sqlite:///file:/path/kiosk.db?mode=ro&uri=true" in out.stderr
    uri = f"sqlite:///file:{db}?mode=ro&uri=true"
    looked = run("--database-url", uri, "db", "current")  # the URI form: found, and read
    assert looked.returncode == 0, looked.stderr
    assert looked.stdout.startswith(f"sqlite:///file:{db}?mode=ro") and "%3A" not in looked.stdout
    wrote = run("--database-url", uri, "staff", "add", "--role", "manager", "--pin", "4826", "Ann")
    assert wrote.returncode == 2 and "cannot be written" in wrote.stderr, wrote.stderr
    assert "Traceback" not in wrote.stderr + out.stderr + looked.stderr


def test_broken_config_file_gives_one_paragraph_and_exit_2(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text("[loyalty]\nbaht_per_point = -3\nmystery = 1\n", encoding="utf-8")
    out = run("--config", str(cfg), "db", "current")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert str(cfg) in out.stderr and "loyalty.baht_per_point" in out.stderr
    assert "unknown key 'loyalty.mystery'" in out.stderr
    assert out.stderr.count("\n") == 1  # one paragraph
    cfg.write_text("this is = = not toml", encoding="utf-8")
    out = run("--config", str(cfg), "db", "current")
    assert out.returncode == 2 and "not valid TOML" in out.stderr


def test_unreachable_database_gives_exit_2(tmp_path: Path) -> None:
    out = run(
        "db", "upgrade", env={"KIOSK_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"}
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "Cannot use the database" in out.stderr and out.stderr.count("\n") == 1


def test_file_that_is_not_sqlite_gives_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    path.write_text("name,price\nPad Thai,120\n", encoding="utf-8")
    out = run("--database-url", f"sqlite:///{path}", "db", "upgrade")
    assert out.returncode == 2
    assert "not an SQLite database" in out.stderr and "Traceback" not in out.stderr
    assert path.read_text(encoding="utf-8") == "name,price\nPad Thai,120\n"


def test_promptpay_command_prints_payload_and_writes_png(tmp_path: Path) -> None:
    png = tmp_path / "qr.png"
    out = run("promptpay", "081-234-5678", "--amount", "150.00", "--png", str(png))
    assert out.returncode == 0, out.stderr
    payload = out.stdout.strip()
    from kiosk.services.promptpay import parse_payload

    parsed = parse_payload(payload)
    assert str(parsed.amount) == "150.00" and parsed.target_value == "0066812345678"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = run("promptpay", "12345")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    bad = run("promptpay", "0812345678", "--amount", "1.234")
    assert bad.returncode == 2 and "two decimal" in bad.stderr


def test_logs_never_hold_full_phone_or_card_numbers() -> None:
    from kiosk.logsetup import redact

    text = redact("member +66812345678 paid with 4242 4242 4242 4242, call 081-234-5678")
    assert "+66812345678" not in text and "4242 4242 4242 4242" not in text
    assert "081-234-5678" not in text
    assert "****4242" in text and "***5678" in text


def test_damaged_sqlite_file_gives_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    url = f"sqlite:///{path}"
    assert run("--database-url", url, "db", "upgrade").returncode == 0
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # scribble over the schema page
    path.write_bytes(bytes(data))
    out = run("--database-url", url, "demo-data")
    assert out.returncode == 2, out.stderr
    assert "damaged" in out.stderr and "Traceback" not in out.stderr


def test_locked_database_gives_exit_2(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "kiosk.db"
    url = f"sqlite:///{path}"
    assert run("--database-url", url, "db", "upgrade").returncode == 0
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = run("--database-url", url, "demo-data", env={"KIOSK_DB_BUSY_TIMEOUT_MS": "200"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert out.returncode == 2, out.stderr
    assert "locked" in out.stderr and "Traceback" not in out.stderr


def test_reconcile_counts_what_it_settled_and_cancelled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a crash left: a PromptPay payment pending and an order with no payment (both
    days old by the wall clock). ``kiosk reconcile`` settles and cancels them and says so;
    it used to say "0 settled", the store it opened having recovered them already."""
    from tests.helpers import make_store

    url = f"sqlite:///{tmp_path / 'k.db'}"
    store = make_store(url)
    lines = [{"item_id": 1, "quantity": 1}]
    paying = store.orders.create(lines)
    store.payments.begin_promptpay(paying.id, "attempt-1")
    left = store.orders.create(lines)
    store.close()
    assert main(["--database-url", url, "reconcile"]) == 0
    out = capsys.readouterr().out
    assert f"(order {paying.number})" in out and "1 pending payment(s) settled." in out
    assert f"points returned: {left.number}" in out and "1 abandoned order(s) cancelled." in out
    assert main(["--database-url", url, "reconcile"]) == 0
    out = capsys.readouterr().out
    assert "0 pending payment(s) settled." in out and "0 abandoned order(s) cancelled." in out


def test_files_a_person_names_give_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A config file that is not UTF-8, a mock ledger in a folder that cannot be made, a
    printer address Python cannot split: each used to end in a traceback."""
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    capsys.readouterr()
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'[store]\nname = "caf\xe9"\n')
    ledger = tmp_path / "ledger.toml"
    ledger.write_text('[payments]\nmock_ledger = "/proc/no-such-folder/ledger.sqlite"\n')
    printer = tmp_path / "printer.toml"
    printer.write_text('[printers.kitchen]\nurl = "tcp://[::1"\n')
    for config, command, said in (
        (latin, ["staff", "list"], "is not UTF-8 text"),
        (ledger, ["reconcile"], "No such file or directory: /proc/no-such-folder"),
        (printer, ["print-test", "kitchen"], "'tcp://[::1' is not a printer address"),
    ):
        assert main(["--config", str(config), "--database-url", url, *command]) == 2
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err, err
        assert err.count("\n") == 1, err


def test_an_unexpected_error_goes_to_the_log_file_not_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import kiosk.cli.commands as commands

    def broken(_args: object) -> int:
        raise ValueError("something nobody expected")

    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(commands, "_store", broken)
    assert main(["--database-url", url, "staff", "list"]) == 1
    err = capsys.readouterr().err
    log_file = Path(os.environ["KIOSK_LOG_DIR"]) / "kiosk.log"
    assert "Traceback" not in err
    assert f"Details are in the log file {log_file}" in err
    assert "something nobody expected" in log_file.read_text()
    assert "Traceback" in log_file.read_text()


def test_a_damaged_provider_ledger_is_named_as_such_not_as_the_database(tmp_path: Path) -> None:
    """The kiosk's database was fine, but the message said it was damaged and advised
    restoring it and removing its WAL (which would lose the orders in it)."""
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    ledger = tmp_path / "books.sqlite"
    env = {"KIOSK_CONFIG": str(tmp_path / "kiosk.toml")}
    (tmp_path / "kiosk.toml").write_text(f'[payments]\nmock_ledger = "{ledger}"\n')
    assert run("--database-url", url, "db", "upgrade", env=env).returncode == 0
    ledger.write_bytes(bytes(range(256)) * 4)  # not an SQLite file
    for args in (("staff", "list"), ("reconcile",)):
        out = run("--database-url", url, *args, env=env)
        assert out.returncode == 2, (args, out.stderr)
        assert f"The mock payment provider's ledger {ledger} cannot be used" in out.stderr
        assert "own database is not affected" in out.stderr and "kiosk.db" not in out.stderr
        assert "Traceback" not in out.stderr
    assert ledger.read_bytes() == bytes(range(256)) * 4  # left as it was, for staff to look at
    folder = tmp_path / "a-folder"  # a ledger that is a folder: still the provider's file
    folder.mkdir()
    (tmp_path / "kiosk.toml").write_text(f'[payments]\nmock_ledger = "{folder}"\n')
    out = run("--database-url", url, "reconcile", env=env)
    assert out.returncode == 2 and f"ledger {folder} cannot be used" in out.stderr, out.stderr
    assert "kiosk.db" not in out.stderr


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("?uri=true&mode=ro", "must be written as an SQLite URI"),  # made 'kiosk.db?mode=ro'
        ("?timeout=abc", "an option with a value SQLite cannot use"),  # was exit 1, ValueError
        ("?check_same_thread=maybe", "an option with a value SQLite cannot use"),
        ("?foo=bar", "options SQLite does not take this way (foo)"),  # was a raw SAWarning
    ],
)
def test_a_bad_sqlite_url_option_is_refused_and_makes_no_file(
    tmp_path: Path, query: str, said: str
) -> None:
    out = run("--database-url", f"sqlite:///{tmp_path / 'kiosk.db'}{query}", "db", "upgrade")
    assert out.returncode == 2 and said in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and "Warning" not in out.stderr
    assert list(tmp_path.iterdir()) == []


def test_upgrading_a_database_in_memory_says_nothing_is_kept() -> None:
    out = run("--database-url", "sqlite:///", "db", "upgrade")
    assert out.returncode == 0 and "nothing of it is kept" in out.stdout, out.stderr


def test_values_that_overflowed_later_are_refused_up_front(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    url = f"sqlite:///{tmp_path / 'k.db'}"
    for text, key, command in (
        # read by the first paint before the check: it must not crash there either
        ("[kiosk]\nidle_timeout_seconds = inf\n", "kiosk.idle_timeout_seconds", "run"),
        (
            "[kiosk]\nidle_timeout_seconds = 99999999999999999999\n",
            "kiosk.idle_timeout_seconds",
            "run",
        ),
        (
            "[loyalty]\ntiers = { bronze = 0, gold = 99999999999999999999 }\n",
            "loyalty.tiers",
            "run",
        ),
        (
            "[loyalty]\nredeem_points_per_baht = 99999999999999999999\n",
            "loyalty.redeem_points_per_baht",
            "db",
        ),
        ("[loyalty]\nbaht_per_point = 0.0000000001\n", "loyalty.baht_per_point", "db"),
    ):
        cfg.write_text(text, encoding="utf-8")
        args = ("run", "--windowed") if command == "run" else ("db", "current")
        out = run("--config", str(cfg), "--database-url", url, *args)
        assert out.returncode == 2, (text, out.stderr)
        assert key in out.stderr and "Traceback" not in out.stderr, out.stderr
        assert out.stderr.count("\n") == 1, out.stderr


def test_a_config_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_bytes(b'\xef\xbb\xbf[store]\nkiosk_id = "kiosk-9"\n')  # as Windows Notepad saves
    url = f"sqlite:///{tmp_path / 'k.db'}"
    out = run("--config", str(cfg), "--database-url", url, "db", "upgrade")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "TOML" not in out.stderr


def test_a_first_look_file_of_bad_bytes_does_not_stop_the_kiosk(tmp_path: Path) -> None:
    data = Path(os.environ["KIOSK_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    (data / "first-look.json").write_bytes(b"\xff\xfe{\x00not utf-8")
    # a refused setting closes the kiosk right after its first paint: it got that far
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text('[kiosk]\nlanguage = "fr"\n', encoding="utf-8")
    out = run("--config", str(cfg), "run", "--windowed")
    assert out.returncode == 2, out.stderr
    assert "kiosk.language" in out.stderr
    assert "Traceback" not in out.stderr and "UnicodeDecodeError" not in out.stderr


def test_a_log_folder_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = run("db", "current", env={"KIOSK_LOG_DIR": str(blocker)})
    assert out.returncode == 0
    assert f"the log folder {blocker} cannot be written" in out.stderr, out.stderr
