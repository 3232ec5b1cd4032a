"""Small building blocks: themed buttons and labels, chosen by ``role`` for the style sheet."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.widgets.icons import icon


def button(
    name: str,
    role: str = "primary",
    icon_name: str | None = None,
    icon_colour: str = "on-dark",
    icon_size: int = 36,
    parent: QWidget | None = None,
) -> QPushButton:
    b = QPushButton(parent)
    b.setObjectName(name)
    b.setProperty("role", role)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if icon_name:
        b.setIcon(icon(icon_name, icon_size, icon_colour))
        b.setIconSize(QSize(icon_size, icon_size))
    return b


def button_text(text: str) -> str:
    """Data shown on a button: a single ``&`` would become a keyboard mnemonic and vanish."""
    return text.replace("&", "&&")


def tile(name: str, role: str, icon_name: str, icon_colour: str, icon_size: int) -> QToolButton:
    """A big card-like button with its icon above the text (payment methods, dine in)."""
    b = QToolButton()
    b.setObjectName(name)
    b.setProperty("role", role)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    b.setIcon(icon(icon_name, icon_size, icon_colour))
    b.setIconSize(QSize(icon_size, icon_size))
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return b


def label(
    name: str = "",
    role: str = "body",
    wrap: bool = False,
    align: Qt.AlignmentFlag | None = None,
    parent: QWidget | None = None,
    elide: bool = False,
) -> QLabel:
    """``elide``: one line ending in "…" when the room is short (:class:`ElidedLabel`)."""
    lab = ElidedLabel(parent) if elide else QLabel(parent)
    if name:
        lab.setObjectName(name)
    lab.setProperty("role", role)
    lab.setTextFormat(Qt.TextFormat.PlainText)  # names from the database are never markup
    lab.setWordWrap(wrap)
    if align is not None:
        lab.setAlignment(align)
    return lab


class ElidedLabel(QLabel):
    """One line that never pushes its neighbours off the screen: text longer than the
    room it gets ends in "…" (a member's 100-character name beside the tier badge).
    ``text()`` and the accessible name are the whole text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def shown(self) -> str:
        """What is painted (the text, or its start and "…")."""
        return super().text()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        m = self.contentsMargins()
        wanted = self.fontMetrics().horizontalAdvance(self._full) + m.left() + m.right()
        return QSize(wanted + 2 * self.margin(), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(
            min(hint.width(), self.fontMetrics().horizontalAdvance("M…") * 3), hint.height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        room = max(0, self.contentsRect().width() - 2 * self.margin())
        metrics = self.fontMetrics()
        text = self._full
        if metrics.horizontalAdvance(text) > room:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        if super().text() != text:
            super().setText(text)


def card(name: str = "", role: str = "card", parent: QWidget | None = None) -> QFrame:
    f = QFrame(parent)
    if name:
        f.setObjectName(name)
    f.setProperty("role", role)
    return f


def set_role(widget: QWidget, role: str) -> None:
    if widget.property("role") != role:
        widget.setProperty("role", role)
        theme.restyle(widget)


def set_state(widget: QWidget, state: str) -> None:
    if widget.property("state") != state:
        widget.setProperty("state", state)
        theme.restyle(widget)


def vbox(parent: QWidget | None = None, margins: int = 0, spacing: int = 16) -> QVBoxLayout:
    lay = QVBoxLayout(parent) if parent is not None else QVBoxLayout()
    lay.setContentsMargins(margins, margins, margins, margins)
    lay.setSpacing(spacing)
    return lay


def hbox(parent: QWidget | None = None, margins: int = 0, spacing: int = 16) -> QHBoxLayout:
    lay = QHBoxLayout(parent) if parent is not None else QHBoxLayout()
    lay.setContentsMargins(margins, margins, margins, margins)
    lay.setSpacing(spacing)
    return lay


def dialog_layout(
    panel: QFrame, name: str, min_width: int, spacing: int, margins: tuple[int, int, int, int]
) -> QVBoxLayout:
    """Make ``panel`` a dialog card named ``name`` (at least ``min_width`` wide) and give
    it a column layout with ``margins`` (left, top, right, bottom)."""
    panel.setObjectName(name)
    panel.setProperty("role", "dialog")
    panel.setMinimumWidth(min_width)
    lay = vbox(panel, spacing=spacing)
    lay.setContentsMargins(*margins)
    return lay


def take_at(layout: QLayout, index: int = 0) -> QWidget | None:
    """Take the item at ``index`` out of ``layout``, free it, and return the widget it held
    (still alive and parented, no longer laid out), or None for a spacer or stretch.

    Always use this instead of ``layout.takeAt``: in C++ the caller owns and deletes the
    item ``takeAt`` returns, and PySide hands it back without ownership, so nothing ever
    frees it. Each one left is about 100 bytes of native memory for good; the menu
    re-lays its cards and the cart and review rebuild their lines for every customer, so
    that was some 2 MB per 1,000 orders (measured with heaptrack: the leaked
    ``QLayoutPrivate::createWidgetItem`` allocations). A sub-layout is its own item: it is
    deleted too (its widgets stay with their parent widget)."""
    item = layout.takeAt(index)
    if item is None:
        return None
    widget = item.widget()
    shiboken6.delete(item)
    return widget


def empty_layout(layout: QLayout) -> None:
    """Take every item out of ``layout`` (see :func:`take_at`); the widgets stay alive."""
    while layout.count():
        take_at(layout, layout.count() - 1)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout of ``layout``."""
    while layout.count():
        child = layout.itemAt(0)
        if child is not None and child.layout() is not None:
            clear_layout(child.layout())
        w = take_at(layout, 0)
        if w is not None:
            w.hide()
            w.setParent(None)
            w.deleteLater()


def expanding(widget: QWidget) -> QWidget:
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return widget


def quantity_stepper(
    prefix: str,
    index: int,
    quantity: int,
    emit: Callable[[int, int], None],
    qty_width: int,
    floor_at_one: bool = False,
) -> tuple[QPushButton, QLabel, QPushButton]:
    """The − n + buttons of a cart line: ``emit(index, new_quantity)`` on a tap. Named
    ``<prefix>_minus_<i>``, ``<prefix>_qty_<i>``, ``<prefix>_plus_<i>`` for tests."""
    minus = button(f"{prefix}_minus_{index}", "stepper")
    minus.setText("−")
    minus.setEnabled(not floor_at_one or quantity > 1)
    minus.clicked.connect(lambda _=False: emit(index, quantity - 1))
    qty = label(f"{prefix}_qty_{index}", "subtitle", align=Qt.AlignmentFlag.AlignCenter)
    qty.setText(str(quantity))
    qty.setMinimumWidth(qty_width)
    plus = button(f"{prefix}_plus_{index}", "stepper")
    plus.setText("+")
    plus.clicked.connect(lambda _=False: emit(index, quantity + 1))
    minus.setAccessibleName(QCoreApplication.translate("Accessibility", "One less"))
    plus.setAccessibleName(QCoreApplication.translate("Accessibility", "One more"))
    return minus, qty, plus
