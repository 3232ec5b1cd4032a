"""Audit log (who did what, when, before/after) and CSV export for a date range.

The export runs on a worker thread (``QThreadPool``) and reports progress by signal, so
exporting a million rows never freezes the panel."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.services.export import default_filename
from kiosk.services.listings import AuditListing, AuditRow
from kiosk.ui.admin.context import AdminContext, friendly
from kiosk.ui.admin.format import local_dt, tr
from kiosk.ui.admin.models import ROW_ROLE, PagedTableModel, audit_columns
from kiosk.ui.admin.orders import configure_table
from kiosk.ui.admin.theme import set_role
from kiosk.ui.admin.widgets import Card, PageHeader, button, label

ACTION_FILTERS = [
    ("", "Everything"),
    ("staff.", "Sign-in, sign-out, staff accounts"),
    ("order.", "Order status, reprints"),
    ("payment.", "Payments received, refunds"),
    ("points.", "Points adjustments"),
    ("member.", "Member profiles"),
    ("menu.", "Menu"),
    ("settings.", "Settings"),
    ("export.", "Exports"),
    ("kiosk.", "Kiosk mode"),
]
EXPORT_KINDS = [
    ("orders", "Orders"),
    ("payments", "Payments"),
    ("members", "Members (joined in the range)"),
    ("loyalty", "Loyalty transactions"),
    ("audit", "Audit log"),
]


class _ExportSignals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)


class ExportJob(QRunnable):
    """One export on a pool thread; ``cancel()`` stops it between batches."""

    def __init__(self, ctx: AdminContext, kind: str, start: date, end: date, path: Path) -> None:
        super().__init__()
        self.signals = _ExportSignals()
        self._ctx = ctx
        self._args = (kind, start, end, path)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        kind, start, end, path = self._args
        try:
            result = self._ctx.actions.export_csv(
                self._ctx.staff,
                kind,
                start,
                end,
                path,
                progress=self.signals.progress.emit,
                cancelled=self._cancel.is_set,
            )
        except ServiceError as exc:
            self.signals.failed.emit(friendly(exc))
        except OSError as exc:
            self.signals.failed.emit(str(exc))
        else:
            self.signals.finished.emit(result)


class ExportPanel(Card):
    export_finished = Signal(object)
    export_failed = Signal(str)

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: ExportJob | None = None
        self.setObjectName("ExportPanel")
        self.body.addWidget(label(tr("Export to CSV"), "subtitle"))
        intro = label(
            tr(
                "UTF-8 with BOM (Excel shows Thai correctly); times in the store's time zone; "
                "both dates included."
            ),
            "muted",
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        form.setSpacing(8)
        self.kind = QComboBox()
        self.kind.setObjectName("ExportKind")
        for key, title in EXPORT_KINDS:
            self.kind.addItem(tr(title), key)
        today = ctx.today()
        self.start = QDateEdit()
        self.start.setObjectName("ExportStart")
        self.end = QDateEdit()
        self.end.setObjectName("ExportEnd")
        for edit, day in ((self.start, today - timedelta(days=6)), (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        form.addRow(tr("What"), self.kind)
        form.addRow(tr("From"), self.start)
        form.addRow(tr("To"), self.end)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.go = button(tr("Export CSV…"), "primary", "ExportButton")
        self.go.clicked.connect(self._on_go_clicked)
        self.stop = button(tr("Stop"), name="ExportStop")
        self.stop.setVisible(False)
        self.stop.clicked.connect(self._on_stop_clicked)
        row.addWidget(self.go)
        row.addWidget(self.stop)
        row.addStretch(1)
        self.body.addLayout(row)
        self.status = label("", "muted", "ExportStatus")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.body.addStretch(1)

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        d = edit.date()
        return date(d.year(), d.month(), d.day())

    def set_range(self, start: date, end: date) -> None:
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.end.setDate(QDate(end.year, end.month, end.day))

    def _on_go_clicked(self) -> None:
        kind = self.kind.currentData()
        start, end = self._day(self.start), self._day(self.end)
        if end < start:
            self._status(tr("The end date is before the start date."), error=True)
            return
        suggested = Path.home() / default_filename(kind, start, end)
        path = self.ctx.dialogs.save_path(self, tr("Save CSV"), suggested)
        if path is None:
            return
        self.start_export(kind, start, end, path)

    def start_export(self, kind: str, start: date, end: date, path: Path) -> ExportJob:
        job = ExportJob(self.ctx, kind, start, end, path)
        job.signals.progress.connect(self._on_job_progress)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        self.job = job
        self.go.setEnabled(False)
        self.stop.setVisible(True)
        self._status(tr("Exporting…"))
        QThreadPool.globalInstance().start(job)
        return job

    def _on_stop_clicked(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_job_progress(self, rows: int) -> None:
        self._status(tr("Exporting… {n} rows").format(n=f"{rows:,}"))

    def _on_job_finished(self, result: Any) -> None:
        self._done()
        self._status(
            tr("Exported {n} rows to {path}").format(n=f"{result.rows:,}", path=result.path)
        )
        set_role(self.status, "role", "ok")
        self.export_finished.emit(result)

    def _on_job_failed(self, message: str) -> None:
        self._done()
        self._status(message, error=True)
        self.export_failed.emit(message)

    def _done(self) -> None:
        self.job = None
        self.go.setEnabled(True)
        self.stop.setVisible(False)

    def _status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        set_role(self.status, "role", "error" if error else "muted")


class AuditScreen(QWidget):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 20, 24, 20)
        page.setSpacing(12)
        self.header = PageHeader(tr("Audit log & export"), tr("Every staff action, newest first."))
        page.addWidget(self.header)
        self.action = QComboBox()
        self.action.setObjectName("AuditAction")
        for prefix, title in ACTION_FILTERS:
            self.action.addItem(tr(title), prefix)
        self.action.currentIndexChanged.connect(self._on_filters_changed)
        self.staff_filter = QLineEdit()
        self.staff_filter.setObjectName("AuditStaff")
        self.staff_filter.setPlaceholderText(tr("Staff name"))
        self.staff_filter.setClearButtonEnabled(True)
        self.staff_filter.editingFinished.connect(self._on_filters_changed)
        self.header.tools.addWidget(self.action)
        self.header.tools.addWidget(self.staff_filter)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("AuditTabs")
        page.addWidget(self.tabs, 1)
        log = QWidget()
        box = QVBoxLayout(log)
        box.setContentsMargins(8, 8, 8, 8)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setObjectName("AuditTable")
        listing = AuditListing(ctx.store.db, ctx.store.current_settings)
        self.model = PagedTableModel(listing, audit_columns(lambda: ctx.tz), self)
        configure_table(self.table, self.model, {0: 140, 1: 100, 2: 150, 3: 110, 4: 320}, stretch=5)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        split.addWidget(self.table)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("AuditDetail")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(160)
        split.addWidget(self.detail)
        box.addWidget(split)
        self.tabs.addTab(log, tr("Audit log"))
        export_page = QWidget()
        export_box = QHBoxLayout(export_page)
        export_box.setContentsMargins(8, 8, 8, 8)
        self.export = ExportPanel(ctx)
        self.export.setMaximumWidth(560)
        export_box.addWidget(self.export, 0, Qt.AlignmentFlag.AlignTop)
        export_box.addStretch(1)
        self.tabs.addTab(export_page, tr("CSV export"))

    def _on_filters_changed(self, *_: object) -> None:
        listing = self.model.listing.with_filters(  # type: ignore[attr-defined]
            action_prefix=self.action.currentData() or "", staff=self.staff_filter.text().strip()
        )
        self.model.set_listing(listing)
        self.detail.clear()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row: AuditRow | None = self.model.data(current, ROW_ROLE) if current.isValid() else None
        if row is None:
            self.detail.clear()
            return
        text = [
            f"{local_dt(row.created_at, self.ctx.tz)}  {row.staff}  {row.action}  "
            f"{row.entity} {row.entity_id}",
            "",
            tr("Before:") + " " + json.dumps(row.before, ensure_ascii=False, default=str),
            tr("After:") + " " + json.dumps(row.after, ensure_ascii=False, default=str),
        ]
        self.detail.setPlainText("\n".join(text))

    def activate(self) -> None:
        self.model.refresh()
