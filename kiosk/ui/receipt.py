"""Receipts as PDF (QPdfWriter), bilingual Thai/English, with the VAT included in prices.

Uses the shipped Noto fonts, so the Thai text is embedded and prints anywhere. Safe to call
from a worker thread (QPdfWriter, QImage and QPainter are not widgets). The same painting
code renders a preview image (:func:`render_receipt_image`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

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

from kiosk.config import Settings
from kiosk.services.money import format_delta, format_thb
from kiosk.services.views import OrderView
from kiosk.ui import theme
from kiosk.ui.fonts import ui_font

WIDTH_MM = 80  # a thermal receipt roll
MARGIN_MM = 4.0
DPI = 300

Line = tuple[str, str, str]  # (style, left text, right text)


@dataclass(frozen=True)
class ReceiptInfo:
    method: str
    transaction_id: str | None
    points_earned: int = 0
    points_balance: int | None = None
    member_name: str = ""


METHODS = {"cash": "Cash / เงินสด", "card": "Card / บัตร", "promptpay": "PromptPay / พร้อมเพย์"}
MODES = {"dine_in": "Dine in / ทานที่ร้าน", "take_away": "Take away / กลับบ้าน"}


def receipt_path(directory: Path, order: OrderView) -> Path:
    stamp = (order.paid_at or order.created_at).strftime("%Y%m%d")
    return directory / f"receipt_{stamp}_{order.number}_{order.id}.pdf"


def receipt_lines(order: OrderView, info: ReceiptInfo, settings: Settings) -> list[Line]:
    store = settings.store
    lines: list[Line] = [
        ("title", store.name_th, ""),
        ("subtitle", store.name, ""),
        ("rule", "", ""),
    ]
    when = order.paid_at or order.created_at
    try:
        local = when.astimezone(ZoneInfo(store.timezone))
    except (ValueError, KeyError):
        local = when
    lines.append(("small", "Order / คำสั่งซื้อ", ""))
    lines.append(("big", order.number, ""))
    lines.append(("item", MODES.get(order.mode, order.mode), ""))
    lines.append(("small", local.strftime("%d/%m/%Y %H:%M"), store.kiosk_id))
    lines.append(("rule", "", ""))
    for line in order.lines:
        lines.append(("item", f"{line.quantity} × {line.name_th}", format_thb(line.line_total)))
        lines.append(("small", f"      {line.name_en}", ""))
        for opt in line.options:
            delta = format_delta(str(opt.get("price_delta", "0")), symbol=False)
            extra = f"  {delta}" if delta else ""
            text = f"      · {opt.get('name_th', '')} / {opt.get('name_en', '')}{extra}"
            lines.append(("small", text, ""))
    lines.append(("rule", "", ""))
    lines.append(("item", "Subtotal / รวม", format_thb(order.subtotal)))
    if order.discount:
        lines.append(
            (
                "item",
                f"Points {order.points_redeemed:,} / ส่วนลดแต้ม",
                "−" + format_thb(order.discount),
            )
        )
    lines.append(("total", "Total / ยอดสุทธิ", format_thb(order.total)))
    rate = f"{store.vat_rate.normalize():f}"
    lines.append(("small", f"VAT {rate}% included / รวมภาษีมูลค่าเพิ่ม", format_thb(order.vat)))
    lines.append(("rule", "", ""))
    lines.append(("item", METHODS.get(info.method, info.method), format_thb(order.total)))
    if info.transaction_id:
        lines.append(("small", info.transaction_id, ""))
    if info.points_balance is not None:
        lines.append(("rule", "", ""))
        if info.member_name:
            lines.append(("item", info.member_name, ""))
        lines.append(("item", "Points earned / แต้มที่ได้รับ", f"+{info.points_earned:,}"))
        lines.append(("item", "Balance / แต้มคงเหลือ", f"{info.points_balance:,}"))
    lines.append(("rule", "", ""))
    lines.append(("title-small", "Thank you / ขอบคุณ", ""))
    return lines


def _fonts() -> dict[str, QFont]:
    return {
        "title": ui_font(11, bold=True),
        "subtitle": ui_font(8),
        "big": ui_font(22, bold=True),
        "item": ui_font(8),
        "total": ui_font(10, bold=True),
        "small": ui_font(6.5),
        "rule": ui_font(6.5),
        "title-small": ui_font(8, bold=True),
    }


def _line_height(style: str, font: QFont, device: QPaintDevice) -> float:
    fm = QFontMetricsF(font, device)
    return fm.height() * (0.8 if style == "rule" else 1.3)


def paint_receipt(p: QPainter, device: QPaintDevice, width: float, lines: list[Line]) -> float:
    """Paint ``lines`` from the top; returns the height used."""
    fonts = _fonts()
    pen = p.pen()
    pen.setColor(theme.color("qr-dark"))
    p.setPen(pen)
    y = 0.0
    centred = ("title", "subtitle", "big", "title-small")
    for style, left, right in lines:
        font = fonts[style]
        p.setFont(font)
        h = _line_height(style, font, device)
        if style == "rule":
            dash = p.pen()
            dash.setStyle(Qt.PenStyle.DashLine)
            p.setPen(dash)
            p.drawLine(0, int(y + h / 2), int(width), int(y + h / 2))
            p.setPen(pen)
        elif style in centred:
            p.drawText(QRectF(0, y, width, h), Qt.AlignmentFlag.AlignHCenter, left)
        else:
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            p.drawText(QRectF(0, y, width, h), flags, left)
            if right:
                flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                p.drawText(QRectF(0, y, width, h), flags, right)
        y += h
    return y


def _height_mm(lines: list[Line]) -> float:
    probe = QImage(10, 10, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(int(DPI / 0.0254))
    probe.setDotsPerMeterY(int(DPI / 0.0254))
    fonts = _fonts()
    px = sum(_line_height(style, fonts[style], probe) for style, _, _ in lines)
    return px / DPI * 25.4 + 2 * MARGIN_MM + 4


def write_receipt(order: OrderView, info: ReceiptInfo, settings: Settings, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = receipt_lines(order, info, settings)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(f"Receipt {order.number}")
    writer.setCreator("OrderUp Kiosk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(WIDTH_MM, _height_mm(lines)), QPageSize.Unit.Millimeter, "receipt"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    p = QPainter()
    if not p.begin(writer):
        raise OSError(f"cannot write the receipt to {path}")
    try:
        paint_receipt(p, writer, writer.width(), lines)
    finally:
        p.end()
    return path


def render_receipt_image(
    order: OrderView, info: ReceiptInfo, settings: Settings, dpi: int = 200
) -> QImage:
    """The receipt as a picture (a preview, or a printer that takes images)."""
    lines = receipt_lines(order, info, settings)
    mm = dpi / 25.4
    image = QImage(int(WIDTH_MM * mm), int(_height_mm(lines) * mm), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    image.fill(theme.color("qr-light"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = MARGIN_MM * mm
    p.translate(margin, margin)
    paint_receipt(p, image, image.width() - 2 * margin, lines)
    p.end()
    return image
