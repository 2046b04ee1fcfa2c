"""GB/T 7714 (2015 / 2025) entries with a document type code.

    主要责任者. 题名: 其他题名信息[文献类型标识/载体标识]. 其他责任者. 版本项. 出版地: 出版者, 出版年: 引文页码[引用日期]. 获取和访问路径. DOI.
    析出责任者. 析出题名[标识]//专著主要责任者. 专著题名. 版本项. 出版地: 出版者, 出版年: 页码.
    析出责任者. 析出题名[J]. 连续出版物题名, 年, 卷(期): 页码.

Punctuation may be full-width or ASCII, with or without spaces (the view is normalised).
"""

from __future__ import annotations

import regex

from .common import (is_stop, parse_imprint, set_names, set_title, split_elements, title_number,
                     title_volume)
from .draft import Draft
from .identifiers import find_access_date
from .names import looks_like_names, parse_names
from .numbers import clean_issue, edition, journal_numbers
from .text import MASK, trim

__all__ = ["TYPE_CODE", "applies", "parse"]

TYPE_CODE = regex.compile(
    r"\[\s*(?P<code>J|M|C|D|N|R|S|P|EB|DB|CP|DS|CM|A|Z|G|K)\s*"
    r"(?:/\s*(?P<carrier>OL|CD|MT|DK|CD-ROM))?\s*\]")

# code -> (CSL type, custom.gbt_type_code when the CSL type cannot express the code)
_TYPES = {
    "J": ("article-journal", None), "M": ("book", None), "C": ("book", "C"),
    "D": ("thesis", None), "N": ("article-newspaper", None), "R": ("report", None),
    "S": ("standard", None), "P": ("patent", None), "EB": ("webpage", None),
    "DB": ("dataset", "DB"), "DS": ("dataset", None), "CM": ("map", None),
    "CP": ("software", None), "A": ("collection", "A"), "G": ("collection", "G"),
    "Z": ("document", "Z"), "K": ("document", "K"),
}
_NUMBERED = {"S", "P", "R", "A"}
_TRANSLATOR = regex.compile(r"(?:译|trans\.?|translated)\s*$", regex.IGNORECASE)


def applies(d: Draft) -> bool:
    return TYPE_CODE.search(d.work, d.start, d.end) is not None


def _author_split(d: Draft, start: int, end: int) -> int | None:
    """Position of the full stop that ends the responsibility group, if any."""
    work = d.work
    tries = 0
    for i in range(start, end):
        if work[i] != "." or not is_stop(work, i, start, end, after_initial=True):
            continue
        tries += 1
        if tries > 8:
            return None
        a, b = trim(work, start, i + 1)
        left = work[a:b]
        if looks_like_names(left) and trim(work, i + 1, end)[1] > trim(work, i + 1, end)[0]:
            group = parse_names(left)
            if group.names:
                return i
    return None


def parse(d: Draft) -> bool:
    work = d.work
    m = TYPE_CODE.search(work, d.start, d.end)
    if not m:
        return False
    code = m.group("code")
    analytic = work.startswith("//", m.end())
    csl_type, custom_code = _TYPES[code]
    if code == "M" and analytic:
        csl_type = "chapter"
    elif code == "C" and analytic:
        csl_type, custom_code = "paper-conference", None
    d.claim(m.start(), m.end() + (2 if analytic else 0))
    d.style = "gbt7714"

    # -- responsibility and title ----------------------------------------------------
    split = _author_split(d, d.start, m.start())
    title_start = d.start
    if split is not None:
        a, b = trim(work, d.start, split + 1)
        set_names(d, a, b, "author", 0.9)
        title_start = split + 1
    ts, te = trim(work, title_start, m.start())
    if code in _NUMBERED:
        te = title_number(d, ts, te)
        if code == "A" and d.has("number"):
            csl_type, custom_code = "legislation", None
    elif code == "M" and not analytic:
        te = title_volume(d, ts, te)
    set_title(d, "title", ts, te, 0.92)
    d.set_type(csl_type, 0.95)
    if custom_code:
        d.flag("gbt_type_code", custom_code)

    # -- after the code ----------------------------------------------------------------
    pos = m.end() + (2 if analytic else 0)
    find_access_date(d, pos, d.end)
    work = d.work
    elements = [e for e in split_elements(work, pos, d.end) if work[e[0]:e[1]].strip(MASK + " .,")]
    if not elements:
        return True
    if code in ("J", "N") and not analytic:
        _journal(d, code, elements)
        return True
    # find the imprint: the last element that parses as one
    imprint = None
    for k in range(len(elements) - 1, -1, -1):
        if parse_imprint(d, *elements[k]):
            imprint = k
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
        else:
            rest.append((s, e))
    if analytic:
        if len(rest) >= 2 and looks_like_names(work[rest[0][0]:rest[0][1]]):
            set_names(d, *rest[0], "container-author", 0.8)
            rest = rest[1:]
        if rest:
            cs, ce = rest[0]
            ce = title_volume(d, cs, ce)
            set_title(d, "container-title", cs, ce, 0.85)
    return True


def _journal(d: Draft, code: str, elements: list[tuple[int, int]]) -> None:
    work = d.work
    s, e = elements[0]
    nums = journal_numbers(work, s, e)
    if nums is None:
        if not work[s].isdigit():  # "临床内科杂志[J]. 1984, 1(1)-." is a whole serial
            set_title(d, "container-title", s, e, 0.6)
        elif code == "J":
            d.set_type("periodical", 0.8)
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
        d.claim(nums.total[0] - 3 if work[nums.total[0] - 3:nums.total[0]].lower() == "no." else nums.total[0],
                nums.total[1])
    if nums.issue:
        value = clean_issue(work[slice(*nums.issue)])
        if code == "N":
            d.set("page", value, *nums.issue, 0.85)
        else:
            d.set("issue", value, *nums.issue, 0.9)
    if nums.pages:
        ps, pe = trim(work, *nums.pages)
        d.set("page", work[ps:pe], ps, pe, 0.9)
