"""The ``citekit`` command line.  Tests call :func:`main` with an argv list.

Exit codes: 0 clean, 1 diagnostics at or above ``--fail-on`` were found, 2 usage error,
unreadable or empty input, no input on a terminal, or unknown style (one line on stderr).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import IO, Any, BinaryIO, TextIO, cast

from . import __version__
from .config import DEFAULT_TIME_BUDGET, STANDARDS, Config
from .errors import CitekitError, InputError, UsageError
from .formats import FORMATS, read, sniff, with_item_defaults
from .formats.cli import add_convert_arguments, run_convert
from .input_stream import open_input, split_lines_stream
from .inputs import display_name
from .model import Reference, Severity
from .parallel import Encode, encoded, resolve_jobs, run_chunks, run_lines_jobs, run_stages_jobs
from .pipeline import (
    DEFAULT_STAGES,
    PARSE_STAGES,
    line_references,
    references_from_text,
    stage_check,
)
from .report import Tally

__all__ = ["entry", "main"]

_FAIL_ON = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "never": None,
}
_INPUT_FORMATS = ("text", *FORMATS)
_PROGRESS_MIN = 200  # references before progress is shown on a terminal
_GC_THRESHOLD = {"parse": 1_000_000, "eval": 1_000_000}  # see main()


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got '{value}'")
    return jobs


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < math.inf:
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0, got '{value}'")
    return seconds


def _add_jobs(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0: one per core); the output is the same",
    )


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one clear line, exit 2
        raise UsageError(message)


# Commands that need nothing of the validator's to read their arguments: for these the validator
# (about half of the start-up time) is not imported unless a reference is checked.
_NO_VALIDATOR_ARGS = ("parse", "format", "convert", "eval", "serve", "spark", "styles")


def _build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; ``command`` (the first word of argv) lets the commands in
    ``_NO_VALIDATOR_ARGS`` skip the validator's options (their sub-parsers are not used)."""
    light = command in _NO_VALIDATOR_ARGS
    if not light:
        from .validate.cli import add_check_arguments, add_rule_arguments, add_rules_arguments
    parser = _Parser(prog="citekit", description="Parse, check and format reference lists.")
    parser.add_argument("--version", action="version", version=f"citekit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "file",
            nargs="?",
            default="-",
            metavar="FILE",
            help="input file, or - for standard input (default)",
        )
        p.add_argument(
            "--lines", action="store_true", help="every line is one reference (no segmentation)"
        )
        p.add_argument(
            "--standard",
            default="gbt7714-2015",
            choices=STANDARDS,
            help="edition the checks follow (default: gbt7714-2015)",
        )
        p.add_argument(
            "--fail-on",
            default="error",
            choices=list(_FAIL_ON),
            help="exit 1 when diagnostics of this severity or worse are found",
        )
        p.add_argument(
            "--from",
            dest="from_format",
            metavar="FMT",
            choices=_INPUT_FORMATS,
            help="input format: text (reference strings) or an exchange format "
            f"({', '.join(FORMATS)}); detected from the content by default",
        )
        p.add_argument(
            "--time-budget",
            type=_seconds,
            default=DEFAULT_TIME_BUDGET,
            metavar="SECONDS",
            help="time one reference may take; past it its remaining steps are skipped with "
            f"X002 and the rest go on (default {DEFAULT_TIME_BUDGET:g}; 0: no limit)",
        )
        _add_jobs(p)

    p = sub.add_parser("parse", help="parse references into CSL-JSON records")
    common(p)
    p.add_argument("-f", "--format", dest="fmt", default="jsonl", choices=["jsonl", "csl-json"])

    p = sub.add_parser("check", help="report problems in references")
    common(p)
    p.add_argument("-f", "--format", dest="fmt", default="text", choices=["text", "json", "jsonl"])
    if not light:
        add_check_arguments(
            p
        )  # sarif, --select/--ignore, --fix, --lang, --text, --config/--profile

    p = sub.add_parser("rules", help="list every diagnostic code")
    if not light:
        add_rules_arguments(p)
    p = sub.add_parser("rule", help="explain one diagnostic code, with a good and a bad example")
    if not light:
        add_rule_arguments(p)

    p = sub.add_parser("format", help="render references in a CSL style")
    common(p)
    p.add_argument(
        "--style",
        required=True,
        help="style id (gbt7714-2015-numeric, gbt7714-2015-author-date, ...), "
        "or a path to a .csl file",
    )
    p.add_argument("--locale", help="one locale for every entry (default: each item's language)")
    p.add_argument("-f", "--format", dest="fmt", default="text", choices=["text", "html", "jsonl"])
    p.set_defaults(standard=None)  # format: the edition of a GB/T style (see _cmd_format)

    p = sub.add_parser("styles", help="list the CSL styles --style accepts by name")
    p.add_argument(
        "--bundled", action="store_true", help="only citekit's own styles (GB/T 7714, 《》 style)"
    )

    p = sub.add_parser("convert", help="convert between reference formats")
    add_convert_arguments(p)
    _add_jobs(p)  # accepted for a uniform command line: convert parses no reference strings

    p = sub.add_parser(
        "spark",
        help="parse a large file on Apache Spark (needs citekit[spark])",
        description="Parse (or --check) a reference file on Apache Spark: text (a reference "
        "a line), JSON Lines or Parquet in; Parquet or JSON Lines out.",
    )
    if command == "spark":
        from .spark import add_arguments as add_spark_arguments

        add_spark_arguments(p)

    p = sub.add_parser("serve", help="serve the editor's page and the HTTP API (citekit[serve])")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    p = sub.add_parser(
        "eval",
        help="score the parser on labelled references (see eval --help)",
        description="Score the parser on labelled references.",
    )
    if (
        command == "eval"
    ):  # the parser package is imported only for eval itself: it costs start-up time
        from .parser.evaluate import add_arguments as add_eval_arguments

        add_eval_arguments(p)
    return parser


# --- input ---------------------------------------------------------------------------------


def _progress(refs: Iterable[Reference], stderr: TextIO, total: int | None) -> Iterator[Reference]:
    """The references, counted on a terminal (``i/total`` when the total is known)."""
    show = stderr.isatty() and (total is None or total >= _PROGRESS_MIN)
    if not show:
        yield from refs
        return
    i = 0
    for i, ref in enumerate(refs, start=1):
        yield ref
        if i % 100 == 0 or i == total:
            stderr.write(
                f"\rcitekit: {i}/{total} references" if total else f"\rcitekit: {i} references"
            )
            stderr.flush()
    stderr.write("\n")


def _load_references(
    args: argparse.Namespace,
    stdin: IO[Any],
    stderr: TextIO,
    config: Config | None = None,
    *,
    validate: bool = True,
) -> Iterator[Reference]:
    """Reference strings are parsed; exchange formats (BibTeX, RIS, ...) are read.  Both are
    then checked per reference unless ``validate`` is false (list-level rules are the caller's).

    The results stream: ``--lines`` input is read as it is processed, with ``args.jobs``
    worker processes; a pasted list (segmented) and an exchange format are read whole first
    (their readers need all of it), then processed as a stream.
    """
    if args.file == "-" and _is_terminal(stdin):  # nothing piped in: say how, do not wait
        raise UsageError(
            f"no input: give a file (citekit {args.command} refs.txt) or pipe a list in "
            f"(citekit {args.command} - < refs.txt); see citekit {args.command} --help"
        )
    source = open_input(args.file, stdin)
    if not source.head.strip() and (source.whole or not source.head):
        _empty(args.file)
    config = config or Config(
        standard=args.standard,
        lines=args.lines,
        time_budget=getattr(args, "time_budget", DEFAULT_TIME_BUDGET),
    )
    fmt = args.from_format
    if fmt is None and not args.lines:
        fmt = sniff(source.head, None if args.file == "-" else args.file)
    total: int | None = None
    jobs = getattr(args, "jobs", 1)
    if fmt in (None, "text"):
        stages = DEFAULT_STAGES if validate else PARSE_STAGES
        if args.lines:  # the lines go to the workers
            lines = split_lines_stream(source.chunks())
            out = run_lines_jobs(lines, config, stages, jobs=jobs)
            if validate and args.command != "format":  # the list's style (L012, L013)
                from .validate.rules_style import with_style_findings_streamed

                out = with_style_findings_streamed(out, config)
            return _progress(out, stderr, None)
        text = source.text()
        if not text.strip():
            _empty(args.file)
        refs: list[Reference] = references_from_text(text, lines=False)
        total = len(refs)
        # the list's style (L012, L013), read from the text before parsing; not for
        # `format`, which rewrites the list in a style anyway
        if validate and args.command != "format":
            from .validate.rules_style import style_findings, with_style_findings

            found = style_findings(refs, config)
            out = run_stages_jobs(refs, config, stages, jobs=jobs)
            return _progress(with_style_findings(out, found), stderr, total)
    else:
        stages = (("check", stage_check),) if validate else ()
        if fmt == "jsonl":  # a record a line: read as it is processed
            from .formats.csljson import iter_jsonl  # (loaded on use: start-up of a parse)

            records = iter_jsonl(split_lines_stream(source.chunks()))
            streamed = (with_item_defaults(ref) for ref in records)
            return _progress(run_stages_jobs(streamed, config, stages, jobs=jobs), stderr, None)
        refs = [with_item_defaults(ref) for ref in read(source.text(), fmt)]
        total = len(refs)
    return _progress(run_stages_jobs(refs, config, stages, jobs=jobs), stderr, total)


def _empty(path: str) -> None:
    """An empty input is a mistake (a wrong file, an empty paste), not a clean list: exit 2."""
    raise InputError(f"{display_name(path)} is empty: there is no reference to read")


def _is_terminal(stream: IO[Any]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or file-less stream
        return False


def _exit_code(tally: Tally, fail_on: str) -> int:
    return 1 if tally.reaches(_FAIL_ON[fail_on]) else 0


# --- commands ------------------------------------------------------------------------------


def _encoded_chunks(
    args: argparse.Namespace,
    stdin: IO[Any],
    stderr: TextIO,
    config: Config,
    stages: Sequence[tuple[str, Any]],
    encode: Encode,
) -> Iterator[Any] | None:
    """With ``--jobs`` above 1 on ``--lines`` text: the lines go to the worker processes and
    each chunk's results come back as ``encode`` makes them there (with a ``references``
    count).  None otherwise."""
    jobs = resolve_jobs(getattr(args, "jobs", 1))
    if jobs == 1 or not args.lines or args.from_format not in (None, "text"):
        return None
    source = open_input(args.file, stdin)
    if not source.head.strip() and (source.whole or not source.head):
        _empty(args.file)  # as with one process
    lines = split_lines_stream(source.chunks())
    chunks = run_chunks(lines, config, stages, jobs=jobs, make=line_references, encode=encode)
    if not stderr.isatty():
        return chunks

    def shown() -> Iterator[Any]:
        n = 0
        for chunk in chunks:
            yield chunk
            n += chunk.references
            stderr.write(f"\rcitekit: {n} references")
            stderr.flush()
        if n:
            stderr.write("\n")

    return shown()


def _cmd_parse(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .report import csl_items_bytes, jsonl_bytes, write_bytes, write_json_array, write_jsonl

    tally = Tally()
    config = Config(
        standard=args.standard,
        lines=args.lines,
        time_budget=getattr(args, "time_budget", DEFAULT_TIME_BUDGET),
    )
    csl = args.fmt == "csl-json"
    write = partial(encoded, write=csl_items_bytes if csl else jsonl_bytes)
    chunks = _encoded_chunks(args, stdin, stderr, config, PARSE_STAGES, write)
    if chunks is not None:

        def counted() -> Iterator[bytes]:
            for chunk in chunks:
                tally.add_counts(chunk.references, chunk.counts)
                yield chunk.data

        if csl:  # the array of write_json_array, its elements written by the workers
            brackets = (b"[\n  ", b"\n]\n", b"[]\n")
            write_bytes(counted(), stdout, separator=b",\n  ", brackets=brackets)
        else:
            write_bytes(counted(), stdout)
        return _exit_code(tally, args.fail_on)
    refs = tally.count(_load_references(args, stdin, stderr, config, validate=False))
    if args.fmt == "csl-json":
        write_json_array((r.item for r in refs), stdout)
    else:
        write_jsonl(refs, stdout)
    return _exit_code(tally, args.fail_on)


def _cmd_check(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    def load(config: Config) -> Iterator[Reference]:
        return _load_references(args, stdin, stderr, config)

    def load_chunks(config: Config, encode: Encode) -> Iterator[Any] | None:
        return _encoded_chunks(args, stdin, stderr, config, DEFAULT_STAGES, encode)

    from .validate.cli import run_check

    return run_check(args, stdin, stdout, stderr, load=load, load_chunks=load_chunks)


def _cmd_rules(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .validate.cli import cmd_rules

    return cmd_rules(args, stdin, stdout, stderr)


def _cmd_rule(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .validate.cli import cmd_rule

    return cmd_rule(args, stdin, stdout, stderr)


def _cmd_format(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .renderer import Renderer
    from .report import text_lines

    # An unknown style fails here, before any work is done.
    renderer = Renderer(args.style, locale=args.locale, per_item_locale=args.locale is None)
    if args.standard is None:  # a 2025 style checks its input with the 2025 rules
        style = str(args.style)
        args.standard = "gbt7714-2025" if "gbt7714-2025" in style else "gbt7714-2015"
    tally = Tally()
    # CSL sorting and disambiguation need every item: the items are kept (not the records),
    # and the editor's diagnostics go to stderr as they are found
    items: list[Any] = []
    stderr.writelines(
        line + "\n"
        for line in text_lines(
            _items_into(tally.count(_load_references(args, stdin, stderr)), items),
            display_name(args.file),
        )
    )
    entries = renderer.bibliography(items, format="html" if args.fmt == "html" else "text")
    failed = [e for e in entries if e.error]
    if args.fmt == "jsonl":
        stdout.writelines(
            json.dumps({"id": e.id, "text": e.text, "html": e.html}, ensure_ascii=False) + "\n"
            for e in entries
        )
    elif args.fmt == "html":
        stdout.write('<div class="csl-bib-body">\n')
        stdout.writelines(f'  <div class="csl-entry">{e.html}</div>\n' for e in entries)
        stdout.write("</div>\n")
    else:
        stdout.writelines(e.text + "\n" for e in entries)
    if sum(tally.counts.values()):  # the editor sees the problems beside the list
        stderr.write(tally.summary() + "\n")
    for e in failed:  # the entry was still printed, in a plain fallback form
        stderr.write(
            f"citekit: warning: {e.id} could not be rendered in {args.style}: "
            f"{e.error.message if e.error else ''}\n"
        )
    code = _exit_code(tally, args.fail_on)
    return max(code, 1) if failed and args.fail_on != "never" else code


def _cmd_styles(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .renderer.styles import STYLES_EXTRA_HINT, style_listing, styles_extra_installed

    rows = [(s, w) for s, w in style_listing() if not args.bundled or w.startswith("bundled")]
    width = min(50, max((len(s) for s, _ in rows), default=0))
    stdout.writelines(f"{s:<{width}}  {w}\n" for s, w in rows)
    stdout.write(f"{len(rows)} styles\n")
    if not styles_extra_installed():
        stderr.write(f"citekit: {STYLES_EXTRA_HINT}\n")
    return 0


def _items_into(refs: Iterable[Reference], items: list[Any]) -> Iterator[Reference]:
    for ref in refs:
        items.append(ref.item)
        yield ref


def _cmd_convert(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    return run_convert(
        args, cast("TextIO | BinaryIO", getattr(stdin, "buffer", stdin)), stdout, stderr
    )


def _cmd_eval(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .parser.evaluate import run as eval_run

    return eval_run(args, stdout)


def _cmd_serve(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .service.run import serve

    return serve(args.host, args.port, stderr)


def _cmd_spark(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .spark import run_cli

    return run_cli(args, stdout, stderr)


_COMMANDS = {
    "parse": _cmd_parse,
    "check": _cmd_check,
    "format": _cmd_format,
    "convert": _cmd_convert,
    "styles": _cmd_styles,
    "rules": _cmd_rules,
    "rule": _cmd_rule,
    "eval": _cmd_eval,
    "serve": _cmd_serve,
    "spark": _cmd_spark,
}


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
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = _build_parser(command)
    # A run allocates millions of short-lived objects but makes few reference cycles, and the
    # results it keeps grow with the input: at the default threshold the cyclic collector rescans
    # them again and again (~10% of a big parse).  Raised, not disabled: citeproc-py's objects do
    # make cycles, and a long run must stay bounded in memory.  The parser alone leaves next to no
    # cyclic garbage (a few hundred objects for 10,000 references), so for the commands that only
    # parse, a collection would only rescan the results and the feature cache (~5% of a big parse).
    threshold = gc.get_threshold()
    gc.set_threshold(_GC_THRESHOLD.get(command or "", 100_000), *threshold[1:])
    try:
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help(stdout)
            return 2
        return _COMMANDS[args.command](args, stdin, stdout, stderr)
    except CitekitError as exc:
        from .messages import error_line

        stderr.write(error_line(str(exc), _lang(argv)) + "\n")
        return 2
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:  # e.g. `citekit parse big.txt | head`
        return 0
    except KeyboardInterrupt:
        stderr.write("citekit: interrupted\n")
        return 130
    finally:
        gc.set_threshold(*threshold)


def _lang(argv: Sequence[str]) -> str:
    """The ``--lang`` of the command line (``--lang zh`` or ``--lang=zh``), read even when the
    error came before or during the parsing of the arguments."""
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return "en"


def entry() -> None:
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    code = main()
    # The process ends here: what is left (the parser's caches, ...) goes with it.  Frozen, it is
    # not rescanned by the cyclic collections that would otherwise run on the way out (the
    # threshold is back to its default): ~3% of a big parse.
    gc.freeze()
    if code == 130:  # interrupted: leave now, without the exit handlers that join the worker
        # pool's threads (one can be stuck on a pipe to a killed worker: CPython gh-94777)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)
    sys.exit(code)
