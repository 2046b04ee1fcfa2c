"""The fallback for references no style rule claims: the facts that look alike everywhere.

Year, quoted title, ``vol(issue): pages`` and ``pp. 12-18`` page ranges, with modest
confidence; URL and DOI were already taken by :mod:`.identifiers`.  The type is a guess:
``article-journal`` with volume/issue numbers, ``webpage`` with only a URL, else ``document``.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from .draft import Draft
from .numbers import clean_issue
from .text import trim

__all__ = ["parse", "fill"]

_YEAR = regex.compile(r"(?<![\d./-])(?:1[5-9]\d\d|20\d\d)(?![\d])")
_VIP = regex.compile(
    r"(?<![\d])(?P<vol>\d{1,4})\s*\(\s*(?P<iss>[\d/\-]{1,9})\s*\)\s*[:,]\s*(?:pp?\.?\s*)?"
    r"(?P<pages>\d{1,6}(?:\s*[-–~]\s*\d{1,6})?)"
)
_PAGES = regex.compile(r"\bpp?\.\s*(?P<pages>[A-Za-z]?\d{1,6}(?:\s*[-–~]\s*[A-Za-z]?\d{1,6})?)")
# (linear: the text ends at a non-space, the spaces before the stop are not its own; a lazy
# text that could end inside a run of spaces scanned the run from each of its spaces)
_AFTER_NUMBER = regex.compile(
    r"[\s,.:]*+(?P<t>[^\s,.:\[\]()](?:[^,.\[\]()]*?[^\s,.\[\]()])?)\s*+(?=[,.\[(]|$)"
)
_QUOTED = regex.compile(r"[“\"](?P<t>[^”\"]{3,400})[”\"]")


def fill(d: Draft, confidence: float = 0.5) -> None:
    """Add what the generic rules find to fields not yet set."""
    work = d.work
    s0, e0 = d.start, d.end
    if not d.has("issued"):
        m = next((y for y in _YEAR.finditer(work, s0, e0) if d.is_free(*y.span())), None)
        if m:
            d.set("issued", {"date-parts": [[int(m.group())]]}, m.start(), m.end(), confidence)
    if not d.has("page"):
        m = _VIP.search(work, s0, e0)
        if m:
            if not d.has("volume"):
                d.set("volume", m.group("vol"), *m.span("vol"), confidence)
            if not d.has("issue"):
                d.set("issue", clean_issue(m.group("iss")), *m.span("iss"), confidence)
            d.set("page", m.group("pages"), *m.span("pages"), confidence)
        else:
            m = _PAGES.search(work, s0, e0)
            if m:
                d.set("page", m.group("pages"), *m.span("pages"), confidence)
    number = d.spans.get("number")
    if not d.has("title") and d.type == "standard" and number and number[0] == s0:
        # GB/T 35273—2020 信息安全技术 个人信息安全规范: the title after a standard's number
        m = _AFTER_NUMBER.match(work, number[1], e0)
        if m and d.is_free(*m.span("t")):
            a, b = trim(work, *m.span("t"), " ,.")
            if b - a > 2 and work[a] == "《" and work[b - 1] == "》":
                d.claim(a, a + 1)  # GB/T 7714—2015《信息与文献 …》: the title marks
                d.claim(b - 1, b)
                a, b = a + 1, b - 1
            if b > a:
                d.set("title", work[a:b], a, b, confidence * 1.6)
    if not d.has("title"):
        m = _QUOTED.search(work, s0, e0)
        if m:
            a, b = trim(work, *m.span("t"), " ,.")
            d.set("title", work[a:b], a, b, confidence * 0.8)


def parse(d: Draft) -> bool:
    fill(d, 0.45)
    if d.type is None:
        if d.has("volume") or d.has("issue"):
            d.set_type("article-journal", 0.3)
        elif d.has("URL") and len(d.values) <= 3:
            d.set_type("webpage", 0.3)
        elif d.values:
            d.set_type("document", 0.2)
    return bool(d.values)
