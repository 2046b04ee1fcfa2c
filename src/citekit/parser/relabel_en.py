"""Span repairs of English reference shapes from the author-date and numbered styles (APA 7,
Harvard, ACM, IEEE), called by :func:`citekit.parser.relabel.repair_spans` before its other
repairs. Each fixes one shape whatever the labeller said:

- :func:`apa_date_range`: ``(2021, June 3–5). Title [Conference presentation]`` : the month and
  days after the year in the date's bracket are the date's, and the span after them the title.
- :func:`event_year`: ``[Conference presentation]. Urban Climate Forum 2021, Denver, CO`` : a
  year glued by a space to the event or container, when the reference has its date already, is
  the name's.
- :func:`report_publisher`: ``Title (Report No. 2020-14). Urban Institute. https://…`` : the
  element after a report's number, read as a second title, is the publisher.
- :func:`report_number_in_date`: ``Tech. Rep. TR-2011-05, 2011.`` (IEEE): the number before the
  year, read into the date, is the report's number.
- :func:`editor_before_ed`: ``in Handbook of Antennas, J. Volakis, Ed. New York, NY`` (IEEE):
  names right before ``, Ed.`` are editors.
- :func:`editors_in_container`: ``In Book Title, Tom Ray and Ann Bell (Eds.). Springer`` (ACM):
  the names before ``(Eds.)`` are editors, not the container's.
- :func:`apa_note_title`: ``World Health Organization. (2020). Global report 2020. https://…`` :
  with no title, the note right after the author-date bracket is the title.
- :func:`genre_before_school`: ``M.S. thesis, Dept. Math., Univ. of Illinois`` (IEEE): the kind of
  thesis opening the school's span is the genre.
- :func:`number_word`: ``Report no. HC 2019/4`` : ``no.`` before a report's number is no part of
  it.
- :func:`title_after_initials`: ``Dunne, T. New thinking on… Journal 3, 223 (2001).`` (Nature,
  ACS, AMA-like lists): an inverted name list ends at the last initial's full stop; the words the
  labeller ran on from there are the title's.
- :func:`bracket_after_year_letter`: ``Doe J (1965c) His life.`` (Springer, Harvard): the bracket
  closing a year with its letter is no part of the title after it.
- :func:`abbreviation_before_of`: ``Invisible College. Univ. of Chicago Press, 1972.`` (MLA,
  Chicago): an abbreviated word before ``of`` opens the name the labeller started at ``of``.
- :func:`acm_journal_numbers`: ``Nucl. Phys. B 393, 1–2 (1993), 377–391`` and ``ACS Chem. Biol.
  8, (January 2013), 473–487`` (ACM): volume, issue (or none), the bracketed date, then pages.
- :func:`month_after_volume`: ``Nature 359 (October): 605–9`` (Chicago author-date): the month
  in brackets after the volume is the date's, not the issue.
- :func:`place_after_eds`: ``L. Ray and P. Bell, Eds., Columbia, SC: Camden House`` (IEEE): an
  editor span that runs past ``Eds.,`` ends there; the place after it is the place.
- :func:`nature_page_before_year`: ``IEEE Trans. Nucl. Sci. 58, 1845 (2011).`` (Nature): a
  year-like number after the volume and a comma, before the bracketed year, is the page.
- :func:`nature_editors`: ``in Book (ed. Henkin, L.) 75–76`` (Nature): the names after ``(ed.``
  are the book's editors.
- :func:`repeated_author_dash`: ``———. "Title." Journal…`` (MLA, Chicago): the dashes standing for
  the author of the entry before are no name.

A span is ``(label, start, end, confidence)`` in the normalised view.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)

__all__ = [
    "apa_date_range",
    "apa_note_title",
    "arxiv_class",
    "entry_title_as_author",
    "event_after_description",
    "series_number_in_title",
    "title_in_role_names",
    "swapped_book_editor",
    "book_before_editor",
    "edited_book_title",
    "title_in_ieee_names",
    "university_name_in_place",
    "bracketed_degree",
    "journal_as_names",
    "report_name_title",
    "title_past_single_quote",
    "translator_as_editor",
    "kind_as_container",
    "place_run_on",
    "publisher_after_proceedings",
    "mla_web_site",
    "month_in_container",
    "role_names_as_title",
    "title_before_available",
    "volume_dot_issue",
    "book_in_editors",
    "book_in_note",
    "harvard_chapter",
    "names_before_eds",
    "report_volume",
    "title_past_quote",
    "editor_before_ed",
    "editors_in_container",
    "english_dates",
    "english_shapes",
    "event_year",
    "genre_before_school",
    "number_word",
    "abbreviation_before_of",
    "acm_journal_numbers",
    "bracket_after_year_letter",
    "month_after_volume",
    "nature_editors",
    "nature_page_before_year",
    "place_after_eds",
    "repeated_author_dash",
    "report_number_in_date",
    "title_after_initials",
    "report_publisher",
]

Span = tuple[str, int, int, float]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# the month and day(s) after the year in an author-date bracket: "June 3", "June 3-5", "June 30-July 2"
_MONTH_DAYS = regex.compile(
    rf"{_MONTH}(?:\s+\d{{1,2}}(?:\s*[-–]\s*(?:{_MONTH}\s+)?\d{{1,2}})?)?\s*(?=\)|$)"
)


def apa_date_range(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Garcia, P. (2021, June 3–5). Heat islands [Conference presentation]`` (APA 7): the month
    and days after the year inside the date's bracket are the date's; when the labeller took them
    for the title, the span after them (read as a note or a container) is the title."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        plab, ps, pe, pc = spans[k - 1]
        if (
            lab == "date"
            or plab != "date"
            or work[ps - 1 : ps] != "("
            or work[pe:s].strip() != ","
            or not (m := _MONTH_DAYS.match(work, s, e))
            or work[m.end() : e].strip() not in ("", ")")
            and not (lab == "title" and _BRACKET_END.match(work, m.end(), e))
        ):
            continue
        rest = spans[k + 1 :]
        after = _BRACKET_END.match(work, m.end(), e)
        if lab == "title" and after and after.end() < e:  # "June 3-5). Title": the title goes on
            rest = [("title", after.end(), e, c), *rest]
        elif lab == "title" and rest and rest[0][0] in ("note", "container-title"):
            if not any(sp[0] == "title" for sp in rest):
                rest = [("title", *rest[0][1:]), *rest[1:]]
        return [*spans[:k], ("date", s, m.end(), c), *rest]
    return spans


_BRACKET_END = regex.compile(r"\s*\)\s*[.,]?\s+(?=\S)")


def event_year(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``[Conference presentation]. Urban Climate Forum 2021, Denver, CO`` : a year glued by one
    space to the event (or container) name and followed by a comma, when an earlier date is the
    reference's, is the name's last word."""
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab in ("container-title", "event-title")
            and nlab == "date"
            and work[e:ns] == " "
            and ne - ns == 4
            and work[ns:ne].isdigit()
            and work[ne : ne + 1] == ","
            and any(sp[0] == "date" for sp in spans[:k])
        ):
            return [*spans[:k], (lab, s, ne, c), *spans[k + 2 :]]
    return spans


_REPORT_NO = regex.compile(
    r"\b(?:Report|Paper|Brief|Memorandum|Bulletin|Publication|Series)\s+(?:No\.?|Number)\s",
    regex.IGNORECASE,
)


def report_publisher(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Lee, M. (2020). The politics of care (Report No. 2020-14). Urban Institute. https://…``
    (APA 7): after a title and its bracketed report number, the last element before the link (or
    the end), read as a second title or a container, is the publisher."""
    for k in range(2, len(spans)):
        lab, s, e, c = spans[k]
        if lab not in ("title", "container-title"):
            continue
        plab, ps, pe, pc = spans[k - 1]
        if (
            plab in ("identifier", "number")
            and work[pe:s].strip() == ")."
            and any(sp[0] == "title" for sp in spans[:k])
            and spans[k - 2][0] == "genre"
            and _REPORT_NO.search(work, spans[k - 2][1], pe)
            and all(sp[0] in ("url", "doi", "note", "date") for sp in spans[k + 1 :])
            and not any(ch.isdigit() for ch in work[s:e])
        ):
            return [*spans[:k], ("publisher", s, e, c), *spans[k + 1 :]]
    return _report_publisher_left_out(spans, work, end)


# the element after the report number's bracket: "). Center for Global Development."
_AFTER_REPORT_NO = regex.compile(r"\s*\)\s*\.\s+(?P<p>\p{Lu}[^.\d]{1,100}?)\s*\.?\s*$")


def _report_publisher_left_out(spans: list[Span], work: str, end: int) -> list[Span]:
    """``(Working Paper No. 311). Center for Global Development.``: the publisher the labeller
    ran into a note across the bracket (and the bracket's reading dropped) is read again."""
    k = len(spans) - 1
    while k >= 0 and spans[k][0] in ("url", "doi"):
        k -= 1
    if k < 2 or spans[k][0] not in ("identifier", "number") or spans[k - 1][0] != "genre":
        return spans
    stop = spans[k + 1][1] if k + 1 < len(spans) else end
    m = _AFTER_REPORT_NO.match(work, spans[k][2], stop)
    if m is None or not _REPORT_NO.search(work, spans[k - 1][1], spans[k][2]):
        return spans
    return [*spans[: k + 1], ("publisher", *m.span("p"), spans[k][3]), *spans[k + 1 :]]


_REPORT_KIND = regex.compile(r"\btech(?:nical)?\.?\s*rep|\breport\b", regex.IGNORECASE)
# "TR-2011-05, 2011" / "NBL-17, Mar. 2017": a number, then the date after the last comma
_NUMBER_THEN_DATE = regex.compile(
    rf"(?P<n>[^,\s]*\d[^,]{{0,30}}?)\s*,\s*(?P<d>(?:{_MONTH}\s+)?(?:1[5-9]|20)\d\d)\.?\s*$"
)


_NUMBER_LEAD = regex.compile(r"[\p{Lu}\d]*[-/]?")


def report_number_in_date(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``[21] K. Ito, "Mesh refinement," Univ. of Tokyo, Tech. Rep. TR-2011-05, 2011.`` (IEEE):
    a date span right after a report's kind holding a number, a comma and a year is the report's
    number and then the date."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        plab, ps, pe, pc = spans[k - 1]
        if (
            lab == "date"
            and plab == "genre"
            and _REPORT_KIND.search(work, ps, pe)
            and _NUMBER_LEAD.fullmatch(work[pe:s].lstrip(" .,"))
            and (m := _NUMBER_THEN_DATE.fullmatch(work, s, e))
        ):
            ns = s - len(work[pe:s].lstrip(" .,"))  # "TR-" left out of the date: the number's
            return [
                *spans[:k],
                ("identifier", ns, m.end("n"), c),
                ("date", *m.span("d"), c),
                *spans[k + 1 :],
            ]
    return spans


_ED_AFTER = regex.compile(r"\s*,\s*Eds?\.(?=[\s,]|$)")


def editor_before_ed(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``"Antenna arrays," in Handbook of Antennas, J. Volakis, Ed. New York, NY, USA: McGraw-Hill``
    (IEEE): names after the container and right before ``, Ed.`` / ``, Eds.`` are its editors
    (also when the labeller read the container as a second title: ``in The Bill of Rights,
    L. Henkin, Ed.``)."""
    if any(sp[0] == "editor" for sp in spans):
        return spans
    for k in range(2, len(spans)):
        lab, s, e, c = spans[k]
        if (
            lab == "author"
            and spans[k - 1][0] in ("container-title", "volume", "issue", "title")
            and _ED_AFTER.match(work, e)
            and any(sp[0] == "title" for sp in spans[: k - 1])
        ):
            s = s + len(work[s:e]) - len(work[s:e].lstrip(" ,"))
            return [*spans[:k], ("editor", s, e, c), *spans[k + 1 :]]
    return spans


_EDS_BRACKET = regex.compile(r"\s*\((?:Eds?|eds?)\.?\)")
# the names before "(Eds.)": given-name-first names joined by commas and "and"
_NAMES_TAIL = regex.compile(
    r",\s+(?P<n>\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*)+"
    r"(?:(?:,\s+|,?\s+and\s+)\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*)+)*)$"
)


def editors_in_container(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``In Digital Humanities Handbook, Tom Ray and Ann Bell (Eds.). Springer`` (ACM): the names
    after the container's last comma, right before ``(Eds.)``, are its editors."""
    if any(sp[0] == "editor" for sp in spans):
        return spans
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "container-title" or not _EDS_BRACKET.match(work, e):
            continue
        m = _NAMES_TAIL.search(work[s:e])
        if m is None or m.start() == 0:
            return spans
        cut = s + m.start()
        return [
            *spans[:k],
            (lab, s, cut, c),
            ("editor", s + m.start("n"), e, c),
            *spans[k + 1 :],
        ]
    return spans


def apa_note_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``World Health Organization. (2020). Global tuberculosis report 2020. https://…`` (APA 7):
    with no title read, the note right after the author-date bracket ``(2020). `` is the title."""
    if any(sp[0] == "title" for sp in spans):
        return spans
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        plab, ps, pe, pc = spans[k - 1]
        if lab == "note" and plab == "date" and work[pe:s].strip() == ")." and k >= 1:
            return [*spans[:k], ("title", s, e, c), *spans[k + 1 :]]
    return spans


_THESIS_LEAD = regex.compile(
    r"(?:M\.\s?S\.|M\.\s?A\.|M\.\s?Sc\.|Ph\.\s?D\.|PhD|Master'?s|Doctoral)\s+"
    r"(?:thesis|dissertation|diss\.)\s*,\s*",
    regex.IGNORECASE,
)


_THESIS_KIND = regex.compile(
    r"(?:M\.\s?S\.|M\.\s?A\.|M\.\s?Sc\.|Ph\.\s?D\.|PhD|Master'?s|Doctoral)\s+"
    r"(?:thesis|dissertation|diss\.)",
    regex.IGNORECASE,
)


def genre_before_school(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``"Fast Fourier methods," M.S. thesis, Dept. Math., Univ. of Illinois, Urbana`` (IEEE): the
    kind of thesis opening the span of the school (read as a publisher or names) is the genre."""
    if any(sp[0] == "genre" for sp in spans):
        return spans
    for k, (lab, s, e, c) in enumerate(spans):
        if lab in ("author", "note") and k and _THESIS_KIND.fullmatch(work, s, e):
            return [*spans[:k], ("genre", s, e, c), *spans[k + 1 :]]
        if lab in ("publisher", "author") and k and (m := _THESIS_LEAD.match(work, s, e)):
            g = m.group().rstrip(" ,")
            return [
                *spans[:k],
                ("genre", s, s + len(g), c),
                ("publisher", m.end(), e, c),
                *spans[k + 1 :],
            ]
    return spans


_NO_WORD = regex.compile(r"(?:No|no|Nr|nr)\.\s*(?=\S)")


def number_word(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Report no. HC 2019/4`` (Harvard): ``no.`` opening a report's number is no part of it."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "identifier" and k and spans[k - 1][0] == "genre":
            m = _NO_WORD.match(work, s, e)
            if m and m.end() < e:
                return [*spans[:k], (lab, m.end(), e, c), *spans[k + 1 :]]
    return spans


_CJK = regex.compile(r"[\u3400-\u9fff]")


def english_dates(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """The repairs that must come before the others (which read the title they give back)."""
    if "(" in work and "date" in (sp[0] for sp in spans):
        return apa_date_range(spans, work, start, end)
    return spans


def english_shapes(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """Every repair above, each called only when the labels and a cheap test of the text say it
    may apply (the labels first: a set lookup costs less than a scan of the text)."""
    if not work.isascii() and _CJK.search(work):
        return spans  # (Chinese references: the repairs of relabel.py)
    if ". of " in work or ". for " in work or ". and " in work:
        spans = abbreviation_before_of(spans, work, start, end)
    if spans and spans[0][0] == "author":
        if "—" in work or "--" in work or "__" in work:
            spans = repeated_author_dash(spans, work, start, end)
        if spans and _author_runs_on(spans, work):
            spans = title_after_initials(spans, work, start, end)
    kinds = [sp[0] for sp in spans]
    if "), " in work and "container-title" in kinds:
        spans = acm_journal_numbers(spans, work, start, end)
        kinds = [sp[0] for sp in spans]
    if "(ed" in work:
        spans = nature_editors(spans, work, start, end)  # (author -> editor only)
    if " (" in work and kinds.count("date") >= 2:
        spans = nature_page_before_year(spans, work, start, end)  # (date -> pages only)
    if "):" in work and "volume" in kinds:
        spans = month_after_volume(spans, work, start, end)
    if ")" in work and "date" in kinds and _YEAR_LETTER.search(work):
        spans = bracket_after_year_letter(spans, work, start, end)
    kinds = [sp[0] for sp in spans]
    labels = set(kinds)
    titles = kinds.count("title") if "title" in labels else 0
    genre = "genre" in labels
    editor = "editor" in labels
    container = "container-title" in labels
    if (container or "event-title" in labels) and kinds.count("date") >= 2:
        spans = event_year(spans, work, start, end)
    if genre:
        if "No" in work or "no" in work or "Number" in work:
            spans = report_publisher(spans, work, start, end)
            spans = number_word(spans, work, start, end)
        if "ep" in work:  # "Rep", "Report", "report"
            spans = report_number_in_date(spans, work, start, end)
            spans = report_volume(spans, work, start, end)
    if editor:
        spans = book_in_note(spans, work, start, end)
        spans = book_in_editors(spans, work, start, end)
    if "(Ed" in work or "(ed" in work:
        if editor and container:
            spans = swapped_book_editor(spans, work, start, end)
        spans = names_before_eds(spans, work, start, end)
        spans = editors_in_container(spans, work, start, end)
    if ", Ed" in work:
        spans = editor_before_ed(spans, work, start, end)
        if editor:
            spans = place_after_eds(spans, work, start, end)
        if "note" in labels:
            spans = book_before_editor(spans, work, start, end)
    if '"' in work or "“" in work:
        if editor:
            spans = harvard_chapter(spans, work, start, end)
        spans = title_past_quote(spans, work, start, end)
    if titles and ("'" in work or "‘" in work):
        if editor:
            spans = harvard_chapter(spans, work, start, end)
        spans = title_past_single_quote(spans, work, start, end)
    elif editor and ("'" in work or "‘" in work):
        spans = harvard_chapter(spans, work, start, end)
    if "Web" in work:
        spans = mla_web_site(spans, work, start, end)
    if titles >= 2:
        if "Trans" in work or "Ed" in work:
            spans = role_names_as_title(spans, work, start, end)
    if container:
        if "date" in labels and ": " in work:
            spans = month_in_container(spans, work, start, end)
        if "roc" in work:
            spans = publisher_after_proceedings(spans, work, start, end)
        if titles and not genre:
            spans = kind_as_container(spans, work, start, end)
    if "volume" in labels and "issue" not in labels:
        spans = volume_dot_issue(spans, work, start, end)
    if titles >= 2 and "location" in labels:
        spans = place_run_on(spans, work, start, end)
    if genre:
        if "hesis (" in work or "issertation (" in work:
            spans = bracketed_degree(spans, work, start, end)
        if not titles and "identifier" in labels:
            spans = report_name_title(spans, work, start, end)
    if ("Vol" in work or "vol" in work) and (
        kinds.count("author") >= 2 or "volume" in labels and ("No" in work or "no." in work)
    ):
        spans = journal_as_names(spans, work, start, end)
    if editor and "rans" in work:
        spans = translator_as_editor(spans, work, start, end)
    if not titles:
        if "translator" in labels or editor:
            spans = title_in_role_names(spans, work, start, end)
        if "In " in work:
            spans = entry_title_as_author(spans, work, start, end)
        if "Available" in work:
            spans = title_before_available(spans, work, start, end)
        if "note" in labels:
            spans = apa_note_title(spans, work, start, end)
    elif "No" in work and "(" in work:
        spans = series_number_in_title(spans, work, start, end)
    if genre and "location" in labels and "]" in work:
        spans = event_after_description(spans, work, start, end)
    if "arXiv:" in work and "[" in work:
        spans = arxiv_class(spans, work, start, end)
    if "Univ." in work and "location" in labels:
        spans = university_name_in_place(spans, work, start, end)
    if not titles and kinds[:1] == ["author"]:
        spans = title_in_ieee_names(spans, work, start, end)
        if "Ed" in work:
            spans = edited_book_title(spans, work, start, end)
    if not genre and ("thesis" in work or "dissertation" in work or "diss." in work):
        spans = genre_before_school(spans, work, start, end)
    return spans


def report_volume(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Tech. Rep. 45, Mar. 2019`` (IEEE) / ``Technical Report 45. London`` (Harvard): the number
    right after a report's kind, read as a volume, is the report's number."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        plab, ps, pe, pc = spans[k - 1]
        if (
            lab in ("volume", "issue")
            and plab == "genre"
            and _REPORT_KIND.search(work, ps, pe)
            and work[pe:s].strip(" .") == ""
        ):
            return [*spans[:k], ("identifier", s, e, c), *spans[k + 1 :]]
    return spans


# "in Parsing the World, 2nd ed" / "In Parsing the World (2nd ed": a book and its edition
_IN_BOOK = regex.compile(
    r"(?:in|In)\s+(?P<b>\S.*?)(?:\s*[,(]\s*(?P<ed>(?:\d+(?:st|nd|rd|th)\.?|[Rr]ev\.)\s*ed(?:n|ition)?\.?))?"
    r"\s*\)?[.,]?\s*$"
)


def book_in_note(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``"Grammars," in Parsing the World, 2nd ed., B. Cole, Ed.`` (IEEE) / ``Grammars. In Parsing
    the World (2nd ed.), Ben Cole (Ed.)`` (ACM): a note opening with ``in`` after the title and
    right before the editors is the book (and its edition); the editors lose the stops the
    labeller gave them."""
    for k in range(2, len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "note"
            and spans[k - 1][0] == "title"
            and nlab == "editor"
            and (m := _IN_BOOK.fullmatch(work, s, e))
        ):
            new: list[Span] = [("container-title", *m.span("b"), c)]
            if m.group("ed"):
                new.append(("edition", *m.span("ed"), c))
            ns += len(work[ns:ne]) - len(work[ns:ne].lstrip(" .,;:)"))
            return [*spans[:k], *new, ("editor", ns, ne, nc), *spans[k + 2 :]]
    return spans


# "Parsing the World, B. Cole and C. Dunn, Eds": a book, then initials-first names and the role
_BOOK_THEN_EDITORS = regex.compile(
    r"(?P<b>[^,]*\p{Ll}[^,]*),\s+(?P<n>\p{Lu}\.(?:\s*\p{Lu}\.)*\s+\p{Lu}[^,]*?"
    r"(?:(?:,\s+|,?\s+and\s+)\p{Lu}\.(?:\s*\p{Lu}\.)*\s+\p{Lu}[^,]*?)*)(?:,\s*Eds?\.?)?\s*$"
)


def book_in_editors(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``"Grammars," in Parsing the World, B. Cole and C. Dunn, Eds. London`` (IEEE): an editors'
    span after ``in`` that opens with the book's title is the book, then the editors."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        if (
            lab == "editor"
            and spans[k - 1][0] == "title"
            and _IN_BEFORE.search(work, max(start, s - 6), s)
            and (m := _BOOK_THEN_EDITORS.fullmatch(work, s, e))
        ):
            return [
                *spans[:k],
                ("container-title", *m.span("b"), c),
                ("editor", *m.span("n"), c),
                *spans[k + 1 :],
            ]
    return spans


_IN_BEFORE = regex.compile(r"\b(?:in|In)\s*$")
_NAME_ONLY = regex.compile(r"\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){1,3}")


def names_before_eds(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``In Proceedings of … (IWP '19), Ben Cole (Ed.). ACM`` (ACM): a lone name (read as a second
    container or a publisher) right before ``(Ed.)`` / ``(Eds.)`` is the editor."""
    if any(sp[0] == "editor" for sp in spans):
        return spans
    for k in range(2, len(spans)):
        lab, s, e, c = spans[k]
        if (
            lab in ("container-title", "publisher", "note")
            and spans[k - 1][0] in ("container-title", "note")
            and work[spans[k - 1][2] : s].strip() == ","
            and _EDS_BRACKET.match(work, e)
            and _NAME_ONLY.fullmatch(work, s, e)
        ):
            return [*spans[:k], ("editor", s, e, c), *spans[k + 1 :]]
    return spans


# "'Grammars', in" / "‘Grammars’, in": a quoted title with no label, then "in"
_QUOTED_THEN_IN = regex.compile(
    r"\s*[.)]?\s*(?P<q>['‘\"“])(?P<t>[^'’\"”]{2,200}?)['’\"”]\s*[,.]?\s*(?:in|In)\s*:?\s*$"
)


def harvard_chapter(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Walker, A. (2019) 'Grammars', in Cole, B. (ed.) Parsing the world. London`` (Harvard):
    the quoted title the labeller left out before ``in`` is the title, and the title it read after
    the editors is the book."""
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        if lab != "editor" or spans[k - 1][0] != "date":
            continue
        m = _QUOTED_THEN_IN.fullmatch(work, spans[k - 1][2], s)
        nlab, ns, ne, nc = spans[k + 1]
        if m is None or nlab != "title" or any(sp[0] == "container-title" for sp in spans):
            return spans
        return [
            *spans[:k],
            ("title", *m.span("t"), c),
            (lab, s, e, c),
            ("container-title", ns, ne, nc),
            *spans[k + 2 :],
        ]
    return spans


_CLOSED_QUOTE = regex.compile(r"[.,?!]?[\"”]\s+(?=\p{Lu})")


def title_past_quote(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Walker, Ann. "Grammars." Parsing the World. Ed. Ben Cole`` (MLA): a title opened by a quote
    and run on past its closing quote ends there; the rest is the container."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "container-title":
            return spans
        if lab != "title" or work[s - 1 : s] not in ('"', "“"):
            continue
        m = _CLOSED_QUOTE.search(work, s, e)
        if m is None or m.end() >= e:
            return spans
        return [
            *spans[:k],
            ("title", s, m.start(), c),
            ("container-title", m.end(), e, c),
            *spans[k + 1 :],
        ]
    return spans


_ROLE_BEFORE = regex.compile(
    r"(?:^|(?<=[.,]\s))(?P<w>Trans\.|Ed\.|Eds\.|Translated\s+by|Edited\s+by)\s*$"
)
_PERSON_NAMES = regex.compile(
    r"\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){1,3}"
    r"(?:(?:,\s+|,?\s+and\s+)\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){1,3})*"
)


def role_names_as_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Kafka, Franz. The Trial. Trans. Breon Mitchell. New York`` (MLA 7): names right after a
    role word, read as a second title, are the translators (or editors)."""
    seen_title = False
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "title":
            continue
        if not seen_title:
            seen_title = True
            continue
        m = _ROLE_BEFORE.search(work, max(start, s - 16), s)
        if m is None or not _PERSON_NAMES.fullmatch(work, s, e):
            return spans
        role = "translator" if m.group("w").startswith("Trans") else "editor"
        if any(sp[0] == role for sp in spans):
            return spans
        return [*spans[:k], (role, m.start("w"), e, c), *spans[k + 1 :]]
    return spans


_MONTH_END = regex.compile(rf"\s+(?P<m>{_MONTH})\s*$")


def month_in_container(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``"The Future of Books." Wired May 2015: 88-95.`` (MLA 7 magazine): a month the labeller
    read as the container's last word, right before the year, is the date's."""
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "container-title"
            and nlab == "date"
            and work[e:ns] == " "
            and (m := _MONTH_END.search(work, s, e))
            and m.start() > s
        ):
            return [
                *spans[:k],
                (lab, s, m.start(), c),
                ("date", m.start("m"), ne, nc),
                *spans[k + 2 :],
            ]
    return spans


_VOLUME_DOT_ISSUE = regex.compile(r"(?P<v>\d{1,4})\.(?P<i>\d{1,4})")


def volume_dot_issue(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Architecture Today 22.1 (2016): 30-42`` (MLA 7): a volume read as ``22.1`` is the volume
    and the issue."""
    if any(sp[0] == "issue" for sp in spans):
        return spans
    for k, (lab, s, e, c) in enumerate(spans):
        if (
            lab == "volume"
            and work[e : e + 2] == " ("
            and (m := _VOLUME_DOT_ISSUE.fullmatch(work, s, e))
        ):
            return [
                *spans[:k],
                ("volume", *m.span("v"), c),
                ("issue", *m.span("i"), c),
                *spans[k + 1 :],
            ]
    return spans


_OPEN_QUOTE_TITLE = regex.compile(r"[\"“]?(?P<t>[^\"“”]{2,200}?)[.,?!]?[\"”]\s+(?=\S)")
_SITE_THEN_SPONSOR = regex.compile(r"(?P<c>\S.*?\S)\.\s+(?P<p>\p{Lu}[^.]*?\S)\s*,?\s*$")


def mla_web_site(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Jones, Paul. "Title." Grammar Today. Grammar Society, 20 Jan. 2011. Web. 4 Mar. 2014.``
    (MLA 7 web page): a container of two sentences right before the date is the site, then its
    sponsor (the publisher); a quoted title the labeller ran into it, with no title read, ends at
    its closing quote."""
    if any(sp[0] == "publisher" for sp in spans):
        return spans
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        if lab != "container-title" or spans[k + 1][0] != "date":
            continue
        if work[e : spans[k + 1][1]].strip() != ",":
            return spans
        new: list[Span] = []
        if not any(sp[0] == "title" for sp in spans) and work[s - 1 : s] in ('"', "“"):
            q = _OPEN_QUOTE_TITLE.match(work, s, e)
            if q is None:
                return spans
            new.append(("title", *q.span("t"), c))
            s = q.end()
        m = _SITE_THEN_SPONSOR.fullmatch(work, s, e)
        if m is None:
            return spans
        new += [("container-title", *m.span("c"), c), ("publisher", *m.span("p"), c)]
        return [*spans[:k], *new, *spans[k + 1 :]]
    return spans


_TITLE_BEFORE_AVAILABLE = regex.compile(
    r"\s*\)?\s*[.,]?\s*(?P<t>\p{Lu}[^.]{0,200}?\S)\s*\.\s*(?:\[Online\]\.?\s*)?Available\s+(?:at|from)\s*:?\s*$"
)


def title_before_available(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``NHS (2020) Diabetes. Available at: https://…`` (Harvard): with no title read, the sentence
    between the date and ``Available at`` is the title."""
    if any(sp[0] == "title" for sp in spans):
        return spans
    for k in range(1, len(spans)):
        if spans[k - 1][0] != "date":
            continue
        m = _TITLE_BEFORE_AVAILABLE.fullmatch(work, spans[k - 1][2], spans[k][1])
        if m is not None:
            return [*spans[:k], ("title", *m.span("t"), spans[k - 1][3]), *spans[k:]]
    return spans


def publisher_after_proceedings(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``In Proceedings of … (EMNLP). Association for Computational Linguistics, Online, 123–134.``
    (ACM): a second container right after the proceedings' closing bracket is the publisher, and
    the word after it (read as a publisher) the place."""
    if any(sp[0] == "publisher" and _PUBLISHERISH(work, sp) for sp in spans):
        return spans
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        plab, ps, pe, pc = spans[k - 1]
        if not (
            lab == "container-title"
            and plab == "container-title"
            and work[pe:s].strip() in (").", ".")
            and work[ps:pe].rstrip(")").endswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ'0123456789"))
            and _PROCEEDINGS.match(work, ps, pe)
            and not any(ch.isdigit() for ch in work[s:e])
        ):
            continue
        out: list[Span] = [*spans[:k], ("publisher", s, e, c)]
        for sp in spans[k + 1 :]:
            if sp[0] == "publisher" or sp[0] == "note" and work[e : sp[1]].strip() == ",":
                sp = ("location", *sp[1:])
            out.append(sp)
        return out
    return spans


_PROCEEDINGS = regex.compile(r"(?:In\s+)?(?:Proceedings|Proc\.)\s")


def _PUBLISHERISH(work: str, sp: Span) -> bool:
    return len(work[sp[1] : sp[2]].split()) > 1


def place_run_on(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Digital Libraries Symposium 2017, Austin, TX, United States. https://…`` (APA 7): a second
    title right after the place, after a comma, is the place's country."""
    for k in range(2, len(spans)):
        lab, s, e, c = spans[k]
        plab, ps, pe, pc = spans[k - 1]
        if (
            lab == "title"
            and plab == "location"
            and work[pe:s] == ", "
            and any(sp[0] == "title" for sp in spans[: k - 1])
            and _PLACE_WORDS.fullmatch(work, s, e)
        ):
            return [*spans[: k - 1], ("location", ps, e, min(c, pc)), *spans[k + 1 :]]
    return spans


_PLACE_WORDS = regex.compile(r"\p{Lu}[\p{L}.]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.]*){0,3}")

# kinds of work that ACM and IEEE print as an element of their own after the title
_KIND_ELEMENT = regex.compile(
    r"(?:Blog\s+post|(?:Computer\s+)?[Ss]oftware|Data\s?set|Video|Podcast|Preprint|Poster|"
    r"Slides|Tweet|Web\s+page|(?:GitHub|Code|Software)\s+repository)\.?",
    regex.IGNORECASE,
)


def kind_as_container(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Citation styles explained. Blog post. Retrieved …`` (ACM) / ``"Citation parser," GitHub
    repository, 2020.`` (IEEE): a container that only names the kind of work is the genre."""
    if any(sp[0] == "genre" for sp in spans):
        return spans
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        if (
            lab == "container-title"
            and e - s <= 30
            and spans[k - 1][0] == "title"
            and _KIND_ELEMENT.fullmatch(work, s, e)
        ):
            return [*spans[:k], ("genre", s, e, c), *spans[k + 1 :]]
    return spans


_BOOK_EDITION = regex.compile(
    r"(?P<t>\S.*?\S)\s*,\s*(?P<ed>(?:\d+(?:st|nd|rd|th)|[Rr]ev\.)\s*ed\.?)\s*,?\s*"
)


def book_before_editor(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``[10] R. Diaz, Citation Parsing, 2nd ed., T. Ray, Ed. New York`` (IEEE): with no title read,
    the note after the authors is the title (and its edition), and the names before ``, Ed.`` the
    editors."""
    if any(sp[0] in ("title", "editor") for sp in spans):
        return spans
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "note"
            and spans[k - 1][0] == "author"
            and nlab == "author"
            and _ED_AFTER.match(work, ne)
            and (m := _BOOK_EDITION.fullmatch(work, s, e))
        ):
            return [
                *spans[:k],
                ("title", *m.span("t"), c),
                ("edition", *m.span("ed"), c),
                ("editor", ns, ne, nc),
                *spans[k + 2 :],
            ]
    return spans


_DEGREE_CLOSE = regex.compile(r"(?:PhD|Ph\.D\.|DPhil|MPhil|MSc|MA|MRes|EdD|Doctoral|Master'?s)\)")
_THESIS_OPEN = regex.compile(r"\b(?:Thesis|Dissertation)\s*\(\s*$")


def bracketed_degree(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Flood risk in cities. Thesis (PhD). University of Leeds.`` (Harvard): the genre is the
    whole ``Thesis (PhD)``, not its bracketed degree."""
    for k, (lab, s, e, c) in enumerate(spans):
        if (
            lab == "genre"
            and _DEGREE_CLOSE.fullmatch(work, s, e)
            and (m := _THESIS_OPEN.search(work, max(start, s - 14), s))
        ):
            return [*spans[:k], ("genre", m.start(), e, c), *spans[k + 1 :]]
    return spans


_VOL_AFTER = regex.compile(r"\s*,\s*(?:Vol\.|vol\.|Volume)\s*\d")
_VOLUME_NO = regex.compile(
    r"(?P<v>\d{1,5})\s*,?\s*(?:No\.|no\.|Number)\s*(?P<i>\d{1,5}(?:[-/]\d{1,5})?)"
)


def journal_as_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``"Coastal erosion in Norfolk", Geography, Vol. 103 No. 2, pp. 87-94.`` (Emerald Harvard):
    names read after the title, right before ``, Vol.``, are the journal; a volume read as
    ``103 No. 2`` is the volume and the issue."""
    out = list(spans)
    for k in range(1, len(out)):
        lab, s, e, c = out[k]
        if (
            lab == "author"
            and any(sp[0] == "title" for sp in out[:k])
            and not any(sp[0] == "container-title" for sp in out)
            and _VOL_AFTER.match(work, e)
        ):
            out[k] = ("container-title", s, e, c)
        elif lab == "volume" and (m := _VOLUME_NO.fullmatch(work, s, e)):
            if not any(sp[0] == "issue" for sp in out):
                out[k : k + 1] = [("volume", *m.span("v"), c), ("issue", *m.span("i"), c)]
                break
    return out if out != spans else spans


_TRANS_BEFORE = regex.compile(r"\b(?:trans|Trans)(?:lated)?\.?(?:\s+by)?\s*$")


def translator_as_editor(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``The river (trans. K. Brown). London: Penguin.`` (Harvard): names read as editors right
    after ``trans.`` are the translators (and keep no closing bracket)."""
    if any(sp[0] == "translator" for sp in spans):
        return spans
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "editor" and _TRANS_BEFORE.search(work, max(start, s - 16), s):
            e -= 1 if work[e - 1] == ")" and "(" not in work[s:e] else 0
            return [*spans[:k], ("translator", s, e, c), *spans[k + 1 :]]
    return spans


_SINGLE_CLOSE = regex.compile(r"[.,?!]?['’][,.]?\s+(?=\p{Lu})")


def title_past_single_quote(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``(2014) 'River restoration', European Rivers Conference. Vienna`` (Harvard): a title opened
    by a single quote and run on past its closing quote ends there; the rest is the container."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "container-title":
            return spans
        if lab != "title" or work[s - 1 : s] not in ("'", "‘"):
            continue
        m = _SINGLE_CLOSE.search(work, s, e)
        if m is None or m.end() >= e:
            return spans
        return [
            *spans[:k],
            ("title", s, m.start(), c),
            ("container-title", m.end(), e, c),
            *spans[k + 1 :],
        ]
    return spans


def report_name_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Environment Agency, 2019. Flood report 2018. Bristol: Environment Agency.`` : with no title
    read, a genre right after the date glued by a space to a number is the title."""
    if any(sp[0] == "title" for sp in spans):
        return spans
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "genre"
            and spans[k - 1][0] == "date"
            and nlab == "identifier"
            and work[e:ns] == " "
            and work[ne : ne + 1] in (".", "")
        ):
            return [*spans[:k], ("title", s, ne, min(c, nc)), *spans[k + 2 :]]
    return spans


def swapped_book_editor(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``In Mobile HCI (Lecture Notes in Computer Science, Vol. 6277), Ben Ross (Ed.). Springer``
    (ACM): an "editor" right after ``In`` and a "container" right before ``(Ed.)`` are the other
    way round."""
    ek = next((k for k, sp in enumerate(spans) if sp[0] == "editor"), -1)
    ck = next((k for k, sp in enumerate(spans) if sp[0] == "container-title"), -1)
    if ek < 1 or ck <= ek:
        return spans
    _, es, ee, ec = spans[ek]
    _, cs, ce, cc = spans[ck]
    if (
        _IN_BEFORE.search(work, max(start, es - 4), es)
        and _EDS_BRACKET.match(work, ce)
        and _NAME_ONLY.fullmatch(work, cs, ce)
    ):
        out = list(spans)
        out[ek] = ("container-title", es, ee, ec)
        out[ck] = ("editor", cs, ce, cc)
        return out
    return spans


_ARXIV_CLASS = regex.compile(r"\s*\[[a-z\-]+(?:\.[A-Za-z\-]+)?\]?\s*$")


def arxiv_class(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``arXiv:1902.01234 [cs.IR]`` (ACM): the subject class after an arXiv number is no part of
    it."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab in ("identifier", "number") and work.startswith("arXiv:", s):
            m = _ARXIV_CLASS.search(work, s, e)
            if m and m.start() > s:
                return [*spans[:k], (lab, s, m.start(), c), *spans[k + 1 :]]
    return spans


# (linear: the title is every run up to the spaces before "(", holding a lower-case letter; the
# names end at a non-space before the comma: what the lazy title and names read, without the
# backtracking over every letter and space of a long span)
_TITLE_THEN_ROLE = regex.compile(
    r"(?P<t>(?=[^()]*?\p{Ll})(?:[^()\s]++|\s++(?=[^()\s]))*+)\s*+\(\s*+"
    r"(?P<n>\p{Lu}(?:[^()]*?[^()\s])?)\s*+,\s*+(?P<r>Trans|Eds?)\.?\s*+\)?"
)


def title_in_role_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Kim, H. (2015). Dreaming (L. Brown, Trans.). Sleep Press.`` (APA 7): a translator (or
    editor) span that opens with the title, before the bracket, is the title and then the names."""
    if any(sp[0] == "title" for sp in spans):
        return spans
    for k, (lab, s, e, c) in enumerate(spans):
        if lab in ("translator", "editor") and k and (m := _TITLE_THEN_ROLE.fullmatch(work, s, e)):
            role = "translator" if m.group("r") == "Trans" else "editor"
            return [
                *spans[:k],
                ("title", *m.span("t"), c),
                (role, *m.span("n"), c),
                *spans[k + 1 :],
            ]
    return spans


def entry_title_as_author(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Sleep. (2021, April 5). In Wikipedia. https://…`` (APA 7 entry with no author): with no
    title read, the "author" before the date of a work ``In`` a reference work is its title."""
    if len(spans) < 3 or any(sp[0] == "title" for sp in spans):
        return spans
    (alab, s, e, c), (dlab, ds, de, _), (clab, cs, _, _) = spans[:3]
    if (
        alab == "author"
        and dlab == "date"
        and clab == "container-title"
        and work[e:ds].strip() == ". ("
        and _IN_BEFORE.search(work, max(start, cs - 4), cs)
    ):
        return [("title", s, e, c), *spans[1:]]
    return spans


_SERIES_NO_END = regex.compile(r"\s*\((?P<g>\p{Lu}[^()]{1,60}?)\s+No$")


def series_number_in_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Sleep guidelines for adults (AASM Clinical Guideline No. 5).`` (APA 7): a title run into
    the bracketed series and its ``No``, with the number read as something else, ends before the
    bracket; the series is the genre and the number the report's."""
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "title"
            and (m := _SERIES_NO_END.search(work, s, e))
            and m.start() > s
            and work[e:ns].strip() == "."
            and work[ne : ne + 1] == ")"
        ):
            return [
                *spans[:k],
                ("title", s, m.start(), c),
                ("genre", *m.span("g"), c),
                ("identifier", ns, ne, nc),
                *spans[k + 2 :],
            ]
    return spans


_DESCRIPTION_THEN_EVENT = regex.compile(r"\]\s*\.\s+(?P<v>\p{Lu}[^\[\]]{1,150}?)\s*,\s*$")


# words that name a meeting (an event read before a place, which a later repair would otherwise
# take for a publisher)
_MEETING_WORD = regex.compile(
    r"\b(?:Forum|Conference|Symposium|Workshop|Congress|Meeting|Summit|Colloquium|Convention)\b",
    regex.IGNORECASE,
)


def event_after_description(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Sleep and shift work [Paper presentation]. SLEEP 2019, San Antonio, TX`` (APA 7): the
    event between the bracketed description and the place, left with no field, is the event (read
    as the container)."""
    if any(sp[0] == "container-title" for sp in spans):
        return spans
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        if lab == "genre" and spans[k + 1][0] == "location":
            m = _DESCRIPTION_THEN_EVENT.fullmatch(work, e, spans[k + 1][1])
            if m and _MEETING_WORD.search(m.group("v")):
                return [*spans[: k + 1], ("container-title", *m.span("v"), c), *spans[k + 1 :]]
            return spans
    return spans


_LAST_PIECE_UNIV = regex.compile(r"(?:^|,\s*)Univ\.$")
_PLACE_HEAD = regex.compile(r"(?P<w>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s*,\s*(?=\S)")


def university_name_in_place(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Ph.D. dissertation, Univ. Michigan, Ann Arbor, MI, USA`` (IEEE): a school read as ``Univ.``
    alone takes its name back from the place after it."""
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab in ("publisher", "author")
            and nlab == "location"
            and _LAST_PIECE_UNIV.search(work[s:e])
            and work[e:ns] == " "
            and (m := _PLACE_HEAD.match(work, ns, ne))
        ):
            return [
                *spans[:k],
                ("publisher", s, m.end("w"), c),
                ("location", m.end(), ne, nc),
                *spans[k + 2 :],
            ]
    return spans


_IEEE_NAME = regex.compile(r"(?:\p{Lu}\.\s*(?:-?\p{Lu}\.\s*)*)\p{Lu}[\p{L}'’\-]+")
_NAME_SEP = regex.compile(r",\s+(?:and\s+)?|\s+and\s+")


def title_in_ieee_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``[8] J. Park, Circuit Design, 2nd ed. Berlin, Germany: Springer`` (IEEE book): with no title
    read, a last "name" with no initials after initials-first names is the title."""
    if not spans or spans[0][0] != "author" or any(sp[0] == "title" for sp in spans):
        return spans
    _, s, e, c = spans[0]
    pieces = _NAME_SEP.split(work[s:e])
    if len(pieces) < 2 or "." in pieces[-1] or len(pieces[-1].split()) < 2:
        return spans
    if not all(_IEEE_NAME.fullmatch(p) for p in pieces[:-1]):
        return spans
    ts = s + work[s:e].rindex(pieces[-1])
    ae = ts
    while ae > s and work[ae - 1] in " ,":
        ae -= 1
    return [("author", s, ae, c), ("title", ts, e, c), *spans[1:]]


_EDS_BETWEEN = regex.compile(r"\s*,?\s*\(?(?:Eds?|eds?)\.?\)?\s*[,.]\s*")


def edited_book_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``[9] J. Park and K. Lee, Eds., Amplifier Handbook, vol. 2. New York`` (IEEE): the book of
    editors named first, with no title read and no ``In``, is the title, not a container."""
    if len(spans) < 2 or spans[0][0] not in ("author", "editor"):
        return spans
    if any(sp[0] == "title" for sp in spans):
        return spans
    lab, s, e, c = spans[1]
    if lab == "container-title" and _EDS_BETWEEN.fullmatch(work, spans[0][2], s):
        return [spans[0], ("title", s, e, c), *spans[2:]]
    return spans


_DASH_NAME = regex.compile(r"[\s\-\u2010-\u2015_.,]*")


def repeated_author_dash(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``———. "Servitized manufacture." Journal…`` (MLA, Chicago, any list with the style's
    subsequent-author substitute): a first name span of nothing but dashes (or underscores) stands
    for the previous entry's author; it is no name, and the reference gives none."""
    lab, s, e, c = spans[0]
    text = work[s:e]
    if any(ch in text for ch in "—-_") and _DASH_NAME.fullmatch(text):
        return spans[1:]
    return spans


# an inverted name: "Dunne, T.", "Des Marais, D. J.", "den Dikken, M.", "Smith-Jones, A.-B."
_PARTICLE = r"(?:(?:van|von|de|den|der|da|das|dos|du|la|le|di|del|ter|ten)\s)"
_FAMILY = rf"{_PARTICLE}*\p{{Lu}}[\p{{L}}'’\-]+(?:\s\p{{Lu}}[\p{{Ll}}'’\-]+)?"
_INVERTED_INITIALS = rf"{_FAMILY},\s\p{{Lu}}\.(?:[\s\-]?\p{{Lu}}\.)*(?:,?\s(?:Jr|Sr)\.)?"
_INITIALS_LIST = regex.compile(
    rf"{_INVERTED_INITIALS}(?:(?:,\s|\s&\s|,\s&\s|\sand\s|,\sand\s){_INVERTED_INITIALS})*"
)
# a Vancouver name: "Dunne T", "Bloland HG", "Hershey RD Jr", "Des Marais DJ"; the list ends at
# its full stop: "Thornton R, Crain S.", "Peggs S, et al."
_VANCOUVER_NAME = rf"{_FAMILY}\s\p{{Lu}}{{1,3}}(?:\s(?:Jr|Sr|2nd|3rd))?(?![\p{{L}}\d'’\-])"
_VANCOUVER_LIST = regex.compile(rf"{_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME})*(?:,?\set\sal)?\.")
# what may follow a name inside the list: another name's separator, "et al.", a role
_LIST_GOES_ON = regex.compile(r"\s*(?:[,&;]|and\b|et\b|\(|\[|$)")
_TITLE_START = regex.compile(r"\s(?=[\p{L}“\"'‘])")
_ONE_INITIAL_END = regex.compile(r"\s\p{Lu}\.$")
# a family name after "Alexander A." ends the name: "Myburg,", "Yufin (Ed.)", "Smith and"
_GIVEN_FIRST_END = regex.compile(r"\s\p{Lu}[\p{L}'’\-]+(?:\s*(?:[,(.]|$)|\s+and\s)")
# "Erisman, A. Bleeker, A. Hensen, and …", "Engelhardt, W. v., Hörz, F.": a list written given
# name first (or with a particle after the initials) goes on past the first initials
_GIVEN_FIRST_GOES_ON = regex.compile(r"\s(?:\S+,\s\p{Lu}\.|\p{Ll}{1,3}\.)")
# after "Family I.": more initials, "et al.", "and", "&": the names go on (physics lists)
_NAMES_GO_ON = regex.compile(r"\s*(?:\p{Lu}\.|et\b|and\b|&|[,;(]|$)")
_SENTENCE_END = regex.compile(r"(?<=[\p{Ll}\d)\]”\"'])\.\s+(?=\p{Lu})")


def _author_runs_on(spans: list[Span], work: str) -> bool:
    """Whether the first author span may have run on into the title (the cheap test before
    :func:`title_after_initials`): no title follows it across a full stop, and it holds a full
    stop and a space."""
    lab, s, e, _ = spans[0]
    if lab != "author":
        return False
    if len(spans) > 1 and spans[1][0] == "title":
        if work[e : spans[1][1]].strip() not in ("", ":", ","):
            return False
    elif any(sp[0] == "title" for sp in spans):
        return False
    return ". " in work[s:e]


def title_after_initials(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Dunne, T. New thinking on international society. Br. J. Polit. 3, 223 (2001).``,
    ``Thornton, R. & Crain, S. Parameters: the pluses…`` (Nature, Science, ACS) and
    ``Dunne T. New thinking…``, ``Thornton R, Crain S. Parameters: …`` (Vancouver, AMA): names
    written with initials end at the last initial's full stop (not ``Alexander A. Myburg,``: a
    given name and its initial before the family name).  When the labeller ran the first
    author span on from there into words with no separator (no comma, ``&`` or ``and``), those
    words open the title: joined to a title span that follows them across ``:`` or ``,`` only,
    or, with no title labelled, the title up to the sentence's end (what follows it, with no
    container labelled, the container)."""
    lab, s, e, c = spans[0]
    m = _INITIALS_LIST.match(work, s, e)
    if m and (
        _LIST_GOES_ON.match(work, m.end(), e) or _GIVEN_FIRST_GOES_ON.match(work, m.end(), end)
    ):
        m = None
    if m is None:
        m = _VANCOUVER_LIST.match(work, s, e)
        if m and _ONE_INITIAL_END.search(m.group()) and _GIVEN_FIRST_END.match(work, m.end(), e):
            return spans  # "Alexander A. Myburg, Dario Grattapaglia" (ACM): a given name first
        if m and _NAMES_GO_ON.match(work, m.end(), e):
            return spans  # "Evans N. W., 1994", "Fromm M. et al.": initials with stops go on
    if not m or m.end() >= e or not _TITLE_START.match(work, m.end(), e):
        return spans
    rest_s = m.end() + 1
    author: Span = (lab, s, m.end(), c)
    rest = spans[1:]
    if rest and rest[0][0] == "title" and work[e : rest[0][1]].strip() in ("", ":", ","):
        return [author, ("title", rest_s, rest[0][2], min(c, rest[0][3])), *rest[1:]]
    if any(sp[0] == "title" for sp in rest):
        return spans
    out: list[Span] = [author]
    stop = _SENTENCE_END.search(work, rest_s, e)
    if stop and not any(sp[0] == "container-title" for sp in rest):
        out.append(("title", rest_s, stop.start(), c))
        out.append(("container-title", *_trim_end(work, stop.end(), e), c))
    else:
        out.append(("title", *_trim_end(work, rest_s, e), c))
    return out + rest


def _trim_end(work: str, s: int, e: int) -> tuple[int, int]:
    while e > s and work[e - 1] in " ,.;:":
        e -= 1
    return s, e


_YEAR_LETTER = regex.compile(r"\d[a-z]\)")
_CLOSE = regex.compile(r"\)[\s.,:]*")
_LETTER_CLOSE = regex.compile(r"[a-z]\)[\s.,:]*")


def bracket_after_year_letter(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Doe J (1965c) His anonymous life. Journal 100:15`` (Springer, Harvard): when the date
    span holds a year with its disambiguating letter, the bracket that closes it (read as the
    start of the next span) is no part of the next span; nor are the letter and the bracket when
    the date span stops at the year (``(2001`` + ``a) Title``)."""
    out = list(spans)
    for k in range(1, len(out)):
        lab, s, e, c = out[k]
        plab, ps, pe, _ = out[k - 1]
        if plab == "date" and work[pe - 1 : pe].isalpha() and work[s : s + 1] == ")":
            m = _CLOSE.match(work, s, e)
            if m and m.end() < e:
                out[k] = (lab, m.end(), e, c)
        elif plab == "date" and s == pe and work[pe - 1 : pe].isdigit():
            m = _LETTER_CLOSE.match(work, s, e)  # "(2001" + "a) Title": the letter and bracket
            if m and m.end() < e:
                out[k] = (lab, m.end(), e, c)
    return out


# an abbreviated word ending the span before ("Univ.", "Inst.", "Dept.", "Natl."): a capital and
# up to five lower-case letters, after a space
_ABBREVIATION_END = regex.compile(r"(?<=\s)\p{Lu}\p{Ll}{1,5}\.$")
_LOWER_LINK = regex.compile(r"(?:of|for|and)\s")


def abbreviation_before_of(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Crane, Diana. Invisible College. Univ. of Chicago Press, 1972.`` (MLA, Chicago): a span
    that starts with ``of``/``for``/``and`` right after an abbreviated word that ends the span
    before (``Univ.``, ``Inst.``, ``Dept.``) starts at that word; the full stop is the
    abbreviation's, not a sentence's end."""
    out = list(spans)
    for k in range(1, len(out)):
        lab, s, e, c = out[k]
        plab, ps, pe, pc = out[k - 1]
        if lab not in ("publisher", "container-title", "author", "location"):
            continue
        if work[pe:s] != " " or not _LOWER_LINK.match(work, s, e):
            continue
        m = _ABBREVIATION_END.search(work, ps, pe)
        if not m or m.start() <= ps:
            continue
        prev_end = m.start()
        while prev_end > ps and work[prev_end - 1] in " .,;:":
            prev_end -= 1
        if prev_end <= ps:
            continue
        out[k - 1] = (plab, ps, prev_end, pc)
        out[k] = (lab, m.start(), e, c)
    return out


# ACM's journal numbers after the journal's name: "393, 1–2 (1993), 377–391", "8, (January 2013),
# 473–487", "58, (2011), 1845"
_ACM_NUMBERS = regex.compile(
    r"(?P<vol>\d{1,5}),\s(?:(?P<iss>\d{1,4}(?:[-–]\d{1,4})?)\s)?"
    r"\((?P<date>(?:[\p{L}.]+\s){0,2}\d{4})\),\s"
    r"(?P<page>[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?)(?=[.,]?(?:\s|$))"
)


def acm_journal_numbers(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Per Berg. 1993. Mirror manifolds. Nucl. Phys. B 393, 1–2 (1993), 377–391.`` and
    ``ACS Chem. Biol. 8, (January 2013), 473–487`` (ACM Reference Format): right after the
    journal's name, the volume, a comma, the issue when there is one, the bracketed date, a
    comma and the pages, whatever the labeller said of each (it read the lone volume as the issue,
    the issue range as the pages, the pages as a year)."""
    for k, (lab, _s, e, c) in enumerate(spans):
        if lab != "container-title":
            continue
        m = _ACM_NUMBERS.match(work, e + 1) if work[e : e + 1] == " " else None
        if m is None and work[e : e + 2] == ". ":
            m = _ACM_NUMBERS.match(work, e + 2)  # "Nucl. Sci." whose full stop the span left
        if m is None:
            continue
        new: list[Span] = [("volume", *m.span("vol"), c)]
        if m.group("iss"):
            new.append(("issue", *m.span("iss"), c))
        new += [("date", *m.span("date"), c), ("pages", *m.span("page"), c)]
        rest = [sp for sp in spans[k + 1 :] if sp[1] >= m.end()]
        return [*spans[: k + 1], *new, *rest]
    return spans


_MONTH_BRACKET = regex.compile(rf"\s\((?P<m>{_MONTH})\):")


def month_after_volume(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``ACS Chem. Biol. 8 (January): 473–87`` (Chicago author-date, an issue-less journal): the
    month in brackets right after the volume, before the colon and the pages, is the date's month
    (the year is the author-date's), whether the labeller read it as the issue or left it."""
    for k, (lab, _s, e, c) in enumerate(spans):
        if lab != "volume":
            continue
        m = _MONTH_BRACKET.match(work, e)
        if m is None:
            return spans
        a, b = m.span("m")
        rest = [sp for sp in spans[k + 1 :] if sp[2] <= a or sp[1] >= b]
        return [*spans[: k + 1], ("date", a, b, c), *rest]
    return spans


_EDS_INSIDE = regex.compile(r"\s*,\s*Eds?\.,\s*")


def place_after_eds(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``in Text and Nation, L. Ray and P. Bell, Eds., Columbia, SC: Camden House, 1996`` (IEEE):
    an editor span that runs on past ``Eds.,`` ends at the names; what it ran into, before a
    colon, is the place (before anything else, the publisher when there is none)."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "editor":
            continue
        m = _EDS_INSIDE.search(work, s, e)
        if m is None or m.start() <= s or m.end() >= e:
            return spans
        rest = _trim_end(work, m.end(), e)
        labels = {sp[0] for sp in spans}
        if work[e : e + 1] == ":" and "location" not in labels:
            kind = "location"
        elif "publisher" not in labels:
            kind = "publisher"
        else:
            return spans
        return [*spans[:k], (lab, s, m.start(), c), (kind, *rest, c), *spans[k + 1 :]]
    return spans


_NATURE_ED = regex.compile(r"\(eds?\.\s*$")


def nature_editors(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Buergenthal, T. To respect. in The Bill of Rights (ed. Henkin, L.) 75–76 (Columbia
    University Press, 1981).`` (Nature): names after the book's title and ``(ed.`` / ``(eds.``,
    read as a second author, are the book's editors."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        if lab == "author" and _NATURE_ED.search(work, max(start, s - 6), s):
            return [*spans[:k], ("editor", s, e, c), *spans[k + 1 :]]
    return spans


_BRACKET_YEAR = regex.compile(r"\s*\((?:1[5-9]|20)\d\d[a-z]?\)")


def nature_page_before_year(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Gorbunov, S. et al. Title. IEEE Trans. Nucl. Sci. 58, 1845 (2011).`` (Nature, Science):
    the journal's volume, a comma, the page, then the year in brackets; a page that looks like a
    year, read as a date, is the page."""
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        if (
            lab == "date"
            and spans[k - 1][0] == "volume"
            and work[spans[k - 1][2] : s] == ", "
            and work[s:e].isdigit()
            and spans[k + 1][0] == "date"
            and _BRACKET_YEAR.match(work, e)
        ):
            return [*spans[:k], ("pages", s, e, c), *spans[k + 1 :]]
    return spans
