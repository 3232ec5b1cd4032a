"""Screenshots render every admin screen at the asked sizes (on a demo store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.app import Store
from kiosk.ui.admin.screenshots import take_admin_screenshots


def test_screenshots(store: Store, tmp_path: Path, qapp: object) -> None:
    paths = take_admin_screenshots(store, tmp_path, ["1280x720", "1080x1920"])
    names = sorted(p.name for p in paths)
    screens = ["audit", "dashboard", "login", "members", "menu", "orders", "settings"]
    assert names == sorted(
        f"admin_{s}_{size}.png" for s in screens for size in ("1280x720", "1080x1920")
    )
    for path in paths:
        image = QImage(str(path))
        assert not image.isNull()
        w, h = path.stem.rsplit("_", 1)[1].split("x")
        assert (image.width(), image.height()) == (int(w), int(h)), path.name
    # demo data: three staff accounts and a day of sales for the chart
    assert len(store.staff.list()) == 3
    summary = store.reports.summary(date(2024, 4, 30))  # 09:00 on May 1: yesterday's sales
    assert summary.orders >= 20 and sum(1 for h in summary.by_hour if h.sales) >= 8


def test_screenshots_without_demo_data_change_nothing(
    store: Store, tmp_path: Path, qapp: object
) -> None:
    paths = take_admin_screenshots(store, tmp_path, ["1280x800"], demo_data=False)
    assert len(paths) == 7
    assert store.staff.list() == [] and store.orders.count() == 0
