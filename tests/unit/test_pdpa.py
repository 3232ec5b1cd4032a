"""PDPA: consent stored with its time and policy version; a manager exports one member's
data as JSON and erases a member (anonymised, accounts kept); both role-checked and
audited in the service layer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.app import Store
from kiosk.db.models import AuditLog, Customer, LoyaltyTransaction, Membership, Order
from kiosk.services.errors import (
    CustomerNotFound,
    InvalidInput,
    PermissionDenied,
    ReasonRequired,
)
from kiosk.services.privacy import PrivacyService
from kiosk.services.staff import StaffActions, StaffView
from tests.helpers import FAST_HASHER, make_store

PHONE = "081-555-0199"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = make_store(
        db_url, config={"store": {"privacy_policy_version": "2026-02"}}, hasher=FAST_HASHER
    )
    yield s
    s.close()


@pytest.fixture
def people(store: Store) -> dict[str, StaffView]:
    return {
        "cashier": store.staff.create("Nok", "cashier", "2580"),
        "manager": store.staff.create("Malee", "manager", "1470"),
    }


@pytest.fixture
def actions(store: Store) -> StaffActions:
    return store.actions


def member_with_history(store: Store) -> int:
    m = store.customers.register(
        PHONE, "Somsri", "Jaidee", sms_marketing=True, email="somsri@example.com"
    )
    items = store.menu.items()
    dish = next(i for i in items if i.on_sale and not i.option_groups)
    order = store.orders.create([{"item_id": dish.id, "quantity": 3}], customer_phone=PHONE)
    store.payments.process_payment(order.id, "cash", {}, "pdpa-1")
    store.customers.update(m.id, "Malee", last_name="Jaidee-Suk")
    return m.id


def test_consent_has_a_time_and_the_policy_version(store: Store) -> None:
    yes = store.customers.register("0815550100", "Ann", sms_marketing=True)
    no = store.customers.register("0815550101", "Ben")
    assert yes.marketing_policy_version == "2026-02" and yes.marketing_consent_at is not None
    assert no.marketing_policy_version == "" and no.marketing_consent_at is None
    later = store.customers.update(no.id, "Nok", email_marketing=True)
    assert later.email_marketing and later.marketing_policy_version == "2026-02"
    assert later.marketing_consent_at is not None
    withdrawn = store.customers.update(yes.id, "Nok", sms_marketing=False)
    assert not withdrawn.sms_marketing
    assert withdrawn.marketing_consent_at >= yes.marketing_consent_at  # type: ignore[operator]


def test_export_one_member_as_json(
    store: Store, actions: StaffActions, people: dict[str, StaffView], tmp_path: Path
) -> None:
    cid = member_with_history(store)
    other = store.customers.register("0815550102", "Other", last_name="Person")
    path = actions.export_member(people["manager"], cid, tmp_path / "member.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["member"]["phone"] == "+66815550199"
    assert data["member"]["first_name"] == "Somsri"
    assert data["member"]["email"] == "somsri@example.com"
    assert data["marketing_consent"]["sms"] is True
    assert data["marketing_consent"]["policy_version"] == "2026-02"
    assert data["membership"]["points"] > 0
    assert len(data["orders"]) == 1 and data["orders"][0]["lines"][0]["quantity"] == 3
    assert data["orders"][0]["payments"][0]["method"] == "cash"
    assert [t["type"] for t in data["loyalty_transactions"]] == ["earned"]
    text = path.read_text(encoding="utf-8")
    assert "Other" not in text and str(other.phone) not in text  # only this member
    with store.db.read() as s:
        row = s.execute(
            select(AuditLog.staff, AuditLog.entity_id).where(AuditLog.action == "member.export")
        ).one()
    assert tuple(row) == ("Malee", str(cid))


def test_a_cashier_can_neither_export_nor_erase(
    store: Store, actions: StaffActions, people: dict[str, StaffView], tmp_path: Path
) -> None:
    cid = member_with_history(store)
    privacy = PrivacyService(store.db, store.current_settings, store.staff, store.clock)
    with pytest.raises(PermissionDenied, match="manager or the owner"):
        privacy.export_member(people["cashier"], cid)
    with pytest.raises(PermissionDenied):
        actions.erase_member(people["cashier"], cid, "asked")
    assert not (tmp_path / "x.json").exists()
    assert store.customers.get(cid).first_name == "Somsri"
    with store.db.read() as s:
        denied = s.scalars(
            select(AuditLog.entity_id).where(AuditLog.action == "staff.denied")
        ).all()
    assert denied == ["member.export", "member.erase"]


def test_erase_anonymises_and_keeps_the_accounts(
    store: Store, actions: StaffActions, people: dict[str, StaffView]
) -> None:
    cid = member_with_history(store)
    before = store.customers.get(cid)
    with store.db.read() as s:
        counts = {
            m.__name__: s.scalar(select(func.count()).select_from(m))
            for m in (Customer, Membership, Order, LoyaltyTransaction)
        }
    with pytest.raises(ReasonRequired):
        actions.erase_member(people["manager"], cid, "  ")
    erased = actions.erase_member(people["manager"], cid, "asked at the counter")
    assert erased.erased and erased.first_name == "" and erased.last_name == ""
    assert erased.email == "" and not erased.sms_marketing and not erased.email_marketing
    assert erased.phone == f"erased:{cid}"
    # points, totals and orders stay for the accounts
    assert erased.points == before.points and erased.lifetime_points == before.lifetime_points
    assert erased.total_spent == before.total_spent and erased.visits_count == 1
    with store.db.read() as s:
        after = {
            m.__name__: s.scalar(select(func.count()).select_from(m))
            for m in (Customer, Membership, Order, LoyaltyTransaction)
        }
        order = s.scalars(select(Order).where(Order.customer_id == cid)).one()
        assert order.customer_name == "" and order.customer_phone == ""
        audit = s.execute(
            select(AuditLog.action, AuditLog.before, AuditLog.after).where(
                AuditLog.entity == "customer", AuditLog.entity_id == str(cid)
            )
        ).all()
    assert after == counts
    dump = json.dumps([tuple(r) for r in audit], ensure_ascii=False)
    assert "Jaidee" not in dump and "Somsri" not in dump and "555" not in dump
    assert any(a == "member.erase" for a, *_ in audit)
    # nobody finds the member again by phone or name; the phone is free to sign up again
    assert store.customers.find_by_phone(PHONE) is None
    assert store.customers.search("Somsri") == []
    again = store.customers.register(PHONE, "Somsri")
    assert again.id != cid and again.points == 0
    # a second erasure, an edit of the erased row, and unknown ids are refused calmly
    with pytest.raises(InvalidInput, match="already erased"):
        actions.erase_member(people["manager"], cid, "twice")
    with pytest.raises(InvalidInput, match="erased"):
        store.customers.update(cid, "Malee", first_name="Back")
    for bad in (999_999, -1, 2**64, "1", None):
        with pytest.raises((CustomerNotFound, InvalidInput)):
            actions.erase_member(people["manager"], bad, "x")  # type: ignore[arg-type]


def test_two_erased_members_keep_unique_placeholders(
    store: Store, actions: StaffActions, people: dict[str, StaffView]
) -> None:
    a = store.customers.register("0815550103", "A")
    b = store.customers.register("0815550104", "B")
    ea = actions.erase_member(people["manager"], a.id, "asked")
    eb = actions.erase_member(people["manager"], b.id, "asked")
    assert ea.phone != eb.phone
    assert len(ea.phone) <= 16  # fits the phone column on PostgreSQL too
