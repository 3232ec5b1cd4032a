"""Domain events and a small publish/subscribe bus.

Services publish after commit, never before. The Qt bridge (``kiosk.ui.qt_events``)
turns events into signals on the UI thread. With PostgreSQL, :class:`PgEventRelay`
sends every event through ``NOTIFY`` and turns other kiosks' notifications back into
events, so every kiosk and staff panel sees every change.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)

CHANNEL = "kiosk_events"


@dataclass(frozen=True)
class Event:
    name: ClassVar[str] = "event"
    origin: str = field(default="", kw_only=True)

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        data["event"] = self.name
        return json.dumps(data, default=str)


@dataclass(frozen=True)
class OrderCreated(Event):
    name: ClassVar[str] = "order_created"
    order_id: int
    number: str
    total: Decimal
    kiosk_id: str = ""


@dataclass(frozen=True)
class OrderPaid(Event):
    name: ClassVar[str] = "order_paid"
    order_id: int
    number: str
    amount: Decimal
    method: str
    points_earned: int = 0


@dataclass(frozen=True)
class OrderStatusChanged(Event):
    name: ClassVar[str] = "order_status_changed"
    order_id: int
    number: str
    old_status: str
    new_status: str


@dataclass(frozen=True)
class PaymentFailed(Event):
    name: ClassVar[str] = "payment_failed"
    order_id: int
    method: str
    message: str


@dataclass(frozen=True)
class OrderRefunded(Event):
    name: ClassVar[str] = "order_refunded"
    order_id: int
    number: str
    amount: Decimal


@dataclass(frozen=True)
class TierUpgraded(Event):
    name: ClassVar[str] = "tier_upgraded"
    customer_id: int
    old_tier: str
    new_tier: str


@dataclass(frozen=True)
class PointsChanged(Event):
    name: ClassVar[str] = "points_changed"
    customer_id: int
    points: int
    balance: int


@dataclass(frozen=True)
class MenuChanged(Event):
    name: ClassVar[str] = "menu_changed"
    item_id: int | None = None


@dataclass(frozen=True)
class SettingsChanged(Event):
    name: ClassVar[str] = "settings_changed"
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class DataChanged(Event):
    """Another process changed the database (SQLite); what changed is not known."""

    name: ClassVar[str] = "data_changed"


EVENT_TYPES: dict[str, type[Event]] = {
    cls.name: cls
    for cls in (
        OrderCreated,
        OrderPaid,
        OrderStatusChanged,
        PaymentFailed,
        OrderRefunded,
        TierUpgraded,
        PointsChanged,
        MenuChanged,
        SettingsChanged,
        DataChanged,
    )
}


def event_from_json(raw: str) -> Event | None:
    try:
        data = json.loads(raw)
        cls = EVENT_TYPES[data.pop("event")]
    except (ValueError, KeyError, TypeError):
        log.warning("ignored a malformed event notification")
        return None
    for f in dataclasses.fields(cls):
        if f.type in ("Decimal", Decimal) and f.name in data:
            data[f.name] = Decimal(str(data[f.name]))
        if f.type == "tuple[str, ...]" and f.name in data:
            data[f.name] = tuple(data[f.name])
    try:
        return cls(**data)
    except TypeError:
        log.warning("ignored an event notification with unexpected fields")
        return None


Handler = Callable[[Event], None]


class EventBus:
    """Thread-safe publish/subscribe. Handlers run on the publishing thread; a failing
    handler is logged and never breaks the publisher (a payment is already committed)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: list[tuple[type[Event], Handler]] = []
        self.origin = uuid.uuid4().hex[:12]
        self._forwarders: list[Callable[[Event], None]] = []

    def subscribe(self, handler: Handler, event_type: type[Event] = Event) -> Callable[[], None]:
        entry = (event_type, handler)
        with self._lock:
            self._handlers.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._handlers:
                    self._handlers.remove(entry)

        return unsubscribe

    def add_forwarder(self, forward: Callable[[Event], None]) -> None:
        """Called for locally published events only (e.g. to NOTIFY other kiosks)."""
        self._forwarders.append(forward)

    def publish(self, event: Event) -> None:
        if not event.origin:
            event = dataclasses.replace(event, origin=self.origin)
        self.deliver(event)
        if event.origin == self.origin:
            for forward in self._forwarders:
                try:
                    forward(event)
                except Exception:
                    log.exception("event forwarder failed")

    def deliver(self, event: Event) -> None:
        with self._lock:
            handlers = [h for t, h in self._handlers if isinstance(event, t)]
        for handler in handlers:
            try:
                handler(event)
            except Exception:
                log.exception("event handler failed for %s", event.name)


class PgEventRelay:
    """Bridges the bus to PostgreSQL ``LISTEN/NOTIFY`` on a daemon thread."""

    def __init__(self, bus: EventBus, conninfo: str) -> None:
        self.bus = bus
        self.conninfo = conninfo
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    def start(self) -> None:
        self.bus.add_forwarder(self._notify)
        self._thread = threading.Thread(target=self._listen, name="pg-events", daemon=True)
        self._thread.start()
        self._ready.wait(5)

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(3)

    def _notify(self, event: Event) -> None:
        import psycopg

        with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5) as conn:
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, event.to_json()))

    def _listen(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._ready.set()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            event = event_from_json(note.payload)
                            if event is not None and event.origin != self.bus.origin:
                                self.bus.deliver(event)
            except Exception:
                self._ready.set()
                log.warning("event listener lost its PostgreSQL connection; retrying")
                self._stop.wait(2)


class SqliteChangeWatcher:
    """Notices commits by other processes on the same SQLite file (``PRAGMA data_version``
    changes when another connection commits) and publishes :class:`DataChanged`.

    This is how a staff panel run as ``kiosk admin`` sees orders placed on the kiosk
    process next to it. The watcher has its own connection, so this process's commits
    show up too; listeners treat the event as "refresh what you show".
    """

    def __init__(self, bus: EventBus, path: str, interval: float = 1.0) -> None:
        self.bus = bus
        self.path = path
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Watch from now on: the version is read here, before the thread runs, so a
        commit made right after ``start`` returns is seen (read in the thread, it could
        be taken as the starting point and missed)."""
        import sqlite3

        try:
            conn = sqlite3.connect(self.path, timeout=5, check_same_thread=False)
            last = conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            log.warning("cannot watch the database file for changes")
            return
        self._thread = threading.Thread(
            target=self._watch, args=(conn, last), name="sqlite-watch", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(3)

    def _watch(self, conn: sqlite3.Connection, last: int) -> None:
        import sqlite3

        try:
            while not self._stop.wait(self.interval):
                try:
                    version = conn.execute("PRAGMA data_version").fetchone()[0]
                except sqlite3.Error:
                    continue
                if version != last:
                    last = version
                    self.bus.deliver(DataChanged(origin="sqlite"))
        finally:
            conn.close()
