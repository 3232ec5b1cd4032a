"""A dish on the menu: picture, name in the current language and the other one, a short
description and the price. Sold-out dishes stay visible, greyed, with a badge."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.services.money import format_thb
from kiosk.services.views import MenuItemView
from kiosk.ui import theme
from kiosk.ui.i18n import current_language, pick
from kiosk.ui.widgets.common import hbox, label, vbox
from kiosk.ui.widgets.dish_image import DishPicture

PICTURE_RATIO = 0.66
PAD = 18
SPACING = 4


def _fix_lines(lab: QLabel, lines: int) -> int:
    lab.ensurePolished()
    h = lab.fontMetrics().lineSpacing() * lines + 4
    lab.setFixedHeight(h)
    return h


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
        lay = vbox(self, spacing=SPACING)
        lay.setContentsMargins(0, 0, 0, PAD)
        self.picture = DishPicture(self)
        self.picture.set_image(item.image, sold_out=not item.on_sale)
        lay.addWidget(self.picture)
        self.badge = label(f"menu_item_{item.id}_soldout", "soldout", parent=self.picture)
        self.badge.move(16, 16)
        self.badge.setVisible(not item.on_sale)
        self.name = label(f"menu_item_{item.id}_name", "item-name")
        self.alt = label(f"menu_item_{item.id}_alt", "item-alt")
        self.description = label(f"menu_item_{item.id}_description", "small", wrap=True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for w in (self.name, self.alt, self.description):
            w.setContentsMargins(PAD, 0, PAD, 0)
            lay.addWidget(w)
        bottom = hbox()
        bottom.setContentsMargins(PAD, 6, PAD, 0)
        self.price = label(f"menu_item_{item.id}_price", "price-pill")
        bottom.addWidget(self.price)
        bottom.addStretch(1)
        self.options_hint = label("", "small")
        bottom.addWidget(self.options_hint)
        lay.addLayout(bottom)
        self._text_height = 0
        self.refit_text()
        lay.insertSpacing(1, PAD // 2)
        for child in self.findChildren(QWidget):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setEnabled(item.on_sale)
        if not item.on_sale:
            for lab in (self.name, self.alt, self.description, self.price, self.options_hint):
                lab.setProperty("state", "soldout")
                theme.restyle(lab)
        self._width = 320
        self.set_card_width(320)
        self.retranslate_ui()

    def refit_text(self) -> None:
        """Heights from the current fonts (large text changes them)."""
        pill = _fix_lines(self.price, 1) + 8
        self.price.setFixedHeight(max(40, pill))
        self._text_height = (
            PAD // 2
            + _fix_lines(self.name, 1)
            + _fix_lines(self.alt, 1)
            + _fix_lines(self.description, 2)
            + max(40, pill)
            + 6
            + 4 * SPACING
            + PAD
        )
        if hasattr(self, "_width"):
            self.set_card_width(self._width)

    def set_card_width(self, width: int) -> None:
        self._width = width
        pic_h = int(width * PICTURE_RATIO)
        self.picture.setFixedSize(width, pic_h)
        self.setFixedSize(width, pic_h + self._text_height)

    def sizeHint(self) -> QSize:
        return QSize(self._width, int(self._width * PICTURE_RATIO) + self._text_height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def retranslate_ui(self) -> None:
        item = self.item
        lang = current_language()
        self.name.setText(pick(item.name_th, item.name_en))
        self.alt.setText(item.name_en if lang == "th" else item.name_th)
        self.description.setText(pick(item.description_th, item.description_en))
        self.price.setText(format_thb(item.price))
        self.badge.setText(self.tr("Sold out"))
        self.badge.adjustSize()
        has_options = bool(item.option_groups) and item.on_sale
        self.options_hint.setText(self.tr("Choose options") if has_options else "")
        self.setToolTip(self.tr("Sold out") if not item.on_sale else "")
        name = f"{self.name.text()}, {self.price.text()}"
        self.setAccessibleName(name if item.on_sale else f"{name}, {self.tr('Sold out')}")
