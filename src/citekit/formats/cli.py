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
from ..model import Severity
from . import FORMATS, decode, read, sniff, write

__all__ = ["add_convert_arguments", "run_convert"]


def add_convert_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="FILE", help="file to convert, or - for standard input")
    parser.add_argument(
        "--from",
        dest="from_format",
        metavar="FMT",
        choices=FORMATS,
        help="input format (default: detected from the content, then the extension)",
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
        fmt = args.from_format or sniff(text, name)
        if fmt is None:
            print(
                f"citekit convert: cannot tell the format of {args.input}; give --from "
                f"({', '.join(FORMATS)})",
                file=stderr,
            )
            return 2
        refs = read(text, fmt)
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
                where = f"line {ref.line}" if ref.line else ref.id
                print(
                    f"{args.input}:{where}: {d.severity.value} {d.code} [{ref.id}] {d.message}",
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


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point until ``citekit convert`` is wired into the main CLI."""
    parser = argparse.ArgumentParser(prog="citekit convert")
    add_convert_arguments(parser)
    args = parser.parse_args(argv)
    stdin: TextIO | BinaryIO = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    return run_convert(args, stdin, sys.stdout, sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
