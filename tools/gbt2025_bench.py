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
       [--style gbt7714-2025-numeric] [--author-date] [--misses] [--parse]

``--parse`` reads the printed examples back and scores the fields against the items (cut to what
each string prints), as ``citekit eval`` scores its labelled sets.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
import unicodedata
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "render" / "gbt7714-2025-numeric"
FIXTURE_AD = ROOT / "tests" / "fixtures" / "render" / "gbt7714-2025-author-date"


def _to_ascii(s: str) -> str:
    return s.replace("，", ",").replace("：", ":").replace("；", ";")


def _nospace(m: regex.Match[str]) -> str:
    return m.group(0).replace(" ", "")


def normalise(s: str) -> str:
    """gb7714-bench's ``normalizeResult`` (result_normalize.ts), step by step."""
    s = s.replace("\u200b", "").replace("\u2060", "").replace("\u00a0", " ")
    s = regex.sub(r"([\p{Po}\p{Pe}\p{Pf}])\s*(\p{L})", lambda m: f"{_to_ascii(m[1])} {m[2]}", s)
    s = regex.sub(
        r"([,:;，：；])\s*([\p{L}\p{N}\p{Ps}\p{Pi}])", lambda m: f"{_to_ascii(m[1])} {m[2]}", s
    )
    s = regex.sub(r"([\p{L}\p{N}])\s*([\p{Ps}\p{Pi}&])", lambda m: f"{m[1]} {_to_ascii(m[2])}", s)
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


def _appendix_items(corrections: dict) -> dict[str, dict]:
    items = json.loads((FIXTURE / "appendix-b.items.json").read_text("utf-8"))
    return {i["id"]: corrected(i, corrections) for i in items}


def _cases(expected: Path, items: dict[str, dict]) -> list[tuple[str, dict, str]]:
    """(id, item, printed text) for each ``id<TAB>printed`` line of ``expected``."""
    out = []
    for line in expected.read_text("utf-8").splitlines():
        if line.strip():
            key, printed = line.split("\t", 1)
            out.append((key, items[key], printed))
    return out


def from_fixture(corrections: dict) -> list[tuple[str, dict, str]]:
    return _cases(FIXTURE / "appendix-b.expected.tsv", _appendix_items(corrections))


def from_author_date_fixture(corrections: dict) -> list[tuple[str, dict, str]]:
    """§8.1's examples (appendix B's items) and §9.3.1's (the folder's own items)."""
    items = _appendix_items(corrections)
    own = json.loads((FIXTURE_AD / "examples.items.json").read_text("utf-8"))
    items.update((i["id"], i) for i in own)
    return _cases(FIXTURE_AD / "examples.expected.tsv", items)


def _core(prefix: str, author_date: bool) -> bool:
    if author_date:
        return prefix in ("gbt7714.8.1:",) or prefix.startswith("gbt7714.9.3.1.")
    if prefix.startswith("gbt7714.b."):
        return True
    # chapter 8's numbered lists, not §8.1 (author-date) nor §8.5.1's fragments
    return (
        prefix.startswith("gbt7714.8.")
        and prefix != "gbt7714.8.1:"
        and not prefix.startswith("gbt7714.8.5.1.")
    )


def from_checkout(root: Path, export: str, author_date: bool) -> list[tuple[str, dict, str]]:
    data = root / "data"
    items = {
        i["id"]: i for i in json.loads((data / f"GB-T_7714—2025.{export}.json").read_text("utf-8"))
    }
    toml = tomllib.loads((data / "GB-T_7714—2025.original.toml").read_text("utf-8"))
    out = []
    for sec in toml["section"]:
        prefix = sec["id-prefix"]
        if not _core(prefix, author_date):
            continue
        lines = [x for x in sec["examples"].splitlines() if x.strip()]
        keys = [f"{prefix}{n + 1}" for n in range(len(lines))]
        for key, printed in zip(_pair(keys, lines, items), lines, strict=True):
            if key in items:
                out.append((key, items[key], printed))
    return out


def _title_start(item: dict) -> str:
    """The first characters of an item's title, without markup or spaces."""
    title = regex.sub(r"<[^>]+>", "", str(item.get("title", "")))
    return "".join(title.split())[:6]


def _pair(keys: list[str], lines: list[str], items: dict[str, dict]) -> list[str]:
    """Each printed line's item: the one numbered as the line, unless its title is not in the
    line and another item of the section's is (the export numbers §9.3.1.4's examples in
    another order than the print)."""
    out = list(keys)
    flat = ["".join(line.split()) for line in lines]
    for i, key in enumerate(keys):
        start = _title_start(items.get(key, {}))
        if not start or start in flat[i]:
            continue
        for other in keys:
            other_start = _title_start(items.get(other, {}))
            if other_start and other_start in flat[i] and other not in out[:i]:
                out[i] = other
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checkout", type=Path, help="a checkout of typst-doc-cn/bib-csl-dev-data")
    ap.add_argument("--export", choices=("builtin", "better"), default="builtin")
    ap.add_argument("--style")
    ap.add_argument("--author-date", action="store_true")
    ap.add_argument("--misses", action="store_true", help="print every miss")
    ap.add_argument(
        "--write-parse-fixture",
        action="store_true",
        help="(re)write tests/fixtures/parse/gbt2025/appendix-b.jsonl from the render fixture",
    )
    ap.add_argument(
        "--parse",
        action="store_true",
        help="read the printed examples back instead: field F1 against the export's items",
    )
    args = ap.parse_args(argv)
    if args.write_parse_fixture:
        return write_parse_fixture()
    if args.parse:
        return parse_score(args.checkout, args.export, args.author_date, errors=args.misses)

    from citekit.renderer import Renderer

    style = args.style or (
        "gbt7714-2025-author-date" if args.author_date else "gbt7714-2025-numeric"
    )
    renderer = Renderer(style)
    if args.checkout:
        runs = [("export as is", from_checkout(args.checkout, args.export, args.author_date))]
    else:
        corrections = json.loads((FIXTURE / "appendix-b.corrections.json").read_text("utf-8"))
        if args.author_date:
            runs = [("§8.1 and §9.3.1", from_author_date_fixture(corrections))]
        else:
            runs = [
                ("export as is", from_fixture({})),
                ("with the fixture's corrections", from_fixture(corrections)),
            ]
    for title, cases in runs:
        hits, misses = score(renderer, cases, together=args.author_date)
        if args.misses:
            for key, want, got in misses:
                print(f"{key}\n  printed: {want}\n  citekit: {got}")
        print(f"{style}, {title}: {hits}/{len(cases)} exact after gb7714-bench normalisation")
    return 0


def score(
    renderer, cases: list[tuple[str, dict, str]], together: bool = False
) -> tuple[int, list[tuple[str, str, str]]]:
    """Exact matches after normalisation, and each miss as (id, printed, rendered).  Items are
    rendered one by one, or ``together`` as one list (author-date: 2000a, 2000b)."""
    hits = 0
    misses = []
    if together:
        rendered = {e.id: e.text for e in renderer.bibliography([item for _, item, _ in cases])}
    for key, item, printed in cases:
        got = rendered[key] if together else renderer.bibliography([item])[0].text
        a, b = normalise(_strip_label(got)), normalise(_strip_label(printed))
        if a == b:
            hits += 1
        else:
            misses.append((key, b, a))
    return hits, misses


# -- the parse fixture: the printed examples read back --------------------------------------

PARSE_FIXTURE = ROOT / "tests" / "fixtures" / "parse" / "gbt2025" / "appendix-b.jsonl"
#: the fields ``citekit eval`` scores (citekit.parser.score.FIELDS) a GB/T string can print
_SCORED = (
    "type author editor translator title container-title collection-title issued accessed volume "
    "issue page publisher publisher-place edition genre number DOI URL event-title"
).split()
_NOTE_FIELD = regex.compile(r"^\s*(page|number|version|dimensions|CSTR)\s*:\s*(.+?)\s*$", regex.M)


def _squeezed(s: str) -> str:
    """Compared without spaces, width, case or the kind of dash (as ``citekit eval`` compares):
    ``：`` is ``:``, ``983–1029`` is ``983-1029``."""
    s = regex.sub(r"<[^>]+>", "", s)  # the export's inline markup (<i>Eucalyptus grandis</i>)
    s = regex.sub(r"[\u2010-\u2015\u2212]", "-", unicodedata.normalize("NFKC", s))
    return regex.sub(r"\s+", "", s).casefold()


def _note_date(text: str) -> dict:
    """A date of a Zotero note line (EDTF ``1984/..``, ``1957/1990``, ``2002-03-06``; else the
    text, ``1887（光绪十三年三月十三日）``) as CSL-JSON (an open end is CSL's 0)."""
    m = regex.fullmatch(r"(\d{4})/(\d{4}|\.\.)?", text)
    if m:
        end = m.group(2)
        return {"date-parts": [[int(m.group(1))], [int(end) if end and end != ".." else 0]]}
    m = regex.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", text)
    if m:
        return {"date-parts": [[int(g) for g in m.groups() if g]]}
    return {"literal": text}


def as_printed(item: dict, printed: str) -> dict:
    """The export's item (corrected) cut to what the printed string shows, for ``citekit eval``:
    Zotero's ``page:``/``number:`` note lines as fields, ISBN and ISSN (never printed) dropped,
    a text field, DOI or date whose text the string does not hold dropped."""
    out = {k: v for k, v in item.items() if k in _SCORED}
    note = item.get("note") if isinstance(item.get("note"), str) else ""
    kind = regex.search(r"^type:\s*(\S+)", note, regex.M)
    if kind:  # Zotero's "type: periodical" line, as citeproc-js and citekit's renderer read it
        out["type"] = kind.group(1)
    issued = regex.search(r"^issued:\s*(.+?)\s*$", note, regex.M)
    if issued:  # and its "issued: 1984/.." line: the printed date, where CSL's fields lack it
        out["issued"] = _note_date(issued.group(1))
    if item.get("type") == "patent" and item.get("call-number"):
        out["number"] = item["call-number"]  # Zotero keeps the (printed) application number there
    for m in _NOTE_FIELD.finditer(note):
        if m.group(1) in ("page", "number") and m.group(1) not in out:
            out[m.group(1)] = m.group(2)
    for key, value in out.items():
        if isinstance(value, str) and "<" in value:
            out[key] = regex.sub(r"<[^>]+>", "", value)  # the export's inline markup
    flat = _squeezed(printed)
    for role in ("author", "editor", "translator"):
        names = out.get(role)
        if isinstance(names, list):  # the names the string prints: "A, B, C, et al." prints three
            kept = []
            for n in names:
                if _squeezed(n.get("literal") or n.get("family") or "") not in _squeezed(printed):
                    break
                kept.append(n)
            if kept:
                out[role] = kept
            else:
                del out[role]
    holder = regex.search(r"^tex\.holder:\s*(.+?)\s*$", note, regex.M)
    if holder and "author" not in out and _squeezed(holder.group(1)) in flat:
        out["author"] = [{"literal": holder.group(1)}]  # a patent's holder (Zotero's note line)
    doi_url = regex.match(r"https?://(?:dx\.)?doi\.org/(10\..+)", str(out.get("URL", "")))
    if doi_url and "DOI" not in out:
        out["DOI"] = doi_url.group(1)  # printed as the URL
    if "editor" in out and "author" not in out and "container-title" not in out:
        out["author"] = out.pop("editor")  # the main responsibility, printed without its role
    elif "editor" in out and "container-title" in out:
        # the host's responsible party after '//' (许厚泽,赵其国): citekit reads it, as the
        # gold items write it, as the container's author (the string prints no role)
        out["container-author"] = out.pop("editor")
    for key in (
        "title",
        "container-title",
        "collection-title",
        "publisher",
        "publisher-place",
        "event-title",
        "genre",
        "number",
        "DOI",
        "URL",
        "page",
        "volume",
        "issue",
        "edition",
    ):
        value = out.get(key)
        if isinstance(value, str) and _squeezed(value) not in flat:
            del out[key]
    for key in ("issued", "accessed"):
        parts = (out.get(key) or {}).get("date-parts")
        literal = (out.get(key) or {}).get("literal")
        if literal and _squeezed(literal) not in flat:
            del out[key]
        if parts and len(parts) == 2:  # a range: its start year printed
            if str(parts[0][0]) not in printed:
                del out[key]
        elif parts:
            text = "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts[0]))
            if text not in printed:
                if key == "issued" and str(parts[0][0]) in printed:
                    out[key] = {"date-parts": [[parts[0][0]]]}
                else:
                    del out[key]
    return out


def parse_score(
    checkout: Path | None, export: str, author_date: bool, *, errors: bool = False
) -> int:
    """Field F1 of the printed examples read back, against the items cut to what they print
    (with ``errors``, every wrong field too)."""
    from citekit.parser.evaluate import Case, evaluate, format_report

    corrections = json.loads((FIXTURE / "appendix-b.corrections.json").read_text("utf-8"))
    if checkout:
        exported = from_checkout(checkout, export, author_date)
        runs = [
            ("the exports as they are", exported),
            (
                "appendix B's items with the fixture's corrections",
                [(key, corrected(item, corrections), printed) for key, item, printed in exported],
            ),
        ]
    else:
        runs = [("the fixture's items, corrected", from_fixture(corrections))]
    for label, source in runs:
        cases = [
            Case(
                raw=printed,
                expected=as_printed(item, printed),
                style=None,
                language=None,
                file=export,
                line=n,
            )
            for n, (_, item, printed) in enumerate(source, 1)
        ]
        result = evaluate(cases, keep_errors=errors)
        if errors:
            print(format_report(result, errors=True))
        p, r, f1 = result.overall.micro
        print(f"{len(cases)} printed examples read back ({label}): P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    return 0


def write_parse_fixture() -> int:
    corrections = json.loads((FIXTURE / "appendix-b.corrections.json").read_text("utf-8"))
    lines = []
    for key, item, printed in from_fixture(corrections):
        row = {
            "id": key,
            "raw": printed,
            "item": as_printed(item, printed),
            "style": "gbt7714-2025-numeric",
        }
        row["source"] = (
            "GB/T 7714-2025 appendix B (printed text); item: zotero-chinese/styles export, corrected, cut to the printed fields"
        )
        lines.append(json.dumps(row, ensure_ascii=False))
    PARSE_FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    PARSE_FIXTURE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} lines to {PARSE_FIXTURE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
