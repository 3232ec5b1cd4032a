"""How the admin panel shows values: money, local times, and translated labels.

Every admin string goes through :func:`tr`; its Thai lives in
``assets/translations/admin_th.ts`` (see :mod:`kiosk.ui.i18n`). Lists of strings made at
import time mark them with ``QT_TR_NOOP`` and call ``tr()`` when shown, so a language
switch re-reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from kiosk.services.money import format_thb
from kiosk.ui import i18n

CONTEXT = ""
"""pyside6-lupdate files a plain ``tr("...")`` call under the unnamed context, so the
admin panel looks its strings up there (its catalogue holds nothing else)."""


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def language() -> str:
    """The admin panel's language ("th" or "en"), independent of the customer screens'."""
    return i18n.current_language(i18n.ADMIN)


def set_language(lang: str) -> None:
    """Install the admin catalogue for ``lang``; screens then call ``retranslate_ui()``."""
    i18n.set_language(lang, i18n.ADMIN)
    _LABELS.clear()  # a catalogue installed again may hold other texts


def long_date(day: date) -> str:
    """``Wednesday 1 May 2024`` / ``วันพุธ 1 พฤษภาคม 2024`` in the admin's language."""
    locale = QLocale(QLocale.Language.Thai if language() == "th" else QLocale.Language.English)
    return locale.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")


def money(amount: Decimal | None) -> str:
    return format_thb(amount) if amount is not None else ""


def local_dt(moment: datetime | None, tz: str, with_date: bool = True) -> str:
    if moment is None:
        return ""
    return _clock(moment.astimezone(ZoneInfo(tz)), with_date)


def short_dt(moment: datetime | None, tz: str, today: date | None = None) -> str:
    """``14:05`` for today, ``2024-04-30 14:05`` otherwise."""
    if moment is None:
        return ""
    value = moment.astimezone(ZoneInfo(tz))
    return _clock(value, today is None or value.date() != today)


def _clock(value: datetime, with_date: bool) -> str:
    """``2024-04-30 14:05`` or ``14:05``, as ``strftime`` writes them, without it: each
    ``strftime`` call imports ``time`` again, through PySide's import hook (a few µs a
    cell in the big tables)."""
    clock = f"{value.hour:02d}:{value.minute:02d}"
    return f"{value.year}-{value.month:02d}-{value.day:02d} {clock}" if with_date else clock


# The labels below are looked up per row painted in the big tables (a page of 50 at a
# time); each table of texts is translated once per language, not once per row.
_LABELS: dict[tuple[str, str], dict[str, str]] = {}


def _labels(name: str, make: Callable[[], dict[str, str]]) -> dict[str, str]:
    key = (name, language())
    table = _LABELS.get(key)
    if table is None:
        table = _LABELS[key] = make()
    return table


def _status_texts() -> dict[str, str]:
    return {
        "pending": tr("Pending"),
        "preparing": tr("Preparing"),
        "ready": tr("Ready"),
        "completed": tr("Completed"),
        "cancelled": tr("Cancelled"),
        "refunded": tr("Refunded"),
        "succeeded": tr("Paid"),
        "failed": tr("Failed"),
    }


def status_label(status: str) -> str:
    return _labels("status", _status_texts).get(status, status)


def _method_texts() -> dict[str, str]:
    return {"cash": tr("Cash"), "card": tr("Card"), "promptpay": tr("PromptPay")}


def method_label(method: str) -> str:
    return _labels("method", _method_texts).get(method, method)


def _mode_texts() -> dict[str, str]:
    return {"dine_in": tr("Dine in"), "take_away": tr("Take away")}


def mode_label(mode: str) -> str:
    return _labels("mode", _mode_texts).get(mode, mode)


def _role_texts() -> dict[str, str]:
    return {"owner": tr("Owner"), "manager": tr("Manager"), "cashier": tr("Cashier")}


def role_label(role: str) -> str:
    return _labels("role", _role_texts).get(role, role)


def _tier_texts() -> dict[str, str]:
    return {
        "bronze": tr("Bronze"),
        "silver": tr("Silver"),
        "gold": tr("Gold"),
        "platinum": tr("Platinum"),
    }


def tier_label(tier: str) -> str:
    """The usual tiers by name; a tier the owner invented keeps its own name."""
    text = _labels("tier", _tier_texts).get(tier)
    return text if text is not None else tier.capitalize()


def _tx_texts() -> dict[str, str]:
    return {
        "earned": tr("Earned"),
        "redeemed": tr("Redeemed"),
        "expired": tr("Expired"),
        "adjusted": tr("Adjusted"),
    }


def tx_label(kind: str) -> str:
    return _labels("tx", _tx_texts).get(kind, kind)


def points(value: int, signed: bool = False) -> str:
    return f"{value:+,}" if signed else f"{value:,}"
