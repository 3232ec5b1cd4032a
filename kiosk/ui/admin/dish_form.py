"""The dish form of the admin Menu screen: picture, Thai and English names and
descriptions, price, the sold-out switch, spice level, allergens and the upsell switch,
with its Save button and message line. The screen says what Save and Change picture do.

Staff without MENU_EDIT get the sold-out switch (and Save) only."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from kiosk.services.menu import ALLERGENS, SPICE_MAX
from kiosk.services.views import MenuItemView
from kiosk.ui.admin.format import tr
from kiosk.ui.admin.marks import allergen_label, spice_label
from kiosk.ui.admin.menu_images import THUMB, placeholder, thumbnail
from kiosk.ui.admin.menu_text import merge_text
from kiosk.ui.admin.widgets import Card, MessageLabel, Texts, line_edit


class DishForm(Card):
    """One dish's fields; :meth:`fill` shows a dish, :meth:`merge` takes a newer version
    of it and :meth:`changes` says what staff changed."""

    def __init__(self, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MenuEditor")
        self.setMinimumWidth(380)
        self.can_edit = can_edit
        self.new_image: str | None = None  # a picture chosen for the dish, not saved yet
        self.texts = t = Texts()
        self.picture = QLabel()
        self.picture.setObjectName("MenuPicture")
        self.picture.setFixedSize(THUMB, THUMB)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.change_image = t.button(lambda: tr("Change picture…"), name="ChangeImage")
        self.body.addWidget(self.change_image, 0, Qt.AlignmentFlag.AlignHCenter)
        form = QFormLayout()
        form.setSpacing(8)
        self.name_th = line_edit("ItemNameTh")
        self.name_en = line_edit("ItemNameEn")
        self.price = line_edit("ItemPrice", r"[0-9]{0,6}(\.[0-9]{0,2})?")
        self.description_th = QPlainTextEdit()
        self.description_th.setObjectName("ItemDescriptionTh")
        self.description_th.setMaximumHeight(60)
        self.description_en = QPlainTextEdit()
        self.description_en.setObjectName("ItemDescriptionEn")
        self.description_en.setMaximumHeight(60)
        self.available = t.check(lambda: tr("Available (untick when sold out)"), "ItemAvailable")
        self.spice = QComboBox()
        self.spice.setObjectName("ItemSpice")
        for level in range(SPICE_MAX + 1):
            self.spice.addItem("", level)
        t.call(self._retranslate_spice)
        self.allergen_boxes: dict[str, QCheckBox] = {}
        allergens = QWidget()
        allergens.setObjectName("ItemAllergens")
        grid = QGridLayout(allergens)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for i, code in enumerate(ALLERGENS):
            box = t.check(lambda c=code: allergen_label(c), f"ItemAllergen_{code}")
            grid.addWidget(box, i // 3, i % 3)
            self.allergen_boxes[code] = box
        self.upsell = t.check(lambda: tr("Suggest with orders (upsell)"), "ItemUpsell")
        form.addRow(t.label(lambda: tr("Thai name")), self.name_th)
        form.addRow(t.label(lambda: tr("English name")), self.name_en)
        form.addRow(t.label(lambda: tr("Price (THB, VAT incl.)")), self.price)
        form.addRow(t.label(lambda: tr("Description (TH)")), self.description_th)
        form.addRow(t.label(lambda: tr("Description (EN)")), self.description_en)
        form.addRow("", self.available)
        form.addRow(t.label(lambda: tr("Spice level")), self.spice)
        form.addRow(t.label(lambda: tr("Allergens")), allergens)
        form.addRow("", self.upsell)
        self.body.addLayout(form)
        upsell_hint = t.label(
            lambda: tr(
                "Kiosks show up to three ticked dishes in the cart after the first dish: "
                "'Add a drink?', one tap to add, shown once per order."
            ),
            "muted",
            wrap=True,
        )
        self.body.addWidget(upsell_hint)
        self.message = MessageLabel("MenuMessage")
        self.body.addWidget(self.message)
        if can_edit:
            self.save = t.button(lambda: tr("Save item"), "primary", "SaveItem")
        else:
            self.save = t.button(lambda: tr("Save availability"), "primary", "SaveItem")
        self.body.addWidget(self.save)
        for w in (
            self.name_th,
            self.name_en,
            self.price,
            self.description_th,
            self.description_en,
            self.change_image,
            self.spice,
            self.upsell,
            *self.allergen_boxes.values(),
        ):
            w.setEnabled(can_edit)

    def _retranslate_spice(self) -> None:
        for i in range(self.spice.count()):
            self.spice.setItemText(i, spice_label(int(self.spice.itemData(i))))

    def _set_marks(self, item: MenuItemView) -> None:
        self.spice.setCurrentIndex(max(0, self.spice.findData(item.spice_level)))
        for code, box in self.allergen_boxes.items():
            box.setChecked(code in item.allergens)
        self.upsell.setChecked(item.upsell)

    def chosen_allergens(self) -> tuple[str, ...]:
        return tuple(c for c, box in self.allergen_boxes.items() if box.isChecked())

    # -- showing ---------------------------------------------------------------------------
    def fill(self, item: MenuItemView | None) -> None:
        """Show ``item`` (nothing: empty names and price, a "?" tile); a picture chosen
        but not saved and the message are dropped."""
        self.new_image = None
        self.message.clear_message()
        if item is None:
            for w in (self.name_th, self.name_en, self.price):
                w.clear()
            self.picture.setPixmap(placeholder("?"))
            return
        self.name_th.setText(item.name_th)
        self.name_en.setText(item.name_en)
        self.price.setText(f"{item.price:.2f}")
        self.description_th.setPlainText(item.description_th)
        self.description_en.setPlainText(item.description_en)
        self.available.setChecked(item.available)
        self._set_marks(item)
        self.show_picture(item.image, item.name_en)

    def merge(self, old: MenuItemView, item: MenuItemView) -> None:
        """``item`` as it is now, into the form showing ``old`` (the same dish) that staff
        may be editing: fields they changed keep what they typed; untouched fields take the
        new values."""
        merge_text(self.name_th, old.name_th, item.name_th)
        merge_text(self.name_en, old.name_en, item.name_en)
        merge_text(self.price, f"{old.price:.2f}", f"{item.price:.2f}")
        merge_text(self.description_th, old.description_th, item.description_th)
        merge_text(self.description_en, old.description_en, item.description_en)
        if self.available.isChecked() == old.available:
            self.available.setChecked(item.available)
        if self.spice.currentData() == old.spice_level:
            self.spice.setCurrentIndex(max(0, self.spice.findData(item.spice_level)))
        for code, box in self.allergen_boxes.items():
            if box.isChecked() == (code in old.allergens):
                box.setChecked(code in item.allergens)
        if self.upsell.isChecked() == old.upsell:
            self.upsell.setChecked(item.upsell)
        if not self.new_image and item.image != old.image:
            self.show_picture(item.image, item.name_en)

    def show_picture(self, image: str, name: str) -> None:
        self.picture.setPixmap(thumbnail(image, name))

    def choose_picture(self, image: str, name: str) -> None:
        """A new picture for the dish, saved with the other fields."""
        self.new_image = image
        self.show_picture(image, name)

    # -- saving ----------------------------------------------------------------------------
    def changes(self, item: MenuItemView) -> dict[str, object] | None:
        """The fields staff changed against ``item``, as ``update_item`` takes them; None
        (and why, in the message line) when a name is missing or the price is not a number.
        Without MENU_EDIT only the sold-out switch counts."""
        fields: dict[str, object] = {}
        if self.available.isChecked() != item.available:
            fields["available"] = self.available.isChecked()
        if not self.can_edit:
            return fields
        try:
            price = Decimal(self.price.text() or "x")
        except InvalidOperation:
            self.message.show_message(
                lambda: tr("The price must be a number such as 120 or 120.50.")
            )
            return None
        edits = {
            "name_th": self.name_th.text().strip(),
            "name_en": self.name_en.text().strip(),
            "description_th": self.description_th.toPlainText().strip(),
            "description_en": self.description_en.toPlainText().strip(),
        }
        if not edits["name_th"] or not edits["name_en"]:
            self.message.show_message(lambda: tr("Both names are needed (Thai and English)."))
            return None
        for key, value in edits.items():
            if value != getattr(item, key):
                fields[key] = value
        if price != item.price:
            fields["price"] = price
        if self.spice.currentData() != item.spice_level:
            fields["spice_level"] = int(self.spice.currentData())
        if self.chosen_allergens() != item.allergens:
            fields["allergens"] = list(self.chosen_allergens())
        if self.upsell.isChecked() != item.upsell:
            fields["upsell"] = self.upsell.isChecked()
        if self.new_image:
            fields["image"] = self.new_image
        return fields

    def retranslate_ui(self) -> None:
        """New language; what staff typed stays."""
        self.texts.retranslate()
        self.message.retranslate()
