"""Menu: categories, items with Thai and English names, prices, pictures, the sold-out
switch, and each dish's option groups (size, spice level, extras) with their options.

Every role may mark a dish or an option sold out; everything else needs a manager (the
services check again)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QModelIndex, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.services.staff import Permission
from kiosk.services.views import MenuItemView
from kiosk.ui.admin.context import AdminContext, problem
from kiosk.ui.admin.dish_form import DishForm
from kiosk.ui.admin.format import language, tr
from kiosk.ui.admin.list_models import MenuTableModel
from kiosk.ui.admin.menu_images import copy_picture
from kiosk.ui.admin.option_controller import OptionController
from kiosk.ui.admin.option_editor import OptionEditor
from kiosk.ui.admin.page import AdminPage
from kiosk.ui.admin.tables import show_rows
from kiosk.ui.admin.widgets import Source


class MenuScreen(AdminPage):
    """Categories, the dishes' table, and an editor in two tabs: the dish
    (:class:`DishForm`) and its options (:class:`OptionEditor`, run by an
    :class:`OptionController`). Saving a dish, its picture and the sold-out switch in the
    table are handled here."""

    TITLE = QT_TR_NOOP("Menu")
    SUBTITLE = QT_TR_NOOP("Tick 'Available' off when a dish runs out; kiosks update at once.")

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.item: MenuItemView | None = None
        self._items: list[MenuItemView] = []
        self.can_edit = ctx.can(Permission.MENU_EDIT)
        page = self.page
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
        show_rows(self.table, self.model, 34)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # options: elided first
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)  # marks: the same
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
        """Two tabs: the dish (names, price, picture) and its options."""
        self.editor_tabs = QTabWidget()
        self.editor_tabs.setObjectName("MenuEditorTabs")
        self.editor_tabs.setMinimumWidth(420)
        self.dish = d = DishForm(self.can_edit)
        d.change_image.clicked.connect(self._on_change_image_clicked)
        d.save.clicked.connect(self._on_save_clicked)
        # the form's fields, also as the screen's own (callers and tests read them here)
        self.picture, self.change_image = d.picture, d.change_image
        self.save, self.message = d.save, d.message
        self.name_th, self.name_en, self.price = d.name_th, d.name_en, d.price
        self.description_th, self.description_en = d.description_th, d.description_en
        self.available, self.spice, self.upsell = d.available, d.spice, d.upsell
        self.allergen_boxes = d.allergen_boxes
        self.editor_tabs.addTab(self._scroll(d, "MenuEditorScroll"), "")
        self.option_editor = ed = OptionEditor(self.can_edit)
        self.options = ed.tree
        self.option_controller = OptionController(
            self.ctx, ed, self, lambda: self.item, self._replace
        )
        self.editor_tabs.addTab(self._scroll(ed, "OptionEditorScroll"), "")
        self.texts.bind(lambda text: self.editor_tabs.setTabText(0, text), lambda: tr("Dish"))
        return self.editor_tabs

    @staticmethod
    def _scroll(content: QWidget, name: str) -> QScrollArea:
        column = QWidget()
        column.setObjectName("ScrollInner")
        box = QVBoxLayout(column)
        box.setContentsMargins(8, 8, 8, 8)
        box.addWidget(content)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName(name)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column)
        return scroll

    def _options_tab_title(self) -> None:
        count = len(self.item.option_groups) if self.item else 0
        title = tr("Options ({n})").format(n=count) if count else tr("Options")
        self.editor_tabs.setTabText(1, title)

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
        thai = language() == "th"
        for cat in self.ctx.store.menu.categories():
            first, second = (cat.name_th, cat.name_en) if thai else (cat.name_en, cat.name_th)
            item = QListWidgetItem(f"{first}\n{second}", self.categories)
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

    def retranslate_ui(self) -> None:
        """New language; what staff typed in the forms stays."""
        super().retranslate_ui()
        self.dish.retranslate_ui()
        self.model.retranslate()
        self.categories.blockSignals(True)
        all_items = self.categories.item(0)
        if all_items is not None:
            all_items.setText(tr("All items"))
        thai = language() == "th"
        cats = {c.id: c for c in self.ctx.store.menu.categories()}
        for r in range(1, self.categories.count()):
            entry = self.categories.item(r)
            cat = cats.get(entry.data(Qt.ItemDataRole.UserRole)) if entry else None
            if entry is not None and cat is not None:
                first, second = (cat.name_th, cat.name_en) if thai else (cat.name_en, cat.name_th)
                entry.setText(f"{first}\n{second}")
        self.categories.blockSignals(False)
        self.option_editor.retranslate_ui()
        self._options_tab_title()

    def _on_categories_current_row_changed(self, _row: int) -> None:
        self._fill_table()

    def _on_events_menu_changed(self, event: object) -> None:
        """Another panel or kiosk changed the menu: refresh only that dish's row, and keep
        whatever staff typed here but have not saved."""
        item_id = getattr(event, "item_id", None)
        old = next((i for i in self._items if i.id == item_id), None)
        fresh: MenuItemView | None = None
        if old is not None:
            try:
                fresh = self.ctx.store.menu.item(old.id)
            except ServiceError:
                fresh = None  # deleted: the full reload below drops it
        if old is None or fresh is None or fresh.category_id != old.category_id:
            self.reload()
            return
        self._items = [fresh if i.id == fresh.id else i for i in self._items]
        self.model.replace_item(fresh)
        if self.item is not None and self.item.id == fresh.id:
            self._merge_item(fresh)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item(current.row()) if current.isValid() else None
        if item is not None and self.item is not None and item.id == self.item.id:
            self._merge_item(item)  # the same dish again after a reload: keep the edits
            return
        self.show_item(item)

    def _merge_item(self, item: MenuItemView) -> None:
        """``item`` as it is now, into a form staff may be editing: fields they changed
        keep what they typed; untouched fields take the new values."""
        old = self.item
        if old is None or old.id != item.id:
            self.show_item(item)
            return
        self.dish.merge(old, item)
        self.item = item
        self.option_editor.set_item(item, keep_edits=True)
        self._options_tab_title()

    def select_item(self, name_en: str) -> None:
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            if item is not None and item.name_en == name_en:
                self.table.selectRow(r)
                return

    def show_item(self, item: MenuItemView | None) -> None:
        self.item = item
        self.dish.fill(item)
        self.option_editor.set_item(item)
        self._options_tab_title()

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
        images_dir = self.ctx.settings().receipts_dir.parent / "images"
        try:
            target = copy_picture(path, images_dir, self.item.id)
        except OSError as exc:
            self._set_message(lambda e=exc: str(e))
            return
        self.dish.choose_picture(target, self.item.name_en)

    def _set_message(self, text: Source, ok: bool = False) -> None:
        self.message.show_message(text, ok)

    def _on_save_clicked(self) -> None:
        item = self.item
        if item is None:
            return
        fields = self.dish.changes(item)
        if fields is None:
            return
        if not fields:
            self._set_message(lambda: tr("Nothing to save."), ok=True)
            return
        try:
            updated = self.ctx.actions.update_item(self.ctx.staff, item.id, **fields)
        except ValueError as exc:
            self._set_message(lambda e=exc: str(e))
            return
        except Exception as exc:
            self._set_message(problem(exc, "save menu item"))
            return
        self._replace(updated)
        self._set_message(lambda: tr("Saved."), ok=True)
