"""Menu: categories, items with Thai and English names, prices, pictures, the sold-out
switch, and each dish's option groups (size, spice level, extras) with their options.

Every role may mark a dish or an option sold out; everything else needs a manager (the
services check again)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
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
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.services.menu import ALLERGENS, SPICE_MAX
from kiosk.services.money import format_delta
from kiosk.services.staff import Permission
from kiosk.services.views import MenuItemView, OptionGroupView, OptionView
from kiosk.ui.admin.context import AdminContext, problem
from kiosk.ui.admin.format import language, tr
from kiosk.ui.admin.marks import allergen_label, spice_label
from kiosk.ui.admin.models import MenuTableModel
from kiosk.ui.admin.theme import color
from kiosk.ui.admin.widgets import Card, MessageLabel, PageHeader, Source, Texts, button, label
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


class OptionEditor(Card):
    """The option groups of one dish (a tree) and a form for the selected group or option.

    Signals carry what staff asked for; the screen calls the services. ``group`` /
    ``option`` of :attr:`target` is None while a new one is being filled in."""

    def __init__(self, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OptionEditor")
        self.can_edit = can_edit
        self.item: MenuItemView | None = None
        self.target: tuple[str, int | None] = ("", None)  # ("group" | "option" | "", id)
        self.new_in_group: int | None = None  # the group a new option goes into
        self.texts = t = Texts()
        hint = t.label(
            lambda: tr(
                "Size, spice level, extras: what customers choose when they tap the dish. "
                "Orders already placed keep the options they were sold with."
            ),
            "muted",
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.tree = QTreeWidget()
        self.tree.setObjectName("ItemOptions")
        self.tree.setRootIsDecorated(True)
        self.tree.setColumnCount(2)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setMinimumHeight(260)
        t.call(lambda: self.tree.setHeaderLabels([tr("Option"), tr("Price")]))
        self.body.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.new_group = t.button(lambda: tr("New group"), name="NewOptionGroup")
        self.new_option = t.button(lambda: tr("New option"), name="NewOption")
        row.addWidget(self.new_group)
        row.addWidget(self.new_option)
        row.addStretch(1)
        self.body.addLayout(row)

        self.pages = QStackedWidget()
        self.pages.setObjectName("OptionEditorPages")
        self.empty = t.label(
            lambda: tr("Choose a group or an option above to change it."), "muted", "OptionHint"
        )
        self.empty.setWordWrap(True)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self._build_group_form())
        self.pages.addWidget(self._build_option_form())
        self.body.addWidget(self.pages)
        self.message = MessageLabel("OptionMessage")
        self.body.addWidget(self.message)
        self.new_group.setEnabled(can_edit)
        self.new_option.setEnabled(False)

    def _build_group_form(self) -> QWidget:
        t = self.texts
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        self.group_title = label("", "subtitle", "GroupFormTitle")
        box.addWidget(self.group_title)
        form = QFormLayout()
        form.setSpacing(8)
        self.group_name_th = QLineEdit()
        self.group_name_th.setObjectName("GroupNameTh")
        self.group_name_en = QLineEdit()
        self.group_name_en.setObjectName("GroupNameEn")
        self.group_min = QSpinBox()
        self.group_min.setObjectName("GroupMin")
        self.group_min.setRange(0, 20)
        self.group_max = QSpinBox()
        self.group_max.setObjectName("GroupMax")
        self.group_max.setRange(1, 20)
        for spin in (self.group_min, self.group_max):
            spin.setMinimumWidth(90)
            spin.valueChanged.connect(self._on_group_rule_changed)
        form.addRow(t.label(lambda: tr("Thai name")), self.group_name_th)
        form.addRow(t.label(lambda: tr("English name")), self.group_name_en)
        form.addRow(t.label(lambda: tr("Customers choose at least")), self.group_min)
        form.addRow(t.label(lambda: tr("and at most")), self.group_max)
        box.addLayout(form)
        self.group_rule = label("", "muted", "GroupRule")
        self.group_rule.setWordWrap(True)
        box.addWidget(self.group_rule)
        buttons = QHBoxLayout()
        self.delete_group = t.button(lambda: tr("Delete group"), "danger", "DeleteOptionGroup")
        self.save_group = button("", "primary", "SaveOptionGroup")
        buttons.addWidget(self.delete_group)
        buttons.addStretch(1)
        buttons.addWidget(self.save_group)
        box.addLayout(buttons)
        for w in (
            self.group_name_th,
            self.group_name_en,
            self.group_min,
            self.group_max,
            self.save_group,
            self.delete_group,
        ):
            w.setEnabled(self.can_edit)
        return page

    def _build_option_form(self) -> QWidget:
        t = self.texts
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        self.option_title = label("", "subtitle", "OptionFormTitle")
        self.option_title.setWordWrap(True)
        box.addWidget(self.option_title)
        form = QFormLayout()
        form.setSpacing(8)
        self.option_name_th = QLineEdit()
        self.option_name_th.setObjectName("OptionNameTh")
        self.option_name_en = QLineEdit()
        self.option_name_en.setObjectName("OptionNameEn")
        self.option_price = QLineEdit()
        self.option_price.setObjectName("OptionPrice")
        self.option_price.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[-−]?[0-9]{0,6}(\.[0-9]{0,2})?"))
        )
        t.bind(self.option_price.setPlaceholderText, lambda: tr("0, 20 or -10"))
        self.option_default = QCheckBox()
        self.option_default.setObjectName("OptionDefault")
        t.bind(self.option_default.setText, lambda: tr("Chosen by default"))
        self.option_available = QCheckBox()
        self.option_available.setObjectName("OptionAvailable")
        t.bind(self.option_available.setText, lambda: tr("Available (untick when sold out)"))
        form.addRow(t.label(lambda: tr("Thai name")), self.option_name_th)
        form.addRow(t.label(lambda: tr("English name")), self.option_name_en)
        form.addRow(t.label(lambda: tr("Price change (THB)")), self.option_price)
        form.addRow("", self.option_default)
        form.addRow("", self.option_available)
        box.addLayout(form)
        buttons = QHBoxLayout()
        self.delete_option = t.button(lambda: tr("Delete option"), "danger", "DeleteOption")
        self.save_option = button("", "primary", "SaveOption")
        buttons.addWidget(self.delete_option)
        buttons.addStretch(1)
        buttons.addWidget(self.save_option)
        box.addLayout(buttons)
        for w in (
            self.option_name_th,
            self.option_name_en,
            self.option_price,
            self.option_default,
            self.delete_option,
        ):
            w.setEnabled(self.can_edit)
        return page

    # -- showing ----------------------------------------------------------------------------
    def group(self, group_id: int | None) -> OptionGroupView | None:
        groups = self.item.option_groups if self.item else ()
        return next((g for g in groups if g.id == group_id), None)

    def option(self, option_id: int | None) -> tuple[OptionGroupView, OptionView] | None:
        for g in self.item.option_groups if self.item else ():
            for o in g.options:
                if o.id == option_id:
                    return g, o
        return None

    def set_item(self, item: MenuItemView | None, keep_edits: bool = False) -> None:
        """Show ``item``'s groups; the selected group or option stays selected (and its
        form is filled again) if it still exists.

        ``keep_edits`` (a live update from elsewhere): for the same dish, a field staff
        changed but have not saved keeps what they typed; only untouched fields (and a
        new group or option being filled in, not at all) take the new values."""
        previous = self.item
        same = item is not None and previous is not None and previous.id == item.id
        self.item = item
        if not same:
            self.target = ("", None)
            self.message.clear_message()
        self.fill_tree()
        kind, target_id = self.target
        if keep_edits and same and kind in ("group", "option"):
            if target_id is None:  # a new group/option being typed: leave it be
                self.retranslate_form()
                return
            if kind == "group" and self.group(target_id):
                self._merge_group(_group_of(previous, target_id), self.group(target_id))
                return
            if kind == "option" and self.option(target_id):
                self._merge_option(_option_of(previous, target_id), self.option(target_id))
                return
        if kind == "group" and (target_id is None or self.group(target_id)):
            self._load_group(target_id)
        elif kind == "option" and (target_id is None or self.option(target_id)):
            self._load_option(target_id, self.new_in_group)
        else:
            self.open_nothing()

    def _merge_group(self, old: OptionGroupView | None, new: OptionGroupView | None) -> None:
        if old is None or new is None:
            self._load_group(new.id if new else None)
            return
        _merge_text(self.group_name_th, old.name_th, new.name_th)
        _merge_text(self.group_name_en, old.name_en, new.name_en)
        for spin, was, now in (
            (self.group_min, old.min_select, new.min_select),
            (self.group_max, old.max_select, new.max_select),
        ):
            if spin.value() == was and was != now:
                spin.blockSignals(True)
                spin.setValue(now)
                spin.blockSignals(False)
        self.delete_group.setVisible(True)
        self.retranslate_form()

    def _merge_option(
        self,
        old: tuple[OptionGroupView, OptionView] | None,
        new: tuple[OptionGroupView, OptionView] | None,
    ) -> None:
        if old is None or new is None:
            self._load_option(new[1].id if new else None, self.new_in_group)
            return
        was, now = old[1], new[1]
        self.new_in_group = new[0].id
        _merge_text(self.option_name_th, was.name_th, now.name_th)
        _merge_text(self.option_name_en, was.name_en, now.name_en)
        _merge_text(self.option_price, f"{was.price_delta:.2f}", f"{now.price_delta:.2f}")
        for box, before, after in (
            (self.option_default, was.is_default, now.is_default),
            (self.option_available, was.available, now.available),
        ):
            if box.isChecked() == before:
                box.setChecked(after)
        self.retranslate_form()

    def fill_tree(self) -> None:
        """The tree in the current language; the form is left as it is."""
        self.tree.blockSignals(True)
        self.tree.clear()
        item = self.item
        selected: QTreeWidgetItem | None = None
        for group in item.option_groups if item else ():
            top = QTreeWidgetItem([group_text(group), ""])
            top.setData(0, Qt.ItemDataRole.UserRole, ("group", group.id))
            if blocks_ordering(group):
                top.setForeground(0, color("danger"))
                top.setToolTip(0, blocked_text(group))
            self.tree.addTopLevelItem(top)
            if self.target == ("group", group.id):
                selected = top
            for opt in group.options:
                child = QTreeWidgetItem(top, [option_text(opt), format_delta(opt.price_delta)])
                child.setData(0, Qt.ItemDataRole.UserRole, ("option", opt.id))
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                if not opt.available:
                    child.setForeground(0, color("muted"))
                if self.target == ("option", opt.id):
                    selected = child
            top.setExpanded(True)
        if item is not None and not item.option_groups:
            empty = QTreeWidgetItem([tr("No options"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        self.tree.setCurrentItem(selected)
        self.tree.blockSignals(False)
        self.new_group.setEnabled(self.can_edit and item is not None)
        self.new_option.setEnabled(self.can_edit and self._current_group_id() is not None)

    def _current_group_id(self) -> int | None:
        kind, target_id = self.target
        if kind == "group":
            return target_id
        if kind == "option":
            found = self.option(target_id)
            return found[0].id if found else self.new_in_group
        return None

    def open_nothing(self) -> None:
        self.target = ("", None)
        self.pages.setCurrentIndex(0)
        self.new_option.setEnabled(False)

    def open_node(self, node: QTreeWidgetItem | None) -> None:
        data = node.data(0, Qt.ItemDataRole.UserRole) if node is not None else None
        self.message.clear_message()
        if not data:
            self.open_nothing()
            return
        kind, target_id = data
        if kind == "group":
            self._load_group(target_id)
        else:
            self._load_option(target_id)

    def _load_group(self, group_id: int | None) -> None:
        self.target = ("group", group_id)
        group = self.group(group_id)
        self.group_name_th.setText(group.name_th if group else "")
        self.group_name_en.setText(group.name_en if group else "")
        for spin, value in (
            (self.group_min, group.min_select if group else 0),
            (self.group_max, group.max_select if group else 1),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.delete_group.setVisible(group is not None)
        self.pages.setCurrentIndex(1)
        self.new_option.setEnabled(self.can_edit and group is not None)
        self.retranslate_form()

    def _load_option(self, option_id: int | None, group_id: int | None = None) -> None:
        found = self.option(option_id)
        self.target = ("option", option_id)
        self.new_in_group = found[0].id if found else group_id
        opt = found[1] if found else None
        self.option_name_th.setText(opt.name_th if opt else "")
        self.option_name_en.setText(opt.name_en if opt else "")
        self.option_price.setText(f"{opt.price_delta:.2f}" if opt else "0")
        self.option_default.setChecked(opt.is_default if opt else False)
        self.option_available.setChecked(opt.available if opt else True)
        self.option_available.setEnabled(opt is not None or self.can_edit)
        self.save_option.setEnabled(self.can_edit or opt is not None)
        self.delete_option.setVisible(opt is not None)
        self.pages.setCurrentIndex(2)
        self.new_option.setEnabled(self.can_edit)
        self.retranslate_form()

    def start_new_group(self) -> None:
        self.tree.setCurrentItem(None)
        self.message.clear_message()
        self._load_group(None)
        self.group_name_th.setFocus()

    def start_new_option(self) -> None:
        group_id = self._current_group_id()
        if group_id is None:
            return
        self.message.clear_message()
        self._load_option(None, group_id)
        self.option_name_th.setFocus()

    def _on_group_rule_changed(self, _value: int) -> None:
        self.retranslate_form()

    def retranslate_form(self) -> None:
        """Titles that depend on what is being edited (new or existing)."""
        kind, target_id = self.target
        if kind == "group":
            group = self.group(target_id)
            self.group_title.setText(
                tr("Group: {name}").format(name=group.name_th) if group else tr("New group")
            )
            self.save_group.setText(tr("Save group") if group else tr("Add group"))
            lo, hi = self.group_min.value(), self.group_max.value()
            rule = rule_sentence(lo, hi)
            if group is not None and blocks_ordering(group):
                rule += " " + blocked_text(group)
            self.group_rule.setText(rule)
        elif kind == "option":
            found = self.option(target_id)
            group = found[0] if found else self.group(self.new_in_group)
            where = group.name_th if group else ""
            self.option_title.setText(
                tr("Option of {group}").format(group=where)
                if found
                else tr("New option in {group}").format(group=where)
            )
            if not self.can_edit:
                self.save_option.setText(tr("Save availability"))
            else:
                self.save_option.setText(tr("Save option") if found else tr("Add option"))

    def retranslate_ui(self) -> None:
        self.texts.retranslate()
        self.message.retranslate()
        self.fill_tree()
        self.retranslate_form()


def _merge_text(field: QLineEdit | QPlainTextEdit, was: str, now: str) -> None:
    """Take the new value unless staff changed the field (then keep what they typed)."""
    current = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
    if current == was and was != now:
        if isinstance(field, QPlainTextEdit):
            field.setPlainText(now)
        else:
            field.setText(now)


def _group_of(item: MenuItemView | None, group_id: int | None) -> OptionGroupView | None:
    groups = item.option_groups if item else ()
    return next((g for g in groups if g.id == group_id), None)


def _option_of(
    item: MenuItemView | None, option_id: int | None
) -> tuple[OptionGroupView, OptionView] | None:
    for g in item.option_groups if item else ():
        for o in g.options:
            if o.id == option_id:
                return g, o
    return None


def rule_sentence(lo: int, hi: int) -> str:
    if lo == hi:
        return tr("Customers must choose exactly {n}.").format(n=lo)
    if lo == 0:
        return tr("Optional: customers may choose up to {n}.").format(n=hi)
    return tr("Customers choose {lo} to {hi}.").format(lo=lo, hi=hi)


def group_text(group: OptionGroupView) -> str:
    lo, hi = group.min_select, group.max_select
    if lo == hi:
        rule = tr("choose {n}").format(n=lo)
    elif lo == 0:
        rule = tr("up to {n}").format(n=hi)
    else:
        rule = tr("{lo} to {hi}").format(lo=lo, hi=hi)
    return f"{group.name_th} · {group.name_en} ({rule})"


def option_text(opt: OptionView) -> str:
    text = f"{opt.name_th} · {opt.name_en}"
    if opt.is_default:
        text += tr(" (default)")
    if not opt.available:
        text += tr(" · sold out")
    return text


def blocks_ordering(group: OptionGroupView) -> bool:
    """A required group with fewer options on sale than customers must choose: the dish
    cannot be ordered until staff add or re-enable options."""
    return group.min_select > sum(1 for o in group.options if o.available)


def blocked_text(group: OptionGroupView) -> str:
    return tr(
        "Customers cannot order this dish until this group has {n} available options."
    ).format(n=group.min_select)


def parse_delta(text: str) -> Decimal | None:
    text = text.strip().replace("−", "-")
    if text in ("", "-"):
        return Decimal(0) if not text else None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


class MenuScreen(QWidget):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item: MenuItemView | None = None
        self._items: list[MenuItemView] = []
        self._new_image: str | None = None
        self.can_edit = ctx.can(Permission.MENU_EDIT)
        self.texts = t = Texts()
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 20, 24, 20)
        page.setSpacing(12)
        self.header = PageHeader("")
        t.bind(self.header.title.setText, lambda: tr("Menu"))
        t.bind(
            self.header.subtitle.setText,
            lambda: tr("Tick 'Available' off when a dish runs out; kiosks update at once."),
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
        self.editor_tabs.addTab(self._scroll(self._build_dish(), "MenuEditorScroll"), "")
        self.option_editor = OptionEditor(self.can_edit)
        self.options = self.option_editor.tree
        ed = self.option_editor
        ed.tree.currentItemChanged.connect(self._on_options_current_item_changed)
        ed.new_group.clicked.connect(self._on_new_group_clicked)
        ed.new_option.clicked.connect(self._on_new_option_clicked)
        ed.save_group.clicked.connect(self._on_save_group_clicked)
        ed.delete_group.clicked.connect(self._on_delete_group_clicked)
        ed.save_option.clicked.connect(self._on_save_option_clicked)
        ed.delete_option.clicked.connect(self._on_delete_option_clicked)
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

    def _build_dish(self) -> QWidget:
        t = self.texts
        card = Card()
        card.setObjectName("MenuEditor")
        card.setMinimumWidth(380)
        self.picture = QLabel()
        self.picture.setObjectName("MenuPicture")
        self.picture.setFixedSize(THUMB, THUMB)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.body.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.change_image = t.button(lambda: tr("Change picture…"), name="ChangeImage")
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
        self.available = QCheckBox()
        self.available.setObjectName("ItemAvailable")
        t.bind(self.available.setText, lambda: tr("Available (untick when sold out)"))
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
            box = QCheckBox()
            box.setObjectName(f"ItemAllergen_{code}")
            t.bind(box.setText, lambda c=code: allergen_label(c))
            grid.addWidget(box, i // 3, i % 3)
            self.allergen_boxes[code] = box
        self.upsell = QCheckBox()
        self.upsell.setObjectName("ItemUpsell")
        t.bind(self.upsell.setText, lambda: tr("Suggest with orders (upsell)"))
        form.addRow(t.label(lambda: tr("Thai name")), self.name_th)
        form.addRow(t.label(lambda: tr("English name")), self.name_en)
        form.addRow(t.label(lambda: tr("Price (THB, VAT incl.)")), self.price)
        form.addRow(t.label(lambda: tr("Description (TH)")), self.description_th)
        form.addRow(t.label(lambda: tr("Description (EN)")), self.description_en)
        form.addRow("", self.available)
        form.addRow(t.label(lambda: tr("Spice level")), self.spice)
        form.addRow(t.label(lambda: tr("Allergens")), allergens)
        form.addRow("", self.upsell)
        card.body.addLayout(form)
        upsell_hint = t.label(
            lambda: tr(
                "Kiosks show up to three ticked dishes in the cart after the first dish: "
                "'Add a drink?', one tap to add, shown once per order."
            ),
            "muted",
        )
        upsell_hint.setWordWrap(True)
        card.body.addWidget(upsell_hint)
        self.message = MessageLabel("MenuMessage")
        card.body.addWidget(self.message)
        if self.can_edit:
            self.save = t.button(lambda: tr("Save item"), "primary", "SaveItem")
        else:
            self.save = t.button(lambda: tr("Save availability"), "primary", "SaveItem")
        self.save.clicked.connect(self._on_save_clicked)
        card.body.addWidget(self.save)
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
            w.setEnabled(self.can_edit)
        return card

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

    def activate(self) -> None:
        self.reload()

    def retranslate_ui(self) -> None:
        """New language; what staff typed in the forms stays."""
        self.texts.retranslate()
        self.message.retranslate()
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
        _merge_text(self.name_th, old.name_th, item.name_th)
        _merge_text(self.name_en, old.name_en, item.name_en)
        _merge_text(self.price, f"{old.price:.2f}", f"{item.price:.2f}")
        _merge_text(self.description_th, old.description_th, item.description_th)
        _merge_text(self.description_en, old.description_en, item.description_en)
        if self.available.isChecked() == old.available:
            self.available.setChecked(item.available)
        if self.spice.currentData() == old.spice_level:
            self.spice.setCurrentIndex(max(0, self.spice.findData(item.spice_level)))
        for code, box in self.allergen_boxes.items():
            if box.isChecked() == (code in old.allergens):
                box.setChecked(code in item.allergens)
        if self.upsell.isChecked() == old.upsell:
            self.upsell.setChecked(item.upsell)
        if not self._new_image and item.image != old.image:
            self._show_picture(item.image, item.name_en)
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
        self._new_image = None
        self.message.clear_message()
        self.option_editor.set_item(item)
        self._options_tab_title()
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
        self._show_picture(item.image, item.name_en)

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
            self._set_message(lambda e=exc: str(e))
            return
        self._new_image = str(target)
        self._show_picture(str(target), self.item.name_en)

    def _set_message(self, text: Source, ok: bool = False) -> None:
        self.message.show_message(text, ok)

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
                self._set_message(lambda: tr("The price must be a number such as 120 or 120.50."))
                return
            edits = {
                "name_th": self.name_th.text().strip(),
                "name_en": self.name_en.text().strip(),
                "description_th": self.description_th.toPlainText().strip(),
                "description_en": self.description_en.toPlainText().strip(),
            }
            if not edits["name_th"] or not edits["name_en"]:
                self._set_message(lambda: tr("Both names are needed (Thai and English)."))
                return
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
            if self._new_image:
                fields["image"] = self._new_image
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

    # -- option groups and options -----------------------------------------------------------
    def _on_options_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        self.option_editor.open_node(current)

    def _on_new_group_clicked(self) -> None:
        self.option_editor.start_new_group()

    def _on_new_option_clicked(self) -> None:
        self.option_editor.start_new_option()

    def _option_change(
        self, done: Source, change: Callable[[], object], select: Callable[[object], tuple]
    ) -> bool:
        """Run one option change for the shown dish, then show the dish as it is now."""
        item = self.item
        ed = self.option_editor
        if item is None:
            return False
        try:
            result = change()
        except Exception as exc:
            ed.message.show_message(problem(exc, "change options"))
            return False
        ed.target = select(result)
        self._replace(self.ctx.store.menu.item(item.id))
        ed.message.show_message(done, ok=True)
        return True

    def _on_save_group_clicked(self) -> None:
        ed = self.option_editor
        item = self.item
        if item is None:
            return
        _kind, group_id = ed.target
        names = {"name_th": ed.group_name_th.text(), "name_en": ed.group_name_en.text()}
        lo, hi = ed.group_min.value(), ed.group_max.value()
        actions, staff = self.ctx.actions, self.ctx.staff
        if group_id is None:
            self._option_change(
                lambda: tr("Group added. Now add its options."),
                lambda: actions.add_option_group(
                    staff, item.id, names["name_en"], names["name_th"], lo, hi
                ),
                lambda group: ("group", group.id),  # type: ignore[attr-defined]
            )
            return
        group = ed.group(group_id)
        assert group is not None
        fields: dict[str, object] = {
            k: v for k, v in names.items() if v.strip() != getattr(group, k)
        }
        if (lo, hi) != (group.min_select, group.max_select):
            fields.update(min_select=lo, max_select=hi)
        if not fields:
            ed.message.show_message(lambda: tr("Nothing to save."), ok=True)
            return
        self._option_change(
            lambda: tr("Group saved."),
            lambda: actions.update_option_group(staff, group_id, **fields),
            lambda _group: ("group", group_id),
        )

    def _on_delete_group_clicked(self) -> None:
        ed = self.option_editor
        group = ed.group(ed.target[1]) if ed.target[0] == "group" else None
        if group is None:
            return
        if not self.ctx.dialogs.confirm(
            self,
            tr("Delete group"),
            tr(
                "Delete {group} and its {n} options? Orders already placed keep them on "
                "their receipts."
            ).format(group=f"{group.name_th} · {group.name_en}", n=len(group.options)),
        ):
            return
        self._option_change(
            lambda: tr("Group deleted."),
            lambda: self.ctx.actions.delete_option_group(self.ctx.staff, group.id),
            lambda _item: ("", None),
        )

    def _on_save_option_clicked(self) -> None:
        ed = self.option_editor
        item = self.item
        if item is None:
            return
        _kind, option_id = ed.target
        actions, staff = self.ctx.actions, self.ctx.staff
        available = ed.option_available.isChecked()
        found = ed.option(option_id)
        if not self.can_edit:  # a cashier: the sold-out switch only
            if found is None:
                return
            if available == found[1].available:
                ed.message.show_message(lambda: tr("Nothing to save."), ok=True)
                return
            self._option_change(
                lambda: tr("Saved."),
                lambda: actions.update_option(staff, found[1].id, available=available),
                lambda _opt: ("option", found[1].id),
            )
            return
        delta = parse_delta(ed.option_price.text())
        if delta is None:
            ed.message.show_message(
                lambda: tr("The price change must be a number such as 20, -10 or 15.50.")
            )
            return
        wanted: dict[str, object] = {
            "name_th": ed.option_name_th.text(),
            "name_en": ed.option_name_en.text(),
            "price_delta": delta,
            "is_default": ed.option_default.isChecked(),
            "available": available,
        }
        if found is None:
            group_id = ed.new_in_group
            if group_id is None:
                return
            self._option_change(
                lambda: tr("Option added."),
                lambda: actions.add_option(
                    staff,
                    group_id,
                    str(wanted["name_en"]),
                    str(wanted["name_th"]),
                    delta,
                    bool(wanted["is_default"]),
                    available,
                ),
                lambda opt: ("option", opt.id),  # type: ignore[attr-defined]
            )
            return
        opt = found[1]
        fields = {
            k: v
            for k, v in wanted.items()
            if (v.strip() if isinstance(v, str) else v) != getattr(opt, k)
        }
        if not fields:
            ed.message.show_message(lambda: tr("Nothing to save."), ok=True)
            return
        self._option_change(
            lambda: tr("Option saved."),
            lambda: actions.update_option(staff, opt.id, **fields),
            lambda _opt: ("option", opt.id),
        )

    def _on_delete_option_clicked(self) -> None:
        ed = self.option_editor
        found = ed.option(ed.target[1]) if ed.target[0] == "option" else None
        if found is None:
            return
        group, opt = found
        if not self.ctx.dialogs.confirm(
            self,
            tr("Delete option"),
            tr("Delete {option} from {group}? Orders already placed keep it.").format(
                option=f"{opt.name_th} · {opt.name_en}", group=group.name_th
            ),
        ):
            return
        self._option_change(
            lambda: tr("Option deleted."),
            lambda: self.ctx.actions.delete_option(self.ctx.staff, opt.id),
            lambda _item: ("group", group.id),
        )
