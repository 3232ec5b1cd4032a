"""Writing a picture of the screen to a PNG file, or saying why it could not be written
(Qt's ``save`` only answers False, and a full disk leaves an empty file behind)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPixmap


def save_png(picture: QPixmap | QImage, path: Path) -> None:
    """Write ``picture`` to ``path``; raises :class:`OSError` (with the path) when it
    cannot be written, and leaves no empty or half-written file there."""
    if picture.save(str(path), "PNG"):
        return
    if path.is_file():  # never a device such as /dev/full
        path.unlink()
    raise OSError(f"Cannot write the picture {path} (is the disk full, or the folder read-only?)")
