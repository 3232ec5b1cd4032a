"""Walk the demo flow offscreen and save one PNG per screen, language and size.

``kiosk screenshots DIR --lang all --size all`` calls :func:`take_screenshots`, which also
renders the admin panel in the same languages. It builds its own throw-away store (SQLite
in a temporary folder, demo menu, fixed clock, PromptPay confirming instantly) so the
pictures are the same on every run."""

from __future__ import annotations

import logging
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QApplication

from kiosk.app import Store, build_store
from kiosk.config import Settings
from kiosk.services.demo import seed_demo
from kiosk.services.payments import DEMO_PROMPTPAY_ID
from kiosk.ui.compose import open_kiosk
from kiosk.ui.flow import Timing
from kiosk.ui.launch import application
from kiosk.ui.png import save_png

log = logging.getLogger(__name__)

SHOT_MEMBER = "0912345678"  # สมหญิง ใจดี: 195 lifetime points, one order from Silver
NEW_MEMBER = "0898765432"
NEVER = 10**9


class FixedClock:
    """A clock stopped at lunchtime, so order numbers, receipts and card checks repeat."""

    def __init__(self, at: datetime | None = None) -> None:
        self.at = at or datetime(2025, 3, 14, 5, 30, tzinfo=UTC)

    def now(self) -> datetime:
        return self.at

    def sleep(self, seconds: float) -> None:
        return None


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert app is not None
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def settle(rounds: int = 5) -> None:
    app = QApplication.instance()
    for _ in range(rounds):
        assert app is not None
        app.processEvents()
        time.sleep(0.005)


def demo_store(settings: Settings, folder: Path) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    shot_settings = settings.merged(
        {
            "database": {"url": f"sqlite:///{folder / 'screenshots.db'}"},
            "payments": {
                "promptpay_delay_seconds": 0,
                "promptpay_failure_rate": 0,
                "cash_acceptor": True,
                "mock_ledger": ":memory:",  # throw-away, like the database
            },
            "store": {"promptpay_id": DEMO_PROMPTPAY_ID},
            "kiosk": {"receipts_dir": str(folder / "receipts")},
        }
    )
    clock = FixedClock()
    store = build_store(shot_settings, migrate=True, rng=random.Random(1), clock=clock)
    seed_demo(store.db, store.settings_file, now=clock.now())
    return store


class Walker:
    """Drives one window through the demo flow, saving pictures as it goes."""

    def __init__(self, store: Store, out_dir: Path, lang: str, size: str) -> None:
        self.store = store
        self.out_dir = out_dir
        self.lang = lang
        self.size = size
        w, h = (int(v) for v in size.split("x"))
        self.window = open_kiosk(
            store,
            language=lang,
            timing=Timing(idle_ms=NEVER, result_ms=30_000, poll_ms=NEVER, idle_warning_ms=10_000),
            ask=lambda *_: True,
        )
        self.window.resize(QSize(w, h))
        self.window.show()
        settle()
        self.flow = self.window.flow
        self.saved: list[Path] = []

    def shot(self, name: str) -> Path:
        settle()
        path = self.out_dir / f"{name}_{self.lang}_{self.size}.png"
        save_png(self.window.grab(), path)
        self.saved.append(path)
        return path

    def go_screen(self, name: str) -> None:
        if not wait_until(lambda: self.window.current_screen() == name):
            raise RuntimeError(
                f"screenshots: expected the {name} screen, not {self.window.current_screen()}"
            )

    def item_id(self, name_en: str) -> int:
        return next(i.id for i in self.flow.items.values() if i.name_en == name_en)

    def option_id(self, item_id: int, name_en: str) -> int:
        item = self.flow.items[item_id]
        return next(o.id for g in item.option_groups for o in g.options if o.name_en == name_en)

    def run(self) -> list[Path]:
        w, flow = self.window, self.flow
        self.shot("welcome")
        w.welcome.ask_table("table", False)  # as with [kiosk] table_numbers = "table"
        w.welcome.table_pad.press("12")
        self.shot("table")
        w.welcome.show_stage("attract")
        w.welcome.dine_in.click()
        self.go_screen("menu")
        pad_thai = self.item_id("Pad Thai with Prawns")
        tea = self.item_id("Thai Iced Tea")
        som_tam = self.item_id("Green Papaya Salad")
        flow.cart.add(pad_thai, [self.option_id(pad_thai, "Large")], 1)
        flow.cart.add(tea, [], 2)
        flow.cart.add(som_tam, [], 1)
        flow.cart_controller.refresh()
        self.shot("menu")
        w.menu.cart.edit_requested.emit(0)  # the cart line's "Change"
        for opt in ("Thai hot", "Extra prawns", "Fried egg"):
            w.options.option_buttons[self.option_id(pad_thai, opt)].click()
        self.shot("options")
        w.options.cancel.click()
        w.menu.cart.checkout.click()
        self.go_screen("member")
        self.shot("member_entry")
        w.member.see_order.click()
        self.go_screen("review")
        self.shot("review")
        w.review.checkout.click()
        self.go_screen("member")
        # a number that is not a member yet: the sign-up screen
        w.member.keypad.press(NEW_MEMBER)
        self.shot("member_new")
        w.member.signup.click()
        self.go_screen("signup")
        w.signup.keyboard.type_text("Ploy" if self.lang == "en" else "พลอย")
        self.shot("signup")
        w.signup.back.click()
        self.go_screen("member")
        w.member.keypad.clear_button.click()
        w.member.keypad.press(SHOT_MEMBER)
        w.member.slider.setValue(100)
        self.shot("member")
        w.member.method_buttons["card"].click()  # the choices beside the points
        self.go_screen("card")
        w.card.type_digits("number", "4242424242424242")
        w.card.type_digits("expiry", "1229")
        w.card.type_digits("cvv", "12")
        self.shot("card")
        w.card.back.click()
        self.go_screen("payment")
        self.shot("payment")
        w.payment.promptpay.click()
        self.go_screen("promptpay")
        self.shot("promptpay")
        flow.payment_controller.on_poll_timer_timeout()  # one status check: the mock bank confirms
        self.go_screen("result")
        self.shot("result")
        # a failed PromptPay payment
        w.result.done.click()
        self.go_screen("welcome")
        self._quick_order()
        self.store.settings.update({"payments.promptpay_failure_rate": 1}, staff="screenshots")
        try:
            w.payment.promptpay.click()
            self.go_screen("promptpay")
            flow.payment_controller.on_poll_timer_timeout()
            self.go_screen("result")
            self.shot("failure")
        finally:
            self.store.settings.update({"payments.promptpay_failure_rate": 0}, staff="screenshots")
        w.result.cancel.click()
        self.go_screen("welcome")
        # cash paid at the counter (a kiosk without a cash acceptor)
        self._quick_order()
        self.store.settings.update({"payments.pay_at_counter": True}, staff="screenshots")
        try:
            flow.payment_controller.show_payment("")
            w.payment.cash.click()
            self.go_screen("result")
            self.shot("counter")
        finally:
            self.store.settings.update({"payments.pay_at_counter": False}, staff="screenshots")
        w.result.done.click()
        self.go_screen("welcome")
        # the cart's upsell strip, offered after the first dish ("Add a drink?")
        w.welcome.take_away.click()
        self.go_screen("menu")
        mango = self.item_id("Mango Sticky Rice")
        w.menu.category_buttons[flow.items[mango].category_id].click()
        w.menu.cards[mango].click()  # no options: one tap puts it in the cart
        self.shot("upsell")
        flow.reset(cancel_order=True)
        # "Still there?"
        w.welcome.take_away.click()
        self.go_screen("menu")
        flow.cart.add(self.item_id("Mango Sticky Rice"))
        flow.cart_controller.refresh()
        flow.idle_controller.on_idle()
        self.shot("idle")
        flow.reset(cancel_order=True)
        flow.show_error_screen()
        self.go_screen("error")
        self.shot("error")
        flow.reset(cancel_order=False)
        self.go_screen("welcome")
        self._access_shots()
        return self.saved

    def _access_shots(self) -> None:
        """Large text (menu, member) and, in portrait, reach mode (menu)."""
        w, flow = self.window, self.flow
        w.access.set_large_text(True)
        self.shot("large_welcome")
        w.welcome.take_away.click()
        self.go_screen("menu")
        flow.cart.add(self.item_id("Thai Iced Tea"), [], 2)
        flow.cart.add(self.item_id("Green Papaya Salad"))
        flow.cart_controller.refresh()
        self.shot("large_menu")
        w.menu.cart.checkout.click()
        self.go_screen("member")
        w.member.keypad.press(SHOT_MEMBER)
        self.shot("large_member")
        w.access.set_large_text(False)
        if w.portrait:
            w.member.change.click()
            w.access.set_reach(True)
            self.shot("reach_member")
        flow.reset(cancel_order=True)

    def _quick_order(self) -> None:
        w, flow = self.window, self.flow
        w.welcome.take_away.click()
        self.go_screen("menu")
        flow.cart.add(self.item_id("Basil Chicken on Rice"))
        flow.cart_controller.refresh()
        w.menu.cart.checkout.click()
        self.go_screen("member")
        w.member.skip.click()
        self.go_screen("payment")

    def close(self) -> None:
        self.window.allow_close()
        self.window.close()
        self.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle()


def take_screenshots(
    settings: Settings, out_dir: Path, langs: list[str], sizes: list[str]
) -> list[Path]:
    application()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        for size in sizes:
            for lang in langs:
                # a fresh store each time: the same order numbers, balances and tier-up
                store = demo_store(settings, Path(tmp) / f"{lang}_{size}")
                walker = Walker(store, out_dir, lang, size)
                try:
                    paths += walker.run()
                finally:
                    walker.close()
                    store.close()
        try:
            from kiosk.ui.admin.screenshots import take_admin_screenshots
        except ImportError as exc:
            if exc.name and not exc.name.startswith("kiosk.ui.admin"):
                raise
        else:
            store = demo_store(settings, Path(tmp) / "admin")
            try:
                paths += take_admin_screenshots(store, out_dir, sizes, langs=langs)
            finally:
                store.close()
    return paths
