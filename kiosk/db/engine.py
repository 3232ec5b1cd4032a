"""Engine and session set-up for SQLite (one kiosk) and PostgreSQL (a store of kiosks).

SQLite: WAL, ``foreign_keys=ON``, ``busy_timeout``, ``synchronous=FULL`` on every
connection, and write transactions begin with ``BEGIN IMMEDIATE`` (SQLAlchemy's
documented pysqlite recipe) so two kiosks that read then write never hit
"database is locked" halfway through a payment. Read-only units begin deferred so an
admin report never blocks a kiosk.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.uow import UnitOfWork

log = logging.getLogger(__name__)

READ_ONLY = "kiosk_read_only"
SINGLE_READ = "kiosk_single_read"
"""Execution option: the connection runs one SELECT, which SQLite already runs as its own
read transaction, so no ``BEGIN`` / ``ROLLBACK`` round trip is added around it."""
PG_PREPARE_THRESHOLD = 1
"""psycopg 3 prepares a statement on the server from its first repeat; the hot paths run the
same few statements over and over."""
SQLITE_BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


class SchemaError(DatabaseError):
    """The schema is missing, older or newer than this code."""


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, before SQLite touches it."""
    if path.exists():
        if path.is_dir():
            raise DatabaseError(f"The database path {path} is a folder, not a file.")
        with path.open("rb") as fh:
            header = fh.read(16)
        if header and header != b"SQLite format 3\x00":
            raise DatabaseError(
                f"The file {path} is not an SQLite database (it may be damaged or another kind "
                "of file). Nothing was changed. Point KIOSK_DATABASE_URL at the right file or "
                "restore it from a backup."
            )
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"Cannot create the folder {path.parent} for the database: {exc.strerror}."
            ) from None


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event emit BEGIN itself (pysqlite would defer it).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            log.warning("SQLite did not switch to WAL mode (got %s)", mode[0])
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get(SINGLE_READ):
            return
        if options.get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


PG_IDLE_CHECK_SECONDS = 30.0
"""A pooled PostgreSQL connection idle longer than this is checked (one ``SELECT 1``) when
taken from the pool; a busy kiosk's connections never are."""


def _install_pg_hooks(engine: Engine) -> None:
    """Instead of a pre-ping on every checkout: a connection that sat idle is checked once
    and, if the server dropped it, the pool throws it away and hands out a fresh one
    (SQLAlchemy retries a checkout that raises ``DisconnectionError``). A connection that
    dies in use makes SQLAlchemy invalidate the whole pool, so the next try reconnects."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info["kiosk_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("kiosk_idle_since")
        if since is None or time.monotonic() - since < PG_IDLE_CHECK_SECONDS:
            return
        try:
            cur = dbapi_conn.cursor()
            cur.execute("SELECT 1")
            cur.close()
            dbapi_conn.rollback()
        except Exception as exc:
            raise DisconnectionError("idle connection was closed by the server") from exc


def make_engine(
    url: str, echo: bool = False, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS
) -> Engine:
    """Create an engine for ``url``; raises :class:`DatabaseError` with a clear message."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            f"The database URL {url!r} is not valid. Use sqlite:///path/to/kiosk.db or "
            "postgresql+psycopg://user@host:5432/dbname."
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = _sqlite_path(url)
        if path is not None:
            _check_sqlite_file(path)
        engine = create_engine(
            url,
            echo=echo,
            hide_parameters=True,  # errors must not quote phone numbers into logs
            connect_args={"timeout": max(0.05, busy_timeout_ms / 1000)},
        )
        _install_sqlite_hooks(engine, busy_timeout_ms)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            engine = create_engine(
                parsed,
                echo=echo,
                hide_parameters=True,
                pool_pre_ping=False,  # a round trip per checkout; see _install_pg_hooks
                connect_args={
                    "connect_timeout": 5,
                    "application_name": "orderup-kiosk",
                    "prepare_threshold": PG_PREPARE_THRESHOLD,
                },
            )
        except ModuleNotFoundError as exc:
            raise DatabaseError(f"The PostgreSQL driver is missing: {exc}.") from None
        _install_pg_hooks(engine)
        return engine
    raise DatabaseError(
        f"The database URL {parsed.render_as_string(hide_password=True)!r} uses "
        f"'{backend}', which the kiosk does not support. Use SQLite or PostgreSQL."
    )


def describe_db_error(exc: BaseException, url: str) -> str:
    shown = make_url(url).render_as_string(hide_password=True)
    detail = (
        str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    )
    if "file is not a database" in detail or "malformed" in detail:
        return (
            f"The database at {shown} is damaged or is not an SQLite database ({detail}). "
            "Nothing was changed. Restore it from a backup or point KIOSK_DATABASE_URL elsewhere."
        )
    if "locked" in detail:
        return (
            f"The database at {shown} is locked by another program ({detail}). Close the other "
            "program or wait, then try again. Nothing was changed."
        )
    return (
        f"Cannot use the database at {shown}: {detail}. Check that the server is running and "
        "the URL in KIOSK_DATABASE_URL (or [database] url in the config file) is right."
    )


class CompiledRead:
    """A Core ``select()`` compiled once for one engine and run on a pooled DB-API
    connection: one statement, no ``BEGIN`` on SQLite (a lone SELECT is its own read
    transaction; on PostgreSQL the pool's reset rolls back the one it began). Values come
    back through the columns' own result processors, exactly as ``Connection.execute``
    would return them, at a fraction of its cost (the hot path: the phone lookup).

    Being below ``Connection.execute``, it does not fire SQLAlchemy's statement events;
    tests count what it runs with the driver's own trace (``sqlite3.set_trace_callback``).
    """

    def __init__(
        self,
        engine: Engine,
        stmt: Select[Any],
        on_db_error: Callable[[DBAPIError], Exception] | None = None,
    ) -> None:
        self.on_db_error = on_db_error  # turns a busy or dropped database into ours
        dialect = engine.dialect
        compiled = stmt.compile(dialect=dialect)
        self._engine = engine
        self._stmt = stmt
        self._compiled = compiled
        self.sql = str(compiled)
        self._positional = compiled.positiontup if compiled.positional else None
        self._binds = {key: proc for key, proc in (compiled._bind_processors or {}).items() if proc}
        self._plain = not self._binds
        self.names = tuple(c.key for c in stmt.selected_columns)
        self._types = [c.type.dialect_impl(dialect) for c in stmt.selected_columns]
        self._processors: list[Any] | None = None  # from the first result's column types

    def first(self, **params: Any) -> tuple[Any, ...] | None:
        """The first row (as a tuple in the select's column order), or ``None``.

        If the driver fails (a connection the server dropped, a locked file), that
        connection is thrown away and the statement runs once more through
        ``Connection.execute`` on a fresh one, which raises SQLAlchemy's usual errors."""
        if self._plain and self._positional is not None and len(params) == len(self._positional):
            args: Any = tuple(params[k] for k in self._positional)  # the usual case: no defaults
        else:
            values = self._compiled.construct_params(params)
            for key, proc in self._binds.items():
                if key in values:
                    values[key] = proc(values[key])
            args = tuple(values[k] for k in self._positional) if self._positional else values
        conn = self._engine.raw_connection()
        try:
            cur = conn.cursor()
            try:
                cur.execute(self.sql, args)
                row = cur.fetchone()
                if self._processors is None:
                    dialect = self._engine.dialect
                    self._processors = [
                        t.result_processor(dialect, d[1])
                        for t, d in zip(self._types, cur.description, strict=True)
                    ]
            finally:
                cur.close()
        except self._engine.dialect.loaded_dbapi.Error:
            conn.invalidate()
            return self._retry(params)
        finally:
            conn.close()
        if row is None:
            return None
        processors = self._processors or ()
        return tuple(p(v) if p else v for p, v in zip(processors, row, strict=True))

    def _retry(self, params: dict[str, Any]) -> tuple[Any, ...] | None:
        try:
            with self._engine.connect() as conn:
                found = conn.execute(self._stmt, params).first()
        except (OperationalError, InterfaceError) as exc:
            if self.on_db_error is None:
                raise
            raise self.on_db_error(exc) from exc
        return tuple(found) if found is not None else None


class Database:
    """Holds the engine and hands out units of work. Created by the composition root."""

    def __init__(
        self, url: str, echo: bool = False, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS
    ) -> None:
        self.url = url
        self.engine = make_engine(url, echo=echo, busy_timeout_ms=busy_timeout_ms)
        self.dialect = self.engine.dialect.name
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        self._single = self.engine.execution_options(**{READ_ONLY: True, SINGLE_READ: True})

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def check_connection(self) -> None:
        """Open one connection and run a query; raise :class:`DatabaseError` if it fails."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
                if self.is_sqlite:
                    conn.exec_driver_sql("PRAGMA schema_version").fetchone()
                conn.rollback()
        except (OperationalError, DBAPIError) as exc:
            raise DatabaseError(describe_db_error(exc, self.url)) from None

    def session(self) -> Session:
        """A writer session (``BEGIN IMMEDIATE`` on SQLite). Prefer :meth:`uow`."""
        return self._writer()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session: deferred BEGIN on SQLite, rolled back at the end."""
        session = self._reader()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def compiled_read(self, stmt: Select[Any]) -> CompiledRead:
        """``stmt`` compiled once for this database (see :class:`CompiledRead`). A busy or
        dropped database is reported the way this class reports it for read sessions
        (``_busy``, where it exists), else as SQLAlchemy's error."""
        return CompiledRead(self._single, stmt, on_db_error=getattr(self, "_busy", None))

    def uow(self) -> UnitOfWork:
        """A unit of work: one transaction, rolled back unless committed."""
        return UnitOfWork(self._writer)

    def dispose(self) -> None:
        self.engine.dispose()
