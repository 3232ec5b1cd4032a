"""Languages: Qt translators for the interface, ``pick()`` for data kept in both languages.

Source strings are English. Thai lives in two Qt Linguist catalogues under
``assets/translations/`` (edit them with Qt Linguist or by hand), compiled to ``.qm``:

``kiosk_th.ts``
    the customer screens (``kiosk/ui`` except ``kiosk/ui/admin``), contexts named after
    their classes (``MenuScreen``, ``Errors``...).
``admin_th.ts``
    the staff admin panel (``kiosk/ui/admin``). Its strings go through
    ``kiosk.ui.admin.format.tr()``, which lupdate files under the unnamed context.

Each catalogue has its own translator and its own language, so staff can read the panel
in English over a kiosk showing Thai (and the other way round): :func:`set_language`
takes the catalogue (``KIOSK`` by default).

Regenerate after changing strings in the code::

    python -m kiosk.ui.i18n            # lupdate (update .ts) then lrelease (build .qm)
    python -m kiosk.ui.i18n --update   # only refresh the .ts sources
    python -m kiosk.ui.i18n --release  # only compile .ts → .qm
    python -m kiosk.ui.i18n --check    # exit 1 if a Thai translation is missing
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.ui.fonts import ASSETS

LANGUAGES = ("th", "en")
TRANSLATIONS_DIR = ASSETS / "translations"
UI_DIR = Path(__file__).resolve().parent
ADMIN_DIR = UI_DIR / "admin"


def ui_sources() -> list[Path]:
    """The Python files of the customer screens (the admin panel keeps its own catalogue)."""
    return sorted(p for p in UI_DIR.rglob("*.py") if "admin" not in p.relative_to(UI_DIR).parts[:1])


def admin_sources() -> list[Path]:
    """The Python files of the staff admin panel."""
    return sorted(ADMIN_DIR.rglob("*.py"))


@dataclass(frozen=True)
class Catalogue:
    """One ``<name>_<lang>.ts`` per language, made from ``sources()``."""

    name: str
    sources: Callable[[], list[Path]]

    def ts(self, lang: str) -> Path:
        return TRANSLATIONS_DIR / f"{self.name}_{lang}.ts"

    def qm(self, lang: str) -> Path:
        return TRANSLATIONS_DIR / f"{self.name}_{lang}.qm"


KIOSK = Catalogue("kiosk", ui_sources)
ADMIN = Catalogue("admin", admin_sources)
CATALOGUES = (KIOSK, ADMIN)
TS_FILES = {lang: KIOSK.ts(lang) for lang in LANGUAGES}

_languages: dict[str, str] = {c.name: "en" for c in CATALOGUES}
_translators: dict[str, QTranslator | None] = {c.name: None for c in CATALOGUES}
_loaded: dict[tuple[str, str], QTranslator] = {}
"""One translator per catalogue and language, loaded once and installed again on every
switch. A new ``QTranslator(app)`` per switch was never freed (removing a translator does
not delete it, and the application owned it): each kept its own map of the ``.qm`` file
and its tables, some 2 MB per 1,000 customers, as the kiosk switches language for a
customer and back for the next."""


def current_language(catalogue: Catalogue = KIOSK) -> str:
    return _languages[catalogue.name]


def pick(th: str, en: str, lang: str | None = None) -> str:
    """The text for the current language, falling back to the other one if empty."""
    lang = lang or current_language()
    if lang == "th":
        return th or en
    return en or th


def set_language(lang: str, catalogue: Catalogue = KIOSK) -> None:
    """Install ``catalogue``'s translator for ``lang`` (English is the source language: no
    translator). The other catalogue keeps its language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    app = QCoreApplication.instance()
    old = _translators[catalogue.name]
    if old is not None and app is not None:
        app.removeTranslator(old)
    _translators[catalogue.name] = None
    if lang != "en" and app is not None:
        translator = _translator(app, catalogue, lang)
        if translator is not None:
            app.installTranslator(translator)
            _translators[catalogue.name] = translator
    _languages[catalogue.name] = lang


def _translator(app: QCoreApplication, catalogue: Catalogue, lang: str) -> QTranslator | None:
    """``catalogue``'s loaded translator for ``lang`` (see ``_loaded``), or None if its
    ``.qm`` file cannot be loaded."""
    key = (catalogue.name, lang)
    translator = _loaded.get(key)
    if translator is not None and shiboken6.isValid(translator) and translator.parent() is app:
        return translator
    translator = QTranslator(app)
    if not translator.load(str(catalogue.qm(lang))):
        shiboken6.delete(translator)
        _loaded.pop(key, None)
        return None
    _loaded[key] = translator
    return translator


# the catalogue tools below import what they need themselves: the kiosk's first paint
# imports this module and needs none of subprocess, xml or argparse


def _tool(name: str) -> str:
    import shutil

    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name}).")
    return found


def update() -> None:
    import subprocess

    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    for catalogue in CATALOGUES:
        sources = [str(p) for p in catalogue.sources()]
        for lang in LANGUAGES:
            args = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources]
            args += [
                "-source-language",
                "en_GB",
                "-target-language",
                f"{lang}_TH" if lang == "th" else "en_GB",
            ]
            subprocess.run([*args, "-ts", str(catalogue.ts(lang))], check=True)


def release() -> None:
    import subprocess

    for catalogue in CATALOGUES:
        for lang in LANGUAGES:
            if lang == "en":
                continue  # English is the source text
            ts = catalogue.ts(lang)
            subprocess.run(
                [_tool("pyside6-lrelease"), str(ts), "-qm", str(catalogue.qm(lang))], check=True
            )


def missing_translations(ts: Path = TS_FILES["th"]) -> list[tuple[str, str]]:
    """(context, source) pairs with no finished translation."""
    import xml.etree.ElementTree as ET

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
    import argparse

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
        missing = [
            (catalogue.name, ctx, src)
            for catalogue in CATALOGUES
            for ctx, src in missing_translations(catalogue.ts("th"))
        ]
        for name, ctx, src in missing:
            print(f"untranslated in {name}_th.ts: [{ctx}] {src}")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
