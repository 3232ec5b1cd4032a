"""A start-up self-check of the Qt bindings: refuse to run on a build that leaks references.

PySide6 / shiboken6 6.12.0 drops one reference to the returned ``None`` (and ``True`` /
``False``) on calls such as ``QWidget.setAttribute``, ``setCursor`` and the
``QPushButton`` constructor. On CPython 3.11, where ``None`` is an ordinary object, the
count reaches zero after a few hundred orders and the interpreter aborts with
``Fatal Python error: none_dealloc``. On 3.12+ those objects are immortal and the leak is
harmless, so the check passes there. ``pyproject.toml`` excludes the known-bad releases;
this check catches a bad build that slips through (a pinned wheel, a distro package).
"""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

#: calls per probed API; a leak of one reference per call shows as a drop of this size.
PROBE_CALLS = 500


class BrokenBindings(RuntimeError):
    """The installed Qt bindings leak references to None/True/False."""


@dataclass(frozen=True)
class RefcountDrift:
    """How far the reference counts of the singletons moved over the probe."""

    none: int
    true: int
    false: int

    @property
    def leaks(self) -> bool:
        # a leak takes one reference per call; noise from the interpreter is a handful
        return min(self.none, self.true, self.false) < -(PROBE_CALLS // 2)


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def measure_drift(calls: int = PROBE_CALLS) -> RefcountDrift:
    """Call the APIs that leaked in 6.12.0 ``calls`` times each and report the drift of
    the reference counts of ``None``, ``True`` and ``False``. Needs a QApplication."""
    if QApplication.instance() is None:
        raise RuntimeError("measure_drift needs a QApplication")
    widget = QWidget()
    cursor = QCursor(Qt.CursorShape.PointingHandCursor)
    collecting = gc.isenabled()
    gc.disable()  # a collection freeing objects that hold None would look like a leak
    before = _counts()
    for _ in range(calls):
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        widget.setCursor(cursor)
        widget.setVisible(False)
        QPushButton("x", widget).deleteLater()
    after = _counts()
    if collecting:
        gc.enable()
    widget.deleteLater()
    return RefcountDrift(*(a - b for a, b in zip(after, before, strict=True)))


_checked = False


def check_bindings() -> None:
    """Raise :class:`BrokenBindings` with one paragraph when the bindings leak.

    Once per process: a leaking build leaks on every probe, so a drop is only believed
    when three probes in a row show it (another thread or a garbage collection can free
    objects that held ``None`` while a probe runs)."""
    global _checked
    if _checked:
        return
    drift = measure_drift()
    for _ in range(2):
        if not drift.leaks:
            break
        drift = measure_drift()
    if drift.leaks:
        raise BrokenBindings(
            f"The installed PySide6 {pyside_version} loses references to None/True/False "
            f"(None {drift.none:+d}, True {drift.true:+d}, False {drift.false:+d} over "
            f"{PROBE_CALLS} calls) and would crash the kiosk after a few hundred orders on "
            f"Python {sys.version_info.major}.{sys.version_info.minor}. Reinstall with the "
            "versions pyproject.toml allows (`pip install -e .` or `make run`), or use "
            "Python 3.12 or newer."
        )
    _checked = True
