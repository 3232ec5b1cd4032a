"""The ``kiosk`` console script (also ``python -m kiosk``).

Every failure a person can cause (a bad config file, an unreachable or damaged database,
bad input) ends with one paragraph on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import logging
import sqlite3
import sys
import time
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from kiosk import __version__
from kiosk.config import ConfigError, Settings, load_settings
from kiosk.db.engine import DatabaseError

log = logging.getLogger("kiosk.cli")

EXIT_USER_ERROR = 2


class CliError(Exception):
    """A problem to report in one paragraph with exit code 2."""


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "database_url", None):
        overrides["database"] = {"url": args.database_url}
    if getattr(args, "log_level", None):
        overrides["logging"] = {"level": args.log_level}
    return load_settings(args.config, overrides=overrides)


def _store(args: argparse.Namespace, migrate: bool = False):  # type: ignore[no-untyped-def]
    from kiosk.app import build_store

    return build_store(_settings(args), migrate=migrate)


# -- commands ---------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _logging(settings)
    from kiosk.app import build_store
    from kiosk.db import Database
    from kiosk.db.engine import SchemaError
    from kiosk.db.migrate import check_schema, upgrade

    if args.demo:
        db = Database(settings.database_url, busy_timeout_ms=settings.database.busy_timeout_ms)
        db.check_connection()
        try:
            check_schema(db)  # one query; Alembic loads only when there is work for it
        except SchemaError:
            upgrade(db)
        from kiosk.services.demo import seed_demo

        seed_demo(db, settings)
        db.dispose()
    from kiosk.services.payments import DEMO_PROMPTPAY_ID, promptpay_target_problem

    if args.demo and promptpay_target_problem(settings.store.promptpay_id):
        # the demo's own target (not stored): no bank issues it, so a scanned QR pays nobody
        settings = settings.merged({"store": {"promptpay_id": DEMO_PROMPTPAY_ID}})
    # recovery waits for Welcome's first paint (run_kiosk), not for the store
    store = build_store(settings, recover=False)
    demo_owner = None
    if args.demo:
        from kiosk.services.demo import demo_banner, ensure_demo_owner

        demo_owner = ensure_demo_owner(store.staff)
        print(demo_banner(demo_owner), flush=True)
    problem = promptpay_target_problem(store.current_settings().store.promptpay_id)
    if problem:
        print(f"kiosk: {problem}", file=sys.stderr)
    try:
        from kiosk.ui.launch import run_kiosk
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("kiosk.ui"):
            print("The customer screens are not built yet.", file=sys.stderr)
            return 1
        raise
    from kiosk.ui.bindings import BrokenBindings

    try:
        return run_kiosk(
            store,
            kiosk_mode=args.kiosk,
            language=args.lang,
            size=args.size,
            demo=(demo_owner.id if demo_owner else 0) if args.demo else None,
        )
    except BrokenBindings as exc:
        raise CliError(str(exc)) from None


def cmd_admin(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _logging(settings)
    from kiosk.app import build_store

    store = build_store(settings)
    from kiosk.ui.admin.app import run_admin
    from kiosk.ui.bindings import BrokenBindings

    try:
        return run_admin(store)
    except BrokenBindings as exc:
        raise CliError(str(exc)) from None


def cmd_db(args: argparse.Namespace) -> int:
    from kiosk.db import Database
    from kiosk.db.migrate import check_schema, current_revision, head_revision, upgrade

    settings = _settings(args)
    _logging(settings, to_stderr=True)
    db = Database(settings.database_url, busy_timeout_ms=settings.database.busy_timeout_ms)
    db.check_connection()
    shown = db.engine.url.render_as_string(hide_password=True)
    if args.db_command == "upgrade":
        before = current_revision(db)
        upgrade(db)
        after = current_revision(db)
        if before == after:
            print(f"{shown}: already at revision {after} (head).")
        else:
            print(f"{shown}: upgraded from {before or 'empty'} to {after}.")
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
    from kiosk.db import Database
    from kiosk.db.migrate import check_schema
    from kiosk.services.demo import bulk_members, bulk_orders, seed_demo

    settings = _settings(args)
    _logging(settings)
    db = Database(settings.database_url, busy_timeout_ms=settings.database.busy_timeout_ms)
    db.check_connection()
    check_schema(db)
    started = time.perf_counter()
    seeded = seed_demo(db, settings)
    if seeded:
        print("Seeded the demo menu and members.")
    elif args.if_empty:
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
    from kiosk.services.promptpay import build_payload

    amount = Decimal(args.amount) if args.amount is not None else None
    try:
        payload = build_payload(args.target, amount)
    except ArithmeticError:
        raise CliError(f"{args.amount!r} is not an amount.") from None
    print(payload)
    if args.png:
        from kiosk.services.qr import render_png

        render_png(payload, Path(args.png))
        print(f"QR written to {args.png}", file=sys.stderr)
    return 0


def cmd_staff(args: argparse.Namespace) -> int:
    from kiosk.services.staff import StaffService

    store = _store(args)
    staff = StaffService(store.db, store.current_settings, store.events)
    if args.staff_command == "add":
        pin = args.pin
        if pin is None:
            if not sys.stdin.isatty():
                pin = sys.stdin.readline().strip()
            else:
                pin = getpass.getpass(f"PIN for {args.name} (4-8 digits): ")
                again = getpass.getpass("Repeat the PIN: ")
                if pin != again:
                    raise CliError("The two PINs differ; nothing was saved.")
        user = staff.create(args.name, args.role, pin, by="cli")
        print(f"Added {user.name} ({user.role}), staff number {user.id} for the kiosk's pad.")
    elif args.staff_command == "list":
        for user in staff.list():
            state = "active" if user.active else "disabled"
            print(f"{user.id:>5}  {user.name:20} {user.role:8} {state}")
    store.close()
    return 0


def cmd_points(args: argparse.Namespace) -> int:
    store = _store(args)
    expired = store.loyalty.expire()
    print(f"Expired {sum(expired.values()):,} points from {len(expired):,} members.")
    store.close()
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    store = _store(args)
    results = store.payments.reconcile(kiosk_id="*" if args.all else None, grace_seconds=args.grace)
    for r in results:
        print(f"payment {r.payment_id} (order {r.order_number}): {r.status} - {r.message}")
    print(f"{len(results)} pending payment(s) settled.")
    store.close()
    return 0


def cmd_board(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _logging(settings)
    from kiosk.ui.board.app import run_board
    from kiosk.ui.launch import parse_size

    return run_board(_store(args), windowed=args.windowed, size=parse_size(args.size))


def cmd_print_worker(args: argparse.Namespace) -> int:
    from kiosk.printing.runner import run_print_worker

    settings = _settings(args)
    _logging(settings, to_stderr=not args.quiet)
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
        else:
            doc = store.receipts.receipt(order_id, copy=args.copy)
            sys.stdout.write(doc.to_text(args.width))
    finally:
        store.close()
    return 0


def cmd_screenshots(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settings = _settings(args)
    _logging(settings)
    try:
        from kiosk.ui.screenshots import take_screenshots
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("kiosk.ui"):
            print("The screens are not built yet.", file=sys.stderr)
            return 1
        raise
    langs = ["th", "en"] if args.lang == "all" else [args.lang]
    sizes = ["1080x1920", "1920x1080"] if args.size == "all" else [args.size]
    paths = take_screenshots(settings, Path(args.dir), langs=langs, sizes=sizes)
    for path in paths:
        print(path)
    return 0


def _logging(settings: Settings, to_stderr: bool = True) -> None:
    from kiosk.logsetup import setup_logging

    setup_logging(settings.logging.level, settings.log_dir, to_stderr=to_stderr)


# -- parser -----------------------------------------------------------------------------


def _common_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before or after the command. After it, unset ones are suppressed so
    they do not overwrite what was given before it (``kiosk --config X db upgrade``)."""
    default = argparse.SUPPRESS if suppress else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        metavar="PATH",
        default=default,
        help="TOML config file (default: $KIOSK_CONFIG or kiosk.toml in the user config folder)",
    )
    common.add_argument(
        "--database-url",
        metavar="URL",
        default=default,
        help="overrides KIOSK_DATABASE_URL and [database] url",
    )
    common.add_argument(
        "--log-level",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        default=default,
        help="log level for the rotating log file",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    top = _common_options(suppress=False)
    common = _common_options(suppress=True)

    parser = argparse.ArgumentParser(
        prog="kiosk",
        parents=[top],
        description="OrderUp Kiosk: self-service ordering for Thai restaurants. "
        "With no command, starts the customer kiosk.",
    )
    parser.add_argument("--version", action="version", version=f"OrderUp Kiosk {__version__}")
    _run_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", parents=[common], help="start the customer kiosk (the default)")
    _run_options(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("admin", parents=[common], help="open the staff admin panel")
    p.set_defaults(func=cmd_admin)

    p = sub.add_parser("db", parents=[common], help="database migrations")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    dbsub.add_parser("upgrade", parents=[common], help="migrate the schema to the newest revision")
    dbsub.add_parser("current", parents=[common], help="show the schema revision")
    dbsub.add_parser("check", parents=[common], help="exit 2 unless the schema is at head")
    p.set_defaults(func=cmd_db)

    p = sub.add_parser(
        "demo-data",
        parents=[common],
        help="seed the demo menu and members; bulk members/orders for benchmarks",
    )
    p.add_argument("--members", type=_count, default=0, metavar="N", help="add N generated members")
    p.add_argument("--orders", type=_count, default=0, metavar="N", help="add N generated orders")
    p.add_argument(
        "--if-empty",
        action="store_true",
        help="only seed when the database has no menu (what 'make run' uses)",
    )
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("promptpay", parents=[common], help="print a PromptPay QR payload")
    p.add_argument("target", help="mobile number, national/tax ID or e-wallet ID")
    p.add_argument("--amount", help="amount in THB, e.g. 150.00 (omit for a static QR)")
    p.add_argument("--png", metavar="FILE", help="also write the QR code as a PNG image")
    p.set_defaults(func=cmd_promptpay)

    p = sub.add_parser("staff", parents=[common], help="staff accounts")
    ssub = p.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = ssub.add_parser("add", parents=[common], help="add a staff member (asks for a PIN)")
    add.add_argument("name")
    add.add_argument("--role", choices=["owner", "manager", "cashier"], default="cashier")
    add.add_argument("--pin", help="the PIN (otherwise asked for, or read from stdin)")
    ssub.add_parser("list", parents=[common], help="list staff members")
    p.set_defaults(func=cmd_staff)

    p = sub.add_parser(
        "expire-points",
        parents=[common],
        help="expire loyalty points older than [loyalty] expiry_months",
    )
    p.set_defaults(func=cmd_points)

    p = sub.add_parser(
        "reconcile",
        parents=[common],
        help="settle payments left pending by a crash (also done at start-up)",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="every kiosk's payments, not only this kiosk's ([store] kiosk_id)",
    )
    p.add_argument(
        "--grace",
        type=float,
        default=300,
        metavar="SECONDS",
        help="leave payments younger than this alone: they may still be in flight (300)",
    )
    p.set_defaults(func=cmd_reconcile)

    p = sub.add_parser(
        "board", parents=[common], help="the order-ready board (Preparing / Ready) for a TV"
    )
    p.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    p.add_argument("--size", metavar="WxH", help="window size with --windowed, e.g. 1920x1080")
    p.set_defaults(func=cmd_board)

    p = sub.add_parser(
        "print-worker",
        parents=[common],
        help="send queued kitchen tickets and receipts to the printers (also runs in the kiosk)",
    )
    p.add_argument("--once", action="store_true", help="print what is queued, then exit")
    p.add_argument("--quiet", action="store_true", help="log to the file only")
    p.set_defaults(func=cmd_print_worker)

    p = sub.add_parser(
        "print-test", parents=[common], help="print a test page on the kitchen or receipt printer"
    )
    p.add_argument("role", choices=["kitchen", "receipt"])
    p.set_defaults(func=cmd_print_test)

    p = sub.add_parser(
        "receipt", parents=[common], help="show an order's receipt as text, or print a copy"
    )
    p.add_argument("number", help="the order number, e.g. A042")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="its business day (default: the latest)")
    p.add_argument("--text", action="store_true", help="plain text lines on stdout (the default)")
    p.add_argument("--copy", action="store_true", help="mark it สำเนา / COPY")
    p.add_argument("--width", type=int, default=48, help="columns for --text (48)")
    p.add_argument(
        "--print", action="store_true", help="queue a copy (COPY) on the receipt printer"
    )
    p.add_argument("--staff", default="cli", help="who asked for the copy (audit log)")
    p.set_defaults(func=cmd_receipt)

    p = sub.add_parser(
        "screenshots",
        parents=[common],
        help="walk the demo flow offscreen and save one PNG per screen",
    )
    p.add_argument("dir", help="folder for the PNG files")
    p.add_argument("--lang", choices=["th", "en", "all"], default="all")
    p.add_argument("--size", choices=["1080x1920", "1920x1080", "all"], default="all")
    p.set_defaults(func=cmd_screenshots)
    return parser


def _run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--demo", action="store_true", help="seed the demo menu and members if empty")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--kiosk",
        dest="kiosk",
        action="store_true",
        default=None,
        help="full screen, frameless, staff PIN to leave",
    )
    mode.add_argument(
        "--windowed",
        dest="kiosk",
        action="store_false",
        help="an ordinary window (for development)",
    )
    p.add_argument("--lang", choices=["th", "en"], help="starting language")
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1080x1920")


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    return value


def _settings_url(args: argparse.Namespace) -> str:
    try:
        return _settings(args).database_url
    except ConfigError:
        return "sqlite://"


_FS_FAULTS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS)


def main(argv: Sequence[str] | None = None) -> int:
    # a log file on a full or read-only disk must not print "--- Logging error ---" and a
    # traceback on every line: the command's own message says what is wrong
    logging.raiseExceptions = False
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_run)
    from kiosk.services.errors import ServiceError

    try:
        return int(func(args) or 0)
    except (ConfigError, DatabaseError, CliError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except ServiceError as exc:
        print(f"kiosk: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except (DBAPIError, sqlite3.Error) as exc:  # full, read-only, damaged or locked mid-command
        from kiosk.db.engine import describe_db_error

        log.info("database fault: %s", exc)
        url = getattr(exc, "url", None) or _settings_url(args)
        print(f"kiosk: {describe_db_error(exc, url)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:
        if exc.errno not in _FS_FAULTS:
            raise
        from kiosk.db.engine import describe_db_error

        print(f"kiosk: {describe_db_error(exc, _settings_url(args))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: log the traceback, show one calm line
        log.exception("unexpected error")
        print(
            f"kiosk: unexpected error ({type(exc).__name__}: {exc}). Details are in the log file.",
            file=sys.stderr,
        )
        return 1
