"""Numbers that name a document: patents, RFCs, and the number at the end of a report series.

- :func:`find_doc_numbers` runs with the identifiers, before any style: ``统一书号: 3031·123``,
  ``U.S. Patent 6,285,999``, ``US6285999B1``
  (``number`` and ``jurisdiction``; the commas inside the number must not split the reference)
  ``RFC 9110`` and a standard's number standing alone (``IEEE Std 802.11-2016``,
  ``ISO 9001:2015``) are taken and masked; so are APA's bracketed numbers after the title,
  ``Title (Patent No. US828402)`` and ``Title (ISO 21378:2019)``.
- :func:`preprint_number` runs when a parse is finished: a preprint's arXiv identifier
  (``Preprint, arXiv:1206.5454``) is its number when nothing names a journal or book it is in.
- :func:`report_series` runs when a parse is finished: ``NBER Working Paper, No. 1234``,
  ``Discussion Paper Series No. 7`` read as a publisher or journal, or left unread, is the genre
  (a name ending in ``Series``: the collection) and the number after it the report's number.
- :func:`split_genre_number` runs when a parse is finished: a ``genre`` that ends in a number
  (``NBER Working Paper No. 1234``, ``Tech. rep. TR-2010-1``) keeps the series words as ``genre``
  and gives the number to ``number``.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from .draft import Draft
from .text import trim

__all__ = [
    "CN_STANDARD_NO",
    "find_doc_numbers",
    "preprint_number",
    "report_series",
    "split_genre_number",
]

_PATENT = regex.compile(
    r"\b(?P<j>U\.\s?S\.|US|United States|EP|European|WO|CN|JP|DE|GB|FR)\s+Pat(?:ent|\.)\s*"
    r"(?:(?:No|Number)\.?\s*)?(?P<num>\d{1,2},\d{3},\d{3}|\d{1,2}\s\d{3}\s\d{3}\b|"  # IEEE: "4 084 217"
    r"[A-Z]{0,2}\d{5,}(?:\.\d)?[A-Z]?\d?)(?:\s?[ABU]\d\b)?",  # (a kind code: "B2")
)
# a patent's publication number standing as an element: "US6285999B1", "EP 1234567 A1"
_PATENT_PUB = regex.compile(
    r"(?P<j>\b(?:US|EP|WO|CN|JP|DE|GB|FR|KR))\s?(?P<num>\d{6,12})\s?[ABUC]\d?"
    r"(?=[,.;]?\s|[,.;]?$)"
)
# a standard's number standing as an element of its own ("…, IEEE Std 802.11-2016, 2016."; "ISO
# 9001:2015. Quality management …"): the number of a standard (in a title it is only words)
_STANDARD = regex.compile(
    r"(?:(?:ANSI/)?IEEE\s+Std\.?\s*\d[\d.]*[a-z]?(?:[-–]\d{4})?"
    r"|(?:ISO|IEC|ISO/IEC|ASTM|BS|DIN|EN|ITU-T)\s+[A-Z]?\d[\d.]*(?:[-–]\d+)*:\d{4})"
    r"(?=[,.;]?\s|[,.;]?$)"
)
# APA's patent and standard numbers in a bracket after the title: "(Patent No. US828402)",
# "(U.S. Patent and Trademark Office Patent Nos. 3,712,959)", "(ISO/IEC 80079-20-2:2016)"
_BRACKET_PATENT = regex.compile(
    r"\((?:[^()]{0,80}?\s)?Patent\s+(?:Nos?\.?|Numbers?)\s*"
    r"(?P<num>[A-Z]{0,2}\d[\d,]*\d(?:[A-Z]\d?)?)\)"
)
_BRACKET_STANDARD = regex.compile(
    r"\((?P<num>(?:ISO|IEC|IEEE|ASTM|BS|DIN|EN|ITU-T|ANSI)(?:/(?:ISO|IEC|IEEE|ASTM|ANSI))?"
    r"\s+[A-Z]?\d[\d.]*(?:[-–]\d+)*(?::\d{4})?(?:\([a-z]{2}\))?)\)"
)
# a Chinese national, sector or local standard's number: GB/T 7714—2015, GB 50217-2007, DL/T
# 5155—2016, JGJ 3-2010, DB11/T 1234-2015 (the view folds the long dash to "-"); two-digit years
# are older numbers' (GB 2312-80)
CN_STANDARD_NO = regex.compile(
    r"\b(?:(?:GB|GBZ|GJB|DB\d{2}|DL|JGJ|JB|HJ|YY|QB|NY|SL|CJJ|JTG|TB|SH|SY|HG|YB|JC|WS|GA|MH|JT|CJ|LY)"
    r"(?:/[TZ])?|[A-Z]{1,4}/[TZ]|T/[A-Z]{2,8})\s?\d{1,6}(?:\.\d{1,4})*\s?-\s?(?:19|20)?\d\d\b"
)
_CN_STANDARD_HINT = regex.compile(r"\d\s?-\s?\d")
_TYPE_CODE = regex.compile(r"\[[A-Z]{1,2}(?:/OL)?\]")
_UNIFIED_BOOK_NO = regex.compile(r"统一书号\s*[:：]?\s*(?P<n>\d{4,5}\s*[·.・•]\s*\d{1,6})")
_RFC = regex.compile(r"\b(?:RFC|BCP|STD)\s?\d{1,5}\b")
_REPORT_GENRE = regex.compile(
    r"\b(?:rep(?:ort)?\.?|(?:working|discussion|technical|white|policy)\s+papers?)|报告|工作论文",
    regex.IGNORECASE,
)
# split_genre_number: the character classes it reads (its own scan: see _genre_number)
_SPACE = regex.compile(r"\s")
_SPACES = regex.compile(r"\s*")
_GENRE_SEP = regex.compile(r"[\s,，]")
_GENRE_SEPS = regex.compile(r"[\s,，]*")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\d")
_NUMBER_TAIL = regex.compile(r"\s*(?:号)?\n?")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_DIGITS = frozenset("0123456789")
_JOINERS = frozenset("-/.")
_NUMBER_PREFIXES = ("No", "Nr", "Number")
# a document code standing alone: capitals and digits in groups joined by "-", "/" or "."
_CODE = regex.compile(r"[A-Z][A-Z\d]*(?:[-/.][A-Z\d]+){2,}")


def _genre_number(genre: str) -> tuple[int, int, int] | None:
    """Where ``genre`` splits into series words and the number at its end: (end of the words,
    start and end of the number), or None.

    The words are the shortest start that holds a letter (no line break) and does not end in a
    space or comma; then spaces and commas, one optional ``No``/``Nr``/``Number`` (with a ``.``),
    ``#`` or ``第``, spaces, and the number up to the end (before spaces and one ``号``): capitals
    and digits in groups joined by ``-``, ``/`` or ``.`` with a digit somewhere (``TR-2010-1``),
    or a digit, then digits and joiners, then one letter at most (``1234``, ``12a``).

    This is what a regular expression found (tests/test_pattern_rewrites.py keeps it and compares
    the two), in linear time: the expression retried the number at every split of the words,
    scanning to the end each time (1.3 s on a 10,000-letter genre).  Here the number's end is fixed first, and whether a
    number can start at a position is read from tables built once from the end."""
    s = genre
    end = len(s)
    while end and (s[end - 1] == "号" or _SPACE.match(s, end - 1)):
        end -= 1
    if not end or not _NUMBER_TAIL.fullmatch(s, end):
        return None
    # from the end: starts[i] says whether s[i:end] is a number
    starts = [False] * (end + 1)
    in_class = True  # s[i:end] holds only capitals, ASCII digits and joiners
    joiner = False  # a joiner in s[i + 1:end]
    doubled = False  # two joiners in a row in s[i:end]
    digit = False  # an ASCII digit in s[i:end]
    digits_to_end = True  # s[i + 1:end] holds only digits and joiners
    digits_to_last = True  # s[i + 1:end - 1] holds only digits and joiners
    last_is_letter = s[end - 1].isascii() and s[end - 1].isalpha()
    for i in range(end - 1, -1, -1):
        c = s[i]
        is_digit = _DIGIT.match(c) is not None
        starts[i] = (
            c in _CAPITALS
            and in_class
            and joiner
            and not doubled
            and s[end - 1] not in _JOINERS
            and (digit or c in _ASCII_DIGITS)
        ) or (is_digit and (digits_to_end or (last_is_letter and i < end - 1 and digits_to_last)))
        if c in _JOINERS and i + 1 < end and s[i + 1] in _JOINERS:
            doubled = True
        joiner = joiner or c in _JOINERS
        in_class = in_class and (c in _CAPITALS or c in _ASCII_DIGITS or c in _JOINERS)
        digit = digit or c in _ASCII_DIGITS
        if i < end:
            digits_to_end = digits_to_end and (is_digit or c in _JOINERS)
        if i < end - 1:
            digits_to_last = digits_to_last and (is_digit or c in _JOINERS)
    newline = s.find("\n")
    limit = len(s) if newline < 0 else newline
    first = next((i for i in range(limit) if _LETTER.match(s, i)), None)
    if first is None:
        return None
    for j in range(first + 1, limit + 1):
        if _GENRE_SEP.match(s, j - 1):
            continue
        k = _GENRE_SEPS.match(s, j).end()
        for i in _number_starts(s, k):
            if i < end and starts[i]:
                return j, i, end
    return None


def _number_starts(s: str, k: int) -> list[int]:
    """Where the number may start after the separators that end at ``k``: after a ``No.``, ``#``
    or ``第`` there (and its spaces), then at ``k``."""
    word = next((w for w in _NUMBER_PREFIXES if s.startswith(w, k)), None)
    if word is not None:
        p = k + len(word)
        p += s.startswith(".", p)
        return [_SPACES.match(s, p).end(), k]
    if s.startswith(("#", "第"), k):
        return [_SPACES.match(s, k + 1).end(), k]
    return [k]


def find_doc_numbers(d: Draft) -> None:
    work = d.work
    s0, e0 = d.start, d.end
    if ("atent" in work or "Pat." in work) and not d.has("number"):  # "Patent", "Pat."
        m = _PATENT.search(work, s0, e0)
        if m:
            d.set("number", m.group("num"), m.start("num"), m.end("num"), 0.85)
            d.set("jurisdiction", m.group("j"), m.start("j"), m.end("j"), 0.8)
            d.claim(m.end("j"), m.start("num"))
            d.set_type("patent", 0.85)
            d.mask(m.start(), m.end())
    if not d.has("number") and d.type is None:
        m = _PATENT_PUB.search(work, s0, e0)
        if m and (
            m.start() == s0 or work[m.start() - 2 : m.start() - 1] in (",", ".", ";", '"', "”")
        ):
            d.set("number", m.group(), m.start(), m.end(), 0.8)
            d.set("jurisdiction", m.group("j"), m.start("j"), m.end("j"), 0.75)
            d.set_type("patent", 0.8)
            d.mask(m.start(), m.end())
    if not d.has("number") and "atent N" in work:
        m = _BRACKET_PATENT.search(work, s0, e0)
        if m:
            d.set("number", m.group("num"), m.start("num"), m.end("num"), 0.85)
            d.set_type("patent", 0.85)
            d.mask(m.start(), m.end())
    if not d.has("number") and d.type is None and "(" in work:
        m = _BRACKET_STANDARD.search(work, s0, e0)
        if m:
            d.set("number", m.group("num"), m.start("num"), m.end("num"), 0.85)
            d.set_type("standard", 0.8)
            d.mask(m.start(), m.end())
    if not d.has("number") and "书号" in work:  # 统一书号: 3031·123 (books before the ISBN)
        m = _UNIFIED_BOOK_NO.search(work, s0, e0)
        if m:
            ns, ne = m.span("n")
            d.set("number", m.group("n"), ns, ne, 0.85)
            d.claim(m.start(), ns)
            d.mask(m.start(), m.end())
    if not d.has("number") and ("Std" in work or ":" in work) and d.type is None:
        m = _STANDARD.search(work, s0, e0)
        if (
            m
            and (
                m.start() == s0 or work[m.start() - 2 : m.start() - 1] in (",", ".", ";", '"', "”")
            )
            and not _TYPE_CODE.search(work, s0, e0)  # GB/T reads its [S] standards itself
        ):
            d.set("number", m.group(), m.start(), m.end(), 0.85)
            d.set_type("standard", 0.8)
            d.mask(m.start(), m.end())
    if not d.has("number") and d.type is None and _CN_STANDARD_HINT.search(work, s0, e0):
        m = CN_STANDARD_NO.match(work, s0, e0)  # GB/T 35273—2020 信息安全技术 …: the number first
        if m and not _TYPE_CODE.search(work, s0, e0):
            d.set("number", m.group(), m.start(), m.end(), 0.85)
            d.set_type("standard", 0.8)
            d.mask(m.start(), m.end())
    if not d.has("number") and ("RFC" in work or "BCP" in work or "STD" in work):
        m = _RFC.search(work, s0, e0)
        if m:
            d.set("number", m.group(), m.start(), m.end(), 0.85)
            d.mask(m.start(), m.end())


def split_genre_number(d: Draft) -> None:
    genre = d.values.get("genre")
    span = d.spans.get("genre")
    if not isinstance(genre, str) or not span or d.has("number") or not genre[-1:].isalnum():
        return
    s, e = span
    if d.text[s:e] != genre:
        return  # the value is not the view's text: its parts cannot be located
    if _CODE.fullmatch(genre):  # "(CERN-LHCC-99-012)" after an APA title: a number, no kind
        conf = d.conf.get("genre", 0.7)
        d.drop("genre")
        d.set("number", genre, s, e, conf)
        if d.type in (None, "book", "document", "webpage"):
            d.set_type("report", 0.7)
        return
    split = _genre_number(genre)
    if split is None or not genre[: split[0]].strip(" ,，"):
        return
    words_end, a, b = split
    if a and genre[a - 1].isascii() and genre[a - 1].isalpha() and genre[a].isalpha():
        return  # "CERN-LHCC-99-012": a code read whole as the genre is not cut inside a word
    gs, ge = trim(d.text, s, s + words_end, " ,，")
    d.set("genre", d.text[gs:ge], gs, ge, d.conf["genre"])
    d.set("number", genre[a:b], s + a, s + b, d.conf["genre"])
    if d.type in (None, "book", "document", "article") and _REPORT_GENRE.search(d.text, gs, ge):
        d.set_type("report", 0.8)  # "Tech. rep. TR-2010-1", "Working Paper No. 12"


_ARXIV_HINT = regex.compile(r"rxiv", regex.IGNORECASE)
_ARXIV_ID = regex.compile(
    r"\barXiv\s*:\s*(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", regex.IGNORECASE
)


def preprint_number(d: Draft) -> None:
    """``Vasy, A. Analytic continuation … Preprint, arXiv:1206.5454, 2012.``: the arXiv identifier
    of a work that is in no journal or book is its number (an arXiv id printed after a journal
    article is only a pointer, and ``[J]. arXiv preprint arXiv:…`` names a container)."""
    if d.has("number") or d.has("container-title") or not _ARXIV_HINT.search(d.work):
        return
    m = _ARXIV_ID.search(d.work, d.start, d.end)
    if not m or not d.is_free(*m.span()):
        return
    d.set("number", m.group(), m.start(), m.end(), 0.8)
    if d.type in (None, "document", "book", "article-journal", "webpage"):
        d.set_type("article", 0.75)


_SERIES = regex.compile(
    r"(?:(?:(?:\G|(?<!\p{Lu}))\p{Lu}[\p{L}&\-]*+|\p{Lu}\p{L}{0,3}\.|of|on|in|for)\s+){0,5}"
    r"(?:(?:Working|Discussion|Policy|Occasional|Research|Technical|Staff|Conference)\s+Papers?"
    r"|Tech(?:nical)?\.?\s+Rep(?:ort)?s?\.?)(?:\s+Series)?"
)
_SERIES_NUMBER = regex.compile(
    r"\G[\s,.;:]*(?:No|Nr|Number|no)\.?\s*(?P<n>[A-Z]{0,4}[\-\s]?\d[\w\-/.]*?)(?=[\s,.;)]*$|[\s,;)]|\.\s|\.$)"
)
_SERIES_FIELDS = ("genre", "publisher", "container-title", "collection-title")


def report_series(d: Draft) -> None:
    """A report series and its number (see the module docstring)."""
    if d.has("genre") and d.has("number"):
        return
    work = d.work
    if not ("aper" in work or "Rep" in work or "rep." in work or "rep " in work):  # Paper, Rep.
        return
    for m in _SERIES.finditer(work, d.start, d.end):
        a, b = m.span()
        joined = next(  # "NBER Working Paper No. 23285" read as one publisher: series and number
            (
                f
                for f in _SERIES_FIELDS
                if (sp := d.spans.get(f))
                and sp[0] == a
                and (n := _SERIES_NUMBER.match(work, b, sp[1])) is not None
                and not work[n.end() : sp[1]].strip(" .,;")
            ),
            None,
        )
        if joined is not None:
            d.drop(joined)  # (the series and its number are set below)
        while a < b and not d.is_free(a, b):  # leading words that belong to another field
            if any(d.spans.get(f) == (a, b) for f in _SERIES_FIELDS):
                break
            k = work.find(" ", a, b)
            if k < 0:
                break
            a = k + 1
        if not _SERIES.fullmatch(work, a, b):
            continue
        field = next((f for f in _SERIES_FIELDS if d.spans.get(f) == (a, b)), None)
        if field is None:
            inside = next(
                (f for f in _SERIES_FIELDS if (sp := d.spans.get(f)) and sp[0] <= a and b <= sp[1]),
                None,
            )
            if inside is not None or not d.is_free(a, b):
                continue
        elif field == "container-title" and (d.has("volume") or d.has("page")):
            continue  # a journal of that name
        if field:
            d.drop(field)
        name = "collection-title" if work[a:b].endswith("Series") else "genre"
        if not d.has(name):
            d.set(name, work[a:b], a, b, 0.75)
        n = _SERIES_NUMBER.match(work, b, d.end)
        if n and not d.has("number"):
            ns, ne = n.span("n")
            for name in ("volume", "issue"):  # "Series, No.32" read as a journal's number
                sp = d.spans.get(name)
                if sp and sp[0] >= ns and sp[1] <= ne and not d.has("container-title"):
                    d.drop(name)
            if d.is_free(ns, ne):
                d.set("number", n.group("n"), ns, ne, 0.75)
                d.claim(b, ns)
        if d.type in (None, "document", "book", "article-journal", "article", "webpage"):
            d.set_type("report", 0.75)
        return


# a government agency's report series and number (USGS, EPA, NASA, NOAA …):
# "U.S. Geological Survey Open-File Report 2005-1234", "NASA Technical Memorandum 104566"
# (a name starts at a word's start or where the search starts: a search tried every position
# of a long word, each try scanning the word: quadratic)
_AGENCY_SERIES = regex.compile(
    r"(?P<pub>(?:\G|(?<![\w.&\-]))"
    r"(?:(?:U\.\s?S\.|US|United\s+States|[A-Z][\w.&\-]*|of|and|the|for)\s+){0,6}?"
    r"(?:Geological\s+Survey|Survey|Agency|Administration|Service|Bureau|Commission|Laboratory|"
    r"Department\s+of\s+[A-Z][\w\-]+(?:\s+(?:and\s+)?[A-Z][\w\-]+)?|Office|Institute|Center|Centre|"
    r"Council|Board|NASA|NOAA|EPA|USDA|USGS|NIST|NREL))\s*[,.]?\s*"
    r"(?P<genre>Open[-\s]File\s+Report|Professional\s+Paper|Scientific\s+Investigations\s+"
    r"(?:Report|Map)|Water[-\s]Supply\s+Paper|Water[-\s]Resources\s+Investigations(?:\s+Report)?|"
    r"Bulletin|Circular|Fact\s+Sheet|Data\s+Series|Data\s+Report|Techniques\s+and\s+Methods|"
    r"(?:Miscellaneous\s+)?(?:Field\s+Studies|Investigations|Geologic\s+Investigations)\s+"
    r"(?:Series\s+)?Map|Geologic\s+Quadrangle\s+Map|Technical\s+(?:Memorandum|Note|Paper|Report)|"
    r"Contractor\s+Report|General\s+Technical\s+Report|Research\s+(?:Paper|Note))"
    r"\s*(?:No\.?\s*|[,:]\s*)?(?P<n>[A-Z]{0,5}[\-\s]?\d\w*(?:\s?[-–/]\s?\w+|\.\d+)*)"
)
_AGENCY_GENRE = regex.compile(
    r"Open[-\s]File\s+Report|Professional\s+Paper|Scientific\s+Investigations|Water[-\s]Supply|"
    r"Water[-\s]Resources|Bulletin|Circular|Fact\s+Sheet|Data\s+(?:Series|Report)|Techniques\s+and|"
    r"Map\b|Technical\s+(?:Memorandum|Note|Paper|Report)|Contractor\s+Report|General\s+Technical|"
    r"Research\s+(?:Paper|Note)"
)
_AGENCY_FIELDS = (
    "title",
    "container-title",
    "collection-title",
    "publisher",
    "publisher-place",
    "genre",
    "number",
    "volume",
    "issue",
    "editor",
)


def agency_series(d: Draft) -> None:
    """``…: U.S. Geological Survey Open-File Report 2005-1234, 45 p.``: the agency publishes the
    report, the series is its genre and the number after it the report's number; the title runs
    to the colon before the agency (a place the parse read at its end is the title's)."""
    work = d.work
    if not (
        "Report" in work
        or "Paper" in work
        or "Map" in work
        or "Bulletin" in work
        or "Circular" in work
        or "Sheet" in work
        or "Series" in work
        or "Memo" in work
        or "Note" in work
        or "Methods" in work
    ):  # every series name holds one of these (a cheap test before the patterns)
        return
    g = _AGENCY_GENRE.search(work, d.start, d.end)
    if g is None:
        return
    # (the agency's name stands right before the series: only a window is searched)
    m = _AGENCY_SERIES.search(work, max(d.start, g.start() - 160), min(d.end, g.end() + 40))
    if m is None:
        return
    a, b = m.span()
    title = d.spans.get("title")
    if title is None or title[0] >= a:
        return  # the series names no report of this reference's own
    if title[1] > a:  # the title ran into the agency's name: it ends before it
        d.set("title", *_title_value(d, title[0], a))
    else:
        colon = work.rfind(":", title[1], a)
        between = [n for n, sp in d.spans.items() if sp and title[1] <= sp[0] and sp[1] <= a]
        if colon >= 0 and not work[colon + 1 : a].strip() and set(between) <= {"publisher-place"}:
            for n in between:
                d.drop(n)
            d.set("title", *_title_value(d, title[0], colon))
    for name in _AGENCY_FIELDS:
        span = d.spans.get(name)
        if name != "title" and span and a <= span[0] < b:
            d.drop(name)
    title, issued = d.spans.get("title"), d.spans.get("issued")
    if title and issued and title[0] <= issued[0] and issued[1] < title[1]:
        if not d.text[title[0] : issued[0]].strip(" ,.(") and d.text[issued[1]] in ",.)":
            d.set("title", *_title_value(d, issued[1] + 1, title[1]))  # "2005, Title": USGS
    pa, pb = trim(work, m.start("pub"), m.end("pub"))
    d.set("publisher", work[pa:pb], pa, pb, 0.8)
    ga, gb = m.span("genre")
    d.set("genre", work[ga:gb], ga, gb, 0.8)
    d.set("number", m.group("n").replace(" ", ""), m.start("n"), m.end("n"), 0.8)
    d.set_type("report", 0.8)


def _title_value(d: Draft, start: int, end: int) -> tuple[str, int, int, float]:
    s, e = trim(d.text, start, end, " ,.;:")
    return d.text[s:e], s, e, d.conf.get("title", 0.8)
