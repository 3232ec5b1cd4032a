"""Choose size, spice level and extras for a dish. Required groups start on their default."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from kiosk.services.money import format_delta, format_thb
from kiosk.services.views import MenuItemView, OptionGroupView
from kiosk.ui import theme
from kiosk.ui.cart import MAX_QUANTITY
from kiosk.ui.i18n import current_language, pick
from kiosk.ui.widgets.common import button, button_text, clear_layout, hbox, label, vbox
from kiosk.ui.widgets.dish_image import DishPicture
from kiosk.ui.widgets.marks import contains_text, spice_text


class OptionsSheet(QFrame):
    confirmed = Signal(int, list, int)  # item id, option ids, quantity
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing = False  # opened from a cart line, to change its choices
        self.setObjectName("options_sheet")
        self.setProperty("role", "sheet")
        self.item: MenuItemView | None = None
        self.quantity = 1
        self.columns = 3
        self.large_columns = 2  # in large text
        self.max_scroll_height = 900
        self.option_buttons: dict[int, QPushButton] = {}
        self._groups: list[tuple[OptionGroupView, QLabel, list[QPushButton]]] = []

        outer = vbox(self, spacing=18)
        outer.setContentsMargins(36, 36, 36, 30)
        top = hbox(spacing=28)
        self.picture = DishPicture(ratio=0.75)
        self.picture.round_bottom = True
        self.picture.setFixedSize(300, 225)
        top.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        names = vbox(spacing=6)
        self.name = label("options_name", "title", wrap=True)
        self.alt = label("options_alt", "item-alt", wrap=True)
        self.description = label("options_description", "muted", wrap=True)
        self.base_price = label("options_base_price", "price-pill")
        # the dish's marks in words: how hot it is, what it contains
        self.spice = label("options_spice", "allergen-note", wrap=True)
        self.allergens = label("options_allergens", "allergen-note", wrap=True)
        names.addWidget(self.name)
        names.addWidget(self.alt)
        names.addWidget(self.description)
        names.addWidget(self.spice)
        names.addWidget(self.allergens)
        names.addWidget(self.base_price, 0, Qt.AlignmentFlag.AlignLeft)
        names.addStretch(1)
        top.addLayout(names, 1)
        outer.addLayout(top)

        self.groups_host = QWidget()
        self.groups_layout = vbox(self.groups_host, spacing=14)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.groups_host)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)

        bottom = hbox(spacing=16)
        self.minus = button("options_minus", "stepper")
        self.minus.setText("−")
        self.minus.clicked.connect(lambda: self._set_quantity(self.quantity - 1))
        self.qty_label = label("options_qty", "subtitle", align=Qt.AlignmentFlag.AlignCenter)
        self.qty_label.setMinimumWidth(56)
        self.plus = button("options_plus", "stepper")
        self.plus.setText("+")
        self.plus.clicked.connect(lambda: self._set_quantity(self.quantity + 1))
        bottom.addWidget(self.minus)
        bottom.addWidget(self.qty_label)
        bottom.addWidget(self.plus)
        bottom.addStretch(1)
        self.cancel = button("options_cancel", "ghost")
        self.cancel.clicked.connect(self.cancelled)
        bottom.addWidget(self.cancel)
        self.add = button("options_add", "primary")
        self.add.setMinimumWidth(340)
        self.add.setProperty("size", "lg")
        self.add.clicked.connect(self._on_add_clicked)
        bottom.addWidget(self.add)
        outer.addLayout(bottom)
        self.setMinimumWidth(880)

    def set_item(
        self,
        item: MenuItemView,
        keep_choices: bool = False,
        chosen: tuple[int, ...] | None = None,
        quantity: int = 1,
    ) -> None:
        """Show ``item``; with ``keep_choices`` (the same dish changed while the sheet is
        open) the quantity and the choices that still exist are kept. ``chosen`` and
        ``quantity`` open it on a cart line's choices, to change them."""
        exact = chosen is not None
        self.editing = exact or (keep_choices and self.editing)
        if chosen is not None:
            previous, keep_choices = set(chosen), True
            self.quantity = quantity
        else:
            previous = set(self.selected_options()) if keep_choices else set()
        quantity = self.quantity if keep_choices else 1
        self.item = item
        self.quantity = quantity
        self.picture.set_image(item.image)
        clear_layout(self.groups_layout)
        self.option_buttons = {}
        self._groups = []
        for group in item.option_groups:
            self._add_group(group)
        self.groups_layout.addStretch(1)
        if exact:  # a cart line's choices, exactly (a group left empty stays empty)
            for _group, _title, buttons in self._groups:
                on = [b for b in buttons if b.property("option_id") in previous]
                for b in on:
                    b.setChecked(True)
                for b in buttons:
                    if b not in on:
                        b.setChecked(False)
        elif keep_choices:
            for _group, _title, buttons in self._groups:
                kept = [b for b in buttons if b.property("option_id") in previous and b.isEnabled()]
                if kept:
                    for b in buttons:
                        b.setChecked(b in kept)
        for group, _title, _buttons in self._groups:
            self._on_option_toggled(group.id)
        self.retranslate_ui()
        self.groups_host.adjustSize()
        needed = self.groups_layout.sizeHint().height() + 8
        self.scroll.setFixedHeight(min(needed, self.max_scroll_height))

    def _add_group(self, group: OptionGroupView) -> None:
        box = QWidget()
        box.setObjectName(f"option_group_{group.id}")
        lay = vbox(box, spacing=10)
        title = label(f"option_group_{group.id}_title", "subtitle")
        title.setProperty("group_id", group.id)
        lay.addWidget(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        single = group.max_select == 1
        exclusive = QButtonGroup(box) if single else None
        if exclusive is not None:
            exclusive.setExclusive(True)
        buttons = []
        columns = self.large_columns if theme.text_scale() > 1 else self.columns
        # the server's rule (orders._choose_options), as MenuItemView.default_options
        defaults = set(self.item.default_options()) if self.item is not None else set()
        for i, opt in enumerate(group.options):
            b = button(f"option_{opt.id}", "chip")
            b.setCheckable(True)
            b.setEnabled(opt.available)
            b.setProperty("option_id", opt.id)
            if exclusive is not None:
                exclusive.addButton(b)
            if opt.id in defaults:
                b.setChecked(True)
            b.toggled.connect(lambda _on, g=group.id: self._on_option_toggled(g))
            grid.addWidget(b, i // columns, i % columns)
            self.option_buttons[opt.id] = b
            buttons.append(b)
        lay.addLayout(grid)
        self.groups_layout.addWidget(box)
        self._groups.append((group, title, buttons))

    def _on_option_toggled(self, group_id: int) -> None:
        for group, _title, buttons in self._groups:
            if group.id != group_id or group.max_select <= 1:
                continue
            chosen = sum(b.isChecked() for b in buttons)
            for b, opt in zip(buttons, group.options, strict=True):
                b.setEnabled(opt.available and (b.isChecked() or chosen < group.max_select))
        self._update_price()

    def missing_groups(self) -> list[OptionGroupView]:
        """Groups with fewer choices than their minimum: Add waits for them."""
        return [
            group
            for group, _title, buttons in self._groups
            if sum(b.isChecked() for b in buttons) < group.min_select
        ]

    def _set_quantity(self, quantity: int) -> None:
        self.quantity = max(1, min(MAX_QUANTITY, quantity))
        self._update_price()

    def selected_options(self) -> list[int]:
        return [oid for oid, b in self.option_buttons.items() if b.isChecked()]

    def unit_price(self) -> Decimal:
        assert self.item is not None
        deltas = {o.id: o.price_delta for g in self.item.option_groups for o in g.options}
        return self.item.price + sum((deltas[i] for i in self.selected_options()), Decimal(0))

    def _update_price(self) -> None:
        if self.item is None:
            return
        self.qty_label.setText(str(self.quantity))
        self.minus.setEnabled(self.quantity > 1)
        self.plus.setEnabled(self.quantity < MAX_QUANTITY)
        total = self.unit_price() * self.quantity
        text = self.tr("Save changes  ·  %1") if self.editing else self.tr("Add to order  ·  %1")
        self.add.setText(text.replace("%1", format_thb(total)))
        self.add.setEnabled(not self.missing_groups())

    def _on_add_clicked(self) -> None:
        if self.item is not None and not self.missing_groups():
            self.confirmed.emit(self.item.id, self.selected_options(), self.quantity)

    def retranslate_ui(self) -> None:
        self.minus.setAccessibleName(QCoreApplication.translate("Accessibility", "One less"))
        self.plus.setAccessibleName(QCoreApplication.translate("Accessibility", "One more"))
        item = self.item
        self.cancel.setText(self.tr("Cancel"))
        if item is None:
            return
        lang = current_language()
        self.name.setText(pick(item.name_th, item.name_en))
        self.alt.setText(item.name_en if lang == "th" else item.name_th)
        self.description.setText(pick(item.description_th, item.description_en))
        self.base_price.setText(format_thb(item.price))
        self.spice.setText(spice_text(item.spice_level))
        self.spice.setVisible(item.spice_level > 0)
        self.allergens.setText(contains_text(item.allergens))
        self.allergens.setVisible(bool(item.allergens))
        for group, title, buttons in self._groups:
            if group.min_select > 1:
                hint = self.tr("Choose %1").replace("%1", str(group.min_select))
            elif group.required:
                hint = self.tr("Required")
            elif group.max_select > 1:
                hint = self.tr("Optional, up to %1").replace("%1", str(group.max_select))
            else:
                hint = self.tr("Optional")
            title.setText(f"{pick(group.name_th, group.name_en)}   ·   {hint}")
            for b, opt in zip(buttons, group.options, strict=True):
                text = pick(opt.name_th, opt.name_en)
                if opt.price_delta:
                    text += f"   {format_delta(opt.price_delta)}"
                b.setText(button_text(text))
        self._update_price()
