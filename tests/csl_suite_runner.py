"""Run the official CSL processor test suite through :class:`citekit.renderer.Renderer`.

The suite (https://github.com/citation-style-language/test-suite) carries no licence, so none of
its files are in this repository: fetch it yourself and point ``CITEKIT_CSL_SUITE`` at its
``processor-tests/humans`` directory::

    CITEKIT_CSL_SUITE=/path/to/test-suite/processor-tests/humans \\
        python tests/csl_suite_runner.py [--failures] [--write-skip] [NAME_PREFIX...]

It prints the pass rate over every fixture (``*.txt`` directly in the directory), and with
``--failures`` each failing fixture with its expected and actual output.  Fixtures listed in
``tests/fixtures/csl-suite/skip.txt`` (name, then a reason after ``#``) are known failures;
``tests/test_renderer_csl_suite.py`` fails if any other fixture fails.

How a fixture is run: the items of ``INPUT``; for ``MODE`` ``citation`` the clusters of
``CITATION-ITEMS`` (or ``CITATIONS``, printed as ``..[i] text`` with ``>>`` on the last, as
citeproc-js's runner does), else one cluster citing every item; for ``bibliography`` the
bibliography of the items in the order they are first cited, in HTML.  Every item is rendered in
the style's default locale (``per_item_locale=False``), as CSL processors do.  Outputs are
compared after trimming each line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SKIP_FILE = Path(__file__).parent / "fixtures" / "csl-suite" / "skip.txt"
_SECTION = re.compile(r"^>>=+\s*([A-Z-]+)\s*=+>*\s*$(.*?)^<<=+\s*\1\s*=+<*\s*$", re.M | re.S)


@dataclass
class Fixture:
    name: str
    mode: str
    result: str
    csl: str
    input: list[dict[str, Any]]
    citation_items: list[list[dict[str, Any]]] | None
    citations: list[Any] | None


def load(path: Path) -> Fixture:
    text = path.read_text(encoding="utf-8")
    sections = {m.group(1): m.group(2).strip("\n") for m in _SECTION.finditer(text)}

    def js(name: str) -> Any:
        raw = sections.get(name)
        return json.loads(raw) if raw and raw.strip() else None

    return Fixture(
        name=path.stem,
        mode=sections.get("MODE", "").strip(),
        result=sections.get("RESULT", ""),
        csl=sections.get("CSL", "").strip(),
        input=js("INPUT") or [],
        citation_items=js("CITATION-ITEMS"),
        citations=js("CITATIONS"),
    )


def read_skips(path: Path = SKIP_FILE) -> dict[str, str]:
    skips: dict[str, str] = {}
    if not path.exists():
        return skips
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition("#")
        skips[name.strip()] = reason.strip()
    return skips


_ENTITIES = {"&#38;": "&amp;", "&#60;": "&lt;", "&#62;": "&gt;"}
_MARKER = re.compile(r"^(?:>>|\.\.)\[(\d+)\]")


def _norm(text: str) -> str:
    """Lines trimmed; numeric and named entities for ``& < >`` are the same HTML; the ``>>``/``..``
    marks of ``CITATIONS`` fixtures (which citations citeproc-js's incremental API re-rendered)
    are not compared."""
    for entity, named in _ENTITIES.items():
        text = text.replace(entity, named)
    lines = (_MARKER.sub(r"[\1]", line.strip()) for line in text.strip().splitlines())
    return "\n".join(line for line in lines if line)


def run(fixture: Fixture) -> str:
    """citekit's output for ``fixture`` in the suite's format (raises on an engine error)."""
    from citekit.renderer import Renderer

    renderer = Renderer(fixture.csl, per_item_locale=False)
    items = fixture.input
    if fixture.mode.startswith("bibliography"):
        order: list[str] = []
        clusters = fixture.citation_items or (
            [c[0]["citationItems"] for c in fixture.citations] if fixture.citations else None
        )
        if clusters:
            for cluster in clusters:
                for cite in cluster:
                    if cite["id"] not in order:
                        order.append(str(cite["id"]))
            by_id = {str(i["id"]): i for i in items}
            cited = [by_id[i] for i in order if i in by_id]
            items = cited + [i for i in items if str(i["id"]) not in order]
        entries = renderer.bibliography(items, "html")
        body = "\n".join(f'  <div class="csl-entry">{e.html}</div>' for e in entries)
        return f'<div class="csl-bib-body">\n{body}\n</div>'
    if fixture.citations:
        clusters_in = [
            {"cites": c[0]["citationItems"], "note_index": c[0].get("properties", {}).get("noteIndex")}
            for c in fixture.citations
        ]
        out = renderer.citations(clusters_in, items, "html")
        return "\n".join(
            f"{'>>' if i == len(out) - 1 else '..'}[{i}] {c.html}" for i, c in enumerate(out)
        )
    clusters = fixture.citation_items or [[{"id": i["id"]} for i in items]]
    out = renderer.citations(clusters, items, "html")
    return "\n".join(c.html for c in out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("prefixes", nargs="*", help="only fixtures whose name starts with one of these")
    parser.add_argument("--failures", action="store_true", help="print every failing fixture")
    parser.add_argument("--write-skip", metavar="PATH", help="write the failing fixtures as a skip list")
    args = parser.parse_args(argv)
    root = os.environ.get("CITEKIT_CSL_SUITE")
    if not root or not Path(root).is_dir():
        print("set CITEKIT_CSL_SUITE to the test suite's processor-tests/humans directory", file=sys.stderr)
        return 2
    paths = sorted(Path(root).glob("*.txt"))
    if args.prefixes:
        paths = [p for p in paths if p.stem.startswith(tuple(args.prefixes))]
    skips = read_skips()
    passed, failed = [], []
    start = time.perf_counter()
    warnings.simplefilter("ignore")
    for path in paths:
        fixture = load(path)
        try:
            got = run(fixture)
        except Exception as exc:  # noqa: BLE001 - reported as a failure
            got = f"!! {type(exc).__name__}: {exc}"
        if _norm(got) == _norm(fixture.result):
            passed.append(fixture.name)
        else:
            failed.append(fixture.name)
            if args.failures:
                print(f"--- {fixture.name}  [{skips.get(fixture.name, 'NOT IN skip.txt')}]")
                print("expected:", fixture.result)
                print("got:     ", got)
    total = len(passed) + len(failed)
    unexpected = [n for n in failed if n not in skips]
    print(f"{len(passed)}/{total} passed ({len(passed) / max(total, 1):.1%}) in {time.perf_counter() - start:.1f}s; "
          f"{len(unexpected)} failing fixtures not in skip.txt; "
          f"{len([n for n in passed if n in skips])} in skip.txt now pass")
    if args.write_skip:
        lines = [f"{n}  # {skips.get(n) or _reason(n)}" for n in failed]
        Path(args.write_skip).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


_REASONS = {
    "disambiguate": "disambiguation: add-names / add-givenname / year-suffix rules not implemented",
    "collapse": "cite collapsing variant not implemented",
    "sort": "sorting detail (names/dates/macro keys) differs",
    "name": "name formatting detail differs",
    "nameattr": "inheritable name options",
    "position": "positions (ibid, subsequent, near-note) not fully implemented",
    "bugreports": "assorted processor bug reports",
    "date": "date formatting/ranges detail differs",
    "flipflop": "flip-flop of nested quotes and formatting not implemented",
    "textcase": "title case / text-case details not implemented",
    "affix": "affix and punctuation handling differs",
    "locale": "locale handling differs",
    "number": "number formatting differs",
    "page": "page-range-format not implemented",
    "label": "label handling differs",
    "condition": "condition handling differs",
    "group": "group suppression detail differs",
    "magic": "processor 'magic' (punctuation, capitalisation) differs",
    "variables": "variable handling differs",
    "bibsection": "citeproc-js bibliography sections",
    "quotes": "quotes and punctuation-in-quote differ",
    "punctuation": "punctuation merging differs",
    "substitute": "substitute handling differs",
    "fullstyles": "full style: several features combined",
    "sortseparator": "sort-separator handling differs",
    "integration": "citeproc-js integration API (citation updates)",
    "display": "display attribute not implemented",
    "discretionary": "discretionary author suppression",
    "decorations": "formatting decorations differ",
    "plural": "plural labels differ",
    "api": "citeproc-js API behaviour",
}


def _reason(name: str) -> str:
    prefix = name.split("_", 1)[0].lower()
    return _REASONS.get(prefix, f"{prefix}: not yet analysed")


if __name__ == "__main__":
    raise SystemExit(main())
