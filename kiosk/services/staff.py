"""Staff accounts, PIN sign-in with lock-out, roles, and the role-checked staff actions.

PINs (4–8 digits) are hashed with argon2id (``argon2-cffi``'s :class:`PasswordHasher`,
whose default type is ID); the hash string records its parameters, so a hash made with
older, weaker parameters is silently re-hashed at the next sign-in.

Lock-out: after ``admin.lockout_attempts`` wrong PINs in a row (5 by default) the account
is locked for ``admin.lockout_seconds`` (30 s); every further wrong PIN after a lock
doubles the delay (60 s, 120 s, ... capped at a day). A right PIN resets the count.
Attempts while locked are refused without checking the PIN and do not count.

Roles (checked here, in the service layer, by :meth:`StaffService.authorize`, which
re-reads the account so a disabled or demoted user loses rights at once):

============================  =======  =======  =====
permission                    cashier  manager  owner
============================  =======  =======  =====
view dashboard/orders/members   yes      yes     yes
order status, cancel unpaid     yes      yes     yes
mark cash/PromptPay received    yes      yes     yes
reprint receipt                 yes      yes     yes
sold-out toggle (dish, option)  yes      yes     yes
edit member profile/consent     yes      yes     yes
adjust points                    -       yes     yes
refund                           -       yes     yes
edit menu, prices, options       -       yes     yes
settings (except PromptPay ID)   -       yes     yes
PromptPay merchant ID            -        -      yes
audit log, CSV export            -       yes     yes
manage cashiers and managers     -       yes     yes
manage owners                    -        -      yes
exit kiosk mode                  -       yes     yes
export / erase a member (PDPA)   -       yes     yes
============================  =======  =======  =====

Points are money (10 points buy 1 THB by default), so adjusting them needs a manager,
like a refund. The PromptPay ID decides whose account customers pay into, so only an
owner may change it. Every sign-in, sign-out, lock-out, refusal and change is written
to the audit log.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

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
from kiosk.services.roles import ROLE_PERMISSIONS, Permission, StaffView, can
from kiosk.services.validation import ID, Choice, Flag, JsonData, Optional, Text, validated

if TYPE_CHECKING:  # only for type hints: the actions take the other services as given
    from datetime import date
    from pathlib import Path

    from kiosk.services.customers import CustomerService
    from kiosk.services.export import ExportResult, ExportService
    from kiosk.services.loyalty import LoyaltyService
    from kiosk.services.menu import MenuService
    from kiosk.services.orders import OrderService
    from kiosk.services.payments import PaymentResult, PaymentService
    from kiosk.services.privacy import PrivacyService
    from kiosk.services.settings import SettingsService
    from kiosk.services.views import (
        MemberView,
        MenuItemView,
        OptionGroupView,
        OptionView,
        OrderView,
    )

PIN_PATTERN = re.compile(r"[0-9]{4,8}")
MAX_LOCK_SECONDS = 86_400
ROLES: tuple[str, ...] = tuple(r.value for r in StaffRole)
# Entry checks (kiosk/services/validation/); the PIN's format is checked by _validate_pin.
STAFF_NAME = Text(64, label="Staff name", too_long="A staff name can have at most 64 characters.")
PIN_FORMAT = "A PIN is 4 to 8 digits."
PIN = Text(64, strip=False, too_long=PIN_FORMAT, wrong=PIN_FORMAT)  # ASCII digits: _validate_pin
ROLE = Choice(ROLES, message=f"The role must be one of: {', '.join(ROLES)}.")


_DENIED: Mapping[Permission, str] = {
    Permission.REFUND: "Only a manager or the owner can refund.",
    Permission.POINTS_ADJUST: "Only a manager or the owner can adjust points.",
    Permission.SETTINGS: "Only a manager or the owner can change settings.",
    Permission.SETTINGS_PROMPTPAY: "Only the owner can change the PromptPay ID.",
    Permission.STAFF_MANAGE: "Only a manager or the owner can manage staff.",
    Permission.STAFF_MANAGE_OWNERS: "Only an owner can manage owner accounts.",
    Permission.MENU_EDIT: "Only a manager or the owner can edit the menu.",
    Permission.AUDIT_VIEW: "Only a manager or the owner can see the audit log.",
    Permission.EXPORT: "Only a manager or the owner can export data.",
    Permission.EXIT_KIOSK: "Only a manager or the owner can leave kiosk mode.",
    Permission.MEMBER_EXPORT: "Only a manager or the owner can export a member's data.",
    Permission.MEMBER_ERASE: "Only a manager or the owner can erase a member.",
}


def _view(u: StaffUser) -> StaffView:
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


def lock_seconds(failed_attempts: int, attempts: int, base_seconds: int) -> int:
    """How long to lock after ``failed_attempts`` wrong PINs in a row (0: not locked).

    ``attempts`` wrong PINs lock for ``base_seconds``; each further one doubles it.
    """
    if failed_attempts < attempts:
        return 0
    extra = min(failed_attempts - attempts, 20)
    return min(base_seconds * 2**extra, MAX_LOCK_SECONDS)


def _validate_pin(pin: str) -> str:
    if not isinstance(pin, str) or not PIN_PATTERN.fullmatch(pin):
        raise InvalidInput("A PIN is 4 to 8 digits.")
    return pin


def _validate_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("Enter the staff member's name.")
    if len(name) > 64:
        raise InvalidInput("A staff name can have at most 64 characters.")
    return name


def _validate_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput(f"The role must be one of: {', '.join(ROLES)}.")
    return role


Actor = StaffView | str
"""Who does something: a signed-in :class:`StaffView` (checked against the permission
table), or a string naming a trusted operator context such as ``"cli"`` or ``"setup"``
(someone at the machine's shell, who could edit the database anyway)."""


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
        return self._hasher.hash(_validate_pin(pin))

    def _verify(self, pin_hash: str, pin: str) -> bool:
        try:
            return self._hasher.verify(pin_hash, pin)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

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
            return [_view(u) for u in s.scalars(q)]

    def names(self) -> list[str]:
        """Active staff names for the sign-in screen."""
        return [u.name for u in self.list(include_inactive=False)]

    @validated(staff_id=ID)
    def get(self, staff_id: int) -> StaffView:
        with self._db.read() as s:
            return _view(self._by_id(s, staff_id))

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
        name = _validate_name(name)
        role = _validate_role(role)
        pin_hash = self.hash_pin(pin)
        who = self._check_manage(by, role)
        with self._db.uow() as uow:
            s = uow.session
            if self._by_name(s, name) is not None:
                raise InvalidInput(f"There is already a staff member called {name}.")
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
            view = _view(user)
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
            _validate_role(role)
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
                return _view(user)
            user.updated_at = self.clock.now()
            self._audit(s, who, "staff.update", user, before=before, after=after)
            view = _view(user)
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
            view = _view(user)
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
                self._verify(self._dummy(), pin or "0000")  # same time as a real check
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
            if not self._verify(user.pin_hash, pin or ""):
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
            if self._hasher.check_needs_rehash(user.pin_hash):
                user.pin_hash = self._hasher.hash(pin)
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login = now
            self._audit(s, user.name, "staff.login", user, after={"role": user.role})
            view = _view(user)
            uow.commit()
        return view

    @validated(reason=Text(32, label="Reason"))
    def logout(self, staff: StaffView, reason: str = "manual") -> None:
        """Record a sign-out; ``reason`` is "manual", "idle" (auto-logout), "closed" or
        "exit_kiosk"."""
        _signed_in(staff)
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
        _signed_in(staff)
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
            current = _view(user) if user is not None else None
        if current is not None and current.active and current.can(permission):
            return current
        message = _DENIED.get(permission, "You are not allowed to do that.")
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


def _signed_in(staff: object) -> None:
    if not isinstance(staff, StaffView):
        raise PermissionDenied("Sign in again to do that.")


def duration_text(seconds: int) -> str:
    """``30 seconds``, ``2 minutes``, ``3 hours``: how long a lock-out lasts, in a message."""
    if seconds < 90:
        return f"{seconds} seconds"
    if seconds < 5400:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"


class StaffActions:
    """Every change the admin panel makes, each checked against the actor's role first.

    The UI calls these instead of the plain services, so a cashier's refund is refused
    here whatever the screen shows. The wrapped services write the audit entries.
    """

    def __init__(
        self,
        staff: StaffService,
        orders: OrderService,
        payments: PaymentService,
        loyalty: LoyaltyService,
        customers: CustomerService,
        menu: MenuService,
        settings: SettingsService,
        export: ExportService | None = None,
        privacy: PrivacyService | None = None,
    ) -> None:
        self.staff = staff
        self._export = export
        self._privacy = privacy
        self._orders = orders
        self._payments = payments
        self._loyalty = loyalty
        self._customers = customers
        self._menu = menu
        self._settings = settings

    @classmethod
    def from_store(cls, store: Any) -> StaffActions:
        """Wire from anything shaped like :class:`kiosk.app.Store`."""
        from kiosk.services.export import ExportService
        from kiosk.services.privacy import PrivacyService

        staff = getattr(store, "staff", None) or StaffService(
            store.db, store.current_settings, store.events, store.clock
        )
        privacy = PrivacyService(store.db, store.current_settings, staff, staff.clock)
        return cls(
            staff,
            store.orders,
            store.payments,
            store.loyalty,
            store.customers,
            store.menu,
            store.settings,
            ExportService(store.db, store.current_settings, store.clock),
            privacy,
        )

    def _who(self, actor: StaffView, permission: Permission) -> str:
        return self.staff.authorize(actor, permission).name

    # orders and payments
    def set_status(self, actor: StaffView, order_id: int, status: str) -> OrderView:
        return self._orders.set_status(order_id, status, self._who(actor, Permission.ORDER_STATUS))

    def mark_paid(self, actor: StaffView, order_id: int, method: str) -> PaymentResult:
        return self._payments.mark_paid(order_id, method, self._who(actor, Permission.MARK_PAID))

    def refund(self, actor: StaffView, transaction_id: str, reason: str) -> PaymentResult:
        who = self._who(actor, Permission.REFUND)
        return self._payments.refund(transaction_id, who, reason)

    # members
    def update_member(self, actor: StaffView, customer_id: int, **fields: Any) -> MemberView:
        who = self._who(
            actor, Permission.MEMBER_PHONE if "phone" in fields else Permission.MEMBER_EDIT
        )
        return self._customers.update(customer_id, who, **fields)

    def adjust_points(self, actor: StaffView, phone: str, points: int, reason: str) -> int:
        who = self._who(actor, Permission.POINTS_ADJUST)
        return self._loyalty.adjust(phone, points, reason, who)

    # menu
    def set_available(self, actor: StaffView, item_id: int, available: bool) -> MenuItemView:
        who = self._who(actor, Permission.MENU_AVAILABILITY)
        return self._menu.set_available(item_id, available, who)

    def update_item(self, actor: StaffView, item_id: int, **fields: Any) -> MenuItemView:
        if not fields:
            raise InvalidInput("Nothing to change.")
        if set(fields) == {"available"}:
            available = fields["available"]
            if not isinstance(available, bool):
                raise InvalidInput("Available is yes or no.")
            return self.set_available(actor, item_id, available)
        who = self._who(actor, Permission.MENU_EDIT)
        if isinstance(fields.get("price"), float):  # a spin box's value; the service checks it
            fields["price"] = Decimal(str(fields["price"]))
        return self._menu.update_item(item_id, who, **fields)

    # option groups and options (size, spice level, extras): like editing prices
    def add_option_group(
        self,
        actor: StaffView,
        item_id: int,
        name_en: str,
        name_th: str,
        min_select: int = 0,
        max_select: int = 1,
    ) -> OptionGroupView:
        who = self._who(actor, Permission.MENU_EDIT)
        return self._menu.add_option_group(item_id, name_en, name_th, min_select, max_select, who)

    def update_option_group(
        self, actor: StaffView, group_id: int, **fields: Any
    ) -> OptionGroupView:
        who = self._who(actor, Permission.MENU_EDIT)
        return self._menu.update_option_group(group_id, who, **fields)

    def delete_option_group(self, actor: StaffView, group_id: int) -> MenuItemView:
        who = self._who(actor, Permission.MENU_EDIT)
        return self._menu.delete_option_group(group_id, who)

    def add_option(
        self,
        actor: StaffView,
        group_id: int,
        name_en: str,
        name_th: str,
        price_delta: Decimal | int | str = 0,
        is_default: bool = False,
        available: bool = True,
    ) -> OptionView:
        who = self._who(actor, Permission.MENU_EDIT)
        return self._menu.add_option(
            group_id, name_en, name_th, price_delta, is_default, available, who
        )

    def update_option(self, actor: StaffView, option_id: int, **fields: Any) -> OptionView:
        """Any role may mark an option sold out (like a dish); other changes need a manager."""
        permission = (
            Permission.MENU_AVAILABILITY if set(fields) <= {"available"} else Permission.MENU_EDIT
        )
        who = self._who(actor, permission)
        return self._menu.update_option(option_id, who, **fields)

    def delete_option(self, actor: StaffView, option_id: int) -> MenuItemView:
        who = self._who(actor, Permission.MENU_EDIT)
        return self._menu.delete_option(option_id, who)

    # settings
    def update_settings(self, actor: StaffView, changes: Mapping[str, Any]) -> Settings:
        who = self._who(actor, Permission.SETTINGS)
        current = self._settings.current()
        if (
            "store.promptpay_id" in changes
            and str(changes["store.promptpay_id"]) != current.store.promptpay_id
        ):
            self._who(actor, Permission.SETTINGS_PROMPTPAY)
        return self._settings.update(changes, who)

    # staff accounts
    def create_staff(self, actor: StaffView, name: str, role: str, pin: str) -> StaffView:
        return self.staff.create(name, role, pin, by=actor)

    def update_staff(self, actor: StaffView, staff_id: int, **fields: Any) -> StaffView:
        return self.staff.update(staff_id, actor, **fields)

    def unlock_staff(self, actor: StaffView, staff_id: int) -> StaffView:
        return self.staff.unlock(staff_id, actor)

    # export
    def export_csv(
        self,
        actor: StaffView,
        kind: str,
        start: date,
        end: date,
        path: Path,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        who = self._who(actor, Permission.EXPORT)
        if self._export is None:
            raise InvalidInput("Export is not available.")
        return self._export.export(kind, start, end, path, who, progress, cancelled)

    # PDPA (the privacy service checks the role itself and audits)
    def export_member(self, actor: StaffView, customer_id: int, path: Path) -> Path:
        if self._privacy is None:
            raise InvalidInput("Member export is not available.")
        return self._privacy.export_member_json(actor, customer_id, path)

    def erase_member(self, actor: StaffView, customer_id: int, reason: str) -> MemberView:
        if self._privacy is None:
            raise InvalidInput("Erasing members is not available.")
        return self._privacy.erase_member(actor, customer_id, reason)

    def require(self, actor: StaffView, permission: Permission) -> StaffView:
        """For read-only screens (audit log, export) and leaving kiosk mode."""
        return self.staff.authorize(actor, permission)


__all__ = [
    "ROLES",
    "ROLE_PERMISSIONS",
    "Permission",
    "StaffActions",
    "StaffService",
    "StaffView",
    "can",
    "lock_seconds",
]
