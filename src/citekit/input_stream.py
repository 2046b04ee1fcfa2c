"""Input read as a stream: the first block decides the encoding, the rest follows in chunks.

An input that fits in the first block is decoded exactly as :func:`citekit.inputs.read_text`
does.  A longer one is read in chunks with the encoding the first block showed (its
newline-ended part: a newline byte is never inside a multi-byte character of UTF-8 or
GB18030); a byte that is not of that encoding further on stops the run with InputError.
"""

from __future__ import annotations

import codecs
from typing import IO, Any, Iterable, Iterator

import regex

from .errors import InputError
from .formats.encoding import decode
from .inputs import display_name

__all__ = ["HEAD", "StreamedInput", "open_input", "split_lines_stream"]

HEAD = 1 << 20  # bytes read before the encoding is decided
_CHUNK = 1 << 16
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class StreamedInput:
    """``head``: the decoded text of the first block; ``rest()``: the text after it, in
    chunks (nothing when ``whole``)."""

    def __init__(self, head: str, rest: Iterator[str] | None) -> None:
        self.head = head
        self.whole = rest is None
        self._rest = rest

    def rest(self) -> Iterator[str]:
        return self._rest or iter(())

    def text(self) -> str:
        """The whole input (read to the end: for the readers that need all of it)."""
        return self.head + "".join(self.rest())

    def chunks(self) -> Iterator[str]:
        yield self.head
        yield from self.rest()


def open_input(path: str, stdin: IO[Any], head: int = HEAD) -> StreamedInput:
    """The input ``path`` (``-``: standard input) as a :class:`StreamedInput`."""
    name = display_name(path)
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


def _read(fh: IO[Any], size: int) -> bytes:
    data = fh.read(size)
    return data.encode("utf-8") if isinstance(data, str) else data


def _streamed(fh: IO[Any], name: str, head: int, *, close: bool) -> StreamedInput:
    try:
        data = _read(fh, head)
        more = _read(fh, _CHUNK) if data else b""
        # a head that ends inside a line (or a line longer than the head): read to a newline
        while more and b"\n" not in more and len(data) < 64 * head:
            data += more
            more = _read(fh, _CHUNK)
    except OSError as exc:
        if close:
            fh.close()
        raise InputError(f"cannot read '{name}': {exc.strerror or exc}") from None
    if not more:
        if close:
            fh.close()
        try:
            return StreamedInput(decode(data), None)
        except InputError as exc:
            raise InputError(f"cannot read '{name}': {exc}") from None
    data += more
    cut = data.rfind(b"\n") + 1 or len(data)
    first, tail = data[:cut], data[cut:]
    codec = _codec(first)
    try:
        text = decode(first, codec)
    except InputError as exc:
        if close:
            fh.close()
        raise InputError(f"cannot read '{name}': {exc}") from None
    return StreamedInput(text, _rest(fh, tail, codec, name, close))


def _codec(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return "utf-8-sig" if codec == "utf-8" else codec
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        decode(data)  # InputError when it is not plausible GB18030 either
        return "gb18030"


def _rest(fh: IO[Any], tail: bytes, codec: str, name: str, close: bool) -> Iterator[str]:
    # the BOM, if any, was in the head: the rest is plain
    decoder = codecs.getincrementaldecoder("utf-8" if codec == "utf-8-sig" else codec)("strict")
    offset = 0
    try:
        data = tail
        while True:
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"cannot read '{name}': not valid {codec} (byte {offset + exc.start} of the "
                    "rest of the input, after the first block)"
                ) from None
            if text:
                yield text
            if not data:
                return
            offset += len(data)
            data = _read(fh, _CHUNK)
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
        yield pending[:-1] if pending.endswith("\r") else pending
