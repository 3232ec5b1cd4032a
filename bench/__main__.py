"""``make bench`` (``python -m bench``): every figure of issue #13 against its baseline,
measured in the same run, interleaved (subject and baseline alternate round by round),
medians of several rounds. Writes ``bench/RESULTS.md`` (and ``bench/results/latest.json``).

It builds its own data (cached in the temp folder: 1,000,000 members and 1,000,000 orders
the first time, a few minutes) and finishes within 20 minutes on a 2-core machine.
``--quick`` runs everything on small data for iterating (a minute or two); ``--only a,b``
measures some figures. Either writes ``bench/results/quick.md`` or ``partial.md`` (and
``partial.json``) instead, so only a full run replaces the committed results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Figure, interleaved, log

HERE = Path(__file__).resolve().parent
RESULTS_MD = HERE / "RESULTS.md"
RESULTS_JSON = HERE / "results" / "latest.json"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def dataset(cache: Path, members: int, orders: int) -> Path:
    """The cached database with at least ``members`` members and ``orders`` orders."""
    from sqlalchemy import func, select

    from kiosk.app import open_store
    from kiosk.db.models import Customer, Order
    from kiosk.services.demo import bulk_members, bulk_orders, seed_demo

    path = cache / f"bench_m{members}_o{orders}.db"
    if path.exists():
        store = open_store(f"sqlite:///{path}", migrate=True)  # a cache from older code
        with store.db.read() as s:
            have = (
                s.scalar(select(func.count(Customer.id))) or 0,
                s.scalar(select(func.count(Order.id))) or 0,
            )
        store.close()
        if have[0] >= members and have[1] >= orders:
            return path
        path.unlink()
    building = path.with_suffix(".building")
    for stale in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        stale.unlink(missing_ok=True)
    log(f"building {path.name} ({members:,} members, {orders:,} orders); cached for next runs")
    t0 = time.perf_counter()
    store = open_store(f"sqlite:///{building}", migrate=True)
    seed_demo(store.db, store.settings_file)
    bulk_members(store.db, store.settings_file, members)
    bulk_orders(store.db, store.settings_file, orders)
    store.close()
    for suffix in ("-wal", "-shm"):
        side = Path(f"{building}{suffix}")
        if side.exists():
            side.rename(Path(f"{path}{suffix}"))
    building.rename(path)
    log(f"built in {time.perf_counter() - t0:.0f} s")
    return path


def _copy(path: Path, folder: Path, name: str) -> Path:
    """A private copy of the cached database (a run must not grow the cache)."""
    target = folder / name
    shutil.copyfile(path, target)
    return target


# -- the figures ----------------------------------------------------------------------------


def fig_cold_start(ctx: dict[str, Any]) -> list[Figure]:
    from bench import coldstart

    r = coldstart.run(str(ctx["small_db"]), str(ctx["tmp"]), ctx["rounds"])
    f = Figure(
        "cold start: process start → Welcome painted (offscreen)",
        r["subject"],
        r["baseline"],
        "s",
        "bare PySide6 process showing one QLabel",
        2.0,
        rounds=ctx["rounds"],
        extra=r,
    )
    f.notes.append(
        "Biggest imports of the first paint, `kiosk.cli` + `kiosk.ui.launch` (`-X importtime`, "
        "cumulative): " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in r["imports_ms"]) + "."
    )
    if r.get("stages_ms"):
        f.notes.append(
            "Start-up stages (ms after the QApplication, medians of 3): "
            + ", ".join(f"{name} {ms:.0f}" for name, ms in r["stages_ms"].items())
            + ". Done: `kiosk run` paints a Welcome shell (header, Welcome, overlays) from "
            "the settings file and the names last shown, before SQLAlchemy, pydantic, the "
            "models, the services or the other screens are imported; right after the first "
            "paint it validates the settings, opens the store, builds the other nine "
            "screens and the controller, and starts the relay, recovery, sweeper and print "
            "worker (phase 2). The schema check is one query without Alembic; Alembic, "
            "Mako, Pygments, Pillow, escpos and qrcode load only when used."
        )
    return [f]


def fig_lookup(ctx: dict[str, Any]) -> list[Figure]:
    from bench import lookup

    per_round = 2000 if not ctx["quick"] else 500
    r = lookup.run(str(ctx["big_db"]), ctx["members"], per_round, ctx["rounds"])
    f = Figure(
        f"`customers.find_by_phone` on {ctx['members']:,} members, mixed typed formats",
        r["subject"] * 1e6,
        r["baseline"] * 1e6,
        "µs",
        "raw `sqlite3` indexed SELECT (same columns) by E.164",
        3.0,
        rounds=ctx["rounds"],
        extra=r,
    )
    f.notes.append(
        f"{r['statements']} statement(s) per lookup as SQLite traces them (no BEGIN); "
        f"normalising the typed number costs "
        f"{r['normalise_s'] * 1e6:.1f} µs of it."
    )
    return [f]


def _payment_notes(r: dict[str, Any]) -> list[str]:
    from bench import payments

    kinds = ", ".join(f"{n} {k}" for k, n in r["statement_kinds"].items())
    return [
        f"One card payment with a member: {r['statements']} statements ({kinds}) in "
        f"{r['begins']} transactions; the raw baseline runs {payments.RAW_STATEMENTS} statements "
        "(plus BEGIN and COMMIT) in 3 transactions, the same writes (receipt number and "
        "tax receipt included).",
        "Profile (cumulative per payment, cProfile, so inflated): "
        + "; ".join(r["profile_top"])
        + ".",
    ]


def fig_pay_sqlite(ctx: dict[str, Any]) -> list[Figure]:
    from bench import payments

    per_round = 40 if ctx["quick"] else 100
    r = payments.sqlite_one_process(str(ctx["tmp"]), per_round, ctx["rounds"])
    f = Figure(
        "`process_payment` (card, member with points), SQLite WAL + FULL, one process",
        r["subject"],
        r["baseline"],
        "/s",
        "raw `sqlite3`, same writes, same three commits",
        0.5,
        higher_is_better=True,
        goal_abs=600.0,
        rounds=ctx["rounds"],
        extra=r,
    )
    f.notes += _payment_notes(r)
    return [f]


def fig_pay_pg(ctx: dict[str, Any]) -> list[Figure]:
    from bench import payments

    if not ctx["pg_url"]:
        return [_missing("`process_payment`, PostgreSQL, 4 processes", "no --pg-url given")]
    per_round = 20 if ctx["quick"] else 60
    r = payments.pg_processes(ctx["pg_url"], 4, per_round, ctx["rounds"])
    f = Figure(
        "same, PostgreSQL, 4 processes",
        r["subject"],
        r["baseline"],
        "/s",
        "raw psycopg, same writes and commits, 4 processes",
        0.5,
        higher_is_better=True,
        rounds=ctx["rounds"],
        extra=r,
    )
    f.notes.append(
        "The same statements as on SQLite (see above), each a network round trip, plus "
        "`BEGIN`/`COMMIT`; no pre-ping any more, statements prepared by psycopg."
    )
    return [f]


def fig_tables(ctx: dict[str, Any]) -> list[Figure]:
    from bench import tables

    r = tables.run(str(ctx["big_db"]), ctx["rounds"])
    rows = f"{ctx['orders']:,}"
    base = "raw `sqlite3` LIMIT 50 → `QStandardItemModel` in a `QTableView`, `grab()`"
    out = []
    for key, title in (
        ("open", f"admin orders table on {rows} orders: open + first page painted"),
        ("scroll", "admin orders table: scroll to the last row + paint"),
        ("search", "admin orders table: search a phone + paint"),
    ):
        f = Figure(
            title,
            r[key]["subject"] * 1000,
            r[key]["baseline"] * 1000,
            "ms",
            base,
            2.0,
            rounds=ctx["rounds"],
            extra=r[key],
        )
        out.append(f)
    out[0].notes.append(
        f"Opening runs {r['open_statements']} statements; it shows {r['rows_shown']:,} rows "
        f"({'id-span estimate' if r['count_is_estimate'] else 'exact count'}); the search "
        f"found {r['searched_rows']} orders."
    )
    for f in out:
        if f.passed is False:
            f.notes.append(
                "Profile of the kiosk side (open + paint, 1,000,000 orders): a painted cell "
                "is two calls from Qt into Python (`index()`; `multiData()`, which sets the "
                "delegate's seven roles with three calls each on the span: about 5,800 calls "
                "a paint of ~28 rows × 9 columns) plus ~63 `headerData()` calls, where the "
                "baseline's model answers in C++: painting the same texts takes ~8.5 ms "
                "against ~4.9 ms for a `QStandardItemModel` (CPU). Opening is one statement "
                "(the first page with the id span) and formatting the painted rows ~0.3 ms. "
                "What is left is PySide's cost per call; a C++ model would remove it."
            )
    for f in out[1:]:
        f.extra["subject_rounds"] = f.extra.get("subject_rounds")
    return out


def fig_qr(ctx: dict[str, Any]) -> list[Figure]:
    from bench import qr

    r = qr.run(ctx["rounds"])
    return [
        Figure(
            "PromptPay QR as PNG (`qr.render_png`)",
            r["subject"] * 1000,
            r["baseline"] * 1000,
            "ms",
            "`qrcode.make(payload)` saved as PNG",
            1.5,
            rounds=ctx["rounds"],
            extra=r,
        )
    ]


def fig_demo(ctx: dict[str, Any]) -> list[Figure]:
    from bench import demo_data

    n = ctx["demo_members"]
    rounds = max(1, min(ctx["rounds"], 3 if not ctx["quick"] else ctx["rounds"]))

    def fresh(fn: Callable[[int, Path], float]) -> Callable[[], float]:
        def go() -> float:
            with tempfile.TemporaryDirectory(dir=ctx["tmp"]) as d:
                return fn(n, Path(d))

        return go

    s, b, sr, br = interleaved(fresh(demo_data.members), fresh(demo_data.baseline), rounds, 0)
    f = Figure(
        f"demo data: {n:,} members (`kiosk demo-data --members`)",
        s,
        b,
        "s",
        "`sqlite3.executemany` of as many rows into a bare table",
        None,
        rounds=rounds,
        extra={"subject_rounds": sr, "baseline_rounds": br},
    )
    f.notes.append(
        "Goal: well under 60 s for 1,000,000 members (absolute). The code is unchanged by "
        "this issue; the 2026-11-27 run measured 27.75 s against an executemany baseline "
        f"of 1.51 s (18.3×). This run's baseline took {b:.2f} s, so the machine ran "
        f"{b / 1.51:.1f}× slower; at 18.3× of this baseline the kiosk would take "
        f"{18.3 * b:.0f} s."
        if n >= 1_000_000
        else "Goal: well under 60 s for 1,000,000 members (absolute; small data here)."
    )
    f.goal_abs = None
    f.extra["goal_seconds"] = 60.0
    return [f]


def fig_soak(ctx: dict[str, Any]) -> list[Figure]:
    """The lead's soak (``bench/soak.py``): ``measure()`` when it is there (RSS after half
    the orders against a bare PySide6 window, interleaved; growth over the second half),
    else ``run_soak()`` alone, else a marked slot."""
    orders = ctx["soak_orders"]
    try:
        from bench import soak  # type: ignore[attr-defined]
    except ImportError:
        soak = None
    if soak is not None and hasattr(soak, "measure"):
        r = soak.measure(orders, rounds=3)
        over = Figure(
            f"soak: RSS after {orders // 2:,} customers through the real screens",
            float(r["rss_after_half_mb"]),
            float(r["bare_rss_mb"]),
            "MB",
            "bare PySide6 process, one 1080x1920 window",
            None,
            rounds=3,
            extra=r | {"goal_text": "≤ bare + 150 MB", "verdict": r["over_bare_mb"] <= 150},
        )
        growth = Figure(
            f"soak: RSS growth over the last {orders - orders // 2:,} customers",
            float(r["growth_last_half_mb"]),
            float("nan"),
            "MB",
            "(absolute)",
            None,
            rounds=1,
            extra={"goal_text": "≤ 2 MB", "verdict": r["growth_last_half_mb"] <= 2},
        )
        growth.notes.append(
            f"{r['orders']:,} customers in {r['seconds']:.0f} s; None/True/False reference "
            f"count drift {r['refcount_drift']}."
        )
        return [over, growth]
    if soak is not None and hasattr(soak, "run_soak"):
        r = soak.run_soak(orders)
        f = _missing("soak: memory", "bench/soak.py has run_soak but no measure(); raw result")
        f.notes.append(json.dumps(r, default=str)[:1000])
        return [f]
    return [
        _missing(
            "soak: memory after many orders",
            "SLOT — `bench/soak.py` (`run_soak(orders) -> dict` and `measure(orders, rounds)`, "
            "written by the lead) was not on this branch for this run; after the merge "
            "`make bench` measures it here",
        )
    ]


def _missing(name: str, why: str) -> Figure:
    f = Figure(name, float("nan"), float("nan"), "", "", None)
    f.notes.append(why)
    f.extra["missing"] = True
    return f


FIGURES: dict[str, Callable[[dict[str, Any]], list[Figure]]] = {
    "cold": fig_cold_start,
    "lookup": fig_lookup,
    "pay-sqlite": fig_pay_sqlite,
    "pay-pg": fig_pay_pg,
    "tables": fig_tables,
    "qr": fig_qr,
    "demo": fig_demo,
    "soak": fig_soak,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small data, for iterating")
    parser.add_argument("--members", type=int, default=None)
    parser.add_argument("--orders", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--soak-orders", type=int, default=None, help="default 1000")
    parser.add_argument("--only", default="", help=f"comma list of {', '.join(FIGURES)}")
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("KIOSK_BENCH_PG_URL", DEFAULT_PG),
        help="a PostgreSQL server where the bench may create (and drop) its own database; "
        "empty to skip",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "orderup-bench")
    parser.add_argument("--out", type=Path, default=None, help="default bench/RESULTS.md")
    args = parser.parse_args(argv)
    quick = args.quick
    members = args.members or (20_000 if quick else 1_000_000)
    orders = args.orders or (20_000 if quick else 1_000_000)
    rounds = args.rounds or (3 if quick else 5)
    only = [x for x in args.only.split(",") if x] or list(FIGURES)
    unknown = [x for x in only if x not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}: choose from {', '.join(FIGURES)}")
    # a quick or partial run never replaces the full run's RESULTS.md and latest.json
    partial = quick or set(only) != set(FIGURES)
    out = args.out or (HERE / "results" / ("quick.md" if quick else "partial.md"))
    if not partial and args.out is None:
        out = RESULTS_MD
    results_json = HERE / "results" / "partial.json" if partial else RESULTS_JSON
    args.cache.mkdir(parents=True, exist_ok=True)
    os.environ["KIOSK_LOG_DIR"] = str(args.cache / "logs")
    os.environ["KIOSK_DATA_DIR"] = str(args.cache / "data")
    os.environ["KIOSK_CONFIG"] = ""
    os.environ.pop("KIOSK_DATABASE_URL", None)
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="run-", dir=args.cache))
    try:
        big = dataset(args.cache, members, orders)
        small = dataset(args.cache, 1_000, 1_000)
        ctx = {
            "quick": quick,
            "members": members,
            "orders": orders,
            "rounds": rounds,
            "tmp": tmp,
            "big_db": big,  # read only: the lookup and the tables never write
            "small_db": _copy(small, tmp, "small.db"),
            "pg_url": args.pg_url,
            "demo_members": members,
            "soak_orders": args.soak_orders or (100 if quick else 1000),
        }
        figures: list[Figure] = []
        for key in only:
            log(f"measuring {key}")
            t0 = time.perf_counter()
            try:
                figures += FIGURES[key](ctx)
            except Exception as exc:
                traceback.print_exc()
                figures.append(_missing(key, f"the measurement failed: {exc!r}"))
            log(f"  {key}: {time.perf_counter() - t0:.0f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    elapsed = time.perf_counter() - started
    report = render(figures, members, orders, rounds, elapsed, quick)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    results_json.parent.mkdir(parents=True, exist_ok=True)
    results_json.write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(),
                "quick": quick,
                "figures": [f.__dict__ | {"ratio": f.ratio, "passed": f.passed} for f in figures],
            },
            indent=1,
            default=str,
        ),
        encoding="utf-8",
    )
    print(report)
    return 0


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    import sqlalchemy
    from PySide6 import __version__ as pyside

    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"SQLAlchemy {sqlalchemy.__version__}, PySide6 {pyside}"
    )


def _fmt(v: float, unit: str) -> str:
    if v != v:  # nan
        return "—"
    if unit == "µs":
        return f"{v:,.0f} µs"
    if unit == "ms":
        return f"{v:,.1f} ms"
    if unit == "s":
        return f"{v:,.2f} s"
    if unit == "/s":
        return f"{v:,.0f}/s"
    return f"{v:,.2f} {unit}"


def render(
    figures: list[Figure], members: int, orders: int, rounds: int, elapsed: float, quick: bool
) -> str:
    lines = [
        "# Benchmark results (issue #13)" + (" — QUICK RUN, small data" if quick else ""),
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; whole run {elapsed / 60:.1f} min",
        f"- Machine: {_machine()}",
        f"- Data: {members:,} members and {orders:,} orders (built by the bench), "
        f"{rounds} rounds per figure unless noted; subject and baseline interleaved round "
        "by round; medians.",
        "- The machine is shared (other work ran at the same time), which is why every "
        "figure is read as a ratio to a baseline measured in the same run.",
        "",
        "| figure | kiosk | baseline (same run) | ratio | goal | pass |",
        "|---|---:|---|---:|---|---|",
    ]
    for f in figures:
        if f.extra.get("missing"):
            lines.append(f"| {f.name} | — | — | — | | not measured |")
            continue
        if f.higher_is_better:
            ratio = f"{f.ratio:.2f}×"
            goal = f"≥ {f.goal}×" if f.goal is not None else ""
            if f.goal_abs is not None:
                goal += f" and ≥ {f.goal_abs:,.0f}{f.unit}"
        else:
            ratio = f"{f.ratio:.2f}×"
            goal = f"≤ {f.goal}×" if f.goal is not None else ""
        passed = f.passed
        if "goal_text" in f.extra:
            goal, passed = f.extra["goal_text"], f.extra["verdict"]
        if "goal_seconds" in f.extra:
            goal = f"< {f.extra['goal_seconds']:.0f} s (absolute)"
            passed = f.value < f.extra["goal_seconds"] if members >= 1_000_000 else None
        if f.baseline != f.baseline:  # no baseline (an absolute figure)
            ratio = "—"
        mark = {True: "pass", False: "**FAIL**", None: "—"}[passed]
        lines.append(
            f"| {f.name} | {_fmt(f.value, f.unit)} | {f.baseline_name}: "
            f"{_fmt(f.baseline, f.unit)} | {ratio} | {goal} | {mark} |"
        )
    lines += ["", "## Notes and profiles", ""]
    for f in figures:
        if f.notes:
            verdict = " (goal missed)" if f.passed is False else ""
            lines.append(f"### {f.name}{verdict}")
            lines.append("")
            for n in f.notes:
                lines.append(f"- {n}")
            rounds_s = f.extra.get("subject_rounds")
            if rounds_s:
                lines.append(
                    "- Rounds (kiosk / baseline): "
                    + ", ".join(_fmt(_scale(v, f), f.unit) for v in rounds_s)
                    + " / "
                    + ", ".join(_fmt(_scale(v, f), f.unit) for v in f.extra["baseline_rounds"])
                )
            lines.append("")
    lines.append(MANUAL_NOTES)
    return "\n".join(lines) + "\n"


def _scale(v: float, f: Figure) -> float:
    return v * {"µs": 1e6, "ms": 1e3}.get(f.unit, 1.0)


MANUAL_NOTES = """## What was changed for these figures (issue #13)

- Settings are held in memory by `SettingsService` and re-read only after
  `SettingsChanged` (this process, or another kiosk through the PostgreSQL relay) or
  `DataChanged` (the SQLite watcher); no read per call or per painted row.
- `find_by_phone`: one Core statement (customer joined to membership), no `BEGIN`
  around it on SQLite; common Thai spellings skip the general phone parser (the
  phonenumbers metadata still decides validity).
- Admin tables: an unfiltered large table is sized by its id span (two primary-key
  probes) instead of `COUNT(*)`; exact when filtered or small; cell texts are made
  once per row, not per painted cell; a painted cell is two calls into Python
  (`index()`, `multiData()` for the delegate's seven roles) instead of nine.
- Orders table statements: opening is one statement without `BEGIN` (the first page
  carries the id span), a later page one statement without `BEGIN`, a phone search one
  statement (the member's id a subquery; a short first page is the count, so no
  `COUNT`); filters are bound parameters, so each statement is built once per kind of
  filter and reused (building it and keying SQLAlchemy's cache on it cost more than
  running it).
- PostgreSQL engine: no pre-ping per checkout (a connection idle for 30 s is checked
  once at checkout and replaced if dead; a connection lost in use invalidates the pool);
  statements prepared by psycopg (`prepare_threshold=1`).
- Start-up: the schema check is one `SELECT` on `alembic_version` against the head read
  from the migration files (no Alembic, Mako or Pygments at start); Pillow, escpos and
  qrcode load on first use; the event relay and crash recovery run after Welcome's first
  paint, on a worker thread (before: recovery ran twice, before the window existed).
- Cold start, two phases: `kiosk run` paints a Welcome shell (header, Welcome, overlays)
  from the settings' sources read without pydantic and the names last shown
  (`first-look.json`), then, after the first paint, validates the settings, opens the
  store and builds the nine other screens and the controller. At the paint nothing of
  SQLAlchemy, pydantic, the models, the services or the other screens is imported (a
  test checks a real `kiosk run`); the bindings self-check (~40 ms), the idle and
  tap-guard event filters and the options sheet moved after it too; `#kiosk_root` has
  `widget-animation-duration: 0`, so QMainWindow does not route the central widget's
  geometry through a QPropertyAnimation (the first one an app-wide Python event filter
  saw made PySide build every Qt class: ~150 Python enums). What is left at the paint:
  PySide building the Python enums of the Qt classes the shell uses (~200 against the
  bare process's 55, the `Qt` namespace alone ~90), the theme's style sheet, the fonts.
- Payments: three short transactions and nothing more (the upfront replay read is gone,
  the order is locked without loading its lines, the points are one
  `UPDATE ... RETURNING`, the events one `pg_notify`); the raw baseline now does the
  kiosk's writes (receipt counter, tax receipt, stored result, owner, notifications).
- Payments, Core statements: the three steps run Core statements on plain rows (the
  payment inserted, the order and payment read under their locks and updated, the
  points, receipt number, tax receipt and print jobs inserted), so no ORM object is
  loaded, tracked or flushed on a card, cash or PromptPay payment (a test fails if one
  is); CPU per payment about halved.
## Goals still missed, and what the profiles say

- Phone lookup (2.97× on the 2026-11-27 morning run, 3.7× on 2026-12-03, the same code
  both times: 98-113 µs against a raw `sqlite3` baseline of 23-31 µs): one statement on
  the raw DB-API cursor already (`CompiledRead`, no `BEGIN`). A profile of 5,000 lookups:
  taking the connection from SQLAlchemy's pool and giving it back is about 35 % (the
  queue, the checkout event, the reset on return), the database-file guard on each
  checkout (a `stat` and a read of the file's header, which is what notices the file
  replaced under a running kiosk) about 14 %, the driver's own `execute` about 15 % and
  reading the typed number about 15 %. Meeting 3× with a margin means a read connection
  held per thread outside the pool, with the guard checked less often; not done.
- Payments (SQLite 0.16× → about 0.31×, PostgreSQL 0.30× → about 0.44× with the Core path;
  0.27× and 0.46× on 2026-12-03):
  the hot path is Core statements on plain rows now (no ORM object loaded, tracked or
  flushed; 15 statements on SQLite, 13 on PostgreSQL, in three short transactions, against
  the baseline's 10 and 11). A profile of 300 payments, by where the CPU goes: the sqlite3
  commits (the fsyncs the baseline pays too), then SQLAlchemy's engine, ORM session,
  SQL and event layers (about 2 ms a payment under the profiler: roughly 80 µs to execute
  each statement and 100 µs for the session around each of the three transactions), and
  under 0.3 ms in our own code. Meeting 0.5× would mean running the payment's statements
  on the raw DB-API cursor, bypassing SQLAlchemy's execution layer; not done.
- Admin orders table (2.1–2.7× before the changes above; 1.79 / 1.93 / 1.60× on
  2026-12-03, under the 2× goal by a margin a noisy run can eat): the paint alone is
  still ~1.7× the baseline's (two calls from Qt into Python per cell and three calls per
  role on the `multiData()` span, where the baseline's model answers in C++). The rounds
  spread widely on this shared machine.
"""


if __name__ == "__main__":
    sys.exit(main())
