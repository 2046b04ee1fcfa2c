"""Name words: what marks a name as a corporate body's rather than a person's.

The word list is data (``data/corporate-words.txt``); this module turns it into the one predicate
the parser (is "Stanford University" a person?) and the validator (G056: is this upper-cased
head a corporate name?) both ask.
"""

from __future__ import annotations

from functools import cache

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from .lexicons import words

__all__ = ["has_corporate_word"]


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
