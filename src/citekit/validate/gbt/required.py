"""GB/T 7714 rules, required elements by document type (GBT-FMT-*, and the 2025 tables of
必备/有则必备/可选 elements): G043 names a missing element with the caret where it belongs;
G059 reports a type code whose entry has another type's shape.

The tables (:data:`REQUIRED`) say, per edition and per form of entry, which elements the
validator can see in a raw string and must find.  They were drawn up from each edition's
templates (2015 chapter 4, 2025 chapter 8 tables) read against the standard's own printed
examples (``tests/fixtures/validate/gold-clean.jsonl`` and ``gold-2025.jsonl``): an element
that some printed example of the form leaves out is not in the table (it is 有则必备 at most,
and a string cannot tell whether it exists).  Elements other rules already check are left to
them: the year (D001), the URL of an online item (G005), a blanked-out place or publisher
around a colon (here, as before), the place of a thesis (G023).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...model import Diagnostic
from ...text.lexicons import words
from .._entry import Entry
from ..registry import Context, diag, rule
from ._shared import _YEAR

__all__ = ["REQUIRED", "SERIAL_BLOCK", "element_form", "looks_like_place"]

# edition -> form -> the elements the validator requires (names as in ELEMENTS)
REQUIRED: dict[str, dict[str, tuple[str, ...]]] = {
    "gbt7714-2015": {
        # 4.1: 出版地: 出版者, 出版年 (unknown: [出版地不详] / [出版者不详]) — M C G D S CM
        "monograph": ("place", "publisher"),
        # 4.2: the host's imprint; the printed conference papers may omit place and publisher
        "contribution": ("host",),
        "contribution-monograph": ("host", "place", "publisher"),
        # 4.4: 连续出版物题名, 年, 卷(期): 页码
        "article": ("serial",),
        # 4.4 / 8.8.5: 报纸名, 出版日期(版次)
        "newspaper": ("serial", "date"),
        # 4.5: 公告日期或公开日期
        "patent": ("date",),
    },
    "gbt7714-2025": {
        # the 2025 tables: the publisher is 必备, the place 有则必备 (printed examples omit it)
        "monograph": ("publisher",),
        "contribution": ("host",),
        "contribution-monograph": ("host", "publisher"),
        "article": ("serial",),
        "newspaper": ("serial", "date"),
        "patent": ("date",),
    },
}

ELEMENTS: dict[str, tuple[str, str]] = {
    "title": ("the title", "题名"),
    "place": ("the place of publication", "出版地"),
    "publisher": ("the publisher", "出版者"),
    "host": ("the title of the host publication after '//'", "析出文献的出处(专著或会议录题名)"),
    "serial": ("the title of the serial (journal or newspaper)", "连续出版物题名(刊名或报纸名)"),
    "date": ("the full date YYYY-MM-DD", "完整的出版日期(YYYY-MM-DD)"),
}

_UNKNOWN = {
    "place": ("[S.l.] / [出版地不详]", "[出版地不详] 或 [S.l.]"),
    "publisher": ("[s.n.] / [出版者不详]", "[出版者不详] 或 [s.n.]"),
}

# whole items that carry an imprint by type code (online EB-like types may omit it)
_MONOGRAPH_2015 = frozenset({"M", "C", "G", "D", "S", "CM"})
_MONOGRAPH_2025 = frozenset({"M", "C", "G", "D"})


def element_form(e: Entry, standard: str) -> str | None:
    """The form of entry whose required elements apply (a key of ``REQUIRED[standard]``), or
    None when the table has nothing to require of this entry."""
    t = e.type_code
    if t is None:
        return None
    if e.contribution:
        return "contribution-monograph" if t in ("M", "G", "S") else "contribution"
    if t == "J":
        return "article"
    if t == "N":
        return "newspaper"
    if t == "P":
        return "patent"
    whole = _MONOGRAPH_2025 if standard == "gbt7714-2025" else _MONOGRAPH_2015
    if t in whole and not (t in ("S", "CM") and e.online):
        return "monograph"
    return None


# --- seeing the elements in the raw string --------------------------------------------------

# an element separator: not the period of "Univ. of", "Inc., 1982", "Colo.: "
# (nor the stops of initials: "M.E. Sharpe")
_SEP = r"(?:(?<!(?<!\p{L})\p{Lu})[.．](?!\s*[a-z,，:：])\s*)"
_SEP_RE = regex.compile(_SEP)
# the year that closes an imprint or a serial slot (c1980, [1995], 1865(清同治四年) included)
# (the comma starts after a non-space or where the search does: linear over long space runs)
_IMPRINT_YEAR = regex.compile(
    rf"(?P<sep>(?:\G|(?<!\s))\s*[,，]\s*|{_SEP}|\A\s*)(?P<y>[c\[]?{_YEAR}\]?)(?!\d)"
)
_DATE = regex.compile(r"(?<!\d)(?:1[4-9]|20)\d\d-\d{1,2}-\d{1,2}(?!\d)")
# the tail's first element starts with a year: no serial title before it
_LEADING_YEAR = regex.compile(rf"\G\s*[.．]\s*(?P<y>{_YEAR})(?!\d)")
# a whole serial: "1984, 1(1)-." / "1957(1)-1990(4)." / "1979，1（1）—."
_SERIAL_RANGE = regex.compile(rf"\G\s*[.．]\s*{_YEAR}\s*(?:[,，]\s*\d+\s*)?[(（]\d+[)）]\s*[-—–]")
_LEADING_DATE = regex.compile(r"\G\s*[.．]\s*(?P<y>(?:1[4-9]|20)\d\d)-\d{1,2}-\d{1,2}")
# where the access part starts: a citation date, a URL or a DOI
_ACCESS = regex.compile(r"\[\d{4}-\d{2}-\d{2}\]|\b(?:https?|ftp)://|\bDOI\s*[:：]|\bdoi\.org/")
# a serial's numbering block: ", 279(5359): 2063" / "(2): 24" / ", 8: 473"
SERIAL_BLOCK = regex.compile(
    rf"[,，]\s*{_YEAR}\s*(?:[,，]\s*\d+\s*(?:[(（][^()（）]{{1,8}}[)）])?|[(（][^()（）]{{1,8}}[)）])"
    r"\s*[:：]\s*\d"
)
# a serial's numbers closing the entry without pages: '管理世界, 2022, 38(12).', '…, 1978(1).'
_SERIAL_END = regex.compile(
    rf"[,，]\s*{_YEAR}\s*(?:[,，]\s*\d+\s*)?[(（]\s*\d{{1,3}}(?:\s*/\s*\d{{1,3}})?\s*[)）]\s*[.．]?\s*$"
)
_PARENTHESIS = regex.compile(r"[(（][^()（）]*[)）]")
# a book's imprint under another code: ". Place: Publisher, YEAR" with nothing serial after it,
# after the elements only books have (edition '2版' '4th ed.' '修订本', translators '…, 译')
# After a full stop all the spaces, or all but one (what a one-character place or element can
# need): giving back more retried the rest of the run at each space (3,400 spaces: 0.9 s).
_ALL_SPACES = r"(?:\s*+|\s*(?=\s(?!\s)))"
_BOOK_ELEMENT = rf"[^.．\[\]]{{1,40}}?(?:版|本|ed|edn|译|trans)[.．]{_ALL_SPACES}"
_BOOK_IMPRINT = regex.compile(
    rf"\G\s*[.．]{_ALL_SPACES}(?P<book>(?:{_BOOK_ELEMENT})*)"
    # after the colon all the spaces, or all but one or two: the only splits the publisher's
    # {2,60} can need (giving back more retried the rest at each space: 4,000 spaces took 5 s)
    rf"(?P<place>[^.．,，:：\[\]]{{1,30}}?(?:,\s*[A-Z][a-z]{{1,5}}\.)?)\s*[:：]"
    r"(?:\s*+|\s*(?=\s(?!\s))|\s*(?=\s\s(?!\s)))"
    rf"(?P<pub>[^.．:：\[\]]{{2,60}}?)\s*[,，]\s*(?P<y>{_YEAR})(?!\d)(?!\s*[,，(（]\s*\d)"
)

_PLACES = words("places-zh") | words("places-world")
_PUBLISHER_WORDS = tuple(words("publisher-words") | words("institution-words"))


def looks_like_place(text: str) -> bool:
    text = text.strip(" ,，.．")
    if not text or text.startswith("["):
        return False
    if any(w in text for w in _PUBLISHER_WORDS):
        return False
    if text in _PLACES or text.split(",")[0].strip() in _PLACES:
        return True
    # a short Chinese name with no publisher word: 金陵, 桂林 (not 上海書局: four characters)
    return len(text) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _access_start(e: Entry, start: int) -> int:
    m = _ACCESS.search(e.raw, start)
    return m.start() if m else len(e.raw)


# After '//': two or more personal names (Chinese 2-4 characters, or 'FAMILY I I'), then
# straight the imprint 'place: publisher, year' — no title between them.  One name alone is
# not read as editors: a short host title ('//船山全书. 长沙: ...') has the same shape.
_PERSON = r"(?:\p{Han}{2,4}|\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}){1,3})"
_HOST_NAMES_ONLY = regex.compile(
    rf"{_PERSON}(?:\s*[,，]\s*{_PERSON})+(?:\s*[,，]\s*(?:等|et al\.?))?"
    r"(?P<stop>\s*\.\s*)(?=[^.:：/\[\]]{1,40}[:：]\s*[^,，.:：]{1,80}[,，]\s*c?\d{4})"
)


def _host_start(e: Entry) -> int | None:
    """Where the host's title starts (after '//' and the host's responsible party), or None
    when nothing follows the '//'."""
    i = e.raw.find("//", e.tail_start)
    if i < 0:
        return None
    i += 2
    while i < len(e.raw) and e.raw[i] in " \u3000":
        i += 1
    return i if i < _access_start(e, i) else None


def _missing(e: Entry, element: str, span: tuple[int, int], why: str = "") -> Diagnostic:
    en, zh = ELEMENTS[element]
    unknown = _UNKNOWN.get(element)
    tail_en = f" (unknown: {unknown[0]})" if unknown else ""
    tail_zh = f"(不详时著录 {unknown[1]})" if unknown else ""
    return diag(
        "G043",
        f"{en} is missing{why}{tail_en}",
        f"缺少{zh}{tail_zh}",
        span=span,
        field=element,
    )


def _imprint_findings(
    e: Entry, start: int, needed: tuple[str, ...], standard: str
) -> Iterator[Diagnostic]:
    """Place and publisher before the imprint year, from ``start`` (the tail or the host)."""
    end = _access_start(e, start)
    years = [
        m for m in _IMPRINT_YEAR.finditer(e.raw, start, end) if not _DATE.match(e.raw, m.start("y"))
    ]
    if not years:
        if e.ay_year is not None:  # author-date: the year went to the head
            yield from _author_date_imprint(e, start, end, needed, standard)
        return  # no year: D001's business
    y = years[0]
    region_start = start
    for sep in _SEP_RE.finditer(e.raw, start):  # the whole string: the lookahead sees past
        if sep.start() >= y.start():
            break
        region_start = sep.end()
    region = e.raw[region_start : y.start()]
    if ":" in region or "：" in region or "[" in region:
        return  # "place: publisher", however blank (the colon checks below say which)
    text = region.strip(" ,，")
    if not text or y.group("sep").strip() in (".", "．"):
        # "[M]. 2018." / "…论文集. 2011.": the year follows a title, not an imprint
        # "[M]. 2018.": neither place nor publisher
        gap = (y.start(), y.start("y"))  # the separator before the year: they belong there
        if gap[0] >= gap[1]:
            gap = (y.start("y"), y.end("y"))
        for element in ("place", "publisher"):
            if element in needed:
                yield _missing(e, element, gap, " before the year")
        return
    # 2025 makes the place optional: a lone element is the publisher unless it is a known place
    place = text in _PLACES if standard == "gbt7714-2025" else looks_like_place(text)
    if place and "publisher" in needed:
        # "[M]. 北京, 2018.": the place is there, the publisher belongs after it
        at = region_start + len(region.rstrip(" ,，"))
        yield _missing(e, "publisher", (at, max(at + 1, y.start("y"))), " after the place")
    elif "place" in needed and not e.carrier and (e.contribution or e.type_code not in ("M", "D")):
        # a publisher alone: the place belongs before it (whole printed M and D: G023 says so;
        # the printed examples of online books omit it)
        at = region_start + (len(region) - len(region.lstrip(" ,，")))
        yield _missing(e, "place", (at, at + len(text)), " before the publisher")


def _author_date_imprint(
    e: Entry, start: int, end: int, needed: tuple[str, ...], standard: str
) -> Iterator[Diagnostic]:
    """An author-date entry's imprint, 'place: publisher[: pages].' with no year (it is in the
    head): the last element from ``start`` (the tail or the host) to ``end``."""
    stop = len(e.raw[:end].rstrip().rstrip(".．"))  # the entry's closing full stop left out
    region_start = start
    for sep in _SEP_RE.finditer(e.raw, start, stop):
        region_start = sep.end()
    region = e.raw[region_start:stop]
    if ":" in region or "：" in region or "[" in region:
        return  # "place: publisher", however blank (the colon checks say which)
    text = region.strip(" ,，.．")
    if not text:
        # "张三, 2018. 书[M].": nothing after the code, the imprint belongs there
        gap = (max(start, stop - 1), max(start + 1, stop))
        for element in ("place", "publisher"):
            if element in needed:
                yield _missing(e, element, gap, " after the type code")
        return
    place = text in _PLACES if standard == "gbt7714-2025" else looks_like_place(text)
    at = region_start + len(region.rstrip(" ,，.．"))
    if place and "publisher" in needed:
        yield _missing(e, "publisher", (at, min(len(e.raw), at + 1)), " after the place")
    elif "place" in needed and not e.carrier and (e.contribution or e.type_code not in ("M", "D")):
        lead = region_start + (len(region) - len(region.lstrip(" ,，")))
        yield _missing(e, "place", (lead, lead + len(text)), " before the publisher")


# "北京: , 2018" and "北京: 2018" (a publisher lost, e.g. in a line wrap); not a page "2011: 20"
_EMPTY_PUBLISHER = regex.compile(
    r"(?<![\d)）]\s*)(?P<c>[:：])\s*(?=(?:[,，]\s*)?(?:1[4-9]|20)\d\d\s*(?:[.．,，;；]|$))"
)


_DANGLING_COLON = regex.compile(r"(?<=\.\s|．\s?)(?P<c>[:：])\s*(?=[^\s\d])")


@rule(
    "G043",
    "missing-required-element",
    "warning",
    rule_ids=("GBT-FMT-ARTICLE", "GBT-FMT-M", "GBT-PUB-04", "GBT-PUB-05"),
)
def missing_required_element(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Each document type has required elements, and the diagnostic names the one missing
    and points where it belongs: a journal article names its journal, a newspaper article its
    newspaper and full date, a patent its date, a monograph (M C G D; 2015 also S and CM) its
    publisher and, in 2015, its place (unknown: [出版地不详] / [S.l.], [出版者不详] / [s.n.]), a
    contribution its host after '//', and every entry a title.  A colon with nothing on one side means an element was
    blanked out.  In an author-date entry the year follows the names and the imprint follows
    the type code ('张三, 2018. 一本书[M].' has none).

    Bad: 张三. 一本书[M]. 2018.
    Bad: 李四. 论文[J]. 2019.
    Bad: 王五. 城市史[M]. 北京, 2018.
    Bad: 王五. 城市史[M]. 北京: 2018.
    Bad: 张三. [M]. 北京: 科学出版社, 2018.
    Bad: 三户图书刊行社. 日本的中国图书馆学[M]. : 三户图书刊行社, 1990.
    Bad: 张三, 2018. 一本书[M].
    Good: 张三. 一本书[M]. 北京: 科学出版社, 2018.
    Good: 李四. 论文[J]. 图书情报工作, 2019, 63(2): 5-12.
    Good: 三户图书刊行社. 日本的中国图书馆学[M]. [出版地不详]: 三户图书刊行社, 1990.
    Good: 张三, 2018. 一本书[M]. 北京: 科学出版社.
    """
    if not e.code:
        return
    form = element_form(e, ctx.standard)
    needed = REQUIRED.get(ctx.standard, REQUIRED["gbt7714-2015"]).get(form or "", ())
    code_end = e.code.end()
    if not e.title.strip(" .．,，"):  # "张三. [M]. 北京: …": every type has a title
        yield _missing(e, "title", (e.code.start(), code_end), " before the type code")
    if form == "article":
        m = _LEADING_YEAR.match(e.raw, e.tail_start)
        if m and not _SERIAL_RANGE.match(e.raw, e.tail_start):
            yield _missing(e, "serial", (code_end, m.start("y")), " before the year")
    elif form == "newspaper":
        m = _LEADING_YEAR.match(e.raw, e.tail_start) or _LEADING_DATE.match(e.raw, e.tail_start)
        if m:
            yield _missing(e, "serial", (code_end, m.start("y")), " before the date")
        if not _DATE.search(e.raw, e.tail_start, _access_start(e, e.tail_start)):
            end = _access_start(e, e.tail_start)
            end = len(e.raw[:end].rstrip())
            yield _missing(e, "date", (max(e.tail_start, end - 1), max(e.tail_start + 1, end)))
    elif form == "patent":
        if not _DATE.search(e.raw, e.tail_start, _access_start(e, e.tail_start)):
            if not regex.search(_YEAR, e.raw[e.tail_start :]):  # a bare year: G037
                at = (code_end, code_end + 1) if code_end < len(e.raw) else (code_end - 1, code_end)
                yield _missing(e, "date", at)
    elif form in ("contribution", "contribution-monograph"):
        host = _host_start(e)
        if host is None:
            yield _missing(e, "host", (e.tail_start, min(len(e.raw), e.tail_start + 2)))
        else:
            names = _HOST_NAMES_ONLY.match(e.raw, host)
            if names:  # '//编者1, 编者2. 地: 社, 年': the host's title was left out
                yield _missing(e, "host", names.span("stop"), " between its editors and imprint")
            yield from _imprint_findings(e, host, needed, ctx.standard)
    elif form == "monograph":
        yield from _imprint_findings(e, e.tail_start, needed, ctx.standard)
    if e.type_code in ("J", "N"):
        return
    for m in _EMPTY_PUBLISHER.finditer(e.raw, e.tail_start):
        # a place before the colon (not "出版社：1708", an author-date imprint's pages)
        before = e.raw[e.tail_start : m.start("c")]
        seps = list(_SEP_RE.finditer(before))
        if not looks_like_place(before[seps[-1].end() :] if seps else before):
            continue
        yield diag(
            "G043",
            "the publisher is missing after the place (unknown: [s.n.] / [出版者不详])",
            "出版地后缺少出版者(不详时著录 [s.n.] 或 [出版者不详])",
            span=(m.start("c"), m.end("c")),
            field="publisher",
        )
    for m in _DANGLING_COLON.finditer(e.raw, e.tail_start):
        yield diag(
            "G043",
            "the place is missing before the publisher (unknown: [S.l.] / [出版地不详])",
            "出版者前缺少出版地(不详时著录 [S.l.] 或 [出版地不详])",
            span=(m.start("c"), m.end("c")),
            field="place",
        )


@rule(
    "G059",
    "type-code-shape",
    "warning",
    rule_ids=("GBT-FMT-ARTICLE", "GBT-FMT-M"),
    types=("J", "M"),
)
def type_code_shape(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The type code agrees with the entry's shape: a journal article ([J]) names a journal
    with year, volume(issue): pages, not a book's 'place: publisher, year'; a monograph ([M])
    has an imprint, not a serial's volume(issue): pages.  Usually the code is wrong.

    Bad: 王六. 社会转型研究[J]. 北京: 社会科学文献出版社, 2014.
    Bad: 赵七. 城市更新的路径[M]. 城市规划学刊, 2015, 12(3): 45-50.
    Good: 王六. 社会转型研究[M]. 北京: 社会科学文献出版社, 2014.
    Good: 赵七. 城市更新的路径[J]. 城市规划学刊, 2015, 12(3): 45-50.
    """
    if not e.code or e.contribution:
        return
    end = _access_start(e, e.tail_start)
    if e.type_code == "J":
        m = _BOOK_IMPRINT.match(e.raw, e.tail_start, end)
        if m is None or SERIAL_BLOCK.search(e.raw, e.tail_start, end):
            return
        place, pub = m.group("place"), m.group("pub")
        bookish = m.group("book") or looks_like_place(place)
        if not (bookish or any(w in pub for w in _PUBLISHER_WORDS)):
            return  # "刊名: 其他题名信息, 年" is a journal with a subtitle
        yield diag(
            "G059",
            "a journal code [J] with a book's imprint (place: publisher, year) and no journal: "
            "is it a monograph [M]?",
            "期刊标识 [J] 后是图书的出版项(出版地: 出版者, 出版年), 没有刊名: 是否应为 [M]?",
            span=(e.code.start(), e.code.end()),
        )
    elif e.type_code == "M":
        block = SERIAL_BLOCK.search(e.raw, e.tail_start, end) or _SERIAL_END.search(
            e.raw, e.tail_start, len(e.raw[:end].rstrip())
        )
        if block is None:
            return
        # a colon outside parentheses ('学报(哲学社会科学版)', '(G辑:物理学)' are the title's)
        before = _PARENTHESIS.sub("", e.raw[e.tail_start : block.start()])
        if ":" in before or "：" in before:
            return  # an imprint before it: "北京: 中华书局, 2000: 29" is a book with pages
        yield diag(
            "G059",
            "a monograph code [M] with a serial's volume(issue): pages: is it a journal "
            "article [J]?",
            "专著标识 [M] 后是连续出版物的卷(期): 页码: 是否应为 [J]?",
            span=(e.code.start(), e.code.end()),
        )
