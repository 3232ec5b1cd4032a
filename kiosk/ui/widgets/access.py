"""Large text and reach mode: two toggles on every customer screen, one state for the
window.

- **Large text** multiplies every font-size token of the theme by 1.3 and re-applies the
  style sheet; layouts reflow (screens that size things by text refit, see
  :meth:`kiosk.ui.screens.base.Screen.text_scale_changed`).
- **Reach mode** (portrait) moves the whole customer area into the lower
  :data:`REACH_HEIGHT` pixels of the screen, for wheelchair users and children: nothing to
  tap above it.

Both are per customer: :meth:`Accessibility.reset` turns them off, and it runs whenever
the welcome screen comes back (the idle timeout, "Start over", the end of an order)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.common import button, hbox

REACH_HEIGHT = 1200


class AccessToggles(QWidget):
    """Two checkable buttons: larger text, reach mode. Named ``<prefix>large_text`` and
    ``<prefix>reach``."""

    large_text_toggled = Signal(bool)
    reach_toggled = Signal(bool)

    def __init__(self, prefix: str, on_dark: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}access")
        lay = hbox(self, spacing=10)
        role = "lang" if on_dark else "access-light"
        self.large = button(f"{prefix}large_text", role)
        self.large.setText("Aa")
        self.reach = button(f"{prefix}reach", role)
        self.reach.setText("⬇")
        for b, signal in ((self.large, self.large_text_toggled), (self.reach, self.reach_toggled)):
            b.setCheckable(True)
            b.toggled.connect(signal)
            lay.addWidget(b)
        self.retranslate_ui()

    def set_state(self, large: bool, reach: bool) -> None:
        for b, on in ((self.large, large), (self.reach, reach)):
            b.blockSignals(True)
            b.setChecked(on)
            b.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.large.setAccessibleName(self.tr("Larger text"))
        self.large.setToolTip(self.tr("Larger text"))
        self.reach.setAccessibleName(self.tr("Move everything lower on the screen"))
        self.reach.setToolTip(self.tr("Move everything lower on the screen"))


class Accessibility(QObject):
    """The window's large-text and reach state; every :class:`AccessToggles` under the
    window follows it and changes it."""

    changed = Signal(bool, bool)  # large text, reach

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.large_text = False
        self.reach = False
        self.toggles = window.findChildren(AccessToggles)
        for t in self.toggles:
            t.large_text_toggled.connect(self.set_large_text)
            t.reach_toggled.connect(self.set_reach)
        window.installEventFilter(self)
        stack = getattr(window, "stack", None)
        welcome = getattr(window, "welcome", None)
        if stack is not None and welcome is not None:
            stack.currentChanged.connect(
                lambda _i: stack.currentWidget() is welcome and self.reset()
            )

    def adopt(self, screens: Iterable[QWidget]) -> None:
        """Screens added to the window after it was built (``kiosk run`` adds all but
        Welcome after the first paint): their toggles follow the state, and they take
        the large text and reach already chosen."""
        for t in self.window.findChildren(AccessToggles):
            if t not in self.toggles:
                self.toggles.append(t)
                t.large_text_toggled.connect(self.set_large_text)
                t.reach_toggled.connect(self.set_reach)
        for screen in screens:
            if self.large_text and hasattr(screen, "text_scale_changed"):
                screen.text_scale_changed()
        if self.reach:
            self._apply_reach()
        self._sync()

    # -- state -------------------------------------------------------------------------------
    def set_large_text(self, on: bool) -> None:
        if on == self.large_text:
            self._sync()
            return
        self.large_text = on
        theme.set_text_scale(self.window, theme.LARGE_TEXT_SCALE if on else 1.0)
        for screen in getattr(self.window, "screens", {}).values():
            screen.text_scale_changed()
        header = getattr(self.window, "header", None)
        if header is not None:
            header.large = on
            header.set_compact(self.window.height() >= self.window.width())
        self._sync()

    def set_reach(self, on: bool) -> None:
        self.reach = on
        self._apply_reach()
        self._sync()

    def reset(self) -> None:
        """Both off: the next customer starts with the usual screen."""
        if self.large_text:
            self.set_large_text(False)
        if self.reach:
            self.set_reach(False)

    def _sync(self) -> None:
        for t in self.toggles:
            t.set_state(self.large_text, self.reach)
        self.changed.emit(self.large_text, self.reach)

    # -- reach -------------------------------------------------------------------------------
    def reach_active(self) -> bool:
        return (
            self.reach
            and self.window.height() > REACH_HEIGHT
            and (self.window.height() >= self.window.width())
        )

    def _apply_reach(self) -> None:
        root = self.window.centralWidget()
        if root is None or root.layout() is None:
            return
        top = self.window.height() - REACH_HEIGHT if self.reach_active() else 0
        root.layout().setContentsMargins(0, top, 0, 0)
        bottom = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        for overlay in ("sheet_overlay", "busy_overlay", "idle_overlay"):
            o = getattr(self.window, overlay, None)
            lay = o.layout() if o is not None else None
            if lay is not None:
                lay.setAlignment(bottom if top else Qt.AlignmentFlag.AlignCenter)
                if lay.count():
                    item = lay.itemAt(0)
                    item.setAlignment(bottom if top else Qt.AlignmentFlag.AlignCenter)
                lay.invalidate()
        options = getattr(self.window, "options", None)
        if options is not None and top:
            limit = REACH_HEIGHT - 80
            options.setMaximumHeight(limit)
            options.max_scroll_height = limit - 420
        for screen in getattr(self.window, "screens", {}).values():
            screen.set_reach(bool(top))
        header = getattr(self.window, "header", None)
        if header is not None:
            header.reach = bool(top)
            header.set_compact(self.window.height() >= self.window.width())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize and self.reach:
            self._apply_reach()
        return False


__all__ = ["REACH_HEIGHT", "AccessToggles", "Accessibility"]
