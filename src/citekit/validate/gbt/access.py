"""GB/T 7714 rules, §9 URL and DOI (GBT-ACC).

Codes: G032, G033, G034.  Each rule names the IDs of the rules it checks in the GB/T 7714 rule
catalogue (``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...model import Diagnostic
from ...text.identifiers import LABELLED_DOI
from .._entry import Entry
from ..registry import UNSAFE, Context, diag, make_fix, rule


@rule("G032", "doi-placement", "warning", rule_ids=("GBT-ACC-02",))
def doi_placement(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A DOI comes last, after the URL, as 'DOI:10.xxxx/…'.

    Bad: FRESE K S, KATUS H A, MEDER B. Next-generation sequencing[J/OL]. Biology, 2013, 2(1): 378-398[2013-03-19]. DOI:10.3390/biology2010378. http://www.mdpi.com/2079-7737/2/1/378.
    Good: FRESE K S, KATUS H A, MEDER B. Next-generation sequencing[J/OL]. Biology, 2013, 2(1): 378-398[2013-03-19]. http://www.mdpi.com/2079-7737/2/1/378. DOI:10.3390/biology2010378.
    """
    if not e.code or "oi" not in e.raw.lower():
        return
    for m in LABELLED_DOI.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue
        s, end = m.start(), m.end()
        value = m.group("v").rstrip(".")
        end = m.start("v") + len(value)
        rest = e.raw[end:].strip(" .．")
        if not rest:
            continue
        if any(a >= end for a, _ in e.urls):  # the URL follows: say so
            en, zh = (
                "the DOI must be the last element, after the URL",
                "DOI 应为最后一个著录项目, 位于网址之后",
            )
        else:  # no URL after it: name what follows instead
            shown = rest if len(rest) <= 30 else rest[:29] + "…"
            en = f"the DOI must be the last element: '{shown}' follows it"
            zh = f"DOI 应为最后一个著录项目: 其后还有“{shown}”"
        yield diag("G032", en, zh, span=(s, end))


@rule("G033", "doi-repeated-in-url", "warning", rule_ids=("GBT-ACC-03",), fixable=True)
def doi_repeated(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The DOI is recorded only when the URL does not already contain it (it may be left out).

    Bad: FAN X, SOMMERS C H. Food irradiation research and technology[M/OL]. 2nd ed. Ames, Iowa: Blackwell Publishing, 2013: 25-26[2014-06-26]. http://onlinelibrary.wiley.com/doi/10.1002/9781118422557/summary. DOI:10.1002/9781118422557.
    Good: FAN X, SOMMERS C H. Food irradiation research and technology[M/OL]. 2nd ed. Ames, Iowa: Blackwell Publishing, 2013: 25-26[2014-06-26]. http://onlinelibrary.wiley.com/doi/10.1002/9781118422557/summary.
    """
    if not e.code or not e.urls or "oi" not in e.raw.lower():
        return
    urls = [e.raw[s:t].lower() for s, t in e.urls]
    for m in LABELLED_DOI.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue  # "...?persistentId=doi:10.18170/..." is part of the URL
        value = m.group("v").rstrip(".")
        if any(value.lower() in u for u in urls if not u.endswith(value.lower()) or "doi" in u):
            s = m.start()
            while s > 0 and e.raw[s - 1] in " .．":
                s -= 1
            end = m.start("v") + len(value)
            yield diag(
                "G033",
                span=(m.start(), end),
                fix=make_fix("remove the DOI", (s, end, ""), applicability=UNSAFE),
            )


_URL_DECORATION = regex.compile(
    r"(?i)(?P<p>\bURL\s*[:：]\s*|\bAvailable\s+(?:at|from)\s*[:：]?\s*|网址\s*[:：]\s*)(?=(?:https?|ftp)://|www\.)"
)


_ANGLE_URL = regex.compile(r"<(?=(?:https?|ftp)://)(?P<u>[^<>\s]+)>")


@rule("G034", "url-decoration", "warning", rule_ids=("GBT-ACC-01",), fixable=True)
def url_decoration(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The access path is written as found after '. ': no 'URL:', 'Available at' or <…>.

    Bad: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. URL: http://www.creader.com/news/20011219/200112190019.html.
    Good: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.
    """
    if not e.code or not e.urls:
        return
    for m in _URL_DECORATION.finditer(e.raw, e.tail_start):
        yield diag(
            "G034",
            f"'{m.group('p').strip()}' before the URL: leave it out",
            f"网址前不加“{m.group('p').strip()}”",
            span=(m.start(), m.end()),
            fix=make_fix("remove it", (m.start(), m.end(), "")),
        )
    for m in _ANGLE_URL.finditer(e.raw, e.tail_start):
        yield diag(
            "G034",
            "angle brackets around the URL: leave them out",
            "网址不加尖括号",
            span=(m.start(), m.end()),
            fix=make_fix(
                "remove the brackets", (m.start(), m.start() + 1, ""), (m.end() - 1, m.end(), "")
            ),
        )
