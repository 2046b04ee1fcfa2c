"""Helpers that rules of several GB/T sections use: an entry's punctuation scheme, its parts."""

from __future__ import annotations

import regex

from ...model import Applicability, Diagnostic, Edit, Fix, Span
from .._entry import Entry
from ..registry import diag


def _fullwidth(e: Entry) -> bool:
    """Does the entry use full-width commas and colons (its own scheme) rather than ASCII?"""
    raw = e.raw
    return raw.count("，") + raw.count("：") > raw.count(",") + raw.count(":")


def _colon(e: Entry) -> str:
    return "：" if _fullwidth(e) else ": "


# Western names in GB/T form: FAMILY INITIALS, separated by ", ", optionally ", Jr" and
# ", et al." — anchored at the start of the entry.
_NAME = (
    r"(?P<fam>(?:(?:[A-ZÀ-Þ][\p{Latin}'’\-]+|de|van|von|der|den|du|la|le|da|di)\s)*"
    r"[A-ZÀ-Þ][\p{Latin}'’\-]+)"
    r"\s(?P<ini>[A-Z](?:-[A-Z])?\.?"
    r"(?:(?<!\.)\s[A-Z](?:-[A-Z])?\.?(?=[\s,.]|$)|(?<=\.)\s?[A-Z](?:-[A-Z])?(?:\.|(?=\s*,)))*)"
)


_NAME_LIST = regex.compile(
    rf"\G(?:{_NAME}|(?:Jr|Sr|JR|SR)\.?)(?:\s*,\s*(?:{_NAME}|(?:Jr|Sr|JR|SR)\.?))*"
    r"(?:\s*,\s*et\s+al\.?)?(?=\s|$|[.．])"
)


def _western_names(e: Entry) -> regex.Match[str] | None:
    cached = e.__dict__.get("_western", False)
    if cached is not False:
        return cached
    m = _NAME_LIST.match(e.raw, e.body) if e.code else None
    if m is not None and e.code is not None and m.end() > e.code.start():
        m = None
    e.__dict__["_western"] = m
    return m


_YEAR = r"(?:1[4-9]|20)\d\d"


_HALF = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}


_FULL = {v: k for k, v in _HALF.items()}


_FULL["．"] = "."


_FULL["［"] = "["


_FULL["］"] = "]"


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
