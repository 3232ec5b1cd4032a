"""The composition root: config → engine → services → UI. The only place that wires.

Nothing is created at import time; tests build a store with their own settings and a
temporary database::

    from kiosk.app import open_store
    store = open_store("sqlite:///path.db", config={"loyalty": {"baht_per_point": 20}},
                       migrate=True)
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.config import Settings, load_settings
from kiosk.db import Database
from kiosk.db.identity import in_memory, merchant_id, stored_merchant
from kiosk.db.migrate import check_schema, upgrade
from kiosk.services.board import BoardService
from kiosk.services.customers import CustomerService
from kiosk.services.events import EventBus, PgEventRelay, SqliteChangeWatcher
from kiosk.services.export import ExportService
from kiosk.services.gateway import Clock, MockGateway, MockLedger, PaymentGateway, SystemClock
from kiosk.services.loyalty import LoyaltyService
from kiosk.services.menu import MenuService
from kiosk.services.orders import OrderService
from kiosk.services.payments import PaymentResult, PaymentService
from kiosk.services.printjobs import PrintJobService
from kiosk.services.privacy import PrivacyService
from kiosk.services.receipts import ReceiptService
from kiosk.services.reports import ReportService
from kiosk.services.settings import SettingsService
from kiosk.services.staff import StaffActions, StaffService
from kiosk.services.staff_pad import StaffPadService
from kiosk.services.taxinvoice import TaxInvoiceService

if TYPE_CHECKING:
    from argon2 import PasswordHasher

log = logging.getLogger(__name__)


@dataclass
class Store:
    """Everything a screen, the CLI or a test needs, wired to one database.

    Built only by :func:`build_store`: every service here shares the store's database,
    event bus, clock and settings, and ``actions`` (the admin panel's role checks) and
    ``staff_pad`` (the kiosk's staff sign-in) wrap this store's own ``staff``."""

    settings_file: Settings
    db: Database
    events: EventBus
    settings: SettingsService
    menu: MenuService
    customers: CustomerService
    orders: OrderService
    loyalty: LoyaltyService
    payments: PaymentService
    gateway: PaymentGateway
    clock: Clock
    staff: StaffService
    staff_pad: StaffPadService
    actions: StaffActions
    reports: ReportService
    receipts: ReceiptService
    print_jobs: PrintJobService
    board: BoardService
    tax_invoices: TaxInvoiceService
    extras: dict[str, Any] = field(default_factory=dict)
    _relay: PgEventRelay | SqliteChangeWatcher | None = None

    def current_settings(self) -> Settings:
        return self.settings.current()

    def start_event_relay(self) -> None:
        """Hear about changes made by other kiosks and panels: ``LISTEN/NOTIFY`` on
        PostgreSQL, ``PRAGMA data_version`` polling on a shared SQLite file."""
        if self._relay is not None:
            return
        if self.db.dialect == "postgresql":
            url = self.db.engine.url.set(drivername="postgresql")
            self._relay = PgEventRelay(self.events, url.render_as_string(hide_password=False))
        elif self.db.engine.url.database not in (None, "", ":memory:"):
            self._relay = SqliteChangeWatcher(self.events, str(self.db.engine.url.database))
        if self._relay is not None:
            self._relay.start()

    def close(self) -> None:
        if self._relay is not None:
            self._relay.stop()
            self._relay = None
        self.payments.close()
        if isinstance(self.gateway, MockGateway):
            self.gateway.close()
        self.db.dispose()


def build_store(
    settings: Settings,
    migrate: bool = False,
    gateway: PaymentGateway | None = None,
    rng: random.Random | None = None,
    clock: Clock | None = None,
    staff_hasher: PasswordHasher | None = None,
    recover: bool = True,
) -> Store:
    """Wire a store to ``settings``' database. ``recover=False`` leaves the crash
    recovery (:func:`recover_payments`) to the caller: the kiosk runs it once Welcome is
    on the screen."""
    db = Database(
        settings.database_url,
        busy_timeout_ms=settings.database.busy_timeout_ms,
        create=migrate,  # a store that is not to migrate never makes a database either
    )
    db.check_connection()
    if migrate:
        upgrade(db)
    check_schema(db)
    bus = EventBus()
    clock = clock or SystemClock()
    settings_service = SettingsService(db, settings, bus, clock)
    current = settings_service.current
    if gateway is None:
        # named when the database is made or upgraded (read here otherwise, so a
        # customer's payment never waits for it); a database upgraded before that names
        # it at its first charge
        ledger = MockLedger(
            ":memory:" if in_memory(db) else settings.mock_ledger_path,
            merchant=stored_merchant(db) or (lambda: merchant_id(db)),
        )
        gateway = MockGateway(
            failure_rate=lambda: current().payments.promptpay_failure_rate,
            delay_seconds=lambda: current().payments.promptpay_delay_seconds,
            rng=rng,
            clock=clock,
            # a database that dies with the process gets a ledger that does too
            ledger=ledger,
        )
    menu = MenuService(db, bus, clock)
    customers = CustomerService(db, current, clock)
    orders = OrderService(db, current, bus, clock)
    loyalty = LoyaltyService(db, current, bus, clock)
    payments = PaymentService(db, current, bus, gateway, clock)
    staff = StaffService(db, current, bus, clock, hasher=staff_hasher)
    # the admin panel's role-checked facade, over the very services the store holds
    actions = StaffActions(
        staff,
        orders,
        payments,
        loyalty,
        customers,
        menu,
        settings_service,
        ExportService(db, current, clock),
        PrivacyService(db, current, staff, clock),
    )
    store = Store(
        settings_file=settings,
        db=db,
        events=bus,
        settings=settings_service,
        menu=menu,
        customers=customers,
        orders=orders,
        loyalty=loyalty,
        payments=payments,
        gateway=gateway,
        clock=clock,
        staff=staff,
        staff_pad=StaffPadService(db, current, staff, clock),
        actions=actions,
        reports=ReportService(db, current, clock),
        receipts=ReceiptService(db, current),
        print_jobs=PrintJobService(db, current, clock),
        board=BoardService(db, current, clock),
        tax_invoices=TaxInvoiceService(db, current, clock),
    )
    if recover:
        recover_payments(store)
    return store


def recover_payments(store: Store, grace_seconds: float = 0.0) -> list[PaymentResult]:
    """Settle what a crash left of this kiosk's payments and refunds, from the provider's
    answers (never a payment another live process is working on). Done whenever a store
    is opened (the kiosk: once Welcome is on the screen), so a script, the CLI, the admin
    panel and the kiosk all recover; ``grace_seconds``: payments younger than that are
    left to their process. A failure is logged, never raised (then nothing is returned)."""
    try:
        settled = store.payments.reconcile(None, grace_seconds)
    except Exception:
        log.exception("payment reconciliation failed; `kiosk reconcile` retries it")
        return []
    if settled:
        log.info("recovered %d payment(s) a crash left unsettled", len(settled))
    return settled


def recover_kiosk(store: Store, grace_seconds: float = 0.0) -> list[str]:
    """What the kiosk itself recovers (at start, every few minutes, and ``kiosk
    reconcile``): its payments (:func:`recover_payments`), then the unpaid orders a crash
    left with no payment at all, cancelled so their redeemed points go back
    (:meth:`~kiosk.services.orders.OrderService.cancel_abandoned`); the numbers of the
    orders cancelled. Not done by every store opened: an admin PC whose clock runs ahead
    must never cancel a customer's order on a kiosk with the same id. A failure is
    logged, never raised."""
    recover_payments(store, grace_seconds)
    try:
        abandoned = store.orders.cancel_abandoned(store.current_settings().store.kiosk_id)
    except Exception:
        log.exception("cancelling abandoned orders failed; `kiosk reconcile` retries it")
        return []
    if abandoned:
        log.info(
            "cancelled %d unpaid order(s) a crash left (points returned): %s",
            len(abandoned),
            ", ".join(abandoned),
        )
    return abandoned


def open_store(
    url: str | None = None,
    config: Mapping[str, Any] | None = None,
    migrate: bool = False,
    *,
    config_path: str | None = None,
    gateway: PaymentGateway | None = None,
    rng: random.Random | None = None,
    clock: Clock | None = None,
    staff_hasher: PasswordHasher | None = None,
) -> Store:
    """Open a store on ``url`` with ``config`` (same shape as the TOML file) on top of the
    usual configuration sources. ``migrate=True`` runs ``kiosk db upgrade`` first."""
    overrides: dict[str, Any] = dict(config or {})
    if url:
        overrides.setdefault("database", {})
        overrides["database"] = {**overrides["database"], "url": url}
    settings = load_settings(config_path, overrides=overrides)
    return build_store(
        settings,
        migrate=migrate,
        gateway=gateway,
        rng=rng,
        clock=clock,
        staff_hasher=staff_hasher,
    )
