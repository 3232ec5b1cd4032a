"""Run in a child process on a virtual screen: open the kiosk (and the staff panel) in
kiosk mode the way ``kiosk run --kiosk`` does and print their geometry as JSON."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from kiosk.config import load_settings
    from kiosk.ui.compose import open_kiosk
    from kiosk.ui.flow import Timing
    from kiosk.ui.launch import application
    from kiosk.ui.screenshots import demo_store

    app = application()
    store = demo_store(load_settings(), Path(tempfile.mkdtemp(prefix="kiosk-fill-")))
    window = open_kiosk(store, kiosk_mode=True, timing=Timing(idle_ms=10**9))
    window.enter_kiosk_mode()

    def settle(seconds: float = 1.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    settle()
    screen = window.screen().geometry()
    out: dict[str, object] = {
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "kiosk": [window.x(), window.y(), window.width(), window.height()],
        "portrait": window.portrait,
    }
    start = window.welcome.dine_in
    top_left = start.mapToGlobal(start.rect().topLeft())
    out["start_button"] = [top_left.x(), top_left.y(), start.width(), start.height()]

    from kiosk.ui.admin.app import AdminSession
    from kiosk.ui.admin.screenshots import _owner

    session = AdminSession(store, kiosk_mode=True, parent_widget=window)
    admin = session.open_window(_owner(store, True))
    settle()
    out["admin"] = [admin.x(), admin.y(), admin.width(), admin.height()]
    for name in ("LogoutButton", "ExitKioskButton"):
        from PySide6.QtWidgets import QWidget

        b = admin.findChild(QWidget, name)
        p = b.mapToGlobal(b.rect().topLeft())
        out[name] = [p.x(), p.y(), b.width(), b.height(), b.isVisible()]
    print(json.dumps(out))
    sys.stdout.flush()
    admin.discard()
    window.allow_close()
    window.close()
    store.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
