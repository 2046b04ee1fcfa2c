"""Command-line pieces of the validator, for :mod:`citekit.cli` to wire in.

- ``add_check_arguments(p)`` on the ``check`` subparser adds ``--select``, ``--ignore``,
  ``--fix``, ``--lang``, ``--text``, ``--config``, ``--profile`` and the ``sarif`` format;
  ``run_check(args, stdin, stdout, stderr)`` is the whole ``check`` command.
- ``add_rules_arguments(p)`` / ``cmd_rules(args, stdin, stdout, stderr)`` for ``citekit rules``
  (every rule: code, name, severity, editions, rules.md IDs, summary);
  ``add_rule_arguments(p)`` / ``cmd_rule(...)`` for ``citekit rule CODE`` (one rule explained
  with its bad and good example).  ``run_rules(...)`` and ``run_rule(code, ...)`` do the work.

All return an exit status; configuration problems raise :class:`citekit.errors.UsageError`
(exit 2 in ``citekit.cli.main``).
"""

from __future__ import annotations

import argparse
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache, partial
from typing import IO, TYPE_CHECKING, Any, TextIO

from ..codes import CODES
from ..config import DEFAULT_TIME_BUDGET, Config
from ..errors import UsageError
from ..fixes import apply_fixes
from ..inputs import read_text
from ..messages import localised_message, severity_word, word, zh_punctuation
from ..model import Diagnostic, Reference, Severity
from .registry import RULES, is_selected

if TYPE_CHECKING:
    from .check_chunks import CheckedChunk

__all__ = [
    "CHECK_FORMATS",
    "add_check_arguments",
    "add_rule_arguments",
    "add_rules_arguments",
    "cmd_rule",
    "cmd_rules",
    "config_from_args",
    "run_check",
    "run_rule",
    "run_rules",
]

CHECK_FORMATS = ("text", "json", "jsonl", "sarif")
_FAIL_ON = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "never": None,
}


def _codes(values: Iterable[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or ():
        out += [v.strip().upper() for v in value.split(",") if v.strip()]
    for code in out:
        if code != "ALL" and not any(c.startswith(code) for c in CODES):
            raise UsageError(f"'{code}' matches no diagnostic code (see `citekit rules`)")
    return tuple(out)


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the validator's options to the ``check`` subparser (and ``sarif`` to ``-f``)."""
    for action in parser._actions:  # extend an existing -f/--format
        if action.dest == "fmt" and action.choices is not None:
            action.choices = list(dict.fromkeys([*action.choices, "sarif"]))
            break
    else:
        parser.add_argument("-f", "--format", dest="fmt", default="text", choices=CHECK_FORMATS)
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these codes or prefixes, comma-separated (e.g. G,I or G014)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="skip these codes or prefixes (the most specific of select/ignore wins)",
    )
    parser.add_argument(
        "--fix", action="store_true", help="apply the safe fixes and print the corrected list"
    )
    parser.add_argument(
        "--lang", default="en", choices=["en", "zh"], help="language of the messages"
    )
    parser.add_argument(
        "--text",
        metavar="ARTICLE",
        help="the article text: report citations without a reference and references never cited",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="citekit.toml or pyproject.toml with [tool.citekit] (default: search upwards)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help="a profile of the config file ([tool.citekit.profiles.NAME])",
    )


def config_from_args(args: argparse.Namespace) -> Config:
    """The pipeline Config for ``args``: edition, profile from the config file, --select/--ignore."""
    from .profile import load_profile

    profile = load_profile(getattr(args, "config", None), getattr(args, "profile", None))
    base = Config(
        standard=getattr(args, "standard", "gbt7714-2015"),
        lines=getattr(args, "lines", False),
        time_budget=getattr(args, "time_budget", DEFAULT_TIME_BUDGET),
    )
    return profile.apply(
        base,
        select=_codes(getattr(args, "select", None)),
        ignore=_codes(getattr(args, "ignore", None)),
    )


Loader = Callable[[Config], Iterable[Reference]]
ChunkLoader = Callable[[Config, Any], "Iterator[CheckedChunk] | None"]


def _default_loader(args: argparse.Namespace, stdin: IO[Any]) -> Loader:
    def load(config: Config) -> Iterable[Reference]:
        from ..pipeline import references_from_text, run_stages
        from .rules_style import (
            style_findings,
            with_style_findings,
            with_style_findings_streamed,
        )

        text = read_text(args.file, stdin)
        refs = references_from_text(text, lines=config.lines)
        checked = (run_stages(r, config) for r in refs)
        if config.lines:
            return list(with_style_findings_streamed(checked, config))
        return list(with_style_findings(checked, style_findings(refs, config)))

    return load


def _recheck(refs: Iterable[Reference], config: Config) -> Iterator[Reference]:
    from ..pipeline import run_stages_many

    return run_stages_many(refs, config)


def _localise(refs: Iterable[Reference], lang: str) -> list[Reference]:
    """The references with their messages in ``lang`` (the service's answers use this too)."""
    return list(_localised(refs, lang))


def _localised(refs: Iterable[Reference], lang: str) -> Iterator[Reference]:
    if not lang.startswith("zh"):
        yield from refs
        return
    for r in refs:
        yield replace(
            r,
            diagnostics=tuple(
                replace(d, message=localised_message(d, lang)) for d in r.diagnostics
            ),
        )


def run_check(
    args: argparse.Namespace,
    stdin: IO[Any],
    stdout: TextIO,
    stderr: TextIO,
    *,
    load: Loader | None = None,
    load_chunks: ChunkLoader | None = None,
) -> int:
    """The ``check`` command: read, parse, validate (per reference and list-level), then
    report in ``args.fmt`` (text/json/jsonl/sarif) or, with ``--fix``, print the corrected
    list on stdout and what is left on stderr.

    ``load(config) -> Iterable[Reference]`` reads ``args.file`` and runs the pipeline with
    ``config`` (which carries the selection, options and edition); by default the file is
    read as a pasted list (``--lines``: one reference per line).  citekit.cli passes its own
    loader so that exchange formats (BibTeX, RIS...), progress and worker processes work as
    for ``parse``.  ``load_chunks(config, encode)``, when given, may instead return the
    chunks of worker processes, each made by ``encode`` (see :mod:`.check_chunks`), or None.

    The references stream through the list-level rules (:class:`ListStream`) and out, in
    bounded memory (SARIF too: its results wait in a temporary file until the rules are
    known); with ``--text`` (an article's list) the list is checked as a whole.
    """
    from .. import __version__
    from ..report import Tally, text_lines, write_json, write_jsonl
    from .core import check_list
    from .list_stream import ListStream
    from .sarif import write_sarif

    config = config_from_args(args)
    name = "<stdin>" if args.file == "-" else args.file
    article = read_text(args.text, stdin) if getattr(args, "text", None) else None
    lang = getattr(args, "lang", "en")
    fmt = getattr(args, "fmt", "text")
    load = load or _default_loader(args, stdin)
    tally = Tally()
    text_diags: list[Diagnostic] = []

    def listed(refs: Iterable[Reference], sink: list[Diagnostic]) -> Iterator[Reference]:
        """The list-level rules over ``refs``; their text diagnostics land in ``sink``."""
        if article is not None:
            result = check_list(list(refs), config, text=article)
            sink.extend(result.text_diagnostics)
            yield from result.references
            return
        stream = ListStream(config)
        yield from stream.run(refs)
        sink.extend(stream.text_diagnostics)

    if load_chunks is not None and article is None and not getattr(args, "fix", False):
        from .check_chunks import CHUNK_FORMATS, encode_checked

        if fmt in CHUNK_FORMATS:
            encode = partial(encode_checked, fmt=fmt, lang=lang, name=name)
            chunks = load_chunks(config, encode)
            if chunks is not None:
                return _report_chunks(chunks, config, args, stdout, stderr, fmt, lang, name)

    refs = listed(load(config), text_diags)

    if getattr(args, "fix", False):
        n_fixed = 0
        whole_list = {r.code for r in RULES.values() if r.scope == "whole-list"}

        def fixed(refs: Iterable[Reference]) -> Iterator[Reference]:
            nonlocal n_fixed
            for r in refs:
                raw = apply_fixes(r.raw, r.diagnostics)
                stdout.write(raw + "\n")
                n_fixed += raw != r.raw
                # the list's style (whole-list rules) is not checked again: fixes keep it
                kept = tuple(d for d in r.diagnostics if d.code in whole_list)
                yield replace(r, raw=raw, diagnostics=kept)

        # the first pass's text diagnostics are dropped: the fixed list is checked again
        text_diags = []
        again = tally.count(_localised(listed(_recheck(fixed(refs), config), text_diags), lang))
        stderr.writelines(line + "\n" for line in text_lines(again, name, lang=lang))
        sep = "；" if lang.startswith("zh") else "; "
        fixed_words = word("fixed", lang, n=n_fixed)
        stderr.write(f"citekit: {fixed_words}{sep}{tally.summary(lang)}\n")
        tally.add(text_diags)
        return 1 if tally.reaches(_FAIL_ON.get(args.fail_on, Severity.ERROR)) else 0

    out = tally.count(_localised(refs, lang))
    if fmt == "sarif":
        # text_diags is complete once the references have been read, and localised then
        localised = (replace(d, message=localised_message(d, lang)) for d in text_diags)
        write_sarif(
            out,
            stdout,
            name,
            text_diagnostics=localised,
            text=article or "",
            text_uri=getattr(args, "text", None),
            lang=lang,
            version=__version__,
        )
    elif fmt == "json":
        write_json(out, stdout)
    elif fmt == "jsonl":
        write_jsonl(out, stdout)
    else:
        stdout.writelines(line + "\n" for line in text_lines(out, name, lang=lang))
        if article is not None:
            text_diags = [replace(d, message=localised_message(d, lang)) for d in text_diags]
            stdout.writelines(
                line + "\n" for line in _article_lines(text_diags, article, args.text, lang)
            )
        stdout.write(tally.summary(lang) + "\n")
    if fmt in ("json", "jsonl") and text_diags:
        text_diags = [replace(d, message=localised_message(d, lang)) for d in text_diags]
        stderr.writelines(
            line + "\n" for line in _article_lines(text_diags, article or "", args.text, lang)
        )
    tally.add(text_diags)
    return 1 if tally.reaches(_FAIL_ON.get(args.fail_on, Severity.ERROR)) else 0


def _report_chunks(
    chunks: Iterable[CheckedChunk],
    config: Config,
    args: argparse.Namespace,
    stdout: TextIO,
    stderr: TextIO,
    fmt: str,
    lang: str,
    name: str,
) -> int:
    """The report of references checked and written on worker processes: the list rules run
    here on their slim copies, and a report a list rule adds to is written again."""
    from ..report import Tally, write_bytes
    from .check_chunks import add_diagnostics
    from .list_stream import ListStream
    from .rules_style import with_style_findings_streamed

    tally = Tally()
    pieces: deque[bytes] = deque()  # waiting for the list rules (a few chunks at most)

    def slim() -> Iterator[Reference]:
        for chunk in chunks:
            tally.add_counts(chunk.references, chunk.counts)
            pieces.extend(chunk.pieces)
            stream.feed_keys(chunk.keys)  # computed on the workers
            yield from chunk.slim

    stream = ListStream(config)
    # the workers take --lines input: the list's style is read here, block by block
    styled = with_style_findings_streamed(slim(), config) if config.lines else slim()

    def report() -> Iterator[bytes]:
        for number, listed in enumerate(stream.run(styled), start=1):
            piece = pieces.popleft()
            if listed.diagnostics:
                tally.add(listed.diagnostics)
                piece = add_diagnostics(piece, listed, number, fmt, lang, name)
            yield piece

    if fmt == "json":  # write_json's array, its elements written by the workers
        write_bytes(report(), stdout, separator=b",\n  ", brackets=(b"[\n  ", b"\n]\n", b"[]\n"))
    else:
        write_bytes(report(), stdout)
    if fmt == "text":
        stdout.write(tally.summary(lang) + "\n")
    text_diags = [replace(d, message=localised_message(d, lang)) for d in stream.text_diagnostics]
    if fmt != "text" and text_diags:
        stderr.writelines(line + "\n" for line in _article_lines(text_diags, "", args.text, lang))
    tally.add(text_diags)
    return 1 if tally.reaches(_FAIL_ON.get(args.fail_on, Severity.ERROR)) else 0


def _article_lines(
    diags: Sequence[Diagnostic], text: str, name: str, lang: str = "en"
) -> list[str]:
    out = []
    for d in diags:
        if d.span is not None:
            before = text[: d.span.start]
            line, col = before.count("\n") + 1, d.span.start - (before.rfind("\n") + 1) + 1
        else:
            line, col = 1, 1
        out.append(f"{name}:{line}:{col}: {d.code} [{severity_word(d.severity, lang)}] {d.message}")
    return out


# --- citekit rules / citekit rule CODE -------------------------------------------------------


def add_rules_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--standard",
        default=None,
        choices=["gbt7714-2015", "gbt7714-2025"],
        help="only the rules of this edition",
    )
    parser.add_argument("--select", action="append", metavar="CODES")
    parser.add_argument("--ignore", action="append", metavar="CODES")
    parser.add_argument("--lang", default="en", choices=["en", "zh"])
    parser.add_argument("-f", "--format", dest="fmt", default="text", choices=["text", "json"])


def add_rule_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar="CODE", help="a diagnostic code, e.g. G010")
    parser.add_argument("--lang", default="en", choices=["en", "zh"])
    parser.add_argument("-f", "--format", dest="fmt", default="text", choices=["text", "json"])


@cache
def _explanations_zh() -> dict[str, str]:
    import tomllib
    from importlib.resources import files

    text = files("citekit.validate").joinpath("rules_zh.toml").read_text("utf-8")
    return tomllib.loads(text)


def explanation(code: str, lang: str = "en") -> str | None:
    """The explanation of rule ``code`` in ``lang``: in Chinese from ``rules_zh.toml`` (written
    by hand from the docstring and the standard), in English the rule's docstring."""
    if lang.startswith("zh"):
        return _explanations_zh().get(code)
    rule = RULES.get(code)
    return rule.doc if rule else None


def _rule_json(code: str, lang: str = "en") -> dict[str, Any]:
    info = CODES[code]
    rule = RULES.get(code)
    data: dict[str, Any] = {
        "code": code,
        "name": info.name,
        "severity": info.severity.value,
        "summary": zh_punctuation(info.summary_zh) if lang.startswith("zh") else info.summary,
        "scope": rule.scope if rule else "pipeline",
        "editions": list(rule.editions) if rule else ["gbt7714-2015", "gbt7714-2025"],
        "rule_ids": list(rule.rule_ids) if rule else [],
        "fixable": bool(rule and rule.fixable),
    }
    if rule is not None:
        data["explanation"] = explanation(code, lang) or rule.doc
        data["examples"] = rule.examples()
        if rule.example_list():  # the list a citation rule's examples cite
            data["example_list"] = rule.example_list()
        if rule.example_options():  # the profile options the examples assume
            data["example_profile"] = rule.example_options()
    return data


def run_rules(
    stdout: TextIO,
    *,
    standard: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    lang: str = "en",
    fmt: str = "text",
) -> int:
    """List every diagnostic code (the validator's rules and the pipeline's own codes)."""
    select, ignore = _codes(select), _codes(ignore)
    rows = []
    for code in sorted(CODES, key=lambda c: (c[0], c)):
        if not is_selected(code, select, ignore):
            continue
        data = _rule_json(code, lang)
        if standard and standard not in data["editions"]:
            continue
        rows.append(data)
    if fmt == "json":
        json.dump(rows, stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
        return 0
    for d in rows:
        ed = "" if len(d["editions"]) == 2 else f" ({d['editions'][0]} only)"
        fix = " [fix]" if d["fixable"] else ""
        ids = f"  {', '.join(d['rule_ids'])}" if d["rule_ids"] else ""
        stdout.write(
            f"{d['code']}  {severity_word(Severity(d['severity']), lang):<7}  {d['name']}{fix}{ed}"
            f"{'：' if lang.startswith('zh') else ': '}{d['summary']}{ids}\n"
        )
    stdout.write(f"{len(rows)} {word('codes', lang)}\n")
    return 0


def run_rule(code: str, stdout: TextIO, *, lang: str = "en", fmt: str = "text") -> int:
    """Explain one code: name, severity, editions, rules.md IDs, explanation, bad/good examples."""
    code = code.strip().upper()
    if code not in CODES:
        close = [c for c in CODES if c[0] == code[:1]][:10]
        hint = f"; codes of that family: {', '.join(close)}" if close else ""
        raise UsageError(f"unknown code '{code}'{hint}")
    data = _rule_json(code, lang)
    if fmt == "json":
        json.dump(data, stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
        return 0
    info = CODES[code]
    zh = lang.startswith("zh")
    stdout.write(f"{code} {data['name']} ({severity_word(info.severity, lang)})\n")
    if zh:  # every line in Chinese
        stdout.write(f"  {zh_punctuation(info.summary_zh)}\n")
    else:
        stdout.write(f"  {info.summary}\n  {zh_punctuation(info.summary_zh)}\n")
    sep = "：" if zh else ": "
    stdout.write(f"  {word('editions', lang)}{sep}{', '.join(data['editions'])}\n")
    if data["rule_ids"]:
        stdout.write(f"  {word('rule_ids', lang)}{sep}{', '.join(data['rule_ids'])}\n")
    if data["fixable"]:
        stdout.write(f"  {word('fixable', lang)}\n")
    if "explanation" in data and not zh:
        stdout.write("\n" + data["explanation"] + "\n")
    elif "explanation" in data:  # the Chinese explanation, then the examples
        stdout.write("\n" + data["explanation"] + "\n\n")
        for key in ("bad", "good"):
            for example in data["examples"][key]:
                stdout.write(f"{word(key, lang)}：{example}\n")
    return 0


def cmd_rules(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    return run_rules(
        stdout,
        standard=args.standard,
        select=args.select or (),
        ignore=args.ignore or (),
        lang=args.lang,
        fmt=args.fmt,
    )


def cmd_rule(args: argparse.Namespace, stdin: IO[Any], stdout: TextIO, stderr: TextIO) -> int:
    return run_rule(args.code, stdout, lang=args.lang, fmt=args.fmt)
