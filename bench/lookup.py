"""``customers.find_by_phone`` on the big database, numbers typed the ways people type
them, against a raw ``sqlite3`` SELECT of the same columns by E.164 (the number already
normalised: the least a lookup can cost)."""

from __future__ import annotations

import random
import sqlite3
from typing import Any

from bench.common import interleaved, per_op

_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
RAW_SQL = (
    "SELECT c.id, c.phone, c.first_name, c.last_name, c.last_visit, c.email, "
    "c.sms_marketing, c.email_marketing, c.created_at, m.points, m.lifetime_points, "
    "m.total_spent, m.visits_count FROM customers c LEFT JOIN memberships m "
    "ON m.customer_id = c.id WHERE c.phone = ? LIMIT 1"
)


def typed_forms(e164: str, rng: random.Random) -> str:
    """One of the ways a person types ``+6690xxxxxxx``."""
    national = "0" + e164[3:]
    a, b, c = national[:3], national[3:6], national[6:]
    forms = [
        national,
        f"{a}-{b}-{c}",
        f"{a} {b} {c}",
        f"+66 {e164[3:5]} {e164[5:8]} {e164[8:]}",
        e164[1:],
        national.translate(_THAI),
    ]
    return rng.choice(forms)


def run(path: str, members: int, per_round: int, rounds: int) -> dict[str, Any]:
    from kiosk.app import open_store

    rng = random.Random(13)
    store = open_store(f"sqlite:///{path}")
    e164s = [f"+6690{rng.randrange(members):07d}" for _ in range(per_round)]
    typed = [typed_forms(e, rng) for e in e164s]
    raw = sqlite3.connect(path)
    found = [store.customers.find_by_phone(t) for t in typed[:50]]
    assert all(f is not None for f in found), "the bench members are +6690xxxxxxx"
    assert [f.phone for f in found] == e164s[:50]

    def subject() -> float:
        it = iter(typed)
        return per_op(lambda: store.customers.find_by_phone(next(it)), len(typed))

    def baseline() -> float:
        it = iter(e164s)
        return per_op(lambda: raw.execute(RAW_SQL, (next(it),)).fetchone(), len(e164s))

    s, b, sr, br = interleaved(subject, baseline, rounds)
    # What one lookup costs, split: normalising the typed text vs the rest.
    from kiosk.services.phone import normalize_phone

    it = iter(typed * 2)
    normalise = per_op(lambda: normalize_phone(next(it)), len(typed))
    # What SQLite itself runs for one lookup (the lookup is below SQLAlchemy's events).
    from sqlalchemy import event

    statements: list[str] = []

    def trace(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(statements.append)

    store.db.engine.dispose()
    event.listen(store.db.engine, "connect", trace)
    store.customers.find_by_phone(typed[0])
    event.remove(store.db.engine, "connect", trace)
    statements = [s for s in statements if not s.startswith("PRAGMA")]  # connection set-up
    raw.close()
    store.close()
    return {
        "subject": s,
        "baseline": b,
        "subject_rounds": sr,
        "baseline_rounds": br,
        "normalise_s": normalise,
        "statements": len(statements),
    }
