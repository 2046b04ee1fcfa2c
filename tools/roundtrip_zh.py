"""Chinese round trip, run by hand: how well citekit re-reads Chinese and mixed references printed
in its Chinese styles.

Each Chinese or mixed CSL item (the development set's Chinese and mixed items, the GB/T gold and
the render fixtures: appendix B of GB/T 7714-2025, zjss-2026-03.items.jsonl, item-language ...) is
rendered through citekit's own renderer in each Chinese style, the printed string is parsed back
with :func:`citekit.parser.parse_reference`, and every field is scored against the item *as
printed* (:func:`roundtrip.printed`; dates as :func:`_printed_date` cuts them). The expected value
always comes from the item, never from citekit's parse.

    python tools/roundtrip_zh.py [--style gbt7714-2015-numeric ...] [--all-items] [--errors N]
        [--field number] [--summary] [--json OUT]

Prints per-style micro-F1 and exact items, the per-field table over all styles, and (``--errors``)
the first N wrong fields per style, expected against got.  Not a fixture: the figures move with
the parser and the renderer.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from roundtrip import CJK, arguments, fixture_items, report

STYLES = (
    "gbt7714-2015-numeric",
    "gbt7714-2015-author-date",
    "gbt7714-2015-note",
    "gbt7714-2025-numeric",
    "gbt7714-2025-author-date",
    "gbt7714-2025-note",
    "zhejiang-social-sciences",
    "chinese-gb7714-2005-numeric",
)


def _chinese(item: dict[str, Any]) -> bool:
    """A Chinese or mixed item: a CJK character in one of its fields, or a Chinese language."""
    lang = str(item.get("language") or "")
    return lang.startswith("zh") or CJK.search(json.dumps(item, ensure_ascii=False)) is not None


def _printed_date(name: str, date: Any, raw: str) -> Any:
    """A date cut to the parts ``raw`` prints: ``2016-05-19``, ``2016-5-19``, ``2016年5月19日``,
    ``2016.05.19`` or ``2016/5/19`` give the day, the same without the day give the month, a bare
    year only the year. An access date is printed with its month at least."""
    if not isinstance(date, dict) or not date.get("date-parts") or len(date["date-parts"]) != 1:
        return date
    try:
        parts = [int(x) for x in date["date-parts"][0]]
    except (TypeError, ValueError):
        return None
    if not parts or str(parts[0]) not in raw:
        return None
    y = parts[0]
    if len(parts) > 1:
        m = parts[1]
        month = rf"{y}(?:\s*[-./]\s*0?{m}(?!\d)|\s*年\s*0?{m}\s*月)"
        if re.search(month, raw):
            if len(parts) > 2:
                d = parts[2]
                if re.search(
                    rf"{y}(?:\s*[-./]\s*0?{m}\s*[-./]\s*0?{d}|\s*年\s*0?{m}\s*月\s*0?{d})(?!\d)",
                    raw,
                ):
                    return {"date-parts": [[y, m, d]]}
            return {"date-parts": [[y, m]]}
    if name == "accessed":
        return None
    if not re.search(rf"(?<!\d){y}(?!\d)", raw):
        return None
    return {"date-parts": [[y]]}


def main(argv: list[str] | None = None) -> int:
    ap = arguments((__doc__ or "").split("\n\n")[0], STYLES)
    args = ap.parse_args(argv)
    items = [
        (k, i)
        for k, i in fixture_items(["zh.jsonl", "mixed.jsonl"])
        if _chinese(i) and i.get("title")
    ]
    return report(args, items, args.style or list(STYLES), _printed_date, "Chinese or mixed")


if __name__ == "__main__":
    sys.exit(main())
