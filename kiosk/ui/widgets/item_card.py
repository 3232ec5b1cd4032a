"""A dish on the menu: picture, name in the current language and the other one, a short
description, its spice and allergen marks, and the price. Sold-out dishes stay visible,
greyed, with a badge."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.services.money import format_thb
from kiosk.services.views import MenuItemView
from kiosk.ui import theme
from kiosk.ui.i18n import current_language, pick
from kiosk.ui.widgets.common import hbox, label, vbox
from kiosk.ui.widgets.dish_image import DishPicture
from kiosk.ui.widgets.marks import allergen_name, contains_text, spice_pixmap, spice_text

PICTURE_RATIO = 0.66
PAD = 18
SPACING = 4
CHILLI = 30  # one chilli mark, px
CHIP_SPACING = 6


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
        # spice and allergen marks: one row on every card (empty for a plain dish) so the
        # cards of a row keep one height; chips that do not fit become "+N"
        self.marks = QWidget()
        self.marks.setObjectName(f"menu_item_{item.id}_marks")
        marks = hbox(self.marks, spacing=CHIP_SPACING)
        marks.setContentsMargins(PAD, 0, PAD, 0)
        self.spice = QLabel()
        self.spice.setObjectName(f"menu_item_{item.id}_spice")
        self.spice.setPixmap(spice_pixmap(item.spice_level, CHILLI))
        self.spice.setVisible(item.spice_level > 0)
        marks.addWidget(self.spice)
        self.chips: list[QLabel] = []
        for code in item.allergens:
            chip = label(f"menu_item_{item.id}_allergen_{code}", "allergen")
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.chips.append(chip)
            marks.addWidget(chip)
        self.more = label(f"menu_item_{item.id}_allergens_more", "allergen")
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more.hide()
        marks.addWidget(self.more)
        marks.addStretch(1)
        lay.addWidget(self.marks)
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
            for lab in (
                self.name,
                self.alt,
                self.description,
                self.price,
                self.options_hint,
                *self.chips,
                self.more,
            ):
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
            + self._fix_marks()
            + max(40, pill)
            + 6
            + 5 * SPACING
            + PAD
        )
        if hasattr(self, "_width"):
            self.set_card_width(self._width)

    def _fix_marks(self) -> int:
        """The marks row's height: a chip's line of text, or a chilli, whichever is taller."""
        h = CHILLI
        for chip in (*self.chips, self.more):
            chip.ensurePolished()
            h = max(h, chip.fontMetrics().height() + 8)
        for chip in (*self.chips, self.more):
            chip.setFixedHeight(h)
        self.marks.setFixedHeight(h)
        return h

    def set_card_width(self, width: int) -> None:
        self._width = width
        pic_h = int(width * PICTURE_RATIO)
        self.picture.setFixedSize(width, pic_h)
        self.setFixedSize(width, pic_h + self._text_height)
        self._fit_chips()

    def _fit_chips(self) -> None:
        """Show the allergen chips that fit beside the chillies; the rest as "+N" (the
        options sheet and the accessible name list them all)."""
        room = self._width - 2 * PAD
        if self.spice.isVisibleTo(self):
            room -= self.spice.sizeHint().width() + CHIP_SPACING
        shown = 0
        for i, chip in enumerate(self.chips):
            chip.ensurePolished()
            need = chip.sizeHint().width()
            rest = len(self.chips) - i - 1
            if rest:
                self.more.setText(f"+{rest}")
                self.more.ensurePolished()
                reserve = self.more.sizeHint().width() + CHIP_SPACING
            else:
                reserve = 0
            if need + reserve > room:
                break
            room -= need + CHIP_SPACING
            shown += 1
        for i, chip in enumerate(self.chips):
            chip.setVisible(i < shown)
        hidden = len(self.chips) - shown
        self.more.setText(f"+{hidden}")
        self.more.setVisible(hidden > 0)

    def shown_allergens(self) -> list[str]:
        """The allergen chips on the card (a "+N" chip holds the rest)."""
        return [c.text() for c in self.chips if c.isVisibleTo(self)]

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
        spice = spice_text(item.spice_level)
        contains = contains_text(item.allergens)
        self.spice.setAccessibleName(spice)
        self.spice.setToolTip(spice)
        for code, chip in zip(item.allergens, self.chips, strict=True):
            chip.setText(allergen_name(code))
            chip.setAccessibleName(allergen_name(code))
        self.more.setAccessibleName(contains)
        self.marks.setAccessibleName(", ".join(t for t in (spice, contains) if t))
        if hasattr(self, "_width"):
            self._fit_chips()
        name = ", ".join(t for t in (self.name.text(), self.price.text(), spice, contains) if t)
        self.setAccessibleName(name if item.on_sale else f"{name}, {self.tr('Sold out')}")
