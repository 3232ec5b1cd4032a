"""Who may do what (the table is in :mod:`kiosk.services.staff`, the rules in
:mod:`kiosk.services.roles`) and how a refusal is said: the words the staff see when
:meth:`~kiosk.services.staff.StaffService.authorize` refuses."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.services.errors import PermissionDenied
from kiosk.services.roles import ROLE_PERMISSIONS, Permission, StaffView, can

DENIED: Mapping[Permission, str] = {
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


def denied_message(permission: Permission) -> str:
    """What to tell someone whose role does not allow ``permission``."""
    return DENIED.get(permission, "You are not allowed to do that.")


Actor = StaffView | str
"""Who does something: a signed-in :class:`StaffView` (checked against the permission
table), or a string naming a trusted operator context such as ``"cli"`` or ``"setup"``
(someone at the machine's shell, who could edit the database anyway)."""


def require_signed_in(staff: object) -> None:
    if not isinstance(staff, StaffView):
        raise PermissionDenied("Sign in again to do that.")


__all__ = [
    "DENIED",
    "ROLE_PERMISSIONS",
    "Actor",
    "Permission",
    "StaffView",
    "can",
    "denied_message",
    "require_signed_in",
]
