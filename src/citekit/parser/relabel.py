"""Repairs of the labeller's spans before assembly: shapes whose reading a rule can fix whatever
the model says, so that a retrained model cannot lose them.

- :func:`role_names`: ``Trans. Stephen Mitchell, Vintage Books`` / ``Translated by …`` /
  ``edited by …`` after the title: the given-name-first names after the role word are translators
  or editors, even when the labeller read them as a publisher, a place or the other role.
- :func:`quoted_title_end`: ``"Title." Site, 2013`` : a title runs to its closing quote.
- :func:`first_author_run`: ``Morrison, Toni. Beloved. Knopf, 1987`` : the names end at the full
  stop after an inverted ``Family, Given``.
- :func:`title_before_in`: ``Market Research. In J. Cole & H. Price (eds.), Book`` : a container
  read before ``In`` is the chapter's own title.
- :func:`abbreviation_tail`: ``Slow light. Phys. Rev. Lett. 86`` : abbreviated words at the end of
  a title, right before the container, are the container's first words.
- :func:`editors_first`: ``Brown, Charles S., and Ted Toadvine, eds.`` : names before ``eds.``
  are editors.
- :func:`cjk_stop_inside`: ``（2012）。题名。刊名，10`` : a span across a Chinese full stop.
- :func:`names_end`: ``…, et al. Feasibility, …`` / ``…, and Sucov, H. M. Fate of …`` : where
  the first name group ends.
- :func:`number_prefixes`: ``vol. 12, no. 3`` : the prefix names the number.
- :func:`quoted_title_in_names`: ``CIA, “Australia”, In: …`` : a quoted piece is no name.
- :func:`no_field_words`: ``Print.`` / ``Web.`` (MLA 7's medium) and ``(n.d.)`` (no date) are no
  field.
- :func:`lead_corporate_author`: ``Microsoft. (2020, October 15). Title`` : the text before an
  author-date date, read as a publisher or a container, is the author.
- :func:`two_containers`: ``Scikit-learn: Machine learning in Python. Journal of Machine Learning
  Research, 12`` : of two containers in a row with no title, the first is the title.
- :func:`glued_number`: ``Symptoms of COVID-19`` : a number glued to a word by a hyphen is the
  word's, not pages.
- :func:`title_runs_on`: ``Business research methods. 4th edn. Oxford: OUP`` /
  ``Nursing clinical brain. OER Commons. Retrieved …`` / ``Survey data [Data set]. Dataverse`` :
  a title the labeller ran past its full stop into the edition, the place, the site or the
  publisher; a closing ``[Data set]`` is the genre.
- :func:`publisher_not_place`: ``The Great Gatsby. Scribner, 2004.`` : a "place" that is no known
  place, with no colon and no publisher, is the publisher (MLA prints no place).
- :func:`bracketed_imprint`: ``Molecular Biology of the Cell (Garland Science, New York, 2014)``
  (Science, Nature): the publisher opening the bracketed imprint is no part of the title.
- :func:`title_in_pieces`: ``(2021). World development report 2021: Data for better lives.`` :
  pieces of one sentence before the title, read as other fields, are the title's.
- :func:`publisher_before_place`: ``Teamwork in practice, Allen & Unwin, Sydney.`` (Harvard AGPS):
  a "container" right before the place, with no numbers, is the publisher.
- :func:`container_in_pieces`: ``"Title," Found. Trends Mach. Learn., vol. 2`` : a second "title"
  right before the container is its first words.
- :func:`acm_issue`: ``Commun. ACM 51, 1 (January 2008), 107-113`` : the number between the volume
  and the bracketed date is the issue.
- :func:`place_in_publisher`: ``Curran Associates Inc., Red Hook, NY, USA`` : the town the
  labeller gave the publisher belongs to the place.
- :func:`close_bracket`: ``(NIPS'17)`` : a text span keeps the bracket that closes one it opened.
- :func:`apa_chapter`: ``In S. Schmidt & T. Weber (Hrsg.), Handbuch (S. 45–67). Springer VS.``
  (APA in English, German, Spanish, French): editors, book, pages and publisher by the shape.
- :func:`site_not_publisher`: ``"Title." Site Name, 2016, www.site.org/page. Accessed 3 Mar. 2020.``
  (MLA 8/9 web page): the element before the link, with no place, is the site (the container).
- :func:`day_month_before_year`: ``Time 20 Nov. 2000: 70-71`` : the day and month the labeller
  read into the container belong to the date after it.
- :func:`title_in_container`: ``Deep residual learning. In CVPR, pages 770–778`` read as one
  container: the title, then the container after ``In``.
- :func:`vancouver_names_end`: ``Hochreiter S, Schmidhuber J. Long short-term memory`` : the
  names end at the full stop after the last initials.
- :func:`apa_description`: ``Title [Blog post]``, ``[Doctoral dissertation, School]``,
  ``(Report No. P60-270)`` (APA 7): the kind of work, the school, the report's number.
- :func:`language_note`: ``Title [in Chinese]. J Things`` : the language note closes the title.
- :func:`date_as_pages`: ``The New York Times, June 12, 2020.`` : a year read as pages after a
  month and day is the date.
- :func:`note_as_title`: ``A. Walker, Parsing Things, 2nd ed. New York`` : with no title, the note
  after the names is the title (and its closing edition the edition).
- :func:`title_in_names`: ``A. Walker, B. Cole, Parsing things, in: …`` : the sentence-case piece
  the labeller read into the names, before ``in``, is the title.
- :func:`chapter_number`: ``…, 2017, ch. 3, pp. 45–67`` (IEEE): the chapter's number is no issue.
- :func:`mla_given_name`: ``Walker, Ann. "Title."`` (MLA): the given name read as a place is the
  author's.
- :func:`acs_names_end`: ``Walker, A.; Cole, B. Parsing Things. J. Am. Chem. Soc.`` (ACS): the
  names end after the last initials.
- :func:`chicago_note_title`: ``Ann Walker, Parsing Things (New York: Wiley, 2017), 45.``: the
  title read as a second name.
- :func:`et_al_in_title`: ``Walker A, et al. Parsing things.`` : ``et al.`` closes the names.
- :func:`university_press`: ``Oxford UP``, ``U of Chicago P`` (MLA): a publisher.
- :func:`genre_in_note`: ``(Unpublished doctoral dissertation)``, ``White paper. Acme Corp.``,
  MLA's ``Diss.``: the kind of work left as a note (or no field) is the genre.
- :func:`role_word_alone`: ``张明，李华编.`` : a role word read as names of its own is the names'.
- :func:`title_in_journal`: ``Parsing things. Sci Rep. 2020;10:12345`` read as one journal: the
  sentence-case sentence before the name is the title.
- :func:`page_after_issue`: ``OpenAI blog, 1(8):9`` : the number after ``):`` is the page.
- :func:`year_after_imprint`: ``New York: St. Martin's, 1997`` : the imprint after a place, whatever
  the labeller read the publisher and the year as.
- :func:`legal_volume`: ``(1999) 10 European Journal of International Law 435, p. 440`` (OSCOLA):
  the bare number between the year and the journal is the volume, the one after it the first page.
- :func:`bracketed_group_title`: ``Abbott, B.P. [LIGO Scientific Collaboration], et al.: Title`` :
  a bracketed group after the names, read as a title before the real one, is no title.
- :func:`report_number_note`: ``Tech. Rep. TR-0200 (4230-46)-3`` : the note after a report's kind
  is its number.
- :func:`institution_as_names`: ``Dept. Comput. Sci., Stanford Univ., Stanford, CA`` : a university
  read as names after the title is the publisher.
- :func:`container_runs_on`: ``In Symposium … (OSDI 18). USENIX Association, Carlsbad, CA`` : the
  container ends at its closing bracket; the piece before the place is the publisher.
- :func:`word_before_names`: ``In Handbook of Parsing; Brown, C., Ed.`` : a lone word before a
  semicolon, glued to the container, is the container's.
- :func:`report_name_as_genre`: ``S. Peggs, et al., ESS Technical Design Report, ESS 2013-001`` :
  with no title, a genre after the names with a number after its comma is the title and number.
- :func:`cjk_publisher_start`: ``发展经济学，东北财经大学出版社`` : a Chinese publisher starts after a
  separator, not inside the words before it (``东北财经|大学出版社``).

A span is ``(label, start, end, confidence)`` in the normalised view.
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.lexicons import words
from ..text.names import has_corporate_word, institution_words
from .names import CN_ROLE_WORDS
from .relabel_en import english_dates, english_shapes
from .text import MASK, trim

__all__ = [
    "abbreviation_tail",
    "acm_issue",
    "page_after_issue",
    "apa_description",
    "date_as_pages",
    "genre_in_note",
    "note_as_title",
    "title_in_names",
    "university_press",
    "stray_numbers",
    "title_case_title_in_names",
    "unpublished_genre",
    "version_in_title",
    "language_note",
    "role_word_alone",
    "title_in_container",
    "title_in_journal",
    "vancouver_names_end",
    "apa_chapter",
    "close_bracket",
    "container_in_pieces",
    "day_month_before_year",
    "bracketed_imprint",
    "bracketed_group_title",
    "cjk_publisher_start",
    "report_name_as_genre",
    "container_runs_on",
    "word_before_names",
    "institution_as_names",
    "report_number_note",
    "legal_volume",
    "cjk_stop_inside",
    "editors_first",
    "lead_corporate_author",
    "first_author_run",
    "glued_number",
    "names_end",
    "no_field_words",
    "place_in_publisher",
    "publisher_before_place",
    "publisher_not_place",
    "quoted_title_end",
    "number_prefixes",
    "quoted_title_in_names",
    "repair_spans",
    "role_names",
    "site_not_publisher",
    "title_before_in",
    "title_in_pieces",
    "title_runs_on",
    "two_containers",
    "year_after_imprint",
]

Span = tuple[str, int, int, float]

# a role word starting an element (after a separator): "Trans.", "Translated by", "Ed.", "Edited by"
_ROLE = regex.compile(
    r"(?<=(?:^|[.,;:]\s{0,3}))(?P<w>trans(?:lated)?\.?(?:\s+by)?|ed\.(?:\s+by)?|eds\.|edited\s+by)"
    r"\s+(?=\p{Lu})",
    regex.IGNORECASE,
)
# one given-name-first personal name: capitalised words or initials, a particle between, a surname last
_NAME = regex.compile(
    r"\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|van|von|de|der|den|du|la|le|da|di|del))*?"
    r"\s+\p{Lu}[\p{L}'’\-]*\p{L}"
)
_AND = regex.compile(r"\s*,?\s*(?:and|&)\s+")
_COMMA = regex.compile(r"\s*,\s*")
# where the repaired names may have been put by the labeller (never into a title or other names)
_TAKES_FROM = frozenset(
    {"publisher", "location", "container-title", "collection-title", "note", "genre"}
)


def _is_name(text: str) -> bool:
    return not has_corporate_word(text) and not any(w in _publisher_words() for w in text.split())


def _publisher_words() -> frozenset[str]:
    return words("publisher-words")


def _names_run(work: str, i: int, end: int) -> int:
    """End of the names written given name first from ``i`` (``A B``, ``A B and C D``, ``A B, C D,
    and E F``); ``i`` when there is none.  A piece after a bare comma counts only when an ``and``
    closes the list later (else it is what follows the names: ``Vintage Books``)."""
    m = _NAME.match(work, i, end)
    if not m or not _is_name(m.group()):
        return i
    done = m.end()
    k = done
    while True:
        a = _AND.match(work, k, end)
        if a:
            n = _NAME.match(work, a.end(), end)
            if n and _is_name(n.group()):
                return n.end()
            return done
        c = _COMMA.match(work, k, end)
        n = _NAME.match(work, c.end(), end) if c else None
        if not n or not _is_name(n.group()):
            return done
        k = n.end()


def role_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """Give the names after a role word after the title their role (see the module docstring)."""
    if not any(lab == "title" for lab, *_ in spans) or not (
        "rans" in work or "Ed" in work or "ed." in work or "dited" in work or "eds." in work
    ):
        return spans
    title_end = next(e for lab, _, e, _ in spans if lab == "title")
    for m in _ROLE.finditer(work, title_end, end):
        role = "translator" if m.group("w").lower().startswith("trans") else "editor"
        if any(lab == role for lab, *_ in spans):
            continue
        inside = [sp for sp in spans if sp[1] <= m.start() < sp[2]]
        if inside and inside[0][0] not in _TAKES_FROM:
            continue
        names_end = _names_run(work, m.end(), end)
        if names_end == m.end():
            continue
        a, b = m.start(), names_end
        conf = max((sp[3] for sp in spans if sp[1] < b and a < sp[2]), default=0.6)
        out: list[Span] = []
        for sp in spans:
            lab, s, e, c = sp
            if e <= a or s >= b:
                out.append(sp)
                continue
            names = lab in ("editor", "translator") and s >= a
            if lab not in _TAKES_FROM and not names:  # a title across the role: leave it alone
                return spans
            if s < a:
                out.append((lab, s, a, c))
            rest = trim(work, b, e, " ,;:.")
            if rest[1] > rest[0]:
                if lab in ("location", "editor", "translator") and not any(
                    x[0] == "publisher" for x in spans
                ):
                    lab = "publisher"  # "Trans. A B, Harcourt, 1983" (MLA): no place, a publisher
                out.append((lab, *rest, c))
        out.append((role, a, b, conf))
        spans = sorted(out, key=lambda sp: sp[1])
    return spans


_IN = regex.compile(r"\s*[.,]?\s*in\s*:?\s*$", regex.IGNORECASE)


def title_before_in(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """The first container, before any title and followed by ``In`` and an editor or another
    container, is the title (the chapter's own)."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "title":
            return spans
        if lab != "container-title":
            continue
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        if (
            nxt is not None
            and nxt[0] in ("editor", "container-title")
            and _IN.match(work, e, nxt[1])
        ):
            return spans[:k] + [("title", s, e, c)] + spans[k + 1 :]
        return spans
    return spans


# abbreviated words at the end of a title: "… gases. Phys. Rev" (each but the last with its stop)
_ABBREV_TAIL = regex.compile(
    r"(?<=[.?!]\s+)(?P<t>(?:\p{Lu}\p{Ll}{0,11}\.\s*)*\p{Lu}\p{Ll}{0,11}\.?)$"
)


def abbreviation_tail(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """Move a title's closing run of abbreviated journal words into the container right after it."""
    out = list(spans)
    for k in range(len(out) - 1):
        lab, s, e, c = out[k]
        nlab, ns, ne, nc = out[k + 1]
        if lab != "title" or nlab != "container-title" or work[e:ns].strip(" .") != "":
            continue
        m = _ABBREV_TAIL.search(work, s, e)
        if not m:
            continue
        tail = [w.rstrip(".") for w in m.group("t").split()]
        abbrev = words("journal-abbreviations")
        if (
            len(tail) < 2
            and not all(w in abbrev for w in tail)
            or not any(w in abbrev for w in tail)
        ):
            continue
        cut = m.start("t")
        title_end = cut
        while title_end > s and work[title_end - 1] == " ":
            title_end -= 1
        out[k] = (lab, s, title_end, c)
        out[k + 1] = (nlab, cut, ne, nc)
        return out
    return spans


# "Brown, Charles S., and Ted Toadvine, eds." / "John M. Cooper， ed.，" / "Smith, J. (Ed.)."
_EDS_AFTER = regex.compile(
    r"[\s,，]*(?:\((?:eds?|editors?|hrsg|comps?)\.?\)|(?:eds?|editors?|hrsg|comps?)\.?(?=[\s,，.:;(]|$))",
    regex.IGNORECASE,
)


# the names' own last word is the role: "Smith, J. (Ed.)" labelled as one author (a match never
# starts inside a run of spaces and commas, which it takes whole: a search over a long run
# scanned the rest of it at every position)
_EDS_INSIDE = regex.compile(
    r"(?:\G|(?<![\s,，]))[\s,，]*+\(?(?:eds?|editors?|hrsg)\.?\)?\s*$", regex.IGNORECASE
)


def editors_first(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """The first names, followed by ``eds.``/``(Ed.)``, are the editors of the whole work (no author
    is printed)."""
    if not spans or spans[0][0] != "author" or any(lab == "editor" for lab, *_ in spans):
        return spans
    lab, s, e, c = spans[0]
    window = work[s : e + 14].lower()
    if "ed" not in window and "hrsg" not in window and "comp" not in window:
        return spans  # (a cheap test: both patterns below need one of these)
    m = _EDS_AFTER.match(work, e, end)
    inner = _EDS_INSIDE.search(work[s:e])
    if not m and not inner:
        return spans
    if m:
        nxt = spans[1] if len(spans) > 1 else None
        if nxt is not None and nxt[1] < m.end():
            if nxt[0] not in ("title", "container-title", "publisher", "location", "note"):
                return spans
            a, b = trim(work, m.end(), nxt[2], " ,，.;:")
            if b <= a:
                return spans
            return [("editor", s, m.end(), c), (nxt[0], a, b, nxt[3]), *spans[2:]]
        return [("editor", s, m.end(), c), *spans[1:]]
    return [("editor", s, e, c), *spans[1:]]


_LEAD_IN = regex.compile(r"in\b\s*:?\s*", regex.IGNORECASE)
_IN_ONLY = regex.compile(r"[\s,，.]*in\s*:?\s*", regex.IGNORECASE)
_QUOTE_IN_NAMES = regex.compile(r"[,，]\s*[“\"]")


def quoted_title_in_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``CIA, “Australia”, In: World Factbook``: a quoted piece inside the first name group is the
    title, not a name (and a "title" right after names that ran on to ``In`` is the container)."""
    if not spans or spans[0][0] != "author":
        return spans
    lab, s, e, c = spans[0]
    m = _QUOTE_IN_NAMES.search(work, s, e)
    if not m:
        return spans
    q = m.end() - 1
    close = work.find("”" if work[q] == "“" else '"', q + 1, end)
    if close < 0:
        return spans
    names = trim(work, s, m.start(), " ,，")
    if names[1] <= names[0]:
        return spans
    titles = [k for k, sp in enumerate(spans) if sp[0] == "title"]
    if titles:
        k = titles[0]
        if (
            k != 1
            or len(titles) > 1
            or close + 1 > e
            or not _IN_ONLY.fullmatch(work, close + 1, spans[1][1])
            or any(sp[0] == "container-title" for sp in spans)
        ):
            return spans
        spans = [spans[0], ("container-title", *spans[1][1:]), *spans[2:]]
        e = close + 1
    out: list[Span] = [(lab, *names, c), ("title", q, close + 1, c)]
    rest = [sp for sp in spans[1:] if sp[1] >= close + 1]
    if e > close + 1:  # what the names ran on into: "In: World Factbook" is the container
        a, b = trim(work, close + 1, e, " ,，.;:")
        lead = _LEAD_IN.match(work, a, b)
        if b > a and not (lead and lead.end() >= b):
            out.append(("container-title" if lead else "note", a, b, c))
    return out + rest


_PREFIX_LABEL = (
    (regex.compile(r"(?:\bvol(?:ume)?s?\.?|\bbd\.?|\btome)\s*$", regex.IGNORECASE), "volume"),
    (
        regex.compile(
            r"(?:\bno|\bnr|\bissue|\biss|\bnum|\bnumber|\bheft)\.?\s*$", regex.IGNORECASE
        ),
        "issue",
    ),
    (regex.compile(r"(?:\bpp?\.|\bpages?)\s*$", regex.IGNORECASE), "pages"),
    (
        regex.compile(r"\b(?:ed|edn|edition)\.?\s*$", regex.IGNORECASE),
        "edition",
    ),  # "ed. 6" (Science)
)
_NUMBER_LABELS = frozenset({"volume", "issue", "pages"})
_PREFIXED = _NUMBER_LABELS | {"edition"}
_NO_LETTERS = " \t,.;:()[]-–—/#0123456789"


def number_prefixes(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``vol. 12, no. 3, pp. 101-15``: a number's printed prefix names it, whatever the labeller
    said (the prefix may sit inside the span or just before it)."""
    out = []
    for k, sp in enumerate(spans):
        lab, s, e, c = sp
        if lab in _PREFIXED:
            lo = max(spans[k - 1][2] if k else start, s - 12)
            digit = s
            while digit < e and not work[digit].isdigit():
                digit += 1
            if work[lo:digit].strip(_NO_LETTERS):  # (every prefix has letters)
                for pattern, label in _PREFIX_LABEL:
                    if pattern.search(work, lo, digit):
                        lab = label
                        break
        out.append((lab, s, e, c))
    return out


def cjk_stop_inside(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``方某（2012）。题名。刊名，10，4-10。`` (APA in Chinese): the labeller ran the title and the
    next element into one span across a Chinese full stop.  Before any title, the part before 。 is
    the title; the part after is the journal when numbers follow, else keeps the span's label."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "title":
            return spans
        if lab not in ("location", "publisher", "container-title", "note", "genre"):
            continue
        i = work.find("。", s, e)
        if i <= s or not work[i + 1 : e].strip():
            continue
        a, b = trim(work, i + 1, e, " ,，")
        numbers = any(sp[0] in _NUMBER_LABELS for sp in spans[k + 1 :])
        right = (
            "container-title"
            if numbers and not any(sp[0] == "container-title" for sp in spans)
            else lab
        )
        return [*spans[:k], ("title", s, i, c), (right, a, b, c), *spans[k + 1 :]]
    return spans


_ET_AL = regex.compile(r"\bet\s*al\b\.?|等人?")
# the last name of a list, read as the title's start: "and Sucov, H. M. Fate of …"
_LAST_NAME_AFTER = regex.compile(
    r"(?:and|&)\s+\p{Lu}[\p{L}'’\-]+,?\s*(?:\p{Lu}\.\s*-?\s*){1,3}(?=[\s:,.]*\p{L})"
)


# initials without stops after the family name that ends a list (Harvard AGPS "& White, C 2015")
_LAST_INITIALS = regex.compile(r",?\s\p{Lu}{1,3}(?=,?\s*(?:\(?(?:1[5-9]|20)\d\d\b|[,.]))")


# "Gamma et al., Title" / "Russell & Norvig, Title" read as one title
_NAMES_IN_TITLE = regex.compile(
    r"(?P<n>\p{Lu}[\p{L}'’\-]+(?:\s+(?:&|and)\s+\p{Lu}[\p{L}'’\-]+)?\s+et\s+al\.?)\s*[,:]\s+(?=\p{Lu})"
)
# "Courville A - Deep Learning": a family name and initials, then a dash or colon and the title
_VANCOUVER_LAST = regex.compile(r"(?P<n>\p{Lu}[\p{L}'’\-]+\s\p{Lu}{1,3})\s+[-–—:]\s+(?=\p{Lu})")


_DASH_AFTER_INITIALS = regex.compile(r"(?<=\s\p{Lu}{1,3}\.?)\s+[-–—]\s+(?=\p{Lu})")


def names_end(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """Where the first name group really ends: at ``et al.`` (no name follows it), and after the
    list's last ``and Family, I.`` that the labeller read as the title's first words."""
    if spans and spans[0][0] == "title":
        m = _NAMES_IN_TITLE.match(work, spans[0][1], spans[0][2])
        if m:  # "Gamma et al., Design Patterns": the names the labeller read into the title
            t = trim(work, m.end(), spans[0][2], " ,.;:")
            return [
                ("author", spans[0][1], m.end("n"), spans[0][3]),
                ("title", *t, spans[0][3]),
                *spans[1:],
            ]
    if not spans or spans[0][0] != "author":
        return spans
    lab, s, e, c = spans[0]
    if len(spans) > 1 and spans[1][0] == "title" and work[e : spans[1][1]].strip() == ",":
        m = _VANCOUVER_LAST.match(work, spans[1][1], spans[1][2])
        if m:  # "Goodfellow I, Bengio Y, Courville A - Deep Learning": the list's last name
            t = trim(work, m.end(), spans[1][2], " ,.;:")
            if t[1] > t[0]:
                return [(lab, s, m.end("n"), c), ("title", *t, spans[1][3]), *spans[2:]]
    dash = _DASH_AFTER_INITIALS.search(work, s, e)
    if dash and not any(sp[0] == "title" for sp in spans):
        # "Goodfellow I, Bengio Y, Courville A - Deep Learning" read as names: the dash ends them
        t = trim(work, dash.end(), e, " ,.;:")
        return [(lab, s, dash.start(), c), ("title", *t, c), *spans[1:]]
    m = _ET_AL.search(work, s, e)
    if m and work[m.end() : e].strip(" ,.;:，。") and not _ET_AL.search(work, m.end(), e):
        rest = trim(work, m.end(), e, " ,.;:，。")
        out: list[Span] = [(lab, s, m.end(), c)]
        if len(spans) > 1 and spans[1][0] == "title" and spans[1][1] >= e:
            out.append(("title", rest[0], spans[1][2], spans[1][3]))
            return out + spans[2:]
        if not any(sp[0] == "title" for sp in spans):
            out.append(("title", *rest, c))
            return out + spans[1:]
        return spans
    t = _LAST_INITIALS.match(work, e, end)
    if t and e - s > 2 and work[e - 1].isalpha() and work[e - 2].isalpha():
        # "Brown, A, Green, B & White| C 2015": the last name's initials, left out
        ns = t.end() - len(work[e : t.end()]) + len(work[e : t.end()].rstrip(" ,"))
        return [(lab, s, ns, c), *spans[1:]]
    if len(spans) > 1 and spans[1][0] == "title" and work[e : spans[1][1]].strip() in (",", ""):
        n = _LAST_NAME_AFTER.match(work, spans[1][1], spans[1][2])
        if n:
            t = trim(work, n.end(), spans[1][2], " ,.;:")
            if t[1] > t[0]:
                return [(lab, s, n.end(), c), ("title", *t, spans[1][3]), *spans[2:]]
    return spans


# MLA 7's medium of publication ("Print.", "Web.") and an APA "n.d." (no date): words of no field
_NO_FIELD = regex.compile(r"(?:print|web|online|cd-rom|dvd|n\.\s?d|no\s+date)\.?", regex.IGNORECASE)


def no_field_words(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """A span that is only ``Print``/``Web`` (MLA 7 prints the medium after the imprint and before
    the access date) or ``n.d.`` is no field: it becomes a note.  When the labeller took ``(n.d.)``
    for the title, the container it read next is the title."""
    low = work.lower()
    if not (
        "print" in low
        or "web" in low
        or "online" in low
        or "cd-rom" in low
        or "dvd" in low
        or "n." in low
        or "no" in low
    ):
        return spans  # (a cheap test: every word _NO_FIELD reads holds one of these)
    out = list(spans)
    for k, (lab, s, e, c) in enumerate(out):
        if lab in ("note", "date") or not _NO_FIELD.fullmatch(work, s, e):
            continue
        if lab in ("author", "editor", "translator", "url", "doi"):
            continue
        before = work[start:s].rstrip()
        if not before or before[-1] not in ".,(" or "d" not in work[s:e].lower() and k == 0:
            continue  # "Web" starting the reference or an element mid-sentence is a title's word
        out[k] = ("note", s, e, c)
        if lab == "title" and not any(sp[0] == "title" for sp in out):
            for j in range(k + 1, len(out)):
                if out[j][0] == "container-title":
                    out[j] = ("title", *out[j][1:])
                    break
    return out


# an author-date date right after the first element: "Microsoft. (2020" / "WHO (2019)"
_DATE_NEXT = regex.compile(
    r"[\s.,]*\(\s*(?:1[5-9]\d\d|20\d\d|n\.\s?d\.?)"
    r"|\s*[.,]\s*[“\"]"  # IEEE: 'NVIDIA Corporation, "CUDA C programming guide," 2020.'
)


def lead_corporate_author(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Microsoft. (2020, October 15). Title.`` / ``World Health Organization (2019) Title`` /
    ``NVIDIA Corporation, "Guide," 2020``: with no names labelled, the first element, right before
    a date in brackets or a quoted title, is its author (an organisation), not a publisher, place
    or container."""
    if not spans or any(sp[0] in ("author", "editor") for sp in spans):
        return spans
    lab, s, e, c = spans[0]
    if lab not in ("publisher", "location", "container-title", "note") or work[start:s].strip(
        " .,;:"
    ):
        return spans
    if not _DATE_NEXT.match(work, e, end) or not any(sp[0] == "title" for sp in spans[1:]):
        return spans
    return [("author", s, e, c), *spans[1:]]


_IN_BEFORE = regex.compile(r"\b(?:in|In|IN)\s*:?\s*$")


def two_containers(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """Two containers one after the other, split by a full stop (or a comma after a quoted one), and
    no title anywhere: the first is the work's own title (a reference names its title before the
    journal or book it is in), unless ``In`` leads it."""
    if any(sp[0] == "title" for sp in spans):
        return spans
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        nxt = spans[k + 1]
        if lab != "container-title" or nxt[0] != "container-title":
            continue
        if work[e : nxt[1]].strip(" ”\"'’") not in (".", ",", "?", "!", ".”", ",”") or (
            _IN_BEFORE.search(work, max(start, s - 5), s)
        ):
            return spans
        return [*spans[:k], ("title", s, e, c), *spans[k + 1 :]]
    return spans


_LONE_YEAR = regex.compile(r"(?:1[5-9]\d\d|20[0-4]\d)")


def year_after_imprint(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Dickens and New Historicism. New York: St. Martin's, 1997.`` : after a title, a place, a
    colon, one element and a comma, a lone year read as pages or a volume is the date, and the
    element (read as a title or container) is the publisher."""
    if any(sp[0] == "date" for sp in spans) or any(sp[0] == "publisher" for sp in spans):
        return spans
    for k in range(1, len(spans) - 2):
        lab, s, e, c = spans[k]
        mid, year = spans[k + 1], spans[k + 2]
        if (
            lab == "location"
            and any(sp[0] == "title" for sp in spans[:k])
            and mid[0] in ("title", "container-title", "note", "genre")
            and work[e : mid[1]].strip() == ":"
            and year[0] in ("pages", "volume", "issue")
            and work[mid[2] : year[1]].strip() == ","
            and _LONE_YEAR.fullmatch(work, *trim(work, year[1], year[2]))
            and not any(sp[0] in ("pages", "volume", "issue") for sp in spans[k + 3 :])
        ):
            return [
                *spans[: k + 1],
                ("publisher", *mid[1:]),
                ("date", *year[1:]),
                *spans[k + 3 :],
            ]
    return spans


_CLOSE_QUOTE = regex.compile(r"[.,?!]?[”\"]\s*[.,]?\s+")


def quoted_title_end(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``"The Reading Brain." So Many Books, So Little Time, 25 Apr. 2013`` : a title opened by a
    quotation mark ends at the closing one; what the labeller ran on past it is the container."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "title":
            continue
        q = s - 1
        while q >= start and work[q] == " ":
            q -= 1
        if q < start or work[q] not in '“"':
            return spans
        close = "”" if work[q] == "“" else '"'
        i = work.find(close, s, e)
        if i < 0 or not work[i + 1 : e].strip(" .,"):
            return spans
        m = _CLOSE_QUOTE.match(work, i - 1 if work[i - 1] in ".,?!" else i, e)
        if not m or any(sp[0] == "container-title" for sp in spans):
            return spans
        t = trim(work, s, i, " ,.")
        rest = trim(work, m.end(), e, " ,.;:")
        if t[1] <= t[0] or rest[1] <= rest[0]:
            return spans
        return [*spans[:k], ("title", *t, c), ("container-title", *rest, c), *spans[k + 1 :]]
    return spans


# "Morrison, Toni. " / "Palmer, William J. ": an inverted first name written out, then its stop
_INVERTED_FIRST = regex.compile(
    r"\p{Lu}[\p{L}'’\-]+,\s\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)*(?:\s\p{Lu}\.|\.)\s+(?=\p{Lu})"
    r"(?!(?:Jr|Sr)\b|(?:II|III|IV)\b)"  # "Miller, Fred D. Jr.": the suffix is the name's
)
_SENTENCE = regex.compile(r"(?<=\p{Ll}{2}|\p{Lu}{2})\.\s+(?=\p{Lu})")


def first_author_run(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Morrison, Toni. Beloved. Alfred A. Knopf, 1987.`` (MLA): the labeller ran the first author
    on into the title.  An inverted name written out ends at its full stop; the next sentence is the
    title and what follows it, with no title or publisher labelled, the publisher."""
    if not spans or spans[0][0] != "author" or any(sp[0] == "title" for sp in spans):
        return spans
    lab, s, e, c = spans[0]
    m = _INVERTED_FIRST.match(work, s, e)
    if not m or m.end() >= e:
        return spans
    stop_at = work.rindex(".", s, m.end())
    initial = work[stop_at - 1].isupper() and work[stop_at - 2] == " "
    out: list[Span] = [(lab, s, stop_at + 1 if initial else stop_at, c)]
    rest_s = m.end()
    stop = _SENTENCE.search(work, rest_s, e)
    if stop is None:
        out.append(("title", *trim(work, rest_s, e, " ,.;:"), c))
    else:
        out.append(("title", *trim(work, rest_s, stop.start(), " ,.;:"), c))
        p = trim(work, stop.end(), e, " ,.;:")
        if p[1] > p[0] and not any(sp[0] == "publisher" for sp in spans):
            out.append(("publisher", *p, c))
    return out + spans[1:]


def glued_number(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``COVID-19``, ``SARS-CoV-2``: a number span that starts at a hyphen glued to the letters that
    end the span before it belongs to that span."""
    out: list[Span] = []
    for sp in spans:
        lab, s, e, c = sp
        if (
            out
            and lab in ("pages", "volume", "issue", "date")
            and s > 1
            and (
                work[s] == "-"
                and work[s - 1].isalpha()
                or work[s - 1] == "-"
                and work[s - 2].isalpha()
            )
            and out[-1][2] in (s, s - 1)
            and out[-1][0] in ("title", "container-title")
            and (e >= len(work) or not work[e].isalnum())
        ):
            out[-1] = (out[-1][0], out[-1][1], e, out[-1][3])
            continue
        out.append(sp)
    return out


# a full stop that ends a sentence inside a title: after a word of three letters or more (not an
# abbreviation), a number or a bracket, before a capital or a digit
_TITLE_STOP = regex.compile(r"(?<=[\p{Ll}\p{N}\])][\p{Ll}\p{N}]{2}|[\])])\.\s+(?=[\p{Lu}\d])")
_EDITION_ONLY = regex.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th|d)|first|second|third|fourth|fifth|sixth|rev(?:ised)?\.?)\s+"
    r"(?:edn|ed|edition)\.?",
    regex.IGNORECASE,
)
# APA's description of the kind of work after its title: "[Data set]", "[Computer software]"
_DESCRIPTION = regex.compile(r"\s*\[(?P<g>[^\[\]]{3,80})\]\s*$")


def title_runs_on(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """The first title, not quoted, ran past its closing full stop (see the module docstring).
    The piece after the stop is the edition when it reads as one; the place when a colon and a
    publisher follow; after an APA ``[description]``, the publisher; before only a link or an
    access note (a web page), the site."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "title":
            continue
        if s > start and work[s - 1] in "“\"'‘":
            return spans
        stop = _TITLE_STOP.search(work, s, e)
        if stop is None:
            return spans
        left = trim(work, s, stop.start(), " ,;:")
        right = trim(work, stop.end(), e, " ,;:.")
        if left[1] <= left[0] or right[1] <= right[0] or _TITLE_STOP.search(work, *right):
            return spans
        labels = {sp[0] for sp in spans}
        after = spans[k + 1 :]
        new: list[Span] = []
        description = _DESCRIPTION.search(work, *left)
        if _EDITION_ONLY.fullmatch(work, *right):
            piece = "edition"
        elif (
            after
            and after[0][0] == "publisher"
            and work[right[1] : after[0][1]].strip() == ":"
            and "location" not in labels
        ):
            piece = "location"
        elif description and "publisher" not in labels:
            piece = "publisher"
        elif (
            "container-title" not in labels
            and all(sp[0] in ("url", "doi", "note", "date") for sp in after)
            and any(sp[0] in ("url", "note") for sp in after)
        ):
            piece = "container-title"
        else:
            return spans
        if description:
            new.append(("title", left[0], description.start(), c))
            new.append(("genre", description.start("g"), description.end("g"), c))
        else:
            new.append(("title", *left, c))
        new.append((piece, *right, c))
        return [*spans[:k], *new, *after]
    return spans


def publisher_not_place(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``The Great Gatsby. Scribner, 2004.`` : after the title, a "place" followed by a comma and
    the date, with no colon, no publisher labelled and no known place name in it, is the publisher
    (when the labeller was unsure of the place)."""
    if any(sp[0] == "publisher" for sp in spans):
        return spans
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "location" or k == 0 or k + 1 >= len(spans):
            continue
        if c >= 0.6:
            return spans  # the labeller is sure of a place
        nxt = spans[k + 1]
        if (
            nxt[0] != "date"
            or work[e : nxt[1]].strip() != ","
            or not any(sp[0] == "title" for sp in spans[:k])
        ):
            return spans
        places = words("places-world")
        if any(p.strip() in places for p in work[s:e].split(",")):
            return spans
        return [*spans[:k], ("publisher", s, e, c), *spans[k + 1 :]]
    return spans


def bracketed_group_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Abbott, B.P. [LIGO Scientific Collaboration], et al.: Title. Journal``: a "title" in square
    brackets right after the names, with another title later, is the authors' group (a note)."""
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        if lab != "title":
            continue
        if (
            spans[k - 1][0] != "author"
            or work[spans[k - 1][2] : s].strip() != "["
            or work[e : e + 1] != "]"
            or not any(sp[0] == "title" for sp in spans[k + 1 :])
        ):
            return spans
        return [*spans[:k], ("note", s, e, c), *spans[k + 1 :]]
    return spans


_LEGAL_VOLUME = regex.compile(r"\)\s*(\d{1,4})\s+")


def legal_volume(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``(1999) 10 European Journal of International Law 435, p. 440`` (OSCOLA): the bare number
    between the bracketed year and the journal is the volume; the number the labeller read as the
    volume after the journal is the first page (a note: the page cited is the pinpoint)."""
    for k in range(1, len(spans) - 1):
        lab, s, e, c = spans[k]
        if lab != "container-title":
            continue
        before, after = spans[k - 1], spans[k + 1]
        m = _LEGAL_VOLUME.fullmatch(work, before[2], s)
        if (
            before[0] != "date"
            or not m
            or after[0] != "volume"
            or not work[after[1] : after[2]].isdigit()
            or work[e : after[1]].strip()
        ):
            return spans
        vol = ("volume", *m.span(1), before[3])
        return [*spans[:k], vol, spans[k], ("note", *after[1:]), *spans[k + 2 :]]
    return spans


_CJK_SEP = regex.compile(r"[,，、.．。;；:：\s](?=[^,，、.．。;；:：\s]*$)")


def cjk_publisher_start(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``发展经济学，东北财经大学出版社``: a Chinese publisher whose span starts glued to the span
    before it (no separator between two Chinese characters) starts after that span's last separator:
    the labeller cut the name at a word it knows (``大学出版社``)."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        if lab != "publisher":
            continue
        plab, ps, pe, pc = spans[k - 1]
        if (
            pe != s
            or plab not in ("title", "container-title", "location")
            or not ("\u4e00" <= work[s - 1] <= "\u9fff" and "\u4e00" <= work[s] <= "\u9fff")
        ):
            return spans
        sep = _CJK_SEP.search(work, ps, pe)
        if not sep:
            return spans
        left = trim(work, ps, sep.start(), " ,;:，；：、.．。")
        if left[1] <= left[0]:
            return spans
        return [*spans[: k - 1], (plab, *left, pc), (lab, sep.end(), e, c), *spans[k + 1 :]]
    return spans


def bracketed_imprint(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Title (Publisher, Place, ed. 6, 2014)``: a title (or container) whose span runs into an
    opening bracket that it does not close, followed by imprint elements and the closing bracket,
    ends at the bracket; the piece inside it is the publisher when none is labelled."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab not in ("title", "container-title"):
            continue
        p = work.rfind("(", s, e)
        if p <= s or ")" in work[p:e] or k + 1 >= len(spans):
            return spans
        later = spans[k + 1 :]
        close = work.find(")", e, end)
        if (
            close < 0
            or not all(
                sp[0] in ("location", "date", "publisher", "edition", "issue", "volume")
                for sp in later
                if sp[2] <= close
            )
            or not any(sp[0] == "date" and sp[2] <= close for sp in later)
        ):
            return spans
        left = trim(work, s, p, " ,;:.")
        right = trim(work, p + 1, e, " ,;:")
        if left[1] <= left[0] or right[1] <= right[0]:
            return spans
        piece = "publisher" if not any(sp[0] == "publisher" for sp in spans) else "note"
        return [*spans[:k], (lab, *left, c), (piece, *right, c), *later]
    return spans


_PIECE_GAP = regex.compile(r"\s*:?\s+")


def title_in_pieces(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """The spans right before the first title, after the reference's date and joined to it and to
    each other by spaces (or a subtitle's colon) only, are words of the title the labeller took
    for a container, a genre, a date or a place (``World | development report | 2021 | : Data``)."""
    k = next((i for i, sp in enumerate(spans) if sp[0] == "title"), None)
    if k is None or k < 2:
        return spans
    first_date = next((i for i, sp in enumerate(spans) if sp[0] == "date"), None)
    if first_date is None or first_date >= k - 1:
        return spans
    j = k
    while j - 1 > first_date:
        prev = spans[j - 1]
        if prev[0] not in ("container-title", "genre", "date", "location", "note"):
            break
        if not _PIECE_GAP.fullmatch(work, prev[2], spans[j][1]):
            break
        j -= 1
    if (
        j == k
        or any(sp[0] == "date" for sp in spans[j:k])
        and not any(sp[0] == "date" for sp in spans[:j])
    ):
        return spans
    lab, s, e, c = spans[k]
    return [*spans[:j], ("title", spans[j][1], e, c), *spans[k + 1 :]]


# a meeting's name (its place follows it too): "Annual Forum, Virginia Beach"
_EVENT_WORDS = regex.compile(
    r"\b(?:forum|conference|proceedings|proc\.|symposium|workshop|congress|meeting|summit|"
    r"colloquium|convention)\b",
    regex.IGNORECASE,
)


_REPORT_KIND = regex.compile(
    r"\btech(?:nical)?\.?\s*rep|\breport\b|working\s+paper|dissertation|thesis", regex.IGNORECASE
)


def report_number_note(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Tech. Rep. TR-0200 (4230-46)-3``: a note with digits right after a report's kind is the
    report's number."""
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "genre"
            and nlab == "note"
            and _REPORT_KIND.search(work, s, e)
            and ne - ns <= 40
            and any(ch.isdigit() for ch in work[ns:ne])
            and work[e:ns].strip(" .,:") == ""
        ):
            return [*spans[: k + 1], ("identifier", ns, ne, nc), *spans[k + 2 :]]
    return spans


_INSTITUTION_WORD = regex.compile(institution_words())


def institution_as_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Ph.D. dissertation, Dept. Comput. Sci., Stanford Univ., Stanford, CA``: a university read
    as a name group after the title is the publisher, with the department right before it."""
    for k in range(2, len(spans)):
        lab, s, e, c = spans[k]
        if lab not in ("author", "editor") or not _INSTITUTION_WORD.search(work, s, e):
            continue
        if not any(sp[0] == "title" for sp in spans[:k]):
            return spans
        plab, ps, pe, pc = spans[k - 1]
        if plab in ("container-title", "publisher") and work[pe:s].strip(" .") == ",":
            return [*spans[: k - 1], ("publisher", ps, e, min(c, pc)), *spans[k + 1 :]]
        return [*spans[:k], ("publisher", s, e, c), *spans[k + 1 :]]
    return spans


_BRACKET_STOP = regex.compile(r"\)\.\s+(?=\p{Lu})")


def container_runs_on(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``In 13th USENIX Symposium … (OSDI 18). USENIX Association, Carlsbad, CA`` (ACM): a container
    that runs past the full stop after its closing bracket into the piece before the place ends at
    the bracket; the piece is the publisher."""
    if any(sp[0] == "publisher" for sp in spans):
        return spans
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        if lab != "container-title":
            continue
        m = _BRACKET_STOP.search(work, s, e)
        nxt = spans[k + 1]
        if not m or nxt[0] != "location" or work[e : nxt[1]].strip() != ",":
            return spans
        pub = trim(work, m.end(), e, " ,.;:")
        if pub[1] <= pub[0] or "(" in work[pub[0] : pub[1]]:
            return spans
        return [*spans[:k], (lab, s, m.start() + 1, c), ("publisher", *pub, c), *spans[k + 1 :]]
    return spans


def word_before_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``In Handbook of Parsing; Brown, C., Ed.`` (ACS) read as ``Handbook of`` + names ``Parsing;
    Brown, C., Ed.``: a piece with no comma and no initial, glued to the container by a bare space
    and closed by a semicolon, is the container's last words, not a name.  Closed by a full stop
    (``The Socialization of the High | School. Teachers College Record``), it ends the title, and
    what follows, with no comma and no initial, is the journal."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        plab, ps, pe, pc = spans[k - 1]
        if lab not in ("editor", "author") or plab not in ("container-title", "title"):
            continue
        if work[pe:s] != " ":
            continue
        semi = work.find(";", s, e)
        if semi < 0:
            stop = work.find(". ", s, e)
            rest = trim(work, stop + 1, e, " ;,.") if stop > 0 else (0, 0)
            if (
                stop < 0
                or rest[1] <= rest[0]
                or "," in work[s:e]
                or " " in work[s:stop]
                or _INITIAL.search(work, *rest)
                or any(sp[0] == "title" for sp in spans if sp is not spans[k - 1])
            ):
                continue
            return [
                *spans[: k - 1],
                ("title", ps, stop, pc),
                ("container-title", *rest, c),
                *spans[k + 1 :],
            ]
        if "," in work[s:semi] or "." in work[s:semi]:
            continue
        rest = trim(work, semi + 1, e, " ;,")
        if rest[1] <= rest[0]:
            continue
        return [*spans[: k - 1], (plab, ps, semi, pc), (lab, *rest, c), *spans[k + 1 :]]
    return spans


_INITIAL = regex.compile(r"(?<!\p{L})\p{Lu}\.")
_COMMA_NUMBER = regex.compile(r",\s+(?=[^,]*\d[^,]*$)")


def report_name_as_genre(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``S. Peggs, et al., ESS Technical Design Report, ESS 2013-001``: with no title labelled, a
    "genre" right after the names that holds a comma and then a number is the report's title and
    its number."""
    if any(sp[0] == "title" for sp in spans):
        return spans
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        if lab != "genre":
            continue
        m = _COMMA_NUMBER.search(work, s, e)
        if spans[k - 1][0] != "author" or not m:
            return spans
        title = trim(work, s, m.start(), " ,.;:")
        number = trim(work, m.end(), e, " ,.;:")
        if title[1] <= title[0] or number[1] <= number[0]:
            return spans
        return [*spans[:k], ("title", *title, c), ("identifier", *number, c), *spans[k + 1 :]]
    return spans


def publisher_before_place(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Title, Allen & Unwin, Sydney.`` / ``Title, 3rd edn, Wiley, Hoboken, NJ.``: after the title,
    a container followed by a comma and a place, in a reference with no volume, issue, pages or
    publisher and no ``In``, is the publisher (the imprint ``Publisher, Place``)."""
    if any(sp[0] in ("publisher", "volume", "issue", "pages") for sp in spans):
        return spans
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "container-title" or k + 1 >= len(spans):
            continue
        nxt = spans[k + 1]
        # a report's or thesis's kind after the imprint ("Aerospace Corp., Los Angeles, CA, Tech.
        # Rep. TR-12, Nov. 1988"): its number and its date may follow
        report = any(
            sp[0] == "genre" and _REPORT_KIND.search(work, sp[1], sp[2]) for sp in spans[k + 2 :]
        )
        if (
            nxt[0] != "location"
            or work[e : nxt[1]].strip() not in (",", ".,")
            or not any(sp[0] == "title" for sp in spans[:k])
            or _IN_BEFORE.search(work, max(start, s - 5), s)
            or _EVENT_WORDS.search(work, s, e)
            or not all(  # the imprint ends the reference (or a year does): no event's day follows
                sp[0] == "date"
                and _LONE_YEAR.fullmatch(work, *trim(work, sp[1], sp[2]))
                or report
                and sp[0] in ("genre", "identifier", "note", "date")
                for sp in spans[k + 2 :]
            )
        ):
            return spans
        return [*spans[:k], ("publisher", s, e, c), *spans[k + 1 :]]
    return spans


def container_in_pieces(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """After the title, a second "title" joined to the container by a space or an abbreviation's
    full stop only (``Found. | Trends Mach. Learn.``) is the container's first words."""
    seen_title = False
    for k, (lab, s, e, _c) in enumerate(spans):
        if lab == "title" and not seen_title:
            seen_title = True
            continue
        if not seen_title or lab != "title" or k + 1 >= len(spans):
            continue
        nxt = spans[k + 1]
        if nxt[0] == "container-title" and work[e : nxt[1]].strip() in ("", "."):
            return [*spans[:k], ("container-title", s, nxt[2], nxt[3]), *spans[k + 2 :]]
        return spans
    return spans


# ACM prints the month ("(January 2008)"); Science's "15, 100 (2019)" is volume, page, year
_ACM_DATE = regex.compile(r"\s*\(\s*\p{L}{3,9}\.?\s+(?:1[5-9]|20)\d\d\s*\)")


def acm_issue(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Commun. ACM 51, 1 (January 2008), 107-113`` (ACM): the number after the volume and a
    comma, right before the bracketed date, is the issue, whatever the labeller said."""
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "volume"
            and nlab in ("pages", "volume")
            and work[e:ns].strip() == ","
            and work[ns:ne].isdigit()
            and len(work[ns:ne]) <= 3
            and _ACM_DATE.match(work, ne, end)
        ):
            return [*spans[: k + 1], ("issue", ns, ne, nc), *spans[k + 2 :]]
    return spans


_TRAILING_VOLUME = regex.compile(r"\s(\d{1,4})$")


def mla_volume_issue(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Tulsa Studies in Women's Literature 15.1 (1996)`` (MLA 7): a number that ends the
    container title, glued by a full stop to the issue after it, is the volume."""
    if any(sp[0] == "volume" for sp in spans):
        return spans
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if lab != "container-title" or nlab != "issue" or work[e:ns] != ".":
            continue
        m = _TRAILING_VOLUME.search(work, s, e)
        if m is None or m.start() <= s or not work[ns:ne].isdecimal():
            return spans
        head = trim(work, s, m.start())
        return [
            *spans[:k],
            ("container-title", *head, c),
            ("volume", *m.span(1), c),
            *spans[k + 1 :],
        ]
    return spans


_PLACE_CODE = regex.compile(r"(?:[A-Z]{2}|[A-Z]\.[A-Z]\.)\b")
_TOWN = regex.compile(r"\p{Lu}[\p{Ll}'’\-]+(?:\s\p{Lu}[\p{Ll}'’\-]+){0,2}")


def place_in_publisher(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Curran Associates Inc., Red Hook | NY, USA`` (ACM): the publisher's last comma piece, a
    town's name, right before a place that starts with a state's or country's code, is the
    place's first piece."""
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if lab != "publisher" or nlab != "location" or work[e:ns].strip() != ",":
            continue
        cut = work.rfind(",", s, e)
        if cut < 0 or not _PLACE_CODE.match(work, ns, ne):
            return spans
        town = trim(work, cut + 1, e)
        if not _TOWN.fullmatch(work, *town) or has_corporate_word(work[town[0] : town[1]]):
            return spans
        pub = trim(work, s, cut, " ,")
        return [*spans[:k], ("publisher", *pub, c), ("location", town[0], ne, nc), *spans[k + 2 :]]
    return spans


def close_bracket(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """A title, container or publisher that opens a bracket it does not close, right before the
    closing one (``… Systems (NIPS'17|)``), takes it; so does a container followed by a bracketed
    "number" with letters in it (``Implementation (OSDI 18)``: the meeting's short name)."""
    out: list[Span] = []
    for lab, s, e, c in spans:
        if (
            out
            and out[-1][0] == "container-title"
            and lab in ("volume", "issue")
            and work[out[-1][2] : s].strip() == "("
            and e < end
            and work[e] == ")"
            and any(ch.isalpha() for ch in work[s:e])
        ):
            out[-1] = (out[-1][0], out[-1][1], e + 1, out[-1][3])
            continue
        if (
            lab in ("title", "container-title", "publisher", "collection-title")
            and e < end
            and work[e] == ")"
            and work.count("(", s, e) > work.count(")", s, e)
        ):
            e += 1
        out.append((lab, s, e, c))
    return out


# APA's chapter: "In Ed1 & Ed2 (Eds.), Book (2nd ed., pp. 45-67). Publisher." and its German
# ("Im|In … (Hrsg.), … (S. 45-67)"), Spanish ("En … (Ed.|Coord.), … (pp. …)") and French forms
_APA_CHAPTER = regex.compile(
    r"(?<=[.?!]\s{1,3})(?:In|En|Im|Dans)\s+(?P<eds>\p{Lu}[^()]{1,300}?)\s*"
    r"\((?:Eds?|Hrsg|Hg|Coords?|Dirs?|Comps?|Éds?)\.?\)\s*,\s*"
    r"(?P<book>[^()]{2,300}?)\s*\((?:[^()]{0,40}?,\s*)?(?:pp?|S|págs?)\.\s*"
    r"(?P<pages>\d+(?:\s*[-–]\s*\d+)?)\)\s*\.\s*"
    r"(?P<pub>\p{Lu}[^.]{1,120}?)(?=\.\s|\.?$)"
)


def apa_chapter(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """An APA chapter's ``In`` clause read by its printed shape (see the module docstring): the
    spans inside it are replaced by the editors, the book, the pages and the publisher."""
    if "(" not in work:
        return spans
    m = _APA_CHAPTER.search(work, start, end)
    if m is None:
        return spans
    a, b = m.start(), m.end()
    if not any(sp[0] == "title" and sp[2] <= a for sp in spans):
        # "(2015). Chapter title. In …": the sentence the labeller left as a note is the title
        k = max((i for i, sp in enumerate(spans) if sp[2] <= a), default=-1)
        if k < 1 or spans[k][0] != "note" or spans[k - 1][0] not in ("date", "author"):
            return spans
        spans = [*spans[:k], ("title", *spans[k][1:]), *spans[k + 1 :]]
    c = max((sp[3] for sp in spans if a <= sp[1] < b), default=0.7)
    book = trim(work, m.start("book"), m.end("book"), " ,;:")
    pub = trim(work, m.start("pub"), m.end("pub"), " ,;:")
    new: list[Span] = [
        ("editor", m.start("eds"), m.end("eds"), c),
        ("container-title", *book, c),
        ("pages", m.start("pages"), m.end("pages"), c),
        ("publisher", *pub, c),
    ]
    before = [sp for sp in spans if sp[2] <= a]
    after = [sp for sp in spans if sp[1] >= b]
    return [*before, *new, *after]


_ACCESSED_WORD = regex.compile(r"\b(?:accessed|retrieved|viewed)\b", regex.IGNORECASE)


def site_not_publisher(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """MLA's web page: a link, ``Accessed`` and a date after it, one publisher and no place, no
    numbers and no container: the publisher is the web site the page is in."""
    labels = [sp[0] for sp in spans]
    if (
        labels.count("publisher") != 1
        or "url" not in labels
        or "title" not in labels
        or any(lab in labels for lab in ("location", "container-title", "volume", "issue", "pages"))
    ):
        return spans
    k = labels.index("publisher")
    u = labels.index("url")
    after = spans[u + 1 :]
    accessed = _ACCESSED_WORD.search(work, spans[u][2], end) or any(
        MASK in work[a:b] for lab, a, b, _ in after if lab == "date"
    )  # (the identifiers took "Accessed 3 Mar. 2020" already: masked)
    if u < k or not accessed:
        return spans
    lab, s, e, c = spans[k]
    return [*spans[:k], ("container-title", s, e, c), *spans[k + 1 :]]


_MONTH_WORD = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|"
    r"June|July|August|September|October|November|December"
)
_DAY_MONTH_END = regex.compile(
    rf"\s+(?:\d{{1,2}}\s+(?:{_MONTH_WORD})|(?:{_MONTH_WORD})\s+\d{{1,2}},?)\s*$"
)


def day_month_before_year(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Time 20 Nov. 2000: 70-71`` (MLA 7 magazines): a title or container ending in a day and a
    month, right before a date span holding the year, gives them to the date."""
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if lab not in ("title", "container-title") or nlab != "date" or k == 0:
            continue
        if not _LONE_YEAR.fullmatch(work, ns, ne) or work[e:ns].strip(" .") != "":
            continue
        m = _DAY_MONTH_END.search(work, s, e)
        if m is None or m.start() <= s:
            continue
        return [
            *spans[:k],
            (lab, s, m.start(), c),
            ("date", m.start() + 1, ne, nc),
            *spans[k + 2 :],
        ]
    return spans


# "…recognition. In CVPR": a sentence's end, then "In" opening the book or proceedings
_IN_SPLIT = regex.compile(r"(?<=[\p{Ll}\p{N})’”\"'])[.?!]\s+(?:In|in):?\s+(?=\p{Lu}|\p{N})")


def title_in_container(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Deep residual learning. In CVPR, pages 770–778`` read as one container (or one title):
    the sentence before ``In`` is the title, the words after it the container."""
    if " In" not in work and " in" not in work:
        return spans
    labels = [sp[0] for sp in spans]
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "container-title" and "title" in labels[:k]:
            return spans
        if lab not in ("container-title", "title"):
            continue
        if lab == "title" and "container-title" in labels:
            return spans
        m = _IN_SPLIT.search(work, s, e)
        if m is None or m.end() >= e:
            continue
        title = trim(work, s, m.start(), " ,;:")
        return [
            *spans[:k],
            ("title", *title, c),
            ("container-title", m.end(), e, c),
            *spans[k + 1 :],
        ]
    return spans


# Vancouver names ("Hochreiter S, Schmidhuber J.") and their closing full stop
_VANCOUVER_RUN = regex.compile(
    r"(?:\p{Lu}[\p{Ll}'’\-]+(?:[\s\-]\p{Lu}[\p{Ll}'’\-]+)?\s\p{Lu}{1,3},\s*)+"  # (two names at least)
    r"\p{Lu}[\p{Ll}'’\-]+(?:[\s\-]\p{Lu}[\p{Ll}'’\-]+)?\s\p{Lu}{1,3}(?P<stop>\.)\s+(?=\p{Lu})"
)
_SENTENCE_END = regex.compile(r"(?<=[\p{Ll}\p{N})])\.\s+(?=\p{Lu})")


def vancouver_names_end(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Hochreiter S, Schmidhuber J. Long short-term memory. Neural Comput`` : Vancouver names
    end at the full stop after the last initials; the words the labeller added to them open the
    title (and a "container" with no title before it holds the rest of the title)."""
    if not spans or spans[0][0] != "author" or any(sp[0] == "title" for sp in spans[2:]):
        return spans
    lab, s, e, c = spans[0]
    if work.find(". ", s, e) < 0 or work.find(",", s, e) < 0:
        return spans  # (no stop inside the names: nothing ran past them)
    m = _VANCOUVER_RUN.match(work, s, e)
    if m is None or m.end() >= e:
        return spans
    names = (lab, s, m.start("stop"), c)
    rest = m.end()
    if len(spans) > 1 and spans[1][0] == "title":
        return [names, ("title", rest, spans[1][2], spans[1][3]), *spans[2:]]
    if len(spans) > 1 and spans[1][0] == "container-title":
        _, cs, ce, cc = spans[1]
        dot = _SENTENCE_END.search(work, cs, ce)
        if dot is None:
            return spans
        return [
            names,
            ("title", rest, dot.start(), c),
            ("container-title", dot.end(), ce, cc),
            *spans[2:],
        ]
    return spans


_ROLE_ONLY = regex.compile(rf"\s*(?:{CN_ROLE_WORDS})\s*")
# the last name of a group with its role word, read as a group of its own: "李华编"
_NAME_ROLE = regex.compile(rf"\s*\p{{Han}}{{2,4}}?\s*(?:{CN_ROLE_WORDS})\s*")


def role_word_alone(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``张明，李华编.`` : the role word the labeller read as a name group of its own belongs to the
    names before it (which it makes editors, translators or authors); so does the last name with
    its role word (``张明，|李华编``), read as a group after a comma."""
    if work.isascii():
        return spans
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "author"
            and nlab in ("editor", "translator", "author")
            and (
                not work[e:ns].strip()
                and _ROLE_ONLY.fullmatch(work, ns, ne)
                or work[e:ns].strip() in ("", ",", "，", "、")
                and work[max(s, e - 1) : ns].strip() in (",", "，", "、")
                and _NAME_ROLE.fullmatch(work, ns, ne)
            )
        ):
            return [*spans[:k], ("author", s, ne, min(c, nc)), *spans[k + 2 :]]
    return spans


# the kind of a work, printed as its own element: theses, reports, papers of a series
_GENRE_PHRASE = regex.compile(
    r"(?:unpublished\s+)?(?:(?:doctoral|master'?s|bachelor'?s|ph\.?\s?d\.?|m\.?\s?a\.?|m\.?\s?sc?\.?|"
    r"m\.?\s?phil\.?|b\.?\s?sc?\.?|honou?rs|senior|undergraduate|diploma|habilitation)\s+)?"
    r"(?:thesis|dissertation|diss\.)"
    r"|(?:technical|research|final|annual|internal|project|consultancy)\s+report|tech\.\s*rep(?:ort)?\.?"
    r"|(?:working|white|discussion|policy|position|concept|occasional|green)\s+paper|policy\s+brief"
    r"|lecture\s+notes|(?:computer\s+)?software|data\s?set",
    regex.IGNORECASE,
)
_DISS_GAP = regex.compile(r"\s*[.,]?\s*(?P<g>Diss\.|Dissertation|Thesis)\s*[.,]?\s*")


def genre_in_note(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Title (Unpublished doctoral dissertation). Stanford University`` / ``Title. White paper.
    Acme Corp.`` / ``Title. Diss. Stanford University, 2010.`` (MLA): the kind of work the labeller
    left as a note (or as no field) is the genre; a publisher printed in the same note follows it;
    a name group right after the genre is the institution that issued the work."""
    labels = {sp[0] for sp in spans}
    if not (
        "note" in labels
        or "genre" in labels
        or "publisher" in labels
        and ("Diss" in work or "Thesis" in work)
        or "location" in labels
        and " of" in work
    ):
        return spans
    out: list[Span] = []
    genre_at = -1
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "note" and "genre" not in labels:
            m = _GENRE_PHRASE.match(work, s, e)
            if m is not None and m.end() == e:
                out.append(("genre", s, e, c))
                genre_at = len(out) - 1
                continue
            if m is not None and (rest := _NOTE_REST.match(work, m.end(), e)) and rest.end() == e:
                out.append(("genre", s, m.end(), c))
                out.append(("publisher", rest.start("p"), e, c))
                genre_at = len(out) - 2
                continue
        if (
            lab == "publisher"
            and out
            and out[-1][0] == "title"
            and genre_at < 0
            and "genre" not in labels
            and (g := _DISS_GAP.fullmatch(work, out[-1][2], s))
        ):
            out.append(("genre", *g.span("g"), c))  # "Title. Diss. Stanford University" (MLA 7)
            genre_at = len(out) - 1
        if lab == "author" and k > 0 and out and out[-1][0] == "genre":
            lab = "publisher"  # "Technical Report 12, EECS Department, …": the issuing body
        if (
            lab == "location"
            and out
            and out[-1][0] == "publisher"
            and work[out[-1][1] : out[-1][2]].endswith(" of")
        ):  # "University of | California, Berkeley": the name goes on
            out[-1] = ("publisher", out[-1][1], e, out[-1][3])
            continue
        out.append((lab, s, e, c))
    return out


_NOTE_REST = regex.compile(r"\s*[.,]\s+(?P<p>\p{Lu}[^.]{1,80})")


# APA 7's description right after a title: "Title [Blog post]", "Title [Doctoral dissertation,
# Stanford University]"; the title span ends inside or before the bracket
_TITLE_DESCRIPTION = regex.compile(
    r"\s*\[(?!\s*(?:online|internet|web|electronic|cd-rom|serial|in\s|abstract|translat|"
    r"english|chinese|(?-i:[A-Z/\s]+\])))(?P<g>\p{Lu}[^\[\],]{2,59}?)(?:,\s*(?P<p>[^\[\]]{2,120}?))?\]",
    regex.IGNORECASE,
)
# APA's report number in brackets after the title: "(Report No. P60-270)", "(EEA Report No. 1/2020)"
_REPORT_NUMBER = regex.compile(
    r"\(\s*(?P<g>[^()]{0,40}?\b(?:Report|Paper|Brief|Memorandum|Note|Bulletin|Publication|Series|"
    r"Document))\s+(?:No\.?|Number|#)\s*(?P<n>[^()\s][^()]{0,30}?)\s*\)"
)


def apa_description(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Title [Blog post]`` / ``Title [Doctoral dissertation, Stanford University]. ProQuest`` /
    ``Title: 2019 (Report No. P60-270). Publisher`` (APA 7): the bracket after the title names the
    kind of work (and the school that accepted a thesis, whose database after it is no field), or
    the report's series and number; a title cut at its colon before the bracket runs on to it."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "title":
            continue
        b = work.find("[", s, min(end, e + 2))
        m = _TITLE_DESCRIPTION.match(work, b) if b >= 0 else None
        if m is None and "No" not in work and "Number" not in work and "#" not in work:
            return spans  # (no bracket and no report number: a cheap test before the pattern)
        if m is not None and e > m.end():
            return spans  # (a title run on past the bracket: title_runs_on reads it)
        if m is not None:
            ts, te = trim(work, s, b, " ,;:")
            new: list[Span] = [("title", ts, te, c), ("genre", *m.span("g"), c)]
            after = [sp for sp in spans[k + 1 :] if sp[1] >= m.end()]
            if m.group("p"):
                new.append(("publisher", *trim(work, *m.span("p")), c))
                after = [
                    (
                        "note" if sp[0] in ("title", "container-title", "publisher") else sp[0],
                        *sp[1:],
                    )
                    for sp in after
                ]
            return [*spans[:k], *new, *after]
        r = _REPORT_NUMBER.search(work, e, min(end, e + 40))
        if r is None:
            return spans
        te = e
        inside = [sp for sp in spans[k + 1 :] if sp[2] <= r.start()]
        if work[e - 1 : e] == ":" or all(sp[0] in ("pages", "date", "volume") for sp in inside):
            te = max([e, *[sp[2] for sp in inside]])  # "…States: 2019 (Report No. …)"
        elif inside:
            return spans
        new = [("title", s, te, c), ("genre", *r.span("g"), c), ("identifier", *r.span("n"), c)]
        after = [sp for sp in spans[k + 1 :] if sp[1] >= r.end()]
        return [*spans[:k], *new, *after]
    return spans


# Vancouver's note of the language a title was translated from: "Title [in Chinese]"
_LANGUAGE_NOTE = regex.compile(r"\s*\[\s*(?:in|In)\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s*\]?\s*$")


def language_note(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Smith J. Title of things [in Chinese]. J Things 2001;3:1-5`` : the language note closes
    the title (and is no part of it); a note the labeller made of title and language is the title."""
    if "[" not in work:
        return spans
    has_title = any(sp[0] == "title" for sp in spans)
    for k, (lab, s, e, c) in enumerate(spans):
        if lab not in ("title", "note") or lab == "note" and has_title:
            continue
        m = _LANGUAGE_NOTE.search(work, s, e) or _LANGUAGE_NOTE.search(work, s, min(end, e + 1))
        if m is None or m.start() <= s:
            continue
        return [*spans[:k], ("title", *trim(work, s, m.start(), " ,;:."), c), *spans[k + 1 :]]
    return spans


_MONTH_DAY_BEFORE = regex.compile(
    rf"(?:(?:{_MONTH_WORD})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH_WORD}))\s*,?\s*$"
)


def date_as_pages(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``The New York Times, June 12, 2020.`` : a year the labeller read as pages, right after a
    month and a day it left out, is the date."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "pages" or not _LONE_YEAR.fullmatch(work, s, e):
            continue
        prev_end = spans[k - 1][2] if k else start
        m = _MONTH_DAY_BEFORE.search(work, prev_end, s)
        if m is None:
            continue
        return [*spans[:k], ("date", m.start(), e, c), *spans[k + 1 :]]
    return spans


def note_as_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``A. Walker, Parsing Things, 2nd ed. New York: Wiley`` / ``Walker, A. (2017) Parsing Things.
    2nd edn. London`` : with no title read, a note right after the names (or their date) that
    closes with an edition is the title and the edition."""
    if any(sp[0] == "title" for sp in spans):
        return spans
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        plab, _, pe, _ = spans[k - 1]
        if plab not in ("author", "date") or lab != "note":
            if lab in ("author", "date"):
                continue
            return spans
        if work[pe:s].strip(" .,:;()") or _GENRE_PHRASE.match(work, s, e):
            return spans
        ed = _EDITION_TAIL.search(work, s, e)
        if ed is None or ed.start() <= s:
            return spans
        ts, te = trim(work, s, ed.start(), " ,;:.")
        return [*spans[:k], ("title", ts, te, c), ("edition", *ed.span("ed"), c), *spans[k + 1 :]]
    return spans


_EDITION_TAIL = regex.compile(
    r"[,.]\s+(?P<ed>(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|revised|rev\.)\s+"
    r"(?:edn|ed|edition)\.?)\s*$",
    regex.IGNORECASE,
)
_NAME_SEP = regex.compile(r"(?:,|(?<=(?:^|\s)\p{Lu})\.)\s+")
# "…, Parsing things, in" / "Walker A. Parsing things. In": the title and "in" read into the names
_IN_TAIL = regex.compile(r"[,.]\s*[Ii]n:?\s*$")


def title_in_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``A. Walker, B. Cole, Parsing things, in: C. Brown (Ed.)`` (Elsevier) / ``Walker A.
    Parsing things. In: Brown C, editor.`` (Vancouver): with no title read, the sentence-case
    piece at the end of the names, before ``in``, is the title."""
    if not spans or spans[0][0] != "author" or any(sp[0] == "title" for sp in spans):
        return spans
    lab, s, e, c = spans[0]
    tail = _IN_TAIL.search(work, s, e)
    names_end = tail.start() if tail else e
    if tail is None and not (len(spans) > 1 and spans[1][0] in ("editor", "container-title")):
        return spans
    cut = None
    seps = list(_NAME_SEP.finditer(work, s, names_end))
    for k, m in enumerate(seps):
        piece_end = seps[k + 1].start() if k + 1 < len(seps) else names_end
        if _TITLE_WORD.search(work, m.end(), piece_end):  # the first piece in sentence case
            cut = m.span()
            break
    if cut is None or _TITLE_WORD.search(work, s, cut[0]):
        return spans
    title = trim(work, cut[1], names_end, " ,;:.")
    return [(lab, s, cut[0] + (work[cut[0]] == "."), c), ("title", *title, c), *spans[1:]]


# a lower-case word of a sentence-case title (a journal's name has none but these)
_TITLE_WORD = regex.compile(
    r"(?<![\p{L}.])(?!(?:of|and|the|in|for|on|de|der|und|la|et)\b)\p{Ll}{3,}\b"
)


def title_in_journal(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Writer A, Coder B. Parsing things. Sci Rep. 2020;10:12345`` : with no title read, a
    journal that opens with a sentence in sentence case (lower-case words, ending in a full stop)
    holds the title, then the journal's name."""
    if any(sp[0] == "title" for sp in spans):
        return spans
    for k, (lab, s, e, c) in enumerate(spans):
        if lab != "container-title":
            continue
        dot = _SENTENCE_END.search(work, s, e)
        if dot is None or not _TITLE_WORD.search(work, s, dot.start()):
            return spans
        if _TITLE_WORD.search(work, dot.end(), e):
            return spans  # (lower-case words on both sides: no journal's name to tell apart)
        return [
            *spans[:k],
            ("title", s, dot.start(), c),
            ("container-title", dot.end(), e, c),
            *spans[k + 1 :],
        ]
    return spans


# "1(8):9": the number after the issue's bracket and a colon is the page
def page_after_issue(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``OpenAI blog, 1(8):9`` : a second issue right after ``):`` is the page."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        plab, ps, pe, _ = spans[k - 1]
        if (
            lab == "issue"
            and plab == "issue"
            and work[pe:s].replace(" ", "") == "):"
            and "pages" not in (sp[0] for sp in spans)
        ):
            return [*spans[:k], ("pages", s, e, c), *spans[k + 1 :]]
    return spans


def repair_spans(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """Every repair above, in order."""
    spans = english_dates(spans, work, start, end)
    spans = _unseen_shapes(spans, work, start, end)
    spans = english_shapes(spans, work, start, end)
    spans = names_end(spans, work, start, end)
    spans = first_author_run(spans, work, start, end)
    spans = quoted_title_end(spans, work, start, end)
    spans = no_field_words(spans, work, start, end)
    spans = lead_corporate_author(spans, work, start, end)
    spans = year_after_imprint(spans, work, start, end)
    spans = two_containers(spans, work, start, end)
    spans = glued_number(spans, work, start, end)
    spans = title_runs_on(spans, work, start, end)
    spans = publisher_not_place(spans, work, start, end)
    spans = publisher_before_place(spans, work, start, end)
    spans = bracketed_imprint(spans, work, start, end)
    if not work.isascii():
        spans = cjk_publisher_start(spans, work, start, end)
    if ") " in work:
        spans = legal_volume(spans, work, start, end)
    if "[" in work:
        spans = bracketed_group_title(spans, work, start, end)
    if "Rep" in work or "rep" in work or "aper" in work:
        spans = report_number_note(spans, work, start, end)
    if sum(sp[0] in ("author", "editor") for sp in spans) >= 2:
        spans = institution_as_names(spans, work, start, end)
    if "). " in work:
        spans = container_runs_on(spans, work, start, end)
    if ", " in work:
        spans = report_name_as_genre(spans, work, start, end)
    if sum(sp[0] in ("author", "editor") for sp in spans) >= 2:
        spans = word_before_names(spans, work, start, end)
    spans = title_in_pieces(spans, work, start, end)
    spans = container_in_pieces(spans, work, start, end)
    spans = acm_issue(spans, work, start, end)
    if "." in work:
        spans = mla_volume_issue(spans, work, start, end)
    spans = place_in_publisher(spans, work, start, end)
    spans = close_bracket(spans, work, start, end)
    spans = apa_chapter(spans, work, start, end)
    spans = site_not_publisher(spans, work, start, end)
    spans = day_month_before_year(spans, work, start, end)
    spans = cjk_stop_inside(spans, work, start, end)
    spans = number_prefixes(spans, work, start, end)
    spans = editors_first(spans, work, start, end)
    spans = quoted_title_in_names(spans, work, start, end)
    spans = title_before_in(spans, work, start, end)
    spans = abbreviation_tail(spans, work, start, end)
    return role_names(spans, work, start, end)


def _unseen_shapes(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """The repairs of issue 10's unseen shapes, each called only when the labels and a cheap test
    of the text say it may apply (most references need none of them: the tests cost less than the
    calls)."""
    labels = [sp[0] for sp in spans]
    have = set(labels)
    if ("title" in have or "container-title" in have) and (
        ". I" in work or ". i" in work or "? I" in work
    ):
        spans, have = _relabelled(title_in_container(spans, work, start, end), spans, labels, have)
    if "issue" in have and labels.count("issue") >= 2:
        spans, have = _relabelled(page_after_issue(spans, work, start, end), spans, labels, have)
    if (
        len(labels) > 1
        and labels[0] == "author"
        and labels[1] in ("title", "container-title")
        and "title" not in labels[2:]
        and (comma := work.find(",", spans[0][1], spans[0][2])) > 0
        and work[comma - 1].isupper()  # "Hochreiter S," (initials without stops)
    ):
        spans, have = _relabelled(vancouver_names_end(spans, work, start, end), spans, labels, have)
    if (
        not work.isascii()
        and labels.count("author") + labels.count("editor") + labels.count("translator") >= 2
        and any(ch in work for ch in "编著撰译注疏校整集")
    ):
        spans, have = _relabelled(role_word_alone(spans, work, start, end), spans, labels, have)
    if (
        "note" in have
        and _may_be_genre(work)
        or "genre" in have
        and "author" in labels[1:]
        or "publisher" in have
        and ("Diss" in work or "Thesis" in work)
        or "location" in have
        and "publisher" in have
        and " of" in work
    ):
        spans, have = _relabelled(genre_in_note(spans, work, start, end), spans, labels, have)
    if "title" in have:
        _, ts, te, _ = spans[labels.index("title")]
        b = work.find("[", ts, min(end, te + 2))
        if (
            b >= 0
            and work[b + 2 : b + 3].islower()
            or (work.find("(", te, te + 40) >= 0 and any(w in work for w in _REPORT_WORDS))
        ):
            spans, have = _relabelled(apa_description(spans, work, start, end), spans, labels, have)
    if "[in " in work or "[In " in work:
        spans, have = _relabelled(language_note(spans, work, start, end), spans, labels, have)
    if ("issue" in have or "volume" in have) and ("ch." in work or "hap" in work):
        spans, have = _relabelled(chapter_number(spans, work, start, end), spans, labels, have)
    if labels[:1] == ["author"] and labels[1:2] in (
        ["location"],
        ["publisher"],
        ["title"],
        ["container-title"],
    ):
        spans, have = _relabelled(mla_given_name(spans, work, start, end), spans, labels, have)
    if "UP" in work or " P," in work or " P." in work:
        spans, have = _relabelled(university_press(spans, work, start, end), spans, labels, have)
    if "pages" in have and any(
        lab == "pages" and e - s == 4 and work[s:e].isdigit() for lab, s, e, _ in spans
    ):
        spans, have = _relabelled(date_as_pages(spans, work, start, end), spans, labels, have)
    if "title" not in have:
        if "note" in have:
            spans, have = _relabelled(note_as_title(spans, work, start, end), spans, labels, have)
        if labels[:1] == ["author"] and (
            labels[1:2] in (["editor"], ["container-title"])
            or "in" in work[spans[0][2] - 4 : spans[0][2]].lower()
        ):
            spans, have = _relabelled(title_in_names(spans, work, start, end), spans, labels, have)
        if "container-title" in have:
            spans, have = _relabelled(
                title_in_journal(spans, work, start, end), spans, labels, have
            )
    if labels[:1] == ["author"] and ";" in work and ("title" not in have or "In " in work):
        spans, have = _relabelled(acs_names_end(spans, work, start, end), spans, labels, have)
    if "title" not in have and labels[:1] == ["author"]:
        if "(" in work:
            spans, have = _relabelled(
                chicago_note_title(spans, work, start, end), spans, labels, have
            )
    if "genre" in have and "Unpublished" in work:
        spans, have = _relabelled(unpublished_genre(spans, work, start, end), spans, labels, have)
    if "title" in have and ("(Version" in work or "(version" in work):
        spans, have = _relabelled(version_in_title(spans, work, start, end), spans, labels, have)
    if "note" in have or "edition" in have or "editor" in have:
        spans, have = _relabelled(stray_numbers(spans, work, start, end), spans, labels, have)
    if labels[:1] == ["author"] and "genre" in have and labels[1:2] == ["genre"]:
        spans, have = _relabelled(
            title_case_title_in_names(spans, work, start, end), spans, labels, have
        )
    if "et al" in work and "title" in have:
        spans = et_al_in_title(spans, work, start, end)
    return spans


_CHAPTER_BEFORE = regex.compile(r"\b(?:ch|chap|chapter|Ch|Chap|Chapter)\.?\s*$")
_CHAPTER_LEAD = regex.compile(r"(?:ch|chap|chapter|Ch|Chap|Chapter)\.?\s*\d")


def chapter_number(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``…: Springer, 2017, ch. 3, pp. 45–67`` (IEEE): the number after ``ch.`` is the chapter's, no
    volume or issue."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab in ("issue", "volume") and (
            _CHAPTER_BEFORE.search(work, max(start, s - 10), s) or _CHAPTER_LEAD.match(work, s, e)
        ):
            return [*spans[:k], ("note", s, e, c), *spans[k + 1 :]]
    return spans


_GIVEN_WORD = regex.compile(r"\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?")


_ET_AL_LEAD = regex.compile(r"et\s*al\.?,?\s+")


def et_al_in_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Walker A, et al. Parsing things.`` : the ``et al.`` the labeller read into the title closes
    the names before it."""
    for k in range(1, len(spans)):
        lab, s, e, c = spans[k]
        if lab == "title" and spans[k - 1][0] == "author":
            m = _ET_AL_LEAD.match(work, s, e)
            if m is None or work[spans[k - 1][2] : s].strip(" ,"):
                return spans
            a = spans[k - 1]
            return [
                *spans[: k - 1],
                (a[0], a[1], m.end() - 1 - (work[m.end() - 2] == ","), a[3]),
                (lab, m.end(), e, c),
                *spans[k + 1 :],
            ]
    return spans


# ACS names: "Walker, A.; Cole, B. C." (semicolons between, stops after the initials)
_ACS_NAMES = regex.compile(
    r"(?:\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?,\s(?:\p{Lu}\.\s?-?){1,3};\s)+"
    r"(?:and\s)?\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?,\s(?:\p{Lu}\.\s?-?){0,2}\p{Lu}\.(?=\s\p{Lu})"
)


def acs_names_end(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Walker, A.; Cole, B. Parsing Things. J. Am. Chem. Soc.`` (ACS): the names end at the stop
    after the last initials; the words after it open the title."""
    if not spans or spans[0][0] != "author":
        return spans
    rest = spans[1:]
    titles = [k for k, sp in enumerate(rest) if sp[0] == "title"]
    if titles:  # "…B. Parsing Things. In Handbook of Parsing; Brown, C., Ed." : the book after In
        if titles != [0] or not work.startswith("In ", rest[0][1]):
            return spans
        rest = [("container-title", rest[0][1] + 3, *rest[0][2:]), *rest[1:]]
    lab, s, e, c = spans[0]
    m = _ACS_NAMES.match(work, s, e)
    if m is None or m.end() >= e - 1:
        return spans
    return [(lab, s, m.end(), c), ("title", *trim(work, m.end(), e, " ,.;:"), c), *rest]


def chicago_note_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Ann Walker, Parsing Things (New York: Wiley, 2017), 45.`` (Chicago note): the piece after
    the one given-name-first author, right before the bracketed imprint, is the book's title."""
    if len(spans) < 2 or spans[0][0] != "author" or any(sp[0] == "title" for sp in spans):
        return spans
    lab, s, e, c = spans[0]
    if work[e : spans[1][1]].strip() != "(" or work.count(",", s, e) != 1:
        return spans
    comma = work.find(",", s, e)
    if not _GIVEN_FIRST_NAME.fullmatch(work, s, comma):
        return spans
    return [(lab, s, comma, c), ("title", *trim(work, comma + 1, e), c), *spans[1:]]


_GIVEN_FIRST_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{Ll}'’\-]+){1,2}")


_VERSION_OPEN = regex.compile(r"\s*\((?:[Vv]ersion|[Vv]\.)\s*[\w.\-]*\)?$")


def version_in_title(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Cities and rivers (Version 2.1) [Computer software]`` (APA 7): the version in brackets
    after the title (whole, or cut at its dot by the labeller) is no part of the title."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "title":
            m = _VERSION_OPEN.search(work, s, e)
            if m is None or m.start() <= s:
                return spans
            return [*spans[:k], (lab, s, m.start(), c), *spans[k + 1 :]]
    return spans


def stray_numbers(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """Spans that cannot be what they are labelled: an edition note (``2nd ed``) is the edition;
    a name group with no letter (``.``) is nothing; an "edition" that opens a day range
    (``3|–5 May 2019``) is the date's."""
    out: list[Span] = []
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "note" and _EDITION_ONLY.fullmatch(work, s, e):
            out.append(("edition", s, e, c))
            continue
        if lab in ("editor", "author", "translator") and not any(ch.isalpha() for ch in work[s:e]):
            continue
        if (
            lab == "edition"
            and work[s:e].isdigit()
            and k + 1 < len(spans)
            and spans[k + 1][0] == "date"
            and work[e : spans[k + 1][1] + 1].strip()[:1] in ("-", "–")
        ):
            continue
        out.append((lab, s, e, c))
    return spans if out == spans else out


# "Walker, A. Cities and Their Rivers" : inverted names with initials, then a title in title case
_INVERTED_THEN_TITLE = regex.compile(
    r"(?P<names>(?:\p{Lu}[\p{L}'’\-]+,\s(?:\p{Lu}\.\s?-?){1,3}(?:[,;]\s|\s?&\s|,?\sand\s))*"
    r"\p{Lu}[\p{L}'’\-]+,\s(?:\p{Lu}\.\s?-?){0,2}\p{Lu}\.)\s+(?P<rest>\p{Lu}\S*\s.+)"
)
_FUNCTION_WORD = regex.compile(r"\s(?:and|of|the|in|for|on|to|with|from|a|an|their|its)\s")


def title_case_title_in_names(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Walker, A. Cities and Their Rivers. Ph.D. Thesis, University of Rome`` (MDPI): a title in
    title case read into the names (its small words show it); a "title" after the genre is the
    school."""
    lab, s, e, c = spans[0]
    m = _INVERTED_THEN_TITLE.fullmatch(work, s, e)
    if m is None or not _FUNCTION_WORD.search(work, m.start("rest"), e):
        return spans
    rest = [
        ("publisher" if sp[0] == "title" and k and spans[k][0] == "genre" else sp[0], *sp[1:])
        for k, sp in enumerate(spans[1:])
    ]
    return [(lab, s, m.end("names"), c), ("title", *m.span("rest"), c), *rest]


def unpublished_genre(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Unpublished doctoral dissertation``: the word before the genre is the genre's."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab == "genre" and work[max(start, s - 12) : s].rstrip().endswith("Unpublished"):
            a = work.rfind("Unpublished", max(start, s - 12), s)
            if k == 0 or spans[k - 1][2] <= a:
                return [*spans[:k], (lab, a, e, c), *spans[k + 1 :]]
    return spans


_UNIVERSITY_PRESS = regex.compile(r"(?:\p{Lu}[\p{L}\s.]*\s)?UP|U\s+of\s+[\p{L}\s]+\s+P")


def university_press(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Oxford UP, 2017`` / ``U of Chicago P`` (MLA's abbreviated presses): a publisher, not a
    place or a container."""
    for k, (lab, s, e, c) in enumerate(spans):
        if lab in ("location", "container-title") and _UNIVERSITY_PRESS.fullmatch(work, s, e):
            return [*spans[:k], ("publisher", s, e, c), *spans[k + 1 :]]
    return spans


def mla_given_name(spans: list[Span], work: str, start: int, end: int) -> list[Span]:
    """``Walker, Ann. "Parsing Things." …`` (MLA, one author): the given name after the family
    name and its comma, read as a place or a publisher (or as the title's first word), is the
    author's."""
    if len(spans) < 2 or spans[0][0] != "author":
        return spans
    _, s, e, c = spans[0]
    if (
        spans[1][0] in ("container-title", "location", "publisher")
        and work[e : spans[1][1]].strip() == ","
        and " " not in work[s:e].strip()
        and _GIVEN_WORD.fullmatch(work, spans[1][1], spans[1][2])
        and len(spans) > 2
        and spans[2][0] == "date"
        and work[spans[1][2] : spans[2][1]].strip() == "."
    ):  # "Walker, Ann. 2017. Parsing Things." (Chicago author-date)
        return [("author", s, spans[1][2], c), *spans[2:]]
    if (
        spans[1][0] in ("title", "container-title")
        and work[e : spans[1][1]].strip() == ","
        and " " not in work[s:e]
        and not any(sp[0] == "title" for sp in spans[2:])
    ):
        g = _GIVEN_WORD.match(work, spans[1][1], spans[1][2])  # "Walker, | Ann. Parsing Things"
        if g and work[g.end() : g.end() + 2] == ". " and g.end() + 2 < spans[1][2]:
            return [("author", s, g.end(), c), ("title", g.end() + 2, *spans[1][2:]), *spans[2:]]
        return spans
    if len(spans) < 3 or spans[1][0] not in ("location", "publisher"):
        return spans
    _, ns, ne, _ = spans[1]
    if (
        " " in work[s:e].strip()
        or work[e:ns].strip() != ","
        or not _GIVEN_WORD.fullmatch(work, ns, ne)
        or spans[2][0] != "title"
        or work[ne : spans[2][1]].strip(" \"“'‘") != "."
    ):
        return spans
    return [("author", s, ne, c), *spans[2:]]


def _may_be_genre(work: str) -> bool:
    """A cheap test before :data:`_GENRE_PHRASE`: one of the words every genre it reads holds."""
    low = work.lower()
    return (
        "software" in low
        or "set" in low
        or "thesis" in low
        or "diss" in low
        or "report" in low
        or "rep." in low
        or "paper" in low
        or "brief" in low
        or "notes" in low
    )


# the words of a report series that _REPORT_NUMBER reads (a cheap test before it)
_REPORT_WORDS = (
    "Report",
    "Paper",
    "Brief",
    "Memorandum",
    "Note",
    "Bulletin",
    "Publication",
    "Series",
    "Document",
)


def _relabelled(
    new: list[Span], old: list[Span], labels: list[str], have: set[str]
) -> tuple[list[Span], set[str]]:
    """``new`` (a repair's result), keeping ``labels`` (in place) the labels of its spans, and the
    set of them."""
    if new is old:
        return new, have
    labels[:] = [sp[0] for sp in new]
    return new, set(labels)
