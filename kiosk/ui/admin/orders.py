"""Orders: the live kitchen queue and every order, filtered and searched, beside the
selected order's detail (:mod:`kiosk.ui.admin.order_detail`) and the staff actions on it
(:mod:`kiosk.ui.admin.order_actions`: status, cash / PromptPay received, refund, reprint)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QModelIndex
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QWidget,
)

from kiosk.services.listings import OrderListing
from kiosk.services.views import OrderView
from kiosk.ui.admin.columns import order_columns
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.format import tr
from kiosk.ui.admin.order_actions import OrderActions
from kiosk.ui.admin.order_detail import OrderDetail
from kiosk.ui.admin.page import AdminPage
from kiosk.ui.admin.table_model import ROW_ID_ROLE, PagedTableModel
from kiosk.ui.admin.tables import configure_table, fit_columns, select_row_id
from kiosk.ui.admin.widgets import ListDetailSplitter, label

ACTIVE = ("pending", "preparing", "ready")
FILTERS: list[tuple[str, str]] = [
    ("queue", QT_TR_NOOP("Kitchen queue")),
    ("unpaid", QT_TR_NOOP("Awaiting payment")),
    ("today", QT_TR_NOOP("Today")),
    ("all", QT_TR_NOOP("All orders")),
]


class OrdersScreen(OrderActions, AdminPage):
    TITLE = QT_TR_NOOP("Orders")
    SUBTITLE = QT_TR_NOOP("Live: new and paid orders appear by themselves.")

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.filter = "queue"
        self.last_receipt: Path | None = None
        texts, page = self.texts, self.page
        self.search = QLineEdit()
        self.search.setObjectName("OrderSearch")
        texts.bind(
            self.search.setPlaceholderText, lambda: tr("Order number (A042) or member phone")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.header.tools.addWidget(self.search)

        filters = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons = {}
        for key, title in FILTERS:
            b = texts.button(lambda t=title: tr(t), "filter", f"Filter_{key}")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, k=key: self.set_filter(k))
            self.filter_group.addButton(b)
            self.filter_buttons[key] = b
            filters.addWidget(b)
        filters.addStretch(1)
        self.printers = label("", "muted", "PrinterStatus")
        filters.addWidget(self.printers)
        self.count = label("", "muted", "OrderCount")
        filters.addWidget(self.count)
        page.addLayout(filters)

        self.split = split = ListDetailSplitter()
        self.table = QTableView()
        self.table.setObjectName("OrdersTable")
        self.model = PagedTableModel(
            self._listing(), order_columns(lambda: ctx.tz, ctx.today), self
        )
        configure_table(
            self.table,
            self.model,
            {0: 70, 1: 130, 2: 95, 3: 85, 5: 55, 6: 95, 7: 150, 8: 70},
            stretch=4,
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        split.addWidget(self.table)
        self.detail = OrderDetail(ctx)
        self.detail.status_requested.connect(self._on_detail_status_requested)
        self.detail.paid_requested.connect(self._on_detail_paid_requested)
        self.detail.refund_requested.connect(self._on_detail_refund_requested)
        self.detail.reprint_requested.connect(self._on_detail_reprint_requested)
        self.detail.reprint_kitchen_requested.connect(self._on_detail_reprint_kitchen_requested)
        self.detail.tax_invoice_requested.connect(self._on_detail_tax_invoice_requested)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        page.addWidget(split, 1)

        self._search_timer = self.debounced(250, self.apply_filters)
        self._live = self.debounced(200, self.reload)
        for signal in (
            ctx.events.order_created,
            ctx.events.order_paid,
            ctx.events.order_status_changed,
            ctx.events.order_refunded,
        ):
            signal.connect(self._on_events_changed)
        self.filter_buttons[self.filter].setChecked(True)
        self._update_count()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a portrait screen the detail goes under the table instead of beside it."""
        self.split.fit(event.size())
        super().resizeEvent(event)

    # -- filters ------------------------------------------------------------------------------
    def _listing(self) -> OrderListing:
        statuses: tuple[str, ...] = ()
        day = None
        if self.filter == "queue":
            statuses = ACTIVE
        elif self.filter == "unpaid":
            statuses = ("pending",)
        elif self.filter == "today":
            day = self.ctx.today()
        text = self.search.text().strip() if hasattr(self, "search") else ""
        old = getattr(self, "model", None)
        sort = old.listing.sort if old is not None else None
        desc = old.listing.descending if old is not None else None
        return OrderListing(
            self.ctx.store.db,
            self.ctx.store.current_settings,
            statuses=statuses,
            day=day,
            search=text,
            sort=sort,
            descending=desc,
            today=self.ctx.today(),
        )

    def set_filter(self, key: str) -> None:
        self.filter = key
        self.filter_buttons[key].setChecked(True)
        self.apply_filters()

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_listing(self._listing())
        self._update_count()
        if self.model.rowCount() and self.search.text().strip():
            self.table.selectRow(0)

    def _update_count(self) -> None:
        self.count.setText(tr("{n} orders").format(n=f"{self.model.rowCount():,}"))
        self.printers.setText(self._printer_status())

    def _printer_status(self) -> str:
        """Tickets and receipts not printed yet, and the last printer error, if any."""
        settings = self.ctx.settings()
        if not (settings.printers.kitchen.enabled or settings.printers.receipt.enabled):
            return ""
        try:
            waiting = self.ctx.store.print_jobs.jobs(("queued", "printing", "sending"), 20)
        except Exception:  # a busy database must not break the order list
            return ""
        if not waiting:
            return tr("Printers: all printed")
        errors = [j.last_error for j in waiting if j.last_error]
        text = tr("Printers: {n} waiting").format(n=len(waiting))
        return text + (f" · {errors[0]}" if errors else "")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.model.retranslate(order_columns(lambda: self.ctx.tz, self.ctx.today))
        fit_columns(self.table)
        self.detail.retranslate_ui()
        self._update_count()

    def _on_events_changed(self, _event: object) -> None:
        self._live.start()

    def reload(self) -> None:
        """Re-query, keeping the scroll position and the selected order."""
        selected = self.detail.order.id if self.detail.order else None
        scroll = self.table.verticalScrollBar().value()
        self.model.refresh()
        self._update_count()
        self.table.verticalScrollBar().setValue(scroll)
        if selected is not None:
            self.model.row(max(0, scroll))  # the visible page, so the row can be found
            select_row_id(self.table, self.model, selected)
            self.open_order(selected)

    # -- detail -------------------------------------------------------------------------------
    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        order_id = self.model.data(current, ROW_ID_ROLE)
        if order_id is not None and (self.detail.order is None or self.detail.order.id != order_id):
            self.open_order(int(order_id))

    def open_order(self, order_id: int) -> None:
        order = self.ctx.attempt(self, tr("Order"), lambda: self.ctx.store.orders.get(order_id))
        self.detail.show_order(order)

    def select_order(self, order_id: int) -> None:
        if not select_row_id(self.table, self.model, order_id):
            self.open_order(order_id)

    def _after_change(self, order: OrderView | None) -> None:
        self.model.refresh()
        self._update_count()
        if order is not None:
            select_row_id(self.table, self.model, order.id)
            self.open_order(order.id)
