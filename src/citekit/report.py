"""Encoders for diagnostics: human text with a caret under the span, JSON, JSON Lines."""

from __future__ import annotations

import codecs
import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from .model import Diagnostic, Reference, Severity, location

__all__ = [
    "Tally",
    "csl_items_bytes",
    "display_width",
    "jsonl_bytes",
    "location",
    "summary",
    "text_lines",
    "write_bytes",
    "write_json",
    "write_json_array",
    "write_jsonl",
]

_WINDOW = 60  # display columns of context shown on each side of a long line


def display_width(text: str) -> int:
    """Terminal columns of ``text``: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _caret(raw: str, diag: Diagnostic) -> list[str]:
    span = diag.span
    if span is None:
        return []
    line_start = raw.rfind("\n", 0, span.start) + 1
    line_end = raw.find("\n", span.start)
    if line_end == -1:
        line_end = len(raw)
    line = raw[line_start:line_end]
    col = span.start - line_start
    end = min(span.end, line_end) - line_start
    # Keep long lines readable: a window around the span.
    lo = max(0, col - _WINDOW)
    hi = min(len(line), max(end, col + 1) + _WINDOW)
    shown = line[lo:hi]
    shown = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in shown)
    prefix = "…" if lo else ""
    suffix = "…" if hi < len(line) else ""
    pad = display_width(prefix + shown[: col - lo])
    marks = max(1, display_width(shown[col - lo : end - lo]))
    return [f"  {prefix}{shown}{suffix}", "  " + " " * pad + "^" * marks]


def text_lines(
    refs: Iterable[Reference], filename: str, *, number_offset: int = 0, lang: str = "en"
) -> Iterator[str]:
    """``file:line:col: [label] CODE [severity] message`` lines, each followed by the text and a
    caret line.  The line and column are the input file's (the reference's first line when the
    input gave none, e.g. an exchange format's record number); ``[label]`` is the number the list
    gave the reference."""
    from .messages import fix_description, severity_word, word

    for index, ref in enumerate(refs, start=1 + number_offset):
        first_line = ref.line or index
        name = f"[{ref.label}] " if ref.label else ""
        for diag in ref.diagnostics:
            line, col = location(ref.raw, first_line, diag.span.start if diag.span else 0)
            yield (
                f"{filename}:{line}:{col}: {name}{diag.code} "
                f"[{severity_word(diag.severity, lang)}] {diag.message}"
            )
            yield from _caret(ref.raw, diag)
            if diag.fix is not None:
                how = word(diag.fix.applicability.value, lang)
                what = fix_description(diag.fix, ref.raw, lang)
                if lang.startswith("zh"):
                    yield f"  {word('fix', lang)}（{how}）：{what}"
                else:
                    yield f"  fix ({how}): {what}"


class Tally:
    """Counts the references that pass through :meth:`count` and their diagnostics by
    severity, for the summary line and the exit status of a stream that is not kept."""

    def __init__(self) -> None:
        self.references = 0
        self.counts = {s: 0 for s in Severity}

    def count(self, refs: Iterable[Reference]) -> Iterator[Reference]:
        counts = self.counts
        for ref in refs:
            self.references += 1
            for d in ref.diagnostics:
                counts[d.severity] += 1
            yield ref

    def add_counts(self, references: int, counts: Sequence[int]) -> None:
        """References counted elsewhere (by a worker process): how many, and their
        diagnostics by severity in the order of ``Severity``."""
        self.references += references
        for severity, n in zip(Severity, counts, strict=True):
            self.counts[severity] += n

    def add(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Diagnostics outside the references (the article text's) for :meth:`reaches`."""
        for d in diagnostics:
            self.counts[d.severity] += 1

    def reaches(self, threshold: Severity | None) -> bool:
        """Was a diagnostic of ``threshold`` or worse counted?"""
        if threshold is None:
            return False
        return any(n and s.rank >= threshold.rank for s, n in self.counts.items())

    def summary(self, lang: str = "en") -> str:
        from .messages import summary_line

        return summary_line(self.references, self.counts, lang)


def summary(refs: Iterable[Reference]) -> str:
    tally = Tally()
    for _ in tally.count(refs):
        pass
    return tally.summary()


def write_jsonl(refs: Iterable[Reference], out: TextIO) -> None:
    """One ``Reference.to_json()`` a line, as ``json.dumps(..., ensure_ascii=False)`` writes it."""
    # One encoder for the whole list (json.dumps with options builds one per call), written in
    # blocks; the first block is written (and flushed) at once, so a stream shows progress.
    encode = _encoder()
    _write_blocks((_jsonl_line(ref, encode) + "\n" for ref in refs), out)


def jsonl_bytes(refs: Iterable[Reference]) -> bytes:
    """What :func:`write_jsonl` writes for ``refs``, as UTF-8 (a worker process's output)."""
    encode = _encoder()
    return "".join([_jsonl_line(ref, encode) + "\n" for ref in refs]).encode("utf-8")


def csl_items_bytes(refs: Iterable[Reference]) -> bytes:
    """The items of ``refs`` as elements of :func:`write_json_array`'s array (indented, joined
    by ``,\n  ``; without the brackets), as UTF-8 (a worker process's output)."""
    return ",\n  ".join([_element(ref.item) for ref in refs]).encode("utf-8")


def write_bytes(
    pieces: Iterable[bytes],
    out: TextIO,
    *,
    separator: bytes = b"",
    brackets: tuple[bytes, bytes, bytes] | None = None,
) -> None:
    """Write UTF-8 ``pieces`` (joined by ``separator``) to the text stream ``out``: straight
    to its byte buffer when it has a UTF-8 one, else decoded.  ``brackets``: the opening and
    closing written around them, and what is written instead when there are none.  The first
    piece is flushed at once, so a stream shows progress."""
    buffer = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if buffer is not None and encoding and codecs.lookup(encoding).name == "utf-8":
        out.flush()  # what the text layer holds goes first
        write, flush = buffer.write, buffer.flush
    else:
        write, flush = (lambda data: out.write(data.decode("utf-8"))), out.flush
    first = True
    for piece in pieces:
        if first:
            write(brackets[0] if brackets else b"")
        else:
            write(separator)
        write(piece)
        if first:
            try:
                flush()
            except (AttributeError, ValueError):
                pass
            first = False
    if brackets:
        write(brackets[2] if first else brackets[1])


def _write_blocks(pieces: Iterable[str], out: TextIO, size: int = 500) -> None:
    """Write ``pieces`` in blocks of ``size``, flushing after the first."""
    block: list[str] = []
    first = True
    for piece in pieces:
        block.append(piece)
        if len(block) == size or first:
            out.write("".join(block))
            block = []
            if first:
                _flush(out)
                first = False
    if block:
        out.write("".join(block))


def _flush(out: TextIO) -> None:
    try:
        out.flush()
    except (AttributeError, ValueError):  # a closed or flushless stream: nothing to push
        pass


def _encoder():
    """``JSONEncoder(ensure_ascii=False, check_circular=False).encode``; with the C encoder, made
    once and reused (``encode`` builds a new one, and a closure, on every call)."""
    encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False)
    make = json.encoder.c_make_encoder
    if make is None:  # pragma: no cover  (no C accelerator)
        return encoder.encode
    # without circular checks (markers None) the C encoder keeps no state between calls
    iterencode = make(
        None,
        encoder.default,
        _encode_str,
        None,
        encoder.key_separator,
        encoder.item_separator,
        False,
        False,
        True,
    )
    join = "".join

    def encode(o: object) -> str:
        if isinstance(o, str):
            return _encode_str(o)
        return join(iterencode(o, 0))

    return encode


_KEY_JSON: dict[str, str] = {}  # field name -> its JSON string
_FIELD_JSON: dict[tuple[str, float], tuple[str, str, str]] = {}  # (name, confidence) -> JSON pieces
_CONF_JSON: dict[float, str] = {}  # confidence -> its rounded value in JSON (few distinct values)


def _jsonl_line(ref: Reference, encode) -> str:
    """``encode(ref.to_json())``, with the field evidence written directly: it is most of a
    record's keys and numbers, and the C encoder would get it as a dict of dicts built for it."""
    fields = []
    for name, ev in ref.fields.items():
        c = ev.confidence
        span = ev.span
        # the text around the span for this field name and confidence (few distinct pairs)
        parts = _FIELD_JSON.get((name, c)) if type(name) is str and type(c) is float and c else None
        if parts is None:
            key = _KEY_JSON.get(name) if type(name) is str else None
            if key is None:
                key = encode(name)
                if type(name) is str and len(_KEY_JSON) < 1000:
                    _KEY_JSON[name] = key
            conf = _confidence(c, encode)
            parts = (
                f'{key}: {{"span": [',
                f'], "confidence": {conf}}}',
                f'{key}: {{"span": null, "confidence": {conf}}}',
            )
            if type(name) is str and type(c) is float and c and len(_FIELD_JSON) < 100_000:
                _FIELD_JSON[(name, c)] = parts
        # an empty span is none (Span.__len__), as in FieldEvidence.to_json; compared here
        # without calling __len__ (a Python method) for every field
        if span is not None and span.end != span.start:
            fields.append(f"{parts[0]}{span.start:d}, {span.end:d}{parts[1]}")
        else:
            fields.append(parts[2])
    located = ref.diagnostic_json
    diagnostics = encode([located(d) for d in ref.diagnostics]) if ref.diagnostics else "[]"
    conf = _confidence(ref.confidence, encode)
    return (
        f'{{"id": {_string(ref.id, encode)}, "raw": {_string(ref.raw, encode)}, '
        f'"label": {_string(ref.label, encode)}, "line": {_line(ref.line)}, '
        f'"item": {encode(ref.item)}, '
        f'"language": {_string(ref.language, encode)}, "confidence": {conf}, '
        f'"fields": {{{", ".join(fields)}}}, "diagnostics": {diagnostics}}}'
    )


def _line(line: int | None) -> str:
    return "null" if line is None else str(int(line))


def _confidence(c: object, encode) -> str:
    """A confidence rounded to 4 places, in JSON (cached: few distinct values)."""
    conf = _CONF_JSON.get(c) if type(c) is float else None
    if conf is None:
        conf = encode(round(c, 4))  # type: ignore[call-overload]
        if type(c) is float and c and len(_CONF_JSON) < 100_000:  # (0.0 and -0.0 are one key)
            _CONF_JSON[c] = conf
    return conf


def _string(value: object, encode) -> str:
    if type(value) is str:
        return _encode_str(value)
    if value is None:  # most labels (and some languages): not worth the encoder's call
        return "null"
    return encode(value)


_encode_str = (
    json.encoder.encode_basestring
)  # what the encoder uses for strings with ensure_ascii=False


def write_json(refs: Iterable[Reference], out: TextIO) -> None:
    """A JSON array of ``Reference.to_json()``, written as the references come."""
    write_json_array((ref.to_json() for ref in refs), out)


def write_json_array(values: Iterable[object], out: TextIO) -> None:
    """``json.dump(list(values), out, ensure_ascii=False, indent=2)`` and a newline, byte for
    byte, written value by value (the list is never built)."""

    def pieces() -> Iterator[str]:
        opening = "[\n  "
        for value in values:
            yield opening + _element(value)
            opening = ",\n  "
        yield "[]\n" if opening == "[\n  " else "\n]\n"

    _write_blocks(pieces(), out, size=100)


def _element(value: object) -> str:
    """``value`` as an element of an array that ``json.dump(indent=2)`` writes, without the
    indent of its first line."""
    # a value at depth 1 is its own indented dump, shifted by one level (JSON strings hold no
    # raw newline, so every newline is the encoder's)
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
