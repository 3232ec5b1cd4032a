"""``process_payment`` (card, member with points) against raw DB-API code doing the same
writes with the same three commits: SQLite in one process, PostgreSQL in four.

The raw baseline is what the crash-safe design needs at the least, writing what the kiosk
writes (the same rows and columns, the same receipt numbering, the same notifications):

1. ``BEGIN IMMEDIATE``; read the order; insert the payment as *pending* (with its owner);
   commit.
2. (the gateway is called) record its transaction id if none was; commit.
3. settle: the order to *preparing* with its points, the payment to *succeeded* with its
   stored result, the membership's balance by an atomic ``UPDATE ... RETURNING``, one
   loyalty transaction, the customer's last visit, the kiosk's next receipt number (the
   ``receipt_counters`` upsert) and the order's ``tax_receipts`` row; on PostgreSQL the
   three events the kiosk announces (``pg_notify``); commit.

Orders are created before the clock starts (not timed); each worker pays for its own
member, as each kiosk serves its own customer.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any, ClassVar

from bench.common import log

#: what :class:`RawSqlite` runs per payment besides BEGIN and COMMIT (RawPg: one more, the
#: ``pg_notify`` of the three events)
RAW_STATEMENTS = 10
CARD = {"card_number": "4242 4242 4242 4242", "expiry": "12/35", "cvv": "123"}
LINES = [{"item_id": 1, "quantity": 2}]


def _store(url: str, migrate: bool = False) -> Any:
    from kiosk.app import open_store

    return open_store(url, migrate=migrate, rng=random.Random(1))


def member_phone(worker: int) -> str:
    return f"089-555-{1000 + worker:04d}"


def prepare(url: str, workers: int) -> None:
    """Schema, demo menu and one member with points per worker."""
    from kiosk.services.demo import seed_demo

    store = _store(url, migrate=True)
    seed_demo(store.db, store.settings_file)
    for w in range(workers):
        if store.customers.find_by_phone(member_phone(w)) is None:
            store.customers.register(member_phone(w), f"Bench{w}", "Worker")
            store.loyalty.adjust(member_phone(w), 500, "bench: a member with points", "bench")
    store.close()


def _receipt_ids(store: Any) -> tuple[str, str]:
    """The kiosk id (whose receipt counter the kiosk takes numbers from) and POS id."""
    settings = store.current_settings().store
    return settings.kiosk_id, settings.pos_id


def make_orders(store: Any, phone: str, n: int) -> list[int]:
    return [store.orders.create(LINES, customer_phone=phone).id for _ in range(n)]


# -- the raw baselines ----------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


#: the raw payment's statements, spelt for a driver by :meth:`_RawPayment.__init_subclass__`
#: (``{p}`` its placeholder, ``{false}`` its false, ``{lock}`` its row lock)
_RAW_SQL = {
    "order": "SELECT total, customer_id, number FROM orders WHERE id = {p} "
    "AND status = 'pending'{lock}",
    "payment": "INSERT INTO payments (order_id, method, amount, status, message, card_brand, "
    "card_last4, promptpay_id, idempotency_key, kiosk_id, at_counter, staff, owner, "
    "created_at, updated_at) VALUES ({p}, 'card', {p}, 'pending', '', 'Visa', "
    "'4242', '', {p}, {p}, {false}, '', {p}, {p}, {p}){returning}",
    "transaction": "UPDATE payments SET transaction_id = {p}, updated_at = {p} "
    "WHERE id = {p} AND transaction_id IS NULL",
    "paid": "UPDATE orders SET status = 'preparing', paid_at = {p}, points_earned = {p}, "
    "updated_at = {p} WHERE id = {p}",
    "points": "UPDATE memberships SET points = points + {p}, lifetime_points = "
    "lifetime_points + {p}, total_spent = total_spent + {p}, visits_count = "
    "visits_count + 1, updated_at = {p} WHERE customer_id = {p} RETURNING points",
    "earned": "INSERT INTO loyalty_transactions (customer_id, order_id, type, points, "
    "balance_after, reason, staff, created_at) VALUES ({p}, {p}, 'earned', {p}, {p}, "
    "{p}, '', {p})",
    "visit": "UPDATE customers SET last_visit = {p}, updated_at = {p} WHERE id = {p}",
    "receipt_no": "INSERT INTO receipt_counters (kiosk_id, last_value) VALUES ({p}, 1) "
    "ON CONFLICT (kiosk_id) DO UPDATE SET last_value = "
    "receipt_counters.last_value + 1 RETURNING last_value",
    "receipt": "INSERT INTO tax_receipts (order_id, kiosk_id, seq, pos_id, tax_invoice, "
    "issued_at) VALUES ({p}, {p}, {p}, {p}, {false}, {p})",
    "settled": "UPDATE payments SET status = 'succeeded', message = 'Payment processed "
    "successfully', settled_at = {p}, result = {p}, updated_at = {p} WHERE id = {p}",
}


class _RawPayment:
    """The raw payment's three commits, written once; a driver's subclass says how its SQL
    is spelt, how a transaction is held, what a time is and how a new payment's id comes
    back, and may add statements inside the settling transaction."""

    PLACEHOLDER = "?"
    FALSE = "0"
    LOCK = ""  # the order's row lock
    RETURNING = ""  # how the new payment's id is read back (none: the cursor's lastrowid)
    PER_BAHT = 100  # a stored amount's units per baht (SQLite: integer satang)
    sql: ClassVar[dict[str, str]]
    conn: Any
    kiosk_id: str
    pos_id: str
    owner: str

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        spelling = {"p": cls.PLACEHOLDER, "false": cls.FALSE, "lock": cls.LOCK}
        cls.sql = {k: v.format(returning=cls.RETURNING, **spelling) for k, v in _RAW_SQL.items()}

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _now(self) -> Any:
        raise NotImplementedError

    def _settled(
        self, order_id: int, number: str, total: Any, points: int, customer_id: int, balance: int
    ) -> None:
        """Statements the driver adds at the end of the settling transaction."""

    def pay(self, order_id: int) -> None:
        c, sql = self.conn, self.sql
        now = self._now()
        with self._transaction():
            total, customer_id, number = c.execute(sql["order"], (order_id,)).fetchone()
            cur = c.execute(
                sql["payment"],
                (order_id, total, uuid.uuid4().hex, self.kiosk_id, self.owner, now, now),
            )
            payment_id = cur.fetchone()[0] if self.RETURNING else cur.lastrowid
        txn = f"RAW_{payment_id:012d}"
        with self._transaction():
            c.execute(sql["transaction"], (txn, self._now(), payment_id))
        now = self._now()
        points = int(total // self.PER_BAHT // 10)  # the demo's 10 baht a point
        with self._transaction():
            c.execute(sql["paid"], (now, points, now, order_id))
            (balance,) = c.execute(
                sql["points"], (points, points, total, now, customer_id)
            ).fetchone()
            c.execute(
                sql["earned"], (customer_id, order_id, points, balance, f"Order {number}", now)
            )
            c.execute(sql["visit"], (now, now, customer_id))
            (seq,) = c.execute(sql["receipt_no"], (self.kiosk_id,)).fetchone()
            c.execute(sql["receipt"], (order_id, self.kiosk_id, seq, self.pos_id, now))
            result = _stored_result(payment_id, order_id, number, txn, total, points, balance)
            c.execute(sql["settled"], (now, result, now, payment_id))
            self._settled(order_id, number, total, points, customer_id, balance)

    def close(self) -> None:
        self.conn.close()


class RawSqlite(_RawPayment):
    def __init__(self, path: str, kiosk_id: str = "kiosk-1", pos_id: str = "") -> None:
        import sqlite3

        self.kiosk_id, self.pos_id = kiosk_id, pos_id
        self.owner = uuid.uuid4().hex
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        for pragma in (
            "PRAGMA busy_timeout = 10000",
            "PRAGMA foreign_keys = ON",
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
        ):
            self.conn.execute(pragma)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        yield
        self.conn.execute("COMMIT")

    def _now(self) -> str:
        return _now()


class RawPg(_RawPayment):
    PLACEHOLDER = "%s"
    FALSE = "false"
    LOCK = " FOR UPDATE"
    RETURNING = " RETURNING id"
    PER_BAHT = 1  # NUMERIC(12, 2) baht

    def __init__(self, conninfo: str, kiosk_id: str = "kiosk-1", pos_id: str = "") -> None:
        import psycopg

        self.kiosk_id, self.pos_id = kiosk_id, pos_id
        self.owner = uuid.uuid4().hex
        self.conn = psycopg.connect(conninfo, prepare_threshold=1)

    def _transaction(self) -> AbstractContextManager[Any]:
        return self.conn.transaction()

    def _now(self) -> datetime:
        return datetime.now(UTC)

    def _settled(
        self, order_id: int, number: str, total: Any, points: int, customer_id: int, balance: int
    ) -> None:
        # what the kiosk announces to the other kiosks inside the transaction
        notices = _notices(order_id, number, total, points, customer_id, balance)
        self.conn.execute(
            "SELECT " + ", ".join(["pg_notify('kiosk_events', %s)"] * len(notices)),
            notices,
        )


def _stored_result(
    payment_id: int,
    order_id: int,
    number: str,
    txn: str,
    total: Any,
    points: int,
    balance: int,
) -> str:
    """The payment's stored result, as the kiosk keeps it for a replay (same keys)."""
    return json.dumps(
        {
            "success": True,
            "message": "Payment processed successfully",
            "transaction_id": txn,
            "amount": str(total),
            "payment_method": "card",
            "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "status": "succeeded",
            "order_id": order_id,
            "order_number": number,
            "payment_id": payment_id,
            "points_earned": points,
            "points_balance": balance,
            "tier": "bronze",
            "tier_upgraded": False,
        }
    )


def _notices(
    order_id: int, number: str, total: Any, points: int, customer_id: int, balance: int
) -> list[str]:
    """The three events of a paid order with points (order paid, status, points)."""
    origin = "bench"
    return [
        json.dumps(e, default=str)
        for e in (
            {
                "origin": origin,
                "order_id": order_id,
                "number": number,
                "amount": total,
                "method": "card",
                "points_earned": points,
                "event": "order_paid",
            },
            {
                "origin": origin,
                "order_id": order_id,
                "number": number,
                "old_status": "pending",
                "new_status": "preparing",
                "event": "order_status_changed",
            },
            {
                "origin": origin,
                "customer_id": customer_id,
                "points": points,
                "balance": balance,
                "event": "points_changed",
            },
        )
    ]


# -- SQLite, one process --------------------------------------------------------------------


def sqlite_one_process(folder: str, per_round: int, rounds: int) -> dict[str, Any]:
    from bench.common import interleaved

    path = os.path.join(folder, "payments.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    url = f"sqlite:///{path}"
    prepare(url, 1)
    store = _store(url)
    need = per_round * (rounds + 1)
    log(f"  creating {2 * need} orders (not timed)")
    mine = make_orders(store, member_phone(0), need)
    raws = make_orders(store, member_phone(0), need)
    raw = RawSqlite(path, *_receipt_ids(store))

    def subject() -> float:
        batch = [mine.pop() for _ in range(per_round)]
        t0 = time.perf_counter()
        for oid in batch:
            r = store.payments.process_payment(oid, "card", CARD)
            assert r.success, r.message
        return per_round / (time.perf_counter() - t0)

    def baseline() -> float:
        batch = [raws.pop() for _ in range(per_round)]
        t0 = time.perf_counter()
        for oid in batch:
            raw.pay(oid)
        return per_round / (time.perf_counter() - t0)

    s, b, sr, br = interleaved(subject, baseline, rounds)
    profile = profile_payment(store, make_orders(store, member_phone(0), 30))
    raw.close()
    store.close()
    return {"subject": s, "baseline": b, "subject_rounds": sr, "baseline_rounds": br, **profile}


def profile_payment(store: Any, orders: list[int]) -> dict[str, Any]:
    """Where one payment's time goes: statements, sessions (BEGINs), the top functions."""
    import cProfile
    import io
    import pstats

    from sqlalchemy import event

    statements: list[str] = []

    def count(_c: Any, _cur: Any, stmt: str, *_a: Any) -> None:
        statements.append(stmt.split(None, 1)[0].upper())

    event.listen(store.db.engine, "before_cursor_execute", count)
    store.payments.process_payment(orders.pop(), "card", CARD)
    event.remove(store.db.engine, "before_cursor_execute", count)
    prof = cProfile.Profile()
    prof.enable()
    for oid in orders:
        store.payments.process_payment(oid, "card", CARD)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("cumulative")
    total = sum(v[3] for v in stats.stats.values() if v[2] == v[3]) or 1e-9  # type: ignore[attr-defined]
    rows = []
    for (fname, line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "kiosk/services" in fname or "kiosk/db" in fname:
            rows.append((ct, f"{os.path.basename(fname)}:{line} {func}"))
    rows.sort(reverse=True)
    n = len(orders)
    return {
        "statements": len(statements),
        "begins": sum(1 for s in statements if s == "BEGIN"),
        "statement_kinds": {k: statements.count(k) for k in sorted(set(statements))},
        "profile_top": [f"{name}: {ct / n * 1000:.2f} ms" for ct, name in rows[:12]],
        "profile_total_ms": total / n * 1000,
    }


# -- PostgreSQL, four processes ----------------------------------------------------------------


def _pg_worker(
    url: str, conninfo: str, worker: int, per_round: int, phases: int, inbox: Any, outbox: Any
) -> None:
    try:
        store = _store(url)
        mine = make_orders(store, member_phone(worker), per_round * phases)
        raws = make_orders(store, member_phone(worker), per_round * phases)
        raw = RawPg(conninfo, *_receipt_ids(store))
        outbox.put(("ready", worker, 0.0, 0.0))
        while True:
            kind, barrier_at = inbox.get()
            if kind == "stop":
                break
            pay: Callable[[int], Any]
            if kind == "subject":
                batch = [mine.pop() for _ in range(per_round)]

                def pay(oid: int) -> Any:
                    return store.payments.process_payment(oid, "card", CARD)
            else:
                batch = [raws.pop() for _ in range(per_round)]
                pay = raw.pay
            while time.time() < barrier_at:  # start together
                time.sleep(0.001)
            t0 = time.perf_counter()
            for oid in batch:
                pay(oid)
            outbox.put((kind, worker, t0, time.perf_counter()))
        raw.close()
        store.close()
    except Exception as exc:  # reported to the parent, which fails the figure
        outbox.put(("error", worker, repr(exc), 0.0))


def pg_processes(admin_url: str, processes: int, per_round: int, rounds: int) -> dict[str, Any]:
    """Aggregate payments per second of ``processes`` workers on one PostgreSQL database."""
    import statistics

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"kiosk_speed_bench_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name)
    url_s = url.render_as_string(hide_password=False)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        prepare(url_s, processes)
        ctx = mp.get_context("spawn")
        phases = rounds + 1
        inboxes = [ctx.Queue() for _ in range(processes)]
        outbox = ctx.Queue()
        procs = [
            ctx.Process(
                target=_pg_worker,
                args=(url_s, conninfo, w, per_round, phases, inboxes[w], outbox),
                daemon=True,
            )
            for w in range(processes)
        ]
        for p in procs:
            p.start()
        log(f"  {processes} workers creating {2 * per_round * phases} orders each (not timed)")
        for _ in procs:
            msg = outbox.get(timeout=600)
            if msg[0] == "error":
                raise RuntimeError(f"worker {msg[1]} failed: {msg[2]}")

        def phase(kind: str) -> float:
            at = time.time() + 0.3
            for q in inboxes:
                q.put((kind, at))
            starts, ends = [], []
            for _ in procs:
                msg = outbox.get(timeout=600)
                if msg[0] == "error":
                    raise RuntimeError(f"worker {msg[1]} failed: {msg[2]}")
                starts.append(msg[2])
                ends.append(msg[3])
            return processes * per_round / (max(ends) - min(starts))

        subj, base = [], []
        phase("baseline")  # warm-up
        phase("subject")
        for i in range(rounds - 1):
            order = ("subject", "baseline") if i % 2 else ("baseline", "subject")
            for kind in order:
                (subj if kind == "subject" else base).append(phase(kind))
        for q in inboxes:
            q.put(("stop", 0.0))
        for p in procs:
            p.join(30)
        return {
            "subject": statistics.median(subj),
            "baseline": statistics.median(base),
            "subject_rounds": subj,
            "baseline_rounds": base,
        }
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
