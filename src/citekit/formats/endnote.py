"""EndNote tagged ("Refer/BibIX"-style ``%X value`` lines), as EndNote and CNKI export it.

Tags follow EndNote's tag list (EndNote manual, "Tagged import/export format" and its
``EndNote Import`` filter): ``%0`` type, ``%A`` author, ``%T`` title, ``%J`` journal, ``%B``
secondary title, ``%D`` year, ``%8`` date, ``%V`` volume, ``%N`` issue, ``%P`` pages, ``%I``
publisher, ``%C`` place, ``%@`` ISBN/ISSN, ``%R`` DOI, ``%U`` URL, ...  Records are separated by a
blank line.  CNKI's quirks: ``%K a;b;c`` on one line, ``%L`` holding the CN serial number
(``11-1234/G2``), ``%+`` author addresses, ``%W CNKI``; lines may be indented.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Diagnostic, Reference
from ._endnote_types import TYPE_MAP, TYPE_OUT
from ._tagged import Spec, lenient_line, read_tagged, write_tagged

__all__ = ["read", "write"]

_LINE = re.compile(r"^\s*(%[0-9A-Za-z@!&()*+^<>\[\]=~#$?|])(?:[ \t]+(.*)|)$")

FIELDS: dict[str, tuple[str, str]] = {
    "%A": ("names", "author"),
    "%E": ("names", "editor"),
    "%Y": ("supervisor", ""),
    "%?": ("names", "translator"),
    "%T": ("text", "title"),
    "%J": ("container", "1"),
    "%B": ("container", "2"),
    "%O": ("container", "5"),
    "%S": ("text", "collection-title"),
    "%D": ("year", "issued"),
    "%8": ("date", "issued"),
    "%V": ("number", "volume"),
    "%N": ("number", "issue"),
    "%P": ("page", "page"),
    "%I": ("text", "publisher"),
    "%C": ("text", "publisher-place"),
    "%@": ("serial", ""),
    "%R": ("doi", "DOI"),
    "%U": ("url", "URL"),
    "%G": ("language", "language"),
    "%X": ("textjoin", "abstract"),
    "%K": ("keywords", ""),
    "%Z": ("textjoin", "note"),
    "%7": ("text", "edition"),
    "%9": ("text", "genre"),
    "%L": ("callnumber", "call-number"),
    "%!": ("text", "title-short"),
    "%~": ("text", "archive"),
    "%W": ("text", "source"),
    "%Q": ("custom", "translated-title"),
    "%H": ("customlist", "translated-authors"),
    "%[": ("date", "accessed"),
    "%&": ("text", "section"),
    "%(": ("text", "original-title"),
    "%F": ("key", ""),
    "%*": ("text", "reviewed-title"),
    "%6": ("number", "number-of-volumes"),
}

OUT: list[tuple[str, str, str]] = [
    ("%A", "names", "author"),
    ("%E", "names", "editor"),
    ("%Y", "names:thesis", "contributor"),
    ("%Y", "names:!thesis", "collection-editor"),
    ("%?", "names", "translator"),
    ("%H", "custom", "translated-authors"),
    ("%T", "text", "title"),
    ("%Q", "custom", "translated-title"),
    ("%J", "container:journal", "container-title"),
    ("%B", "container:other", "container-title"),
    ("%O", "text", "container-title-short"),
    ("%S", "text", "collection-title"),
    ("%D", "year", "issued"),
    ("%8", "date-if-more", "issued"),
    ("%V", "text", "volume"),
    ("%N", "text", "issue"),
    ("%6", "text", "number-of-volumes"),
    ("%P", "text", "page"),
    ("%7", "text", "edition"),
    ("%9", "text", "genre"),
    ("%I", "text", "publisher"),
    ("%C", "text", "publisher-place"),
    ("%@", "serial", ""),
    ("%R", "text", "DOI"),
    ("%U", "text", "URL"),
    ("%G", "text", "language"),
    ("%!", "text", "title-short"),
    ("%&", "text", "section"),
    ("%(", "text", "original-title"),
    ("%*", "text", "reviewed-title"),
    ("%[", "date", "accessed"),
    ("%L", "callnumber", "call-number"),
    ("%~", "text", "archive"),
    ("%W", "text", "source"),
    ("%F", "id", "id"),
    ("%K", "keywords", ""),
    ("%X", "text", "abstract"),
    ("%Z", "text", "note"),
]

SPEC = Spec(
    name="EndNote",
    parse_line=lenient_line(_LINE),
    type_tag="%0",
    type_map=TYPE_MAP,
    type_out=TYPE_OUT,
    fields=FIELDS,
    out=OUT,
    format_line=lambda tag, value: f"{tag} {value}".rstrip(),
    blank_ends_record=True,
    default_type_out="Generic",
)


def read(text: str) -> list[Reference]:
    return read_tagged(text, SPEC)


def write(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    return write_tagged(items, SPEC)
