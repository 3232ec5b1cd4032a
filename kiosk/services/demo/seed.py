"""``seed_demo``: the demo menu and members in an empty database; the demo owner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import (
    Category,
    Customer,
    LoyaltyTransaction,
    Membership,
    MenuItem,
    Option,
    OptionGroup,
    tier_for,
)
from kiosk.services.demo.data import (
    DEMO_MEMBERS,
    D,
    demo_data,
)
from kiosk.services.menu import encode_allergens


def _add_menu(s: Session) -> None:
    data = demo_data()
    groups = data["option_groups"]
    for cpos, category in enumerate(data["categories"]):
        cat = Category(
            name_en=category["name_en"], name_th=category["name_th"], position=cpos, active=True
        )
        s.add(cat)
        for ipos, dish in enumerate(category["items"]):
            item = MenuItem(
                category=cat,
                name_en=dish["name_en"],
                name_th=dish["name_th"],
                price=D(dish["price"]),
                image=f"{dish['image']}.png",
                description_en=dish["description_en"],
                description_th=dish["description_th"],
                position=ipos,
                available=not dish["sold_out"],
                active=True,
                spice_level=dish["spice_level"],
                allergens=encode_allergens(dish["allergens"]),
                upsell=dish["upsell"],
            )
            for gpos, key in enumerate(dish["option_groups"]):
                g = groups[key]
                group = OptionGroup(
                    name_en=g["name_en"],
                    name_th=g["name_th"],
                    min_select=g["min"],
                    max_select=g["max"],
                    position=gpos,
                )
                group.options = [
                    Option(
                        name_en=o["name_en"],
                        name_th=o["name_th"],
                        price_delta=D(o["price_delta"]),
                        is_default=o["default"],
                        position=opos,
                        available=True,
                    )
                    for opos, o in enumerate(g["options"])
                ]
                item.option_groups.append(group)
            s.add(item)


def seed_demo(db: Database, settings: Settings, now: datetime | None = None) -> bool:
    """Seed the demo menu and members unless the menu has items. Returns True if seeded."""
    now = now or datetime.now(UTC)
    tiers = settings.loyalty.tiers
    with db.uow() as uow:
        s = uow.session
        if s.scalar(select(func.count(MenuItem.id))):
            return False
        _add_menu(s)
        from kiosk.services.phone import normalize_phone

        for i, (phone, first, last, lifetime, balance) in enumerate(DEMO_MEMBERS):
            customer = Customer(
                phone=normalize_phone(phone, settings.store.phone_region),
                first_name=first,
                last_name=last,
                created_at=now - timedelta(days=200 - i),
            )
            m = Membership(
                points=balance,
                lifetime_points=lifetime,
                tier=tier_for(lifetime, tiers),
                total_spent=D(lifetime * 10),
                visits_count=max(1, lifetime // 40),
            )
            customer.membership = m
            customer.last_visit = now - timedelta(days=i + 1)
            s.add(customer)
            s.flush()
            s.add(
                LoyaltyTransaction(
                    customer_id=customer.id,
                    type="earned",
                    points=lifetime,
                    balance_after=lifetime,
                    reason="Purchases before the demo",
                    created_at=now - timedelta(days=30 + i),
                )
            )
            if lifetime > balance:
                s.add(
                    LoyaltyTransaction(
                        customer_id=customer.id,
                        type="redeemed",
                        points=balance - lifetime,
                        balance_after=balance,
                        reason="Discounts before the demo",
                        created_at=now - timedelta(days=10 + i),
                    )
                )
        uow.commit()
    return True


DEMO_OWNER_NAME = "Demo owner"
DEMO_OWNER_PIN = "2580"


def ensure_demo_owner(staff: Any) -> Any | None:
    """Add the demo owner when the store has no staff at all; returns that account (the
    one added now or earlier), or None when the shop has its own staff."""
    if staff.count() == 0:
        return staff.create(DEMO_OWNER_NAME, "owner", DEMO_OWNER_PIN, by="demo")
    return next((u for u in staff.list() if u.name == DEMO_OWNER_NAME and u.active), None)


def demo_banner(owner: Any | None) -> str:
    """What ``make run`` prints: a windowed demo, how to leave, how to reach the panel."""
    lines = [
        "OrderUp Kiosk: the windowed demo. No money moves: cash, card and PromptPay are",
        "simulated, and the PromptPay QR pays nobody.",
        "Leave: close the window (or Ctrl+C here).",
        "Staff panel: tap the top-left corner of the kiosk five times within 3 seconds,",
    ]
    if owner is not None:
        lines.append(
            f"then staff number {owner.id} and PIN {DEMO_OWNER_PIN} ({owner.name}, owner)."
        )
        lines.append(f"Or run: kiosk admin  (name {owner.name!r}, PIN {DEMO_OWNER_PIN}).")
    else:
        lines.append(
            "then your staff number and PIN (the demo owner is not added: you have staff)."
        )
    return "\n".join(lines)
