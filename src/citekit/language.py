"""Language of a reference by counting scripts; no model needed.

A reference is Chinese when Han characters are a real part of its letters (a few Han
characters in an English reference, e.g. a publisher's name, do not make it Chinese);
Japanese when it has kana, Korean when it has Hangul.
"""

from __future__ import annotations

from . import lazyregex as regex  # patterns compiled on first use (start-up)
from .text.script import script_counts

__all__ = ["detect_language"]

_ASCII_LETTER = regex.compile(r"[A-Za-z]")


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
