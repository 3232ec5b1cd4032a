"""Texts of the admin Menu screen's option editor (a group's rule, a tree row, why a
dish cannot be ordered), the price change staff type, and the look-ups and field merge
the dish and option forms share."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from kiosk.services.views import MenuItemView, OptionGroupView, OptionView
from kiosk.ui.admin.format import tr


def merge_text(field: QLineEdit | QPlainTextEdit, was: str, now: str) -> None:
    """Take the new value unless staff changed the field (then keep what they typed)."""
    current = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
    if current == was and was != now:
        if isinstance(field, QPlainTextEdit):
            field.setPlainText(now)
        else:
            field.setText(now)


def group_of(item: MenuItemView | None, group_id: int | None) -> OptionGroupView | None:
    groups = item.option_groups if item else ()
    return next((g for g in groups if g.id == group_id), None)


def option_of(
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
