"""Streaming and worker processes: whole-process figures of the CLI on big inputs.

Run by hand, not in the tests:
    python benchmarks/bench_scale.py stream [N] [CMD] [--jobs J] [--file PATH]
                                                  # parse --lines and check on N lines (1,000,000);
                                                  # CMD parse or check runs that one alone;
                                                  # --file keeps the lines (made if missing)
    python benchmarks/bench_scale.py jobs [N] [CMD] [--pairs K]
                                                  # --jobs 1 vs --jobs 2 on N lines (100,000),
                                                  # CMD parse (default) or check; then K pairs
                                                  # on N/10 lines, interleaved (1 2, 2 1, ...)
    python benchmarks/bench_scale.py lists [N]    # the list-level rules alone on N references
    python benchmarks/bench_scale.py jsonl [N] [--file PATH]
                                                  # JSON Lines in: convert to jsonl and
                                                  # csl-json, parse and check --from jsonl on N
                                                  # items (200,000; the gold items with new ids)

The lines cycle through the mixed list of bench_parse.py (10,000 distinct lines, half Chinese,
half English).  Each run is one process under ``/usr/bin/time -v`` (peak memory: its maximum
resident set; with --jobs the peaks of the parent and of each worker are read from their
/proc status while they run: time's figure is the largest process of the tree); time to
first output is when the first byte reaches the pipe.
CPU time (user + system) is given for citekit and its workers together and for citekit
alone, so that a ratio can be judged on a loaded machine: on two idle cores --jobs 2 can
at best take max(all CPU / 2, the parent's CPU).
The load average of the machine is printed with each figure: on a shared machine a ratio
between runs of the same session is what counts.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_parse import corpus  # noqa: E402


def write_lines(path: Path, n: int) -> None:
    base = corpus(10_000)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(base[i % len(base)] + "\n")


def write_items(path: Path, n: int) -> None:
    """N CSL-JSON items as JSON Lines: the GB/T 7714 gold items in turn, each with its own id."""
    import json

    gold = ROOT.parent / "tests" / "fixtures" / "gbt7714" / "gold.jsonl"
    items = [json.loads(row)["csl"] for row in gold.read_text("utf-8").splitlines() if row.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            item = dict(items[i % len(items)], id=f"item-{i}")
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")


def _citekit() -> list[str]:
    script = Path(sys.executable).with_name("citekit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "citekit.cli"]


def _watch(pid: int, stop: threading.Event, peak: dict[int, int], cpu: dict[int, float]) -> None:
    """Sample the peak resident memory of ``pid``'s descendants (citekit and its workers) and
    their CPU time (user + system) while they run."""
    tick = os.sysconf("SC_CLK_TCK")
    while not stop.is_set():
        for child in _descendants(pid):
            try:
                status = Path(f"/proc/{child}/status").read_text()
                stat = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            m = re.search(r"VmHWM:\s+(\d+) kB", status)
            if m:
                peak[child] = max(peak.get(child, 0), int(m.group(1)))
            cpu[child] = (int(stat[11]) + int(stat[12])) / tick  # utime, stime
        stop.wait(0.2)


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of ``pid``'s descendants so far."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for child in _descendants(pid):
        try:
            stat = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(stat[11]) + int(stat[12])) / tick
    return total


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = []
        # every thread's children: a JVM (Spark) starts its Python workers from other threads
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids += (task / "children").read_text().split()
            except OSError:
                continue
        for k in kids:
            out.append(int(k))
            todo.append(int(k))
    return out


def run(args: list[str]) -> dict[str, float]:
    """One whole process: wall time, time to first output byte, peak memory (MB), CPU time of
    citekit and its workers together and of citekit alone (the parent; sampled, so the last
    0.2 s may be missing)."""
    load = os.getloadavg()[0]
    with tempfile.NamedTemporaryFile("w+", suffix=".time") as tf:
        cmd = ["/usr/bin/time", "-v", "-o", tf.name] + _citekit() + args
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        stop, peaks, cpu = threading.Event(), {}, {}
        watcher = threading.Thread(target=_watch, args=(proc.pid, stop, peaks, cpu))
        watcher.start()
        assert proc.stdout is not None
        first = proc.stdout.read(1)
        t_first = time.perf_counter() - t0
        cpu_first = _tree_cpu(proc.pid)  # CPU spent before the first byte: load-independent
        size = len(first)
        while chunk := proc.stdout.read(1 << 20):
            size += len(chunk)
        proc.wait()
        wall = time.perf_counter() - t0
        stop.set()
        watcher.join()
        report = Path(tf.name).read_text()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", report).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", report).group(1))
    # the time process's child is citekit; the others are citekit's workers
    citekit = min(peaks, default=0)  # the first pid of the tree
    workers = [v for k, v in peaks.items() if k != citekit]
    return {
        "wall": wall,
        "first": t_first,
        # /usr/bin/time's maximum resident set is the largest of the whole tree (a worker's
        # with --jobs); the parent's own is sampled
        "rss_mb": (peaks.get(citekit, rss) if workers else rss) / 1024,
        "workers_mb": max(workers, default=0) / 1024,
        # forked workers share the parent's pages: a sum of peaks over-counts them
        "all_mb": (peaks.get(citekit, rss) + sum(workers)) / 1024,
        "cpu": user + system,
        "cpu_first": cpu_first,
        "cpu_parent": cpu.get(citekit, 0.0),
        "bytes": size,
        "load": load,
        "load_end": os.getloadavg()[0],
    }


def show(label: str, n: int, r: dict[str, float]) -> None:
    extra = (
        f", workers peak {r['workers_mb']:.0f} MB each (parent + workers, shared pages counted "
        f"in each: {r['all_mb']:.0f} MB)"
        if r["workers_mb"]
        else ""
    )
    workers = r["cpu"] - r["cpu_parent"]
    print(
        f"{label}: {r['wall']:.1f} s = {n / r['wall']:,.0f} refs/s, first output after "
        f"{r['first']:.2f} s ({r['cpu_first']:.2f} s of CPU), peak {r['rss_mb']:.0f} MB{extra} (load {r['load']:.1f} at the "
        f"start, {r['load_end']:.1f} at the end); CPU {r['cpu']:.1f} s = "
        f"{1e6 * r['cpu'] / n:.0f} us/ref (citekit {r['cpu_parent']:.1f} s"
        + (f", workers {workers:.1f} s" if r["workers_mb"] else "")
        + f"); ended {time.strftime('%H:%M:%S', time.gmtime())} UTC",
        flush=True,
    )


def lists(n: int, numbered: bool) -> None:
    """ListStream alone (no parse: the references are the raw lines, so the duplicate keys are
    the normalised strings) on ``n`` distinct references; in this process: peak memory."""
    import resource

    from citekit.pipeline import Config, string_references
    from citekit.validate.list_stream import ListStream

    base = corpus(10_000)

    def texts():
        for i in range(n):
            text = f"{base[i % len(base)]} {i}"  # distinct: a key each
            yield f"[{i + 1}] {text}" if numbered else text

    load = os.getloadavg()[0]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    first = None
    count = found = 0
    for ref in ListStream(Config()).run(string_references(texts())):
        if first is None:
            first = time.perf_counter() - t0
        count += 1
        found += len(ref.diagnostics)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"ListStream, {n:,} {'numbered' if numbered else 'unnumbered'} references: "
        f"{count:,} out, {found:,} list diagnostics, {wall:.1f} s, first after {first:.2f} s; "
        f"peak {peak:.0f} MB (before the run {rss0:.0f} MB; load {load:.1f})",
        flush=True,
    )


def _options(argv: list[str]) -> tuple[list[str], dict[str, str]]:
    """Positional arguments and ``--name value`` options."""
    args, opts = [], {}
    it = iter(argv)
    for a in it:
        if a.startswith("--"):
            opts[a] = next(it)
        else:
            args.append(a)
    return args, opts


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "stream"
    with tempfile.TemporaryDirectory() as tmp:
        if what == "stream":
            args, opts = _options(sys.argv[2:])
            n = int(args[0]) if args else 1_000_000
            cmds = args[1:] or ["parse", "check"]
            jobs = ["--jobs", opts["--jobs"]] if "--jobs" in opts else []
            path = Path(opts.get("--file") or Path(tmp) / "lines.txt")
            if not path.exists():
                write_lines(path, n)
            print(f"{n:,} lines, {path.stat().st_size / 1e6:.0f} MB; {jobs}", flush=True)
            fmt = {"parse": [], "check": ["-f", "jsonl"]}
            for cmd in cmds:
                r = run([cmd, "--lines", str(path), *fmt[cmd], "--fail-on", "never", *jobs])
                show(f"{cmd} --lines {' '.join(fmt[cmd] + jobs)}", n, r)
        elif what == "jsonl":
            args, opts = _options(sys.argv[2:])
            n = int(args[0]) if args else 200_000
            path = Path(opts.get("--file") or Path(tmp) / "items.jsonl")
            if not path.exists():
                write_items(path, n)
            print(f"{n:,} items, {path.stat().st_size / 1e6:.0f} MB", flush=True)
            for argv in (
                ["convert", str(path), "--from", "jsonl", "--to", "jsonl", "-q"],
                ["convert", str(path), "--from", "jsonl", "--to", "csl-json", "-q"],
                ["parse", str(path), "--from", "jsonl", "-f", "jsonl"],
                ["check", str(path), "--from", "jsonl", "-f", "jsonl", "--fail-on", "never"],
            ):
                show(" ".join(a for a in argv if a != str(path)), n, run(argv))
        elif what == "_lists":
            lists(int(sys.argv[2]), sys.argv[3] == "numbered")
        elif what == "lists":
            n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
            for kind in ("numbered", "unnumbered"):  # each in a fresh process
                subprocess.run([sys.executable, __file__, "_lists", str(n), kind], check=True)
        else:
            args, opts = _options(sys.argv[2:])
            n = int(args[0]) if args else 100_000
            cmd = args[1] if len(args) > 1 else "parse"
            path = Path(tmp) / "lines.txt"
            write_lines(path, n)
            print(f"{n:,} lines; {os.cpu_count()} cores", flush=True)
            fmt = ["-f", "jsonl"] if cmd == "check" else []

            def jobs(k: int, where: Path, size: int, label: str = "") -> dict[str, float]:
                r = run([cmd, "--lines", str(where), *fmt, "--fail-on", "never", "--jobs", str(k)])
                show(f"{label}{cmd} --jobs {k}", size, r)
                return r

            one, two = jobs(1, path, n), jobs(2, path, n)
            print(f"speed-up --jobs 2 / --jobs 1: {one['wall'] / two['wall']:.2f}x", flush=True)
            # what two idle cores would give: the workers' CPU shared by two, unless the
            # parent's (serial) share is longer
            bound = one["cpu"] / max((two["cpu"]) / 2, two["cpu_parent"])
            print(f"CPU bound on two idle cores: {bound:.2f}x", flush=True)
            pairs = int(opts.get("--pairs", 0))
            if pairs:
                small, m = Path(tmp) / "pairs.txt", max(n // 10, 1)
                write_lines(small, m)
                ratios = []
                for i in range(pairs):  # 1 2, 2 1, 1 2 ...: a drifting load hits both alike
                    order = (1, 2) if i % 2 == 0 else (2, 1)
                    got = {k: jobs(k, small, m, f"pair {i + 1}, {m:,} lines: ") for k in order}
                    ratios.append(got[1]["wall"] / got[2]["wall"])
                    print(f"pair {i + 1}: {ratios[-1]:.2f}x", flush=True)
                print(
                    f"interleaved pairs: median {statistics.median(ratios):.2f}x "
                    f"(range {min(ratios):.2f}-{max(ratios):.2f})",
                    flush=True,
                )


if __name__ == "__main__":
    main()
