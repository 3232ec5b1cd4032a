"""Issue 14's examples, one by one, on SQLite and PostgreSQL: each call is refused with
the project's own error, naming the field and quoting at most a few characters, and the
database is unchanged afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest

from kiosk.app import Store
from kiosk.services.errors import (
    InvalidAmount,
    InvalidCard,
    InvalidFileName,
    InvalidInput,
    InvalidOrder,
    InvalidPhoneNumber,
    InvalidText,
    OutOfRange,
    Required,
    ServiceError,
    TooLong,
    UnknownField,
    WrongType,
)
from kiosk.services.gateway import luhn_ok, validate_card
from kiosk.services.validation import MAX_ID, Text, shown, validated
from tests.helpers import CARD_OK, FakeClock, make_store
from tests.hostile import backends, own_pg_database, snapshot, stored_wrongly

MEMBER = "081-234-5678"
BIG = 2**63
PG_INT = 2**31  # beyond PostgreSQL INTEGER ids


@pytest.fixture(scope="module", params=backends())
def shared(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    if request.param == "sqlite":
        store = make_store(f"sqlite:///{tmp_path_factory.mktemp('v') / 'kiosk.db'}")
        yield store
        store.close()
        return
    with own_pg_database() as url:
        store = make_store(url, clock=FakeClock())
        yield store
        store.close()


@pytest.fixture
def refused(shared: Store) -> Iterator[Callable[..., ServiceError]]:
    """``refused(Error, fn, *args, **kw)``: the call raises ``Error`` and changes nothing."""

    def check(error: type[ServiceError], fn: Callable[..., Any], *a: Any, **kw: Any) -> Any:
        before = snapshot(shared)
        with pytest.raises(error) as info:
            fn(*a, **kw)
        assert snapshot(shared) == before
        assert len(info.value.message) < 300
        return info.value

    yield check
    assert stored_wrongly(shared) == []


def _order(store: Store) -> int:
    return store.orders.create([{"item_id": 2, "quantity": 1}], customer_phone=MEMBER).id


# -- NUL, surrogates, lengths --------------------------------------------------------------


@pytest.mark.parametrize("bad", ["\x00", "Som\x00chai", "\ud800", "x\udfffy"])
def test_nul_and_lone_surrogates_are_refused_everywhere(shared: Store, refused, bad: str) -> None:  # type: ignore[no-untyped-def]
    s = shared
    e = refused(InvalidText, s.customers.search, bad)
    assert e.field == "query"
    assert "cannot be stored" in e.message
    refused(InvalidText, s.customers.register, "0899999999", bad)
    refused(InvalidText, s.customers.update, 1, "Boss", first_name=bad)
    refused(InvalidText, s.menu.update_item, 1, name_en=bad)
    refused(InvalidText, s.loyalty.adjust, MEMBER, 5, bad, "Boss")
    refused(InvalidText, s.orders.create, [{"item_id": 1}], kiosk_id=bad)
    oid = _order(s)
    try:
        refused(InvalidText, s.payments.process_payment, oid, "cash", {}, "k" + bad)
    finally:
        s.orders.cancel(oid)
    refused(InvalidText, s.staff.authenticate, bad, "1234")


def test_strings_longer_than_the_column_are_refused_on_both_backends(
    shared: Store, refused
) -> None:  # type: ignore[no-untyped-def]
    s = shared
    e = refused(TooLong, s.customers.update, 1, "Boss", first_name="x" * 500)
    assert (e.field, e.limit) == ("first_name", 100)
    assert "x" * 20 not in e.message and e.message == "That name is too long."
    refused(TooLong, s.menu.update_item, 1, name_en="n" * 101)
    refused(TooLong, s.customers.register, "0899999999", "Nok", email="e" * 300)
    refused(TooLong, s.orders.create, [{"item_id": 1}], kiosk_id="k" * 100)
    refused(TooLong, s.loyalty.adjust, MEMBER, 5, "why", "s" * 100)
    refused(TooLong, s.customers.register, "0899999999", "x" * 10_000)


# -- card data ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "424242424242424²",
        "４２４２４２４２４２４２４２４２",
        "๔๒๔๒๔๒๔๒๔๒๔๒๔๒๔๒",
        "4242\x004242 4242 4242",
        "4242.4242.4242.4242",
    ],
)
def test_card_numbers_need_ascii_digits(shared: Store, refused, number: str) -> None:  # type: ignore[no-untyped-def]
    oid = _order(shared)
    try:
        card = {**CARD_OK, "card_number": number}
        e = refused(InvalidCard, shared.payments.process_payment, oid, "card", card, "c1")
        assert "4242" not in e.message
    finally:
        shared.orders.cancel(oid)


@pytest.mark.parametrize("cvv", ["¹²³", "๑๒๓", "１２３", "12\x00", 123.0])
def test_cvv_and_expiry_need_ascii_digits(cvv: object) -> None:
    from datetime import UTC, datetime

    today = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(InvalidCard):
        validate_card({**CARD_OK, "cvv": cvv}, today)
    with pytest.raises(InvalidCard):
        validate_card({**CARD_OK, "expiry": "１２/３５"}, today)
    with pytest.raises(InvalidCard):
        validate_card("4242424242424242", today)  # type: ignore[arg-type]


def test_luhn_check_never_raises() -> None:
    assert luhn_ok("4242424242424242")
    for text in ("424242424242424²", "๔๒๔๒", "", "4242-4242", "x"):
        assert luhn_ok(text) is False


# -- menu -----------------------------------------------------------------------------------


def test_menu_refusals(shared: Store, refused) -> None:  # type: ignore[no-untyped-def]
    m = shared.menu
    e = refused(InvalidInput, m.update_item, 1, category_id=99999)
    assert e.field == "category_id"
    e = refused(UnknownField, m.update_item, 1, bogus=1)
    assert e.field == "bogus"
    refused(InvalidAmount, m.set_price, 1, 10**30)
    refused(InvalidAmount, m.set_price, 1, "1e12")
    refused(InvalidAmount, m.set_price, 1, Decimal("NaN"))
    refused(InvalidAmount, m.set_price, 1, "Infinity")
    refused(InvalidAmount, m.set_price, 1, -1)
    refused(InvalidAmount, m.set_price, 1, 12.5)
    refused(WrongType, m.set_available, 1, "no")
    refused(Required, m.update_item, 1, name_en="")
    refused(Required, m.update_item, 1, name_th="   ")
    for image in ("../../etc/passwd", "/etc/passwd", "a/b.png", "..png", ".hidden.png", "x.exe"):
        refused(InvalidFileName, m.update_item, 1, image=image)
    refused(InvalidAmount, m.add_option, 1, "Gold", "ทอง", "1e30")
    refused(UnknownField, m.update_option, 1, **{"x" * 5000: 1})


def test_safe_images_are_accepted(shared: Store) -> None:
    before = shared.menu.item(1).image
    try:
        assert shared.menu.update_item(1, image="pad_thai.png").image == "pad_thai.png"
        path = "/home/kiosk/.local/share/orderup-kiosk/images/item_1.png"  # the admin panel's copy
        assert shared.menu.update_item(1, image=path).image == path
    finally:
        shared.menu.update_item(1, image=before)


# -- ids, limits, points -----------------------------------------------------------------------


def test_ids_beyond_bigint_and_negative_limits(shared: Store, refused) -> None:  # type: ignore[no-untyped-def]
    s = shared
    for fn in (s.orders.get, s.customers.get, s.menu.item, s.staff.get):
        e = refused(OutOfRange, fn, BIG)
        assert "not a valid id" in e.message
        refused(OutOfRange, fn, 0)
        refused(OutOfRange, fn, PG_INT)
        refused(WrongType, fn, "1")
    refused(InvalidOrder, s.orders.quote, [{"item_id": BIG}])
    refused(InvalidOrder, s.orders.create, [{"item_id": 1, "options": [BIG]}])
    refused(OutOfRange, s.loyalty.redeem, BIG, 10)
    refused(OutOfRange, s.loyalty.redeem, 1, BIG)
    refused(OutOfRange, s.customers.search, "x", -1)
    refused(OutOfRange, s.customers.search, "x", 10, -5)
    refused(OutOfRange, s.orders.list, None, BIG)
    refused(OutOfRange, s.loyalty.adjust, MEMBER, 10**12, "typo", "Boss")


def test_an_id_in_range_that_does_not_exist_is_not_found(shared: Store) -> None:
    from kiosk.services.errors import NotFound

    with pytest.raises(NotFound):
        shared.orders.get(MAX_ID)


# -- type confusion ---------------------------------------------------------------------------


def test_type_confusion_at_the_boundary(shared: Store, refused) -> None:  # type: ignore[no-untyped-def]
    s = shared
    member = s.customers.register("0898765432", "Lek", last_name=None)  # None: no last name
    assert member.last_name == ""
    oid = _order(s)
    try:
        refused(WrongType, s.payments.process_payment, oid, "card", "4242424242424242")
        refused(WrongType, s.staff.authenticate, "Ploy", 2468)
        refused(WrongType, s.customers.register, "0898765433", ["Lek"])
        refused(InvalidOrder, s.orders.create, "not a list of lines")
        refused(InvalidOrder, s.orders.quote, ["not a line"])
        refused(InvalidInput, s.payments.process_payment, oid, "bitcoin")
    finally:
        s.orders.cancel(oid)


# -- wrongly accepted -------------------------------------------------------------------------


def test_empty_names_refused_on_update_like_on_register(shared: Store, refused) -> None:  # type: ignore[no-untyped-def]
    e = refused(Required, shared.customers.update, 1, "Boss", first_name="")
    assert e.message == "Please enter a first name."
    refused(Required, shared.customers.update, 1, "Boss", first_name="  ")


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", " \u200b\u2060 ", "\u200c\u200d"])
def test_a_name_of_invisible_characters_only_is_empty(
    shared: Store, refused, invisible: str
) -> None:  # type: ignore[no-untyped-def]
    refused(Required, shared.customers.register, "0899990001", invisible)
    refused(Required, shared.customers.update, 1, "Boss", first_name=invisible)


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_bidi_overrides_are_refused_in_names(shared: Store, refused, control: str) -> None:  # type: ignore[no-untyped-def]
    """ "\u202egnp.exe" would show as "exe.png": the display order differs from the text."""
    refused(InvalidText, shared.customers.register, "0899990002", f"{control}gnp.exe")


def test_names_keep_emoji_joiners_and_lose_only_invisible_ends(shared: Store) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    member = shared.customers.register("0899990003", f"\u200b{family} Som\ufeff")
    assert member.first_name == f"{family} Som"


@pytest.mark.parametrize("wildcard", ["%", "_", "%%", "\\", "a%", "_o"])
def test_like_wildcards_match_only_themselves(shared: Store, wildcard: str) -> None:
    assert shared.customers.search(wildcard) == []


def test_a_percent_sign_in_a_name_is_found(shared: Store) -> None:
    m = shared.customers.register("0897776655", "100%", last_name="Ma_li")
    assert [v.id for v in shared.customers.search("100%")] == [m.id]
    assert [v.id for v in shared.customers.search("a_l")] == [m.id]
    assert shared.customers.search("a%l") == []


def test_messages_never_echo_the_input(shared: Store, refused) -> None:  # type: ignore[no-untyped-def]
    e = refused(InvalidInput, shared.payments.status, "a" * 10_000)
    assert "aaaaaaaaaaaaa" not in e.message
    e = refused(InvalidInput, shared.settings.update, {"x" * 10_000: 1}, "Boss")
    assert "x" * 13 not in e.message
    e = refused(InvalidInput, shared.settings.update, {"store.name": "n" * 10_000}, "Boss")
    assert "n" * 13 not in e.message
    e = refused(InvalidInput, shared.settings.update, {"store.vat_rate": "7" * 30}, "Boss")
    assert "7" * 13 not in e.message


def test_settings_numbers_are_finite_and_fit(shared: Store, refused) -> None:  # type: ignore[no-untyped-def]
    for key, value in [
        ("payments.promptpay_failure_rate", float("nan")),
        ("loyalty.baht_per_point", Decimal("Infinity")),
        ("loyalty.baht_per_point", 1e30),
        ("kiosk.idle_timeout_seconds", None),
        ("loyalty.tiers", {"bronze": 0, "gold": 10**12}),
        ("loyalty.tiers", {"bronze": 0, "g" * 40: 10}),
    ]:
        refused(InvalidInput, shared.settings.update, {key: value}, "Boss")


# -- digits in other scripts --------------------------------------------------------------------


def test_full_width_and_thai_digit_phone_numbers_find_the_member(shared: Store) -> None:
    for typed in ("０８１-２３４-５６７８", "๐๘๑-๒๓๔-๕๖๗๘", "（081）234-5678", "66812345678"):
        found = shared.customers.find_by_phone(typed)
        assert found is not None and found.phone == "+66812345678", typed
    with pytest.raises(InvalidPhoneNumber):
        shared.customers.find_by_phone("0" * 10_000)


# -- the decorator itself -----------------------------------------------------------------------


def test_validated_checks_positional_keyword_and_leaves_defaults() -> None:
    calls: list[tuple[Any, ...]] = []

    @validated(name=Text(5, required=True))
    def f(a: int, name: str = "dflt!!") -> None:
        calls.append((a, name))

    f(1, " ab ")
    f(2, name="cd")
    f(3)
    assert calls == [(1, "ab"), (2, "cd"), (3, "dflt!!")]
    with pytest.raises(TooLong):
        f(4, "abcdef")
    with pytest.raises(Required):
        f(5, name="")
    with pytest.raises(TypeError):
        validated(nope=Text(1))(f)


def test_shown_keeps_a_few_safe_characters() -> None:
    assert shown("x" * 100) == "x" * 11 + "…"
    assert shown("a\x00b") == "a?b"
    assert shown(12) == "int"


def test_a_refused_setting_is_named_whole_and_its_value_is_not_echoed(store: Store) -> None:
    # the provider name of the store's books is a settings row, not a setting staff change
    with pytest.raises(InvalidInput) as refused:
        store.settings.update({"system.mock_merchant": "0812345678"}, "Boss")
    assert str(refused.value) == "These settings cannot be changed here: system.mock_merchant."
    with pytest.raises(InvalidInput) as long_key:
        store.settings.update({"x" * 5000: 1}, "Boss")
    assert len(str(long_key.value)) < 100  # a hostile key is still cut
    assert shown("0812345678901234") == "08123456789…"  # what a customer typed: 12 at most


def test_a_range_is_written_as_people_write_numbers() -> None:
    from kiosk.services.errors import OutOfRange
    from kiosk.services.validation.rules import Number

    with pytest.raises(OutOfRange) as grace:
        Number(0, 86_400 * 366, label="Grace", as_float=True).check(-5, "grace")
    assert str(grace.value) == "Grace must be from 0 to 31,622,400."  # was 3.16224e+07
    with pytest.raises(OutOfRange) as rate:
        Number(0.5, 2.5, label="Rate").check(3, "rate")
    assert str(rate.value) == "Rate must be from 0.5 to 2.5."
