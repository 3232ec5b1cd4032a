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

The package, by job: :mod:`.checks` (what a name, PIN and role may be),
:mod:`.permissions` (who may do what, and the refusals in words), :mod:`.lockout` (how
long a lock lasts), :mod:`.accounts` (:class:`StaffService`: accounts, sign-in,
lock-out, the role check) and :mod:`.actions` (:class:`StaffActions`, the role-checked
facade the admin panel calls). All are built once, in :func:`kiosk.app.build_store`.
"""

from kiosk.services.staff.accounts import StaffService, staff_view
from kiosk.services.staff.actions import StaffActions
from kiosk.services.staff.checks import (
    PIN,
    PIN_FORMAT,
    PIN_PATTERN,
    ROLE,
    ROLES,
    STAFF_NAME,
    validate_name,
    validate_pin,
    validate_role,
)
from kiosk.services.staff.lockout import MAX_LOCK_SECONDS, duration_text, lock_seconds
from kiosk.services.staff.permissions import (
    ROLE_PERMISSIONS,
    Actor,
    Permission,
    StaffView,
    can,
    denied_message,
    require_signed_in,
)

__all__ = [
    "MAX_LOCK_SECONDS",
    "PIN",
    "PIN_FORMAT",
    "PIN_PATTERN",
    "ROLE",
    "ROLES",
    "ROLE_PERMISSIONS",
    "STAFF_NAME",
    "Actor",
    "Permission",
    "StaffActions",
    "StaffService",
    "StaffView",
    "can",
    "denied_message",
    "duration_text",
    "lock_seconds",
    "require_signed_in",
    "staff_view",
    "validate_name",
    "validate_pin",
    "validate_role",
]
