"""The layers are enforced: nothing below the UI imports Qt."""

from __future__ import annotations

import subprocess
import sys


def test_services_and_db_import_without_qt() -> None:
    code = (
        "import sys, kiosk.services, kiosk.db, kiosk.app, kiosk.cli\n"
        "import kiosk.services.payments, kiosk.services.loyalty, kiosk.services.orders\n"
        "import kiosk.services.customers, kiosk.services.menu, kiosk.services.promptpay\n"
        "import kiosk.services.qr, kiosk.services.phone, kiosk.services.demo\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('kiosk.ui')]\n"
        "assert not bad, bad\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_services_package_has_no_qt_import_statements() -> None:
    import re
    from pathlib import Path

    import kiosk

    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|kiosk\.ui)\b", re.MULTILINE)
    root = Path(kiosk.__file__).parent
    for folder in ("services", "db"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not pattern.search(text), path
