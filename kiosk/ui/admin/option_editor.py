"""The option editor of the admin Menu screen: one dish's option groups (size, spice
level, extras) in a tree, and a form for the group or option selected in it.

What its buttons do is :class:`kiosk.ui.admin.option_controller.OptionController`'s."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.money import format_delta
from kiosk.services.views import MenuItemView, OptionGroupView, OptionView
from kiosk.ui.admin.format import tr
from kiosk.ui.admin.menu_text import (
    blocked_text,
    blocks_ordering,
    group_of,
    group_text,
    merge_text,
    option_of,
    option_text,
    rule_sentence,
)
from kiosk.ui.admin.theme import color
from kiosk.ui.admin.widgets import Card, MessageLabel, Source, Texts, button, label, line_edit


class OptionEditor(Card):
    """The option groups of one dish (a tree) and a form for the selected group or option.

    The screen's option controller acts on its buttons and calls the services. ``group``
    / ``option`` of :attr:`target` is None while a new one is being filled in."""

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
            wrap=True,
        )
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
            lambda: tr("Choose a group or an option above to change it."),
            "muted",
            "OptionHint",
            wrap=True,
        )
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
        page, box, self.group_title = self._form_page("GroupFormTitle")
        form = QFormLayout()
        form.setSpacing(8)
        self.group_name_th = line_edit("GroupNameTh")
        self.group_name_en = line_edit("GroupNameEn")
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
        self.delete_group, self.save_group = self._form_buttons(
            box,
            lambda: tr("Delete group"),
            ("DeleteOptionGroup", "SaveOptionGroup"),
            (self.group_name_th, self.group_name_en, self.group_min, self.group_max),
        )
        self.save_group.setEnabled(self.can_edit)
        return page

    def _build_option_form(self) -> QWidget:
        t = self.texts
        page, box, self.option_title = self._form_page("OptionFormTitle")
        self.option_title.setWordWrap(True)
        form = QFormLayout()
        form.setSpacing(8)
        self.option_name_th = line_edit("OptionNameTh")
        self.option_name_en = line_edit("OptionNameEn")
        self.option_price = line_edit("OptionPrice", r"[-−]?[0-9]{0,6}(\.[0-9]{0,2})?")
        t.bind(self.option_price.setPlaceholderText, lambda: tr("0, 20 or -10"))
        self.option_default = t.check(lambda: tr("Chosen by default"), "OptionDefault")
        self.option_available = t.check(
            lambda: tr("Available (untick when sold out)"), "OptionAvailable"
        )
        form.addRow(t.label(lambda: tr("Thai name")), self.option_name_th)
        form.addRow(t.label(lambda: tr("English name")), self.option_name_en)
        form.addRow(t.label(lambda: tr("Price change (THB)")), self.option_price)
        form.addRow("", self.option_default)
        form.addRow("", self.option_available)
        box.addLayout(form)
        self.delete_option, self.save_option = self._form_buttons(
            box,
            lambda: tr("Delete option"),
            ("DeleteOption", "SaveOption"),
            (self.option_name_th, self.option_name_en, self.option_price, self.option_default),
        )
        return page

    @staticmethod
    def _form_page(title_name: str) -> tuple[QWidget, QVBoxLayout, QLabel]:
        """A page of the form stack: its layout and, on top, its title."""
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        title = label("", "subtitle", title_name)
        box.addWidget(title)
        return page, box, title

    def _form_buttons(
        self,
        box: QVBoxLayout,
        delete_text: Source,
        names: tuple[str, str],
        fields: tuple[QWidget, ...],
    ) -> tuple[QPushButton, QPushButton]:
        """The Delete … Save row under a form (its Save text is set with the form's title);
        ``fields`` and Delete are enabled for editors only."""
        delete = self.texts.button(delete_text, "danger", names[0])
        save = button("", "primary", names[1])
        buttons = QHBoxLayout()
        buttons.addWidget(delete)
        buttons.addStretch(1)
        buttons.addWidget(save)
        box.addLayout(buttons)
        for w in (*fields, delete):
            w.setEnabled(self.can_edit)
        return delete, save

    # -- showing ----------------------------------------------------------------------------
    def group(self, group_id: int | None) -> OptionGroupView | None:
        return group_of(self.item, group_id)

    def option(self, option_id: int | None) -> tuple[OptionGroupView, OptionView] | None:
        return option_of(self.item, option_id)

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
                self._merge_group(group_of(previous, target_id), self.group(target_id))
                return
            if kind == "option" and self.option(target_id):
                self._merge_option(option_of(previous, target_id), self.option(target_id))
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
        merge_text(self.group_name_th, old.name_th, new.name_th)
        merge_text(self.group_name_en, old.name_en, new.name_en)
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
        merge_text(self.option_name_th, was.name_th, now.name_th)
        merge_text(self.option_name_en, was.name_en, now.name_en)
        merge_text(self.option_price, f"{was.price_delta:.2f}", f"{now.price_delta:.2f}")
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
