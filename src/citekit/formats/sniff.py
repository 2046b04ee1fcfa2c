"""Tell an export's format from its content, then from the file name's extension.

Content wins over the extension: CNKI saves RefWorks, EndNote and NoteExpress exports all as
``.txt``, and ``.xml`` or ``.json`` say little.  ``None`` means plain reference strings.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

__all__ = ["sniff"]

_HEAD = 64 * 1024  # look at the first 64 KiB only

_BIBTEX = re.compile(r"^[ \t]*@[A-Za-z]+[ \t]*[{(][^,\n]*,", re.M)
_RIS = re.compile(r"^[ \t]*TY[ \t]{1,2}-[ \t]?\S", re.M)
_RIS_ER = re.compile(r"^[ \t]*ER[ \t]{1,2}-", re.M)
_ENDNOTE = re.compile(r"^[ \t]*%0 \S", re.M)
_ENDNOTE_ANY = re.compile(r"^[ \t]*%[A-Z0-9@!&()*+^<>\[\]=~#$?] ", re.M)
_NOTEEXPRESS = re.compile(r"^[ \t]*\{Reference Type\}:", re.M)
_REFWORKS = re.compile(r"^[ \t]*RT[ \t]+\S", re.M)
_REFWORKS_FIELD = re.compile(r"^[ \t]*(?:A1|T1|JF|YR|SR|DS)[ \t]?\S", re.M)
# A comment's body cannot run past "-->", so there is one way to match it (linear time; the
# lazy ".*?" it replaces backtracked exponentially over runs of empty comments).
_XML = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*<xml>\s*<records>")
_XML_RECORDS = re.compile(r"<records>\s*<record>", re.S)

_EXTENSIONS = {
    ".json": "csl-json",
    ".csljson": "csl-json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".biblatex": "bibtex",
    ".ris": "ris",
    ".enw": "endnote",
    ".xml": "endnote-xml",
    ".net": "noteexpress",
    ".ne": "noteexpress",
}


def sniff(text: str, filename: str | None = None) -> str | None:
    """``csl-json``, ``jsonl``, ``bibtex``, ``ris``, ``endnote``, ``endnote-xml``, ``noteexpress``,
    ``refworks``, or ``None`` for plain reference strings."""
    head = text[:_HEAD].lstrip("\ufeff")
    found = _by_content(head)
    if found:
        return found
    if filename:
        return _EXTENSIONS.get(PurePath(filename).suffix.lower())
    return None


def _by_content(head: str) -> str | None:
    stripped = head.lstrip()
    if re.match(r'\[\s*(\{|\])|\{\s*("|\})', stripped):
        kind = _json_kind(stripped)
        if kind:
            return kind
    if _XML.match(head) or _XML_RECORDS.search(head[:4096]):
        return "endnote-xml"
    if _NOTEEXPRESS.search(head):
        return "noteexpress"
    if _RIS.search(head) and _RIS_ER.search(head):
        return "ris"
    if _ENDNOTE.search(head) or len(_ENDNOTE_ANY.findall(head)) >= 3:
        return "endnote"
    if _REFWORKS.search(head) and _REFWORKS_FIELD.search(head):
        return "refworks"
    if _BIBTEX.search(head):
        return "bibtex"
    if _RIS.search(head):
        return "ris"
    return None


def _json_kind(s: str) -> str | None:
    if s.startswith("["):
        return "csl-json"  # a JSON array (valid or damaged: the reader reports what it cannot read)
    first, _, rest = s.partition("\n")
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        # a whole pretty-printed object, or damaged JSON Lines
        try:
            json.loads(s)
            return "csl-json"
        except (ValueError, RecursionError):
            return "jsonl" if first.rstrip().endswith("}") else "csl-json"
    return "jsonl" if rest.strip() else "csl-json"
