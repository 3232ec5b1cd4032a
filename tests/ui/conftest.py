"""Fixtures for the customer screens: a seeded store, a themed window, and a `Kiosk`
helper that taps widgets by objectName the way a customer would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.app import Store
from kiosk.services.gateway import SystemClock
from kiosk.ui.compose import open_kiosk
from kiosk.ui.flow import Timing
from kiosk.ui.main_window import MainWindow
from tests.helpers import make_store

NEVER = 10**9
SOMCHAI = "0812345678"  # 120 points, Bronze, lifetime 120
SOMYING = "0912345678"  # สมหญิง ใจดี: 195 points, 5 short of Silver
SHOP_PROMPTPAY_ID = "0899999999"  # a shop's own target (not the example, not the demo)


@pytest.fixture(scope="session", autouse=True)
def _themed_app(qapp: QApplication) -> QApplication:
    from kiosk.ui.theme import apply_theme

    apply_theme(qapp)
    # The tests that run the kiosk's own event loop (``run_kiosk``) show a window inside
    # ``exec()``; with quit-on-last-window-closed on, Qt then stops delivering timers and
    # cross-thread signals to every later test in this process. The kiosk itself needs it
    # on (closing the demo's window ends the program); the tests quit explicitly.
    qapp.setQuitOnLastWindowClosed(False)
    return qapp


@pytest.fixture(autouse=True)
def _normal_text_after(_themed_app: QApplication) -> Iterator[None]:
    """The text scale is one module-wide value (screens size things by it): a test that
    leaves large text on must not hand that size to the next test's window."""
    yield
    from kiosk.ui import theme

    if theme.text_scale() != 1.0:
        theme.apply_theme(_themed_app)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = make_store(
        db_url,
        config={
            "payments": {
                "promptpay_delay_seconds": 0,
                "promptpay_failure_rate": 0,
                "cash_acceptor": True,
            },
            "store": {"promptpay_id": SHOP_PROMPTPAY_ID},
            "kiosk": {"language": "en"},
        },
        clock=SystemClock(),  # the screens' timers run on the real clock
    )
    yield s
    s.close()


class Kiosk:
    """The window plus taps and waits, by objectName, like a customer would."""

    def __init__(self, qtbot: Any, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.flow = window.flow
        self.store = window.flow.store

    # -- finding and tapping ---------------------------------------------------------------
    def w(self, name: str) -> QWidget:
        found = self.window.findChild(QWidget, name)
        assert found is not None, f"no widget named {name!r}"
        return found

    def visible(self, name: str) -> bool:
        found = self.window.findChild(QWidget, name)
        return found is not None and found.isVisible()

    def tap(self, name: str) -> None:
        widget = self.w(name)
        if not widget.isVisible():  # widgets added to a shown layout appear on the next loop
            self.qtbot.waitUntil(widget.isVisible, timeout=1000)
        assert widget.isEnabled(), f"{name} is disabled"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def text(self, name: str) -> str:
        widget = self.w(name)
        return widget.text()  # type: ignore[attr-defined]

    def screen(self) -> str:
        return self.window.current_screen()

    def wait_screen(self, name: str, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: self.screen() == name, timeout=timeout)

    # -- the demo menu ------------------------------------------------------------------------
    def item(self, name_en: str) -> Any:
        return next(i for i in self.flow.items.values() if i.name_en == name_en)

    def option(self, item_name: str, option_name: str) -> int:
        item = self.item(item_name)
        return next(o.id for g in item.option_groups for o in g.options if o.name_en == option_name)

    # -- steps ----------------------------------------------------------------------------------
    def start(self, mode: str = "dine_in") -> None:
        assert self.screen() == "welcome"
        self.tap(f"mode_{mode}")  # the first tap: Eat here / Take away on the welcome
        self.wait_screen("menu")

    def add(self, name_en: str, *options: str, quantity: int = 1) -> None:
        """Tap the dish; a dish that needs a choice opens its sheet, any other goes in with
        its defaults and, when ``options`` are asked for, is changed from the cart."""
        item = self.item(name_en)
        self.tap(f"category_{item.category_id}")
        before = {i: line.quantity for i, line in enumerate(self.flow.cart.lines)}
        self.tap(f"menu_item_{item.id}")
        if not self.visible("options_sheet"):
            if not options:
                for _ in range(quantity - 1):
                    self.tap(f"menu_item_{item.id}")
                return
            changed = [
                i
                for i, line in enumerate(self.flow.cart.lines)
                if line.item_id == item.id and before.get(i) != line.quantity
            ]
            assert changed and changed[0] not in before, (
                "tap the dish with choices before adding it plainly: the line would merge"
            )
            self.tap(f"cart_line_{changed[0]}_change")
            assert self.visible("options_sheet")
        for opt in options:
            self.tap(f"option_{self.option(name_en, opt)}")
        for _ in range(quantity - 1):
            self.tap("options_plus")
        self.tap("options_add")
        assert not self.visible("options_sheet")

    def open_options(self, name_en: str) -> None:
        """Open the dish's options sheet the way a customer would: a dish that needs a
        choice opens it when tapped; any other goes in with its defaults and the cart
        line's "Change" opens it."""
        item = self.item(name_en)
        self.tap(f"category_{item.category_id}")
        self.tap(f"menu_item_{item.id}")
        if self.visible("options_sheet"):
            return
        index = max(i for i, line in enumerate(self.flow.cart.lines) if line.item_id == item.id)
        self.tap(f"cart_line_{index}_change")
        assert self.visible("options_sheet")

    def to_member(self) -> None:
        self.tap("cart_checkout")
        self.wait_screen("member")

    def to_review(self) -> None:
        """From the menu to the Review screen: Checkout, then "See order"."""
        self.tap("cart_checkout")
        self.wait_screen("member")
        self.tap("member_see_order")
        self.wait_screen("review")

    def member_to_payment(self) -> None:
        """A found member's choices are on the member screen; the payment screen is where
        Back from the card screen goes."""
        self.tap("member_pay_card")
        self.wait_screen("card")
        self.tap("card_back")
        self.wait_screen("payment")

    def type_phone(self, digits: str) -> None:
        for d in digits:
            self.tap(f"member_keypad_key_{d}")

    def find_member(self, digits: str) -> None:
        """Type the number; a whole mobile number is looked up by its last digit."""
        self.type_phone(digits)
        if not self.window.member.complete():
            self.tap("member_lookup")

    def skip_member(self) -> None:
        self.tap("member_skip")
        self.wait_screen("payment")

    def type_card(self, number: str, expiry: str = "1230", cvv: str = "123") -> None:
        self.tap("card_number")
        for d in number.replace(" ", ""):
            self.tap(f"card_keypad_key_{d}")
        self.tap("card_expiry")
        for d in expiry:
            self.tap(f"card_keypad_key_{d}")
        self.tap("card_cvv")
        for d in cvv:
            self.tap(f"card_keypad_key_{d}")

    def wait_result(self, timeout: int = 5000) -> None:
        self.wait_screen("result", timeout)

    def order(self) -> Any:
        assert self.flow.order is not None
        return self.store.orders.get(self.flow.order.id)

    def visible_texts(self, root: QWidget | None = None) -> dict[str, str]:
        """objectName/path → text of every visible label and button under ``root``."""
        from PySide6.QtWidgets import QLabel

        root = root or self.window
        out: dict[str, str] = {}
        for i, widget in enumerate(root.findChildren(QWidget)):
            if not widget.isVisibleTo(root) or not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QAbstractButton):
                text = widget.text()
                if text:
                    out[f"{widget.objectName() or type(widget).__name__}#{i}"] = text
        return out


@pytest.fixture
def make_kiosk(qtbot: Any, store: Store) -> Iterator[Callable[..., Kiosk]]:
    windows: list[MainWindow] = []

    def make(
        size: tuple[int, int] = (1080, 1920),
        language: str = "en",
        timing: Timing | None = None,
        ask: Callable[[str, str, str], bool] | None = None,
        kiosk_mode: bool = False,
    ) -> Kiosk:
        timing = timing or Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=20)
        if timing.tap_guard_ms is None:  # tests tap faster than a customer can
            timing.tap_guard_ms = 0
        window = open_kiosk(
            store,
            language=language,
            kiosk_mode=kiosk_mode,
            timing=timing,
            ask=ask or (lambda *_: True),
        )
        window.resize(QSize(*size))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return Kiosk(qtbot, window)

    yield make
    for window in windows:
        window.allow_close()
        window.flow.runner.wait(5000)
        window.close()
        window.deleteLater()
    # delete now, not at interpreter exit (PySide's exit clean-up may crash otherwise)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def kiosk(make_kiosk: Callable[..., Kiosk]) -> Kiosk:
    return make_kiosk()
