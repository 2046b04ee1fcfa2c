"""The ``citekit`` command line.  Tests call :func:`main` with an argv list.

Exit codes: 0 clean, 1 diagnostics at or above ``--fail-on`` were found, 2 usage error,
unreadable input or unknown style (one line on stderr).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from typing import IO, Any, BinaryIO, TextIO, cast

from . import __version__
from .config import STANDARDS, Config
from .errors import CitekitError, UsageError
from .formats import FORMATS, read, sniff, with_item_defaults
from .formats.cli import add_convert_arguments, run_convert
from .inputs import display_name, read_text
from .model import Reference, Severity
from .pipeline import (
    DEFAULT_STAGES,
    PARSE_STAGES,
    references_from_text,
    run_stages_many,
    stage_check,
)

__all__ = ["main", "entry"]

_FAIL_ON = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "never": None,
}
_INPUT_FORMATS = ("text", *FORMATS)
_PROGRESS_MIN = 200  # references before progress is shown on a terminal
_GC_THRESHOLD = {"parse": 1_000_000, "eval": 1_000_000}  # see main()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one clear line, exit 2
        raise UsageError(message)


# Commands that need nothing of the validator's to read their arguments: for these the validator
# (about half of the start-up time) is not imported unless a reference is checked.
_NO_VALIDATOR_ARGS = ("parse", "format", "convert", "eval", "serve")


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

    p = sub.add_parser("convert", help="convert between reference formats")
    add_convert_arguments(p)

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


def _progress(
    refs: list[Reference], config: Config, stderr: TextIO, stages: Any = None
) -> list[Reference]:
    stages = DEFAULT_STAGES if stages is None else stages
    show = len(refs) >= _PROGRESS_MIN and stderr.isatty()
    out = []
    for i, ref in enumerate(run_stages_many(refs, config, stages), start=1):
        out.append(ref)
        if show and (i % 100 == 0 or i == len(refs)):
            stderr.write(f"\rcitekit: {i}/{len(refs)} references")
            stderr.flush()
    if show:
        stderr.write("\n")
    return out


def _load_references(
    args: argparse.Namespace,
    stdin: IO[Any],
    stderr: TextIO,
    config: Config | None = None,
    *,
    validate: bool = True,
) -> list[Reference]:
    """Reference strings are parsed; exchange formats (BibTeX, RIS, ...) are read.  Both are
    then checked per reference unless ``validate`` is false (list-level rules are the caller's)."""
    text = read_text(args.file, stdin)
    config = config or Config(standard=args.standard, lines=args.lines)
    fmt = args.from_format
    if fmt is None and not args.lines:
        fmt = sniff(text, None if args.file == "-" else args.file)
    if fmt in (None, "text"):
        stages = None if validate else PARSE_STAGES
        return _progress(references_from_text(text, lines=args.lines), config, stderr, stages)
    refs = [with_item_defaults(ref) for ref in read(text, fmt)]
    return _progress(refs, config, stderr, (("check", stage_check),) if validate else ())


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

    refs = _load_references(args, stdin, stderr, validate=False)
    if args.fmt == "csl-json":
        json.dump([r.item for r in refs], stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        write_jsonl(refs, stdout)
    return _exit_code(refs, args.fail_on)


def _cmd_check(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    def load(config: Config) -> list[Reference]:
        return _load_references(args, stdin, stderr, config)

    from .validate.cli import run_check

    return run_check(args, stdin, stdout, stderr, load=load)


def _cmd_rules(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .validate.cli import cmd_rules

    return cmd_rules(args, stdin, stdout, stderr)


def _cmd_rule(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .validate.cli import cmd_rule

    return cmd_rule(args, stdin, stdout, stderr)


def _cmd_format(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    from .renderer import Renderer
    from .report import summary, text_lines

    # An unknown style fails here, before any work is done.
    renderer = Renderer(args.style, locale=args.locale, per_item_locale=args.locale is None)
    refs = _load_references(args, stdin, stderr)
    items = [r.item for r in refs]
    entries = renderer.bibliography(items, format="html" if args.fmt == "html" else "text")
    failed = [e for e in entries if e.error]
    if args.fmt == "jsonl":
        for e in entries:
            stdout.write(
                json.dumps({"id": e.id, "text": e.text, "html": e.html}, ensure_ascii=False) + "\n"
            )
    elif args.fmt == "html":
        stdout.write('<div class="csl-bib-body">\n')
        for e in entries:
            stdout.write(f'  <div class="csl-entry">{e.html}</div>\n')
        stdout.write("</div>\n")
    else:
        for e in entries:
            stdout.write(e.text + "\n")
    if any(r.diagnostics for r in refs):  # the editor sees the problems beside the list
        for line in text_lines(refs, display_name(args.file)):
            stderr.write(line + "\n")
        stderr.write(summary(refs) + "\n")
    for e in failed:  # the entry was still printed, in a plain fallback form
        stderr.write(f"citekit: warning: {e.id} could not be rendered in {args.style}: {e.error}\n")
    code = _exit_code(refs, args.fail_on)
    return max(code, 1) if failed and args.fail_on != "never" else code


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


_COMMANDS = {
    "parse": _cmd_parse,
    "check": _cmd_check,
    "format": _cmd_format,
    "convert": _cmd_convert,
    "rules": _cmd_rules,
    "rule": _cmd_rule,
    "eval": _cmd_eval,
    "serve": _cmd_serve,
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
        stderr.write(f"citekit: error: {exc}\n")
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


def entry() -> None:
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    code = main()
    # The process ends here: what is left (the parser's caches, ...) goes with it.  Frozen, it is
    # not rescanned by the cyclic collections that would otherwise run on the way out (the
    # threshold is back to its default): ~3% of a big parse.
    gc.freeze()
    sys.exit(code)
