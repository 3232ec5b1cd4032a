"""The controller behind the kiosk's staff pad: staff number + PIN through
:class:`kiosk.services.staff_pad.StaffPadService`, on an overlay over the kiosk window.

Wrong attempts lock this kiosk's pad (the service decides how long); the pad counts the
lock down and refuses input meanwhile. Staff accounts are never locked from here. A
database busy for a moment (another kiosk writing) is said on the pad ("try again"); a
fault waiting will not fix (full disk, damaged file) goes to the kiosk's error screen."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from kiosk.db.faults import needs_staff
from kiosk.services.errors import AuthenticationFailed, DatabaseBusy, DatabaseError
from kiosk.services.staff_pad import PadLocked, StaffPadService
from kiosk.ui.messages import busy_text
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.staff_pad import StaffPad

if TYPE_CHECKING:
    from kiosk.app import Store

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: the pad closes itself after this long without a tap
IDLE_MS = 60_000


def locked_text(seconds: int) -> str:
    return translate(
        "StaffSignIn", "Too many wrong attempts. The staff pad is locked for %1 seconds."
    ).replace("%1", str(seconds))


def wrong_text(tries_left: int | None) -> str:
    if tries_left == 1:
        return translate("StaffSignIn", "Wrong staff number or PIN. 1 try left.")
    return translate("StaffSignIn", "Wrong staff number or PIN. %1 tries left.").replace(
        "%1", str(tries_left if tries_left is not None else "")
    )


class StaffSignIn(QObject):
    """``signed_in(StaffView)`` after a right PIN; ``cancelled`` when staff close the pad."""

    signed_in = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        pads: StaffPadService,
        kiosk_id: str,
        window: QWidget,
        idle_ms: int = IDLE_MS,
        db_url: str = "",
    ) -> None:
        super().__init__(window)
        self.pads = pads
        self.kiosk_id = kiosk_id
        self.db_url = db_url  # to tell a busy database from one that needs staff
        root = window.centralWidget() if isinstance(window, QMainWindow) else window
        assert root is not None
        self.overlay = Overlay("staff_pad_overlay", root)
        self.pad = StaffPad(self.overlay)
        self.pad.submitted.connect(self._on_pad_submitted)
        self.pad.cancelled.connect(self._on_pad_cancelled)
        self.pad.touched.connect(self._on_pad_touched)
        # a pad left open closes by itself: the customer screens are under it
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self._on_idle_timeout)

    @classmethod
    def for_store(cls, store: Store, window: QWidget) -> StaffSignIn:
        """The pad over ``window`` for this kiosk, on the store's own pad service."""
        kiosk_id = store.current_settings().store.kiosk_id
        return cls(store.staff_pad, kiosk_id, window, db_url=store.db.url)

    def open(self) -> None:
        root = self.overlay.parentWidget()
        if root is not None:
            self.pad.set_landscape(root.width() > root.height())
        self.pad.reset()
        try:
            seconds = self.pads.state(self.kiosk_id).locked_seconds
        except DatabaseBusy as exc:
            if needs_staff(exc, self.db_url):
                raise  # a fault: the kiosk's error screen (the exception hook) says so
            log.warning("staff pad: the database is busy; pad state not read: %s", exc)
            seconds = 0  # the sign-in checks the lock again
        except DatabaseError as exc:
            log.warning("staff pad: could not read the pad's state: %s", exc)
            seconds = 0
        if seconds:
            self.pad.lock_for(seconds)
            self.pad.show_message(lambda s=seconds: locked_text(s))
        self.overlay.open(self.pad)
        self.idle.start()

    def close(self) -> None:
        self.idle.stop()
        self.pad.reset()
        self.overlay.close_overlay()

    def dispose(self) -> None:
        """Remove the overlay from the kiosk window (each gesture builds a fresh pad)."""
        self.idle.stop()
        self.overlay.hide()
        self.overlay.deleteLater()
        self.deleteLater()

    def _on_pad_touched(self) -> None:
        self.idle.start()

    def _on_idle_timeout(self) -> None:
        log.info("staff pad closed: nobody used it")
        self._on_pad_cancelled()

    def _on_pad_submitted(self, number: str, pin: str) -> None:
        self.idle.start()
        try:
            user = self.pads.sign_in(self.kiosk_id, number, pin)
        except PadLocked as exc:
            self.pad.lock_for(exc.seconds)
            self.pad.show_message(lambda s=exc.seconds: locked_text(s))
            return
        except AuthenticationFailed as exc:
            self.pad.clear_pin()
            self.pad.show_message(lambda t=exc.tries_left: wrong_text(t))
            return
        except DatabaseBusy as exc:
            if needs_staff(exc, self.db_url):
                raise  # a fault: the kiosk's error screen (the exception hook) says so
            log.warning("staff pad: the database is busy: %s", exc)
            self.pad.show_message(busy_text)
            return
        except DatabaseError as exc:
            log.warning("staff pad: sign-in failed on the database: %s", exc)
            self.pad.show_message(busy_text)
            return
        self.close()
        self.signed_in.emit(user)

    def _on_pad_cancelled(self) -> None:
        self.close()
        self.cancelled.emit()
