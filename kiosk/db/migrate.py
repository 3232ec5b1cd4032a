"""Alembic driven from code: upgrade, current revision, and the start-up schema check.

The start-up check (:func:`check_schema`) is one ``SELECT`` on ``alembic_version``
against the head read from the migration files themselves, so opening a store never
imports Alembic (and Mako and Pygments with it); only ``upgrade``/``downgrade`` do.
A test keeps :func:`head_revision` equal to Alembic's own answer.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from kiosk.db.engine import Database, DatabaseError, SchemaError, describe_db_error
from kiosk.db.faults import shown_url
from kiosk.db.identity import merchant_id

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSIONS_DIR = MIGRATIONS_DIR / "versions"

_ASSIGNMENT = re.compile(
    r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:['\"]([^'\"]+)['\"]|None)\s*$", re.M
)


@cache
def revisions() -> dict[str, str | None]:
    """Every migration's revision and the one it follows, read from the files' top-level
    ``revision =`` and ``down_revision =`` lines (no Alembic import)."""
    found: dict[str, str | None] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        values: dict[str, str | None] = {}
        for match in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8")):
            values.setdefault(match.group(1), match.group(2))
        if "revision" in values and values["revision"] is not None:
            found[values["revision"]] = values.get("down_revision")
    return found


def head_revision() -> str:
    """The one revision no other migration follows."""
    known = revisions()
    followed = {down for down in known.values() if down is not None}
    heads = [rev for rev in known if rev not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads[0]


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def current_revision(db: Database) -> str | None:
    """The database's revision, or ``None`` for a database Alembic never touched: one
    query where the version table exists (the everyday case); only a database without it
    costs a second look."""
    try:
        with db.engine.connect() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except DBAPIError:
                conn.rollback()
                if inspect(conn).has_table("alembic_version"):
                    raise
                return None
    except DBAPIError as exc:
        raise DatabaseError(describe_db_error(exc, db.url)) from None


def _run(db: Database, fn: str, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(db)
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, fn)(cfg, revision)
    except DBAPIError as exc:
        raise DatabaseError(describe_db_error(exc, db.url)) from None


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema up to ``revision``; refuses a database newer than this code. At
    head the database also gets its name at the payment provider, if it has none yet
    (:mod:`kiosk.db.identity`)."""
    current = current_revision(db)
    if current is not None and not _known(current):
        raise SchemaError(_newer_message(db, current))
    _run(db, "upgrade", revision)
    if revision == "head":
        merchant_id(db)


def downgrade(db: Database, revision: str) -> None:
    _run(db, "downgrade", revision)


def _known(revision: str) -> bool:
    return revision in revisions()


def _newer_message(db: Database, current: str) -> str:
    return (
        f"The database {shown_url(db.engine.url)} has schema "
        f"revision {current}, which is newer than this version of the kiosk knows "
        f"(head {head_revision()}). Upgrade the kiosk software; do not use an older kiosk "
        "on this database."
    )


def check_schema(db: Database) -> None:
    """Raise :class:`SchemaError` unless the database is exactly at the code's head."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return
    if current is None:
        try:
            tables = inspect(db.engine).get_table_names()
        except DBAPIError as exc:
            raise DatabaseError(describe_db_error(exc, db.url)) from None
        what = "has tables but no migration record" if tables else "has no kiosk tables yet"
        raise SchemaError(
            f"The database {shown_url(db.engine.url)} {what}. "
            "Run 'kiosk db upgrade' first (or 'make run', which does it for you)."
        )
    if not _known(current):
        raise SchemaError(_newer_message(db, current))
    raise SchemaError(
        f"The database schema is at revision {current} but this kiosk needs {head}. "
        "Run 'kiosk db upgrade' to migrate it."
    )
