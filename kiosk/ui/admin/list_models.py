"""The admin panel's small tables, holding all their rows (there are tens of them): menu
items and staff accounts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush

from kiosk.services.staff import StaffView
from kiosk.services.views import MenuItemView
from kiosk.ui.admin.format import language, local_dt, money, role_label, tr
from kiosk.ui.admin.marks import marks_text
from kiosk.ui.admin.table_model import (
    ALIGN_ROLE,
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    LEFT,
    RIGHT,
    ROW_ID_ROLE,
    Index,
    redraw,
)
from kiosk.ui.admin.theme import color


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=_HasId)


class ListTableModel(QAbstractTableModel, Generic[T]):
    """A small table holding all its rows (tens of them), one column per ``HEADERS`` key.

    Subclasses give :meth:`header` (the translated column title) and :meth:`cell` (a
    row's value for one column and role); the row id (``ROW_ID_ROLE``), bounds checks,
    resets, one-row refreshes and retranslation live here."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, new: T) -> None:
        """Redraw the row with ``new``'s id (if shown) with ``new``."""
        for i, old in enumerate(self._rows):
            if old.id == new.id:
                self._rows[i] = new
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))
                return

    def row(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        redraw(self)

    def header(self, key: str) -> str:
        raise NotImplementedError

    def cell(self, row: T, key: str, role: int) -> Any:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or int(role) != DISPLAY_ROLE:
            return None
        if not 0 <= section < len(self.HEADERS):
            return None
        return self.header(self.HEADERS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None or not 0 <= index.column() < len(self.HEADERS):
            return None
        if int(role) == ROW_ID_ROLE:
            return row.id
        return self.cell(row, self.HEADERS[index.column()], int(role))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MenuTableModel(ListTableModel[MenuItemView]):
    """Menu items of one category (or all); the Available column is a check box.

    Ticking it does not change the data: it emits ``availability_requested`` and the
    screen calls the service, then :meth:`set_items` with what the service returned.
    """

    availability_requested = Signal(int, bool)
    HEADERS = ("name_th", "name_en", "category", "price", "options", "available", "marks")

    def set_items(self, items: Sequence[MenuItemView]) -> None:
        self.set_rows(items)

    def replace_item(self, item: MenuItemView) -> None:
        self.replace_row(item)

    def item(self, row: int) -> MenuItemView | None:
        return self.row(row)

    def header(self, key: str) -> str:
        return {
            "name_th": tr("Thai name"),
            "name_en": tr("English name"),
            "category": tr("Category"),
            "price": tr("Price"),
            "options": tr("Options"),
            "available": tr("Available"),
            "marks": tr("Spice, allergens"),
        }[key]

    def cell(self, item: MenuItemView, key: str, role: int) -> Any:
        if role == DISPLAY_ROLE:
            if key == "price":
                return money(item.price)
            thai = language() == "th"
            if key == "options":
                return ", ".join(g.name_th if thai else g.name_en for g in item.option_groups)
            if key == "available":
                return tr("On sale") if item.available else tr("Sold out")
            if key == "marks":
                return marks_text(item)
            if key == "category":
                return item.category_th if thai else item.category
            return getattr(item, key)
        if role == int(Qt.ItemDataRole.CheckStateRole) and key == "available":
            return Qt.CheckState.Checked if item.available else Qt.CheckState.Unchecked
        if role == ALIGN_ROLE:
            return int((RIGHT if key == "price" else LEFT).value)
        if role == FOREGROUND_ROLE and key == "available" and not item.available:
            return QBrush(color("danger"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.HEADERS[index.column()] == "available":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or int(role) != int(Qt.ItemDataRole.CheckStateRole)
            or self.HEADERS[index.column()] != "available"
        ):
            return False
        item = self.item(index.row())
        if item is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if value is not None else False
        self.availability_requested.emit(item.id, checked)
        return False  # the screen updates the row once the service agreed


class StaffTableModel(ListTableModel[StaffView]):
    HEADERS = ("name", "role", "status", "last_login", "number")

    def __init__(
        self,
        tz: Callable[[], str],
        now: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._now = now

    def set_users(self, users: Sequence[StaffView]) -> None:
        self.set_rows(users)

    def user(self, row: int) -> StaffView | None:
        return self.row(row)

    def header(self, key: str) -> str:
        return {
            "name": tr("Name"),
            "role": tr("Role"),
            "status": tr("Status"),
            "last_login": tr("Last sign-in"),
            "number": tr("Staff no. (kiosk pad)"),
        }[key]

    def cell(self, user: StaffView, key: str, role: int) -> Any:
        if role == DISPLAY_ROLE:
            if key == "name":
                return user.name
            if key == "role":
                return role_label(user.role)
            if key == "status":
                if not user.active:
                    return tr("Disabled")
                if user.locked_until is not None and user.locked_until > self._now():
                    return tr("Locked until {time}").format(
                        time=local_dt(user.locked_until, self._tz(), with_date=False)
                    )
                return tr("Active")
            if key == "number":
                return str(user.id)
            return local_dt(user.last_login, self._tz()) or tr("Never")
        if role == FOREGROUND_ROLE and key == "status" and not user.active:
            return QBrush(color("muted"))
        return None
