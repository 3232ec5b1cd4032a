"""Staff roles, what each may do, and the signed-in account as the services hand it out.

Shared by :mod:`kiosk.services.staff` (accounts, sign-in, the role-checked actions) and the
services that check a role themselves (:mod:`kiosk.services.privacy`), so neither has to
import the other. The table of who may do what is in :mod:`kiosk.services.staff`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.db.models import StaffRole


class Permission(enum.StrEnum):
    VIEW = "view"
    ORDER_STATUS = "order.status"
    MARK_PAID = "payment.mark_paid"
    REPRINT = "order.reprint"
    MENU_AVAILABILITY = "menu.availability"
    MEMBER_EDIT = "member.edit"
    MEMBER_PHONE = "member.phone"  # the phone number is the key to a member's points
    POINTS_ADJUST = "points.adjust"
    REFUND = "payment.refund"
    MENU_EDIT = "menu.edit"
    SETTINGS = "settings.update"
    SETTINGS_PROMPTPAY = "settings.promptpay"
    AUDIT_VIEW = "audit.view"
    EXPORT = "export"
    STAFF_MANAGE = "staff.manage"
    STAFF_MANAGE_OWNERS = "staff.manage_owners"
    EXIT_KIOSK = "kiosk.exit"
    MEMBER_EXPORT = "member.export"  # PDPA: one member's data as JSON
    MEMBER_ERASE = "member.erase"  # PDPA: anonymise a member


_CASHIER = frozenset(
    {
        Permission.VIEW,
        Permission.ORDER_STATUS,
        Permission.MARK_PAID,
        Permission.REPRINT,
        Permission.MENU_AVAILABILITY,
        Permission.MEMBER_EDIT,
    }
)
_MANAGER = _CASHIER | {
    Permission.MEMBER_PHONE,
    Permission.POINTS_ADJUST,
    Permission.REFUND,
    Permission.MENU_EDIT,
    Permission.SETTINGS,
    Permission.AUDIT_VIEW,
    Permission.EXPORT,
    Permission.STAFF_MANAGE,
    Permission.EXIT_KIOSK,
    Permission.MEMBER_EXPORT,
    Permission.MEMBER_ERASE,
}
ROLE_PERMISSIONS: Mapping[str, frozenset[Permission]] = {
    StaffRole.CASHIER.value: _CASHIER,
    StaffRole.MANAGER.value: frozenset(_MANAGER),
    StaffRole.OWNER.value: frozenset(set(Permission)),
}


def can(role: str, permission: Permission) -> bool:
    """What a role may do, for showing or hiding buttons. The services check again."""
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


@dataclass(frozen=True)
class StaffView:
    id: int
    name: str
    role: str
    active: bool
    failed_attempts: int = 0
    locked_until: datetime | None = None
    last_login: datetime | None = None
    created_at: datetime | None = None

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)


class Authorizer(Protocol):
    """What a service needs to check a role: :meth:`kiosk.services.staff.StaffService.authorize`."""

    def authorize(self, actor: StaffView, permission: Permission) -> StaffView: ...


__all__ = ["ROLE_PERMISSIONS", "Authorizer", "Permission", "StaffView", "can"]
