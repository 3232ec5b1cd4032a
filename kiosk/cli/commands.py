"""The ``kiosk`` commands, one function each (``args`` from :mod:`kiosk.cli.parser`)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli.base import (
    CliError,
    _logged_settings,
    _open_db,
    _overrides,
    _settings,
    _store,
    _ui_not_built,
)
from kiosk.first_look import FirstLook

if TYPE_CHECKING:
    from kiosk.app import Store
    from kiosk.config import Settings


def cmd_run(args: argparse.Namespace) -> int:
    """The customer kiosk, in two phases (:mod:`kiosk.ui.launch`): Welcome is painted
    from :func:`kiosk.first_look.first_look` first; the settings are validated, logging
    set up and the store opened (``open_store`` below) right after that first paint.
    ``--demo`` opens the store before the window (it seeds the demo shop first, and
    Welcome shows the demo owner's staff number)."""
    try:
        from kiosk.ui.launch import run_kiosk
    except ModuleNotFoundError as exc:
        return _ui_not_built(exc, "customer screens")
    from kiosk.ui.bindings import BrokenBindings

    if args.demo:
        store, demo_owner = _demo_store(args)
        look = FirstLook.of(store.current_settings())
        opener: Callable[[], Store] = lambda: store  # noqa: E731
    else:
        from kiosk.first_look import first_look

        look = first_look(args.config, _overrides(args))
        demo_owner = None
        opener = lambda: _open_store(args)  # noqa: E731
    try:
        return run_kiosk(
            opener,
            look=look,
            kiosk_mode=args.kiosk,
            language=args.lang,
            size=args.size,
            demo=demo_owner if args.demo else None,
        )
    except BrokenBindings as exc:
        raise CliError(str(exc)) from None


def _open_store(args: argparse.Namespace, settings: Settings | None = None) -> Store:
    """The kiosk's store, opened after Welcome's first paint; a PromptPay target that
    cannot be paid gets its one line on stderr."""
    settings = settings or _logged_settings(args)
    from kiosk.app import build_store
    from kiosk.services.payments import promptpay_target_problem

    # recovery waits for Welcome's first paint (run_kiosk), not for the store
    store = build_store(settings, recover=False)
    problem = promptpay_target_problem(store.current_settings().store.promptpay_id)
    if problem:
        print(f"kiosk: {problem}", file=sys.stderr)
    return store


def _demo_store(args: argparse.Namespace) -> tuple[Store, int]:
    """``kiosk run --demo``: the database migrated and seeded, the demo's PromptPay target,
    the demo owner (staff number, 0 when the shop has its own staff) and the banner."""
    from kiosk.db.engine import SchemaError
    from kiosk.db.migrate import check_schema, upgrade
    from kiosk.services.demo import demo_banner, ensure_demo_owner, seed_demo
    from kiosk.services.payments import DEMO_PROMPTPAY_ID, promptpay_target_problem

    settings = _logged_settings(args)
    db = _open_db(settings)
    try:
        check_schema(db)  # one query; Alembic loads only when there is work for it
    except SchemaError:
        upgrade(db)
    seed_demo(db, settings)
    db.dispose()
    if promptpay_target_problem(settings.store.promptpay_id):
        # the demo's own target (not stored): no bank issues it, so a scanned QR pays nobody
        settings = settings.merged({"store": {"promptpay_id": DEMO_PROMPTPAY_ID}})
    store = _open_store(args, settings)
    owner = ensure_demo_owner(store.staff)
    print(demo_banner(owner), flush=True)
    return store, owner.id if owner else 0


def cmd_admin(args: argparse.Namespace) -> int:
    settings = _logged_settings(args)
    from kiosk.app import build_store

    store = build_store(settings)
    from kiosk.ui.admin.app import run_admin
    from kiosk.ui.bindings import BrokenBindings

    try:
        return run_admin(store)
    except BrokenBindings as exc:
        raise CliError(str(exc)) from None


def cmd_db(args: argparse.Namespace) -> int:
    from kiosk.db.engine import EmptyDatabaseFile, SchemaError
    from kiosk.db.faults import shown_url
    from kiosk.db.identity import in_memory
    from kiosk.db.migrate import check_schema, current_revision, head_revision, upgrade

    settings = _logged_settings(args, to_stderr=True)
    # only `db upgrade` makes a database; `current` and `check` only look
    try:
        db = _open_db(settings, create=args.db_command == "upgrade")
    except SchemaError as exc:
        if args.db_command != "current":
            raise
        empty = isinstance(exc, EmptyDatabaseFile)
        there = "the file is empty" if empty else "there is no file yet"
        print(f"{settings.database_url}: revision none (empty database); {there}.")
        return 0
    shown = shown_url(db.engine.url)
    if args.db_command == "upgrade":
        before = current_revision(db)
        upgrade(db)
        after = current_revision(db)
        if before == after:
            print(f"{shown}: already at revision {after} (head).")
        else:
            print(f"{shown}: upgraded from {before or 'empty'} to {after}.")
        if in_memory(db):
            print("(a database in memory: nothing of it is kept when this command ends)")
    elif args.db_command == "current":
        current = current_revision(db)
        head = head_revision()
        state = "up to date" if current == head else f"code head is {head}"
        print(f"{shown}: revision {current or 'none (empty database)'} ({state}).")
    elif args.db_command == "check":
        check_schema(db)
        print(f"{shown}: schema is at head.")
    db.dispose()
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from kiosk.db.migrate import check_schema
    from kiosk.services.demo import bulk_members, bulk_orders, seed_demo

    settings = _logged_settings(args)
    db = _open_db(settings)
    check_schema(db)
    started = time.perf_counter()
    seeded = seed_demo(db, settings)
    if seeded:
        print("Seeded the demo menu and members.")
    elif args.if_empty or not (args.members or args.orders):
        print("The database already has a menu; demo data left as it is.")
    if args.members:
        t0 = time.perf_counter()
        bulk_members(db, settings, args.members)
        print(f"Added {args.members:,} members in {time.perf_counter() - t0:.1f} s.")
    if args.orders:
        t0 = time.perf_counter()
        bulk_orders(db, settings, args.orders)
        print(f"Added {args.orders:,} orders in {time.perf_counter() - t0:.1f} s.")
    if args.members or args.orders:
        print(f"Total {time.perf_counter() - started:.1f} s.")
    db.dispose()
    return 0


def cmd_promptpay(args: argparse.Namespace) -> int:
    from decimal import Decimal

    from kiosk.services.promptpay import build_payload

    try:
        amount = Decimal(args.amount) if args.amount is not None else None
        payload = build_payload(args.target, amount)
    except ArithmeticError:  # Decimal("abc") too
        raise CliError(f"{args.amount!r} is not an amount.") from None
    print(payload)
    if args.png:
        from kiosk.services.qr import render_png

        try:
            render_png(payload, Path(args.png))
        except OSError as exc:  # a full disk here is not the database's
            raise CliError(f"Cannot write the QR to {args.png}: {exc.strerror or exc}.") from None
        print(f"QR written to {args.png}", file=sys.stderr)
    return 0


def cmd_staff(args: argparse.Namespace) -> int:
    store = _store(args)
    staff = store.staff
    if args.staff_command == "add":
        pin = args.pin
        if pin is None:
            if not sys.stdin.isatty():
                pin = sys.stdin.readline().strip()
            else:
                import getpass

                pin = getpass.getpass(f"PIN for {args.name} (4-8 digits): ")
                again = getpass.getpass("Repeat the PIN: ")
                if pin != again:
                    raise CliError("The two PINs differ; nothing was saved.")
        user = staff.create(args.name, args.role, pin, by="cli")
        print(f"Added {user.name} ({user.role}), staff number {user.id} for the kiosk's pad.")
    elif args.staff_command == "list":
        users = staff.list()
        if not users:
            print("No staff members yet: add one with 'kiosk staff add NAME --role owner'.")
        else:
            width = max(4, *(len(u.name) for u in users))
            print(f"{'No.':>5}  {'Name':{width}}  {'Role':8} State")
            for user in users:
                state = "active" if user.active else "disabled"
                print(f"{user.id:>5}  {user.name:{width}}  {user.role:8} {state}")
    store.close()
    return 0


def cmd_points(args: argparse.Namespace) -> int:
    store = _store(args)
    expired = store.loyalty.expire()
    print(f"Expired {sum(expired.values()):,} points from {len(expired):,} members.")
    store.close()
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    from kiosk.app import build_store

    # not the recovery every opened store runs: then this command would count nothing
    store = build_store(_settings(args), recover=False)
    try:
        kiosk = "*" if args.all else store.current_settings().store.kiosk_id
        results = store.payments.reconcile(kiosk_id=kiosk, grace_seconds=args.grace)
        for r in results:
            print(f"payment {r.payment_id} (order {r.order_number}): {r.status} - {r.message}")
        print(f"{len(results)} pending payment(s) settled.")
        abandoned = store.orders.cancel_abandoned(kiosk)
        if abandoned:
            numbers = ", ".join(abandoned)
            print(f"Cancelled unpaid order(s) a crash left, points returned: {numbers}")
        print(f"{len(abandoned)} abandoned order(s) cancelled.")
    finally:
        store.close()
    return 0


def cmd_board(args: argparse.Namespace) -> int:
    _logged_settings(args)
    from kiosk.ui.board.app import run_board
    from kiosk.ui.launch import parse_size

    return run_board(_store(args), windowed=args.windowed, size=parse_size(args.size))


def cmd_print_worker(args: argparse.Namespace) -> int:
    from kiosk.printing.runner import run_print_worker

    _logged_settings(args, to_stderr=not args.quiet)
    return run_print_worker(_store(args), once=args.once)


def cmd_print_test(args: argparse.Namespace) -> int:
    from kiosk.printing.devices import PrinterError
    from kiosk.printing.runner import print_test_page

    settings = _settings(args)
    try:
        message = print_test_page(settings, args.role)
    except PrinterError as exc:
        raise CliError(f"The {args.role} printer could not print the test page: {exc}") from None
    print(message)
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from datetime import date

    day = None
    if args.date:
        try:
            day = date.fromisoformat(args.date)
        except ValueError:
            raise CliError(f"{args.date!r} is not a date: use YYYY-MM-DD.") from None
    store = _store(args)
    try:
        order_id = store.receipts.find(args.number, day)
        if args.print:
            job = store.print_jobs.reprint(order_id, "receipt", staff=args.staff)
            print(f"A copy of the receipt is queued for the receipt printer (job {job}).")
            if not store.settings.current().printers.role("receipt").enabled:
                # the queue is the store's: another machine's print worker may have one
                print(
                    "This machine has no receipt printer configured ([printers.receipt] url "
                    'is "none"): only a print worker on a machine with one prints it.',
                    file=sys.stderr,
                )
        else:
            doc = store.receipts.receipt(order_id, copy=args.copy)
            sys.stdout.write(doc.to_text(args.width))
    finally:
        store.close()
    return 0


def cmd_screenshots(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settings = _logged_settings(args)
    try:
        from kiosk.ui.screenshots import take_screenshots
    except ModuleNotFoundError as exc:
        return _ui_not_built(exc, "screens")
    langs = ["th", "en"] if args.lang == "all" else [args.lang]
    sizes = ["1080x1920", "1920x1080"] if args.size == "all" else [args.size]
    paths = take_screenshots(settings, Path(args.dir), langs=langs, sizes=sizes)
    for path in paths:
        print(path)
    return 0
