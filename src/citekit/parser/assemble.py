"""Assembly: labelled spans from the CRF into CSL fields of a :class:`~.draft.Draft`.

Each label has a small assembler: names (through :func:`.names.parse_names`: every order,
particles, suffixes, ``et al.`` as a flag), dates (year, month names, ISO dates; an access date
after ``accessed``/``retrieved``/``引用日期``), volume/issue/pages (``Vol.``, ``no.``, ``pp.``
stripped), identifiers (only when the identifier rules found none), and the type from the shape
of what was found (a container with volume or pages is a journal article, ``In`` + editors or a
publisher make a chapter, a thesis or report word in the genre, a publisher alone a book...).
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.identifiers import DOI_SYNTAX
from ..text.lexicons import words
from ..text.names import institution_words
from .common import set_names, set_title
from .draft import Draft
from .numbers import edition
from .relabel import repair_spans
from .text import MASK, number_text, trim

__all__ = ["assemble"]

_MONTHS = {
    m: i + 1
    for i, ms in enumerate(
        [
            "jan january janvier januar enero",
            "feb february fevrier février februar febrero",
            "mar march mars märz marzo",
            "apr april avril abril",
            "may mai mayo",
            "jun june juin juni junio",
            "jul july juillet juli julio",
            "aug august aout août agosto",
            "sep sept september septembre septiembre",
            "oct october octobre oktober octubre",
            "nov november novembre noviembre",
            "dec december decembre décembre dezember diciembre",
        ]
    )
    for m in ms.split()
}
_YEAR = regex.compile(r"(?<!\d)(1[5-9]\d\d|20[0-4]\d)(?!\d)")
_ISO = regex.compile(r"(?<!\d)(1[5-9]\d\d|20[0-4]\d)[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)")
_CN_MD = regex.compile(
    r"(1[5-9]\d\d|20[0-4]\d)\s*(?:年|[,，]\s*(?=\d{1,2}\s*月))\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"
)  # 2011年6月, (2019,5月)
_WORD = regex.compile(r"\p{L}+")
_DAY = regex.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_ACCESS_BEFORE = regex.compile(
    r"(?:accessed|retrieved|cited|viewed|引用日期|访问日期|consulted|abgerufen|\bweb\.)[\s:,]*(?:on\s*)?$",
    regex.IGNORECASE,
)
_LEAD_IN = regex.compile(
    r"(?:in\s*:|in\s+(?=\p{Lu}|\d)|载于?|见|收入|edited\s+by|ed\.\s+by|by\b)\s*", regex.IGNORECASE
)
# MLA/Chicago role phrase after the title: "Trans. H. M. Parshley", "Translated by …", "Edited by …"
_ROLE_LEAD = regex.compile(
    r"(?:trans(?:lated)?\.?|ed(?:ited)?\.?|eds\.)(?:\s+by)?\s+(?=\p{Lu})", regex.IGNORECASE
)
# one given-name-first name in such a phrase ("H. M. Parshley", "and Laura García-Moreno")
_GIVEN_FIRST_NAME = regex.compile(
    r"\G\s*(?:and\s+)?\p{Lu}[\p{L}.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*){1,4}\s*"
)
_PUBLISHER_PIECE = regex.compile(r"\G\s*\p{Lu}[^\d,.;:()\[\]]{1,80}?\s*")
_VOL_PREFIX = regex.compile(r"(?:vols?\.?|volume|bd\.?|tome|t\.|v\.|第)\s*", regex.IGNORECASE)
_ISS_PREFIX = regex.compile(
    r"(?:no\.?|nr\.?|issue|iss\.?|num\.?|number|n\.|#|第)\s*", regex.IGNORECASE
)
# a volume with its issue: "93, no. 4", "7, Issue 2"
_VOL_ISSUE = regex.compile(
    r"(\d{1,5})\s*+,?\s*+(?:no\.?|nr\.?|issue|iss\.?|number)\s*+(\d{1,5}(?:[/\-–]\d{1,5})?)",
    regex.IGNORECASE,
)
_ISS_SUFFIX = regex.compile(r"(?:\G|(?<!\s))\s*+[期号]$")
_VOL_SUFFIX = regex.compile(r"\s*卷$")
_PAGE_PREFIX = regex.compile(r"(?:pp?\.?|pages?|s\.|第)\s*", regex.IGNORECASE)
_PAGE_SUFFIX = regex.compile(r"(?:\G|(?<!\s))\s*+(?:页|pp?\.?)$")
_CONF_WORDS = regex.compile(
    r"proceedings|proc\.|conference|conf\.|symposium|symp\.|workshop|congress|会议|论文集",
    regex.IGNORECASE,
)
# "In CVPR", "In NeurIPS 2017", "In Proc. ACL '19": a meeting named by its acronym after "In"
_MEETING_ACRONYM = regex.compile(
    r"(?:\p{Lu}[\p{Lu}\p{Ll}]{0,3}){0,2}\p{Lu}{2,}[\p{Lu}\p{Ll}\-]{0,4}(?:\s*['’]?\d{2,4})?"
)
# a journal named "Proceedings …" (PNAS, Proc. R. Soc. A) has a volume and no "In" before it
_PROCEEDINGS_JOURNAL = regex.compile(
    r"(?:proc\.|proceedings)(?!.*(?:conference|conf\.|symposium|workshop|congress|meeting))",
    regex.IGNORECASE,
)
_REPORT_TITLE = regex.compile(r"\breport(?:\s+(?:1[5-9]|20)\d\d)?$", regex.IGNORECASE)
_THESIS_WORDS = regex.compile(
    r"thesis|dissertation|\bdiss\b|ph\.?\s?d|master|学位论文|博士|硕士", regex.IGNORECASE
)
_REPORT_WORDS = regex.compile(
    r"report|working paper|technical|white paper|\btech\.?\s*rep\b|报告", regex.IGNORECASE
)
_PATENT_WORDS = regex.compile(r"patent|专利", regex.IGNORECASE)
_URL_LIKE = regex.compile(r"^(?:[a-z]+://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$", regex.IGNORECASE)
_IN_BEFORE = regex.compile(r"\b(?:[Ii]n|载|见)\s*:?\s*$")
_TRIM_FIELD = " ,.;:，。；：、" + MASK
_TRIM_TITLE = " ,;:，；：、" + MASK
# made once, not per span
_TRIM_NUMBER = _TRIM_FIELD + "()[]"
_TRIM_NAMES = _TRIM_TITLE + "("
_TEXT_NAMES = {"location": "publisher-place"}
_NUMBER_NAMES = {"pages": "page"}
_IDENTIFIER_NAMES = {"doi": "DOI", "url": "URL", "isbn": "ISBN", "issn": "ISSN"}
# the training corpora's other identifiers (arXiv ids, report and standard numbers, PMIDs) are the
# document's number in CSL
_NUMBER_LABELS = ("identifier",)


_CN_DATE_TAIL = regex.compile(r"(?<=[\d年月])[年月日]?(?:\s*\d{1,2}\s*[月日])*")
_MONTH_AFTER = regex.compile(
    r"\G(?:\s*,\s*(?:[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2}\b)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)"
    r"|(?:\s*年|(?<=年))\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)"  # "2016(年)|3月": the year only was labelled
)


# a month (and day) right before the year: "Mar. 2010", "Jun. 05, 2015", "5 June 2015"
_MONTH_BEFORE = regex.compile(
    r"(?<![\p{L}\d])(?:\d{1,2}\s+)?\p{Lu}\p{Ll}{2,8}\.?(?:\s+\d{1,2})?,?\s+$"
)


def _date(text: str) -> list[int] | None:
    m = _CN_MD.search(text)
    if m:
        parts = [int(m.group(1)), int(m.group(2))]
        if m.group(3):
            parts.append(int(m.group(3)))
        return parts if 1 <= parts[1] <= 12 else parts[:1]
    m = _ISO.search(text)
    if m and 1 <= int(m.group(2)) <= 12:
        parts = [int(m.group(1)), int(m.group(2))]
        if m.group(3) and 1 <= int(m.group(3)) <= 31:
            parts.append(int(m.group(3)))
        return parts
    m = _YEAR.search(text)
    if not m:
        return None
    parts = [int(m.group(1))]
    month = next(
        (_MONTHS[w.lower().rstrip(".")] for w in _WORD.findall(text) if w.lower() in _MONTHS), None
    )
    if month:
        parts.append(month)
        rest = text[: m.start()] + " " + text[m.end() :]
        days = [int(x) for x in _DAY.findall(rest) if 1 <= int(x) <= 31]
        if len(days) == 1:
            parts.append(days[0])
    return parts


# a month and day with no year: "June 15", "15 June", "Sept. 3", "March"
_MONTH_DAY = regex.compile(
    r"\s*+(?:(?P<d1>\d{1,2})\s+)?(?P<m>\p{L}{3,9})\.?(?:\s+(?P<d2>\d{1,2}))?\s*+[.,]?\s*+"
)


def _month_day(text: str) -> list[int] | None:
    """``[month]`` or ``[month, day]`` of a date written without its year, else None."""
    m = _MONTH_DAY.fullmatch(text)
    if not m or m.group("d1") and m.group("d2"):
        return None
    month = _MONTHS.get(m.group("m").lower())
    if month is None:
        return None
    day = m.group("d1") or m.group("d2")
    if day is None:
        return [month]
    return [month, int(day)] if 1 <= int(day) <= 31 else None


# "(1974/1993)": a reprint's two years, kept as printed; "(1980-1981)": a range
_YEAR_PAIR = regex.compile(
    r"(?<!\d)(1[5-9]\d\d|20[0-4]\d)\s*([/\-–])\s*(1[5-9]\d\d|20[0-4]\d)(?!\d)"
)
_SEASONS = {"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4}
_SEASON = regex.compile(
    r"\b(spring|summer|fall|autumn|winter)\s*,?\s*(?=(?:1[5-9]|20)\d\d\b)", regex.IGNORECASE
)


def _issued(work: str, a: int, b: int, end: int, parts: list[int]) -> tuple[dict, int]:
    """The CSL date of ``work[a:b]`` read as ``parts``, and its end: a year pair a little past the
    labelled span (``1974/1993`` → literal, ``1980-1981`` → range), a season (``Fall 2011``)."""
    value: dict = {"date-parts": [parts]}
    if len(parts) != 1:
        return value, b
    m = _YEAR_PAIR.search(work, a, min(end, b + 8))
    if m and m.start() < b and int(m.group(1)) == parts[0] and int(m.group(3)) > parts[0]:
        if m.group(2) == "/":
            return {"literal": f"{m.group(1)}/{m.group(3)}"}, max(b, m.end())
        return {"date-parts": [parts, [int(m.group(3))]]}, max(b, m.end())
    m = _SEASON.search(work, max(0, a - 10), b)
    if m and m.end() <= b and int(work[m.end() : m.end() + 4]) == parts[0]:
        value["season"] = _SEASONS[m.group(1).lower()]
    return value, b


_ABBREV_END = regex.compile(
    r"(?:\.\s*\p{L}{1,12}\.|\b(?:Lett|Rev|Phys|Chem|Sci|Med|Res|Biol|Soc|Proc|Trans|Eng|Mater|Acad|Natl|Int|Ann|Bull|"
    r"Genet|Commun|Comput|Math|Stat|Econ|Polit|Psychol|Neurosci|Clin|Nucl|Astron|Astrophys|Geophys|Appl|Opt|Mech|"
    r"Environ|Technol|Inf|Syst|Anal|Eur|Am|Br|Can|Jpn|Chin)\.)$"
)


def _text_span(work: str, s: int, e: int, label: str) -> tuple[int, int]:
    """Trim a text field: separators, wrapping quotes or 《》, the full stop that ends the element
    (kept inside quotes, after an initial and at the end of an abbreviated journal title)."""
    a, b = trim(work, s, e, _TRIM_TITLE)
    quoted = False
    k = a - 1
    while k >= 0 and work[k] == " ":
        k -= 1
    if b > a and k >= 0 and work[k] in '“"‘' and work[a] not in '“"‘':
        a = k  # the labelled run left out its opening quote: look at the quoted text as a whole
    if b > a and work[a] in "“\"‘《'":
        close = {"“": "”", '"': '"', "‘": "’", "《": "》", "'": "'"}[work[a]]
        k = work.rfind(close, a + 1, b)
        if k > a and not work[k + 1 : b].strip(" .,;:"):
            a, b, quoted = a + 1, k, True
        elif work.find(close, a + 1, b) < 0:
            a += 1
            # “Title.” / "Title," : the span stopped before the mark and the closing quote; a question
            # or exclamation mark inside the quotes is the title's own, a full stop or comma there
            # is the list's separator (American punctuation moves it inside the quotes)
            j = b
            while j < len(work) and j < b + 2 and work[j] in ".,!?":
                j += 1
            if j < len(work) and work[j] == close:
                if (
                    b < j
                    and work[b] == "."
                    and b - a > 1
                    and work[b - 1].isupper()
                    and work[b - 2] in " ."
                ):
                    b += 1  # “… the U.S.”: an initial's or abbreviation's dot
                while b < j and work[b] in "!?":
                    b += 1
                quoted = True
    elif b > a and work[b - 1] in '”"’》' and work[a] not in '“"‘《':
        b -= 1
    a, b = trim(work, a, b, _TRIM_TITLE if not quoted else " ,;:")
    if (
        quoted
        and b - a > 2
        and work[b - 1] == "."
        and not (work[b - 3] in " ." and work[b - 2].isupper())
    ):
        b -= 1  # “Title.”: the separator's full stop (not an initial's or an abbreviation's: “… U.S.”)
    if (
        label in ("container-title", "collection-title")
        and b < len(work)
        and work[b] == "."
        and _ABBREV_END.search(work, max(a, b - 30), b + 1)
    ):
        b += 1  # "Phys. Rev. Lett." : the last full stop belongs to the abbreviation
    if b > a and work[b - 1] == "." and not quoted:
        keep = bool(_ABBREV_END.search(work, max(a, b - 30), b)) and label in (
            "container-title",
            "collection-title",
        )
        keep = (
            keep
            or (b - a > 2 and work[b - 3] in " ." and work[b - 2].isupper())
            and label != "title"
        )
        if not keep:
            b -= 1
            a, b = trim(work, a, b, _TRIM_TITLE)
    if b > a and work[b - 1] == ")" and work.count("(", a, b) < work.count(")", a, b):
        b -= 1  # "(博士论文).": the labelled run took the closing bracket of what it is in
        a, b = trim(work, a, b, _TRIM_TITLE)
    if b > a and work[a] == "(" and work.count("(", a, b) > work.count(")", a, b):
        a, b = trim(work, a + 1, b, _TRIM_TITLE)  # (and its opening bracket)
    return a, b


def _strip(work: str, s: int, e: int, pattern: regex.Pattern[str]) -> int:
    m = pattern.match(work, s, e)
    return m.end() if m else s


def _merge(
    spans: list[tuple[str, int, int, float]], work: str
) -> list[tuple[str, int, int, float]]:
    """Join runs of one name label split only by separators (``Smith, J. | and | Jones, K.``)."""
    out: list[tuple[str, int, int, float]] = []
    for sp in spans:
        if out and out[-1][0] == sp[0] and sp[0] in ("author", "editor", "translator"):
            gap = work[out[-1][2] : sp[1]].strip(" ,;&").lower()
            if gap in ("", "and", "und", "et", "y", "和", "、"):
                lab, s, _, c = out[-1]
                out[-1] = (lab, s, sp[2], (c + sp[3]) / 2)
                continue
        out.append(sp)
    return out


def _role_names_end(d: Draft, s: int, e: int, conf: float, seen: set[str]) -> int:
    """``Trans. H. M. Parshley, Vintage, 1989`` (MLA): the names after a role word are written given
    name first, so a comma-separated piece that is not such a name ends the group; a capitalised
    piece there with no publisher yet is the publisher."""
    work = d.work
    k = work.find(",", s, e)
    while k >= 0:
        nxt = work.find(",", k + 1, e)
        stop = nxt if nxt >= 0 else e
        if not _GIVEN_FIRST_NAME.fullmatch(work, k + 1, stop):
            a, b = trim(work, k + 1, e, _TRIM_TITLE + ".")
            if (
                "publisher" not in seen
                and not d.has("publisher")
                and b > a
                and _PUBLISHER_PIECE.fullmatch(work, a, b)
            ):
                set_title(d, "publisher", a, b, conf)
                seen.add("publisher")
            return k
        k = nxt
    return e


# a space lost between two words in a PDF conversion: "SecondEdition"
_GLUED_WORDS = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")


def _title_edition(d: Draft, a: int, b: int, conf: float) -> tuple[int, int]:
    """``工业系统概论（第三版）`` / ``Fluid Mechanics (2nd ed.)`` / ``( SecondEdition )``: a numbered
    edition in brackets at the end of the title is the edition, not part of the title."""
    work = d.work
    k = work.rfind("(", a, b)
    if k <= a or ")" in work[k + 1 : b - 1]:
        return a, b
    inside = work[k + 1 : b - 1]
    ed = edition(inside) or edition(_GLUED_WORDS.sub(" ", inside.strip()))  # "( SecondEdition )"
    if not ed or not ed.isdecimal():
        return a, b
    d.set("edition", ed, k + 1, b - 1, conf)
    return trim(work, a, k, _TRIM_TITLE)


def _name_end(work: str, a: int, b: int) -> tuple[int, int]:
    """Drop the full stop that ends a name group after a whole word (``Smith.``); keep it after an
    initial (``Smith J.``) and in ``et al.``, ``eds.``, ``Jr.``."""
    while b - a >= 2 and work[b - 1] == ".":
        initial = not work[b - 2].isalpha() or not work[b - 3 : b - 2].isalpha()
        if initial or work[a:b].lower().endswith(("al.", "eds.", "ed.", "jr.")):
            break
        b -= 1
    return a, b


def _subtitle(
    spans: list[tuple[str, int, int, float]], work: str
) -> list[tuple[str, int, int, float]]:
    """``Aristotle: Political Philosophy`` before any title is a title with a subtitle, not
    ``Place: Publisher`` (the labeller confuses the two shapes)."""
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        if lab == "title":
            return spans
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab in ("location", "publisher")
            and nlab in ("container-title", "title", "publisher")
            and work[e:ns].strip() == ":"
            and any(sp[0] in ("location", "publisher") for sp in spans[k + 2 :])
        ):
            return spans[:k] + [("title", s, ne, min(c, nc))] + spans[k + 2 :]
    return spans


def _comma_title(
    spans: list[tuple[str, int, int, float]], work: str
) -> list[tuple[str, int, int, float]]:
    """``Nature, Justice, and Rights in …`` : a "container" right before the title, split from it by
    a comma only, is the title's first words (a container follows its title, or ``In``); so is
    one before a second "container" when no title is labelled at all."""
    untitled = all(sp[0] != "title" for sp in spans)
    for k in range(len(spans) - 1):
        lab, s, e, c = spans[k]
        if lab == "title":
            return spans
        nlab, ns, ne, nc = spans[k + 1]
        if (
            lab == "container-title"
            and (nlab == "title" or untitled and nlab == "container-title")
            and work[e:ns].strip() in (",", "，")
            and not _LEAD_IN.match(work, s, e)
            and not any(ch in work[s:e] for ch in '“"《')
        ):
            return spans[:k] + [("title", s, ne, min(c, nc))] + spans[k + 2 :]
    return spans


# MLA 7's medium of a web page, before the access date: "… 20 Jan. 2011. Web. 4 Mar. 2014."
_WEB_MEDIUM = regex.compile(r"\bWeb\.\s+\d{1,2}\s+\p{Lu}\p{Ll}{2}")


def _mla_web_page(d: Draft, rest: str) -> bool:
    """``"Title." Site. Sponsor, 20 Jan. 2011. Web. 4 Mar. 2014.`` (MLA 7): a site and its sponsor
    with the medium ``Web.`` and no journal numbers is a web page."""
    return (
        d.has("accessed")
        and d.has("publisher")
        and not (d.has("volume") or d.has("issue") or d.has("page") or d.has("DOI"))
        and _WEB_MEDIUM.search(rest) is not None
    )


def assemble(d: Draft, spans: list[tuple[str, int, int, float]]) -> None:
    """Record the fields the labelled ``spans`` (view coordinates) describe; then set the type."""
    work = d.work
    spans = _merge(spans, work)
    spans = _subtitle(spans, work)
    spans = _comma_title(spans, work)
    spans = repair_spans(spans, work, d.start, d.end)
    seen: set[str] = set()
    container_lead = False
    genre = ""
    numbers: list[tuple[int, int, float]] = []
    for label, s, e, conf in spans:
        conf = round(min(0.95, conf), 3)
        if label in ("author", "editor", "translator"):
            if label in seen:
                continue
            s = trim(work, s, e, _TRIM_TITLE)[0]
            lead = _ROLE_LEAD.match(work, s, e) if label != "author" else None
            if lead:
                d.claim(s, lead.end())  # the role word itself
                s, e = lead.end(), _role_names_end(d, lead.end(), e, conf, seen)
            s = _strip(work, s, e, _LEAD_IN)
            while (
                e < d.end
                and e - s < 300
                and (
                    work[e] in "等著编译主"
                    or work[e] == " "
                    and bool(work[e + 1 : e + 2])
                    and work[e + 1] in "等著编译主 "
                )
            ):
                e += 1  # "汤彬等主|编", "方齐云、姚遂 | 主编": the role word belongs to the group
            a, b = _name_end(work, *trim(work, s, e, _TRIM_NAMES))
            if (
                b - a > 2
                and b < d.end
                and work[b] == "."
                and work[b - 1].isupper()
                and work[b - 2] in " ."
            ):
                b += 1  # "Baron, Naomi S|." : the labeller left the initial's full stop out
            if b > a and work[b - 1] == ")" and "(" not in work[a:b]:
                a, b = _name_end(work, *trim(work, a, b - 1, _TRIM_NAMES))
            if b > a and set_names(d, a, b, label, conf):
                seen.add(label)
            continue
        if label == "title" and "title" in seen and not d.has("container-title"):
            label = "container-title"  # a second title: the book or journal the first one is in
        first = d.spans.get("container-title") if label == "container-title" else None
        if first and "container-title" in seen and "title" not in seen and first[1] <= s:
            # "Title. In Eds., Book": two containers and no title: the first one is the work's own
            _rename(d, "container-title", "title")
            seen.discard("container-title")
            seen.add("title")
        if label in seen and label not in ("date",):
            continue
        if label in (
            "title",
            "container-title",
            "collection-title",
            "publisher",
            "location",
            "genre",
            "note",
        ):
            if label == "container-title":
                s = trim(work, s, e, _TRIM_TITLE)[0]
                s2 = _strip(work, s, e, _LEAD_IN)
                container_lead = (
                    container_lead or s2 > s or bool(_IN_BEFORE.search(work, max(0, s - 5), s))
                )
                s = s2
            iss = d.spans.get("issued")
            if iss and s < iss[1] < e and s >= iss[0]:
                s = iss[1]  # "(2020, May 5). Title": the date's month, read into the title
                while s < e and work[s] in " ).,;:":
                    s += 1
            a, b = _text_span(work, s, e, label)
            if b <= a:
                continue
            name = _TEXT_NAMES.get(label, label)
            if label == "genre":
                genre = work[a:b]
            if label == "note":
                continue
            if (
                label in ("title", "container-title")
                and work[b - 1] == ")"
                and not d.has("edition")
            ):
                a, b = _title_edition(d, a, b, conf)
            set_title(d, name, a, b, conf)
            seen.add(label)
        elif label == "date":
            tail = _CN_DATE_TAIL.match(work, e, d.end)
            if tail and tail.end() > e and "年" in work[s : tail.end()]:
                e = tail.end()  # "2016年3|月": the labeller stopped inside a Chinese date
            text = work[s:e]
            parts = _date(text)
            before = work[max(d.start, s - 30) : s]
            if not parts:
                known = d.values.get("issued", {}).get("date-parts", [[]])[0]
                md = _month_day(text)
                if (
                    md
                    and len(known) == 1
                    and "accessed" not in seen
                    and not _ACCESS_BEFORE.search(before)
                ):  # "Smith. 2005. Title. Times, June 15." (Chicago), "Times, 27 March." (Harvard)
                    d.set(
                        "issued",
                        {"date-parts": [[*known, *md]]},
                        *d.spans["issued"],
                        d.conf["issued"],
                    )
                    d.claim(*trim(work, s, e, _TRIM_NUMBER))
                continue
            url = d.spans.get("URL")
            known = d.values.get("issued", {}).get("date-parts", [[]])[0]
            if (
                known == parts[:1]
                and len(parts) > 1
                and not _ACCESS_BEFORE.search(before)
                and "accessed" not in seen
            ):  # "Smith. 2020. Title. Times, June 12, 2020." (Chicago): the day of the year given
                d.set("issued", {"date-parts": [parts]}, *d.spans["issued"], d.conf["issued"])
                d.claim(*trim(work, s, e, _TRIM_NUMBER))
                continue
            if _ACCESS_BEFORE.search(before) or (
                d.has("issued")
                and "accessed" not in seen
                and d.has("URL")
                # not "51, 1 (January 2008), 107-113" (ACM): a date in round brackets before the
                # link is the issue's
                and not (before.rstrip().endswith("(") and url and url[0] > e)
            ):
                if not d.has("accessed"):
                    d.set(
                        "accessed", {"date-parts": [parts]}, *trim(work, s, e, _TRIM_NUMBER), conf
                    )
                    seen.add("accessed")
            elif not d.has("issued"):
                a, b = trim(work, s, e, _TRIM_NUMBER)
                if len(parts) == 1:  # "(2019, October 5)": the month the labeller left out
                    more = _MONTH_AFTER.match(work, b, d.end)
                    wider = _date(work[a : more.end()]) if more else None
                    if wider and len(wider) > 1 and wider[0] == parts[0]:
                        parts, b = wider, more.end()
                if len(parts) == 1 and work[a - 1 : a] == " ":  # "pp. 1–9, Mar. 2010" (IEEE)
                    prev = _MONTH_BEFORE.search(work, max(d.start, a - 16), a)
                    wider = _date(work[prev.start() : b]) if prev else None
                    if (
                        prev
                        and wider
                        and len(wider) > 1
                        and wider[0] == parts[0]
                        and d.is_free(prev.start(), a)
                    ):
                        parts, a = wider, prev.start()
                issued, b = _issued(work, a, b, d.end, parts)
                d.set("issued", issued, a, b, conf)
        elif label in ("volume", "issue", "pages", "edition"):
            a, b = trim(work, s, e, _TRIM_NUMBER)
            if label == "volume":
                a = _strip(work, a, b, _VOL_PREFIX)
                m = _VOL_SUFFIX.search(work, a, b)
                b = m.start() if m else b
            elif label == "issue":
                a = _strip(work, a, b, _ISS_PREFIX)
                m = _ISS_SUFFIX.search(work, a, b)
                b = m.start() if m else b
            elif label == "pages":
                a = _strip(work, a, b, _PAGE_PREFIX)
                m = _PAGE_SUFFIX.search(work, a, b)
                b = m.start() if m else b
            a, b = trim(work, a, b, _TRIM_NUMBER)
            if b <= a:
                continue
            inner = _VOL_ISSUE.fullmatch(work, a, b) if label == "volume" else None
            if inner and "issue" not in seen:
                # "93, no. 4", "12 (3)": the labeller read the issue into the volume
                d.set("issue", inner.group(2), *inner.span(2), conf)
                seen.add("issue")
                b = inner.end(1)
            value = work[a:b]
            if label in ("volume", "issue") and value.count("(") != value.count(")"):
                continue  # "(SFB) 700": a piece of a name cut at its bracket is no number
            if (
                label == "volume"
                and work[b : b + 2].strip().startswith(("期", "号"))
                and not d.has("issue")
            ):
                label = "issue"  # 2001年第12期: the number before 期 is an issue
            if label in ("volume", "issue") and not value.isdecimal():
                value = number_text(value)
            if label == "edition":
                if edition(value) is None and not any(ch.isdigit() for ch in value):
                    continue  # "Preprint": a word with no number that no edition statement reads
                value = edition(value) or value
            elif label == "issue" and value.isdecimal() and len(value) <= 18:
                value = str(int(value))  # "03" -> "3"; a run of thousands of digits stays text
            name = _NUMBER_NAMES.get(label, label)
            d.set(name, value, a, b, conf)
            seen.add(label)
        elif label in ("doi", "url", "isbn", "issn"):
            name = _IDENTIFIER_NAMES[label]
            a, b = trim(work, s, e, _TRIM_FIELD)
            if d.has(name) or b <= a or MASK in work[a:b]:
                continue
            value = work[a:b]
            if (
                label == "url"
                and not _URL_LIKE.search(value)
                or label in ("isbn", "issn")
                and sum(ch.isdigit() for ch in value) < 7
            ):
                continue  # the labeller's guess does not look like one
            if label == "doi":
                m = DOI_SYNTAX.search(value)
                if not m:
                    continue
                a, b = a + m.start(), a + m.end()
                value = m.group()
            d.set(name, value, a, b, conf * 0.9)
        elif label in _NUMBER_LABELS:
            a, b = trim(work, s, e, _TRIM_NUMBER)
            if b > a and MASK not in work[a:b] and any(ch.isdigit() for ch in work[a:b]):
                numbers.append((a, b, conf * 0.9))
        elif label == "citation-number":
            d.claim(s, e)
    if (
        numbers
        and not d.has("number")
        and not (d.has("container-title") and (d.has("volume") or d.has("page")))
    ):  # a report's or preprint's number, not an arXiv id printed after a journal article
        a, b, c = numbers[0]
        d.set("number", work[a:b], a, b, c)
    if not d.has("issued"):
        _free_year(d)
    if not d.has("edition"):
        _free_edition(d)
    if not d.has("title"):
        _title_from_names(d)
    if d.has("container-title") and not d.has("title"):
        _split_title(d)
    if (
        d.has("container-title")
        and not d.has("title")
        and not container_lead
        and not (d.has("volume") or d.has("issue") or d.has("page"))
    ):
        _rename(
            d, "container-title", "title"
        )  # a reference names its own title before any container
    _issue_range(d)
    _journal_not_publisher(d)
    _journal_in_title(d)
    _title_report_number(d)
    _event_presented_at(d)
    container_lead = _chapter_before_editors(d) or container_lead
    _set_type(d, genre, container_lead)


_LONE_YEAR = regex.compile(
    r"(?<![\p{L}\p{N}./:-])(?:1[5-9]\d\d|20[0-4]\d)[a-z]?(?![\p{L}\p{N}/:-]|\.\d)"
)


def _free_year(d: Draft) -> None:
    """``Some notes, 2019, see …``: with no date labelled, a year standing alone in text no field
    took is the date of issue (when there is exactly one)."""
    found = [m for m in _LONE_YEAR.finditer(d.work, d.start, d.end) if d.is_free(*m.span())]
    if len(found) == 1:
        m = found[0]
        d.set("issued", {"date-parts": [[int(m.group()[:4])]]}, m.start(), m.end(), 0.5)


_EDITION_PHRASE = regex.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|revised|rev\.)\s*(?:edn\b\.?|ed\.|edition\b)",
    regex.IGNORECASE,
)


def _free_edition(d: Draft) -> None:
    """``2nd edn.``, ``( SecondEdition )``: an edition phrase outside every field, or closing the
    title, is the edition."""
    work = d.work
    if not ("dition" in work or "edn" in work or "ed." in work or "Ed." in work):  # (cheap test)
        return
    for m in _EDITION_PHRASE.finditer(d.work, d.start, d.end):
        ed = edition(regex.sub(r"(?<=\p{Ll})(?=Edition)", " ", m.group()))
        if not ed:
            continue
        title = d.spans.get("title")
        if d.is_free(*m.span()):
            d.set("edition", ed, *m.span(), 0.7)
            return
        end = m.end() - (
            d.work[m.end() - 1] == "."
        )  # ("4th edn." closing a title without its stop)
        if (
            title
            and title[0] < m.start() < end <= title[1]
            and not d.work[end : title[1]].strip(" )")
        ):
            k = d.work.rfind("(", title[0], m.start())
            cut = k if k > title[0] and not d.work[k + 1 : m.start()].strip() else m.start()
            a, b = trim(d.work, title[0], cut, _TRIM_TITLE)
            if b > a:
                set_title(d, "title", a, b, d.conf["title"])
                d.set("edition", ed, *m.span(), 0.7)
            return


# "Paper presented at the Annual Meeting of …", "Paper prepared for …", "Keynote given at …"
_PRESENTED = regex.compile(
    r"(?:(?:an?\s+)?(?:paper|poster|keynote(?:\s+address)?|talk|lecture|presentation|address)\s+)?"
    r"(?:presented|prepared|given|delivered|read)\s+(?:at|for|to|before)\s+(?:the\s+)?",
    regex.IGNORECASE,
)
_EVENT_END = regex.compile(r"[,.;(\[]|(?:\G|(?<!\s))\s++(?:in|held)\s")


def _event_presented_at(d: Draft) -> None:
    """A paper given at a meeting: the meeting is the event, not a container or a publisher; the
    place after it is the event's place."""
    work = d.work
    if not any(w in work for w in ("resented", "repared", "given", "elivered", "read ")):
        return
    found: tuple[str, int, int, int, int] | None = None  # field it was read as, lead, event
    for name in ("container-title", "publisher"):
        span = d.spans.get(name)
        m = _PRESENTED.match(work, *span) if span else None
        if span and m and m.end() < span[1]:
            a, b = trim(work, m.end(), span[1], _TRIM_TITLE)
            if b > a:
                found = (name, m.start(), m.end(), a, b)
                break
    if found is None:
        for m in _PRESENTED.finditer(work, d.start, d.end):
            if not d.is_free(*m.span()):
                continue
            e = _EVENT_END.search(work, m.end(), d.end)
            a, b = trim(work, m.end(), e.start() if e else d.end, _TRIM_TITLE)
            if b > a and d.is_free(a, b) and work[a].isupper():
                found = ("", m.start(), m.end(), a, b)
            break
    if found is None:
        return
    name, ls, le, a, b = found
    conf = d.conf.get(name, 0.7)
    if name:
        d.drop(name)
    d.set("event-title", work[a:b], a, b, conf)
    d.claim(ls, le)
    if d.has("publisher-place") and not d.has("publisher"):
        _rename(d, "publisher-place", "event-place")


# "… measures of utility. Value Health. 2007;10(3)": the title's last sentence is a journal's name
# (capitalised or abbreviated words) when the numbers follow it at once
_JOURNAL_TAIL = regex.compile(
    r"(?<=[.?!]\s{1,3})(?:(?:\p{Lu}[\p{L}&'’\-]*\.?|of|and|the|for|in|on|&)\s+){0,7}"
    r"\p{Lu}[\p{L}&'’\-]*\.?$"
)
_NUMBERS_NEXT = regex.compile(
    r"\G[.,]?\s*(?:(?:1[5-9]|20)\d\d\s*[;:(]|\d{1,4}\s*[,:(]|vol\b|v\.)", regex.IGNORECASE
)


def _journal_in_title(d: Draft) -> None:
    """A journal article whose journal the labeller read as the title's last sentence."""
    span = d.spans.get("title")
    if (
        not span
        or d.has("container-title")
        or not (d.has("volume") or d.has("page"))
        or not _NUMBERS_NEXT.match(d.work, span[1], d.end)
    ):
        return
    m = _JOURNAL_TAIL.search(d.work, span[0], span[1])
    if not m or m.start() - span[0] < 12:
        return
    conf = d.conf["title"]
    a, b = _text_span(d.work, span[0], m.start(), "title")
    if b <= a:
        return
    set_title(d, "title", a, b, conf)
    ca, cb = _text_span(d.work, m.start(), span[1], "container-title")
    set_title(d, "container-title", ca, cb, conf)


_REPORT_NO_TAIL = regex.compile(
    r"\s*\((?P<g>[^()]{0,60}?)[\s,]*(?<![a-z])(?:No|Nr|Number)(?![a-z])\.?\s*(?P<n>[^()\s]{1,30})\)$",
    regex.IGNORECASE,  # (a whole word: '(NorthWest)' names no number 'rthWest')
)


def _title_report_number(d: Draft) -> None:
    """``Graph guidelines (Report No. 12)`` (APA): the bracket closing the title names the report
    series and its number."""
    span = d.spans.get("title")
    if not span or d.has("number") or d.work[span[1] - 1 : span[1]] != ")":
        return
    m = _REPORT_NO_TAIL.search(d.work, span[0], span[1])
    if not m or m.start() <= span[0]:
        return
    conf = d.conf["title"]
    a, b = trim(d.work, span[0], m.start(), _TRIM_TITLE)
    if b <= a:
        return
    set_title(d, "title", a, b, conf)
    d.set("number", m.group("n"), *m.span("n"), conf)
    g = trim(d.work, *m.span("g"), " ,")
    if g[1] > g[0] and not d.has("genre"):
        d.set("genre", d.work[g[0] : g[1]], g[0], g[1], conf)


def _chapter_before_editors(d: Draft) -> bool:
    """``Title. In A. Knight & L. Ruddock (eds.), Book Title.`` with no imprint after it: the labeller
    reads the chapter title as a publisher and the book as the title.  A "publisher" that ends right
    before ``In`` and the editors, and a title after them, are the chapter and its book."""
    pub, eds, title = d.spans.get("publisher"), d.spans.get("editor"), d.spans.get("title")
    place = d.spans.get("publisher-place")
    if (
        not pub
        or not eds
        or not title
        or d.has("container-title")
        or d.has("publisher-place")
        and not place
        or not pub[1] < eds[0] < eds[1] <= title[0]
        or place
        and place[0] < title[1]
    ):
        return False
    if d.work[pub[1] : eds[0]].strip(" .,") not in ("In", "in", "In:", "in:"):
        return False
    _rename(d, "title", "container-title")
    _rename(d, "publisher", "title")
    m = _PUBLISHER_AFTER.match(d.work, place[1], d.end) if place else None
    if m and d.is_free(*m.span(1)):  # "…, Book Title. Oxford: Blackwell.": the imprint's publisher
        set_title(d, "publisher", *m.span(1), d.conf["publisher-place"])
    return True


_PUBLISHER_AFTER = regex.compile(r"\s*:\s*(\p{Lu}[^.,;:()]{0,80}?)\s*[.,;]?\s*$")


def _issue_range(d: Draft) -> None:
    """``15(3-4), 631-654``: a number in brackets right after the volume is the issue when the pages
    follow it (not a year: ``84 (1990-1991), pp. 89-156``)."""
    vol, page = d.spans.get("volume"), d.spans.get("page")
    if not vol or not page or d.has("issue"):
        return
    work = d.work
    if (
        work[vol[1] : page[0]].strip() != "("
        or work[page[1] : page[1] + 1] != ")"
        or _YEARS.fullmatch(work, *page)
    ):
        return
    m = _PAGES_AFTER.match(work, page[1] + 1, d.end)
    if not m or not d.is_free(*m.span("p")):
        return
    _rename(d, "page", "issue")
    d.set("page", m.group("p"), *m.span("p"), d.conf["issue"])


_YEARS = regex.compile(r"(?:1[5-9]|20)\d\d(?:\s*[-/]\s*\d{2,4})?")
_PAGES_AFTER = regex.compile(r"\G\s*[,:]\s*(?:pp?\.?\s*)?(?P<p>\d{1,6}(?:\s*-\s*\d{1,6})?)(?!\d)")


def _journal_not_publisher(d: Draft) -> None:
    """``Technology in Society, 2005, 27:133-153``: a "publisher" followed by a volume and pages, with
    no container and no place, is the journal."""
    if (
        d.has("container-title")
        or d.has("publisher-place")
        or not d.has("publisher")
        or not (d.has("volume") and d.has("page"))
        or d.has("ISBN")
        or d.has("edition")
    ):
        return
    pub, vol = d.spans.get("publisher"), d.spans.get("volume")
    if not pub or not vol or pub[1] > vol[0] or _PUBLISHER_NAME.search(d.values["publisher"]):
        return
    _rename(d, "publisher", "container-title")


_PUBLISHER_NAME = regex.compile(
    r"\b(?:Press|Publish\w*|Verlag|Books|Inc|Ltd|LLC|GmbH|Elsevier|Springer|Wiley)\b"
    r"|出版|书局|书店|印书馆",
    regex.IGNORECASE,
)


def _title_from_names(d: Draft) -> None:
    """ "Malcolm N. Shaw, International Law, (…)": the labeller ran the names on into the title.  When
    personal names end in one piece that is no person's name, that piece is the title."""
    names = d.values.get("author")
    span = d.spans.get("author")
    if (
        not names
        or not span
        or len(names) < 2
        or "literal" not in names[-1]
        or any("literal" in n for n in names[:-1])
    ):
        return
    lit = names[-1]["literal"]
    s, e = span
    k = d.work.rfind(lit, s, e)
    if k < 0 or len(lit.split()) < 2 or regex.search(r"\b(?:et al|and others)\b", lit):
        return
    comma = d.work.rfind(",", s, k)
    if comma < 0:
        return
    d.values["author"] = names[:-1]
    d.spans["author"] = trim(d.work, s, comma)
    set_title(d, "title", k, k + len(lit), d.conf.get("author", 0.5) * 0.8)


_WORD_BEFORE = regex.compile(r"(?:\G|(?<!\p{L}))\p{L}++$")
_SENTENCE_END = regex.compile(r"(?<=[\p{Ll}\p{N}?!)”\"’]{2})[.?!]\s+(?=\p{Lu})")


def _split_title(d: Draft) -> None:
    """ "Dopamine neuron systems in the brain: an update. Trends in Neurosciences" labelled as one
    container: the sentence before the last full stop is the title."""
    span = d.spans.get("container-title")
    if not span:
        return
    s, e = span
    work = d.work
    cut = None
    abbrev = words("journal-abbreviations")
    for m in _SENTENCE_END.finditer(work, s, e):
        w = _WORD_BEFORE.search(work, s, m.start())
        if work[m.start()] == "." and w and w.group() in abbrev:
            continue  # "Phys. Rev. Lett": the stop of an abbreviated journal word
        cut = m
    if (
        cut is None
        or len(work[s : cut.start()].split()) < 3
        or len(work[cut.end() : e].split()) < 1
    ):
        return
    conf = d.conf["container-title"]
    d.drop("container-title")
    a, b = _text_span(work, s, cut.start() + (1 if work[cut.start()] in "?!" else 0), "title")
    set_title(d, "title", a, b, conf)
    a, b = _text_span(work, cut.end(), e, "container-title")
    set_title(d, "container-title", a, b, conf)


def _rename(d: Draft, old: str, new: str) -> None:
    value, span, conf = d.values.pop(old), d.spans.pop(old), d.conf.pop(old)
    d.values[new], d.spans[new], d.conf[new] = value, span, conf


_NEWSPAPER = regex.compile(
    r"\b(?:Times|Post|Guardian|Herald|Tribune|Gazette|Daily|News|Telegraph|Independent|"
    r"Wall Street Journal|Observer|Economist|Chronicle)\b|日报|晚报|时报|周报|新闻"
)
_SECTION_PAGE = regex.compile(r"[A-Z]\d{1,3}(?:\s*[-–]\s*[A-Z]?\d{1,3})?")  # "A1", "B4-B5"
# a university's or institution's name, between the marks that end elements
_INSTITUTION = regex.compile(
    r"(?:\G|(?<![^,.;:()]))[^,.;:()]*" + institution_words() + r"[^,.;:()]*"
)
_ARXIV = regex.compile(r"\barXiv\b|preprint|bioRxiv|SSRN", regex.IGNORECASE)


_PLACE_AFTER = regex.compile(r",\s*(\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,2})$")


def _place_after_university(d: Draft) -> None:
    """``University of Missouri, Columbia``: a short capitalised name after the university is its place."""
    pub, span = d.values.get("publisher", ""), d.spans.get("publisher")
    m = _PLACE_AFTER.search(pub) if span and "," in pub else None
    if (
        not m
        or span is None
        or not _INSTITUTION.fullmatch(pub[: m.start()].strip())
        or _INSTITUTION.search(m.group(1))
        or d.work[span[0] : span[1]] != pub
    ):
        return
    s, e = span
    conf = d.conf.get("publisher", 0.6)
    d.set("publisher", pub[: m.start()].rstrip(), s, s + len(pub[: m.start()].rstrip()), conf)
    d.set("publisher-place", m.group(1), s + m.start(1), s + m.end(1), conf)


_KIND_PIECES = (
    (_PATENT_WORDS, ("patent", "专利")),
    (_THESIS_WORDS, ("thesis", "diss", "ph", "master", "学位论文", "博士", "硕士")),
    (_REPORT_WORDS, ("report", "working", "technical", "white", "rep", "报告")),
)


# APA 7's bracketed descriptions of a work's kind ("[Data set]", "[Computer software]",
# "[Conference presentation]"): the CSL type they name
_DESCRIBED_TYPES = (
    (regex.compile(r"^data\s?set\b", regex.IGNORECASE), "dataset"),
    (regex.compile(r"^(?:computer\s+)?software\b|^mobile\s+app", regex.IGNORECASE), "software"),
    (
        regex.compile(
            r"^(?:conference|paper|poster)\s+(?:presentation|session)|^keynote", regex.IGNORECASE
        ),
        "speech",
    ),
    (regex.compile(r"^blog\s+post\b", regex.IGNORECASE), "post-weblog"),
    (regex.compile(r"^(?:tweet|facebook\s+post|instagram\s+photo)\b", regex.IGNORECASE), "post"),
    (regex.compile(r"^(?:video|film|motion\s+picture)\b", regex.IGNORECASE), "motion_picture"),
)


def _set_type(d: Draft, genre: str, container_lead: bool) -> None:
    if d.type in ("standard", "patent") and d.has("number"):
        return  # a standard's or patent's number (doc_numbers) typed it already
    for pattern, kind in _DESCRIBED_TYPES:
        if genre and pattern.match(genre):
            d.set_type(kind, 0.75)
            if kind == "speech" and d.has("container-title") and not d.has("event-title"):
                _rename(d, "container-title", "event-title")  # "[Conference presentation]. Meeting"
                if d.has("publisher-place") and not d.has("event-place"):
                    _rename(d, "publisher-place", "event-place")
            return
    container = d.values.get("container-title", "")
    place = d.values.get("publisher-place", "")
    if (
        not container
        and place
        and _NEWSPAPER.search(place)
        and not d.has("publisher")
        and d.has("title")
    ):  # "Why the city floods. Los Angeles Times.": a newspaper's name is no place
        _rename(d, "publisher-place", "container-title")
        container = place
    rest = d.text[d.start : d.end]
    title = d.values.get("title", "")
    if not genre:  # words outside the title that name the kind of document
        outside = rest
        for name in ("URL", "DOI"):  # words of a link (".../dissertation/...") name no kind
            sp = d.spans.get(name)
            if sp and d.start <= sp[0] < sp[1] <= d.end:
                a, b = sp[0] - d.start, sp[1] - d.start
                outside = outside[:a] + " " * (b - a) + outside[b:]
        outside = outside.replace(title, " ") if title else outside
        low = outside.lower()
        # every match holds one of these (lower-cased) pieces; "ſ" and "K" fold to letters in them
        may = "ſ" in outside or "\u212a" in outside
        for pattern, pieces in _KIND_PIECES:
            if not may and not any(p in low for p in pieces):
                continue
            m = pattern.search(outside)
            if m and not (
                pattern is _REPORT_WORDS and container and (d.has("volume") or d.has("issue"))
            ):
                genre = m.group()
                break
    # what the genre says, tested once
    patent = genre and _PATENT_WORDS.search(genre) is not None
    thesis = genre and _THESIS_WORDS.search(genre) is not None
    report = genre and _REPORT_WORDS.search(genre) is not None
    if (
        not report
        and not container
        and _REPORT_TITLE.search(title)
        and (d.has("number") or d.has("publisher") or d.has("publisher-place"))
    ):
        report = (
            True  # "ESS Technical Design Report, ESS 2013-001", "Global … report 2020. Geneva: WHO"
        )
    if thesis and not container and not d.has("publisher"):
        m = _INSTITUTION.search(
            d.work, d.start, d.end
        )  # "Master's thesis, Massachusetts Institute of Technology"
        if m and d.is_free(*m.span()):
            a, b = trim(d.work, *m.span())
            if b > a:
                d.set("publisher", d.work[a:b], a, b, 0.6)
    cs, ps = d.spans.get("container-title"), d.spans.get("publisher")
    if thesis and container and cs and ps and d.work[cs[1] : ps[0]].strip() == ",":
        # IEEE: "Ph.D. dissertation, Dept. Comput. Sci., Stanford Univ.": the department and the
        # university are the one institution
        d.drop("container-title")
        d.set("publisher", d.work[cs[0] : ps[1]], cs[0], ps[1], d.conf["publisher"])
        container = ""
    if thesis and container and not d.has("publisher"):
        span = d.spans.pop("container-title")
        conf = d.conf.pop("container-title")
        d.values.pop("container-title")
        if span:
            d.set("publisher", container, *span, conf)
        container = ""
    if thesis and not d.has("publisher-place"):
        _place_after_university(d)
    issued = d.values.get("issued", {}).get("date-parts", [[]])[0]
    vol = d.values.get("volume", "")
    if (
        container
        and _NEWSPAPER.search(container)
        and (not vol or regex.fullmatch(r"[A-Z]\d{1,3}", vol))
        and (
            len(issued) >= 2
            or not d.has("page")
            or _SECTION_PAGE.fullmatch(d.values.get("page", "")) is not None
        )
    ):
        if vol and not d.has("page"):
            _rename(d, "volume", "page")  # "Wall Street Journal, 7 August 2002, B1": a section page
        d.set_type("article-newspaper", 0.75)
        return
    if (
        d.has("URL")
        and d.has("accessed")
        and not (d.has("volume") or d.has("issue") or d.has("page") or d.has("publisher") or genre)
    ):
        d.set_type("webpage", 0.7)
        return
    if container and not genre and _mla_web_page(d, rest):
        d.set_type("webpage", 0.65)
        return
    if (
        container
        and d.has("URL")
        and len(issued) == 3
        and not (genre or container_lead or d.has("DOI") or d.has("publisher"))
        and not (d.has("volume") or d.has("issue") or d.has("page"))
    ):  # "(2020, March 12). Title. Site. https://…" (APA): a page of a site, dated to the day
        d.set_type("webpage", 0.65)
        return
    if (
        not container
        and not patent
        and not thesis
        and not report
        and _ARXIV.search(rest)
        and not d.has("publisher")
    ):
        d.set_type("article", 0.7)
        return
    conf_words = (
        bool(_CONF_WORDS.search(container))
        or bool(_CONF_WORDS.search(d.values.get("title", "")) and not container)
        or bool(container_lead and _MEETING_ACRONYM.fullmatch(container))
    )
    if (
        conf_words
        and not container_lead
        and d.has("volume")
        and _PROCEEDINGS_JOURNAL.match(container)
    ):
        conf_words = False  # "Proc. Natl. Acad. Sci. U.S.A. 115, 1200" : a journal, no "In"
    if d.has("event-title") and not container and not patent and not thesis and not report:
        d.set_type("paper-conference", 0.75)
    elif patent:
        d.set_type("patent", 0.7)
    elif thesis or (not container and _THESIS_WORDS.search(d.values.get("publisher", ""))):
        d.set_type("thesis", 0.75)
    elif report:
        d.set_type("report", 0.7)
    elif container:
        if conf_words:
            d.set_type("paper-conference", 0.8)
        elif (
            container_lead
            or d.has("editor")
            or (d.has("publisher") and not d.has("volume") and not d.has("issue"))
        ):
            d.set_type("chapter", 0.75)
        else:
            d.set_type(
                "article-journal",
                0.85 if (d.has("volume") or d.has("page") or d.has("issue")) else 0.6,
            )
    elif d.has("publisher") or d.has("publisher-place") or d.has("ISBN") or d.has("edition"):
        d.set_type("book", 0.8)
    elif d.has("URL") and not d.has("volume") or d.has("accessed") and not d.has("volume"):
        d.set_type("webpage", 0.6)  # "Retrieved March 22, 2021." with no link: a web page still
    elif d.has("volume") or d.has("page"):
        d.set_type("article-journal", 0.5)
    elif d.values:
        d.set_type("book" if d.has("title") else "document", 0.4)
