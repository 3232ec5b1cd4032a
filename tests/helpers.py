"""Test doubles shared by the suites."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.app import Store, open_store
from kiosk.services.demo import seed_demo
from kiosk.services.payments import DEMO_PROMPTPAY_ID

CARD_OK = {"card_number": "4242 4242 4242 4242", "expiry": "12/35", "cvv": "123"}
CARD_DECLINED = {"card_number": "4111-1111-1111-1111", "expiry": "12/35", "cvv": "123"}


class FakeClock:
    """A clock tests move by hand; ``sleep`` advances it instantly."""

    def __init__(self, start: datetime | None = None) -> None:
        self.t = start or datetime(2026, 11, 27, 5, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)

    def advance(self, **kw: float) -> None:
        self.t += timedelta(**kw)


def make_store(
    url: str,
    config: dict[str, Any] | None = None,
    seed: int = 1,
    demo: bool = True,
    clock: FakeClock | None = None,
) -> Store:
    # A kiosk with a cash acceptor and a (demo) PromptPay target, as most tests assume;
    # the safe defaults (cash at the counter, no PromptPay) have their own tests.
    base: dict[str, Any] = {
        "payments": {"promptpay_delay_seconds": 3, "cash_acceptor": True},
        "store": {"promptpay_id": DEMO_PROMPTPAY_ID},
    }
    for key, value in (config or {}).items():
        base[key] = {**base.get(key, {}), **value}
    store = open_store(
        url, config=base, migrate=True, rng=random.Random(seed), clock=clock or FakeClock()
    )
    if demo:
        seed_demo(store.db, store.settings_file)
    return store
