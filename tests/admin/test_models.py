"""Every admin table model passes qtmodeltester, and the paged ones never load more than
a few pages, whatever the view asks for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.demo import bulk_members, bulk_orders
from kiosk.services.listings import AuditListing, LoyaltyListing, MemberListing, OrderListing
from kiosk.ui.admin.models import (
    ROW_ID_ROLE,
    MenuTableModel,
    PagedTableModel,
    StaffTableModel,
    audit_columns,
    loyalty_columns,
    member_columns,
    order_columns,
)
from tests.admin.conftest import OrderMaker, local


def tz() -> str:
    return "Asia/Bangkok"


def today():  # type: ignore[no-untyped-def]
    return local(1, 12).date()


@pytest.fixture
def busy(store: Store, make_order: OrderMaker, staff: dict) -> Store:  # type: ignore[type-arg]
    make_order(local(1, 10), phone="081-234-5678")
    make_order(local(1, 11), "Tom Yum Goong", 2, "card")
    make_order(local(1, 12), method=None)
    make_order(local(1, 12, 30), method="counter")
    store.orders.set_status(1, "ready", "Nok")
    return store


def test_order_model(qtmodeltester, busy: Store) -> None:  # type: ignore[no-untyped-def]
    model = PagedTableModel(OrderListing(busy.db, busy.current_settings), order_columns(tz, today))
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4
    assert model.data(model.index(0, 0)) == "A004"
    assert model.data(model.index(3, 2)) == "Ready"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == "A001"
    model.sort(6, Qt.SortOrder.AscendingOrder)  # total: no index, ignored
    assert model.data(model.index(0, 0)) == "A001"


def test_member_loyalty_audit_models(qtmodeltester, busy: Store) -> None:  # type: ignore[no-untyped-def]
    members = PagedTableModel(MemberListing(busy.db, busy.current_settings), member_columns(tz))
    qtmodeltester.check(members)
    qtmodeltester.check(members, force_py=True)
    assert members.rowCount() == 9
    thai = members.listing.searched("091 234 5678")  # type: ignore[attr-defined]
    members.set_listing(thai)
    assert members.rowCount() == 1
    assert members.data(members.index(0, 1)) == "สมหญิง"
    member_id = members.data(members.index(0, 0), ROW_ID_ROLE)
    tx = PagedTableModel(
        LoyaltyListing(busy.db, busy.current_settings, member_id), loyalty_columns(tz)
    )
    qtmodeltester.check(tx)
    qtmodeltester.check(tx, force_py=True)
    assert tx.rowCount() == 1
    audit = PagedTableModel(AuditListing(busy.db, busy.current_settings), audit_columns(tz))
    qtmodeltester.check(audit)
    qtmodeltester.check(audit, force_py=True)
    assert audit.rowCount() > 3


def test_menu_and_staff_models(qtmodeltester, busy: Store, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    menu = MenuTableModel()
    menu.set_items(busy.menu.items())
    qtmodeltester.check(menu)
    qtmodeltester.check(menu, force_py=True)
    assert menu.rowCount() == 17
    sold_out = next(r for r in range(menu.rowCount()) if not menu.item(r).available)  # type: ignore[union-attr]
    with qtbot.waitSignal(menu.availability_requested) as blocker:
        menu.setData(menu.index(sold_out, 5), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args[1] is True
    people = StaffTableModel(tz, lambda: local(1, 12))
    people.set_users(busy.staff.list())
    qtmodeltester.check(people)
    qtmodeltester.check(people, force_py=True)
    assert [people.data(people.index(r, 0)) for r in range(3)] == ["Malee", "Nok", "Ploy"]
    # The shared list behaviour (ListTableModel): row ids, one-row refresh, headers.
    from dataclasses import replace

    from kiosk.ui.admin.models import ROW_ID_ROLE

    menu = MenuTableModel()  # not the one qtmodeltester watches (it now checks ``people``)
    menu.set_items(busy.menu.items())
    first = menu.item(0)
    assert first is not None and menu.data(menu.index(0, 0), ROW_ID_ROLE) == first.id
    with qtbot.waitSignal(menu.dataChanged) as changed:
        menu.replace_item(replace(first, name_en="Renamed"))
    assert changed.args[0].row() == changed.args[1].row() == 0
    assert menu.data(menu.index(0, 1)) == "Renamed" and menu.rowCount() == 17
    assert people.headerData(3, Qt.Orientation.Horizontal) == "Last sign-in"
    assert menu.headerData(6, Qt.Orientation.Horizontal) == "Spice, allergens"
    assert menu.headerData(7, Qt.Orientation.Horizontal) is None


@pytest.fixture
def many(store: Store) -> Store:
    bulk_members(store.db, store.settings_file, 3000)
    bulk_orders(store.db, store.settings_file, 3000, days=3)
    return store


def test_paging_never_loads_more_than_a_few_pages(many: Store, qtbot: QtBot) -> None:
    model = PagedTableModel(
        OrderListing(many.db, many.current_settings), order_columns(tz, today), page_size=50
    )
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 3000
    assert model.cached_rows <= 2 * 50  # only the visible rows' page(s)
    view.scrollToBottom()
    qtbot.wait(10)
    view.viewport().repaint()
    assert model.data(model.index(2999, 0))  # the last row is there
    assert model.cached_rows <= model.max_pages * 50
    assert model.max_rows_in_one_fetch <= 50
    assert model.pages_fetched <= 4
    # Walk every row: the cache stays bounded.
    for r in range(0, 3000, 7):
        model.data(model.index(r, 1))
    assert len(model.cached_pages) <= model.max_pages
    assert model.cached_rows <= model.max_pages * 50
    members = PagedTableModel(
        MemberListing(many.db, many.current_settings), member_columns(tz), page_size=50
    )
    members.sort(1, Qt.SortOrder.AscendingOrder)
    members.data(members.index(members.rowCount() - 1, 0))
    members.set_listing(members.listing.searched("090-000-0042"))  # type: ignore[attr-defined]
    assert members.rowCount() == 1
    # opening fetches the first page with the count (one read transaction), so the
    # unsorted first page (50 rows) is read too, before the sort, the end and the search
    assert members.rows_fetched <= 50 + 51
