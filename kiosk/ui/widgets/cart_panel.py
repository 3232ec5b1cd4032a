"""The running cart on the menu screen: a side panel in landscape, a bar at the bottom in
portrait. Totals come from ``store.orders.quote`` (passed in by the controller).

The upsell strip ("Add a drink?") sits in the cart too, so checking out never takes an
extra tap: the controller shows it with up to three dishes; a tap on one emits
``upsell_chosen``, "No thanks" emits ``upsell_dismissed``. In portrait the strip runs
across the top and the bar grows by its height (the lines keep their room); in landscape
it sits between the lines and the total."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QScrollArea, QWidget

from kiosk.services.money import ZERO, format_thb
from kiosk.services.views import MenuItemView, OrderLineView, QuoteView
from kiosk.ui import theme
from kiosk.ui.i18n import pick
from kiosk.ui.widgets.common import (
    button,
    button_text,
    clear_layout,
    empty_layout,
    hbox,
    label,
    quantity_stepper,
    vbox,
)

#: the cart at the foot of the portrait menu: four lines without scrolling
PORTRAIT_HEIGHT = 500
#: the cart beside the landscape menu, and in large text (room for a line's − n +, and
#: still two columns of dishes whose words fit)
LANDSCAPE_WIDTH = 520
LANDSCAPE_WIDTH_LARGE = 600
# dishes the upsell strip offers at most
UPSELL_MAX = 3


def options_summary(line: OrderLineView) -> str:
    return ", ".join(pick(o.get("name_th", ""), o.get("name_en", "")) for o in line.options)


class CartPanel(QFrame):
    quantity_changed = Signal(int, int)  # line index, new quantity (0 removes)
    checkout_clicked = Signal()
    #: the customer wants to change a line's choices (size, spice, extras)
    edit_requested = Signal(int)
    upsell_chosen = Signal(int)  # item id, from the "Add a drink?" strip
    upsell_dismissed = Signal()  # "No thanks"

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

        # the upsell strip: hidden until the controller offers dishes
        self.upsell_items: list[MenuItemView] = []
        self.upsell_drinks = True
        self.upsell_buttons: list[QPushButton] = []
        self.upsell = QFrame()
        self.upsell.setObjectName("cart_upsell")
        self.upsell.setProperty("role", "upsell")
        upsell_lay = vbox(self.upsell, spacing=8)
        upsell_lay.setContentsMargins(18, 10, 18, 14)
        upsell_head = hbox(spacing=12)
        self.upsell_title = label("cart_upsell_title", "upsell-title", wrap=True)
        upsell_head.addWidget(self.upsell_title, 1)
        self.upsell_no = button("upsell_no_thanks", "ghost")
        self.upsell_no.clicked.connect(self.upsell_dismissed)
        upsell_head.addWidget(self.upsell_no)
        upsell_lay.addLayout(upsell_head)
        self.upsell_row = QGridLayout()
        self.upsell_row.setHorizontalSpacing(12)
        self.upsell_row.setVerticalSpacing(8)
        upsell_lay.addLayout(self.upsell_row)
        self.upsell.hide()

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
        for row in range(7):
            g.setRowStretch(row, 0)
        head, total_box = self.head, self.total_box
        if portrait:
            g.setContentsMargins(32, 18, 32, 22)
            g.setHorizontalSpacing(28)
            g.setVerticalSpacing(8)
            g.addWidget(self.upsell, 0, 0, 1, 2)
            g.addWidget(head, 1, 0)
            g.addWidget(self.scroll, 2, 0, 3, 1)
            g.addWidget(self.empty, 2, 0, 3, 1)
            g.addWidget(total_box, 1, 1)
            g.addWidget(self.vat_note, 2, 1, Qt.AlignmentFlag.AlignRight)
            g.addWidget(self.checkout, 3, 1)
            g.setColumnStretch(0, 3)
            g.setColumnStretch(1, 2)
            g.setRowStretch(4, 1)
            self.setMinimumWidth(0)
            self.setMaximumWidth(16777215)
        else:
            g.setContentsMargins(28, 28, 28, 28)
            g.setHorizontalSpacing(0)
            g.setVerticalSpacing(14)
            g.setColumnStretch(1, 0)
            g.setColumnStretch(0, 1)
            g.addWidget(head, 0, 0)
            g.addWidget(self.scroll, 1, 0)
            g.addWidget(self.empty, 1, 0)  # (a layout alignment would cut its wrapped text)
            g.addWidget(self.upsell, 2, 0)
            g.addWidget(total_box, 3, 0)
            g.addWidget(self.vat_note, 4, 0, Qt.AlignmentFlag.AlignRight)
            g.addWidget(self.checkout, 5, 0)
            g.setRowStretch(1, 1)
            self.setMinimumHeight(0)
            self.setMaximumHeight(16777215)
            # large text: wider, so a line's name, − n + and Change keep their room
            large = theme.text_scale() > 1
            self.setFixedWidth(LANDSCAPE_WIDTH_LARGE if large else LANDSCAPE_WIDTH)
        self._fill_upsell()
        self._refresh()

    # -- the upsell strip ----------------------------------------------------------------
    def show_upsell(self, items: list[MenuItemView], drinks: bool) -> None:
        """Offer ``items`` (at most :data:`UPSELL_MAX`), each one tap; ``drinks``: they are
        all drinks ("Add a drink?"), otherwise "Something to go with it?"."""
        items = list(items)[:UPSELL_MAX]
        if items == self.upsell_items and drinks == self.upsell_drinks:
            return  # the same offer (the cart changed): keep the buttons
        self.upsell_items = items
        self.upsell_drinks = drinks
        self._fill_upsell()

    def hide_upsell(self) -> None:
        if self.upsell_items or self.upsell.isVisibleTo(self):
            self.upsell_items = []
            self._fill_upsell()

    def upsell_visible(self) -> bool:
        return bool(self.upsell_items)

    def _fill_upsell(self) -> None:
        for b in self.upsell_buttons:
            self.upsell_row.removeWidget(b)
            b.hide()
            b.deleteLater()
        self.upsell_buttons = []
        for i, item in enumerate(self.upsell_items):
            b = button(f"upsell_item_{item.id}", "upsell-item")
            b.clicked.connect(lambda _=False, iid=item.id: self.upsell_chosen.emit(iid))
            if self.portrait:  # side by side: the name over the price
                self.upsell_row.addWidget(b, 0, i)
                self.upsell_row.setColumnStretch(i, 1)
            else:  # one under the other: the name beside the price
                self.upsell_row.addWidget(b, i, 0)
            self.upsell_buttons.append(b)
        for col in range(len(self.upsell_items), UPSELL_MAX):
            self.upsell_row.setColumnStretch(col, 1 if self.portrait else 0)
        self.upsell.setVisible(bool(self.upsell_items))
        self._retranslate_upsell()
        self._fit_height()

    def _fit_height(self) -> None:
        """Portrait: the bar is as tall as ever plus the strip, so lines keep their room."""
        if not self.portrait:
            return
        extra = 0
        if self.upsell_items:
            self.upsell.ensurePolished()
            extra = self.upsell.sizeHint().height() + self.grid.verticalSpacing()
        self.setFixedHeight(PORTRAIT_HEIGHT + extra)

    def _retranslate_upsell(self) -> None:
        if self.upsell_drinks:
            self.upsell_title.setText(self.tr("Add a drink?"))
        else:
            self.upsell_title.setText(self.tr("Something to go with it?"))
        self.upsell_no.setText(self.tr("No thanks"))
        for b, item in zip(self.upsell_buttons, self.upsell_items, strict=True):
            name, price = pick(item.name_th, item.name_en), format_thb(item.price)
            sep = "\n" if self.portrait else "   "
            b.setText(button_text(f"+ {name}{sep}{price}"))
            b.setAccessibleName(self.tr("Add %1, %2").replace("%1", name).replace("%2", price))

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
        self._retranslate_upsell()
        self._fit_height()
        self._refresh()
