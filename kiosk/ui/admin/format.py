"""How the admin panel shows values: money, local times, and translated labels."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.services.money import format_thb


def tr(text: str) -> str:
    return QCoreApplication.translate("Admin", text)


def money(amount: Decimal | None) -> str:
    return format_thb(amount) if amount is not None else ""


def local_dt(moment: datetime | None, tz: str, with_date: bool = True) -> str:
    if moment is None:
        return ""
    value = moment.astimezone(ZoneInfo(tz))
    return value.strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")


def short_dt(moment: datetime | None, tz: str, today: date | None = None) -> str:
    """``14:05`` for today, ``2024-04-30 14:05`` otherwise."""
    if moment is None:
        return ""
    value = moment.astimezone(ZoneInfo(tz))
    if today is not None and value.date() == today:
        return value.strftime("%H:%M")
    return value.strftime("%Y-%m-%d %H:%M")


def status_label(status: str) -> str:
    return {
        "pending": tr("Pending"),
        "preparing": tr("Preparing"),
        "ready": tr("Ready"),
        "completed": tr("Completed"),
        "cancelled": tr("Cancelled"),
        "refunded": tr("Refunded"),
        "succeeded": tr("Paid"),
        "failed": tr("Failed"),
    }.get(status, status)


def method_label(method: str) -> str:
    return {"cash": tr("Cash"), "card": tr("Card"), "promptpay": tr("PromptPay")}.get(
        method, method
    )


def mode_label(mode: str) -> str:
    return {"dine_in": tr("Dine in"), "take_away": tr("Take away")}.get(mode, mode)


def role_label(role: str) -> str:
    return {"owner": tr("Owner"), "manager": tr("Manager"), "cashier": tr("Cashier")}.get(
        role, role
    )


def tx_label(kind: str) -> str:
    return {
        "earned": tr("Earned"),
        "redeemed": tr("Redeemed"),
        "expired": tr("Expired"),
        "adjusted": tr("Adjusted"),
    }.get(kind, kind)


def points(value: int, signed: bool = False) -> str:
    return f"{value:+,}" if signed else f"{value:,}"
