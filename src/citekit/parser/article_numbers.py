"""Article numbers and page counts (ACM, Hindawi, many online-first journals).

    ACM Trans. Graph. 38, 4, Article 12 (July 2019), 14 pages.      volume, issue, number, month
    In Proceedings of CHI '18. ACM, New York, NY, USA, Article 123, 10 pages.
    Mathematical Problems in Engineering, vol. 2014, Article ID 123456, 9 pages.

:func:`article_number` runs when a parse is finished (rules or labeller): the article's number is
``number``, not a volume or pages; a count of pages (``14 pages``) is ``number-of-pages``, not the
pages the article covers; ACM's bracketed ``(July 2019)`` gives the issue's month to a year-only
``issued``.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from .draft import Draft
from .identifiers import MONTH_NAMES
from .text import trim

__all__ = ["article_number"]

_MONTH = r"(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,6})\.?"
_ARTICLE = regex.compile(
    r"(?:(?P<v>\d{1,4})\s*,\s*(?P<i>\d{1,4}(?:\s*[-–]\s*\d{1,4})?|[A-Z]{2,10})\s*,\s*)?"
    r"\b(?P<word>[Aa]rticle|Art\.|Paper)\s*(?:(?:ID|[Nn]o\.?|[Nn]umber|#)\s*)?"
    r"(?P<n>[A-Za-z]?\d{1,9}(?:[.\-]\d+)*)(?![\w\-])"
    rf"(?:\s*\(\s*{_MONTH}\s*(?P<y>(?:1[5-9]|20)\d\d)\s*\))?"
    r"(?:\s*[,.]?\s*(?P<np>\d{1,4})\s*(?:pages|pp)\b\.?)?"
)
# a bare count of pages read as the pages: "14 pages", "10 pp."
_PAGE_COUNT = regex.compile(r"(?P<np>\d{1,4})\s*(?:pages|pp\.?)")
_NUMBER_FIELDS = ("volume", "issue", "page")
_VOLUME_ISSUE = regex.compile(r"(?P<v>\d{1,4})\s*,\s*(?:[Nn]o|[Nn]r|[Ii]ss)\.?\s*(?P<i>\d{1,4})")


def article_number(d: Draft) -> None:
    work = d.work
    m = None
    if "rticle" in work or "Art." in work or "Paper" in work:  # (a cheap test first)
        m = _ARTICLE.search(work, d.start, d.end)
    if m is None or m.group("word") == "Paper" and not m.group("np"):
        if "page" in d.spans:
            _page_count(d)
        if ("issue" in d.spans or "volume" in d.spans) and len(_issued_parts(d)) == 1:
            _bracket_month(d)
        return
    a, b = m.span()
    if d.has("number") and not _inside(d.spans.get("number"), a, b):
        return  # a report's number read elsewhere: this is no article number
    w = m.start("word")
    for name in ("number", *_NUMBER_FIELDS):  # what the parse read inside the clause
        span = d.spans.get(name)
        if _inside(span, a, b) or span is not None and w <= span[0] < b:
            d.drop(name)
        elif span is not None and span[0] < w < span[1]:  # "vol. 9, Art. no. 123456" as one
            vs, ve = trim(work, span[0], w, " ,;:")
            vi = _VOLUME_ISSUE.fullmatch(work, vs, ve) if name == "volume" else None
            if vi and not d.has("issue"):  # "vol. 20, no. 3, article 812"
                d.set("volume", vi.group("v"), vi.start("v"), vi.end("v"), d.conf[name])
                d.set("issue", vi.group("i"), vi.start("i"), vi.end("i"), d.conf[name])
            elif ve > vs:
                d.set(name, work[vs:ve], vs, ve, d.conf[name])
            else:
                d.drop(name)
    ns, ne = m.span("n")
    d.set("number", m.group("n"), ns, ne, 0.8)
    d.claim(m.start("word"), ns)
    if m.group("v") and not d.has("volume"):
        d.set("volume", m.group("v"), m.start("v"), m.end("v"), 0.8)
    if m.group("i") and not d.has("issue"):
        d.set("issue", m.group("i").replace(" ", ""), m.start("i"), m.end("i"), 0.8)
    if m.group("np"):
        d.set("number-of-pages", m.group("np"), m.start("np"), m.end("np"), 0.8)
        d.claim(m.end("np"), b)
    if m.group("y"):
        _month(d, int(m.group("y")), m.group("mon"), m.start("mon"), m.end("y"))
    if d.type in (None, "document", "book") and d.has("container-title"):
        d.set_type("article-journal", 0.75)
    elif d.type is None:
        d.set_type("article-journal", 0.6)


def _page_count(d: Draft) -> None:
    """``…, 14 pages.``: a page value that is a count of pages."""
    span = d.spans.get("page")
    page = d.values.get("page")
    if span is None or not isinstance(page, str) or not ("pages" in page or "pp" in page):
        return
    m = _PAGE_COUNT.fullmatch(d.work, *span)
    if m is None:
        return
    d.drop("page")
    d.set("number-of-pages", m.group("np"), m.start("np"), m.end("np"), 0.75)
    d.claim(m.end("np"), span[1])


_BRACKET_MONTH = regex.compile(rf"\(\s*{_MONTH}\s*(?P<y>(?:1[5-9]|20)\d\d)\s*\)")


def _bracket_month(d: Draft) -> None:
    """``Commun. ACM 51, 1 (January 2008), 107-113``: the month of the issue, after its number."""
    issue = d.spans.get("issue") or d.spans.get("volume")
    if issue is None or "(" not in d.work[issue[1] : issue[1] + 3]:
        return
    if d.values.get("issued", {}).get("date-parts") is None:
        return
    m = _BRACKET_MONTH.match(d.work, issue[1], min(d.end, issue[1] + 30))
    if m is None:
        m = _BRACKET_MONTH.match(d.work, issue[1] + 1, min(d.end, issue[1] + 30))
    if m is not None:
        _month(d, int(m.group("y")), m.group("mon"), m.start("mon"), m.end("y"))


def _issued_parts(d: Draft) -> list[int]:
    issued = d.values.get("issued")
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    return parts[0] if parts else []


def _month(d: Draft, year: int, name: str, start: int, end: int) -> None:
    """ACM's ``(July 2019)``: the month of a year-only ``issued`` of the same year."""
    issued = d.values.get("issued")
    month = MONTH_NAMES.get(name.lower())
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    if month is None:
        return
    if parts is None:
        d.set("issued", {"date-parts": [[year, month]]}, start, end, 0.75)
    elif parts == [[year]]:
        span = d.spans.get("issued")
        d.set("issued", {"date-parts": [[year, month]]}, *(span or (start, end)), d.conf["issued"])
        d.claim(start, end)


def _inside(span: tuple[int, int] | None, a: int, b: int) -> bool:
    return span is not None and a <= span[0] and span[1] <= b
