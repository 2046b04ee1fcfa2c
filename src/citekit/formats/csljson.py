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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..itemcheck import CSL_VARIABLES, admit, check_item
from ..model import Diagnostic, Reference
from ._common import IdMaker, LineCounter, build_reference, failed_reference, line_of

__all__ = [
    "CSL_VARIABLES",
    "check_item",
    "iter_jsonl",
    "read",
    "read_jsonl",
    "write",
    "write_jsonl",
    "write_jsonl_pieces",
    "write_pieces",
]


def _reference(obj: Any, raw: str, index: int, ids: IdMaker, line: int | None) -> Reference:
    if not isinstance(obj, dict):
        rid, _ = ids(None, index)
        return failed_reference(
            rid, raw, f"a CSL-JSON item must be an object, not {type(obj).__name__}", line=line
        )
    item, diags = admit(obj)
    key = item.get("id")
    rid, dup = ids(str(key) if key not in (None, "") else None, index)
    if dup:
        diags.append(dup)
    return build_reference(rid, raw, item, diags, line=line)


_WS = re.compile(r"[\s,]*")
_LINE_END = re.compile(r"\r\n|\r|\n")
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
        except (ValueError, RecursionError) as exc:
            return [failed_reference("ref-1", text, f"not valid JSON: {_why(exc)}")]
        return [_reference(obj, s[pos:end], 1, IdMaker(), line_of(text, pos + offset))]
    if s[pos] != "[":
        return [failed_reference("ref-1", text, "CSL-JSON must be an array of items or one item")]
    refs: list[Reference] = []
    ids = IdMaker()
    lines = LineCounter(text)
    pos += 1
    n = 0
    while True:
        pos = _WS.match(s, pos).end()  # type: ignore[union-attr]
        if pos >= len(s) or s[pos] == "]":
            break
        n += 1
        try:
            obj, end = _DECODER.raw_decode(s, pos)
        except (ValueError, RecursionError) as exc:
            nxt = _resume(s, pos + 1)
            raw = s[pos:nxt].rstrip().rstrip(",").rstrip()
            rid, _ = ids(None, n)
            refs.append(
                failed_reference(
                    rid,
                    raw,
                    f"item is not valid JSON: {_why(exc)}",
                    line=lines.line(pos + offset),
                )
            )
            pos = nxt
            continue
        refs.append(_reference(obj, s[pos:end], n, ids, lines.line(pos + offset)))
        pos = end
    return refs


def _why(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc.args[0]) if exc.args else str(exc)


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
        except (ValueError, RecursionError):
            pos = nxt + 1
            continue
        if isinstance(obj, dict) and ("type" in obj or "id" in obj):
            return nxt
        pos = nxt + 1


def read_jsonl(text: str) -> list[Reference]:
    # Only CR and LF end a line: U+2028 and friends are legal inside a JSON string.
    return list(iter_jsonl(_LINE_END.split(text)))


def iter_jsonl(lines: Iterable[str]) -> Iterator[Reference]:
    """The records of JSON Lines given line by line (CR and LF already taken off), as they come:
    the reader behind :func:`read_jsonl` and the streamed ``--from jsonl`` input."""
    ids = IdMaker()
    n = 0
    for lineno, line in enumerate(lines, 1):
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        n += 1
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            rid, _ = ids(None, n)
            yield failed_reference(rid, line, f"line is not valid JSON: {_why(exc)}", line=lineno)
            continue
        yield _reference(obj, line, n, ids, lineno)


def write(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    """Items already admitted by :func:`citekit.formats.write` as a CSL-JSON array."""
    return "".join(write_pieces(items)), []


def write_pieces(items: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """The CSL-JSON array of ``items`` piece by piece, as they come: the same bytes as
    ``json.dumps(list(items), ensure_ascii=False, indent=2)`` and a newline, without holding
    the list (JSON escapes every newline inside a string, so indenting by lines is safe)."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + text
        first = False
    yield "[]\n" if first else "\n]\n"


def write_jsonl(items: Sequence[Mapping[str, Any]]) -> tuple[str, list[Diagnostic]]:
    """Items already admitted by :func:`citekit.formats.write`, one JSON object per line."""
    return "".join(write_jsonl_pieces(items)), []


def write_jsonl_pieces(items: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """One JSON Lines line per item, as they come."""
    # U+2028, U+2029 and U+0085 end a line for many JSON Lines readers: escape them.
    for item in items:
        yield json.dumps(item, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


_LINE_BREAKS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}
