"""Random and hostile input at every public service method, on SQLite and PostgreSQL.

For each example Hypothesis picks a method, starts from arguments that would work, and
replaces one of them (or a value inside a cart line, card details or settings) with
something hostile: NUL, lone surrogates, emoji, 10,000 characters, None, wrong types,
NaN, Infinity, huge and negative numbers, Thai and full-width digits, ids beyond
PostgreSQL's INTEGER and 2**63, LIKE wildcards, ``../../etc/passwd``. Only the project's
own errors may escape; after a refusal every table holds exactly what it held before;
after an acceptance nothing stored breaks its column's rules.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.app import Store
from kiosk.services.customers import CustomerService
from kiosk.services.errors import AuthenticationFailed, ServiceError
from kiosk.services.listings import AuditListing, LoyaltyListing, MemberListing, OrderListing
from kiosk.services.loyalty import LoyaltyService
from kiosk.services.menu import MenuService
from kiosk.services.orders import OrderService
from kiosk.services.payments import PaymentService
from kiosk.services.reports import ReportService
from kiosk.services.settings import EDITABLE, SettingsService
from kiosk.services.staff import StaffService
from tests.helpers import CARD_OK, FakeClock, make_store
from tests.hostile import backends, own_pg_database, snapshot, stored_wrongly

MEMBER = "081-234-5678"
SPECIAL: list[Any] = [
    "\x00",
    "Som\x00chai",
    "\ud800",
    "a\udfffb",
    "😀🍜🇹🇭",
    "x" * 10_000,
    "๑" * 10_000,
    "",
    "   ",
    "%",
    "_",
    "%_%",
    "\\",
    "../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "' OR 1=1 --",
    "Robert'); DROP TABLE customers;--",
    "๔๒๔๒๔๒๔๒๔๒๔๒๔๒๔๒",
    "４２４２４２４２４２４２４２４２",
    "424242424242424²",
    "¹²³",
    "๐๘๑๒๓๔๕๖๗๘",
    "０８１２３４５６７８",
    "1e12",
    "1e30",
    "NaN",
    "Infinity",
    "-Infinity",
    "-1",
    "0",
    "4242 4242 4242 4242",
    "12/35",
    None,
    True,
    False,
    0,
    1,
    -1,
    2**31,
    2**31 - 1,
    2**63,
    2**63 - 1,
    2**64,
    -(2**63) - 1,
    10**12,
    10**30,
    10**5000,
    float("nan"),
    float("inf"),
    -float("inf"),
    1e30,
    -0.0,
    12.5,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("1e30"),
    Decimal("-1"),
    Decimal("0.001"),
    b"\x00bytes",
    [],
    [1, 2],
    {},
    {"a": 1},
    object(),
]

HOSTILE = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=30),
    st.text(st.characters(categories=["Nd", "No", "Cc", "So", "Zs"]), max_size=20),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.lists(st.one_of(st.integers(), st.text(max_size=3)), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=2),
)


@dataclass
class Target:
    """``call(store, args)``: one public method, with ``args`` that would work."""

    name: str
    call: Callable[[Store, list[Any]], Any]
    args: list[Any]
    names: list[Any] = field(default_factory=list)  # field names a **fields method takes


def _svc(path: str) -> Callable[[Store, list[Any]], Any]:
    service, method = path.split(".")
    return lambda store, a: getattr(getattr(store, service), method)(*a)


def _fields(path: str, lead: int) -> Callable[[Store, list[Any]], Any]:
    """``update(id, staff, **{name: value})``: args are ``[*lead args, name, value]``."""
    service, method = path.split(".")

    def call(store: Store, a: list[Any]) -> Any:
        fn = getattr(getattr(store, service), method)
        *head, name, value = a
        key = name if isinstance(name, str) else str(name)
        return fn(*head[:lead], **{key: value})

    return call


def _line(store: Store, a: list[Any]) -> Any:
    item_id, quantity, options = a
    return store.orders.quote([{"item_id": item_id, "quantity": quantity, "options": options}])


def _card(store: Store, a: list[Any]) -> Any:
    order_id, number, expiry, cvv, key = a
    details = {"card_number": number, "expiry": expiry, "cvv": cvv}
    return store.payments.process_payment(order_id, "card", details, key)


def _setting(store: Store, a: list[Any]) -> Any:
    key, value = a
    try:
        hash(key)
    except TypeError:  # a list, or Decimal("sNaN"): cannot even be a key of the dict
        key = repr(key)
    return store.settings.update({key: value}, "Boss")


def _listing(kind: str) -> Callable[[Store, list[Any]], Any]:
    def call(store: Store, a: list[Any]) -> Any:
        search, offset, limit = a
        cls = {"members": MemberListing, "orders": OrderListing}[kind]
        listing = cls(store.db, store.current_settings, search=search)
        listing.count()
        return listing.page(offset, limit)

    return call


def _audit_listing(store: Store, a: list[Any]) -> Any:
    prefix, staff, row_id = a
    listing = AuditListing(store.db, store.current_settings).with_filters(
        action_prefix=prefix, staff=staff
    )
    listing.count()
    return listing.get(row_id)


def _loyalty_listing(store: Store, a: list[Any]) -> Any:
    customer_id, offset, limit = a
    return LoyaltyListing(store.db, store.current_settings, customer_id).page(offset, limit)


CUSTOMER_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "gender",
    "birth_date",
    "address",
    "sms_marketing",
    "email_marketing",
    "phone",
    "points",
    "id",
]
ITEM_FIELDS = [
    "name_en",
    "name_th",
    "description_en",
    "description_th",
    "image",
    "price",
    "available",
    "position",
    "category_id",
    "spice_level",
    "allergens",
    "upsell",
    "bogus",
]
GROUP_FIELDS = ["name_en", "name_th", "min_select", "max_select", "position"]
OPTION_FIELDS = ["name_en", "name_th", "price_delta", "is_default", "available", "group_id"]
NO_ORDER = 999_999  # destructive calls start from an order that does not exist

TARGETS: list[Target] = [
    Target(
        "customers.register",
        _svc("customers.register"),
        ["0891112222", "Nok", "Dee", False, False, "n@example.com"],
    ),
    Target("customers.find_by_phone", _svc("customers.find_by_phone"), [MEMBER]),
    Target("customers.normalize", _svc("customers.normalize"), [MEMBER]),
    Target("customers.get", _svc("customers.get"), [1]),
    Target("customers.search", _svc("customers.search"), ["Som", 10, 0]),
    Target(
        "customers.update",
        _fields("customers.update", 2),
        [1, "Boss", "first_name", "Somchai"],
        CUSTOMER_FIELDS,
    ),
    Target("customers.count", _svc("customers.count"), []),
    Target("orders.quote", _svc("orders.quote"), [[{"item_id": 2, "quantity": 1}], True]),
    Target("orders.quote/line", _line, [2, 1, [10]]),
    Target("orders.create", _svc("orders.create"), [[{"item_id": 2}], "dine_in", MEMBER, "k1"]),
    Target("orders.get", _svc("orders.get"), [1]),
    Target("orders.attach_customer", _svc("orders.attach_customer"), [NO_ORDER, MEMBER]),
    Target("orders.set_status", _svc("orders.set_status"), [NO_ORDER, "cancelled", "Boss"]),
    Target("orders.cancel", _svc("orders.cancel"), [NO_ORDER, "Boss"]),
    Target("orders.list", _svc("orders.list"), [["pending"], 10, 0, None]),
    Target("orders.count", _svc("orders.count"), []),
    Target(
        "payments.process_payment",
        _svc("payments.process_payment"),
        [NO_ORDER, "cash", {}, "key-1"],
    ),
    Target("payments.process_payment/card", _card, [NO_ORDER, *CARD_OK.values(), "key-2"]),
    Target(
        "payments.begin_promptpay",
        _svc("payments.begin_promptpay"),
        [NO_ORDER, "key-3", "0812345678"],
    ),
    Target("payments.poll", _svc("payments.poll"), ["TXN_20261127_000001"]),
    Target(
        "payments.cancel_pending", _svc("payments.cancel_pending"), ["TXN_20261127_000001", "bye"]
    ),
    Target("payments.status", _svc("payments.status"), ["TXN_20261127_000001"]),
    Target("payments.result", _svc("payments.result"), ["TXN_20261127_000001"]),
    Target("payments.mark_paid", _svc("payments.mark_paid"), [NO_ORDER, "cash", "Boss"]),
    Target("payments.refund", _svc("payments.refund"), ["TXN_20261127_000001", "Boss", "why"]),
    Target("payments.reconcile", _svc("payments.reconcile"), ["nobody", 0.0]),
    Target("loyalty.redeem", _svc("loyalty.redeem"), [NO_ORDER, 10]),
    Target("loyalty.adjust", _svc("loyalty.adjust"), [MEMBER, 5, "goodwill", "Boss"]),
    Target("loyalty.transactions", _svc("loyalty.transactions"), [MEMBER, 10, 0]),
    Target("loyalty.transactions_for", _svc("loyalty.transactions_for"), [1, 10, 0]),
    Target("loyalty.balance_check", _svc("loyalty.balance_check"), []),
    Target("menu.categories", _svc("menu.categories"), []),
    Target("menu.items", _svc("menu.items"), [False]),
    Target("menu.item", _svc("menu.item"), [1]),
    Target("menu.set_available", _svc("menu.set_available"), [1, True, "Boss"]),
    Target("menu.set_price", _svc("menu.set_price"), [1, "120.00", "Boss"]),
    Target(
        "menu.update_item",
        _fields("menu.update_item", 2),
        [1, "Boss", "name_en", "Pad Thai"],
        ITEM_FIELDS,
    ),
    Target("menu.option_group", _svc("menu.option_group"), [1]),
    Target(
        "menu.add_option_group",
        _svc("menu.add_option_group"),
        [NO_ORDER, "Extra", "เพิ่ม", 0, 1, "Boss"],
    ),
    Target(
        "menu.update_option_group",
        _fields("menu.update_option_group", 2),
        [3, "Boss", "name_en", "Extras"],
        GROUP_FIELDS,
    ),
    Target("menu.delete_option_group", _svc("menu.delete_option_group"), [NO_ORDER, "Boss"]),
    Target(
        "menu.add_option",
        _svc("menu.add_option"),
        [NO_ORDER, "Egg", "ไข่", "10", False, True, "Boss"],
    ),
    Target(
        "menu.update_option",
        _fields("menu.update_option", 2),
        [7, "Boss", "name_en", "Egg"],
        OPTION_FIELDS,
    ),
    Target("menu.delete_option", _svc("menu.delete_option"), [NO_ORDER, "Boss"]),
    Target("staff.count", _svc("staff.count"), []),
    Target("staff.list", _svc("staff.list"), [True]),
    Target("staff.names", _svc("staff.names"), []),
    Target("staff.get", _svc("staff.get"), [1]),
    Target("staff.create", _svc("staff.create"), ["Nok", "cashier", "12x4", "cli"]),
    Target(
        "staff.update",
        lambda s, a: s.staff.update(a[0], "cli", role=a[1], active=a[2], pin=a[3]),
        [NO_ORDER, "cashier", True, "1234"],
    ),
    Target("staff.unlock", _svc("staff.unlock"), [NO_ORDER, "cli"]),
    Target("staff.authenticate", _svc("staff.authenticate"), ["Ploy", "0000"]),
    Target("staff.hash_pin", _svc("staff.hash_pin"), ["1x34"]),
    Target("staff.authorize", _svc("staff.authorize"), [None, "view"]),
    Target("staff.logout", _svc("staff.logout"), [None, "manual"]),
    Target("staff.record", _svc("staff.record"), [None, "order.reprint"]),
    Target("reports.summary", _svc("reports.summary"), [None, 5]),
    Target("settings.update", _setting, ["store.name", "OrderUp"]),
    Target("settings.current", _svc("settings.current"), []),
    Target("settings.overrides", _svc("settings.overrides"), []),
    Target("listings.members", _listing("members"), ["Som", 0, 10]),
    Target("listings.orders", _listing("orders"), ["A001", 0, 10]),
    Target("listings.audit", _audit_listing, ["staff", "Boss", 1]),
    Target("listings.loyalty", _loyalty_listing, [1, 0, 10]),
]

# Public methods that take no input a caller controls, or only trusted objects.
NOT_INPUT = {
    # cancel_abandoned: recovery's, with the kiosk's own id from its settings
    "OrderService": {"count", "cancel_abandoned"},
    "PaymentService": {"close"},  # main's money-safety branch: releases the presence lock
    "CustomerService": {"count"},
    "LoyaltyService": {"balance_check", "expire"},  # expire: only a clock moment
    "MenuService": {"categories"},
    # check_pin: the sign-ins' shared check, on a row they loaded and a PIN they checked
    "StaffService": {"count", "names", "check_pin"},
    "SettingsService": {"current", "overrides", "invalidate"},  # invalidate takes no input
    "ReportService": {"today", "last_sales_day"},
}


def test_every_public_service_method_is_a_target() -> None:
    covered = {t.name.split("/")[0] for t in TARGETS}
    classes = {
        "customers": CustomerService,
        "orders": OrderService,
        "payments": PaymentService,
        "loyalty": LoyaltyService,
        "menu": MenuService,
        "staff": StaffService,
        "settings": SettingsService,
        "reports": ReportService,
    }
    missing = []
    for prefix, cls in classes.items():
        for name, member in inspect.getmembers(cls, inspect.isfunction):
            if name.startswith("_") or name in NOT_INPUT.get(cls.__name__, ()):
                continue
            if f"{prefix}.{name}" not in covered:
                missing.append(f"{prefix}.{name}")
            rules = getattr(member, "__validation_rules__", None)
            params = [p for p in inspect.signature(member).parameters if p != "self"]
            if params and rules is None and name not in _CHECKED_INSIDE:
                missing.append(f"{prefix}.{name} has no @validated rules")
    assert missing == []


# Methods whose only inputs are checked by the code they call (a phone number by
# normalize_phone, a PIN by _validate_pin, an actor by authorize).
_CHECKED_INSIDE = {"find_by_phone", "normalize", "hash_pin", "authorize", "logout", "record"}


@pytest.fixture(scope="module", params=backends())
def fuzz_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    if request.param == "sqlite":
        store = make_store(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'kiosk.db'}")
        store.staff.create("Ploy", "owner", "2468")
        yield store
        store.close()
        return
    with own_pg_database() as url:
        store = make_store(url, clock=FakeClock())
        store.staff.create("Ploy", "owner", "2468")
        yield store
        store.close()


EXAMPLES = int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "250"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_only_project_errors_escape_and_refusals_change_nothing(
    fuzz_store: Store, data: st.DataObject
) -> None:
    store = fuzz_store
    target = data.draw(st.sampled_from(TARGETS), label="target")
    args = list(target.args)
    if args:
        for _ in range(data.draw(st.integers(1, 2), label="how many")):
            index = data.draw(st.integers(0, len(args) - 1), label="which")
            if target.names and index == len(args) - 2:
                args[index] = data.draw(st.sampled_from(target.names) | HOSTILE, label="field")
            else:
                args[index] = data.draw(HOSTILE, label="value")
    before = snapshot(store)
    try:
        target.call(store, args)
    except AuthenticationFailed:
        # A wrong PIN is refused and written down (audit, failed attempts) by design.
        after = snapshot(store)
        assert {k: v for k, v in after.items() if k not in ("audit_log", "staff_users")} == {
            k: v for k, v in before.items() if k not in ("audit_log", "staff_users")
        }
    except ServiceError as exc:
        assert snapshot(store) == before, f"{target.name} changed the database and raised {exc!r}"
        assert len(exc.message) < 400
    except Exception as exc:  # anything else is a defect
        raise AssertionError(f"{target.name}({_short(args)}) raised {exc!r:.300}") from exc
    else:
        assert stored_wrongly(store) == [], target.name


def _short(args: list[Any]) -> str:
    return ", ".join(repr(a)[:40] for a in args)


def test_all_editable_settings_are_known_to_the_fuzzer() -> None:
    assert "store.name" in EDITABLE
