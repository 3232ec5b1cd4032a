"""Menu: categories, items with Thai and English names, prices, options, pictures and the
sold-out switch (every role may mark an item sold out; editing needs a manager)."""

from __future__ import annotations

import shutil
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRegularExpression, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPixmap,
    QRegularExpressionValidator,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.services.staff import Permission
from kiosk.services.views import MenuItemView
from kiosk.ui.admin.context import AdminContext, friendly
from kiosk.ui.admin.format import money, tr
from kiosk.ui.admin.models import MenuTableModel
from kiosk.ui.admin.theme import color, set_role
from kiosk.ui.admin.widgets import Card, PageHeader, button, label
from kiosk.ui.fonts import ASSETS, ui_font

IMAGE_DIRS = [ASSETS / "images" / "menu", ASSETS / "images", ASSETS / "menu"]
THUMB = 148


def find_image(name: str) -> Path | None:
    if not name:
        return None
    path = Path(name)
    if path.is_absolute():
        return path if path.exists() else None
    for folder in IMAGE_DIRS:
        candidate = folder / name
        if candidate.exists():
            return candidate
    return None


def placeholder(text: str, size: int = THUMB) -> QPixmap:
    """A tile with the item's initials, for items without a picture."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color("selection")))
    painter = QPainter(pixmap)
    painter.setPen(color("primary"))
    font: QFont = ui_font(28, bold=True)
    painter.setFont(font)
    initials = "".join(w[0] for w in text.split()[:2]).upper() or "?"
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, initials)
    painter.end()
    return pixmap


class MenuScreen(QWidget):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item: MenuItemView | None = None
        self._items: list[MenuItemView] = []
        self._new_image: str | None = None
        self.can_edit = ctx.can(Permission.MENU_EDIT)
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 20, 24, 20)
        page.setSpacing(12)
        self.header = PageHeader(
            tr("Menu"), tr("Tick 'Available' off when a dish runs out; kiosks update at once.")
        )
        page.addWidget(self.header)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        page.addWidget(self.split, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.split.addWidget(split)

        self.categories = QListWidget()
        self.categories.setObjectName("CategoryList")
        self.categories.setMaximumWidth(220)
        self.categories.currentRowChanged.connect(self._on_categories_current_row_changed)
        split.addWidget(self.categories)

        self.table = QTableView()
        self.table.setObjectName("MenuTable")
        self.model = MenuTableModel(self)
        self.model.availability_requested.connect(self._on_model_availability_requested)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        split.addWidget(self.table)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        self.split.addWidget(self._build_editor())
        self.split.setStretchFactor(0, 5)
        self.split.setStretchFactor(1, 3)
        ctx.events.menu_changed.connect(self._on_events_menu_changed)
        self.reload()

    def _build_editor(self) -> QWidget:
        card = Card()
        card.setObjectName("MenuEditor")
        card.setMinimumWidth(380)
        self.picture = QLabel()
        self.picture.setObjectName("MenuPicture")
        self.picture.setFixedSize(THUMB, THUMB)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.body.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.change_image = button(tr("Change picture…"), name="ChangeImage")
        self.change_image.clicked.connect(self._on_change_image_clicked)
        card.body.addWidget(self.change_image, 0, Qt.AlignmentFlag.AlignHCenter)
        form = QFormLayout()
        form.setSpacing(8)
        self.name_th = QLineEdit()
        self.name_th.setObjectName("ItemNameTh")
        self.name_en = QLineEdit()
        self.name_en.setObjectName("ItemNameEn")
        self.price = QLineEdit()
        self.price.setObjectName("ItemPrice")
        self.price.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,6}(\.[0-9]{0,2})?"))
        )
        self.description_th = QPlainTextEdit()
        self.description_th.setObjectName("ItemDescriptionTh")
        self.description_th.setMaximumHeight(60)
        self.description_en = QPlainTextEdit()
        self.description_en.setObjectName("ItemDescriptionEn")
        self.description_en.setMaximumHeight(60)
        self.available = QCheckBox(tr("Available (untick when sold out)"))
        self.available.setObjectName("ItemAvailable")
        form.addRow(tr("Thai name"), self.name_th)
        form.addRow(tr("English name"), self.name_en)
        form.addRow(tr("Price (THB, VAT incl.)"), self.price)
        form.addRow(tr("Description (TH)"), self.description_th)
        form.addRow(tr("Description (EN)"), self.description_en)
        form.addRow("", self.available)
        card.body.addLayout(form)
        card.body.addWidget(label(tr("Options"), "subtitle"))
        self.options = QTreeWidget()
        self.options.setObjectName("ItemOptions")
        self.options.setHeaderLabels([tr("Option"), tr("Price")])
        self.options.setRootIsDecorated(True)
        self.options.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.options.setMinimumHeight(160)
        card.body.addWidget(self.options, 1)
        self.message = label("", "error", "MenuMessage")
        self.message.setWordWrap(True)
        card.body.addWidget(self.message)
        self.save = button(tr("Save item"), "primary", "SaveItem")
        self.save.clicked.connect(self._on_save_clicked)
        card.body.addWidget(self.save)
        for w in (
            self.name_th,
            self.name_en,
            self.price,
            self.description_th,
            self.description_en,
            self.change_image,
        ):
            w.setEnabled(self.can_edit)
        if not self.can_edit:
            self.save.setText(tr("Save availability"))
        scroll = QScrollArea()
        scroll.setObjectName("MenuEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(card)
        scroll.setMinimumWidth(400)
        return scroll

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a portrait screen the editor goes under the list instead of beside it."""
        size = event.size()
        portrait = size.height() > size.width() * 1.2
        self.split.setOrientation(
            Qt.Orientation.Vertical if portrait else Qt.Orientation.Horizontal
        )
        super().resizeEvent(event)

    # -- data ----------------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.categories.currentRow()
        self._items = self.ctx.store.menu.items()
        self.categories.blockSignals(True)
        self.categories.clear()
        QListWidgetItem(tr("All items"), self.categories)
        for cat in self.ctx.store.menu.categories():
            item = QListWidgetItem(f"{cat.name_th}\n{cat.name_en}", self.categories)
            item.setData(Qt.ItemDataRole.UserRole, cat.id)
            item.setSizeHint(QSize(0, 52))
        self.categories.setCurrentRow(max(0, current))
        self.categories.blockSignals(False)
        self._fill_table()

    def _fill_table(self) -> None:
        row = self.categories.currentRow()
        cat_item = self.categories.item(row) if row >= 0 else None
        cat_id = cat_item.data(Qt.ItemDataRole.UserRole) if cat_item is not None else None
        items = [i for i in self._items if cat_id is None or i.category_id == cat_id]
        selected = self.item.id if self.item else None
        self.model.set_items(items)
        for r, item in enumerate(items):
            if item.id == selected:
                self.table.selectRow(r)
                return
        if items:
            self.table.selectRow(0)
        else:
            self.show_item(None)

    def activate(self) -> None:
        self.reload()

    def _on_categories_current_row_changed(self, _row: int) -> None:
        self._fill_table()

    def _on_events_menu_changed(self, _event: object) -> None:
        self.reload()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_item(self.model.item(current.row()) if current.isValid() else None)

    def select_item(self, name_en: str) -> None:
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            if item is not None and item.name_en == name_en:
                self.table.selectRow(r)
                return

    def show_item(self, item: MenuItemView | None) -> None:
        self.item = item
        self._new_image = None
        self.message.setText("")
        if item is None:
            for w in (self.name_th, self.name_en, self.price):
                w.clear()
            self.options.clear()
            self.picture.setPixmap(placeholder("?"))
            return
        self.name_th.setText(item.name_th)
        self.name_en.setText(item.name_en)
        self.price.setText(f"{item.price:.2f}")
        self.description_th.setPlainText(item.description_th)
        self.description_en.setPlainText(item.description_en)
        self.available.setChecked(item.available)
        self._show_picture(item.image, item.name_en)
        self.options.clear()
        for group in item.option_groups:
            rule = (
                tr("choose {n}").format(n=group.min_select)
                if group.min_select == group.max_select
                else tr("up to {n}").format(n=group.max_select)
            )
            top = QTreeWidgetItem([f"{group.name_th} · {group.name_en} ({rule})", ""])
            self.options.addTopLevelItem(top)
            for opt in group.options:
                extra = money(opt.price_delta) if opt.price_delta else ""
                default = tr(" (default)") if opt.is_default else ""
                QTreeWidgetItem(top, [f"{opt.name_th} · {opt.name_en}{default}", extra])
            top.setExpanded(True)
        if not item.option_groups:
            self.options.addTopLevelItem(QTreeWidgetItem([tr("No options"), ""]))

    def _show_picture(self, image: str, name: str) -> None:
        path = find_image(image)
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            pixmap = placeholder(name)
        self.picture.setPixmap(
            pixmap.scaled(
                THUMB,
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    # -- actions -------------------------------------------------------------------------------
    def _on_model_availability_requested(self, item_id: int, available: bool) -> None:
        result = self.ctx.attempt(
            self,
            tr("Sold out"),
            lambda: self.ctx.actions.set_available(self.ctx.staff, item_id, available),
        )
        if result is not None:
            self._replace(result)

    def _replace(self, item: MenuItemView) -> None:
        self._items = [item if i.id == item.id else i for i in self._items]
        self.model.replace_item(item)
        if self.item is not None and self.item.id == item.id:
            self.show_item(item)

    def _on_change_image_clicked(self) -> None:
        if self.item is None:
            return
        path = self.ctx.dialogs.open_image(self, tr("Choose a picture"), Path.home())
        if path is None:
            return
        target_dir = self.ctx.settings().receipts_dir.parent / "images"
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            target = target_dir / f"item_{self.item.id}{path.suffix.lower()}"
            shutil.copyfile(path, target)
        except OSError as exc:
            self._set_message(str(exc))
            return
        self._new_image = str(target)
        self._show_picture(str(target), self.item.name_en)

    def _set_message(self, text: str, ok: bool = False) -> None:
        self.message.setText(text)
        set_role(self.message, "role", "ok" if ok else "error")

    def _on_save_clicked(self) -> None:
        item = self.item
        if item is None:
            return
        fields: dict[str, object] = {}
        if self.available.isChecked() != item.available:
            fields["available"] = self.available.isChecked()
        if self.can_edit:
            try:
                price = Decimal(self.price.text() or "x")
            except InvalidOperation:
                self._set_message(tr("The price must be a number such as 120 or 120.50."))
                return
            edits = {
                "name_th": self.name_th.text().strip(),
                "name_en": self.name_en.text().strip(),
                "description_th": self.description_th.toPlainText().strip(),
                "description_en": self.description_en.toPlainText().strip(),
            }
            if not edits["name_th"] or not edits["name_en"]:
                self._set_message(tr("Both names are needed (Thai and English)."))
                return
            for key, value in edits.items():
                if value != getattr(item, key):
                    fields[key] = value
            if price != item.price:
                fields["price"] = price
            if self._new_image:
                fields["image"] = self._new_image
        if not fields:
            self._set_message(tr("Nothing to save."), ok=True)
            return
        try:
            updated = self.ctx.actions.update_item(self.ctx.staff, item.id, **fields)
        except (ServiceError, ValueError) as exc:
            self._set_message(friendly(exc) if isinstance(exc, ServiceError) else str(exc))
            return
        self._replace(updated)
        self._set_message(tr("Saved."), ok=True)
