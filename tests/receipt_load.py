"""One kiosk process of the receipt-number load test: pay N orders, print their ids.

``python -m tests.receipt_load URL KIOSK_ID N``
"""

from __future__ import annotations

import sys

from kiosk.app import open_store


def main(url: str, kiosk_id: str, n: int) -> None:
    # Eight writers on a shared, busy machine: wait as long as it takes for the lock (the
    # test is about numbering, not about how long SQLite waits).
    store = open_store(
        url,
        config={
            "store": {"kiosk_id": kiosk_id},
            "database": {"busy_timeout_ms": 120_000},
            "payments": {"cash_acceptor": True},
        },
    )
    items = [i for i in store.menu.items() if i.on_sale and not i.option_groups]
    try:
        for k in range(n):
            order = store.orders.create([{"item_id": items[k % len(items)].id, "quantity": 1}])
            method = "cash" if k % 3 else "card"
            details = (
                {"card_number": "4242424242424242", "expiry": "12/35", "cvv": "123"}
                if method == "card"
                else {}
            )
            result = store.payments.process_payment(
                order.id, method, details, f"{kiosk_id}-{k}-{order.id}"
            )
            assert result.success, result.message
            print(order.id, flush=True)
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
