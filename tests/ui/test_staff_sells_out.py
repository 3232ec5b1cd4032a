"""A dish staff sell out while the customer orders."""

from __future__ import annotations

from tests.ui.conftest import Kiosk


def test_staff_sells_out_a_dish_while_the_customer_orders(kiosk: Kiosk) -> None:
    kiosk.start()
    kiosk.add("Fresh Coconut")
    kiosk.add("Thai Iced Tea")
    coconut = kiosk.item("Fresh Coconut")
    kiosk.store.menu.set_available(coconut.id, False, staff="kitchen")
    kiosk.qtbot.waitUntil(lambda: not kiosk.w(f"menu_item_{coconut.id}").isEnabled(), timeout=3000)
    assert kiosk.flow.cart.count == 1  # the coconut left the cart
    assert kiosk.text("cart_total") == "฿55.00"
