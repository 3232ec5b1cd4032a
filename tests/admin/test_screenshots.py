"""Screenshots render every admin screen at the asked sizes and languages (on a demo store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.app import Store
from kiosk.ui.admin.format import language
from kiosk.ui.admin.screenshots import take_admin_screenshots

SCREENS = [
    "audit",
    "dashboard",
    "login",
    "members",
    "menu",
    "menu_dish",
    "orders",
    "settings",
    "staff",
]


def _check_sizes(paths: list[Path]) -> None:
    for path in paths:
        image = QImage(str(path))
        assert not image.isNull()
        w, h = path.stem.rsplit("_", 1)[1].split("x")
        assert (image.width(), image.height()) == (int(w), int(h)), path.name


def test_screenshots(store: Store, tmp_path: Path, qapp: object) -> None:
    paths = take_admin_screenshots(store, tmp_path, ["1280x720", "1080x1920"])
    names = sorted(p.name for p in paths)
    assert names == sorted(
        f"admin_{s}_en_{size}.png" for s in SCREENS for size in ("1280x720", "1080x1920")
    )
    _check_sizes(paths)
    # demo data: three staff accounts and a day of sales for the chart
    assert len(store.staff.list()) == 3
    summary = store.reports.summary(date(2024, 4, 30))  # 09:00 on May 1: yesterday's sales
    assert summary.orders >= 20 and sum(1 for h in summary.by_hour if h.sales) >= 8


def test_screenshots_in_thai_and_english(store: Store, tmp_path: Path, qapp: object) -> None:
    paths = take_admin_screenshots(store, tmp_path, ["1366x768"], langs=["th", "en"])
    assert sorted(p.name for p in paths) == sorted(
        f"admin_{s}_{lang}_1366x768.png" for s in SCREENS for lang in ("th", "en")
    )
    _check_sizes(paths)
    for screen in SCREENS:  # the same screen, other words
        th = QImage(str(tmp_path / f"admin_{screen}_th_1366x768.png"))
        en = QImage(str(tmp_path / f"admin_{screen}_en_1366x768.png"))
        assert th != en, screen
    assert language() == "en"  # the panel's language is left as it was


def test_screenshots_without_demo_data_change_nothing(
    store: Store, tmp_path: Path, qapp: object
) -> None:
    paths = take_admin_screenshots(store, tmp_path, ["1280x800"], demo_data=False)
    assert len(paths) == len(SCREENS)
    assert store.staff.list() == [] and store.orders.count() == 0
