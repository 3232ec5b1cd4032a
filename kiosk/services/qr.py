"""QR code rendering without Qt: a PNG for files and receipts, a module matrix for the screen.

The Qt view paints :func:`qr_matrix` itself, one filled square per dark module at whatever
whole-pixel size fits, so the code stays crisp at any size instead of being a scaled,
blurred bitmap. Error correction is level M (about 15% of the symbol may be damaged or
covered) and the quiet zone is the 4 light modules the QR standard asks for.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # qrcode (and Pillow) load with the first code, not at start-up
    import qrcode

__all__ = ["QUIET_ZONE", "qr_matrix", "render_png"]

QUIET_ZONE = 4
"""Light modules around the symbol on every side, as ISO/IEC 18004 requires."""


def _make(payload: str, border: int) -> qrcode.QRCode:
    if not isinstance(payload, str) or not payload:
        raise ValueError("payload must be a non-empty string")
    if not isinstance(border, int) or border < 0:
        raise ValueError("border must be a whole number of modules, 0 or more")
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        box_size=1,
        border=border,
    )
    code.add_data(payload)
    code.make(fit=True)
    return code


def qr_matrix(payload: str, *, border: int = QUIET_ZONE) -> list[list[bool]]:
    """The QR code as rows of modules, ``True`` = dark.

    The matrix **includes** the quiet zone: ``border`` light modules on every side (4 by
    default), so it is square with side ``17 + 4 * version + 2 * border``. Pass
    ``border=0`` for the bare symbol when the caller draws its own margin.
    """
    return [list(row) for row in _make(payload, border).get_matrix()]


def render_png(
    payload: str,
    path: str | os.PathLike[str] | None = None,
    box_size: int = 10,
    *,
    border: int = QUIET_ZONE,
) -> bytes:
    """The QR code as a black-on-white PNG, ``box_size`` pixels per module.

    Returns the PNG bytes and, when ``path`` is given, also writes them there.
    """
    if not isinstance(box_size, int) or box_size < 1:
        raise ValueError("box_size must be a whole number of pixels, 1 or more")
    code = _make(payload, border)
    code.box_size = box_size
    from qrcode.image.pil import PilImage

    image = code.make_image(image_factory=PilImage)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data
