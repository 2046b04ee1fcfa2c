"""CSL-JSON (an array of items, or one item) and JSON Lines (one item per line).

Reading keeps each item's exact source text: the array is walked element by element with
:meth:`json.JSONDecoder.raw_decode`, so a damaged element becomes one unreadable reference and
the reader resumes at the next item.  Items are checked against the CSL-JSON data model (known
type, known variables, names and dates shaped as the schema says); what does not fit is
reported, never dropped silently.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..codes import make
from ..csl import ITEM_TYPES, CslItem
from ..model import Diagnostic, Reference
from ._common import IdMaker, build_reference, failed_reference, line_of

__all__ = ["read", "read_jsonl", "write", "write_jsonl", "CSL_VARIABLES", "check_item"]

#: every property the CSL-JSON schema (csl-data.json, CSL 1.0.2) allows on an item
CSL_VARIABLES: frozenset[str] = frozenset(
    """DOI ISBN ISSN PMCID PMID URL abstract accessed annote archive archive-place
    archive_collection archive_location author authority available-date call-number categories
    chair chapter-number citation-key citation-label citation-number collection-editor
    collection-number collection-title compiler composer container-author container-title
    container-title-short contributor curator custom dimensions director division edition editor
    editorial-director event event-date event-place event-title executive-producer
    first-reference-note-number genre guest host id illustrator interviewer issue issued
    journalAbbreviation jurisdiction keyword language locator medium narrator note number
    number-of-pages number-of-volumes organizer original-author original-date original-publisher
    original-publisher-place original-title page page-first part part-title performer printing
    producer publisher publisher-place recipient references reviewed-author reviewed-genre
    reviewed-title scale script-writer section series-creator shortTitle source status submitted
    supplement title title-short translator type version volume volume-title volume-title-short
    year-suffix""".split()
)

_NAME_VARS = frozenset(
    """author chair collection-editor compiler composer container-author contributor curator
    director editor editorial-director executive-producer guest host illustrator interviewer
    narrator organizer original-author performer producer recipient reviewed-author
    script-writer series-creator translator""".split()
)
_DATE_VARS = frozenset("accessed available-date event-date issued original-date submitted".split())
_NAME_KEYS = frozenset(
    "family given dropping-particle non-dropping-particle suffix comma-suffix static-ordering "
    "literal parse-names".split()
)
_DATE_KEYS = frozenset("date-parts season circa literal raw".split())


def check_item(item: Mapping[str, Any]) -> list[Diagnostic]:
    """What keeps ``item`` from being schema-valid CSL-JSON, as diagnostics."""
    out: list[Diagnostic] = []
    t = item.get("type")
    if t not in ITEM_TYPES:
        out.append(make("F004", f"CSL type {t!r} is not a CSL item type", field="type"))
    for key, value in item.items():
        if key not in CSL_VARIABLES:
            out.append(make("F002", f"'{key}' is not a CSL-JSON variable", field=key))
        elif key in _NAME_VARS:
            if not isinstance(value, list) or not all(
                isinstance(n, dict) and set(n) <= _NAME_KEYS for n in value
            ):
                out.append(make("F005", f"'{key}' is not a list of CSL names", field=key))
        elif key in _DATE_VARS:
            if not isinstance(value, dict) or not set(value) <= _DATE_KEYS:
                out.append(make("F005", f"'{key}' is not a CSL date", field=key))
        elif key == "custom":
            if not isinstance(value, dict):
                out.append(make("F005", "'custom' is not an object", field=key))
        elif key != "categories" and isinstance(value, (dict, list)):
            out.append(make("F005", f"'{key}' should be a string or number", field=key))
    return out


def _clean(item: dict[str, Any], diags: list[Diagnostic]) -> CslItem:
    """Make ``item`` schema-valid: unknown or misshapen variables move to ``custom`` (kept, and
    reported)."""
    bad = {d.field for d in diags if d.code in ("F002", "F005") and d.field}
    out: CslItem = {}
    for k, v in item.items():
        if k in bad:
            custom = out.setdefault("custom", dict(item.get("custom") or {}))
            custom[k] = v
        else:
            out[k] = v
    if out.get("type") not in ITEM_TYPES:
        out["type"] = "document"
    return out


def _reference(obj: Any, raw: str, index: int, ids: IdMaker, line: int | None) -> Reference:
    if not isinstance(obj, dict):
        rid, _ = ids(None, index)
        return failed_reference(
            rid, raw, f"a CSL-JSON item must be an object, not {type(obj).__name__}", line=line
        )
    diags = check_item(obj)
    item = _clean(obj, diags)
    key = item.get("id")
    rid, dup = ids(str(key) if key not in (None, "") else None, index)
    if dup:
        diags.append(dup)
    return build_reference(rid, raw, item, diags, line=line)


_WS = re.compile(r"[\s,]*")
_DECODER = json.JSONDecoder()


def read(text: str) -> list[Reference]:
    s = text.lstrip("\ufeff")
    offset = len(text) - len(s)
    pos = _WS.match(s, 0).end()  # type: ignore[union-attr]
    if pos >= len(s):
        return []
    if s[pos] == "{":
        try:
            obj, end = _DECODER.raw_decode(s, pos)
        except ValueError as exc:
            return [failed_reference("ref-1", text, f"not valid JSON: {exc}")]
        return [_reference(obj, s[pos:end], 1, IdMaker(), line_of(text, pos + offset))]
    if s[pos] != "[":
        return [failed_reference("ref-1", text, "CSL-JSON must be an array of items or one item")]
    refs: list[Reference] = []
    ids = IdMaker()
    pos += 1
    n = 0
    while True:
        pos = _WS.match(s, pos).end()  # type: ignore[union-attr]
        if pos >= len(s) or s[pos] == "]":
            break
        n += 1
        try:
            obj, end = _DECODER.raw_decode(s, pos)
        except ValueError as exc:
            nxt = _resume(s, pos + 1)
            raw = s[pos:nxt].rstrip().rstrip(",").rstrip()
            rid, _ = ids(None, n)
            refs.append(
                failed_reference(
                    rid,
                    raw,
                    f"item is not valid JSON: {exc.args[0]}",
                    line=line_of(text, pos + offset),
                )
            )
            pos = nxt
            continue
        refs.append(_reference(obj, s[pos:end], n, ids, line_of(text, pos + offset)))
        pos = end
    return refs


def _resume(s: str, pos: int) -> int:
    """Where the next item begins after a damaged one: the next ``{`` that decodes to an object
    with a ``type`` or ``id`` (names and dates inside an item have neither)."""
    while True:
        nxt = s.find("{", pos)
        if nxt < 0:
            end = s.rfind("]")
            return end if end >= pos else len(s)
        try:
            obj, _ = _DECODER.raw_decode(s, nxt)
        except ValueError:
            pos = nxt + 1
            continue
        if isinstance(obj, dict) and ("type" in obj or "id" in obj):
            return nxt
        pos = nxt + 1


def read_jsonl(text: str) -> list[Reference]:
    refs: list[Reference] = []
    ids = IdMaker()
    n = 0
    for lineno, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        try:
            obj = json.loads(line)
        except ValueError as exc:
            rid, _ = ids(None, n)
            refs.append(
                failed_reference(rid, line, f"line is not valid JSON: {exc.args[0]}", line=lineno)
            )
            continue
        refs.append(_reference(obj, line, n, ids, lineno))
    return refs


def write(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    clean = []
    for it in items:
        d = check_item(it)
        diags.extend(_name_id(d, it))
        clean.append(_clean(dict(it), d))
    return json.dumps(clean, ensure_ascii=False, indent=2) + "\n", diags


def write_jsonl(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    lines = []
    for it in items:
        d = check_item(it)
        diags.extend(_name_id(d, it))
        lines.append(json.dumps(_clean(dict(it), d), ensure_ascii=False))
    return "".join(line + "\n" for line in lines), diags


def _name_id(diags: list[Diagnostic], item: Mapping[str, Any]) -> list[Diagnostic]:
    from dataclasses import replace

    ident = item.get("id", "?")
    return [replace(d, message=f"{d.message} (item '{ident}')") for d in diags]
