"""The columns of the admin panel's paged tables: orders, members, a member's loyalty
history and the audit log (titles in the panel's language, made when the table is set up
or retranslated)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from kiosk.services.listings import AuditRow, LoyaltyRow, MemberRow, OrderRow
from kiosk.ui.admin.format import (
    local_dt,
    method_label,
    mode_label,
    money,
    short_dt,
    status_label,
    tier_label,
    tr,
    tx_label,
)
from kiosk.ui.admin.table_model import RIGHT, Column
from kiosk.ui.admin.theme import color, status_color


def order_columns(tz: Callable[[], str], today: Callable[[], date]) -> list[Column[OrderRow]]:
    def payment(r: OrderRow) -> str:
        if not r.payment_method:
            return tr("Unpaid")
        if r.payment_status == "pending" and r.at_counter:
            return tr("{method} · at counter").format(method=method_label(r.payment_method))
        return f"{method_label(r.payment_method)} · {status_label(r.payment_status)}"

    def customer(r: OrderRow) -> str:
        if not r.customer_id:
            return "—"
        name = r.customer_name or tr("Member")
        return f"{name}  {r.customer_phone}".strip()

    return [
        Column("number", tr("Order"), lambda r: r.number, "number"),
        Column(
            "created_at", tr("Time"), lambda r: short_dt(r.created_at, tz(), today()), "created_at"
        ),
        Column(
            "status",
            tr("Status"),
            lambda r: status_label(r.status),
            "status",
            foreground=lambda r: status_color(r.status),
        ),
        Column(
            "mode",
            tr("Mode"),
            lambda r: mode_label(r.mode) + (f" {r.table_number}" if r.table_number else ""),
        ),
        Column("customer", tr("Member"), customer),
        Column("items", tr("Items"), lambda r: str(r.items), align=RIGHT),
        Column("total", tr("Total"), lambda r: money(r.total), align=RIGHT),
        Column(
            "payment",
            tr("Payment"),
            payment,
            foreground=lambda r: color("warning") if r.payment_status != "succeeded" else None,
        ),
        Column("kiosk", tr("Kiosk"), lambda r: r.kiosk_id),
    ]


def member_columns(tz: Callable[[], str]) -> list[Column[MemberRow]]:
    return [
        Column("phone", tr("Phone"), lambda r: r.phone, "phone"),
        Column("first_name", tr("First name"), lambda r: r.first_name, "first_name"),
        Column("last_name", tr("Last name"), lambda r: r.last_name, "last_name"),
        Column("tier", tr("Tier"), lambda r: tier_label(r.tier)),
        Column("points", tr("Points"), lambda r: f"{r.points:,}", align=RIGHT),
        Column("total_spent", tr("Spent"), lambda r: money(r.total_spent), align=RIGHT),
        Column("visits", tr("Visits"), lambda r: f"{r.visits:,}", align=RIGHT),
        Column(
            "created_at", tr("Joined"), lambda r: local_dt(r.created_at, tz())[:10], "created_at"
        ),
        Column("id", tr("ID"), lambda r: str(r.id), "id", align=RIGHT),
    ]


def loyalty_columns(tz: Callable[[], str]) -> list[Column[LoyaltyRow]]:
    return [
        Column("created_at", tr("When"), lambda r: local_dt(r.created_at, tz()), "created_at"),
        Column("type", tr("Type"), lambda r: tx_label(r.type)),
        Column(
            "points",
            tr("Points"),
            lambda r: f"{r.points:+,}",
            align=RIGHT,
            foreground=lambda r: color("success") if r.points > 0 else color("danger"),
        ),
        Column("balance_after", tr("Balance"), lambda r: f"{r.balance_after:,}", align=RIGHT),
        Column("order_number", tr("Order"), lambda r: r.order_number),
        Column("reason", tr("Reason"), lambda r: r.reason),
        Column("staff", tr("Staff"), lambda r: r.staff),
    ]


def _summary(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    return ", ".join(f"{k}: {v}" for k, v in values.items())


def audit_columns(tz: Callable[[], str]) -> list[Column[AuditRow]]:
    return [
        Column("created_at", tr("When"), lambda r: local_dt(r.created_at, tz()), "created_at"),
        Column("staff", tr("Staff"), lambda r: r.staff),
        Column("action", tr("Action"), lambda r: r.action, "action"),
        Column("entity", tr("On"), lambda r: f"{r.entity} {r.entity_id}".strip()),
        Column("before", tr("Before"), lambda r: _summary(r.before)),
        Column("after", tr("After"), lambda r: _summary(r.after)),
    ]
