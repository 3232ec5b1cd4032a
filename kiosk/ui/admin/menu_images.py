"""Dish pictures on the admin Menu screen: an item's image found among the assets, a tile
with its initials when it has none, and a picture staff chose copied into the store's
images (the screen only asks which file)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from kiosk.ui.admin.theme import color
from kiosk.ui.fonts import ASSETS, ui_font

IMAGE_DIRS = [ASSETS / "images" / "menu", ASSETS / "images", ASSETS / "menu"]
THUMB = 148


def find_image(name: str) -> Path | None:
    if not name:
        return None
    path = Path(name)
    if path.is_absolute():
        return path if path.exists() else None
    for folder in IMAGE_DIRS:
        candidate = folder / name
        if candidate.exists():
            return candidate
    return None


def placeholder(text: str, size: int = THUMB) -> QPixmap:
    """A tile with the item's initials, for items without a picture."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color("selection")))
    painter = QPainter(pixmap)
    painter.setPen(color("primary"))
    font: QFont = ui_font(28, bold=True)
    painter.setFont(font)
    initials = "".join(w[0] for w in text.split()[:2]).upper() or "?"
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, initials)
    painter.end()
    return pixmap


def thumbnail(image: str, name: str) -> QPixmap:
    """``image`` (a file name under the assets or a path) filling a THUMB square; the
    initials tile of ``name`` when the file is missing or unreadable."""
    path = find_image(image)
    pixmap = QPixmap(str(path)) if path else QPixmap()
    if pixmap.isNull():
        pixmap = placeholder(name)
    return pixmap.scaled(
        THUMB,
        THUMB,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )


def copy_picture(src: Path, images_dir: Path, item_id: int) -> str:
    """Copy ``src`` into ``images_dir`` (made if missing) as ``item_<id><suffix>`` and
    return the copy's path; OSError when the folder or the copy cannot be written."""
    images_dir.mkdir(parents=True, exist_ok=True)
    target = images_dir / f"item_{item_id}{src.suffix.lower()}"
    shutil.copyfile(src, target)
    return str(target)
