"""The common frame of the admin panel's pages (Dashboard, Orders, Members, Menu,
Settings, Staff, Audit): a page header over the page's content, and the hooks the
window calls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.format import tr
from kiosk.ui.admin.widgets import PageHeader, Texts, debounced


class AdminPage(QWidget):
    """One page: ``header`` (a :class:`PageHeader`) at the top of ``page``, the layout the
    page adds its content to, and ``texts``. A page names its header in ``TITLE`` and
    ``SUBTITLE`` (``QT_TR_NOOP`` strings, shown in the panel's language); one that words
    them from its data leaves them None and sets them itself.

    The window calls :meth:`activate` when the page is chosen, :meth:`retranslate_ui`
    after a language switch and :meth:`close_screen` when staff sign out."""

    TITLE: str | None = None
    SUBTITLE: str | None = None
    SPACING = 12

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = Texts()
        self._timers: list[QTimer] = []
        self.page = QVBoxLayout(self)
        self.page.setContentsMargins(24, 20, 24, 20)
        self.page.setSpacing(self.SPACING)
        self.header = PageHeader("")
        for text, setter in (
            (self.TITLE, self.header.title.setText),
            (self.SUBTITLE, self.header.subtitle.setText),
        ):
            if text is not None:
                self.texts.bind(setter, lambda text=text: tr(text))
        self.page.addWidget(self.header)

    def debounced(self, ms: int, slot: Callable[[], object]) -> QTimer:
        """A :func:`kiosk.ui.admin.widgets.debounced` timer, stopped by :meth:`close_screen`."""
        timer = debounced(self, ms, slot)
        self._timers.append(timer)
        return timer

    def activate(self) -> None:
        """The page was chosen in the navigation: show the data as it is now."""
        self.reload()

    def reload(self) -> None:
        """Query again what the page shows."""

    def retranslate_ui(self) -> None:
        """The language changed: the fixed texts again (pages add what they word from data)."""
        self.texts.retranslate()

    def close_screen(self) -> None:
        """Staff signed out: no timer may fire on the closed page."""
        for timer in self._timers:
            timer.stop()
