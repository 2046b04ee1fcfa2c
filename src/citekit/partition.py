"""Partition functions for data engines (Spark, Dask, Ray): plain ``Iterable -> Iterator``.

Nothing here imports an engine: :func:`parse_partition` and :func:`check_partition` take the
rows of one partition (reference strings, or ``(id, raw)`` pairs) and yield one flat record a
row, in order, whatever the row holds (``None``, empty, junk): N rows in, N records out.  The
parser's model is loaded once per process, on the first row, and kept.

A record: ``id``, ``raw`` (the row, ``None`` kept), ``item`` (the CSL-JSON item as a JSON
string), ``language``, ``confidence`` and ``diagnostics`` (dicts of ``code``, ``severity``,
``message``, ``start``, ``end``, ``field``).  The item, language and confidence are those of
``citekit parse --lines`` for the same string.

With Dask (a partition's result must be a list there, to travel between processes)::

    import dask.bag as db
    from citekit.partition import parse_partition
    records = db.read_text("refs-*.txt").map_partitions(lambda rows: list(parse_partition(rows)))
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Reference
from .pipeline import DEFAULT_STAGES, PARSE_STAGES, Config, line_references, run_stages_many

__all__ = ["check_partition", "parse_partition", "record"]

Row = Any  # a reference string, None, or an (id, raw) pair


def parse_partition(
    rows: Iterable[Row], standard: str = "gbt7714-2015"
) -> Iterator[dict[str, Any]]:
    """Parse every row of a partition (see the module's docstring for the records)."""
    return _run(rows, Config(standard=standard, lines=True), PARSE_STAGES)


def check_partition(
    rows: Iterable[Row], standard: str = "gbt7714-2015"
) -> Iterator[dict[str, Any]]:
    """Parse and check every row (per-reference rules; the list-level rules need a list)."""
    return _run(rows, Config(standard=standard, lines=True), DEFAULT_STAGES)


def _run(rows: Iterable[Row], config: Config, stages: Any) -> Iterator[dict[str, Any]]:
    queued: deque[tuple[Any, bool]] = deque()  # (id, row is None) of the rows read, not yet out

    def strings() -> Iterator[str]:
        for row in rows:
            if isinstance(row, (tuple, list)) and len(row) == 2:
                row_id, raw = row
            else:
                row_id, raw = None, row
            queued.append((row_id, raw is None))
            yield _text(raw)

    for ref in run_stages_many(line_references(strings()), config, stages):
        row_id, missing = queued.popleft()  # results come in row order
        yield record(ref, ref.id if row_id is None else str(row_id), None if missing else ref.raw)


def _text(raw: Any) -> str:
    """The reference string of a row: bytes are read as UTF-8 (bad bytes replaced), a line
    terminator at the end (a line of a text file) is dropped, as process_iter does."""
    if raw is None:
        return ""
    if isinstance(raw, (bytes, bytearray, memoryview)):
        raw = bytes(raw).decode("utf-8", "replace")
    elif not isinstance(raw, str):
        raw = str(raw)
    if raw.endswith("\n"):
        raw = raw[:-2] if raw.endswith("\r\n") else raw[:-1]
    return raw


def record(ref: Reference, id: str, raw: str | None) -> dict[str, Any]:
    """The flat record of a reference, for a table."""
    return {
        "id": id,
        "raw": raw,
        "item": json.dumps({**ref.item, "id": id}, ensure_ascii=False),
        "language": ref.language,
        "confidence": float(ref.confidence),
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "message": d.message,
                "start": d.span.start if d.span is not None else None,
                "end": d.span.end if d.span is not None else None,
                "field": d.field,
            }
            for d in ref.diagnostics
        ],
    }
