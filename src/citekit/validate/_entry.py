"""What every rule wants to know about one raw reference string, computed once.

Spans are code-point offsets into ``ref.raw``.  The analysis is deliberately shallow and
conservative: it recognises a GB/T 7714 entry by its type code (``[J]``, ``[M/OL]``) and
splits off the parts rules look at (label, responsible parties, title, the tail after the
type code, URLs, DOIs, dates).  Anything it is unsure of is ``None`` and rules stay silent.

Why this is not the parser (issue 11 looked at folding it in): the parser reads a normalised,
masked view and *repairs* what it reads (full-width marks folded, a missing space assumed, a
wrong type code tolerated), while rules must see the raw string as written, with spans into it,
to report exactly those faults; and checking a parsed reference must not depend on which parser
heuristics fired.  What both need as knowledge (identifier patterns, scripts, numerals) comes
from :mod:`citekit.text`; the type-code tables differ on purpose (the parser also reads ``[K]``
and ``CD-ROM``; the validator knows each edition's codes, ``[PP]`` for 2025, to report others).
"""

from __future__ import annotations

from typing import Any

import regex

from ..model import Reference
from ..segment import split_label
from ..text.identifiers import DOI_MENTION, URL_MENTION
from ..text.script import script_language

__all__ = ["Entry", "TYPE_CODES_2015", "TYPE_CODES_2025", "CARRIERS"]

TYPE_CODES_2015 = frozenset("M C G N J D R S P DB CP EB A CM DS Z".split())
TYPE_CODES_2025 = TYPE_CODES_2015 | {"PP"}  # preprint, new in 2025
CARRIERS = frozenset({"MT", "DK", "CD", "OL"})

TYPE_CODE = regex.compile(r"\[ ?(?P<t>[A-Za-z]{1,2}) ?(?:/ ?(?P<c>[A-Za-z]{2}) ?)?\]")
ACCESS_DATE = regex.compile(r"\[(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\]")
# End of the first element: ". " (ASCII period and space), a full-width period, or a period
# directly followed by a Chinese character.
ELEMENT_END = regex.compile(r"\.(?:\s|(?=\p{Han}))|．")
_DOUBLE_SLASH = regex.compile(r"\G\s*(?://|／／|/\s+/)")
# split_label only when the string can start with a label (digit, bracket, circled number)
_LABEL_START = frozenset("0123456789[［【〔(（ \t\u3000") | frozenset(
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
)
# Author-date head: "Name, 2010." / "Name, 2010a." / "Name, c1980." / "Name, [2012]." /
# "Name, 1984-." / "Name, 1865(清同治四年)." — the year closes the first element.
AY_YEAR = regex.compile(
    r"(?:\G|(?<!\s))(?P<sep>\s*+[,，]\s*)(?P<y>(?P<c>c|\[)?(?P<n>(?:1[4-9]|20)\d\d)(?:(?<=\[\d{4})(?P<s>[a-z])(?=\]))?\]?"
    r"(?:[-—](?:(?:1[4-9]|20)\d\d)?)?(?:\([^()]{1,20}\)|（[^（）]{1,20}）)?(?P<s>[a-z])?)\s*\Z"
)
YEAR = regex.compile(r"(?<![\d\-/.])(1[4-9]\d\d|20\d\d)(?![\d])")


class cached_property:  # noqa: N801 - functools.cached_property without its lock (Python 3.11)
    """A lazily computed attribute, stored in the instance ``__dict__`` on first access (the
    standard library's version takes a lock on every first access, which costs more than most
    rules here)."""

    def __init__(self, fn: Any) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


def _strip_url(text: str, start: int) -> tuple[int, int]:
    end = start + len(text)
    while text and text[-1] in ".,;:)]>】）":
        if text[-1] == ")" and text.count("(") >= text.count(")"):
            break
        if text[-1] == "]" and text.count("[") >= text.count("]"):
            break
        text = text[:-1]
        end -= 1
    return start, end


class Entry:
    """The shared analysis of one reference (``e.ref``, ``e.raw``)."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        self.raw = ref.raw
        self.label, self.body = split_label(ref.raw) if ref.raw[:1] in _LABEL_START else (None, 0)
        # The type code: the first "[T]" or "[T/C]" whose T is a GB/T code (2015 or 2025).
        self.code: regex.Match[str] | None = None
        self.type_code: str | None = None
        self.carrier: str | None = None
        self.tail_start = len(self.raw)
        if "[" in self.raw:
            for m in TYPE_CODE.finditer(self.raw, self.body):
                t = m.group("t").upper()
                if t in TYPE_CODES_2025:
                    self.code, self.type_code, self.tail_start = m, t, m.end()
                    c = m.group("c")
                    self.carrier = c.upper() if c else None
                    break
        self.is_gbt = self.code is not None
        self.online = self.carrier == "OL"

    @cached_property
    def contribution(self) -> bool:
        """``析出文献//出处``: a ``//`` right after the type code (spaces tolerated)."""
        return bool(self.code and _DOUBLE_SLASH.match(self.raw, self.tail_start))

    # --- parts ---------------------------------------------------------------------------

    @cached_property
    def head_end(self) -> int | None:
        """End of the responsible-party block (before its closing '.'), or None when the
        entry starts with its title (no separator before the type code)."""
        limit = self.code.start() if self.code else len(self.raw)
        m = ELEMENT_END.search(self.raw, self.body, limit)
        return m.start() if m else None

    @cached_property
    def title_start(self) -> int:
        if self.head_end is None:
            return self.body
        m = ELEMENT_END.match(self.raw, self.head_end)
        end = m.end() if m else self.head_end + 1
        while end < len(self.raw) and self.raw[end] == " ":
            end += 1
        return end

    @cached_property
    def ay_year(self) -> regex.Match[str] | None:
        """The year closing the responsible-party block of an author-date entry (``Name, 2010.``),
        or None (numeric entries, entries that start with their title)."""
        end = self.head_end
        if (
            end is None
            or end - self.body < 6
            or not self.raw[end - 1 : end].isalnum()
            and self.raw[end - 1] not in ")）]-—"
        ):
            return None
        return AY_YEAR.search(self.raw, max(self.body, end - 40), end)

    @cached_property
    def title(self) -> str:
        if not self.code:
            return ""
        return self.raw[self.title_start : self.code.start()]

    @cached_property
    def language(self) -> str | None:
        """The item's language: the CSL item's, else the script of the title."""
        lang = self.ref.item.get("language") if self.ref.item else None
        if isinstance(lang, str) and lang:
            return lang.split("-")[0].lower()
        return script_language(self.title) if self.title else None

    # --- identifiers and dates -----------------------------------------------------------

    @cached_property
    def urls(self) -> list[tuple[int, int]]:
        out = []
        for m in URL_MENTION.finditer(self.raw):
            out.append(_strip_url(m.group(), m.start()))
        return out

    @cached_property
    def dois(self) -> list[tuple[int, int, str]]:
        """``(start, end, value)`` of each DOI in the raw string (value without the prefix)."""
        out = []
        for m in DOI_MENTION.finditer(self.raw):
            s, e = _strip_url(m.group("v"), m.start("v"))
            out.append((s, e, self.raw[s:e]))
        return out

    @cached_property
    def access_dates(self) -> list[regex.Match[str]]:
        return list(ACCESS_DATE.finditer(self.raw, self.tail_start if self.code else self.body))

    def in_url(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.urls)

    def item(self, name: str, default: Any = None) -> Any:
        return self.ref.item.get(name, default) if self.ref.item else default
