"""English round trip, run by hand: how well citekit re-reads English references printed in the
common English styles.

Each English CSL item (the development set's English items, the GB/T gold's English items, the
render fixtures' English items and, with ``--csl-suite DIR``, the INPUT items of the CSL test
suite's ``processor-tests/humans``, read locally and never committed) is rendered through
citekit's own renderer in each style, the printed string is parsed back with
:func:`citekit.parser.parse_reference`, and every field is scored against the item *as printed*
(:func:`printed` cuts it to what the string shows). The expected value always comes from the item,
never from citekit's parse.

    python tools/roundtrip_en.py [--style apa ...] [--csl-suite /work/csl-test-suite] [--errors N]
        [--field number] [--json OUT]

Prints per-style micro-F1 and exact items, the per-field table over all styles, and (``--errors``)
the first N wrong fields per style, expected against got.  Not a fixture: the figures move with
the parser and the renderer.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

from citekit.parser import parse_reference
from citekit.parser.evaluate import as_printed, figures
from citekit.parser.score import DATE_FIELDS, FIELDS, NAME_FIELDS, Score
from citekit.renderer import render_bibliography

warnings.filterwarnings("ignore", message="The following arguments")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

STYLES = (
    "apa",
    "harvard-cite-them-right",
    "modern-language-association",
    "chicago-author-date",
    "chicago-notes-bibliography",
    "ieee",
    "association-for-computing-machinery",
    "elsevier-vancouver",
    "nature",
    "american-medical-association",
    "elsevier-harvard",
    "springer-basic-author-date",
)

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_TYPES = {
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "book",
    "chapter",
    "paper-conference",
    "report",
    "thesis",
    "webpage",
    "dataset",
    "patent",
    "standard",
    "manuscript",
    "entry-encyclopedia",
}


def _english(item: dict[str, Any]) -> bool:
    lang = str(item.get("language") or "en")
    return lang.startswith("en") and not _CJK.search(json.dumps(item, ensure_ascii=False))


def _items_from_fixtures() -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for n, line in enumerate((FIXTURES / "parse/dev/en.jsonl").read_text("utf-8").splitlines(), 1):
        if line.strip():
            out.append((f"dev-en:{n}", json.loads(line)["item"]))
    for line in (FIXTURES / "parse/gbt7714-gold.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((f"gold:{row.get('id')}", row["csl"]))
    for path in sorted((FIXTURES / "render").rglob("*.items.json*")) + [
        FIXTURES / "render/item-language/items.jsonl"
    ]:
        text = path.read_text("utf-8")
        rows = (
            json.loads(text)
            if path.suffix == ".json"
            else [json.loads(x) for x in text.splitlines() if x.strip()]
        )
        for n, row in enumerate(rows, 1):
            item = row.get("item", row) if isinstance(row, dict) else None
            if isinstance(item, dict):
                out.append((f"{path.relative_to(FIXTURES)}:{n}", item))
    return out


def _items_from_csl_suite(root: Path) -> list[tuple[str, dict[str, Any]]]:
    """Items of the CSL test suite's human-readable tests with an author, a title, a year and at
    least one more bibliographic field (the suite's many toy items are left out)."""
    out = []
    for path in sorted((root / "processor-tests" / "humans").glob("*.txt")):
        m = re.search(r">>=+ INPUT =+>>(.*?)<<=+ INPUT =+<<", path.read_text("utf-8"), re.S)
        if not m:
            continue
        try:
            items = json.loads(m.group(1))
        except ValueError:
            continue
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or item.get("type") not in _TYPES:
                continue
            date = item.get("issued")
            if not (
                item.get("author")
                and len(str(item.get("title") or "")) > 8
                and isinstance(date, dict)
                and date.get("date-parts")
                and sum(k in item for k in ("container-title", "publisher", "volume", "page")) >= 1
            ):
                continue
            out.append((f"csl:{path.stem}:{item.get('id')}", item))
    return out


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


_ACCESS_WORD = re.compile(r"\b(?:Retrieved|[Aa]ccessed|[Vv]iewed|[Cc]ited|[Cc]onsulted)\b")


def _printed_date(date: Any, raw: str) -> Any:
    """A date cut to the parts the string prints: the month when its name (or abbreviation)
    follows or precedes the year nearby, the day when it sits next to the month."""
    if not isinstance(date, dict) or not date.get("date-parts") or len(date["date-parts"]) != 1:
        return date
    try:
        parts = [int(x) for x in date["date-parts"][0]]
    except (TypeError, ValueError):
        return None
    if not parts or str(parts[0]) not in raw:
        return None
    if len(parts) > 1 and 1 <= parts[1] <= 12:
        name = _MONTHS[parts[1] - 1]
        month = rf"\b(?:{name}|{name[:3]}\.?|{name[:4]}\.)"
        if not re.search(month + r"(?![a-z])", raw):
            parts = parts[:1]
        elif len(parts) > 2:
            d = parts[2]
            if not re.search(rf"{month}\s+0?{d}\b|\b0?{d}\s+{month}", raw):
                parts = parts[:2]
    else:
        parts = parts[:1]
    return {"date-parts": [parts]}


def _words(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s)).translate(
        str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    )
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", re.sub(r"</?[a-z]+[^>]*>", "", s))
    return " " + " ".join(re.findall(r"\w+", s.casefold())) + " "


def _expand(start: str, end: str) -> str:
    return start[: max(0, len(start) - len(end))] + end


def _printed_page(page: str, raw: str) -> str | None:
    """The page range as the string prints it: styles shorten (``1611–21``) or expand
    (``1611–1621``) the item's range."""
    m = re.fullmatch(r"\s*(\w+)\s*[-\u2010-\u2015]+\s*(\w+)\s*", page)
    if not m:
        return page if re.search(rf"(?<![\w]){re.escape(page.strip())}(?!\w)", raw) else None
    start, end = m.groups()
    for found in re.finditer(rf"(?<!\w){re.escape(start)}\s*[-\u2010-\u2015]+\s*(\w+)", raw):
        if _expand(start, found.group(1)) == _expand(start, end):
            return f"{start}-{found.group(1)}"
    return None


_MARKUP = re.compile(r"</?(?:i|b|em|strong|sup|sub|sc|span)\b[^>]*>")


def _unmarked(value: Any) -> Any:
    """A CSL value without its rich-text markup (``<i>``, ``<span class="nocase">``): the
    renderer prints the words, not the tags."""
    return _MARKUP.sub("", value) if isinstance(value, str) else value


def _as_printed_text(value: str, raw: str) -> str:
    """An abbreviated journal name as ``raw`` prints it (``Phys Rev Lett`` for ``Phys. Rev.
    Lett.``: AMA and Vancouver drop the abbreviation's dots)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", value))
    if not words:
        return value
    pattern = r"\W*".join(re.escape(w) for w in words)
    m = re.search(pattern, unicodedata.normalize("NFKC", raw), re.I)
    return m.group(0) if m else value


def _issue_printed(issue: str, raw: str, item: dict[str, Any]) -> bool:
    """Whether the issue number stands in ``raw`` outside the page range, the volume and the
    year (Nature prints no issue: the ``1`` of ``1–14`` is no issue)."""
    rest = raw
    page = str(item.get("page") or "")
    first = re.match(r"\s*(\w+)", page)
    if first:  # the page range as printed, whatever its form ("1611–21")
        rest = re.sub(rf"(?<![\w]){re.escape(first.group(1))}(?:\s*[-\u2013]\s*\w+)?", " ", rest)
    volume = str(item.get("volume") or "")
    if volume:
        rest = re.sub(rf"(?<![\w]){re.escape(volume)}(?![\w])", " ", rest, count=1)
    return re.search(rf"(?<![\w.\-/]){re.escape(issue)}(?![\w\-/])", rest) is not None


def printed(item: dict[str, Any], raw: str) -> dict[str, Any]:
    """``item`` cut to the scored fields ``raw`` prints (names and editions as
    :func:`~citekit.parser.evaluate.as_printed` cuts them; a text field is printed when its words
    appear in a row; the place is not read inside the publisher's name)."""
    item = {k: _unmarked(v) for k, v in item.items()}
    plain = raw.translate(str.maketrans({"‘": "'", "’": "'"}))  # names match with either quote
    out = as_printed({k: v for k, v in item.items() if k in FIELDS or k == "language"}, plain)
    text = _words(raw)
    publisher = _words(out.get("publisher") or "").strip()
    if publisher:
        text_wo_publisher = text.replace(f" {publisher} ", " | ")
    for name in list(out):
        if name in NAME_FIELDS or name in ("type", "language"):
            continue
        if name in DATE_FIELDS:
            word = _ACCESS_WORD.search(raw)
            if name == "accessed":  # printed after its word, or not at all
                where = raw[word.end() :] if word else ""
            else:  # and the access date is not the issued date's month and day
                where = raw[: word.start()] if word else raw
            cut = _printed_date(item[name], where)
            if cut is None:
                out.pop(name)
            else:
                out[name] = cut
            continue
        if name == "page":
            page = _printed_page(str(out[name]), raw)
            if page is None:
                out.pop(name)
            else:
                out[name] = page
            continue
        value = _words(out[name])
        if name == "container-title" and value not in text:
            short = item.get("container-title-short") or item.get("journalAbbreviation")
            if short and _words(short) in text:
                out[name] = short
                continue
        if name == "edition" and str(out[name]).isdigit():
            continue  # kept by as_printed only when the number is printed
        if name == "issue" and not _issue_printed(str(out[name]), raw, out):
            out.pop(name)
            continue
        where = text_wo_publisher if name == "publisher-place" and publisher else text
        if not value.strip() or value not in where:
            out.pop(name)
        elif name == "container-title" and "." in str(out[name]):
            out[name] = _as_printed_text(str(out[name]), raw)
    doi = str(item.get("DOI") or "")
    if doi and "URL" not in out:
        link = re.search(rf"https?://(?:dx\.)?doi\.org/{re.escape(doi)}", raw, re.I)
        if link:
            out["URL"] = link.group(0)
    url = str(out.get("URL") or "")
    if "DOI" not in out and (m := re.match(r"https?://(?:dx\.)?doi\.org/(10\.\S+)", url, re.I)):
        out["DOI"] = m.group(1)
    return out


def _body(text: str) -> str:
    return re.sub(r"^\s*(?:\[\d+\]|\d+\.)\s*", "", text).strip()


def run(
    items: list[tuple[str, dict[str, Any]]], styles: list[str]
) -> tuple[dict[str, Score], Score, dict[str, list[tuple[str, str, dict, dict, list[str]]]]]:
    per_style: dict[str, Score] = {}
    overall = Score()
    errors: dict[str, list[tuple[str, str, dict, dict, list[str]]]] = {}
    keyed = [dict(item, id=f"i{n}") for n, (_, item) in enumerate(items)]
    names = {f"i{n}": key for n, (key, _) in enumerate(items)}
    originals = {f"i{n}": item for n, (_, item) in enumerate(items)}
    for style in styles:
        score = per_style.setdefault(style, Score())
        for entry in render_bibliography(keyed, style):
            raw = _body(entry.text)
            if not raw:
                continue
            expected = printed(originals[entry.id], raw)
            got = parse_reference(raw).item
            wrong = score.add(got, expected)
            overall.add(got, expected)
            if wrong:
                errors.setdefault(style, []).append((names[entry.id], raw, expected, got, wrong))
    return per_style, overall, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--style", action="append", help="a style id (repeatable; default: twelve)")
    ap.add_argument("--csl-suite", type=Path, help="a local copy of the CSL test suite")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="show N errors per style")
    ap.add_argument("--field", action="append", help="only errors on these fields")
    ap.add_argument("--summary", action="store_true", help="count wrong fields by style")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    items = [(k, i) for k, i in _items_from_fixtures() if _english(i) and i.get("title")]
    if args.csl_suite:
        items += [(k, i) for k, i in _items_from_csl_suite(args.csl_suite) if _english(i)]
    styles = args.style or list(STYLES)
    per_style, overall, errors = run(items, styles)
    print(f"{len(items)} English items x {len(styles)} styles")
    print(f"{'style':40} {'items':>5} {'micro-F1':>8} {'exact':>9}")
    for style, s in per_style.items():
        print(f"{style[:40]:40} {s.items:5d} {s.micro[2]:8.3f} {s.exact:4d}/{s.items}")
    print()
    print(overall.report())
    if args.summary:
        for style, errs in errors.items():
            c = Counter(f for e in errs for f in e[4])
            print(f"{style}: " + ", ".join(f"{f} {n}" for f, n in c.most_common()))
    if args.errors:
        for style, errs in errors.items():
            shown = [e for e in errs if not args.field or set(e[4]) & set(args.field)]
            print(f"\n== {style}: {len(errs)} items wrong")
            for key, raw, exp, got, wrong in shown[: args.errors]:
                print(f"{key}: {raw}")
                for f in wrong:
                    if args.field and f not in args.field:
                        continue
                    print(f"    {f}: expected {json.dumps(exp.get(f), ensure_ascii=False)}")
                    print(
                        f"    {'':{len(f)}}       got {json.dumps(got.get(f), ensure_ascii=False)}"
                    )
    if args.json:
        doc = {
            "items": len(items),
            "overall": figures(overall),
            "styles": {k: figures(v) for k, v in per_style.items()},
        }
        args.json.write_text(json.dumps(doc, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
