"""Orders: the live kitchen queue and every order, with lines, payments and the staff
actions (status, cash / PromptPay received, refund, reprint)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QT_TR_NOOP,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.listings import OrderListing
from kiosk.services.orders import NEXT_STATUS
from kiosk.services.staff import Permission
from kiosk.services.views import OrderView
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.format import (
    language,
    local_dt,
    method_label,
    mode_label,
    money,
    status_label,
    tr,
)
from kiosk.ui.admin.models import ROW_ID_ROLE, PagedTableModel, order_columns
from kiosk.ui.admin.widgets import Card, ListDetailSplitter, PageHeader, Pill, Texts, label

ACTIVE = ("pending", "preparing", "ready")
STRETCH_MIN = 110  # a stretched column (member, reason) shows at least a short name
FILTERS: list[tuple[str, str]] = [
    ("queue", QT_TR_NOOP("Kitchen queue")),
    ("unpaid", QT_TR_NOOP("Awaiting payment")),
    ("today", QT_TR_NOOP("Today")),
    ("all", QT_TR_NOOP("All orders")),
]


def configure_table(
    view: QTableView, model: PagedTableModel, widths: dict[int, int], stretch: int = -1
) -> None:
    """Shared look and behaviour of the paged tables: rows, sorting on indexed columns."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(32)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch >= 0:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    view.base_widths = dict(widths)  # type: ignore[attr-defined]
    view.stretch_column = stretch  # type: ignore[attr-defined]
    if not hasattr(view, "column_fitter"):
        view.column_fitter = _ColumnFitter(view)  # type: ignore[attr-defined]
    fit_columns(view)
    sort_column = model.sort_column()
    if sort_column >= 0:
        order = (
            Qt.SortOrder.DescendingOrder
            if model.listing.descending
            else Qt.SortOrder.AscendingOrder
        )
        # Before enabling sorting: enabling sorts by the indicator, which must be the
        # order the listing already has (so nothing is re-queried).
        header.setSortIndicator(sort_column, order)
    view.setSortingEnabled(True)

    def keep_indicator(column: int, _order: Qt.SortOrder) -> None:
        # A click on a column without an index does nothing; put the arrow back.
        if not model.sortable(column):
            current = model.sort_column()
            order = (
                Qt.SortOrder.DescendingOrder
                if model.listing.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(True)
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    header.sortIndicatorChanged.connect(keep_indicator)


def fit_columns(view: QTableView) -> None:
    """The planned widths, widened where a title in the current language (Thai ones run
    longer) would be cut; the stretched column takes the rest of the width, but never
    less than its title needs (then the table scrolls sideways, on a portrait screen).
    Runs again after a language switch and whenever the table is resized."""
    header = view.horizontalHeader()
    widths: dict[int, int] = getattr(view, "base_widths", {})
    stretch: int = getattr(view, "stretch_column", -1)
    others = 0
    for column in range(header.count()):
        if column == stretch:
            continue
        planned = widths.get(column, header.defaultSectionSize())
        view.setColumnWidth(column, max(planned, header.sectionSizeHint(column)))
        others += view.columnWidth(column)
    if stretch < 0:
        return
    needed = max(header.sectionSizeHint(stretch), STRETCH_MIN)
    room = view.viewport().width() - others
    mode = header.sectionResizeMode(stretch)
    if room >= needed and mode != QHeaderView.ResizeMode.Stretch:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    elif room < needed:
        if mode != QHeaderView.ResizeMode.Interactive:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(stretch, needed)


class _ColumnFitter(QObject):
    """Calls :func:`fit_columns` when the table's viewport changes width."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._width = -1
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            width = self._view.viewport().width()
            if width != self._width:
                self._width = width
                fit_columns(self._view)
        return False


def select_row_id(view: QTableView, model: PagedTableModel, row_id: int | None) -> bool:
    """Select the row with ``row_id`` if it is in the cached pages."""
    if row_id is None:
        return False
    row = model.find_cached(row_id)
    if row is None:
        return False
    view.selectionModel().setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    return True


class OrderDetail(Card):
    """One order: lines, totals, payments and the buttons that apply to it."""

    status_requested = Signal(str)
    paid_requested = Signal(str)
    refund_requested = Signal()
    reprint_requested = Signal()
    reprint_kitchen_requested = Signal()
    tax_invoice_requested = Signal()

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order: OrderView | None = None
        self.texts = texts = Texts()
        self.setObjectName("OrderDetail")
        self.setMinimumWidth(380)
        top = QHBoxLayout()
        self.title = label("", "title", "OrderTitle")
        self.pill = Pill("")
        self.pill.setObjectName("OrderStatus")
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.pill)
        self.body.addLayout(top)
        self.meta = label("", "muted", "OrderMeta")
        self.meta.setWordWrap(True)
        self.body.addWidget(self.meta)

        self.lines = QTableWidget(0, 3)
        self.lines.setObjectName("OrderLines")
        texts.call(
            lambda: self.lines.setHorizontalHeaderLabels([tr("Qty"), tr("Item"), tr("Amount")])
        )
        self._table_style(self.lines)
        self.body.addWidget(self.lines, 3)
        self.totals = label("", name="OrderTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.body.addWidget(self.totals)

        self.body.addWidget(texts.label(lambda: tr("Payments"), "subtitle"))
        self.payments = QTableWidget(0, 4)
        self.payments.setObjectName("OrderPayments")
        texts.call(
            lambda: self.payments.setHorizontalHeaderLabels(
                [tr("Method"), tr("Amount"), tr("Status"), tr("Reference")]
            )
        )
        self._table_style(self.payments, stretch=3)
        self.body.addWidget(self.payments, 1)

        grid = QGridLayout()
        grid.setSpacing(8)
        self.to_ready = texts.button(lambda: tr("Mark ready"), "primary", "MarkReady")
        self.to_completed = texts.button(
            lambda: tr("Complete (picked up)"), "primary", "MarkCompleted"
        )
        self.to_preparing = texts.button(lambda: tr("Back to kitchen"), name="MarkPreparing")
        self.to_cancelled = texts.button(lambda: tr("Cancel order"), "danger", "CancelOrder")
        self.cash = texts.button(lambda: tr("Cash received"), "primary", "CashReceived")
        self.promptpay = texts.button(
            lambda: tr("PromptPay received"), "primary", "PromptPayReceived"
        )
        self.refund = texts.button(lambda: tr("Refund…"), "danger", "RefundButton")
        self.reprint = texts.button(lambda: tr("Reprint receipt"), name="ReprintButton")
        self.reprint_kitchen = texts.button(
            lambda: tr("Reprint kitchen ticket"), name="ReprintKitchenButton"
        )
        self.tax_invoice = texts.button(lambda: tr("Full tax invoice…"), name="TaxInvoiceButton")
        self.to_ready.clicked.connect(lambda: self.status_requested.emit("ready"))
        self.to_completed.clicked.connect(lambda: self.status_requested.emit("completed"))
        self.to_preparing.clicked.connect(lambda: self.status_requested.emit("preparing"))
        self.to_cancelled.clicked.connect(lambda: self.status_requested.emit("cancelled"))
        self.cash.clicked.connect(lambda: self.paid_requested.emit("cash"))
        self.promptpay.clicked.connect(lambda: self.paid_requested.emit("promptpay"))
        self.refund.clicked.connect(self.refund_requested.emit)
        self.reprint.clicked.connect(self.reprint_requested.emit)
        self.reprint_kitchen.clicked.connect(self.reprint_kitchen_requested.emit)
        self.tax_invoice.clicked.connect(self.tax_invoice_requested.emit)
        self.button_grid = grid
        self.action_buttons = [
            self.to_ready,
            self.to_completed,
            self.to_preparing,
            self.cash,
            self.promptpay,
            self.to_cancelled,
            self.refund,
            self.reprint,
            self.reprint_kitchen,
            self.tax_invoice,
        ]
        for i, b in enumerate(self.action_buttons):
            grid.addWidget(b, i // 2, i % 2)  # owned by the card; re-placed per order
        self.body.addLayout(grid)
        self.show_order(None)

    def _place_buttons(self) -> None:
        """The buttons that apply to this order, two per row, in a fixed order."""
        for b in self.action_buttons:
            self.button_grid.removeWidget(b)
        shown = [b for b in self.action_buttons if not b.isHidden()]
        for i, b in enumerate(shown):
            self.button_grid.addWidget(b, i // 2, i % 2)

    @staticmethod
    def _table_style(table: QTableWidget, stretch: int = 1) -> None:
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setShowGrid(False)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

    def show_order(self, order: OrderView | None) -> None:
        self.order = order
        tz = self.ctx.tz
        all_buttons = [
            self.to_ready,
            self.to_completed,
            self.to_preparing,
            self.to_cancelled,
            self.cash,
            self.promptpay,
            self.refund,
            self.reprint,
            self.reprint_kitchen,
            self.tax_invoice,
        ]
        if order is None:
            self.title.setText(tr("No order selected"))
            self.pill.setVisible(False)
            self.meta.setText(tr("Choose an order on the left to see its lines and payments."))
            self.lines.setRowCount(0)
            self.payments.setRowCount(0)
            self.totals.setText("")
            for b in all_buttons:
                b.setVisible(False)
            return
        self.title.setText(tr("Order {number}").format(number=order.number))
        self.pill.setVisible(True)
        self.pill.set_status(order.status)
        member = ""
        if order.customer_id:
            from kiosk.services.phone import mask_phone

            member = " · " + tr("Member {name} {phone}").format(
                name=order.customer_name, phone=mask_phone(order.customer_phone)
            )
        self.meta.setText(
            f"{local_dt(order.created_at, tz)} · {mode_label(order.mode)}"
            + (f" {order.table_number}" if order.table_number else "")
            + f" · {order.kiosk_id}"
            + member
        )
        self.lines.setRowCount(len(order.lines))
        for r, line in enumerate(order.lines):
            key = "name_th" if language() == "th" else "name_en"
            opts = ", ".join(o.get(key) or o.get("name_en", "") for o in line.options)
            name = f"{line.name_th} · {line.name_en}" + (f" ({opts})" if opts else "")
            cells = [str(line.quantity), name, money(line.line_total)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.lines.setItem(r, c, item)
        totals = [tr("Subtotal {amount}").format(amount=money(order.subtotal))]
        if order.discount:
            totals.append(
                tr("Points discount ({points} pts) −{amount}").format(
                    points=order.points_redeemed, amount=money(order.discount)
                )
            )
        totals.append("<b>" + tr("Total {amount}").format(amount=money(order.total)) + "</b>")
        totals.append(tr("incl. VAT {amount}").format(amount=money(order.vat)))
        if order.points_earned:
            totals.append(tr("Points earned {n}").format(n=order.points_earned))
        self.totals.setText("<br>".join(totals))
        self.payments.setRowCount(len(order.payments))
        for r, p in enumerate(order.payments):
            ref = p.transaction_id or ""
            if p.card_last4:
                ref = f"{p.card_brand} ****{p.card_last4}  {ref}"
            status = status_label(p.status)
            if p.status == "pending":
                status = tr("Waiting")
            when = local_dt(p.settled_at or p.created_at, tz, with_date=False)
            for c, text in enumerate(
                [method_label(p.method), money(p.amount), f"{status} {when}", ref]
            ):
                self.payments.setItem(r, c, QTableWidgetItem(text))
        nxt = NEXT_STATUS.get(order.status, ())
        paid = any(p.status == "succeeded" for p in order.payments)
        unpaid = order.status == "pending" and not paid
        self.to_ready.setVisible("ready" in nxt)
        self.to_completed.setVisible("completed" in nxt)
        self.to_preparing.setVisible("preparing" in nxt)
        self.to_cancelled.setVisible("cancelled" in nxt and unpaid)
        self.cash.setVisible(unpaid)
        self.promptpay.setVisible(unpaid)
        can_refund = self.ctx.can(Permission.REFUND)
        self.refund.setVisible(paid)
        self.refund.setEnabled(paid and can_refund)
        self.refund.setToolTip("" if can_refund else tr("Only a manager or the owner can refund."))
        self.reprint.setVisible(True)
        kitchen = self.ctx.settings().printers.kitchen.enabled
        self.reprint_kitchen.setVisible(kitchen and order.paid_at is not None)
        self.tax_invoice.setVisible(
            self.ctx.settings().store.vat_registered
            and paid
            and order.status not in ("cancelled", "refunded")
        )
        self.meta.setText(self.meta.text() + self._print_status(order))
        self._place_buttons()

    def _print_status(self, order: OrderView) -> str:
        """Where the order's kitchen ticket is: printed, or waiting and why."""
        try:
            jobs = [j for j in self.ctx.store.print_jobs.for_order(order.id) if j.kind == "kitchen"]
        except Exception:  # a busy database must not break showing the order
            return ""
        if not jobs:
            return ""
        last = jobs[-1]
        if last.status == "done":
            return " · " + tr("Kitchen ticket printed")
        if last.last_error:
            return " · " + tr("Kitchen ticket waiting: {error}").format(error=last.last_error)
        return " · " + tr("Kitchen ticket queued")

    def retranslate_ui(self) -> None:
        self.texts.retranslate()
        self.show_order(self.order)

    def succeeded_payment(self) -> str | None:
        if self.order is None:
            return None
        for p in reversed(self.order.payments):
            if p.status == "succeeded" and p.transaction_id:
                return p.transaction_id
        return None


class OrdersScreen(QWidget):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = "queue"
        self.last_receipt: Path | None = None
        self.texts = texts = Texts()
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 20, 24, 20)
        page.setSpacing(12)
        self.header = PageHeader("")
        texts.bind(self.header.title.setText, lambda: tr("Orders"))
        texts.bind(
            self.header.subtitle.setText,
            lambda: tr("Live: new and paid orders appear by themselves."),
        )
        page.addWidget(self.header)
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

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filters)
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(200)
        self._live.timeout.connect(self.reload)
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
        self.texts.retranslate()
        self.model.retranslate(order_columns(lambda: self.ctx.tz, self.ctx.today))
        fit_columns(self.table)
        self.detail.retranslate_ui()
        self._update_count()

    def activate(self) -> None:
        self.reload()

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

    def _on_detail_status_requested(self, status: str) -> None:
        order = self.detail.order
        if order is None:
            return
        if status == "cancelled" and not self.ctx.dialogs.confirm(
            self,
            tr("Cancel order"),
            tr("Cancel order {number}? Redeemed points go back to the member.").format(
                number=order.number
            ),
        ):
            return
        result = self.ctx.attempt(
            self,
            tr("Change status"),
            lambda: self.ctx.actions.set_status(self.ctx.staff, order.id, status),
        )
        if result is not None:
            self._after_change(result)

    def _on_detail_paid_requested(self, method: str) -> None:
        order = self.detail.order
        if order is None:
            return
        if not self.ctx.dialogs.confirm(
            self,
            tr("Payment received"),
            tr("{method} of {amount} received for order {number}?").format(
                method=method_label(method), amount=money(order.total), number=order.number
            ),
        ):
            return
        result = self.ctx.attempt(
            self,
            tr("Payment received"),
            lambda: self.ctx.actions.mark_paid(self.ctx.staff, order.id, method),
        )
        if result is not None:
            self._after_change(self.ctx.store.orders.get(order.id))

    def _on_detail_refund_requested(self) -> None:
        order = self.detail.order
        txn = self.detail.succeeded_payment()
        if order is None or txn is None:
            return
        reason = self.ctx.dialogs.ask_text(
            self,
            tr("Refund order {number}").format(number=order.number),
            tr("Refund {amount}. Reason (required):").format(amount=money(order.total)),
        )
        if reason is None:
            return
        result = self.ctx.attempt(
            self,
            tr("Refund"),
            lambda: self.ctx.actions.refund(self.ctx.staff, txn, reason),
        )
        if result is not None:
            self.ctx.dialogs.info(
                self,
                tr("Refund"),
                tr("Refunded {amount} for order {number}.").format(
                    amount=money(result.amount), number=order.number
                ),
            )
            self._after_change(self.ctx.store.orders.get(order.id))

    def _on_detail_reprint_kitchen_requested(self) -> None:
        order = self.detail.order
        if order is None:
            return
        user = self.ctx.attempt(
            self,
            tr("Reprint kitchen ticket"),
            lambda: self.ctx.actions.require(self.ctx.staff, Permission.REPRINT),
        )
        if user is None:
            return
        job = self.ctx.attempt(
            self,
            tr("Reprint kitchen ticket"),
            lambda: self.ctx.store.print_jobs.reprint(order.id, "kitchen", staff=user.name),
        )
        if job is None:
            return
        self.detail.show_order(order)
        self.ctx.dialogs.info(
            self,
            tr("Reprint kitchen ticket"),
            tr("A copy marked REPRINT is queued for the kitchen printer."),
        )

    def _on_detail_tax_invoice_requested(self) -> None:
        """Ask for the buyer's details, issue the invoice (audited), save it as PDF."""
        from kiosk.services.taxinvoice import check_buyer
        from kiosk.ui.admin.receipt import write_receipt_pdf

        order = self.detail.order
        if order is None:
            return
        title = tr("Full tax invoice")
        user = self.ctx.attempt(
            self, title, lambda: self.ctx.actions.require(self.ctx.staff, Permission.REPRINT)
        )
        if user is None:
            return
        answers: list[str] = []
        for prompt, default in (
            (tr("Buyer's name (company or person)"), ""),
            (tr("Buyer's address"), ""),
            (tr("Buyer's 13-digit tax ID"), ""),
            (tr("Branch (00000 = head office)"), "00000"),
        ):
            answer = self.ctx.dialogs.ask_text(self, title, prompt, default)
            if answer is None:
                return
            answers.append(answer)
        buyer = self.ctx.attempt(self, title, lambda: check_buyer(*answers))
        if buyer is None:
            return
        invoice = self.ctx.attempt(
            self,
            title,
            lambda: self.ctx.store.tax_invoices.issue(order.id, buyer, staff=user.name),
        )
        if invoice is None:
            return
        path = self.ctx.settings().receipts_dir / f"tax_invoice_{invoice.number}.pdf"
        try:
            write_receipt_pdf(
                self.ctx.store.tax_invoices.document(order.id, copy=not invoice.new), path
            )
        except OSError as exc:
            self.ctx.dialogs.error(self, title, str(exc))
            return
        self.last_receipt = path
        note = "" if invoice.new else " " + tr("(issued before: this is a copy)")
        self.ctx.dialogs.info(
            self,
            title,
            tr("Tax invoice {number} saved to {path}").format(number=invoice.number, path=path)
            + note,
        )

    def _on_detail_reprint_requested(self) -> None:
        order = self.detail.order
        if order is None:
            return
        from kiosk.ui.admin.receipt import write_receipt_pdf

        # The account may have been disabled since signing in: ask the service first.
        user = self.ctx.attempt(
            self,
            tr("Reprint receipt"),
            lambda: self.ctx.actions.require(self.ctx.staff, Permission.REPRINT),
        )
        if user is None:
            return
        settings = self.ctx.settings()
        stamp = datetime.now().strftime("%H%M%S")
        path = (
            settings.receipts_dir / f"{order.created_at:%Y%m%d}_{order.number}_reprint_{stamp}.pdf"
        )
        try:
            doc = self.ctx.store.receipts.receipt(order.id, copy=True)
            write_receipt_pdf(doc, path)
        except OSError as exc:
            self.ctx.dialogs.error(self, tr("Reprint receipt"), str(exc))
            return
        self.last_receipt = path
        if settings.printers.receipt.enabled:  # and a COPY on the receipt printer
            self.ctx.attempt(
                self,
                tr("Reprint receipt"),
                lambda: self.ctx.store.print_jobs.reprint(order.id, "receipt", staff=user.name),
            )
        self.ctx.attempt(
            self,
            tr("Reprint receipt"),
            lambda: self.ctx.actions.staff.record(
                user, "order.reprint", "order", str(order.id), {"file": path.name}
            ),
        )
        self.ctx.dialogs.info(
            self, tr("Reprint receipt"), tr("Receipt saved to {path}").format(path=path)
        )

    def close_screen(self) -> None:
        self._live.stop()
        self._search_timer.stop()
