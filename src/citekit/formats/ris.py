"""RIS, through rispy's line grammar and writer, with the quirks of CNKI's and Wanfang's RIS.

Tags and reference types follow the RIS specification (Research Information Systems, "RIS
Format Specifications", 2011) as rispy implements it.  Leniencies for real exports: one space
or a tab instead of two before the dash (``TY - JOUR``), a missing space after it, names
joined with ``;`` on one ``AU`` line and ``SP  - 64-76+158`` with no ``EP`` (CNKI), keywords
joined with ``;``, CRLF line ends, text before the first ``TY``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

import rispy

from ..model import Diagnostic, Reference
from ._tagged import Spec, read_tagged, write_tagged

__all__ = ["read", "write", "TYPE_MAP", "TYPE_OUT"]

_LINE = re.compile(r"^\s*([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t](.*)|)$")


class _LenientRisParser(rispy.RisParser):
    """rispy's parser, accepting the near-RIS lines real exports contain."""

    def parse_line(self, line: str) -> tuple[str, str] | tuple[None, str]:
        m = _LINE.match(line)
        if m:
            return m.group(1), (m.group(2) or "").strip()
        return None, line.strip()


_PARSER = _LenientRisParser()


def _parse_line(line: str) -> tuple[str, str] | None:
    tag, value = _PARSER.parse_line(line)
    if tag is None:
        return None
    return tag, value


TYPE_MAP: dict[str, str] = {
    k.lower(): v
    for k, v in {
        "ABST": "article",
        "ADVS": "motion_picture",
        "AGGR": "dataset",
        "ANCIENT": "classic",
        "ART": "graphic",
        "BILL": "bill",
        "BLOG": "post-weblog",
        "BOOK": "book",
        "CASE": "legal_case",
        "CHAP": "chapter",
        "CHART": "figure",
        "CLSWK": "classic",
        "COMP": "software",
        "CONF": "paper-conference",
        "CPAPER": "paper-conference",
        "CTLG": "document",
        "DATA": "dataset",
        "DBASE": "dataset",
        "DICT": "entry-dictionary",
        "EBOOK": "book",
        "ECHAP": "chapter",
        "EDBOOK": "book",
        "EJOUR": "article-journal",
        "ELEC": "webpage",
        "ENCYC": "entry-encyclopedia",
        "EQUA": "document",
        "FIGURE": "figure",
        "GEN": "document",
        "GOVDOC": "report",
        "GRANT": "document",
        "HEAR": "hearing",
        "ICOMM": "personal_communication",
        "INPR": "article-journal",
        "JFULL": "periodical",
        "JOUR": "article-journal",
        "LEGAL": "regulation",
        "MANSCPT": "manuscript",
        "MAP": "map",
        "MGZN": "article-magazine",
        "MPCT": "motion_picture",
        "MULTI": "document",
        "MUSIC": "musical_score",
        "NEWS": "article-newspaper",
        "PAMP": "pamphlet",
        "PAT": "patent",
        "PCOMM": "personal_communication",
        "RPRT": "report",
        "SER": "book",
        "SLIDE": "speech",
        "SOUND": "song",
        "STAND": "standard",
        "STAT": "legislation",
        "STD": "standard",
        "THES": "thesis",
        "UNBILL": "bill",
        "UNPB": "manuscript",
        "VIDEO": "motion_picture",
        "WEB": "webpage",
    }.items()
}

TYPE_OUT: dict[str, str] = {
    "article": "ABST",
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "bill": "BILL",
    "book": "BOOK",
    "chapter": "CHAP",
    "classic": "CLSWK",
    "dataset": "DATA",
    "document": "GEN",
    "entry-dictionary": "DICT",
    "entry-encyclopedia": "ENCYC",
    "figure": "FIGURE",
    "graphic": "ART",
    "hearing": "HEAR",
    "legal_case": "CASE",
    "legislation": "STAT",
    "manuscript": "MANSCPT",
    "map": "MAP",
    "motion_picture": "MPCT",
    "musical_score": "MUSIC",
    "pamphlet": "PAMP",
    "paper-conference": "CPAPER",
    "patent": "PAT",
    "periodical": "JFULL",
    "personal_communication": "PCOMM",
    "post-weblog": "BLOG",
    "regulation": "LEGAL",
    "report": "RPRT",
    "software": "COMP",
    "song": "SOUND",
    "speech": "SLIDE",
    "standard": "STAND",
    "thesis": "THES",
    "webpage": "ELEC",
}

# tag -> (kind, CSL variable); container ranks: lower wins the full title
FIELDS: dict[str, tuple[str, str]] = {
    "AU": ("names", "author"),
    "A1": ("names", "author"),
    "A2": ("names", "editor"),
    "ED": ("names", "editor"),
    "A3": ("supervisor", ""),
    "A4": ("names", "translator"),
    "TI": ("text", "title"),
    "T1": ("text", "title"),
    "CT": ("text", "title"),
    "T2": ("container", "1"),
    "JF": ("container", "2"),
    "JO": ("container", "3"),
    "BT": ("container", "4"),
    "JA": ("container", "5"),
    "J2": ("container", "6"),
    "J1": ("container", "7"),
    "T3": ("text", "collection-title"),
    "PY": ("year", "issued"),
    "Y1": ("date", "issued"),
    "DA": ("date", "issued"),
    "Y2": ("date", "accessed"),
    "VL": ("number", "volume"),
    "IS": ("number", "issue"),
    "CP": ("number", "issue"),
    "M1": ("text", "number"),
    "SP": ("sp", "page"),
    "EP": ("ep", "page"),
    "PB": ("text", "publisher"),
    "CY": ("text", "publisher-place"),
    "PP": ("text", "publisher-place"),
    "SN": ("serial", ""),
    "DO": ("doi", "DOI"),
    "UR": ("url", "URL"),
    "L3": ("url", "URL"),
    "LA": ("language", "language"),
    "AB": ("textjoin", "abstract"),
    "N2": ("textjoin", "abstract"),
    "KW": ("keywords", ""),
    "N1": ("textjoin", "note"),
    "ET": ("text", "edition"),
    "M3": ("text", "genre"),
    "CN": ("callnumber", "call-number"),
    "DB": ("text", "archive"),
    "DP": ("text", "source"),
    "ID": ("key", ""),
    "ST": ("text", "title-short"),
    "OP": ("text", "original-title"),
    "NV": ("number", "number-of-volumes"),
    "SE": ("text", "section"),
    "LB": ("text", "citation-label"),
    "RI": ("text", "reviewed-title"),
    "TT": ("custom", "translated-title"),
}

OUT: list[tuple[str, str, str]] = [
    ("ID", "id", "id"),
    ("AU", "names", "author"),
    ("A2", "names", "editor"),
    ("A3", "names:thesis", "contributor"),
    ("A3", "names:!thesis", "collection-editor"),
    ("A4", "names", "translator"),
    ("TI", "text", "title"),
    ("TT", "custom", "translated-title"),
    ("T2", "container", "container-title"),
    ("J2", "text", "container-title-short"),
    ("T3", "text", "collection-title"),
    ("PY", "year", "issued"),
    ("DA", "date-ris", "issued"),
    ("VL", "text", "volume"),
    ("IS", "text", "issue"),
    ("SP", "sp", "page"),
    ("EP", "ep", "page"),
    ("M1", "text", "number"),
    ("NV", "text", "number-of-volumes"),
    ("SE", "text", "section"),
    ("ET", "text", "edition"),
    ("PB", "text", "publisher"),
    ("CY", "text", "publisher-place"),
    ("SN", "serial", ""),
    ("DO", "text", "DOI"),
    ("UR", "text", "URL"),
    ("LA", "text", "language"),
    ("M3", "text", "genre"),
    ("ST", "text", "title-short"),
    ("OP", "text", "original-title"),
    ("RI", "text", "reviewed-title"),
    ("CN", "callnumber", "call-number"),
    ("DB", "text", "archive"),
    ("DP", "text", "source"),
    ("LB", "text", "citation-label"),
    ("Y2", "date", "accessed"),
    ("AB", "text", "abstract"),
    ("KW", "keywords", ""),
    ("N1", "text", "note"),
]


def _format_line(tag: str, value: str) -> str:
    return (
        rispy.RisWriter.PATTERN.format(tag=tag, value=value).rstrip()
        if tag == "ER"
        else rispy.RisWriter.PATTERN.format(tag=tag, value=value)
    )


SPEC = Spec(
    name="RIS",
    parse_line=_parse_line,
    type_tag="TY",
    type_map=TYPE_MAP,
    type_out=TYPE_OUT,
    fields=FIELDS,
    out=OUT,
    format_line=_format_line,
    end_tag="ER",
    default_type_out="GEN",
)


def read(text: str) -> list[Reference]:
    return read_tagged(text, SPEC)


class _Writer(rispy.RisWriter):
    """rispy's writer without the ``1.`` header line before each record."""

    REFERENCE_TYPE_KEY = "TY"

    def set_header(self, count: int) -> None:
        return None


def write(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    """RIS text; the record lines come from the shared tagged writer, the layout from rispy."""
    text, diags = write_tagged(items, SPEC)
    # Re-emit through rispy so its layout conventions (``TAG  - value``, ``ER  - ``) hold.
    records: list[dict[str, Any]] = []
    for chunk in text.split("\n\n"):
        rec: dict[str, Any] = {}
        for line in chunk.splitlines():
            tag, value = line[:2], line[6:]
            if tag in ("TY", "ER"):
                if tag == "TY":
                    rec["TY"] = value
                continue
            rec.setdefault(tag, []).append(value)
        if rec:
            records.append(rec)
    mapping = {tag: tag.lower() for rec in records for tag in rec}
    mapping["TY"] = "ty"
    out = io.StringIO()
    _Writer(
        mapping=mapping,
        list_tags=[t for t in mapping if t != "TY"],
        delimiter_tags_mapping={},
        enforce_list_tags=True,
    ).format_lines(out, [{k: v for k, v in r.items()} for r in records])
    return out.getvalue(), diags
