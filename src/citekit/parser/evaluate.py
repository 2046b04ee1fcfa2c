"""``citekit eval LABELLED_FILE...``: how well the parser reads a labelled set.

Like AnyStyle's ``check``.

Each input file is JSON Lines in one of these shapes (detected per line):

- the development-set form ``{"raw": "...", "item": {CSL item}, "style": "apa", "source": "..."}``
  (``expected`` is accepted for ``item``);
- the GB/T gold form ``{"expected_numeric": "...", "csl": {CSL item}, ...}`` (also
  ``expected_authordate`` with ``--authordate``).

It prints per-field precision, recall and F1 (the fields of :data:`.score.FIELDS`, compared as
:mod:`.score` describes), the micro average and the number of items parsed exactly, overall and
per group (``--by style``, ``--by language``, ``--by file``, ``--by type``).  ``--errors``
lists every wrong field of every item, expected against got.  Gold-form lines describe the whole
work, so they are cut to what the string prints (:func:`as_printed`); development-set items are
written as printed already.  The CLI registers :func:`add_arguments` on its ``eval`` sub-parser
and calls :func:`run`; :func:`main` is the same as a stand-alone command; Python callers use
:func:`evaluate` and :func:`format_report`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .score import NAME_FIELDS, Score

__all__ = [
    "Case",
    "EvalResult",
    "as_printed",
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


_NAME_SPACING = re.compile(r"[\s.,·•‧・\-]+")


def _squeeze(s: str) -> str:
    return _NAME_SPACING.sub("", unicodedata.normalize("NFKC", s)).casefold()


_EDITOR_WORDS = re.compile(
    r"\b(?:eds?|editors?|edited|hrsg|dir)\b|主编|编著|(?<![汇选])编[.．,，:：]", re.I
)


def _printed_date(date: Any, raw: str) -> Any:
    """A gold date cut to the parts the string prints (``2013-03-19`` → ``[2013, 3, 19]``)."""
    if not isinstance(date, dict) or not date.get("date-parts") or len(date["date-parts"]) != 1:
        return date
    parts = [int(x) for x in date["date-parts"][0]]
    while len(parts) > 1:
        y, m, *d = parts
        forms = [rf"{y}-0?{m}(?![-\d])", f"{y}年{m}月", rf"{y}/0?{m}(?![/\d])"]
        if d:
            forms = [
                rf"{y}-0?{m}-0?{d[0]}(?!\d)",
                f"{y}年{m}月{d[0]}日",
                rf"{y}/0?{m}/0?{d[0]}(?!\d)",
            ]
        if any(re.search(f, raw) for f in forms):
            break
        parts.pop()
    return {**date, "date-parts": [parts]}


def as_printed(item: dict[str, Any], raw: str) -> dict[str, Any]:
    """A gold ``item`` (which describes the whole work) cut to what ``raw`` prints.

    - each name list ends before the first name the string does not print: ``A, B, C, et al.``
      prints three names, and the ones behind ``et al.``/``等`` are not expected;
    - editors of the whole work are authors when the string prints no editor word (a GB/T 7714
      string gives the main responsible persons without their role);
    - dates keep the parts the string prints (a gold ``[2013, 3, 1]`` for ``2013`` is ``[2013]``);
    - an edition number the string does not print is dropped.
    """
    text = _squeeze(raw)
    out = dict(item)
    for role in NAME_FIELDS:
        names = item.get(role)
        if not isinstance(names, list):
            continue
        kept = []
        for n in names:
            key = (n.get("literal") or n.get("family") or "") if isinstance(n, dict) else str(n)
            if not key or _squeeze(key) not in text:
                break
            kept.append(n)
        if kept:
            out[role] = kept
        else:
            out.pop(role)
    without_edition = re.sub(r"\b(?:\d+(?:st|nd|rd|th)|rev\.?)\s+ed\b", "", raw, flags=re.I)
    if "editor" in out and "author" not in out and not _EDITOR_WORDS.search(without_edition):
        out["author"] = out.pop("editor")
    for role in ("issued", "accessed"):
        if role in out:
            out[role] = _printed_date(out[role], raw)
    edition = str(out.get("edition") or "")
    if edition.isdigit() and not re.search(rf"(?<!\d){edition}(?!\d)", raw):
        out.pop("edition")
    return out


def _lang_group(item: dict[str, Any]) -> str:
    """zh, ja, ko, en, … from the expected item's language (the cited work's language)."""
    lang = str(item.get("language") or "")
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
            if not isinstance(row, dict):  # a line that is not an object is not a case
                continue
            style: str | None
            if isinstance(row.get("csl"), dict):
                raw = row.get("expected_authordate" if authordate else "expected_numeric")
                item = as_printed(row["csl"], raw) if isinstance(raw, str) else row["csl"]
                style = "gbt7714-2015-" + ("authordate" if authordate else "numeric")
            else:
                raw = row.get("raw")
                item = row.get("item") or row.get("expected")
                style = row.get("style") if isinstance(row.get("style"), str) else None
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
    """Parse every case and score it; ``by`` names groupings (``style``, ``language``, ``file``,
    ``type``: the expected CSL type)."""
    if parse is None:
        from . import parse_reference

        parse = parse_reference
    result = EvalResult()
    for case in cases:
        parsed = parse(case.raw).item
        wrong = result.overall.add(parsed, case.expected)
        for key in by:
            if key == "style":
                name = case.style or "unknown"
            elif key == "language":
                name = _lang_group(case.expected)
            elif key == "type":
                name = str(case.expected.get("type") or "unknown")
            else:
                name = case.file
            result.groups.setdefault(key, {}).setdefault(name, Score()).add(parsed, case.expected)
        if keep_errors and wrong:
            result.errors.append((case, parsed, wrong))
    return result


def _show(v: Any) -> str:
    return "—" if v is None else json.dumps(v, ensure_ascii=False)


def format_report(result: EvalResult, *, errors: bool = False) -> str:
    """The text report: the per-field table, one table per grouping, then the wrong fields."""
    out = [result.overall.report()]
    for key, groups in result.groups.items():
        out.append("")
        out.append(
            f"by {key}: {'name':24} {'items':>5} {'P':>6} {'R':>6} {'micro-F1':>8} {'exact':>9}"
        )
        for name in sorted(groups):
            s = groups[name]
            p, r, f1 = s.micro
            out.append(
                f"   {'':{len(key)}} {name[:24]:24} {s.items:5d} {p:6.3f} {r:6.3f} {f1:8.3f}"
                f" {s.exact:4d}/{s.items}"
            )
    if errors and result.errors:
        out.append("")
        out.append(f"errors: {len(result.errors)} items")
        for case, parsed, wrong in result.errors:
            out.append(f"{case.file}:{case.line}: {case.raw}")
            for f in wrong:
                out.append(f"    {f}: expected {_show(case.expected.get(f))}")
                out.append(f"    {'':{len(f)}}       got {_show(parsed.get(f))}")
    return "\n".join(out)


def figures(s: Score) -> dict[str, Any]:
    """One score as JSON-ready figures (per field: P, R, F1 and the counts behind them)."""
    return {
        "items": s.items,
        "exact": s.exact,
        "micro": dict(zip("prf", s.micro, strict=False)),
        "fields": {
            f: {
                **dict(zip("prf", s.field(f), strict=False)),
                "tp": s.tp[f],
                "fp": s.fp[f],
                "fn": s.fn[f],
            }
            for f in s.fields
        },
    }


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """The ``citekit eval`` options, for the CLI's sub-parser."""
    ap.add_argument(
        "files",
        nargs="+",
        metavar="LABELLED_FILE",
        help="JSON Lines: {raw, item[, style]} (development set) "
        "or {expected_numeric, csl} (GB/T gold)",
    )
    ap.add_argument(
        "--by",
        action="append",
        choices=["style", "language", "file", "type"],
        default=[],
        help="also report per style, language, file or expected CSL type (repeatable)",
    )
    ap.add_argument(
        "--errors", action="store_true", help="list every wrong field: expected against got"
    )
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
    if not cases:  # a usage error: one line on standard error, exit status 2
        raise InputError("no labelled references found")
    result = evaluate(cases, by=args.by, keep_errors=args.errors)
    if args.json:
        doc: dict[str, Any] = {
            "overall": figures(result.overall),
            "groups": {k: {n: figures(s) for n, s in g.items()} for k, g in result.groups.items()},
        }
        if args.errors:
            doc["errors"] = [
                {
                    "file": case.file,
                    "line": case.line,
                    "raw": case.raw,
                    "fields": {
                        f: {"expected": case.expected.get(f), "got": parsed.get(f)} for f in wrong
                    },
                }
                for case, parsed, wrong in result.errors
            ]
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
