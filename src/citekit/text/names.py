"""Name words: what marks a name as a corporate body's rather than a person's, and what names a
university or research institution.

The word lists are data (``data/corporate-words.txt``, ``data/institution-words.txt``); this module
turns them into the one predicate the parser (is "Stanford University" a person?) and the validator
(G056: is this upper-cased head a corporate name?) both ask, and into the one alternation of
institution words the parser's assembly and relabelling steps both match.
"""

from __future__ import annotations

from functools import cache

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from .lexicons import words
from .script import has_cjk

__all__ = ["has_corporate_word", "institution_words"]


@cache
def _corporate_word() -> regex.Pattern[str]:
    forms = []
    for word in sorted(words("corporate-words")):
        stem = word.endswith("*")
        word = word.rstrip("*")
        for form in (word, word.upper()):
            forms.append(regex.escape(form) + (r"\w*" if stem else ""))
    return regex.compile(r"\b(?:" + "|".join(forms) + r")\b")


def has_corporate_word(text: str) -> bool:
    """Whether ``text`` holds a word that names a corporate body ("University", "Ministry",
    "Inc"...), written capitalised or in capitals ("WORLD HEALTH ORGANIZATION"); lower-case
    words do not count ("the press", "health")."""
    return _corporate_word().search(text) is not None


@cache
def institution_words() -> str:
    """The words that name a university or research institution (``University``, ``Univ.``,
    ``Institute``, ``大学``, ``研究所`` …, from ``data/institution-words.txt``) as one regular
    expression alternation, longest first; a Latin word stands alone (not ``Institutional``), a
    Chinese one anywhere.  Callers put it inside their own pattern."""
    forms = []
    for word in sorted(words("institution-words"), key=lambda w: (-len(w), w)):
        if not has_cjk(word):
            forms.append(r"\b" + regex.escape(word) + r"(?!\p{L})")
        else:
            forms.append(regex.escape(word))
    return "(?:" + "|".join(forms) + ")"
