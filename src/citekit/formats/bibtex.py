"""BibTeX and BibLaTeX, read with bibtexparser 2's splitter.

bibtexparser splits the file into blocks and keeps each entry's raw text and line; a block it
cannot parse stays in the result as a failed block, which becomes an unreadable reference here
while the other entries still convert.  citekit does the rest itself, because it has to be exact
about what the thesis templates and Chinese exports put in a ``.bib``:

- ``and``-separated names, ``von Last, Jr, First`` forms, ``{}``-protected corporate names and
  Chinese names as ``{"literal": ...}`` (citekit's convention), ``and others`` flagged;
- ``@string`` macros, ``#`` concatenation, month macros (``month = jan``);
- LaTeX escapes and accents (``M{\\"u}ller``, ``\\&``), ``--`` page ranges;
- ``language`` / ``langid`` (``zh``, ``chinese`` -> ``zh-CN``) and the ``key`` field that
  GB/T 7714 thesis templates use for pinyin sorting (kept in ``custom.key`` and written back);
- BibLaTeX ``date``, ``urldate``, ``journaltitle``, ``location``, ``entrysubtype``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import bibtexparser
from bibtexparser import model as bm

from ..codes import make
from ..csl import CslItem
from ..model import Diagnostic, Reference, Span
from ..text.identifiers import strip_doi_resolver
from ..text.numerals import decimal_int
from ._common import (
    IdMaker,
    build_reference,
    date_year,
    failed_reference,
    format_date,
    month_number,
    norm_language,
    norm_number,
    norm_pages,
    parse_date,
    unwritten,
)
from .bibtex_names import format_name, parse_names
from .latex import delatex, enlatex, split_top

__all__ = ["read", "write", "TYPE_MAP"]

# bibtexparser logs each failed block; citekit reports it as a diagnostic instead
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

_VERBATIM = frozenset({"url", "doi", "eprint", "file", "urlraw"})

TYPE_MAP: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "inbook": "chapter",
    "bookinbook": "chapter",
    "incollection": "chapter",
    "suppbook": "chapter",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "booklet": "pamphlet",
    "misc": "document",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "patent": "patent",
    "periodical": "periodical",
    "unpublished": "manuscript",
    "dataset": "dataset",
    "software": "software",
    "standard": "standard",
    "reference": "book",
    "inreference": "entry-encyclopedia",
    "newspaper": "article-newspaper",
    "music": "musical_score",
    "video": "motion_picture",
    "audio": "song",
    "image": "graphic",
    "artwork": "graphic",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "letter": "personal_communication",
    "review": "review",
    "map": "map",
    "speech": "speech",
}

TYPE_OUT: dict[str, str] = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "thesis": "thesis",
    "report": "techreport",
    "pamphlet": "booklet",
    "document": "misc",
    "webpage": "online",
    "patent": "patent",
    "periodical": "periodical",
    "manuscript": "unpublished",
    "dataset": "dataset",
    "software": "software",
    "standard": "standard",
    "entry-encyclopedia": "inreference",
    "musical_score": "music",
    "motion_picture": "video",
    "song": "audio",
    "graphic": "artwork",
    "legislation": "legislation",
    "legal_case": "jurisdiction",
    "personal_communication": "letter",
    "review": "review",
}

_SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}
_PERIODICAL = {"article-journal", "article-magazine", "article-newspaper", "periodical", "review"}

# simple BibTeX/BibLaTeX field -> CSL variable
_TEXT = {
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "issn": "ISSN",
    "abstract": "abstract",
    "note": "note",
    "annote": "annote",
    "annotation": "annote",
    "edition": "edition",
    "series": "collection-title",
    "shorttitle": "title-short",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "version": "version",
    "origtitle": "original-title",
    "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place",
    "eventtitle": "event-title",
    "venue": "event-place",
    "pagetotal": "number-of-pages",
    "chapter": "chapter-number",
    "volumes": "number-of-volumes",
    "shortjournal": "container-title-short",
    "journalabbrev": "container-title-short",
    "lccn": "call-number",
    "archive": "archive",
    "part": "part",
    "maintitle": "volume-title",
    "issuetitle": "volume-title",
    "howpublished": "medium",
    "type": "genre",
    "eid": "number",
}
_NAMES = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
}
_HANDLED = (
    set(_TEXT)
    | set(_NAMES)
    | {
        "title",
        "subtitle",
        "titleaddon",
        "journal",
        "journaltitle",
        "booktitle",
        "year",
        "month",
        "day",
        "date",
        "urldate",
        "pages",
        "volume",
        "number",
        "issue",
        "publisher",
        "school",
        "institution",
        "organization",
        "address",
        "location",
        "language",
        "langid",
        "key",
        "keywords",
        "entrysubtype",
        "eventdate",
        "origdate",
    }
)


# --------------------------------------------------------------------------- values


_MONTH_MACROS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}


def _resolve(raw: str, strings: Mapping[str, str], undefined: list[str]) -> str:
    """The value of a field as written (braces inside kept), macros expanded, ``#`` joined."""
    raw = raw.strip()
    if raw.startswith("{") and raw.endswith("}") and "#" not in raw:
        return raw[1:-1]
    parts = split_top(raw, "#") if "#" in raw else [raw]
    out = []
    for p in parts:
        p = p.strip()
        if len(p) >= 2 and ((p[0] == "{" and p[-1] == "}") or (p[0] == '"' and p[-1] == '"')):
            out.append(p[1:-1])
        elif p.isdigit():
            out.append(p)
        elif p.lower() in strings:
            out.append(strings[p.lower()])
        elif p.lower() in _MONTH_MACROS:
            out.append(_MONTH_MACROS[p.lower()])
        else:
            undefined.append(p)
            out.append(p)
    return "".join(out)


# --------------------------------------------------------------------------- reading


def read(text: str) -> list[Reference]:
    lib = bibtexparser.parse_string(text, parse_stack=[])
    strings: dict[str, str] = {}
    ids = IdMaker()
    refs: list[Reference] = []
    n = 0
    for block in lib.blocks:
        if isinstance(block, bm.String):
            undefined: list[str] = []
            strings[block.key.lower()] = _resolve(str(block.value), strings, undefined)
            continue
        if isinstance(block, bm.DuplicateBlockKeyBlock) and isinstance(
            block.ignore_error_block, bm.Entry
        ):
            block = block.ignore_error_block  # a duplicate key is a warning (F006), not a failure
        if isinstance(block, bm.ParsingFailedBlock):
            n += 1
            rid, _ = ids(None, n)
            raw = block.raw or ""
            refs.append(
                failed_reference(
                    rid,
                    raw,
                    f"BibTeX entry could not be read: {_failure(raw)}",
                    line=(block.start_line or 0) + 1,
                )
            )
            continue
        if not isinstance(block, bm.Entry):
            continue  # comments and @preamble
        n += 1
        raw = block.raw or ""
        try:
            item, diags = _convert(block, raw, strings)
        except Exception as exc:  # one bad entry never spoils the batch
            rid, _ = ids(None, n)
            refs.append(
                failed_reference(
                    rid,
                    raw,
                    f"BibTeX entry could not be read: {_failure(raw, exc)}",
                    line=(block.start_line or 0) + 1,
                )
            )
            continue
        rid, dup = ids(block.key, n)
        if dup:
            diags.append(dup)
        if rid != block.key:
            item["citation-key"] = block.key
        refs.append(build_reference(rid, raw, item, diags, line=(block.start_line or 0) + 1))
    return refs


def _failure(raw: str, exc: Exception | None = None) -> str:
    """Why an entry could not be read, in the user's terms: the parser library's exception
    names (BlockAbortedException...) mean nothing to the person who wrote the file."""
    if raw.count("{") != raw.count("}"):
        return "its braces { } are not balanced (an entry or a value is not closed)"
    if raw.count('"') % 2:
        return 'a quoted value is not closed (an odd number of ")'
    if exc is not None and isinstance(exc, ValueError) and str(exc).strip():
        return str(exc).strip()
    return "it is not in the form @type{key, field = {value}, ...}"


def _span(raw: str, field: str) -> Span | None:
    m = re.search(r"(?im)^\s*(" + re.escape(field) + r")\s*=", raw)
    if not m:
        m = re.search(r"(?i)[,\s](" + re.escape(field) + r")\s*=", raw)
    return Span(m.start(1), m.end(1)) if m else None


def _convert(
    entry: bm.Entry, raw: str, strings: Mapping[str, str]
) -> tuple[CslItem, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    f: dict[str, str] = {}
    for fld in entry.fields:
        key = fld.key.lower()
        undefined: list[str] = []
        value = _resolve(str(fld.value), strings, undefined)
        for u in undefined:
            diags.append(
                make(
                    "F007",
                    f"@string macro '{u}' in field '{fld.key}' is not defined; kept as text",
                    span=_span(raw, fld.key),
                    field=fld.key,
                )
            )
        if key in f:
            diags.append(
                make(
                    "F005",
                    f"field '{fld.key}' repeats; the first value was kept",
                    span=_span(raw, fld.key),
                    field=fld.key,
                )
            )
            continue
        f[key] = value

    item: CslItem = {}
    etype = entry.entry_type.lower()
    csl_type = TYPE_MAP.get(etype)
    if csl_type is None:
        diags.append(
            make(
                "F004",
                f"BibTeX entry type '@{entry.entry_type}' is not known; 'document' used",
                field="type",
            )
        )
        csl_type = "document"
    sub = f.get("entrysubtype", "").strip().lower()
    if etype == "article" and sub in _SUBTYPES:
        csl_type = _SUBTYPES[sub]
    elif sub:
        diags.append(
            make(
                "F002",
                f"entrysubtype '{sub}' has no CSL-JSON equivalent; not converted",
                span=_span(raw, "entrysubtype"),
                field="entrysubtype",
            )
        )
    item["type"] = csl_type
    if etype == "phdthesis":
        item["genre"] = "PhD thesis"
    elif etype == "mastersthesis":
        item["genre"] = "Master's thesis"

    for key, var in _NAMES.items():
        if key in f:
            names, others = parse_names(f[key])
            if names:
                item[var] = names
            if others:
                diags.append(make("F008", span=_span(raw, key), field=var))

    if "title" in f:
        title = delatex(f["title"])
        if "subtitle" in f:
            title += ": " + delatex(f["subtitle"])
        if "titleaddon" in f:
            title += ". " + delatex(f["titleaddon"])
        item["title"] = title
    cont = f.get("journaltitle") or f.get("journal") or f.get("booktitle")
    if cont:
        item["container-title"] = delatex(cont)
    if f.get("booktitle") and (f.get("journaltitle") or f.get("journal")):
        diags.append(
            make(
                "F005",
                "both a journal and a booktitle; the booktitle was not kept",
                span=_span(raw, "booktitle"),
                field="booktitle",
            )
        )

    periodical = csl_type in _PERIODICAL
    if "volume" in f:
        item["volume"] = norm_number(delatex(f["volume"]))
    if "number" in f:
        item["issue" if periodical else "number"] = norm_number(delatex(f["number"]))
    if "issue" in f:
        if periodical and "issue" in item:
            item["number"] = item["issue"]
        item["issue"] = norm_number(delatex(f["issue"]))
    if "pages" in f:
        item["page"] = norm_pages(delatex(f["pages"].replace("--", "-")))

    pub = [k for k in ("publisher", "school", "institution", "organization") if k in f]
    if pub:
        item["publisher"] = delatex(f[pub[0]])
        for k in pub[1:]:
            diags.append(
                make(
                    "F005",
                    f"'{k}' not kept: the publisher is already '{item['publisher']}'",
                    span=_span(raw, k),
                    field=k,
                )
            )
    place = f.get("location") or f.get("address")
    if place:
        item["publisher-place"] = delatex(place)

    _dates(f, item, diags, raw)

    lang = f.get("langid") or f.get("language")
    if lang:
        item["language"] = norm_language(delatex(lang))
    if "key" in f:
        item.setdefault("custom", {})["key"] = delatex(f["key"])
    if "keywords" in f:
        item["keyword"] = delatex(f["keywords"])

    for key, var in _TEXT.items():
        if key in f and var not in item:
            value = f[key].strip() if key in _VERBATIM else delatex(f[key])
            if key == "doi":
                value = strip_doi_resolver(value)
            elif key == "howpublished" and re.match(r"https?://", value) and "URL" not in item:
                item["URL"] = value
                continue
            item[var] = value
        elif key in f and var in item and key != "type":
            diags.append(
                make(
                    "F005",
                    f"'{key}' not kept: '{var}' is already set",
                    span=_span(raw, key),
                    field=key,
                )
            )
    if "type" in f and etype in ("phdthesis", "mastersthesis", "thesis", "techreport", "report"):
        item["genre"] = delatex(f["type"])
    for key in f:
        if key not in _HANDLED:
            diags.append(
                make(
                    "F002",
                    f"BibTeX field '{key}' has no CSL-JSON equivalent; not converted",
                    span=_span(raw, key),
                    field=key,
                )
            )
    return item, diags


def _dates(f: Mapping[str, str], item: CslItem, diags: list[Diagnostic], raw: str) -> None:
    if "date" in f:
        date, ok = parse_date(delatex(f["date"]))
        if not ok:
            diags.append(
                make(
                    "F005",
                    f"date {f['date']!r} was not understood; kept as text",
                    span=_span(raw, "date"),
                    field="issued",
                )
            )
        item["issued"] = date
    elif "year" in f:
        year = delatex(f["year"]).strip()
        if re.fullmatch(r"\d{4}", year):
            parts = [int(year)]
            if "month" in f:
                m = month_number(delatex(f["month"]))
                if m is None:
                    diags.append(
                        make(
                            "F005",
                            f"month {f['month']!r} was not understood; not kept",
                            span=_span(raw, "month"),
                            field="issued",
                        )
                    )
                else:
                    parts.append(m)
                    day = decimal_int(delatex(f["day"]).strip()) if "day" in f else None
                    if day is not None:
                        parts.append(day)
            item["issued"] = {"date-parts": [parts]}
        else:
            date, ok = parse_date(year)
            if not ok:
                diags.append(
                    make(
                        "F005",
                        f"year {year!r} was not understood; kept as text",
                        span=_span(raw, "year"),
                        field="issued",
                    )
                )
            item["issued"] = date
    for key, var in (
        ("urldate", "accessed"),
        ("eventdate", "event-date"),
        ("origdate", "original-date"),
    ):
        if key in f:
            date, ok = parse_date(delatex(f[key]))
            if not ok:
                diags.append(
                    make(
                        "F005",
                        f"{key} {f[key]!r} was not understood; kept as text",
                        span=_span(raw, key),
                        field=var,
                    )
                )
            item[var] = date


# --------------------------------------------------------------------------- writing

_MONTH_OUT = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_KEY_BAD = re.compile(r"[\s,{}()\"#%~=\\']")

_TEXT_OUT = [
    ("container-title-short", "shortjournal"),
    ("collection-title", "series"),
    ("edition", "edition"),
    ("ISBN", "isbn"),
    ("ISSN", "issn"),
    ("DOI", "doi"),
    ("URL", "url"),
    ("title-short", "shorttitle"),
    ("number-of-pages", "pagetotal"),
    ("chapter-number", "chapter"),
    ("number-of-volumes", "volumes"),
    ("PMID", "pmid"),
    ("PMCID", "pmcid"),
    ("version", "version"),
    ("medium", "howpublished"),
    ("original-title", "origtitle"),
    ("original-publisher", "origpublisher"),
    ("original-publisher-place", "origlocation"),
    ("event-title", "eventtitle"),
    ("event-place", "venue"),
    ("call-number", "lccn"),
    ("archive", "archive"),
    ("part", "part"),
    ("volume-title", "maintitle"),
    ("keyword", "keywords"),
    ("abstract", "abstract"),
    ("note", "note"),
    ("annote", "annote"),
]


def write(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    out: list[str] = []
    diags: list[Diagnostic] = []
    used: set[str] = set()
    for i, item in enumerate(items, 1):
        text, handled, d = _write_one(item, i, used)
        out.append(text)
        diags.extend(d)
        diags.extend(unwritten(item, handled, "BibTeX"))
    return "\n".join(out), diags


def _write_one(
    item: Mapping[str, Any], index: int, used: set[str]
) -> tuple[str, set[str], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    handled: set[str] = {"id", "type"}
    csl_type = str(item.get("type") or "document")
    etype = TYPE_OUT.get(csl_type, "misc")
    back = TYPE_MAP.get(etype)
    fields: list[tuple[str, str]] = []  # (name, value as it goes into the file)

    def put(
        name: str, value: Any, var: str | None = None, raw: bool = False, bare: bool = False
    ) -> None:
        if value in (None, "", []):
            return
        text = str(value) if raw or name in _VERBATIM else enlatex(str(value))
        fields.append((name, text if bare else "{" + text + "}"))
        if var:
            handled.add(var)

    genre = str(item.get("genre") or "")
    if csl_type == "thesis":
        if re.search(r"ph\.?\s?d|doctor|博士", genre, re.I):
            etype = "phdthesis"
        elif re.search(r"master|硕士", genre, re.I):
            etype = "mastersthesis"
        if genre in ("PhD thesis", "Master's thesis") and etype != "thesis":
            handled.add("genre")
        back = "thesis"
    if csl_type in ("article-magazine", "article-newspaper"):
        fields.append(("entrysubtype", "{" + csl_type.split("-")[1] + "}"))
        back = csl_type
    if back != csl_type:
        diags.append(
            make(
                "F003",
                f"BibTeX has no entry type for '{csl_type}' of item "
                f"'{item.get('id', '?')}'; written as @{etype}",
                field="type",
            )
        )

    for var, name in (
        ("author", "author"),
        ("editor", "editor"),
        ("translator", "translator"),
        ("container-author", "bookauthor"),
    ):
        names = item.get(var)
        if isinstance(names, list) and names:
            put(
                name,
                " and ".join(format_name(n) for n in names if isinstance(n, Mapping)),
                var,
                raw=True,
            )
    put("title", item.get("title"), "title")
    if item.get("container-title"):
        put(
            "journal" if csl_type in _PERIODICAL else "booktitle",
            item["container-title"],
            "container-title",
        )
    put("volume", item.get("volume"), "volume")
    periodical = csl_type in _PERIODICAL
    if periodical:
        put("number", item.get("issue"), "issue")
        if item.get("number") not in (None, ""):
            put("eid", item.get("number"), "number")
    else:
        put("number", item.get("number"), "number")
        if item.get("issue") not in (None, ""):
            put("issue", item.get("issue"), "issue")
    if item.get("page"):
        put(
            "pages",
            enlatex(str(item["page"])).replace("-{}", "").replace("-", "--"),
            "page",
            raw=True,
        )
    pubfield = {"thesis": "school", "report": "institution"}.get(csl_type, "publisher")
    put(pubfield, item.get("publisher"), "publisher")
    put("address", item.get("publisher-place"), "publisher-place")
    _write_dates(item, put, handled)
    if "genre" not in handled and genre:
        put("type", genre, "genre")
    lang = item.get("language")
    if lang:
        put(
            "language",
            "zh" if str(lang).lower().startswith("zh-cn") or str(lang) == "zh" else lang,
            "language",
        )
    for var, name in _TEXT_OUT:
        put(name, item.get(var), var)
    raw_custom = item.get("custom")
    custom: Mapping[str, Any] = raw_custom if isinstance(raw_custom, Mapping) else {}
    if custom.get("key"):
        put("key", custom["key"], "custom.key")
    given = item.get("citation-key") or item.get("id")
    if given and not _GENERATED_ID.fullmatch(str(given)):
        key = _KEY_BAD.sub("_", str(given))
        if key in used:
            n = 2
            while f"{key}-{n}" in used:
                n += 1
            key = f"{key}-{n}"
    else:  # citekit's own ids (ref-1, ...) say nothing: author and year (hu2026, hu2026a)
        key = base = author_year_key(item)
        suffix = iter("abcdefghijklmnopqrstuvwxyz")
        while key in used:
            key = base + next(suffix, f"-{len(used)}")
    used.add(key)
    if item.get("citation-key") in (key, None):
        handled.add("citation-key")
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{etype}{{{key},\n{body}\n}}\n", handled, diags


# the ids the pipeline gives references (ref-1, ref-2, ...), not the author's own keys
_GENERATED_ID = re.compile(r"ref-\d+")


def author_year_key(item: Mapping[str, Any]) -> str:
    """``hu2026``: the first author's family name (pinyin for a Chinese name) and the year;
    ``anon`` without an author, ``nd`` without a year."""
    from ..csl import year_of
    from ..text.pinyin import SURNAME_READINGS, pinyin_key

    name = ""
    for var in ("author", "editor", "translator"):
        names = item.get(var)
        if isinstance(names, list) and names and isinstance(names[0], Mapping):
            first = names[0]
            family = str(first.get("family") or "")
            literal = str(first.get("literal") or "")
            if not family and literal:  # 胡重明: the surname, one character or a compound
                compound = next(
                    (c for c in SURNAME_READINGS if len(c) == 2 and literal.startswith(c)), None
                )
                family = compound or (
                    literal[0] if _HAN_START.match(literal) else (literal.split() or [""])[0]
                )
            name = family
            break
    if name in ("佚名", "Anon", "Anon."):
        name = ""
    elif _HAN_START.match(name):
        name = pinyin_key(name).split("\x00")[0]
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z]", "", ascii_name.lower()) or "anon"
    year = year_of(item)  # type: ignore[arg-type]
    return f"{stem}{year if year is not None else 'nd'}"


_HAN_START = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _write_dates(item: Mapping[str, Any], put: Any, handled: set[str]) -> None:
    issued = item.get("issued")
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if parts and len(parts) == 1 and parts[0]:
            p = parts[0]
            put("year", p[0])
            if len(p) > 1:
                month = decimal_int(str(p[1]))
                fields_month = _MONTH_OUT[month - 1] if month and 1 <= month <= 12 else p[1]
                put(
                    "month",
                    fields_month,
                    raw=True,
                    bare=isinstance(fields_month, str) and fields_month in _MONTH_OUT,
                )
            if len(p) > 2:
                put("date", format_date(issued))
            handled.add("issued")
        elif parts:
            put("year", date_year(issued))
            put("date", format_date(issued), "issued")
        elif format_date(issued):
            put("year", format_date(issued), "issued")
    for var, name in (
        ("accessed", "urldate"),
        ("event-date", "eventdate"),
        ("original-date", "origdate"),
    ):
        if item.get(var):
            put(name, format_date(item[var]), var)
