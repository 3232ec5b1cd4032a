"""Admin tables at a million rows: ``python -m bench`` (or ``make bench``).

Builds (once, cached in the temp folder) an SQLite database with N members and N orders
through ``bulk_members`` / ``bulk_orders``, and a 1,000-row one. Then, with the real table
models in a real (offscreen) QTableView, measures what a person at the admin panel does:
open a table, sort by a column, search by phone, jump to the end, move to the middle,
and the ``data()`` calls that paint the visible rows; plus the dashboard summary.

Every number is reported absolute and as a ratio against a baseline measured in the same
run on the same database: the time of a trivial ``SELECT ... ORDER BY id LIMIT 50`` (one
page, nothing clever). A ratio near 1 means "as cheap as reading one page". The same
operations on the 1,000-row database show how little the cost grows with size.

Results go to ``bench/results/latest.md`` and ``latest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESULTS = Path(__file__).resolve().parent / "results"
VISIBLE_ROWS = 30


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


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
    _log(f"building {path.name} ({members:,} members, {orders:,} orders); cached for next runs")
    t0 = time.perf_counter()
    store = open_store(f"sqlite:///{building}", migrate=True)
    seed_demo(store.db, store.settings_file)
    bulk_members(store.db, store.settings_file, members)
    bulk_orders(store.db, store.settings_file, orders)
    store.close()  # the last connection to close checkpoints and removes the WAL file
    for suffix in ("-wal", "-shm"):
        side = Path(f"{building}{suffix}")
        if side.exists():
            side.rename(Path(f"{path}{suffix}"))
    building.rename(path)
    _log(f"built in {time.perf_counter() - t0:.0f} s")
    return path


def timed(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    """Median and worst of ``repeat`` runs, in milliseconds (first run included)."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": statistics.median(runs), "max_ms": max(runs), "first_ms": runs[0]}


class Bench:
    def __init__(self, path: Path, repeat: int) -> None:
        from PySide6.QtWidgets import QApplication, QTableView

        from kiosk.app import open_store
        from kiosk.ui.fonts import register_fonts

        self.app = QApplication.instance() or QApplication([])
        register_fonts()
        self.store = open_store(f"sqlite:///{path}")
        self.repeat = repeat
        self.view = QTableView()
        self.view.resize(1200, 30 * (VISIBLE_ROWS + 1))
        self.view.verticalHeader().setDefaultSectionSize(30)
        self.view.show()
        self.models: list[Any] = []

    def close(self) -> None:
        self.view.close()
        self.store.close()

    # helpers
    def paint(self, model: Any, first: int) -> int:
        """What painting the visible rows costs: data() for each visible cell."""
        from PySide6.QtCore import Qt

        calls = 0
        last = min(model.rowCount(), first + VISIBLE_ROWS)
        for row in range(first, last):
            for col in range(model.columnCount()):
                index = model.index(row, col)
                model.data(index, Qt.ItemDataRole.DisplayRole)
                model.data(index, Qt.ItemDataRole.TextAlignmentRole)
                model.data(index, Qt.ItemDataRole.ForegroundRole)
                calls += 3
        return calls

    def in_view(self, model: Any) -> None:
        self.view.setModel(model)
        self.view.viewport().repaint()

    def baseline(self) -> dict[str, float]:
        from sqlalchemy import text

        def page() -> None:
            with self.store.db.read() as s:
                s.execute(text("SELECT id, number, total FROM orders ORDER BY id LIMIT 50")).all()

        return timed(page, max(self.repeat, 20))

    def run(self) -> dict[str, dict[str, float]]:
        from PySide6.QtCore import Qt

        from kiosk.services.listings import MemberListing, OrderListing
        from kiosk.ui.admin.models import PagedTableModel, member_columns, order_columns

        store = self.store
        tz = store.current_settings().store.timezone
        today = store.reports.today

        def orders_model() -> Any:
            return PagedTableModel(
                OrderListing(store.db, store.current_settings, today=today()),
                order_columns(lambda: tz, today),
            )

        def members_model() -> Any:
            return PagedTableModel(
                MemberListing(store.db, store.current_settings), member_columns(lambda: tz)
            )

        out: dict[str, dict[str, float]] = {
            "baseline: one page, SELECT ... LIMIT 50": self.baseline()
        }
        for name, make, sort_col, phone in (
            ("orders", orders_model, 0, "090-000-0042"),
            ("members", members_model, 2, "090-000-0042"),
        ):
            model = make()
            rows = model.rowCount()

            def open_table(make: Callable[[], Any] = make) -> None:
                m = make()
                self.in_view(m)
                self.paint(m, 0)
                self.models.append(m)

            out[f"{name}: open table ({rows:,} rows) + paint"] = timed(open_table, self.repeat)
            self.in_view(model)
            self.paint(model, 0)
            out[f"{name}: data() for the visible rows (cached)"] = timed(
                lambda model=model: self.paint(model, 0), self.repeat
            )
            out[f"{name}: scroll to the end + paint"] = timed(
                lambda model=model: (
                    model._pages.clear(),
                    self.view.scrollToBottom(),
                    self.paint(model, model.rowCount() - VISIBLE_ROWS),
                ),
                self.repeat,
            )
            out[f"{name}: jump to the middle + paint"] = timed(
                lambda model=model: (
                    model._pages.clear(),
                    self.paint(model, model.rowCount() // 2),
                ),
                self.repeat,
            )
            flips = [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]

            def sort(model: Any = model, col: int = sort_col, flips: list[Any] = flips) -> None:
                flips.reverse()
                model.sort(col, flips[0])
                self.paint(model, 0)

            out[f"{name}: sort by {model.columns[sort_col].title} + paint"] = timed(
                sort, self.repeat
            )

            everything = model.listing

            def search(
                model: Any = model, phone: str = phone, name: str = name, base: Any = everything
            ) -> None:
                if name == "members":
                    model.set_listing(base.searched(phone))
                else:
                    model.set_listing(base.with_filters(search=phone))
                self.paint(model, 0)

            out[f"{name}: search by phone + paint"] = timed(search, self.repeat)
            model.set_listing(everything)
            out[f"{name}: peak rows held by the model"] = {
                "rows": float(model.max_pages * model.page_size),
                "fetched_per_page": float(model.max_rows_in_one_fetch),
            }

        def name_search() -> None:
            model = members_model()
            model.set_listing(model.listing.searched("Som"))
            self.paint(model, 0)

        out["members: search by name prefix 'Som' + paint"] = timed(name_search, self.repeat)
        day = store.reports.last_sales_day()
        out["dashboard: summary of the busiest day"] = timed(
            lambda: store.reports.summary(day), self.repeat
        )
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=1_000, help="rows of the comparison DB")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "orderup-bench")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest")
    args = parser.parse_args(argv)
    os.environ.setdefault("KIOSK_LOG_DIR", str(args.cache / "logs"))
    os.environ.setdefault("KIOSK_DATA_DIR", str(args.cache / "data"))
    args.cache.mkdir(parents=True, exist_ok=True)

    big_path = dataset(args.cache, args.members, args.orders)
    small_path = dataset(args.cache, args.small, args.small)
    results: dict[str, Any] = {}
    for label, path in (("big", big_path), ("small", small_path)):
        bench = Bench(path, args.repeat)
        _log(f"measuring {path.name}")
        results[label] = bench.run()
        bench.close()
    report = render(results, args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".md").write_text(report, encoding="utf-8")
    args.out.with_suffix(".json").write_text(
        json.dumps({"when": datetime.now(UTC).isoformat(), "results": results}, indent=1),
        encoding="utf-8",
    )
    print(report)
    return 0


def render(results: dict[str, Any], args: argparse.Namespace) -> str:
    big, small = results["big"], results["small"]
    base_key = next(iter(big))
    base = big[base_key]["median_ms"]
    small_base = small[next(iter(small))]["median_ms"]
    lines = [
        "# Admin tables benchmark",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · Python {platform.python_version()} · "
        f"{platform.machine()} · SQLite · {args.repeat} runs each (median; first = cold)",
        "",
        f"Big database: {args.members:,} members, {args.orders:,} orders (+ their lines, "
        f"payments and loyalty transactions). Small: {args.small:,} of each.",
        "",
        f"**Baseline** (1×): `{base_key.split(': ', 1)[1]}` = {base:.2f} ms on the big "
        f"database, {small_base:.2f} ms on the small one.",
        "",
        "| operation | median ms | first ms | × baseline | small DB ms | big ÷ small |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, value in big.items():
        if key == base_key:
            continue
        if "median_ms" not in value:
            lines.append(
                f"| {key} | {value['rows']:.0f} rows max, {value['fetched_per_page']:.0f} "
                "per fetch | | | | |"
            )
            continue
        small_key = _match(key, small)
        s = small.get(small_key, {}).get("median_ms") if small_key else None
        median = value["median_ms"]
        small_text = f"{s:.1f}" if s is not None else ""
        growth = f"{median / s:.1f}" if s else ""
        lines.append(
            f"| {key} | {median:.1f} | {value['first_ms']:.1f} | {median / base:.1f} | "
            f"{small_text} | {growth} |"
        )
    lines += [
        "",
        "Opening a table costs one `COUNT(*)` plus one page; the end of the table is read",
        "from the other end of the index (reversed ORDER BY), so it costs what the start",
        "does; the model never holds more than a few pages. Sorting re-queries with an",
        "index-backed ORDER BY; search by phone is one probe of the unique phone index.",
        "",
    ]
    return "\n".join(lines)


def _match(key: str, other: dict[str, Any]) -> str | None:
    head = key.split("(")[0].strip()
    for candidate in other:
        if candidate.split("(")[0].strip() == head:
            return candidate
    return None


if __name__ == "__main__":
    raise SystemExit(main())
