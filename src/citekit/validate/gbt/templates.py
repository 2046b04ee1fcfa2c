"""GB/T 7714 rules, §2 Element order by document type (GBT-FMT): contributions ('//'), newspapers,
patents, standards, serials, author-date entries (required elements: :mod:`.required`).

Codes: G029, G030, G031, G036, G037, G044, G045, G046, G052, G053.  Each rule names the
IDs of the rules it checks in the GB/T 7714 rule catalogue
(``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ...model import Diagnostic, Severity
from .._entry import Entry
from ..registry import SAFE, UNSAFE, Context, diag, make_fix, rule
from ._shared import _YEAR, _fullwidth

_SLASH_FORM = regex.compile(
    r"\G(?P<s>\s+//\s*|//\s+|\s*/\s+/\s*|\s*／／\s*|\s*／/\s*|\s*/／\s*|\s*[.．]\s*In\s*:\s*)"
)


@rule(
    "G029",
    "double-slash-form",
    "warning",
    rule_ids=("GBT-PUNCT-04", "GBT-FMT-CONTRIB"),
    fixable=True,
)
def double_slash_form(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """'//' introduces the host of a contribution: two half-width slashes, no spaces, no 'In:'.
    Spaces around '//' (a thesis-rule variant) are reported as info.

    Bad: 贾东琴, 柯平. 面向数字素养的高校图书馆数字服务体系研究[C] // 中国图书馆学会. 中国图书馆学会年会论文集: 2011年卷. 北京: 国家图书馆出版社, 2011: 45-52.
    Good: 贾东琴, 柯平. 面向数字素养的高校图书馆数字服务体系研究[C]//中国图书馆学会. 中国图书馆学会年会论文集: 2011年卷. 北京: 国家图书馆出版社, 2011: 45-52.
    """
    if not e.code:
        return
    m = _SLASH_FORM.match(e.raw, e.code.end())
    if m is None:
        return
    text = m.group("s")
    only_spaces = text.replace(" ", "") == "//"
    sev = Severity.INFO if only_spaces else None
    applicability = UNSAFE if "In" in text else SAFE
    yield diag(
        "G029",
        f"'{text.strip()}' before the host: write '//' with no spaces",
        f"出处项前的“{text.strip()}”应为无空格的“//”",
        span=(m.start(), m.end()),
        severity=sev,
        fix=make_fix("write '//'", (m.start(), m.end(), "//"), applicability=applicability),
    )


_SLASHES = regex.compile(r"\s*//\s*")


@rule(
    "G030",
    "double-slash-for-serial",
    "warning",
    rule_ids=("GBT-FMT-ARTICLE",),
    fixable=True,
    types=("J", "N"),
)
def double_slash_for_serial(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """'//' is for contributions in monographs (books, proceedings).  A journal or newspaper
    article puts '. ' before the serial's title.

    Bad: 袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]//科学通报, 2012, 57(34): 3219.
    Good: 袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 2012, 57(34): 3219.
    """
    if e.type_code not in ("J", "N") or not e.contribution:
        return
    m = _SLASHES.match(e.raw, e.tail_start)
    if m is None:
        return
    yield diag(
        "G030",
        span=(m.start(), m.end()),
        fix=make_fix("write '. '", (m.start(), m.end(), ". "), applicability=UNSAFE),
    )


@rule(
    "G031",
    "contribution-without-double-slash",
    "warning",
    rule_ids=("GBT-FMT-CONTRIB", "GBT-FMT-CONF"),
)
def contribution_without_slash(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A chapter or conference paper (析出文献) names its host after '//', not after '. '.
    Needs the parsed item: silent when the parser did not find a book or proceedings title.

    Bad: 程根伟. 1998年长江洪水的成因与减灾对策[M]. 许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36.
    Good: 程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36.
    """
    if not e.code or e.contribution or e.type_code not in ("M", "C", "S", "G"):
        return
    if e.item("type") in ("chapter", "paper-conference"):
        host = e.item("container-title")
        if not isinstance(host, str) or not host or e.raw.find(host, e.tail_start) < 0:
            return
    elif e.type_code not in ("M", "C") or _HOST_AFTER_PERIOD.match(e.raw, e.tail_start) is None:
        return
    yield diag("G031", span=(e.code.start(), e.code.end()))


# "[M]. 许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36." — the
# host's editors, its title and an imprint closed by the contribution's page range
_HOST_AFTER_PERIOD = regex.compile(
    r"\G\s*[.．]\s*(?:\p{Han}{2,4}(?:\s*[,，]\s*\p{Han}{2,4}){0,3}(?:\s*[,，]\s*等)?"
    r"|[A-Z][A-Za-z'\-]+\s[A-Z](?:\s?[A-Z])*(?:\s*,\s*[A-Z][A-Za-z'\-]+\s[A-Z](?:\s?[A-Z])*){0,3}"
    r"(?:\s*,\s*et al\.?)?)"
    r"\s*[.．]\s*[^.．\[\]]{2,80}?\s*[.．]\s*[^.．:：\[\]]{1,30}[:：]\s*[^.．\[\]]{1,60}?[,，]\s*"
    rf"[c\[]?{_YEAR}\]?\s*[:：]\s*\d+\s*[-–—~]\s*\d+"
)


_NEWS_COLON = regex.compile(
    r"(?P<d>\d{4}-\d{2}-\d{2})(?P<s>\s*[:：]\s*|\s+)(?P<p>\d{1,3})(?=\s*(?:[.．\[]|$))"
)


_NEWS_VOL = regex.compile(r"[,，]\s*(?P<y>\d{4})\s*[,，]\s*\d+\s*\(\d+\)")


@rule(
    "G036", "newspaper-date-page", "warning", rule_ids=("GBT-FMT-NEWS",), fixable=True, types=("N",)
)
def newspaper_date_page(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A newspaper article gives the full date and then the page (版次) in parentheses:
    '中国青年报, 2000-11-20(15)'.

    Bad: 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20: 15.
    Good: 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    """
    if e.type_code != "N":
        return
    for m in _NEWS_COLON.finditer(e.raw, e.tail_start):
        yield diag(
            "G036",
            "the newspaper page goes in parentheses after the date",
            "报纸版次应置于日期后的括号内",
            span=(m.start("s"), m.end("p")),
            fix=make_fix("write (page)", (m.start("s"), m.end("p"), f"({m.group('p')})")),
        )
    for m in _NEWS_VOL.finditer(e.raw, e.tail_start):
        yield diag(
            "G036",
            "a newspaper article is dated YYYY-MM-DD(page), not year, volume(issue)",
            "报纸文章著录“出版日期(版次)”, 不用“年, 卷(期)”",
            span=(m.start("y"), m.end()),
        )


_PATENT_YEAR = regex.compile(r"\G\s*[.．]\s*(?P<y>\d{4})(?![\d\-])")


_PATENT_COUNTRY = regex.compile(
    r"(?<=[.．]\s?)(?P<c>中国|美国|日本|US|CN)\s*[:：]\s*(?=[A-Z]{0,2}\d)"
)


@rule(
    "G037",
    "patent-date",
    "warning",
    rule_ids=("GBT-FMT-PATENT", "GBT-DATE-01", "GBT-DEV-01"),
    types=("P",),
)
def patent_date(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A patent reads '持有者. 题名: 专利号[P]. 公告日期': the number is other title
    information, the date is YYYY-MM-DD, and there is no country block (2005 style).

    Bad: 邓一刚. 全智能节电器: 200610171314.3[P]. 2006.
    Good: 邓一刚. 全智能节电器: 200610171314.3[P]. 2006-12-13.
    """
    if e.type_code != "P":
        return
    m = _PATENT_YEAR.match(e.raw, e.tail_start)
    if m:
        yield diag(
            "G037",
            "a patent gives its full announcement or publication date YYYY-MM-DD",
            "专利应著录完整的公告日期或公开日期 YYYY-MM-DD",
            span=(m.start("y"), m.end("y")),
        )
    for m in _PATENT_COUNTRY.finditer(e.raw, e.tail_start):
        yield diag(
            "G037",
            "no country before the patent number (2005 style): the number goes after the title",
            "专利号前不加国别(2005 版格式), 专利号置于题名之后",
            span=(m.start(), m.end()),
        )


_TRANSLATOR_LAST = regex.compile(
    r"(?:1[4-9]|20)\d\d(?:\s*[:：]\s*[\w\-]+)?\s*[.．]\s*(?P<t>[^.．\[\]]{1,40}?[,，]?\s*译)\s*[.．]?\s*$"
)


_EB_2005 = regex.compile(
    r"(?:https?|ftp)://\S+?(?P<d>[,，]\s*\d{4}-\d{2}-\d{2}\s*/\s*\d{4}-\d{2}-\d{2})"
)


@rule("G044", "element-after-imprint", "error", rule_ids=("GBT-FMT-M", "GBT-FMT-EB", "GBT-DEV-01"))
def element_after_imprint(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Elements keep the template's order: translators come after the title, before the
    edition and imprint; for electronic resources the dates come before the URL (the 2005-era
    'URL, date/date' order is wrong).

    Bad: 哈里森, 沃尔德伦. 经济数学与金融数学[M]. 北京: 中国人民大学出版社, 2012. 谢远涛, 译.
    Good: 哈里森, 沃尔德伦. 经济数学与金融数学[M]. 谢远涛, 译. 北京: 中国人民大学出版社, 2012.
    """
    if not e.code:
        return
    if "译" in e.raw:
        m = _TRANSLATOR_LAST.search(e.raw, e.tail_start)
        if m:
            yield diag(
                "G044",
                "the translators come after the title, before the imprint",
                "译者应著录在题名之后、出版项之前",
                span=(m.start("t"), m.end("t")),
            )
    for m in _EB_2005.finditer(e.raw, e.tail_start):
        yield diag(
            "G044",
            "dates after the URL (2005 style): write (update)[cited]. URL",
            "日期位于网址之后(2005 版格式), 应为“(更新日期)[引用日期]. 网址”",
            span=(m.start("d"), m.end("d")),
        )


# the year of the imprint: ": publisher, YEAR" before ':' (pages), '[' (cited), '.' or the end
_AY_IMPRINT_YEAR = regex.compile(
    rf"[:：][^.．:：,，\[\]]{{1,80}}?(?P<sep>\s*[,，]\s*)(?P<y>{_YEAR})(?![\d\-—/])(?=\s*(?:[.．:：\[]|$))"
)


# the year of the serial slot: "[J]. 科学通报, YEAR, 57(34)" / "中国图书馆学报, YEAR(2)"
_SERIAL_YEAR = regex.compile(
    rf"\G\s*[.．]\s*[^.．,，\[\]]{{1,120}}?(?P<sep>\s*[,，]\s*)(?P<y>{_YEAR})(?![\d\-—/])(?=\s*[,，(（:：])"
)


@rule("G045", "author-date-year-repeated", "warning", rule_ids=("GBT-FMT-AY",), fixable=True)
def author_date_year_repeated(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """In an author-date (著者-出版年制) list the year moves right after the responsible
    parties and is dropped from the imprint ('北京: 中华书局: 29') and from the serial slot
    ('科学通报, 57(34): 3219').  Dates that are not bare years (newspaper, patent, update and
    citation dates) stay where they are.  The safe fix removes the repeated year.

    Bad: 尼葛洛庞帝, 1996. 数字化生存[M]. 胡泳, 范海燕, 译. 海口: 海南出版社, 1996.
    Good: 尼葛洛庞帝, 1996. 数字化生存[M]. 胡泳, 范海燕, 译. 海口: 海南出版社.
    """
    if not e.code:
        return
    head = e.ay_year
    if head is None:
        return
    year = head.group("n")
    if year not in e.raw[e.tail_start :]:
        return
    found = []
    if e.type_code in ("J", "N"):
        m = _SERIAL_YEAR.match(e.raw, e.tail_start)
        if m and m.group("y") == year:
            found.append(m)
    for m in _AY_IMPRINT_YEAR.finditer(e.raw, e.tail_start):
        if m.group("y") == year and not e.in_url(m.start("y")):
            found.append(m)
    for m in found:
        yield diag(
            "G045",
            f"the year {year} is repeated: in an author-date list it stands only after the names",
            f"出版年 {year} 重复: 著者-出版年制中只著录在责任者之后",
            span=(m.start("y"), m.end("y")),
            fix=make_fix("remove the repeated year", (m.start("sep"), m.end("y"), "")),
        )


_DOT_YEAR = regex.compile(rf"\G(?P<y>{_YEAR}[a-z]?)(?=[.．](?:\s|\p{{Han}}))")


@rule("G046", "name-year-delimiter", "warning", rule_ids=("GBT-FMT-AY", "GBT-DEV-06"), fixable=True)
def name_year_delimiter(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An author-date entry reads 'Name, Year. Title' in GB/T 7714-2015 and -2025 (all
    reference implementations; 'Name. Year.' is an older school style).  Set the profile option
    ``name-year-delimiter = "period"`` to accept the old form.

    Bad: 杨宗英. 1996. 电子图书馆的现实模型[J]. 中国图书馆学报(2): 24-29.
    Good: 杨宗英, 1996. 电子图书馆的现实模型[J]. 中国图书馆学报(2): 24-29.
    """
    if not e.code or e.head_end is None or e.ay_year is not None:
        return
    if ctx.option("name_year_delimiter", "comma") != "comma":
        return
    m = _DOT_YEAR.match(e.raw, e.title_start)
    if m is None or e.head_end <= e.body:
        return
    s, t = e.head_end, e.title_start
    yield diag(
        "G046",
        span=(s, s + 1),
        fix=make_fix("write ', ' before the year", (s, t, "，" if _fullwidth(e) else ", ")),
    )


_RANGE_LATE = regex.compile(
    rf"\G\s*[.．]\s*[^.．\[\]:：]{{1,40}}[:：][^.．\[\]]{{1,80}}?[,，]\s*(?P<r>{_YEAR}\s*[,，]\s*\d+\s*[(（]\d+[)）]\s*[-—–])"
)


_SERIAL_RANGE_FAST = re.compile(r"[)）] ?[-—–]")


@rule("G052", "serial-range-after-imprint", "warning", rule_ids=("GBT-FMT-SERIAL",), types=("J",))
def serial_range_after_imprint(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A whole serial (连续出版物) reads 'title[J]. year, volume(issue)-. place: publisher,
    year-.': the holdings range comes before the imprint.

    Bad: 中华医学会湖北分会. 临床内科杂志[J]. 武汉: 中华医学会湖北分会, 1984, 1(1)-.
    Good: 中华医学会湖北分会. 临床内科杂志[J]. 1984, 1(1)-. 武汉: 中华医学会湖北分会, 1984-.
    """
    if e.type_code != "J" or e.contribution or _SERIAL_RANGE_FAST.search(e.raw) is None:
        return
    m = _RANGE_LATE.match(e.raw, e.tail_start)
    if m:
        yield diag("G052", span=(m.start("r"), m.end("r")))


_STDNUM = (
    r"(?:GB(?:/[TZ])?|GBZ|GJB|[A-Z]{2}/[TZ]|ISO(?:/IEC)?(?:/IEEE)?|IEC(?:/IEEE)?|ANSI|BS|DIN|EN|JIS|ASTM|IEEE)"
    r"\s?[A-Z]?\s?\d+(?:[.\-]\d+)*(?:\s?[—–\-:]\s?(?:19|20)\d\d)"
)


_STD_FIRST = regex.compile(rf"\A(?P<n>{_STDNUM})(?P<s>[\s\u3000]+)(?=\S)")


_STD_LAST = regex.compile(rf"(?:\G|(?<!\s))(?P<s>\s*+[:：]\s*)(?P<n>{_STDNUM})\s*\Z")


@rule("G053", "standard-number-position", "warning", rule_ids=("GBT-FMT-STD",), types=("S",))
def standard_number_position(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2015 records the standard number as other title information after the title
    ('信息与文献　都柏林核心元数据元素集: GB/T 25100—2010[S]'); GB/T 7714-2025 puts it first,
    'number title[S]' ('GB/T 3792—2021　信息与文献　资源描述[S].').

    Bad: GB/T 25100—2010 信息与文献　都柏林核心元数据元素集[S]. 北京: 中国标准出版社, 2010.
    Good: 全国信息与文献标准化技术委员会. 信息与文献　都柏林核心元数据元素集: GB/T 25100—2010[S]. 北京: 中国标准出版社, 2010.
    """
    if e.type_code != "S" or e.contribution:
        return
    title = e.title
    s0 = e.title_start
    if ctx.standard == "gbt7714-2025":
        m = _STD_LAST.search(title)
        if m:
            yield diag(
                "G053",
                "GB/T 7714-2025 writes the standard number before the title: 'number title[S]'",
                "GB/T 7714-2025 将标准编号著录在标准名称之前: “标准编号 标准名称[S]”",
                span=(s0 + m.start("n"), s0 + m.end("n")),
            )
    else:
        m = _STD_FIRST.match(title)
        if m:
            yield diag(
                "G053",
                "GB/T 7714-2015 writes the standard number after the title: 'title: number[S]'",
                "GB/T 7714-2015 将标准编号作为其他题名信息著录在题名之后: “题名: 标准编号[S]”",
                span=(s0 + m.start("n"), s0 + m.end("n")),
            )
