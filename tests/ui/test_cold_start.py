"""Start-up order, seen from outside: a real ``kiosk run`` process paints Welcome before it
opens the store (SQLAlchemy, the models, the services, pydantic) and before it loads what
only later screens, printing or migrations need, and starts listening to other kiosks and
settles what a crash left only after that first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kiosk.cli import main

# modules a customer's first look at Welcome must not wait for
LATE = (
    "alembic",
    "mako",
    "pygments",
    "PIL",
    "escpos",
    "qrcode",
    "kiosk.ui.admin",
    # the store opens after the first paint (kiosk.ui.launch): no database, no services,
    # no pydantic models, no other screen
    "sqlalchemy",
    "kiosk.db",
    "kiosk.app",
    "kiosk.services",
    "kiosk.config",
    "pydantic",
    "kiosk.ui.compose",
    "kiosk.ui.flow",
    "kiosk.ui.screens.menu",
    "kiosk.ui.screens.payment",
    "kiosk.ui.widgets.options_sheet",
)

_CHILD = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

events = []
LATE = %r

def report():
    loaded = sorted(m for m in sys.modules if any(m == p or m.startswith(p + ".") for p in LATE))
    return loaded

def done():
    print(json.dumps({"events": events, "late_at_paint": state["late"]}), flush=True)
    os._exit(0)

def spy():
    # after the first paint's modules are counted: importing these here loads SQLAlchemy
    import kiosk.app
    import kiosk.services.payments as payments

    real = payments.PaymentService.reconcile

    def reconcile(self, *args, **kwargs):
        events.append("reconcile")
        result = real(self, *args, **kwargs)
        done()  # on recovery's worker thread: report and leave from here
        return result

    payments.PaymentService.reconcile = reconcile
    real_relay = kiosk.app.Store.start_event_relay

    def relay(self):
        events.append("relay")
        return real_relay(self)

    kiosk.app.Store.start_event_relay = relay

state = {"late": None}
app = QApplication(sys.argv[:1])

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and state["late"] is None and isinstance(obj, QWidget):
            w = obj
            while w is not None and type(w).__module__ != "kiosk.ui.screens.welcome":
                w = w.parentWidget()
            if w is not None:
                events.append("paint")
                state["late"] = report()
                spy()
        return False

painted = Painted()
app.installEventFilter(painted)
QTimer.singleShot(30_000, lambda: os._exit(3))
from kiosk.cli import main
main(["run", "--size", "1080x1920"])
os._exit(2)
"""


def test_welcome_paints_before_late_modules_and_recovery(db_url: str, tmp_path: Path) -> None:
    assert main(["--database-url", db_url, "db", "upgrade"]) == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATABASE_URL=db_url)
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD % (LATE,)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["events"][:3] == ["paint", "relay", "reconcile"], seen
    assert seen["events"].count("reconcile") == 1, seen  # not once in the store and again
    assert seen["late_at_paint"] == [], seen
