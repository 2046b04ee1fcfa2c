"""GB/T 7714 rules, §7 Dates (GBT-DATE): citation dates, their brackets and place, ISO dates.

Codes: G006, G007, G008, G009.  Each rule names the IDs of the rules it checks in the GB/T 7714
rule catalogue (``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ...model import Diagnostic
from .._entry import Entry
from ..registry import ONLY_2015, Context, diag, make_fix, rule


@rule("G006", "missing-citation-date", "warning", editions=ONLY_2015, rule_ids=("GBT-DATE-03",))
def missing_citation_date(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2015 makes the citation date [YYYY-MM-DD] required for online resources: it
    goes right after the last publication element, before the URL.  (GB/T 7714-2025 no longer
    requires it: its online examples often have none, so the rule is 2015-only.)

    Bad: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724. http://vip.calis.edu.cn/asp/Detail.asp.
    Good: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724[2014-06-25]. http://vip.calis.edu.cn/asp/Detail.asp.
    """
    if not e.code or e.access_dates:
        return
    for s, end in e.urls:
        if s >= e.tail_start:
            yield diag(
                "G006",
                "an online item with a URL has no citation date [YYYY-MM-DD]",
                "有网址的网络资源缺少引用日期 [YYYY-MM-DD]",
                span=(s, end),
            )
            return


@rule("G007", "citation-date-misplaced", "warning", rule_ids=("GBT-DATE-04",))
def citation_date_misplaced(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The citation date follows the last element of the publication or serial block directly
    (year, pages, update date) and precedes '. URL'.

    Bad: 李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-21. [2013-10-25] http://www.docin.com/p-400265742.html.
    Good: 李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-21[2013-10-25]. http://www.docin.com/p-400265742.html.
    """
    if not e.code or not e.access_dates:
        return
    first_url = min((s for s, _ in e.urls if s >= e.tail_start), default=None)
    for m in e.access_dates:
        span = (m.start(), m.end())
        if first_url is not None and m.start() > first_url:
            yield diag(
                "G007",
                "the citation date comes after the URL; put it before",
                "引用日期位于网址之后, 应置于网址之前",
                span=span,
            )
            continue
        before = e.raw[: m.start()].rstrip(" ")
        if before.endswith((".", "．")) and not before[:-1].endswith("]"):
            yield diag(
                "G007",
                "the citation date attaches to the preceding element, with no '. ' before it",
                "引用日期紧接前一著录项目, 其前不加“. ”",
                span=span,
            )


_SWAPPED = regex.compile(r"\[(\d{4}-\d{2}-\d{2})\]\s*\((\d{4}-\d{2}-\d{2})\)")


@rule("G008", "date-brackets-swapped", "error", rule_ids=("GBT-DATE-02",), fixable=True)
def date_brackets_swapped(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The update or modification date goes in ( ), the citation date in [ ]: (update)[cited].

    Bad: 萧钰. 出版业信息化迈入快车道[EB/OL]. [2001-12-19](2002-04-15). http://www.creader.com/news/20011219/200112190019.html.
    Good: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.
    """
    if not e.code:
        return
    for m in _SWAPPED.finditer(e.raw, e.tail_start):
        fixed = f"({m.group(1)})[{m.group(2)}]"
        yield diag(
            "G008",
            span=(m.start(), m.end()),
            fix=make_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
        )


_DATE_LIKE = regex.compile(
    r"(?<![\d.\-/])(?P<y>\d{4})(?:(?P<sep>[./])(?P<m1>\d{1,2})(?P=sep)(?P<d1>\d{1,2})"
    r"|-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})|年(?P<m3>\d{1,2})月(?P<d3>\d{1,2})日)(?![\d.\-/])"
)


# non-ISO dates only: "2013.01.08", "2013/1/8", "2013年1月8日", "2013-1-8", "2013-01-8"
_DATE_FAST = re.compile(r"\d{4}(?:[./年]\d|-\d(?!\d)|-\d\d-\d(?!\d))")


@rule("G009", "non-iso-date", "warning", rule_ids=("GBT-DATE-01",), fixable=True)
def non_iso_date(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Newspaper dates, patent dates, update and citation dates are written YYYY-MM-DD,
    zero-padded, with hyphens (GB/T 7408).

    Bad: 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000年11月20日(15).
    Good: 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    """
    if not e.code or _DATE_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _DATE_LIKE.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue
        mo = m.group("m1") or m.group("m2") or m.group("m3")
        d = m.group("d1") or m.group("d2") or m.group("d3")
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
            continue
        fixed = f"{m.group('y')}-{int(mo):02d}-{int(d):02d}"
        if fixed == m.group():
            continue
        yield diag(
            "G009",
            f"'{m.group()}' should be written '{fixed}'",
            f"“{m.group()}”应写作“{fixed}”",
            span=(m.start(), m.end()),
            fix=make_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
        )
