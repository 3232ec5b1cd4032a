"""Audit log (who did what, when, before/after) and CSV export for a date range.

The export runs on a worker thread (``QThreadPool``) and reports progress by signal, so
exporting a million rows never freezes the panel."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QDate,
    QModelIndex,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
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

from kiosk.services.errors import DatabaseBusy, ServiceError
from kiosk.services.export import default_filename
from kiosk.services.listings import AuditListing, AuditRow
from kiosk.ui.admin.columns import audit_columns
from kiosk.ui.admin.context import (
    AdminContext,
    busy_message,
    friendly,
    log,
    unexpected_message,
)
from kiosk.ui.admin.format import local_dt, tr
from kiosk.ui.admin.page import AdminPage
from kiosk.ui.admin.table_model import ROW_ROLE, PagedTableModel
from kiosk.ui.admin.tables import configure_table, fit_columns
from kiosk.ui.admin.theme import set_role
from kiosk.ui.admin.widgets import Card, Source, Texts, label

ACTION_FILTERS = [
    ("", QT_TR_NOOP("Everything")),
    ("staff.", QT_TR_NOOP("Sign-in, sign-out, staff accounts")),
    ("order.", QT_TR_NOOP("Order status, reprints")),
    ("payment.", QT_TR_NOOP("Payments received, refunds")),
    ("points.", QT_TR_NOOP("Points adjustments")),
    ("member.", QT_TR_NOOP("Member profiles")),
    ("menu.", QT_TR_NOOP("Menu, options")),
    ("settings.", QT_TR_NOOP("Settings")),
    ("export.", QT_TR_NOOP("Exports")),
    ("kiosk.", QT_TR_NOOP("Kiosk mode")),
]
EXPORT_KINDS = [
    ("orders", QT_TR_NOOP("Orders")),
    ("payments", QT_TR_NOOP("Payments")),
    ("members", QT_TR_NOOP("Members (joined in the range)")),
    ("loyalty", QT_TR_NOOP("Loyalty transactions")),
    ("audit", QT_TR_NOOP("Audit log")),
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
        except DatabaseBusy:
            log.warning("database error during the %s export", kind, exc_info=True)
            self.signals.failed.emit(busy_message())
        except Exception:  # never leave the panel stuck at "Exporting…"
            log.exception("unexpected error during the %s export", kind)
            self.signals.failed.emit(unexpected_message())
        else:
            self.signals.finished.emit(result)


class ExportPanel(Card):
    export_finished = Signal(object)
    export_failed = Signal(str)

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: ExportJob | None = None
        self.texts = t = Texts()
        self._status_text: Source | None = None
        self.setObjectName("ExportPanel")
        self.body.addWidget(t.label(lambda: tr("Export to CSV"), "subtitle"))
        intro = t.label(
            lambda: tr(
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
        for i, (key, title) in enumerate(EXPORT_KINDS):
            self.kind.addItem("", key)
            t.bind(lambda text, i=i: self.kind.setItemText(i, text), lambda title=title: tr(title))
        today = ctx.today()
        self.start = QDateEdit()
        self.start.setObjectName("ExportStart")
        self.end = QDateEdit()
        self.end.setObjectName("ExportEnd")
        for edit, day in ((self.start, today - timedelta(days=6)), (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        form.addRow(t.label(lambda: tr("What")), self.kind)
        form.addRow(t.label(lambda: tr("From")), self.start)
        form.addRow(t.label(lambda: tr("To")), self.end)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.go = t.button(lambda: tr("Export CSV…"), "primary", "ExportButton")
        self.go.clicked.connect(self._on_go_clicked)
        self.stop = t.button(lambda: tr("Stop"), name="ExportStop")
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
            self._status(lambda: tr("The end date is before the start date."), error=True)
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
        self._status(lambda: tr("Exporting…"))
        QThreadPool.globalInstance().start(job)
        return job

    def _on_stop_clicked(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_job_progress(self, rows: int) -> None:
        self._status(lambda: tr("Exporting… {n} rows").format(n=f"{rows:,}"))

    def _on_job_finished(self, result: Any) -> None:
        self._done()
        self._status(
            lambda: tr("Exported {n} rows to {path}").format(n=f"{result.rows:,}", path=result.path)
        )
        set_role(self.status, "role", "ok")
        self.export_finished.emit(result)

    def _on_job_failed(self, message: str) -> None:
        self._done()
        self._status(lambda: message, error=True)
        self.export_failed.emit(message)

    def _done(self) -> None:
        self.job = None
        self.go.setEnabled(True)
        self.stop.setVisible(False)

    def _status(self, text: Source, error: bool = False) -> None:
        self._status_text = text
        self.status.setText(text())
        set_role(self.status, "role", "error" if error else "muted")

    def retranslate_ui(self) -> None:
        self.texts.retranslate()
        if self._status_text is not None:
            self.status.setText(self._status_text())


class AuditScreen(AdminPage):
    TITLE = QT_TR_NOOP("Audit log & export")
    SUBTITLE = QT_TR_NOOP("Every staff action, newest first.")

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        t, page = self.texts, self.page
        self.action = QComboBox()
        self.action.setObjectName("AuditAction")
        for i, (prefix, title) in enumerate(ACTION_FILTERS):
            self.action.addItem("", prefix)
            t.bind(
                lambda text, i=i: self.action.setItemText(i, text), lambda title=title: tr(title)
            )
        self.action.currentIndexChanged.connect(self._on_filters_changed)
        self.staff_filter = QLineEdit()
        self.staff_filter.setObjectName("AuditStaff")
        t.bind(self.staff_filter.setPlaceholderText, lambda: tr("Staff name"))
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
        self.tabs.addTab(log, "")
        t.bind(lambda text: self.tabs.setTabText(0, text), lambda: tr("Audit log"))
        export_page = QWidget()
        export_box = QHBoxLayout(export_page)
        export_box.setContentsMargins(8, 8, 8, 8)
        self.export = ExportPanel(ctx)
        self.export.setMaximumWidth(560)
        export_box.addWidget(self.export, 0, Qt.AlignmentFlag.AlignTop)
        export_box.addStretch(1)
        self.tabs.addTab(export_page, "")
        t.bind(lambda text: self.tabs.setTabText(1, text), lambda: tr("CSV export"))

    def _on_filters_changed(self, *_: object) -> None:
        listing = self.model.listing.with_filters(  # type: ignore[attr-defined]
            action_prefix=self.action.currentData() or "", staff=self.staff_filter.text().strip()
        )
        self.model.set_listing(listing)
        self.detail.clear()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_row(current)

    def _show_row(self, current: QModelIndex) -> None:
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

    def reload(self) -> None:
        self.model.refresh()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.model.retranslate(audit_columns(lambda: self.ctx.tz))
        fit_columns(self.table)
        self.export.retranslate_ui()
        self._show_row(self.table.currentIndex())
