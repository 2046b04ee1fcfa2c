"""CSL-JSON items checked once, where they enter citekit (a reader, the API).

Whatever JSON a caller or a file hands in, what leaves :func:`admit` is an item every consumer
(checks, renderer, writers) can read without guarding: a known ``type``, names as lists of
objects with text parts, dates with integer ``date-parts``, text and number variables as strings
or finite numbers, ``custom`` an object, and no unpaired surrogate code points (which no UTF-8
output can hold).  Nothing is dropped: a value of the wrong shape moves to ``custom`` under its
own name and is reported (F005); an unknown variable likewise (F002); an unknown type becomes
``document`` (F004); a lone surrogate becomes U+FFFD (E006).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import regex

from .codes import make
from .csl import ITEM_TYPES, VARIABLE_KINDS, CslItem
from .model import Diagnostic

__all__ = ["CSL_VARIABLES", "admit", "check_item", "scrub", "scrubbed", "surrogate_runs"]

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

_NAME_TEXT_KEYS = frozenset(
    "family given dropping-particle non-dropping-particle suffix literal".split()
)
_NAME_FLAG_KEYS = frozenset("comma-suffix static-ordering parse-names".split())
_DATE_KEYS = frozenset("date-parts season circa literal raw".split())
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


_SURROGATE_RUN = regex.compile(r"[\ud800-\udfff]++")
#: runs of lone surrogates reported one by one on a reference; the rest share one diagnostic
MAX_SURROGATE_RUNS = 20


def scrub(text: str) -> tuple[str, int]:
    """``text`` with each unpaired surrogate replaced by U+FFFD, and how many there were."""
    return _SURROGATE.subn("\ufffd", text)


def surrogate_runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each run of unpaired surrogates in ``text``, at most
    ``MAX_SURROGATE_RUNS`` + 1 (the last then spans every later run)."""
    runs = [m.span() for m in _SURROGATE_RUN.finditer(text)]
    if len(runs) > MAX_SURROGATE_RUNS + 1:
        runs[MAX_SURROGATE_RUNS:] = [(runs[MAX_SURROGATE_RUNS][0], runs[-1][1])]
    return runs


def _is_flag(value: Any) -> bool:
    return isinstance(value, (bool, str, int)) and not isinstance(value, float)


def _is_scalar(value: Any) -> bool:
    """A string, or a finite number (not a bool): what a text or number variable may hold."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int))


def _is_name(value: Any) -> bool:
    if not isinstance(value, Mapping):
        return False
    for key, part in value.items():
        if key in _NAME_TEXT_KEYS:
            if not isinstance(part, str):
                return False
        elif key in _NAME_FLAG_KEYS:
            if not _is_flag(part):
                return False
        else:
            return False
    return True


def _is_date_part(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return math.isfinite(value) and value == int(value)
    return isinstance(value, str) and value.strip().lstrip("-").isdigit()


def _is_date(value: Any) -> bool:
    if not isinstance(value, Mapping) or not set(value) <= _DATE_KEYS:
        return False
    parts = value.get("date-parts")
    if parts is not None:
        if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
            return False
        for part in parts:
            if not isinstance(part, list) or not 1 <= len(part) <= 3:
                return False
            if not all(_is_date_part(p) for p in part):
                return False
    season = value.get("season")
    if season is not None and not _is_scalar(season):
        return False
    for key in ("literal", "raw"):
        if value.get(key) is not None and not isinstance(value[key], str):
            return False
    circa = value.get("circa")
    return circa is None or _is_flag(circa)


def check_item(item: Mapping[str, Any]) -> list[Diagnostic]:
    """What keeps ``item`` from being schema-valid CSL-JSON, as diagnostics."""
    out: list[Diagnostic] = []
    t = item.get("type")
    if not (isinstance(t, str) and t in ITEM_TYPES):
        shown = t if isinstance(t, str) else type(t).__name__
        out.append(make("F004", f"CSL type {shown!r} is not a CSL item type", field="type"))
    for key, value in item.items():
        if key == "type":
            continue
        kind = VARIABLE_KINDS.get(key)
        if key not in CSL_VARIABLES:
            out.append(make("F002", f"'{key}' is not a CSL-JSON variable", field=key))
        elif kind == "name":
            if not isinstance(value, list) or not all(_is_name(n) for n in value):
                out.append(make("F005", f"'{key}' is not a list of CSL names", field=key))
        elif kind == "date":
            if not _is_date(value):
                out.append(make("F005", f"'{key}' is not a CSL date", field=key))
        elif key == "custom":
            if not isinstance(value, Mapping):
                out.append(make("F005", "'custom' is not an object", field=key))
        elif key == "categories":
            if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
                out.append(make("F005", "'categories' is not a list of strings", field=key))
        elif not _is_scalar(value):
            out.append(make("F005", f"'{key}' should be a string or a finite number", field=key))
    return out


def _scrub_value(value: Any, counter: list[int]) -> Any:
    """``value`` with lone surrogates replaced in every string (keys included), iteratively deep
    enough for any JSON that was decoded (the decoder's own depth limit bounds it)."""
    if isinstance(value, str):
        new, n = scrub(value)
        counter[0] += n
        return new
    if isinstance(value, Mapping):
        return {_scrub_value(k, counter): _scrub_value(v, counter) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_value(v, counter) for v in value]
    return value


def scrubbed(obj: Any) -> tuple[Any, int]:
    """``obj`` (decoded JSON) with every lone surrogate replaced by U+FFFD, and how many there
    were; raises RecursionError for a value nested deeper than the interpreter can walk."""
    counter = [0]
    return _scrub_value(obj, counter), counter[0]


def admit(obj: Mapping[str, Any]) -> tuple[CslItem, list[Diagnostic]]:
    """``obj`` (a decoded JSON object) as a clean CSL item, with what was wrong as diagnostics.

    Misshapen or unknown variables move to ``custom`` (kept, reported); an unknown type becomes
    ``document``; unpaired surrogates become U+FFFD (E006)."""
    try:
        item, lone = scrubbed(obj)
    except RecursionError:  # a value nested deeper than any reference needs
        return {"type": "document", "custom": {"unreadable": True}}, [
            make("F005", "the item is nested too deeply to read; its values were left out")
        ]
    diags = check_item(item)
    if lone:
        diags.append(make("E006", f"{lone} unpaired surrogate code point(s) replaced by U+FFFD"))
    bad = {d.field for d in diags if d.code in ("F002", "F005") and d.field}
    out: CslItem = {}
    custom: dict[str, Any] = {}
    for key, value in item.items():
        if key == "custom":
            if isinstance(value, Mapping):
                custom = {**dict(value), **custom}
            else:
                custom["custom"] = value
        elif key in bad:
            custom[key] = value
        else:
            out[key] = value
    if custom:
        out["custom"] = custom
    if not (isinstance(out.get("type"), str) and out["type"] in ITEM_TYPES):
        out["type"] = "document"  # the F004 message names the type it had
    return out, diags
