"""The mock payment provider's books: an SQLite file of its own (the provider's ledger is
the truth a crashed payment is settled from)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.services.errors import ProviderUnavailable

_LEDGER_SCHEMA = """
CREATE TABLE IF NOT EXISTS charges (
    merchant TEXT NOT NULL,
    reference INTEGER NOT NULL,
    transaction_id TEXT NOT NULL,
    method TEXT NOT NULL,
    amount TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL,
    confirm_at REAL NOT NULL,
    outcome TEXT NOT NULL,
    outcome_message TEXT NOT NULL,
    created_at REAL NOT NULL,
    made_at REAL,
    PRIMARY KEY (merchant, reference)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_charges_txn ON charges (merchant, transaction_id);
"""


class MockLedger:
    """The mock provider's own books: an SQLite file of its own, outside the kiosk process
    and its database, so after a crash or restart it still knows every charge, refund and
    cancel, as a bank would. ``":memory:"`` keeps it in this process (tests only).

    ``merchant`` separates the books of different stores sharing one file (the kiosk keeps
    a name for its books in its database), since the kiosk's reference is its payment id;
    a function is called once, at the first use.

    Several processes use one file at once (WAL, a busy timeout, ``BEGIN IMMEDIATE`` for
    every change); nothing is kept in Python memory, so memory stays bounded.
    """

    def __init__(self, path: str | Path, merchant: str | Callable[[], str] = "") -> None:
        self.path = str(path)
        self._merchant = merchant
        self._lock = threading.Lock()
        conn = None
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            self._conn = conn
            self._open()
        except (sqlite3.Error, OSError) as exc:
            if conn is not None:
                conn.close()
            reason: object = exc
            if isinstance(exc, OSError) and exc.strerror:  # the folder that could not be made
                reason = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
            # said as the provider's file, not the kiosk's database: the advice for that
            # one (restore it, remove its WAL) would be wrong here and could lose orders
            raise ProviderUnavailable(
                f"The mock payment provider's ledger {self.path} cannot be used ({reason}). "
                "The kiosk's own database is not affected. Put the right ledger file back, "
                "or point [payments] mock_ledger at it; moving a damaged one aside starts "
                "empty books, and payments a crash left open are then settled as not "
                "charged."
            ) from None

    def _open(self) -> None:
        self._conn.execute("PRAGMA busy_timeout = 30000")
        if self.path != ":memory:":
            self._conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL: a commit survives the kiosk process being killed (what a mock
        # must model); only a power cut of this machine could lose the newest entries.
        self._conn.execute("PRAGMA synchronous = NORMAL")
        with self._lock:
            self._conn.executescript(_LEDGER_SCHEMA)
            columns = {r[1] for r in self._conn.execute("PRAGMA table_info(charges)")}
            if "made_at" not in columns:  # a ledger file from before payments had a time
                self._conn.execute("ALTER TABLE charges ADD COLUMN made_at REAL")

    @property
    def merchant(self) -> str:
        if callable(self._merchant):
            self._merchant = self._merchant()
        return self._merchant

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _row(self, conn: sqlite3.Connection, where: str, value: Any) -> dict[str, Any] | None:
        cur = conn.execute(
            "SELECT reference, transaction_id, method, amount, status, message, confirm_at, "
            f"outcome, outcome_message, made_at FROM charges WHERE merchant = ? AND {where} = ?",
            (self.merchant, value),
        )
        row = cur.fetchone()
        if row is None:
            return None
        keys = ("reference", "transaction_id", "method", "amount", "status", "message")
        keys += ("confirm_at", "outcome", "outcome_message", "made_at")
        return dict(zip(keys, row, strict=True))

    @staticmethod
    def other_payment(row: dict[str, Any] | None, made_at: datetime | None) -> bool:
        """Whether ``row`` is another payment than the one made at ``made_at`` under the
        same number (unknown times on either side count as the same one)."""
        if row is None or made_at is None or row["made_at"] is None:
            return False
        return abs(row["made_at"] - made_at.timestamp()) > 0.001

    def record(
        self,
        reference: int,
        transaction_id: str,
        method: str,
        amount: Decimal,
        status: str,
        message: str,
        confirm_at: datetime,
        outcome: str,
        outcome_message: str,
        now: datetime,
        made_at: datetime | None = None,
    ) -> dict[str, Any] | None:
        """Write a new charge, or return the one already made for ``reference`` (a repeated
        request is answered as the first was, so a retry never charges twice). ``None``:
        the number belongs to another payment (made at another time), which is left as it
        is: a restored or copied database must never be answered with, or overwrite,
        another payment's charge."""
        with self._write() as conn:
            existing = self._row(conn, "reference", reference)
            if self.other_payment(existing, made_at):
                return None
            if existing is not None and (existing["method"], existing["amount"]) == (
                method,
                str(amount),
            ):
                return existing
            conn.execute(
                "INSERT OR REPLACE INTO charges VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.merchant,
                    reference,
                    transaction_id,
                    method,
                    str(amount),
                    status,
                    message,
                    confirm_at.timestamp(),
                    outcome,
                    outcome_message,
                    now.timestamp(),
                    made_at.timestamp() if made_at is not None else None,
                ),
            )
            row = self._row(conn, "reference", reference)
            assert row is not None
            return row

    def change(
        self,
        where: str,
        value: Any,
        now: datetime,
        decide: Callable[[dict[str, Any]], tuple[str, str] | None],
    ) -> dict[str, Any] | None:
        """Load a charge (a pending one decided once its confirmation time has come), let
        ``decide`` pick a new (status, message) or ``None``, and store it."""
        with self._write() as conn:
            row = self._row(conn, where, value)
            if row is None:
                return None
            before = (row["status"], row["message"])
            if row["status"] == "pending" and now.timestamp() >= row["confirm_at"]:
                row["status"], row["message"] = row["outcome"], row["outcome_message"]
            new = decide(row)
            if new is not None:
                row["status"], row["message"] = new
                if new[0] != "pending":
                    row["outcome"], row["outcome_message"] = new
            if (row["status"], row["message"]) == before:
                return row  # nothing to write
            conn.execute(
                "UPDATE charges SET status = ?, message = ?, outcome = ?, outcome_message = ? "
                "WHERE merchant = ? AND reference = ?",
                (
                    row["status"],
                    row["message"],
                    row["outcome"],
                    row["outcome_message"],
                    self.merchant,
                    row["reference"],
                ),
            )
            return row

    def charges(self) -> list[dict[str, Any]]:
        """Every charge of this merchant as the provider sees it now (for audits and tests)."""
        with self._lock:
            cur = self._conn.execute(
                "SELECT reference FROM charges WHERE merchant = ? ORDER BY reference",
                (self.merchant,),
            )
            refs = [r[0] for r in cur.fetchall()]
            rows = [self._row(self._conn, "reference", ref) for ref in refs]
        return [r for r in rows if r is not None]
