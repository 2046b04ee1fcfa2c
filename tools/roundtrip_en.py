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

import json
import re
import sys
from pathlib import Path
from typing import Any

from roundtrip import CJK, Keyed, arguments, fixture_items, printed, report

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
    return lang.startswith("en") and not CJK.search(json.dumps(item, ensure_ascii=False))


def _items_from_csl_suite(root: Path) -> Keyed:
    """Items of the CSL test suite's human-readable tests with an author, a title, a year and at
    least one more bibliographic field (the suite's many toy items are left out)."""
    out: Keyed = []
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


def _date_cut(name: str, date: Any, raw: str) -> Any:
    word = _ACCESS_WORD.search(raw)
    if name == "accessed":  # printed after its word, or not at all
        where = raw[word.end() :] if word else ""
    else:  # and the access date is not the issued date's month and day
        where = raw[: word.start()] if word else raw
    return _printed_date(date, where)


def english_printed(item: dict[str, Any], raw: str) -> dict[str, Any]:
    """``item`` cut to what the English string ``raw`` prints (see :func:`roundtrip.printed`)."""
    return printed(item, raw, _date_cut)


def main(argv: list[str] | None = None) -> int:
    ap = arguments((__doc__ or "").split("\n\n")[0], STYLES)
    ap.add_argument("--csl-suite", type=Path, help="a local copy of the CSL test suite")
    args = ap.parse_args(argv)
    items = [(k, i) for k, i in fixture_items(["en.jsonl"]) if _english(i) and i.get("title")]
    if args.csl_suite:
        items += [(k, i) for k, i in _items_from_csl_suite(args.csl_suite) if _english(i)]
    return report(args, items, args.style or list(STYLES), _date_cut, "English")


if __name__ == "__main__":
    sys.exit(main())
