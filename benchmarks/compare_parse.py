"""Check that a speed change leaves ``citekit parse`` output byte-identical.

Run by hand, not in the tests:
    python benchmarks/compare_parse.py OUTDIR [--src DIR] [--n N]
    python benchmarks/compare_parse.py --diff OUTDIR_A OUTDIR_B

The first form writes, for each input list, the output of ``citekit parse --lines LIST -f jsonl``
(citekit imported from ``--src``, default this checkout's ``src``) to ``OUTDIR/<list>.jsonl``.
The lists: the benchmark's unique lines (``bench_parse.unique_lines(N)``, default 10,000), the raw
strings of every ``tests/fixtures/parse/*/*.jsonl`` file (dev, dev-b, gbt2025, zjss) and of the
GB/T 7714 gold file (numeric and author-date), and the bundled example list.  The second form
compares two such folders file by file and prints the first differing line of each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def inputs(n: int) -> dict[str, list[str]]:
    from bench_parse import unique_lines

    lists: dict[str, list[str]] = {"bench-unique": unique_lines(n)}
    fixtures = ROOT / "tests" / "fixtures" / "parse"
    for path in sorted(fixtures.glob("*/*.jsonl")):
        rows = [json.loads(l) for l in path.read_text("utf-8").splitlines() if l.strip()]
        lists[f"{path.parent.name}-{path.stem}"] = [r["raw"] for r in rows if "raw" in r]
    gold = [
        json.loads(l)
        for l in (fixtures / "gbt7714-gold.jsonl").read_text("utf-8").splitlines()
        if l.strip()
    ]
    lists["gold"] = [r[k] for r in gold for k in ("expected_numeric", "expected_authordate")]
    example = ROOT / "examples" / "zjss-2026-03-references.txt"
    lists["example"] = [l for l in example.read_text("utf-8").splitlines() if l.strip()]
    return {k: [l.replace("\n", " ") for l in v if l.strip()] for k, v in lists.items()}


def write(outdir: Path, src: Path, n: int) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src))
    for name, lines in inputs(n).items():
        listing = outdir / f"{name}.txt"
        listing.write_text("\n".join(lines) + "\n", "utf-8")
        with open(outdir / f"{name}.jsonl", "wb") as out:
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "from citekit.cli import entry; entry()",
                    "parse",
                    "--lines",
                    str(listing),
                    "-f",
                    "jsonl",
                    "--fail-on",
                    "never",
                ],
                check=True,
                stdout=out,
                env=env,
            )
        print(f"{name}: {len(lines)} lines")


def diff(a: Path, b: Path) -> int:
    bad = 0
    for left in sorted(a.glob("*.jsonl")):
        right = b / left.name
        la = left.read_bytes().splitlines()
        lb = right.read_bytes().splitlines() if right.exists() else []
        if la == lb:
            print(f"{left.name}: identical ({len(la)} lines)")
            continue
        bad += 1
        for i, (x, y) in enumerate(zip(la, lb, strict=False)):
            if x != y:
                print(f"{left.name}: line {i + 1} differs\n  - {x[:400]!r}\n  + {y[:400]!r}")
                break
        else:
            print(f"{left.name}: {len(la)} against {len(lb)} lines")
    return 1 if bad else 0


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--diff":
        sys.exit(diff(Path(args[1]), Path(args[2])))
    src = Path(args[args.index("--src") + 1]) if "--src" in args else ROOT / "src"
    n = int(args[args.index("--n") + 1]) if "--n" in args else 10_000
    write(Path(args[0]), src, n)


if __name__ == "__main__":
    main()
