"""Demo data: a believable Thai menu, members in every tier, and fast bulk generation.

``seed_demo`` gives a kiosk something to sell; ``bulk_members`` and ``bulk_orders``
fill a database with a million rows in seconds (Core ``executemany``, one transaction)
for the admin panel's benchmarks.
"""

from __future__ import annotations

from kiosk.services.demo.bulk import (
    CUSTOMER_COLS,
    LINE_COLS,
    MEMBERSHIP_COLS,
    ORDER_COLS,
    PAYMENT_COLS,
    TX_COLS,
    bulk_members,
    bulk_orders,
)
from kiosk.services.demo.data import (
    DATA_FILE,
    DEMO_MEMBERS,
    FIRST_NAMES,
    LAST_NAMES,
    demo_data,
)
from kiosk.services.demo.seed import (
    DEMO_OWNER_NAME,
    DEMO_OWNER_PIN,
    demo_banner,
    ensure_demo_owner,
    seed_demo,
)

__all__ = [
    "CUSTOMER_COLS",
    "DATA_FILE",
    "DEMO_MEMBERS",
    "DEMO_OWNER_NAME",
    "DEMO_OWNER_PIN",
    "FIRST_NAMES",
    "LAST_NAMES",
    "LINE_COLS",
    "MEMBERSHIP_COLS",
    "ORDER_COLS",
    "PAYMENT_COLS",
    "TX_COLS",
    "bulk_members",
    "bulk_orders",
    "demo_banner",
    "demo_data",
    "ensure_demo_owner",
    "seed_demo",
]
