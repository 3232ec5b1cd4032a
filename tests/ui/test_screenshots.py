"""`kiosk screenshots`: one PNG per screen, named by screen, language and size."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from kiosk.config import load_settings
from kiosk.ui.screenshots import take_screenshots

SCREENS = {
    "welcome",
    "table",
    "menu",
    "options",
    "review",
    "signup",
    "member_entry",
    "member_new",
    "member",
    "payment",
    "card",
    "promptpay",
    "result",
    "failure",
    "counter",
    "idle",
    "error",
    "upsell",
    "large_welcome",
    "large_menu",
    "large_member",
}  # and reach_member in portrait


def test_take_screenshots_walks_the_demo_flow(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    paths = take_screenshots(load_settings(), tmp_path, langs=["th"], sizes=["1920x1080"])
    kiosk_shots = [p for p in paths if p.name.rsplit("_", 2)[0] in SCREENS]
    assert {p.name for p in kiosk_shots} == {f"{s}_th_1920x1080.png" for s in SCREENS}
    for path in kiosk_shots:
        with Image.open(path) as image:
            assert image.size == (1920, 1080)
    # the walk used its own throw-away database, not the user's
    assert not (tmp_path / "screenshots.db").exists()
