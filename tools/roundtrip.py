"""The parts of the round trips (tools/roundtrip_en.py, tools/roundtrip_zh.py) that do not depend
on the language: the fixture items, cutting an item to what a printed string shows, rendering,
re-reading and scoring, and the command line.

A round trip renders each CSL item through citekit's own renderer in a style, parses the printed
string back with :func:`citekit.parser.parse_reference` and scores every field against the item *as
printed* (:func:`printed` cuts it to what the string shows). The expected value always comes from
the item, never from citekit's parse.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from citekit.parser import parse_reference
from citekit.parser.evaluate import _EDITOR_WORDS, as_printed, figures
from citekit.parser.score import DATE_FIELDS, FIELDS, NAME_FIELDS, Score
from citekit.renderer import render_bibliography
from citekit.renderer._prepare import _note_fields

warnings.filterwarnings("ignore", message="The following arguments")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")

_CN_NUMERALS = dict(zip(map(str, range(1, 11)), "一二三四五六七八九十", strict=True))

Item = dict[str, Any]
Keyed = list[tuple[str, Item]]
Error = tuple[str, str, Item, Item, list[str]]
# cuts a CSL date to the parts ``raw`` prints (None: not printed); ``name`` is issued/accessed
DateCut = Callable[[str, Any, str], Any]


def fixture_items(dev_files: Sequence[str]) -> Keyed:
    """The items of the development set files ``dev_files`` (names under parse/dev/), the GB/T
    gold and the render fixtures, each keyed by where it comes from."""
    out: Keyed = []
    for name in dev_files:
        text = (FIXTURES / "parse/dev" / name).read_text("utf-8")
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                out.append((f"dev-{Path(name).stem}:{n}", json.loads(line)["item"]))
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


_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\u3400-\u9fff\uf900-\ufaff]+")


def words(s: str) -> str:
    """``s`` as its casefolded words between single spaces (each CJK character a word: a
    Chinese field is printed inside a run such as ``科学出版社2016年版``)."""
    s = unicodedata.normalize("NFKC", str(s)).translate(
        str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    )
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", re.sub(r"</?[a-z]+[^>]*>", "", s))
    return " " + " ".join(_WORD.findall(s.casefold())) + " "


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
    found = re.findall(r"\w+", unicodedata.normalize("NFKC", value))
    if not found:
        return value
    pattern = r"\W*".join(re.escape(w) for w in found)
    m = re.search(pattern, unicodedata.normalize("NFKC", raw), re.I)
    return m.group(0) if m else value


def _issue_printed(issue: str, raw: str, item: Item) -> bool:
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
    # a CJK character is no word character here: 第11期 prints the issue
    before, after = r"(?<![^\W\u3400-\u9fff]|[.\-/])", r"(?![^\W\u3400-\u9fff]|[\-/])"
    return re.search(rf"{before}{re.escape(issue)}{after}", rest) is not None


def printed(item: Item, raw: str, date_cut: DateCut) -> Item:
    """``item`` cut to the scored fields ``raw`` prints (names and editions as
    :func:`~citekit.parser.evaluate.as_printed` cuts them; dates by ``date_cut``; a text field is
    printed when its words appear in a row; the place is not read inside the publisher's name)."""
    item = {k: _unmarked(v) for k, v in item.items()}
    plain = raw.translate(str.maketrans({"‘": "'", "’": "'"}))  # names match with either quote
    out = as_printed({k: v for k, v in item.items() if k in FIELDS or k == "language"}, plain)
    if "editor" in out and not _EDITOR_WORDS.search(raw):
        # GB/T "[M]//梁慧星. 民商法论丛": the host's responsible persons printed without a role
        # (the gold calls them container-author): no string can tell an editor
        out.pop("editor")
    host = item.get("container-author")
    if "editor" not in out and isinstance(host, list) and _EDITOR_WORDS.search(raw):
        # a style that prints the host's author as its editor ("许厚泽、赵其国主编：《…》")
        out.update(as_printed({"editor": host}, plain))
    edition = str(item.get("edition") or "")
    if "edition" not in out and edition.isdigit() and f"第{_CN_NUMERALS.get(edition)}版" in raw:
        out["edition"] = edition  # "（第二版）": the number printed as a Chinese numeral
    text = words(raw)
    publisher = words(out.get("publisher") or "").strip()
    if publisher:
        text_wo_publisher = text.replace(f" {publisher} ", " | ")
    for name in list(out):
        if name in NAME_FIELDS or name in ("type", "language"):
            continue
        if name in DATE_FIELDS:
            cut = date_cut(name, item[name], raw)
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
        value = words(out[name])
        if name == "container-title" and value not in text:
            short = item.get("container-title-short") or item.get("journalAbbreviation")
            if short and words(short) in text:
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


def as_rendered(item: Item) -> Item:
    """``item`` with the CSL variables its note gives (Zotero's "Extra" lines, ``page: 288``),
    as the renderer reads them (the expected values are what the string prints)."""
    note = item.get("note")
    return dict(_note_fields(item, note)) if isinstance(note, str) and note else item


def _body(text: str) -> str:
    return re.sub(r"^\s*(?:\[\d+\]|\d+\.)\s*", "", text).strip()


def run(
    items: Keyed, styles: list[str], date_cut: DateCut
) -> tuple[dict[str, Score], Score, dict[str, list[Error]]]:
    per_style: dict[str, Score] = {}
    overall = Score()
    errors: dict[str, list[Error]] = {}
    keyed = [dict(item, id=f"i{n}") for n, (_, item) in enumerate(items)]
    names = {f"i{n}": key for n, (key, _) in enumerate(items)}
    # the item as the renderer reads it: CSL variables in the note ("page: 288", "type: pamphlet")
    originals = {f"i{n}": as_rendered(item) for n, (_, item) in enumerate(items)}
    for style in styles:
        score = per_style.setdefault(style, Score())
        for entry in render_bibliography(keyed, style):
            raw = _body(entry.text)
            if not raw:
                continue
            expected = printed(originals[entry.id], raw, date_cut)
            got = parse_reference(raw).item
            wrong = score.add(got, expected)
            overall.add(got, expected)
            if wrong:
                errors.setdefault(style, []).append((names[entry.id], raw, expected, got, wrong))
    return per_style, overall, errors


def arguments(description: str, default_styles: Sequence[str]) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    n = len(default_styles)
    ap.add_argument("--style", action="append", help=f"a style id (repeatable; default: {n})")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="show N errors per style")
    ap.add_argument("--field", action="append", help="only errors on these fields")
    ap.add_argument("--summary", action="store_true", help="count wrong fields by style")
    ap.add_argument("--json", type=Path, help="write the figures here")
    return ap


def report(
    args: argparse.Namespace, items: Keyed, styles: list[str], date_cut: DateCut, what: str
) -> int:
    per_style, overall, errors = run(items, styles, date_cut)
    print(f"{len(items)} {what} items x {len(styles)} styles")
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
