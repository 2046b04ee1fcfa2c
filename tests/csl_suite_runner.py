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
``CITATION-ITEMS`` (or ``CITATIONS``: the document left by citeproc-js's incremental steps,
each placing a citation between the ones it lists before and after; printed as ``>>[i] text`` for
the citations the last step updated and ``..[i] text`` for the others, as citeproc-js's harness
prints them), else one cluster citing every item in the order of citeproc-js's registry (the
bibliography's sort order); for ``bibliography`` the
bibliography of the items in the order they are first cited, in HTML with display divs
(``display_divs=True``), entries that print nothing left out (as citeproc-js does).  Every item is rendered in
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


def _norm(text: str) -> str:
    """Lines trimmed; numeric and named entities for ``& < >`` are the same HTML.  The ``>>``/``..``
    marks of ``CITATIONS`` fixtures are compared (see :func:`_updated`)."""
    for entity, named in _ENTITIES.items():
        text = text.replace(entity, named)
    lines = (line.strip() for line in text.strip().splitlines())
    return "\n".join(line for line in lines if line)


def passes(fixture: Fixture) -> bool:
    """Does citekit print ``fixture``'s expected result (an engine error is a failure)?"""
    try:
        got = run(fixture)
    except Exception as exc:  # noqa: BLE001 - reported as a failure
        got = f"!! {exc!r}"
    return _norm(got) == _norm(fixture.result)


def run(fixture: Fixture) -> str:
    """citekit's output for ``fixture`` in the suite's format (raises on an engine error)."""
    from citekit.renderer import Renderer

    renderer = Renderer(fixture.csl, per_item_locale=False)
    items = [dict(item) for item in fixture.input]
    for i, item in enumerate(items):  # citeproc-js's runner numbers items without an id
        item.setdefault("id", f"ITEM-{i + 1}")
    # citeproc-js's runner keeps its items by id: of two items with one id, the last one
    by_id = {str(item["id"]): item for item in items}
    items = [by_id[str(item["id"])] for item in items if by_id[str(item["id"])] is item]
    all_items = items
    document = _document(fixture.citations) if fixture.citations else None
    if document is not None:
        items = _cited(document, all_items)
    if fixture.mode.startswith("bibliography"):
        order: list[str] = []
        clusters = fixture.citation_items or (
            [c["citationItems"] for c in document] if document is not None else None
        )
        if clusters:
            for cluster in clusters:
                for cite in cluster:
                    if cite["id"] not in order:
                        order.append(str(cite["id"]))
            by_id = {str(i["id"]): i for i in items}
            cited = [by_id[i] for i in order if i in by_id]
            items = cited + [i for i in items if str(i["id"]) not in order]
        entries = renderer.bibliography(items, "html", display_divs=True)
        # an entry with no printed form: citeproc-js leaves it out, but where the citation
        # prints citation-number (its numeric update mode) it prints its number and message
        numeric = "citation-number" in _citation_part(fixture.csl)
        lines = [
            e.html if e.html.strip() else f"{n}. {NO_PRINTED_FORM}" if numeric else ""
            for n, e in enumerate(entries, 1)
        ]
        body = "\n".join(f'  <div class="csl-entry">{line}</div>' for line in lines if line)
        return f'<div class="csl-bib-body">\n{body}\n</div>'
    if fixture.citations:
        now = _render_document(renderer, document or [], all_items)
        before = _render_document(renderer, _document(fixture.citations[:-1]), all_items)
        last = _document(fixture.citations)
        updated = _updated(fixture, _document(fixture.citations[:-1]), last, before, now)
        if _DISAMBIGUATES.search(fixture.csl):
            updated |= _disambiguation_moved(
                renderer, all_items, _document(fixture.citations[:-1]), last
            )
        return "\n".join(
            f"{'>>' if str(c['citationID']) in updated else '..'}[{i}] {now[str(c['citationID'])]}"
            for i, c in enumerate(last)
        )
    if fixture.citation_items:
        clusters = fixture.citation_items
    else:
        # citeproc-js's harness cites every item in one cluster, in the order of its registry
        # (the bibliography's sort order when the style has one)
        order = (
            [e.id for e in renderer.bibliography(items)]
            if renderer.has_bibliography
            else [str(i["id"]) for i in items]
        )
        clusters = [[{"id": i} for i in order]]
    out = renderer.citations(clusters, items, "html")
    return "\n".join(
        c.html or _no_printed_form(fixture, cluster)
        for c, cluster in zip(out, clusters, strict=True)
    )


#: citeproc-js's text for a cite or entry that prints nothing (citekit prints nothing).
NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


def _citation_part(csl: str) -> str:
    """The style's citation layout (its sort keys left out) as text."""
    citation = csl.split("<citation", 1)[-1].split("</citation>", 1)[0]
    return citation.split("<layout", 1)[-1]


def _no_printed_form(fixture: Fixture, cluster: list[dict[str, Any]]) -> str:
    """What citeproc-js prints for a citation whose cites print nothing: its message inside the
    citation layout's affixes (nothing when the author is suppressed)."""
    if any(cite.get("suppress-author") for cite in cluster):
        return ""
    layout = _citation_part(fixture.csl).split(">", 1)[0]  # the layout's attributes
    attrs = dict(re.findall(r'(prefix|suffix)="([^"]*)"', layout))
    return f"{attrs.get('prefix', '')}{NO_PRINTED_FORM}{attrs.get('suffix', '')}"


def _cid(citation: dict[str, Any], n: int) -> str:
    return str(citation.get("citationID") or f"CITATION-{n}")


def _updated(
    fixture: Fixture,
    before: list[dict[str, Any]],
    after: list[dict[str, Any]],
    html_before: dict[str, str],
    html_after: dict[str, str],
) -> set[str]:
    """The citations citeproc-js's last ``processCitationCluster`` call returns, which its
    harness marks ``>>`` (the rest ``..``): the citation placed; each citation whose output
    changed; and each citation citeproc-js re-renders because a value it tracks for one of its
    items changed even where the output did not: the first-reference-note-number (when the
    style uses it) and the citation number (when the citation prints it)."""
    updated = {_cid(fixture.citations[-1][0], len(fixture.citations) - 1)}
    updated |= {cid for cid, html in html_after.items() if html_before.get(cid) != html}
    tracked = []
    if "first-reference-note-number" in fixture.csl:
        tracked.append(_first_notes)
    if "citation-number" in _citation_part(fixture.csl):
        tracked.append(_first_cited_order)
    for values in tracked:
        old, new = values(before), values(after)
        moved = {item for item, value in new.items() if old.get(item, value) != value}
        updated |= {
            str(c["citationID"])
            for c in after
            if moved & {str(cite["id"]) for cite in c["citationItems"]}
        }
    return updated


_DISAMBIGUATES = re.compile(r'disambiguate(?:-add-[a-z-]+)?="true"')


def _disambiguation_moved(
    renderer: Any,
    items: list[dict[str, Any]],
    before: list[dict[str, Any]],
    after: list[dict[str, Any]],
) -> set[str]:
    """The citations citeproc-js re-renders because disambiguation changed what it keeps for
    one of their items (its harness's DisambiguationHang notes: a change of the parameters
    "triggers tainting" though the printed cite may not change): citations holding an item
    whose subsequent-position form (the form disambiguation judges) differs between the
    document before the last step and after it."""
    old, new = _subsequent_forms(renderer, items, before), _subsequent_forms(renderer, items, after)
    moved = {item for item, form in new.items() if old.get(item, form) != form}
    return {
        str(c["citationID"])
        for c in after
        if moved & {str(cite["id"]) for cite in c["citationItems"]}
    }


def _subsequent_forms(
    renderer: Any, items: list[dict[str, Any]], document: list[dict[str, Any]]
) -> dict[str, str]:
    """Each cited item's cite in subsequent position, rendered after ``document``."""
    if not document:
        return {}
    cited = list(dict.fromkeys(str(cite["id"]) for c in document for cite in c["citationItems"]))
    clusters = [
        {"cites": c["citationItems"], "note_index": c.get("properties", {}).get("noteIndex")}
        for c in document
    ]
    last_note = max((c["note_index"] or 0 for c in clusters), default=0)
    probes = [
        {"cites": [{"id": item, "position": "subsequent"}], "note_index": last_note + 100 + n}
        for n, item in enumerate(cited)
    ]
    out = renderer.citations(clusters + probes, _cited(document, items), "html")
    return {item: r.html for item, r in zip(cited, out[len(clusters) :], strict=True)}


def _first_notes(document: list[dict[str, Any]]) -> dict[str, Any]:
    """Each item's first-reference-note-number: the note of the first citation citing it."""
    first: dict[str, Any] = {}
    for c in document:
        for cite in c["citationItems"]:
            first.setdefault(str(cite["id"]), c.get("properties", {}).get("noteIndex"))
    return first


def _first_cited_order(document: list[dict[str, Any]]) -> dict[str, int]:
    """Each item's place in the order items are first cited (its citation number)."""
    order: dict[str, int] = {}
    for c in document:
        for cite in c["citationItems"]:
            order.setdefault(str(cite["id"]), len(order) + 1)
    return order


def _cited(document: list[dict[str, Any]], items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """citeproc-js's registry holds the items cited in the document (a citation deleted takes
    its items out), not every item of INPUT."""
    cited = {str(cite["id"]) for c in document for cite in c["citationItems"]}
    return [item for item in items if str(item["id"]) in cited]


def _render_document(
    renderer: Any, document: list[dict[str, Any]], items: list[dict[str, Any]]
) -> dict[str, str]:
    """Each citation of ``document`` (by citationID) rendered in HTML."""
    if not document:
        return {}
    clusters = [
        {"cites": c["citationItems"], "note_index": c.get("properties", {}).get("noteIndex")}
        for c in document
    ]
    out = renderer.citations(clusters, _cited(document, items), "html")
    return {str(c["citationID"]): r.html for c, r in zip(document, out, strict=True)}


def _document(steps: list[Any]) -> list[dict[str, Any]]:
    """The citations of the document after citeproc-js's incremental ``processCitationCluster``
    steps: each step inserts (or replaces) a citation between the citations listed before and
    after it (with their note numbers).  Each citation carries its ``citationID``."""
    by_id: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for n, step in enumerate(steps):
        pre = step[1] if len(step) > 1 else []
        post = step[2] if len(step) > 2 else []
        cid = _cid(step[0], n)
        by_id[cid] = {**step[0], "citationID": cid}
        for other, note in [*pre, *post]:
            if str(other) in by_id:
                props = dict(by_id[str(other)].get("properties") or {})
                props["noteIndex"] = note
                by_id[str(other)] = {**by_id[str(other)], "properties": props}
        listed = [str(o) for o, _ in pre] + [cid] + [str(o) for o, _ in post]
        order = [c for c in listed if c in by_id]
    return [by_id[c] for c in order]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "prefixes", nargs="*", help="only fixtures whose name starts with one of these"
    )
    parser.add_argument("--failures", action="store_true", help="print every failing fixture")
    parser.add_argument(
        "--write-skip", metavar="PATH", help="write the failing fixtures as a skip list"
    )
    args = parser.parse_args(argv)
    root = os.environ.get("CITEKIT_CSL_SUITE")
    if not root or not Path(root).is_dir():
        print(
            "set CITEKIT_CSL_SUITE to the test suite's processor-tests/humans directory",
            file=sys.stderr,
        )
        return 2
    paths = sorted(Path(root).glob("*.txt"))
    if args.prefixes:
        paths = [p for p in paths if p.stem.startswith(tuple(args.prefixes))]
    skips = read_skips()
    passed, failed = [], []
    diffs: dict[str, tuple[str, str]] = {}
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
            diffs[fixture.name] = (_norm(fixture.result), _norm(got))
            if args.failures:
                print(f"--- {fixture.name}  [{skips.get(fixture.name, 'NOT IN skip.txt')}]")
                print("expected:", fixture.result)
                print("got:     ", got)
    total = len(passed) + len(failed)
    unexpected = [n for n in failed if n not in skips]
    print(
        f"{len(passed)}/{total} passed ({len(passed) / max(total, 1):.1%}) in {time.perf_counter() - start:.1f}s; "
        f"{len(unexpected)} failing fixtures not in skip.txt; "
        f"{len([n for n in passed if n in skips])} in skip.txt now pass"
    )
    if args.write_skip:
        lines = [
            f"{n}  # {_reason(n, *diffs[n]) if n in diffs else skips.get(n) or _reason(n)}"
            for n in failed
        ]
        Path(args.write_skip).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


_REASONS = {
    "disambiguate": "disambiguation detail differs (add-names / add-givenname / year-suffix steps)",
    "collapse": "cite collapsing variant not implemented",
    "sort": "sorting detail (names/dates/macro keys) differs",
    "name": "name formatting detail differs",
    "nameattr": "inheritable name options",
    "position": "positions (ibid, subsequent, near-note) not fully implemented",
    "bugreports": "assorted processor bug reports",
    "date": "date formatting/ranges detail differs",
    "flipflop": "flip-flop detail of nested quotes and formatting differs",
    "textcase": "text-case detail differs",
    "affix": "affix and punctuation handling differs",
    "locale": "locale handling differs",
    "number": "number formatting differs",
    "page": "page-range-format detail differs",
    "label": "label handling differs",
    "condition": "condition handling differs",
    "group": "group suppression detail differs",
    "magic": "processor 'magic' (punctuation, capitalisation) differs",
    "etal": "et-al detail differs",
    "locator": "locator formatting differs",
    "testers": "Zotero plugin test: several features combined",
    "variables": "variable handling differs",
    "bibsection": "citeproc-js bibliography sections",
    "quotes": "quotes and punctuation-in-quote differ",
    "punctuation": "punctuation merging differs",
    "substitute": "substitute handling differs",
    "fullstyles": "full style: several features combined",
    "sortseparator": "sort-separator handling differs",
    "integration": "citeproc-js integration API (citation updates)",
    "display": "display attribute detail differs",
    "discretionary": "discretionary author suppression",
    "decorations": "formatting decorations differ",
    "plural": "plural labels differ",
    "api": "citeproc-js API behaviour",
}


_SUFFIX_RUN = re.compile(r"\d{4}[a-z],\s?[a-z]\b|\d{4}[a-z]\u2013[a-z]|\d{4}[a-z]; [a-z]\b")

#: Symptoms (a test on expected and actual output) → reason, first match wins.
_SYMPTOMS: list[tuple[Any, str]] = [
    (lambda e, g: g.startswith("!!"), "engine error on this input"),
    (
        lambda e, g: any(
            c in e and c not in g for c in ("csl-left-margin", "csl-block", "csl-indent")
        ),
        "display attribute / second-field-align <div> not produced for this layout",
    ),
    (
        lambda e, g: "<sup>r</sup><sup>e</sup>" in e,
        "gendered ordinal terms (feminine forms) not implemented",
    ),
    (lambda e, g: "n.d.-a" in e, "year suffix on the no-date term (n.d.-a) not produced"),
    (
        lambda e, g: "CSL STYLE ERROR" in e,
        "citeproc-js's 'reference with no printed form' message not produced",
    ),
    (
        lambda e, g: _SUFFIX_RUN.search(e) is not None and _SUFFIX_RUN.search(g) is None,
        "year-suffix collapsing variant (which cites form one author group) differs",
    ),
    (
        lambda e, g: (
            "citation-label" in e
            or re.search(r"[A-Z][a-z]{2,3}\d\d[a-z]?\b", e) is not None
            and "citation-label" not in g
        ),
        "citation-label (trigraph) variable not implemented",
    ),
    (
        lambda e, g: ("Ibid" in e and "ibid" in g) or ("Ibid" in e and "Ibid" not in g),
        "ibid position or the capitalisation of a term starting a sentence differs",
    ),
    (
        lambda e, g: "supra note" in e or "n 1" in e,
        "first-reference-note-number / note positions not implemented",
    ),
    (
        lambda e, g: "<sup>" in e and "<sup>" not in g,
        "superscript characters in data/ordinals not converted to <sup>",
    ),
    (
        lambda e, g: re.sub(r"\s+", "", e) == re.sub(r"\s+", "", g),
        "whitespace differs (spaces around affixes/delimiters)",
    ),
    (
        lambda e, g: e.lower() == g.lower(),
        "text-case detail (title case, stop words, hyphenated words, nocase)",
    ),
    (
        lambda e, g: sorted(e.split()) == sorted(g.split()),
        "sort order differs (sort keys: names, dates, macros)",
    ),
    (
        lambda e, g: " et al." in g and " et al." not in e or " et al." in e and " et al." not in g,
        "et-al rules (et-al-subsequent-*, add-names) differ",
    ),
    (
        lambda e, g: "\u2013" in e and "-" in g or "-" in e and "\u2013" in g,
        "page-range-format / range delimiter differs",
    ),
]


def _reason(name: str, expected: str | None = None, got: str | None = None) -> str:
    prefix = name.split("_", 1)[0].lower()
    family = _REASONS.get(prefix, f"{prefix}: not yet analysed")
    if expected is not None and got is not None:
        for test, reason in _SYMPTOMS:
            try:
                if test(expected, got):
                    return reason
            except Exception:  # noqa: BLE001
                continue
    return family


if __name__ == "__main__":
    raise SystemExit(main())
