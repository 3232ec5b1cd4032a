"""Benchmark: bulk demo data (``kiosk demo-data --members N``).

Target: 1,000,000 members in well under 60 s on a 2-core machine. Reported as a ratio
against a baseline measured in the same run: the same number of rows inserted with plain
``sqlite3.executemany`` into a bare table with a unique text column (the least any
member insert can cost), so a noisy, shared machine moves both numbers together.

    python -m bench.demo_data [--members 1000000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from kiosk.config import load_settings
from kiosk.db import Database
from kiosk.db.migrate import upgrade
from kiosk.services.demo import bulk_members, seed_demo

RESULTS = Path(__file__).with_name("results")


def baseline(n: int, folder: Path) -> float:
    conn = sqlite3.connect(folder / "baseline.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, phone TEXT UNIQUE, name TEXT)")
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?, ?)", ((i, f"+6690{i:07d}", "Somchai") for i in range(n))
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def members(n: int, folder: Path) -> float:
    settings = load_settings(env={}, overrides={"database": {"url": f"sqlite:///{folder}/k.db"}})
    db = Database(settings.database_url)
    upgrade(db)
    seed_demo(db, settings)
    t0 = time.perf_counter()
    bulk_members(db, settings, n)
    elapsed = time.perf_counter() - t0
    db.dispose()
    return elapsed


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = baseline(args.members, folder)
        real = members(args.members, folder)
    result = {
        "members": args.members,
        "baseline_seconds": round(base, 2),
        "members_seconds": round(real, 2),
        "ratio": round(real / base, 1),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "demo_data.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"bulk members: {args.members:,} in {real:.1f} s; baseline (bare executemany of the "
        f"same row count) {base:.1f} s; ratio {real / base:.1f}x"
    )
    return result


if __name__ == "__main__":
    main()
