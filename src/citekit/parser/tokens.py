"""Tokens for the sequence labeller: CJK per character, Latin per word, digits per run,
punctuation alone, a URL or DOI whole; whitespace is never a token.  Offsets are positions in the string given
(the normalised view), so a label sequence maps back to the raw string through the view.
"""

from __future__ import annotations

from regex import Match

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.identifiers import DOI_START

__all__ = ["tokenize", "TOKEN"]

TOKEN = regex.compile(
    r"(?:https?|ftp)://[^\s\p{Han}<>\"“”《》]+|www\.[^\s\p{Han}<>\"“”《》]+"  # a URL is one token
    rf"|{DOI_START}[^\s\p{{Han}}<>\"“”《》]+"  # and so is a DOI
    r"|[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]"  # one CJK character
    r"|[^\W\d_\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+"  # a run of letters
    r"|\d+"  # a run of digits
    r"|[^\w\s]|_"  # one punctuation mark or symbol
)


# TOKEN without its URL and DOI alternatives: the same tokens where neither can match (no "://",
# "www." or "10." in the text: most references), found ~10% faster
_PLAIN_TOKEN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]"
    r"|[^\W\d_\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+"
    r"|\d+"
    r"|[^\w\s]|_"
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every token of ``text[start:end]``, in order; linear time."""
    if end is None:
        end = len(text)
    plain = (
        text.find("://", start, end) < 0
        and text.find("www.", start, end) < 0
        and text.find("10.", start, end) < 0
    )
    pattern = _PLAIN_TOKEN if plain else TOKEN
    return list(map(_SPAN, pattern.finditer(text, start, end)))  # (no Python frame per token)


_SPAN = Match.span  # the match objects' span method (without compiling TOKEN for it)
