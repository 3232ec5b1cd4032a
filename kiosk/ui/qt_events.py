"""Bridge from the service event bus to Qt signals, always delivered on the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk.services.events import Event, EventBus


class QtEvents(QObject):
    """Re-emits every bus event as ``event_received(Event)`` plus a signal per event name.

    The bus may publish from a worker thread (a payment settled by a poller, a NOTIFY from
    another kiosk); the queued connection hands the event to the UI thread.
    """

    event_received = Signal(object)
    order_created = Signal(object)
    order_paid = Signal(object)
    order_status_changed = Signal(object)
    order_refunded = Signal(object)
    payment_failed = Signal(object)
    tier_upgraded = Signal(object)
    points_changed = Signal(object)
    menu_changed = Signal(object)
    settings_changed = Signal(object)
    _incoming = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._incoming.connect(self._on_incoming, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = bus.subscribe(self._incoming.emit)

    @Slot(object)
    def _on_incoming(self, event: Event) -> None:
        self.event_received.emit(event)
        signal = getattr(self, event.name, None)
        if signal is not None and event.name != "event_received":
            signal.emit(event)

    def close(self) -> None:
        self._unsubscribe()
