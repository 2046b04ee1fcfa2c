"""The long run: ``python -m tests.fuzz --minutes N [--surfaces a,b] [--seed S]``.

Generates cases for every surface in turn, runs each check under a time bound, counts what
happens per surface, and for every failure (an uncaught exception, a broken promise, a case over
the time bound) minimises the case and writes it to ``tests/fixtures/fuzz/`` as a regression
fixture that ``tests/test_fuzz.py`` replays.  Prints the counts at the end (and every minute).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import random
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from .surfaces import SURFACES, Violation

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz"


class Slow(BaseException):
    """Raised by the timer; a BaseException so that citekit's per-stage isolation (which turns an
    Exception into X001) lets it through."""


def _alarm(signum: int, frame: Any) -> None:
    raise Slow()


def outcome(surface: str, case: dict[str, Any], bound: float) -> str | None:
    """None when the case keeps every promise, else a one-line description of the failure."""
    check = SURFACES[surface][0]
    signal.setitimer(signal.ITIMER_REAL, bound)
    try:
        check(case)
    except Slow:
        return f"slow: over {bound} s"
    except Violation as exc:
        return f"violation: {exc}"
    except RecursionError:
        return "exception: RecursionError"
    except Exception as exc:  # the crash we are looking for
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return f"exception: {type(exc).__name__} at {Path(where.filename).name}:{where.name}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return None


def _shrink_value(value: Any, still_fails: Any) -> Any:
    """Delta-debugging over strings and lists: drop halves, then quarters, ... while it fails."""
    if isinstance(value, (str, list)) and len(value) > 1:
        chunk = len(value) // 2
        while chunk >= 1:
            i = 0
            while i < len(value):
                candidate = value[:i] + value[i + chunk :]
                if still_fails(candidate):
                    value = candidate
                else:
                    i += chunk
            chunk //= 2
    if isinstance(value, list):
        return [
            _shrink_value(v, lambda new, k=k: still_fails(value[:k] + [new] + value[k + 1 :]))
            for k, v in enumerate(value)
        ]
    return value


def minimise(surface: str, case: dict[str, Any], failure: str, bound: float) -> dict[str, Any]:
    kind = failure.split(":", 1)[0]
    budget = [200]  # checks at most: a minimisation must not run for hours

    def fails(candidate: dict[str, Any]) -> bool:
        if budget[0] <= 0:
            return False
        budget[0] -= 1
        got = outcome(surface, candidate, bound)
        return got is not None and got.split(":", 1)[0] == kind

    for key in list(case):
        if isinstance(case[key], (str, list)):
            case[key] = _shrink_value(case[key], lambda v, key=key: fails({**case, key: v}))
    return case


def write_fixture(surface: str, case: dict[str, Any], failure: str) -> Path:
    body = json.dumps(case, ensure_ascii=True, sort_keys=True, default=str)
    name = hashlib.sha1(f"{surface}{body}".encode()).hexdigest()[:10]
    path = FIXTURES / f"{surface}-{name}.json"
    FIXTURES.mkdir(parents=True, exist_ok=True)
    record = {"surface": surface, "failure": failure, "case": json.loads(body)}
    path.write_text(json.dumps(record, ensure_ascii=True, indent=1) + "\n", "utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--surfaces", default=",".join(SURFACES))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--bound", type=float, default=1.0, help="seconds one case may take")
    ap.add_argument("--max", type=int, default=0, help="stop after this many cases (0: no cap)")
    ap.add_argument("--no-write", action="store_true", help="do not write regression fixtures")
    args = ap.parse_args(argv)
    surfaces = [s for s in args.surfaces.split(",") if s]
    unknown = set(surfaces) - set(SURFACES)
    if unknown:
        ap.error(f"unknown surfaces: {', '.join(sorted(unknown))}")
    rng = random.Random(args.seed)
    for surface in surfaces:  # imports and first-use loading happen here, outside the time bound
        outcome_unbounded = SURFACES[surface][0]
        try:
            outcome_unbounded(SURFACES[surface][1](random.Random(-1)))
        except Exception:
            pass
    signal.signal(signal.SIGALRM, _alarm)
    counts: dict[str, collections.Counter[str]] = {s: collections.Counter() for s in surfaces}
    seen: set[tuple[str, str]] = set()
    end = time.monotonic() + args.minutes * 60
    report_at = time.monotonic() + 60
    n = 0
    while time.monotonic() < end and (not args.max or n < args.max):
        surface = surfaces[n % len(surfaces)]
        n += 1
        case = SURFACES[surface][1](rng)
        failure = outcome(surface, case, args.bound)
        counts[surface]["inputs"] += 1
        if failure is None:
            continue
        counts[surface][failure.split(":", 1)[0]] += 1
        if (surface, failure) in seen:
            continue
        seen.add((surface, failure))
        print(f"[{surface}] {failure}", file=sys.stderr, flush=True)
        if not args.no_write:
            small = minimise(
                surface, json.loads(json.dumps(case, default=str)), failure, args.bound
            )
            print(f"  -> {write_fixture(surface, small, failure)}", file=sys.stderr, flush=True)
        if time.monotonic() > report_at:
            report_at += 60
            print(json.dumps({s: dict(c) for s, c in counts.items()}), file=sys.stderr, flush=True)
    total = sum(c["inputs"] for c in counts.values())
    print(json.dumps({"inputs": total, "by_surface": {s: dict(c) for s, c in counts.items()}}))
    return 1 if any(set(c) - {"inputs"} for c in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
