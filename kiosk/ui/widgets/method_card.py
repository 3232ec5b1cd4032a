"""A big payment choice: icon, name, a line of explanation. Horizontal in portrait (a list
of wide rows), vertical in landscape (three tall cards)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.widgets.common import label, vbox
from kiosk.ui.widgets.icons import icon_pixmap


class MethodCard(QPushButton):
    def __init__(self, name: str, icon_name: str, icon_colour: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", "method")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(36, 32, 36, 32)
        self.box.setSpacing(24)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon_pixmap(icon_name, 120, icon_colour))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.texts = QWidget()
        t = vbox(self.texts, spacing=6)
        self.title = label(f"{name}_title", "method-title")
        self.hint = label(f"{name}_hint", "muted", wrap=True)
        t.addWidget(self.title)
        t.addWidget(self.hint)
        self.box.addWidget(self.icon_label)
        self.box.addWidget(self.texts)
        for w in (self.icon_label, self.texts, self.title, self.hint):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_horizontal(False)

    def set_texts(self, title: str, hint: str) -> None:
        self.title.setText(title)
        self.setAccessibleName(title)
        self.hint.setText(hint)

    def set_horizontal(self, horizontal: bool) -> None:
        self.box.setDirection(
            QBoxLayout.Direction.LeftToRight if horizontal else QBoxLayout.Direction.TopToBottom
        )
        align = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignHCenter
        self.title.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.hint.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.box.setAlignment(self.texts, Qt.AlignmentFlag.AlignVCenter)
        self.box.setStretch(1, 1 if horizontal else 0)

    def sizeHint(self) -> QSize:
        return self.box.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.box.minimumSize()
