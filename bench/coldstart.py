"""Cold start: process start → the Welcome screen painted (offscreen), against a bare
PySide6 process that shows one QLabel and paints it.

Each child is a fresh ``python`` process; the parent times from just before it starts to
its exit, and the child exits (``os._exit``) as soon as the first paint has been handled.
The kiosk child runs ``kiosk run`` (the real CLI path: the settings' sources, the Welcome
shell; the store and the other screens come after the first paint) with an event filter,
installed on a QApplication made first, that waits for a paint of the Welcome screen.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import kiosk
from bench.common import interleaved

_FILTER = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])

def _welcome(obj):
    w = obj
    while w is not None:
        if type(w).__module__ == MODULE:
            return True
        w = w.parentWidget() if isinstance(w, QWidget) else None
    return False

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and _welcome(obj):
            QTimer.singleShot(0, lambda: os._exit(0))
        return False

_painted = Painted()
app.installEventFilter(_painted)
QTimer.singleShot(60_000, lambda: os._exit(3))
"""

KIOSK_CHILD = (
    'MODULE = "kiosk.ui.screens.welcome"\n'
    + _FILTER
    + "from kiosk.cli import main\nmain(['run', '--size', '1080x1920'])\nos._exit(2)\n"
)
BARE_CHILD = (
    'MODULE = "PySide6.QtWidgets"\n' + _FILTER + "from PySide6.QtWidgets import QLabel\n"
    "label = QLabel('OrderUp Kiosk')\nlabel.resize(1080, 1920)\nlabel.show()\n"
    "app.exec()\nos._exit(2)\n"
)


STAGES_CHILD = (
    'MODULE = "kiosk.ui.screens.welcome"\n'
    + _FILTER.replace("QTimer.singleShot(0, lambda: os._exit(0))", "_painted_now()")
    + r"""
import json, time
t0 = time.perf_counter()
marks = {}
def mark(name):
    marks.setdefault(name, round((time.perf_counter() - t0) * 1000))
def _painted_now():
    mark("painted")
mark("qapplication")
import kiosk.cli, kiosk.ui.launch
mark("shell imports")
real_rest = kiosk.ui.launch._build_the_rest
def build_the_rest(kiosk_, open_store, window):
    mark("phase 2 started")
    def opened():
        store = open_store()
        mark("store built")
        return store
    real_rest(kiosk_, opened, window)
    mark("rest built")
    print(json.dumps(marks), flush=True)
    os._exit(0)
kiosk.ui.launch._build_the_rest = build_the_rest
kiosk.cli.main(['run', '--size', '1080x1920'])
os._exit(2)
"""
)


def stages(env: dict[str, str], rounds: int = 3) -> dict[str, float]:
    """Where the kiosk's start-up goes: milliseconds from the QApplication (made first) to
    the shell's imports done and Welcome painted (phase 1), then to the store built and
    the rest of the kiosk built after the first paint (phase 2); medians of ``rounds``."""
    import json
    import statistics

    runs = []
    for _ in range(rounds):
        proc = subprocess.run(
            [sys.executable, "-c", STAGES_CHILD],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if proc.returncode == 0 and proc.stdout.strip():
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    if not runs:
        return {}
    return {name: statistics.median(r[name] for r in runs if name in r) for name in runs[0]}


def _child(code: str, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"cold-start child exited {proc.returncode}: {proc.stderr[-2000:]}")
    return elapsed


def run(db_path: str, folder: str, rounds: int) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KIOSK_DATABASE_URL=f"sqlite:///{db_path}",
        KIOSK_LOG_DIR=os.path.join(folder, "logs"),
        KIOSK_DATA_DIR=os.path.join(folder, "data"),
        KIOSK_CONFIG="",
    )
    # A fresh clone has no byte code yet: compile it first, so round one is not an outlier
    # that measures the compiler (an installed kiosk ships compiled).
    compileall.compile_dir(str(Path(kiosk.__file__).parent), quiet=1)
    s, b, sr, br = interleaved(
        lambda: _child(KIOSK_CHILD, env), lambda: _child(BARE_CHILD, env), rounds
    )
    # Where the first paint's time goes: the import time of the shell's biggest modules
    # (kiosk.app, the store, loads after the first paint).
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import kiosk.cli, kiosk.ui.launch"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    imports: list[tuple[int, str]] = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].rstrip()
            depth = (len(name) - len(name.lstrip())) // 2
            if depth <= 1:
                imports.append((int(parts[1]), name.strip()))
    imports.sort(reverse=True)
    return {
        "stages_ms": stages(env),
        "subject": s,
        "baseline": b,
        "subject_rounds": sr,
        "baseline_rounds": br,
        "imports_ms": [(n, us / 1000) for us, n in imports[:8]],
    }
