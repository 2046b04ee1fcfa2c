"""Numbers: page ranges (``page-range-format``), ordinals (gendered, empty terms honoured),
``cs:number``, ``cs:label`` and circled note numbers.
"""

from __future__ import annotations

import re
from typing import Any

import citeproc.model as cm
from citeproc.source import VariableError
from citeproc.string import (
    String,
)

from .._markup import (
    LITERAL_HYPHEN,
    markup_as_text,
)
from .compile import RAISED, _compile_leaf
from .keys import _MISSING, CSL_NS
from .locators import before_embedded_label, embedded_labels

_NUMERIC_RANGE = re.compile(r"\s*(\d+)\s*-\s*(\d+)\s*")
# Separators with the spaces around them.  A search retried a leading ``\s*`` at every space of a
# long run (quadratic: seconds on a page of 10,000 spaces); a match now starts only where a run of
# spaces starts, and takes the spaces after it unless another separator follows them.
_RANGE_SPLIT = re.compile(r"(?<!\s)\s*+[-\u2013](?:\s*+(?![-\u2013]))?")
# the digits a page number ends in, tried only where a run of digits starts (``(.*?)(\d+)`` as a
# fullmatch retried the rest of a run at each of its digits: 10,000 digits took 0.2 s)
_TRAILING_DIGITS = re.compile(r"(?<!\d)\d+\Z")
_ALNUM_RANGE = re.compile(r"[A-Za-z0-9]+\s*[-\u2013]\s*[A-Za-z0-9]+")
_LIST_SPLIT = re.compile(r"((?<!\s)\s*+[,&\ue000](?:\s*+(?![,&\ue000]))?)")


def collapse_range(first: str, last: str, form: str | None) -> str:
    """The last number of a page range ``first``–``last`` (digits) in a CSL
    ``page-range-format``: expanded, minimal, minimal-two, chicago (-15), chicago-16."""
    if len(last) > len(first) or form in (None, "expanded"):
        return last
    common = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(last)
    )
    minimal = last[common:] or last[-1:]
    minimal_two = last[min(common, len(last) - 2) :] if len(last) >= 2 else minimal
    if form == "minimal":
        return minimal
    if form == "minimal-two":
        return minimal_two
    if form in ("chicago", "chicago-15", "chicago-16"):
        number = int(first)
        if number < 100 or number % 100 == 0:
            return last
        if form != "chicago-16" and len(first) == 4 and len(last) - common >= 3:
            return last  # four digits of which three change: all of them (1496–1504)
        return minimal if number % 100 < 10 else minimal_two
    return last


def _trailing_number(text: str) -> tuple[str, str] | None:
    """(what comes before, the digits) of a page number that ends in digits, on one line."""
    m = _TRAILING_DIGITS.search(text)
    if m is None or "\n" in text[: m.start()]:
        return None
    return text[: m.start()], m.group()


class _PageRanges:
    """``page`` ranges in the style's ``page-range-format`` (citeproc-py only handled plain
    numbers, shortened ``1536–538``, and turned ``N110-5`` into a range): the range delimiter
    is the ``page-range-delimiter`` term (else an en dash); a second number written short
    (``321-28``) is completed first; numbers with prefixes (``n11564-n11568``) keep the prefix
    on the first; a range whose two sides have different prefixes (``N110-5``, ``110-N6``) is
    not a range and keeps its hyphen."""

    def _process(self, value: Any, variable: str) -> Any:
        form = self.get_root().get_option("page-range-format")  # type: ignore[attr-defined]
        if variable != "page":
            return super()._process(value, variable)  # type: ignore[misc]
        delimiter = str(self.get_single_term(name="page-range-delimiter") or "") or "\u2013"  # type: ignore[attr-defined]
        out = []
        for piece in _LIST_SPLIT.split(str(value)):
            if _LIST_SPLIT.fullmatch(piece) or not piece:
                out.append(piece)
                continue
            out.append(self._page_range(piece, form, delimiter))
        return String("".join(out))

    def _page_range(self, item: str, form: str, delimiter: str) -> str:
        parts = _RANGE_SPLIT.split(item.strip())
        if len(parts) != 2:
            return str(self.format_number(item.strip()))  # type: ignore[attr-defined]
        first, last = parts
        mf, ml = _trailing_number(first), _trailing_number(last)
        if mf is None and ml is None:
            if _ROMAN.fullmatch(first) and _ROMAN.fullmatch(last):  # xxv–xxviii
                return f"{self.format_number(first)}{delimiter}{self.format_number(last)}"  # type: ignore[attr-defined]
            return item.strip()  # Michaelson-Morely: not a range
        if mf is None or ml is None or mf[0] != ml[0]:
            if _ALNUM_RANGE.fullmatch(item.strip()):
                return f"{first}-{last}"  # not a range of like numbers: a hyphenated number
            return str(super()._process(item.strip(), "page"))  # type: ignore[misc]
        prefix, fd, ld = mf[0], mf[1], ml[1]
        if form is None or len(fd) > 100 or len(ld) > 100:
            # no page-range-format, or no page number (Python converts no more than 4,300
            # digits): the numbers as given
            return f"{first}{delimiter}{last}"
        if len(ld) < len(fd):
            ld = fd[: len(fd) - len(ld)] + ld
        if int(ld) < int(fd):
            return f"{first}-{last}"
        short = collapse_range(fd, ld, form)
        tail = prefix + ld if short == ld else short
        return f"{first}{delimiter}{tail}"


def circled(number: int) -> str:
    """1 → ①, 20 → ⑳, 21 → (21)."""
    if 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    return f"({number})"


# --- ordinals -------------------------------------------------------------------------------


def _ordinal_suffix(number: int, context: Any, gender: str | None = None) -> str:
    """The ordinal suffix of ``number``: the ordinal terms of the first locale in the fallback
    chain that defines any (CSL 1.0.1); among them the term of the ``gender`` of the noun the
    number goes with (``gender-form``), else the neuter one, ``ordinal-NN`` before
    ``ordinal``."""
    root = context.get_root()
    locales = getattr(root, "locales", None) or [root]
    cache = getattr(context, "_ck_cache", {})
    for locale in locales:
        key = ("ordinal-terms", locale)
        found = cache.get(key)
        if found is None:
            terms = locale.find(f"{{{CSL_NS}}}terms")
            found = cache[key] = (
                {}
                if terms is None
                else {
                    (t.get("name"), t.get("gender-form")): t
                    for t in terms.iterchildren(f"{{{CSL_NS}}}term")
                    if (t.get("name") or "").startswith("ordinal")
                    and t.get("form") in (None, "long")
                }
            )
        if not found:
            continue
        two = number % 100
        one = number % 10
        for form in (gender, None) if gender else (None,):
            term = found.get((f"ordinal-{two:02d}", form)) if two >= 10 else None
            if term is not None and (term.get("match") != "whole-number" or number == two):
                return str(term.single)
            term = found.get((f"ordinal-{one:02d}", form))
            if term is not None:
                match = term.get("match", "last-digit")
                if (
                    match == "last-digit"
                    or (match == "last-two-digits" and two == one)
                    or (match == "whole-number" and number == one)
                ):
                    return str(term.single)
        term = found.get(("ordinal", gender)) if gender else None
        if term is None:
            term = found.get(("ordinal", None))
        return str(term.single) if term is not None else ""
    return ""


def _term_gender(context: Any, name: str) -> str | None:
    """The ``gender`` of the locale's term ``name`` (``edition``, ``month-10``...), if any."""
    cache = context._ck_cache
    key = ("term-gender", name)
    hit = cache.get(key, _MISSING)
    if hit is _MISSING:
        try:
            term = context.get_term(name)
        except Exception:  # noqa: BLE001 - no such term
            term = None
        hit = cache[key] = term.get("gender") if term is not None else None
    return hit


class Label(cm.Label):
    """``cs:label`` for an empty variable (no locator, no page...) prints nothing: citeproc-py
    printed the term anyway (``p.`` with no page)."""

    def compile(self) -> Any:
        run = _compile_leaf(self)
        variable = self.get("variable")
        if not variable:
            return run
        key = variable.replace("-", "_")

        def label(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            if variable == "locator":
                if not getattr(item, "has_locator", False):
                    return RAISED, True
            elif key not in item.reference:
                return RAISED, False
            return run(item, kwargs)

        return label

    def _is_plural(self, item: Any) -> bool:
        """Plural when the value holds several numbers (citeproc-py's rule: ``1-2``, ``1, 2``;
        not ``Michaelson-Morely`` nor an escaped ``327\\-30``) or a roman range (``i-ix``);
        ``number-of-*`` when above 1."""
        variable = self.get("variable")
        if variable.startswith("number-of"):
            try:
                return int(str(item.reference[variable.replace("-", "_")])) > 1
            except (VariableError, ValueError):
                return False
        if variable == "locator":
            value = before_embedded_label(self, str(item.locator.identifier))
        else:
            try:
                value = item.reference[variable.replace("-", "_")]
            except VariableError:
                return False
        text = str(value).replace(LITERAL_HYPHEN, "")  # 327\-30: one number
        if _MULTIPLE_NUMBERS.search(text) is not None:  # citeproc-py's rule
            return True
        parts = [p for p in _PLURAL_SPLIT.split(text) if p.strip()]  # roman ranges: i-ix
        return len(parts) > 1 and all(_ROMAN.fullmatch(p.strip()) for p in parts)


_DIGIT = re.compile(r"\d")
# citeproc-py's RE_MULTIPLE_NUMBERS (\d+[^\d.]+\d+) found in linear time: the same strings have a
# match (the last digit of one number, the first of the next); the original retried the rest of
# the value from every digit (a 10,000-character number variable: 28 s)
_MULTIPLE_NUMBERS = re.compile(r"\d[^\d.]++\d")
_PLURAL_SPLIT = re.compile(r"\s*(?:[-\u2013,&\ue000])\s*")
_ROMAN = re.compile(r"[ivxlcdm]+|[IVXLCDM]+")


class Number(_PageRanges, cm.Number):
    """``cs:number``; ordinals take the gender of the variable's term (``edition`` is feminine
    in French: ``1re éd.``)."""

    _ck_gender: str | None = None

    def _process(self, value: Any, variable: str) -> Any:
        if _DIGIT.search(str(value)):
            # rich text is not parsed in a numeric field with numeric content (citeproc-js;
            # the suite's flipflop_NumericField): its tags print as text
            literal = markup_as_text(str(value))
            if literal != str(value):
                value = String(literal)
        if self.get("form") in ("ordinal", "long-ordinal"):
            self._ck_gender = _term_gender(self, variable)
        if variable != "locator" and "," in str(value):
            head = before_embedded_label(self, str(value))
            if head != str(value) and head.strip():
                # labels written in the number (7, p. 3-8): the number before them takes the
                # form, the labelled parts are printed as citeproc-js prints them
                tail = embedded_labels(self, str(value)[len(head) :])
                return String(str(super()._process(String(head), variable)) + tail)
        return super()._process(value, variable)

    def format_number(self, number: Any) -> Any:
        form = self.get("form", "numeric")
        if form in ("ordinal", "long-ordinal"):
            try:
                value = int(number)
            except ValueError:
                return number
            if form == "ordinal" or value > 10:
                return String(str(value) + _ordinal_suffix(value, self, self._ck_gender))
        return super().format_number(number)
