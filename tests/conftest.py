"""Shared fixtures. Qt runs offscreen; every test gets its own temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real user config, data and log folders."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("KIOSK_LOG_DIR", str(base / "logs"))
    monkeypatch.setenv("KIOSK_RECEIPTS_DIR", str(base / "receipts"))
    monkeypatch.setenv("KIOSK_CONFIG", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kiosk.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A clean PostgreSQL schema, or a skip when KIOSK_TEST_PG_URL is not set."""
    url = os.environ.get("KIOSK_TEST_PG_URL")
    if not url:
        pytest.skip("KIOSK_TEST_PG_URL is not set; PostgreSQL tests need a server")
    from sqlalchemy import create_engine, text

    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:  # ``pytest -n``: each worker drops and recreates the schema of its own database
        url = _worker_database(url, worker)
    engine = create_engine(url)
    with engine.begin() as conn:  # fails loudly when the server is unreachable
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    yield url


def _worker_database(url: str, worker: str) -> str:
    """``url``'s database with the pytest-xdist worker's name appended, made if missing."""
    from sqlalchemy import create_engine, make_url, text

    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:  # fails loudly when the server is unreachable
            found = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if found.first() is None:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)
