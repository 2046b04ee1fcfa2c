"""Time validation alone: references are parsed beforehand, then only the checks run.

Run by hand, not in the tests:  python benchmarks/bench_check.py [N]
The corpus cycles through the GB/T 7714-2015 example strings (tests/fixtures/validate/
gold-clean.jsonl, with their CSL items as the parsed item) and the bundled example lists
(parsed once by the pipeline).  Target (issue 4): >= 10,000 references/s.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from citekit.model import Reference  # noqa: E402
from _timing import best_of  # noqa: E402
from citekit.pipeline import Config, process  # noqa: E402
from citekit.validate import check_list, check_reference, rules_for, context_for  # noqa: E402


def corpus(n: int) -> list[Reference]:
    refs: list[Reference] = []
    gold = ROOT / "tests" / "fixtures" / "validate" / "gold-clean.jsonl"
    for i, line in enumerate(gold.read_text("utf-8").splitlines()):
        d = json.loads(line)
        refs.append(Reference(id=f"g{i}", raw=d["raw"], item=d["csl"]))
    examples = ROOT / "examples"
    for name in ("zjss-2026-03-references.txt", "zjss-2026-03-self-citation-gbt7714.txt"):
        path = examples / name
        if path.exists():
            refs += process(path.read_text("utf-8"), Config(lines=True, ignore=("ALL",)))
    return [refs[i % len(refs)] for i in range(n)]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    refs = corpus(n)
    config = Config()
    rules = rules_for(config)
    ctx = context_for(config)
    check_reference(refs[0], config)  # warm the caches
    t_ref = best_of(3, lambda: [check_reference(r, config, rules=rules, ctx=ctx) for r in refs])
    t_list = best_of(3, lambda: check_list(refs[:1000], config))
    print(f"references: {n}, rules: {len(rules)} per reference")
    print(f"per-reference rules: {t_ref:.3f} s = {n / t_ref:,.0f} references/s")
    print(f"list-level rules on 1,000 references: {t_list * 1000:.1f} ms")


if __name__ == "__main__":
    main()
