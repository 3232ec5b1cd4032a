"""Test doubles shared by the suites: one fake clock, one way to build a store.

Building a store used to migrate and seed a fresh SQLite file for every test (a third of
the suite's time). :func:`make_store` now migrates and seeds a *template* file once per
test run for each kind of data set, and copies it for each test: every test still gets
its own database file, with the same rows a fresh seed would give it.
"""

from __future__ import annotations

import atexit
import random
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

from kiosk.app import Store, open_store
from kiosk.db.identity import MERCHANT_KEY
from kiosk.services.demo import seed_demo
from kiosk.services.gateway import Clock, MockGateway
from kiosk.services.payments import DEMO_PROMPTPAY_ID

CARD_OK = {"card_number": "4242 4242 4242 4242", "expiry": "12/35", "cvv": "123"}
CARD_DECLINED = {"card_number": "4111-1111-1111-1111", "expiry": "12/35", "cvv": "123"}

#: Still argon2id, with cheap parameters so the suite stays fast.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


class FakeClock:
    """A clock tests move by hand; ``sleep`` advances it instantly.

    ``advance(30)`` and ``advance(seconds=30)`` move it by seconds; ``advance(days=2)``
    takes any :class:`datetime.timedelta` keyword."""

    def __init__(self, start: datetime | None = None) -> None:
        self.t = start or datetime(2026, 11, 27, 5, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)

    def advance(self, seconds: float = 0, **kw: float) -> None:
        self.t += timedelta(seconds=seconds, **kw)


# -- template databases ------------------------------------------------------------------------

_TEMPLATES: dict[tuple[Any, ...], Path] = {}
_TEMPLATE_DIR: Path | None = None


def _template_dir() -> Path:
    global _TEMPLATE_DIR
    if _TEMPLATE_DIR is None:
        _TEMPLATE_DIR = Path(tempfile.mkdtemp(prefix="kiosk-templates-"))
        atexit.register(shutil.rmtree, _TEMPLATE_DIR, True)
    return _TEMPLATE_DIR


def _sqlite_path(url: str) -> Path | None:
    """The file behind a plain ``sqlite:///`` URL, else None (PostgreSQL, memory)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = url.removeprefix(prefix)
    return Path(path) if path and path != ":memory:" else None


def _template(config: dict[str, Any], demo: bool, seed_now: datetime | None) -> Path:
    """A migrated (and, with ``demo``, seeded) SQLite file for this data set, built once."""
    loyalty = config.get("loyalty", {})
    store_cfg = config.get("store", {})
    # what the seed reads from the settings: tiers and the phone region
    key = (
        demo,
        seed_now,
        tuple(sorted(loyalty.get("tiers", {}).items())),
        store_cfg.get("phone_region"),
    )
    path = _TEMPLATES.get(key)
    if path is None:
        path = _template_dir() / f"template-{len(_TEMPLATES)}.db"
        store = open_store(f"sqlite:///{path}", config=config, migrate=True)
        try:
            if demo:
                seed_demo(store.db, store.settings_file, now=seed_now)
        finally:
            store.close()
        con = sqlite3.connect(path)
        try:  # fold the WAL into the file so one copy carries everything
            # a copy is a store of its own: it names its books at the provider itself
            con.execute("DELETE FROM settings WHERE key = ?", (MERCHANT_KEY,))
            con.commit()
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()
        _TEMPLATES[key] = path
    return path


def make_store(
    url: str,
    config: dict[str, Any] | None = None,
    seed: int = 1,
    demo: bool = True,
    clock: Clock | None = None,
    *,
    seed_now: datetime | None = None,
    hasher: PasswordHasher | None = None,
) -> Store:
    """A store on ``url``: migrated, with the demo menu and members unless ``demo=False``.

    A new SQLite file starts as a copy of the template; an existing file (a second
    "process" on the same database) or PostgreSQL is migrated and seeded in place, as
    before. ``clock`` defaults to a :class:`FakeClock`; ``seed_now`` is the seed's "now"
    (the wall clock when None)."""
    # A kiosk with a cash acceptor and a (demo) PromptPay target, as most tests assume;
    # the safe defaults (cash at the counter, no PromptPay) have their own tests.
    base: dict[str, Any] = {
        "payments": {"promptpay_delay_seconds": 3, "cash_acceptor": True},
        "store": {"promptpay_id": DEMO_PROMPTPAY_ID},
    }
    for key, value in (config or {}).items():
        base[key] = {**base.get(key, {}), **value}
    target = _sqlite_path(url)
    fresh = target is not None and not target.exists()
    if fresh:
        assert target is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_template(base, demo, seed_now), target)
    store = open_store(
        url,
        config=base,
        migrate=not fresh,
        rng=random.Random(seed),
        clock=clock or FakeClock(),
        staff_hasher=hasher,
    )
    if demo and not fresh:
        seed_demo(store.db, store.settings_file, now=seed_now)
    if fresh and isinstance(store.gateway, MockGateway):
        store.gateway.ledger.merchant  # noqa: B018  (named, as `kiosk db upgrade` does)
    return store
