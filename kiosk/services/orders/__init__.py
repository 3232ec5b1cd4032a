"""Orders: pricing a cart, creating an order with a short daily number, status changes.

- :mod:`.reading`: order numbers, business dates, loading an order, its view values;
- :mod:`.pricing`: the cart's lines priced from the menu;
- :mod:`.service`: :class:`OrderService`.
"""

from __future__ import annotations

from kiosk.services.orders.pricing import (
    MAX_LINES,
    MAX_QUANTITY,
    clean_table_number,
    price_lines,
)
from kiosk.services.orders.reading import (
    business_date,
    format_order_number,
    line_view,
    load_order,
    next_order_number,
    order_view,
    payment_view,
)
from kiosk.services.orders.service import (
    NEXT_STATUS,
    OrderService,
)

__all__ = [
    "MAX_LINES",
    "MAX_QUANTITY",
    "NEXT_STATUS",
    "OrderService",
    "business_date",
    "clean_table_number",
    "format_order_number",
    "line_view",
    "load_order",
    "next_order_number",
    "order_view",
    "payment_view",
    "price_lines",
]
