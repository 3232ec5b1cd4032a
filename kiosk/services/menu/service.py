"""The menu service: reading the menu and every staff edit (items, option groups,
options), each one unit of work, audited and announced."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db import Database
from kiosk.db.models import Category, MenuItem, Option, OptionGroup
from kiosk.services.audit import audit_row
from kiosk.services.errors import (
    InvalidInput,
    MenuItemNotFound,
    OptionGroupNotFound,
    OptionNotFound,
)
from kiosk.services.events import EventBus, MenuChanged
from kiosk.services.gateway import Clock, SystemClock
from kiosk.services.menu.rules import (
    EN_MISSING,
    GROUP_RULES,
    ITEM_FIELDS,
    NAME_TEXT,
    OPTION_RULES,
    PRICE_DELTA,
    TH_MISSING,
    _check_price_covers_options,
    _flag,
    _item_query,
    _make_default,
    _name,
    _plain,
    _price_delta,
    check_select_range,
)
from kiosk.services.menu.views import (
    group_view,
    item_view,
    option_view,
)
from kiosk.services.money import ZERO, to_money
from kiosk.services.validation import (
    ID,
    PRICE,
    STAFF,
    Flag,
    validated,
)
from kiosk.services.views import CategoryView, MenuItemView, OptionGroupView, OptionView


class MenuService:
    def __init__(self, db: Database, bus: EventBus, clock: Clock | None = None) -> None:
        self._db = db
        self._bus = bus
        self._clock: Clock = clock or SystemClock()

    def categories(self) -> list[CategoryView]:
        with self._db.read() as s:
            rows = s.scalars(
                select(Category).where(Category.active).order_by(Category.position, Category.id)
            )
            return [CategoryView(c.id, c.name_en, c.name_th, c.position) for c in rows]

    @validated(include_inactive=Flag())
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

    @validated(item_id=ID)
    def item(self, item_id: int) -> MenuItemView:
        with self._db.read() as s:
            return item_view(self._get(s, item_id))

    @staticmethod
    def _get(s: Session, item_id: int) -> MenuItem:
        item = s.scalars(_item_query().where(MenuItem.id == item_id)).first()
        if item is None:
            raise MenuItemNotFound(f"Menu item {item_id} does not exist.")
        return item

    @validated(item_id=ID, available=Flag(label="Available"), staff=STAFF)
    def set_available(self, item_id: int, available: bool, staff: str = "") -> MenuItemView:
        """Mark an item sold out (False) or back on sale (True); audited."""
        return self._update(item_id, staff, available=available)

    @validated(item_id=ID, price=PRICE, staff=STAFF)
    def set_price(self, item_id: int, price: Decimal | int | str, staff: str = "") -> MenuItemView:
        return self._update(item_id, staff, price=to_money(price))

    @validated(item_id=ID, staff=STAFF, fields=ITEM_FIELDS)
    def update_item(self, item_id: int, staff: str = "", **fields: object) -> MenuItemView:
        """Change a dish. ``spice_level`` 0..3, ``allergens`` a list of codes from
        :data:`ALLERGENS`, ``upsell`` yes/no (suggested with orders)."""
        if "price" in fields:
            fields["price"] = to_money(fields["price"])  # type: ignore[arg-type]
        if "allergens" in fields:
            fields["allergens"] = ",".join(fields["allergens"])  # type: ignore[arg-type]
        return self._update(item_id, staff, **fields)

    def _update(self, item_id: int, staff: str, **fields: object) -> MenuItemView:
        with self._db.uow() as uow:
            item = self._get(uow.session, item_id)
            if "category_id" in fields and uow.session.get(Category, fields["category_id"]) is None:
                raise InvalidInput("That category does not exist.", "category_id")
            if "price" in fields:
                _check_price_covers_options(item, fields["price"])  # type: ignore[arg-type]
            before = {k: str(getattr(item, k)) for k in fields}
            for key, value in fields.items():
                setattr(item, key, value)
            uow.session.add(
                audit_row(
                    self._clock,
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

    # -- option groups and options --------------------------------------------------------
    @staticmethod
    def _group(s: Session, group_id: int) -> OptionGroup:
        group = s.get(OptionGroup, group_id)
        if group is None:
            raise OptionGroupNotFound(f"Option group {group_id} does not exist.")
        return group

    @staticmethod
    def _option(s: Session, option_id: int) -> Option:
        option = s.get(Option, option_id)
        if option is None:
            raise OptionNotFound(f"Option {option_id} does not exist.")
        return option

    def _audit(
        self,
        s: Session,
        staff: str,
        action: str,
        entity: str,
        entity_id: int,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        s.add(
            audit_row(
                self._clock,
                staff=staff or "system",
                action=action,
                entity=entity,
                entity_id=str(entity_id),
                before=before,
                after=after,
            )
        )

    def _announce(self, uow: Any, item_id: int) -> None:
        uow.after_commit(lambda: self._bus.publish(MenuChanged(item_id=item_id)))

    @validated(group_id=ID)
    def option_group(self, group_id: int) -> OptionGroupView:
        with self._db.read() as s:
            return group_view(self._group(s, group_id))

    @validated(item_id=ID, name_en=NAME_TEXT, name_th=NAME_TEXT, staff=STAFF)
    def add_option_group(
        self,
        item_id: int,
        name_en: str,
        name_th: str,
        min_select: int = 0,
        max_select: int = 1,
        staff: str = "",
    ) -> OptionGroupView:
        """A new, empty group at the end of the item's groups (add its options next).

        ``min_select``/``max_select``: how many options a customer picks; ``0 <= min <= max``
        and ``max >= 1``. A group with ``min_select >= 1`` is required."""
        en, th = _name(name_en, EN_MISSING), _name(name_th, TH_MISSING)
        lo, hi = check_select_range(min_select, max_select)
        with self._db.uow() as uow:
            s = uow.session
            item = self._get(s, item_id)
            position = max((g.position for g in item.option_groups), default=-1) + 1
            group = OptionGroup(
                name_en=en, name_th=th, min_select=lo, max_select=hi, position=position
            )
            item.option_groups.append(group)
            uow.flush()
            after = {
                "item_id": item_id,
                "name_en": en,
                "name_th": th,
                "min_select": lo,
                "max_select": hi,
            }
            self._audit(s, staff, "menu.group.create", "option_group", group.id, after=after)
            view = group_view(group)
            self._announce(uow, item_id)
            uow.commit()
        return view

    @validated(group_id=ID, staff=STAFF, fields=GROUP_RULES)
    def update_option_group(
        self, group_id: int, staff: str = "", **fields: object
    ) -> OptionGroupView:
        """Rename a group or change how many options customers choose."""
        with self._db.uow() as uow:
            s = uow.session
            group = self._group(s, group_id)
            wanted: dict[str, object] = {}
            for key in ("name_en", "name_th"):
                if key in fields:
                    wanted[key] = _name(fields[key], EN_MISSING if key == "name_en" else TH_MISSING)
            lo, hi = check_select_range(
                fields.get("min_select", group.min_select),
                fields.get("max_select", group.max_select),
            )
            wanted["min_select"], wanted["max_select"] = lo, hi
            defaults = sum(1 for o in group.options if o.is_default)
            if defaults > hi:
                raise InvalidInput(
                    f"{defaults} options of this group are chosen by default: untick some "
                    f"before lowering the maximum to {hi}."
                )
            changed = {k: v for k, v in wanted.items() if getattr(group, k) != v}
            if changed:
                before = {k: getattr(group, k) for k in changed}
                for key, value in changed.items():
                    setattr(group, key, value)
                _check_price_covers_options(group.item)
                self._audit(
                    s, staff, "menu.group.update", "option_group", group.id, before, changed
                )
                self._announce(uow, group.item_id)
            uow.flush()
            view = group_view(group)
            uow.commit()
        return view

    @validated(group_id=ID, staff=STAFF)
    def delete_option_group(self, group_id: int, staff: str = "") -> MenuItemView:
        """Remove a group and its options. Past orders keep their snapshot."""
        with self._db.uow() as uow:
            s = uow.session
            group = self._group(s, group_id)
            item = self._get(s, group.item_id)
            before = {
                "item_id": item.id,
                "name_en": group.name_en,
                "name_th": group.name_th,
                "options": [o.name_en for o in group.options],
            }
            item.option_groups.remove(group)
            self._audit(s, staff, "menu.group.delete", "option_group", group_id, before=before)
            uow.flush()
            view = item_view(item)
            self._announce(uow, item.id)
            uow.commit()
        return view

    @validated(
        group_id=ID,
        name_en=NAME_TEXT,
        name_th=NAME_TEXT,
        price_delta=PRICE_DELTA,
        is_default=Flag(),
        available=Flag(),
        staff=STAFF,
    )
    def add_option(
        self,
        group_id: int,
        name_en: str,
        name_th: str,
        price_delta: Decimal | int | str = ZERO,
        is_default: bool = False,
        available: bool = True,
        staff: str = "",
    ) -> OptionView:
        """A new option at the end of the group. ``price_delta`` may be negative (a smaller
        portion), but never more than the dish's price. In a choose-one group a new default
        replaces the old one."""
        en, th = _name(name_en, EN_MISSING), _name(name_th, TH_MISSING)
        default, on_sale = _flag(is_default), _flag(available)
        with self._db.uow() as uow:
            s = uow.session
            group = self._group(s, group_id)
            delta = _price_delta(price_delta, group.item)
            option = Option(
                name_en=en,
                name_th=th,
                price_delta=delta,
                is_default=False,
                available=on_sale,
                position=max((o.position for o in group.options), default=-1) + 1,
            )
            group.options.append(option)
            if default:
                _make_default(group, option)
            _check_price_covers_options(group.item)
            uow.flush()
            after = {
                "group_id": group.id,
                "name_en": en,
                "name_th": th,
                "price_delta": str(delta),
                "is_default": default,
                "available": on_sale,
            }
            self._audit(s, staff, "menu.option.create", "option", option.id, after=after)
            view = option_view(option)
            self._announce(uow, group.item_id)
            uow.commit()
        return view

    @validated(option_id=ID, staff=STAFF, fields=OPTION_RULES)
    def update_option(self, option_id: int, staff: str = "", **fields: object) -> OptionView:
        """Rename, re-price, make default, or mark an option sold out (``available``)."""
        with self._db.uow() as uow:
            s = uow.session
            option = self._option(s, option_id)
            group = option.group
            wanted: dict[str, object] = {}
            for key in ("name_en", "name_th"):
                if key in fields:
                    wanted[key] = _name(fields[key], EN_MISSING if key == "name_en" else TH_MISSING)
            if "price_delta" in fields:
                wanted["price_delta"] = _price_delta(fields["price_delta"], group.item)
            for key in ("is_default", "available"):
                if key in fields:
                    wanted[key] = _flag(fields[key])
            changed = {k: v for k, v in wanted.items() if getattr(option, k) != v}
            if changed:
                before = {k: _plain(getattr(option, k)) for k in changed}
                for key, value in changed.items():
                    if key != "is_default":
                        setattr(option, key, value)
                if changed.get("is_default") is True:
                    _make_default(group, option)
                elif changed.get("is_default") is False:
                    option.is_default = False
                _check_price_covers_options(group.item)
                after = {k: _plain(v) for k, v in changed.items()}
                self._audit(s, staff, "menu.option.update", "option", option.id, before, after)
                self._announce(uow, group.item_id)
            uow.flush()
            view = option_view(option)
            uow.commit()
        return view

    @validated(option_id=ID, staff=STAFF)
    def delete_option(self, option_id: int, staff: str = "") -> MenuItemView:
        """Remove an option. Past orders keep their snapshot of it."""
        with self._db.uow() as uow:
            s = uow.session
            option = self._option(s, option_id)
            group = option.group
            item = self._get(s, group.item_id)
            before = {
                "group_id": group.id,
                "name_en": option.name_en,
                "name_th": option.name_th,
                "price_delta": str(option.price_delta),
            }
            group.options.remove(option)
            self._audit(s, staff, "menu.option.delete", "option", option_id, before=before)
            uow.flush()
            view = item_view(item)
            self._announce(uow, item.id)
            uow.commit()
        return view
