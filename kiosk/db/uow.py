"""Unit of work: one transaction per user action, rolled back unless committed.

Events collected with :meth:`UnitOfWork.after_commit` run only once the commit has
succeeded, so nobody hears of a payment that was rolled back.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.exc import (
    DatabaseError,
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


def is_database_fault(exc: BaseException | None) -> bool:
    """A database that cannot do the work now: locked or busy, a dropped connection, a
    full or read-only disk, a damaged or replaced file (``sqlite3.DatabaseError`` arrives
    as a plain ``DatabaseError``). Integrity, data and programming errors are not faults:
    services turn those into their own errors."""
    return isinstance(exc, OperationalError | InterfaceError | DisconnectionError) or (
        type(exc) is DatabaseError
    )


T = TypeVar("T", bound=tuple[Any, ...])


def locked(stmt: Select[T]) -> Select[T]:
    """``stmt`` taking row locks (``FOR UPDATE`` on PostgreSQL; SQLite's write lock is taken
    at ``BEGIN IMMEDIATE``), refreshing objects the session already holds so a balance read
    under the lock is the committed one, never a stale copy."""
    return stmt.with_for_update().execution_options(populate_existing=True)


def grouped(s: Session, key: Any, value: Any, *where: Any) -> dict[Any, Any]:
    """``{key: value}`` for each group of ``key`` among the rows matching ``where``: one
    ``SELECT key, value ... GROUP BY key`` (``value`` an aggregate such as a count)."""
    return dict(s.execute(select(key, value).where(*where).group_by(key)).all())


class UnitOfWork:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        on_db_error: Callable[[DBAPIError], Exception] | None = None,
    ) -> None:
        self._factory = session_factory
        self._on_db_error = on_db_error
        self._session: Session | None = None
        self._after_commit: list[Callable[[], None]] = []
        self.committed = False

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its 'with' block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        self._after_commit = []
        self.committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            if not self.committed:
                session.rollback()
        finally:
            session.close()
            self._session = None
        if is_database_fault(exc) and self._on_db_error is not None:
            raise self._on_db_error(exc) from exc
        if self.committed:
            callbacks, self._after_commit = self._after_commit, []
            for callback in callbacks:
                try:
                    callback()
                except Exception:  # a listener's bug must not undo a committed payment
                    log.exception("after-commit callback failed")

    def after_commit(self, callback: Callable[[], None]) -> None:
        self._after_commit.append(callback)

    def publish(self, publish: Callable[[Any], None], *events: Any) -> None:
        """Hand each of ``events`` to ``publish`` once the commit has succeeded."""
        self._after_commit.extend(functools.partial(publish, event) for event in events)

    def flush(self) -> None:
        self.session.flush()

    def commit(self) -> None:
        self.session.commit()
        self.committed = True

    def rollback(self) -> None:
        self.session.rollback()
        self._after_commit.clear()
