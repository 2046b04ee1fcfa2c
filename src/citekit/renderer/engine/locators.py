"""Locator labels written in the locator text (``vol. 1, fol. 186``), read as citeproc-js reads
them: a locator given without a label that starts with a locator term of the style's locale
takes that term's label; the plural of a label counts only the text before the next label
written in it (``367-368, fig. 333``: pages)."""

from __future__ import annotations

import re
from typing import Any

from .keys import _MISSING

#: The CSL 1.0.2 locator types ("Locators" appendix), each a term of the locale.
LOCATOR_TYPES = (
    "act appendix article-locator book canon chapter column elocation equation figure folio "
    "issue line note opus page paragraph part rule scene section sub-verbo supplement table "
    "timestamp title-locator verse version volume"
).split()


def locator_terms(context: Any) -> dict[str, tuple[str, str | None]]:
    """The short and long forms (singular and plural) of each locator term in ``context``'s
    locales, lower-cased, mapped to the term's name and form; looked up once per parsed style."""
    cache = context._ck_cache
    hit = cache.get("locator-terms", _MISSING)
    if hit is not _MISSING:
        return hit
    terms: dict[str, tuple[str, str | None]] = {}
    for name in LOCATOR_TYPES:
        for form in ("short", None):
            term = context.get_term(name, form)
            if term is None:
                continue
            for text in (term.single, term.multiple):
                text = str(text or "").strip().lower()
                if text and text not in terms:
                    terms[text] = (name, form)
    cache["locator-terms"] = terms
    return terms


def _term_pattern(terms: dict[str, Any]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?=\s)", re.I)


def _pattern(context: Any) -> re.Pattern[str] | None:
    cache = context._ck_cache
    hit = cache.get("locator-term-pattern", _MISSING)
    if hit is _MISSING:
        hit = cache["locator-term-pattern"] = _term_pattern(locator_terms(context))
    return hit


def leading_label(context: Any, locator: str) -> tuple[str, str] | None:
    """``(label, rest)`` when ``locator`` starts with a locator term and a space followed by a
    digit (``vol. 1, fol. 186`` → ``("volume", "1, fol. 186")``), else ``None``."""
    pattern = _pattern(context)
    match = pattern.match(locator.lstrip()) if pattern else None
    if match is None:
        return None
    rest = locator.lstrip()[match.end() :].lstrip()
    if not rest[:1].isdigit():
        return None
    return locator_terms(context)[match.group(0).lower()][0], rest


def before_embedded_label(context: Any, locator: str) -> str:
    """``locator`` up to the first label written in it after a comma (``367-368, fig. 333``
    → ``367-368``), the part whose number decides the label's plural."""
    pattern = _pattern(context)
    if pattern is None:
        return locator
    for comma in re.finditer(r",\s*", locator):
        if pattern.match(locator, comma.end()):
            return locator[: comma.start()]
    return locator


_LABELLED = re.compile(r"(,\s*)(\S+)(\s+)(.*?)(?=,\s*\S+\s|$)", re.S)
_MULTIPLE = re.compile(r"\d\s*[-\u2013,&]\s*\d")


def embedded_labels(context: Any, text: str) -> str:
    """The labelled parts of a number variable after its first number (``, p. 3-8``) as
    citeproc-js prints them: each label in the plural when its numbers are several (``pp.``),
    their ranges with an en dash; ``text`` itself where no label is written in it."""
    terms = locator_terms(context)
    out = []
    pos = 0
    for m in _LABELLED.finditer(text):
        if m.start() != pos or m.group(2).lower() not in terms:
            return text
        name, form = terms[m.group(2).lower()]
        term = context.get_term(name, form)
        numbers = m.group(4)
        label = term.multiple if _MULTIPLE.search(numbers) else term.single
        numbers = re.sub(r"(?<=\d)\s*-\s*(?=\d)", "\u2013", numbers)
        out.append(f"{m.group(1)}{label}{m.group(3)}{numbers}")
        pos = m.end()
    return "".join(out) if pos == len(text) else text
