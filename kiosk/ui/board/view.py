"""The order-ready board's widgets: two columns of big order numbers for a TV.

A view only: it shows what :meth:`BoardView.show_snapshot` is given and never talks to a
service (``kiosk.ui.board.controller`` does). The headings are bilingual on purpose: the
board speaks to every customer in the room at once, in Thai and English together.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.board import BoardEntry, BoardSnapshot
from kiosk.ui.board import qss
from kiosk.ui.theme import restyle
from kiosk.ui.widgets.common import take_at

PREPARING = "กำลังเตรียม  ·  Preparing"
READY = "พร้อมรับ  ·  Ready"
OFFLINE = "กำลังเชื่อมต่อใหม่…  ·  Reconnecting…"


class Column(QFrame):
    """One column: a heading and a grid of numbers."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"board_{name}")
        self.name = name
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 24, 24, 24)
        lay.setSpacing(16)
        self.title = QLabel(title)
        self.title.setObjectName(f"board_{name}_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.title)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(18)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.grid_host, 1)
        self.more = QLabel("")
        self.more.setObjectName(f"board_{name}_more")
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.more)
        self.labels: dict[str, QLabel] = {}

    def show_entries(
        self, entries: tuple[BoardEntry, ...], fresh: set[str], columns: int, rows: int, px: int
    ) -> None:
        while self.grid.count():
            widget = take_at(self.grid, 0)
            if widget is not None:
                widget.deleteLater()
        self.labels = {}
        room = columns * rows
        for i, entry in enumerate(entries[:room]):
            label = QLabel(entry.number)
            label.setObjectName(f"board_number_{entry.number}")
            label.setProperty("role", "number")
            label.setProperty("state", "fresh" if entry.number in fresh else "normal")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # Equal cells that never force the window wider than the screen.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            # The size follows the screen, so it cannot live in the style sheet's tokens.
            label.setStyleSheet(f"font-size: {px}px; font-weight: 800;")
            label.setFixedHeight(int(px * 1.3))
            self.grid.addWidget(label, i // columns, i % columns)
            self.labels[entry.number] = label
            restyle(label)
        hidden = len(entries) - room
        self.more.setText(f"+{hidden}" if hidden > 0 else "")


class BoardView(QWidget):
    """The whole board. Portrait puts Ready on top (people look there first)."""

    def __init__(self, store_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("order_board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(qss())
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 32)
        root.setSpacing(20)
        self.header = QLabel(store_name)
        self.header.setObjectName("board_header")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.header)
        self.offline = QLabel(OFFLINE)
        self.offline.setObjectName("board_offline")
        self.offline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.offline.hide()
        root.addWidget(self.offline)
        self.body = QWidget()
        root.addWidget(self.body, 1)
        self.preparing = Column("preparing", PREPARING)
        self.ready = Column("ready", READY)
        self._layout_for(portrait=False)
        self._snapshot: BoardSnapshot | None = None
        self._fresh: set[str] = set()

    @property
    def portrait(self) -> bool:
        return self.height() > self.width()

    def _layout_for(self, portrait: bool) -> None:
        old = self.body.layout()
        if old is not None:
            old.removeWidget(self.ready)
            old.removeWidget(self.preparing)
            QWidget().setLayout(old)  # drop the old layout
        lay = QVBoxLayout(self.body) if portrait else QHBoxLayout(self.body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(28)
        if portrait:
            lay.addWidget(self.ready, 3)
            lay.addWidget(self.preparing, 2)
        else:
            lay.addWidget(self.preparing, 1)
            lay.addWidget(self.ready, 1)
        self._portrait = portrait

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.portrait != getattr(self, "_portrait", None):
            self._layout_for(self.portrait)
        self._paint()

    def show_snapshot(self, snapshot: BoardSnapshot, fresh: set[str]) -> None:
        self._snapshot = snapshot
        self._fresh = set(fresh)
        self._paint()

    def set_offline(self, offline: bool) -> None:
        self.offline.setVisible(offline)

    def numbers(self, column: str) -> list[str]:
        """What a column shows now, in order (tests and tools read this)."""
        col = self.ready if column == "ready" else self.preparing
        return list(col.labels)

    def _paint(self) -> None:
        if self._snapshot is None:
            return
        # Ready numbers: about a tenth of the screen's short side, readable from 5 m on a
        # TV (a 1080-line screen gives glyphs about 12 cm tall on a 50-inch set).
        short = max(1, min(self.width(), self.height()))
        column = self.width() - 112 if self.portrait else (self.width() - 92) // 2 - 48
        ready_cols, ready_rows, prep_cols, prep_rows = (
            (2, 3, 3, 4) if self.portrait else (2, 4, 3, 5)
        )

        def size(limit: int, cols: int) -> int:
            # "A042" in bold is about 2.7 em wide: never wider than its cell.
            return max(36, min(limit, int(column / cols / 2.7)))

        ready_px = size(short // 7, ready_cols)
        prep_px = size(short // 11, prep_cols)
        self.ready.show_entries(self._snapshot.ready, self._fresh, ready_cols, ready_rows, ready_px)
        self.preparing.show_entries(self._snapshot.preparing, set(), prep_cols, prep_rows, prep_px)


__all__ = ["BoardView"]
