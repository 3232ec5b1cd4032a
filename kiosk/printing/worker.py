"""The print worker: claims print jobs, sends them, retries a printer that is offline or
out of paper, marks them done. Runs on its own thread (never the UI thread) in the kiosk
process, or alone as ``kiosk print-worker``.

For each job (see ``kiosk.services.printjobs`` for the states and the guarantee):

1. claim it (``printing``, under a lease) and render its bytes from the database;
2. connect; a TCP printer is asked for its paper status first: offline or out of paper
   releases the job untouched (nothing was sent) and the printer's role waits
   ``retry_seconds`` before the next try;
3. commit ``sending``, send every byte in one write, then ask the paper status again:
   the answer comes only after the printer read the whole ticket;
4. commit ``done``. A failure during 3 releases the job as *uncertain*: its next copy
   says "REPRINT? CHECK".
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from kiosk.config import Settings
from kiosk.printing.devices import (
    Connection,
    PrinterError,
    PrinterOutOfPaper,
    open_printer,
)
from kiosk.services.printjobs import KINDS, ClaimedJob, PrintJobService
from kiosk.services.receipts import ReceiptService

log = logging.getLogger(__name__)

Connect = Callable[..., Connection]


def worker_name() -> str:
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class PrintWorker:
    def __init__(
        self,
        jobs: PrintJobService,
        receipts: ReceiptService,
        settings: Callable[[], Settings],
        *,
        owner: str | None = None,
        connect: Connect = open_printer,
        poll_seconds: float = 1.0,
    ) -> None:
        self.jobs = jobs
        self.receipts = receipts
        self._settings = settings
        self.owner = owner or worker_name()
        self._connect = connect
        self.poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._waiting: dict[str, datetime] = {}  # role → when its printer may be tried again
        self.status: dict[str, str] = {}  # role → "ok" or the last error, for the panel
        self.printed = 0

    # -- thread ------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self, *_args: object) -> None:
        """Look for jobs now (an order was paid), not at the next poll."""
        self._wake.set()

    def run_forever(self) -> None:
        """The loop of ``kiosk print-worker``: until :meth:`stop` (or a signal)."""
        self._run()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.run_once()
            except Exception:  # the database went away, a bug: log, wait, go on
                log.exception("print worker: unexpected error; retrying")
                busy = False
            if not busy:
                self._wake.wait(self.poll_seconds)
                self._wake.clear()

    # -- one step ----------------------------------------------------------------------
    def run_once(self) -> bool:
        """Print at most one job; True if a job was claimed (there may be more)."""
        settings = self._settings()
        now = self.jobs.clock.now()
        roles = [
            kind
            for kind in KINDS
            if settings.printers.role(kind).enabled and self._waiting.get(kind, now) <= now
        ]
        if not roles:
            return False
        job = self.jobs.claim(self.owner, roles)
        if job is None:
            return False
        self._print(job, settings)
        return True

    def _print(self, job: ClaimedJob, settings: Settings) -> None:
        printer = settings.printers.role(job.kind)
        retry = settings.printers.retry_seconds
        try:
            data = self._render(job, settings)
        except Exception as exc:
            log.exception("print job %s: cannot render it", job.id)
            self.jobs.release(job, f"Cannot prepare the ticket: {exc}", False, retry * 12)
            return
        sent = False
        conn: Connection | None = None
        try:
            conn = self._connect(printer)
            if conn.readable and conn.paper() == 0:
                raise PrinterOutOfPaper("The printer is out of paper.")
            if not self.jobs.start_sending(job):
                log.warning(
                    "print job %s: lease lost before sending; left to its new owner", job.id
                )
                return
            sent = True
            conn.send(data)
            if conn.readable and conn.paper() == 0:
                raise PrinterOutOfPaper("The printer ran out of paper during the ticket.")
        except PrinterError as exc:
            self._printer_failed(job, str(exc), sent, retry)
            return
        except Exception as exc:
            log.exception("print job %s: unexpected printer error", job.id)
            self._printer_failed(job, f"Printer error: {exc}", sent, retry)
            return
        finally:
            if conn is not None:
                conn.close()
        if self.jobs.complete(job):
            self.printed += 1
            self.status[job.kind] = "ok"
            self._waiting.pop(job.kind, None)
            log.info("print job %s (%s, order %s) printed", job.id, job.kind, job.order_id)
        else:
            log.warning("print job %s printed after its lease was lost", job.id)

    def _printer_failed(self, job: ClaimedJob, error: str, sent: bool, retry: float) -> None:
        log.warning("print job %s: %s (retry in %ss)", job.id, error, retry)
        self.status[job.kind] = error
        self._waiting[job.kind] = self.jobs.clock.now() + timedelta(seconds=retry)
        self.jobs.release(job, error, sent, retry)

    def _render(self, job: ClaimedJob, settings: Settings) -> bytes:
        # Pillow and python-escpos load with the first job, not with the kiosk
        from kiosk.printing.escpos_out import document_bytes

        printer = settings.printers.role(job.kind)
        assert job.order_id is not None
        if job.kind == "kitchen":
            doc = self.receipts.kitchen_ticket(job.order_id, job.reprint, job.uncertain)
            return document_bytes(doc, printer)
        doc = self.receipts.receipt(job.order_id, copy=job.reprint or job.uncertain)
        cash = doc.fields.get("method") == "cash"
        return document_bytes(doc, printer, drawer=cash and not (job.reprint or job.uncertain))


__all__ = ["PrintWorker", "worker_name"]
