"""Print jobs: kitchen tickets and receipts as rows, claimed by workers under a lease.

:func:`record_paid_order` runs inside the transaction that settles a payment (card, cash,
PromptPay or "mark paid" at the counter): it numbers the receipt and writes one job per
configured printer role, so a paid order and its ticket commit together or not at all.

A worker (``kiosk.printing.worker``) then moves a job through

``queued`` → ``printing`` (claimed: ``lease_owner``, ``lease_until``, ``attempts`` + 1)
→ ``sending`` (committed just before the first byte goes out) → ``done``.

A worker that dies leaves its job ``printing`` or ``sending`` with a lease that runs out;
any worker then takes it over. A ``printing`` job had sent nothing, so it prints normally.
A ``sending`` job may or may not have reached the paper: it is printed again, marked
"REPRINT? CHECK" (``uncertain``), because a missing kitchen ticket costs more than a
duplicate the kitchen can see is one. Every state change checks the lease (owner and
attempt), so a worker that was too slow never overwrites the job's new owner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Order, PrintJob, PrintJobStatus
from kiosk.services.audit import audit_row
from kiosk.services.errors import InvalidInput, OrderNotFound
from kiosk.services.gateway import Clock
from kiosk.services.receipts import issue_receipt

KITCHEN = "kitchen"
RECEIPT = "receipt"
KINDS = (KITCHEN, RECEIPT)


def _queued_job(
    key: str, order_id: int, kind: str, now: datetime, reprint: bool = False, staff: str = ""
) -> dict[str, Any]:
    """The columns of a new job waiting for its printer, due at once (``staff``: who asked
    for a reprint)."""
    return {
        "key": key,
        "order_id": order_id,
        "kind": kind,
        "status": PrintJobStatus.QUEUED.value,
        "attempts": 0,
        "reprint": reprint,
        "uncertain": False,
        "lease_owner": "",
        "last_error": "",
        "staff": staff,
        "next_attempt_at": now,
        "created_at": now,
        "updated_at": now,
    }


def record_paid_order(
    s: Session,
    order_id: int,
    settings: Settings,
    now: datetime,
    *,
    has_receipt: bool | None = None,
) -> None:
    """Inside the settling transaction: number the receipt and queue the print jobs (Core
    statements, no ORM objects). ``has_receipt``: whether the order has its receipt
    already, if the caller read it under the order's lock (``None``: look it up).

    The job keys (``kitchen:<order id>``) are unique, so an order can never get two
    original kitchen tickets, whatever path settled it."""
    if has_receipt is not True:
        issue_receipt(s, order_id, settings, now, look_up=has_receipt is None)
    conn = s.connection()
    for kind in KINDS:
        if not settings.printers.role(kind).enabled:
            continue
        key = f"{kind}:{order_id}"
        if conn.execute(_JOB_BY_KEY, {"key_": key}).first() is not None:
            continue
        conn.execute(_INSERT_JOB, _queued_job(key, order_id, kind, now))


_JOB_BY_KEY = select(PrintJob.__table__.c.id).where(PrintJob.__table__.c.key == bindparam("key_"))
_INSERT_JOB = insert(PrintJob.__table__)


@dataclass(frozen=True)
class ClaimedJob:
    """A job a worker holds: only ``owner`` with this ``attempt`` may move it on."""

    id: int
    kind: str
    order_id: int | None
    attempt: int
    owner: str
    reprint: bool
    uncertain: bool


@dataclass(frozen=True)
class PrintJobView:
    id: int
    order_id: int | None
    order_number: str
    kind: str
    status: str
    attempts: int
    reprint: bool
    uncertain: bool
    last_error: str
    created_at: datetime
    printed_at: datetime | None


def _job_view(j: PrintJob, number: str | None) -> PrintJobView:
    """The view of one job; ``number`` is its order's (none for a job whose order is gone)."""
    return PrintJobView(
        j.id,
        j.order_id,
        number or "",
        j.kind,
        j.status,
        j.attempts,
        j.reprint,
        j.uncertain,
        j.last_error,
        j.created_at,
        j.printed_at,
    )


class PrintJobService:
    def __init__(self, db: Database, settings: Callable[[], Settings], clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self.clock = clock

    # -- the worker's side ------------------------------------------------------------
    def claim(self, owner: str, kinds: Sequence[str] = KINDS) -> ClaimedJob | None:
        """Take the oldest job that is due, or whose lease ran out; ``None`` if none."""
        now = self.clock.now()
        lease = timedelta(seconds=self._settings().printers.lease_seconds)
        due = or_(
            (PrintJob.status == PrintJobStatus.QUEUED.value)
            & or_(PrintJob.next_attempt_at.is_(None), PrintJob.next_attempt_at <= now),
            PrintJob.status.in_((PrintJobStatus.PRINTING.value, PrintJobStatus.SENDING.value))
            & (PrintJob.lease_until < now),
        )
        # A cheap read first: an idle worker polls every second and must not take the
        # write lock (SQLite's BEGIN IMMEDIATE) each time.
        with self._db.read() as s:
            if (
                s.scalar(select(PrintJob.id).where(PrintJob.kind.in_(list(kinds)), due).limit(1))
                is None
            ):
                return None
        with self._db.uow() as uow:
            s = uow.session
            q = (
                select(PrintJob)
                .where(PrintJob.kind.in_(list(kinds)), due)
                .order_by(PrintJob.id)
                .limit(1)
                .with_for_update(skip_locked=True)
                .execution_options(populate_existing=True)
            )
            job = s.scalars(q).first()
            if job is None:
                return None
            if job.status == PrintJobStatus.SENDING.value:
                job.uncertain = True  # the last owner may have printed it
            job.status = PrintJobStatus.PRINTING.value
            job.attempts += 1
            job.lease_owner = owner[:64]
            job.lease_until = now + lease
            job.updated_at = now
            claimed = ClaimedJob(
                job.id, job.kind, job.order_id, job.attempts, owner, job.reprint, job.uncertain
            )
            uow.commit()
        return claimed

    def _move(self, job: ClaimedJob, **values: object) -> bool:
        """Change ``job`` if ``job.owner`` still holds this attempt; False if it lost it."""
        with self._db.uow() as uow:
            result = uow.session.execute(
                update(PrintJob)
                .where(
                    PrintJob.id == job.id,
                    PrintJob.lease_owner == job.owner[:64],
                    PrintJob.attempts == job.attempt,
                    PrintJob.status.in_(
                        (PrintJobStatus.PRINTING.value, PrintJobStatus.SENDING.value)
                    ),
                )
                .values(updated_at=self.clock.now(), **values)
            )
            uow.commit()
        return bool(result.rowcount)

    def start_sending(self, job: ClaimedJob) -> bool:
        """Committed just before the first byte: from here a crash makes the job uncertain."""
        lease = timedelta(seconds=self._settings().printers.lease_seconds)
        return self._move(
            job, status=PrintJobStatus.SENDING.value, lease_until=self.clock.now() + lease
        )

    def complete(self, job: ClaimedJob) -> bool:
        now = self.clock.now()
        return self._move(
            job,
            status=PrintJobStatus.DONE.value,
            printed_at=now,
            lease_until=None,
            last_error="",
        )

    def release(self, job: ClaimedJob, error: str, sent: bool, retry_seconds: float) -> bool:
        """The printer failed: back to the queue, retried after ``retry_seconds``.
        ``sent`` says bytes may have gone out, so the next copy is marked uncertain."""
        values: dict[str, object] = {
            "status": PrintJobStatus.QUEUED.value,
            "lease_until": None,
            "lease_owner": "",
            "last_error": error[:255],
            "next_attempt_at": self.clock.now() + timedelta(seconds=retry_seconds),
        }
        if sent:
            values["uncertain"] = True
        return self._move(job, **values)

    # -- staff's side -----------------------------------------------------------------
    def reprint(self, order_id: int, kind: str, staff: str) -> int:
        """Queue another copy (printed with REPRINT / สำเนา); audited. Returns the job id."""
        if kind not in KINDS:
            raise InvalidInput("Choose the kitchen ticket or the receipt to reprint.")
        if not staff:
            raise InvalidInput("The staff member must be named.")
        now = self.clock.now()
        with self._db.uow() as uow:
            s = uow.session
            order = s.get(Order, order_id)
            if order is None:
                raise OrderNotFound(f"Order {order_id} does not exist.")
            if order.paid_at is None:
                raise InvalidInput(f"Order {order.number} is not paid; nothing to reprint.")
            n = s.scalar(
                select(func.count(PrintJob.id)).where(
                    PrintJob.order_id == order_id, PrintJob.kind == kind
                )
            )
            key = f"{kind}:{order_id}:r{int(n or 0) + 1}"
            job = PrintJob(**_queued_job(key, order_id, kind, now, reprint=True, staff=staff[:64]))
            s.add(job)
            s.add(
                audit_row(
                    self.clock,
                    at=now,
                    staff=staff,
                    action=f"print.reprint_{kind}",
                    entity="order",
                    entity_id=str(order_id),
                    after={"number": order.number},
                )
            )
            uow.flush()
            job_id = job.id
            uow.commit()
        return job_id

    def jobs(self, statuses: Sequence[str] | None = None, limit: int = 50) -> list[PrintJobView]:
        """The newest jobs (default: every status), for the admin panel and tests."""
        with self._db.read() as s:
            q = select(PrintJob, Order.number).join(
                Order, Order.id == PrintJob.order_id, isouter=True
            )
            if statuses:
                q = q.where(PrintJob.status.in_(list(statuses)))
            rows = s.execute(q.order_by(PrintJob.id.desc()).limit(limit)).all()
            return [_job_view(j, number) for j, number in rows]

    def for_order(self, order_id: int) -> list[PrintJobView]:
        """The order's jobs, oldest first (the admin panel shows where its ticket is)."""
        with self._db.read() as s:
            rows = s.execute(
                select(PrintJob, Order.number)
                .join(Order, Order.id == PrintJob.order_id)
                .where(PrintJob.order_id == order_id)
                .order_by(PrintJob.id)
            ).all()
            return [_job_view(j, number) for j, number in rows]

    def pending_count(self) -> dict[str, int]:
        """Jobs not printed yet, per kind (``{"kitchen": 2}``)."""
        with self._db.read() as s:
            rows = s.execute(
                select(PrintJob.kind, func.count(PrintJob.id))
                .where(PrintJob.status != PrintJobStatus.DONE.value)
                .group_by(PrintJob.kind)
            ).all()
        return {kind: int(n) for kind, n in rows}


__all__ = [
    "KINDS",
    "KITCHEN",
    "RECEIPT",
    "ClaimedJob",
    "PrintJobService",
    "PrintJobView",
    "record_paid_order",
]
