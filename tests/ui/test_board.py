"""The order-ready board: real widgets, real database, another process marking ready."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from kiosk.app import Store, open_store
from kiosk.services.demo import seed_demo
from kiosk.ui.board.app import build_board, chime_wav
from kiosk.ui.board.view import BoardView
from tests.helpers import FakeClock

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def board_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(
        f"sqlite:///{tmp_path / 'board.db'}",
        config={"payments": {"cash_acceptor": True}},
        migrate=True,
    )
    seed_demo(store.db, store.settings_file)
    yield store
    store.close()


def _paid(store: Store, n: int = 1) -> list[tuple[int, str]]:
    items = [i for i in store.menu.items() if i.on_sale and not i.option_groups]
    out = []
    for k in range(n):
        order = store.orders.create([{"item_id": items[k % len(items)].id, "quantity": 1}])
        assert store.payments.process_payment(order.id, "cash", {}, f"board-{order.id}").success
        out.append((order.id, order.number))
    return out


class Chimes:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def _board(qtbot: QtBot, store: Store, **kw: Any) -> tuple[BoardView, Any, Chimes]:
    chimes = Chimes()
    view, controller = build_board(store, chime=chimes, **kw)
    qtbot.addWidget(view)
    view.resize(QSize(1920, 1080))
    view.show()
    controller.start()
    return view, controller, chimes


def test_paid_then_ready_then_collected(qtbot: QtBot, board_store: Store) -> None:
    (oid, number), (_oid2, other) = _paid(board_store, 2)
    view, controller, chimes = _board(qtbot, board_store)
    qtbot.waitUntil(lambda: view.numbers("preparing") == [number, other], timeout=3000)
    assert view.numbers("ready") == []
    with qtbot.waitSignal(controller.ready_appeared, timeout=3000) as ready:
        board_store.orders.set_status(oid, "ready", staff="kitchen")
    assert ready.args == [[number]]
    assert view.numbers("ready") == [number] and view.numbers("preparing") == [other]
    label = view.ready.labels[number]
    assert label.property("state") == "fresh" and chimes.count == 1
    assert label.font().pixelSize() >= 150  # 1080 lines: glyphs ~12 cm tall on a 50" TV
    board_store.orders.set_status(oid, "completed", staff="kitchen")
    qtbot.waitUntil(lambda: view.numbers("ready") == [], timeout=3000)
    assert chimes.count == 1
    controller.stop()


def test_order_marked_ready_in_another_process_appears_within_2_s(
    qtbot: QtBot, board_store: Store
) -> None:
    board_store.start_event_relay()  # what `kiosk board` does: watch the shared file
    ((oid, number),) = _paid(board_store)
    view, controller, chimes = _board(qtbot, board_store)
    qtbot.waitUntil(lambda: view.numbers("preparing") == [number], timeout=3000)
    script = (
        "import sys; from kiosk.app import open_store; s = open_store(sys.argv[1]); "
        "s.orders.set_status(int(sys.argv[2]), 'ready', staff='kitchen'); s.close()"
    )
    subprocess.run(
        [sys.executable, "-c", script, board_store.db.url, str(oid)],
        check=True,
        cwd=ROOT,
        timeout=60,
    )
    started = time.monotonic()
    qtbot.waitUntil(lambda: view.numbers("ready") == [number], timeout=2000)
    assert time.monotonic() - started < 2.0
    assert chimes.count == 1
    controller.stop()


def test_ready_orders_leave_after_the_set_time(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(datetime.now(UTC))
    store = open_store(
        f"sqlite:///{tmp_path / 'b.db'}",
        config={"board": {"ready_seconds": 60}, "payments": {"cash_acceptor": True}},
        migrate=True,
        clock=clock,
    )
    try:
        seed_demo(store.db, store.settings_file)
        ((oid, number),) = _paid(store)
        store.orders.set_status(oid, "ready")
        view, controller, _ = _board(qtbot, store)
        qtbot.waitUntil(lambda: view.numbers("ready") == [number], timeout=3000)
        clock.advance(seconds=3600)  # well past ready_seconds, whatever the real clock did
        controller.refresh()
        qtbot.waitUntil(lambda: view.numbers("ready") == [], timeout=3000)
        controller.stop()
    finally:
        store.close()


def test_database_unreachable_shows_a_banner_and_recovers(
    qtbot: QtBot, board_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ((oid, number),) = _paid(board_store)
    view, controller, _ = _board(qtbot, board_store)
    qtbot.waitUntil(lambda: view.numbers("preparing") == [number], timeout=3000)
    real = board_store.board.snapshot

    def unreachable() -> Any:
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(board_store.board, "snapshot", unreachable)
    controller.refresh()
    qtbot.waitUntil(lambda: view.offline.isVisible(), timeout=3000)
    assert view.numbers("preparing") == [number]  # the last numbers stay up
    board_store.orders.set_status(oid, "ready")
    monkeypatch.setattr(board_store.board, "snapshot", real)
    controller.refresh()
    qtbot.waitUntil(lambda: not view.offline.isVisible(), timeout=3000)
    assert view.numbers("ready") == [number]
    controller.stop()


def test_portrait_puts_ready_on_top(qtbot: QtBot, board_store: Store) -> None:
    _paid(board_store)
    view, controller, _ = _board(qtbot, board_store)
    view.resize(QSize(1080, 1920))
    qtbot.waitUntil(lambda: view.ready.geometry().bottom() < view.preparing.geometry().top())
    controller.stop()


def test_chime_is_a_real_wav(tmp_path: Path) -> None:
    import wave

    path = chime_wav(tmp_path / "chime.wav")
    with wave.open(str(path)) as w:
        assert w.getnframes() > 10000 and w.getframerate() == 22050
