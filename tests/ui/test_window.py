"""Window-level behaviour: orientation, touch targets, theme, kiosk mode, staff gesture,
the global exception hook, start-up."""

from __future__ import annotations

import logging
import re
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.ui import theme
from kiosk.ui.crash import install_exception_hook
from kiosk.ui.launch import connect_staff_access, parse_size, run_admin, run_kiosk
from tests.ui.conftest import SOMCHAI, Kiosk

UI = Path(__file__).resolve().parents[2] / "kiosk" / "ui"


# -- orientation ----------------------------------------------------------------------------------
def test_menu_portrait_has_cart_at_the_bottom(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(size=(1080, 1920))
    kiosk.start()
    cart, scroll = kiosk.w("cart_panel"), kiosk.w("menu_scroll")
    assert kiosk.visible("menu_tabs") and not kiosk.visible("menu_rail")
    assert (
        cart.mapTo(kiosk.window, cart.rect().topLeft()).y()
        > scroll.mapTo(kiosk.window, scroll.rect().bottomLeft()).y() - 2
    )
    assert cart.width() >= 1000
    cards = kiosk.window.menu.visible_cards()
    assert len({c.x() for c in cards}) == 3  # three columns


def test_menu_landscape_has_cart_at_the_side(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(size=(1920, 1080))
    kiosk.start()
    cart, scroll = kiosk.w("cart_panel"), kiosk.w("menu_scroll")
    assert kiosk.visible("menu_rail") and not kiosk.visible("menu_tabs")
    right_of_grid = scroll.mapTo(kiosk.window, scroll.rect().topRight()).x()
    assert cart.mapTo(kiosk.window, cart.rect().topLeft()).x() >= right_of_grid
    assert cart.height() >= 900
    assert len({c.x() for c in kiosk.window.menu.visible_cards()}) >= 3


def test_rotating_relayouts_live(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(size=(1080, 1920))
    kiosk.start()
    kiosk.window.resize(1920, 1080)
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("menu_rail"), timeout=2000)
    assert not kiosk.window.portrait


def small_buttons(root: QWidget) -> list[str]:
    out = []
    for b in root.findChildren(QAbstractButton):
        if b.isVisible() and min(b.width(), b.height()) < 64:
            out.append(f"{b.objectName()} {b.width()}x{b.height()}")
    return out


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_touch_targets_are_at_least_64_px(make_kiosk, size) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(size=size)
    seen = []

    def check() -> None:
        kiosk.qtbot.wait(1)
        assert small_buttons(kiosk.window) == [], kiosk.screen()
        seen.append(kiosk.screen())

    check()
    kiosk.tap("mode_dine_in")
    kiosk.add("Pad Thai with Prawns")
    check()
    kiosk.tap("cart_line_0_change")
    check()
    kiosk.tap("options_cancel")
    kiosk.tap("cart_checkout")
    check()
    kiosk.tap("member_see_order")
    check()
    kiosk.tap("review_checkout")
    kiosk.find_member(SOMCHAI)
    check()
    kiosk.tap("member_change")
    kiosk.find_member("0898765432")
    kiosk.tap("member_signup")
    check()
    kiosk.tap("signup_back")
    kiosk.tap("member_skip")
    kiosk.wait_screen("payment")
    check()
    kiosk.tap("pay_card")
    check()
    assert seen == [
        "welcome",
        "menu",
        "menu",
        "member",
        "review",
        "member",
        "signup",
        "payment",
        "card",
    ]


# -- theme ----------------------------------------------------------------------------------------
def test_theme_tokens_all_resolve() -> None:
    qss = theme.load_stylesheet()
    assert "@" not in re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    for name, value in theme.TOKENS.items():
        if not value.endswith("px"):
            assert theme.color(name).isValid(), name


def test_no_colour_strings_outside_the_theme() -> None:
    """Colours live in theme.py / theme.qss."""
    pattern = re.compile(r"#[0-9A-Fa-f]{6}\b|rgba?\(|Qt\.GlobalColor\.(?!transparent)")
    offenders = []
    for path in UI.rglob("*.py"):
        rel = path.relative_to(UI)
        if rel.parts[0] == "admin" or rel.name == "theme.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []


def test_every_demo_dish_has_a_small_picture(store) -> None:  # type: ignore[no-untyped-def]
    images = UI.parents[1] / "assets" / "images"
    for item in store.menu.items():
        path = images / item.image
        assert path.exists(), item.image
        assert path.stat().st_size < 60_000


def test_missing_picture_gets_a_placeholder(qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.widgets.dish_image import DishPicture, load_image

    assert load_image("no_such_dish.png") is None
    assert load_image("../theme.qss") is None
    pic = DishPicture()
    qtbot.addWidget(pic)
    pic.setFixedSize(200, 150)
    pic.set_image("no_such_dish.png")
    image = pic.grab().toImage()
    assert image.pixelColor(100, 75) != image.pixelColor(2, 140)  # a plate on a cloth


def test_a_picture_is_drawn_once_per_look_and_repaints_are_a_blit(qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.widgets import dish_image

    dish_image._render.cache_clear()

    def drawn() -> list[object]:  # one entry per picture drawn anew (a miss of the cache)
        return [None] * dish_image._render.cache_info().misses

    pic = dish_image.DishPicture()
    qtbot.addWidget(pic)
    pic.setFixedSize(200, 150)
    pic.set_image("pad_thai.png")
    first = pic.grab().toImage()
    again = pic.grab().toImage()
    assert len(drawn()) == 1 and first == again  # the second paint drew nothing anew
    pic.set_image("pad_thai.png", sold_out=True)
    grey = pic.grab().toImage()
    pic.setFixedSize(240, 180)
    pic.grab()
    assert len(drawn()) == 3  # sold out and a new size are new looks
    c = grey.pixelColor(100, 75)
    assert abs(c.red() - c.green()) < 12 and abs(c.green() - c.blue()) < 12  # greyed
    assert first.pixelColor(100, 75) != grey.pixelColor(100, 75)
    kept = dish_image._render("pad_thai.png", False, 200, 150, 22, False, 1.0).toImage()
    assert kept.pixelColor(1, 1).alpha() < 255  # the rounded corner stays see-through
    assert kept.pixelColor(100, 149).alpha() == 255  # the bottom is square (a card's top)


# -- kiosk mode and staff access ------------------------------------------------------------------
def test_kiosk_mode_ignores_close_until_staff_allow_it(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(kiosk_mode=True)
    window = kiosk.window
    window.enter_kiosk_mode()
    assert window.isFullScreen()
    from PySide6.QtCore import Qt

    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.close() is False
    assert window.isVisible()
    window.allow_close()
    assert window.close() is True


def test_five_taps_in_the_corner_ask_for_staff(kiosk: Kiosk) -> None:
    now = [100.0]
    corner = kiosk.w("staff_corner")
    corner.clock = lambda: now[0]  # type: ignore[attr-defined]
    with kiosk.qtbot.assertNotEmitted(kiosk.window.staff_access_requested):
        for _ in range(4):
            kiosk.tap("staff_corner")
            now[0] += 0.5
        now[0] += 3.0  # too slow: start counting again
        kiosk.tap("staff_corner")
    with kiosk.qtbot.waitSignal(kiosk.window.staff_access_requested, timeout=1000):
        for _ in range(4):
            now[0] += 0.3
            kiosk.tap("staff_corner")
    assert corner.mapTo(kiosk.window, corner.rect().topLeft()).isNull()


def test_staff_access_without_admin_panel_shows_a_note(kiosk: Kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import builtins

    real_import = builtins.__import__

    def no_admin(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("kiosk.ui.admin"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    notes: list[str] = []
    connect_staff_access(kiosk.window, kiosk.store, notify=lambda _w, text: notes.append(text))
    monkeypatch.setattr(builtins, "__import__", no_admin)
    kiosk.window.staff_access_requested.emit()
    monkeypatch.undo()
    assert notes == ["The staff panel is not installed."]


def test_staff_access_opens_the_admin_panel(kiosk: Kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import types

    opened = []
    fake = types.ModuleType("kiosk.ui.admin.app")
    fake.open_from_kiosk = lambda store, parent: opened.append((store, parent))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kiosk.ui.admin.app", fake)
    if "kiosk.ui.admin" not in sys.modules:
        monkeypatch.setitem(sys.modules, "kiosk.ui.admin", types.ModuleType("kiosk.ui.admin"))
    connect_staff_access(kiosk.window, kiosk.store, notify=lambda *_: None)
    kiosk.window.staff_access_requested.emit()
    assert opened == [(kiosk.store, kiosk.window)]


def test_run_admin_without_the_panel(store, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "kiosk.ui.admin", None)
    monkeypatch.setitem(sys.modules, "kiosk.ui.admin.app", None)
    assert run_admin(store) == 1
    assert "not built yet" in capsys.readouterr().err


# -- errors ---------------------------------------------------------------------------------------
def test_exception_hook_shows_calm_screen_and_logs(kiosk: Kiosk, caplog) -> None:  # type: ignore[no-untyped-def]
    kiosk.start()
    kiosk.add("Fresh Coconut")
    uninstall = install_exception_hook(kiosk.flow.show_error_screen, kiosk.window)
    try:
        with caplog.at_level(logging.ERROR, logger="kiosk.ui"):
            sys.excepthook(RuntimeError, RuntimeError("boom in a slot"), None)
            kiosk.wait_screen("error")
        assert any("boom in a slot" in (r.exc_text or "") or r.exc_info for r in caplog.records)
        shown = " ".join(kiosk.visible_texts(kiosk.w("error_screen")).values())
        assert "boom" not in shown and "Traceback" not in shown
        assert kiosk.text("error_title") == "Something went wrong"
        assert "ask staff" in kiosk.text("error_message")
        kiosk.tap("error_back")
        kiosk.wait_screen("welcome")
        assert kiosk.flow.cart.count == 0
    finally:
        uninstall()


def test_exception_in_a_thread_reaches_the_hook(kiosk: Kiosk, caplog) -> None:  # type: ignore[no-untyped-def]
    uninstall = install_exception_hook(kiosk.flow.show_error_screen, kiosk.window)
    try:
        with caplog.at_level(logging.ERROR, logger="kiosk.ui"):

            def crash() -> None:
                raise ValueError("worker crashed")

            t = threading.Thread(target=crash, name="worker")
            t.start()
            t.join()
            kiosk.wait_screen("error")
        assert any("worker" in r.getMessage() for r in caplog.records)
    finally:
        uninstall()
    assert sys.excepthook is not None


# -- start-up -------------------------------------------------------------------------------------
def test_parse_size() -> None:
    assert parse_size("1080x1920").width() == 1080  # type: ignore[union-attr]
    assert parse_size("big") is None
    assert parse_size("10x10") is None
    assert parse_size(None) is None


def test_a_window_larger_than_any_screen_is_refused() -> None:
    assert parse_size("99999x99999") is None  # Qt could not paint it
    assert parse_size("7680x4320").width() == 7680  # type: ignore[union-attr]  (8K)


def test_run_kiosk_reconciles_and_starts(store, qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = []
    monkeypatch.setattr(store.payments, "reconcile", lambda *_: calls.append("reconcile") or [])
    closed = []
    monkeypatch.setattr(store, "close", lambda: closed.append(True))
    seen = {}

    def look() -> None:
        from kiosk.ui.main_window import MainWindow

        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["size"] = (windows[-1].width(), windows[-1].height())
        seen["lang"] = windows[-1].welcome.dine_in.text()
        qapp.quit()

    QTimer.singleShot(50, look)
    assert run_kiosk(lambda: store, kiosk_mode=False, language="th", size="1200x900") == 0
    assert calls == ["reconcile"] and closed == [True]
    assert seen == {"size": (1200, 900), "lang": "ทานที่ร้าน"}


def test_run_kiosk_survives_a_failing_reconcile(store, qapp, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    def broken(*_: object) -> list:  # type: ignore[type-arg]
        raise RuntimeError("gateway down")

    monkeypatch.setattr(store.payments, "reconcile", broken)
    monkeypatch.setattr(store, "close", lambda: None)
    QTimer.singleShot(50, qapp.quit)
    with caplog.at_level(logging.ERROR):
        assert run_kiosk(lambda: store, kiosk_mode=False, size="800x600") == 0
    assert "reconciliation" in caplog.text


def test_payment_sweeper_settles_stale_payments_off_the_ui_thread(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from PySide6.QtWidgets import QWidget

    from kiosk.services.gateway import SystemClock
    from kiosk.ui.launch import SWEEP_INTERVAL_MS, start_payment_sweeper

    oid = store.orders.create([{"item_id": 2}]).id

    def crash(stage: str) -> None:
        if stage == "after_points":
            raise RuntimeError("settle failed")

    store.payments.checkpoint = crash
    with pytest.raises(RuntimeError):
        store.payments.process_payment(oid, "cash", {}, "k")
    store.payments.checkpoint = lambda stage: None
    assert store.orders.get(oid).status == "pending"

    class Later(SystemClock):  # past the grace period of a live payment
        def now(self):  # type: ignore[no-untyped-def]
            return super().now() + timedelta(hours=1)

    store.payments.clock = Later()
    parent = QWidget()
    qtbot.addWidget(parent)
    timer = start_payment_sweeper(store, parent)
    assert timer.isActive() and timer.interval() == SWEEP_INTERVAL_MS
    timer.timeout.emit()  # what the timer does every few minutes
    qtbot.waitUntil(lambda: store.orders.get(oid).status == "preparing", timeout=5000)
    timer.stop()


def test_a_failed_save_removes_what_it_wrote_and_keeps_what_it_never_touched(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import time

    from kiosk.ui.png import save_png

    class Refused:  # a save that could not even open the file (read-only)
        def save(self, *_: object) -> bool:
            return False

    class HalfWritten:  # a save that wrote part of the picture, then ran out of disk
        def save(self, name: str, *_: object) -> bool:
            time.sleep(0.01)
            Path(name).write_bytes(b"\x89PNG half")
            return False

    old = tmp_path / "menu.png"
    old.write_bytes(b"\x89PNG the picture of yesterday")
    with pytest.raises(OSError, match="Cannot write the picture"):
        save_png(Refused(), old)  # type: ignore[arg-type]
    assert old.read_bytes() == b"\x89PNG the picture of yesterday"
    with pytest.raises(OSError):
        save_png(HalfWritten(), old)  # type: ignore[arg-type]
    assert not old.exists()
    with pytest.raises(OSError):
        save_png(HalfWritten(), tmp_path / "new.png")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
