"""RefWorks tagged format, as CNKI exports it ("CNKI RefWorks").

Tags follow RefWorks' tagged format (RT reference type, A1 primary authors, T1 title, JF
periodical full, JO periodical abbreviation, YR year, FD free-form date, VO volume, IS issue, SP
start page, OP other pages, K1 keywords, AB abstract, PB publisher, PP place, SN ISSN/ISBN, LA
language, CL classification, LK links, DO DOI, CN call number, DB database, DS data source, ...).
CNKI's quirks: several names on one line joined by ``;`` (or ``,`` between Chinese names), a
missing space after the tag (``A1林行众``), lower-case tags (``vo 49``), ``OP`` holding the whole
page range (``1106-1111+1117``), ``A3`` for thesis supervisors and ``CL`` for the degree
(``硕士``), ``CN`` for the CN serial number, ``URL`` as a three-letter tag, untagged
continuation lines inside abstracts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Diagnostic, Reference
from ._tagged import Spec, read_tagged, write_tagged

__all__ = ["read", "write"]

_TAGS = (
    "RT SR ID A1 T1 JF JO YR FD VO IS SP OP K1 AB NO A2 T2 ED PB PP A3 A4 A5 T3 SN AV AD AN LA CL "
    "SF OT LK DO CN DB DS IP RD ST U1 U2 U3 U4 U5 UL SL LL CR WT A6 WV WP OL"
).split()
_LINE = re.compile(
    r"^\s*(PMCID|PMID|URL|" + "|".join(_TAGS) + r")(?:[ \t]+(.*)|(?<![A-Z])([^\sA-Za-z].*)|)$",
    re.I,
)


def _parse_line(line: str) -> tuple[str, str] | None:
    m = _LINE.match(line)
    if not m:
        return None
    tag = m.group(1)
    value = m.group(2) if m.group(2) is not None else (m.group(3) or "")
    if tag != tag.upper():
        # CNKI writes ``vo 49``; an abstract line such as "No effect was..." is not a tag
        if not re.match(r"\d", value.strip()):
            return None
        tag = tag.upper()
    return ("UL" if tag == "URL" else tag), value


TYPE_MAP: dict[str, str] = {
    k.lower(): v
    for k, v in {
        "Journal Article": "article-journal",
        "Journal, Electronic": "article-journal",
        "Abstract": "article",
        "Book, Whole": "book",
        "Book, Edited": "book",
        "Monograph": "book",
        "Book, Section": "chapter",
        "Conference Proceedings": "paper-conference",
        "Conference Proceeding": "paper-conference",
        "Dissertation/Thesis": "thesis",
        "Dissertation/Thesis, Unpublished": "thesis",
        "Dissertation": "thesis",
        "Thesis": "thesis",
        "Report": "report",
        "Other Article": "report",
        "Newspaper Article": "article-newspaper",
        "Magazine Article": "article-magazine",
        "Web Page": "webpage",
        "Patent": "patent",
        "Generic": "document",
        "Standard": "standard",
        "Computer Program": "software",
        "Laws/Statutes": "legislation",
        "Laws": "legislation",
        "Map": "map",
        "Video/ DVD": "motion_picture",
        "Motion Picture": "motion_picture",
        "Sound Recording": "song",
        "Unpublished Material": "manuscript",
        "Artwork": "graphic",
        "Bills/Resolutions": "bill",
        "Case/Court Decisions": "legal_case",
        "Grant": "document",
        "Hearing": "hearing",
        "Music Score": "musical_score",
        "Online Discussion Forum": "post",
        "Personal Communication": "personal_communication",
        "Dataset": "dataset",
    }.items()
}

TYPE_OUT: dict[str, str] = {
    "article-journal": "Journal Article",
    "article": "Abstract",
    "book": "Book, Whole",
    "chapter": "Book, Section",
    "paper-conference": "Conference Proceedings",
    "thesis": "Dissertation/Thesis",
    "report": "Report",
    "article-newspaper": "Newspaper Article",
    "article-magazine": "Magazine Article",
    "webpage": "Web Page",
    "patent": "Patent",
    "document": "Generic",
    "standard": "Standard",
    "software": "Computer Program",
    "legislation": "Laws/Statutes",
    "map": "Map",
    "motion_picture": "Motion Picture",
    "song": "Sound Recording",
    "manuscript": "Unpublished Material",
    "graphic": "Artwork",
    "bill": "Bills/Resolutions",
    "legal_case": "Case/Court Decisions",
    "hearing": "Hearing",
    "musical_score": "Music Score",
    "post": "Online Discussion Forum",
    "personal_communication": "Personal Communication",
    "dataset": "Dataset",
}

FIELDS: dict[str, tuple[str, str]] = {
    "ID": ("refid", ""),
    "A1": ("names", "author"),
    "A2": ("names", "editor"),
    "A3": ("supervisor", ""),
    "A4": ("names", "translator"),
    "A6": ("names", "editor"),
    "T1": ("text", "title"),
    "JF": ("container", "1"),
    "T2": ("container", "2"),
    "WT": ("container", "3"),
    "JO": ("container", "5"),
    "T3": ("text", "collection-title"),
    "YR": ("year", "issued"),
    "FD": ("date", "issued"),
    "VO": ("number", "volume"),
    "IS": ("number", "issue"),
    "SP": ("sp", "page"),
    "OP": ("op", "page"),
    "K1": ("keywords", ""),
    "AB": ("textjoin", "abstract"),
    "NO": ("textjoin", "note"),
    "ED": ("text", "edition"),
    "PB": ("text", "publisher"),
    "PP": ("text", "publisher-place"),
    "SN": ("serial", ""),
    "LA": ("language", "language"),
    "CL": ("text", "genre"),
    "OT": ("text", "original-title"),
    "LK": ("url", "URL"),
    "UL": ("url", "URL"),
    "DO": ("doi", "DOI"),
    "CN": ("callnumber", "call-number"),
    "DB": ("text", "archive"),
    "DS": ("text", "source"),
    "RD": ("date", "accessed"),
    "ST": ("text", "title-short"),
    "WV": ("text", "version"),
    "PMID": ("text", "PMID"),
    "PMCID": ("text", "PMCID"),
}

OUT: list[tuple[str, str, str]] = [
    ("ID", "id", "id"),
    ("A1", "names", "author"),
    ("A2", "names", "editor"),
    ("A3", "names:thesis", "contributor"),
    ("A3", "names:!thesis", "collection-editor"),
    ("A4", "names", "translator"),
    ("T1", "text", "title"),
    ("JF", "container:journal", "container-title"),
    ("T2", "container:other", "container-title"),
    ("JO", "text", "container-title-short"),
    ("T3", "text", "collection-title"),
    ("YR", "year", "issued"),
    ("FD", "date-if-more", "issued"),
    ("VO", "text", "volume"),
    ("IS", "text", "issue"),
    ("SP", "sp", "page"),
    ("OP", "ep", "page"),
    ("ED", "text", "edition"),
    ("PB", "text", "publisher"),
    ("PP", "text", "publisher-place"),
    ("SN", "serial", ""),
    ("LA", "text", "language"),
    ("CL", "text", "genre"),
    ("OT", "text", "original-title"),
    ("DO", "text", "DOI"),
    ("LK", "text", "URL"),
    ("CN", "callnumber", "call-number"),
    ("DB", "text", "archive"),
    ("DS", "text", "source"),
    ("RD", "date", "accessed"),
    ("ST", "text", "title-short"),
    ("WV", "text", "version"),
    ("PMID", "text", "PMID"),
    ("PMCID", "text", "PMCID"),
    ("K1", "keywords", ""),
    ("AB", "text", "abstract"),
    ("NO", "text", "note"),
]

SPEC = Spec(
    name="RefWorks",
    parse_line=_parse_line,
    type_tag="RT",
    type_map=TYPE_MAP,
    type_out=TYPE_OUT,
    fields=FIELDS,
    out=OUT,
    format_line=lambda tag, value: f"{tag} {value}".rstrip(),
    default_type_out="Generic",
    keywords_joiner=";",
    ignore=frozenset({"SR"}),  # print (0) / electronic (1) source flag
)


def read(text: str) -> list[Reference]:
    return read_tagged(text, SPEC)


def write(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    return write_tagged(items, SPEC)
