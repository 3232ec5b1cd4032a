"""Starting the print worker and printing a test page (for the CLI and the kiosk)."""

from __future__ import annotations

import contextlib
import logging
import signal
from datetime import UTC, datetime
from typing import Any, Protocol

from kiosk.config import Settings
from kiosk.printing.devices import PrinterError, PrinterOutOfPaper, open_printer
from kiosk.printing.worker import PrintWorker
from kiosk.services.documents import PrintDocument, PrintLine
from kiosk.services.events import DataChanged, EventBus, OrderPaid
from kiosk.services.printjobs import PrintJobService
from kiosk.services.receipts import ReceiptService

log = logging.getLogger(__name__)


class PrintStore(Protocol):
    """What the print worker needs of :class:`kiosk.app.Store` (which printing may not
    import: the layers point down)."""

    @property
    def print_jobs(self) -> PrintJobService: ...

    @property
    def receipts(self) -> ReceiptService: ...

    @property
    def events(self) -> EventBus: ...

    def current_settings(self) -> Settings: ...

    def start_event_relay(self) -> None: ...

    def close(self) -> None: ...


def make_worker(store: PrintStore, **kw: Any) -> PrintWorker:
    """A worker on ``store`` that wakes up when an order is paid (here or elsewhere)."""
    worker = PrintWorker(store.print_jobs, store.receipts, store.current_settings, **kw)
    store.events.subscribe(worker.wake, OrderPaid)
    store.events.subscribe(worker.wake, DataChanged)
    return worker


def start_print_worker(store: PrintStore) -> PrintWorker | None:
    """Start the worker thread in this process if a printer is configured and
    ``[printers] worker`` is on; the caller stops it on exit."""
    settings: Settings = store.current_settings()
    if not settings.printers.worker or not (
        settings.printers.kitchen.enabled or settings.printers.receipt.enabled
    ):
        return None
    worker = make_worker(store)
    worker.start()
    log.info("print worker %s started", worker.owner)
    return worker


def run_print_worker(store: PrintStore, once: bool = False) -> int:
    """``kiosk print-worker``: print until SIGTERM / Ctrl-C, or (``once``) until the queue
    has nothing due."""
    worker = make_worker(store)
    try:
        if once:
            while worker.run_once():
                pass
            print(f"{worker.printed} job(s) printed.")
            return 0
        store.start_event_relay()
        signal.signal(signal.SIGTERM, lambda *_: worker.stop(timeout=0))
        log.info("print worker %s running", worker.owner)
        with contextlib.suppress(KeyboardInterrupt):
            worker.run_forever()
        return 0
    finally:
        store.close()


def printer_test_page(settings: Settings, role: str) -> PrintDocument:
    printer = settings.printers.role(role)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = (
        PrintLine("title", settings.store.name_th),
        PrintLine("center", settings.store.name),
        PrintLine("rule"),
        PrintLine("heading", f"ทดสอบเครื่องพิมพ์ / PRINTER TEST ({role})"),
        PrintLine("text", "URL", printer.url),
        PrintLine("text", "Paper", f"{printer.width_mm} mm, {printer.dots} dots"),
        PrintLine("text", "Mode", printer.mode),
        PrintLine("text", "Time", now),
        PrintLine("rule"),
        PrintLine("text", "กุ้ง ปู ปลา ไก่ ผัดไทย ต้มยำ", "฿1,234.50"),
        PrintLine("text", "น้ำ ปั่น ชื่อ สั่ง ฎีกา ฏ ฐิ ญี่ปุ่น"),
        PrintLine("small", "สระและวรรณยุกต์ต้องไม่ลอย: ก่ ก้ ก๊ ก๋ กิ กี กึ กื กุ กู"),
        PrintLine("big", "A042"),
        PrintLine("rule"),
    )
    return PrintDocument("test", "Printer test", lines, {"role": role})


def print_test_page(settings: Settings, role: str) -> str:
    """Print the test page on the ``role`` printer; raises :class:`PrinterError` with the
    reason (no printer configured, unreachable, out of paper, not answering)."""
    printer = settings.printers.role(role)
    if not printer.enabled:
        raise PrinterError(
            f'no printer is configured: set [printers.{role}] url in the config file (now "none")'
        )
    from kiosk.printing.escpos_out import document_bytes  # Pillow + escpos: only to print

    data = document_bytes(
        printer_test_page(settings, role), printer, drawer=bool(printer.cash_drawer)
    )
    conn = open_printer(printer)
    try:
        paper = conn.paper() if conn.readable else 2
        if paper == 0:
            raise PrinterOutOfPaper("it is out of paper (or its cover is open)")
        conn.send(data)
        if conn.readable:
            conn.paper()  # answers once the printer has read the whole page
    finally:
        conn.close()
    note = " (paper is running low)" if paper == 1 else ""
    return f"Test page sent to the {role} printer at {printer.url}{note}."


__all__ = ["PrintStore", "make_worker", "print_test_page", "run_print_worker", "start_print_worker"]
