"""Spice level, allergens and the upsell flag of a dish: validation at the service
boundary, the round trip through the database, the demo menu, migration 0007."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, text

from kiosk.app import Store
from kiosk.db import Database
from kiosk.db.migrate import downgrade, upgrade
from kiosk.db.models import AuditLog, MenuItem
from kiosk.services.errors import InvalidInput, OutOfRange, PermissionDenied, WrongType
from kiosk.services.menu import ALLERGENS, decode_allergens, encode_allergens, is_drink
from kiosk.services.views import MenuItemView


def _item(store: Store, name_en: str) -> MenuItemView:
    return next(i for i in store.menu.items() if i.name_en == name_en)


def test_marks_round_trip_through_the_database(store: Store) -> None:
    coconut = _item(store, "Fresh Coconut")
    updated = store.menu.update_item(
        coconut.id,
        staff="Malee",
        spice_level=2,
        allergens=["sesame", "peanut", "peanut"],
        upsell=False,
    )
    assert updated.spice_level == 2
    assert updated.allergens == ("peanut", "sesame")  # the list's order, no repeats
    assert updated.upsell is False
    again = store.menu.item(coconut.id)
    assert (again.spice_level, again.allergens, again.upsell) == (2, ("peanut", "sesame"), False)
    with store.db.read() as s:
        assert s.get(MenuItem, coconut.id).allergens == "peanut,sesame"  # compact
        audit = s.scalars(select(AuditLog.after).where(AuditLog.action == "menu.update")).all()
    assert audit[-1] == {"spice_level": "2", "allergens": "peanut,sesame", "upsell": "False"}
    cleared = store.menu.update_item(coconut.id, allergens=(), spice_level=0)
    assert cleared.allergens == () and cleared.spice_level == 0


@pytest.mark.parametrize(
    ("fields", "error", "words"),
    [
        ({"spice_level": 4}, OutOfRange, "from 0 (not spicy) to 3"),
        ({"spice_level": -1}, OutOfRange, "from 0 (not spicy) to 3"),
        ({"spice_level": "2"}, WrongType, "whole number"),
        ({"spice_level": True}, WrongType, "whole number"),
        ({"allergens": ["peanut", "nuts"]}, InvalidInput, "'nuts' is not one of: peanut"),
        ({"allergens": "peanut"}, WrongType, "list of codes"),
        ({"allergens": [1]}, InvalidInput, "is not one of"),
        ({"allergens": ["Peanut"]}, InvalidInput, "is not one of"),
        ({"upsell": "yes"}, WrongType, "Suggest with orders must be yes or no"),
    ],
)
def test_bad_marks_are_refused_and_change_nothing(
    store: Store, fields: dict[str, Any], error: type[Exception], words: str
) -> None:
    tea = _item(store, "Thai Iced Tea")
    with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)")) as info:
        store.menu.update_item(tea.id, staff="Malee", **fields)
    assert isinstance(info.value, InvalidInput)
    assert info.value.field == next(iter(fields))
    assert store.menu.item(tea.id) == tea


def test_staff_need_menu_edit_rights_for_marks(store: Store) -> None:
    actions = store.actions
    cashier = actions.staff.create("Nok", "cashier", "2468")
    manager = actions.staff.create("Malee", "manager", "1357")
    tea = _item(store, "Thai Iced Tea")
    with pytest.raises(PermissionDenied):
        actions.update_item(cashier, tea.id, upsell=False)
    done = actions.update_item(manager, tea.id, upsell=False, allergens=["milk", "soy"])
    assert (done.upsell, done.allergens) == (False, ("milk", "soy"))


def test_allergen_codes_encode_and_decode() -> None:
    assert encode_allergens(["soy", "egg"]) == "egg,soy"
    assert encode_allergens(set()) == ""
    assert decode_allergens("egg,soy") == ("egg", "soy")
    assert decode_allergens("") == ()
    assert decode_allergens("soy,retired_code") == ("soy",)  # a code dropped from the list
    with pytest.raises(InvalidInput):
        encode_allergens(["egg", "celery"])
    assert len(set(ALLERGENS)) == len(ALLERGENS) and all("," not in a for a in ALLERGENS)


def test_demo_menu_has_realistic_marks(store: Store) -> None:
    items = {i.name_en: i for i in store.menu.items()}
    assert "peanut" in items["Pad Thai with Prawns"].allergens
    assert "shellfish" in items["Tom Yum Goong"].allergens
    assert items["Tom Yum Goong"].spice_level == 3
    assert items["Green Papaya Salad"].spice_level == 3
    assert items["Green Curry Chicken"].spice_level >= 2
    assert items["Mango Sticky Rice"].spice_level == 0
    flagged = {name for name, i in items.items() if i.upsell}
    assert flagged and all(is_drink(items[name]) for name in flagged)
    assert not is_drink(items["Mango Sticky Rice"])


def test_migration_0007_adds_and_removes_the_columns(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db, "0006")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO categories (id, name_en, name_th, position, active) "
                          "VALUES (1, 'Drinks', 'เครื่องดื่ม', 0, 1)"))  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO menu_items (id, category_id, name_en, name_th, description_en, "
                "description_th, price, available, image, position, active) VALUES "
                "(1, 1, 'Tea', 'ชา', '', '', 55, 1, '', 0, 1)"
            )
        )
    upgrade(db, "0007")

    def columns() -> set[str]:
        with db.engine.connect() as conn:
            return {r[1] for r in conn.execute(text("PRAGMA table_info(menu_items)"))}

    assert {"spice_level", "allergens", "upsell"} <= columns()
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT spice_level, allergens, upsell FROM menu_items")).one()
    assert tuple(row) == (0, "", 0)  # an existing dish: not spicy, no allergens, not upsold
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE menu_items SET spice_level = 2, allergens = 'milk'"))
    downgrade(db, "0006")
    assert not {"spice_level", "allergens", "upsell"} & columns()
    with db.engine.connect() as conn:  # the dish and what references it survive
        assert conn.execute(text("SELECT name_en FROM menu_items")).scalar() == "Tea"
    upgrade(db)
    assert {"spice_level", "allergens", "upsell"} <= columns()
