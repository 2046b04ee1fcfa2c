"""Timing helper shared by the benchmark scripts (they run as `python benchmarks/NAME.py`)."""

from __future__ import annotations

import time
from typing import Callable


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of ``runs`` wall-clock timings of ``fn()``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best
