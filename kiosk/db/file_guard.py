"""The SQLite file under a running engine: whether the file at the path is still the one
a connection opened, with an SQLite header (see the checkout guard in
:mod:`kiosk.db.engine`)."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def header_ok(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True  # SQLite creates it
    except OSError:
        return False
    return header in (b"", SQLITE_HEADER)


class HeaderGuard:
    """The checkout guard's eyes on the file: its identity from ``stat`` and its first
    bytes read through one descriptor kept open (``pread``), so a checkout costs one
    ``stat`` and one ``pread`` instead of opening the file each time. An overwrite in place
    is seen through the same descriptor; a file moved over it changes the identity, and the
    descriptor is opened again on the new file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._fd_identity: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def still(self, opened: tuple[int, int]) -> bool:
        """Whether the file at the path is still the one opened, with an SQLite header."""
        identity = file_identity(self.path)
        if identity != opened:
            return False
        if not hasattr(os, "pread"):  # pragma: no cover (not POSIX)
            return header_ok(self.path)
        with self._lock:
            try:
                if self._fd is None or self._fd_identity != identity:
                    self.close_locked()
                    self._fd = os.open(self.path, os.O_RDONLY)
                    self._fd_identity = identity
                header = os.pread(self._fd, len(SQLITE_HEADER), 0)
            except FileNotFoundError:
                return True  # SQLite creates it
            except OSError:
                self.close_locked()
                return False
        return header in (b"", SQLITE_HEADER)

    def close_locked(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def close(self) -> None:
        with self._lock:
            self.close_locked()
