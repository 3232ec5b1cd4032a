"""Large on-screen keypads: digits for phone and card numbers, letters for names."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from kiosk.ui.widgets.common import button, hbox, vbox


class NumericKeypad(QWidget):
    """1-9, clear, 0, backspace. Keys are named ``<name>_key_<digit>``, ``<name>_back``,
    ``<name>_clear``."""

    digit_pressed = Signal(str)
    backspace_pressed = Signal()
    clear_pressed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(14)
        self.keys: dict[str, QPushButton] = {}
        for i, d in enumerate("123456789"):
            self._add(grid, d, i // 3, i % 3)
        self.clear_button = button(f"{name}_clear", "key-fn")
        self.clear_button.clicked.connect(self.clear_pressed)
        grid.addWidget(self.clear_button, 3, 0)
        self._add(grid, "0", 3, 1)
        self.back_button = button(f"{name}_back", "key-fn", "backspace", "ink", 40)
        self.back_button.clicked.connect(self.backspace_pressed)
        grid.addWidget(self.back_button, 3, 2)
        for b in (self.clear_button, self.back_button, *self.keys.values()):
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            b.setMinimumSize(QSize(96, 84))
        self.retranslate_ui()

    def _add(self, grid: QGridLayout, digit: str, row: int, col: int) -> None:
        b = button(f"{self.objectName()}_key_{digit}", "key")
        b.setText(digit)
        b.clicked.connect(lambda _=False, d=digit: self.digit_pressed.emit(d))
        self.keys[digit] = b
        grid.addWidget(b, row, col)

    def press(self, digits: str) -> None:
        """Type ``digits`` as if tapped (screenshots and demos)."""
        for d in digits:
            if d in self.keys:
                self.keys[d].click()

    def retranslate_ui(self) -> None:
        self.clear_button.setText(self.tr("Clear"))
        self.back_button.setAccessibleName(self.tr("Delete the last digit"))


# Thai Kedmanee layout, letters and vowels only (what a name needs).
THAI_ROWS = [
    ["ๅ", "ภ", "ถ", "ุ", "ึ", "ค", "ต", "จ", "ข", "ช"],
    ["ๆ", "ไ", "ำ", "พ", "ะ", "ั", "ี", "ร", "น", "ย", "บ", "ล"],
    ["ฟ", "ห", "ก", "ด", "เ", "้", "่", "า", "ส", "ว", "ง"],
    ["ผ", "ป", "แ", "อ", "ิ", "ื", "ท", "ม", "ใ", "ฝ"],
]
THAI_SHIFT_ROWS = [
    ["ู", "฿", "ฎ", "ฑ", "ธ", "ํ", "๊", "ณ", "ฯ", "ญ", "ฐ"],
    ["ฅ", "ฤ", "ฆ", "ฏ", "โ", "ฌ", "็", "๋", "ษ", "ศ", "ซ"],
    ["ฉ", "ฮ", "ฺ", "์", "ฒ", "ฬ", "ฦ", "ฃ", "ฌ"],
]
LATIN_ROWS = [list("QWERTYUIOP"), list("ASDFGHJKL"), list("ZXCVBNM")]
COMBINING = set("ัิีึืฺุู็่้๊๋์ํำ")


def key_name(pad: str, ch: str) -> str:
    return f"{pad}_key_{ch.lower()}" if ch.isascii() else f"{pad}_key_u{ord(ch):04x}"


class LetterPad(QWidget):
    """A touch keyboard for names: Thai (Kedmanee, with a shift page) or English letters."""

    text_typed = Signal(str)
    backspace_pressed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.layout_lang = "en"
        self.shifted = False
        self.compact = False
        self._rows = vbox(self, spacing=10)
        self._keys_host = QWidget()
        self._keys_layout = vbox(self._keys_host, spacing=10)
        self._rows.addWidget(self._keys_host)
        bottom = hbox(spacing=10)
        self.lang_button = button(f"{name}_layout", "key-fn")
        self.lang_button.clicked.connect(self._on_lang_button_clicked)
        self.shift_button = button(f"{name}_shift", "key-fn")
        self.shift_button.setCheckable(True)
        self.shift_button.toggled.connect(self._on_shift_button_toggled)
        self.space_button = button(f"{name}_space", "key")
        self.space_button.clicked.connect(lambda: self.text_typed.emit(" "))
        self.back_button = button(f"{name}_back", "key-fn", "backspace", "ink", 40)
        self.back_button.clicked.connect(self.backspace_pressed)
        for b, stretch in (
            (self.lang_button, 2),
            (self.shift_button, 2),
            (self.space_button, 5),
            (self.back_button, 2),
        ):
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            bottom.addWidget(b, stretch)
        self._rows.addLayout(bottom)
        self.keys: dict[str, QPushButton] = {}
        self._build()
        self.retranslate_ui()

    def set_layout_language(self, lang: str) -> None:
        if lang != self.layout_lang:
            self.layout_lang = lang
            self.shifted = False
            self.shift_button.blockSignals(True)
            self.shift_button.setChecked(False)
            self.shift_button.blockSignals(False)
            self._build()
            self.retranslate_ui()

    def set_compact(self, compact: bool) -> None:
        """Reach mode: rows of 64-px keys (the touch-target minimum)."""
        if compact != self.compact:
            self.compact = compact
            self._build()
            self.retranslate_ui()

    def _on_lang_button_clicked(self) -> None:
        self.set_layout_language("en" if self.layout_lang == "th" else "th")

    def _on_shift_button_toggled(self, on: bool) -> None:
        self.shifted = on
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        from kiosk.ui.widgets.common import clear_layout

        clear_layout(self._keys_layout)
        self.keys = {}
        if self.layout_lang == "th":
            rows = THAI_SHIFT_ROWS if self.shifted else THAI_ROWS
        else:
            rows = LATIN_ROWS
        for row in rows:
            line = hbox(spacing=8)
            line.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            for ch in row:
                shown = ch
                if self.layout_lang == "en":
                    shown = ch if self.shifted else ch.lower()
                b = button(key_name(self.objectName(), shown), "key")
                b.setText("◌" + shown if shown in COMBINING else shown)
                b.setAccessibleName(shown)
                b.setMinimumSize(QSize(64, 64 if self.compact else 76))
                if self.compact:
                    b.setProperty("compact", "true")
                b.setMaximumWidth(110)
                b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                b.clicked.connect(lambda _=False, c=shown: self._type(c))
                self.keys[shown] = b
                line.addWidget(b)
            self._keys_layout.addLayout(line)

    def _type(self, ch: str) -> None:
        self.text_typed.emit(ch)
        if self.layout_lang == "en" and self.shifted:
            self.shift_button.setChecked(False)

    def type_text(self, text: str) -> None:
        """Emit ``text`` as if typed (screenshots and tests)."""
        for ch in text:
            self.text_typed.emit(ch)

    def retranslate_ui(self) -> None:
        self.lang_button.setText("ABC" if self.layout_lang == "th" else "ไทย")
        if self.layout_lang == "th":
            self.shift_button.setText("กขค" if self.shifted else "ฎฑธ")
        else:
            self.shift_button.setText("Aa")
        self.space_button.setText(self.tr("space"))
        self.back_button.setAccessibleName(self.tr("Delete the last letter"))
