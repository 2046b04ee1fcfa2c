"""``citekit convert FILE|- [--from FMT] --to FMT [-o OUT]``.

The lead wires this into ``citekit.cli``: ``add_convert_arguments`` on the ``convert``
sub-parser, ``run_convert`` as its handler.  Exit status: 0 converted cleanly (warnings are
printed but do not fail), 1 some entry could not be read (error diagnostics), 2 the input could
not be read at all or a format is unknown (one line on standard error).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..errors import CitekitError, InputError
from ..input_stream import open_input, split_lines_stream
from ..inputs import read_bytes
from ..model import Diagnostic, Reference, Severity
from ..report import location
from . import FORMATS, STREAMED, decode, read, sniff, write, write_stream

__all__ = ["add_convert_arguments", "run_convert"]


def add_convert_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="FILE", help="file to convert, or - for standard input")
    parser.add_argument(
        "--from",
        dest="from_format",
        metavar="FMT",
        choices=("text", *FORMATS),
        help="input format: text (a pasted reference list, parsed first) or "
        f"{', '.join(FORMATS)} (default: detected; a plain list is text)",
    )
    parser.add_argument(
        "--to",
        dest="to_format",
        metavar="FMT",
        choices=FORMATS,
        required=True,
        help="output format: " + ", ".join(FORMATS),
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="output file (default: standard output)"
    )
    parser.add_argument(
        "--encoding",
        metavar="CODEC",
        help="input encoding (default: UTF-8, UTF-8 with BOM or GB18030, detected)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")


def run_convert(
    args: argparse.Namespace, stdin: TextIO | BinaryIO, stdout: TextIO, stderr: TextIO
) -> int:
    """Convert, streaming where the formats allow: JSON Lines input is read line by line and
    JSON Lines or CSL-JSON output written item by item, so that memory stays flat on any size;
    other readers and writers take the whole file (see docs/scaling.md)."""
    try:
        refs = _references(args, stdin)
    except CitekitError as exc:
        print(f"citekit convert: {exc}", file=stderr)
        return 2
    quiet = getattr(args, "quiet", False)
    status = [0]

    def items() -> Iterator[dict[str, Any]]:
        for ref in refs:
            for d in ref.diagnostics:
                if d.severity is Severity.ERROR:
                    status[0] = 1
                if d.severity is Severity.ERROR or not quiet:
                    line, col = location(ref.raw, ref.line or 1, d.span.start if d.span else 0)
                    print(
                        f"{args.input}:{line}:{col}: {d.severity.value} {d.code} [{ref.id}] "
                        f"{d.message}",
                        file=stderr,
                    )
            if ref.item:
                yield ref.item

    write_diags: list[Diagnostic] = []
    try:
        if args.to_format in STREAMED:
            pieces: Iterable[str] = write_stream(items(), args.to_format, write_diags)
        else:  # the writer needs every item (a file header, keys unique over the file)
            out, write_diags = write(list(items()), args.to_format)
            pieces = (out,)
        if args.output:
            _write_file(args.output, pieces)
        else:
            for piece in pieces:
                stdout.write(piece)
    except OSError as exc:
        print(f"citekit convert: cannot write {args.output}: {exc.strerror or exc}", file=stderr)
        return 2
    except CitekitError as exc:  # a byte of another encoding further on in a streamed input
        print(f"citekit convert: {exc}", file=stderr)
        return 2
    if not quiet:
        for d in write_diags:
            print(f"{args.to_format}: {d.severity.value} {d.code} {d.message}", file=stderr)
    return status[0]


def _references(args: argparse.Namespace, stdin: TextIO | BinaryIO) -> Iterable[Reference]:
    """The input's records: streamed for JSON Lines (the encoding decided on the first block),
    a list for the formats whose readers take the whole text."""
    encoding = getattr(args, "encoding", None)
    name = None if args.input == "-" else Path(args.input).name
    if encoding:  # a named codec: the whole input, decoded with it
        text = _read_whole(args.input, stdin, encoding)
        fmt = args.from_format or sniff(text, name) or "text"
    else:
        source = open_input(args.input, stdin)
        if not source.head.strip() and source.whole:
            raise InputError(f"{args.input} is empty: there is nothing to convert")
        fmt = args.from_format or sniff(source.head, name) or "text"
        if fmt == "jsonl":
            from .csljson import iter_jsonl  # (loaded on use: start-up of the other commands)

            return iter_jsonl(split_lines_stream(source.chunks()))
        text = source.text()
    if not text.strip():
        raise InputError(f"{args.input} is empty: there is nothing to convert")
    return _parse_text(text) if fmt == "text" else read(text, fmt)


def _read_whole(path: str, stdin: TextIO | BinaryIO, encoding: str) -> str:
    if path == "-":
        data = stdin.read()  # a text stream (the API's callers) is taken as it is
        return data if isinstance(data, str) else decode(data, encoding)
    return decode(read_bytes(path, stdin), encoding)


def _write_file(path: str, pieces: Iterable[str]) -> None:
    """Write ``pieces`` to ``path`` through a temporary file beside it, so that a run stopped
    half-way leaves no half-written output."""
    import tempfile  # (loaded on use: start-up of the other commands)

    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for piece in pieces:
                fh.write(piece)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _parse_text(text: str) -> list[Reference]:
    """A pasted reference list, segmented and parsed (``convert --from text``)."""
    from ..pipeline import PARSE_STAGES, process

    return process(text, stages=PARSE_STAGES)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point until ``citekit convert`` is wired into the main CLI."""
    parser = argparse.ArgumentParser(prog="citekit convert")
    add_convert_arguments(parser)
    args = parser.parse_args(argv)
    stdin: TextIO | BinaryIO = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    return run_convert(args, stdin, sys.stdout, sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
