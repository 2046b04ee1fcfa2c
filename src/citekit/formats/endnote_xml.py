"""EndNote XML (``<xml><records><record>...``), read and written with lxml.

Element names follow EndNote's XML export (the ``xml`` DTD EndNote ships, ``RSXML.dtd``):
``ref-type`` (``name`` attribute and number), ``contributors/authors/author``, ``titles/title``,
``titles/secondary-title``, ``periodical/full-title``, ``pages``, ``volume``, ``number`` (the
issue), ``dates/year``, ``dates/pub-dates/date``, ``publisher``, ``pub-location``, ``isbn``,
``electronic-resource-num`` (the DOI), ``urls/related-urls/url``, ``language``, ...  Text may be
wrapped in ``<style>`` elements; their text is joined.  Each ``<record>`` is parsed on its own so
a damaged record is kept as an unreadable reference and the others still convert.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree

from ..codes import make
from ..model import Diagnostic, Reference
from ._common import IdMaker, LineCounter, build_reference, failed_reference, unwritten
from ._endnote_types import NUMBER_TYPES, TYPE_MAP, TYPE_NUMBERS, TYPE_OUT
from ._tagged import Spec, TField, TRecord, _convert, _out_values

__all__ = ["read", "write"]

# path below <record> -> (kind, variable)
FIELDS: dict[str, tuple[str, str]] = {
    "contributors/authors/author": ("names", "author"),
    "contributors/secondary-authors/author": ("names", "editor"),
    "contributors/tertiary-authors/author": ("supervisor", ""),
    "contributors/subsidiary-authors/author": ("names", "translator"),
    "contributors/translated-authors/author": ("customlist", "translated-authors"),
    "titles/title": ("text", "title"),
    "titles/secondary-title": ("container", "2"),
    "periodical/full-title": ("container", "1"),
    "periodical/abbr-1": ("container", "5"),
    "titles/alt-title": ("container", "6"),
    "alt-periodical/full-title": ("container", "7"),
    "alt-periodical/abbr-1": ("container", "8"),
    "titles/tertiary-title": ("text", "collection-title"),
    "titles/short-title": ("text", "title-short"),
    "titles/translated-title": ("custom", "translated-title"),
    "pages": ("page", "page"),
    "volume": ("number", "volume"),
    "number": ("number", "issue"),
    "issue": ("number", "issue"),
    "section": ("text", "section"),
    "num-vols": ("number", "number-of-volumes"),
    "edition": ("text", "edition"),
    "keywords/keyword": ("keywords", ""),
    "dates/year": ("year", "issued"),
    "dates/pub-dates/date": ("date", "issued"),
    "publisher": ("text", "publisher"),
    "pub-location": ("text", "publisher-place"),
    "isbn": ("serial", ""),
    "electronic-resource-num": ("doi", "DOI"),
    "urls/related-urls/url": ("url", "URL"),
    "urls/web-urls/url": ("url", "URL"),
    "language": ("language", "language"),
    "abstract": ("textjoin", "abstract"),
    "notes": ("textjoin", "note"),
    "work-type": ("text", "genre"),
    "call-num": ("callnumber", "call-number"),
    "label": ("key", ""),
    "remote-database-name": ("text", "archive"),
    "remote-database-provider": ("text", "source"),
    "access-date": ("date", "accessed"),
    "orig-pub": ("text", "original-title"),
    "reviewed-item": ("text", "reviewed-title"),
}
# EndNote's bookkeeping: not bibliographic data
_IGNORE = {"database", "source-app", "rec-number", "foreign-keys/key", "ref-type"}

OUT: list[tuple[str, str, str]] = [
    ("contributors/authors/author", "names", "author"),
    ("contributors/secondary-authors/author", "names", "editor"),
    ("contributors/tertiary-authors/author", "names:thesis", "contributor"),
    ("contributors/tertiary-authors/author", "names:!thesis", "collection-editor"),
    ("contributors/subsidiary-authors/author", "names", "translator"),
    ("contributors/translated-authors/author", "custom", "translated-authors"),
    ("titles/title", "text", "title"),
    ("titles/secondary-title", "container", "container-title"),
    ("titles/tertiary-title", "text", "collection-title"),
    ("titles/alt-title", "text", "container-title-short"),
    ("titles/short-title", "text", "title-short"),
    ("titles/translated-title", "custom", "translated-title"),
    ("periodical/full-title", "container:journal", "container-title"),
    ("pages", "text", "page"),
    ("volume", "text", "volume"),
    ("number", "text", "issue"),
    ("section", "text", "section"),
    ("num-vols", "text", "number-of-volumes"),
    ("edition", "text", "edition"),
    ("keywords/keyword", "keywords", ""),
    ("dates/year", "year", "issued"),
    ("dates/pub-dates/date", "date-if-more", "issued"),
    ("pub-location", "text", "publisher-place"),
    ("publisher", "text", "publisher"),
    ("isbn", "serial", ""),
    ("call-num", "callnumber", "call-number"),
    ("electronic-resource-num", "text", "DOI"),
    ("abstract", "text", "abstract"),
    ("notes", "text", "note"),
    ("work-type", "text", "genre"),
    ("label", "id", "id"),
    ("urls/related-urls/url", "text", "URL"),
    ("remote-database-name", "text", "archive"),
    ("remote-database-provider", "text", "source"),
    ("language", "text", "language"),
    ("access-date", "date", "accessed"),
    ("orig-pub", "text", "original-title"),
    ("reviewed-item", "text", "reviewed-title"),
]

SPEC = Spec(
    name="EndNote XML",
    parse_line=lambda line: None,
    type_tag="REF-TYPE",
    type_map=TYPE_MAP,
    type_out=TYPE_OUT,
    fields={k.upper(): v for k, v in FIELDS.items()},
    out=OUT,
    format_line=lambda tag, value: value,
    default_type_out="Generic",
    keywords_joiner=None,
)

_RECORD = re.compile(r"<record\b[^>]*>.*?</record>", re.S)


# A document with an empty record list (what writing no items gives) holds no entry.
_EMPTY = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?<xml>\s*<records\s*/>\s*</xml>\s*$|"
    r"^\s*(?:<\?xml[^>]*>\s*)?<xml>\s*<records>\s*</records>\s*</xml>\s*$"
)


def read(text: str) -> list[Reference]:
    refs: list[Reference] = []
    ids = IdMaker()
    matches = list(_RECORD.finditer(text))
    if not matches:
        if text.strip() and not _EMPTY.match(text):
            return [failed_reference("ref-1", text, "no EndNote XML <record> found")]
        return []
    lines = LineCounter(text)
    for n, m in enumerate(matches, 1):
        raw = m.group(0)
        line = lines.line(m.start())
        try:
            rec, type_name = _record(raw)
            item, diags = _convert(rec, raw, SPEC)
        except Exception as exc:  # one bad record never spoils the batch
            rid, _ = ids(None, n)
            refs.append(
                failed_reference(
                    rid, raw, f"EndNote XML record could not be read: {exc}", line=line
                )
            )
            continue
        key = item.pop("_key", None)
        rid, dup = ids(key, n)
        if dup:
            diags.append(dup)
        refs.append(build_reference(rid, raw, item, diags, line=line))
    return refs


def _text(el: Any) -> str:
    return "".join(el.itertext()).strip()


def _record(raw: str) -> tuple[TRecord, str]:
    root = etree.fromstring(
        raw.encode("utf-8"), parser=etree.XMLParser(recover=False, resolve_entities=False)
    )
    rec = TRecord(start=0, end=len(raw), line=1)
    type_name = ""
    rt = root.find("ref-type")
    if rt is not None:
        type_name = rt.get("name") or ""
        if not type_name and (rt.text or "").strip().isdigit():
            type_name = NUMBER_TYPES.get(int(rt.text.strip()), rt.text.strip())
        rec.fields.append(TField("REF-TYPE", type_name, 0, 0))
    for el in root.iter():
        if el is root or el.tag == "style" or not isinstance(el.tag, str):
            continue
        path = "/".join(a.tag for a in reversed(list(el.iterancestors())) if a is not root)
        path = f"{path}/{el.tag}" if path else el.tag
        path = re.sub(r"^(?:.*/)?(?=contributors/|titles/|periodical/)", "", path)
        if path in FIELDS:
            value = _text(el)
            pos = raw.find(f"<{el.tag}")
            rec.fields.append(
                TField(path.upper(), value, max(pos, 0), max(pos, 0) + len(el.tag) + 1)
            )
        elif (
            all(c.tag == "style" for c in el)
            and path not in _IGNORE
            and not any(path.startswith(p + "/") or p.startswith(path + "/") for p in FIELDS)
            and _text(el)
        ):
            pos = raw.find(f"<{el.tag}")
            rec.fields.append(TField(path, _text(el), max(pos, 0), max(pos, 0) + len(el.tag) + 1))
    return rec, type_name


def write(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    root = etree.Element("xml")
    records = etree.SubElement(root, "records")
    diags: list[Diagnostic] = []
    for n, item in enumerate(items, 1):
        rec = etree.SubElement(records, "record")
        etree.SubElement(rec, "rec-number").text = str(n)
        csl_type = str(item.get("type") or "document")
        name = TYPE_OUT.get(csl_type, "Generic")
        if TYPE_MAP.get(name.lower()) != csl_type:
            diags.append(
                make(
                    "F003",
                    f"EndNote XML has no type for '{csl_type}' of item "
                    f"'{item.get('id', '?')}'; written as '{name}'",
                    field="type",
                )
            )
        rt = etree.SubElement(rec, "ref-type", name=name)
        rt.text = str(TYPE_NUMBERS.get(name, 13))
        raw_custom = item.get("custom")
        custom: Mapping[str, Any] = raw_custom if isinstance(raw_custom, Mapping) else {}
        handled: set[str] = set()
        for path, kind, var in OUT:
            got = _out_values(item, custom, kind, var, csl_type, SPEC)
            if got is None:
                continue
            values, used = got
            handled.update(used)
            for v in values:
                if v in (None, ""):
                    continue
                _put(
                    rec,
                    path,
                    str(v),
                    repeat=kind.startswith("names")
                    or kind == "keywords"
                    or path.endswith("/author"),
                )
        diags.extend(unwritten(item, handled, "EndNote XML"))
    xml = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml, diags


def _put(rec: Any, path: str, value: str, repeat: bool) -> None:
    parts = path.split("/")
    parent = rec
    for p in parts[:-1]:
        child = parent.find(p)
        if child is None:
            child = etree.SubElement(parent, p)
        parent = child
    leaf = parts[-1]
    if not repeat and parent.find(leaf) is not None:
        return
    etree.SubElement(parent, leaf).text = _clean_xml(value)


_BAD_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean_xml(value: str) -> str:
    return _BAD_XML.sub("", value)
