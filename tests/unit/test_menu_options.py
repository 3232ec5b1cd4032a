"""Option groups and options edited by staff: validation, defaults, audit, events, roles,
and what customers then see and pay."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.app import Store
from kiosk.db.models import AuditLog, Option, OptionGroup
from kiosk.services.errors import (
    InvalidAmount,
    InvalidInput,
    OptionGroupNotFound,
    OptionNotFound,
    PermissionDenied,
    UnknownField,
)
from kiosk.services.events import MenuChanged
from kiosk.services.views import MenuItemView


def _item(store: Store, name_en: str) -> MenuItemView:
    return next(i for i in store.menu.items() if i.name_en == name_en)


def _audit(store: Store, prefix: str = "menu.") -> list[Any]:
    """Audit rows as plain (detached) rows."""
    a = AuditLog
    with store.db.read() as s:
        q = select(a.staff, a.action, a.entity, a.entity_id, a.before, a.after)
        return list(s.execute(q.where(a.action.startswith(prefix)).order_by(a.id)).all())


def test_new_option_is_on_the_menu_and_priced_in_orders(store: Store) -> None:
    coconut = _item(store, "Fresh Coconut")
    assert coconut.option_groups == ()
    group = store.menu.add_option_group(coconut.id, "Serve", "การเสิร์ฟ", 1, 1, staff="Malee")
    assert (group.name_en, group.name_th, group.min_select, group.max_select) == (
        "Serve",
        "การเสิร์ฟ",
        1,
        1,
    )
    assert group.required and group.options == ()
    plain = store.menu.add_option(group.id, "In the shell", "ทั้งลูก", "0", is_default=True)
    jelly = store.menu.add_option(group.id, "With coconut jelly", "วุ้นมะพร้าว", "15.50")
    shown = store.menu.item(coconut.id)
    (serve,) = shown.option_groups
    assert [o.name_en for o in serve.options] == ["In the shell", "With coconut jelly"]
    assert serve.options[1].price_delta == Decimal("15.50")
    assert serve.options[0].is_default and not serve.options[1].is_default

    order = store.orders.create(
        [{"item_id": coconut.id, "quantity": 2, "options": [jelly.id]}], now=store.clock.now()
    )
    line = order.lines[0]
    assert line.unit_price == coconut.price + Decimal("15.50")
    assert line.line_total == 2 * line.unit_price
    assert line.options[0]["name_th"] == "วุ้นมะพร้าว"
    assert line.options[0]["group_en"] == "Serve"
    # nothing chosen in a required group: its default
    default = store.orders.create([{"item_id": coconut.id}], now=store.clock.now())
    assert default.lines[0].options[0]["id"] == plain.id
    assert default.total == coconut.price


def test_negative_price_delta_down_to_the_dish_price(store: Store) -> None:
    tea = _item(store, "Thai Iced Tea")
    size = next(g for g in tea.option_groups if g.name_en == "Size")
    small = store.menu.add_option(size.id, "Small", "เล็ก", "-10")
    assert small.price_delta == Decimal("-10.00")
    quote = store.orders.quote([{"item_id": tea.id, "options": [small.id]}])
    assert quote.lines[0].unit_price == tea.price - 10
    free = store.menu.add_option(size.id, "Tasting cup", "ถ้วยชิม", -tea.price)
    assert free.price_delta == -tea.price
    with pytest.raises(InvalidAmount, match="at most"):
        store.menu.add_option(size.id, "Too cheap", "ถูกไป", -tea.price - Decimal("0.01"))
    with pytest.raises(InvalidAmount, match="at most"):
        store.menu.update_option(small.id, price_delta=str(-tea.price - 1))
    with pytest.raises(InvalidAmount):
        store.menu.add_option(size.id, "Float", "ลอย", 1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount):
        store.menu.add_option(size.id, "Satang", "สตางค์", "1.005")
    # the dish cannot become cheaper than what an option takes off
    with pytest.raises(InvalidAmount, match="at least"):
        store.menu.set_price(tea.id, tea.price - 1)
    store.menu.delete_option(free.id)
    assert store.menu.set_price(tea.id, "10").price == Decimal("10.00")


@pytest.mark.parametrize(
    ("lo", "hi", "message"),
    [
        (0, 0, "at least one"),
        (2, 1, "more than the maximum"),
        (-1, 1, "below zero"),
        (0, 21, "at most 20"),
        (True, 1, "whole number"),
        ("x", 1, "whole number"),
    ],
)
def test_group_choice_rules_are_checked(store: Store, lo: object, hi: object, message: str) -> None:
    item = _item(store, "Fresh Coconut")
    with pytest.raises(InvalidInput, match=message):
        store.menu.add_option_group(item.id, "Serve", "เสิร์ฟ", lo, hi)  # type: ignore[arg-type]
    assert store.menu.item(item.id).option_groups == ()
    group = store.menu.add_option_group(item.id, "Serve", "เสิร์ฟ", 0, 1)
    with pytest.raises(InvalidInput, match=message):
        store.menu.update_option_group(group.id, min_select=lo, max_select=hi)
    assert store.menu.option_group(group.id).max_select == 1


def test_names_are_required_in_both_languages(store: Store) -> None:
    item = _item(store, "Fresh Coconut")
    with pytest.raises(InvalidInput, match="English name"):
        store.menu.add_option_group(item.id, "  ", "เสิร์ฟ")
    with pytest.raises(InvalidInput, match="Thai name"):
        store.menu.add_option_group(item.id, "Serve", "")
    group = store.menu.add_option_group(item.id, " Serve ", " เสิร์ฟ ")
    assert (group.name_en, group.name_th) == ("Serve", "เสิร์ฟ")
    with pytest.raises(InvalidInput, match="Thai name"):
        store.menu.add_option(group.id, "Cold", " ")
    with pytest.raises(InvalidInput, match="at most 100"):
        store.menu.update_option_group(group.id, name_en="x" * 101)
    with pytest.raises(UnknownField, match="cannot be updated: position"):
        store.menu.update_option_group(group.id, position=3)
    with pytest.raises(UnknownField, match="cannot be updated: group_id"):
        store.menu.update_option(1, group_id=3)


def test_rename_and_rules_of_an_existing_group(store: Store) -> None:
    pad_thai = _item(store, "Pad Thai with Prawns")
    extras = next(g for g in pad_thai.option_groups if g.name_en == "Extras")
    renamed = store.menu.update_option_group(
        extras.id, name_en="Add-ons", name_th="ท็อปปิ้ง", max_select=2
    )
    assert (renamed.name_en, renamed.name_th, renamed.min_select, renamed.max_select) == (
        "Add-ons",
        "ท็อปปิ้ง",
        0,
        2,
    )
    groups = store.menu.item(pad_thai.id).option_groups
    assert [g.name_en for g in groups] == ["Spice level", "Size", "Add-ons"]  # order kept
    entry = _audit(store, "menu.group.update")[-1]
    assert entry.before == {"name_en": "Extras", "name_th": "เพิ่มเติม", "max_select": 3}
    assert entry.after == {"name_en": "Add-ons", "name_th": "ท็อปปิ้ง", "max_select": 2}
    # nothing changed: nothing written
    store.menu.update_option_group(extras.id, name_en="Add-ons")
    assert len(_audit(store, "menu.group.update")) == 1


def test_defaults_follow_the_group_rules(store: Store) -> None:
    pad_thai = _item(store, "Pad Thai with Prawns")
    size = next(g for g in pad_thai.option_groups if g.name_en == "Size")
    regular, large = size.options
    assert regular.is_default
    store.menu.update_option(large.id, is_default=True)  # choose one: the default moves
    size = store.menu.option_group(size.id)
    assert [o.is_default for o in size.options] == [False, True]
    jumbo = store.menu.add_option(size.id, "Jumbo", "จัมโบ้", 40, is_default=True)
    assert [o.is_default for o in store.menu.option_group(size.id).options] == [
        False,
        False,
        True,
    ]
    store.menu.update_option(jumbo.id, is_default=False)
    assert not any(o.is_default for o in store.menu.option_group(size.id).options)

    extras = next(g for g in pad_thai.option_groups if g.name_en == "Extras")
    store.menu.update_option_group(extras.id, max_select=2)
    egg, chicken, prawns = extras.options
    store.menu.update_option(egg.id, is_default=True)
    store.menu.update_option(chicken.id, is_default=True)
    with pytest.raises(InvalidInput, match="At most 2"):
        store.menu.update_option(prawns.id, is_default=True)
    with pytest.raises(InvalidInput, match="untick some"):
        store.menu.update_option_group(extras.id, max_select=1)
    assert [o.is_default for o in store.menu.option_group(extras.id).options] == [
        True,
        True,
        False,
    ]


def test_changes_are_audited_and_announced_after_commit(store: Store) -> None:
    heard: list[MenuChanged] = []
    store.events.subscribe(heard.append, MenuChanged)  # type: ignore[arg-type]
    item = _item(store, "Mango Sticky Rice")
    group = store.menu.add_option_group(item.id, "Topping", "ท็อปปิ้ง", 0, 2, staff="Malee")
    option = store.menu.add_option(group.id, "Sesame", "งา", "5", staff="Malee")
    store.menu.update_option(option.id, available=False, staff="Nok")
    store.menu.update_option(option.id, available=False, staff="Nok")  # no change
    with pytest.raises(InvalidInput):
        store.menu.add_option(group.id, "", "งา")
    store.menu.delete_option(option.id, staff="Malee")
    store.menu.delete_option_group(group.id, staff="Malee")
    assert [e.item_id for e in heard] == [item.id] * 5
    log = [(a.staff, a.action, a.entity) for a in _audit(store)]
    assert log == [
        ("Malee", "menu.group.create", "option_group"),
        ("Malee", "menu.option.create", "option"),
        ("Nok", "menu.option.update", "option"),
        ("Malee", "menu.option.delete", "option"),
        ("Malee", "menu.group.delete", "option_group"),
    ]
    entries = _audit(store)
    assert entries[1].after is not None and entries[1].after["price_delta"] == "5.00"
    assert entries[2].before == {"available": True} and entries[2].after == {"available": False}
    assert entries[3].before is not None and entries[3].before["name_th"] == "งา"


def test_deleting_keeps_past_orders_and_removes_rows(store: Store) -> None:
    pad_thai = _item(store, "Pad Thai with Prawns")
    extras = next(g for g in pad_thai.option_groups if g.name_en == "Extras")
    prawns = next(o for o in extras.options if o.name_en == "Extra prawns")
    order = store.orders.create(
        [{"item_id": pad_thai.id, "options": [prawns.id]}], now=store.clock.now()
    )
    after = store.menu.delete_option(prawns.id)
    assert "Extra prawns" not in [o.name_en for g in after.option_groups for o in g.options]
    after = store.menu.delete_option_group(extras.id)
    assert [g.name_en for g in after.option_groups] == ["Spice level", "Size"]
    with store.db.read() as s:
        assert s.get(OptionGroup, extras.id) is None
        assert s.scalars(select(Option).where(Option.group_id == extras.id)).first() is None
    kept = store.orders.get(order.id)
    assert [o["name_en"] for o in kept.lines[0].options][-1] == "Extra prawns"
    assert kept.total == order.total
    with pytest.raises(OptionNotFound):
        store.menu.update_option(prawns.id, available=True)
    with pytest.raises(OptionGroupNotFound):
        store.menu.add_option(extras.id, "Egg", "ไข่")
    with pytest.raises(OptionGroupNotFound):
        store.menu.delete_option_group(extras.id)


def test_roles_through_staff_actions(store: Store) -> None:
    store.staff.create("Malee", "manager", "5555")
    store.staff.create("Nok", "cashier", "1111")
    actions = store.actions
    malee = store.staff.authenticate("Malee", "5555")
    nok = store.staff.authenticate("Nok", "1111")
    item = _item(store, "Fresh Coconut")
    with pytest.raises(PermissionDenied, match="manager or the owner can edit the menu"):
        actions.add_option_group(nok, item.id, "Serve", "เสิร์ฟ", 0, 1)
    group = actions.add_option_group(malee, item.id, "Serve", "เสิร์ฟ", 0, 1)
    option = actions.add_option(malee, group.id, "Iced", "ใส่น้ำแข็ง", Decimal("5"))
    # a cashier may mark an option sold out, like a dish, but not re-price it
    assert actions.update_option(nok, option.id, available=False).available is False
    with pytest.raises(PermissionDenied):
        actions.update_option(nok, option.id, price_delta="1")
    with pytest.raises(PermissionDenied):
        actions.update_option_group(nok, group.id, name_en="Style")
    with pytest.raises(PermissionDenied):
        actions.delete_option(nok, option.id)
    with pytest.raises(PermissionDenied):
        actions.delete_option_group(nok, group.id)
    assert actions.update_option(malee, option.id, price_delta="7.25").price_delta == Decimal(
        "7.25"
    )
    assert actions.update_option_group(malee, group.id, name_en="Style").name_en == "Style"
    actions.delete_option(malee, option.id)
    assert actions.delete_option_group(malee, group.id).option_groups == ()
    denied = [a.entity_id for a in _audit(store, "staff.denied")]
    assert denied == ["menu.edit"] * 5
    staff = {a.staff for a in _audit(store, "menu.")}
    assert staff == {"Malee", "Nok"}


def test_price_changes_read_with_their_sign() -> None:
    from kiosk.services.money import format_delta

    assert format_delta(Decimal("20")) == "+฿20.00"
    assert format_delta("-10.5") == "−฿10.50"
    assert format_delta("0.00") == ""
    assert format_delta("1234", symbol=False) == "+1,234.00"
