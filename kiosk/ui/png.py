"""Writing a picture of the screen to a PNG file, or saying why it could not be written
(Qt's ``save`` only answers False, and a full disk leaves an empty file behind)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPixmap


def save_png(picture: QPixmap | QImage, path: Path) -> None:
    """Write ``picture`` to ``path``; raises :class:`OSError` (with the path) when it
    cannot be written, and leaves no empty or half-written file there (an older picture
    it could not open for writing is kept)."""
    before = _stamp(path)
    if picture.save(str(path), "PNG"):
        return
    after = _stamp(path)
    # a file this save wrote into (half a picture) goes; an older one it never opened, or
    # a device such as /dev/full, stays
    if path.is_file() and (before is None or after != before or path.stat().st_size == 0):
        path.unlink()
    raise OSError(f"Cannot write the picture {path} (is the disk full, or the folder read-only?)")


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
