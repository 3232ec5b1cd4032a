"""The admin panel's services stay free of Qt (DESIGN.md: layers point down only)."""

from __future__ import annotations

import subprocess
import sys


def test_admin_services_import_without_qt() -> None:
    code = (
        "import sys\n"
        "import kiosk.services.staff, kiosk.services.reports, kiosk.services.export\n"
        "import kiosk.services.listings, kiosk.app\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'kiosk.ui')))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
