"""Support for the hostile-input tests: a throw-away PostgreSQL database, table snapshots,
and checks that nothing stored breaks a column's rules."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import String, create_engine, select, text
from sqlalchemy.engine import make_url

from kiosk.app import Store
from kiosk.db.models import Base

_BAD = re.compile("[\x00\ud800-\udfff]")


def backends() -> list[Any]:
    """The parameters of a fixture run on both backends: SQLite, and PostgreSQL (marked
    ``pg``, skipped without ``KIOSK_TEST_PG_URL``)."""
    return [
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.pg,
                pytest.mark.skipif(
                    not os.environ.get("KIOSK_TEST_PG_URL"),
                    reason="KIOSK_TEST_PG_URL is not set; PostgreSQL tests need a server",
                ),
            ],
        ),
    ]


@contextmanager
def own_pg_database(prefix: str = "kiosk_valid") -> Iterator[str]:
    """A fresh database next to ``KIOSK_TEST_PG_URL``'s, dropped afterwards, so tests never
    share tables with other suites running on the same server."""
    base = os.environ["KIOSK_TEST_PG_URL"]
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(select(table).order_by(*order)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def stored_wrongly(store: Store) -> list[str]:
    """Values that break their column's rules (SQLite would keep them silently): text
    longer than its VARCHAR, NUL or lone surrogates, non-ASCII card digits, unsafe images."""
    problems: list[str] = []
    with store.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            cols = [c for c in table.columns if isinstance(c.type, String)]
            if not cols:
                continue
            for row in conn.execute(select(*cols)):
                for col, value in zip(cols, row, strict=True):
                    if not isinstance(value, str):
                        continue
                    where = f"{table.name}.{col.name}"
                    if col.type.length is not None and len(value) > col.type.length:
                        problems.append(f"{where}: {len(value)} > {col.type.length}")
                    if _BAD.search(value):
                        problems.append(f"{where}: NUL or surrogate")
        for (last4,) in conn.execute(text("SELECT card_last4 FROM payments")):
            if last4 and not re.fullmatch("[0-9]{4}", last4):
                problems.append(f"payments.card_last4 {last4!r}")
        for (image,) in conn.execute(text("SELECT image FROM menu_items")):
            if image and (".." in image or image.startswith("/etc")):
                problems.append(f"menu_items.image {image!r}")
    return problems
