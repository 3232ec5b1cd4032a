"""What a service over the database starts from: the database, the live settings and a
clock (tests hand in a fixed one)."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.services.events import EventBus
from kiosk.services.gateway import Clock, SystemClock


class DatabaseService:
    """Holds ``_db``, ``_settings`` (called for the settings in force) and ``_clock``."""

    def __init__(
        self, db: Database, settings: Callable[[], Settings], clock: Clock | None = None
    ) -> None:
        self._db = db
        self._settings = settings
        self._clock: Clock = clock or SystemClock()


class PublishingService(DatabaseService):
    """A :class:`DatabaseService` that announces what it changed on the event bus
    (``_bus``), after the commit."""

    def __init__(
        self, db: Database, settings: Callable[[], Settings], bus: EventBus, clock: Clock
    ) -> None:
        super().__init__(db, settings, clock)
        self._bus = bus
