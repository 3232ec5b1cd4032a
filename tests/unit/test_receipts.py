"""Receipts: one content model for printer, PDF and CLI; Thai ABB tax invoice fields;
running numbers per kiosk, unique and gap-free under concurrent kiosks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.app import Store, open_store
from kiosk.cli import main
from kiosk.config import ConfigError, build_settings
from kiosk.db.models import Order, TaxReceipt
from kiosk.services.demo import seed_demo
from kiosk.services.taxid import normalize_tax_id
from tests.helpers import CARD_OK, FakeClock, make_store

SOMCHAI = "081-234-5678"
TAX_ID = "0105512345671"
ABB = {
    "store": {
        "vat_registered": True,
        "tax_id": TAX_ID,
        "branch": "00000",
        "pos_id": "E051234567890",
        "address": "99 Sukhumvit Rd, Bangkok 10110",
        "address_th": "99 ถนนสุขุมวิท กรุงเทพฯ 10110",
    }
}


@pytest.fixture
def abb_store(db_url: str, clock: FakeClock) -> Store:
    s = make_store(db_url, config=ABB, clock=clock)
    yield s  # type: ignore[misc]
    s.close()


def _pay_member_order(store: Store) -> int:
    items = {i.name_en: i for i in store.menu.items()}
    order = store.orders.create(
        [{"item_id": items["Mango Sticky Rice"].id, "quantity": 2}], customer_phone=SOMCHAI
    )
    store.loyalty.redeem(order.id, 50)
    assert store.payments.process_payment(order.id, "card", CARD_OK, f"abb-{order.id}").success
    return order.id


def test_abb_receipt_has_every_field(abb_store: Store) -> None:
    order_id = _pay_member_order(abb_store)
    text = abb_store.receipts.receipt(order_id).to_text()
    for expected in (
        "ใบกำกับภาษีอย่างย่อ / TAX INVOICE (ABB)",
        "ออเดอร์อัพ ครัวไทย",
        "OrderUp Thai Kitchen",
        "99 ถนนสุขุมวิท กรุงเทพฯ 10110",
        "Tax ID 0-1055-12345-67-1",
        "สำนักงานใหญ่ / Head office",
        "POS No. / หมายเลขเครื่อง E051234567890",
        "kiosk-1-000001",
        "27/11/2026 12:00",  # Bangkok time
        "2 × ข้าวเหนียวมะม่วง",
        "฿240.00",
        "ส่วนลดแต้ม / Points 50",
        "−฿5.00",
        "ยอดสุทธิ / Total",
        "฿235.00",
        "ราคารวมภาษีมูลค่าเพิ่มแล้ว / VAT included",
        "VAT 7%",
        "฿15.37",
        "บัตร / Card",
        "Visa ****4242",
        "081-***-5678",
        "+23",  # points earned on what was paid
        "*** A001 ***",
    ):
        assert expected in text, expected
    assert "0812345678" not in text and "สำเนา" not in text


def test_branch_and_copy_and_plain_receipt(db_url: str, clock: FakeClock) -> None:
    store = make_store(db_url, config={"store": {**ABB["store"], "branch": "3"}}, clock=clock)
    try:
        order_id = _pay_member_order(store)
        text = store.receipts.receipt(order_id, copy=True).to_text()
        assert "สาขาที่ 00003 / Branch 00003" in text and "สำเนา / COPY" in text
    finally:
        store.close()


def test_plain_receipt_when_not_vat_registered(store: Store) -> None:
    order_id = _pay_member_order(store)
    doc = store.receipts.receipt(order_id)
    text = doc.to_text()
    assert "ใบเสร็จรับเงิน / RECEIPT" in text
    assert "TAX INVOICE" not in text and "VAT" not in text and "Tax ID" not in text
    assert doc.fields["kind"] == "receipt" and doc.fields["receipt_no"] == "kiosk-1-000001"


def test_vat_registered_needs_a_valid_tax_id() -> None:
    with pytest.raises(ConfigError, match="tax_id"):
        build_settings({"store": {"vat_registered": True}})
    with pytest.raises(ConfigError, match="check digit"):
        build_settings({"store": {"tax_id": "0105512345672"}})
    assert normalize_tax_id("0-1055-12345-67-1") == TAX_ID


def test_cli_receipt_text(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[database]\nurl = "{url}"\n[store]\nvat_registered = true\ntax_id = "{TAX_ID}"\n'
        'pos_id = "E051234567890"\n[payments]\ncash_acceptor = true\n'
    )
    store = open_store(config_path=str(config), migrate=True)
    seed_demo(store.db, store.settings_file)
    order_id = _pay_member_order(store)
    with store.db.read() as s:
        day = s.scalar(select(Order.business_date).where(Order.id == order_id))
    store.close()
    assert main(["--config", str(config), "receipt", "a001", "--date", str(day), "--text"]) == 0
    out = capsys.readouterr().out
    assert "TAX INVOICE (ABB)" in out and "kiosk-1-000001" in out and "E051234567890" in out
    assert main(["--config", str(config), "receipt", "A001", "--copy"]) == 0
    assert "สำเนา / COPY" in capsys.readouterr().out
    assert main(["--config", str(config), "receipt", "A999"]) == 2
    assert "No order numbered A999" in capsys.readouterr().err
    assert main(["--config", str(config), "receipt", "A001", "--date", "2026-13-01"]) == 2
    assert "not a date" in capsys.readouterr().err
    for width in ("0", "-5", "99999", "wide"):  # all were taken
        with pytest.raises(SystemExit) as refused:
            main(["--config", str(config), "receipt", "A001", "--text", "--width", width])
        assert refused.value.code == 2 and "--width" in capsys.readouterr().err
    assert main(["--config", str(config), "receipt", "A001", "--text", "--width", "32"]) == 0
    rules = [line for line in capsys.readouterr().out.splitlines() if set(line) == {"-"}]
    assert rules and all(len(line) == 32 for line in rules)
    # with no receipt printer here the copy is queued for the store, and that is said
    assert main(["--config", str(config), "receipt", "A001", "--print", "--staff", "Ann"]) == 0
    said = capsys.readouterr()
    assert "queued for the receipt printer" in said.out
    assert "This machine has no receipt printer configured" in said.err


def check_numbers_gap_free(url: str, processes: int = 8, orders: int = 50) -> None:
    """``processes`` kiosk processes (two per kiosk id) pay ``orders`` orders each at once;
    then every paid order has one receipt and each kiosk's numbers are exactly 1..n."""
    store = open_store(url, migrate=True)
    seed_demo(store.db, store.settings_file)
    store.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.receipt_load", url, f"kiosk-{i % 4}", str(orders)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for i in range(processes)
    ]
    paid: list[int] = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()[-2000:]
        paid += [int(x) for x in out.split()]
    assert len(paid) == processes * orders
    store = open_store(url)
    with store.db.read() as s:
        rows = s.execute(select(TaxReceipt.order_id, TaxReceipt.kiosk_id, TaxReceipt.seq)).all()
    store.close()
    assert sorted(r.order_id for r in rows) == sorted(paid)
    per_kiosk: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        per_kiosk[r.kiosk_id].append(r.seq)
    assert set(per_kiosk) == {f"kiosk-{k}" for k in range(4)}
    for kiosk, seqs in per_kiosk.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), kiosk
        assert len(seqs) == processes // 4 * orders


def test_receipt_numbers_unique_and_gap_free_8_processes_sqlite(tmp_path: Path) -> None:
    check_numbers_gap_free(f"sqlite:///{tmp_path / 'load.db'}")


def test_no_receipt_for_an_order_nobody_paid(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A receipt says money changed hands: a pending or cancelled order has none, by the
    service, the CLI (one line, exit 2) or a reprint."""
    from kiosk.services.errors import OrderNotPaid

    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    store = make_store(url)
    try:
        pending = store.orders.create([{"item_id": 1, "quantity": 1}])
        cancelled = store.orders.create([{"item_id": 1, "quantity": 1}])
        store.orders.cancel(cancelled.id)
        for order, word in ((pending, "not paid"), (cancelled, "cancelled")):
            with pytest.raises(OrderNotPaid, match=f"{order.number} is {word}"):
                store.receipts.receipt(order.id)
        assert main(["--database-url", url, "receipt", pending.number, "--text"]) == 2
        assert f"Order {pending.number} is not paid: it has no receipt." in capsys.readouterr().err
    finally:
        store.close()
