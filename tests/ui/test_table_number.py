"""The table or pager number: asked after "Eat here" when the shop wants it, typed on a
big keypad, kept on the order, the kitchen ticket, the receipt and the admin queue."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.services.errors import InvalidOrder
from kiosk.services.listings import OrderListing
from tests.ui.conftest import Kiosk


def _ask(kiosk: Kiosk, kind: str, required: bool = False) -> None:
    kiosk.store.settings.update(
        {"kiosk.table_numbers": kind, "kiosk.table_number_required": required}, staff="Ploy"
    )


def _texts(doc: object) -> str:
    return "\n".join(f"{line.left} {line.right}" for line in doc.lines)  # type: ignore[attr-defined]


def test_dine_in_asks_for_the_table_and_every_paper_shows_it(kiosk: Kiosk) -> None:
    _ask(kiosk, "table")
    kiosk.tap("mode_dine_in")
    assert kiosk.screen() == "welcome" and kiosk.visible("table_pad")
    assert kiosk.text("welcome_table_title") == "Your table number"
    assert not kiosk.w("table_continue").isEnabled()  # nothing typed yet
    for key in ("0", "1", "2", "3", "4", "5"):  # a leading 0 is ignored, 4 digits at most
        kiosk.tap(f"table_pad_key_{key}")
    assert kiosk.text("table_number") == "1234"
    kiosk.tap("table_pad_back")
    kiosk.tap("table_pad_back")
    assert kiosk.text("table_number") == "12"
    kiosk.tap("table_continue")
    kiosk.wait_screen("menu")
    kiosk.add("Fresh Coconut")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    order = kiosk.order()
    assert order.table_number == "12"
    assert "โต๊ะ 12" in _texts(kiosk.store.receipts.kitchen_ticket(order.id))
    assert "TABLE 12" in _texts(kiosk.store.receipts.receipt(order.id))
    listing = OrderListing(kiosk.store.db, kiosk.store.current_settings)
    assert [r.table_number for r in listing.page(0, 10) if r.id == order.id] == ["12"]


def test_take_away_and_none_never_ask(kiosk: Kiosk) -> None:
    _ask(kiosk, "table")
    kiosk.start("take_away")  # straight to the menu
    kiosk.tap("header_start_over")
    kiosk.wait_screen("welcome")
    _ask(kiosk, "none")
    kiosk.start("dine_in")


def test_skip_when_allowed_and_no_skip_when_required(kiosk: Kiosk) -> None:
    _ask(kiosk, "pager")
    kiosk.tap("mode_dine_in")
    assert kiosk.text("welcome_table_title") == "Your pager number"
    assert kiosk.visible("table_skip")
    kiosk.tap("table_skip")
    kiosk.wait_screen("menu")
    assert kiosk.flow.table_number == ""
    kiosk.tap("header_start_over")
    kiosk.wait_screen("welcome")

    _ask(kiosk, "pager", required=True)
    kiosk.tap("mode_dine_in")
    assert not kiosk.visible("table_skip")
    kiosk.window.welcome.table_chosen.emit("")  # even a forced empty answer is refused
    assert kiosk.screen() == "welcome"
    kiosk.tap("table_pad_key_7")
    kiosk.tap("table_continue")
    kiosk.wait_screen("menu")
    assert kiosk.flow.table_number == "7"


def test_thai_screen(make_kiosk: Callable[..., Kiosk]) -> None:
    kiosk = make_kiosk(language="th")
    _ask(kiosk, "table")
    kiosk.tap("mode_dine_in")
    assert kiosk.text("welcome_table_title") == "หมายเลขโต๊ะของคุณ"


@pytest.mark.parametrize(
    ("typed", "stored"), [("12", "12"), ("๑๒", "12"), ("０７", "7"), (5, "5"), ("", "")]
)
def test_the_service_cleans_the_number(kiosk: Kiosk, typed: object, stored: str) -> None:
    order = kiosk.store.orders.create([{"item_id": 1}], table_number=typed)  # type: ignore[arg-type]
    assert order.table_number == stored


@pytest.mark.parametrize("typed", ["0", "12345", "1a", "-1", "1.5", True, 2.0, "\x00"])
def test_the_service_refuses_what_is_not_a_table_number(kiosk: Kiosk, typed: object) -> None:
    with pytest.raises(InvalidOrder, match="table"):
        kiosk.store.orders.create([{"item_id": 1}], table_number=typed)  # type: ignore[arg-type]
