"""What every figure shares: interleaved rounds, medians, and a figure's row."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@dataclass
class Figure:
    """One row of ``bench/RESULTS.md``.

    ``value`` and ``baseline`` are in ``unit``; ``higher_is_better`` says which way the
    ratio reads (throughput vs time). ``goal`` is the ratio the issue asks for, and
    ``goal_abs`` an absolute floor (e.g. payments per second) where the issue asks one.
    """

    name: str
    value: float
    baseline: float
    unit: str
    baseline_name: str
    goal: float | None
    higher_is_better: bool = False
    goal_abs: float | None = None
    rounds: int = 0
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        if self.higher_is_better:
            return self.value / self.baseline if self.baseline else 0.0
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def passed(self) -> bool | None:
        if self.goal is None and self.goal_abs is None:
            return None
        ok = True
        if self.goal is not None:
            ok = self.ratio >= self.goal if self.higher_is_better else self.ratio <= self.goal
        if self.goal_abs is not None:
            ok = ok and self.value >= self.goal_abs
        return ok


def interleaved(
    subject: Callable[[], float],
    baseline: Callable[[], float],
    rounds: int,
    warmup: int = 1,
) -> tuple[float, float, list[float], list[float]]:
    """Run ``subject`` and ``baseline`` alternately (baseline first on even rounds, so
    neither always runs on a warmer cache); each returns its own figure for the round
    (seconds per operation, or operations per second). Returns both medians and the
    raw rounds. ``warmup`` rounds of each run first and are thrown away."""
    for _ in range(warmup):
        baseline()
        subject()
    subj: list[float] = []
    base: list[float] = []
    for i in range(rounds):
        if i % 2:
            subj.append(subject())
            base.append(baseline())
        else:
            base.append(baseline())
            subj.append(subject())
    return statistics.median(subj), statistics.median(base), subj, base


def per_op(fn: Callable[[], Any], n: int) -> float:
    """Seconds per call of ``fn`` over ``n`` calls."""
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t0) / n
