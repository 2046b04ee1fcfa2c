"""GB/T 7714 rules, §5-6 Edition and publication (GBT-EDN, GBT-PUB): first edition, edition form,
place and publisher, year.

Codes: G020, G021, G022, G023, G038, G039, G040.  Each rule names the IDs of the rules it checks
in the GB/T 7714 rule catalogue (``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ...model import Diagnostic
from ...text.numerals import cn_number
from .._entry import Entry
from ..registry import ONLY_2015, UNSAFE, Context, diag, make_fix, rule
from ._shared import _colon
from .required import SERIAL_BLOCK, looks_like_place

_MERGED_SL_SN = regex.compile(r"\[S\.l\.\s*[:：]\s*s\.n\.\]")


_FIRST_EDITION = regex.compile(
    r"(?P<sep>[.．]\s?)(?P<e>第?\s*[1一]\s*版|初版|1st\s+ed(?=\.)|First\s+ed(?=\.)|First\s+edition|1st\s+edition)(?=\s*[.．])"
)


_ORDINAL_WORDS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}


_EDITION = regex.compile(
    r"(?<=[.．]\s?)(?:"
    r"第\s*(?P<a>\d+)\s*版|第?(?P<c>[二三四五六七八九十]{1,3})版"
    r"|(?P<n>\d+)(?:st|nd|rd|th)?\s*(?:edition|Edition|edn\.?|Ed\.)"
    r"|(?P<m>\d+)\s+ed\."
    r"|(?P<w>Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+(?:edition|Edition|ed\.)"
    r"|ed\.\s*(?P<x>\d+)"
    r")(?=\s*[.．]|\s)"
)


_EDITION_FAST = re.compile(r"版|[Ee]d(?:\.|ition|n)")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_FIRST_EDITION_FAST = re.compile(r"[1一初]\s*版|(?:1st|First)\s+ed")


@rule("G020", "first-edition", "warning", rule_ids=("GBT-EDN-01",), fixable=True)
def first_edition(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The first edition is not recorded; every other edition statement is.

    Bad: 周鲁卫. 软物质物理导论[M]. 1版. 上海: 复旦大学出版社, 2011: 1.
    Good: 周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.
    """
    if not e.code or _FIRST_EDITION_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _FIRST_EDITION.finditer(e.raw, e.tail_start):
        yield diag(
            "G020",
            f"'{m.group('e')}': the first edition is not recorded",
            f"“{m.group('e')}”: 第 1 版不著录",
            span=(m.start("e"), m.end("e")),
            fix=make_fix("remove the edition statement", (m.start(), m.end("e"), "")),
        )


@rule("G021", "edition-format", "warning", rule_ids=("GBT-EDN-02", "GBT-EDN-03"), fixable=True)
def edition_format(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Chinese edition statements are Arabic numerals plus 版 ('2版', no 第); Western ones are
    abbreviated ordinals plus 'ed.' ('4th ed.').

    Bad: 冯友兰. 冯友兰自选集[M]. 第2版. 北京: 首都师范大学出版社, 2008.
    Good: 冯友兰. 冯友兰自选集[M]. 2版. 北京: 首都师范大学出版社, 2008.
    """
    if not e.code or _EDITION_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _EDITION.finditer(e.raw, e.tail_start):
        digits = m.group("a") or m.group("n") or m.group("m") or m.group("x") or ""
        if len(digits) > 6:
            continue  # no edition: and int() refuses over 4,300 digits (an X001 once)
        if m.group("a"):
            n, cn = int(m.group("a")), True
        elif m.group("c"):
            n, cn = cn_number(m.group("c")) or 0, True
        else:
            value = m.group("n") or m.group("m") or m.group("x")
            n = int(value) if value else _ORDINAL_WORDS[m.group("w").lower()]
            cn = False
        if n <= 1:
            continue  # G020
        fixed = f"{n}版" if cn else f"{_ordinal(n)} ed"
        text = m.group()
        span_end = m.end()
        if not cn and text.endswith("."):
            span_end -= 1  # keep the period: it closes the element
            text = text[:-1]
        if text == fixed:
            continue
        shown = fixed if cn else fixed + "."
        yield diag(
            "G021",
            f"edition '{m.group()}' should read '{shown}'",
            f"版本“{m.group()}”应著录为“{shown}”",
            span=(m.start(), m.end()),
            fix=make_fix(f"write {shown}", (m.start(), span_end, fixed)),
        )


_CITIES_ZH = (
    "北京 上海 天津 重庆 南京 杭州 广州 武汉 长沙 成都 西安 济南 沈阳 长春 哈尔滨 郑州 合肥 福州 南昌 "
    "昆明 贵阳 南宁 太原 石家庄 兰州 西宁 银川 乌鲁木齐 呼和浩特 拉萨 海口 香港 台北 深圳 厦门 大连 青岛 "
    "苏州 桂林 开封 保定 澳门 无锡 宁波 扬州"
).split()


_CITIES_EN = (
    "New York|London|Oxford|Cambridge|Berlin|Boston|Chicago|Paris|Amsterdam|Singapore|Tokyo|"
    "Heidelberg|Hoboken|Philadelphia|Washington|Princeton|Beijing|Shanghai|Dordrecht|Cham|Leiden|"
    "Thousand Oaks|Los Angeles|San Francisco|Toronto|Sydney|Melbourne|Basel|Vienna|Moscow|Abingdon"
)


_CITY = "(?:" + "|".join(_CITIES_ZH) + "|" + _CITIES_EN + ")"


_PUBLISHER_WORD = r"(?:出版社|书局|印书馆|出版公司|出版集团|Press|Publishers?|Publishing|Verlag|Springer|Elsevier|Wiley)"


_CITY_COMMA = re.compile(_CITY + r"\s*[,，]")  # a cheap test before the two imprint patterns


_PUB_HINT = regex.compile(_PUBLISHER_WORD + r"[^.,，:：\[\]]{0,10}?\s*[,，]")


_SWAPPED_IMPRINT = regex.compile(
    rf"(?<=[.．]\s?)(?P<pub>[^\s.,，:：\[\]][^.,，:：\[\]]{{0,39}}?{_PUBLISHER_WORD}[^.,，:：\[\]]{{0,10}}?)"
    rf"(?P<s1>\s*[,，]\s*)(?P<place>{_CITY})(?P<s2>\s*[,，]\s*)(?=(?:1[5-9]|20)\d\d)"
)


_COMMA_IMPRINT = regex.compile(
    rf"(?<=[.．]\s?)(?P<place>{_CITY})(?P<sep>\s*[,，]\s*)"
    rf"(?=[^,，.:：\[\]]{{0,40}}?{_PUBLISHER_WORD}[^,，.:：\[\]]{{0,10}}?\s*[,，]\s*(?:1[5-9]|20)\d\d)"
)


@rule("G022", "place-publisher-order", "warning", rule_ids=("GBT-PUB-01",), fixable=True)
def place_publisher_order(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The imprint reads 'place: publisher, year': a colon after the place, the place first.

    Bad: 徐光宪, 王祥云. 物质结构[M]. 北京, 科学出版社, 2010.
    Good: 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.
    """
    if not e.code or e.type_code in ("J", "N") or _CITY_COMMA.search(e.raw, e.tail_start) is None:
        return
    if not _PUB_HINT.search(e.raw, e.tail_start):
        return
    for m in _COMMA_IMPRINT.finditer(e.raw, e.tail_start):
        yield diag(
            "G022",
            "a colon, not a comma, separates the place from the publisher",
            "出版地与出版者之间用冒号, 不用逗号",
            span=(m.start("sep"), m.end("sep")),
            fix=make_fix("write ': '", (m.start("sep"), m.end("sep"), _colon(e))),
        )
    for m in _SWAPPED_IMPRINT.finditer(e.raw, e.tail_start):
        fixed = f"{m.group('place')}{_colon(e)}{m.group('pub')}{m.group('s2')}"
        yield diag(
            "G022",
            "the place comes before the publisher: 'place: publisher, year'",
            "出版地应在出版者之前: “出版地: 出版者, 出版年”",
            span=(m.start(), m.end("place")),
            fix=make_fix(
                "write 'place: publisher, '", (m.start(), m.end("s2"), fixed), applicability=UNSAFE
            ),
        )


_SEP_IN_REGION = regex.compile(r"[.．](?!\s*[a-z])\s*")


_IMPRINT_YEAR = regex.compile(r"[,，]\s*(?:c|\[)?(?:1[4-9]\d\d|20\d\d)")
# the pages closing an author-date imprint: ': 29', '：序2-3'
_PAGES_AFTER = regex.compile(
    r"(?:\G|(?<!\s))\s*+[:：]\s*[^:：\p{Han}]{0,3}\d[\d\-–,， ]*+\p{Han}?\s*$"
)


@rule(
    "G023",
    "missing-place",
    "warning",
    rule_ids=("GBT-PUB-01", "GBT-FMT-THESIS", "GBT-PUB-04"),
    types=("M", "D"),
    editions=ONLY_2015,
)
def missing_place(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Printed monographs and theses give the place of publication before the publisher (for a
    thesis: the city of the degree-granting institution).  Unknown: [出版地不详] / [S.l.].
    Online items may omit it.  GB/T 7714-2015 only: in the 2025 tables the place is 有则必备
    (its printed examples omit it where unknown), so 2025 asks only for the publisher (G043).

    Bad: 马欢. 人类活动影响下海河流域典型区水循环变化分析[D]. 清华大学, 2011.
    Bad: 马欢, 2011. 人类活动影响下海河流域典型区水循环变化分析[D]. 清华大学: 27.
    Good: 马欢. 人类活动影响下海河流域典型区水循环变化分析[D]. 北京: 清华大学, 2011.
    Good: 马欢, 2011. 人类活动影响下海河流域典型区水循环变化分析[D]. 北京: 清华大学: 27.
    """
    if not e.code or e.type_code not in ("M", "D") or e.carrier or e.contribution:
        return
    y = _IMPRINT_YEAR.search(e.raw, e.tail_start)
    if y is not None:
        end = y.start()
        if SERIAL_BLOCK.match(e.raw, end):
            return  # a serial's numbering under [M] (G059)
    elif e.ay_year is not None:  # author-date: '[M]. 中华书局: 29.', the year in the head
        end = len(e.raw.rstrip().rstrip(".．"))
        pages = _PAGES_AFTER.search(e.raw, e.tail_start, end)
        end = pages.start() if pages else end
    else:
        return
    region = e.raw[e.tail_start : end]
    if ":" in region or "：" in region:
        return  # an imprint
    start = e.tail_start
    for sep in _SEP_IN_REGION.finditer(region):  # "Univ. of California": not a separator
        start = e.tail_start + sep.end()
    if start >= end or looks_like_place(e.raw[start:end]):
        return  # "[M]. 北京, 2018.": the publisher is missing (G043), not the place
    yield diag("G023", span=(start, end))


_YEAR_NIAN = regex.compile(
    r"(?<=[,，]\s?)(?P<y>(?:1[4-9]|20)\d\d)(?P<n>\s*年)(?=\s*(?:[.．:：\[(]|$))"
)


_NO_DATE = regex.compile(
    r"(?i)(?<![\p{Latin}])(?:n\.\s?d\.|无日期|ca\.\s*(?=\d{4}))|(?<=[,，]\s?\d{4})\?"
)


_YEAR_FORMAT_FAST = re.compile(r"\d\s*年|[nN]\.\s?[dD]\.|无日期|ca\.|\d\?")


@rule("G038", "year-format", "warning", rule_ids=("GBT-PUB-07", "GBT-PUB-08"), fixable=True)
def year_format(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The year is in Arabic numerals with no 年; an uncertain year is 'c1988', '1995印刷' or
    '[1936]', never 'n.d.', 'ca.' or '1936?'.

    Bad: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997年: 16.
    Good: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.
    """
    if not e.code or _YEAR_FORMAT_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _YEAR_NIAN.finditer(e.raw, e.tail_start):
        yield diag(
            "G038",
            "no 年 after the year",
            "出版年后不加“年”",
            span=(m.start(), m.end()),
            fix=make_fix("remove 年", (m.start("n"), m.end("n"), "")),
        )
    for m in _NO_DATE.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue
        yield diag(
            "G038",
            f"'{m.group()}' is not a GB/T 7714 date: use c1988, 1995印刷 or [1936]",
            f"“{m.group()}”不是规范的年份著录, 应用 c1988、1995印刷或 [1936]",
            span=(m.start(), m.end()),
        )


_SL = regex.compile(r"(?<![\p{Latin}.])\[?\s*[Ss]\s*\.\s*[lL]\s*\.?\s*\]?(?=\s*[:：])")


_SN = regex.compile(r"(?<=[:：]\s?)\[?\s*[Ss]\s*\.\s*[nN]\s*\.?\s*\]?(?=\s*[,，])")


_BUXIANG = regex.compile(r"(?<![\[［])出版(?P<w>[地者])不详(?![\]］])")


_SL_SN_FAST = re.compile(r"[Ss]\s*\.\s*[lLnN]|不详")


@rule(
    "G039",
    "unknown-place-publisher-form",
    "warning",
    rule_ids=("GBT-PUB-04", "GBT-PUB-05"),
    fixable=True,
)
def unknown_place_publisher(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An unknown place is '[S.l.]' (Chinese items: '[出版地不详]'), an unknown publisher
    '[s.n.]' ('[出版者不详]'), in square brackets, in exactly this case.

    Bad: KNOWLES M S. The adult learner: a neglected species[M]. Salt Lake City: [S.N.], 1964.
    Good: KNOWLES M S. The adult learner: a neglected species[M]. Salt Lake City: [s.n.], 1964.
    """
    raw = e.raw
    if not e.code or _SL_SN_FAST.search(raw) is None:
        return
    if _MERGED_SL_SN.search(raw):
        return  # the merged form, accepted
    for pattern, good in ((_SL, "[S.l.]"), (_SN, "[s.n.]")):
        for m in pattern.finditer(raw, e.tail_start):
            if m.group() == good:
                continue
            yield diag(
                "G039",
                f"'{m.group().strip()}' should be '{good}'",
                f"“{m.group().strip()}”应为“{good}”",
                span=(m.start(), m.end()),
                fix=make_fix(f"write {good}", (m.start(), m.end(), good)),
            )
    for m in _BUXIANG.finditer(raw, e.tail_start):
        good = f"[{m.group()}]"
        yield diag(
            "G039",
            f"'{m.group()}' goes in square brackets",
            f"“{m.group()}”应加方括号",
            span=(m.start(), m.end()),
            fix=make_fix(f"write {good}", (m.start(), m.end(), good)),
        )


_MULTI_PLACE = regex.compile(
    r"(?<=[.．]\s?)(?P<a>[^.;；:：\[\]\d]{2,30}?)(?P<s>[;；]\s*[^.;；:：\[\]\d]{2,30}?)(?=[:：])"
    r"|(?<=[:：]\s?)[^.;；:：\[\]]{1,40}?(?P<s2>[;；]\s*[^.;；:：\[\]\d]{1,30}?[:：]\s*[^.;；:：,，\[\]]{1,40})"
)


@rule("G040", "multiple-places", "warning", rule_ids=("GBT-PUB-03",))
def multiple_places(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Record only the first (or most prominent) place and publisher.

    Bad: CRAWFORD W, GORMAN M. Future libraries: dreams, madness, & reality[M]. London; Chicago: American Library Association, 1995.
    Good: CRAWFORD W, GORMAN M. Future libraries: dreams, madness, & reality[M]. Chicago: American Library Association, 1995.
    """
    if not e.code or e.type_code in ("J", "N") or ";" not in e.raw and "；" not in e.raw:
        return
    for m in _MULTI_PLACE.finditer(e.raw, e.tail_start):
        g = "s" if m.group("s") else "s2"
        yield diag("G040", span=(m.start(g), m.end(g)))
