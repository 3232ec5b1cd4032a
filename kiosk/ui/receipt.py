"""Receipts as PDF (QPdfWriter), bilingual Thai/English, with the VAT included in prices.

Uses the shipped Noto fonts, so Thai text is embedded and prints anywhere. Safe to call
from a worker thread (QPdfWriter and QPainter on a non-widget device)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.config import Settings
from kiosk.services.money import format_thb
from kiosk.services.views import OrderView
from kiosk.ui.fonts import ui_font

WIDTH_MM = 80  # a thermal receipt roll


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


def write_receipt(order: OrderView, info: ReceiptInfo, settings: Settings, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines: list[tuple[str, str, str]] = []  # (style, left, right)
    store = settings.store
    lines.append(("title", store.name_th, ""))
    lines.append(("title", store.name, ""))
    lines.append(("rule", "", ""))
    when = order.paid_at or order.created_at
    try:
        local = when.astimezone(ZoneInfo(store.timezone))
    except (ValueError, KeyError):
        local = when
    lines.append(("big", f"{order.number}", ""))
    lines.append(("small", MODES.get(order.mode, order.mode), ""))
    lines.append(("small", local.strftime("%d/%m/%Y %H:%M"), store.kiosk_id))
    lines.append(("rule", "", ""))
    for line in order.lines:
        lines.append(("item", f"{line.quantity} × {line.name_th}", format_thb(line.line_total)))
        lines.append(("small", f"     {line.name_en}", ""))
        for opt in line.options:
            delta = opt.get("price_delta", "0")
            extra = f" +{delta}" if delta not in ("0", "0.00") else ""
            lines.append(
                ("small", f"     {opt.get('name_th', '')} / {opt.get('name_en', '')}{extra}", "")
            )
    lines.append(("rule", "", ""))
    lines.append(("item", "Subtotal / รวม", format_thb(order.subtotal)))
    if order.discount:
        lines.append(
            (
                "item",
                f"Points ({order.points_redeemed}) / ส่วนลดแต้ม",
                "−" + format_thb(order.discount),
            )
        )
    lines.append(("total", "Total / ยอดสุทธิ", format_thb(order.total)))
    rate = f"{store.vat_rate.normalize():f}"
    lines.append(("item", f"VAT {rate}% included / รวมภาษีมูลค่าเพิ่ม", format_thb(order.vat)))
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
    lines.append(("small", "Thank you / ขอบคุณค่ะ", ""))

    fonts = {
        "title": ui_font(9, bold=True),
        "big": ui_font(20, bold=True),
        "item": ui_font(8),
        "total": ui_font(10, bold=True),
        "small": ui_font(7),
        "rule": ui_font(7),
    }
    dpi = 300
    margin = 4.0
    height_mm = 20 + sum(_line_mm(fonts, style) for style, _, _ in lines)
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    writer.setTitle(f"Receipt {order.number}")
    writer.setCreator("OrderUp Kiosk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(WIDTH_MM, height_mm), QPageSize.Unit.Millimeter, "receipt"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(margin, margin, margin, margin),
            QPageLayout.Unit.Millimeter,
        )
    )
    p = QPainter()
    if not p.begin(writer):
        raise OSError(f"cannot write the receipt to {path}")
    try:
        width = writer.width()
        y = 0.0
        for style, left, right in lines:
            font = fonts[style]
            p.setFont(font)
            fm = QFontMetricsF(font, writer)
            h = fm.height() * 1.25
            if style == "rule":
                h = fm.height() * 0.6
                p.drawLine(0, int(y + h / 2), width, int(y + h / 2))
            elif style in ("title", "big"):
                p.drawText(QRectF(0, y, width, h), Qt.AlignmentFlag.AlignHCenter, left)
            else:
                p.drawText(QRectF(0, y, width, h), Qt.AlignmentFlag.AlignLeft, left)
                if right:
                    p.drawText(QRectF(0, y, width, h), Qt.AlignmentFlag.AlignRight, right)
            y += h
    finally:
        p.end()
    return path


def _line_mm(fonts: dict[str, QFont], style: str) -> float:
    pt = fonts[style].pointSizeF()
    mm = pt * 0.3528 * 1.45 * 1.25
    return mm * (0.5 if style == "rule" else 1.0)


__all__ = ["ReceiptInfo", "datetime", "receipt_path", "write_receipt"]
