"""What went wrong with the database, in words a person can act on.

A database error that reaches a person (the CLI, the kiosk's calm error screen, the admin
panel) is first sorted into a :class:`FaultKind`: the disk is full, the file or its folder
is read-only, the file is damaged or was replaced, another program holds a lock, the disk
failed, the file cannot be opened, or (PostgreSQL) the server cannot be reached. Each kind
has one paragraph saying what is wrong and what to do; for SQLite it never mentions a
server.

SQLite reports a full disk as "database or disk is full" when a write comes up short and
as "disk I/O error" when the file system refuses it outright (a WAL index that cannot grow,
a file size limit), and a read-only file system as "attempt to write a readonly database"
or, when its WAL index cannot be created, "unable to open database file". So the error
alone is not enough: :func:`classify` also looks at the database's folder (free space,
read-only mount, write permission) to name the real cause.
"""

from __future__ import annotations

import enum
import errno
import os
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sqlalchemy.engine import URL, make_url
from sqlalchemy.util import asbool

#: below this much free space next to the database, a failed write is a full disk
LOW_SPACE_BYTES = 256 * 1024


class FaultKind(enum.StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    DAMAGED = "damaged"
    LOCKED = "locked"
    DISK_ERROR = "disk_error"
    CANNOT_OPEN = "cannot_open"
    SERVER = "server"
    OTHER = "other"


#: faults that do not pass by waiting a moment: the kiosk shows its "ask staff" screen
STAFF_NEEDED = frozenset(
    {
        FaultKind.DISK_FULL,
        FaultKind.READ_ONLY,
        FaultKind.DAMAGED,
        FaultKind.DISK_ERROR,
        FaultKind.CANNOT_OPEN,
        FaultKind.SERVER,
    }
)


def sqlite_uri(url: str | URL) -> bool:
    """The URL names its database as an SQLite URI (``uri=true``, read as SQLAlchemy
    reads it: true, yes, on, 1 in any case)."""
    return asbool(make_url(url).query.get("uri", False))


def sqlite_path(url: str | URL) -> Path | None:
    """The file of an SQLite URL, also written as an SQLite URI
    (``sqlite:///file:/path/kiosk.db?mode=ro&uri=true``); None for PostgreSQL or a
    database in memory (``sqlite://``, ``:memory:``, ``file::memory:``, ``mode=memory``)."""
    try:
        parsed = make_url(url)
    except Exception:
        return None
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or database in (None, "", ":memory:"):
        return None
    if sqlite_uri(parsed) and database.startswith("file:"):
        path = urlsplit(database).path
        if path in ("", ":memory:") or parsed.query.get("mode") == "memory":
            return None
        return Path(unquote(path))
    return Path(database)


def _root_error(exc: BaseException) -> BaseException:
    """The driver's error behind SQLAlchemy's (``orig``) or behind the project's own
    ``DatabaseBusy`` (raised ``from`` it)."""
    orig = getattr(exc, "orig", None)
    if orig is not None:
        return orig
    cause = exc.__cause__
    if cause is not None and cause is not exc:
        return _root_error(cause)
    return exc


def error_detail(exc: BaseException) -> str:
    """The first line of the driver's message (never the statement or its values)."""
    orig = _root_error(exc)
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


def _folder_state(path: Path) -> FaultKind | None:
    """Read-only or full, judged from the database's folder (or the file itself)."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        st = os.statvfs(folder)
    except OSError:
        return None
    if st.f_flag & os.ST_RDONLY:
        return FaultKind.READ_ONLY
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return FaultKind.READ_ONLY
    try:
        if shutil.disk_usage(folder).free < LOW_SPACE_BYTES:
            return FaultKind.DISK_FULL
    except OSError:
        return None
    return None


def classify(exc: BaseException, url: str = "") -> FaultKind:
    """Sort a database error (SQLAlchemy's, the driver's, or an ``OSError``) into a kind."""
    orig = _root_error(exc)
    detail = error_detail(exc).lower()
    path = sqlite_path(url) if url else None
    name = getattr(orig, "sqlite_errorname", "") or ""
    if isinstance(orig, OSError) and not isinstance(orig, sqlite3.Error):
        if orig.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return FaultKind.DISK_FULL
        if orig.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return FaultKind.READ_ONLY
        return FaultKind.DISK_ERROR
    if "locked" in detail or name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return FaultKind.LOCKED
    if (
        "file is not a database" in detail
        or "malformed" in detail
        or "was replaced" in detail
        or name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT"))
    ):
        return FaultKind.DAMAGED
    if "disk is full" in detail or "no space left" in detail or name == "SQLITE_FULL":
        return FaultKind.DISK_FULL
    if "readonly" in detail or "read-only" in detail or name.startswith("SQLITE_READONLY"):
        return FaultKind.READ_ONLY
    if "disk i/o error" in detail or name.startswith("SQLITE_IOERR"):
        state = _folder_state(path) if path is not None else None
        return state or FaultKind.DISK_ERROR
    if "unable to open database file" in detail or name.startswith("SQLITE_CANTOPEN"):
        state = _folder_state(path) if path is not None else None
        return state or FaultKind.CANNOT_OPEN
    if url and path is None and not url.startswith("sqlite"):
        return FaultKind.SERVER
    return FaultKind.OTHER


def shown_url(url: str | URL) -> str:
    """``url`` as a message shows it: no password, and an SQLite path as typed (the
    rendering escapes a ``file:`` URI's colon as ``%3A``)."""
    parsed = make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    return unquote(shown) if parsed.get_backend_name() == "sqlite" else shown


def describe(exc: BaseException, url: str) -> str:
    """One paragraph: what is wrong with the database at ``url`` and what to do."""
    try:
        shown = shown_url(url)
    except Exception:
        shown = "the configured database"
    detail = error_detail(exc)
    kind = classify(exc, url)
    path = sqlite_path(url)
    where = str(path.parent) if path is not None else "the database server"
    if kind is FaultKind.DISK_FULL:
        return (
            f"The disk that holds the database ({where}) is full, so nothing could be "
            f"saved ({detail}). What was saved before is intact: the unfinished change was "
            "rolled back. Free some space on that disk (old receipts, logs or backups), then "
            "try again."
        )
    if kind is FaultKind.READ_ONLY:
        return (
            f"The database at {shown} cannot be written: the file, its folder or the whole "
            f"disk is read-only ({detail}). Nothing was changed. Make the file and its folder "
            "writable for the kiosk's user (or mount the disk read-write), then try again."
        )
    if kind is FaultKind.DAMAGED:
        return (
            f"The database at {shown} is damaged or is not an SQLite database ({detail}); "
            "it may have been replaced or overwritten while in use. The kiosk stopped writing "
            "to it and nothing was changed. Put the right file back (restore it from a "
            "backup, removing any stale kiosk.db-wal and kiosk.db-shm next to it) or point "
            "the database URL elsewhere, then try again."
        )
    if kind is FaultKind.LOCKED:
        return (
            f"The database at {shown} is locked by another program ({detail}), longer than "
            "the kiosk waits ([database] busy_timeout_ms). Nothing was changed. Close the "
            "other program (another kiosk command, a backup, a database browser) or wait, "
            "then try again."
        )
    if kind is FaultKind.DISK_ERROR:
        return (
            f"The disk that holds the database ({where}) could not be written or read "
            f"({detail}): it may be full, removed or failing. Nothing more was saved. Check "
            "the disk and its free space, then try again."
        )
    if kind is FaultKind.CANNOT_OPEN:
        return (
            f"The database file at {shown} cannot be opened ({detail}). Check that its "
            "folder exists and that the kiosk's user may read and write both the folder and "
            "the file, then try again."
        )
    if path is not None or url.startswith("sqlite"):
        return (
            f"Cannot use the SQLite database at {shown} ({detail}). Nothing was changed. "
            "Check the file and its folder, or point the database URL at the right file."
        )
    return (
        f"Cannot use the database at {shown}: {detail}. Check that the server is running and "
        "the database URL (--database-url, KIOSK_DATABASE_URL or [database] url) is right."
    )


def needs_staff(exc: BaseException, url: str = "") -> bool:
    """A fault that waiting will not fix (a lock is busy-for-a-moment instead)."""
    return classify(exc, url) in STAFF_NEEDED


def without_tracebacks(exc: BaseException) -> BaseException:
    """``exc`` and its causes with their tracebacks dropped, for an error kept on screen.

    A traceback holds the frames that raised it, and with them the driver's cursor: a
    database connection that was closed after a fault stays alive (on Python 3.11 as a
    "zombie" that keeps a read-only view of the file) for as long as the error is shown.
    What is shown needs only the message and the kind, never the frames."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = None
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return exc
