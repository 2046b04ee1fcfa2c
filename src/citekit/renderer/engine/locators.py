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


def locator_terms(context: Any) -> dict[str, str]:
    """The short and long forms (singular and plural) of each locator term in ``context``'s
    locales, lower-cased, mapped to the term's name; looked up once per parsed style."""
    cache = context._ck_cache
    hit = cache.get("locator-terms", _MISSING)
    if hit is not _MISSING:
        return hit
    terms: dict[str, str] = {}
    for name in LOCATOR_TYPES:
        for form in ("short", None):
            term = context.get_term(name, form)
            if term is None:
                continue
            for text in (term.single, term.multiple):
                text = str(text or "").strip().lower()
                if text and text not in terms:
                    terms[text] = name
    cache["locator-terms"] = terms
    return terms


def _term_pattern(terms: dict[str, str]) -> re.Pattern[str] | None:
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
    return locator_terms(context)[match.group(0).lower()], rest


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
