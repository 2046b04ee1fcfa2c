"""Time ``citekit parse --lines`` on a mixed 10,000-line list, as a whole process, and its start-up.

Run by hand, not in the tests:
    python benchmarks/bench_parse.py [N] [--runs R] [--repeat] [--freeze]
    python benchmarks/bench_parse.py [N] --floor [--runs R] [--baseline-src DIR]

The list is half Chinese, half English, with few repeats: the bundled example list (Chinese 《》
house style and English house style), its GB/T 7714 self-citation, the GB/T 7714-2015 strings of
the standard's examples (numeric and author-date, from the gold fixture), Chinese references that
``training/synth.py`` rendered through the GB/T styles (seed 99991, not the training seed; frozen in
``benchmarks/data/zh-synthetic.tsv`` so renderer changes do not change the list), and English
references of many styles from the training corpora (AnyStyle core, GROBID), shuffled with a fixed
seed.  It never reads the development set.  ``--freeze`` rewrites the frozen file with the current
renderer (only when the benchmark list is meant to change).  ``--repeat`` instead cycles through the ~430
distinct fixture and corpus lines (the first version of this benchmark).  The figure reported is
the best of R runs of ``citekit parse --lines FILE -f jsonl > /dev/null`` (wall time, one
process, one core), and the start-up time is the same command on a one-line file.

``--floor`` measures citekit against a floor: a bare script (``FLOOR`` below) that reads the same
lines, tokenises each with one regex and writes one JSON object per line.  The list is the benchmark
list with a nonce appended to every line (a letters-only word made from the line's number), so no line
repeats and no per-line cache can help.  Floor and citekit run interleaved in one session, R rounds
(default 5), and the ratio citekit/floor of each round is reported as min/median/max: a ratio, not a
rate, because the machine's speed varies between sessions.  Both wall time and CPU time (user +
system, from the children's resource usage) are reported: on a shared, loaded machine the CPU-time
ratio is the steadier one.  ``--baseline-src DIR`` adds a third command
to every round, citekit imported from another source tree (e.g. an export of main's ``src``), so a
change is measured against the code before it in the same session.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZH_SYNTHETIC = ROOT / "benchmarks" / "data" / "zh-synthetic.tsv"
ZH_SEED, ZH_STREAM = 99991, 10_000


def freeze_zh() -> None:
    """Write the GB/T-style Chinese records among the first ZH_STREAM synthetic records of seed
    ZH_SEED, one ``index<TAB>text`` a line (the index is the record's place in the stream)."""
    sys.path.insert(0, str(ROOT / "training"))
    sys.path.insert(0, str(ROOT / "src"))
    from synth import synthesise

    rows = [
        f"{i}\t{r['text']}"
        for i, r in enumerate(synthesise(ZH_STREAM, seed=ZH_SEED))
        if r["source"].split(":")[1].startswith(("gbt", "china", "chinese"))
        and "\t" not in r["text"]
        and "\n" not in r["text"]
    ]
    ZH_SYNTHETIC.parent.mkdir(exist_ok=True)
    ZH_SYNTHETIC.write_text("\n".join(rows) + "\n", "utf-8")
    print(f"{len(rows)} lines -> {ZH_SYNTHETIC}")


def zh_synthetic(first: int) -> list[str]:
    """The frozen Chinese lines that come from the first ``first`` records of the synthetic stream."""
    out = []
    for line in ZH_SYNTHETIC.read_text("utf-8").splitlines():
        i, _, text = line.partition("\t")
        if int(i) < first:
            out.append(text)
    return out


def corpus(n: int, seed: int = 7) -> list[str]:
    if "--repeat" in sys.argv:
        return corpus_repeat(n, seed)
    rng = random.Random(seed)
    zh = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8").splitlines()
    zh += (
        (ROOT / "examples" / "zjss-2026-03-self-citation-gbt7714.txt")
        .read_text("utf-8")
        .splitlines()
    )
    gold = ROOT / "tests" / "fixtures" / "parse" / "gbt7714-gold.jsonl"
    for l in gold.read_text("utf-8").splitlines():
        if l.strip():
            row = json.loads(l)
            zh += [row["expected_numeric"], row["expected_authordate"]]
    need = max(0, n // 2 - len(zh))
    zh += zh_synthetic(need * 2)[:need]
    en: list[str] = []
    for name in ("grobid-corpus.jsonl", "anystyle-core.jsonl"):
        path = ROOT / "training" / "data" / name
        en += [json.loads(l)["text"] for l in path.read_text("utf-8").splitlines() if l.strip()]
    rng.shuffle(en)
    lines = [l.strip() for l in zh[: n // 2] + en[: n - n // 2] if l.strip() and "\n" not in l]
    out = [lines[i % len(lines)] for i in range(n)]
    rng.shuffle(out)
    return out


def corpus_repeat(n: int, seed: int = 7) -> list[str]:
    lines = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8").splitlines()
    lines += (
        (ROOT / "examples" / "zjss-2026-03-self-citation-gbt7714.txt")
        .read_text("utf-8")
        .splitlines()
    )
    gold = ROOT / "tests" / "fixtures" / "parse" / "gbt7714-gold.jsonl"
    lines += [
        json.loads(l)["expected_numeric"] for l in gold.read_text("utf-8").splitlines() if l.strip()
    ]
    rng = random.Random(seed)
    english: list[str] = []
    for name in ("anystyle-core.jsonl", "grobid-corpus.jsonl"):
        path = ROOT / "training" / "data" / name
        if path.exists():
            rows = [
                json.loads(l)["text"] for l in path.read_text("utf-8").splitlines() if l.strip()
            ]
            english += rng.sample(rows, min(len(rows), 150))
    lines = [l.strip() for l in lines + english if l.strip() and "\n" not in l]
    out = [lines[i % len(lines)] for i in range(n)]
    rng.shuffle(out)
    return out


# The floor: read the lines, tokenise each with one regex, write one JSON object per line.
FLOOR = r"""
import json, re, sys
TOKEN = re.compile(r"https?://\S+|\w+|[^\w\s]")
with open(sys.argv[1], encoding="utf-8") as src:
    out = sys.stdout
    for n, line in enumerate(src, 1):
        line = line.rstrip("\n")
        toks = [m.span() for m in TOKEN.finditer(line)]
        out.write(json.dumps({"id": f"ref-{n}", "raw": line, "tokens": toks}, ensure_ascii=False) + "\n")
"""


def nonce(i: int) -> str:
    """A letters-only word unique to line ``i`` (one token, cached by nothing)."""
    word = "q"
    while True:
        i, r = divmod(i, 26)
        word += chr(97 + r)
        if not i:
            return word


def unique_lines(n: int) -> list[str]:
    return [f"{line} {nonce(i)}" for i, line in enumerate(corpus(n))]


_CPU: list[float] = [0.0]  # the CPU time (user + system) of the last command timed


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """Run ``cmd``; its wall time (returned) and CPU time (in ``_CPU``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _CPU[0] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall


def run_floor(path: str) -> float:
    return _timed([sys.executable, "-c", FLOOR, path])


def floor_main(n: int, runs: int) -> None:
    base = sys.argv[sys.argv.index("--baseline-src") + 1] if "--baseline-src" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "unique.txt"
        path.write_text("\n".join(unique_lines(n)) + "\n", "utf-8")
        one = Path(tmp) / "one.txt"
        one.write_text(unique_lines(1)[0] + "\n", "utf-8")
        names = ("floor", "citekit", "baseline", "start-up", "start-up base")
        rows: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}

        def timed(name: str, fn: Callable[[], float]) -> None:
            rows[name].append(fn())
            cpu[name].append(_CPU[0])

        run(str(one))  # warm-up: bytecode written, files in the page cache
        if base:
            run(str(one), src=base)
        for _ in range(runs):  # interleaved: each round runs every command once
            timed("floor", lambda: run_floor(str(path)))
            timed("citekit", lambda: run(str(path)))
            if base:
                timed("baseline", lambda: run(str(path), src=base))
            timed("start-up", lambda: run(str(one)))
            if base:
                timed("start-up base", lambda: run(str(one), src=base))
    print(f"unique lines: {n} (benchmark list + per-line nonce), {runs} interleaved rounds")
    for name, times in rows.items():
        if times:
            ts, cs = sorted(times), sorted(cpu[name])
            print(
                f"{name:>13}: wall min {ts[0]:.3f} s, median {statistics.median(ts):.3f} s; "
                f"CPU min {cs[0]:.3f} s, median {statistics.median(cs):.3f} s"
            )
    for what, table in (("wall", rows), ("CPU", cpu)):
        floor = table["floor"]
        for name in ("citekit", "baseline"):
            if table[name]:
                ratios = sorted(t / f for t, f in zip(table[name], floor, strict=True))
                print(
                    f"{name}/floor ({what}): min {ratios[0]:.2f}x, "
                    f"median {statistics.median(ratios):.2f}x, max {ratios[-1]:.2f}x; "
                    f"{n / statistics.median(table[name]):,.0f} references/s "
                    f"(floor {n / statistics.median(floor):,.0f} lines/s)"
                )
        if table["baseline"]:  # the change itself: each round's citekit against its baseline
            ratios = sorted(t / b for t, b in zip(table["citekit"], table["baseline"], strict=True))
            print(
                f"citekit/baseline ({what}): min {ratios[0]:.3f}, "
                f"median {statistics.median(ratios):.3f}, max {ratios[-1]:.3f}"
            )


def run(path: str, src: str | None = None) -> float:
    env = dict(os.environ, PYTHONPATH=src or str(ROOT / "src"))
    # as installed: modules load from their cached bytecode (the warm-up round writes it)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = Path(sys.executable).with_name("citekit")
    cmd = (
        [str(script)]
        if script.exists() and src is None
        else [sys.executable, "-c", "from citekit.cli import entry; entry()"]
    )
    return _timed(cmd + ["parse", "--lines", path, "-f", "jsonl", "--fail-on", "never"], env)


def main() -> None:
    if "--freeze" in sys.argv:
        freeze_zh()
        return
    args = [
        a
        for i, a in enumerate(sys.argv[1:], 1)
        if not a.startswith("--") and sys.argv[i - 1] not in ("--runs", "--baseline-src")
    ]
    n = int(args[0]) if args else 10_000
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    if "--floor" in sys.argv:
        floor_main(n, runs if "--runs" in sys.argv else 5)
        return
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "refs.txt"
        big.write_text("\n".join(corpus(n)) + "\n", "utf-8")
        one = Path(tmp) / "one.txt"
        one.write_text(corpus(1)[0] + "\n", "utf-8")
        startup = min(run(str(one)) for _ in range(runs))
        total = min(run(str(big)) for _ in range(runs))
    print(f"references: {n}")
    print(f"start-up (one reference, whole process): {startup:.3f} s")
    print(f"citekit parse --lines: {total:.3f} s = {n / total:,.0f} references/s (whole process)")
    print(f"excluding start-up: {n / max(total - startup, 1e-9):,.0f} references/s")


if __name__ == "__main__":
    main()
