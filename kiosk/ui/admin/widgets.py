"""Small building blocks shared by the admin screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.admin.format import status_label
from kiosk.ui.admin.theme import set_role


def label(text: str = "", role: str = "", name: str = "") -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    return widget


def button(text: str, kind: str = "", name: str = "") -> QPushButton:
    widget = QPushButton(text)
    if kind:
        widget.setProperty("kind", kind)
    if name:
        widget.setObjectName(name)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


def line_edit(name: str, pattern: str = "") -> QLineEdit:
    """A text field named ``name``; with ``pattern``, only text matching it can be typed."""
    widget = QLineEdit()
    widget.setObjectName(name)
    if pattern:
        widget.setValidator(QRegularExpressionValidator(QRegularExpression(pattern)))
    return widget


def debounced(parent: QWidget, ms: int, slot: Callable[[], object]) -> QTimer:
    """A single-shot timer calling ``slot`` ``ms`` after its last ``start()``: typing or a
    burst of events restarts it, so ``slot`` runs once when things settle."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


Source = Callable[[], str]
"""A text made when shown, e.g. ``lambda: tr("Save")``, so it follows the language."""


class Texts:
    """The fixed texts of a screen, set again by ``retranslate()``.

    A screen binds each label, button, placeholder or tab title once, with a function that
    calls ``tr()``; its ``retranslate_ui()`` calls :meth:`retranslate` and then refreshes
    the texts made from data (counts, statuses, messages)::

        self.texts.bind(self.search.setPlaceholderText, lambda: tr("Phone or name"))
        self.save = self.texts.button(lambda: tr("Save"), "primary", "SaveButton")
    """

    def __init__(self) -> None:
        self._bindings: list[tuple[Callable[[str], object], Source]] = []

    def bind(self, setter: Callable[[str], object], source: Source) -> None:
        self._bindings.append((setter, source))
        setter(source())

    def call(self, apply: Callable[[], object]) -> None:
        """For texts set several at a time (table headers): ``apply()`` now and on every
        retranslate."""
        self._bindings.append((lambda _text: apply(), str))
        apply()

    def label(self, source: Source, role: str = "", name: str = "", wrap: bool = False) -> QLabel:
        widget = label("", role, name)
        self.bind(widget.setText, source)
        if wrap:
            widget.setWordWrap(True)
        return widget

    def button(self, source: Source, kind: str = "", name: str = "") -> QPushButton:
        widget = button("", kind, name)
        self.bind(widget.setText, source)
        return widget

    def check(self, source: Source, name: str = "") -> QCheckBox:
        widget = QCheckBox()
        if name:
            widget.setObjectName(name)
        self.bind(widget.setText, source)
        return widget

    def retranslate(self) -> None:
        for setter, source in self._bindings:
            setter(source())


class MessageLabel(QLabel):
    """A status line ("Saved.", an error) that keeps its source, so a language switch
    shows it again in the new language instead of leaving it in the old one."""

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        if name:
            self.setObjectName(name)
        self.setWordWrap(True)
        self._source: Source | None = None

    def show_message(self, source: Source | None, ok: bool = False) -> None:
        self._source = source
        self.setText(source() if source is not None else "")
        set_role(self, "role", "ok" if ok else "error")

    def clear_message(self) -> None:
        self.show_message(None)

    def retranslate(self) -> None:
        if self._source is not None:
            self.setText(self._source())


class LanguageSwitch(QWidget):
    """ไทย | EN. The names are written in their own language, so they never change.

    Emits ``language_requested(lang)``; the owner switches and calls :meth:`set_language`.
    """

    language_requested = Signal(str)
    NAMES = (("th", "ไทย"), ("en", "EN"))

    def __init__(self, prefix: str = "Lang", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}Switch")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for lang, text in self.NAMES:
            b = button(text, "filter", f"{prefix}{lang.capitalize()}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, code=lang: self.language_requested.emit(code))
            self.group.addButton(b)
            self.buttons[lang] = b
            row.addWidget(b)

    def set_language(self, lang: str) -> None:
        if lang in self.buttons:
            self.buttons[lang].setChecked(True)


class Card(QFrame):
    """A white rounded panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 14)
        self.body.setSpacing(6)


class KpiCard(Card):
    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = label(title, "kpi_title", f"{name}Title")
        self.value = label("—", "kpi_value", f"{name}Value")
        self.note = label("", "kpi_note", f"{name}Note")
        self.body.addWidget(self.title)
        self.body.addWidget(self.value)
        self.body.addWidget(self.note)
        self.body.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(100)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)


class Pill(QLabel):
    """A coloured status label."""

    def __init__(self, status: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "pill")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_status(status)

    def set_status(self, status: str, text: str | None = None) -> None:
        self.setText(text if text is not None else status_label(status))
        set_role(self, "status", status)


class PageHeader(QWidget):
    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 4)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.title = label(title, "title")
        self.subtitle = label(subtitle, "muted")
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        row.addLayout(texts)
        row.addStretch(1)
        self.tools = QHBoxLayout()
        self.tools.setSpacing(8)
        row.addLayout(self.tools)


class ListDetailSplitter(QSplitter):
    """A table beside its detail panel, or above it on a portrait screen. Three fifths
    go to the table until staff drag the handle; after that their sizes are kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self.dragged = False
        self.splitterMoved.connect(self._on_self_splitter_moved)

    def _on_self_splitter_moved(self, *_: object) -> None:
        self.dragged = True

    def fit(self, size: QSize) -> None:
        """Call from the screen's ``resizeEvent`` with the screen's new size."""
        portrait = size.height() > size.width() * 1.2
        orientation = Qt.Orientation.Vertical if portrait else Qt.Orientation.Horizontal
        if orientation != self.orientation() or not self.dragged:
            self.setOrientation(orientation)
            length = size.height() if portrait else size.width()
            self.setSizes([length * 3 // 5, length * 2 // 5])
