"""English references in the house style of Chinese journals (comma-separated, often no spaces).

    Alford,J.&Hughes,O.,“Title”,Journal,2008,38(2):130-148.
    Moore,M.H.,Recognizing Public Value,Cambridge:Harvard University Press,2013.

Names are ``Family,Initials`` pairs joined by ``,`` and ``&`` (or ``and``); the title is quoted
for articles and bare for books; a book ends ``Place:Publisher,Year``.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from .common import parse_imprint, set_names, set_title
from .draft import Draft
from .numbers import clean_issue, edition, journal_numbers
from .text import find_close, trim

__all__ = ["applies", "parse"]

_PAIR = (  # "Alford,J." / "van Bennett,M." (a particle before the family name)
    r"(?:(?:van|von|der|den|de|la|le|du|da|di|del|dos|ter|ten)\s+)*"
    r"\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?\s*,\s*\p{Lu}\.(?:\s?-?\p{Lu}\.){0,3}"
)
_NAMES = regex.compile(
    rf"(?:{_PAIR})(?:\s*(?:,|&|,?\s*and\s)\s*(?:{_PAIR})){{0,30}}(?:\s*,?\s*et\s?al\.?)?\s*,"
)

# the genre after the title, up to the comma before the university
_THESIS = regex.compile(
    r"[.,]\s*(?P<genre>(?:Unpublished\s+)?(?:(?:MA|M\.A\.|MSc|M\.Sc\.|MPhil|M\.Phil\.|PhD|Ph\.\s?D\.?|BA|B\.A\.|"
    r"[Dd]octoral|[Mm]aster'?s|[Bb]achelor'?s|[Hh]onou?rs)\s+)?(?:[Tt]hesis|[Dd]issertation)\b[^,]*),"
)


# the year right after the names (USGS, AGU): "Smith, J.A., 2005, Title: …"
_LEAD_YEAR = regex.compile(r"(?P<y>(?:1[5-9]|20)\d\d)[a-z]?\s*[,.]\s+")

# the list goes on after the comma the match ended at ("Lacis, A. A., and Oinas, V.: Title",
# MLA's "Begon, M., et al. Title." and "Babu, B. V., et al., editors. Title."): the names end
# elsewhere, this is not the house style's shape
_MORE_NAMES = regex.compile(r"\s*+(?:and\b|&|et\s?al\b|editors?\b)")


def applies(d: Draft) -> bool:
    head = d.work[d.start : min(d.end, d.start + 2000)]
    m = _NAMES.match(head)
    return m is not None and not _MORE_NAMES.match(head, m.end())


def parse(d: Draft) -> bool:
    work = d.work
    m = _NAMES.match(work[d.start : min(d.end, d.start + 2000)])
    if not m:
        return False
    d.style = "house-en"
    names_end = d.start + m.end() - 1  # the comma after the names
    set_names(d, d.start, names_end, "author", 0.9)
    pos = names_end + 1
    while pos < d.end and work[pos] == " ":
        pos += 1
    if y := _LEAD_YEAR.match(work, pos, d.end):
        d.set("issued", {"date-parts": [[int(y.group("y"))]]}, y.start(), y.end("y"), 0.9)
        pos = y.end()
    if pos < d.end and work[pos] in '“"':
        if work[pos] == "“":
            q = find_close(work, pos, d.end, "“", "”")
        else:
            q = work.find('"', pos + 1, d.end)
        if q < 0:
            return False
        set_title(d, "title", pos + 1, q, 0.92)
        rest_s = q + 1
        nums = journal_numbers(work, rest_s, trim(work, rest_s, d.end)[1])
        if nums:
            set_title(d, "container-title", rest_s, nums.start, 0.9)
            d.set("issued", {"date-parts": [nums.date]}, *nums.year, 0.92)
            if nums.volume:
                d.set("volume", work[slice(*nums.volume)], *nums.volume, 0.9)
            if nums.issue:
                d.set("issue", clean_issue(work[slice(*nums.issue)]), *nums.issue, 0.9)
            if nums.pages:
                ps, pe = trim(work, *nums.pages)
                d.set("page", work[ps:pe], ps, pe, 0.9)
            d.set_type("article-journal", 0.9 if d.has("container-title") else 0.6)
        else:
            d.set_type("article", 0.4)
        return True
    # a thesis: Title. Unpublished MA thesis (…), University,Year.
    m = _THESIS.search(work, pos, d.end) if "hesis" in work or "issertation" in work else None
    if m and m.start() > pos:
        set_title(d, "title", pos, m.start(), 0.85)
        gs, ge = trim(work, m.start("genre"), m.end("genre"))
        set_title(d, "genre", gs, ge, 0.85)
        parse_imprint(d, m.end(), trim(work, m.end(), d.end)[1])
        d.set_type("thesis", 0.85)
        return True
    # a book: Title,Place:Publisher,Year.
    comma = work.find(",", pos, d.end)
    if comma < 0:
        set_title(d, "title", pos, d.end, 0.5)
        d.set_type("book", 0.4)
        return True
    set_title(d, "title", pos, comma, 0.85)
    nxt = work.find(",", comma + 1, d.end)
    ed = edition(work[comma + 1 : nxt]) if nxt > 0 else None
    if ed:  # "Principles of Economics,7th ed.,Boston:…": the edition before the imprint
        es, ee = trim(work, comma + 1, nxt)
        d.set("edition", ed, es, ee, 0.85)
        comma = nxt
    if parse_imprint(d, comma + 1, trim(work, comma + 1, d.end)[1]):
        d.set_type("book", 0.85 if d.has("publisher") else 0.6)
    else:
        d.set_type("book", 0.4)
    return True
