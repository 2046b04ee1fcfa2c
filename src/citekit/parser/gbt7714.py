"""GB/T 7714 (2015 / 2025) entries with a document type code.

    主要责任者. 题名: 其他题名信息[文献类型标识/载体标识]. 其他责任者. 版本项. 出版地: 出版者, 出版年: 引文页码[引用日期]. 获取和访问路径. DOI.
    析出责任者. 析出题名[标识]//专著主要责任者. 专著题名. 版本项. 出版地: 出版者, 出版年: 页码.
    析出责任者. 析出题名[J]. 连续出版物题名, 年, 卷(期): 页码.

Punctuation may be full-width or ASCII, with or without spaces (the view is normalised).
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.identifiers import media_type
from ..text.lexicons import words
from ..text.script import HAN, has_cjk
from .common import (
    ACCOUNT,
    DOC_NO,
    MEETING_WORDS,
    UNKNOWN_IMPRINT,
    is_stop,
    parse_imprint,
    set_names,
    set_title,
    split_elements,
    title_number,
    title_volume,
)
from .doc_numbers import CN_STANDARD_NO
from .draft import Draft
from .identifiers import find_access_date
from .names import CN_ROLE_WORDS, VANCOUVER_NAMES, NameGroup, looks_like_names, parse_names
from .numbers import clean_issue, edition, journal_numbers
from .text import MASK, number_text, trim

__all__ = ["TYPE_CODE", "applies", "parse", "applies_nocode", "parse_nocode"]

TYPE_CODE = regex.compile(
    r"(?:[\[「]|\((?=\s*[A-Z]{1,2}(?:\s*/\s*[A-Z]{2,6})?\s*\]))\s*(?P<code>J|M|C|D|N|R|S|PP|P|EB|DB|CP|DS|CM|A|Z|G|K)\s*"
    r"(?:/\s*(?P<carrier>OL|CD|MT|DK|CD-ROM))?\s*"
    # PDF/OCR text: 「J」, [J」, (J], and a closing bracket read as a letter ([JJ. [MJ.)
    r"(?:[\]」]|[JI1l](?=\s*[.,。．]))"
)

# code -> (CSL type, custom.gbt_type_code when the CSL type cannot express the code)
_TYPES = {
    "J": ("article-journal", None),
    "M": ("book", None),
    "C": ("book", "C"),
    "D": ("thesis", None),
    "N": ("article-newspaper", None),
    "R": ("report", None),
    "S": ("standard", None),
    "P": ("patent", None),
    "PP": ("article", None),  # a preprint (2025 8.15): CSL 1.0.2's "article" is a preprint
    "EB": ("webpage", None),
    "DB": ("dataset", "DB"),
    "DS": ("dataset", None),
    "CM": ("map", None),
    "CP": ("software", None),
    "A": ("collection", "A"),
    "G": ("collection", "G"),
    "Z": ("document", "Z"),
    "K": ("document", "K"),
}
_NUMBERED = {"S", "P", "R", "A"}
# author-date lists (著者-出版年制): "陈登原, 2000. 题名[M]. 北京: 中华书局: 29."
_AUTHOR_YEAR = regex.compile(
    r"(?:[,，]\s*|(?<=[.\p{Lu}\p{Han}])\s*)(?P<year>\[?c?(?P<y>(?:1[5-9]|20)\d\d)[a-z]?(?:-|\([^()]{1,12}\))?\]?|\[?n\.\s?d\.\]?)"
    r"\s*(?:[.。]|[,，](?=\s*\D))"
)
_ANALYTIC = regex.compile(r"\s*//?\s*(?:In\s*:?\s+(?=\p{Lu}))?")
_TRANSLATED_PART = regex.compile(
    r"\s*[.．]\s*(?P<who>[^/\[\].．]{1,60}?)\s*[,，]?\s*译\s*//\s*(?:In\s*:?\s+(?=\p{Lu}))?"
)
_TITLED_BODY = regex.compile(
    r"《[^《》]{1,30}》\s*(?:杂志社|编辑部|编委会|报社|编辑委员会|编写组|课题组|编纂委员会)"
)
_TRAILING_PAGES = regex.compile(r"[,，]\s*(?P<p>\d{1,6}\s*[-~]\s*\d{1,6})\s*$")
_AND_INITIAL = regex.compile(r"(?:\band|&)\s+(?:\p{Lu}\.\s?){1,3}$")
_NAME_GOES_ON = regex.compile(
    r"\G\s*\p{Lu}[\p{Ll}'’\-]+\s*(?:,\s*(?:and\s+)?\p{Lu}|(?:and|&)\s+\p{Lu})"
)
_IN = regex.compile(r"(?:in|见|载)\s*[:：]?\s*", regex.IGNORECASE)
# a list of names written given name first ("Alfred V. Aho, Monica S. Lam,", "John Smith,")
_GIVEN_FIRST_LIST = regex.compile(r"\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s*)*\p{Lu}[\p{Ll}'’\-]+\s*,")
_LAST_FAMILY = regex.compile(r"\s*\p{Lu}[\p{Ll}'’\-]+\s*\.")


def _strip_in(work: str, s: int, e: int) -> int:
    m = _IN.match(work, s, e)
    return (
        m.end()
        if m
        and (m.end() < e)
        and (work[s] in "见载" or m.group().rstrip() != m.group() or ":" in m.group())
        else s
    )


# (only matched at a position, hence \G: a search retried it at every position of a long run;
# the space runs are possessive: what follows them is never a space, and a run split between
# two \s* was quadratic in its length)
_THESIS_PUB = regex.compile(
    r"\G(?P<pub>[^,，:：]{2,40}?)\s*+[,，]?\s*+(?:(?P<y>(?:1[5-9]|20)\d\d)\s*+年?\s*+)?"
    r"(?P<genre>(?:博士|硕士|学士)(?:学位)?论文|学位论文|(?:PhD|Ph\.D\.|Master'?s|doctoral)\s+(?:thesis|dissertation))\s*$",
    regex.IGNORECASE,
)
_STD_FIRST = regex.compile(
    r"(?P<num>(?:GB|GB/T|GB/Z|ISO|IEC|DB\d*|[A-Z]{2,4}/T)(?:/[A-Z]{2,5})*\s*[\d.]+(?:-\d+)*"
    r"(?:\s*[-—–:]\s*\d{4})?)\s*[,，]\s*"  # (ISO/IEC 27001:2013,)
)
# GB/T 7714-2025 8.9: the number first, then a space and the title, no comma:
# "GB/T 3792—2021 信息与文献 资源描述[S]", "ISO 21378:2019 Audit data collection[S]"
_STD_FIRST_2025 = regex.compile(
    r"(?P<num>[A-Z]{2,5}(?:/[A-Z]{1,5})*\s+[A-Z]{0,2}-?\d[\w.\-/]*?(?:\s*[—–]\s*|[-:])"
    r"(?P<y>1[89]\d\d|20\d\d)(?:\s*\((?:en|fr|E|F)\))?)(?=\s|\p{Han}|\p{Lu})\s*"
)
# a standard's number standing alone as an element: "ISO 690:2010", "IEEE Std 802.11-2016", "GB/T 7714—2015"
_STD_NUMBER_ONLY = regex.compile(
    r"\s*(?P<num>[A-Z]{2,5}(?:/[A-Z]{1,5})*(?:\s+Std)?\s+[A-Z]{0,2}-?\d[\w.\-/]*?"
    r"(?:(?:\s*[—–]\s*|[-:]\s?)(?P<y>1[89]\d\d|20\d\d))?)\s*"
)


def _standard_last(work: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A Chinese standard's number closing a title, after a space or in brackets: its start, its
    end and where the title ends."""
    for m in CN_STANDARD_NO.finditer(work, start, end):
        a, b = m.span()
        close = b
        while close < end and work[close] in " )":
            close += 1
        if close != end or a <= start:
            continue
        lead = a
        while lead > start and work[lead - 1] in " (":
            lead -= 1
        if lead < a and lead > start:
            return a, b, lead
    return None


_BRACKET_GENRE = regex.compile(r"\s*[:：]?\s*\[\s*(?P<g>(?:博士|硕士|学士)?学位论文)\s*\]\s*$")
# an online encyclopedia named where the title stands
_ENCYCLOPEDIA = regex.compile(  # (\G: only fullmatched, see _THESIS_PUB)
    r"\G\s*(?P<site>\p{Han}{0,6}百科|维基百科|Wikipedia)\s*", regex.IGNORECASE
)
# (a leftmost match never starts inside a run of spaces except where the search starts, each
# space run is possessive, what follows it being no space, and pages start with no space or are
# the last space of a run, as before: a search over a long run of spaces tried every split of
# it at every position)
_SERIAL_TAIL = regex.compile(
    r"(?:\G|(?<!\s)|(?!\s))"
    r"(?:[,，]\s*+(?:(?P<mon>\d{1,2})\s*+月\s*+(?P<day>\d{1,2})\s*+日"
    r"|(?P<vol>[0-9A-Za-z][0-9A-Za-z\-/]{0,12})))?"
    r"\s*+(?:\((?:\s*+(?P<iss>[^()]{1,15})\s*+|\s*?(?P<iss>\s))\))?"
    r"\s*+(?:[:：](?:\s*+(?P<pages>[^\s\[\]:][^\[\]:]{0,59}?)|\s*?(?P<pages>\s)(?!\s)))?"
    r"\s*+(?:\[[^\]]{0,40}\])?\s*+$"
)
_TRANSLATOR = regex.compile(r"(?:译|译校|译注|校译|编译|trans\.?|translated)\s*$", regex.IGNORECASE)


_VOLUME_ELEMENT = regex.compile(r"第\s*(?P<v>\d{1,4}|[一二三四五六七八九十百]{1,4})\s*[卷册]")
_EDITOR_ROLE = regex.compile(r"(?:主编|编|选编|编选|整理|点校|校注)\s*$")
_BLANK_ELEMENT = MASK + " .,"  # an element made only of these is empty (made once, not per element)


def applies(d: Draft) -> bool:
    return TYPE_CODE.search(d.work, d.start, d.end) is not None


def _author_split(d: Draft, start: int, end: int) -> tuple[int, NameGroup] | None:
    """Position of the full stop that ends the responsibility group, and the group, if any."""
    work = d.work
    tries = 0
    i = start - 1
    while True:
        i = work.find(".", i + 1, end)
        if i < 0:
            return None
        if not is_stop(work, i, start, end, after_initial=True):
            continue
        tries += 1
        if tries > 8:
            return None
        if (
            i > start
            and work[i - 1].isupper()
            and (i - 1 == start or not work[i - 2].isalpha())
            and _NAME_GOES_ON.match(work, i + 1, end)
        ):
            continue  # "Broda, C., G. Joshua, and W. David.": the initial's stop, the list goes on
        if _AND_INITIAL.search(work, max(start, i - 12), i + 1):
            continue  # "… and W." : a given-name-first name is not finished
        if (
            work[i - 1].isupper()
            and not work[i - 2 : i - 1].isalpha()
            and _LAST_FAMILY.match(work, i + 1, end)
            and _GIVEN_FIRST_LIST.search(work, start, i)
        ):
            continue  # "Alfred V. Aho, …, Jeffrey D. Ullman. 编译原理": the last family name follows
        a, b = trim(work, start, i + 1)
        left = work[a:b]
        if trim(work, i + 1, end)[1] <= trim(work, i + 1, end)[0]:
            continue
        if looks_like_names(left):
            group = parse_names(left)
            if group.names:
                return i, group
        elif _TITLED_BODY.fullmatch(work, a, i):  # 《中国大百科全书》编委会. 中国大百科全书[M]
            return i, NameGroup(names=[{"literal": work[a:i]}])


def parse(d: Draft) -> bool:
    work = d.work
    m = TYPE_CODE.search(work, d.start, d.end)
    if not m:
        return False
    code = m.group("code")
    slash = _ANALYTIC.match(work, m.end(), d.end)
    translated = None if slash else _TRANSLATED_PART.match(work, m.end(), d.end)
    if translated:  # 2025 8.3: "[M].姜海伦,译//《环球科学》杂志社.认识记忆力…": the translator
        set_names(d, translated.start("who"), translated.end("who"), "translator", 0.85)
        slash = translated
    analytic = slash is not None
    host = None
    if not analytic and code in (
        "A",
        "J",
        "C",
        "M",
    ):  # GB/T 7714-2005: 析出题名[A]. 编者. 书名[C]. …
        host = TYPE_CODE.search(work, m.end(), d.end)
        if host is not None and host.group("code") in ("C", "M", "G"):
            analytic = True
        else:
            host = None
    csl_type, custom_code = _TYPES[code]
    host_code = host.group("code") if host else code
    if analytic and code == "C":
        csl_type, custom_code = "paper-conference", None
    elif analytic and (code == "M" or code == "A" and host_code in ("C", "M", "G")):
        csl_type, custom_code = "chapter", None
    after = slash.end() if slash else m.end()
    d.claim(m.start(), after)
    d.style = "gbt7714"

    # -- responsibility and title ----------------------------------------------------
    title_start = _responsibility(d, m.start())
    ts, te = trim(work, title_start, m.start())
    if code == "S":  # "GB/T 16159—1996, 汉语拼音正词法基本规则[S]"
        span = d.spans.get("author")
        if span and (am := _STD_NUMBER_ONLY.fullmatch(work, *span)):
            # "ISO 690:2010. Information and documentation[S]": the number stood as the first element
            d.drop("author")
            d.set("number", am.group("num"), *am.span("num"), 0.85)
            if am.group("y") and not d.has("issued"):
                d.set("issued", {"date-parts": [[int(am.group("y"))]]}, *am.span("y"), 0.8)
        last = None if d.has("number") else _standard_last(work, ts, te)
        if last:  # "建筑抗震设计规范(GB 50011—2010)[S]", "…规范 GB 50011—2010[S]": the number last
            d.set("number", work[last[0] : last[1]], last[0], last[1], 0.85)
            d.claim(last[1], te)
            te = trim(work, ts, last[2])[1]
        sm = _STD_FIRST.match(work, ts, te) if not last else None
        if sm:
            d.set("number", sm.group("num"), *sm.span("num"), 0.85)
            ts = sm.end()
        elif sm := _STD_FIRST_2025.match(work, ts, te):
            d.set("number", sm.group("num"), *sm.span("num"), 0.85)
            if not d.has("issued"):  # the year the number ends with
                d.set("issued", {"date-parts": [[int(sm.group("y"))]]}, *sm.span("y"), 0.8)
            ts = sm.end()
    if code not in _NUMBERED and not d.has("number") and "号" in work[ts:te]:
        # (a government document under any code: 若干意见: 温委〔2011〕8 号[Z], …通知: 国发〔2007〕19号[M])
        te = _document_number(d, ts, te)
    if code in _NUMBERED and not d.has("number"):
        te = title_number(d, ts, te)
        where = _COUNTRY_NUMBER.match(d.values.get("number", "")) if code == "P" else None
        number_span = d.spans.get("number")
        if where and number_span:  # "一种装置: 中国, 201310041234.5[P]": country, then number
            ns = number_span[0]
            d.set("jurisdiction", where.group("j"), ns + where.start("j"), ns + where.end("j"), 0.8)
            d.set("number", where.group("n"), ns + where.start("n"), ns + where.end("n"), 0.85)
        if code == "A" and d.has("number"):
            csl_type, custom_code = "legislation", None
    elif code in ("M", "CM") and not analytic:  # (an atlas's volume: 中国历史地图集: 第2册)
        te = title_volume(d, ts, te)
    if code == "CM" and (sc := _MAP_SCALE.search(work, ts, te)):  # 地质图.1∶25 000[CM]
        d.set("scale", regex.sub(r"\s+", " ", sc.group("s")), *sc.span("s"), 0.85)
        te = sc.start()
    if code == "D" and (g := _BRACKET_GENRE.search(work, ts, te)):
        # GB/T 7714-2005: "题名: [博士学位论文][D]": the kind of thesis in brackets after the title
        d.set("genre", g.group("g"), g.start("g"), g.end("g"), 0.85)
        d.claim(g.start(), g.end())
        te = g.start()
    author = d.spans.get("author")
    if code in ("EB", "G", "Z") and author and (enc := _ENCYCLOPEDIA.fullmatch(work, ts, te)):
        # "区块链. 百度百科[EB/OL]": an encyclopedia's entry, then the encyclopedia (no author)
        d.drop("author")
        set_title(d, "container-title", *enc.span("site"), 0.85)
        ts, te = author
    set_title(d, "title", ts, te, 0.92)
    if code == "EB" and (media := media_type(d.values.get("URL", ""))):
        csl_type = media  # 2025 8.12: an image or a video is [EB]; its link says which
    d.set_type(csl_type, 0.95)
    if custom_code:
        d.flag("gbt_type_code", custom_code)
    _after_code(d, code, analytic, host, after)
    if code == "C" and not analytic:
        _meeting(d)
    elif code == "C":
        _meeting_host(d)
    return True


# a meeting named where a [C] item's imprint stands: the paper was given there (no proceedings
# named): "题名[C]. 第十二届全国金融工程学术会议, 北京, 2019." / "…[C]. IEEE Workshop on X, Paris, 2019."
_MEETING = regex.compile(
    rf"(?P<e>[^,]{{2,80}}?(?:{MEETING_WORDS})|[^,]*\b(?:Conference|Symposium|Workshop|Congress)\b[^,]*)"
    r"(?:\s*,\s*(?P<p>[^,\d]{2,30}))?\s*"
)
_PROCEEDINGS_TITLE = regex.compile(r"Proceedings\b|Proc\.|\p{Han}[^,]{1,60}论文集")
_PROCEEDINGS = regex.compile(r"论文集|会刊|文集|汇编|Proceedings|Proc\.", regex.IGNORECASE)


def _meeting(d: Draft) -> None:
    span = d.spans.get("publisher")
    if span is None or d.has("container-title") or d.has("publisher-place"):
        return
    work = d.work
    if _PROCEEDINGS.search(work, *span):
        # "[C]. Proceedings of the … Conference, 2016: 770-778": the proceedings the paper is in,
        # printed where a publisher stands (no place before it)
        if _PROCEEDINGS_TITLE.match(work, *span):
            conf = d.conf["publisher"]
            d.drop("publisher")
            d.set("container-title", work[span[0] : span[1]], span[0], span[1], conf)
            d.set_type("paper-conference", 0.85)
        return
    m = _MEETING.fullmatch(work, *span)
    if m is None:
        return
    conf = d.conf["publisher"]
    d.drop("publisher")
    d.set("event-title", m.group("e").strip(), *trim(work, *m.span("e")), conf)
    if m.group("p"):
        d.set("event-place", m.group("p").strip(), *trim(work, *m.span("p")), conf)
    d.set_type("paper-conference", 0.9)


# a Chinese meeting's name and nothing else (第二届中国国际关系学会博士论坛; \G: only fullmatched)
_MEETING_NAME = regex.compile(rf"\G\s*\p{{Han}}[^,，:：]{{1,80}}?(?:{MEETING_WORDS})\s*")


def _meeting_host(d: Draft) -> None:
    """``[C]//第二届中国国际关系学会博士论坛, 2007: 12``: the host is the meeting itself (its name
    ends with a meeting word, no proceedings is named and nothing is published): the event."""
    span = d.spans.get("container-title")
    if span is None or d.has("publisher") or d.has("event-title"):
        return
    work = d.work
    if not _MEETING_NAME.fullmatch(work, *span) or _PROCEEDINGS.search(work, *span):
        return
    conf = d.conf["container-title"]
    d.drop("container-title")
    d.set("event-title", work[span[0] : span[1]], span[0], span[1], conf)


_BY_ROLE = regex.compile(
    r"(?P<r>translated|trans\.|tr\.|edited|ed\.|eds\.)\s+by\s+(?P<who>\S.*)", regex.IGNORECASE
)
# "Translated by Roth G. Berkeley: …": the initial's stop ends the names when a place follows
_BY_INITIAL_STOP = regex.compile(r"(?<=\s\p{Lu})\.(?=\s+\p{Lu}[\p{L} ,.]{1,40}:)")


def _split_after_by(work: str, s: int, e: int) -> list[tuple[int, int]]:
    if work.find(" by ", s, e) < 0 or not _BY_ROLE.match(work, s, e):
        return [(s, e)]
    m = _BY_INITIAL_STOP.search(work, s, e)
    if not m:
        return [(s, e)]
    return [(s, m.end()), trim(work, m.end(), e)]


_ROLE_CHARS = regex.compile(r"[译编注疏校著撰]")  # a cheap test before splitting the elements
_ROLE_ELEMENT = regex.compile(rf"(?:{CN_ROLE_WORDS})\s*$")


def _responsibility(d: Draft, limit: int) -> int:
    """Record the responsibility group before ``limit`` (and the year, in author-date lists);
    return where the title starts."""
    work = d.work
    ay = _author_year(d, limit)
    found = None if ay else _author_split(d, d.start, limit)
    title_start = ay or d.start
    if found is not None:
        split, group = found
        a, b = trim(work, d.start, split + 1)  # the text _author_split parsed
        if work[a:b].rstrip(".．") in _ANONYMOUS:
            d.claim(a, b)  # "佚名. 题名[Z]": no author is known
        else:
            set_names(d, a, b, "author", 0.9, group=group)
        title_start = split + 1
        # "马克思著. 张三译. 资本论[M]": a second group, closed by its role word, before the title
        nxt = (
            split_elements(work, title_start, limit)
            if _ROLE_CHARS.search(work, title_start, limit)
            else ()
        )
        if len(nxt) >= 2:
            ns, ne = nxt[0]
            role = _ROLE_ELEMENT.search(work, ns, ne)
            if role and looks_like_names(work[ns:ne]):
                group2 = parse_names(work[ns:ne])
                if group2.names and group2.role in ("translator", "editor"):
                    set_names(d, ns, ne, group2.role, 0.85, group=group2)
                    title_start = ne + 1
    return title_start


def _after_code(
    d: Draft, code: str, analytic: bool, host: regex.Match[str] | None, after: int
) -> None:
    """Everything after the type code (at ``after``): host, other responsibility, edition, imprint,
    serial numbers, access date."""
    work = d.work
    pos = after
    if host is not None:  # the host between the two codes: [editors.] title[C]
        d.claim(host.start(), host.end())
        parts = split_elements(work, pos, host.start())
        if parts:
            hs, he = parts[-1]
            set_title(d, "container-title", _strip_in(work, hs, he), he, 0.85)
            for es, ee in parts[:-1]:
                es = _strip_in(work, es, ee)
                if looks_like_names(work[es:ee]):
                    set_names(d, es, ee, "container-author", 0.8)
                    break
        pos = host.end()
    find_access_date(d, pos, d.end)
    work = d.work
    elements = [
        e for e in split_elements(work, pos, d.end) if work[e[0] : e[1]].strip(_BLANK_ELEMENT)
    ]
    if not elements:
        return
    if code in ("J", "N") and not analytic:
        if len(elements) > 1 and _TRANSLATOR.search(work, *elements[0]) and not d.has("translator"):
            # 2025 8.5.3: "[J].顾幼静,译.东方博物,2009(1):85-92": a translator after the title
            set_names(d, *elements[0], "translator", 0.85)
            elements = elements[1:]
        _journal(d, code, elements)
        return
    if code == "P":
        elements = _patent_number(d, elements)
    if code in ("DS", "PP", "DB"):
        elements = _dated_repository(d, elements)
    if code == "CM" and elements and (size := _MAP_SIZE.search(work, *elements[-1])):
        d.set("dimensions", size.group("d"), *size.span("d"), 0.85)
        es = elements[-1][0]
        left = trim(work, es, size.start())
        elements = elements[:-1] + ([left] if left[1] > left[0] else [])
    elements = [piece for el in elements for piece in _split_after_by(work, *el)]
    # find the imprint: the last element that parses as one
    imprint = None
    for k in range(len(elements) - 1, -1, -1):
        if parse_imprint(d, *elements[k]):
            imprint = k
            break
    if imprint is None and d.has("issued") and elements:
        for k in range(len(elements) - 1, -1, -1):
            if _imprint_without_date(d, *elements[k]):
                imprint = k
                break
    elif imprint is None and elements and _undated_imprint(work, *elements[-1]):
        # "[M]. [出版地不详]: 中华书局." / "[M]. 北京: 中华书局.": no date anywhere, the last element
        # is a place (or its unknown mark) and a publisher's name
        if _imprint_without_date(d, *elements[-1]):
            imprint = len(elements) - 1
    pub = d.spans.get("publisher")
    if code == "D" and pub and not d.has("genre"):  # 中国科学院博士学位论文, 2004: 1-18
        tm = _THESIS_PUB.fullmatch(work, *pub)
        if tm and tm.group("pub").strip():
            ps, pe = trim(work, tm.start("pub"), tm.end("pub"))
            d.set("publisher", work[ps:pe], ps, pe, d.conf["publisher"])
            d.set("genre", tm.group("genre"), *tm.span("genre"), 0.8)
    if code == "D" and not d.has("publisher"):  # "中国社会科学院研究生院硕士学位论文"
        for k, (es, ee) in enumerate(elements):
            tm = _THESIS_PUB.match(work, es, ee)
            if tm:
                ps, pe = trim(work, tm.start("pub"), tm.end("pub"))
                d.set("publisher", work[ps:pe], ps, pe, 0.8)
                d.set("genre", tm.group("genre"), *tm.span("genre"), 0.8)
                if tm.group("y") and not d.has("issued"):
                    d.set("issued", {"date-parts": [[int(tm.group("y"))]]}, *tm.span("y"), 0.85)
                elements = elements[:k] + elements[k + 1 :]
                imprint = None if imprint is None or imprint == k else imprint - (imprint > k)
                break
    before = elements if imprint is None else elements[:imprint]
    rest: list[tuple[int, int]] = []
    for s, e in before:
        text = work[s:e]
        ed = edition(text)
        if ed and not d.has("edition") and (not analytic or (s, e) != before[0]):
            d.set("edition", ed, s, e, 0.85)
        elif _TRANSLATOR.search(text) and not d.has("translator"):
            set_names(d, s, e, "translator", 0.85)
        elif (vol := _VOLUME_ELEMENT.fullmatch(text)) and not d.has("volume") and not analytic:
            # "资本论[M]. 第1卷. 北京: …": the volume as an element after the type code
            d.set("volume", number_text(vol.group("v")), s + vol.start("v"), s + vol.end("v"), 0.85)
        elif (
            _EDITOR_ROLE.search(text)
            and not d.has("editor")
            and not analytic
            and (group := parse_names(text)).names
            and group.role == "editor"
        ):  # "古代汉语[M]. 张三, 编. 北京: …": the editor after the title
            set_names(d, s, e, "editor", 0.85, group=group)
        elif (by := _BY_ROLE.match(work, s, e)) and looks_like_names(by.group("who")):
            role = "translator" if by.group("r").lower().startswith("tr") else "editor"
            if not d.has(role):  # "Translated by Roth G." / "Edited by J. Doe"
                d.claim(s, by.start("who"))
                set_names(d, by.start("who"), e, role, 0.85)
            else:
                rest.append((s, e))
        else:
            rest.append((s, e))
    if (
        imprint is None
        and len(rest) == 1
        and not d.has("page")
        and _PAGES_ONLY.fullmatch(work, *rest[0])
    ):
        d.set("page", work[slice(*rest[-1])], *rest[-1], 0.75)  # "…[R]. 8-9." (author-date)
        rest = rest[:-1]
    if code in ("Z", "EB", "R") and not d.has("number") and "号" in work:
        for k, (es, ee) in enumerate(rest):
            if DOC_NO.fullmatch(work, *trim(work, es, ee)):  # "[Z]. 温委〔2011〕8 号. 2010-10-20."
                d.set("number", work[slice(*trim(work, es, ee))], *trim(work, es, ee), 0.85)
                rest = rest[:k] + rest[k + 1 :]
                break
    if code == "EB" and elements and "公众号" in work:
        es, ee = elements[-1]
        if (wx := ACCOUNT.fullmatch(work, es, ee)) is not None and not d.has("container-title"):
            # "[EB/OL]. (2019-05-06)[2020-01-02]. 微信公众号“某某”": the account publishes the post
            set_title(d, "container-title", wx.start("name"), wx.end("name"), 0.85)
            d.claim(es, wx.start("name"))
            d.claim(wx.end("name"), ee)
            d.set_type("post-weblog", 0.85)
            rest = [r for r in rest if r != (es, ee)]
    if imprint is None and rest and not d.has("publisher") and not (analytic and host is None):
        ps, pe = rest[-1]
        if _PUBLISHER_ONLY.fullmatch(work, ps, pe):
            # "[M]. 中国人民大学出版社." (GB/T 7714-2025 author-date: no place, no [出版地不详])
            d.set("publisher", work[ps:pe], ps, pe, 0.8)
            rest = rest[:-1]
    if analytic and host is None:
        if len(rest) >= 2 and (
            looks_like_names(work[rest[0][0] : rest[0][1]])
            or _TITLED_BODY.fullmatch(work, *rest[0])  # 《环球科学》杂志社: a journal's office
        ):
            set_names(d, *rest[0], "container-author", 0.8)
            rest = rest[1:]
        elif rest and (split := _author_split(d, *rest[0])):
            # "//LUC M, SIKORA R A, BRIDGE J. Plant parasitic …": the stop after an initial ends
            # the host's editors (the elements were not split there)
            i, group = split
            a, b = trim(work, rest[0][0], i + 1)
            set_names(d, a, b, "container-author", 0.8, group=group)
            rest = [(i + 1, rest[0][1]), *rest[1:]]
        if rest:
            cs, ce = rest[0]
            ce = title_volume(d, cs, ce)
            set_title(d, "container-title", _strip_in(work, cs, ce), ce, 0.85)
        elif d.has("publisher") and not d.has("publisher-place") and not d.has("container-title"):
            # "[C]//Proceedings of …, 2006: 113-120": the host's title, its year and pages
            span = d.spans.pop("publisher")
            d.values.pop("publisher")
            d.conf.pop("publisher")
            if span:
                set_title(d, "container-title", _strip_in(work, *span), span[1], 0.8)


# 2025 8.13: a map's scale after its title, its dimensions after the date
_MAP_SCALE = regex.compile(r"\s*[.．]\s*(?P<s>1\s*[:∶]\s*\d{1,3}(?:[\s,]?\d{3})*)\s*$")
_MAP_SIZE = regex.compile(
    r"(?:\G|(?<=\d)[.．]|\s)\s*(?P<d>\d+(?:\.\d+)?\s*cm\s*[×xX*]\s*\d+(?:\.\d+)?\s*cm)\s*$"
)

# 2025 8.14, 8.15: "[DS/OL]. V1.0. 国家基础学科公共科学数据中心(2023-09-10)[2025-07-15]."
# (\G: both only fullmatched, see _THESIS_PUB; the repository's name ends at a non-space, as the
# shortest one did: one that ended at every space of a long run was quadratic)
_VERSION = regex.compile(r"\G\s*(?P<v>[Vv]\d[\w.]*)\s*")
_DATED_REPOSITORY = regex.compile(
    r"\G\s*+(?:(?P<v>[Vv]\d+(?:\.\d+)*)\.\s*+)?(?P<pub>(?:[^()（）\[\]]*?[^\s()（）\[\]])??)"
    r"\s*+[(（]\s*(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?\s*[)）]\s*"
)


def _dated_repository(d: Draft, elements: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A dataset's or preprint's version (``V1.0``) and its repository with the date in
    brackets (``arXiv (2012-03-18)``, ``(2012)`` when none is named), taken out of the
    elements; the citation date after it is already read."""
    work = d.work
    out = []
    for es, ee in elements:
        v = _VERSION.fullmatch(work, es, ee)
        if v and not d.has("version"):
            d.set("version", v.group("v")[1:], *v.span("v"), 0.85)
            continue
        m = _DATED_REPOSITORY.fullmatch(work, es, ee)
        if m and not d.has("publisher"):
            if m.group("v") and not d.has("version"):  # "V2.arXiv (2012-03-18)"
                d.set("version", m.group("v")[1:], *m.span("v"), 0.85)
            parts = [int(g) for g in (m.group("y"), m.group("m"), m.group("d")) if g]
            d.set("issued", {"date-parts": [parts]}, m.start("y"), m.end(), 0.85)
            if m.group("pub"):
                d.set("publisher", m.group("pub"), *m.span("pub"), 0.8)
            continue
        out.append((es, ee))
    if (
        len(out) == 1
        and d.has("issued")
        and not d.has("publisher")
        and (rep := _REPOSITORY.fullmatch(work, *out[0]))
    ):
        # author-date "[DS/OL]. 东海大学茶学研究所[2024-11-25]. URL": the year is up front, the
        # repository alone before the citation date
        d.set("publisher", rep.group(0), *rep.span(), 0.75)
        return []
    return out


# a repository's name alone: no digit, no colon, no stop inside (\G: only fullmatched)
_REPOSITORY = regex.compile(r"\G[^\d:：.．()（）\[\]\x00]{2,60}")


# the older GB/T 7714 patent form "题名[P]. 中国专利: 881056073, 1989-07-26": country, number, date
_PATENT_NO = regex.compile(
    r"\s*(?P<where>[^\x00:：,，.\d]{1,20}?)\s*[:：]\s*(?P<num>(?:[A-Z]{1,4}\s?)?\d[\d.]{4,}[\dA-Z]{0,3})\s*(?=[,，]|$)"
)
_PATENT_WORD = regex.compile(  # (searched: never starts inside a run of spaces)
    r"(?:\G|(?<!\s))\s*+(?:发明专利|实用新型专利|专利|patent)\s*+$", regex.IGNORECASE
)


def _patent_number(d: Draft, elements: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Take the country (as ``jurisdiction``) and the patent number out of the first element
    shaped ``country: number[, date]``; the rest of that element stays for the imprint."""
    if d.has("number"):
        return elements
    work = d.work
    for k, (es, ee) in enumerate(elements):
        m = _PATENT_NO.match(work, es, ee)
        if not m:
            continue
        d.set("number", m.group("num"), *m.span("num"), 0.8)
        ws, we = m.span("where")
        cut = _PATENT_WORD.search(work, ws, we)
        if cut and cut.start() > ws:
            we = cut.start()
        d.set("jurisdiction", work[ws:we].strip(), ws, we, 0.75)
        tail = (m.end("num"), ee)
        rest = [tail] if work[tail[0] : tail[1]].strip(_BLANK_ELEMENT + ",，") else []
        return elements[:k] + rest + elements[k + 1 :]
    return elements


# -- without type codes ------------------------------------------------------------------------

_LETTER = regex.compile(r"\p{L}")
_NUMBER_END = regex.compile(r"(?:^|[\s:])\p{Lu}{1,4}\s?\d{1,6}$")
_BARE_LABEL = regex.compile(r"\d{1,3}\s+(?=\p{Han})")
_NOT_SHAPE = regex.compile(
    r"学位论文|博士|硕士|thesis|dissertation|报告|report|专利|patent|标准|standard",
    regex.IGNORECASE,
)
_CONFERENCE = regex.compile(
    r"会议|论文集|proceedings|conference|symposium|workshop|congress", regex.IGNORECASE
)


_GBT_YEAR = regex.compile(r"[,，]\s*(?:1[5-9]|20)\d\d[a-z]?\s*(?:[,(:.]|$)")


def applies_nocode(d: Draft) -> bool:
    """A reference that may be GB/T 7714 printed without type codes (``[J]``, ``[M]``...): Chinese,
    or opening with names written family name first and initials (``Smith J, Doe A B.``)."""
    if d.work.find(".", d.start, d.end) < 0:
        return False
    if HAN.search(d.work, d.start, d.end) is not None:
        return True
    # Latin: the names, and the year where GB/T puts it (", 2010, 3(2)", ", 2001.", ", 2010: 5")
    return (
        VANCOUVER_NAMES.match(d.work, d.start, d.end) is not None
        and _GBT_YEAR.search(d.work, d.start, d.end) is not None
    )


def parse_nocode(d: Draft) -> bool:
    """GB/T 7714 without type codes, in its common shapes only:

        作者. 题名. 刊名, 2019, 35(4): 12-18.        作者. 2019. 题名. 刊名, 35(4): 12-18.
        作者. 题名. 北京: 出版者, 2019.               作者. 题名//编者. 书名. 北京: 出版者, 2019: 12-18.

    The type is read from what follows the title; the names or the title must be Chinese, and every
    letter and digit must land in a field.  Anything else is left to the labeller (False).  Works on a copy:
    ``d`` changes only when the parse is kept."""
    work = d.work
    if _NOT_SHAPE.search(work, d.start, d.end):
        return False  # a genre the shape cannot tell
    c = d.copy()
    label = _BARE_LABEL.match(work, c.start, c.end)
    if label:  # "12 吕梓. …": a list number without a dot or brackets
        c.claim(c.start, label.end())
        c.start = label.end()
    if work[c.start : c.start + 1].isdigit():
        return False
    head = split_elements(work, c.start, c.end)
    if len(head) == 2 and (book := _TITLE_COLON_IMPRINT.fullmatch(work, *head[1])):
        return _title_colon_imprint(d, c, head, book)
    if len(head) < 3 and not (len(head) == 2 and VANCOUVER_NAMES.match(work, c.start, c.end)):
        return False  # ("Smith J. Title. …": the stop after an initial does not split the head)
    # the responsibility (and a year after it) is in the first two elements: "作者. 2019. 题名."
    title_start = _responsibility(c, min(c.end, head[1][1] + 1))
    if not c.has("author"):
        return False
    elements = split_elements(work, title_start, c.end)
    if len(elements) < 2:
        return False
    ts, te = elements[0]
    k = work.find("//", ts, te)
    analytic = k > ts
    if analytic:
        te = trim(work, ts, k)[1]
        after = _ANALYTIC.match(work, k, c.end).end()  # it matches "//"
    else:
        after = te
    if te <= ts or work[te - 1] in "]〕】":
        return False  # a bracket ending the title is a type mark of some other form
    if not HAN.search(work, c.start, te) and not all("given" in n for n in c.values["author"]):
        return False  # a Chinese reference, or personal names in GB/T form
    rest = [
        e for e in split_elements(work, after, c.end) if work[e[0] : e[1]].strip(_BLANK_ELEMENT)
    ]
    if not rest:
        return False
    if analytic:
        code = "M"
        csl_type = "paper-conference" if _CONFERENCE.search(work, after, c.end) else "chapter"
    else:
        # a serial: a title, then numbers beyond the year (a title with a colon is place: publisher)
        s0, e0 = rest[0]
        nums = journal_numbers(work, s0, e0)
        if nums is not None:
            serial = (
                nums.start > s0
                and ":" not in work[s0 : nums.start]
                and bool(nums.volume or nums.issue or nums.pages or len(nums.date) > 1)
            )
        else:
            m = _SERIAL_TAIL.search(work, s0, e0) if c.has("issued") else None
            serial = bool(
                m
                and (m.group("vol") or m.group("iss"))
                and m.start() > s0
                and ":" not in work[s0 : m.start()]
            )
        if serial and nums is not None and len(nums.date) > 1:
            code, csl_type = "N", "article-newspaper"  # a day's date: a newspaper and its page
        elif serial:
            code, csl_type = "J", "article-journal"
        else:
            code, csl_type = "M", "book"
        if code == "M":
            te = title_volume(c, ts, te)
    c.style = "gbt7714-nocode"
    set_title(c, "title", ts, te, 0.9)
    c.set_type(csl_type, 0.8)  # read from the shape, not printed
    _after_code(c, code, analytic, None, after)
    needed = "publisher" if code == "M" and not analytic else "container-title"
    if not (c.has("issued") and c.has(needed)):
        return False
    covered, total = c._coverage([])
    if covered < total:  # with no code to go by, a reading that leaves text unexplained is a guess
        return False
    for name in ("title", "container-title", "publisher", "publisher-place"):
        if name in c.values and not _LETTER.search(c.values[name]):
            return False  # "编辑学报: 1017-1026" is no place and publisher
    if _NUMBER_END.search(c.values.get("title", "")):
        return False  # "…: TR 889", "… WP 606": a report or standard number the shape cannot place
    d.adopt(c)
    return True


# Baidu Baike's book: "作者．书名：出版社，2010" (the place left out, a colon before the publisher)
_TITLE_COLON_IMPRINT = regex.compile(
    rf"(?P<t>\p{{Han}}[^:,]{{0,80}}?)\s*:\s*(?P<imp>[^:,]{{0,40}}?(?:{'|'.join(sorted(w for w in words('publisher-words') if has_cjk(w)))})"
    r"\s*,\s*(?:1[5-9]|20)\d\d\s*年?(?:\s*:\s*\d[\d\-–~, ]*)?)\s*"
)


def _title_colon_imprint(
    d: Draft, c: Draft, head: list[tuple[int, int]], book: regex.Match[str]
) -> bool:
    """``曹雪芹．红楼梦：人民文学出版社，1982``: the names, the title, the publisher after a colon."""
    _responsibility(c, min(c.end, head[1][1] + 1))
    author = c.spans.get("author")
    if author is None or author[1] > head[0][1]:
        return False
    c.style = "gbt7714-nocode"
    set_title(c, "title", *trim(d.work, *book.span("t")), 0.85)
    if not parse_imprint(c, *book.span("imp"), confidence=0.8) or not c.has("publisher"):
        return False
    c.set_type("book", 0.8)
    covered, total = c._coverage([])
    if covered < total:
        return False
    d.adopt(c)
    return True


_ANONYMOUS = {"佚名", "Anon", "Anon.", "Anonymous", "無名氏", "无名氏"}


def _author_year(d: Draft, code_start: int) -> int | None:
    """``Names, YEAR.`` before the title (author-date lists): record both, return the title start."""
    work = d.work
    for m in _AUTHOR_YEAR.finditer(work, d.start, code_start):
        a, b = trim(work, d.start, m.start())
        if b <= a or not looks_like_names(work[a:b]):
            return None
        v = VANCOUVER_NAMES.match(work, a, b)
        if v and v.end() < b and work[v.end() - 2 : v.end()] == ". ":
            return None  # "Smith J. A title. J Cities, 2010,": names, then a title, before the year
        if work[a:b] in _ANONYMOUS:
            d.claim(a, b)
        elif not set_names(d, a, b, "author", 0.9):
            return None
        ys, ye = m.span("year")
        text = work[ys:ye].strip("[]")
        if work[ys] == "[":  # [2012]: no date; the citation year stands in for it
            d.claim(ys, ye)
        elif m.group("y") and text.startswith("c") and text[1:].isdigit():
            d.set("issued", {"date-parts": [[int(text[1:])]]}, *m.span("y"), 0.85)
        elif m.group("y") and text.isdigit():
            d.set(
                "issued",
                {"date-parts": [[int(text)]]},
                ys + work[ys:ye].find(text),
                ys + work[ys:ye].find(text) + 4,
                0.9,
            )
        elif (
            m.group("y") and len(text) == 5 and text[:4].isdigit()
        ):  # 2010a: the suffix only orders the list
            d.set("issued", {"date-parts": [[int(text[:4])]]}, *m.span("y"), 0.9)
        else:
            ts = ys + work[ys:ye].find(text)
            d.set("issued", {"literal": text}, ts, ts + len(text), 0.8)
        return m.end()
    return None


def _imprint_without_date(d: Draft, start: int, end: int) -> bool:
    """``北京: 中华书局: 29`` / ``Springfield: U.S. Department of Commerce`` (the year is up front)."""
    work = d.work
    text = work[start:end]
    if len(text) > 150 or ":" not in text:
        return False
    parts = [trim(work, a, b) for a, b in split_top_colon(work, start, end)]
    if len(parts) < 2 or any(b <= a for a, b in parts[:2]):
        return False
    (ps, pe), (qs, qe) = parts[0], parts[1]
    if (
        len(parts) == 2
        and _PAGES_ONLY.fullmatch(work, qs, qe)
        and (
            _PUBLISHER_ONLY.fullmatch(work, ps, pe)
            or (pe - ps <= 40 and not _DIGIT.search(work, ps, pe))
        )
    ):
        # "Rowman & Littlefield, Inc.: 13", "[D]. 东海大学: 30" (no place: a place is never
        # followed by pages alone)
        d.set("publisher", work[ps:pe], ps, pe, 0.75)
        d.set("page", work[qs:qe], qs, qe, 0.75)
        return True
    if pe - ps > 40 or any(ch.isdigit() for ch in work[ps:pe]):
        return False
    if UNKNOWN_IMPRINT.fullmatch(work, ps, pe):
        d.claim(ps, pe)  # "[出版地不详]: 三联书店" / "[S.l.]: Springer": read, and no value
    else:
        d.set("publisher-place", work[ps:pe], ps, pe, 0.8)
    qe = trim(work, qs, qe, " ,;:，；：" + MASK)[1]
    tail = _TRAILING_PAGES.search(work, qs, qe)
    if tail and len(parts) == 2:  # "Boston, MA: Springer US, 315~327"
        d.set("page", tail.group("p"), *tail.span("p"), 0.75)
        qe = trim(work, qs, tail.start(), " ,;:，；：" + MASK)[1]
    if UNKNOWN_IMPRINT.fullmatch(work, qs, qe):
        d.claim(qs, qe)  # "北京: [出版者不详]"
    else:
        d.set("publisher", work[qs:qe], qs, qe, 0.8)
    if len(parts) > 2 and parts[2][1] > parts[2][0]:
        d.set("page", work[parts[2][0] : parts[2][1]], *parts[2], 0.8)
    return True


def _document_number(d: Draft, start: int, end: int) -> int:
    """A document's number after its title's last colon (``若干意见: 温委〔2011〕8号[Z]``,
    ``某某通知: 国发〔2007〕19 号[EB/OL]``): the number; return where the title ends."""
    work = d.work
    colon = max(work.rfind(":", start, end), work.rfind("：", start, end))
    if colon <= start:
        return end
    a, b = trim(work, colon + 1, end)
    if b <= a or not DOC_NO.fullmatch(work, a, b):
        return end
    d.set("number", work[a:b], a, b, 0.85)
    return trim(work, start, colon)[1]


def _undated_imprint(work: str, start: int, end: int) -> bool:
    """``[出版地不详]: 中华书局`` / ``北京: 中华书局``: one colon, then a publisher's name only."""
    parts = split_top_colon(work, start, end)
    return len(parts) == 2 and _PUBLISHER_ONLY.fullmatch(work, *trim(work, *parts[1])) is not None


def split_top_colon(work: str, start: int, end: int) -> list[tuple[int, int]]:
    from .text import split_top

    return split_top(work, start, end, ":")


# an element that is a publisher's name and nothing else (no place, no year)
_PUBLISHER_ONLY = regex.compile(
    r"[^\d:：,，()\[\]]{1,40}(?:出版社|书局|书店|印书馆|书社|出版公司|出版集团)"
    r"|\p{Lu}[^\d:()\[\]]{0,60}\b(?:Press|Publishing|Publishers|Verlag|Group)(?:,?\s(?:Inc|Ltd|LLC)\.?)?"
)
_PAGES_ONLY = regex.compile(r"\d{1,6}(?:\s*[-~]\s*\d{1,6})?")
_DIGIT = regex.compile(r"\d")
_COUNTRY_NUMBER = regex.compile(  # (\G: only matched, see _THESIS_PUB)
    r"\G(?P<j>[^\d,，:：]{1,12}?)\s*+[,，]\s*+(?P<n>[A-Z]{0,3}\s?\d[\d.]{4,}[\dA-Z]{0,3})$"
)
# an element that is one abbreviated word or a few ("J", "Am. Chem", "Proc. Natl"), its stop ahead
_ABBREVIATED = regex.compile(r"\p{Lu}[\p{L}&]{0,11}(?:\.?\s\p{Lu}?[\p{L}&]{0,11}){0,4}")


_SPACED_TAIL = regex.compile(
    r"(?<=\S)\s+(?P<y>(?:1[5-9]|20)\d\d)\s+(?P<vol>\d{1,4})?\s*(?:\(\s*(?P<iss>[^()]{1,15})\s*\))?"
    r"\s*(?:[:：]\s*(?P<pages>\d{1,6}\s*[-–~]\s*\d{1,6}))?\s*$"
)
# (a match never starts inside a run of spaces except where the search starts: each try there
# scanned the run, a quadratic search)
_ONLINE_FIRST_PAGES = regex.compile(
    r"(?:\G|(?<!\s))\s*+[:：,，]\s*+(?P<p>\d{1,5}\s*[-–~]\s*\d{1,5})\s*+$"
)
_DOTTED_TAIL = regex.compile(
    r"(?P<y>(?:1[5-9]|20)\d\d)\s*\.\s*(?P<vol>\d{1,4})?\s*(?:\(\s*(?P<iss>[^()]{1,15})\s*\))?"
    r"(?:\s*\.\s*(?P<pages>\d{1,6}(?:\s*[-–~]\s*\d{1,6})?))?[\s.]*"
)


def _dotted_tail(d: Draft, code: str, elements: list[tuple[int, int]]) -> bool:
    """``管理世界.2019.35(3).12-25.``: journal, year, volume(issue) and pages each closed by a full
    stop (a hand-typed list); the usual commas and colon are missing."""
    work = d.work
    if code != "J" or len(elements) < 2 or work[elements[0][0]].isdigit():
        return False
    m = _DOTTED_TAIL.fullmatch(work, elements[1][0], elements[-1][1])
    if not m or not (m.group("vol") or m.group("iss")):
        return False
    set_title(d, "container-title", *elements[0], 0.8)
    d.set("issued", {"date-parts": [[int(m.group("y"))]]}, *m.span("y"), 0.85)
    if m.group("vol"):
        d.set("volume", m.group("vol"), *m.span("vol"), 0.85)
    if m.group("iss"):
        d.set("issue", clean_issue(m.group("iss")), *m.span("iss"), 0.85)
    if m.group("pages"):
        d.set("page", m.group("pages"), *m.span("pages"), 0.85)
    return True


def _journal(d: Draft, code: str, elements: list[tuple[int, int]]) -> None:
    work = d.work
    s, e = elements[0]
    nums = journal_numbers(work, s, e)
    if nums is None and len(elements) > 1 and _ABBREVIATED.fullmatch(work, s, e):
        # "Environ. Sci. Technol., 1970, 37(12)": the stops of an abbreviated title split it; the
        # title runs on through abbreviated words to the element that holds the numbers
        k = 1
        while k + 1 < len(elements) and k < 6 and _ABBREVIATED.fullmatch(work, *elements[k]):
            k += 1
        if _DIGIT.search(work, *elements[k]) and work[elements[k][0]].isupper():
            e = elements[k][1]
            elements = [(s, e)] + elements[k + 1 :]
            nums = journal_numbers(work, s, e)
    if nums is None and d.has("issued") and not work[s].isdigit():
        m = _SERIAL_TAIL.search(work, s, e)
        if m and (m.group("vol") or m.group("iss")) and m.start() > s:
            set_title(d, "container-title", s, m.start(), 0.85)
            if m.group("mon"):  # 人民日报, 4月19日(9): the year came after the author
                parts = d.values["issued"].get("date-parts", [[]])[0]
                mon, day = int(m.group("mon")), int(m.group("day"))
                if len(parts) == 1 and 1 <= mon <= 12 and 1 <= day <= 31:
                    d.values["issued"] = {"date-parts": [[parts[0], mon, day]]}
                d.claim(m.start("mon"), m.end("day") + 1)
            if m.group("vol"):
                d.set("volume", m.group("vol"), *m.span("vol"), 0.85)
            if m.group("iss"):
                d.set(
                    "page" if code == "N" else "issue",
                    clean_issue(m.group("iss")),
                    *m.span("iss"),
                    0.85,
                )
            if m.group("pages"):
                ps, pe = trim(work, *m.span("pages"))
                d.set("page", work[ps:pe], ps, pe, 0.85)
            return
    if nums is None and _dotted_tail(d, code, elements):
        return
    if (
        nums is None
        and (sm := _SPACED_TAIL.search(work, s, e))
        and (sm.group("vol") or sm.group("iss"))
    ):
        # "同济大学学报（自然科学版） 2004 32 （2） ： 246－252" (PDF text lost the commas)
        set_title(d, "container-title", s, sm.start(), 0.8)
        d.set("issued", {"date-parts": [[int(sm.group("y"))]]}, *sm.span("y"), 0.85)
        if sm.group("vol"):
            d.set("volume", sm.group("vol"), *sm.span("vol"), 0.85)
        if sm.group("iss"):
            d.set("issue", clean_issue(sm.group("iss")), *sm.span("iss"), 0.85)
        if sm.group("pages"):
            ps, pe = trim(work, *sm.span("pages"))
            d.set("page", work[ps:pe], ps, pe, 0.85)
        return
    if (
        nums is None
        and (pm := _ONLINE_FIRST_PAGES.search(work, s, e))
        and pm.start() > s
        and not _DIGIT.search(work, s, pm.start())  # (not "学报 2009 38 (2) : 215-224")
    ):
        # "图书情报工作:1-10" (online first: no year, volume or issue yet)
        set_title(d, "container-title", s, pm.start(), 0.85)
        ps, pe = pm.span("p")
        d.set("page", work[ps:pe], ps, pe, 0.85)
        for el in elements[1:]:
            if parse_imprint(d, *el):
                break
        return
    if nums is None:
        if not work[s].isdigit():  # "临床内科杂志[J]. 1984, 1(1)-." is a whole serial
            set_title(d, "container-title", s, e, 0.6)
        elif code == "J":
            d.set_type("periodical", 0.8)
            # the holdings, "1984, 1(1)-": kept whole as the volume, as the 2025 styles print it
            d.set("volume", work[s:e], s, e, 0.75)
        for el in elements[1:]:
            if parse_imprint(d, *el):
                break
        return
    set_title(d, "container-title", s, nums.start, 0.9)
    ys, ye = nums.date_span if len(nums.date) > 1 else nums.year
    d.set("issued", {"date-parts": [nums.date]}, ys, ye, 0.92)
    if nums.volume:
        d.set("volume", work[slice(*nums.volume)], *nums.volume, 0.9)
    if nums.total:
        d.flag("total_issue", work[slice(*nums.total)])
        d.claim(
            nums.total[0] - 3
            if work[nums.total[0] - 3 : nums.total[0]].lower() == "no."
            else nums.total[0],
            nums.total[1],
        )
    if nums.issue:
        value = clean_issue(work[slice(*nums.issue)])
        if code == "N":
            d.set("page", value, *nums.issue, 0.85)
        else:
            d.set("issue", value, *nums.issue, 0.9)
    if nums.pages:
        ps, pe = trim(work, *nums.pages)
        d.set("page", work[ps:pe], ps, pe, 0.9)
