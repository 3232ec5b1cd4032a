"""Paged listings behind the admin tables (no Qt): pages, sorting, searches, both ends."""

from __future__ import annotations

import pytest

from kiosk.app import Store
from kiosk.services.demo import bulk_members, bulk_orders
from kiosk.services.listings import (
    AuditListing,
    LoyaltyListing,
    MemberListing,
    OrderListing,
    phone_prefix,
)
from tests.admin.conftest import OrderMaker, local


@pytest.fixture
def big(store: Store) -> Store:
    bulk_members(store.db, store.settings_file, 300)
    bulk_orders(store.db, store.settings_file, 400, days=5)
    return store


def _all_ids(listing: MemberListing | OrderListing, page: int = 37) -> list[int]:
    total = listing.count()
    out: list[int] = []
    for offset in range(0, total, page):
        out += [r.id for r in listing.page(offset, page, total)]
    return out


def test_member_pages_match_a_full_sort_from_both_ends(big: Store) -> None:
    listing = MemberListing(big.db, big.current_settings)
    assert listing.count() == 309
    for key in ("id", "phone", "last_name", "first_name", "created_at"):
        for desc in (False, True):
            sorted_listing = listing.sorted_by(key, desc)
            ids = _all_ids(sorted_listing)
            rows = sorted_listing.page(0, 400)  # one page with everything, read forward
            assert ids == [r.id for r in rows], (key, desc)
            assert len(set(ids)) == 309
            values = [getattr(r, key) for r in rows]
            if key not in ("phone",):  # phone shown in national format
                assert values == sorted(values, reverse=desc), key


def test_unsortable_columns_keep_the_order(big: Store) -> None:
    listing = MemberListing(big.db, big.current_settings)
    assert not MemberListing.sortable("points")
    assert listing.sorted_by("points") is listing


def test_last_page_is_read_from_the_other_end(big: Store) -> None:
    listing = OrderListing(big.db, big.current_settings)
    total = listing.count()
    assert total == 400
    last = listing.page(total - 10, 100, total)
    assert len(last) == 10
    forward = listing.page(total - 10, 100)  # same rows without the total hint
    assert [r.id for r in last] == [r.id for r in forward]
    assert listing.page(total, 10, total) == []


def test_member_search_by_any_phone_form_and_name(store: Store) -> None:
    listing = MemberListing(store.db, store.current_settings)
    for typed in ("0812345678", "081-234-5678", "+66 81 234 5678", "๐๘๑๒๓๔๕๖๗๘"):
        found = listing.searched(typed)
        assert found.search_kind == "phone"
        assert [r.first_name for r in found.page(0, 50)] == ["Somchai"]
    prefix = listing.searched("081-23")
    assert prefix.search_kind == "phone_prefix"
    assert [r.phone for r in prefix.page(0, 50)] == ["081-234-5678"]
    assert [r.first_name for r in listing.searched("som").page(0, 50)] == ["Somchai"]
    assert [r.full_name for r in listing.searched("สม").page(0, 50)] == ["สมหญิง ใจดี"]
    assert [r.full_name for r in listing.searched("ใจ").page(0, 50)] == ["สมหญิง ใจดี"]
    assert [r.full_name for r in listing.searched("Siriporn th").page(0, 50)] == [
        "Siriporn Thongdee"
    ]
    assert listing.searched("099-999-9999").count() == 0
    assert listing.searched("nobody").count() == 0


def test_phone_prefix() -> None:
    assert phone_prefix("081-23", "TH") == "+668123"
    assert phone_prefix("+66 81", "TH") == "+6681"
    assert phone_prefix("12", "TH") is None
    assert phone_prefix("", "TH") is None


def test_order_filters(store: Store, make_order: OrderMaker) -> None:
    a = make_order(local(1, 10), phone="081-234-5678")
    b = make_order(local(1, 11), method=None)
    c = make_order(local(1, 12), method="counter")
    listing = OrderListing(store.db, store.current_settings, today=local(1, 12).date())
    assert [r.id for r in listing.page(0, 10)] == [c, b, a]
    active = listing.with_filters(statuses=["pending"])
    assert [r.id for r in active.page(0, 10)] == [c, b]
    assert [r.id for r in listing.with_filters(search="a001").page(0, 10)] == [a]
    assert [r.id for r in listing.with_filters(search="081 234 5678").page(0, 10)] == [a]
    assert listing.with_filters(search="Z999").count() == 0
    row = listing.get(a)
    assert row is not None
    assert row.customer_phone == "081-***-5678"
    assert (row.payment_method, row.payment_status, row.items) == ("cash", "succeeded", 1)
    counter = listing.get(c)
    assert counter is not None and counter.payment_status == ""  # no payment row yet


def test_loyalty_and_audit_listings(store: Store, make_order: OrderMaker) -> None:
    make_order(local(1, 10), phone="081-234-5678")
    member = store.customers.find_by_phone("0812345678")
    assert member is not None
    tx = LoyaltyListing(store.db, store.current_settings, member.id)
    assert tx.count() == 2
    newest = tx.page(0, 1, 2)[0]
    assert (newest.type, newest.points, newest.order_number) == ("earned", 12, "A001")
    store.orders.set_status(1, "ready", "Nok")
    audit = AuditListing(store.db, store.current_settings)
    assert audit.with_filters(action_prefix="order.").count() == 1
    assert audit.with_filters(staff="Nok").page(0, 5)[0].after == {"status": "ready"}
    assert "order" in audit.actions()


def test_order_listings_of_one_shape_share_their_statements(
    store: Store, make_order: OrderMaker
) -> None:
    """Filter values are bound parameters: a listing with the same filters set (other
    values) reuses the statements built for the first, and still gets its own rows."""
    from kiosk.services.listings import base

    a = make_order(local(1, 10), phone="081-234-5678")
    b = make_order(local(1, 11), method=None, phone="081-234-5678")
    make_order(local(1, 12), method=None)
    today = local(1, 12).date()
    listing = OrderListing(store.db, store.current_settings, today=today)
    paid = listing.with_filters(statuses=["preparing"], search="081 234 5678")
    assert paid.opened(50) == (1, [paid.get(a)])
    assert paid.count() == 1
    kept = {key: id(stmt) for key, stmt in base._STATEMENTS.items()}
    pending = listing.with_filters(statuses=["pending", "ready"], search="0812345678")
    assert [r.id for r in pending.opened(50)[1]] == [b]
    assert pending.count() == 1
    nobody = listing.with_filters(statuses=["pending"], search="089 999 9999")
    assert nobody.opened(50) == (0, []) and nobody.count() == 0
    assert {key: id(stmt) for key, stmt in base._STATEMENTS.items()} == kept
    numbered = listing.with_filters(search="a002")
    assert [r.id for r in numbered.page(0, 10)] == [b]
    assert [r.id for r in numbered.with_filters(search="A1").page(0, 10)] == [a]
