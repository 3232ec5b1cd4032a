"""Staff sign-in from the customer side of a kiosk: staff number + PIN, no names shown.

Why a staff number and not the PIN alone: a PIN is stored only as an argon2id hash (64 MiB,
3 passes: tens of milliseconds each, on purpose), so a hash cannot be looked up. Finding a
member of staff by PIN alone means verifying the PIN against every active account: the
cost grows with the staff list (ten staff, ten argon2 runs per tap), two staff could not
share a PIN (and refusing a duplicate would tell the person choosing it that someone else
has it), and every guess would be tried against every account at once. With the staff
number (the account's id, shown in the admin panel's Staff screen and by
``kiosk staff list``; not a secret, but not a name either) each attempt costs exactly one
argon2 verification, the same for an unknown number (a dummy hash), whatever the size of
the team.

The lock belongs to the kiosk's pad, not to the accounts: anyone standing at a kiosk can
type numbers, and locking accounts from there would let a customer lock every member of
staff out. After ``admin.lockout_attempts`` wrong attempts in a row (5) the pad of *this
kiosk* refuses everything for ``admin.lockout_seconds`` (30 s), doubling with each further
wrong attempt; a right PIN resets it. The count lives in the audit log (every attempt is
written there with the kiosk id), so restarting the kiosk does not reset it either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database, DatabaseError
from kiosk.db.engine import describe_db_error
from kiosk.db.models import AuditLog, StaffUser
from kiosk.services.audit import audit_row
from kiosk.services.errors import AuthenticationFailed, LockedOut
from kiosk.services.gateway import Clock
from kiosk.services.roles import StaffView
from kiosk.services.staff.accounts import StaffService, staff_view
from kiosk.services.staff.lockout import duration_text, lock_seconds

PAD = "kiosk_pad"
LOGIN = "staff.pad_login"
FAILED = "staff.pad_failed"
LOCKOUT = "staff.pad_lockout"
REFUSED = "staff.pad_refused"
_COUNTED = (LOGIN, FAILED, LOCKOUT)
MAX_NUMBER_DIGITS = 9


class PadLocked(LockedOut):
    """The kiosk's staff pad is locked for ``seconds`` (the accounts are not)."""

    code = "pad_locked"


@dataclass(frozen=True)
class PadState:
    failures: int  # wrong attempts in a row on this kiosk's pad
    locked_seconds: int  # 0: open
    tries_left: int


class StaffPadService:
    """Built once per store by :func:`kiosk.app.build_store` (``store.staff_pad``), on the
    store's own :class:`StaffService` and clock."""

    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        staff: StaffService,
        clock: Clock | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._staff = staff
        self.clock: Clock = clock or staff.clock

    # -- state ----------------------------------------------------------------------------
    def _failures(self, s: Session, kiosk_id: str) -> tuple[int, datetime | None]:
        """Wrong attempts in a row on this pad, and when the last one was."""
        limit = self._settings().admin.lockout_attempts + 25
        rows = s.execute(
            select(AuditLog.action, AuditLog.created_at)
            .where(
                AuditLog.action.in_(_COUNTED),
                AuditLog.entity == PAD,
                AuditLog.entity_id == kiosk_id,
            )
            .order_by(AuditLog.id.desc())
            .limit(limit)
        ).all()
        count = 0
        last: datetime | None = None
        for action, at in rows:
            if action == LOGIN:
                break
            count += 1
            last = last or at
        return count, last

    def _locked_for(self, failures: int, last: datetime | None, now: datetime) -> int:
        admin = self._settings().admin
        seconds = lock_seconds(failures, admin.lockout_attempts, admin.lockout_seconds)
        if not seconds or last is None:
            return 0
        left = (last + timedelta(seconds=seconds) - now).total_seconds()
        return max(0, int(left + 0.999))

    def state(self, kiosk_id: str) -> PadState:
        """Raises :class:`DatabaseError` (its :class:`DatabaseBusy` for a fault) if the
        database cannot be read."""
        kiosk_id = _kiosk(kiosk_id)
        with self._database_errors(), self._db.read() as s:
            failures, last = self._failures(s, kiosk_id)
        attempts = self._settings().admin.lockout_attempts
        return PadState(
            failures,
            self._locked_for(failures, last, self.clock.now()),
            max(0, attempts - failures),
        )

    # -- sign-in --------------------------------------------------------------------------
    def sign_in(self, kiosk_id: str, staff_number: object, pin: object) -> StaffView:
        """The staff member with this number, if the PIN is theirs and the account is
        active. Raises :class:`PadLocked` while the pad is locked (the PIN is not even
        checked) and :class:`AuthenticationFailed` otherwise; every attempt is audited.
        :class:`DatabaseError` (:class:`DatabaseBusy` for a fault): nothing was checked."""
        kiosk_id = _kiosk(kiosk_id)
        number = _number(staff_number)
        pin_text = pin if isinstance(pin, str) and pin.isascii() and pin.isdigit() else ""
        admin = self._settings().admin
        with self._database_errors(), self._db.uow() as uow:
            s = uow.session
            now = self.clock.now()
            failures, last = self._failures(s, kiosk_id)
            wait = self._locked_for(failures, last, now)
            shown = f"#{number}" if number is not None else "?"
            if wait:
                self._audit(s, shown, REFUSED, kiosk_id, {"locked_for": wait})
                uow.commit()
                raise PadLocked(
                    f"Too many wrong attempts. The staff pad is locked for {duration_text(wait)}.",
                    seconds=wait,
                )
            user = s.get(StaffUser, number) if number is not None else None
            ok = self._staff.check_pin(user if user is not None and user.active else None, pin_text)
            # an account locked from the stand-alone panel stays locked here too
            account_locked = bool(
                ok and user is not None and user.locked_until and user.locked_until > now
            )
            if ok and user is not None and not account_locked:
                user.last_login = now
                self._audit(s, user.name, LOGIN, kiosk_id, {"staff_id": user.id})
                s.add(
                    audit_row(
                        self.clock,
                        at=now,
                        staff=user.name,
                        action="staff.login",
                        entity="staff",
                        entity_id=str(user.id),
                        after={"role": user.role, "via": PAD, "kiosk": kiosk_id},
                    )
                )
                view = staff_view(user)
                uow.commit()
                return view
            failures += 1
            seconds = lock_seconds(failures, admin.lockout_attempts, admin.lockout_seconds)
            why = "locked account" if account_locked else "number or PIN"
            self._audit(
                s,
                shown,
                LOCKOUT if seconds else FAILED,
                kiosk_id,
                {"why": why, "failures": failures, "locked_for": seconds},
            )
            uow.commit()
        if seconds:
            raise PadLocked(
                f"Too many wrong attempts. The staff pad is locked for {duration_text(seconds)}.",
                seconds=seconds,
                just_locked=True,
            )
        left = admin.lockout_attempts - failures
        raise AuthenticationFailed(
            f"Wrong staff number or PIN. {left} {'try' if left == 1 else 'tries'} left.",
            tries_left=left,
        )

    @contextmanager
    def _database_errors(self) -> Iterator[None]:
        """The driver's errors the db layer leaves as they are (integrity, programming...)
        as a :class:`DatabaseError`, so the pad's screen never handles SQLAlchemy's."""
        try:
            yield
        except DBAPIError as exc:
            raise DatabaseError(describe_db_error(exc, self._db.url)) from exc

    def _audit(
        self, s: Session, staff: str, action: str, kiosk_id: str, after: dict[str, Any]
    ) -> None:
        s.add(
            audit_row(
                self.clock,
                at=self.clock.now(),
                staff=staff[:64],
                action=action,
                entity=PAD,
                entity_id=kiosk_id,
                after=after,
            )
        )


def _kiosk(kiosk_id: object) -> str:
    text = kiosk_id if isinstance(kiosk_id, str) else ""
    return text.strip()[:64] or "kiosk"


def _number(value: object) -> int | None:
    """A staff number as typed: 1 to 9 ASCII digits (anything else matches no one)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value < 10**MAX_NUMBER_DIGITS else None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        text = value.lstrip("0")
        if text and len(text) <= MAX_NUMBER_DIGITS:
            return int(text)
    return None


__all__ = ["PadLocked", "PadState", "StaffPadService"]
