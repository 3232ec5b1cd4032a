"""Audit log screen and CSV export from the panel (on a worker thread)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.staff import StaffView
from kiosk.ui.admin.audit import AuditScreen
from tests.admin.conftest import FakeDialogs, OrderMaker, local


def _screen(qtbot: QtBot, make_ctx: Any, user: StaffView) -> AuditScreen:
    screen = AuditScreen(make_ctx(user))
    qtbot.addWidget(screen)
    screen.resize(1400, 850)
    screen.show()
    return screen


def test_audit_log_filters_and_detail(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], make_order: OrderMaker
) -> None:
    order_id = make_order(local(1, 10))
    store.orders.set_status(order_id, "ready", "Nok")
    screen = _screen(qtbot, make_ctx, staff["Malee"])
    total = screen.model.rowCount()
    assert total >= 7  # three accounts created and signed in, one status change
    screen.action.setCurrentIndex(2)  # order.
    assert screen.model.rowCount() == 1
    screen.table.selectRow(0)
    text = screen.detail.toPlainText()
    assert "Nok  order.status" in text and '"status": "ready"' in text
    screen.action.setCurrentIndex(1)  # staff.
    screen.staff_filter.setText("Malee")
    screen.staff_filter.editingFinished.emit()
    actions = {screen.model.data(screen.model.index(r, 2)) for r in range(screen.model.rowCount())}
    assert actions == {"staff.login"}


def test_export_from_the_panel(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    make_order: OrderMaker,
    dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    make_order(local(1, 10), phone="091-234-5678")
    make_order(local(2, 10))
    screen = _screen(qtbot, make_ctx, staff["Malee"])
    panel = screen.export
    panel.set_range(date(2024, 5, 1), date(2024, 5, 1))
    dialogs.save_to = None
    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)  # cancelled file dialog
    assert panel.job is None
    dialogs.save_to = tmp_path / "orders.csv"
    with qtbot.waitSignal(panel.export_finished, timeout=10_000) as signal:
        qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    assert signal.args[0].rows == 1
    raw = (tmp_path / "orders.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "order_id" and rows[1][9] == "สมหญิง ใจดี"
    assert "Exported 1 rows" in panel.status.text()
    assert panel.go.isEnabled()


def test_cashier_export_is_refused_by_the_service(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView], tmp_path: Path
) -> None:
    from kiosk.ui.admin.audit import ExportPanel

    panel = ExportPanel(make_ctx(staff["Nok"]))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.export_failed, timeout=10_000) as signal:
        panel.start_export("orders", date(2024, 5, 1), date(2024, 5, 1), tmp_path / "x.csv")
    assert "manager or the owner" in signal.args[0]
    assert not (tmp_path / "x.csv").exists()


def test_unexpected_export_error_reenables_export(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    """Regression: an exception other than ServiceError/OSError in the worker left the
    panel at "Exporting…" with Export disabled until a restart."""
    from kiosk.ui.admin.audit import ExportPanel

    ctx = make_ctx(staff["Malee"])

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("bug in the exporter")

    monkeypatch.setattr(ctx.actions, "export_csv", broken)
    panel = ExportPanel(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.export_failed, timeout=10_000) as signal:
        panel.start_export("orders", date(2024, 5, 1), date(2024, 5, 1), tmp_path / "x.csv")
    assert signal.args == ["Something went wrong; nothing was saved."]
    assert panel.go.isEnabled() and panel.job is None
    assert panel.status.text() == "Something went wrong; nothing was saved."
