"""Time parse (the whole pipeline) and render of a 1,000-reference mixed list.

Run by hand, not in the tests:  python benchmarks/bench_pipeline.py [N]
The list cycles through the bundled example (Chinese 《》 house style and English), the
GB/T line, and GB/T 7714-2015 strings of the standard's examples from the test fixtures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from _timing import best_of  # noqa: E402
from citekit.pipeline import Config, process  # noqa: E402
from citekit.renderer import render_bibliography  # noqa: E402


def corpus(n: int) -> list[str]:
    lines = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8").splitlines()
    lines += (
        (ROOT / "examples" / "zjss-2026-03-self-citation-gbt7714.txt")
        .read_text("utf-8")
        .splitlines()
    )
    gold = ROOT / "tests" / "fixtures" / "gbt7714" / "gold.jsonl"
    if gold.exists():
        lines += [
            json.loads(l)["expected_numeric"]
            for l in gold.read_text("utf-8").splitlines()
            if l.strip()
        ]
    return [lines[i % len(lines)] for i in range(n)]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    refs_text = "\n".join(corpus(n)) + "\n"
    config = Config(lines=True)
    refs = process(refs_text, config)
    assert len(refs) == n
    t_parse = best_of(3, lambda: process(refs_text, config))
    items = [r.item for r in refs]
    render_bibliography(items[:5], "gbt7714-2015-numeric")  # style loading is not the hot path
    t_render = best_of(3, lambda: render_bibliography(items, "gbt7714-2015-numeric"))
    print(f"references: {n}")
    print(f"parse+check: {t_parse:.3f} s = {n / t_parse:,.0f} references/s")
    print(f"render gbt7714-2015-numeric: {t_render:.3f} s = {n / t_render:,.0f} items/s")


if __name__ == "__main__":
    main()
