"""Print jobs: written with the payment, claimed under a lease, retried, never lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from kiosk.app import Store
from kiosk.db.models import PrintJob, TaxReceipt
from kiosk.printing.devices import PrinterNotAnswering, PrinterUnreachable
from kiosk.printing.worker import PrintWorker
from tests.helpers import CARD_OK, FakeClock, make_store
from tests.printer_sim import PrinterSim

PRINTERS = {
    "kitchen": {"url": "tcp://127.0.0.1:9", "mode": "text", "timeout_seconds": 0.5},
    "lease_seconds": 30,
    "retry_seconds": 5,
}


@pytest.fixture
def pstore(db_url: str, clock: FakeClock) -> Iterator[Store]:
    s = make_store(db_url, config={"printers": PRINTERS}, clock=clock)
    yield s
    s.close()


def _paid(store: Store, method: str = "cash", key: str | None = None) -> int:
    items = {i.name_en: i for i in store.menu.items()}
    order = store.orders.create([{"item_id": items["Mango Sticky Rice"].id, "quantity": 1}])
    details = CARD_OK if method == "card" else {}
    result = store.payments.process_payment(order.id, method, details, key or f"k{order.id}")
    assert result.success
    return order.id


class FakeConn:
    """A printer connection whose behaviour a test scripts."""

    readable = True

    def __init__(self, printer: FakePrinter) -> None:
        self.p = printer

    def paper(self) -> int:
        if self.p.answer is False:
            raise PrinterNotAnswering("does not answer")
        return self.p.paper

    def send(self, data: bytes) -> None:
        if self.p.crash_on_send:
            raise SystemExit("worker killed while sending")
        self.p.sent.append(data)

    def close(self) -> None:
        pass


class FakePrinter:
    def __init__(self) -> None:
        self.online = True
        self.paper = 2
        self.answer: bool = True
        self.crash_on_send = False
        self.sent: list[bytes] = []

    def connect(self, _settings: Any) -> FakeConn:
        if not self.online:
            raise PrinterUnreachable("connection refused")
        return FakeConn(self)


def _worker(store: Store, printer: FakePrinter, owner: str = "w1") -> PrintWorker:
    return PrintWorker(
        store.print_jobs,
        store.receipts,
        store.current_settings,
        owner=owner,
        connect=printer.connect,
    )


def test_paid_order_gets_a_job_and_a_receipt_number_in_the_same_transaction(
    pstore: Store,
) -> None:
    order_id = _paid(pstore, "card")
    jobs = pstore.print_jobs.jobs()
    assert [(j.order_id, j.kind, j.status) for j in jobs] == [(order_id, "kitchen", "queued")]
    assert pstore.receipts.receipt_number(order_id) == "kiosk-1-000001"


def test_a_payment_that_rolls_back_leaves_no_job_and_no_number(pstore: Store) -> None:
    items = {i.name_en: i for i in pstore.menu.items()}
    order = pstore.orders.create([{"item_id": items["Mango Sticky Rice"].id, "quantity": 1}])

    def boom(stage: str) -> None:
        if stage == "before_commit":
            raise RuntimeError("power cut")

    pstore.payments.checkpoint = boom
    with pytest.raises(RuntimeError):
        pstore.payments.process_payment(order.id, "cash", {}, "rollback-1")
    with pstore.db.read() as s:
        assert s.scalar(select(func.count(PrintJob.id))) == 0
        assert s.scalar(select(func.count(TaxReceipt.id))) == 0
    pstore.payments.checkpoint = lambda stage: None
    _paid(pstore)  # the next paid order takes number 1: no gap
    assert pstore.receipts.receipt_number(_paid(pstore)) == "kiosk-1-000002"


def test_counter_payment_queues_the_ticket_too(db_url: str, clock: FakeClock) -> None:
    store = make_store(
        db_url, config={"printers": PRINTERS, "payments": {"pay_at_counter": True}}, clock=clock
    )
    try:
        items = {i.name_en: i for i in store.menu.items()}
        order = store.orders.create([{"item_id": items["Mango Sticky Rice"].id, "quantity": 1}])
        waiting = store.payments.process_payment(order.id, "cash", {}, "counter-1")
        assert waiting.status == "awaiting_counter"
        assert store.print_jobs.jobs() == []  # not paid yet: the kitchen waits
        store.payments.mark_paid(order.id, "cash", staff="Nok")
        assert [j.kind for j in store.print_jobs.jobs()] == ["kitchen"]
    finally:
        store.close()


def test_worker_prints_once_and_marks_done(pstore: Store) -> None:
    order_id = _paid(pstore)
    printer = FakePrinter()
    worker = _worker(pstore, printer)
    assert worker.run_once()
    assert not worker.run_once()
    assert len(printer.sent) == 1 and b"A001" in printer.sent[0]
    assert [j.status for j in pstore.print_jobs.jobs()] == ["done"]
    assert pstore.print_jobs.pending_count() == {}
    assert order_id


@pytest.mark.parametrize(
    ("trouble", "message"),
    [("offline", "refused"), ("paper", "out of paper"), ("silent", "does not answer")],
)
def test_printer_trouble_keeps_the_job_queued_and_retries(
    pstore: Store, clock: FakeClock, trouble: str, message: str
) -> None:
    _paid(pstore)
    printer = FakePrinter()
    printer.online = trouble != "offline"
    printer.paper = 0 if trouble == "paper" else 2
    printer.answer = trouble != "silent"
    worker = _worker(pstore, printer)
    assert worker.run_once()
    job = pstore.print_jobs.jobs()[0]
    assert job.status == "queued" and message in job.last_error
    assert not job.uncertain  # nothing was sent
    assert printer.sent == []
    assert not worker.run_once()  # the role waits retry_seconds
    printer.online, printer.paper, printer.answer = True, 2, True
    clock.advance(seconds=6)
    assert worker.run_once()
    assert len(printer.sent) == 1
    assert b"REPRINT" not in printer.sent[0]
    assert pstore.print_jobs.jobs()[0].status == "done"


def test_crash_after_sending_reprints_marked_uncertain(pstore: Store, clock: FakeClock) -> None:
    _paid(pstore)
    printer = FakePrinter()
    printer.crash_on_send = True
    with pytest.raises(SystemExit):
        _worker(pstore, printer, "dies").run_once()
    assert pstore.print_jobs.jobs()[0].status == "sending"
    printer.crash_on_send = False
    other = _worker(pstore, printer, "survivor")
    assert not other.run_once()  # the dead worker's lease still runs
    clock.advance(seconds=31)
    assert other.run_once()
    assert len(printer.sent) == 1 and b"REPRINT? CHECK" in printer.sent[0]
    job = pstore.print_jobs.jobs()[0]
    assert job.status == "done" and job.uncertain and job.attempts == 2


def test_crash_before_sending_reprints_plainly(pstore: Store, clock: FakeClock) -> None:
    _paid(pstore)
    printer = FakePrinter()
    job = pstore.print_jobs.claim("dies")  # claimed, then the worker vanished
    assert job is not None
    clock.advance(seconds=31)
    assert _worker(pstore, printer, "survivor").run_once()
    assert len(printer.sent) == 1 and b"REPRINT" not in printer.sent[0]


def test_a_slow_worker_that_lost_its_lease_does_not_send(pstore: Store, clock: FakeClock) -> None:
    _paid(pstore)
    slow = pstore.print_jobs.claim("slow")
    assert slow is not None
    clock.advance(seconds=31)
    fast = pstore.print_jobs.claim("fast")
    assert fast is not None and fast.attempt == 2
    assert not pstore.print_jobs.start_sending(slow)
    assert not pstore.print_jobs.complete(slow)
    assert pstore.print_jobs.start_sending(fast) and pstore.print_jobs.complete(fast)


def test_reprint_is_a_new_job_marked_reprint_and_audited(pstore: Store) -> None:
    order_id = _paid(pstore)
    printer = FakePrinter()
    worker = _worker(pstore, printer)
    worker.run_once()
    pstore.print_jobs.reprint(order_id, "kitchen", staff="Nok")
    assert worker.run_once()
    assert len(printer.sent) == 2
    assert b"REPRINT" not in printer.sent[0] and b"REPRINT ***" in printer.sent[1]
    from kiosk.db.models import AuditLog

    with pstore.db.read() as s:
        assert s.scalar(select(AuditLog.action).where(AuditLog.staff == "Nok")) == (
            "print.reprint_kitchen"
        )


def test_real_tcp_printer_offline_then_back(pstore: Store, clock: FakeClock) -> None:
    sim = PrinterSim(mode="off")
    try:
        settings = pstore.settings_file.merged({"printers": {"kitchen": {"url": sim.url}}})
        worker = PrintWorker(pstore.print_jobs, pstore.receipts, lambda: settings, owner="tcp")
        _paid(pstore)
        assert worker.run_once()
        assert "refused" in pstore.print_jobs.jobs()[0].last_error
        sim.set_mode("ok")
        clock.advance(seconds=6)
        assert worker.run_once()
        assert [t.order for t in sim.tickets] == ["A001"]
        assert pstore.print_jobs.jobs()[0].status == "done"
    finally:
        sim.close()


def test_lease_expiry_uses_the_clock(pstore: Store, clock: FakeClock) -> None:
    _paid(pstore)
    assert pstore.print_jobs.claim("a") is not None
    clock.advance(seconds=29)
    assert pstore.print_jobs.claim("b") is None
    clock.t += timedelta(seconds=2)
    assert pstore.print_jobs.claim("b") is not None


def test_an_idle_worker_never_takes_the_write_lock(pstore: Store) -> None:
    from sqlalchemy import event

    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(pstore.db.engine, "before_cursor_execute", record)
    try:
        worker = _worker(pstore, FakePrinter())
        for _ in range(3):
            assert not worker.run_once()
    finally:
        event.remove(pstore.db.engine, "before_cursor_execute", record)
    assert seen and "BEGIN IMMEDIATE" not in seen
