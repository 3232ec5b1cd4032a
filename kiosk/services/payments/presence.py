"""Who is still working on a payment: each payment service holds an OS lock (an
advisory lock on PostgreSQL, an ``flock`` next to the SQLite file) that dies with its
process, so recovery never touches a live process's payment."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text

from kiosk.db import Database

try:  # POSIX; elsewhere every payment owner counts as gone once its row is found
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


log = logging.getLogger("kiosk.services.payments")

_LIVE_OWNERS: dict[str, set[int]] = {}


class _Presence:
    """Knows whether the process that wrote a pending payment (its ``owner``) is alive.

    Recovery must never settle a payment whose process is still between its pending row
    and its gateway call (it would fail a charge about to be made), and it must settle
    every payment whose process died. Each payment service holds a lock for its lifetime:
    a PostgreSQL advisory lock on its own connection, or an ``flock`` on a file next to
    the SQLite database. The operating system or server drops the lock when the process
    dies (even by ``SIGKILL``), so "can I take it?" answers "is it dead?". Within this
    process it knows more: which payments are being worked on (:meth:`working`), so a
    payment whose call failed half-way is recovered without a restart.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self.owner = uuid.uuid4().hex
        self.busy: set[int] = set()
        self._held: Any = None
        self._guard = threading.Lock()

    @contextmanager
    def working(self, payment_id: int) -> Iterator[None]:
        self.busy.add(payment_id)
        try:
            yield
        finally:
            self.busy.discard(payment_id)

    @staticmethod
    def _key(owner: str) -> int:
        return int.from_bytes(
            hashlib.blake2b(owner.encode(), digest_size=8).digest(), "big", signed=True
        )

    def _folder(self) -> Path | None:
        database = self._db.engine.url.database
        if self._db.dialect != "sqlite" or database in (None, "", ":memory:") or fcntl is None:
            return None
        path = Path(str(database))
        return path.parent / f".{path.name}.owners"

    def claim(self) -> str:
        """Take this service's lock (once, before its first payment row) and return its id."""
        with self._guard:
            if self._held is None:
                _LIVE_OWNERS[self.owner] = self.busy
                if self._db.dialect == "postgresql":
                    conn = self._db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
                    conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": self._key(self.owner)})
                    self._held = conn
                elif (folder := self._folder()) is not None:
                    folder.mkdir(parents=True, exist_ok=True)
                    # locked before it appears under its name, so nobody sees it free
                    draft = folder / f".{self.owner}.draft"
                    fh = draft.open("a+b")
                    fcntl.flock(fh, fcntl.LOCK_EX)
                    os.replace(draft, folder / f"{self.owner}.lock")
                    self._held = fh
                    self._sweep(folder)
                else:
                    self._held = True
        return self.owner

    def _sweep(self, folder: Path) -> None:
        """Remove the lock files of processes that died without closing (a missing file
        means "gone" just as a free one does), so the folder never grows."""
        for path in list(folder.glob("*.lock"))[:200]:
            if path.stem != self.owner:
                self.alive(path.stem, -1)

    def release(self) -> None:
        with self._guard:
            held, self._held = self._held, None
            _LIVE_OWNERS.pop(self.owner, None)
            if held is None or held is True:
                return
            try:
                if self._db.dialect == "postgresql":
                    held.execute(
                        text("SELECT pg_advisory_unlock(:k)"), {"k": self._key(self.owner)}
                    )
                    held.close()
                else:
                    folder = self._folder()
                    if folder is not None:
                        (folder / f"{self.owner}.lock").unlink(missing_ok=True)
                    held.close()
            except Exception:
                log.warning("could not release the payment owner lock", exc_info=True)

    def alive(self, owner: str, payment_id: int) -> bool:
        """May ``owner`` still be working on payment ``payment_id``?"""
        if not owner:
            return False  # written before owners were recorded: nobody is working on it
        local = _LIVE_OWNERS.get(owner)
        if local is not None:
            return payment_id in local
        if self._db.dialect == "postgresql":
            key = self._key(owner)
            with self._db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                free = bool(c.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar())
                if free:
                    c.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            return not free
        folder = self._folder()
        if folder is None:
            return False  # a private database: only this process, and it is not the owner
        path = folder / f"{owner}.lock"
        try:
            fh = path.open("r+b")
        except FileNotFoundError:
            return False
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            path.unlink(missing_ok=True)  # its process is gone; so can its lock file be
            return False
