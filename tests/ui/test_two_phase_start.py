"""``kiosk run`` in two phases (kiosk.ui.launch): Welcome is a shell until its first paint,
then the store, the other screens and the controller are built. Taps meanwhile are not
lost, a store that cannot open closes the shell and is reported as before, and the names
the next start paints first are kept in the data folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Store
from kiosk.cli import EXIT_USER_ERROR, main
from kiosk.db.engine import SchemaError
from kiosk.first_look import FILE_NAME, FirstLook
from kiosk.ui.launch import HeldTaps, run_kiosk
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.access import AccessToggles


def _shell(qapp: QApplication) -> MainWindow:
    windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert len(windows) == 1
    return windows[0]


def _tap(widget: QWidget) -> None:
    """A real tap, posted: Qt delivers it when the event loop next runs."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        event = QMouseEvent(
            kind,
            centre,
            widget.mapToGlobal(centre),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton
            if kind == QEvent.Type.MouseButtonPress
            else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.postEvent(widget, event)


def _run_until(
    qapp: QApplication,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    during_build: Callable[[MainWindow], None],
    done: Callable[[MainWindow], bool],
    **kw: Any,
) -> dict[str, Any]:
    """run_kiosk with ``during_build`` called inside phase 2 (as the store opens, before
    the controller exists); the loop ends when ``done`` or after 10 s."""
    monkeypatch.setattr(store, "close", lambda: None)  # the fixture closes it
    seen: dict[str, Any] = {}

    def open_store() -> Store:
        window = _shell(qapp)
        seen["screens_at_open"] = sorted(window.screens)
        seen["flow_at_open"] = window.flow
        seen["header_at_open"] = window.header.isVisible()  # Welcome's first paint has none
        during_build(window)
        poll = QTimer(window)  # goes with the window, as does the time limit
        poll.setInterval(20)

        def check() -> None:
            if window.flow is not None and done(window):
                seen["screen"] = window.current_screen()
                seen["flow"] = window.flow
                poll.stop()
                qapp.quit()

        poll.timeout.connect(check)
        poll.start()
        QTimer.singleShot(10_000, window, qapp.quit)
        return store

    seen["code"] = run_kiosk(open_store, size="1080x1920", **kw)
    return seen


def test_the_shell_is_welcome_only_until_the_first_paint(
    qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _run_until(qapp, store, monkeypatch, lambda w: None, lambda w: True)
    assert seen["code"] == 0
    assert seen["screens_at_open"] == ["welcome"] and seen["flow_at_open"] is None
    assert seen["header_at_open"] is False
    assert seen["flow"] is not None and seen["screen"] == "welcome"


def test_a_tap_queued_while_the_rest_is_built_reaches_the_controller(
    qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The customer taps "Eat here" while the main thread builds the store and the
    screens: Qt delivers the tap afterwards, to the controller, which opens the menu."""
    seen = _run_until(
        qapp,
        store,
        monkeypatch,
        lambda w: _tap(w.welcome.dine_in),
        lambda w: w.current_screen() == "menu",
    )
    assert seen.get("screen") == "menu", seen
    assert seen["flow"].mode == "dine_in" and seen["flow"].items  # the menu is loaded


def test_a_tap_delivered_before_the_controller_listens_is_held_and_replayed(
    qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tap Qt hands to Welcome before the controller is connected (the button's signal
    fires with nobody listening yet) is held and given to the controller once it is."""

    def tap_now(window: MainWindow) -> None:
        window.welcome.take_away.click()  # emits mode_chosen right now, mid-build

    seen = _run_until(qapp, store, monkeypatch, tap_now, lambda w: w.current_screen() == "menu")
    assert seen.get("screen") == "menu", seen
    assert seen["flow"].mode == "take_away"


def test_held_taps_replay_in_order_and_only_once(qtbot: Any) -> None:
    window = MainWindow(screens="welcome")
    qtbot.addWidget(window)
    held = HeldTaps(window)
    got: list[tuple[str, str]] = []
    window.welcome.language_chosen.emit("en")
    window.welcome.mode_chosen.emit("take_away")
    assert len(held.held) == 2
    window.welcome.language_chosen.connect(lambda v: got.append(("lang", v)))
    window.welcome.mode_chosen.connect(lambda v: got.append(("mode", v)))
    held.release()
    assert got == [("lang", "en"), ("mode", "take_away")]
    window.welcome.mode_chosen.emit("dine_in")  # after release: straight through, not held
    assert got[-1] == ("mode", "dine_in") and held.held == []
    window.allow_close()
    window.close()


def test_a_store_that_fails_to_open_closes_the_shell_and_raises(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> Store:
        raise SchemaError("The database schema is at revision 0003 but this kiosk needs 0007.")

    with pytest.raises(SchemaError, match="0003"):
        run_kiosk(broken, size="800x600")
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_kiosk_run_on_an_unmigrated_database_says_so_and_exits_2(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    code = main(["--database-url", url, "--log-level", "ERROR", "run", "--size", "800x600"])
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR
    assert "kiosk db upgrade" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_kiosk_run_refuses_a_bad_setting_after_the_shell_with_the_usual_message(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shell reads the file without pydantic (a wrong type falls back to its default
    there); the full validation right after the first paint refuses it, as before."""
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text('[kiosk]\nlanguage = "fr"\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'k.db'}"
    code = main(["--config", str(cfg), "--database-url", url, "run", "--size", "800x600"])
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR
    assert "Invalid configuration" in err and "kiosk.language" in err and str(cfg) in err
    assert "Traceback" not in err


def test_a_file_that_is_not_toml_is_refused_before_any_window(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text("[kiosk\n", encoding="utf-8")
    before = len(qapp.topLevelWidgets())
    assert main(["--config", str(cfg), "run"]) == EXIT_USER_ERROR
    assert "not valid TOML" in capsys.readouterr().err
    assert len(qapp.topLevelWidgets()) == before


def test_the_names_shown_are_kept_for_the_next_first_paint(
    qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    store.settings.update({"store.name": "Baan Somtam"}, staff="test")
    remembered = tmp_path / FILE_NAME

    def renamed(window: MainWindow) -> bool:
        if not remembered.exists():
            return False
        if json.loads(remembered.read_text(encoding="utf-8"))["store_name"] == "Baan Somtam":
            store.settings.update({"store.name": "Baan Somtam 2"}, staff="test")
        return "Baan Somtam 2" in remembered.read_text(encoding="utf-8")

    look = FirstLook(store_name="Old name")
    seen = _run_until(qapp, store, monkeypatch, lambda w: None, renamed, look=look)
    assert seen.get("screen") == "welcome", seen
    kept = json.loads(remembered.read_text(encoding="utf-8"))
    assert kept["store_name"] == "Baan Somtam 2"
    assert kept["store_name_th"] == store.current_settings().store.name_th


def test_screens_built_later_take_the_large_text_chosen_on_the_shell(qtbot: Any) -> None:
    window = MainWindow(language="en", screens="welcome")
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    qtbot.waitExposed(window)
    window.welcome.access.large.click()
    assert window.access.large_text
    window.build_screens()
    assert len(window.screens) == 10
    toggles = window.findChildren(AccessToggles)
    assert len(toggles) > 1 and all(t.large.isChecked() for t in toggles)
    window.error.access.large.click()  # a later screen's toggle drives the same state
    assert not window.access.large_text and not window.welcome.access.large.isChecked()
    window.allow_close()
    window.close()
