"""The green bar above every step: store name, progress, language, start over."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QWidget

from kiosk.ui.i18n import pick
from kiosk.ui.widgets.common import button, hbox, label, set_state
from kiosk.ui.widgets.icons import icon_pixmap

STEPS = ("menu", "review", "member", "payment")


class LanguageToggle(QWidget):
    """Two pill buttons, TH and EN; ``language_chosen`` fires on a tap."""

    language_chosen = Signal(str)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = hbox(self, spacing=10)
        self.group = QButtonGroup(self)
        self.buttons = {}
        for lang, text in (("th", "ไทย"), ("en", "English")):
            b = button(f"{prefix}lang_{lang}", "lang")
            b.setText(text)
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, lg=lang: self.language_chosen.emit(lg))
            self.group.addButton(b)
            self.buttons[lang] = b
            lay.addWidget(b)

    def set_language(self, lang: str) -> None:
        self.buttons[lang].setChecked(True)


class Header(QFrame):
    language_chosen = Signal(str)
    start_over_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setProperty("role", "header")
        self.setMinimumHeight(112)
        lay = hbox(self, spacing=18)
        lay.setContentsMargins(28, 14, 28, 14)
        mark = QLabel()
        mark.setPixmap(icon_pixmap("leaf", 44, "saffron"))
        mark.setObjectName("header_mark")
        lay.addWidget(mark)
        self.store_label = label("header_store", "brand")
        lay.addWidget(self.store_label)
        lay.addStretch(1)
        self.steps: dict[str, QLabel] = {}
        self.steps_box = QWidget()
        steps_lay = hbox(self.steps_box, spacing=6)
        steps_lay.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        for i, step in enumerate(STEPS):
            lab = label(f"header_step_{step}", "step")
            steps_lay.addWidget(lab)
            self.steps[step] = lab
            if i < len(STEPS) - 1:
                dot = label("", "step")
                dot.setText("›")
                steps_lay.addWidget(dot)
        lay.addWidget(self.steps_box)
        lay.addStretch(1)
        self.start_over = button("header_start_over", "on-dark")
        self.start_over.clicked.connect(self.start_over_clicked)
        lay.addWidget(self.start_over)
        self.languages = LanguageToggle("header_")
        self.languages.language_chosen.connect(self.language_chosen)
        lay.addWidget(self.languages)
        self._store = ("", "")
        self._current = "menu"

    def set_store(self, name_th: str, name_en: str) -> None:
        self._store = (name_th, name_en)
        self.store_label.setText(pick(name_th, name_en))

    def set_step(self, step: str) -> None:
        self._current = step
        index = STEPS.index(step) if step in STEPS else len(STEPS)
        for i, (_name, lab) in enumerate(self.steps.items()):
            set_state(lab, "current" if i == index else ("done" if i < index else ""))

    def set_compact(self, compact: bool) -> None:
        """Portrait leaves no room for the steps next to the buttons."""
        self.steps_box.setVisible(not compact)

    def retranslate_ui(self) -> None:
        self.store_label.setText(pick(*self._store))
        names = {
            "menu": self.tr("1  Menu"),
            "review": self.tr("2  Review"),
            "member": self.tr("3  Points"),
            "payment": self.tr("4  Pay"),
        }
        for step, lab in self.steps.items():
            lab.setText(names[step])
        self.start_over.setText(self.tr("Start over"))


__all__ = ["Header", "LanguageToggle"]
