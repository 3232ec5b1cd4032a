"""``kiosk board``: a full-screen window for a TV that shows Preparing / Ready."""

from __future__ import annotations

import logging
import math
import struct
import wave
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import QSize, QUrl
from PySide6.QtWidgets import QApplication

from kiosk.config import APP_NAME
from kiosk.ui.board.controller import BoardController
from kiosk.ui.board.view import BoardView

if TYPE_CHECKING:
    from kiosk.app import Store

log = logging.getLogger(__name__)


def chime_wav(path: Path) -> Path:
    """A soft two-note chime (E6 then C6, 0.6 s), written once as a WAV file."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rate = 22050
    frames = bytearray()
    for freq, start, length in ((1318.5, 0.0, 0.35), (1046.5, 0.25, 0.45)):
        del start
        for i in range(int(rate * length)):
            t = i / rate
            envelope = math.exp(-5 * t)
            frames += struct.pack("<h", int(12000 * envelope * math.sin(2 * math.pi * freq * t)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


def make_chime(parent: Any) -> Callable[[], None]:
    """Play the chime through Qt Multimedia; a plain beep where that is missing."""
    try:
        from PySide6.QtMultimedia import QSoundEffect

        effect = QSoundEffect(parent)
        effect.setSource(
            QUrl.fromLocalFile(
                str(chime_wav(Path(platformdirs.user_cache_dir(APP_NAME)) / "chime.wav"))
            )
        )
        effect.setVolume(0.8)
        return effect.play
    except Exception:
        log.warning("no sound output for the board's chime; using a beep")
        return QApplication.beep


def build_board(
    store: Store, chime: Callable[[], None] | None = None, refresh_ms: int = 5000
) -> tuple[BoardView, BoardController]:
    view = BoardView(store.current_settings().store.name_th)
    controller = BoardController(
        store, view, chime=chime or make_chime(view), refresh_ms=refresh_ms
    )
    return view, controller


def run_board(store: Store, windowed: bool = False, size: QSize | None = None) -> int:
    from kiosk.ui.launch import application
    from kiosk.ui.stop_signals import quit_on_signals

    app = application()
    store.start_event_relay()  # LISTEN/NOTIFY or SQLite data_version: other processes
    view, controller = build_board(store)
    view.setWindowTitle("OrderUp: order board")
    controller.start()
    if windowed:
        orientation = store.current_settings().board.orientation
        view.resize(size or (QSize(1080, 1920) if orientation == "portrait" else QSize(1920, 1080)))
        view.show()
    else:
        view.showFullScreen()
    restore_signals = quit_on_signals(app, view)
    try:
        return int(app.exec())
    finally:
        restore_signals()
        controller.stop()
        store.close()


__all__ = ["build_board", "chime_wav", "run_board"]
