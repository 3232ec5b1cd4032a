"""A :class:`PrintDocument` as ESC/POS bytes, built with python-escpos's ``Dummy`` printer.

Rendering to bytes first and sending them in one write afterwards keeps the printer's
connection short and lets tests check exactly what would be sent: ``ESC @`` (init), the
raster image (``GS v 0``, one command per 960-row band) or text, the cut (``GS V``) and,
for a cash sale with a drawer configured, the drawer kick (``ESC p``).
"""

from __future__ import annotations

from escpos.printer import Dummy
from PIL import Image

from kiosk.config import PrinterSettings
from kiosk.printing.raster import render_document
from kiosk.services.documents import PrintDocument

INIT = b"\x1b@"
RASTER = b"\x1dv0"
TEXT_COLUMNS = {58: 32, 80: 48}


def document_bytes(doc: PrintDocument, printer: PrinterSettings, drawer: bool = False) -> bytes:
    """Everything to send for ``doc``: init, content, cut, and the drawer kick if asked
    for and configured (``printer.cash_drawer`` = pin 2 or 5)."""
    out = Dummy()
    # The roll's width in dots: python-escpos then refuses an image wider than the paper.
    out.profile.profile_data["media"]["width"]["pixels"] = printer.dots
    out.hw("INIT")
    if printer.mode == "raster":
        out.image(render_document(doc, printer.dots), impl="bitImageRaster")
    else:
        # Text mode for printers that cannot take images: python-escpos picks a code page
        # the printer has for each character (Thai only prints where one exists).
        out.text(doc.to_text(TEXT_COLUMNS[printer.width_mm]))
    out.cut()
    if drawer and printer.cash_drawer:
        out.cashdraw(printer.cash_drawer)
    return out.output


def decode_raster(data: bytes) -> Image.Image | None:
    """The image carried by the ``GS v 0`` commands in ``data`` (bands stacked), or
    ``None`` if there are none. The inverse of what :func:`document_bytes` sends."""
    bands: list[Image.Image] = []
    i = data.find(RASTER)
    while i >= 0:
        width_bytes = data[i + 4] | data[i + 5] << 8
        height = data[i + 6] | data[i + 7] << 8
        start = i + 8
        raw = data[start : start + width_bytes * height]
        # ESC/POS raster: 1 = black dot; Pillow's "1" mode: 1 = white. Invert.
        band = Image.frombytes("1", (width_bytes * 8, height), bytes(b ^ 0xFF for b in raw))
        bands.append(band)
        i = data.find(RASTER, start + len(raw))
    if not bands:
        return None
    image = Image.new("1", (bands[0].width, sum(b.height for b in bands)), 1)
    y = 0
    for band in bands:
        image.paste(band, (0, y))
        y += band.height
    return image


__all__ = ["INIT", "RASTER", "decode_raster", "document_bytes"]
