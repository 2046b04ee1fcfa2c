"""Elements written twice in one reference (R001: any style, not only GB/T 7714)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ..model import Diagnostic
from ..text.identifiers import LABELLED_DOI
from ._entry import Entry
from .registry import Context, diag, make_fix, rule

# A match starts where the search starts (``\G``) or after a non-space: the leftmost match
# always does, and without it the leading ``\s*`` is retried at every space of a long run
# (quadratic: 6,000 spaces took 0.9 s).
_SEP = regex.compile(r"(?:\G|(?<!\s))\s*(?:\.(?=\s|\p{Han}|$)|[．,，:：;；])\s*")


_SEP_FAST = re.compile(r"[.．,，:：;；] *")  # a cheap split to see whether any token repeats at all


_CODE_TWICE = regex.compile(r"(?P<a>\[[A-Z]{1,2}(?:/[A-Z]{2})?\])(?P<b>\s*(?P=a))")


@rule("R001", "duplicated-element", "warning", fixable=True)
def duplicated_element(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An element appears twice in one entry: the same year, publisher, name or title twice in
    a row, the type code twice, the same DOI or URL twice.  Usually a copy-paste or export slip;
    the safe fix removes the second copy.

    Bad: 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010, 2010.
    Good: 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.
    """
    raw = e.raw
    # 1. the same element twice in a row (a cheap test first: two equal neighbours at all?)
    toks = _SEP_FAST.split(raw)
    if len(set(toks)) < len(toks) and any(
        a == b and len(a) >= 2 for a, b in zip(toks, toks[1:], strict=False)
    ):
        excluded = e.urls + [(s, t) for s, t, _ in e.dois]
        prev_t = -1
        prev = ""
        pos = e.body
        for m in _SEP.finditer(raw, e.body):
            s, t = pos, m.start()
            pos = m.end()
            tok = raw[s:t]
            if excluded and any(a <= s < b or a < t <= b for a, b in excluded):
                prev = ""
                continue
            if tok and tok == prev and len(tok) >= 2 and (not tok.isdigit() or len(tok) == 4):
                yield diag(
                    "R001",
                    f"'{tok}' is repeated",
                    f"“{tok}”重复出现",
                    span=(s, t),
                    fix=make_fix("remove the repeated element", (prev_t, t, "")),
                )
                prev = ""
                continue
            prev, prev_t = tok, t
    # 2. the type code twice
    if "][" in raw or "] [" in raw:
        for m in _CODE_TWICE.finditer(raw, e.body):
            yield diag(
                "R001",
                f"the type code '{m.group('a')}' is repeated",
                f"文献类型标识“{m.group('a')}”重复",
                span=(m.start("b"), m.end("b")),
                fix=make_fix("remove the repeated code", (m.start("b"), m.end("b"), "")),
            )
    # 3. the same DOI or URL twice
    if (
        "oi:" in raw
        or "OI:" in raw
        or "oi：" in raw
        or "OI：" in raw
        or "oi :" in raw
        or "OI :" in raw
    ):
        seen: dict[str, int] = {}
        for m in LABELLED_DOI.finditer(raw, e.body):
            if e.in_url(m.start()):
                continue
            v = m.group("v").rstrip(".").lower()
            if v in seen:
                s = m.start()
                while s > 0 and raw[s - 1] in " .．":
                    s -= 1
                end = m.start("v") + len(m.group("v").rstrip("."))
                yield diag(
                    "R001",
                    "the DOI is given twice",
                    "DOI 重复著录",
                    span=(m.start(), end),
                    fix=make_fix("remove the second DOI", (s, end, "")),
                )
            else:
                seen[v] = m.start()
    if len(e.urls) > 1:
        seen_urls: set[str] = set()
        for s, t in e.urls:
            u = raw[s:t]
            if u in seen_urls:
                a = s
                while a > 0 and raw[a - 1] in " .．":
                    a -= 1
                yield diag(
                    "R001",
                    "the URL is given twice",
                    "网址重复著录",
                    span=(s, t),
                    fix=make_fix("remove the second URL", (a, t, "")),
                )
            seen_urls.add(u)
