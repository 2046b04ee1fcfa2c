"""``check --jobs`` with the report written on the worker processes.

A worker checks its chunk of references and sends back, for each, the report's bytes for it
(a text block, a JSON Lines line or a JSON array element, messages already in the chosen
language) and a slim copy of it for the list-level rules, which run in the parent: the raw
string, label and item, without the field evidence and the diagnostics (the list rules read
neither, and they are most of what pickling a reference costs), with its duplicate keys
already computed (:func:`~citekit.validate.list_stream.list_keys`).  When a list rule finds
something on a reference, its report is written again with the new diagnostics added: the
bytes are those of the one-process report.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import NamedTuple

from ..messages import localised_message
from ..model import Diagnostic, Reference, new_reference
from ..parallel import severity_counts
from ..report import _element, _encoder, _jsonl_line, text_lines
from .list_stream import ListKeys, list_keys

__all__ = ["CHUNK_FORMATS", "CheckedChunk", "add_diagnostics", "encode_checked", "localised"]

#: the report formats written this way (SARIF and --fix go through the parent)
CHUNK_FORMATS = ("text", "json", "jsonl")


class CheckedChunk(NamedTuple):
    pieces: list[bytes]  # a reference's part of the report each
    slim: list[Reference]  # what the list rules read
    keys: list[ListKeys | None]  # the duplicate rules' keys of each
    references: int
    counts: tuple[int, ...]  # diagnostics by severity, in the order of ``Severity``


def localised(d: Diagnostic, lang: str) -> Diagnostic:
    """``d`` with its message in ``lang`` (as the report shows it)."""
    return replace(d, message=localised_message(d, lang)) if lang.startswith("zh") else d


def encode_checked(
    refs: list[Reference], start: int, *, fmt: str, lang: str, name: str
) -> CheckedChunk:
    """On the worker: the report of ``refs`` (the first numbered ``start``) in ``fmt``."""
    encode = _encoder()
    pieces = []
    for i, ref in enumerate(refs):
        if lang.startswith("zh"):
            ref = replace(ref, diagnostics=tuple(localised(d, lang) for d in ref.diagnostics))
        pieces.append(_piece(ref, start + i, fmt, name, encode, lang))
    slim = [
        new_reference(r.id, r.raw, r.item, {}, r.language, r.confidence, (), r.label, r.line)
        for r in refs
    ]
    keys = [list_keys(r) for r in slim]
    return CheckedChunk(pieces, slim, keys, len(refs), severity_counts(refs))


def _piece(ref: Reference, number: int, fmt: str, name: str, encode, lang: str) -> bytes:
    if fmt == "jsonl":
        text = _jsonl_line(ref, encode) + "\n"
    elif fmt == "json":
        text = _element(ref.to_json())
    else:
        lines = text_lines([ref], name, number_offset=number - 1, lang=lang)
        text = "".join(line + "\n" for line in lines)
    return text.encode("utf-8")


def add_diagnostics(
    piece: bytes, listed: Reference, number: int, fmt: str, lang: str, name: str
) -> bytes:
    """``piece`` (reference ``number``'s part of the report) with the diagnostics the list
    rules found, ``listed.diagnostics`` (``listed``: its slim copy after the list rules), after
    its own, as the one-process report writes them."""
    found = tuple(localised(d, lang) for d in listed.diagnostics)
    if fmt == "text":  # each diagnostic is a block of lines of its own: they follow
        more = text_lines(
            [replace(listed, diagnostics=found)], name, number_offset=number - 1, lang=lang
        )
        return piece + "".join(line + "\n" for line in more).encode("utf-8")
    record = json.loads(piece)
    record["diagnostics"] += [listed.diagnostic_json(d) for d in found]
    if fmt == "jsonl":
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    return _element(record).encode("utf-8")
