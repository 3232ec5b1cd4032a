"""PDPA: a member's own data as JSON (the right of access) and erasure (the right to be
forgotten), both for a manager or the owner, both audited.

Erasure anonymises, it does not delete: the shop must keep its accounts (orders, payments,
VAT, points issued and redeemed), so the customer row, the membership totals, the loyalty
transactions and the orders stay, with every personal field emptied:

- names, e-mail, gender, birth date, address: emptied; marketing consent: withdrawn;
- the phone number: replaced by ``erased:<id>``, unique (the column stays unique) and not a
  phone number, so no typed number can ever find the row again;
- the name and phone copied onto each of the member's orders for display: emptied;
- the values of earlier profile edits in the audit log: replaced by ``[erased]``.

Nothing a customer typed survives in the database; the audit log records who erased the
member, when and why (the reason staff give must not itself name the person).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import AuditLog, Customer, LoyaltyTransaction, Order
from kiosk.services.audit import audit_row
from kiosk.services.customers import member_view
from kiosk.services.errors import CustomerNotFound, InvalidInput, ReasonRequired
from kiosk.services.gateway import Clock, SystemClock
from kiosk.services.roles import Authorizer, Permission, StaffView
from kiosk.services.views import MemberView

ERASED_PREFIX = "erased:"
ERASED_VALUE = "[erased]"
EXPORT_FORMAT = "orderup-member-export/1"
PERSONAL_FIELDS = (
    "phone",
    "first_name",
    "last_name",
    "email",
    "gender",
    "birth_date",
    "address",
)


def erased_phone(customer_id: int) -> str:
    """A placeholder that is unique, fits the phone column and is not a phone number."""
    return f"{ERASED_PREFIX}{customer_id}"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


class PrivacyService:
    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        staff: Authorizer,
        clock: Clock | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._staff = staff
        self.clock: Clock = clock or SystemClock()

    @staticmethod
    def _customer(s: Session, customer_id: object) -> Customer:
        if isinstance(customer_id, bool) or not isinstance(customer_id, int):
            raise InvalidInput("The member id must be a whole number.")
        c = None
        if 0 < customer_id < 2**63:
            c = s.get(Customer, customer_id, options=[selectinload(Customer.membership)])
        if c is None:
            raise CustomerNotFound("That member does not exist.")
        return c

    # -- access ---------------------------------------------------------------------------
    def export_member(self, actor: StaffView, customer_id: int) -> dict[str, Any]:
        """Everything the shop holds about one member, as JSON-ready values (audited)."""
        who = self._staff.authorize(actor, Permission.MEMBER_EXPORT).name
        with self._db.uow() as uow:
            s = uow.session
            c = self._customer(s, customer_id)
            m = c.membership
            data: dict[str, Any] = {
                "format": EXPORT_FORMAT,
                "exported_at": self.clock.now().isoformat(),
                "store": self._settings().store.name,
                "member": {
                    "id": c.id,
                    "phone": "" if c.erased_at else c.phone,
                    "first_name": c.first_name,
                    "last_name": c.last_name,
                    "email": c.email,
                    "gender": c.gender,
                    "birth_date": _plain(c.birth_date),
                    "address": c.address,
                    "created_at": _plain(c.created_at),
                    "updated_at": _plain(c.updated_at),
                    "last_visit": _plain(c.last_visit),
                    "erased_at": _plain(c.erased_at),
                },
                "marketing_consent": {
                    "sms": bool(c.sms_marketing),
                    "email": bool(c.email_marketing),
                    "decided_at": _plain(c.marketing_consent_at),
                    "policy_version": c.marketing_policy_version or None,
                },
                "membership": {
                    "points": m.points if m else 0,
                    "lifetime_points": m.lifetime_points if m else 0,
                    "tier": m.tier if m else "",
                    "total_spent": _plain(m.total_spent) if m else "0.00",
                    "visits": m.visits_count if m else 0,
                },
                "loyalty_transactions": [
                    {
                        "type": t.type,
                        "points": t.points,
                        "balance_after": t.balance_after,
                        "reason": t.reason,
                        "order_id": t.order_id,
                        "created_at": _plain(t.created_at),
                    }
                    for t in s.scalars(
                        select(LoyaltyTransaction)
                        .where(LoyaltyTransaction.customer_id == c.id)
                        .order_by(LoyaltyTransaction.id)
                    )
                ],
                "orders": [
                    {
                        "id": o.id,
                        "number": o.number,
                        "created_at": _plain(o.created_at),
                        "status": o.status,
                        "mode": o.mode,
                        "total": _plain(o.total),
                        "discount": _plain(o.discount),
                        "points_earned": o.points_earned,
                        "points_redeemed": o.points_redeemed,
                        "lines": [
                            {
                                "name_en": i.name_en,
                                "name_th": i.name_th,
                                "quantity": i.quantity,
                                "line_total": _plain(i.line_total),
                            }
                            for i in o.items
                        ],
                        # what the kiosk keeps of a card: brand and last four digits only
                        "payments": [
                            {
                                "method": p.method,
                                "amount": _plain(p.amount),
                                "status": p.status,
                                "card": f"{p.card_brand} {p.card_last4}".strip(),
                                "at": _plain(p.settled_at or p.created_at),
                            }
                            for p in o.payments
                        ],
                    }
                    for o in s.scalars(
                        select(Order)
                        .options(selectinload(Order.items), selectinload(Order.payments))
                        .where(Order.customer_id == c.id)
                        .order_by(Order.id)
                    )
                ],
            }
            s.add(
                audit_row(
                    self.clock,
                    at=self.clock.now(),
                    staff=who,
                    action="member.export",
                    entity="customer",
                    entity_id=str(c.id),
                    after={
                        "orders": len(data["orders"]),
                        "transactions": len(data["loyalty_transactions"]),
                    },
                )
            )
            uow.commit()
        return data

    def export_member_json(self, actor: StaffView, customer_id: int, path: Path) -> Path:
        """Write :meth:`export_member` to ``path`` (UTF-8, readable Thai) and return it."""
        data = self.export_member(actor, customer_id)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        path = Path(path)
        tmp = path.with_name(path.name + ".part")
        try:
            tmp.write_text(text + "\n", encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise InvalidInput(f"Cannot write {path.name}: {exc.strerror}.") from None
        return path

    # -- erasure --------------------------------------------------------------------------
    def erase_member(self, actor: StaffView, customer_id: int, reason: str) -> MemberView:
        """Anonymise a member (see the module's docstring); audited, a manager's job."""
        who = self._staff.authorize(actor, Permission.MEMBER_ERASE).name
        reason = (reason or "").strip() if isinstance(reason, str) else ""
        if not reason:
            raise ReasonRequired("Give a reason for erasing the member, e.g. 'asked by e-mail'.")
        if len(reason) > 200:
            raise InvalidInput("The reason can have at most 200 characters.")
        now = self.clock.now()
        with self._db.uow() as uow:
            s = uow.session
            c = self._customer(s, customer_id)
            if c.erased_at is not None:
                raise InvalidInput("This member's personal data was already erased.")
            c.phone = erased_phone(c.id)
            c.first_name = ""
            c.last_name = ""
            c.email = ""
            c.gender = ""
            c.birth_date = None
            c.address = ""
            c.sms_marketing = False
            c.email_marketing = False
            c.marketing_consent_at = now
            c.user_id = None
            c.erased_at = now
            orders = s.scalars(select(Order).where(Order.customer_id == c.id)).all()
            for o in orders:
                o.customer_name = ""
                o.customer_phone = ""
            for row in s.scalars(
                select(AuditLog).where(
                    AuditLog.entity == "customer", AuditLog.entity_id == str(c.id)
                )
            ):
                row.before = _scrub(row.before)
                row.after = _scrub(row.after)
            s.add(
                audit_row(
                    self.clock,
                    at=now,
                    staff=who,
                    action="member.erase",
                    entity="customer",
                    entity_id=str(c.id),
                    after={
                        "reason": reason,
                        "orders_kept": len(orders),
                        "points_kept": c.membership.points if c.membership else 0,
                    },
                )
            )
            uow.flush()
            view = member_view(c, self._settings().loyalty.tiers)
            uow.commit()
        return view


def _scrub(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if not values:
        return values
    return {k: (ERASED_VALUE if k in PERSONAL_FIELDS else v) for k, v in values.items()}


__all__ = ["ERASED_PREFIX", "PrivacyService", "erased_phone"]
