"""The green bar above every step: store name, progress, language, start over."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QWidget

from kiosk.ui.i18n import pick
from kiosk.ui.widgets.access import AccessToggles
from kiosk.ui.widgets.common import button, hbox, label, set_state, vbox
from kiosk.ui.widgets.icons import icon_pixmap

#: Review is optional (Checkout goes straight to points): it is part of the Menu step
STEPS = ("menu", "member", "payment")


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

    def set_compact(self, compact: bool) -> None:
        self.buttons["en"].setText("EN" if compact else "English")
        self.buttons["en"].setAccessibleName("English")


class Header(QFrame):
    language_chosen = Signal(str)
    start_over_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setProperty("role", "header")
        self.compact = False
        #: large text: the steps never fit beside the buttons, in either orientation
        self.large = False
        #: reach mode: every pixel of the lower screen for the controls, no step row
        self.reach = False
        outer = vbox(self, spacing=0)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QWidget()
        bar.setObjectName("header_bar")
        bar.setFixedHeight(112)  # the same on every screen and in both languages
        outer.addWidget(bar)
        lay = hbox(bar, spacing=18)
        self.bar_layout = lay
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
        # portrait: the steps get a row of their own under the buttons
        self.steps_row = QWidget()
        self.steps_row.setObjectName("header_steps_row")
        self.steps_row_layout = hbox(self.steps_row, spacing=0)
        self.steps_row_layout.setContentsMargins(28, 0, 28, 14)
        outer.addWidget(self.steps_row)
        self.steps_row.hide()
        self.start_over = button("header_start_over", "on-dark")
        self.start_over.clicked.connect(self.start_over_clicked)
        lay.addWidget(self.start_over)
        self.languages = LanguageToggle("header_")
        self.languages.language_chosen.connect(self.language_chosen)
        lay.addWidget(self.languages)
        self.access = AccessToggles("header_")
        lay.addWidget(self.access)
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

    def set_compact(self, portrait: bool) -> None:
        """Portrait leaves no room for the steps next to the buttons (a step bar under
        the header shows them), and English is "EN"; nor does large text."""
        compact = portrait or self.large
        if compact != self.compact:
            if compact:
                self.bar_layout.removeWidget(self.steps_box)
                self.steps_row_layout.addWidget(self.steps_box, 0, Qt.AlignmentFlag.AlignHCenter)
            else:
                self.steps_row_layout.removeWidget(self.steps_box)
                self.bar_layout.insertWidget(3, self.steps_box)
        self.compact = compact
        self.steps_row.setVisible(compact and not self.reach)
        # portrait: the leaf mark stays, Welcome names the store
        self.store_label.setVisible(not portrait)
        self.bar_layout.setSpacing(12 if portrait else 18)
        self.languages.set_compact(portrait)

    def retranslate_ui(self) -> None:
        self.store_label.setText(pick(*self._store))
        names = {
            "menu": self.tr("1  Menu"),
            "member": self.tr("2  Points"),
            "payment": self.tr("3  Pay"),
        }
        for step, lab in self.steps.items():
            lab.setText(names[step])
        self.start_over.setText(self.tr("Start over"))
        self.access.retranslate_ui()


__all__ = ["Header", "LanguageToggle"]
