"""A receipt as a PDF (80 mm till roll width), drawn with QPdfWriter and the shipped
fonts so Thai item names print. Used by "Reprint receipt" in the orders screen."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.config import Settings
from kiosk.services.money import format_delta, format_thb
from kiosk.services.phone import mask_phone
from kiosk.services.views import OrderView
from kiosk.ui.fonts import ui_font

WIDTH_MM = 80


def receipt_lines(order: OrderView, settings: Settings) -> list[tuple[str, str, bool]]:
    """(left, right, bold) lines; also what tests read instead of parsing the PDF."""
    zone = ZoneInfo(settings.store.timezone)
    out: list[tuple[str, str, bool]] = [
        (settings.store.name, "", True),
        (settings.store.name_th, "", False),
        ("", "", False),
        (
            f"Order {order.number}",
            order.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            True,
        ),
        ("Dine in" if order.mode == "dine_in" else "Take away", "REPRINT", False),
        ("", "", False),
    ]
    for line in order.lines:
        out.append((f"{line.quantity} × {line.name_th}", format_thb(line.line_total), False))
        out.append((f"    {line.name_en}", "", False))
        for opt in line.options:
            delta = format_delta(str(opt.get("price_delta", "0")), symbol=False)
            extra = f" {delta}" if delta else ""
            out.append((f"    · {opt.get('name_en', '')}{extra}", "", False))
    out += [
        ("", "", False),
        ("Subtotal", format_thb(order.subtotal), False),
    ]
    if order.discount:
        out.append(
            (
                f"Points discount ({order.points_redeemed} pts)",
                f"-{format_thb(order.discount)}",
                False,
            )
        )
    out += [
        ("Total", format_thb(order.total), True),
        (f"incl. VAT {settings.store.vat_rate}%", format_thb(order.vat), False),
    ]
    for p in order.payments:
        if p.status in ("succeeded", "refunded"):
            card = f" {p.card_brand} ****{p.card_last4}" if p.card_last4 else ""
            out.append((f"Paid: {p.method}{card}", format_thb(p.amount), False))
            if p.transaction_id:
                out.append((f"  {p.transaction_id}", "", False))
            if p.status == "refunded":
                out.append(("  REFUNDED", "", True))
    if order.customer_id:
        out.append(("", "", False))
        out.append((f"Member {mask_phone(order.customer_phone)}", "", False))
        if order.points_earned:
            out.append(("Points earned", str(order.points_earned), False))
    out += [("", "", False), ("ขอบคุณค่ะ · Thank you", "", True)]
    return out


def write_receipt_pdf(order: OrderView, settings: Settings, path: Path) -> Path:
    lines = receipt_lines(order, settings)
    line_mm = 5.0
    height_mm = 20 + line_mm * len(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(f"Receipt {order.number}")
    writer.setCreator("OrderUp Kiosk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(WIDTH_MM, height_mm), QPageSize.Unit.Millimeter, "receipt"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(4, 6, 4, 6),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    dots_per_mm = writer.resolution() / 25.4
    width = writer.width()
    y = 0.0
    step = line_mm * dots_per_mm
    for left, right, bold in lines:
        painter.setFont(ui_font(8.5 if not bold else 9.5, bold))
        rect = QRectF(0, y, width, step)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
        if right:
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right
            )
        y += step
    painter.end()
    return path
