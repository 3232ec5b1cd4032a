"""SQLite's checkpoint-on-close is off on every Python we support (3.11 through ctypes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.db.faults import without_tracebacks
from kiosk.db.sqlite_config import disable_checkpoint_on_close


def test_closing_a_connection_leaves_the_wal_alone(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    assert disable_checkpoint_on_close(conn, path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    wal = path.with_name("k.db-wal")
    assert wal.exists() and wal.stat().st_size > 0  # not copied into the main file


def test_a_default_connection_would_checkpoint(tmp_path: Path) -> None:
    """The control: without the switch, the last close empties and removes the WAL."""
    path = tmp_path / "k.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert not path.with_name("k.db-wal").exists()


def test_a_handle_for_another_file_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.db")
    try:
        if hasattr(conn, "setconfig"):
            assert disable_checkpoint_on_close(conn, None)  # 3.12+: no handle needed
        else:
            assert not disable_checkpoint_on_close(conn, tmp_path / "b.db")
    finally:
        conn.close()


def test_without_tracebacks_clears_the_whole_chain() -> None:
    def fail() -> None:
        try:
            raise OSError("disk")
        except OSError as inner:
            raise RuntimeError("outer") from inner

    try:
        fail()
    except RuntimeError as exc:
        caught = exc
    assert caught.__traceback__ is not None and caught.__cause__ is not None
    without_tracebacks(caught)
    assert caught.__traceback__ is None and caught.__cause__.__traceback__ is None


def test_every_way_of_writing_an_sqlite_url_names_the_same_file_or_memory(tmp_path: Path) -> None:
    from kiosk.db.faults import sqlite_path

    f = tmp_path / "kiosk.db"
    for url in (
        f"sqlite:///{f}",
        f"sqlite:///file:{f}?uri=true",
        f"sqlite:///file:{f}?mode=ro&uri=True",  # SQLAlchemy reads True, yes, on, 1
        f"sqlite:///file:{f}?mode=ro&uri=yes",
        f"sqlite:///file:{f}?uri=1",
    ):
        assert sqlite_path(url) == f, url
    for url in (
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///file::memory:?cache=shared&uri=true",
        "sqlite:///file:shop?mode=memory&cache=shared&uri=true",
        "postgresql+psycopg://u@h/db",
    ):
        assert sqlite_path(url) is None, url


def test_a_uri_database_goes_by_its_file_at_the_provider(tmp_path: Path) -> None:
    """The provider's name for the books was the URI taken for a relative path
    ('sqlite:<cwd>/file:/...'), so it changed with the folder a command ran in."""
    from kiosk.db import Database
    from kiosk.db.identity import database_address, in_memory

    plain = Database(f"sqlite:///{tmp_path / 'k.db'}")
    uri = Database(f"sqlite:///file:{tmp_path / 'k.db'}?uri=true")
    memory = Database("sqlite:///file::memory:?cache=shared&uri=true")
    try:
        assert database_address(uri) == database_address(plain) == f"sqlite:{tmp_path / 'k.db'}"
        assert in_memory(memory) and not in_memory(uri)
    finally:
        for db in (plain, uri, memory):
            db.dispose()
