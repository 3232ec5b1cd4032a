"""Staff accounts (:class:`StaffService`): adding, changing and unlocking them, PIN
sign-in with lock-out, sign-out, and the role check every other staff action goes through.

PINs are hashed with argon2id and re-hashed at sign-in when the parameters have grown;
wrong PINs lock the account (:mod:`kiosk.services.staff.lockout`). The role table is in
:mod:`kiosk.services.staff`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import StaffRole, StaffUser
from kiosk.db.uow import locked
from kiosk.services.audit import audit_row
from kiosk.services.errors import (
    AuthenticationFailed,
    InvalidInput,
    LockedOut,
    NotFound,
    PermissionDenied,
)
from kiosk.services.events import EventBus
from kiosk.services.gateway import Clock, SystemClock
from kiosk.services.roles import Permission, StaffView
from kiosk.services.staff.checks import (
    PIN,
    ROLE,
    STAFF_NAME,
    validate_name,
    validate_pin,
    validate_role,
)
from kiosk.services.staff.lockout import duration_text, lock_seconds
from kiosk.services.staff.permissions import Actor, denied_message, require_signed_in
from kiosk.services.validation import ID, Flag, JsonData, Optional, Text, validated


def staff_view(u: StaffUser) -> StaffView:
    return StaffView(
        id=u.id,
        name=u.name,
        role=u.role,
        active=bool(u.active),
        failed_attempts=u.failed_attempts or 0,
        locked_until=u.locked_until,
        last_login=u.last_login,
        created_at=u.created_at,
    )


class StaffService:
    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        bus: EventBus,
        clock: Clock | None = None,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._bus = bus
        self.clock: Clock = clock or SystemClock()
        self._hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    # -- helpers ------------------------------------------------------------------------
    def _audit(
        self,
        s: Session,
        staff: str,
        action: str,
        user: StaffUser | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        s.add(
            audit_row(
                self.clock,
                at=self.clock.now(),
                staff=staff,
                action=action,
                entity="staff",
                entity_id=str(user.id) if user is not None and user.id else "",
                before=before,
                after=after,
            )
        )

    @staticmethod
    def _by_name(s: Session, name: str, lock: bool = False) -> StaffUser | None:
        q = select(StaffUser).where(StaffUser.name == name)
        return s.scalars(locked(q) if lock else q).first()

    @staticmethod
    def _by_id(s: Session, staff_id: int) -> StaffUser:
        u = s.get(StaffUser, staff_id)
        if u is None:
            raise NotFound("That staff account does not exist.")
        return u

    def hash_pin(self, pin: str) -> str:
        return self._hasher.hash(validate_pin(pin))

    def _verify(self, pin_hash: str, pin: str) -> bool:
        try:
            return self._hasher.verify(pin_hash, pin)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def check_pin(self, user: StaffUser | None, pin: str) -> bool:
        """Whether ``pin`` is ``user``'s: one Argon2 check whatever the case (``None`` or
        an unusable PIN is checked against a dummy hash, so a wrong number takes as long
        as a wrong PIN). A right PIN whose hash uses older parameters is re-hashed on
        ``user`` (the caller's unit of work saves it)."""
        if user is None or not 4 <= len(pin) <= 8:
            self._verify(self._dummy(), "00000000")
            return False
        if not self._verify(user.pin_hash, pin):
            return False
        if self._hasher.check_needs_rehash(user.pin_hash):
            user.pin_hash = self._hasher.hash(pin)
        return True

    # -- accounts -----------------------------------------------------------------------
    def count(self) -> int:
        with self._db.read() as s:
            return s.scalar(select(func.count(StaffUser.id))) or 0

    @validated(include_inactive=Flag())
    def list(self, include_inactive: bool = True) -> list[StaffView]:
        with self._db.read() as s:
            q = select(StaffUser).order_by(StaffUser.name)
            if not include_inactive:
                q = q.where(StaffUser.active)
            return [staff_view(u) for u in s.scalars(q)]

    def names(self) -> list[str]:
        """Active staff names for the sign-in screen."""
        return [u.name for u in self.list(include_inactive=False)]

    @validated(staff_id=ID)
    def get(self, staff_id: int) -> StaffView:
        with self._db.read() as s:
            return staff_view(self._by_id(s, staff_id))

    def _check_manage(self, by: Actor, role: str, target: StaffUser | None = None) -> str:
        if isinstance(by, str):
            return by
        self.authorize(by, Permission.STAFF_MANAGE)
        if StaffRole.OWNER.value in (role, target.role if target else ""):
            self.authorize(by, Permission.STAFF_MANAGE_OWNERS)
        return by.name

    @validated(name=STAFF_NAME, role=ROLE, pin=PIN)
    def create(self, name: str, role: str, pin: str, by: Actor = "cli") -> StaffView:
        """Add a staff member. ``by`` is the signed-in manager/owner, or "cli"."""
        name = validate_name(name)
        role = validate_role(role)
        pin_hash = self.hash_pin(pin)
        who = self._check_manage(by, role)
        with self._db.uow() as uow:
            s = uow.session
            # "Ploy" and "ploy" (or "Émile" and "émile") would be two accounts no one tells
            # apart at the sign-in; a shop has tens of staff, so all names are compared here
            folded = name.casefold()
            names = s.scalars(select(StaffUser.name)).all()
            same = next((n for n in names if n.casefold() == folded), None)
            if same is not None:
                raise InvalidInput(f"There is already a staff member called {same}.")
            now = self.clock.now()
            user = StaffUser(
                name=name,
                role=role,
                pin_hash=pin_hash,
                failed_attempts=0,
                active=True,
                created_at=now,
                updated_at=now,
            )
            s.add(user)
            try:
                uow.flush()
            except IntegrityError:
                raise InvalidInput(f"There is already a staff member called {name}.") from None
            self._audit(s, who, "staff.create", user, after={"name": name, "role": role})
            view = staff_view(user)
            uow.commit()
        return view

    @validated(staff_id=ID, role=Optional(ROLE), active=Optional(Flag()), pin=Optional(PIN))
    def update(
        self,
        staff_id: int,
        by: Actor,
        *,
        role: str | None = None,
        active: bool | None = None,
        pin: str | None = None,
    ) -> StaffView:
        """Change role, enable/disable, or set a new PIN (which also unlocks)."""
        if role is not None:
            validate_role(role)
        pin_hash = self.hash_pin(pin) if pin is not None else None
        with self._db.uow() as uow:
            s = uow.session
            user = self._by_id(s, staff_id)
            who = self._check_manage(by, role or user.role, user)
            before: dict[str, Any] = {}
            after: dict[str, Any] = {}
            demotes_owner = user.role == StaffRole.OWNER.value and (
                (role is not None and role != user.role) or active is False
            )
            if demotes_owner and self._active_owners(s) <= 1:
                raise InvalidInput("The last owner cannot be demoted or disabled.")
            if role is not None and role != user.role:
                before["role"], after["role"] = user.role, role
                user.role = role
            if active is not None and bool(active) != bool(user.active):
                before["active"], after["active"] = bool(user.active), bool(active)
                user.active = bool(active)
            if pin_hash is not None:
                user.pin_hash = pin_hash
                user.failed_attempts = 0
                user.locked_until = None
                after["pin"] = "changed"
            if not after:
                return staff_view(user)
            user.updated_at = self.clock.now()
            self._audit(s, who, "staff.update", user, before=before, after=after)
            view = staff_view(user)
            uow.commit()
        return view

    @validated(staff_id=ID)
    def unlock(self, staff_id: int, by: Actor) -> StaffView:
        with self._db.uow() as uow:
            s = uow.session
            user = self._by_id(s, staff_id)
            who = self._check_manage(by, user.role, user)
            before = {"failed_attempts": user.failed_attempts}
            user.failed_attempts = 0
            user.locked_until = None
            self._audit(s, who, "staff.unlock", user, before=before, after={"failed_attempts": 0})
            view = staff_view(user)
            uow.commit()
        return view

    @staticmethod
    def _active_owners(s: Session) -> int:
        return (
            s.scalar(
                select(func.count(StaffUser.id)).where(
                    StaffUser.role == StaffRole.OWNER.value, StaffUser.active
                )
            )
            or 0
        )

    # -- sign-in ------------------------------------------------------------------------
    @validated(name=STAFF_NAME, pin=PIN)
    def authenticate(self, name: str, pin: str) -> StaffView:
        """Check a PIN. Raises :class:`AuthenticationFailed` (wrong name or PIN, with the
        tries left) or :class:`LockedOut` (with the wait); both are audited."""
        admin = self._settings().admin
        name = (name or "").strip()
        with self._db.uow() as uow:
            s = uow.session
            # Locked, so parallel wrong PINs count one after another (PostgreSQL).
            user = self._by_name(s, name, lock=True) if name else None
            now = self.clock.now()
            if user is None or not user.active:
                self.check_pin(None, pin or "")  # same time as a real check
                self._audit(s, name[:64] or "?", "staff.login_failed", user, after={"why": "name"})
                uow.commit()
                raise AuthenticationFailed("Wrong name or PIN.")
            if user.locked_until is not None and user.locked_until > now:
                wait = int((user.locked_until - now).total_seconds() + 0.999)
                self._audit(s, user.name, "staff.login_refused", user, after={"locked_for": wait})
                uow.commit()
                raise LockedOut(
                    f"Too many wrong PINs. {user.name} is locked for {duration_text(wait)} more.",
                    name=user.name,
                    seconds=wait,
                )
            if not self.check_pin(user, pin or ""):
                user.failed_attempts = (user.failed_attempts or 0) + 1
                seconds = lock_seconds(
                    user.failed_attempts, admin.lockout_attempts, admin.lockout_seconds
                )
                if seconds:
                    user.locked_until = now + timedelta(seconds=seconds)
                    self._audit(
                        s,
                        user.name,
                        "staff.lockout",
                        user,
                        after={"failed_attempts": user.failed_attempts, "seconds": seconds},
                    )
                    uow.commit()
                    raise LockedOut(
                        f"Too many wrong PINs. {user.name} is locked for {duration_text(seconds)}.",
                        name=user.name,
                        seconds=seconds,
                        just_locked=True,
                    )
                self._audit(
                    s,
                    user.name,
                    "staff.login_failed",
                    user,
                    after={"failed_attempts": user.failed_attempts},
                )
                uow.commit()
                left = admin.lockout_attempts - user.failed_attempts
                raise AuthenticationFailed(
                    f"Wrong PIN. {left} {'try' if left == 1 else 'tries'} left before a lock-out.",
                    tries_left=left,
                )
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login = now
            self._audit(s, user.name, "staff.login", user, after={"role": user.role})
            view = staff_view(user)
            uow.commit()
        return view

    @validated(reason=Text(32, label="Reason"))
    def logout(self, staff: StaffView, reason: str = "manual") -> None:
        """Record a sign-out; ``reason`` is "manual", "idle" (auto-logout), "closed" or
        "exit_kiosk"."""
        require_signed_in(staff)
        action = "staff.auto_logout" if reason == "idle" else "staff.logout"
        with self._db.uow() as uow:
            s = uow.session
            user = s.get(StaffUser, staff.id)
            self._audit(s, staff.name, action, user, after={"reason": reason})
            uow.commit()

    @validated(
        action=Text(64, required=True, label="Action"),
        entity=Text(32, label="Entity"),
        entity_id=Text(64, label="Entity id"),
        after=Optional(JsonData(label="Details")),
    )
    def record(
        self,
        staff: StaffView,
        action: str,
        entity: str = "",
        entity_id: str = "",
        after: dict[str, Any] | None = None,
    ) -> None:
        """Audit something done in the panel that no other service writes down
        (reprinting a receipt, leaving kiosk mode)."""
        require_signed_in(staff)
        with self._db.uow() as uow:
            uow.session.add(
                audit_row(
                    self.clock,
                    at=self.clock.now(),
                    staff=staff.name,
                    action=action,
                    entity=entity,
                    entity_id=entity_id,
                    after=after,
                )
            )
            uow.commit()

    def authorize(self, actor: StaffView, permission: Permission) -> StaffView:
        """The actor's current account if it is active and its role allows ``permission``;
        otherwise :class:`PermissionDenied` (audited)."""
        if not isinstance(actor, StaffView) or not isinstance(permission, Permission):
            raise PermissionDenied("Sign in again to do that.")
        with self._db.read() as s:
            user = s.get(StaffUser, actor.id)
            current = staff_view(user) if user is not None else None
        if current is not None and current.active and current.can(permission):
            return current
        message = denied_message(permission)
        if current is None or not current.active:
            message = "This staff account is disabled. Sign in again."
        with self._db.uow() as uow:
            uow.session.add(
                audit_row(
                    self.clock,
                    at=self.clock.now(),
                    staff=actor.name,
                    action="staff.denied",
                    entity="permission",
                    entity_id=permission.value,
                    after={"role": current.role if current else None},
                )
            )
            uow.commit()
        raise PermissionDenied(message)

    def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = self._hasher.hash("00000000")
        return self._dummy_hash


__all__ = ["StaffService", "staff_view"]
