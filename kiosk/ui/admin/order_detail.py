"""The Orders screen's detail panel: one order's lines, totals, payments, kitchen ticket
and the buttons for what staff may do with it now (they emit; the screen acts)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

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
from kiosk.ui.admin.widgets import Card, Pill, Texts, label


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
        if order is None:
            self.title.setText(tr("No order selected"))
            self.pill.setVisible(False)
            self.meta.setText(tr("Choose an order on the left to see its lines and payments."))
            self.lines.setRowCount(0)
            self.payments.setRowCount(0)
            self.totals.setText("")
            for b in self.action_buttons:
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
