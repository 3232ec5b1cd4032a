"""Service charge: off by default, 0–10 %, VAT on food plus charge, points on what is paid."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.config import ConfigError, build_settings
from kiosk.services.money import service_charge_for, vat_included
from tests.helpers import FakeClock, make_store

SOMCHAI = "081-234-5678"


def test_the_issues_example_food_1000_before_vat() -> None:
    food = Decimal("1070.00")  # ฿1,000 + 7 % VAT, as the menu shows it
    charge = service_charge_for(food, Decimal("10"))
    assert charge == Decimal("107.00")  # ฿100 + its VAT
    assert food + charge == Decimal("1177.00")
    assert vat_included(food + charge, Decimal("7")) == Decimal("77.00")
    assert service_charge_for(food, Decimal("0")) == Decimal("0.00")


def test_off_by_default_and_at_most_10_percent() -> None:
    assert build_settings({}).payments.service_charge_percent == 0
    with pytest.raises(ConfigError, match="service_charge_percent"):
        build_settings({"payments": {"service_charge_percent": 12}})


def test_orders_quotes_receipts_and_points(db_url: str, clock: FakeClock) -> None:
    store = make_store(db_url, config={"payments": {"service_charge_percent": 10}}, clock=clock)
    try:
        items = {i.name_en: i for i in store.menu.items()}
        line = [{"item_id": items["Mango Sticky Rice"].id, "quantity": 2}]  # ฿240
        quote = store.orders.quote(line)
        assert (quote.service_charge, quote.total, quote.vat) == (
            Decimal("24.00"),
            Decimal("264.00"),
            Decimal("17.27"),
        )
        order = store.orders.create(line, customer_phone=SOMCHAI)
        store.loyalty.redeem(order.id, 100)  # ฿10 off the food: the charge follows
        order = store.orders.get(order.id)
        assert order.service_charge == Decimal("23.00") and order.total == Decimal("253.00")
        assert order.vat == Decimal("16.55")
        result = store.payments.process_payment(order.id, "cash", {}, "sc-1")
        assert result.amount == Decimal("253.00") and result.points_earned == 25
        text = store.receipts.receipt(order.id).to_text()
        assert "ค่าบริการ / Service charge 10%" in text and "฿23.00" in text
    finally:
        store.close()
