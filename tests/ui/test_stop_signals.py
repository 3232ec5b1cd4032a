"""``kiosk run`` leaves on Ctrl+C (SIGINT) and on SIGTERM as it does when the window is
closed: promptly, exit code 0, its shutdown run. It used to ignore Ctrl+C: Qt's loop
never let Python's signal handler run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.first_look import FILE_NAME


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
@pytest.mark.parametrize("mode", [[], ["--kiosk"]], ids=["windowed", "kiosk-mode"])
def test_kiosk_run_leaves_on_ctrl_c_and_sigterm(
    sig: signal.Signals, mode: list[str], db_url: str, tmp_path: Path
) -> None:
    assert main(["--database-url", db_url, "db", "upgrade"]) == 0
    data = Path(os.environ["KIOSK_DATA_DIR"])
    ready = data / FILE_NAME  # written once the store is open and the screens are built
    ready.unlink(missing_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATABASE_URL=db_url)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--size", "800x600", *mode],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        assert ready.exists(), "the kiosk never finished starting"
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "command", [["admin"], ["board", "--windowed", "--size", "800x600"]], ids=["admin", "board"]
)
def test_the_admin_panel_and_the_board_leave_on_ctrl_c(
    command: list[str], db_url: str, tmp_path: Path
) -> None:
    """Both ignored Ctrl+C: Qt's loop never let Python's handler run."""
    assert main(["--database-url", db_url, "db", "upgrade"]) == 0
    log_file = Path(os.environ["KIOSK_LOG_DIR"]) / "kiosk.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATABASE_URL=db_url)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *command],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90

        def running() -> bool:
            return log_file.exists() and "Ctrl+C or SIGTERM stops it" in log_file.read_text()

        while not running() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        assert running(), "it never got to its event loop"
        time.sleep(0.5)  # well inside Qt's loop
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-2000:]
    assert "Traceback" not in err
