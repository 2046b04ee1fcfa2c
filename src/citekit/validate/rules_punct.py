"""Punctuation width (family W): one entry, one scheme (rules.md GBT-PUNCT-03).

GB/T 7714-2015 does not say whether its marks are full- or half-width; four schemes are in
use.  W001 accepts any of them as long as one entry is consistent.  W002 enforces the
scheme a profile asks for (option ``punctuation``: ``ascii``, ``gb2025`` — ``.`` and ``[ ]``
half-width, ``， ： ； （ ）`` full-width — or ``fullwidth-zh`` — full-width in Chinese entries,
ASCII in Western ones).
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..model import Applicability, Diagnostic, Edit, Fix, Span
from ._entry import Entry, script_language
from .registry import Context, diag, rule

_HALF = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}
_FULL = {v: k for k, v in _HALF.items()}
_FULL["．"] = "."
_FULL["［"] = "["
_FULL["］"] = "]"
_ANY_FULL = regex.compile(r"[，：；（）．]")
_ANY_HALF = regex.compile(r"[,:;()]")
_MARK = regex.compile(r"[,:;()，：；（）．［］]")
_LABEL_COLON = regex.compile(r"(?i)(?:\bDOI|\bCSTR|\bISBN|\bISSN|\bURN|\bPMID|\barXiv):\Z")


def _marks(e: Entry) -> list[tuple[int, str]]:
    """Element punctuation of the entry outside URLs, DOIs and digit:digit (``ISO 15836:2009``)."""
    cached = e.__dict__.get("_marks")
    if cached is not None:
        return cached
    raw = e.raw
    excluded = list(e.urls) + [(s, t) for s, t, _ in e.dois]
    out = []
    for m in _MARK.finditer(raw, e.body):
        i, ch = m.start(), m.group()
        if excluded and any(s <= i < t for s, t in excluded):
            continue
        if ch == ":" and 0 < i < len(raw) - 1 and raw[i - 1].isdigit() and raw[i + 1].isdigit():
            continue
        if ch == ":" and _LABEL_COLON.search(raw, max(0, i - 5), i + 1):
            continue  # "DOI:10…", "CSTR:3200…", "ISBN:": part of the identifier, as printed
        out.append((i, ch))
    e.__dict__["_marks"] = out
    return out


def _to_half(raw: str, i: int, ch: str) -> tuple[int, int, str]:
    half = _FULL[ch]
    if half in ",:;." and i + 1 < len(raw) and raw[i + 1] not in " \t\n":
        return i, i + 1, half + " "
    return i, i + 1, half


def _to_full(raw: str, i: int, ch: str) -> tuple[int, int, str]:
    end = i + 1
    if ch in ",:;":
        while end < len(raw) and raw[end] == " ":
            end += 1
    if ch == "(":
        # "学报 (" → "学报（": a space before an opening parenthesis goes too
        pass
    return i, end, _HALF[ch]


def _diag(code: str, e: Entry, i: int, ch: str, target: str, en: str, zh: str) -> Diagnostic:
    s, t, r = _to_half(e.raw, i, ch) if target == "half" else _to_full(e.raw, i, ch)
    return diag(
        code,
        en,
        zh,
        span=(i, i + 1),
        fix=Fix(f"write '{r.strip()}'", (Edit(Span(s, t), r),), Applicability.SAFE),
    )


@rule(
    "W001",
    "mixed-punctuation-width",
    "warning",
    rule_ids=("GBT-PUNCT-03", "GBT-DEV-04"),
    fixable=True,
)
def mixed_width(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Full-width and half-width punctuation are not mixed inside one entry: whichever scheme
    the entry uses, it uses throughout.  The minority marks are reported; the safe fix
    converts them to the entry's majority width.

    Bad: 陈登原. 国史旧闻: 第1卷[M]. 北京：中华书局, 2000: 29.
    Good: 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    """
    if ctx.option("punctuation", "any") != "any":
        return  # W002 enforces the chosen scheme
    if ctx.standard == "gbt7714-2025" and e.is_gbt:
        return  # the 2025 scheme is fixed by the standard: W003 enforces it
    if not _ANY_FULL.search(e.raw) or not _ANY_HALF.search(e.raw):
        return
    marks = _marks(e)
    if not marks:
        return
    full = [(i, ch) for i, ch in marks if ch in _FULL and ch not in "［］"]
    half = [(i, ch) for i, ch in marks if ch in _HALF]
    if not full or not half:
        return
    # gb2025 (and the drafter's 2024 answer) keep "." and "[ ]" half-width: not a mix.
    if len(full) < len(half):
        for i, ch in full:
            yield _diag(
                "W001",
                e,
                i,
                ch,
                "half",
                f"full-width '{ch}' in an entry that otherwise uses half-width punctuation",
                f"本条目使用半角标点, 此处“{ch}”却是全角",
            )
    else:
        for i, ch in half:
            yield _diag(
                "W001",
                e,
                i,
                ch,
                "full",
                f"half-width '{ch}' in an entry that otherwise uses full-width punctuation",
                f"本条目使用全角标点, 此处“{ch}”却是半角",
            )


@rule(
    "W002", "punctuation-scheme", "warning", rule_ids=("GBT-PUNCT-03",), fixable=True, gbt_only=True
)
def punctuation_scheme(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """With the profile option ``punctuation`` set, every entry follows that scheme: ``ascii``
    (all half-width), ``gb2025`` (GB/T 7714-2025: '.' and '[ ]' half-width, '， ： ； （ ）'
    full-width) or ``fullwidth-zh`` (full-width in Chinese entries, ASCII in Western ones).

    Bad: 陈登原. 国史旧闻：第1卷[M]. 北京：中华书局，2000：29.
    Good: 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    """
    scheme = ctx.option("punctuation", "any")
    if scheme == "any" or not e.is_gbt:
        return
    if scheme == "fullwidth-zh":
        scheme = "full" if script_language(e.title or e.raw) in ("zh", "ja") else "ascii"
    for i, ch in _marks(e):
        if scheme == "ascii" and ch in _FULL:
            yield _diag(
                "W002",
                e,
                i,
                ch,
                "half",
                f"full-width '{ch}': this profile uses ASCII punctuation",
                f"全角“{ch}”: 本规范要求半角标点",
            )
        elif scheme in ("gb2025", "full") and ch in _HALF:
            yield _diag(
                "W002",
                e,
                i,
                ch,
                "full",
                f"half-width '{ch}': this profile uses full-width '{_HALF[ch]}'",
                f"半角“{ch}”: 本规范要求全角“{_HALF[ch]}”",
            )
        elif scheme == "gb2025" and ch in "．［］":
            yield _diag(
                "W002",
                e,
                i,
                ch,
                "half",
                f"'{ch}': GB/T 7714-2025 keeps '.' and '[ ]' half-width",
                f"“{ch}”: GB/T 7714-2025 的“.”和“[ ]”用半角",
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
