"""A library catalogue's record copied as a reference (ISBD punctuation, as Chinese OPACs and the
CIP data on a book's copyright page print it):

    乡土中国 / 费孝通著. -- 北京 : 北京大学出版社, 2012. -- 135页
    城市治理/张三主编.—2版.—北京:人民出版社,2010

Title, the statement of responsibility after ``/``, an edition, then ``place : publisher, year``
and the extent, each area opened by ``. --`` (the view folds the dash to ``-``).  The parse is
kept only when every letter and digit lands in a field (or in the extent, which CSL has no
field for).
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.script import HAN
from .common import set_names, set_title
from .draft import Draft
from .numbers import edition
from .text import trim

__all__ = ["applies", "parse"]

# ". --", ".—", "—" between the areas (possessive runs, what follows each being no space: a run
# split every way between adjacent \s* made a record with thousands of spaces take ~1 s)
_AREA = r"\s*+\.?\s*+-{1,2}\s*+"
_RECORD = regex.compile(
    rf"(?P<t>[^/]{{1,200}}?)\s*+/\s*+(?P<who>[^/]{{1,80}}?){_AREA}"
    rf"(?:(?P<ed>[^.:,/\-]{{1,12}}?版){_AREA})?"
    r"(?P<place>[^:,./\-]{1,20}?)\s*+:\s*+(?P<pub>[^:,/]{2,60}?)\s*+,\s*+"
    r"(?P<y>(?:1[5-9]|20)\d\d)(?:\s*+[.年]\s*+(?P<m>\d{1,2})\s*+月?)?"
    rf"(?:{_AREA}(?P<extent>[^/:]{{1,40}}?))?\s*+\.?\s*+"
)


def applies(d: Draft) -> bool:
    work = d.work
    return (
        work.find("/", d.start, d.end) > d.start
        and work.find("-", d.start, d.end) > 0
        and work.find(":", d.start, d.end) > 0
        and HAN.search(work, d.start, d.end) is not None
    )


def parse(d: Draft) -> bool:
    work = d.work
    m = _RECORD.fullmatch(work, d.start, d.end)
    if m is None or "//" in work[d.start : d.end]:  # (GB/T's "//" before a host is no record)
        return False
    c = d.copy()
    c.style = "catalogue"
    set_title(c, "title", *trim(work, *m.span("t")), 0.85)
    # the statements of responsibility, one per role: "(美)曼昆著;梁小民,梁砾译"
    at = m.start("who")
    roles: set[str] = set()
    for k in [*(i for i in range(at, m.end("who")) if work[i] == ";"), m.end("who")]:
        a, b = trim(work, at, k)
        at = k + 1
        if b <= a:
            continue
        role = set_names(c, a, b, "author", 0.85)
        if role is None or role in roles:
            return False  # (no names, or two groups in one role)
        roles.add(role)
    if m.group("ed"):
        ed = edition(m.group("ed").strip())
        if not ed:
            return False
        c.set("edition", ed, *trim(work, *m.span("ed")), 0.85)
    c.set("publisher-place", m.group("place").strip(), *trim(work, *m.span("place")), 0.85)
    c.set("publisher", m.group("pub").strip(), *trim(work, *m.span("pub")), 0.85)
    parts = [int(m.group("y"))]
    y_end = m.end("y")
    if m.group("m") and 1 <= int(m.group("m")) <= 12:
        parts.append(int(m.group("m")))
        y_end = m.end("m")
    c.set("issued", {"date-parts": [parts]}, m.start("y"), y_end, 0.85)
    if m.group("extent"):
        c.claim(*m.span("extent"))  # "135页": the extent (no CSL field)
    c.set_type("book", 0.85)
    covered, total = c._coverage([])
    if covered < total:
        return False
    d.adopt(c)
    return True
