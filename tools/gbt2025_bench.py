"""Score citekit's GB/T 7714-2025 styles on the standard's own examples.

Renders each example item and compares it with the text the standard prints, both normalised
as the public benchmark YDX-2147483647/gb7714-bench normalises results
(``website/app/lib/result_normalize.ts``: spacing around marks, full-width ，：； as ASCII,
spaces inside URLs dropped), then prints the exact matches and every miss with both strings.

Two sources of items and printed text:

- default: the project's fixture ``tests/fixtures/render/gbt7714-2025-numeric/appendix-b.*``
  (the 141 examples of appendix B; see that folder's SOURCES.md);
- ``--checkout DIR``: a checkout of typst-doc-cn/bib-csl-dev-data (not in this repository: it
  has no licence); the core numeric examples are chapter 8's numbered lists (§8.2-§8.15) and
  appendix B, 218 in all, read from ``data/GB-T_7714—2025.{builtin,better}.json`` and
  ``data/GB-T_7714—2025.original.toml``; ``--author-date`` scores §8.1 and §9.3.1 instead.

Usage: python tools/gbt2025_bench.py [--checkout DIR] [--export builtin|better]
       [--style gbt7714-2025-numeric] [--author-date] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "render" / "gbt7714-2025-numeric"


def _to_ascii(s: str) -> str:
    return s.replace("，", ",").replace("：", ":").replace("；", ";")


def _nospace(m: regex.Match[str]) -> str:
    return m.group(0).replace(" ", "")


def normalise(s: str) -> str:
    """gb7714-bench's ``normalizeResult`` (result_normalize.ts), step by step."""
    s = s.replace("\u200b", "").replace("\u2060", "").replace("\u00a0", " ")
    s = regex.sub(
        r"([\p{Po}\p{Pe}\p{Pf}])\s*(\p{L})", lambda m: f"{_to_ascii(m[1])} {m[2]}", s
    )
    s = regex.sub(
        r"([,:;，：；])\s*([\p{L}\p{N}\p{Ps}\p{Pi}])", lambda m: f"{_to_ascii(m[1])} {m[2]}", s
    )
    s = regex.sub(
        r"([\p{L}\p{N}])\s*([\p{Ps}\p{Pi}&])", lambda m: f"{m[1]} {_to_ascii(m[2])}", s
    )
    s = regex.sub(r"\s*[（(]", " (", s)
    s = regex.sub(r"[）)]\s*", ") ", s)
    s = regex.sub(r"([\p{sc=Han}\]]\.?)([\p{N}\[])", r"\1 \2", s)
    s = s.replace(".[", ". [")
    s = regex.sub(r"https?://.+$", _nospace, s)
    s = regex.sub(r"/\s[A-Z]", _nospace, s)
    s = regex.sub(r"[A-Z]\s*\]", _nospace, s)
    s = regex.sub(r"\s*[·《》]\s*", _nospace, s)
    s = s.replace(") :", "):")
    s = regex.sub(r"%\s+", "%", s)
    s = regex.sub(r"\\\s+", "\\\\", s)
    s = regex.sub(r"</\s+", "</", s)
    s = s.replace("[S. l.]", "[S.l.]").replace("[s. n.]", "[s.n.]")
    s = regex.sub(r"[\p{sc=Latin}\p{N}]\s+\p{sc=Han}", _nospace, s)
    s = regex.sub(r"\p{sc=Han}\s+[\p{sc=Latin}\p{N}]", _nospace, s)
    return s


_LABEL = regex.compile(r"^\[\d+\]\s*")


def _strip_label(s: str) -> str:
    return _LABEL.sub("", s.strip())


def corrected(item: dict, corrections: dict) -> dict:
    """``item`` with the fixture's correction for it (fields the export has wrong) applied."""
    fix = corrections.get(item["id"])
    return {**item, **fix["set"]} if fix else item


def from_fixture(corrections: dict) -> list[tuple[str, dict, str]]:
    items = {i["id"]: corrected(i, corrections) for i in json.loads((FIXTURE / "appendix-b.items.json").read_text("utf-8"))}
    out = []
    for line in (FIXTURE / "appendix-b.expected.tsv").read_text("utf-8").splitlines():
        if line.strip():
            key, printed = line.split("\t", 1)
            out.append((key, items[key], printed))
    return out


def _core(prefix: str, author_date: bool) -> bool:
    if author_date:
        return prefix in ("gbt7714.8.1:",) or prefix.startswith("gbt7714.9.3.1.")
    if prefix.startswith("gbt7714.b."):
        return True
    # chapter 8's numbered lists, not §8.1 (author-date) nor §8.5.1's fragments
    return prefix.startswith("gbt7714.8.") and prefix != "gbt7714.8.1:" and not prefix.startswith("gbt7714.8.5.1.")


def from_checkout(root: Path, export: str, author_date: bool) -> list[tuple[str, dict, str]]:
    data = root / "data"
    items = {i["id"]: i for i in json.loads((data / f"GB-T_7714—2025.{export}.json").read_text("utf-8"))}
    toml = tomllib.loads((data / "GB-T_7714—2025.original.toml").read_text("utf-8"))
    out = []
    for sec in toml["section"]:
        prefix = sec["id-prefix"]
        if not _core(prefix, author_date):
            continue
        for n, printed in enumerate(l for l in sec["examples"].splitlines() if l.strip()):
            key = f"{prefix}{n + 1}"
            if key in items:
                out.append((key, items[key], printed))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checkout", type=Path, help="a checkout of typst-doc-cn/bib-csl-dev-data")
    ap.add_argument("--export", choices=("builtin", "better"), default="builtin")
    ap.add_argument("--style")
    ap.add_argument("--author-date", action="store_true")
    ap.add_argument("--misses", action="store_true", help="print every miss")
    args = ap.parse_args(argv)

    from citekit.renderer import Renderer

    style = args.style or ("gbt7714-2025-author-date" if args.author_date else "gbt7714-2025-numeric")
    renderer = Renderer(style)
    if args.checkout:
        runs = [("export as is", from_checkout(args.checkout, args.export, args.author_date))]
    else:
        corrections = json.loads((FIXTURE / "appendix-b.corrections.json").read_text("utf-8"))
        runs = [("export as is", from_fixture({})), ("with the fixture's corrections", from_fixture(corrections))]
    for title, cases in runs:
        hits, misses = score(renderer, cases)
        if args.misses:
            for key, want, got in misses:
                print(f"{key}\n  printed: {want}\n  citekit: {got}")
        print(f"{style}, {title}: {hits}/{len(cases)} exact after gb7714-bench normalisation")
    return 0


def score(renderer, cases: list[tuple[str, dict, str]]) -> tuple[int, list[tuple[str, str, str]]]:
    """Exact matches after normalisation, and each miss as (id, printed, rendered)."""
    hits = 0
    misses = []
    for key, item, printed in cases:
        got = renderer.bibliography([item])[0].text
        a, b = normalise(_strip_label(got)), normalise(_strip_label(printed))
        if a == b:
            hits += 1
        else:
            misses.append((key, b, a))
    return hits, misses


if __name__ == "__main__":
    sys.exit(main())
