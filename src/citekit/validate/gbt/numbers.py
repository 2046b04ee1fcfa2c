"""GB/T 7714 rules, §8 Volume, issue, pages (GBT-PAGE, GBT-SER): page ranges, serial blocks,
combined issues.

Codes: G024, G025, G026, G027, G028, G050, G051.  Each rule names the IDs of the rules it checks
in the GB/T 7714 rule catalogue (``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ...model import Diagnostic, Severity
from .._entry import Entry
from ..registry import Context, diag, make_fix, rule
from ._shared import _YEAR, _colon, _fullwidth

_PAGE_DASH = regex.compile(r"(?<=[:：]\s?)(?P<a>\d+)(?P<d>\s*[~～—–－−]\s*)(?P<b>\d+)(?!\d)")


_PAGE_DASH_FAST = re.compile(r"\d\s*[~～—–－−]\s*\d")


@rule(
    "G024",
    "page-range-dash",
    "warning",
    rule_ids=("GBT-PAGE-01", "GBT-PUNCT-07", "GBT-DEV-09"),
    fixable=True,
)
def page_range_dash(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Page ranges are joined with the hyphen '-' (the standard's mark).  '~', '～' and '—'
    are warnings.  An en dash '–' is accepted (the drafters allow a half-width dash; LaTeX
    prints '--' as '–') and only noted as info, a warning with the profile option
    ``page-dash = "strict"``.

    Bad: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56~75.
    Good: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    """
    if not e.code or _PAGE_DASH_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _PAGE_DASH.finditer(e.raw, e.tail_start):
        dash = m.group("d").strip()
        sev = (
            Severity.INFO
            if dash == "–" and ctx.option("page_dash", "lenient") != "strict"
            else None
        )
        yield diag(
            "G024",
            f"page range joined with '{dash}': use '-'",
            f"页码范围用了“{dash}”, 应用“-”",
            span=(m.start("d"), m.end("d")),
            severity=sev,
            fix=make_fix("write '-'", (m.start("d"), m.end("d"), "-")),
        )


_PAGE_RANGE = regex.compile(
    r"(?<=[:：]\s?)(?<![\d.])(?P<a>\d+)-(?P<b>\d+)(?!\d|\.\d)(?=\s*(?:\[|[.．;；,，]|$))"
)


# A superset of _PAGE_RANGE: any "b < a" at all?  Starting only at the first digit of a run
# keeps it linear (otherwise a long digit run without a dash is retried at every digit).
_RANGE_FAST = re.compile(r"(?<!\d)(\d+)-(\d+)")


@rule("G025", "page-range-order", "error", rule_ids=("GBT-PAGE-01",), fixable=True)
def page_range_order(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A page range runs from a smaller to a larger page and is written in full ('457-472',
    not '457-72'; the safe fix expands an abbreviated range).

    Bad: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 75-56.
    Good: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    """
    if not e.code:
        return
    for m in _RANGE_FAST.finditer(e.raw, e.tail_start):
        if int(m.group(2)) < int(m.group(1)):
            break
    else:
        return  # no range that ends before it starts
    for m in _PAGE_RANGE.finditer(e.raw, e.tail_start):
        a, b = m.group("a"), m.group("b")
        if int(b) >= int(a):
            continue
        if len(b) < len(a):
            full = a[: len(a) - len(b)] + b
            if int(full) > int(a):
                yield diag(
                    "G025",
                    f"abbreviated page range '{a}-{b}': write '{a}-{full}'",
                    f"页码范围“{a}-{b}”被缩写, 应写作“{a}-{full}”",
                    span=(m.start(), m.end()),
                    severity=Severity.WARNING,
                    fix=make_fix(f"write {a}-{full}", (m.start("b"), m.end("b"), full)),
                )
                continue
        yield diag(
            "G025",
            f"page range '{a}-{b}' ends before it starts",
            f"页码范围“{a}-{b}”起止颠倒",
            span=(m.start(), m.end()),
        )


_ISSUE_SPACE = regex.compile(r"(?<=\d)\s+(?=\((?:\d|增刊|Suppl|S\d))")


_ISSUE_COMMA = regex.compile(r"(?<=\d\))\s*(?:[,，]|[.．])\s*(?=\d+(?:-\d+)?\s*(?:[.．\[]|$))")


_YEAR_LAST = regex.compile(
    r"(?<=\)[:：]\s*[\d\-]+)\s*[,，]\s*(?P<y>(?:1[5-9]|20)\d\d)\s*[.．]?\s*$"
)


_VOL_LABEL = regex.compile(r"\b(?:Vol\.|vol\.|No\.|no\.)\s*(?=\d)")


@rule(
    "G026",
    "serial-block-punctuation",
    "warning",
    rule_ids=("GBT-SER-01", "GBT-PUNCT-05"),
    fixable=True,
    types=("J",),
)
def serial_block(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """After the journal title: ', year, volume(issue): pages'.  No space before '(', a colon
    before the pages, no 'Vol.'/'No.' labels, the year before the volume.

    Bad: KANAMORI H. Shaking without quaking[J]. Science, 1998, 279 (5359), 2063.
    Good: KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.
    """
    if e.type_code != "J" or e.contribution:
        return
    raw, start = e.raw, e.tail_start
    for m in _ISSUE_SPACE.finditer(raw, start):
        yield diag(
            "G026",
            "no space before the issue number in parentheses",
            "期号括号前不加空格",
            span=(m.start(), m.end()),
            fix=make_fix("remove the space", (m.start(), m.end(), "")),
        )
    for m in _ISSUE_COMMA.finditer(raw, start):
        if e.in_url(m.start()):
            continue
        yield diag(
            "G026",
            "a colon introduces the pages after volume(issue)",
            "卷(期)之后用冒号引出页码",
            span=(m.start(), m.end()),
            fix=make_fix("write ': '", (m.start(), m.end(), _colon(e))),
        )
    m = _YEAR_LAST.search(raw, start)
    if m:
        yield diag(
            "G026",
            "the year comes before the volume: ', year, volume(issue): pages'",
            "年份应在卷期之前: “, 年, 卷(期): 页码”",
            span=(m.start("y"), m.end("y")),
        )
    for m in _VOL_LABEL.finditer(raw, start):
        if e.in_url(m.start()):
            continue
        yield diag(
            "G026",
            f"no '{m.group().strip()}' label: volume(issue) are bare numbers",
            f"卷期前不加“{m.group().strip()}”",
            span=(m.start(), m.end()),
        )


_COMBINED = regex.compile(r"\((?P<a>\d{1,3})(?P<d>\s*[-–,，、]\s*)(?P<b>\d{1,3})\)")


@rule(
    "G027", "combined-issue-slash", "warning", rule_ids=("GBT-SER-02",), fixable=True, types=("J",)
)
def combined_issue(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Combined issues join their numbers with '/': '2001(9/10)', '21(1/2)'.

    Bad: DOWLER L. The research university's dilemma[J]. Journal of Library Administration, 1995, 21(1-2): 5-26.
    Good: DOWLER L. The research university's dilemma[J]. Journal of Library Administration, 1995, 21(1/2): 5-26.
    """
    if e.type_code != "J":
        return
    for m in _COMBINED.finditer(e.raw, e.tail_start):
        if int(m.group("b")) != int(m.group("a")) + 1 or e.in_url(m.start()):
            continue
        yield diag(
            "G027",
            span=(m.start("d"), m.end("d")),
            fix=make_fix("write '/'", (m.start("d"), m.end("d"), "/")),
        )


_PAGE_PREFIX = regex.compile(
    r"(?<![\p{Latin}])(?P<p>[Pp]{1,2}\.\s*)(?=\d)|(?<=\d)(?P<y>\s*页)(?=\s*[.．\[]|$)"
)


_PAGE_PREFIX_FAST = re.compile(r"[Pp]\.\s*\d|\d\s*页")


@rule("G028", "page-prefix", "warning", rule_ids=("GBT-PAGE-01", "GBT-PAGE-03"), fixable=True)
def page_prefix(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Pages are bare Arabic numerals after ': ': no 'p.', 'pp.' or 页.

    Bad: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: pp. 16.
    Good: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.
    """
    if not e.code or _PAGE_PREFIX_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _PAGE_PREFIX.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue
        g = "p" if m.group("p") else "y"
        yield diag(
            "G028",
            f"'{m.group(g).strip()}' before or after the page number: leave it out",
            f"页码前后不加“{m.group(g).strip()}”",
            span=(m.start(g), m.end(g)),
            fix=make_fix("remove it", (m.start(g), m.end(g), "")),
        )


_SERIALIZED = regex.compile(
    r"(?<=[:：]\s?\d+(?:\s*-\s*\d+)?)(?P<sep>\s*[,，.．]\s*|\s+)"
    rf"(?={_YEAR}\s*(?:[,，]\s*\d+\s*)?[(（]\d+[)）]\s*[:：]|{_YEAR}\s*[,，]\s*\d+\s*[:：])"
)


@rule(
    "G050",
    "serialized-parts-separator",
    "warning",
    rule_ids=("GBT-SER-03", "GBT-PUNCT-02"),
    fixable=True,
    types=("J",),
)
def serialized_parts(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An article published in instalments lists its later parts after the first, each
    introduced by '; ': '2011, 33(2): 20-25; 2011, 33(3): 26-30'.

    Bad: 李四. 连载文章[J]. 某学报, 2011, 33(2): 20-25, 2011, 33(3): 26-30.
    Good: 李四. 连载文章[J]. 某学报, 2011, 33(2): 20-25; 2011, 33(3): 26-30.
    """
    if e.type_code != "J":
        return
    for m in _SERIALIZED.finditer(e.raw, e.tail_start):
        if e.urls and e.in_url(m.start()):
            continue
        semi = "；" if _fullwidth(e) else "; "
        yield diag(
            "G050",
            span=(m.start("sep"), m.end("sep")),
            fix=make_fix("write '; '", (m.start("sep"), m.end("sep"), semi)),
        )


_RANGE_AFTER_ISSUE = regex.compile(
    rf"(?<=\d\s*[)）])(?P<d>\s*[-—–~～－]\s*)(?=[.．]|\s*$|{_YEAR}\s*[(（.．])"
)


_RANGE_AFTER_YEAR = regex.compile(
    rf"(?<=(?:[,，]|[.．]\s?)\s?{_YEAR})(?P<d>\s*[-—–~～－]\s*)(?=(?:{_YEAR})?\s*(?:[.．](?!\d)|$))"
)


def _serial_dashes(e: Entry) -> Iterator[regex.Match[str]]:
    raw = e.raw
    for pattern in (_RANGE_AFTER_ISSUE, _RANGE_AFTER_YEAR):
        for m in pattern.finditer(raw, e.body):
            if e.urls and e.in_url(m.start()):
                continue
            yield m


@rule(
    "G051",
    "serial-range-dash",
    "warning",
    rule_ids=("GBT-FMT-SERIAL", "GBT-PUNCT-07"),
    fixable=True,
    types=("J",),
)
def serial_range_dash(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The year-volume-issue range and the publication years of a whole serial are joined with
    '-' in GB/T 7714-2015 ('1984, 1(1)-', '1957-1990') and with the em dash '—' (一字线) in
    GB/T 7714-2025 ('1984，1（1）—', '1957—1990').  An en dash is tolerated under 2015 (info).

    Bad: 中华医学会湖北分会. 临床内科杂志[J]. 1984, 1(1)—. 武汉: 中华医学会湖北分会, 1984—.
    Good: 中华医学会湖北分会. 临床内科杂志[J]. 1984, 1(1)-. 武汉: 中华医学会湖北分会, 1984-.
    """
    if e.type_code != "J" or not (
        "-" in e.raw or "—" in e.raw or "–" in e.raw or "~" in e.raw or "～" in e.raw
    ):
        return
    want = "—" if ctx.standard == "gbt7714-2025" else "-"
    for m in _serial_dashes(e):
        dash = m.group("d").strip()
        if dash == want and m.group("d") == dash:
            continue
        sev = Severity.INFO if want == "-" and dash == "–" else None
        edition = "GB/T 7714-2025" if want == "—" else "GB/T 7714-2015"
        yield diag(
            "G051",
            f"{edition} joins a serial's range with '{want}', not '{dash}'",
            f"{edition} 连续出版物的范围用“{want}”连接, 而非“{dash}”",
            span=(m.start("d"), m.end("d")),
            severity=sev,
            fix=make_fix(f"write '{want}'", (m.start("d"), m.end("d"), want)),
        )
