"""Languages: Thai glyphs exist, the catalogue is complete, every string switches live."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFontMetrics

from kiosk.ui import i18n
from kiosk.ui.fonts import register_fonts, ui_font
from tests.ui.conftest import Kiosk

HAS_LETTERS = re.compile(r"[A-Za-z\u0E01-\u0E3A\u0E40-\u0E5B]")  # words, not "฿120.00"
BILINGUAL = {"lang_th", "lang_en", "header_lang_th", "header_lang_en"}  # endonyms, on purpose
# "Aa" (larger text) is a symbol in both languages; its accessible name is translated
BILINGUAL |= {f"{p}large_text" for p in ("welcome_", "header_", "result_", "error_")}


def test_thai_glyphs_are_available_in_the_ui_font(qapp) -> None:  # type: ignore[no-untyped-def]
    assert {"Noto Sans", "Noto Sans Thai"} <= set(register_fonts())
    for bold in (False, True):
        metrics = QFontMetrics(ui_font(20, bold=bold))
        for ch in "กขคฮ๑฿ัิ่":
            assert metrics.inFontUcs4(ord(ch)), ch


@pytest.mark.parametrize("catalogue", i18n.CATALOGUES, ids=lambda c: c.name)
def test_thai_catalogue_is_complete_and_compiled(catalogue: i18n.Catalogue) -> None:
    assert i18n.missing_translations(catalogue.ts("th")) == []
    qm = catalogue.qm("th")
    assert qm.exists() and qm.stat().st_size > 1000
    translator = QTranslator()
    assert translator.load(str(qm))
    stale = [
        (ctx, src)
        for ctx, src, thai in ts_translations(catalogue.ts("th"))
        if translator.translate(ctx, src) != thai
    ]
    assert stale == [], "the .qm is older than the .ts: run python -m kiosk.ui.i18n --release"


def test_check_command_covers_every_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert i18n.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def ts_translations(path: Path) -> list[tuple[str, str, str]]:
    root = ET.parse(path).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m.findtext("translation") or "")
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def ts_messages(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or "")
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


@pytest.mark.parametrize("catalogue", i18n.CATALOGUES, ids=lambda c: c.name)
def test_catalogue_matches_the_code(tmp_path: Path, catalogue: i18n.Catalogue) -> None:
    """Every tr() string in the code is in <name>_th.ts and <name>_en.ts, and nothing
    else is (run python -m kiosk.ui.i18n)."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    if not tool.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(tool if tool.exists() else "pyside6-lupdate"), "-silent", "-locations", "none"]
        + [str(p) for p in catalogue.sources()]
        + ["-ts", str(fresh)],
        check=True,
    )
    assert ts_messages(fresh) == ts_messages(catalogue.ts("th"))
    assert ts_messages(fresh) == ts_messages(catalogue.ts("en"))


def test_catalogues_do_not_share_sources() -> None:
    kiosk, admin = set(i18n.KIOSK.sources()), set(i18n.ADMIN.sources())
    assert kiosk and admin and not kiosk & admin
    assert all("admin" in p.parts for p in admin)


def texts_after_switch(kiosk: Kiosk, root_name: str) -> tuple[dict[str, str], dict[str, str]]:
    root = kiosk.w(root_name)
    before = {
        k: v
        for k, v in kiosk.visible_texts(root).items()
        if HAS_LETTERS.search(v) and k.split("#")[0] not in BILINGUAL
    }
    kiosk.tap("lang_th" if kiosk.visible("lang_th") else "header_lang_th")
    after = kiosk.visible_texts(root)
    return before, after


def test_every_welcome_string_changes(kiosk: Kiosk) -> None:
    before, after = texts_after_switch(kiosk, "welcome_screen")
    assert len(before) >= 5
    same = {k: v for k, v in before.items() if after.get(k) == v}
    assert same == {}
    assert kiosk.text("welcome_title") == "ออเดอร์อัพ ครัวไทย"
    assert kiosk.text("mode_dine_in") == "ทานที่ร้าน"
    kiosk.tap("lang_en")
    assert kiosk.text("mode_dine_in") == "Eat here"


def test_every_menu_string_changes(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Pad Thai with Prawns", "Large")
    kiosk.add("Fresh Coconut")
    before, after = texts_after_switch(kiosk, "menu_screen")
    assert len(before) >= 20
    same = {k: v for k, v in before.items() if after.get(k) == v}
    assert same == {}
    assert kiosk.text("header_start_over") == "เริ่มใหม่"
    pad_thai = kiosk.item("Pad Thai with Prawns")
    assert kiosk.text(f"menu_item_{pad_thai.id}_name") == "ผัดไทยกุ้งสด"
    assert kiosk.text(f"menu_item_{pad_thai.id}_alt") == "Pad Thai with Prawns"
    assert kiosk.text("cart_title") == "รายการของคุณ"


def test_options_sheet_switches_language(kiosk: Kiosk) -> None:
    kiosk.start()
    pad_thai = kiosk.item("Pad Thai with Prawns")
    kiosk.tap(f"menu_item_{pad_thai.id}")
    before = kiosk.visible_texts(kiosk.w("options_sheet"))
    kiosk.window.set_language("th")
    after = kiosk.visible_texts(kiosk.w("options_sheet"))
    changed = [k for k, v in before.items() if HAS_LETTERS.search(v) and after.get(k) != v]
    assert len(changed) == len([v for v in before.values() if HAS_LETTERS.search(v)])


def test_tr_contexts_exist_at_runtime(kiosk: Kiosk) -> None:
    """The Thai catalogue really loads (a wrong path would leave English everywhere)."""
    kiosk.window.set_language("th")
    assert i18n.current_language() == "th"
    assert kiosk.text("mode_dine_in") == "ทานที่ร้าน"
    kiosk.window.set_language("en")
    assert kiosk.text("mode_dine_in") == "Eat here"


def test_pick_falls_back_to_the_other_language() -> None:
    assert i18n.pick("ไทย", "Thai", "th") == "ไทย"
    assert i18n.pick("", "Thai", "th") == "Thai"
    assert i18n.pick("ไทย", "", "en") == "ไทย"


def test_language_switches_reuse_one_translator_per_catalogue(qapp) -> None:  # type: ignore[no-untyped-def]
    """Every customer may switch language and the reset switches back: each switch used
    to leave a new translator (and its map of the .qm file) behind for good."""
    before = len(qapp.findChildren(QTranslator))
    try:
        for _ in range(20):
            for catalogue in i18n.CATALOGUES:
                i18n.set_language("th", catalogue)
                i18n.set_language("en", catalogue)
            assert qapp.translate("AccessToggles", "Larger text") == "Larger text"
            i18n.set_language("th")
            assert qapp.translate("AccessToggles", "Larger text") == "ตัวอักษรใหญ่ขึ้น"
        assert len(qapp.findChildren(QTranslator)) <= before + len(i18n.CATALOGUES)
    finally:
        for catalogue in i18n.CATALOGUES:
            i18n.set_language("en", catalogue)
