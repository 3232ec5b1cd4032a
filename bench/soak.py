"""A lunch rush through the real customer screens, in one process.

:class:`Customer` taps the kiosk's widgets by objectName, as a person would (mouse
clicks on real buttons, offscreen): dishes with and without options, members found and
redeeming, cash, card and PromptPay, customers who walk away (the idle reset) and
language switches. The soak test (``tests/ui/test_soak.py``) drives 300 such orders and
checks the database and the reference counts of ``None``/``True``/``False``;
``python -m bench.soak`` drives 2,000 and reports memory against a bare PySide6 window
measured in the same run (``make bench`` includes it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MEMBERS = ("0812345678", "0823456789", "0834567890", "0845678901", "0912345678")
CARD = "4242424242424242"
NEVER = 10**9


def rss_mb() -> float:
    """This process's resident set size in MB (Linux ``/proc``)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def refcounts() -> tuple[int, int, int]:
    """The reference counts of None/True/False once garbage is gone: objects left for the
    collector (by earlier tests, say) hold such references and would look like a leak
    when freed during the run. A binding that drops references is never made good by a
    collection, so what stays is the leak."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for _ in range(3):
        gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


@dataclass
class SoakStats:
    orders: list[str] = field(default_factory=list)  # order numbers shown on Result
    order_ids: list[int] = field(default_factory=list)
    walked_away: int = 0
    nothing_on_sale: int = 0
    methods: dict[str, int] = field(default_factory=dict)
    redeemed: int = 0


class Customer:
    """Taps a :class:`kiosk.ui.main_window.MainWindow` like a customer."""

    def __init__(self, window: Any, rng: random.Random) -> None:
        self.window = window
        self.rng = rng
        self.stats = SoakStats()

    # -- primitives -------------------------------------------------------------------------
    def widget(self, name: str, within: Any = None) -> Any:
        from PySide6.QtWidgets import QWidget

        found = (within or self.window).findChild(QWidget, name)
        if found is None:
            raise AssertionError(f"no widget named {name!r}")
        return found

    def wait(self, cond: Callable[[], bool], what: str, timeout_s: float = 10.0) -> None:
        from PySide6.QtTest import QTest

        end = time.monotonic() + timeout_s
        while not cond():
            if time.monotonic() > end:
                raise AssertionError(f"timed out waiting for {what}")
            QTest.qWait(5)

    def tap(self, name: str, within: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        w = self.widget(name, within)
        self.wait(lambda: w.isVisible() and w.isEnabled(), f"{name} to be tappable", 5)
        QTest.mouseClick(w, Qt.MouseButton.LeftButton)

    def screen(self) -> str:
        return str(self.window.current_screen())

    def wait_screen(self, name: str, timeout_s: float = 10.0) -> None:
        self.wait(lambda: self.screen() == name, f"screen {name} (on {self.screen()})", timeout_s)

    # -- one customer -----------------------------------------------------------------------
    def order_once(self, i: int) -> None:
        """The i-th customer of the day; varies everything with ``i`` and the rng."""
        flow = self.window.flow
        self.wait_screen("welcome")
        if i % 7 == 3:  # a customer who reads the other language
            lang = "th" if i % 2 else "en"
            self.tap(f"lang_{lang}", self.window.welcome)
        self.tap("mode_dine_in" if i % 2 else "mode_take_away")
        self.wait_screen("menu")
        items = list(flow.items.values())
        for item in self.rng.sample(items, k=min(len(items), 1 + i % 3)):
            if not item.on_sale:
                continue
            self.tap(f"category_{item.category_id}")
            self.tap(f"menu_item_{item.id}")
            if item.needs_choice:
                self.wait(lambda: self.widget("options_sheet").isVisible(), "options sheet")
                self.tap("options_add")
                self.wait(lambda: not self.widget("options_sheet").isVisible(), "sheet closed")
            elif item.option_groups and i % 5 == 1:  # changes the defaults from the cart
                line = max(n for n, c in enumerate(flow.cart.lines) if c.item_id == item.id)
                self.tap(f"cart_line_{line}_change")
                self.wait(lambda: self.widget("options_sheet").isVisible(), "options sheet")
                self.tap("options_add")
                self.wait(lambda: not self.widget("options_sheet").isVisible(), "sheet closed")
        if not flow.cart:  # everything it picked was sold out: leave by the header
            self.tap("header_start_over")
            self.stats.nothing_on_sale += 1
            return
        if i % 10 == 9:  # walks away: the idle warning, then start over
            self.window.idle.idle.emit()
            self.tap("idle_start_over")
            self.stats.walked_away += 1
            return
        self.tap("cart_checkout")
        self.wait_screen("member")
        if i % 6 == 2:  # checks the order line by line first
            self.tap("member_see_order")
            self.wait_screen("review")
            self.tap("review_checkout")
            self.wait_screen("member")
        method = ("cash", "card", "promptpay")[i % 3]
        if i % 4 == 0:
            for d in MEMBERS[(i // 4) % len(MEMBERS)]:
                self.tap(f"member_keypad_key_{d}")
            if not self.window.member.complete():  # a whole number is looked up at once
                self.tap("member_lookup")
            self.wait(lambda: self.widget("member_pay_box").isVisible(), "member found")
            plus = self.widget("redeem_plus")
            if i % 8 == 0 and plus.isVisible() and plus.isEnabled():
                self.tap("redeem_plus")
                self.stats.redeemed += 1
            if self.widget("member_pay_free").isVisible():  # paid in full with points
                method = "cash"
                self.tap("member_pay_free")
            else:
                self.tap(f"member_pay_{method}")
        else:
            self.tap("member_skip")
            self.wait_screen("payment")
            self.tap(f"pay_{method}")
        if method == "card":
            self.wait_screen("card")
            for field_name, digits in (
                ("card_number", CARD),
                ("card_expiry", "1230"),
                ("card_cvv", "123"),
            ):
                self.tap(field_name)
                for d in digits:
                    self.tap(f"card_keypad_key_{d}")
            self.tap("card_pay")
        self.wait_screen("result", 20)
        self.stats.methods[method] = self.stats.methods.get(method, 0) + 1
        order = flow.order
        assert order is not None
        self.stats.orders.append(self.widget("result_order_number").text())
        self.stats.order_ids.append(order.id)
        self.tap("result_done")
        self.wait_screen("welcome")


@contextmanager
def soak_window(db_path: Path, language: str = "en") -> Iterator[tuple[Any, Any]]:
    """A seeded store on ``db_path`` and a shown 1080x1920 kiosk window on it."""
    from PySide6.QtCore import QEvent, QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.app import open_store
    from kiosk.services.demo import seed_demo
    from kiosk.services.payments import DEMO_PROMPTPAY_ID
    from kiosk.ui.compose import open_kiosk
    from kiosk.ui.flow import Timing
    from kiosk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app)  # type: ignore[arg-type]
    store = open_store(
        f"sqlite:///{db_path}",
        config={
            "payments": {
                "promptpay_delay_seconds": 0,
                "promptpay_failure_rate": 0,
                "cash_acceptor": True,
            },
            "store": {"promptpay_id": DEMO_PROMPTPAY_ID},
            "kiosk": {"language": language},
        },
        migrate=True,
        rng=random.Random(7),
    )
    seed_demo(store.db, store.settings_file)
    timing = Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=10, tap_guard_ms=0)
    window = open_kiosk(store, language=language, timing=timing, ask=lambda *_: True)
    window.resize(QSize(1080, 1920))
    window.show()
    QApplication.processEvents()
    try:
        yield window, store
    finally:
        window.allow_close()
        window.flow.runner.wait(5000)
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()


def run_soak(orders: int, marks: tuple[int, ...] = (), seed: int = 1) -> dict[str, Any]:
    """Drive ``orders`` customers through a fresh kiosk in this process. Returns the
    stats, RSS (MB) at start and after each order count in ``marks``, and the drift of
    the None/True/False reference counts."""
    with tempfile.TemporaryDirectory() as tmp, soak_window(Path(tmp) / "soak.db") as (window, _):
        customer = Customer(window, random.Random(seed))
        for i in range(3):  # warm up: first use of each screen builds caches
            customer.order_once(i)
        gc.collect()
        start_rss, start_refs = rss_mb(), refcounts()
        rss: dict[int, float] = {}
        started = time.perf_counter()
        for i in range(orders):
            customer.order_once(i)
            if i + 1 in marks:
                gc.collect()
                rss[i + 1] = rss_mb()
        seconds = time.perf_counter() - started
        gc.collect()
        drift = [a - b for a, b in zip(refcounts(), start_refs, strict=True)]
        return {
            "orders": orders,
            "paid": len(customer.stats.orders),
            "walked_away": customer.stats.walked_away,
            "methods": customer.stats.methods,
            "seconds": seconds,
            "start_rss_mb": start_rss,
            "rss_mb": rss,
            "refcount_drift": drift,
        }


def bare_window_rss() -> float:
    """RSS of a bare PySide6 process showing one 1080x1920 window with a label."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    label = QLabel("OrderUp")
    label.resize(1080, 1920)
    label.show()
    for _ in range(10):
        app.processEvents()
    return rss_mb()


def _child(kind: str, orders: int) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter, so neither pollutes the other."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.soak", "--child", kind, "--orders", str(orders)],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(orders: int = 2000, rounds: int = 3) -> dict[str, Any]:
    """The soak memory figure: RSS after 1,000 orders against a bare PySide6 window
    measured in the same run (baseline rounds interleaved), and the growth over the last
    1,000 orders. Goal: ≤ bare + 150 MB, growth ≤ 2 MB."""
    bare = [_child("bare", 0)["rss_mb"] for _ in range(rounds)]
    soak = _child("soak", orders)
    bare += [_child("bare", 0)["rss_mb"] for _ in range(rounds)]
    half = orders // 2
    at_half, at_end = soak["rss_mb"][str(half)], soak["rss_mb"][str(orders)]
    base = statistics.median(bare)
    return {
        "bare_rss_mb": base,
        "rss_after_half_mb": at_half,
        "rss_end_mb": at_end,
        "over_bare_mb": at_half - base,
        "growth_last_half_mb": at_end - at_half,
        "orders": orders,
        "seconds": soak["seconds"],
        "refcount_drift": soak["refcount_drift"],
        "pass": at_half - base <= 150 and at_end - at_half <= 2,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--orders", type=int, default=2000)
    p.add_argument("--child", choices=("bare", "soak"))
    args = p.parse_args(argv)
    if args.child == "bare":
        print(json.dumps({"rss_mb": bare_window_rss()}))
    elif args.child == "soak":
        half = args.orders // 2
        print(json.dumps(run_soak(args.orders, marks=(half, args.orders))))
    else:
        print(json.dumps(measure(args.orders), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
