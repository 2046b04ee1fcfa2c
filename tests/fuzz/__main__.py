"""The long run: ``python -m tests.fuzz --minutes N [--surfaces a,b] [--seed S] [--jobs J]``.

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
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from .surfaces import SURFACES, Violation

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz"
WARM_UP = 12  # untimed cases per surface before the run
#: a surface's share of the run's CPU time (1 unless said): each case goes to the surface that
#: has had the least CPU for its share, so cheap surfaces are not held to the count of the
#: dearest (a round robin ran at the pace of the slowest: 5-8 inputs/s under load).
#: segment-long checks one property (numbering past 1,000 and 10,000) with 1,200-10,050
#: references a case: a quarter share is thousands of such lists an hour.
SHARES = {"segment-long": 0.25}
#: CPU seconds one minimisation may take
MINIMISE_CPU = 30.0
#: one CLI case in this many also runs as a real process (an interpreter start each)
PROCESS_EVERY = 100


def references(surface: str, case: dict[str, Any]) -> int:
    """How many reference strings a case hands to the parser (for the report)."""
    if surface == "parse-lines":
        return len(case["lines"])
    if surface == "segment-long":
        return len(case["refs"])
    if surface == "parse-list":
        return sum(1 for line in case["text"].splitlines() if line.strip())
    return 0


class Slow(BaseException):
    """Raised by the timer; a BaseException so that citekit's per-stage isolation (which turns an
    Exception into X001) lets it through."""


def _alarm(signum: int, frame: Any) -> None:
    raise Slow()


def outcome(surface: str, case: dict[str, Any], bound: float) -> str | None:
    """None when the case keeps every promise, else a one-line description of the failure.

    The bound is CPU time of this process (``ITIMER_PROF``), not wall time: the machine the long
    run shares with other work would otherwise make a case "slow" that merely waited."""
    check = SURFACES[surface][0]
    try:
        signal.setitimer(signal.ITIMER_PROF, bound)
        try:
            check(case)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    except Slow:  # also when the timer fired while being disarmed: the case took the bound
        return f"slow: over {bound} s of CPU time"
    except Violation as exc:
        return f"violation: {exc}"
    except RecursionError:
        return "exception: RecursionError"
    except Exception as exc:  # the crash we are looking for
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return f"exception: {type(exc).__name__} at {Path(where.filename).name}:{where.name}"
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


#: case keys that say how to run the input, not the input itself: never shrunk
_SETTINGS = frozenset({"format", "style", "argv", "form", "process"})


def minimise(surface: str, case: dict[str, Any], failure: str, bound: float) -> dict[str, Any]:
    kind = failure.split(":", 1)[0]
    # at most 200 checks and MINIMISE_CPU seconds: a minimisation must not stall the run (200
    # checks of a slow case take 200 bounds, half an hour of wall time on a loaded machine)
    budget = [200]
    stop = time.process_time() + MINIMISE_CPU

    def fails(candidate: dict[str, Any]) -> bool:
        if budget[0] <= 0 or time.process_time() > stop:
            return False
        budget[0] -= 1
        got = outcome(surface, candidate, bound)
        return got is not None and got.split(":", 1)[0] == kind

    for key in list(case):
        # only the input data shrinks: a format name, a style or an argument vector cut to a
        # prefix names another case (a read fixture once kept the format "e")
        if key not in _SETTINGS and isinstance(case[key], (str, list)):
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


def merged(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """The summaries of several processes as one: counts and CPU added, slowest the maximum."""
    out: dict[str, Any] = {
        "seeds": [p["seed"] for p in parts],
        "bound_cpu_s": parts[0]["bound_cpu_s"],
        "minutes": max(p["minutes"] for p in parts),
        "inputs": sum(p["inputs"] for p in parts),
    }
    cpu = sum(sum(p["cpu_s"].values()) for p in parts)
    out["inputs_per_cpu_s"] = round(out["inputs"] / max(cpu, 1e-9), 1)
    by: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    slowest: dict[str, float] = {}
    cpu_s: dict[str, float] = collections.defaultdict(float)
    for p in parts:
        for s, c in p["by_surface"].items():
            by[s].update(c)
        for s, t in p["slowest_cpu_s"].items():
            slowest[s] = max(slowest.get(s, 0.0), t)
        for s, t in p["cpu_s"].items():
            cpu_s[s] += t
    out["by_surface"] = {s: dict(c) for s, c in by.items()}
    out["slowest_cpu_s"] = slowest
    out["cpu_s"] = {s: round(t, 1) for s, t in cpu_s.items()}
    return out


def _run_jobs(args: argparse.Namespace) -> int:
    """``--jobs N``: N processes of this run, one seed each, their counts added up."""
    with tempfile.TemporaryDirectory() as tmp:
        outs = [Path(tmp) / f"job{k}.json" for k in range(args.jobs)]
        same = ["--minutes", str(args.minutes), "--surfaces", args.surfaces]
        same += ["--bound", str(args.bound), "--max", str(args.max)]
        same += ["--no-write"] if args.no_write else []
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.fuzz",
                    *same,
                    "--seed",
                    str(args.seed + k),
                    *(["--cases", f"{args.cases}.{k}"] if args.cases else []),
                    "--out",
                    str(out),
                ],
                stdout=subprocess.DEVNULL,
            )
            for k, out in enumerate(outs)
        ]

        def write() -> dict[str, Any] | None:
            parts = []
            for o in outs:
                try:
                    parts.append(json.loads(o.read_text()))
                except (OSError, ValueError):  # not written yet, or being written
                    pass
            if not parts:
                return None
            total = merged(parts)
            if args.out:
                args.out.write_text(json.dumps(total) + "\n")
            return total

        while any(p.poll() is None for p in procs):
            time.sleep(5)
            write()
        total = write()
    print(json.dumps(total))
    return max(p.returncode for p in procs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--surfaces", default=",".join(SURFACES))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--bound", type=float, default=1.0, help="CPU seconds one case may take")
    ap.add_argument("--max", type=int, default=0, help="stop after this many cases (0: no cap)")
    ap.add_argument("--no-write", action="store_true", help="do not write regression fixtures")
    ap.add_argument(
        "--out", type=Path, help="also write the counts here, every minute and at the end"
    )
    ap.add_argument(
        "--cases",
        type=Path,
        help="append each new failure's case, unminimised, to this JSON-lines file (with "
        "--jobs N: one file per job, FILE.K)",
    )
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="run this many processes (seeds SEED, SEED+1, ...) and add up their counts",
    )
    args = ap.parse_args(argv)
    surfaces = [s for s in args.surfaces.split(",") if s]
    unknown = set(surfaces) - set(SURFACES)
    if unknown:
        ap.error(f"unknown surfaces: {', '.join(sorted(unknown))}")
    if args.jobs > 1:
        return _run_jobs(args)
    rng = random.Random(args.seed)
    signal.signal(signal.SIGPROF, _alarm)
    # Imports and first-use loading (styles, locales, models) happen here, outside the count:
    # a few cases per surface under a generous bound, their outcome ignored.
    for surface in surfaces:
        for k in range(WARM_UP):
            outcome(surface, SURFACES[surface][1](random.Random(-1 - k)), 10 * args.bound)
    counts: dict[str, collections.Counter[str]] = {s: collections.Counter() for s in surfaces}
    slowest: dict[str, float] = dict.fromkeys(surfaces, 0.0)
    seen: set[tuple[str, str]] = set()
    spent: dict[str, float] = dict.fromkeys(surfaces, 0.0)  # CPU seconds, generation included
    started = time.monotonic()
    end = started + args.minutes * 60
    report_at = started + 60

    def summary() -> str:
        return json.dumps(
            {
                "seed": args.seed,
                "bound_cpu_s": args.bound,
                "minutes": round((time.monotonic() - started) / 60, 1),
                "inputs": sum(c["inputs"] for c in counts.values()),
                "inputs_per_cpu_s": round(
                    sum(c["inputs"] for c in counts.values()) / max(sum(spent.values()), 1e-9), 1
                ),
                "by_surface": {s: dict(c) for s, c in counts.items()},
                "slowest_cpu_s": {s: round(t, 3) for s, t in slowest.items()},
                "cpu_s": {s: round(t, 1) for s, t in spent.items()},
            }
        )

    n = 0
    while time.monotonic() < end and (not args.max or n < args.max):
        if time.monotonic() > report_at:
            report_at += 60
            print(summary(), file=sys.stderr, flush=True)
            if args.out:
                args.out.write_text(summary() + "\n")
        surface = min(surfaces, key=lambda s: spent[s] / SHARES.get(s, 1.0))
        n += 1
        cpu = time.process_time()
        case = SURFACES[surface][1](rng)
        if surface == "cli" and counts["cli"]["inputs"] % PROCESS_EVERY == 0:
            case["process"] = True
            counts["cli"]["processes"] += 1
        made = time.process_time()
        failure = outcome(surface, case, args.bound)
        took = time.process_time() - made
        spent[surface] += time.process_time() - cpu
        slowest[surface] = max(slowest[surface], took)
        counts[surface]["inputs"] += 1
        counts[surface]["references"] += references(surface, case)
        if failure is None:
            continue
        counts[surface][failure.split(":", 1)[0]] += 1
        if (surface, failure) in seen:
            continue
        seen.add((surface, failure))
        print(f"[{surface}] {failure}", file=sys.stderr, flush=True)
        if args.cases:  # the case as it failed, before any minimising (a --no-write run keeps it)
            with args.cases.open("a", encoding="utf-8") as f:
                record = {"surface": surface, "failure": failure, "case": case}
                f.write(json.dumps(record, ensure_ascii=True, default=str) + "\n")
        if not args.no_write:
            small = minimise(
                surface, json.loads(json.dumps(case, default=str)), failure, args.bound
            )
            print(f"  -> {write_fixture(surface, small, failure)}", file=sys.stderr, flush=True)
    print(summary())
    if args.out:
        args.out.write_text(summary() + "\n")
    return 1 if any(set(c) - {"inputs", "references", "processes"} for c in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
