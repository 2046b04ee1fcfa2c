"""``citekit eval LABELLED_FILE...``: how well the parser reads a labelled set (like AnyStyle's ``check``).

Each input file is JSON Lines in one of these shapes (detected per line):

- the development-set form ``{"raw": "...", "item": {CSL item}, "style": "apa", "source": "..."}``
  (``expected`` is accepted for ``item``);
- the GB/T gold form ``{"expected_numeric": "...", "csl": {CSL item}, ...}`` (also
  ``expected_authordate`` with ``--authordate``).

It prints per-field precision, recall and F1 (the fields of :data:`.score.FIELDS`, compared as
:mod:`.score` describes), the micro average and the number of items parsed exactly, overall and
per group (``--by style``, ``--by language``, ``--by file``).  ``--errors`` lists the fields that
differ.  The CLI registers :func:`add_arguments` on its ``eval`` sub-parser and calls :func:`run`;
:func:`main` is the same as a stand-alone command; Python callers use :func:`evaluate` and
:func:`format_report`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .score import FIELDS, Score, compare

__all__ = [
    "Case",
    "EvalResult",
    "load_cases",
    "evaluate",
    "format_report",
    "add_arguments",
    "run",
    "main",
]


@dataclass(frozen=True, slots=True)
class Case:
    raw: str
    expected: dict[str, Any]
    style: str | None
    language: str | None
    file: str
    line: int


@dataclass
class EvalResult:
    overall: Score = field(default_factory=Score)
    groups: dict[str, dict[str, Score]] = field(default_factory=dict)
    errors: list[tuple[Case, dict[str, Any], list[str]]] = field(default_factory=list)


def _lang_group(item: dict[str, Any], raw: str) -> str:
    lang = str(item.get("language") or "")
    if lang.startswith(("zh", "ja", "ko")):
        return "zh" if lang.startswith("zh") else lang[:2]
    return lang[:2] or "unknown"


def load_cases(path: str | Path, *, authordate: bool = False) -> list[Case]:
    """Read one labelled JSON Lines file; lines without a raw string and an item are skipped."""
    path = Path(path)
    cases = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            if "csl" in row:
                raw = row.get("expected_authordate" if authordate else "expected_numeric")
                item = row["csl"]
                style = "gbt7714-2015-" + ("authordate" if authordate else "numeric")
            else:
                raw = row.get("raw")
                item = row.get("item") or row.get("expected")
                style = row.get("style")
            if not isinstance(raw, str) or not isinstance(item, dict):
                continue
            cases.append(Case(raw, item, style, item.get("language"), path.name, n))
    return cases


def evaluate(
    cases: Iterable[Case],
    *,
    by: Sequence[str] = (),
    parse: Callable[[str], Any] | None = None,
    keep_errors: bool = False,
) -> EvalResult:
    """Parse every case and score it; ``by`` names groupings (``style``, ``language``, ``file``)."""
    if parse is None:
        from . import parse_reference

        parse = parse_reference
    result = EvalResult()
    for case in cases:
        parsed = parse(case.raw).item
        result.overall.add(parsed, case.expected)
        for key in by:
            if key == "style":
                name = case.style or "unknown"
            elif key == "language":
                name = _lang_group(case.expected, case.raw)
            else:
                name = case.file
            result.groups.setdefault(key, {}).setdefault(name, Score()).add(parsed, case.expected)
        if keep_errors:
            wrong = [
                f
                for f in FIELDS
                if compare(parsed, case.expected, f)[0] == 0
                and any(compare(parsed, case.expected, f))
            ]
            if wrong:
                result.errors.append((case, parsed, wrong))
    return result


def format_report(result: EvalResult, *, errors: bool = False) -> str:
    from .score import value

    out = [result.overall.report()]
    for key, groups in result.groups.items():
        out.append("")
        out.append(f"by {key}: {'name':24} {'items':>5} {'micro-F1':>8} {'exact':>7}")
        for name in sorted(groups):
            s = groups[name]
            out.append(
                f"   {'':{len(key)}} {name[:24]:24} {s.items:5d} {s.micro[2]:8.3f} {s.exact:4d}/{s.items}"
            )
    if errors and result.errors:
        out.append("")
        out.append("errors:")
        for case, parsed, wrong in result.errors:
            out.append(f"{case.file}:{case.line}: {case.raw}")
            for f in wrong:
                out.append(
                    f"    {f}: got {value(parsed, f)!r}, expected {value(case.expected, f)!r}"
                )
    return "\n".join(out)


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """The ``citekit eval`` options, for the CLI's sub-parser."""
    ap.add_argument(
        "files",
        nargs="+",
        metavar="LABELLED_FILE",
        help="JSON Lines: {raw, item[, style]} (development set) or {expected_numeric, csl} (GB/T gold)",
    )
    ap.add_argument(
        "--by",
        action="append",
        choices=["style", "language", "file"],
        default=[],
        help="also report per style, language or file (repeatable)",
    )
    ap.add_argument("--errors", action="store_true", help="list the fields that differ")
    ap.add_argument(
        "--authordate", action="store_true", help="gold files: use the author-date strings"
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace, stdout: TextIO) -> int:
    """Run ``citekit eval`` with parsed ``args``: exit 0, or 2 when no file has a labelled line.

    An unreadable file raises :class:`citekit.errors.InputError` (the CLI prints it, exit 2)."""
    from ..errors import InputError

    cases: list[Case] = []
    for f in args.files:
        try:
            cases.extend(load_cases(f, authordate=args.authordate))
        except OSError as exc:
            raise InputError(f"cannot read '{f}': {exc.strerror or exc}") from None
        except (ValueError, KeyError) as exc:
            raise InputError(f"'{f}' is not labelled JSON Lines: {exc}") from None
    if not cases:
        stdout.write("citekit eval: no labelled references found\n")
        return 2
    result = evaluate(cases, by=args.by, keep_errors=args.errors)
    if args.json:

        def figures(s: Score) -> dict[str, Any]:
            return {
                "items": s.items,
                "exact": s.exact,
                "micro": dict(zip("prf", s.micro, strict=False)),
                "fields": {f: dict(zip("prf", s.field(f), strict=False)) for f in FIELDS},
            }

        doc = {
            "overall": figures(result.overall),
            "groups": {k: {n: figures(s) for n, s in g.items()} for k, g in result.groups.items()},
        }
        json.dump(doc, stdout, indent=2)
        stdout.write("\n")
    else:
        stdout.write(format_report(result, errors=args.errors) + "\n")
    return 0


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """``citekit eval FILE... [--by style|language|file] [--errors] [--authordate] [--json]``."""
    ap = argparse.ArgumentParser(
        prog="citekit eval", description="Score the parser on labelled references."
    )
    add_arguments(ap)
    return run(ap.parse_args(argv), stdout or sys.stdout)


if __name__ == "__main__":  # python -m citekit.parser.evaluate FILE...
    sys.exit(main())
