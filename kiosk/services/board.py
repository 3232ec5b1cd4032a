"""What the order-ready board shows: today's orders being prepared and those ready.

A ready order stays on the board until it is collected (``completed``) or for
``[board] ready_seconds`` after it became ready (its last change), whichever is first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Order, OrderStatus
from kiosk.services.gateway import Clock
from kiosk.services.orders import business_date


@dataclass(frozen=True)
class BoardEntry:
    order_id: int
    number: str
    since: datetime  # paid (preparing) or became ready


@dataclass(frozen=True)
class BoardSnapshot:
    preparing: tuple[BoardEntry, ...]
    ready: tuple[BoardEntry, ...]
    taken_at: datetime


class BoardService:
    def __init__(self, db: Database, settings: Callable[[], Settings], clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self.clock = clock

    def snapshot(self) -> BoardSnapshot:
        """One small query; raises the database's error when it is unreachable."""
        settings = self._settings()
        now = self.clock.now()
        today = business_date(now, settings.store.timezone)
        oldest_ready = now - timedelta(seconds=settings.board.ready_seconds)
        with self._db.read() as s:
            rows = s.execute(
                select(Order.id, Order.number, Order.status, Order.paid_at, Order.updated_at)
                .where(
                    Order.business_date == today,
                    Order.status.in_((OrderStatus.PREPARING.value, OrderStatus.READY.value)),
                )
                .order_by(Order.id)
            ).all()
        preparing = tuple(
            BoardEntry(r.id, r.number, r.paid_at or r.updated_at)
            for r in rows
            if r.status == OrderStatus.PREPARING.value
        )
        ready = tuple(
            sorted(
                (
                    BoardEntry(r.id, r.number, r.updated_at)
                    for r in rows
                    if r.status == OrderStatus.READY.value and r.updated_at >= oldest_ready
                ),
                key=lambda e: e.since,
                reverse=True,  # the newest ready first: the one people look for
            )
        )
        return BoardSnapshot(preparing, ready, now)


__all__ = ["BoardEntry", "BoardService", "BoardSnapshot"]
