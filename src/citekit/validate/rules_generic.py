"""Generic rules: characters (E), brackets and quotes (B), dates (D), identifiers (I).

E001-E005, B001, B002 and D001 were ``citekit.checks``; codes and behaviour are unchanged.
They read the raw string (spans point into it), never the normalised view.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

import regex

from ..csl import year_of
from ..model import Applicability, Diagnostic, Edit, Fix, Span
from ..text.identifiers import (
    DOI_SYNTAX,
    ISBN_CANDIDATE,
    ISSN_CANDIDATE,
    isbn_valid,
    issn_valid,
)
from ._entry import Entry
from .registry import Context, diag, rule

# --- characters --------------------------------------------------------------------------

_FFFD = regex.compile("\ufffd+")
_SQUARE = regex.compile("\u25a1+")
_GBK_MOJIBAKE = regex.compile("(?:锟斤拷)+|烫{2,}|屯{2,}")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_CONTROL_FAST = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A lead byte (U+00C2..U+00F4 as Latin-1/cp1252) followed by continuation bytes shown as
# cp1252 characters: the mark of UTF-8 decoded once too often.
_CP1252_CONT = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_LEAD_BYTE = re.compile("[\u00c2-\u00f4]")
_DOUBLE_UTF8 = regex.compile(f"(?:[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}})+")


def _undo_double_encoding(text: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != text:
            return fixed
    return None


@rule("E001", "replacement-character", "error")
def replacement_character(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """U+FFFD (�) stands where a conversion lost a character; the original must be restored by hand.

    Bad: LI X. ��研究[J]. 科学, 2001.
    Good: LI X. 研究[J]. 科学, 2001.
    """
    if "\ufffd" in e.raw:
        # a U+FFFD that stands for a lone surrogate is reported as E006 already
        scrubbed = [d.span for d in e.ref.diagnostics if d.code == "E006" and d.span]
        for m in _FFFD.finditer(e.raw):
            if not any(s.start <= m.start() and m.end() <= s.end for s in scrubbed):
                yield diag("E001", span=(m.start(), m.end()))


@rule("E002", "placeholder-square", "error")
def placeholder_square(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A white square □ is what databases print for a character they could not convert.

    Bad: OSBORNE S P. Beyond co□production[J]. Public Administration, 2021, 99(4): 641-657.
    Good: OSBORNE S P. Beyond co-production[J]. Public Administration, 2021, 99(4): 641-657.
    """
    if "\u25a1" in e.raw:
        for m in _SQUARE.finditer(e.raw):
            yield diag("E002", span=(m.start(), m.end()))


@rule("E003", "gbk-utf8-mojibake", "error")
def gbk_mojibake(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """锟斤拷, 烫烫烫 and 屯屯屯 are UTF-8 bytes decoded as GBK (or uninitialised memory).

    Bad: 王刚. 锟斤拷锟斤拷研究[J]. 中国行政管理, 2016(2).
    Good: 王刚. 行政审批研究[J]. 中国行政管理, 2016(2).
    """
    raw = e.raw
    if "锟" not in raw and "烫烫" not in raw and "屯屯" not in raw:
        return
    for m in _GBK_MOJIBAKE.finditer(raw):
        yield diag("E003", span=(m.start(), m.end()))


@rule("E004", "double-encoded-utf8", "error", fixable=True)
def double_utf8(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """UTF-8 decoded twice (é shown as Ã©).  The safe fix decodes it once more.

    Bad: GARCIA M. CafÃ© culture[J]. J Food, 2001, 3: 1-2.
    Good: GARCIA M. Café culture[J]. J Food, 2001, 3: 1-2.
    """
    if _LEAD_BYTE.search(e.raw) is None:
        return  # no U+00C2..U+00F4: no double-encoded sequence can start
    for m in _DOUBLE_UTF8.finditer(e.raw):
        fixed = _undo_double_encoding(m.group())
        if fixed is None:
            continue
        span = Span(m.start(), m.end())
        yield diag(
            "E004",
            f"double-encoded UTF-8: '{m.group()}' should read '{fixed}'",
            f"双重编码乱码: “{m.group()}”应为“{fixed}”",
            span=span,
            fix=Fix(f"replace with '{fixed}'", (Edit(span, fixed),), Applicability.SAFE),
        )


@rule("E005", "control-character", "error", fixable=True)
def control_character(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Control characters (other than tab and line breaks) are invisible debris; the safe fix removes them.

    Bad: SMITH J.\\x07 Title[J]. Nature, 2001.
    Good: SMITH J. Title[J]. Nature, 2001.
    """
    if _CONTROL_FAST.search(e.raw) is None:
        return
    for m in _CONTROL.finditer(e.raw):
        span = Span(m.start(), m.end())
        yield diag(
            "E005",
            f"control character U+{ord(m.group()[0]):04X} in the reference",
            f"含有控制字符 U+{ord(m.group()[0]):04X}",
            span=span,
            fix=Fix("remove the control characters", (Edit(span, ""),), Applicability.SAFE),
        )


# --- brackets and quotes -----------------------------------------------------------------

# Families: an opener is closed by any closer of its family (full- or half-width alike:
# mixing widths is a separate finding).
_BRACKETS = {
    "(": "round",
    "（": "round",
    ")": "round",
    "）": "round",
    "[": "square",
    "［": "square",
    "【": "square",
    "〔": "square",
    "]": "square",
    "］": "square",
    "】": "square",
    "〕": "square",
    "{": "curly",
    "｛": "curly",
    "}": "curly",
    "｝": "curly",
}
_OPENERS = set("(（[［【〔{｛")
_QUOTES = {
    "《": ("title", True),
    "》": ("title", False),
    "〈": ("angle", True),
    "〉": ("angle", False),
    "“": ("double", True),
    "”": ("double", False),
    "「": ("corner", True),
    "」": ("corner", False),
    "『": ("white-corner", True),
    "』": ("white-corner", False),
}
_PAIR_TEXT = {
    "round": "()",
    "square": "[]",
    "curly": "{}",
    "title": "《》",
    "angle": "〈〉",
    "double": "“”",
    "corner": "「」",
    "white-corner": "『』",
}
_MARKS = re.compile("[" + re.escape("".join(_BRACKETS) + "".join(_QUOTES)) + '"]')


def _balance(e: Entry) -> Iterator[Diagnostic]:
    raw = e.raw
    start = e.body  # a "1)" label has no opener
    stacks: dict[str, list[int]] = {}
    straight: list[int] = []
    for m in _MARKS.finditer(raw, start):
        i, ch = m.start(), m.group()
        if ch == '"':
            straight.append(i)
            continue
        if ch in _BRACKETS:
            family, opens, code = _BRACKETS[ch], ch in _OPENERS, "B001"
        else:
            (family, opens), code = _QUOTES[ch], "B002"
        stack = stacks.setdefault(family, [])
        if opens:
            stack.append(i)
        elif stack:
            stack.pop()
        else:
            opener = _PAIR_TEXT[family][0]
            yield diag(
                code,
                f"'{ch}' closes nothing: no matching '{opener}' before it",
                f"“{ch}”前面没有与之配对的“{opener}”",
                span=(i, i + 1),
            )
    for family, stack in stacks.items():
        code = "B001" if family in ("round", "square", "curly") else "B002"
        closer = _PAIR_TEXT[family][1]
        for i in stack:
            yield diag(
                code,
                f"'{raw[i]}' is never closed: no matching '{closer}'",
                f"“{raw[i]}”没有与之配对的“{closer}”",
                span=(i, i + 1),
            )
    # Straight double quotes pair up among themselves.
    if len(straight) % 2:
        i = straight[-1]
        yield diag("B002", "unpaired '\"'", '直引号“"”不配对', span=(i, i + 1))


@rule("B001", "unbalanced-bracket", "warning")
def unbalanced_bracket(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Every bracket is closed; full- and half-width brackets close each other (mixing is W001).

    Bad: 王刚. 研究(上[J]. 管理, 2016(2).
    Good: 王刚. 研究(上)[J]. 管理, 2016(2).
    """
    return (d for d in _balanced(e) if d.code == "B001")


@rule("B002", "unbalanced-quote", "warning")
def unbalanced_quote(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Every quotation mark and title mark 《》 is closed.

    Bad: Alford J. “Public value. Review, 2008.
    Good: Alford J. “Public value”. Review, 2008.
    """
    return (d for d in _balanced(e) if d.code == "B002")


_FAST_KIND = {ch: (_BRACKETS[ch], ch in _OPENERS) for ch in _BRACKETS}
_FAST_KIND.update({ch: v for ch, v in _QUOTES.items()})


def _looks_balanced(raw: str, start: int) -> bool:
    """A quick scan (no spans, no messages) that is true when every bracket and quote pairs up."""
    marks = _MARKS.findall(raw, start)
    if not marks:
        return True
    stack: list[str] = []
    straight = 0
    for ch in marks:
        if ch == '"':
            straight += 1
            continue
        family, opens = _FAST_KIND[ch]
        if opens:
            stack.append(family)
        elif not stack or stack[-1] != family:
            if family not in stack:
                return False
            # a closer of another family than the innermost opener: let the full scan decide
            return False
        else:
            stack.pop()
    return not stack and straight % 2 == 0


def _balanced(e: Entry) -> list[Diagnostic]:
    cached = e.__dict__.get("_balance")
    if cached is None:
        if _looks_balanced(e.raw, e.body):
            cached = []
        else:
            cached = list(_balance(e))
        e.__dict__["_balance"] = cached
    return cached


# --- dates -------------------------------------------------------------------------------

_YEAR_IN_TEXT = regex.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


# the year of a standard's number: "GB/T 3792.4—2009", "ISO 15836:2009"
_STANDARD_YEAR = regex.compile(r"\d\s?[—–\-:]\s?(?:1[4-9]|20)\d\d(?!\d)")


@rule("D001", "missing-year", "warning")
def missing_year(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A reference needs its year of publication (GB/T 7714 has no 'n.d.'); an online item
    ([…/OL]) may give only its citation date, and under GB/T 7714-2025 only its URL (the
    standard's own examples: '国家测绘地理信息局. 一带一路…地势图[CM/OL]. http://…').

    Bad: SMITH J. A book[M]. Berlin: Springer.
    Good: SMITH J. A book[M]. Berlin: Springer, 2001.
    """
    ref = e.ref
    if not ref.raw.strip() or year_of(ref.item) is not None:
        return
    issued = ref.item.get("issued")
    if isinstance(issued, dict) and issued.get("literal"):
        return  # a verbatim date such as "1865(清同治四年)" is a date
    if e.online and e.access_dates:
        return  # an online item may give only its citation date (rules.md GBT-PUB-08)
    if e.ay_year is not None:
        return  # "Anon，[2013]. …", "[2025a]": the author-date head gives the year
    if ctx.standard == "gbt7714-2025" and e.online and e.urls:
        return  # 2025 prints online items with a URL and no date at all ("…[CM/OL]. http://…")
    if e.type_code == "S" and _STANDARD_YEAR.search(e.title):
        return  # "GB/T 3792.4—2009 文献著录…[S]." (2025): the number carries the year
    if _YEAR_IN_TEXT.search(ref.raw):
        # The text has a year the parser did not take: say so, but gently.
        yield diag(
            "D001", "no year of publication was recognised in the reference", "未识别出出版年"
        )
    else:
        yield diag("D001")


def _field_span(e: Entry, name: str) -> Span | None:
    ev = e.ref.fields.get(name) if e.ref.fields else None
    return ev.span if ev is not None else None


@rule("D002", "implausible-year", "warning")
def implausible_year(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The parsed year of publication lies after next year or before 1000: usually a typo or a
    page or issue number taken for the year.  Classical works give the Gregorian year of the
    edition.  "Next year" counts from the reference date: the profile option ``reference-date``
    (``YYYY-MM-DD``, for reproducible runs) or today.

    Bad: 王刚. 行政审批研究[J]. 中国行政管理, 2106, 32(2): 1-5.
    Good: 王刚. 行政审批研究[J]. 中国行政管理, 2016, 32(2): 1-5.
    """
    year = year_of(e.ref.item) if e.ref.item else None
    span = _field_span(e, "issued")
    if year is None:
        # the parser took no year (it may not read 2106 as one): the number in a GB/T entry's
        # year slot ("刊名, 2106, 32(2)", "出版者, 2106.") is the year as written
        m = _YEAR_SLOT.search(e.raw, e.tail_start) if e.code else None
        if m is None:
            return
        year, span = int(m.group("y")), Span(m.start("y"), m.end("y"))
    lo = ctx.option("min_year", 1000)
    hi = ctx.option("max_year", _reference_year(ctx.option("reference_date")) + 1)
    if lo <= year <= hi:
        return
    yield diag(
        "D002",
        f"the year of publication {year} is implausible (outside {lo}-{hi})",
        f"出版年 {year} 不合常理(不在 {lo}-{hi} 之间)",
        span=span,
        field="issued",
    )


# a four-digit number after the comma that closes a serial title or a publisher
_YEAR_SLOT = regex.compile(r"[,，]\s*(?P<y>\d{4})(?=\s*(?:[,，(（:：.．\[]|$))")


def _reference_year(value: object) -> int:
    """The year of the reference date (a ``YYYY-MM-DD`` option, or a date), today's by default."""
    if isinstance(value, date):
        return value.year
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}$", value.strip()):
        return int(value.strip()[:4])
    return date.today().year


# no lookbehind (it disables the regex engine's fast scan): the character before is tested in code
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\-/])")


@rule("D003", "invalid-date", "error", rule_ids=("GBT-DATE-01",))
def invalid_date(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A YYYY-MM-DD date must exist: months 01-12, days within the month.

    Bad: 余建斌. 我们的科技一直在追赶[N]. 人民日报, 2013-01-32(2).
    Good: 余建斌. 我们的科技一直在追赶[N]. 人民日报, 2013-01-12(2).
    """
    if "-" not in e.raw:
        return
    raw = e.raw
    for m in _ISO_DATE.finditer(raw, e.body):
        if m.start() > 0 and raw[m.start() - 1] in "0123456789-/":
            continue
        y, mo, d = (int(x) for x in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 28:
            continue
        if e.in_url(m.start()):
            continue
        y, mo, d = (int(x) for x in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            continue
        yield diag(
            "D003",
            f"'{m.group()}' is not a date: month or day out of range",
            f"“{m.group()}”不是有效日期: 月或日超出范围",
            span=(m.start(), m.end()),
        )


@rule("D004", "accessed-before-published", "warning", rule_ids=("GBT-DATE-03",))
def accessed_before_published(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The citation date [YYYY-MM-DD] records when the cited resource was consulted, so it
    cannot precede the year of publication.

    Bad: 杨保军. 新闻道德论[M/OL]. 北京: 中国人民大学出版社, 2010[2001-11-01]. http://apabi.lib.pku.edu.cn/.
    Good: 杨保军. 新闻道德论[M/OL]. 北京: 中国人民大学出版社, 2010[2012-11-01]. http://apabi.lib.pku.edu.cn/.
    """
    if not e.access_dates:
        return
    year = year_of(e.ref.item) if e.ref.item else None
    if year is None:
        return
    for m in e.access_dates:
        if int(m.group("y")) < year:
            yield diag(
                "D004",
                f"citation date {m.group()} is before the year of publication {year}",
                f"引用日期 {m.group()} 早于出版年 {year}",
                span=(m.start(), m.end()),
            )


# --- identifiers -------------------------------------------------------------------------


@rule("I001", "invalid-doi", "error", rule_ids=("GBT-ACC-02",))
def invalid_doi(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A DOI name is '10.' + a registrant code of 4-9 digits + '/' + a suffix, with no spaces.

    Bad: FRESE K S. Next-generation sequencing[J]. Biology, 2013, 2(1): 378-398. DOI:10.3390biology2010378.
    Good: FRESE K S. Next-generation sequencing[J]. Biology, 2013, 2(1): 378-398. DOI:10.3390/biology2010378.
    """
    seen = False
    for s, end, value in e.dois:
        seen = True
        if not DOI_SYNTAX.fullmatch(value):
            yield diag(
                "I001",
                f"'{value}' is not a DOI: expected 10.<registrant>/<suffix>",
                f"“{value}”不是有效的 DOI, 应为 10.前缀/后缀",
                span=(s, end),
                field="DOI",
            )
    doi = e.item("DOI")
    if not seen and isinstance(doi, str) and doi and not DOI_SYNTAX.fullmatch(doi.strip()):
        yield diag(
            "I001",
            f"'{doi}' is not a DOI: expected 10.<registrant>/<suffix>",
            f"“{doi}”不是有效的 DOI",
            span=_field_span(e, "DOI"),
            field="DOI",
        )


@rule("I002", "isbn-check-digit", "error")
def isbn_check(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An ISBN has 10 or 13 digits (the last of an ISBN-10 may be X) and a correct check digit.

    Bad: 陈登原. 国史旧闻[M]. 北京: 中华书局, 2000. ISBN 978-0-306-40615-6.
    Good: 陈登原. 国史旧闻[M]. 北京: 中华书局, 2000. ISBN 978-0-306-40615-7.
    """
    if "isbn" not in e.raw.lower():
        return
    for m in ISBN_CANDIDATE.finditer(e.raw):
        if not isbn_valid(m.group("v")):
            yield diag(
                "I002",
                f"ISBN {m.group('v')} has a wrong length or check digit",
                f"ISBN {m.group('v')} 长度或校验位错误",
                span=(m.start("v"), m.end("v")),
                field="ISBN",
            )


@rule("I003", "issn-check-digit", "error")
def issn_check(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An ISSN is 8 characters, NNNN-NNNC, whose check digit C (0-9 or X) is correct.

    Bad: 陈建军. 从数字地球到智慧地球[J]. 国土资源导刊, 2010, 7(10): 93. ISSN 1672-5604.
    Good: 陈建军. 从数字地球到智慧地球[J]. 国土资源导刊, 2010, 7(10): 93. ISSN 1672-5603.
    """
    if "issn" not in e.raw.lower():
        return
    for m in ISSN_CANDIDATE.finditer(e.raw):
        if not issn_valid(m.group("v")):
            yield diag(
                "I003",
                f"ISSN {m.group('v')} has a wrong check digit",
                f"ISSN {m.group('v')} 校验位错误",
                span=(m.start("v"), m.end("v")),
                field="ISSN",
            )


_URL_START = regex.compile(
    r"(?i)(?<![\w])(?P<s>h+t+p+s?|ftp)(?P<sep>\s*[:：]\s*[/／]\s*[/／]?|[/／][/／]|[:：][/／](?![/／]))"
    r"(?=[\w\[])"
)


@rule("I004", "malformed-url", "warning", rule_ids=("GBT-ACC-01",), fixable=True)
def malformed_url(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A URL starts with http://, https:// or ftp://: no missing or full-width colon or slash,
    no spaces inside.  The safe fix repairs the scheme separator.

    Bad: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http：//www.creader.com/news/20011219/200112190019.html.
    Good: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.
    """
    raw = e.raw
    if "tp" not in raw:
        return
    for m in _URL_START.finditer(raw):
        scheme, sep = m.group("s"), m.group("sep")
        low = scheme.lower()
        good_scheme = low in ("http", "https", "ftp")
        if sep == "://" and good_scheme:
            continue
        fixed_scheme = low if good_scheme else ("https" if low.endswith("s") else "http")
        span = Span(m.start(), m.end())
        yield diag(
            "I004",
            f"malformed URL start '{m.group()}': expected '{fixed_scheme}://'",
            f"网址开头“{m.group()}”格式错误, 应为“{fixed_scheme}://”",
            span=span,
            field="URL",
            fix=Fix(
                f"write '{fixed_scheme}://'",
                (Edit(span, fixed_scheme + "://"),),
                Applicability.SAFE,
            ),
        )
