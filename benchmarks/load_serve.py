"""Load test of ``citekit serve``: N concurrent clients sending realistic requests for T seconds.

    python benchmarks/load_serve.py                 # 50 clients, 60 s, then the baseline
    python benchmarks/load_serve.py --clients 10 --duration 15

Loopback only, bounded in time (``--duration``, at most 300 s) and count (``--max-requests``).
It starts its own server (``citekit serve`` in a child process, default settings), then each
client loops over a fixed, seeded mix of what the page and a journal system send: check the
bundled 30-reference list, format it, parse a few references, fix one, convert items to BibTeX,
read the rules, styles and health.  Reported: requests/s, p50/p99 latency (overall and per kind),
errors (any status but 200, 429 and 503, and any transport failure; 429/503 are the server's
deliberate refusals and counted apart), the server's resident memory at start, after one request
of each kind (the parser's model and the styles are loaded on first use) and at the end.

Baseline, in the same run: the same mix called in-process on one thread through the functions
the endpoints call (no HTTP), for ``--baseline`` seconds; the ratio says what HTTP, JSON and
the worker pool cost or gain.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text(encoding="utf-8")
LINES = [line for line in EXAMPLE.splitlines() if line.strip()]
GBT = [
    "[1] 张三, 李四. 数字政府建设研究 [J]. 公共管理学报, 2020, 17(2): 3-14.",
    "[2] MOORE M H. Creating public value: strategic management in government[M]. Cambridge, MA: "
    "Harvard University Press, 1995.",
]
ITEMS = [
    {"id": "a", "type": "book", "title": "Creating public value", "author": [{"family": "Moore", "given": "Mark H."}],
     "publisher": "Harvard University Press", "publisher-place": "Cambridge, MA", "issued": {"date-parts": [[1995]]}},
    {"id": "b", "type": "article-journal", "title": "数字政府建设研究", "author": [{"literal": "张三"}],
     "container-title": "公共管理学报", "issued": {"date-parts": [[2020]]}, "volume": "17", "issue": "2", "page": "3-14"},
]  # fmt: skip

# (kind, weight, method, path, body): what a page session and a journal system send
MIX = [
    ("check-30", 20, "POST", "/api/check", {"text": EXAMPLE, "lang": "zh"}),
    ("format-30", 15, "POST", "/api/format", {"text": EXAMPLE, "style": "gbt7714-2015-numeric", "output": "html"}),
    ("format-items", 10, "POST", "/api/format", {"items": ITEMS, "style": "apa"}),
    ("parse-5", 15, "POST", "/api/parse", {"references": LINES[:5]}),
    ("check-1", 15, "POST", "/api/check", {"references": [LINES[26]], "ignore": "L"}),
    ("fix-2", 5, "POST", "/api/fix", {"references": GBT, "fixes": "safe"}),
    ("convert", 5, "POST", "/api/convert", {"items": ITEMS, "to": "bibtex"}),
    ("rules", 5, "GET", "/api/rules?lang=zh", None),
    ("styles", 2, "GET", "/api/styles", None),
    ("health", 8, "GET", "/api/health", None),
]  # fmt: skip


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    exe = shutil.which("citekit")
    cmd = [exe] if exe else [sys.executable, "-c", "from citekit.cli import entry; entry()"]
    proc = subprocess.Popen([*cmd, "serve", "--host", "127.0.0.1", "--port", str(port)],
                            stderr=subprocess.DEVNULL)  # fmt: skip
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def warm_up(base: str) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=120) as http:
        for _, _, method, path, body in MIX:
            r = http.get(path) if method == "GET" else http.post(path, json=body)
            r.raise_for_status()


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def client(base: str, seed: int, until: float, budget: list[int], out: list) -> None:
    import httpx

    rng = random.Random(seed)
    weights = [m[1] for m in MIX]
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        while time.monotonic() < until and budget[0] > 0:
            budget[0] -= 1
            kind, _, method, path, body = rng.choices(MIX, weights)[0]
            t0 = time.perf_counter()
            try:
                if method == "GET":
                    r = await http.get(path)
                else:
                    r = await http.post(path, json=body)
                status = r.status_code
                await r.aread()
            except httpx.HTTPError as exc:
                status = f"transport:{type(exc).__name__}"
            out.append((kind, status, time.perf_counter() - t0))


def baseline(seconds: float) -> float:
    """Requests/s of the same mix in-process on one thread, through the endpoints' functions."""
    from citekit.service.inputs import ENDPOINT_OPTIONS
    from citekit.service.styles import known_styles, service_style
    from citekit.service.work import Deadline, Request, rule_list
    from citekit.service import work

    rng = random.Random(1)
    weights = [m[1] for m in MIX]
    done = 0
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        kind, _, method, path, body = rng.choices(MIX, weights)[0]
        if method == "GET":
            if path.startswith("/api/rules"):
                json.dumps(rule_list(None, None, None, "zh"), ensure_ascii=False)
            elif path == "/api/styles":
                known_styles()
        else:
            name = path.rsplit("/", 1)[1]
            inputs = {k: body[k] for k in ("text", "references", "items") if k in body}
            options = {
                k: v for k, v in body.items() if k not in inputs and k in ENDPOINT_OPTIONS[name]
            }
            req = Request(**inputs, options=options)
            args = (req, Deadline.after(60), 5000, None)
            if name == "format":
                args += (service_style(options.get("style", "gbt7714-2015-numeric")),)
            json.dumps(getattr(work, f"do_{name}")(*args), ensure_ascii=False)
        done += 1
    return done / seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load (max 300)")
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument(
        "--baseline", type=float, default=20.0, help="seconds of the in-process baseline"
    )
    args = ap.parse_args()
    duration = min(args.duration, 300.0)

    port = free_port()
    base = f"http://127.0.0.1:{port}"  # loopback only
    proc = start_server(port)
    try:
        rss_start = rss_kib(proc.pid)
        warm_up(base)  # each kind once: the parser's model and the styles are loaded on first use
        rss_warm = rss_kib(proc.pid)
        results: list = []
        budget = [args.max_requests]

        async def run() -> float:
            t0 = time.monotonic()
            until = t0 + duration
            await asyncio.gather(
                *(client(base, seed, until, budget, results) for seed in range(args.clients))
            )
            return time.monotonic() - t0

        elapsed = asyncio.run(run())
        rss_end = rss_kib(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()

    ok = [r for r in results if r[1] == 200]
    refused = [r for r in results if r[1] in (429, 503)]
    errors = [r for r in results if r[1] not in (200, 429, 503)]
    lat = [r[2] * 1000 for r in ok]
    print(f"load: {args.clients} clients, {elapsed:.1f} s, {len(results)} requests, "
          f"cpus={os.cpu_count()}")  # fmt: skip
    print(f"  throughput      {len(ok) / elapsed:8.1f} requests/s answered 200")
    print(
        f"  latency (200)   p50 {pct(lat, 50):8.1f} ms   p99 {pct(lat, 99):8.1f} ms   max {max(lat, default=0):8.1f} ms"
    )
    print(f"  refused         {len(refused)} (429/503, deliberate)")
    print(f"  errors          {len(errors)}" + (f"  e.g. {errors[:3]}" if errors else ""))
    print(
        f"  server RSS      start {rss_start / 1024:.1f} MiB, after one request of each kind "
        f"{rss_warm / 1024:.1f} MiB, end {rss_end / 1024:.1f} MiB"
    )
    print("  per kind        count     p50 ms     p99 ms")
    for kind, *_ in MIX:
        ks = [r[2] * 1000 for r in ok if r[0] == kind]
        print(f"    {kind:<13} {len(ks):6d} {pct(ks, 50):10.1f} {pct(ks, 99):10.1f}")
    if args.baseline > 0:
        rate = baseline(args.baseline)
        print(f"baseline: the same mix in-process on one thread, no HTTP: {rate:.1f} requests/s")
        print(f"  ratio served/in-process: {len(ok) / elapsed / rate:.2f}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
