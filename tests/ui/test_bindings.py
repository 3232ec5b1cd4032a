"""The Qt bindings must not leak references to None/True/False (PySide6 6.12.0 did, and
the kiosk aborted with ``none_dealloc`` after about 100 orders on Python 3.11)."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk import cli
from kiosk.ui import bindings

CALLS = 20_000


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


@pytest.mark.parametrize(
    "call",
    [
        lambda w, c: w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents),
        lambda w, c: w.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False),
        lambda w, c: w.setCursor(c),
        lambda w, c: w.setVisible(False),
        lambda w, c: w.setEnabled(True),
    ],
    ids=["setAttribute", "setAttribute-False", "setCursor", "setVisible", "setEnabled"],
)
def test_many_calls_leave_singleton_refcounts_unchanged(qapp: QApplication, call) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    cursor = QCursor(Qt.CursorShape.PointingHandCursor)
    for _ in range(100):  # warm caches first
        call(widget, cursor)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    before = _counts()
    for _ in range(CALLS):
        call(widget, cursor)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    after = _counts()
    drift = [a - b for a, b in zip(after, before, strict=True)]
    # one lost reference per call would show as -20,000; interpreter noise is a handful
    assert all(abs(d) < 100 for d in drift), f"None/True/False drifted by {drift}"


def test_button_constructor_never_drops_singleton_refcounts(qapp: QApplication) -> None:
    """6.12.0 lost a reference to None per ``QPushButton(...)``; 6.11.3 adds one instead
    (a harmless over-count: None only dies when its count reaches zero), so here only a
    drop fails."""
    widget = QWidget()
    # what earlier tests left to delete goes first: its releases are not this loop's
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    before = _counts()
    for _ in range(CALLS):
        QPushButton("x", widget).deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    drift = [a - b for a, b in zip(_counts(), before, strict=True)]
    assert min(drift) > -100, f"None/True/False lost references: {drift}"
    assert widget.findChildren(QPushButton) == []


def test_self_check_passes_on_these_bindings(qapp: QApplication, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    drift = bindings.measure_drift()
    assert not drift.leaks, drift
    monkeypatch.setattr(bindings, "_checked", False)
    bindings.check_bindings()


def test_self_check_refuses_leaking_bindings(qapp: QApplication, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bindings, "measure_drift", lambda: bindings.RefcountDrift(-500, 0, 0))
    monkeypatch.setattr(bindings, "_checked", False)
    with pytest.raises(bindings.BrokenBindings) as info:
        bindings.check_bindings()
    text = str(info.value)
    assert "None -500" in text and "pyproject.toml" in text and "\n" not in text


def test_kiosk_run_refuses_leaking_bindings_in_one_paragraph(
    qapp: QApplication, monkeypatch, tmp_path, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bindings, "measure_drift", lambda: bindings.RefcountDrift(-500, -3, 0))
    monkeypatch.setattr(bindings, "_checked", False)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert cli.main(["--database-url", url, "db", "upgrade"]) == 0
    code = cli.main(["--database-url", url, "--log-level", "ERROR", "run", "--windowed"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USER_ERROR
    assert "loses references to None/True/False" in err
    assert "Traceback" not in err
