"""Alembic driven from code: upgrade, current revision, and the start-up schema check."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from kiosk.db.engine import Database, DatabaseError, SchemaError, describe_db_error

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except DBAPIError as exc:
        raise DatabaseError(describe_db_error(exc, db.url)) from None


def _run(db: Database, fn: str, revision: str) -> None:
    cfg = alembic_config(db)
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, fn)(cfg, revision)
    except DBAPIError as exc:
        raise DatabaseError(describe_db_error(exc, db.url)) from None


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema up to ``revision``; refuses a database newer than this code."""
    current = current_revision(db)
    if current is not None and not _known(current):
        raise SchemaError(_newer_message(db, current))
    _run(db, "upgrade", revision)


def downgrade(db: Database, revision: str) -> None:
    _run(db, "downgrade", revision)


def _known(revision: str) -> bool:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    try:
        return script.get_revision(revision) is not None
    except Exception:
        return False


def _newer_message(db: Database, current: str) -> str:
    return (
        f"The database {db.engine.url.render_as_string(hide_password=True)} has schema "
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
            f"The database {db.engine.url.render_as_string(hide_password=True)} {what}. "
            "Run 'kiosk db upgrade' first (or 'make run', which does it for you)."
        )
    if not _known(current):
        raise SchemaError(_newer_message(db, current))
    raise SchemaError(
        f"The database schema is at revision {current} but this kiosk needs {head}. "
        "Run 'kiosk db upgrade' to migrate it."
    )
