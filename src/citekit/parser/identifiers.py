"""Identifiers and dates that look the same in every style: URL, DOI, ISBN, access dates.

:func:`extract_identifiers` runs first on every reference.  It records the identifiers and
masks them in ``Draft.work`` so that later rules never split a DOI or URL at its dots.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.identifiers import (
    BARE_URL,
    DOI_HOST,
    DOI_IN_TEXT,
    DOI_IN_URL,
    DOI_LABEL_BEFORE,
    LABELLED_ISBN,
    SHORT_DOI,
    URL_IN_TEXT,
)
from .draft import Draft

__all__ = [
    "MONTH_NAMES",
    "access_date_closes",
    "extract_identifiers",
    "find_access_date",
    "parse_iso_date",
]

_TRAIL = ".,;:。，；("  # "(" opens what follows ("…documentation( 2013)")
_CJK = regex.compile(r"[\p{Han}\u3000-\u303f]")
_URL_END = regex.compile(r"[.,;](?:doi|isbn|issn|cstr)\s*[:：]", regex.IGNORECASE)
# "….CSTR:32003.36.ChinaXiv.202303.00020.V1": China's science and technology resource identifier
_CSTR = regex.compile(r"CSTR\s*[:：]\s*(?P<id>\d{5}\.\d{2}\.[\w.\-/]*[\w/])")
_PATH_CHARS = regex.compile(r"[/=?&#]")
_HAN_PATH = regex.compile(r"[\p{Han}\w%\-.~/?=&#+]*")
# a date glued to the end of a URL after a comma or an opening bracket (no part of a path)
_URL_DATE = regex.compile(r"[,(]\s*(?:19|20)\d\d\s*-\s*\d{1,2}\s*-\s*\d{1,2}\b")
# "…/RevModPhys.75.715.URLhttps://…": a URL label written without a space ends the DOI
_DOI_END = regex.compile(r"[.,;]?URL\s*(?=https?\s*:|ftp\s*:|www\.|[:：])")


# a scheme-less URL's host ends in one of these before its path (a cheap test before BARE_URL)
_BARE_TLDS = (".org/", ".com/", ".edu/", ".gov/", ".net/", ".int/", ".io/", ".uk/", ".cn/")


def _strip_trailing(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    # an unmatched closing parenthesis belongs to the sentence, not the identifier
    while e > s and text[e - 1] == ")" and text.count("(", s, e) < text.count(")", s, e):
        e -= 1
    return e


def _doi_label(d: Draft, s: int) -> bool:
    """Claim and mask a ``DOI:`` label right before a DOI (or a doi.org link) at ``s``; whether
    there was one."""
    label = DOI_LABEL_BEFORE.search(d.text, max(d.start, s - 8), s)
    if label:
        d.claim(label.start(), s)
        d.mask(label.start(), s)
    return label is not None


def extract_identifiers(d: Draft) -> None:
    text = d.text
    s0, e0 = d.start, d.end
    url_spans: list[tuple[int, int]] = []
    # every URL holds "://" or "www." (in any case): most references have neither
    may_url = text.find("://", s0, e0) >= 0 or "www." in text[s0:e0].lower()
    found = list(URL_IN_TEXT.finditer(text, s0, e0)) if may_url else []
    if not found and any(t in text for t in _BARE_TLDS):  # "en.wikipedia.org/wiki/…" (MLA)
        found = list(BARE_URL.finditer(text, s0, e0))
    next_found = 0
    while next_found < len(found):
        m = found[next_found]
        next_found += 1
        s, e = m.start(), m.end()
        cut = _URL_END.search(text, s, e)  # "…/378.DOI:10.3390/…" written without a space
        if cut:
            e = cut.start()
            # "….DOI:http://doi.org/10.5255/…": the DOI, written as a link, is a URL of its own
            found[next_found:next_found] = URL_IN_TEXT.finditer(text, cut.end(), m.end())
        dated = _URL_DATE.search(text, s, e) if "20" in text[s:e] or "19" in text[s:e] else None
        if dated:  # "….html,2020-02-28/2020-05-01", "….html(2020-05-01)": a date glued to it
            e = dated.start()
        cjk = _CJK.search(text, s, e)  # "…t1622886.shtml，访问时间：…": Chinese text ends the URL
        if cjk:
            if text[cjk.start() - 1] in "/=":  # ".../item/城市治理", "?word=城市": a Chinese path
                e = _HAN_PATH.match(text, cjk.start(), e).end()
            else:
                e = cjk.start()
                k = text.rfind(",", s, e)  # "…/t2021.html，2021年3月1日访问": the comma ends it
                if k > s and not _PATH_CHARS.search(text, k, e):
                    e = k
        e = _strip_trailing(text, s, e)
        if e - s < 8:
            continue
        url_spans.append((s, e))
    for s, e in url_spans:
        url = text[s:e]
        host = DOI_HOST.match(url)
        if host:
            _doi_label(d, s)  # "DOI: https://doi.org/…": the label is read
        if host and not d.has("DOI"):
            d.set("DOI", url[host.end() :], s + host.end(), e, 0.95)
        elif not d.has("DOI"):
            m = DOI_IN_URL.search(url)
            if m:
                d.set("DOI", m.group(), s + m.start(), s + m.end(), 0.6)
        if not d.has("URL"):
            d.set("URL", url, s, e, 0.95)  # (spaces a line break put inside: gone in the view)
        d.mask(s, e)
    cstr = _CSTR.search(text, s0, e0) if text.find("CSTR", s0, e0) >= 0 else None
    if cstr and not any(s <= cstr.start() < e for s, e in url_spans):
        # CSL has no CSTR variable: kept as Zotero keeps it, a "CSTR: …" line of the note
        d.set("note", f"CSTR: {cstr.group('id')}", cstr.start("id"), cstr.end("id"), 0.9)
        d.claim(cstr.start(), cstr.start("id"))
        d.mask(cstr.start(), cstr.end("id"))
    # the patterns below start with a literal ("10.", "10/", "ISBN"): a reference without it is not searched
    for m in DOI_IN_TEXT.finditer(d.work, s0, e0) if d.work.find("10.", s0, e0) >= 0 else ():
        s, e = m.start(), m.end()
        # the lookahead may read past the match ("URLhttps : //…" has a space before ":")
        cut = _DOI_END.search(text, s, min(e0, e + 8)) if "URL" in m.group() else None
        if cut and cut.start() < e:
            e = cut.start()
        e = _strip_trailing(text, s, e)
        labelled = _doi_label(d, s)
        if not d.has("DOI") or d.conf.get("DOI", 0) < 0.9:
            d.set("DOI", text[s:e], s, e, 0.95 if labelled else 0.85)
        d.mask(s, e)
    if not d.has("DOI"):  # a short DOI after its prefix: "DOI: 10/gqs68c"
        m = SHORT_DOI.search(d.work, s0, e0) if d.work.find("10/", s0, e0) >= 0 else None
        if m:
            d.set("DOI", m.group(1), m.start(1), m.end(1), 0.85)
            d.claim(m.start(), m.start(1))
            d.mask(m.start(), m.end(1))
    find_access_phrase(d)
    m = LABELLED_ISBN.search(d.work, s0, e0) if d.work.find("ISBN", s0, e0) >= 0 else None
    if m:
        d.set("ISBN", m.group(1).strip(), m.start(1), m.end(1), 0.9)
        d.claim(m.start(), m.start(1))
        d.mask(m.start(), m.end(1))


_ACCESS = regex.compile(r"\[\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\s*\]")
_ISO = regex.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_iso_date(text: str) -> list[int] | None:
    """``2013-01-12`` → ``[2013, 1, 12]``; ``2013-01`` → ``[2013, 1]``; ``2013`` → ``[2013]``."""
    m = _ISO.fullmatch(text.strip())
    if not m:
        return None
    parts = [int(g) for g in m.groups() if g]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return None
    return parts


_ACCESS_LAST = regex.compile(r"[^\s\[\]]\s*\[\s*\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}\s*\][\s.。]*$")


def access_date_closes(d: Draft) -> bool:
    """Whether a bracketed date right after an element closes the reference (``题名．网站[2018-05-06]``):
    GB/T's citation date, though no type code or link says the item is online."""
    return _ACCESS_LAST.search(d.work, d.start, d.end) is not None


def find_access_date(d: Draft, start: int, end: int) -> None:
    """``[2013-10-25]`` (GB/T 引用日期) → ``accessed``; of two in a row (``[2016-05-19][2022-04-18]``)
    the first is the publication or update date."""
    found = list(_ACCESS.finditer(d.work, start, end))
    if (
        len(found) >= 2
        and not d.work[found[0].end() : found[1].start()].strip()
        and not d.has("issued")
    ):
        m = found.pop(0)
        parts = parse_iso_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
        if parts:
            d.set("issued", {"date-parts": [parts]}, m.start(1), m.end(3), 0.8)
            d.claim(m.start(), m.end())
            d.mask(m.start(), m.end())
    for m in found:
        parts = parse_iso_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
        if parts and not d.has("accessed"):
            d.set("accessed", {"date-parts": [parts]}, m.start(1), m.end(3), 0.9)
            d.claim(m.start(), m.end())
            d.mask(m.start(), m.end())


#: English month names and abbreviations (lower case) -> month number; article_numbers reads it too
MONTH_NAMES = {
    m: i + 1
    for i, ms in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ]
    )
    for m in ms.split()
}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_EN = (
    rf"(?:(?P<d1>\d{{1,2}})\s+{_MON}\s*,?\s*(?P<y1>\d{{4}})"
    rf"|{_MON.replace('mon', 'mon2')}\s+(?P<d2>\d{{1,2}})\s*,?\s*(?P<y2>\d{{4}})"
    rf"|(?P<y4>\d{{4}})\s+{_MON.replace('mon', 'mon4')}\s+(?P<d4>\d{{1,2}})\b"  # NLM: "2021 Jun 3"
    r"|(?P<y3>\d{4})\s*[-/.]\s*(?P<m3>\d{1,2})\s*[-/.]\s*(?P<d3>\d{1,2}))"
)
_DATE_ZH = r"(?P<yz>\d{4})\s*年\s*(?P<mz>\d{1,2})\s*月\s*(?:(?P<dz>\d{1,2})\s*日)?"
# "访问时间: 2020年12月1日", "最后访问日期：2020年5月1日", "2008年12月9日访问", "(last visited 2 March 2020)", "[accessed 5 February 2016]",
# "Accessed March 3, 2020", "retrieved on 2019-01-02"
_ACCESS_PHRASE = regex.compile(
    rf"(?:访问|引用|检索|浏览|获取)(?:时间|日期)?\s*[:：]?\s*(?:{_DATE_ZH}|{_DATE_EN.replace('(?P<', '(?P<a_')})"
    rf"|(?:{_DATE_ZH.replace('(?P<', '(?P<b_')})\s*(?:访问|引用|检索|浏览)"
    rf"|\b(?:last\s+)?(?:accessed|visited|retrieved|viewed|consulted|cited)\s*(?:on\s*)?[:]?\s*(?:{_DATE_EN.replace('(?P<', '(?P<c_')})",
    regex.IGNORECASE,
)


# every _ACCESS_PHRASE match holds one of these words
_ACCESS_WORDS = (
    "访问",
    "引用",
    "检索",
    "浏览",
    "获取",
    "accessed",
    "visited",
    "retrieved",
    "viewed",
    "consulted",
    "cited",
)


def _access_parts(m: regex.Match[str]) -> list[int] | None:
    g = {k: v for k, v in m.groupdict().items() if v}
    get = lambda *names: next((g[n] for n in names if n in g), None)  # noqa: E731
    y = get("yz", "b_yz", "a_y1", "a_y2", "a_y3", "a_y4", "c_y1", "c_y2", "c_y3", "c_y4")
    if not y:
        return None
    mon = get("mz", "b_mz", "a_m3", "c_m3")
    if mon is None:
        name = get("a_mon", "a_mon2", "a_mon4", "c_mon", "c_mon2", "c_mon4")
        mon = MONTH_NAMES.get(name.lower().rstrip(".")) if name else None
    day = get("dz", "b_dz", "a_d1", "a_d2", "a_d3", "a_d4", "c_d1", "c_d2", "c_d3", "c_d4")
    parts = [int(y)]
    if mon and 1 <= int(mon) <= 12:
        parts.append(int(mon))
        if day and 1 <= int(day) <= 31:
            parts.append(int(day))
    return parts


def find_access_phrase(d: Draft) -> None:
    """An access date written out (``访问时间：2020年12月1日``, ``last visited 2 March 2020``) → ``accessed``."""
    if d.has("accessed"):
        return
    low = d.work[d.start : d.end].lower()
    if not any(word in low for word in _ACCESS_WORDS):  # a cheap test before the long pattern
        return
    m = _ACCESS_PHRASE.search(d.work, d.start, d.end)
    if not m:
        return
    parts = _access_parts(m)
    if parts:
        starts = [m.start(g) for g, v in m.groupdict().items() if v]
        ds = min(starts) if starts else m.start()
        d.set(
            "accessed", {"date-parts": [parts]}, ds, m.end(), 0.85
        )  # the date; the words are structure
        lead = m.start() - 2 if d.work[m.start() - 2 : m.start()] in ("最后", "最近") else m.start()
        d.claim(lead, ds)  # (and "最后" before 访问日期)
        d.mask(lead, m.end())
