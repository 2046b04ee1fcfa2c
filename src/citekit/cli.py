"""The ``citekit`` command line.  Tests call :func:`main` with an argv list.

Exit codes: 0 clean, 1 diagnostics at or above ``--fail-on`` were found, 2 usage error,
unreadable input or unknown style (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Any, Sequence, TextIO

from . import __version__
from .errors import CitekitError, InputError, UsageError
from .model import Reference, Severity
from .pipeline import STANDARDS, Config, run_stages, references_from_text

__all__ = ["main", "entry"]

_FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}
_PROGRESS_MIN = 200  # references before progress is shown on a terminal


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one clear line, exit 2
        raise UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="citekit", description="Parse, check and format reference lists.")
    parser.add_argument("--version", action="version", version=f"citekit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", nargs="?", default="-", metavar="FILE",
                       help="input file, or - for standard input (default)")
        p.add_argument("--lines", action="store_true",
                       help="every line is one reference (no segmentation)")
        p.add_argument("--standard", default="gbt7714-2015", choices=STANDARDS,
                       help="edition the checks follow (default: gbt7714-2015)")
        p.add_argument("--fail-on", default="error", choices=list(_FAIL_ON),
                       help="exit 1 when diagnostics of this severity or worse are found")

    p = sub.add_parser("parse", help="parse references into CSL-JSON records")
    common(p)
    p.add_argument("-f", "--format", dest="fmt", default="jsonl", choices=["jsonl", "csl-json"])

    p = sub.add_parser("check", help="report problems in references")
    common(p)
    p.add_argument("-f", "--format", dest="fmt", default="text", choices=["text", "json", "jsonl"])

    p = sub.add_parser("format", help="render references in a CSL style")
    common(p)
    p.add_argument("--style", required=True,
                   help="style id (e.g. gbt7714-2015-numeric), or a path to a .csl file")
    p.add_argument("-f", "--format", dest="fmt", default="text", choices=["text", "html", "jsonl"])
    return parser


# --- input ---------------------------------------------------------------------------------


def _read_bytes(path: str, stdin: IO[Any]) -> bytes:
    if path == "-":
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except IsADirectoryError:
        raise InputError(f"cannot read '{path}': it is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read '{path}': {exc.strerror or exc}") from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (Chinese Windows exports); else an error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    raise InputError(
        f"cannot read '{name}': not UTF-8 or GB18030 text "
        f"(invalid byte at offset {utf8_error.start})"
    )


def _display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _progress(refs: list[Reference], config: Config, stderr: TextIO) -> list[Reference]:
    show = len(refs) >= _PROGRESS_MIN and stderr.isatty()
    out = []
    for i, ref in enumerate(refs, start=1):
        out.append(run_stages(ref, config))
        if show and (i % 100 == 0 or i == len(refs)):
            stderr.write(f"\rcitekit: {i}/{len(refs)} references")
            stderr.flush()
    if show:
        stderr.write("\n")
    return out


def _load_references(args: argparse.Namespace, stdin: IO[Any], stderr: TextIO) -> list[Reference]:
    name = _display_name(args.file)
    text = decode_text(_read_bytes(args.file, stdin), name)
    config = Config(standard=args.standard, lines=args.lines)
    return _progress(references_from_text(text, lines=args.lines), config, stderr)


def _exit_code(refs: Sequence[Reference], fail_on: str) -> int:
    threshold = _FAIL_ON[fail_on]
    if threshold is None:
        return 0
    for ref in refs:
        for d in ref.diagnostics:
            if d.severity.rank >= threshold.rank:
                return 1
    return 0


# --- commands ------------------------------------------------------------------------------


def _cmd_parse(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .report import write_jsonl

    refs = _load_references(args, stdin, stderr)
    if args.fmt == "csl-json":
        json.dump([r.item for r in refs], stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        write_jsonl(refs, stdout)
    return _exit_code(refs, args.fail_on)


def _cmd_check(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .report import summary, text_lines, write_json, write_jsonl

    refs = _load_references(args, stdin, stderr)
    if args.fmt == "json":
        write_json(refs, stdout)
    elif args.fmt == "jsonl":
        write_jsonl(refs, stdout)
    else:
        for line in text_lines(refs, _display_name(args.file)):
            stdout.write(line + "\n")
        stdout.write(summary(refs) + "\n")
    return _exit_code(refs, args.fail_on)


def _load_csl_json(args: argparse.Namespace, stdin: IO[Any]) -> list[dict[str, Any]]:
    name = _display_name(args.file)
    text = decode_text(_read_bytes(args.file, stdin), name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"cannot read '{name}': not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise InputError(f"cannot read '{name}': expected a CSL-JSON array of items")
    items = []
    for i, item in enumerate(data, start=1):
        item = dict(item)
        item.setdefault("id", f"item-{i}")
        item.setdefault("type", "document")
        items.append(item)
    return items


def _cmd_format(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .renderer import render_bibliography, resolve_style
    from .report import summary, text_lines

    resolve_style(args.style)  # an unknown style fails before any work is done
    refs: list[Reference] = []
    if args.file.lower().endswith(".json"):
        items = _load_csl_json(args, stdin)
    else:
        refs = _load_references(args, stdin, stderr)
        items = [r.item for r in refs]
    entries = render_bibliography(items, args.style, output="html" if args.fmt == "html" else "text")
    if args.fmt == "jsonl":
        for e in entries:
            stdout.write(json.dumps({"id": e.id, "text": e.text, "html": e.html}, ensure_ascii=False) + "\n")
    elif args.fmt == "html":
        stdout.write('<div class="csl-bib-body">\n')
        for e in entries:
            stdout.write(f'  <div class="csl-entry">{e.html}</div>\n')
        stdout.write("</div>\n")
    else:
        for e in entries:
            stdout.write(e.text + "\n")
    if any(r.diagnostics for r in refs):  # the editor sees the problems beside the list
        for line in text_lines(refs, _display_name(args.file)):
            stderr.write(line + "\n")
        stderr.write(summary(refs) + "\n")
    return _exit_code(refs, args.fail_on)


_COMMANDS = {"parse": _cmd_parse, "check": _cmd_check, "format": _cmd_format}


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: IO[Any] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    parser = _build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
        if not args.command:
            parser.print_help(stdout)
            return 2
        return _COMMANDS[args.command](args, stdin, stdout, stderr)
    except CitekitError as exc:
        stderr.write(f"citekit: error: {exc}\n")
        return 2
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:  # e.g. `citekit parse big.txt | head`
        return 0
    except KeyboardInterrupt:
        stderr.write("citekit: interrupted\n")
        return 130


def entry() -> None:
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.exit(main())
