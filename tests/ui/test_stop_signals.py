"""``kiosk run`` leaves on Ctrl+C (SIGINT) and on SIGTERM as it does when the window is
closed: promptly, exit code 0, its shutdown run. It used to ignore Ctrl+C: Qt's loop
never let Python's signal handler run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.first_look import FILE_NAME


def _stops_cleanly(
    args: list[str], db_url: str, cwd: Path, started: Callable[[], bool], sig: signal.Signals
) -> None:
    """Start ``kiosk ARGS`` offscreen, wait until ``started()``, send ``sig``: it must end
    promptly with exit code 0 and no traceback."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATABASE_URL=db_url)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while not started() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        assert started(), "it never finished starting"
        time.sleep(0.5)  # well inside Qt's loop
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
@pytest.mark.parametrize("mode", [[], ["--kiosk"]], ids=["windowed", "kiosk-mode"])
def test_kiosk_run_leaves_on_ctrl_c_and_sigterm(
    sig: signal.Signals, mode: list[str], db_url: str, tmp_path: Path
) -> None:
    assert main(["--database-url", db_url, "db", "upgrade"]) == 0
    data = Path(os.environ["KIOSK_DATA_DIR"])
    ready = data / FILE_NAME  # written once the store is open and the screens are built
    ready.unlink(missing_ok=True)
    _stops_cleanly(["run", "--size", "800x600", *mode], db_url, tmp_path, ready.exists, sig)


@pytest.mark.parametrize(
    "command", [["admin"], ["board", "--windowed", "--size", "800x600"]], ids=["admin", "board"]
)
def test_the_admin_panel_and_the_board_leave_on_ctrl_c(
    command: list[str], db_url: str, tmp_path: Path
) -> None:
    """Both ignored Ctrl+C: Qt's loop never let Python's handler run."""
    assert main(["--database-url", db_url, "db", "upgrade"]) == 0
    log_file = Path(os.environ["KIOSK_LOG_DIR"]) / "kiosk.log"

    def running() -> bool:
        return log_file.exists() and "Ctrl+C or SIGTERM stops it" in log_file.read_text()

    _stops_cleanly(command, db_url, tmp_path, running, signal.SIGINT)
