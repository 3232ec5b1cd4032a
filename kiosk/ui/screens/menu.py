"""Menu: categories, dish cards, and the cart (side panel in landscape, bottom in portrait)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QWidget,
)

from kiosk.services.views import CategoryView, MenuItemView, QuoteView
from kiosk.ui import theme
from kiosk.ui.i18n import pick
from kiosk.ui.messages import Text
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.cart_panel import CartPanel
from kiosk.ui.widgets.common import button, button_text, empty_layout, hbox, label, take_at, vbox
from kiosk.ui.widgets.item_card import ItemCard
from kiosk.ui.widgets.notice import Notice

MIN_CARD = 290
RAIL_WIDTH = 290
GRID_SPACING = 24


class MenuScreen(Screen):
    screen_name = "menu"
    step = "menu"

    item_clicked = Signal(int)
    category_chosen = Signal(int)
    cart_quantity_changed = Signal(int, int)
    checkout_clicked = Signal()
    cart_edit_requested = Signal(int)
    upsell_chosen = Signal(int)  # item id: one tap in the cart's "Add a drink?" strip
    upsell_dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[CategoryView] = []
        self.cards: dict[int, ItemCard] = {}
        self.category_buttons: dict[int, QPushButton] = {}
        self.current_category: int | None = None
        self._columns = 0

        self.root = QGridLayout(self)
        self.root.setContentsMargins(0, 0, 0, 0)
        self.root.setSpacing(0)

        # categories: a rail (landscape) or a row of tabs (portrait); same buttons
        self.rail = QFrame()
        self.rail.setObjectName("menu_rail")
        self.rail.setProperty("role", "rail")
        self.rail.setFixedWidth(RAIL_WIDTH)
        self.rail_layout = vbox(self.rail, spacing=10)
        self.rail_layout.setContentsMargins(20, 28, 20, 28)
        self.rail_title = label("menu_rail_title", "on-dark-muted")
        self.rail_layout.addWidget(self.rail_title)
        self.tabs = QWidget()
        self.tabs.setObjectName("menu_tabs")
        self.tabs_layout = hbox(self.tabs, spacing=12)
        self.tabs_layout.setContentsMargins(32, 22, 32, 6)
        self.tabs_scroll = QScrollArea()
        self.tabs_scroll.setWidgetResizable(True)
        self.tabs_scroll.setWidget(self.tabs)
        self.tabs_scroll.setFixedHeight(112)
        self.tabs_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(
            self.tabs_scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)

        # the dishes
        self.content = QWidget()
        content_lay = vbox(self.content, spacing=12)
        content_lay.setContentsMargins(32, 24, 18, 0)
        self.category_title = label("menu_category_title", "title")
        content_lay.addWidget(self.category_title)
        self.notice = Notice("menu_notice")
        content_lay.addWidget(self.notice)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 8, 14, 32)
        self.grid.setHorizontalSpacing(GRID_SPACING)
        self.grid.setVerticalSpacing(GRID_SPACING)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("menu_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid_host)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().installEventFilter(self)
        QScroller.grabGesture(self.scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        content_lay.addWidget(self.scroll, 1)

        self._items: list[MenuItemView] = []
        self.cart = CartPanel()
        self.cart.quantity_changed.connect(self.cart_quantity_changed)
        self.cart.checkout_clicked.connect(self.checkout_clicked)
        self.cart.edit_requested.connect(self.cart_edit_requested)
        self.cart.upsell_chosen.connect(self.upsell_chosen)
        self.cart.upsell_dismissed.connect(self.upsell_dismissed)
        self.set_portrait(False)
        self.retranslate_ui()

    # -- view API -------------------------------------------------------------------------
    def set_menu(self, categories: list[CategoryView], items: list[MenuItemView]) -> None:
        """Show this menu. The same menu again (every reset asks) keeps the widgets: they
        are built once per menu change, not once per customer."""
        if self.categories == list(categories) and self._items == list(items):
            return
        self._items = list(items)
        for b in self.category_buttons.values():
            self.group.removeButton(b)
            self.rail_layout.removeWidget(b)
            self.tabs_layout.removeWidget(b)
            b.hide()
            b.setParent(None)
            b.deleteLater()
        for c in self.cards.values():
            self.grid.removeWidget(c)
            c.hide()
            c.setParent(None)
            c.deleteLater()
        self.categories = list(categories)
        self.category_buttons = {}
        self.cards = {}
        for cat in self.categories:
            b = button(f"category_{cat.id}", "rail")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, cid=cat.id: self.category_chosen.emit(cid))
            self.group.addButton(b)
            self.category_buttons[cat.id] = b
        for item in items:
            card = ItemCard(item, self.grid_host)
            card.hide()
            card.clicked.connect(lambda _=False, iid=item.id: self.item_clicked.emit(iid))
            self.cards[item.id] = card
        self._place_category_buttons()
        self.retranslate_ui()
        if self.categories:
            keep = self.current_category in {c.id for c in self.categories}
            self.show_category(self.current_category if keep else self.categories[0].id)  # type: ignore[arg-type]

    def show_category(self, category_id: int) -> None:
        self.current_category = category_id
        if category_id in self.category_buttons:
            self.category_buttons[category_id].setChecked(True)
        self._layout_cards(force=True)
        self.scroll.verticalScrollBar().setValue(0)
        self._retranslate_title()

    def show_notice(self, text: Text | None) -> None:
        self.notice.say(text)

    def shown_notice(self) -> Text | None:
        return self.notice.said()

    def set_cart(
        self, quote: QuoteView | None, count: int, editable: frozenset[int] = frozenset()
    ) -> None:
        """``editable``: the indexes of the lines whose choices can be changed."""
        self.cart.set_quote(quote, count, editable)

    def show_upsell(self, items: list[MenuItemView], drinks: bool) -> None:
        """Offer ``items`` in the cart's strip (``drinks``: "Add a drink?")."""
        self.cart.show_upsell(items, drinks)

    def hide_upsell(self) -> None:
        self.cart.hide_upsell()

    def set_vat_rate(self, rate: str) -> None:
        self.cart.vat_rate = rate
        self.cart.retranslate_ui()

    def visible_cards(self) -> list[ItemCard]:
        return [c for c in self.cards.values() if c.item.category_id == self.current_category]

    # -- layout ---------------------------------------------------------------------------
    def set_portrait(self, portrait: bool) -> None:
        super().set_portrait(portrait)
        for w in (self.rail, self.tabs_scroll, self.content, self.cart):
            self.root.removeWidget(w)
        if portrait:
            self.root.addWidget(self.tabs_scroll, 0, 0)
            self.root.addWidget(self.content, 1, 0)
            self.root.addWidget(self.cart, 2, 0)
            self.root.addWidget(self.rail, 0, 1)
            self.root.setRowStretch(1, 1)
            self.root.setColumnStretch(0, 1)
            self.root.setColumnStretch(1, 0)
            self.root.setColumnStretch(2, 0)
        else:
            self.root.addWidget(self.rail, 0, 0, 3, 1)
            self.root.addWidget(self.content, 0, 1, 3, 1)
            self.root.addWidget(self.cart, 0, 2, 3, 1)
            self.root.addWidget(self.tabs_scroll, 0, 3)
            self.root.setColumnStretch(0, 0)
            self.root.setColumnStretch(1, 1)
            self.root.setColumnStretch(2, 0)
            self.root.setRowStretch(1, 0)
        self.rail.setVisible(not portrait)
        self.tabs_scroll.setVisible(portrait)
        self.cart.set_portrait(portrait)
        self._place_category_buttons()
        self._layout_cards(force=True)

    def _place_category_buttons(self) -> None:
        for b in self.category_buttons.values():
            self.rail_layout.removeWidget(b)
            self.tabs_layout.removeWidget(b)
        empty_layout(self.tabs_layout)
        if self.rail_layout.count() > 1:
            last = self.rail_layout.itemAt(self.rail_layout.count() - 1)
            if last is not None and last.spacerItem() is not None:
                take_at(self.rail_layout, self.rail_layout.count() - 1)
        for b in self.category_buttons.values():
            b.setProperty("role", "tab" if self.portrait else "rail")
            b.style().unpolish(b)
            b.style().polish(b)
            if self.portrait:
                self.tabs_layout.addWidget(b)
            else:
                self.rail_layout.addWidget(b)
        if self.portrait:
            self.tabs_layout.addStretch(1)
        else:
            self.rail_layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        # cards refitted while the menu was hidden (large text toggled elsewhere) are
        # placed again, or the grid keeps their old rows and they overlap
        super().showEvent(event)
        self._layout_cards(force=True)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._layout_cards()
        return False

    def _layout_cards(self, force: bool = False) -> None:
        avail = self.scroll.viewport().width() - self.grid.contentsMargins().right()
        if avail <= 0:
            return
        min_card = int(MIN_CARD * theme.text_scale())
        cols = max(2, (avail + GRID_SPACING) // (min_card + GRID_SPACING))
        cols = min(cols, 4)
        width = (avail - (cols - 1) * GRID_SPACING) // cols
        if not force and cols == self._columns and self.cards:
            first = next(iter(self.cards.values()))
            if first.width() == width:
                return
        self._columns = cols
        empty_layout(self.grid)
        for card in self.cards.values():
            card.hide()
        for i, card in enumerate(self.visible_cards()):
            card.set_card_width(width)
            self.grid.addWidget(card, i // cols, i % cols)
            card.show()

    def text_scale_changed(self) -> None:
        self.rail.setFixedWidth(int(RAIL_WIDTH * theme.text_scale()))
        for card in self.cards.values():
            card.refit_text()
        self.cart.set_portrait(self.cart.portrait)  # (its width follows the text size)
        self.cart.retranslate_ui()  # rebuilds the lines with the new fonts
        self._layout_cards(force=True)

    # -- language -------------------------------------------------------------------------
    def _retranslate_title(self) -> None:
        cat = next((c for c in self.categories if c.id == self.current_category), None)
        self.category_title.setText(pick(cat.name_th, cat.name_en) if cat else self.tr("Menu"))

    def retranslate_ui(self) -> None:
        self.rail_title.setText(self.tr("MENU"))
        for cat in self.categories:
            self.category_buttons[cat.id].setText(button_text(pick(cat.name_th, cat.name_en)))
        for card in self.cards.values():
            card.retranslate_ui()
        self._retranslate_title()
        self.notice.retranslate_ui()
        self.cart.retranslate_ui()
        self._layout_cards(force=True)
