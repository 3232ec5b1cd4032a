from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.app import Store
from tests.helpers import FakeClock, make_store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Store]:
    s = make_store(db_url, clock=clock)
    yield s
    s.close()
