"""Windows that fit the screen they open on.

``showFullScreen()`` alone asks the window manager to fill the screen; with no window
manager (a kiosk running X without one, Xvfb) nothing happens and the window keeps the
size it was built with: a 1080 × 1920 kiosk on a 1920 × 1080 screen, a 1280 × 800 staff
panel on a 1080-wide portrait kiosk, with "Touch to order", "Lock" and "Exit kiosk" off
the screen. These helpers set the geometry themselves, then ask for full screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def screen_of(window: QWidget, near: QWidget | None = None) -> QScreen | None:
    """The screen ``near`` (a parent window) is on, else the window's, else the primary."""
    for w in (near, window):
        if w is not None and w.screen() is not None:
            return w.screen()
    return QGuiApplication.primaryScreen()


def fill_screen(window: QWidget, near: QWidget | None = None) -> QRect:
    """Full screen on the screen of ``near`` (or the window's own): the geometry is set
    first, so the window fills the screen with or without a window manager."""
    screen = screen_of(window, near)
    if screen is None:
        window.showFullScreen()
        return window.geometry()
    geometry = screen.geometry()
    if window.windowHandle() is None:
        window.winId()  # a native window now, so it can be placed on that screen
    handle = window.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    # a minimum larger than the screen would keep the window (and its buttons) beyond it
    window.setMinimumSize(window.minimumSize().boundedTo(geometry.size()))
    window.setGeometry(geometry)
    window.showFullScreen()
    window.setGeometry(geometry)
    return geometry


def fit_size(wanted: QSize, window: QWidget, near: QWidget | None = None) -> QSize:
    """``wanted``, made no larger than the screen's free area (windowed mode)."""
    screen = screen_of(window, near)
    if screen is None:
        return wanted
    return wanted.boundedTo(screen.availableGeometry().size())


__all__ = ["fill_screen", "fit_size", "screen_of"]
