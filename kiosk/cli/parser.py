"""The ``kiosk`` command line: options, sub-commands and their help."""

from __future__ import annotations

import argparse

from kiosk import __version__
from kiosk.cli.commands import (
    cmd_admin,
    cmd_board,
    cmd_db,
    cmd_demo_data,
    cmd_points,
    cmd_print_test,
    cmd_print_worker,
    cmd_promptpay,
    cmd_receipt,
    cmd_reconcile,
    cmd_run,
    cmd_screenshots,
    cmd_staff,
)


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
    p.add_argument("--width", type=_columns, default=48, help="columns for --text (24 to 200; 48)")
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


#: the most generated members or orders one ``demo-data`` run adds (ten times the
#: benchmark's million; more would take hours and the disk)
MAX_BULK = 10_000_000


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    if value > MAX_BULK:
        raise argparse.ArgumentTypeError(f"at most {MAX_BULK:,} at a time")
    return value


def _columns(text: str) -> int:
    """A receipt's width in characters: 24 (a 58 mm roll in a big font) to 200."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of columns") from None
    if not 24 <= n <= 200:
        raise argparse.ArgumentTypeError(f"{n} columns: use 24 to 200")
    return n
