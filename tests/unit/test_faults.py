"""Database faults from the outside: a full disk, a read-only file system, a file replaced
with garbage, a lock held by another program. Each command ends with one paragraph that
says what is wrong and what to do, exit code 2, no traceback, never "server" for SQLite,
and every row committed before the fault is still there afterwards."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.app import open_store
from kiosk.db.faults import FaultKind, classify

ROOT = os.geteuid() == 0


def run(
    *args: str, env: dict[str, str], fsize: int | None = None
) -> subprocess.CompletedProcess[str]:
    """The real console script in a child process, optionally with a file-size limit."""

    def limit() -> None:  # pragma: no cover - runs in the child
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, no kill
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=180,
        check=False,
        preexec_fn=limit,
    )


def snapshot(path: Path) -> dict[str, object]:
    """Row counts of the tables the commands touch, plus SQLite's own integrity check."""
    conn = sqlite3.connect(path)
    try:
        out: dict[str, object] = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("customers", "memberships", "staff_users", "menu_items", "orders")
        }
        out["phones"] = conn.execute("SELECT group_concat(phone) FROM customers").fetchone()[0]
        out["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return out


def assert_one_paragraph(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    err = proc.stderr.strip()
    assert proc.returncode == 2, (proc.returncode, proc.stdout, err)
    assert "Traceback" not in err and 'File "' not in err, err
    assert "server" not in err, err  # SQLite has no server to check
    assert err.startswith("kiosk: ") and "\n" not in err, err
    for word in words:
        assert word in err, err
    return err


def seeded(folder: Path) -> tuple[dict[str, str], Path]:
    path = folder / "kiosk.db"
    env = {"KIOSK_DATABASE_URL": f"sqlite:///{path}", "KIOSK_LOG_DIR": str(folder / "logs")}
    assert run("db", "upgrade", env=env).returncode == 0
    assert run("demo-data", env=env).returncode == 0
    return env, path


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs (needs root, as on the CI machine)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if not ROOT:
        pytest.skip("mounting a tmpfs needs root; the RLIMIT_FSIZE test covers a full disk")
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], capture_output=True
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(folder: Path, leave: int) -> Path:
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    filler = folder / "filler"
    with filler.open("wb") as fh:
        fh.write(b"\0" * max(0, free - leave))
    return filler


def test_disk_full_on_a_small_tmpfs(small_disk: Path) -> None:
    env, path = seeded(small_disk)
    before = snapshot(path)
    filler = fill(small_disk, 64 * 1024)
    proc = run("demo-data", "--members", "20000", env=env)
    err = assert_one_paragraph(proc, "is full", "Free some space")
    assert str(small_disk) in err
    filler.unlink()
    assert snapshot(path) == before  # the bulk insert rolled back as one transaction
    # the fault gone, the same command works
    assert run("demo-data", "--members", "200", env=env).returncode == 0
    assert snapshot(path)["customers"] == before["customers"] + 200  # type: ignore[operator]


def test_disk_full_by_file_size_limit(tmp_path: Path) -> None:
    env, path = seeded(tmp_path)
    # checkpoint so the main file holds everything, then allow barely more than its size
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = snapshot(path)
    proc = run("demo-data", "--members", "20000", env=env, fsize=path.stat().st_size + 32_768)
    assert_one_paragraph(proc, "full", "try again")
    assert snapshot(path) == before


@pytest.fixture
def read_only_db(tmp_path: Path) -> Iterator[tuple[dict[str, str], Path, Path]]:
    """The seeded database seen through a read-only mount (root) or read-only modes."""
    env, path = seeded(tmp_path / "rw")
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    if ROOT:
        ro = tmp_path / "ro"
        ro.mkdir()
        ok = subprocess.run(["mount", "--bind", str(path.parent), str(ro)], capture_output=True)
        if ok.returncode != 0:
            pytest.skip(f"cannot bind-mount here: {ok.stderr.decode().strip()}")
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], check=True)
        env = {**env, "KIOSK_DATABASE_URL": f"sqlite:///{ro / 'kiosk.db'}"}
        try:
            yield env, path, ro
        finally:
            subprocess.run(["umount", "-l", str(ro)], check=False)
    else:
        for p in path.parent.glob("kiosk.db*"):
            p.chmod(0o444)
        path.parent.chmod(0o555)
        try:
            yield env, path, path.parent
        finally:
            path.parent.chmod(0o755)


def test_read_only_file_system(read_only_db: tuple[dict[str, str], Path, Path]) -> None:
    env, path, _shown = read_only_db
    before = snapshot(path)
    proc = run("staff", "add", "Ploy", "--role", "owner", "--pin", "2468", env=env)
    assert_one_paragraph(proc, "read-only", "writable")
    listed = run("staff", "list", env=env)  # reading still works
    assert listed.returncode == 0 and listed.stderr == "", listed.stderr
    assert snapshot(path) == before


def test_garbage_file_then_restored(tmp_path: Path) -> None:
    env, path = seeded(tmp_path)
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = snapshot(path)
    good = path.read_bytes()
    path.write_bytes(os.urandom(len(good)))
    for args in (("staff", "list"), ("demo-data", "--members", "5"), ("db", "upgrade")):
        assert_one_paragraph(run(*args, env=env), "damaged", "backup")
    path.write_bytes(good)
    assert snapshot(path) == before
    assert run("staff", "list", env=env).returncode == 0


def test_locked_database(tmp_path: Path) -> None:
    env, path = seeded(tmp_path)
    before = snapshot(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        proc = run(
            "staff", "add", "Ploy", "--pin", "2468", env={**env, "KIOSK_DB_BUSY_TIMEOUT_MS": "300"}
        )
        assert_one_paragraph(proc, "locked by another program", "busy_timeout_ms")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(path) == before
    assert run("staff", "add", "Ploy", "--pin", "2468", env=env).returncode == 0


def test_a_running_store_survives_its_file_being_overwritten(tmp_path: Path) -> None:
    """In the same process, as the kiosk would be: pooled connections never write into a
    file that was overwritten or swapped, and the store works again once it is back."""
    path = tmp_path / "kiosk.db"
    store = open_store(f"sqlite:///{path}", migrate=True)
    try:
        store.staff.create("Ploy", "owner", "2468")
        good = path.read_bytes()  # the main file; the WAL next to it holds Ploy
        path.write_bytes(os.urandom(len(good)))
        for _ in range(2):
            with pytest.raises(Exception) as info:
                store.staff.create("Nok", "cashier", "1357")
            assert classify(info.value, store.db.url) is FaultKind.DAMAGED
        path.write_bytes(good)  # the right file is back: no restart needed
        store.staff.create("Nok", "cashier", "1357")
        assert store.staff.names() == ["Nok", "Ploy"]
        with store.db.read() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        # a file swapped in by rename is noticed too
        other = tmp_path / "other.db"
        shutil.copy(path, other)
        other.write_bytes(b"not a database" * 100)
        os.replace(other, path)
        with pytest.raises(Exception) as info:
            store.staff.names()
        assert classify(info.value, store.db.url) is FaultKind.DAMAGED
    finally:
        store.close()


def test_classify_never_blames_a_server_for_sqlite() -> None:
    from kiosk.db.faults import describe

    url = "sqlite:////nowhere/kiosk.db"
    for message in (
        "database or disk is full",
        "disk I/O error",
        "attempt to write a readonly database",
        "unable to open database file",
        "file is not a database",
        "database is locked",
        "something new",
    ):
        assert "server" not in describe(sqlite3.OperationalError(message), url)
    pg = "postgresql+psycopg://kiosk@db:5432/orderup"
    assert "server is running" in describe(RuntimeError("connection refused"), pg)


def test_a_settings_row_edited_by_hand_is_left_out_and_the_others_still_count(
    tmp_path: Path,
) -> None:
    from tests.helpers import make_store

    url = f"sqlite:///{tmp_path / 'k.db'}"
    store = make_store(url)
    store.settings.update({"loyalty.baht_per_point": 20, "store.vat_rate": "8"}, "Boss")
    store.close()
    con = sqlite3.connect(tmp_path / "k.db")
    with con:  # a row that is not JSON, and one whose JSON the rules refuse
        con.execute("INSERT INTO settings VALUES ('store.name', 'not json', '2026-12-06', 'x')")
        con.execute("UPDATE settings SET value = '\"-3\"' WHERE key = 'store.vat_rate'")
    con.close()
    again = make_store(url)
    try:
        current = again.settings.current()
        assert current.loyalty.baht_per_point == 20  # kept: only the bad rows are left out
        assert str(current.store.vat_rate) == "7"  # the file's (default) value, not -3
        assert current.store.name == again.settings.base.store.name
        assert "store.name" not in again.settings.overrides()
    finally:
        again.close()
    out = run("--database-url", url, "staff", "list", env={})
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "JSONDecodeError" not in out.stderr
    assert "store.name is not readable (not JSON); left out" in out.stderr


def test_screenshots_on_a_full_disk_say_so_and_leave_no_empty_pictures(
    small_disk: Path, tmp_path: Path
) -> None:
    # it listed all 30 pictures and exited 0, every one of them 0 bytes
    fill(small_disk, 16 * 1024)
    out_dir = small_disk / "shots"
    env = {"KIOSK_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    proc = run("screenshots", str(out_dir), "--lang", "en", "--size", "1080x1920", env=env)
    assert proc.returncode == 2, proc.stderr
    assert "Cannot write the picture" in proc.stderr and "Traceback" not in proc.stderr
    assert [p for p in out_dir.glob("*.png") if p.stat().st_size == 0] == []


def test_promptpay_png_on_a_full_disk_is_not_said_as_the_database() -> None:
    proc = run("promptpay", "0891234567", "--amount", "10", "--png", "/dev/full", env={})
    assert proc.returncode == 2 and "Cannot write the QR to /dev/full" in proc.stderr
    assert "database" not in proc.stderr
    bad = run("promptpay", "0891234567", "--amount", "abc", env={})
    assert bad.returncode == 2 and "'abc' is not an amount." in bad.stderr, bad.stderr


def test_a_bad_row_elsewhere_keeps_a_pair_of_loyalty_rates_saved_together(tmp_path: Path) -> None:
    """Applied one key at a time after a refusal, 0.25 baht a point with 20 points a baht
    lost its first half (0.25 x the default 10 is under the rule's 5) and became 10 / 20."""
    from tests.helpers import make_store

    url = f"sqlite:///{tmp_path / 'k.db'}"
    store = make_store(url)
    store.settings.update(
        {"loyalty.baht_per_point": "0.25", "loyalty.redeem_points_per_baht": 20}, "Boss"
    )
    store.close()
    con = sqlite3.connect(tmp_path / "k.db")
    with con:  # an unrelated row made invalid by hand
        con.execute(
            "INSERT OR REPLACE INTO settings VALUES ('kiosk.idle_timeout_seconds', '1', "
            "'2026-12-06', 'x')"
        )
    con.close()
    again = make_store(url)
    try:
        loyalty = again.settings.current().loyalty
        assert (str(loyalty.baht_per_point), loyalty.redeem_points_per_baht) == ("0.25", 20)
        assert again.settings.current().kiosk.idle_timeout_seconds == (
            again.settings.base.kiosk.idle_timeout_seconds
        )
    finally:
        again.close()
