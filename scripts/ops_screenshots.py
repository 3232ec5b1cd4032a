"""Render the order board, a receipt and a kitchen ticket to PNG (docs/screenshots/).

``.venv/bin/python scripts/ops_screenshots.py [DIR]`` (offscreen). The receipt and the
ticket are decoded from the exact ESC/POS bytes a printer would receive.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.app import open_store
from kiosk.printing.escpos_out import decode_raster, document_bytes
from kiosk.services.demo import seed_demo

CARD = {"card_number": "4242 4242 4242 4242", "expiry": "12/35", "cvv": "123"}
STORE = {
    "vat_registered": True,
    "tax_id": "0105512345671",
    "pos_id": "E051234567890",
    "address_th": "99 ถนนสุขุมวิท แขวงคลองเตย กรุงเทพฯ 10110",
    "address": "99 Sukhumvit Rd, Khlong Toei, Bangkok 10110",
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(
        f"sqlite:///{tmp / 'shots.db'}",
        config={"store": STORE, "printers": {"kitchen": {"url": "tcp://127.0.0.1:9"}}},
        migrate=True,
    )
    seed_demo(store.db, store.settings_file)
    items = {i.name_en: i for i in store.menu.items()}
    simple = [i for i in store.menu.items() if i.on_sale and not i.option_groups]
    with_options = next(i for i in store.menu.items() if i.option_groups and i.on_sale)
    first = store.orders.create(
        [
            {
                "item_id": with_options.id,
                "quantity": 2,
                "options": [g.options[-1].id for g in with_options.option_groups],
            },
            {"item_id": items["Mango Sticky Rice"].id, "quantity": 1},
        ],
        customer_phone="081-234-5678",
    )
    store.loyalty.redeem(first.id, 50)
    store.payments.process_payment(first.id, "card", CARD, "shot-1")
    ids = [first.id]
    for n in range(11):
        o = store.orders.create([{"item_id": simple[n % len(simple)].id, "quantity": 1}])
        store.payments.process_payment(o.id, "cash", {}, f"shot-{n + 2}")
        ids.append(o.id)
    for oid in ids[:5]:
        store.orders.set_status(oid, "ready")
    settings = store.current_settings()
    receipt = document_bytes(store.receipts.receipt(first.id), settings.printers.receipt)
    decode_raster(receipt).save(out / "receipt_abb_80mm.png")  # type: ignore[union-attr]
    ticket = document_bytes(store.receipts.kitchen_ticket(first.id), settings.printers.kitchen)
    decode_raster(ticket).save(out / "kitchen_ticket_80mm.png")  # type: ignore[union-attr]
    print(out / "receipt_abb_80mm.png")
    print(out / "kitchen_ticket_80mm.png")

    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.board.app import build_board
    from kiosk.ui.launch import application

    app = application()
    view, controller = build_board(store, chime=lambda: None)
    controller.start()
    store.orders.set_status(ids[5], "ready")  # this one just became ready: it glows
    controller.refresh()
    for w, h in ((1920, 1080), (1080, 1920)):
        view.resize(QSize(w, h))
        view.show()
        for _ in range(40):
            app.processEvents()
            controller.runner.wait(200)
        app.processEvents()
        path = out / f"board_{w}x{h}.png"
        view.grab().save(str(path))
        print(path)
    controller.stop()
    view.close()
    QApplication.processEvents()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
