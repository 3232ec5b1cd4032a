"""Kiosk mode fills the screen it opens on, whatever the window was built at, and so does
the staff panel opened over it (issue 16, items 6 and 7). Each case runs in a child
process on a virtual screen of that size: Xvfb (no window manager: the case that kept a
1080 × 1920 window on a 1920 × 1080 screen) and Qt's offscreen platform."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_probe(platform: str, width: int, height: int, tmp_path: Path) -> dict:
    env = dict(os.environ)
    env["KIOSK_DATA_DIR"] = str(tmp_path / "data")
    cmd = [sys.executable, "-m", "tests.ui.fill_probe"]
    if platform == "xvfb":
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("DISPLAY", None)
        cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", *cmd]
    else:
        config = tmp_path / "screens.json"
        config.write_text(
            json.dumps(
                {"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": width, "height": height}]}
            )
        )
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    return json.loads(lines[-1])


def inside(rect: list[int], screen: list[int]) -> bool:
    x, y, w, h = rect[:4]
    sx, sy, sw, sh = screen
    return x >= sx and y >= sy and x + w <= sx + sw and y + h <= sy + sh


PLATFORMS = ["offscreen"] + (["xvfb"] if shutil.which("xvfb-run") else [])


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_kiosk_mode_fills_the_screen(tmp_path: Path, platform: str, size: tuple[int, int]) -> None:
    width, height = size
    seen = run_probe(platform, width, height, tmp_path)
    assert seen["screen"] == [0, 0, width, height]
    assert seen["kiosk"] == [0, 0, width, height]
    assert seen["portrait"] == (height > width)
    assert inside(seen["start_button"], seen["screen"])  # "Touch to order" on the screen
    # the staff panel over the kiosk: the whole screen, Lock and Exit kiosk on it
    assert seen["admin"] == [0, 0, width, height]
    for name in ("LogoutButton", "ExitKioskButton"):
        assert seen[name][4], f"{name} is hidden"
        assert inside(seen[name], seen["screen"]), (name, seen[name])
