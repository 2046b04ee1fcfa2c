"""Small text helpers shared by the rule modules: trimming spans, splitting, Chinese numerals.

Every helper works on positions in the normalised view (``Draft.text``); nothing here
allocates per-character structures bigger than the input, and no regex here can backtrack
catastrophically (all patterns are anchored on literal characters or bounded).
"""

from __future__ import annotations

import re

from ..text.numerals import cn_number, number_text
from ..text.script import is_cjk

__all__ = ["MASK", "cn_number", "find_close", "is_cjk", "number_text", "split_top", "trim"]

MASK = "\x00"  # stands in for text already taken by an identifier (URL, DOI) in the work string

_TRIM = " \t,.;:，。；：、" + MASK


def trim(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    """Shrink ``[start, end)`` past leading and trailing ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


_OPEN = {"(": ")", "《": "》", "[": "]", "“": "”", "〈": "〉", "‘": "’"}
_CLOSE = {v: k for k, v in _OPEN.items()}


def split_top(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at ``seps`` characters outside brackets, quotes and 《》.

    Returns untrimmed ``(s, e)`` pieces; linear time.
    """
    pieces: list[tuple[int, int]] = []
    depth = 0
    s = start
    pattern = _SPLITTERS.get(seps)
    if pattern is None:
        pattern = _SPLITTERS[seps] = re.compile(
            "[" + re.escape("".join(_OPEN) + "".join(_CLOSE) + seps) + "]"
        )
    for m in pattern.finditer(text, start, end):  # only brackets, quotes and separators matter
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return pieces


_SPLITTERS: dict[str, re.Pattern[str]] = {}


def find_close(text: str, start: int, end: int, open_ch: str, close_ch: str) -> int:
    """Index of the ``close_ch`` matching ``text[start] == open_ch``, or -1."""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            depth -= 1
            if depth == 0:
                return i
    return -1
