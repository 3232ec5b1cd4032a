"""The running cart on the menu screen: a side panel in landscape, a bar at the bottom in
portrait. Totals come from ``store.orders.quote`` (passed in by the controller)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QWidget

from kiosk.services.money import ZERO, format_thb
from kiosk.services.views import OrderLineView, QuoteView
from kiosk.ui.i18n import pick
from kiosk.ui.widgets.common import (
    button,
    clear_layout,
    empty_layout,
    hbox,
    label,
    quantity_stepper,
    vbox,
)

#: the cart at the foot of the portrait menu: four lines without scrolling
PORTRAIT_HEIGHT = 500


def options_summary(line: OrderLineView) -> str:
    return ", ".join(pick(o.get("name_th", ""), o.get("name_en", "")) for o in line.options)


class CartPanel(QFrame):
    quantity_changed = Signal(int, int)  # line index, new quantity (0 removes)
    checkout_clicked = Signal()
    #: the customer wants to change a line's choices (size, spice, extras)
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cart_panel")
        self.setProperty("role", "cart")
        self.quote: QuoteView | None = None
        self.count = 0
        #: indexes of the lines whose dish has choices to change
        self.editable: frozenset[int] = frozenset()
        self.portrait = False
        self.vat_rate = "7"

        self.title = label("cart_title", "subtitle")
        self.count_badge = label("cart_count", "cart-count")
        self.count_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty = label("cart_empty", "muted", wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.lines_host = QWidget()
        # lines at the top by a stretch after them, not by an alignment: aligned rows get
        # their one-line size hint and wrapped names are cut
        self.lines_layout = vbox(self.lines_host, spacing=10)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.lines_host)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.total_caption = label("cart_total_caption", "total-label")
        self.total = label("cart_total", "total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.vat_note = label("cart_vat_note", "small")
        self.checkout = button("cart_checkout", "primary", "forward", "ink", 32)
        self.checkout.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.checkout.setProperty("size", "lg")
        self.checkout.clicked.connect(self.checkout_clicked)

        # built once: set_portrait only moves them (new ones each time left empty widgets
        # lying over the cart lines, swallowing the − / + taps)
        self.head = QWidget()
        self.head.setObjectName("cart_head")
        head_lay = hbox(self.head, spacing=12)
        head_lay.addWidget(self.title)
        head_lay.addWidget(self.count_badge)
        head_lay.addStretch(1)
        self.total_box = QWidget()
        self.total_box.setObjectName("cart_total_box")
        total_lay = hbox(self.total_box)
        total_lay.addWidget(self.total_caption)
        total_lay.addStretch(1)
        total_lay.addWidget(self.total)

        self.grid = QGridLayout(self)
        self.set_portrait(False)
        self.retranslate_ui()

    def set_portrait(self, portrait: bool) -> None:
        self.portrait = portrait
        self.empty.setWordWrap(not portrait)  # one line fits beside the total in portrait
        self.setProperty("role", "cart-bottom" if portrait else "cart")
        self.style().unpolish(self)
        self.style().polish(self)
        g = self.grid
        empty_layout(g)
        for row in range(6):
            g.setRowStretch(row, 0)
        head, total_box = self.head, self.total_box
        if portrait:
            g.setContentsMargins(32, 18, 32, 22)
            g.setHorizontalSpacing(28)
            g.setVerticalSpacing(8)
            g.addWidget(head, 0, 0)
            g.addWidget(self.scroll, 1, 0, 3, 1)
            g.addWidget(self.empty, 1, 0, 3, 1)
            g.addWidget(total_box, 0, 1)
            g.addWidget(self.vat_note, 1, 1, Qt.AlignmentFlag.AlignRight)
            g.addWidget(self.checkout, 2, 1)
            g.setColumnStretch(0, 3)
            g.setColumnStretch(1, 2)
            g.setRowStretch(3, 1)
            self.setFixedHeight(PORTRAIT_HEIGHT)
            self.setMinimumWidth(0)
            self.setMaximumWidth(16777215)
        else:
            g.setContentsMargins(28, 28, 28, 28)
            g.setHorizontalSpacing(0)
            g.setVerticalSpacing(14)
            g.setColumnStretch(1, 0)
            g.setColumnStretch(0, 1)
            g.setRowStretch(3, 0)
            g.addWidget(head, 0, 0)
            g.addWidget(self.scroll, 1, 0)
            g.addWidget(self.empty, 1, 0)  # (a layout alignment would cut its wrapped text)
            g.addWidget(total_box, 2, 0)
            g.addWidget(self.vat_note, 3, 0, Qt.AlignmentFlag.AlignRight)
            g.addWidget(self.checkout, 4, 0)
            g.setRowStretch(1, 1)
            self.setMinimumHeight(0)
            self.setMaximumHeight(16777215)
            self.setFixedWidth(520)
        self._refresh()

    def set_quote(
        self, quote: QuoteView | None, count: int, editable: frozenset[int] = frozenset()
    ) -> None:
        self.quote = quote
        self.count = count
        self.editable = editable
        self._refresh()

    def _refresh(self) -> None:
        clear_layout(self.lines_layout)
        quote = self.quote
        has_lines = bool(quote and quote.lines)
        self.empty.setVisible(not has_lines)
        self.scroll.setVisible(has_lines)
        self.checkout.setEnabled(has_lines)
        self.count_badge.setText(str(self.count))
        self.count_badge.setVisible(self.count > 0)
        self.total.setText(format_thb(quote.total) if quote else format_thb(ZERO))
        if not quote:
            return
        for i, line in enumerate(quote.lines):
            self.lines_layout.addWidget(self._line_row(i, line))
        self.lines_layout.addStretch(1)

    def _line_row(self, i: int, line: OrderLineView) -> QWidget:
        row = QWidget()
        row.setObjectName(f"cart_line_{i}")
        lay = hbox(row, spacing=10)
        texts = vbox(spacing=0)
        name = label(f"cart_line_{i}_name", "body", wrap=True)
        name.setText(pick(line.name_th, line.name_en))
        texts.addWidget(name)
        opts = options_summary(line)
        if opts:
            o = label("", "small", wrap=True)
            o.setText(opts)
            texts.addWidget(o)
        price = label(f"cart_line_{i}_total", "price")
        price.setText(format_thb(line.line_total))
        if i in self.editable:  # a dish that went in with its defaults: change them here
            foot = hbox(spacing=8)
            foot.addWidget(price)
            foot.addStretch(1)
            change = button(f"cart_line_{i}_change", "ghost")
            change.setText(self.tr("Change"))
            change.setAccessibleName(
                self.tr("Change %1").replace("%1", pick(line.name_th, line.name_en))
            )
            change.clicked.connect(lambda _=False, n=i: self.edit_requested.emit(n))
            foot.addWidget(change)
            texts.addLayout(foot)
        else:
            texts.addWidget(price)
        lay.addLayout(texts, 1)
        minus, qty, plus = quantity_stepper(
            "cart", i, line.quantity, self.quantity_changed.emit, 40
        )
        lay.addWidget(minus)
        lay.addWidget(qty)
        lay.addWidget(plus)
        return row

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Your order"))
        self.empty.setText(self.tr("Your cart is empty. Tap a dish to add it."))
        self.total_caption.setText(self.tr("Total"))
        self.vat_note.setText(self.tr("Prices include %1% VAT").replace("%1", self.vat_rate))
        self.checkout.setText(self.tr("Checkout"))
        self._refresh()
