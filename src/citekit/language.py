"""Language of a reference by counting scripts; no model needed.

A reference is Chinese when Han characters are a real part of its letters (a few Han
characters in an English reference, e.g. a publisher's name, do not make it Chinese);
Japanese when it has kana, Korean when it has Hangul.
"""

from __future__ import annotations

from collections import Counter

from . import lazyregex as regex  # patterns compiled on first use (start-up)

__all__ = ["detect_language", "script_counts"]

# One scan per script over runs is several times faster than one match per character.
_SCRIPTS = {
    "han": regex.compile(r"\p{Han}+"),
    "kana": regex.compile(r"[\p{Hiragana}\p{Katakana}]+"),
    "hangul": regex.compile(r"\p{Hangul}+"),
    "latin": regex.compile(r"\p{Latin}+"),
    "cyrillic": regex.compile(r"\p{Cyrillic}+"),
}
_ASCII_LETTERS = regex.compile(r"[A-Za-z]+")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")
_RARE = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Hangul}\p{Cyrillic}]")
_COMMON = (("han", _SCRIPTS["han"]), ("latin", _SCRIPTS["latin"]))


def script_counts(text: str) -> Counter[str]:
    """Letters per script: ``han``, ``kana``, ``hangul``, ``latin``, ``cyrillic``."""
    counts: Counter[str] = Counter()
    if text.isascii():
        n = sum(map(len, _ASCII_LETTERS.findall(text)))
        if n:
            counts["latin"] = n
        return counts
    # most non-ASCII references are Chinese or Latin: one scan rules the rarer scripts out
    scripts = _SCRIPTS.items() if _RARE.search(text) else _COMMON
    for name, pattern in scripts:
        n = sum(map(len, pattern.findall(text)))
        if n:
            counts[name] = n
    return counts


def detect_language(text: str) -> str | None:
    """BCP 47 tag for the reference's language: ``zh-CN``, ``ja``, ``ko``, ``ru`` or ``en``.

    Returns ``None`` when the text has no letters at all.
    """
    if text.isascii():  # only Latin letters can occur: English if there is one
        return "en" if _ASCII_LETTER.search(text) else None
    c = script_counts(text)
    if not c:
        return None
    if c["kana"] >= 2:
        return "ja"
    if c["hangul"] >= 2:
        return "ko"
    # One Han character carries about as much as a Latin word of five letters.
    if c["han"] >= 2 and c["han"] * 5 >= c["latin"] * 0.5:
        return "zh-CN"
    if c["cyrillic"] > c["latin"]:
        return "ru"
    if c["latin"]:
        return "en"
    if c["han"]:
        return "zh-CN"
    return None
