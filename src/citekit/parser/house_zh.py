"""The 《》 house style of Chinese journals (the 引文注释 style of social-science journals).

    责任者:《题名》(版本),其他责任者译,出版者出版年年版,第N页。
    责任者:《题名》,《刊名》2016年第2期。
    责任者:《题名》,载某某主编:《书名》,出版者2010年版,第N页。
    [美]马克·H.穆尔:《创造公共价值》,伍满桂译,商务印书馆2016年版。
"""

from __future__ import annotations

import regex

from .common import set_names, set_title
from .draft import Draft
from .names import looks_like_names
from .numbers import cn_year_issue, edition
from .text import cn_number, find_close, split_top, trim

__all__ = ["applies", "parse"]

_PAGE = regex.compile(r"^第\s*(?P<p>[\dA-Za-z\-–~,、+]{1,30}|[一二三四五六七八九十百]{1,6})\s*页$")
_PUB_YEAR = regex.compile(
    r"^(?:(?P<place>[^:：,，]{1,12})\s*[:：]\s*)?(?P<pub>.*?)\s*,?\s*"
    r"(?P<y>(?:1[5-9]|20)\d\d)\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*)?(?:第?\s*[\d一二三四五六七八九十]{0,3}\s*)?版?$")
_CONTAINER_LEAD = regex.compile(r"^(?:载|见|收入|载于|参见)\s*")
_TRANSLATOR = regex.compile(r"(?:译|译校|编译|校译)$")
_PUBLISHER_WORD = regex.compile(r"出版社|书局|书店|印书馆|书社|出版公司|出版集团|大学|研究院|研究所|Press|Publishing")


def applies(d: Draft) -> bool:
    p = d.work.find("《", d.start, d.end)
    if p < 0:
        return False
    lead = d.work[d.start:p].rstrip()
    return not lead or lead.endswith((":", "：", ",", "，")) or looks_like_names(lead)


def parse(d: Draft) -> bool:
    work = d.work
    p = work.find("《", d.start, d.end)
    q = find_close(work, p, d.end, "《", "》")
    if p < 0 or q < 0:
        return False
    d.style = "house-zh"
    a, b = trim(work, d.start, p)
    if b > a:
        set_names(d, a, b, "author", 0.9)
    set_title(d, "title", p + 1, q, 0.93)
    d.claim(p, p + 1)
    d.claim(q, q + 1)
    pos = q + 1
    end = d.end
    # (第五版) / (修订版) / (上册) right after the title
    if pos < end and work[pos] == "(":
        close = find_close(work, pos, end, "(", ")")
        if close > 0:
            inner = work[pos + 1:close]
            ed = edition(inner)
            if ed:
                d.set("edition", ed, pos + 1, close, 0.9)
            elif regex.search(r"[卷册]$", inner) or inner in ("上", "中", "下"):
                d.set("volume", inner, pos + 1, close, 0.7)
            pos = close + 1
    has_container = has_publisher = newspaper = False
    chapter = False
    for s, e in split_top(work, pos, end, ",;，；"):
        s, e = trim(work, s, e, " ,;:。.，；：")
        if e <= s:
            continue
        text = work[s:e]
        lead = _CONTAINER_LEAD.match(text)
        k = work.find("《", s, e)
        if k >= 0 and (k == s or lead or work[k - 1] in ":："):
            close = find_close(work, k, e, "《", "》")
            if close < 0:
                continue
            if k > s:  # 载某某主编:《书名》
                ns = s + (lead.end() if lead else 0)
                na, nb = trim(work, ns, k)
                if nb > na:
                    set_names(d, na, nb, "container-author", 0.8)
                chapter = True
            elif lead:
                chapter = True
            set_title(d, "container-title", k + 1, close, 0.9)
            has_container = True
            tail = cn_year_issue(work, close + 1, e)
            if tail:
                d.set("issued", {"date-parts": [tail.date]}, tail.year[0],
                      tail.year[1] if len(tail.date) == 1 else tail.span[1], 0.9)
                if tail.volume:
                    d.set("volume", work[slice(*tail.volume)], *tail.volume, 0.9)
                if tail.issue:
                    d.set("issue", tail.issue, *tail.issue_span, 0.9)
                if len(tail.date) == 3:
                    newspaper = True
                    if tail.page:
                        d.set("page", work[slice(*tail.page)], *tail.page, 0.85)
                d.claim(tail.span[0], tail.span[1])
            continue
        m = _PAGE.match(text)
        if m:
            value = m.group("p")
            n = cn_number(value)
            if n is not None and not value.isdigit():
                value = str(n)
            d.set("page", value, s + m.start("p"), s + m.end("p"), 0.9)
            continue
        if _TRANSLATOR.search(text) and len(text) < 60:
            set_names(d, s, e, "translator", 0.85)
            continue
        m = _PUB_YEAR.match(text)
        if m and len(text) < 80 and (m.group("pub") or text.endswith("版")):
            if m.group("place"):
                d.set("publisher-place", m.group("place").strip(), s + m.start("place"), s + m.end("place"), 0.85)
            if m.group("pub"):
                ps, pe = trim(work, s + m.start("pub"), s + m.end("pub"))
                d.set("publisher", work[ps:pe], ps, pe, 0.9 if _PUBLISHER_WORD.search(m.group("pub")) else 0.7)
                has_publisher = True
            d.set("issued", {"date-parts": [[int(m.group("y"))]]}, s + m.start("y"), s + m.end("y"), 0.9)
            continue
        ed = edition(text)
        if ed and not d.has("edition"):
            d.set("edition", ed, s, e, 0.8)
            continue
        tail = cn_year_issue(work, s, e)
        if tail and tail.span == (s, e) and not d.has("issued"):
            d.set("issued", {"date-parts": [tail.date]}, tail.year[0], tail.year[1], 0.8)
            continue
        if _PUBLISHER_WORD.search(text) and not d.has("publisher") and len(text) < 40:
            d.set("publisher", text, s, e, 0.6)
            has_publisher = True
    if chapter or (has_container and has_publisher):
        d.set_type("chapter", 0.85)
    elif has_container and newspaper:
        d.set_type("article-newspaper", 0.85)
    elif has_container:
        d.set_type("article-journal", 0.9 if d.has("issue") or d.has("volume") else 0.7)
    elif has_publisher:
        d.set_type("book", 0.9)
    else:
        d.set_type("book", 0.5)
    return True
