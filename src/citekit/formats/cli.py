"""``citekit convert FILE|- [--from FMT] --to FMT [-o OUT]``.

The lead wires this into ``citekit.cli``: ``add_convert_arguments`` on the ``convert``
sub-parser, ``run_convert`` as its handler.  Exit status: 0 converted cleanly (warnings are
printed but do not fail), 1 some entry could not be read (error diagnostics), 2 the input could
not be read at all or a format is unknown (one line on standard error).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import CitekitError
from ..model import Reference, Severity
from ..report import location
from . import FORMATS, decode, read, sniff, write

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
    try:
        if args.input == "-":
            data = stdin.read()
            name = None
            if isinstance(data, str):
                text = data
            else:
                text = decode(data, getattr(args, "encoding", None))
        else:
            path = Path(args.input)
            try:
                raw = path.read_bytes()
            except OSError as exc:
                print(
                    f"citekit convert: cannot read {args.input}: {exc.strerror or exc}", file=stderr
                )
                return 2
            text = decode(raw, getattr(args, "encoding", None))
            name = path.name
        fmt = args.from_format or sniff(text, name) or "text"
        if not text.strip():
            print(
                f"citekit convert: {args.input} is empty: there is nothing to convert", file=stderr
            )
            return 2
        refs = _parse_text(text) if fmt == "text" else read(text, fmt)
        out, write_diags = write([r.item for r in refs if r.item], args.to_format)
    except CitekitError as exc:
        print(f"citekit convert: {exc}", file=stderr)
        return 2

    status = 0
    quiet = getattr(args, "quiet", False)
    for ref in refs:
        for d in ref.diagnostics:
            if d.severity is Severity.ERROR:
                status = 1
            if d.severity is Severity.ERROR or not quiet:
                line, col = location(ref.raw, ref.line or 1, d.span.start if d.span else 0)
                print(
                    f"{args.input}:{line}:{col}: {d.severity.value} {d.code} [{ref.id}] "
                    f"{d.message}",
                    file=stderr,
                )
    if not quiet:
        for d in write_diags:
            print(f"{args.to_format}: {d.severity.value} {d.code} {d.message}", file=stderr)

    if args.output:
        try:
            Path(args.output).write_text(out, encoding="utf-8")
        except OSError as exc:
            print(
                f"citekit convert: cannot write {args.output}: {exc.strerror or exc}", file=stderr
            )
            return 2
    else:
        stdout.write(out)
    return status


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
