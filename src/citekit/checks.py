"""First checks on a parsed reference: characters, brackets and quotes, the year.

Each check is a small function ``(Reference) -> Iterable[Diagnostic]`` registered with
:func:`check`.  They read the raw string (spans point into it), never the normalised view:
what the author typed is the evidence.  :func:`run_checks` isolates them, so a check that
raises becomes an X001 diagnostic and the others still run.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

import regex

from . import codes
from .csl import year_of
from .model import Applicability, Diagnostic, Edit, Fix, Reference, Span
from .segment import split_label

__all__ = ["CHECKS", "check", "run_checks"]

CheckFn = Callable[[Reference], Iterable[Diagnostic]]
CHECKS: list[tuple[str, CheckFn]] = []


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        CHECKS.append((name, fn))
        return fn

    return register


def run_checks(ref: Reference, checks: Iterable[tuple[str, CheckFn]] | None = None) -> Reference:
    found: list[Diagnostic] = []
    for name, fn in CHECKS if checks is None else checks:
        try:
            found.extend(fn(ref))
        except Exception as exc:  # a faulty check must not hide the others' findings
            found.append(
                codes.make("X001", f"internal error in check '{name}': {type(exc).__name__}: {exc}")
            )
    return ref.with_diagnostics(*found) if found else ref


# --- characters --------------------------------------------------------------------------


def _runs(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    return pattern.finditer(text)


_FFFD = regex.compile("\ufffd+")
_SQUARE = regex.compile("\u25a1+")
_GBK_MOJIBAKE = regex.compile("(?:锟斤拷)+|烫{2,}|屯{2,}")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
# A lead byte (U+00C2..U+00F4 as Latin-1/cp1252) followed by continuation bytes shown as
# cp1252 characters: the mark of UTF-8 decoded once too often.
_CP1252_CONT = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_DOUBLE_UTF8 = regex.compile(f"(?:[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}})+")


def _undo_double_encoding(text: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != text:
            return fixed
    return None


@check("mojibake")
def _mojibake(ref: Reference) -> Iterator[Diagnostic]:
    raw = ref.raw
    for m in _runs(_FFFD, raw):
        yield codes.make("E001", span=Span(m.start(), m.end()))
    for m in _runs(_SQUARE, raw):
        yield codes.make("E002", span=Span(m.start(), m.end()))
    for m in _runs(_GBK_MOJIBAKE, raw):
        yield codes.make("E003", span=Span(m.start(), m.end()))
    for m in _runs(_DOUBLE_UTF8, raw):
        fixed = _undo_double_encoding(m.group())
        if fixed is None:
            continue
        span = Span(m.start(), m.end())
        yield codes.make(
            "E004",
            f"double-encoded UTF-8: '{m.group()}' should read '{fixed}'",
            span=span,
            fix=Fix(f"replace with '{fixed}'", (Edit(span, fixed),), Applicability.SAFE),
        )
    for m in _runs(_CONTROL, raw):
        span = Span(m.start(), m.end())
        yield codes.make(
            "E005",
            f"control character U+{ord(m.group()[0]):04X} in the reference",
            span=span,
            fix=Fix("remove the control characters", (Edit(span, ""),), Applicability.SAFE),
        )


# --- brackets and quotes -----------------------------------------------------------------

# Families: an opener is closed by any closer of its family (full- or half-width alike:
# mixing widths is a separate finding).
_BRACKETS = {
    "(": "round", "（": "round", ")": "round", "）": "round",
    "[": "square", "［": "square", "【": "square", "〔": "square",
    "]": "square", "］": "square", "】": "square", "〕": "square",
    "{": "curly", "｛": "curly", "}": "curly", "｝": "curly",
}
_OPENERS = set("(（[［【〔{｛")
_QUOTES = {
    "《": ("title", True), "》": ("title", False),
    "〈": ("angle", True), "〉": ("angle", False),
    "“": ("double", True), "”": ("double", False),
    "「": ("corner", True), "」": ("corner", False),
    "『": ("white-corner", True), "』": ("white-corner", False),
}
_PAIR_TEXT = {
    "round": "()", "square": "[]", "curly": "{}", "title": "《》", "angle": "〈〉",
    "double": "“”", "corner": "「」", "white-corner": "『』",
}


@check("balance")
def _balance(ref: Reference) -> Iterator[Diagnostic]:
    raw = ref.raw
    _, start = split_label(raw)  # a "1)" label has no opener
    stacks: dict[str, list[int]] = {}
    for i in range(start, len(raw)):
        ch = raw[i]
        if ch in _BRACKETS:
            family, opens, code = _BRACKETS[ch], ch in _OPENERS, "B001"
        elif ch in _QUOTES:
            (family, opens), code = _QUOTES[ch], "B002"
        else:
            continue
        stack = stacks.setdefault(family, [])
        if opens:
            stack.append(i)
        elif stack:
            stack.pop()
        else:
            yield codes.make(
                code, f"'{ch}' closes nothing: no matching '{_PAIR_TEXT[family][0]}' before it",
                span=Span(i, i + 1),
            )
    for family, stack in stacks.items():
        code = "B001" if family in ("round", "square", "curly") else "B002"
        for i in stack:
            yield codes.make(
                code, f"'{raw[i]}' is never closed: no matching '{_PAIR_TEXT[family][1]}'",
                span=Span(i, i + 1),
            )
    # Straight double quotes pair up among themselves.
    straight = [i for i in range(start, len(raw)) if raw[i] == '"']
    if len(straight) % 2:
        i = straight[-1]
        yield codes.make("B002", "unpaired '\"'", span=Span(i, i + 1))


# --- the year ----------------------------------------------------------------------------

_YEAR_IN_TEXT = regex.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


@check("year")
def _year(ref: Reference) -> Iterator[Diagnostic]:
    if not ref.raw.strip() or year_of(ref.item) is not None:
        return
    issued = ref.item.get("issued")
    if isinstance(issued, dict) and issued.get("literal"):
        return  # a verbatim date such as "1865(清同治四年)" is a date
    if _YEAR_IN_TEXT.search(ref.raw):
        # The text has a year the parser did not take: say so, but gently.
        yield codes.make("D001", "no year of publication was recognised in the reference")
    else:
        yield codes.make("D001")
