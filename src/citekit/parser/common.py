"""Rules shared by the style modules: element splitting, imprints, names and titles into a Draft."""

from __future__ import annotations

import re

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.lexicons import words
from ..text.script import HAN
from .draft import Draft
from .identifiers import parse_iso_date
from .names import NameGroup, parse_names
from .numbers import cn_year_issue, edition
from .text import MASK, is_cjk, trim

__all__ = [
    "ACCOUNT",
    "DOC_NO",
    "MEETING_WORDS",
    "is_stop",
    "split_elements",
    "parse_imprint",
    "set_names",
    "set_title",
    "title_volume",
    "title_number",
]


# an official document number: 国发〔2007〕19号, 教技[2019]1号 (issuer, year, serial), and an order's
# number: 财政部令第78号, 中华人民共和国主席令第八十一号
# the words that end a meeting's name (第十二届全国金融工程学术会议, 中国社会学会年会): the event
MEETING_WORDS = "会议|研讨会|年会|论坛|大会|学术会|峰会|工作坊"
DOC_NO = regex.compile(
    r"\p{Han}{1,10}\s*[〔\[［【(]\s*(?:19|20)\d\d\s*[〕\]］】)]\s*第?\s*\d{1,4}\s*号"
    r"|\p{Han}{0,12}令\s*第\s*(?:\d{1,4}|[一二三四五六七八九十百零]{1,6})\s*号"
)
# a WeChat (or other) public account named as the container: 微信公众号“法学学术前沿”
ACCOUNT = regex.compile(
    r"\s*(?:微信)?公众号\s*[:：]?\s*[“\"「]?(?P<name>[^“”\"「」]{1,40}?)[”\"」]?\s*"
)
_EDITION_AHEAD = regex.compile(r"\d{1,3}(?:st|nd|rd|th)\s*ed\b|\d{1,3}\s*版", regex.IGNORECASE)


_NAME_DOTS = frozenset("·•・‧")


_CODE_AHEAD = regex.compile(r"\[\s*[A-Z]{1,2}\s*(?:/\s*[A-Z]{2,6})?\s*\]")


def is_stop(work: str, i: int, start: int, end: int, *, after_initial: bool = False) -> bool:
    """Does the ``.`` at ``work[i]`` end an element (GB/T ``. ``, also written without the space)?

    Yes when followed by a space and a non-lower-case character, by CJK text, 《 or “, masked
    text or the end; by an upper-case word start (``ed.New York``); by a digit after CJK or a
    bracket (``程根伟.1998年``, ``(ICC).2012``).  Never inside numbers (``1.1``, ``No.355``),
    nor after a lone Latin letter (``U.S.``, ``D.C.``) unless ``after_initial``.
    """
    nxt = work[i + 1] if i + 1 < end else ""
    nxt2 = work[i + 2] if i + 2 < end else ""
    prev = work[i - 1] if i > start else ""
    prev2 = work[i - 2] if i - 1 > start else ""
    if prev2 in _NAME_DOTS and prev.isascii() and prev.isupper():
        return False  # the initial inside a transliterated name: 马克·H.穆尔, 爱德华·W. 萨义德
    if nxt == " ":
        ok = not nxt2.islower()
        if ok and nxt2.isdigit() and _NUMBER_WORD.search(work, max(start, i - 4), i):
            return False  # "Working Paper No. 23285", "Vol. 3": the number's word, not a stop
    elif nxt == "" or nxt == MASK or is_cjk(nxt) or nxt in '《“"':
        ok = True
    elif nxt.isalpha() and nxt.isupper():
        ok = True
    elif nxt.isdigit():
        if prev == " ":  # "中国军网 .2010-10-10" (Baidu Baike sets a space before its ．)
            prev = work[start:i].rstrip(" ")[-1:]
        ok = (
            bool(prev)
            and (is_cjk(prev) or prev in ")]》”")
            or bool(_EDITION_AHEAD.match(work, i + 1, end))
        )
    elif nxt == "[":  # "Zotero.[Zotero download][EB/OL]", "Rev.ed.[S.l.]": not before a type code
        ok = not _CODE_AHEAD.match(work, i + 1, end)
    else:
        ok = False
    if (
        ok
        and not after_initial
        and prev.isalpha()
        and prev.isascii()
        and not prev2.isalpha()
        and nxt != ""
        and nxt != MASK
        and not is_cjk(nxt)
    ):
        ok = False  # an initial or abbreviation: U.S. / D.C.
    return ok


_NUMBER_WORD = re.compile(r"(?<![A-Za-z])(?:No|no|Nos|Nr|nr|Vol|vol|Bd)$")
_SPLIT_CHARS = re.compile(r"[(\[“《)\]”》.]")


def split_elements(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at element-ending full stops (see :func:`is_stop`), trimmed, empty pieces dropped."""
    pieces: list[tuple[int, int]] = []
    s = start
    depth = 0
    for m in _SPLIT_CHARS.finditer(work, start, end):  # only the brackets and full stops matter
        ch = m.group()
        if ch in "([“《":
            depth += 1
        elif ch in ")]”》":
            depth = max(0, depth - 1)
        elif not depth:
            i = m.start()
            if is_stop(work, i, start, end):
                pieces.append((s, i))
                s = i + 1
    pieces.append((s, end))
    out = []
    for a, b in pieces:
        a, b = trim(work, a, b)
        if b > a:
            out.append((a, b))
    return out


_IMPRINT_DATE = regex.compile(
    r"(?:^|(?<=[,，]\s?))\s*(?P<paren>\()?(?P<date>(?:1[5-9]|20)\d\d[-—](?:1[5-9]|20)\d\d"  # a serial's 1957-1990
    r"|c?(?:1\d|20)\d\d(?:-\d{1,2}(?:-\d{1,2})?)?"  # any year 1000-2099 (D002 judges it)
    r"(?:\((?:[^()]{1,20})\)|\s\((?=\p{Han})[^()]{1,20}\))?-?"  # 1865 (清同治四年): a reign year kept
    r"|(?:1[5-9]|20)\d\d\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)(?(paren)\))"
    r"(?:(?<=年)\s*(?P<ed>第\s*[\d一二三四五六七八九十]{1,3}\s*版))?"  # 1999年第2版
    r"(?:\s*[:：]\s*(?P<pages>[^\x00:：]{1,40}?))?\s*$"
)


def _after_link(work: str, i: int) -> bool:
    """Does only a masked identifier (a URL) and punctuation stand before ``work[i]``?"""
    i -= 1
    while i >= 0 and work[i] in " ,，.":
        i -= 1
    return i >= 0 and work[i] == MASK


# GB/T 7714 8.4.1.3, 8.4.2.4: the marks of an unknown place or publisher, printed instead of a value
UNKNOWN_IMPRINT = regex.compile(
    r"\[\s*(?:S\.\s?l\.?|s\.\s?n\.?|出版地不详|出版者不详|出版社不详)\s*\]"
)
_UPDATE_DAY = regex.compile(r"(\d{4})\((\d{4})(\d\d)(\d\d)\)")
# a serial's years, "1957-1990", or its open range, "1984-" (still published): CSL's range, whose
# open end is 0 (the processor prints "1984—" and sorts it by its start)
_YEAR_RANGE = regex.compile(r"((?:1[5-9]|20)\d\d)[-—](?:((?:1[5-9]|20)\d\d)|$)")


def parse_imprint(d: Draft, start: int, end: int, *, confidence: float = 0.85) -> bool:
    """``北京: 科学出版社, 2010: 29``, ``Cambridge:Harvard University Press,2013``, ``2011: 8-9``,
    ``(2012-01-16)``, ``2002-03-06``, ``中国…实验室, 2012``.  True when a date was found."""
    work = d.work
    sub = work[start:end]
    m = _IMPRINT_DATE.search(sub)
    if not m:
        return False
    ds, de = m.start("date") + start, m.end("date") + start
    text = work[ds:de]
    if "年" in text and _after_link(work, m.start() + start):
        return False  # "http://…, 2020年2月16日": the day a link was read, not a publication date
    parts = parse_iso_date(text)
    if not parts and "年" in text:  # 2011年6月: kept at the precision printed
        cn = cn_year_issue(text, 0, len(text))
        parts = cn.date if cn else None
    if not parts and (u := _UPDATE_DAY.fullmatch(text)) and u.group(1) == u.group(2):
        # "维基百科, 2021(20210301)" (Chinese Wikipedia's GB/T citation): the year, then the day
        parts = parse_iso_date(f"{u.group(2)}-{u.group(3)}-{u.group(4)}")
    years = None if parts else _YEAR_RANGE.fullmatch(text)
    if parts:
        d.set("issued", {"date-parts": [parts]}, ds, de, confidence)
    elif years:
        end_year = int(years.group(2)) if years.group(2) else 0
        d.set("issued", {"date-parts": [[int(years.group(1))], [end_year]]}, ds, de, confidence)
    else:
        d.set("issued", {"literal": text}, ds, de, confidence * 0.9)
    if m.group("ed") and not d.has("edition") and (ed := edition(m.group("ed"))):
        d.set("edition", ed, m.start("ed") + start, m.end("ed") + start, confidence)
    if m.group("pages"):
        ps, pe = trim(work, m.start("pages") + start, m.end("pages") + start)
        if pe > ps:
            d.set("page", work[ps:pe], ps, pe, confidence)
    pre_s, pre_e = trim(work, start, m.start() + start)
    if pre_e > pre_s:
        colon = -1
        for i in range(pre_s, pre_e):
            if work[i] in ":：":
                colon = i
                break
        keep_dot = _TRIM_TEXT  # " ,;:，；：" + MASK: "Washington, D.C.:" / "Inc., 1982": the dot is the name's
        if colon >= 0:
            a, b = trim(work, pre_s, colon, keep_dot)
            if UNKNOWN_IMPRINT.fullmatch(work, a, b):
                d.claim(a, b)  # read, and no value
            elif b > a:
                d.set("publisher-place", work[a:b], a, b, confidence)
            a, b = trim(work, colon + 1, m.start() + start, keep_dot)
        else:
            a, b = trim(work, pre_s, m.start() + start, keep_dot)
            if b > a and _is_place(work[a:b]):  # "杭州, 2019": a place and no publisher
                d.set("publisher-place", work[a:b], a, b, confidence)
                return True
        if UNKNOWN_IMPRINT.fullmatch(work, a, b):
            d.claim(a, b)
        elif b > a:
            d.set("publisher", work[a:b], a, b, confidence)
    return True


def _is_place(text: str) -> bool:
    """Is ``text`` a place name of the place lists (``杭州``, ``Beijing``), nothing else?"""
    return len(text) <= 30 and (text in words("places-zh") or text in words("places-world"))


def set_names(
    d: Draft,
    start: int,
    end: int,
    default_role: str = "author",
    confidence: float = 0.9,
    *,
    flag_prefix: str = "",
    group: NameGroup | None = None,
) -> str | None:
    """Parse the name group ``[start, end)`` into the item (``group``: its parse, when the caller
    has it already); returns the CSL variable used."""
    if group is None:
        group = parse_names(d.work[start:end])
    if not group.names:
        return None
    role = group.role if group.role in ("editor", "translator") else default_role
    if default_role.startswith("container") and group.role != "editor":
        role = default_role  # 载张三主编:《书》 → the book's editor; else its responsible party
    d.set(role, group.names, start, end, confidence)
    if group.truncated:
        key = (
            "names_truncated"
            if role == "author" or role == "editor" and not d.has("author")
            else f"{role}_truncated"
        )
        d.flag(key)
    if group.nationalities:
        uniq = list(dict.fromkeys(group.nationalities))
        d.flag("nationality", uniq[0] if len(uniq) == 1 else uniq)
    return role


_TRIM_TEXT = " ,;:，；：" + MASK  # made once, not per call


def set_title(d: Draft, name: str, start: int, end: int, confidence: float = 0.9) -> None:
    work = d.work
    k = work.find(MASK, start, end)
    if k > start:  # "《Title (https://…)》": a link inside ends the text
        end = k
    while end > start and work[end - 1] in " ([（【":  # an opening bracket ends no title
        end -= 1
    start, end = trim(work, start, end, _TRIM_TEXT)
    if (
        end - start > 2
        and work[start] in "《〈"
        and work[end - 1] == ("》" if work[start] == "《" else "〉")
        and work[start] not in work[start + 1 : end - 1]
    ):
        start, end = (
            start + 1,
            end - 1,
        )  # 《题名》[EB/OL], 〈篇名〉: the marks are not part of the title
    last = work[end - 1 : end]
    # the gloss ends the title: only then is the (end-anchored, so whole-title) search worth it
    gloss = _CJK_GLOSS.search(work, start, end) if last == ")" or last.isspace() else None
    if gloss and gloss.start() > start and not HAN.search(work, start, gloss.start()):
        end = trim(work, start, gloss.start())[
            1
        ]  # "Advances in Pharmacology (药理学进展)": a translation
    if end > start:
        d.set(name, work[start:end], start, end, confidence)


_VOL_TAIL = regex.compile(
    r"(?:[:：]|(?<=\p{Han})\s(?=\s*第))\s*(?:第\s*(?P<n>\d{1,4}|[一二三四五六七八九十百]{1,4})\s*卷"
    r"|(?P<t>第\s*[\d一二三四五六七八九十百]{1,4}\s*[册辑分册编]|[上中下][册卷]?|卷\s*[\d一二三四五六七八九十]{1,4}(?=$)"
    r"|[一二三四五六七八九十]部|(?:1[5-9]|20)\d\d\s*年卷))\s*$"  # 药典: 一部, 年会论文集: 2011年卷
)


# "古代汉语. 上册", "…. 第2卷": the part after a stop (explicit forms only)
_VOL_TAIL_DOT = regex.compile(
    r"\.\s*(?:第\s*(?P<n>\d{1,4}|[一二三四五六七八九十百]{1,4})\s*卷"
    r"|(?P<t>第\s*[\d一二三四五六七八九十百]{1,4}\s*[册辑]|[上中下]册))\s*$"
)
# "(上册)", "(第二册)", "(下)" closing a title
_PAREN_PART = regex.compile(r"第\s*[\d一二三四五六七八九十百]{1,4}\s*[册辑]|[上中下][册卷]?")
# "(第三版)", "(修订版)", "(第十六卷)" closing a title
# (linear: never starts inside a space run; parentheses holding spaces only give their last space)
_PAREN_TAIL = regex.compile(
    r"(?:\G|(?<!\s))\s*+\((?:\s*+(?P<x>[^()]{1,12}?)\s*+|\s*?(?P<x>\s))\)\s*+$"
)
_VOL_WORD = regex.compile(r"第\s*(\d{1,4}|[一二三四五六七八九十百]{1,4})\s*卷")
# "古代汉语: 第3版" / "…: 修订版": an edition written as the title's last part (版 only: "…: 日本" is a title)
_EDITION_TAIL = regex.compile(
    r"[:：]\s*(?P<ed>[^:：\s]{1,8}版)\s*$"
    r"|(?<=\p{Han})\s*(?P<ed>第\s*[\d一二三四五六七八九十]{1,3}\s*版)\s*$"  # 古代汉语 第3版
)
# an edition statement of its own later in the reference: then "…: 第4版" is the title's (GB/T A.1)
_LATER_EDITION = regex.compile(
    r"(?:[.,]|(?:[)》]|\G|(?<!\s))\s*+\()\s*+"
    r"(?:第?\s*+[\d一二三四五六七八九十]{1,3}\s*+版|\d{1,2}(?:st|nd|rd|th)\s*+ed)"
)


def title_volume(d: Draft, start: int, end: int) -> int:
    """A book's volume at the end of its title (``国史旧闻: 第1卷``, ``全集(第十六卷)``) or its
    edition (``城市治理(第三版)``): record it, return the new end."""
    from .text import number_text

    p = _PAREN_TAIL.search(d.work, start, end)
    if p:
        inner = p.group("x")
        ed = edition(inner)
        v = _VOL_WORD.fullmatch(inner)
        if ed and not d.has("edition"):
            d.set("edition", ed, p.start("x"), p.end("x"), 0.85)
            return p.start()
        if v and not d.has("volume"):
            d.set("volume", number_text(v.group(1)), p.start("x"), p.end("x"), 0.85)
            return p.start()
        if _PAREN_PART.fullmatch(inner) and not d.has("volume"):
            d.set("volume", inner, p.start("x"), p.end("x"), 0.8)  # 古代汉语(上册)
            return p.start()
    last = d.work[start:end].rstrip()[
        -1:
    ]  # (the tail patterns are searched only where they may end)
    m = _VOL_TAIL.search(d.work[start:end]) or (
        _VOL_TAIL_DOT.search(d.work[start:end]) if last in ("卷", "册", "辑") else None
    )
    if not m:
        t = _EDITION_TAIL.search(d.work, start, end) if last == "版" else None
        ed = edition(t.group("ed")) if t and t.start() > start else None
        if t and ed and not d.has("edition") and not _LATER_EDITION.search(d.work, end, d.end):
            d.set("edition", ed, t.start("ed"), t.end("ed"), 0.8)
            return t.start()
        return end

    if m.group("n"):
        s, e = m.start("n") + start, m.end("n") + start
        d.set("volume", number_text(m.group("n")), s, e, 0.8)
    else:
        s, e = m.start("t") + start, m.end("t") + start
        if d.work[s:e].startswith("卷"):
            return end  # 周易外传: 卷5 is a title
        d.set("volume", d.work[s:e], s, e, 0.7)
    return m.start() + start


_CJK_GLOSS = regex.compile(r"\s*\(\s*\p{Han}[^()]{0,80}\)\s*$")
_LOWER_WORD = regex.compile(r"\b[a-z]{4,}\b")


def title_number(d: Draft, start: int, end: int) -> int:
    """A standard, patent or report number after the title (``…: GB/T 3792.4—2009``)."""
    work = d.work
    for i in range(start, end):
        if work[i] not in ":：":
            continue
        a, b = trim(work, i + 1, end)
        rest = work[a:b]
        if not rest or len(rest) > 40 or not any(ch.isdigit() for ch in rest):
            continue
        if _LOWER_WORD.search(rest) or len(HAN.findall(rest)) > 5:
            continue
        d.set("number", rest, a, b, 0.8)
        return i
    return end
