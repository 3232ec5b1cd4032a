"""Review: every line with − / + / remove, then subtotal, VAT included, total, points."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.services.money import ZERO, format_thb
from kiosk.services.views import MenuItemView, OrderLineView, QuoteView
from kiosk.ui.i18n import current_language, pick
from kiosk.ui.messages import Text
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.cart_panel import options_summary
from kiosk.ui.widgets.common import (
    button,
    card,
    clear_layout,
    hbox,
    label,
    quantity_stepper,
    vbox,
)
from kiosk.ui.widgets.dish_image import DishPicture
from kiosk.ui.widgets.notice import Notice


def _sum_row(
    into: QVBoxLayout, name: str, role: str, caption_role: str = ""
) -> tuple[QLabel, QLabel]:
    """A caption on the left and the value ``name`` on the right, added to ``into``."""
    caption = label("", caption_role or role)
    value = label(name, role)
    row = hbox()
    row.addWidget(caption)
    row.addStretch(1)
    row.addWidget(value)
    into.addLayout(row)
    return caption, value


class ReviewScreen(Screen):
    screen_name = "review"
    step = "menu"  # checking the order is part of choosing it

    quantity_changed = Signal(int, int)
    line_removed = Signal(int)
    back_clicked = Signal()
    checkout_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quote: QuoteView | None = None
        self.items: dict[int, MenuItemView] = {}
        self.vat_rate = "7"
        self.root = QGridLayout(self)
        self.root.setContentsMargins(40, 32, 40, 32)
        self.root.setHorizontalSpacing(32)
        self.root.setVerticalSpacing(20)

        self.title = label("review_title", "title")
        self.lines_host = QWidget()
        # lines at the top by a stretch after them, not by an alignment: aligned rows get
        # their one-line size hint and wrapped names are cut
        self.lines_layout = vbox(self.lines_host, spacing=14)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.lines_host)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.totals = card("review_totals", "panel")
        t = vbox(self.totals, spacing=12)
        t.setContentsMargins(32, 28, 32, 28)
        self.subtotal_caption, self.subtotal = _sum_row(t, "review_subtotal", "body")
        # the points a member chose, off the food, then the service charge on what is left
        self.used_caption, self.used = _sum_row(t, "review_points_used", "body")
        self.charge_caption, self.charge = _sum_row(t, "review_service_charge", "body")
        self.vat_caption, self.vat = _sum_row(t, "review_vat", "muted")
        div = QFrame()
        div.setProperty("role", "divider")
        t.addWidget(div)
        self.total_caption, self.total = _sum_row(t, "review_total", "total", "total-label")
        self.points = label("review_points", "notice", wrap=True)
        t.addWidget(self.points)
        self.notice = Notice("review_notice")
        t.addWidget(self.notice)
        t.addStretch(1)
        self.checkout = button("review_checkout", "primary", "forward", "ink", 32)
        self.checkout.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.checkout.setProperty("size", "lg")
        self.checkout.clicked.connect(self.checkout_clicked)
        self.back = button("review_back", "secondary", "back", "green-800", 32)
        self.back.clicked.connect(self.back_clicked)
        t.addWidget(self.checkout)
        t.addWidget(self.back)
        self.set_portrait(False)
        self.retranslate_ui()

    def set_portrait(self, portrait: bool) -> None:
        super().set_portrait(portrait)
        for w in (self.title, self.scroll, self.totals):
            self.root.removeWidget(w)
        self.root.addWidget(self.title, 0, 0)
        if portrait:
            self.root.addWidget(self.scroll, 1, 0)
            self.root.addWidget(self.totals, 2, 0)
            self.root.setColumnStretch(1, 0)
            self.totals.setFixedWidth(16777215)
            self.totals.setMaximumWidth(16777215)
            self.totals.setMinimumWidth(0)
        else:
            self.root.addWidget(self.scroll, 1, 0)
            self.root.addWidget(self.totals, 0, 1, 2, 1)
            self.totals.setFixedWidth(560)
        self.root.setRowStretch(1, 1)
        self.root.setColumnStretch(0, 1)

    def show_notice(self, text: Text | None) -> None:
        self.notice.say(text)

    def shown_notice(self) -> Text | None:
        return self.notice.said()

    def set_quote(self, quote: QuoteView | None, items: dict[int, MenuItemView]) -> None:
        self.quote = quote
        self.items = items
        self._refresh()

    def text_scale_changed(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        clear_layout(self.lines_layout)
        q = self.quote
        self.checkout.setEnabled(bool(q and q.lines))
        if q is None:
            for w in (self.subtotal, self.vat, self.total):
                w.setText(format_thb(ZERO))
            for w in (self.charge_caption, self.charge, self.used_caption, self.used):
                w.hide()
            self.points.hide()
            return
        for i, line in enumerate(q.lines):
            self.lines_layout.addWidget(self._row(i, line))
        self.lines_layout.addStretch(1)
        self.subtotal.setText(format_thb(q.subtotal))
        self.charge.setText(format_thb(q.service_charge))
        self.charge_caption.setText(
            self.tr("Service charge %1%").replace("%1", f"{q.service_charge_rate.normalize():f}")
        )
        for w in (self.charge_caption, self.charge):
            w.setVisible(bool(q.service_charge))
        self.used_caption.setText(self.tr("Points discount"))
        self.used.setText(f"−{format_thb(q.discount)}")
        for w in (self.used_caption, self.used):
            w.setVisible(bool(q.discount))
        self.vat.setText(format_thb(q.vat))
        self.total.setText(format_thb(q.total))
        self.points.setVisible(q.points_to_earn > 0)
        self.points.setText(
            self.tr("Members earn %1 points with this order.").replace(
                "%1", f"{q.points_to_earn:,}"
            )
        )

    def _row(self, i: int, line: OrderLineView) -> QWidget:
        row = card(f"review_line_{i}", "card")
        lay = hbox(row, spacing=18)
        lay.setContentsMargins(14, 14, 18, 14)
        pic = DishPicture(radius=16, ratio=0.75)
        pic.round_bottom = True
        item = self.items.get(line.item_id or -1)
        pic.set_image(item.image if item else "")
        pic.setFixedSize(132, 99)
        lay.addWidget(pic)
        texts = vbox(spacing=2)
        name = label(f"review_name_{i}", "item-name", wrap=True)
        name.setText(pick(line.name_th, line.name_en))
        alt = label("", "item-alt", wrap=True)
        alt.setText(line.name_en if current_language() == "th" else line.name_th)
        texts.addWidget(name)
        texts.addWidget(alt)
        opts = options_summary(line)
        if opts:
            o = label(f"review_options_{i}", "small", wrap=True)
            o.setText(opts)
            texts.addWidget(o)
        each = label("", "small")
        each.setText(self.tr("%1 each").replace("%1", format_thb(line.unit_price)))
        texts.addWidget(each)
        lay.addLayout(texts, 1)
        minus, qty, plus = quantity_stepper(
            "review", i, line.quantity, self.quantity_changed.emit, 48, floor_at_one=True
        )
        total = label(f"review_line_total_{i}", "price", align=Qt.AlignmentFlag.AlignRight)
        total.setText(format_thb(line.line_total))
        total.setMinimumWidth(150)
        remove = button(f"review_remove_{i}", "remove", "cross", "chili", 34)
        remove.setToolTip(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove"))
        remove.clicked.connect(lambda _=False, n=i: self.line_removed.emit(n))
        for w in (minus, qty, plus, total, remove):
            lay.addWidget(w)
        return row

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Check your order"))
        self.subtotal_caption.setText(self.tr("Subtotal"))
        self.vat_caption.setText(self.tr("VAT %1% (included)").replace("%1", self.vat_rate))
        self.total_caption.setText(self.tr("Total"))
        self.checkout.setText(self.tr("Continue"))
        self.back.setText(self.tr("Add more dishes"))
        self.notice.retranslate_ui()
        self._refresh()
