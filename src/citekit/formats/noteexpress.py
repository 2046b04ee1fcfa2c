"""NoteExpress (``{Field}: value``), as CNKI, Wanfang and NoteExpress itself export it.

Field names follow NoteExpress' own export filter (``{Reference Type}``, ``{Title}``,
``{Author}``, ``{Journal}``, ``{Year}``, ``{Volume}``, ``{Issue}``, ``{Pages}``, ``{Keywords}``,
``{Abstract}``, ``{ISBN/ISSN}``, ``{Notes}``, ``{Database Provider}``, ...).  CNKI writes all
authors on one line (``{Author}: 胡重明;邢润杰;``) and the CN serial number in ``{Notes}``;
Wanfang writes one ``{Author}`` line per name, ``{Translated Title}``, ``{Translated Author}``
and ``{Translated Journal}`` (kept in ``custom``), and ``{Language}: chi``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Diagnostic, Reference
from ._endnote_types import TYPE_MAP, TYPE_OUT
from ._tagged import Spec, read_tagged, write_tagged

__all__ = ["read", "write"]

_LINE = re.compile(r"^\s*\{([^{}\n]+)\}\s*[:：]\s?(.*)$")


def _parse_line(line: str) -> tuple[str, str] | None:
    m = _LINE.match(line)
    if not m:
        return None
    return m.group(1).strip(), m.group(2)


FIELDS: dict[str, tuple[str, str]] = {
    k.upper(): v
    for k, v in {
        "Title": ("text", "title"),
        "Translated Title": ("custom", "translated-title"),
        "Author": ("names", "author"),
        "Translated Author": ("customlist", "translated-authors"),
        "Secondary Author": ("names", "editor"),
        "Tertiary Author": ("names", "collection-editor"),
        "Subsidiary Author": ("names", "translator"),
        "Translator": ("names", "translator"),
        "Editor": ("names", "editor"),
        "Journal": ("container", "1"),
        "Secondary Title": ("container", "2"),
        "Source": ("container", "3"),
        "Alternate Journal": ("container", "5"),
        "Translated Journal": ("custom", "translated-container-title"),
        "Tertiary Title": ("text", "collection-title"),
        "Series Title": ("text", "collection-title"),
        "Year": ("year", "issued"),
        "Date": ("date", "issued"),
        "Volume": ("number", "volume"),
        "Issue": ("number", "issue"),
        "Pages": ("page", "page"),
        "Keywords": ("keywords", ""),
        "Abstract": ("textjoin", "abstract"),
        "ISBN/ISSN": ("serial", ""),
        "ISSN": ("serial", ""),
        "ISBN": ("serial", ""),
        "Notes": ("callnumber", "note"),
        "Database Provider": ("text", "source"),
        "URL": ("url", "URL"),
        "DOI": ("doi", "DOI"),
        "Language": ("language", "language"),
        "Publisher": ("text", "publisher"),
        "Place Published": ("text", "publisher-place"),
        "Edition": ("text", "edition"),
        "Type of Work": ("text", "genre"),
        "Call Number": ("callnumber", "call-number"),
        "Number of Pages": ("text", "number-of-pages"),
        "Short Title": ("text", "title-short"),
        "Label": ("key", ""),
        "Number of Volumes": ("number", "number-of-volumes"),
        "Section": ("text", "section"),
        "Original Publication": ("text", "original-title"),
        "Access Date": ("date", "accessed"),
        "Name of Database": ("text", "archive"),
    }.items()
}

OUT: list[tuple[str, str, str]] = [
    ("Title", "text", "title"),
    ("Translated Title", "custom", "translated-title"),
    ("Author", "names", "author"),
    ("Translated Author", "custom", "translated-authors"),
    ("Secondary Author", "names", "editor"),
    ("Tertiary Author", "names", "collection-editor"),
    ("Subsidiary Author", "names", "translator"),
    ("Journal", "container:journal", "container-title"),
    ("Secondary Title", "container:other", "container-title"),
    ("Alternate Journal", "text", "container-title-short"),
    ("Translated Journal", "custom", "translated-container-title"),
    ("Tertiary Title", "text", "collection-title"),
    ("Year", "year", "issued"),
    ("Date", "date-if-more", "issued"),
    ("Volume", "text", "volume"),
    ("Issue", "text", "issue"),
    ("Pages", "text", "page"),
    ("Edition", "text", "edition"),
    ("Type of Work", "text", "genre"),
    ("Publisher", "text", "publisher"),
    ("Place Published", "text", "publisher-place"),
    ("Number of Pages", "text", "number-of-pages"),
    ("Number of Volumes", "text", "number-of-volumes"),
    ("Section", "text", "section"),
    ("Short Title", "text", "title-short"),
    ("Original Publication", "text", "original-title"),
    ("Keywords", "keywords", ""),
    ("Abstract", "text", "abstract"),
    ("ISBN/ISSN", "serial", ""),
    ("Notes", "text", "note"),
    ("Call Number", "callnumber", "call-number"),
    ("Access Date", "date", "accessed"),
    ("Name of Database", "text", "archive"),
    ("Database Provider", "text", "source"),
    ("URL", "text", "URL"),
    ("DOI", "text", "DOI"),
    ("Language", "text", "language"),
    ("Label", "id", "id"),
]

SPEC = Spec(
    name="NoteExpress",
    parse_line=_parse_line,
    type_tag="REFERENCE TYPE",
    type_map=TYPE_MAP,
    type_out=TYPE_OUT,
    fields=FIELDS,
    out=OUT,
    format_line=lambda tag, value: f"{{{_CASE.get(tag, tag)}}}: {value}".rstrip(),
    default_type_out="Generic",
    names_joiner=";",
    names_trailer=";",
    keywords_joiner=";",
)

_CASE: dict[str, str] = {"REFERENCE TYPE": "Reference Type"}


def read(text: str) -> list[Reference]:
    return read_tagged(text, SPEC)


def write(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    return write_tagged(items, SPEC)
