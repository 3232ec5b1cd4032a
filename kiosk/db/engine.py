"""Engine and session set-up for SQLite (one kiosk) and PostgreSQL (a store of kiosks).

SQLite: WAL, ``foreign_keys=ON``, ``busy_timeout``, ``synchronous=FULL`` on every
connection, and write transactions begin with ``BEGIN IMMEDIATE`` (SQLAlchemy's
documented pysqlite recipe) so two kiosks that read then write never hit
"database is locked" halfway through a payment. Read-only units begin deferred so an
admin report never blocks a kiosk.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
import time
import warnings
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
    OperationalError,
    SAWarning,
)
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.faults import FaultKind, classify, describe, shown_url, sqlite_path, sqlite_uri
from kiosk.db.file_guard import HeaderGuard, file_identity, header_ok
from kiosk.db.sqlite_config import disable_checkpoint_on_close
from kiosk.db.uow import UnitOfWork, is_database_fault

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


class DatabaseBusy(DatabaseError):
    """The database could not do this piece of work now (locked by another kiosk, busy,
    or the connection dropped); the transaction was rolled back, so nothing was saved and
    trying again is safe. The unit of work and read sessions raise it in place of the
    driver's error, so nothing above the db layer handles SQLAlchemy exceptions."""


#: the options of an SQLite URL the driver reads itself; others need the URI form
_PYSQLITE_OPTIONS = frozenset(
    {"timeout", "isolation_level", "detect_types", "check_same_thread", "cached_statements", "uri"}
)


class EmptyDatabaseFile(SchemaError):
    """The SQLite file exists but holds nothing yet (zero bytes)."""


def _check_sqlite_file(path: Path, create: bool = True) -> None:
    """Refuse a file that exists but is not an SQLite database, before SQLite touches it;
    a missing file is made (with its folder) only when ``create``: a command that only
    reads must not leave an empty database, or a folder, where a path was mistyped."""
    if path.exists() and not create and _empty(path):
        raise EmptyDatabaseFile(
            f"The file {path} is empty: there is no database in it yet. Run 'kiosk db "
            "upgrade' first (or 'make run', which does it for you), or check the database URL."
        )
    if path.exists():
        if path.is_dir():
            raise DatabaseError(f"The database path {path} is a folder, not a file.")
        with path.open("rb") as fh:
            header = fh.read(16)
        if header and header != b"SQLite format 3\x00":
            raise DatabaseError(
                f"The file {path} is not an SQLite database (it may be damaged or another kind "
                "of file). Nothing was changed. Point the database URL at the right file or "
                "restore it from a backup."
            )
    elif not create:
        raise SchemaError(
            f"There is no database at {path} yet. Run 'kiosk db upgrade' first (or "
            "'make run', which does it for you), or check the database URL."
        )
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"Cannot create the folder {path.parent} for the database: {exc.strerror}."
            ) from None


def _empty(path: Path) -> bool:
    """A zero-byte file with nothing waiting in its write-ahead log: SQLite would take it
    for a new database (and a command that only reads would then write one into it)."""
    if path.is_dir() or path.stat().st_size:
        return False
    wal = path.with_name(path.name + "-wal")
    return not (wal.exists() and wal.stat().st_size)


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int, path: Path | None) -> None:
    """Connection set-up, plus two guards against a file changed under a running kiosk.

    A pooled connection keeps the file it opened: if the file is replaced (a new file
    moved over it) or overwritten with something that is not SQLite, that connection would
    go on writing into its WAL as if nothing happened. So each checkout compares the file
    on disk with the one the connection opened and checks its header; on a mismatch the
    connection is discarded and a fresh one opens the file as it is now (and fails with a
    clear "not a database" until the right file is back). Errors that mean the file or
    disk is broken invalidate the whole pool, so the kiosk recovers without a restart once
    the fault is fixed."""

    dropped: dict[str, bool] = {}
    guard = HeaderGuard(path) if path is not None else None

    @event.listens_for(engine, "checkout")
    def _on_checkout(_dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        if guard is None:
            return
        opened = record.info.get("kiosk_file")
        if opened is None:
            return
        if not guard.still(opened):
            log.error("the database file %s was replaced or overwritten while open", path)
            raise DisconnectionError("the database file was replaced while in use")

    @event.listens_for(engine, "engine_disposed")
    def _on_disposed(_engine: Any) -> None:
        if guard is not None:
            guard.close()

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        exc = context.original_exception
        if exc is None or not isinstance(exc, sqlite3.Error):
            return
        kind = classify(exc, str(engine.url))
        # a connection opened while the disk was read-only stays read-only: reopen them all
        if kind in (
            FaultKind.DAMAGED,
            FaultKind.READ_ONLY,
            FaultKind.DISK_ERROR,
            FaultKind.CANNOT_OPEN,
        ):
            context.is_disconnect = True  # drop every pooled connection to this file
            dropped["pending"] = True

    @event.listens_for(engine, "do_connect")
    def _before_connect(_dialect: Any, _record: Any, _cargs: Any, _cparams: Any) -> None:
        # before SQLite opens it: once open, SQLite would read page 1 from the WAL and
        # carry on over a main file that is now something else
        if path is not None and not header_ok(path):
            raise sqlite3.DatabaseError("file is not a database (it was replaced or overwritten)")
        if dropped.pop("pending", False):
            # A dropped connection whose statements are still referenced (by a traceback
            # in a reference cycle, say) only becomes a "zombie" on close (Python 3.11):
            # it keeps SQLite's per-file state, read-only -shm mapping included, shared
            # with every new connection. Collect such cycles once before reconnecting.
            gc.collect()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
        # Never checkpoint when a connection closes: a connection dropped because its file
        # was overwritten would copy the WAL into the wrong file. The WAL is checkpointed
        # as it grows and at a clean shutdown (Database.dispose).
        if not disable_checkpoint_on_close(dbapi_conn, path) and path is not None:
            log.warning("SQLite's checkpoint-on-close could not be turned off here")
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
        if path is not None:
            record.info["kiosk_file"] = file_identity(path)

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
    url: str,
    echo: bool = False,
    busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
    create: bool = True,
) -> Engine:
    """Create an engine for ``url``; raises :class:`DatabaseError` with a clear message
    (``create=False``: a missing SQLite file is an error, not a new database)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            f"The database URL {url!r} is not valid. Use sqlite:///path/to/kiosk.db or "
            "postgresql+psycopg://user@host:5432/dbname."
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if sqlite_uri(parsed) and not (parsed.database or "").startswith("file:"):
            raise DatabaseError(  # SQLite would make a file named "kiosk.db?mode=ro"
                "With uri=true the database must be written as an SQLite URI, "
                "e.g. sqlite:///file:/path/kiosk.db?mode=ro&uri=true."
            )
        path = sqlite_path(url)
        if path is not None:
            _check_sqlite_file(path, create)
        with warnings.catch_warnings():
            # an option the driver would drop is said as a refusal, not as its warning
            warnings.simplefilter("error", SAWarning)
            try:
                engine = create_engine(
                    url,
                    echo=echo,
                    hide_parameters=True,  # errors must not quote phone numbers into logs
                    connect_args={"timeout": max(0.05, busy_timeout_ms / 1000)},
                )
            except (ValueError, TypeError) as exc:  # ?timeout=abc, ?check_same_thread=maybe
                raise DatabaseError(
                    f"The database URL has an option with a value SQLite cannot use ({exc})."
                ) from None
            except SAWarning:
                dropped = sorted(k for k in parsed.query if k not in _PYSQLITE_OPTIONS)
                raise DatabaseError(
                    f"The database URL asks for options SQLite does not take this way "
                    f"({', '.join(dropped)}). Leave them out, or write the URL "
                    "as an SQLite URI, e.g. sqlite:///file:/path/kiosk.db?mode=ro&uri=true."
                ) from None
        _install_sqlite_hooks(engine, busy_timeout_ms, path)
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
        f"The database URL {shown_url(parsed)!r} uses "
        f"'{backend}', which the kiosk does not support. Use SQLite or PostgreSQL."
    )


def describe_db_error(exc: BaseException, url: str) -> str:
    """One paragraph for a database error: what is wrong and what to do
    (see :mod:`kiosk.db.faults`)."""
    return describe(exc, url)


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
        except Exception as exc:
            if self.on_db_error is None or not is_database_fault(exc):
                raise
            raise self.on_db_error(exc) from exc
        return tuple(found) if found is not None else None


class Database:
    """Holds the engine and hands out units of work. Created by the composition root."""

    def __init__(
        self,
        url: str,
        echo: bool = False,
        busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
        create: bool = True,
    ) -> None:
        self.url = url
        self.engine = make_engine(url, echo=echo, busy_timeout_ms=busy_timeout_ms, create=create)
        self.dialect = self.engine.dialect.name
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        self._single = self.engine.execution_options(**{READ_ONLY: True, SINGLE_READ: True})
        self._single_reader = sessionmaker(self._single, expire_on_commit=False)

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
    def read(self, single: bool = False) -> Iterator[Session]:
        """A read-only session: deferred BEGIN on SQLite, rolled back at the end.
        ``single``: for one statement, which SQLite runs as its own read transaction, so
        no ``BEGIN`` is sent (more statements would each see the database of their own
        moment)."""
        session = (self._single_reader if single else self._reader)()
        try:
            yield session
        except Exception as exc:
            if is_database_fault(exc):
                raise DatabaseBusy(describe_db_error(exc, self.url)) from exc
            raise
        finally:
            session.rollback()
            session.close()

    def compiled_read(self, stmt: Select[Any]) -> CompiledRead:
        """``stmt`` compiled once for this database (see :class:`CompiledRead`). A busy or
        dropped database is reported as for read sessions (``DatabaseBusy``)."""
        return CompiledRead(self._single, stmt, on_db_error=self._busy)

    def uow(self) -> UnitOfWork:
        """A unit of work: one transaction, rolled back unless committed."""
        return UnitOfWork(self._writer, on_db_error=self._busy)

    def _busy(self, exc: DBAPIError) -> DatabaseBusy:
        """A locked, busy or dropped database (``OperationalError``, ``InterfaceError``);
        integrity errors stay as they are: services turn those into their own errors."""
        return DatabaseBusy(describe_db_error(exc, self.url))

    def dispose(self) -> None:
        """Close every connection; on SQLite first fold the WAL into the main file (the
        connections themselves never checkpoint on close, see the engine set-up)."""
        if self.is_sqlite and sqlite_path(self.url) is not None:
            try:
                raw = self.engine.raw_connection()
                try:
                    raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
                finally:
                    raw.close()
            except (DBAPIError, sqlite3.Error, OSError) as exc:
                log.info("no WAL checkpoint at shutdown: %s", exc)
        self.engine.dispose()
