"""CSV export: BOM, header, Thai text, local-date range filtering, role check, audit."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from kiosk.app import Store
from kiosk.services.errors import InvalidInput, PermissionDenied
from kiosk.services.export import ExportService, default_filename
from kiosk.services.staff import StaffView
from tests.admin.conftest import OrderMaker, local

THAI_PHONE = "091-234-5678"  # สมหญิง ใจดี in the demo data


def _read(path: Path) -> tuple[bytes, list[list[str]]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return raw, list(csv.reader(io.StringIO(text)))


@pytest.fixture
def orders(make_order: OrderMaker) -> dict[str, int]:
    return {
        "before": make_order(local(30, 23, 30, month=4)),  # 16:30 UTC Apr 30
        "first": make_order(local(1, 0, 10), phone=THAI_PHONE),  # 17:10 UTC Apr 30!
        "card": make_order(local(1, 12), "Tom Yum Goong", 2, "card"),
        "last": make_order(local(1, 23, 59), "Thai Iced Tea"),
        "after": make_order(local(2, 0, 0)),
    }


def test_orders_csv_has_bom_header_thai_text_and_only_the_range(
    store: Store, orders: dict[str, int], staff: dict[str, StaffView], tmp_path: Path
) -> None:
    actions = store.actions
    path = tmp_path / default_filename("orders", date(2024, 5, 1), date(2024, 5, 1))
    result = actions.export_csv(staff["Malee"], "orders", date(2024, 5, 1), date(2024, 5, 1), path)
    raw, rows = _read(path)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert rows[0][:6] == [
        "order_id",
        "number",
        "business_date",
        "created_at (Asia/Bangkok)",
        "paid_at (Asia/Bangkok)",
        "status",
    ]
    ids = [int(r[0]) for r in rows[1:]]
    assert ids == [orders["first"], orders["card"], orders["last"]]
    assert result.rows == 3
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["created_at (Asia/Bangkok)"] == "2024-05-01 00:10:00"
    assert first["customer_name"] == "สมหญิง ใจดี"
    assert first["total"] == "120.00"
    assert "สมหญิง ใจดี".encode() in raw
    assert not list(tmp_path.glob("*.part"))


def test_payments_csv_keeps_only_brand_and_last4(
    store: Store, orders: dict[str, int], tmp_path: Path
) -> None:
    text = ExportService(store.db, store.current_settings).to_text(
        "payments", date(2024, 5, 1), date(2024, 5, 2)
    )
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == 4
    card = next(r for r in rows if r["method"] == "card")
    assert (card["card_brand"], card["card_last4"], card["amount"]) == ("Visa", "4242", "320.00")
    assert "4242424242424242" not in text


def test_members_and_loyalty_csv(store: Store, orders: dict[str, int]) -> None:
    exporter = ExportService(store.db, store.current_settings)
    members = list(
        csv.DictReader(
            io.StringIO(exporter.to_text("members", date(2023, 1, 1), date(2024, 5, 1))[1:])
        )
    )
    assert len(members) == 9
    thai = next(m for m in members if m["phone"] == THAI_PHONE)
    assert (thai["first_name"], thai["last_name"], thai["sms_marketing"]) == ("สมหญิง", "ใจดี", "no")
    loyalty = list(
        csv.DictReader(
            io.StringIO(exporter.to_text("loyalty", date(2024, 5, 1), date(2024, 5, 1))[1:])
        )
    )
    assert [(r["member_name"], r["type"], r["points"]) for r in loyalty] == [
        ("สมหญิง ใจดี", "earned", "12")
    ]
    assert loyalty[0]["order_number"] == "A001"


def test_export_is_for_managers_and_audited(
    store: Store, staff: dict[str, StaffView], tmp_path: Path
) -> None:
    actions = store.actions
    with pytest.raises(PermissionDenied):
        actions.export_csv(
            staff["Nok"], "orders", date(2024, 5, 1), date(2024, 5, 1), tmp_path / "x"
        )
    with pytest.raises(InvalidInput):
        actions.export_csv(
            staff["Ploy"], "orders", date(2024, 5, 2), date(2024, 5, 1), tmp_path / "x"
        )
    with pytest.raises(InvalidInput):
        actions.export_csv(
            staff["Ploy"], "cards", date(2024, 5, 1), date(2024, 5, 1), tmp_path / "x"
        )
    assert not (tmp_path / "x").exists()
    actions.export_csv(staff["Ploy"], "audit", date(2024, 5, 1), date(2024, 5, 1), tmp_path / "a")
    _, rows = _read(tmp_path / "a")
    assert rows[0][:4] == ["id", "created_at (Asia/Bangkok)", "staff", "action"]
    from kiosk.services.listings import AuditListing

    latest = AuditListing(store.db, store.current_settings).page(0, 1)[0]
    assert (latest.action, latest.staff, latest.after["kind"]) == ("export.csv", "Ploy", "audit")


def test_export_streams_rows(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows come from the database cursor in batches, not a list of everything."""
    from kiosk.services import export as export_module
    from kiosk.services.demo import bulk_members

    bulk_members(store.db, store.settings_file, 250)
    monkeypatch.setattr(export_module, "BATCH", 50)
    exporter = ExportService(store.db, store.current_settings)
    rows = exporter.rows("members", date(2000, 1, 1), date(2100, 1, 1))
    assert next(rows)[0] == "customer_id"
    assert sum(1 for _ in rows) == 259
    seen: list[int] = []
    exporter.write("members", date(2000, 1, 1), date(2100, 1, 1), io.StringIO(), seen.append)
    assert seen == [50, 100, 150, 200, 250]
