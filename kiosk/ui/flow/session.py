"""What the kiosk's controllers share: the customer's checkout :class:`Session` (one
value object, held by :class:`kiosk.ui.flow.KioskFlow` and handed to each controller),
the time limits (:class:`Timing`, :class:`Timeouts`), the session-guarded thread pool
(:class:`SessionTasks`) and the narrow protocols the controllers see the window through.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.services.payments import PaymentResult, PendingPromptPay, promptpay_target
from kiosk.services.views import MemberView, OrderView

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.ui.screens.base import Screen
    from kiosk.ui.workers import TaskRunner

log = logging.getLogger(__name__)

#: asks the customer a yes/no question: (question, yes, no) -> yes?
Ask = Callable[[str, str, str], bool]
#: moves to a screen by name (:meth:`kiosk.ui.flow.KioskFlow.go`)
Go = Callable[[str], None]
#: the settings as they are now (staff may change them while the kiosk runs)
CurrentSettings = Callable[[], "Settings"]


@dataclass
class Timing:
    """Time limits in milliseconds; ``None`` takes the value from the settings. Tests and
    screenshots use tiny values (the settings refuse anything below a few seconds)."""

    idle_ms: int | None = None
    idle_warning_ms: int | None = None
    result_ms: int | None = None
    promptpay_ms: int | None = None
    poll_ms: int = 1000
    #: taps on a screen that just appeared are ignored this long (a double tap's second
    #: tap must not land on the next screen); ``None`` is the default, 350 ms
    tap_guard_ms: int | None = None


class Timeouts:
    """The time limits in force: :class:`Timing`'s where set, else the settings' now."""

    def __init__(self, timing: Timing, settings: CurrentSettings) -> None:
        self.timing = timing
        self._settings = settings

    def idle_ms(self) -> int:
        return self.timing.idle_ms or self._settings().kiosk.idle_timeout_seconds * 1000

    def idle_warning_ms(self) -> int:
        return self.timing.idle_warning_ms or self._settings().kiosk.idle_warning_seconds * 1000

    def result_ms(self) -> int:
        return self.timing.result_ms or self._settings().kiosk.result_timeout_seconds * 1000

    def promptpay_ms(self) -> int:
        s = self._settings()
        return self.timing.promptpay_ms or s.payments.promptpay_timeout_seconds * 1000


@dataclass
class Session:
    """One customer's checkout, from Welcome to the next Welcome. ``number`` goes up at
    every reset (and on the error screen): work that finishes for an older number is
    ignored (:class:`SessionTasks`)."""

    number: int = 0
    mode: str = "dine_in"
    table_number: str = ""
    member: MemberView | None = None
    order: OrderView | None = None
    #: the PromptPay QR on screen, waiting for the bank
    pending: PendingPromptPay | None = None
    #: the checkout attempt's idempotency key: a double tap never charges twice
    attempt_key: str = ""
    last_result: PaymentResult | None = None
    receipt: Path | None = None

    def new_attempt(self) -> str:
        """A new idempotency key, for the next try at paying."""
        self.attempt_key = uuid.uuid4().hex
        return self.attempt_key

    def clear(self) -> None:
        """Nothing of the last customer stays (the number is left to the caller)."""
        self.mode = "dine_in"
        self.table_number = ""
        self.member = None
        self.order = None
        self.pending = None
        self.attempt_key = ""
        self.last_result = None
        self.receipt = None


class SessionTasks:
    """Slow work on the thread pool, its answer delivered only while the session that
    asked is still the current one (the customer may have walked away meanwhile)."""

    def __init__(self, runner: TaskRunner, session: Session) -> None:
        self.runner = runner
        self.session = session

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        number = self.session.number

        def done(result: Any) -> None:
            if number == self.session.number:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if number == self.session.number:
                on_failed(exc)
            else:
                log.info("late failure after the customer left: %s", exc)

        self.runner.submit(fn, *args, on_done=done, on_failed=failed)


class ScreenHost(Protocol):
    """The part of the window that knows which screen is up."""

    screens: dict[str, Screen]

    def current_screen(self) -> str: ...


class OverlayView(Protocol):
    """A dimmed layer over the screens holding one panel (the options sheet, busy, idle)."""

    def open(self, content: Any) -> None: ...

    def close_overlay(self) -> None: ...

    def isVisible(self) -> bool: ...


class TapGuard(Protocol):
    """Ignores taps for a moment (a double tap's second tap must not land on what just
    appeared)."""

    def arm(self) -> None: ...


def payment_choices(settings: Settings) -> tuple[bool, bool]:
    """What the shop offers, for the member and payment screens alike: cash paid at the
    counter (no cash acceptor, or the shop says so), and whether PromptPay is usable."""
    pay_at_counter = not settings.payments.cash_acceptor or settings.payments.pay_at_counter
    return pay_at_counter, promptpay_target(settings.store.promptpay_id) is not None
