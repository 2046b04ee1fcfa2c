"""citekit on Spark local[2] against `citekit parse --jobs 2`, same lines, same session.

Run by hand, not in the tests (needs citekit[spark] and Java):
    python benchmarks/bench_spark.py [N] [--file PATH]   # N lines, default 1,000,000;
                                                         # --file keeps them (made if missing)

Figures: Spark's start-up (session and a first one-row job) apart; then the parse of the N
lines (``citekit.spark.parse`` on ``spark.read.text`` in 4 partitions, written to Spark's ``noop`` sink, so
that only the parse and Spark's own row handling are timed) in references/s; then
``citekit parse --lines --jobs 2`` on the same file (whole process, output to /dev/null); the
ratio of the two.  Peak memory (VmHWM) of the driver JVM and of the Python workers is sampled
from /proc while Spark runs.  The load average is printed: on a shared machine only the ratio
of runs made in the same session means much.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_scale import _options, _watch, write_lines  # noqa: E402


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()
    except OSError:
        return "?"


def main() -> None:
    args, opts = _options(sys.argv[1:])
    n = int(args[0]) if args else 1_000_000
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    import citekit.spark as ckspark

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(opts.get("--file") or Path(tmp) / "lines.txt")
        if not path.exists():
            write_lines(path, n)
        print(
            f"{n:,} lines; {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}; "
            f"{time.strftime('%H:%M:%S', time.gmtime())} UTC",
            flush=True,
        )

        stop, peaks = threading.Event(), {}
        watcher = threading.Thread(target=_watch, args=(os.getpid(), stop, peaks, {}))
        watcher.start()
        t0 = time.perf_counter()
        spark = (
            SparkSession.builder.master("local[2]")
            .appName("citekit-bench")
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )
        ckspark.parse(spark.createDataFrame([("A B. T[J]. J, 2001.",)], "raw string")).collect()
        startup = time.perf_counter() - t0
        print(
            f"Spark start-up (session + a one-row parse, model loaded): {startup:.1f} s", flush=True
        )

        t0 = time.perf_counter()
        # as `citekit spark` does: a file smaller than a split is spread over the cores
        df = spark.read.text(str(path)).withColumnRenamed("value", "raw").repartition(4)
        ckspark.parse(df).write.format("noop").mode("overwrite").save()
        t_spark = time.perf_counter() - t0
        stop.set()
        watcher.join()
        spark.stop()
        by_kind: dict[str, int] = {}
        for pid, kb in peaks.items():
            kind = "driver JVM" if "java" in _name(pid) else "Python worker"
            by_kind[kind] = max(by_kind.get(kind, 0), kb)
        print(
            f"Spark local[2] parse: {t_spark:.1f} s = {n / t_spark:,.0f} refs/s; peak "
            + ", ".join(f"{k} {v / 1024:.0f} MB" for k, v in sorted(by_kind.items()))
            + f" (load {os.getloadavg()[0]:.1f})",
            flush=True,
        )

        script = Path(sys.executable).with_name("citekit")
        t0 = time.perf_counter()
        subprocess.run(
            [str(script), "parse", "--lines", str(path), "--jobs", "2", "--fail-on", "never"],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        t_jobs = time.perf_counter() - t0
        print(
            f"citekit parse --lines --jobs 2: {t_jobs:.1f} s = {n / t_jobs:,.0f} refs/s "
            f"(load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
        print(f"Spark / --jobs 2 throughput: {t_jobs / t_spark:.2f}", flush=True)


if __name__ == "__main__":
    main()
