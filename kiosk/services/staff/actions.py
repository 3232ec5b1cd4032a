"""The role-checked facade the admin panel calls (:class:`StaffActions`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kiosk.config import Settings
from kiosk.services.errors import InvalidInput
from kiosk.services.roles import Permission, StaffView

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
    from kiosk.services.staff.accounts import StaffService
    from kiosk.services.views import (
        MemberView,
        MenuItemView,
        OptionGroupView,
        OptionView,
        OrderView,
    )


class StaffActions:
    """Every change the admin panel makes, each checked against the actor's role first.

    The UI calls these instead of the plain services, so a cashier's refund is refused
    here whatever the screen shows. The wrapped services write the audit entries. Built
    once, with the store's own services, by :func:`kiosk.app.build_store`
    (``store.actions``).
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
        export: ExportService,
        privacy: PrivacyService,
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
        return self._export.export(kind, start, end, path, who, progress, cancelled)

    # PDPA (the privacy service checks the role itself and audits)
    def export_member(self, actor: StaffView, customer_id: int, path: Path) -> Path:
        return self._privacy.export_member_json(actor, customer_id, path)

    def erase_member(self, actor: StaffView, customer_id: int, reason: str) -> MemberView:
        return self._privacy.erase_member(actor, customer_id, reason)

    def require(self, actor: StaffView, permission: Permission) -> StaffView:
        """For read-only screens (audit log, export) and leaving kiosk mode."""
        return self.staff.authorize(actor, permission)


__all__ = ["StaffActions"]
