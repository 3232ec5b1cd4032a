"""What every admin screen gets: the store, the role-checked actions, who is signed in,
live events and the dialogs. One object, passed down, so screens stay testable."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

from kiosk.config import Settings
from kiosk.db.faults import STAFF_NEEDED, FaultKind, classify
from kiosk.services.errors import DatabaseBusy, ServiceError
from kiosk.services.reports import ReportService
from kiosk.services.staff import Permission, StaffActions, StaffView
from kiosk.ui.admin.dialogs import Dialogs
from kiosk.ui.admin.format import tr
from kiosk.ui.admin.messages import service_message
from kiosk.ui.qt_events import QtEvents

if TYPE_CHECKING:
    from kiosk.app import Store

T = TypeVar("T")

log = logging.getLogger("kiosk.ui.admin")


@dataclass
class AdminContext:
    store: Store
    actions: StaffActions
    staff: StaffView
    events: QtEvents
    dialogs: Dialogs = field(default_factory=Dialogs)
    kiosk_mode: bool = False

    @property
    def reports(self) -> ReportService:
        return self.store.reports

    def settings(self) -> Settings:
        return self.store.current_settings()

    @property
    def tz(self) -> str:
        return self.settings().store.timezone

    def today(self) -> date:
        return self.reports.today()

    def can(self, permission: Permission) -> bool:
        return self.staff.can(permission)

    def attempt(self, parent: QWidget | None, what: str, action: Callable[[], T]) -> T | None:
        """Run a service call; a refusal or bad input becomes a message, not a crash.

        A busy (locked) database or any unexpected error is logged and becomes a calm
        message too: staff never see a traceback, and the panel keeps running."""
        try:
            return action()
        except Exception as exc:
            self.dialogs.error(parent, what, problem(exc, what)())
        return None


def problem(exc: Exception, what: str) -> Callable[[], str]:
    """What to tell staff about ``exc`` (re-translatable): a service's refusal in its own
    words; a busy (locked) database or anything unexpected logged and said calmly, never
    as a traceback."""
    if isinstance(exc, ServiceError):
        return lambda: friendly(exc)
    if isinstance(exc, DatabaseBusy):  # "database is locked": nothing was saved
        log.warning("database error during %r", what, exc_info=exc)
        kind = classify(exc)
        if kind in STAFF_NEEDED:
            return lambda: fault_message(kind)
        return busy_message
    log.error("unexpected error during %r", what, exc_info=exc)
    return unexpected_message


def fault_message(kind: FaultKind) -> str:
    """A database fault that waiting will not fix: what is wrong, what to do."""
    if kind is FaultKind.DISK_FULL:
        return tr("The disk holding the database is full; nothing was saved. Free some space.")
    if kind is FaultKind.READ_ONLY:
        return tr("The database is read-only; nothing was saved. Make it writable.")
    if kind is FaultKind.DAMAGED:
        return tr(
            "The database file is damaged or was replaced; nothing was saved. "
            "Put the right file back from a backup."
        )
    if kind is FaultKind.SERVER:
        return tr("The database server cannot be reached; nothing was saved.")
    return tr("The database's disk cannot be used; nothing was saved. Check the disk.")


def busy_message() -> str:
    return tr("The database is busy; nothing was saved. Try again.")


def unexpected_message() -> str:
    return tr("Something went wrong; nothing was saved.")


def friendly(exc: ServiceError) -> str:
    """The message for a person, translated where we have a translation for it."""
    return service_message(exc)
