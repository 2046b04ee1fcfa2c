"""Web notes without a type code: what is left around a link and an access date.

    城市治理. 某某百科[引用日期2020-01-02]. https://…          title, site
    淮海战役．某某网．2010-10-10[引用日期2014-06-22]                title, site, date
    How to cite things - Example Site. https://… [Accessed 3 May 2020]   title, site
    Doe J. A web page[Online]. Available: https://… (accessed …)        author, title
    某某协会. 城市治理. 某某网. https://…                             author, title, site
    张三：“题名”，载某某网，https://…，最后访问日期：2020年1月2日。     author, title, site
    “词条”，百度百科，https://…，2021年3月5日访问。                     title, site

The link and the access date are already taken (:mod:`.identifiers`); this module reads the one to
three elements before them, types the item ``webpage`` and keeps the parse only when every letter
and digit lands in a field (as GB/T without type codes does).  Works on a copy of the draft.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.script import HAN
from .common import set_names, set_title, split_elements
from .draft import Draft
from .gbt7714 import TYPE_CODE
from .identifiers import access_date_closes, find_access_date, parse_iso_date
from .names import VANCOUVER_NAMES, looks_like_names, parse_names, personal_names_only
from .text import MASK, split_top, trim

__all__ = ["SITE", "applies", "parse"]

# marks of the medium and of the link, which are structure: "[Online]", "Available:", "网址：", and
# APA's "(n.d.)" (no date)
_MARKS = regex.compile(
    r"\[\s*(?:online|internet|web|网络|在线)\s*\]|\b(?:available(?:\s+(?:at|from|online))?|retrieved\s+from|"
    r"online|url)\s*[:：]?|(?:网址|链接|来源)\s*[:：]|\[\s*\]|\(\s*\)|\(\s*(?:n\.\s?d\.?|no\s+date)\s*\)|[\[\]()]",
    regex.IGNORECASE,
)
# "(n.d.)" and Harvard's "(no date)" after the author: they end the author's element
_NO_DATE = regex.compile(r"\(\s*(?:n\.\s?d\.?|no\s+date)\s*\)", regex.IGNORECASE)
# the name of a web site or an online service (the item's container)
SITE = regex.compile(
    r"(?:百科|百科全书|网|网站|官网|官方网站|平台|论坛|博客|公众号|微博|知乎|专栏|频道|在线|Wikipedia|"
    r"Encyclopedia|Blog|News|Online|"
    r"\.(?:com|org|net|gov|edu|cn)|Site|Website|Portal)\s*$",
    regex.IGNORECASE,
)
# "Title - Site", "Title | Site", "Title_Site" (a page's title bar)
_TITLE_BAR = regex.compile(r"\s+[-|–—]\s+|_(?=[^_]{2,40}$)")
_LIST_SHAPE = regex.compile(r"[“”\"]|[,，]\s|\((?:1[5-9]|20)\d\d\)")
# a quoted word inside a Chinese title ("一带一路"倡议): no quoted title of a list's shape
_QUOTED_WORD = regex.compile(r"[“\"][^“”\"]{1,20}[”\"](?=\p{Han})")
# "World Bank. (2021). Title": an author-date list's date (its brackets are blanked in the view)
_AUTHOR_DATE = regex.compile(r"\((?:1[5-9]|20)\d\d[a-z]?[),]")
_YEAR_ONLY = regex.compile(r"(?:1[5-9]|20)\d\d[a-z]?")
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")
_ISO_SHAPE = regex.compile(r"(?:1[5-9]|20)\d\d-\d{1,2}(?:-\d{1,2})?")
# Baidu Baike's access date right after the element: "…．国际标准化组织[引用日期2014-11-22]"
_CITED_ON = regex.compile(r"\s*\[\s*引用日期")
# what follows the link of a Markdown "[题名](https://…)": ")", a stop and more elements
_AFTER_LINK = regex.compile(r"\)\s*[.,]\s*[\p{L}\p{N}]")
# the page's date written out: 新华网. 题名. 2021年6月1日. https://…
_CN_DATE = regex.compile(
    r"(?P<y>(?:1[5-9]|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?"
)


# a note's quoted web page (the legal-citation and house styles): lead-in, author, the quoted title
# (a Baike entry adds 词条), then the site (载 / 见 before it), up to the link
_QUOTED_NOTE = regex.compile(
    r"(?:(?:参见|参看|详见|见|转引自|引自|See)\s*)?"
    r"(?:(?P<who>[^“”\"《》,:]{1,40}?)\s*[,:]\s*)?"
    r"(?P<q>[“\"])(?P<t>[^“”\"]{1,300}?)[”\"](?:\s*词条)?\s*[,:]\s*"
    r"(?:(?:载于|载|见|来源|来自)\s*[:]?\s*)?(?P<site>[^,:“”\"《》\d]{2,60}?)\s*"
    # (or the site first: 参见百度百科“量子计算”词条)
    r"|(?:(?:参见|参看|详见|见|载于|载)\s*)?(?P<site>[^,:“”\"《》\d]{2,20}?)\s*"
    r"[“\"](?P<t>[^“”\"]{1,300}?)[”\"](?:\s*词条)?\s*"
    # (or the site after the title, then 词条: “城市治理”百度百科词条)
    r"|(?:(?:参见|参看|详见|见)\s*)?[“\"](?P<t>[^“”\"]{1,300}?)[”\"]\s*"
    r"(?P<site>[^,:“”\"《》\d]{2,20}?)\s*词条\s*"
)
# what may stand after the link: the page's own date (an access date is already taken)
_DATE_AFTER = regex.compile(
    r"(?P<y>(?:1[5-9]|20)\d\d)\s*(?:年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?|"
    r"-(?P<m>\d{1,2})-(?P<d>\d{1,2}))"
)


def applies(d: Draft) -> bool:
    return (d.has("URL") or d.has("accessed") or access_date_closes(d)) and TYPE_CODE.search(
        d.work, d.start, d.end
    ) is None


def _quoted_note(d: Draft) -> bool:
    """``张三：“题名”，载某某网，https://…，最后访问日期：…``: a note's web page with its title in
    quotes, the site after it and the link last (kept when every letter and digit is read)."""
    url = d.spans.get("URL")
    if url is None or url[0] <= d.start:
        return False
    work = d.work
    a, b = trim(work, d.start, url[0])
    m = _QUOTED_NOTE.fullmatch(work, a, b)
    if m is None or not m.group("site").strip():
        return False
    if (
        not m.group(0).rstrip().endswith("词条")
        and m.start("site") < m.start("t")
        and not SITE.search(m.group("site"))
    ):
        return False  # (a site before the title must say it is one: 百度百科, 某某网)
    c = d.copy()
    if m.group("who"):
        ws, we = trim(work, m.start("who"), m.end("who"))
        if not (looks_like_names(work[ws:we]) or _names_like(work[ws:we])):
            return False
        set_names(c, ws, we, "author", 0.8)
    set_title(c, "title", m.start("t"), m.end("t"), 0.85)
    ss, se = trim(work, m.start("site"), m.end("site"))
    set_title(c, "container-title", ss, se, 0.8)
    c.claim(a, b)  # the lead-in, quotes, 词条 and 载 left between the fields
    for dm in _DATE_AFTER.finditer(work, url[1], c.end):
        if c.has("issued") or not c.is_free(dm.start(), dm.end()):
            continue
        parts = [int(g) for g in dm.group("y", "m", "d") if g]
        if 1 <= parts[1] <= 12 and (len(parts) < 3 or 1 <= parts[2] <= 31):
            c.set("issued", {"date-parts": [parts]}, dm.start(), dm.end(), 0.75)
    c.style = "web"
    c.set_type("webpage", 0.8)
    covered, total = c._coverage([])
    if covered < total:
        return False
    d.adopt(c)
    return True


def parse(d: Draft) -> bool:
    if _quoted_note(d):
        return True
    c = d.copy()
    work = c.work
    if not c.has("accessed"):  # 题名. 维基百科[2018-05-06]: a bracketed date after the site
        find_access_date(c, c.start, c.end)
    for m in _MARKS.finditer(work, c.start, c.end):
        c.claim(m.start(), m.end())
    end = c.end
    for name in ("URL", "accessed", "DOI"):  # the elements stand before the link and the date
        span = c.spans.get(name)
        if span and span[0] > c.start:
            end = min(end, span[0])
    masked = work.find(MASK, c.start, end)
    if masked > c.start:
        end = masked
    url = c.spans.get("URL")
    linked = (  # 题名 (https://…) ．来源．日期: a Markdown link's title, the elements go on after it
        url is not None
        and end == url[0]
        and work[url[0] - 2 : url[0]] == " ("
        and _AFTER_LINK.match(work, url[1], c.end) is not None
    )
    if linked:
        end = c.end
    view = work  # the work text with the marks blanked out (same length)
    for a, b in c.claims:
        a, b = max(a, c.start), min(b, end)
        if b > a:
            view = view[:a] + " " * (b - a) + view[b:]
    for m in _NO_DATE.finditer(work, c.start, end):
        # "World Health Organization (n.d.) Fact sheet. Available at: …" (Harvard): the author's
        # element ends at the missing date, as at a full stop
        if m.start() > c.start and work[m.start() - 1] == " ":
            view = view[: m.start() - 1] + "." + view[m.start() :]
    if linked:
        view = view.replace(MASK, " ")
    elements = [e for e in split_elements(view, c.start, end) if _LETTER_OR_DIGIT.search(view, *e)]
    if (
        len(elements) == 1
        and "," in view[slice(*elements[0])]
        and HAN.search(view, *elements[0])
        and not _TITLE_BAR.search(view, *elements[0])  # (城市治理 - 维基百科，自由的百科全书)
    ):
        # 统计公报，国家统计局网站，2020年2月28日，https://…: a Chinese note's commas between its
        # elements (each piece Chinese; a piece of only Latin text is no element of this shape)
        pieces = [
            trim(view, a, b)
            for a, b in split_top(view, *elements[0], ",")
            if _LETTER_OR_DIGIT.search(view, a, b)
        ]
        dates = sum(_CN_DATE.fullmatch(view, a, b) is not None for a, b in pieces)
        if len(pieces) - dates == 2 and all(
            HAN.search(view, a, b) or _CN_DATE.fullmatch(view, a, b) for a, b in pieces
        ):  # (the title and the site; names before them are another shape's)
            elements = pieces
            for (_, b), (a, _) in zip(pieces, pieces[1:], strict=False):
                c.claim(b, a)  # (the commas)
    if elements and len(elements) < 3:
        # "Doe J. A web page": the stop after an initial ends the names (not split above)
        s0, e0 = elements[0]
        v = VANCOUVER_NAMES.match(view, s0, e0)
        if v and v.end() < e0 and view[v.end() - 2 : v.end()] == ". ":
            elements[0:1] = [trim(view, s0, v.end() - 1), (v.end(), e0)]
    cited = None  # where Baidu Baike's "[引用日期…]" may start: after the last element
    if elements:
        cited = elements[-1][1]
    if len(elements) >= 2 and not c.has("issued"):
        ds, de = trim(view, *elements[-1])
        parts = parse_iso_date(view[ds:de]) if _ISO_SHAPE.fullmatch(view, ds, de) else None
        if parts is None and (cn := _CN_DATE.fullmatch(view, ds, de)):
            parts = [int(g) for g in cn.group("y", "m", "d") if g]
            if not 1 <= parts[1] <= 12 or len(parts) > 2 and not 1 <= parts[2] <= 31:
                parts = None
        if parts and len(parts) >= 2:  # 题名．网站．2011-08-05[引用日期…]: the page's own date
            c.set("issued", {"date-parts": [parts]}, ds, de, 0.8)
            elements = elements[:-1]
    if (
        not 1 <= len(elements) <= 3
        or any(_LIST_SHAPE.search(_QUOTED_WORD.sub("", view[a:b])) for a, b in elements)
        or _AUTHOR_DATE.search(work, c.start, end)
        or any(
            _YEAR_ONLY.fullmatch(view, *trim(view, *e)) for e in elements
        )  # "NVIDIA. 2024. Title"
    ):
        return False  # quoted titles and comma-separated lists are other styles' shapes
    c.style = "web"
    if (
        len(elements) == 1
        and HAN.search(view, *elements[0])  # (a Chinese note: "Site: Title" is English's)
        and (lead := _AUTHOR_COLON.fullmatch(view, *elements[0]))
        and not SITE.search(lead.group("who"))  # (百度百科：城市更新: the site, then the title)
    ):
        # 国家统计局：统计公报: an organisation or person, then the page's title
        if not (looks_like_names(lead.group("who")) or _names_like(lead.group("who"))):
            return False
        ws, we = lead.span("who")
        set_names(c, ws, we, "author", 0.75)
        ts, te = lead.span("t")
        _title_and_site(c, ts, te)
    elif len(elements) == 1:
        _title_and_site(c, *elements[0])
    elif len(elements) == 2:
        (a, b), (s, e) = elements
        if (
            SITE.search(view, s, e)
            and not SITE.search(view, a, b)
            or cited is not None
            and _CITED_ON.match(c.text, cited, c.end)
            and not (HAN.search(view, a, b) and personal_names_only(view[a:b]))
        ):  # 题名. 网站 / Baidu Baike's "题名 ．来源[引用日期…]": the source, whatever its name
            set_title(c, "title", a, b, 0.8)
            set_title(c, "container-title", s, e, 0.75)
        elif looks_like_names(view[a:b]) or _names_like(view[a:b]):
            set_names(c, a, b, "author", 0.8)  # user or organisation, then the title
            _title_and_site(c, s, e)
        else:
            return False
    else:
        (a, b), (s, e), (p, q) = elements
        if not (looks_like_names(view[a:b]) or _names_like(view[a:b])):
            return False
        set_names(c, a, b, "author", 0.8)
        set_title(c, "title", s, e, 0.8)
        if ":" in view[p:q] and (im := _NLM_IMPRINT.fullmatch(view, p, q)):
            # "Geneva: World Health Organization; 2019" (NLM's web page): the imprint
            c.set("publisher-place", im.group("place"), im.start("place"), im.end("place"), 0.8)
            c.set("publisher", im.group("pub"), im.start("pub"), im.end("pub"), 0.8)
            y = int(im.group("y"))
            c.set("issued", {"date-parts": [[y]]}, im.start("y"), im.end("y"), 0.8)
        else:
            set_title(c, "container-title", p, q, 0.75)
    if not c.has("title"):
        return False
    _close_bracket(c, "title")
    c.set_type("webpage", 0.8)
    covered, total = c._coverage([])
    if covered < total:
        return False
    d.adopt(c)
    return True


def _names_like(text: str) -> bool:
    group = parse_names(text)
    return bool(group.names) and len(text) <= 60


def _title_and_site(c: Draft, s: int, e: int) -> None:
    """One element: the page's title, or ``Title - Site`` as a browser's title bar shows it."""
    work = c.work
    bars = list(_TITLE_BAR.finditer(work, s, e))
    if bars:
        bar = bars[-1]
        ts, te = trim(work, bar.end(), e)
        if 0 < te - ts <= 40 and (
            te - ts < bar.start() - s
            or SITE.search(work, ts, te)
            or _HAN_ONLY.fullmatch(work, ts, te)
            and HAN.search(work, s, bar.start())
        ):  # (not "PEP 8 – Style Guide for …"; 量子计算_百度百科 names its site, and so does a
            # Chinese name after the bar: 统计公报 - 国家统计局)
            set_title(c, "title", s, bar.start(), 0.75)
            set_title(c, "container-title", ts, te, 0.7)
            return
    paren = _SITE_PAREN.match(work, s, min(c.end, e + 1))  # (the closing bracket is a mark)
    if (
        paren
        and paren.end() >= e
        and (SITE.search(paren.group("site")) or _ORGANISATION.fullmatch(paren.group("site")))
    ):  # 城市治理（百度百科）, 统计公报（国家统计局）
        set_title(c, "title", *trim(work, paren.start("t"), paren.end("t")), 0.75)
        set_title(c, "container-title", paren.start("site"), paren.end("site"), 0.7)
        return
    lead = _SITE_LEAD.match(work, s, e)
    if lead and SITE.search(work, s, lead.end("site")):  # 百度百科：量子计算
        set_title(c, "container-title", lead.start("site"), lead.end("site"), 0.7)
        set_title(c, "title", lead.end(), e, 0.75)
        return
    set_title(c, "title", s, e, 0.75)


# NLM's imprint of a web page: "Geneva: World Health Organization; 2019"
_NLM_IMPRINT = regex.compile(
    r"\s*(?P<place>\p{Lu}[\p{L} .,'\-]{1,40}?)\s*:\s*(?P<pub>\p{Lu}[^:;]{1,80}?)\s*;\s*"
    r"(?P<y>(?:1[5-9]|20)\d\d)\s*"
)
# a site named in brackets after the page's title: 城市治理（百度百科）
_SITE_PAREN = regex.compile(
    r"(?P<t>[^()]{1,200}?)\s*\(\s*(?:(?:来源|来自|出自|source)\s*:\s*)?(?P<site>[^()]{2,20}?)\s*\)",
    regex.IGNORECASE,
)  # (万里长城（来源：新华网）: the source's label is no part of its name)
# a Chinese organisation that publishes a page, named in brackets after its title
_ORGANISATION = regex.compile(
    r"\p{Han}{2,20}(?:局|部|委|会|院|网|站|社|馆|所|中心|政府|办公室|办|厅|署|台|报|协会|集团|公司)"
)
_HAN_ONLY = regex.compile(r"[\p{Han}·]{2,20}")
# an author and the title, a colon between: 国家统计局：统计公报
_AUTHOR_COLON = regex.compile(r"(?P<who>[^:,.]{2,30}?)\s*:\s*(?P<t>[^:]{2,200})")
# a site named before the page's title: 百度百科：量子计算
_SITE_LEAD = regex.compile(r"(?P<site>[^:,.]{2,12}?)\s*:\s*")


def _close_bracket(c: Draft, name: str) -> None:
    """``粟裕逝世（2.5）``: the brackets were blanked as marks; a bracket the value opens is its own."""
    span = c.spans.get(name)
    if not span:
        return
    a, b = span
    work = c.work
    if b < c.end and work[b] == ")" and work.count("(", a, b) > work.count(")", a, b):
        set_title(c, name, a, b + 1, c.conf[name])
