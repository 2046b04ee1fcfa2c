"""GB/T 7714 rules, Rules of GB/T 7714-2025 only: family names as written, hyphenated initials, the
2025 punctuation.

Codes: G015, G054, W003.  Each rule names the IDs of the rules it checks in the GB/T 7714 rule
catalogue (``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...model import Diagnostic
from .._entry import Entry
from ..registry import ONLY_2025, UNSAFE, Context, diag, make_fix, rule
from ._shared import _HALF, _diag, _marks, _western_names


def _title_case(word: str) -> str:
    return regex.sub(r"[\p{Latin}]+", lambda w: w.group()[0] + w.group()[1:].lower(), word)


@rule(
    "G015",
    "family-name-uppercase",
    "info",
    editions=ONLY_2025,
    rule_ids=("GBT-AUTH-03",),
    fixable=True,
)
def family_uppercase(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2025 no longer upper-cases family names: 'Boobier T', 'Fordham E W'.
    The fix (unsafe: particles and Mc/O' names need care) writes them in title case.

    Bad: BOOBIER T. AI and the future of banking[M]. Hoboken：Wiley，2020.
    Good: Boobier T. AI and the future of banking[M]. Hoboken：Wiley，2020.
    """
    if ctx.option("uppercase_names") is True:
        return
    m = _western_names(e)
    if m is None:
        return
    for s, t in m.spans("fam"):
        fam = e.raw[s:t]
        if not fam.isupper() or len(fam) < 2:
            continue
        fixed = _title_case(fam)
        yield diag(
            "G015",
            f"family name '{fam}' is upper-cased; 2025 writes '{fixed}'",
            f"姓“{fam}”全大写; 2025 版写作“{fixed}”",
            span=(s, t),
            fix=make_fix("title-case the family name", (s, t, fixed), applicability=UNSAFE),
        )


def _initials(given: str) -> str:
    parts = regex.split(r"\s+", given.strip())
    out = []
    for p in parts:
        pieces = [q for q in p.split("-") if q]
        if pieces:
            out.append("-".join(q[0].upper() for q in pieces))
    return " ".join(out)


@rule(
    "G054",
    "hyphenated-initials",
    "warning",
    editions=ONLY_2025,
    rule_ids=("GBT-AUTH-02",),
    fixable=True,
)
def hyphenated_initials(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2025 keeps the hyphen when it initializes a hyphenated given name: Jean-Luc
    Godard is 'Godard J-L', Park Ji-Ryun 'Park J-R' (2015 has no example).  Needs the parsed
    item's given names.

    Bad: Godard J L. Histoire(s) du cinéma[M]. Paris：Gallimard，1998.
    Good: Godard J-L. Histoire(s) du cinéma[M]. Paris：Gallimard，1998.
    """
    if not e.code or e.head_end is None:
        return
    authors = e.item("author")
    if not authors or not isinstance(authors, list):
        return
    raw = e.raw
    head_end = e.head_end
    for a in authors:
        if not isinstance(a, dict):
            continue
        given, family = a.get("given"), a.get("family")
        if (
            not isinstance(given, str)
            or "-" not in given
            or not isinstance(family, str)
            or not family
        ):
            continue
        want = _initials(given)
        if "-" not in want:
            continue
        m = regex.search(
            rf"(?i){regex.escape(family)}\s+(?P<i>[A-Z](?:[\s.\-]*[A-Z](?![a-z]))*)", raw[:head_end]
        )
        if m is None or m.start() < e.body:
            continue
        got = m.group("i")
        if "-" in got or got.replace(".", "").replace(" ", "") != want.replace("-", "").replace(
            " ", ""
        ):
            continue
        yield diag(
            "G054",
            f"'{got}' for '{given}': GB/T 7714-2025 writes '{want}'",
            f"“{given}”的缩写应为“{want}”而非“{got}”",
            span=(m.start("i"), m.end("i")),
            fix=make_fix(f"write {want}", (m.start("i"), m.end("i"), want)),
        )


_NUMERIC_PAREN = regex.compile(
    r"[(（](?P<c>\s*(?:[\d/\-]+|增刊\s*\d*|[Ss]\d*|Suppl\.?\s*\d*|\d{4}-\d{2}-\d{2})\s*)[)）]"
)


def _gb2025_targets(e: Entry) -> list[tuple[int, str]]:
    """The element marks GB/T 7714-2025 fixes: ', : ;' outside the title (':' and ';' inside it
    too: other title information, collected titles), parentheses around issue numbers, pages
    (版次), dates and calendar years, and '．［］'.  Punctuation that belongs to a title
    (commas, parentheses in '学报(自然科学版)') is not a mark."""
    raw = e.raw
    t0 = e.title_start if e.code is not None else -1
    t1 = e.code.start() if e.code is not None else -1
    parens: set[int] = set()
    if "(" in raw or ")" in raw:
        for m in _NUMERIC_PAREN.finditer(raw, e.body):
            before = raw[m.start() - 1 : m.start()]
            if (
                before.isdigit()
                or before in ")）"
                or _DATE_CONTENT.fullmatch(m.group("c").strip())
                or raw[max(e.body, m.start() - 2) : m.start()].strip() in (".", "．", "")
            ):
                parens.add(m.start())
                parens.add(m.end() - 1)
    # a comma inside an element outside the title is full-width too: the standard prints
    # 'Littleton，Colo.', 'Washington，D.C.', 'University of California，Berkeley' (8.4.2, 8.7.2,
    # 9.2.2 examples), and the 2025 styles print them so
    out = []
    for i, ch in _marks(e):
        if t0 <= i < t1 and ch not in ":;：；":
            continue
        if ch in "()" and i not in parens:
            continue
        out.append((i, ch))
    return out


_DATE_CONTENT = regex.compile(r"\d{4}-\d{2}-\d{2}")


@rule(
    "W003",
    "gb2025-punctuation",
    "warning",
    editions=("gbt7714-2025",),
    rule_ids=("GBT-PUNCT-03",),
    fixable=True,
    gbt_only=True,
)
def gb2025_punctuation(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2025 (clause 7) fixes the width of the marks: '.' and '[ ]' half-width, every
    other mark full-width — '，' '：' '；' '（ ）' between elements, also in Western entries
    ('Boobier T. AI and the future of banking[M]. Chichester：John Wiley & Sons，2020：35.').
    Punctuation inside a title is left alone (except ':' and ';' that introduce other title
    information or collected titles).  A profile's ``punctuation`` option, when set, replaces
    this rule by W002.

    Bad: 博伯尔. 银行业的未来与人工智能[M]. 徐超, 译. 北京: 清华大学出版社, 2023: 35.
    Good: 博伯尔. 银行业的未来与人工智能[M]. 徐超，译. 北京：清华大学出版社，2023：35.
    """
    if ctx.option("punctuation", "any") != "any" or not e.is_gbt:
        return
    for i, ch in _gb2025_targets(e):
        if ch in _HALF:
            yield _diag(
                "W003",
                e,
                i,
                ch,
                "full",
                f"half-width '{ch}': GB/T 7714-2025 uses full-width '{_HALF[ch]}'",
                f"半角“{ch}”: GB/T 7714-2025 用全角“{_HALF[ch]}”",
            )
        elif ch in "．［］":
            yield _diag(
                "W003",
                e,
                i,
                ch,
                "half",
                f"'{ch}': GB/T 7714-2025 keeps '.' and '[ ]' half-width",
                f"“{ch}”: GB/T 7714-2025 的“.”和“[ ]”用半角",
            )
