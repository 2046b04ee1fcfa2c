"""Language of a reference by counting scripts; no model needed.

A reference is Chinese when Han characters are a real part of its letters (a few Han
characters in an English reference, e.g. a publisher's name, do not make it Chinese);
Japanese when it has kana, Korean when it has Hangul.
"""

from __future__ import annotations

from collections import Counter

import regex

__all__ = ["detect_language", "script_counts"]

_SCRIPT = regex.compile(
    r"(?P<han>\p{Han})|(?P<kana>[\p{Hiragana}\p{Katakana}])|(?P<hangul>\p{Hangul})"
    r"|(?P<latin>\p{Latin})|(?P<cyrillic>\p{Cyrillic})"
)


def script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for m in _SCRIPT.finditer(text):
        counts[m.lastgroup or ""] += 1
    return counts


def detect_language(text: str) -> str | None:
    """BCP 47 tag for the reference's language: ``zh-CN``, ``ja``, ``ko``, ``ru`` or ``en``.

    Returns ``None`` when the text has no letters at all.
    """
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
