"""A dish on the menu: picture, name in the current language and the other one, price."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from kiosk.services.money import format_thb
from kiosk.services.views import MenuItemView
from kiosk.ui.i18n import current_language, pick
from kiosk.ui.widgets.common import hbox, label, vbox
from kiosk.ui.widgets.dish_image import DishPicture


class ItemCard(QPushButton):
    """Tappable card named ``menu_item_<id>``; disabled (greyed, badge) when sold out."""

    def __init__(self, item: MenuItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"menu_item_{item.id}")
        self.setProperty("role", "item")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        lay = vbox(self, spacing=6)
        lay.setContentsMargins(0, 0, 0, 16)
        self.picture = DishPicture(self)
        self.picture.set_image(item.image, sold_out=not item.available)
        lay.addWidget(self.picture)
        self.badge = label(f"menu_item_{item.id}_soldout", "soldout", parent=self.picture)
        self.badge.move(14, 14)
        self.badge.setVisible(not item.available)
        text = vbox(spacing=2)
        text.setContentsMargins(18, 6, 18, 0)
        self.name = label(f"menu_item_{item.id}_name", "item-name", wrap=True)
        self.alt = label(f"menu_item_{item.id}_alt", "item-alt", wrap=True)
        text.addWidget(self.name)
        text.addWidget(self.alt)
        lay.addLayout(text)
        lay.addStretch(1)
        bottom = hbox()
        bottom.setContentsMargins(18, 0, 18, 0)
        self.price = label(f"menu_item_{item.id}_price", "price-pill")
        bottom.addWidget(self.price)
        bottom.addStretch(1)
        self.options_hint = label("", "small")
        bottom.addWidget(self.options_hint)
        lay.addLayout(bottom)
        for child in self.findChildren(QWidget):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setEnabled(item.available)
        self._width = 320
        self.retranslate_ui()

    def set_card_width(self, width: int) -> None:
        self._width = width
        self.picture.setFixedSize(width, int(width * 0.68))
        self.setFixedWidth(width)
        self.setFixedHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        lay = self.layout()
        h = lay.heightForWidth(self._width) if lay.hasHeightForWidth() else lay.sizeHint().height()
        return QSize(self._width, max(h, lay.minimumSize().height()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def retranslate_ui(self) -> None:
        item = self.item
        lang = current_language()
        self.name.setText(pick(item.name_th, item.name_en))
        self.alt.setText(item.name_en if lang == "th" else item.name_th)
        self.price.setText(format_thb(item.price))
        self.badge.setText(self.tr("Sold out"))
        self.badge.adjustSize()
        self.options_hint.setText(self.tr("Choose options") if item.option_groups else "")
        if not item.available:
            self.setToolTip(self.tr("Sold out"))
