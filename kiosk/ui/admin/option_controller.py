"""What the admin Menu screen's option editor does: a selected group or option opened in
its form, new ones started, and groups and options added, saved and deleted through the
staff actions (with the services' refusals in the editor's message line)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from kiosk.services.views import MenuItemView
from kiosk.ui.admin.context import AdminContext, problem
from kiosk.ui.admin.format import tr
from kiosk.ui.admin.menu_text import parse_delta
from kiosk.ui.admin.option_editor import OptionEditor
from kiosk.ui.admin.widgets import Source


class OptionController:
    """Wires ``editor``'s tree and buttons for the dish ``item()`` returns (the screen's).

    After a change it hands the dish as it is now to ``replace`` (the screen puts it in
    its table and shows it again); ``dialog_parent`` is the widget confirmations open over."""

    def __init__(
        self,
        ctx: AdminContext,
        editor: OptionEditor,
        dialog_parent: QWidget,
        item: Callable[[], MenuItemView | None],
        replace: Callable[[MenuItemView], None],
    ) -> None:
        self.ctx = ctx
        self.editor = ed = editor
        self.dialog_parent = dialog_parent
        self._item = item
        self._replace = replace
        self.can_edit = editor.can_edit
        ed.tree.currentItemChanged.connect(self._on_options_current_item_changed)
        ed.new_group.clicked.connect(self._on_new_group_clicked)
        ed.new_option.clicked.connect(self._on_new_option_clicked)
        ed.save_group.clicked.connect(self._on_save_group_clicked)
        ed.delete_group.clicked.connect(self._on_delete_group_clicked)
        ed.save_option.clicked.connect(self._on_save_option_clicked)
        ed.delete_option.clicked.connect(self._on_delete_option_clicked)

    def _on_options_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        self.editor.open_node(current)

    def _on_new_group_clicked(self) -> None:
        self.editor.start_new_group()

    def _on_new_option_clicked(self) -> None:
        self.editor.start_new_option()

    def _option_change(
        self, done: Source, change: Callable[[], object], select: Callable[[object], tuple]
    ) -> bool:
        """Run one option change for the shown dish, then show the dish as it is now."""
        item = self._item()
        ed = self.editor
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
        ed = self.editor
        item = self._item()
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
        ed = self.editor
        group = ed.group(ed.target[1]) if ed.target[0] == "group" else None
        if group is None:
            return
        if not self.ctx.dialogs.confirm(
            self.dialog_parent,
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
        if self._item() is None:
            return
        ed = self.editor
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
        ed = self.editor
        found = ed.option(ed.target[1]) if ed.target[0] == "option" else None
        if found is None:
            return
        group, opt = found
        if not self.ctx.dialogs.confirm(
            self.dialog_parent,
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
