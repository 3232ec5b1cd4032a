"""Languages: Qt translators for the interface, ``pick()`` for data kept in both languages.

Source strings are English. Thai lives in ``assets/translations/kiosk_th.ts`` (edit it with
Qt Linguist or by hand) and is compiled to ``kiosk_th.qm``, which the kiosk loads.

Regenerate after changing strings in the code::

    python -m kiosk.ui.i18n            # lupdate (update .ts) then lrelease (build .qm)
    python -m kiosk.ui.i18n --update   # only refresh the .ts sources
    python -m kiosk.ui.i18n --release  # only compile .ts → .qm
    python -m kiosk.ui.i18n --check    # exit 1 if a Thai translation is missing
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.ui.fonts import ASSETS

LANGUAGES = ("th", "en")
TRANSLATIONS_DIR = ASSETS / "translations"
UI_DIR = Path(__file__).resolve().parent
TS_FILES = {lang: TRANSLATIONS_DIR / f"kiosk_{lang}.ts" for lang in LANGUAGES}

_state: dict[str, object] = {"lang": "en", "translator": None}


def current_language() -> str:
    return str(_state["lang"])


def pick(th: str, en: str, lang: str | None = None) -> str:
    """The text for the current language, falling back to the other one if empty."""
    lang = lang or current_language()
    if lang == "th":
        return th or en
    return en or th


def set_language(lang: str) -> None:
    """Install the translator for ``lang`` (English is the source language: no translator)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    app = QCoreApplication.instance()
    old = _state["translator"]
    if isinstance(old, QTranslator) and app is not None:
        app.removeTranslator(old)
    _state["translator"] = None
    if lang != "en" and app is not None:
        translator = QTranslator(app)
        qm = TRANSLATIONS_DIR / f"kiosk_{lang}.qm"
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _state["translator"] = translator
    _state["lang"] = lang


def ui_sources() -> list[Path]:
    """The Python files of the customer screens (the admin panel keeps its own catalogue)."""
    return sorted(p for p in UI_DIR.rglob("*.py") if "admin" not in p.relative_to(UI_DIR).parts[:1])


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name}).")
    return found


def update() -> None:
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    sources = [str(p) for p in ui_sources()]
    for lang, ts in TS_FILES.items():
        args = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources]
        args += [
            "-source-language",
            "en_GB",
            "-target-language",
            f"{lang}_TH" if lang == "th" else "en_GB",
        ]
        subprocess.run([*args, "-ts", str(ts)], check=True)


def release() -> None:
    for lang, ts in TS_FILES.items():
        if lang == "en":
            continue  # English is the source text
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def missing_translations(ts: Path = TS_FILES["th"]) -> list[tuple[str, str]]:
    """(context, source) pairs with no finished translation."""
    missing = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if (
                tr is None
                or tr.get("type") in ("unfinished", "vanished", "obsolete")
                or (not (tr.text or "").strip() and not list(tr))
            ):
                missing.append((name, msg.findtext("source") or ""))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.ui.i18n", description=__doc__)
    parser.add_argument("--update", action="store_true", help="refresh the .ts sources")
    parser.add_argument("--release", action="store_true", help="compile .ts into .qm")
    parser.add_argument("--check", action="store_true", help="fail if Thai is incomplete")
    args = parser.parse_args(argv)
    if not (args.update or args.release or args.check):
        args.update = args.release = True
    if args.update:
        update()
    if args.release:
        release()
    if args.check:
        missing = missing_translations()
        for ctx, src in missing:
            print(f"untranslated: [{ctx}] {src}")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
