"""The Menu screen's option editor: groups and options added, changed and deleted through
the widgets, the services' refusals shown, a cashier limited to the sold-out switch."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import Store
from kiosk.db.models import AuditLog
from kiosk.services.staff import StaffView
from kiosk.ui.admin.menu import MenuScreen
from tests.admin.conftest import FakeDialogs


def _screen(qtbot: QtBot, make_ctx: Any, user: StaffView, dish: str) -> MenuScreen:
    screen = MenuScreen(make_ctx(user))
    qtbot.addWidget(screen)
    screen.resize(1400, 1000)
    screen.show()
    screen.select_item(dish)
    assert screen.item is not None and screen.item.name_en == dish
    return screen


def _click(qtbot: QtBot, widget: Any) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _node(screen: MenuScreen, name_en: str) -> QTreeWidgetItem:
    tree = screen.option_editor.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        assert top is not None
        if f"· {name_en} (" in top.text(0):
            return top
        for c in range(top.childCount()):
            child = top.child(c)
            assert child is not None
            if child.text(0).split(" · ")[1].split(" (")[0] == name_en:
                return child
    raise AssertionError(f"{name_en} is not in the tree")


def _texts(screen: MenuScreen) -> list[str]:
    tree = screen.option_editor.tree
    out = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        assert top is not None
        out.append(top.text(0))
        out += [
            f"  {top.child(c).text(0)} {top.child(c).text(1)}".rstrip()
            for c in range(top.childCount())
        ]  # type: ignore[union-attr]
    return out


def test_manager_builds_a_group_with_options(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], dialogs: FakeDialogs
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Malee"], "Fresh Coconut")
    ed = screen.option_editor
    assert _texts(screen) == ["No options"]
    assert not ed.new_option.isEnabled()
    _click(qtbot, ed.new_group)
    assert ed.pages.currentIndex() == 1 and ed.save_group.text() == "Add group"
    assert not ed.delete_group.isVisible()
    ed.group_name_th.setText("การเสิร์ฟ")
    ed.group_name_en.setText("Serve")
    ed.group_min.setValue(1)
    ed.group_max.setValue(1)
    assert ed.group_rule.text() == "Customers must choose exactly 1."
    _click(qtbot, ed.save_group)
    assert ed.message.text() == "Group added. Now add its options."
    assert _texts(screen) == ["การเสิร์ฟ · Serve (choose 1)"]
    assert ed.tree.currentItem() is _node(screen, "Serve")
    assert "cannot order this dish" in ed.group_rule.text()  # required, no options yet

    _click(qtbot, ed.new_option)
    assert ed.pages.currentIndex() == 2 and ed.save_option.text() == "Add option"
    assert ed.option_title.text() == "New option in การเสิร์ฟ"
    ed.option_name_th.setText("ทั้งลูก")
    ed.option_name_en.setText("In the shell")
    ed.option_default.setChecked(True)
    _click(qtbot, ed.save_option)
    assert ed.message.text() == "Option added."
    _click(qtbot, ed.new_option)  # a second one in the same group
    ed.option_name_th.setText("วุ้นมะพร้าว")
    ed.option_name_en.setText("With coconut jelly")
    ed.option_price.setText("15.50")
    _click(qtbot, ed.save_option)
    assert _texts(screen) == [
        "การเสิร์ฟ · Serve (choose 1)",
        "  ทั้งลูก · In the shell (default)",
        "  วุ้นมะพร้าว · With coconut jelly +฿15.50",
    ]
    assert ed.option_title.text() == "Option of การเสิร์ฟ"

    coconut = store.menu.item(screen.item.id)  # type: ignore[union-attr]
    (serve,) = coconut.option_groups
    jelly = serve.options[1]
    assert (serve.min_select, serve.max_select) == (1, 1)
    assert jelly.price_delta == Decimal("15.50") and serve.options[0].is_default
    quote = store.orders.quote([{"item_id": coconut.id, "options": [jelly.id]}])
    assert quote.total == coconut.price + Decimal("15.50")

    # change it: a cheaper, smaller serving instead
    ed.tree.setCurrentItem(_node(screen, "With coconut jelly"))
    assert (
        ed.option_name_en.text() == "With coconut jelly" and ed.save_option.text() == "Save option"
    )
    ed.option_name_en.setText("Half")
    ed.option_name_th.setText("ครึ่งลูก")
    ed.option_price.setText("-20")
    _click(qtbot, ed.save_option)
    assert ed.message.text() == "Option saved."
    assert "  ครึ่งลูก · Half −฿20.00" in _texts(screen)
    assert store.menu.item(coconut.id).option_groups[0].options[1].price_delta == Decimal("-20.00")

    # rename the group and let customers skip it
    ed.tree.setCurrentItem(_node(screen, "Serve"))
    ed.group_name_en.setText("Serving")
    ed.group_min.setValue(0)
    _click(qtbot, ed.save_group)
    assert ed.message.text() == "Group saved."
    assert _texts(screen)[0] == "การเสิร์ฟ · Serving (up to 1)"

    # delete: asked first, refused answer keeps it
    ed.tree.setCurrentItem(_node(screen, "Half"))
    dialogs.confirm_answer = False
    _click(qtbot, ed.delete_option)
    assert "Delete ครึ่งลูก · Half from การเสิร์ฟ?" in dialogs.asked[-1][1]
    assert len(store.menu.item(coconut.id).option_groups[0].options) == 2
    dialogs.confirm_answer = True
    _click(qtbot, ed.delete_option)
    assert ed.message.text() == "Option deleted."
    assert ed.tree.currentItem() is _node(screen, "Serving")  # back on its group
    _click(qtbot, ed.delete_group)
    assert "and its 1 options" in dialogs.asked[-1][1]
    assert _texts(screen) == ["No options"]
    assert store.menu.item(coconut.id).option_groups == ()
    with store.db.read() as s:
        actions = list(
            s.scalars(
                select(AuditLog.action)
                .where(AuditLog.action.startswith("menu."))
                .order_by(AuditLog.id)
            )
        )
    assert actions == [
        "menu.group.create",
        "menu.option.create",
        "menu.option.create",
        "menu.option.update",
        "menu.group.update",
        "menu.option.delete",
        "menu.group.delete",
    ]


def test_refusals_are_shown_and_change_nothing(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Malee"], "Thai Iced Tea")
    ed = screen.option_editor
    before = store.menu.item(screen.item.id)  # type: ignore[union-attr]
    ed.tree.setCurrentItem(_node(screen, "Size"))
    ed.group_min.setValue(3)
    ed.group_max.setValue(2)
    _click(qtbot, ed.save_group)
    assert ed.message.text() == "The minimum cannot be more than the maximum."
    ed.tree.setCurrentItem(_node(screen, "Large"))
    ed.option_price.setText("-")
    _click(qtbot, ed.save_option)
    assert ed.message.text() == "The price change must be a number such as 20, -10 or 15.50."
    ed.option_price.setText("-500")
    _click(qtbot, ed.save_option)
    assert ed.message.text().startswith("An option can take at most ฿")
    ed.option_name_th.setText(" ")
    ed.option_price.setText("15")
    _click(qtbot, ed.save_option)
    assert ed.message.text() == "Enter the Thai name."
    assert store.menu.item(before.id) == before


def test_cashier_only_marks_options_sold_out(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    screen = _screen(qtbot, make_ctx, staff["Nok"], "Pad Thai with Prawns")
    ed = screen.option_editor
    assert not ed.new_group.isEnabled()
    ed.tree.setCurrentItem(_node(screen, "Size"))
    assert not ed.new_option.isEnabled()
    assert not ed.group_name_en.isEnabled() and not ed.save_group.isEnabled()
    ed.tree.setCurrentItem(_node(screen, "Extra prawns"))
    assert ed.save_option.text() == "Save availability"
    assert not ed.option_price.isEnabled() and not ed.option_name_th.isEnabled()
    assert not ed.delete_option.isEnabled()
    ed.option_available.setChecked(False)
    _click(qtbot, ed.save_option)
    assert ed.message.text() == "Saved."
    assert "  เพิ่มกุ้ง · Extra prawns · sold out +฿40.00" in _texts(screen)
    extras = store.menu.item(screen.item.id).option_groups[2]  # type: ignore[union-attr]
    assert [o.available for o in extras.options] == [True, True, False]


def test_other_panels_see_option_changes_live(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    watcher = _screen(qtbot, make_ctx, staff["Nok"], "Mango Sticky Rice")
    assert _texts(watcher) == ["No options"]
    editor = _screen(qtbot, make_ctx, staff["Ploy"], "Mango Sticky Rice")
    ed = editor.option_editor
    _click(qtbot, ed.new_group)
    ed.group_name_th.setText("ท็อปปิ้ง")
    ed.group_name_en.setText("Topping")
    ed.group_max.setValue(2)
    _click(qtbot, ed.save_group)
    qtbot.waitUntil(lambda: _texts(watcher) == ["ท็อปปิ้ง · Topping (up to 2)"], timeout=3000)


def test_live_updates_keep_unsaved_edits(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], actions: Any
) -> None:
    """Regression: any menu change elsewhere (a cashier marking a dish sold out) reloaded
    the screen and refilled the forms, wiping what a manager had typed but not saved."""
    from kiosk.services.events import MenuChanged

    manager = _screen(qtbot, make_ctx, staff["Malee"], "Pad Thai with Prawns")
    pad_thai = manager.item
    assert pad_thai is not None
    manager.price.setText("999")
    manager.name_en.setText("Pad Thai Special")
    ed = manager.option_editor
    group = next(g for g in pad_thai.option_groups if len(g.options) >= 2)
    first, second = group.options[0], group.options[1]
    ed.tree.setCurrentItem(_node(manager, first.name_en))
    assert ed.target == ("option", first.id)
    ed.option_price.setText("77")

    # A cashier marks another dish sold out: only its row changes.
    other = next(i for i in store.menu.items() if i.name_en == "Massaman Beef")
    row = next(r for r in range(manager.model.rowCount()) if manager.model.item(r).id == other.id)  # type: ignore[union-attr]
    actions.set_available(staff["Nok"], other.id, not other.available)
    qtbot.waitUntil(lambda: manager.model.item(row).available != other.available)  # type: ignore[union-attr]
    # ... and a sibling option of the open one, and this very dish.
    actions.update_option(staff["Nok"], second.id, available=False)
    actions.set_available(staff["Nok"], pad_thai.id, False)
    qtbot.waitUntil(lambda: manager.item is not None and not manager.item.available)
    manager.ctx.events.menu_changed.emit(MenuChanged())  # a change without an item: reload
    assert manager.price.text() == "999"
    assert manager.name_en.text() == "Pad Thai Special"
    assert not manager.available.isChecked()  # untouched: takes the new value
    assert ed.target == ("option", first.id) and ed.option_price.text() == "77"
    assert "sold out" in _node(manager, second.name_en).text(0)  # the tree is up to date

    _click(qtbot, manager.save)  # saving sends what was typed, not the stale availability
    saved = store.menu.item(pad_thai.id)
    assert (saved.price, saved.name_en, saved.available) == (
        Decimal("999"),
        "Pad Thai Special",
        False,
    )
    assert manager.price.text() == "999.00"  # refilled after the save
    manager.select_item("Massaman Beef")  # another row: its own values
    assert manager.name_en.text() == "Massaman Beef"
