"""What the validation boundary costs: ``python -m bench.validation``.

Three ways to check the same arguments are timed against the bare call in the same run:

- ``validated`` (kiosk/services/validation/), the boundary the services use;
- pydantic's ``validate_call`` with equivalent ``Annotated`` constraints, for reference;
- a real service read (``customers.get`` on SQLite) with and without its check
  (``__wrapped__``), to show the check against the work around it.

Results are ratios to the baseline measured in the same run (the machine is shared), plus
microseconds per call. Written to ``bench/results/validation.md`` and ``.json``.
"""

from __future__ import annotations

import json
import tempfile
import timeit
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, validate_call

from kiosk.services.validation import LIMIT, OFFSET, Text, validated

RESULTS = Path(__file__).resolve().parent / "results"


def bare(query: str, limit: int = 50, offset: int = 0) -> int:
    return limit + offset


@validated(query=Text(100), limit=LIMIT, offset=OFFSET)
def ours(query: str, limit: int = 50, offset: int = 0) -> int:
    return limit + offset


@validate_call
def theirs(
    query: Annotated[str, Field(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")],
    limit: Annotated[int, Field(ge=0, le=10_000, strict=True)] = 50,
    offset: Annotated[int, Field(ge=0, le=2**62, strict=True)] = 0,
) -> int:
    return limit + offset


def per_call(fn: Any, *args: Any, n: int = 50_000) -> float:
    """Best of 5 runs, seconds per call."""
    return min(timeit.repeat(lambda: fn(*args), number=n, repeat=5)) / n


def main() -> None:
    args = ("Somchai", 20, 40)
    base = per_call(bare, *args)
    rows: dict[str, dict[str, float]] = {}
    for name, fn in (("validated", ours), ("pydantic validate_call", theirs)):
        t = per_call(fn, *args)
        rows[name] = {"us_per_call": t * 1e6, "ratio_to_bare_call": t / base}
    rows["bare call (baseline)"] = {"us_per_call": base * 1e6, "ratio_to_bare_call": 1.0}

    from tests.helpers import make_store

    with tempfile.TemporaryDirectory() as tmp:
        store = make_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        unchecked = type(store.customers).get.__wrapped__  # type: ignore[attr-defined]
        plain = per_call(lambda: unchecked(store.customers, 1), n=2_000)
        checked = per_call(lambda: store.customers.get(1), n=2_000)
        store.close()
    rows["customers.get unchecked (baseline)"] = {"us_per_call": plain * 1e6, "ratio": 1.0}
    rows["customers.get checked"] = {"us_per_call": checked * 1e6, "ratio": checked / plain}

    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "validation.json").write_text(json.dumps(rows, indent=2) + "\n")
    lines = ["| call | µs per call | ratio to its baseline |", "| --- | ---: | ---: |"]
    for name, r in rows.items():
        ratio = r.get("ratio_to_bare_call", r.get("ratio", 1.0))
        lines.append(f"| {name} | {r['us_per_call']:.2f} | {ratio:.2f} |")
    (RESULTS / "validation.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
