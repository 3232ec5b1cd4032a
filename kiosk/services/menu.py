"""The menu: categories, items with Thai and English names, option groups, sold-out flags."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kiosk.db import Database
from kiosk.db.models import AuditLog, Category, MenuItem, OptionGroup
from kiosk.services.errors import MenuItemNotFound
from kiosk.services.events import EventBus, MenuChanged
from kiosk.services.money import to_money
from kiosk.services.views import CategoryView, MenuItemView, OptionGroupView, OptionView


def item_view(item: MenuItem) -> MenuItemView:
    return MenuItemView(
        id=item.id,
        name_en=item.name_en,
        name_th=item.name_th,
        price=item.price,
        category=item.category.name_en,
        category_th=item.category.name_th,
        category_id=item.category_id,
        description_en=item.description_en,
        description_th=item.description_th,
        available=item.available,
        image=item.image,
        option_groups=tuple(
            OptionGroupView(
                id=g.id,
                name_en=g.name_en,
                name_th=g.name_th,
                min_select=g.min_select,
                max_select=g.max_select,
                options=tuple(
                    OptionView(
                        id=o.id,
                        name_en=o.name_en,
                        name_th=o.name_th,
                        price_delta=o.price_delta,
                        is_default=o.is_default,
                        available=o.available,
                    )
                    for o in g.options
                ),
            )
            for g in item.option_groups
        ),
    )


def _item_query():  # type: ignore[no-untyped-def]
    return select(MenuItem).options(
        selectinload(MenuItem.category),
        selectinload(MenuItem.option_groups).selectinload(OptionGroup.options),
    )


class MenuService:
    def __init__(self, db: Database, bus: EventBus) -> None:
        self._db = db
        self._bus = bus

    def categories(self) -> list[CategoryView]:
        with self._db.read() as s:
            rows = s.scalars(
                select(Category).where(Category.active).order_by(Category.position, Category.id)
            )
            return [CategoryView(c.id, c.name_en, c.name_th, c.position) for c in rows]

    def items(self, include_inactive: bool = False) -> list[MenuItemView]:
        """Every item of active categories, in menu order; sold-out items included."""
        with self._db.read() as s:
            q = (
                _item_query()
                .join(MenuItem.category)
                .order_by(Category.position, Category.id, MenuItem.position, MenuItem.id)
            )
            if not include_inactive:
                q = q.where(MenuItem.active, Category.active)
            return [item_view(i) for i in s.scalars(q)]

    def item(self, item_id: int) -> MenuItemView:
        with self._db.read() as s:
            return item_view(self._get(s, item_id))

    @staticmethod
    def _get(s: Session, item_id: int) -> MenuItem:
        item = s.scalars(_item_query().where(MenuItem.id == item_id)).first()
        if item is None:
            raise MenuItemNotFound(f"Menu item {item_id} does not exist.")
        return item

    def set_available(self, item_id: int, available: bool, staff: str = "") -> MenuItemView:
        """Mark an item sold out (False) or back on sale (True); audited."""
        return self._update(item_id, staff, available=available)

    def set_price(self, item_id: int, price: Decimal | int | str, staff: str = "") -> MenuItemView:
        return self._update(item_id, staff, price=to_money(price))

    def update_item(self, item_id: int, staff: str = "", **fields: object) -> MenuItemView:
        allowed = {
            "name_en",
            "name_th",
            "description_en",
            "description_th",
            "image",
            "price",
            "available",
            "position",
            "category_id",
        }
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"cannot update {sorted(bad)}")
        if "price" in fields:
            fields["price"] = to_money(fields["price"])  # type: ignore[arg-type]
        return self._update(item_id, staff, **fields)

    def _update(self, item_id: int, staff: str, **fields: object) -> MenuItemView:
        with self._db.uow() as uow:
            item = self._get(uow.session, item_id)
            before = {k: str(getattr(item, k)) for k in fields}
            for key, value in fields.items():
                setattr(item, key, value)
            uow.session.add(
                AuditLog(
                    staff=staff or "system",
                    action="menu.update",
                    entity="menu_item",
                    entity_id=str(item_id),
                    before=before,
                    after={k: str(v) for k, v in fields.items()},
                )
            )
            uow.flush()
            view = item_view(item)
            uow.after_commit(lambda: self._bus.publish(MenuChanged(item_id=item_id)))
            uow.commit()
        return view
