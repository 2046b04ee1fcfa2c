"""Input read as a stream: the first block decides the encoding, the rest follows in chunks.

A file that fits in the first block (:data:`HEAD`) is decoded exactly as
:func:`citekit.inputs.read_text` does.  A longer file, or a pipe (read as its bytes come, so
that output can start before the input ends), is read in chunks with the encoding its first
block showed (judged on whole lines: a newline byte is never inside a multi-byte character of
UTF-8 or GB18030); a byte that is not of that encoding further on stops the run with
InputError.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
from collections.abc import Iterable, Iterator
from typing import IO, Any

import regex

from .errors import InputError
from .formats.encoding import _BOMS, decode  # the byte-order marks, known there
from .inputs import display_name

__all__ = ["HEAD", "StreamedInput", "open_input", "split_lines_stream"]

HEAD = 1 << 20  # bytes read before the encoding is decided
_CHUNK = 1 << 16


class StreamedInput:
    """``head``: the decoded text of the first block; ``rest()``: the text after it, in
    chunks (nothing when ``whole``)."""

    def __init__(self, head: str, rest: Iterator[str] | None) -> None:
        self.whole = rest is None
        self._rest = rest
        if rest is not None and not head:  # the first decoded text is the head
            head = next(rest, "")
        self.head = head

    def rest(self) -> Iterator[str]:
        return self._rest or iter(())

    def text(self) -> str:
        """The whole input (read to the end: for the readers that need all of it)."""
        return self.head + "".join(self.rest())

    def chunks(self) -> Iterator[str]:
        yield self.head
        yield from self.rest()


def open_input(path: str, stdin: IO[Any], head: int | None = None) -> StreamedInput:
    """The input ``path`` (``-``: standard input) as a :class:`StreamedInput`; ``head`` bytes
    (default :data:`HEAD`) decide the encoding."""
    name = display_name(path)
    head = head or HEAD
    if path == "-":
        fh: IO[bytes] = getattr(stdin, "buffer", stdin)
        return _streamed(fh, name, head, close=False)
    try:
        fh = open(path, "rb")
    except IsADirectoryError:
        raise InputError(f"cannot read '{path}': it is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read '{path}': {exc.strerror or exc}") from None
    return _streamed(fh, name, head, close=True)


def _reader(fh: IO[Any]) -> Any:
    """``read(n)`` that returns what is there (a pipe's available bytes) rather than wait."""
    read = getattr(fh, "read1", None) or fh.read

    def read_bytes(size: int) -> bytes:
        data = read(size)
        return data.encode("utf-8") if isinstance(data, str) else data

    return read_bytes


def _seekable_end(fh: IO[Any]) -> bool:
    """Can the end be looked for without waiting (a file, a buffer), unlike a pipe?"""
    try:
        return stat.S_ISREG(os.fstat(fh.fileno()).st_mode)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return True  # an in-memory stream


def _streamed(fh: IO[Any], name: str, head: int, *, close: bool) -> StreamedInput:
    read = _reader(fh)
    try:
        data = read(head)
        # an input that fits in the head is decoded as a whole, as read_text does
        ends = not data or (_seekable_end(fh) and not (more := read(_CHUNK)))
        if not ends and _seekable_end(fh):
            data += more
        # the head holds at least one whole line (a line longer than the head is read on)
        while not ends and b"\n" not in data and len(data) < 64 * head:
            more = read(_CHUNK)
            ends = not more
            data += more
    except OSError as exc:
        if close:
            fh.close()
        raise InputError(f"cannot read '{name}': {exc.strerror or exc}") from None
    if ends:
        if close:
            fh.close()
        try:
            return StreamedInput(decode(data), None)
        except InputError as exc:
            raise InputError(f"cannot read '{name}': {exc}") from None
    try:
        codec, data = _codec(data)
    except InputError as exc:
        if close:
            fh.close()
        raise InputError(f"cannot read '{name}': {exc}") from None
    decoder = codecs.getincrementaldecoder(codec)("strict")
    return StreamedInput("", _rest(read, fh, data, decoder, codec, name, close))


def _codec(data: bytes) -> tuple[str, bytes]:
    """The codec of an input that starts with ``data``, and ``data`` without its BOM."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, data[len(bom) :]
    lines = data[: data.rfind(b"\n") + 1] or data  # whole characters: a newline ends none
    try:
        lines.decode("utf-8")
        return "utf-8", data
    except UnicodeDecodeError:
        decode(lines)  # InputError when it is not plausible GB18030 either
        return "gb18030", data


def _rest(
    read: Any, fh: IO[Any], data: bytes, decoder: Any, codec: str, name: str, close: bool
) -> Iterator[str]:
    offset = 0
    try:
        while True:
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"cannot read '{name}': not valid {codec} (byte {offset + exc.start})"
                ) from None
            if text:
                yield text
            if not data:
                return
            offset += len(data)
            data = read(_CHUNK)
    finally:
        if close:
            fh.close()


_NEWLINE = regex.compile(r"\r\n|\r|\n")


def split_lines_stream(chunks: Iterable[str]) -> Iterator[str]:
    """The lines of the concatenated ``chunks``, as :func:`citekit.segment.split_lines` splits
    their whole text (CR, LF and CRLF end a line; the last line needs no terminator)."""
    pending = ""
    for chunk in chunks:
        if not chunk:
            continue
        text = pending + chunk
        pos = 0
        for m in _NEWLINE.finditer(text):
            if m.end() == len(text) and m.group() == "\r":
                break  # a CR at the end may be the first half of a CRLF
            yield text[pos : m.start()]
            pos = m.end()
        pending = text[pos:]
    if pending:
        yield pending.removesuffix("\r")
