"""Receipts as PDF (QPdfWriter) for shops without a printer, drawn from the same
:class:`~kiosk.services.documents.PrintDocument` the thermal printer and
``kiosk receipt --text`` use (``kiosk.services.receipts``).

Uses the shipped Noto fonts, so the Thai text is embedded and prints anywhere. Safe to call
from a worker thread (QPdfWriter, QImage and QPainter are not widgets). The same painting
code renders a preview image (:func:`render_document_image`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
)

from kiosk.services.documents import PrintDocument, PrintLine
from kiosk.services.receipts import ReceiptService
from kiosk.services.views import OrderView
from kiosk.ui import theme
from kiosk.ui.fonts import ui_font

WIDTH_MM = 80  # a thermal receipt roll
MARGIN_MM = 4.0
DPI = 300
CENTRED = ("title", "center", "heading", "big")


def receipt_path(directory: Path, order: OrderView) -> Path:
    stamp = (order.paid_at or order.created_at).strftime("%Y%m%d")
    return directory / f"receipt_{stamp}_{order.number}_{order.id}.pdf"


def _fonts() -> dict[str, QFont]:
    return {
        "title": ui_font(11, bold=True),
        "center": ui_font(8),
        "heading": ui_font(9, bold=True),
        "big": ui_font(22, bold=True),
        "text": ui_font(8),
        "bold": ui_font(10, bold=True),
        "small": ui_font(6.5),
        "rule": ui_font(6.5),
        "blank": ui_font(6.5),
    }


def _line_height(style: str, font: QFont, device: QPaintDevice) -> float:
    fm = QFontMetricsF(font, device)
    return fm.height() * (0.8 if style == "rule" else 1.3)


def paint_document(
    p: QPainter, device: QPaintDevice, width: float, lines: tuple[PrintLine, ...]
) -> float:
    """Paint ``lines`` from the top; returns the height used."""
    fonts = _fonts()
    pen = p.pen()
    pen.setColor(theme.color("qr-dark"))
    p.setPen(pen)
    y = 0.0
    for line in lines:
        font = fonts.get(line.style, fonts["text"])
        p.setFont(font)
        h = _line_height(line.style, font, device)
        if line.style == "rule":
            dash = p.pen()
            dash.setStyle(Qt.PenStyle.DashLine)
            p.setPen(dash)
            p.drawLine(0, int(y + h / 2), int(width), int(y + h / 2))
            p.setPen(pen)
        elif line.style in CENTRED:
            text = f"{line.left} {line.right}".strip()
            p.drawText(QRectF(0, y, width, h), Qt.AlignmentFlag.AlignHCenter, text)
        else:
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            p.drawText(QRectF(0, y, width, h), flags, line.left)
            if line.right:
                flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                p.drawText(QRectF(0, y, width, h), flags, line.right)
        y += h
    return y


def _height_mm(lines: tuple[PrintLine, ...]) -> float:
    probe = QImage(10, 10, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(int(DPI / 0.0254))
    probe.setDotsPerMeterY(int(DPI / 0.0254))
    fonts = _fonts()
    px = sum(_line_height(ln.style, fonts.get(ln.style, fonts["text"]), probe) for ln in lines)
    return px / DPI * 25.4 + 2 * MARGIN_MM + 4


def write_document_pdf(doc: PrintDocument, path: Path) -> Path:
    """``doc`` as an 80 mm wide PDF page at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(doc.title)
    writer.setCreator("OrderUp Kiosk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(
                QSizeF(WIDTH_MM, _height_mm(doc.lines)), QPageSize.Unit.Millimeter, "receipt"
            ),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    p = QPainter()
    if not p.begin(writer):
        raise OSError(f"cannot write the receipt to {path}")
    try:
        paint_document(p, writer, writer.width(), doc.lines)
    finally:
        p.end()
    return path


def write_order_receipt(
    receipts: ReceiptService, order_id: int, path: Path, copy: bool = False
) -> Path:
    """The order's receipt (with its running number) as a PDF: for a worker thread."""
    return write_document_pdf(receipts.receipt(order_id, copy=copy), path)


def render_document_image(doc: PrintDocument, dpi: int = 200) -> QImage:
    """The document as a picture (a preview)."""
    mm = dpi / 25.4
    image = QImage(int(WIDTH_MM * mm), int(_height_mm(doc.lines) * mm), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    image.fill(theme.color("qr-light"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = MARGIN_MM * mm
    p.translate(margin, margin)
    paint_document(p, image, image.width() - 2 * margin, doc.lines)
    p.end()
    return image
