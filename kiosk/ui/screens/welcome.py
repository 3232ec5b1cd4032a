"""Welcome: touch to start, language, dine in or take away, then (when the shop asks for
it) the table or pager number on a big keypad."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.ui import theme
from kiosk.ui.i18n import pick
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.access import AccessToggles
from kiosk.ui.widgets.common import button, card, hbox, label, tile, vbox
from kiosk.ui.widgets.dish_image import DishPicture
from kiosk.ui.widgets.header import LanguageToggle
from kiosk.ui.widgets.icons import icon_pixmap
from kiosk.ui.widgets.keypad import NumericKeypad

STAGES = ("attract", "table")

#: the attract loop shows the next dishes this often while nobody is there
ATTRACT_MS = 3500

SHOWCASE = ("pad_thai.png", "green_curry.png", "mango_sticky_rice.png")


class WelcomeScreen(Screen):
    screen_name = "welcome"
    idle_watch = True  # a half-started welcome (mode choice, other language) resets quietly

    language_chosen = Signal(str)
    mode_chosen = Signal(str)
    #: the table or pager number typed ("" when the customer skipped it)
    table_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = ("", "")
        root = vbox(self, spacing=0)
        root.setContentsMargins(56, 40, 56, 56)

        top = hbox(spacing=16)
        mark = label("welcome_mark")
        mark.setPixmap(icon_pixmap("leaf", 52, "saffron"))
        top.addWidget(mark)
        self.store_small = label("welcome_store_small", "brand", wrap=True)
        top.addWidget(self.store_small)
        top.addStretch(1)
        self.languages = LanguageToggle("")
        self.languages.language_chosen.connect(self.language_chosen)
        top.addWidget(self.languages)
        self.access = AccessToggles("welcome_")
        top.addWidget(self.access)
        root.addLayout(top)

        self.stages = QStackedWidget()
        root.addWidget(self.stages, 1)

        # stage 1: the attract loop and the first tap. Dish pictures take turns while
        # nobody is there; "Eat here" / "Take away" start the order (one tap, not two)
        attract = QWidget()
        a = vbox(attract, spacing=20)
        self.attract_layout = a
        a.addStretch(2)
        self.greeting = label("welcome_greeting", "hero-sub", align=Qt.AlignmentFlag.AlignCenter)
        self.title = label("welcome_title", "welcome-title", True, Qt.AlignmentFlag.AlignCenter)
        a.addWidget(self.greeting)
        a.addWidget(self.title)
        a.addSpacing(12)
        self.pictures_row = hbox(spacing=28)
        self.pictures_row.addStretch(1)
        self.pictures: list[DishPicture] = []
        for name in SHOWCASE:
            pic = DishPicture(radius=120, ratio=1.0)
            pic.round_bottom = True
            pic.set_image(name)
            pic.setFixedSize(240, 240)
            self.pictures.append(pic)
            self.pictures_row.addWidget(pic)
        self.pictures_row.addStretch(1)
        a.addLayout(self.pictures_row)
        self.showcase: list[str] = list(SHOWCASE)
        self.showcase_turn = 0
        self.attract_timer = QTimer(self)
        self.attract_timer.setInterval(ATTRACT_MS)
        self.attract_timer.timeout.connect(self.next_pictures)
        a.addSpacing(12)
        self.mode_title = label("welcome_mode_title", "hero", True, Qt.AlignmentFlag.AlignCenter)
        a.addWidget(self.mode_title)
        self.modes_row = QWidget()
        self.modes_layout = hbox(self.modes_row, spacing=36)
        self.dine_in = tile("mode_dine_in", "mode", "dine_in", "green-800", 120)
        self.take_away = tile("mode_take_away", "mode", "take_away", "green-800", 120)
        for b, mode_value in ((self.dine_in, "dine_in"), (self.take_away, "take_away")):
            b.clicked.connect(lambda _=False, v=mode_value: self.mode_chosen.emit(v))
            self.modes_layout.addWidget(b)
        a.addWidget(self.modes_row, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hint = label("welcome_hint", "hero-sub", True, Qt.AlignmentFlag.AlignCenter)
        a.addWidget(self.hint)
        # the windowed demo (make run): no money moves, how to leave, the staff panel
        self.demo_note = label("welcome_demo_note", "on-dark", True, Qt.AlignmentFlag.AlignCenter)
        self.demo_note.hide()
        self.demo: tuple[int, str] | None = None
        a.addWidget(self.demo_note)
        a.addStretch(2)
        self.stages.addWidget(attract)

        # stage 3: the table or pager number (dine-in, when [kiosk] table_numbers asks)
        self.table_kind = "table"
        self.table_required = False
        table = QWidget()
        t = vbox(table, spacing=0)
        t.addStretch(1)
        # portrait: one column; landscape: the keypad beside the rest, for the height
        self.table_body = hbox(spacing=56)
        t.addLayout(self.table_body)
        t.addStretch(1)
        left = vbox(spacing=24)
        self.table_title = label("welcome_table_title", "hero", True, Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.table_title)
        self.table_hint = label("welcome_table_hint", "on-dark", True, Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.table_hint)
        shown = card("table_display", "panel")
        shown.setFixedWidth(480)
        d = vbox(shown, spacing=0)
        d.setContentsMargins(24, 12, 24, 12)
        self.table_number = label("table_number", "amount", align=Qt.AlignmentFlag.AlignCenter)
        self.table_number.setMinimumHeight(72)
        d.addWidget(self.table_number)
        left.addWidget(shown, 0, Qt.AlignmentFlag.AlignHCenter)
        self.table_pad = NumericKeypad("table_pad")
        self.table_pad.setFixedWidth(480)
        self.table_pad.digit_pressed.connect(self._on_table_digit)
        self.table_pad.backspace_pressed.connect(self._on_table_backspace)
        self.table_pad.clear_pressed.connect(lambda: self._set_table(""))
        row = hbox(spacing=24)
        row.addStretch(1)
        self.table_skip = button("table_skip", "on-dark")
        self.table_skip.setMinimumSize(QSize(220, 88))
        self.table_skip.clicked.connect(lambda: self.table_chosen.emit(""))
        row.addWidget(self.table_skip)
        self.table_ok = button("table_continue", "start")
        self.table_ok.setMinimumSize(QSize(320, 88))
        self.table_ok.clicked.connect(lambda: self.table_chosen.emit(self.table_number.text()))
        row.addWidget(self.table_ok)
        row.addStretch(1)
        self.table_back = button("table_back", "on-dark", "back", "on-dark", 32)
        self.table_back.clicked.connect(lambda: self.show_stage("attract"))
        self.table_left = left
        self.table_actions = QWidget()
        acts = vbox(self.table_actions, spacing=24)
        acts.setContentsMargins(0, 0, 0, 0)
        acts.addLayout(row)
        acts.addWidget(self.table_back, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addWidget(self.table_actions)
        self.table_body.addStretch(1)
        self.table_body.addLayout(left)
        self.table_body.addWidget(self.table_pad, 0, Qt.AlignmentFlag.AlignCenter)
        self.table_body.addStretch(1)
        self.stages.addWidget(table)
        self._set_table("")
        self.retranslate_ui()

    # -- view API -------------------------------------------------------------------------
    def set_store(self, name_th: str, name_en: str) -> None:
        self._store = (name_th, name_en)
        self.retranslate_ui()

    def set_demo(self, staff_number: int, pin: str) -> None:
        """Say on screen that this is the demo (``staff_number`` 0: no demo owner)."""
        self.demo = (staff_number, pin)
        self.retranslate_ui()
        self._size_tiles()

    def set_language(self, lang: str) -> None:
        self.languages.set_language(lang)

    def show_stage(self, stage: str) -> None:
        self.stages.setCurrentIndex(STAGES.index(stage) if stage in STAGES else 0)
        self._run_attract()

    def set_showcase(self, images: list[str]) -> None:
        """The dish pictures the attract loop takes turns with (the menu's, on sale)."""
        shown = [name for name in dict.fromkeys(images) if name]
        self.showcase = shown if len(shown) >= len(self.pictures) else list(SHOWCASE)
        self.showcase_turn = 0
        self._paint_showcase()

    def next_pictures(self) -> None:
        """One turn of the attract loop: each picture moves on to the next dish."""
        self.showcase_turn = (self.showcase_turn + 1) % len(self.showcase)
        self._paint_showcase()

    def _paint_showcase(self) -> None:
        n = len(self.showcase)
        for i, pic in enumerate(self.pictures):
            pic.set_image(self.showcase[(self.showcase_turn + i) % n])

    def _run_attract(self) -> None:
        """The loop runs only while its stage is on screen (no timer for a hidden kiosk)."""
        if self.isVisible() and self.stage == "attract":
            self.attract_timer.start()
        else:
            self.attract_timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._run_attract()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.attract_timer.stop()

    @property
    def stage(self) -> str:
        return STAGES[self.stages.currentIndex()]

    def ask_table(self, kind: str, required: bool) -> None:
        """Show the keypad for a table (``kind="table"``) or pager number."""
        self.table_kind = kind
        self.table_required = required
        self.table_skip.setVisible(not required)
        self._set_table("")
        self.retranslate_ui()
        self.show_stage("table")

    def _set_table(self, digits: str) -> None:
        self.table_number.setText(digits)
        self.table_ok.setEnabled(bool(digits.strip("0")))

    def _on_table_digit(self, digit: str) -> None:
        # imported here: Welcome is painted before the services' views are loaded
        from kiosk.services.views import TABLE_NUMBER_DIGITS

        current = self.table_number.text()
        if len(current) < TABLE_NUMBER_DIGITS and (current or digit != "0"):
            self._set_table(current + digit)

    def _on_table_backspace(self) -> None:
        self._set_table(self.table_number.text()[:-1])

    def set_portrait(self, portrait: bool) -> None:
        super().set_portrait(portrait)
        self.table_body.setDirection(
            self.table_body.Direction.TopToBottom
            if portrait
            else self.table_body.Direction.LeftToRight
        )
        # portrait: Continue under the keypad, where the thumb ends; landscape: beside it
        self.table_left.removeWidget(self.table_actions)
        self.table_body.removeWidget(self.table_actions)
        if portrait:  # after the keypad, before the closing stretch
            self.table_body.insertWidget(self.table_body.count() - 1, self.table_actions)
        else:
            self.table_left.addWidget(self.table_actions)
        # portrait: the tiles in the lower part, not 40 % empty decoration under them
        a = self.attract_layout
        a.setStretch(0, 3 if portrait else 2)
        a.setStretch(a.count() - 1, 1 if portrait else 2)
        self._size_tiles()

    def set_reach(self, reach: bool) -> None:
        super().set_reach(reach)
        self.reach = reach
        self._size_tiles()

    def reach_spares(self) -> list[QWidget]:
        return [self.hint]  # a note; the tiles say what to do

    def text_scale_changed(self) -> None:
        self._size_tiles()

    def _size_tiles(self) -> None:
        """Portrait: the tiles stacked low, where a thumb reaches; landscape: side by side
        under the pictures. Reach mode (the lower 1,200 px of a portrait screen) puts the
        tiles side by side and leaves the pictures out: the customer is already here."""
        reach = getattr(self, "reach", False) and self.portrait
        stacked = self.portrait and not reach
        self.modes_layout.setDirection(
            self.modes_layout.Direction.TopToBottom
            if stacked
            else self.modes_layout.Direction.LeftToRight
        )
        for b in (self.dine_in, self.take_away):
            if stacked:
                b.setMinimumSize(QSize(640, 240))
            elif reach:  # (large text: the words under the icon need up to ~290 px)
                b.ensurePolished()
                b.setMinimumSize(QSize(440, max(240, b.sizeHint().height())))
            else:
                b.setMinimumSize(QSize(440, 210))
        self.attract_layout.setSpacing(10 if reach else 20)
        size = 270 if self.portrait else 170
        # a landscape screen in large text, or with the demo's note (a portrait one with
        # both), has no height to spare for them: the tiles' words under their icons need it
        large, demo = theme.text_scale() > 1, self.demo is not None
        crowded = reach or (large and demo) or (not self.portrait and (large or demo))
        for pic in self.pictures:
            pic.radius = size / 2
            pic.setFixedSize(size, size)
            pic.setVisible(not crowded)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Soft rings and a saffron sun: warm, not busy."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), theme.color("green-900"))
        w, h = self.width(), self.height()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(theme.color("green-800"))
        p.drawEllipse(QPointF(w * 0.95, h * 0.08), w * 0.42, w * 0.42)
        p.setBrush(theme.color("green-950"))
        p.drawEllipse(QPointF(w * 0.02, h * 1.0), w * 0.5, w * 0.5)
        p.setBrush(theme.color("saffron", 40))
        p.drawEllipse(QPointF(w * 0.1, h * 0.18), w * 0.12, w * 0.12)
        pen = QPen(theme.color("saffron", 70), 3)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for i in range(3):
            r = w * (0.5 + i * 0.06)
            p.drawArc(QRectF(w * 0.5 - r, h * 1.05 - r, 2 * r, 2 * r), 30 * 16, 120 * 16)
        p.end()

    def retranslate_ui(self) -> None:
        self.store_small.setText(pick(*self._store))
        self.greeting.setText(self.tr("Welcome to"))
        self.title.setText(pick(*self._store) or self.tr("our kitchen"))
        self.hint.setText(
            self.tr("Touch to order. Pay here and collect points with your phone number.")
        )
        self.mode_title.setText(self.tr("Where will you eat today?"))
        if self.demo is not None:
            number, pin = self.demo
            text = self.tr("Demo: no money moves. Close the window to leave.")
            if number:
                staff = self.tr(
                    "Staff panel: tap the top-left corner five times, staff number %1, PIN %2."
                )
                # a wrapped line never leaves a number apart from its label
                staff = staff.replace(" %1", "\u00a0%1").replace(" %2", "\u00a0%2")
                text += " " + staff.replace("%1", str(number)).replace("%2", pin)
            self.demo_note.setText(text)
            self.demo_note.show()
        self.dine_in.setText(self.tr("Eat here"))
        self.take_away.setText(self.tr("Take away"))
        self.dine_in.setAccessibleName(self.tr("Eat here: start your order"))
        self.take_away.setAccessibleName(self.tr("Take away: start your order"))
        if self.table_kind == "pager":
            self.table_title.setText(self.tr("Your pager number"))
            self.table_hint.setText(
                self.tr(
                    "Type the number on the pager you were given. It buzzes when your food is ready."  # noqa: E501
                )
            )
        else:
            self.table_title.setText(self.tr("Your table number"))
            self.table_hint.setText(
                self.tr("Type the number on your table. We bring the food to you.")
            )
        self.table_ok.setText(self.tr("Continue"))
        self.table_skip.setText(self.tr("Skip"))
        self.table_back.setText(self.tr("Back"))
        self.table_pad.retranslate_ui()
        self.access.retranslate_ui()
