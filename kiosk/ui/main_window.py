"""The kiosk window: one full-screen stack of customer screens under a header, overlays
for options / busy / idle, kiosk mode, and the hidden staff gesture."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLayout,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from kiosk.ui import i18n
from kiosk.ui.screen_fit import fill_screen
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.widgets.access import Accessibility
from kiosk.ui.widgets.common import dialog_layout, label, vbox
from kiosk.ui.widgets.header import Header
from kiosk.ui.widgets.idle import IdlePanel, IdleWatcher
from kiosk.ui.widgets.overlay import Overlay

if TYPE_CHECKING:
    from kiosk.ui.screens.card import CardScreen
    from kiosk.ui.screens.error import ErrorScreen
    from kiosk.ui.screens.member import MemberScreen
    from kiosk.ui.screens.menu import MenuScreen
    from kiosk.ui.screens.payment import PaymentScreen
    from kiosk.ui.screens.promptpay import PromptPayScreen
    from kiosk.ui.screens.result import ResultScreen
    from kiosk.ui.screens.review import ReviewScreen
    from kiosk.ui.screens.signup import SignupScreen
    from kiosk.ui.widgets.options_sheet import OptionsSheet

log = logging.getLogger(__name__)

STAFF_TAPS = 5
STAFF_WINDOW_S = 3.0
CORNER = 110


class StaffCorner(QWidget):
    """An invisible square in the top-left corner: five taps within three seconds ask for
    staff access. Nothing a customer would find by accident."""

    tapped_five_times = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("staff_corner")
        self.setFixedSize(CORNER, CORNER)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.taps: list[float] = []
        self.clock: Callable[[], float] = time.monotonic

    def mousePressEvent(self, event: QMouseEvent) -> None:
        now = self.clock()
        self.taps = [t for t in self.taps if now - t <= STAFF_WINDOW_S] + [now]
        if len(self.taps) >= STAFF_TAPS:
            self.taps.clear()
            self.tapped_five_times.emit()
        event.accept()


TAP_GUARD_MS = 350
TAP_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
)


class TapGuard(QObject):
    """Swallows taps on the customer screens for a moment after the screen changed, so the
    second tap of a double tap never lands on whatever appeared under the finger."""

    def __init__(self, window: QWidget, ms: int = TAP_GUARD_MS) -> None:
        super().__init__(window)
        self.window = window
        self.ms = ms
        self.until = 0.0  # time.monotonic() at which the guard drops
        self.ignored = 0

    def arm(self) -> None:
        self.until = time.monotonic() + self.ms / 1000

    def disarm(self) -> None:
        self.until = 0.0

    def active(self) -> bool:
        return self.ms > 0 and time.monotonic() < self.until

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # every event of the application passes here: the guard's own clock first, which
        # costs no call into Qt (most of the time the guard is down)
        if (
            self.active()
            and event.type() in TAP_EVENTS
            and isinstance(obj, QWidget)
            and obj.window() is self.window
            and obj.objectName() != "staff_corner"
        ):
            self.ignored += 1
            return True
        return False


class BusyPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = dialog_layout(self, "busy_panel", 620, spacing=12, margins=(56, 48, 56, 48))
        self.text = label("busy_text", "title", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        self.sub = label("busy_sub", "muted", wrap=True, align=Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.text)
        lay.addWidget(self.sub)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text.setText(self.tr("Processing your payment…"))
        self.sub.setText(self.tr("This takes a few seconds. Please wait."))


class MainWindow(QMainWindow):
    """Holds the views; it knows nothing of what drives them, and reads no settings: it is
    handed plain values. The composition site (:func:`kiosk.ui.compose.open_kiosk`)
    builds the window, then the controller (:class:`kiosk.ui.flow.KioskFlow`) with the
    window handed in, then starts it.

    ``screens="welcome"`` builds the shell ``kiosk run`` paints first: the header,
    Welcome, the overlays, the staff corner. :meth:`build_screens` adds the other nine
    screens (and imports them) after that first paint; until then ``window.menu`` and the
    rest do not exist."""

    staff_access_requested = Signal()
    language_changed = Signal(str)
    #: the window is closing for good (close allowed): the controller stops its work
    closing = Signal()

    # the screens :meth:`build_screens` adds (the shell has only ``welcome``), and the
    # dish's options sheet (it imports the cart and the order rules)
    options: OptionsSheet
    menu: MenuScreen
    review: ReviewScreen
    member: MemberScreen
    signup: SignupScreen
    payment: PaymentScreen
    promptpay: PromptPayScreen
    card: CardScreen
    result: ResultScreen
    error: ErrorScreen

    def __init__(
        self,
        *,
        kiosk_mode: bool = False,
        language: str = "th",
        idle_timeout_ms: int = 60_000,
        tap_guard_ms: int | None = None,
        screens: str = "all",
    ) -> None:
        """``language``: the default language (Welcome comes back in it);
        ``idle_timeout_ms``: where the idle watcher starts (the controller sets it on
        every screen); ``tap_guard_ms``: how long taps on a screen that just appeared are
        ignored (``None``: :data:`TAP_GUARD_MS`); ``screens``: ``"all"``, or
        ``"welcome"`` for the shell (then :meth:`build_screens`)."""
        super().__init__()
        self.kiosk_mode = kiosk_mode
        self._close_allowed = not kiosk_mode
        self.setObjectName("kiosk_window")
        # the window's size is the screen's; never let content size push it around
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setWindowTitle("OrderUp Kiosk")
        root = QWidget()
        root.setObjectName("kiosk_root")
        root.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setCentralWidget(root)
        lay = vbox(root, spacing=0)
        self.header = Header()
        lay.addWidget(self.header)
        self.stack = QStackedWidget()
        self.stack.setObjectName("kiosk_stack")
        lay.addWidget(self.stack, 1)

        self.welcome = WelcomeScreen()
        self.screens: dict[str, Screen] = {}
        self._add_screens((self.welcome,))

        self.sheet_overlay = Overlay("sheet_overlay", root)
        self.busy_overlay = Overlay("busy_overlay", root)
        self.busy = BusyPanel(self.busy_overlay)
        self.idle_overlay = Overlay("idle_overlay", root)
        self.idle_panel = IdlePanel(self.idle_overlay)
        self.corner = StaffCorner(root)
        self.corner.tapped_five_times.connect(self.staff_access_requested)
        self.corner.raise_()

        # both watch every event of the application once the screens are built (nothing
        # runs the idle timer or arms the guard before): the shell's first paint does not
        # pass each of its events through two Python filters
        self.idle = IdleWatcher(idle_timeout_ms, self)
        guard_ms = TAP_GUARD_MS if tap_guard_ms is None else tap_guard_ms
        self.tap_guard = TapGuard(self, guard_ms)

        #: the controller driving this window (:class:`kiosk.ui.flow.KioskFlow`), set where
        #: the kiosk is put together (:func:`kiosk.ui.compose.open_kiosk`); never called here
        self.flow: Any = None
        self.access = Accessibility(self)  # large text, reach mode; reset on Welcome
        self._portrait: bool | None = None
        self.default_language = language
        self.set_language(self.default_language)
        self.resize(QSize(1080, 1920))
        self.show_screen(self.welcome.screen_name)  # Welcome has no header
        if screens == "all":
            self.build_screens()

    def build_screens(self) -> None:
        """Add the nine screens after Welcome (once; a second call does nothing). They
        take the window's language, orientation, large text and reach as they are now."""
        if "menu" in self.screens:
            return
        from kiosk.ui.screens.card import CardScreen
        from kiosk.ui.screens.error import ErrorScreen
        from kiosk.ui.screens.member import MemberScreen
        from kiosk.ui.screens.menu import MenuScreen
        from kiosk.ui.screens.payment import PaymentScreen
        from kiosk.ui.screens.promptpay import PromptPayScreen
        from kiosk.ui.screens.result import ResultScreen
        from kiosk.ui.screens.review import ReviewScreen
        from kiosk.ui.screens.signup import SignupScreen
        from kiosk.ui.widgets.options_sheet import OptionsSheet

        self.options = OptionsSheet(self.sheet_overlay)
        self.menu = MenuScreen()
        self.review = ReviewScreen()
        self.member = MemberScreen()
        self.signup = SignupScreen()
        self.payment = PaymentScreen()
        self.promptpay = PromptPayScreen()
        self.card = CardScreen()
        self.result = ResultScreen()
        self.error = ErrorScreen()
        added = (
            self.menu,
            self.review,
            self.member,
            self.signup,
            self.payment,
            self.promptpay,
            self.card,
            self.result,
            self.error,
        )
        self._add_screens(added)
        self.options.retranslate_ui()
        for screen in added:
            screen.retranslate_ui()
            if self._portrait is not None:
                screen.set_portrait(self._portrait)
        self._fit_options(self.size())
        self.access.adopt(added)
        self.corner.raise_()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.installEventFilter(self.tap_guard)

    def _add_screens(self, screens: tuple[Screen, ...]) -> None:
        for screen in screens:
            self.screens[screen.screen_name] = screen
            self.stack.addWidget(screen)

    # -- kiosk mode ----------------------------------------------------------------------------
    def enter_kiosk_mode(self) -> None:
        self.kiosk_mode = True
        self._close_allowed = False
        self.setWindowFlags(
            self.windowFlags()
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        fill_screen(self)

    def allow_close(self, allowed: bool = True) -> None:
        """Staff authorised leaving the kiosk (the admin panel calls this after the PIN)."""
        self._close_allowed = allowed

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_allowed:
            log.info("close request ignored: kiosk mode (use the staff gesture)")
            event.ignore()
            return
        self.closing.emit()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
            app.removeEventFilter(self.tap_guard)
        event.accept()

    # -- screens -------------------------------------------------------------------------------
    def show_screen(self, name: str) -> None:
        screen = self.screens[name]
        if self.stack.currentWidget() is not screen:
            self.tap_guard.arm()
        self.stack.setCurrentWidget(screen)
        self.header.setVisible(screen.step is not None)
        if screen.step is not None:
            self.header.set_step(screen.step)
            self.header.set_compact(bool(self._portrait))
        self.corner.raise_()

    def current_screen(self) -> str:
        w = self.stack.currentWidget()
        return w.screen_name if isinstance(w, Screen) else ""

    def set_language(self, lang: str) -> None:
        i18n.set_language(lang)
        self.welcome.set_language(lang)
        self.header.languages.set_language(lang)
        self.retranslate_ui()
        self.language_changed.emit(lang)

    def retranslate_ui(self) -> None:
        self.header.retranslate_ui()
        for screen in self.screens.values():
            screen.retranslate_ui()
        if "menu" in self.screens:
            self.options.retranslate_ui()
        self.busy.retranslate_ui()
        self.idle_panel.retranslate_ui()

    # -- orientation ---------------------------------------------------------------------------
    @property
    def portrait(self) -> bool:
        return bool(self._portrait)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = event.size().height() >= event.size().width()
        if portrait != self._portrait:
            self._portrait = portrait
            for screen in self.screens.values():
                screen.set_portrait(portrait)
            self.header.set_compact(portrait)
        self._fit_options(event.size())

    def _fit_options(self, size: QSize) -> None:
        if "menu" not in self.screens:
            return
        portrait = size.height() >= size.width()
        self.options.setMinimumWidth(940 if portrait else 1180)
        # large text in portrait: one column fewer, so a choice and its price stay whole
        self.options.columns, self.options.large_columns = (3, 2) if portrait else (4, 4)
        self.options.setMaximumHeight(int(size.height() * 0.92))
        self.options.max_scroll_height = int(size.height() * 0.92) - 420
