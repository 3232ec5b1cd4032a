"""The shortest order, counted tap by tap with real clicks on the real widgets: one dish
without a required choice, cash, with the member looked up by phone in at most 13 taps
from Welcome to the order number (nine of them the phone digits after the given 0), and
at most 5 without points."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import SOMCHAI, Kiosk


class PressCounter(QObject):
    """Counts the mouse presses Qt delivers to a widget of the window, whoever sends them:
    a tap the helper did not mean (or one that missed) still counts."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.seen: set[tuple[int, float, float]] = set()

    @property
    def presses(self) -> int:
        return len(self.seen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(watched, QWidget)
            and (watched is self.window or self.window.isAncestorOf(watched))
        ):
            # one press passed on to a parent is still one tap
            pos = event.globalPosition()  # type: ignore[attr-defined]
            self.seen.add((event.timestamp(), pos.x(), pos.y()))  # type: ignore[attr-defined]
        return False


@pytest.fixture
def counted(make_kiosk: Callable[..., Kiosk]) -> Any:
    def make(size: tuple[int, int]) -> tuple[Kiosk, list[str], PressCounter]:
        kiosk = make_kiosk(size=size)
        taps: list[str] = []
        tap = kiosk.tap

        def counting_tap(name: str) -> None:
            taps.append(name)
            tap(name)

        kiosk.tap = counting_tap  # type: ignore[method-assign]
        counter = PressCounter(kiosk.window)
        QApplication.instance().installEventFilter(counter)  # type: ignore[union-attr]
        made.append(counter)
        return kiosk, taps, counter

    made: list[PressCounter] = []
    yield make
    for counter in made:
        QApplication.instance().removeEventFilter(counter)  # type: ignore[union-attr]


def first_dish(kiosk: Kiosk) -> Any:
    """The first dish on the menu as it opens, if it goes into the cart in one tap."""
    shown = kiosk.window.menu.current_category
    dish = next(
        i
        for i in kiosk.flow.items.values()
        if i.category_id == shown and i.on_sale and i.option_groups and not i.needs_choice
    )
    return dish


SIZES = [(1080, 1920), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_a_member_orders_one_dish_and_pays_cash_in_13_taps(counted: Any, size: Any) -> None:
    kiosk, taps, counter = counted(size)
    member = kiosk.store.customers.find_by_phone(SOMCHAI)
    assert member is not None
    dish = first_dish(kiosk)

    kiosk.tap("mode_take_away")  # 1: Welcome: where you eat starts the order
    kiosk.wait_screen("menu")
    assert kiosk.w(f"menu_item_{dish.id}").isVisible()  # on the menu as it opens
    kiosk.tap(f"menu_item_{dish.id}")  # 2: in the cart with its defaults
    assert not kiosk.visible("options_sheet")
    kiosk.tap("cart_checkout")  # 3
    kiosk.wait_screen("member")
    kiosk.type_phone(SOMCHAI[1:])  # 4-12: the 0 is given; the last digit looks it up
    assert kiosk.window.member.state == "found"
    assert kiosk.visible("member_pay_cash")
    kiosk.tap("member_pay_cash")  # 13: the methods are beside the member's points
    kiosk.wait_result()

    assert len(taps) == 13, taps
    assert counter.presses == 13
    order = kiosk.order()
    assert kiosk.window.result.number.text() == order.number
    assert order.status in ("paid", "preparing")  # paid; the kitchen may have it
    assert order.customer_phone == member.phone
    assert [p.method for p in order.payments] == ["cash"]
    (line,) = order.lines
    assert line.item_id == dish.id
    assert sorted(o["id"] for o in line.options) == sorted(dish.default_options())
    after = kiosk.store.customers.find_by_phone(SOMCHAI)
    assert after is not None and after.points == member.points + order.points_earned > 0


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_an_order_without_points_takes_5_taps(counted: Any, size: Any) -> None:
    kiosk, taps, counter = counted(size)
    dish = first_dish(kiosk)

    kiosk.tap("mode_dine_in")  # 1
    kiosk.wait_screen("menu")
    kiosk.tap(f"menu_item_{dish.id}")  # 2
    kiosk.tap("cart_checkout")  # 3
    kiosk.wait_screen("member")
    kiosk.tap("member_skip")  # 4
    kiosk.wait_screen("payment")
    kiosk.tap("pay_cash")  # 5
    kiosk.wait_result()

    assert len(taps) == 5, taps
    assert counter.presses == 5
    order = kiosk.order()
    assert order.status in ("paid", "preparing") and not order.customer_phone
    assert kiosk.window.result.number.text() == order.number


def test_no_step_is_lost_for_people_who_want_it(make_kiosk: Callable[..., Kiosk]) -> None:
    """Choices, the order line by line, redeeming and signing up are all still there."""
    kiosk = make_kiosk()
    kiosk.start()
    pad_thai = kiosk.item("Pad Thai with Prawns")
    kiosk.tap(f"menu_item_{pad_thai.id}")
    # the defaults went in; the cart line opens the sheet on them, to change them
    kiosk.tap("cart_line_0_change")
    assert kiosk.visible("options_sheet")
    large = kiosk.option("Pad Thai with Prawns", "Large")
    assert not kiosk.w(f"option_{large}").isChecked()
    kiosk.tap(f"option_{large}")
    assert kiosk.text("options_add").startswith("Save changes")
    kiosk.tap("options_add")
    assert len(kiosk.flow.cart.lines) == 1
    assert large in kiosk.flow.cart.lines[0].options
    kiosk.to_member()
    kiosk.tap("member_see_order")  # the order line by line
    kiosk.wait_screen("review")
    kiosk.tap("review_checkout")
    kiosk.wait_screen("member")
    kiosk.find_member(SOMCHAI)
    kiosk.tap("redeem_plus")
    assert kiosk.window.member.redeem > 0
    kiosk.tap("member_pay_cash")
    kiosk.wait_result()
    assert kiosk.order().points_redeemed > 0


def test_a_dish_that_needs_a_choice_still_asks(make_kiosk: Callable[..., Kiosk]) -> None:
    """A required group without a default: the sheet opens, Add waits for the choice."""
    kiosk = make_kiosk()
    pad_thai = kiosk.item("Pad Thai with Prawns")
    spice = next(g for g in pad_thai.option_groups if g.name_en == "Spice level")
    for option in spice.options:
        kiosk.store.menu.update_option(option.id, staff="manager", is_default=False)
    kiosk.qtbot.waitUntil(lambda: kiosk.item("Pad Thai with Prawns").needs_choice, timeout=3000)
    kiosk.start()
    kiosk.tap(f"menu_item_{pad_thai.id}")
    assert kiosk.visible("options_sheet")
    assert not kiosk.w("options_add").isEnabled()
    assert not kiosk.flow.cart
