"""Strings and joins: where rendered text meets rendered text.

:func:`_seam` is the one rule for a seam (citeproc-py's ``normalize_seam`` plus citeproc-js's
merge of different punctuation marks); :func:`join` appends with it, :func:`cjk_join` drops a
whitespace delimiter at a CJK seam (``5 版`` → ``5版``).
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.string import (
    SEAM_PUNCTUATION,
    MixedString,
    NoCase,
    String,
    _strip_first_char,
)

from .._markup import (
    _PUNCT_MERGE,
)

_CJK = (
    "\u2e80-\u2fdf"  # radicals
    "\u3000-\u303f"  # CJK symbols and punctuation
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3100-\u312f\u31a0-\u31bf"  # bopomofo
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uff00-\uffef"  # full-width forms
    "\U00020000-\U0003134f"
)
_CJK_RE = re.compile(f"[{_CJK}]")
_TAG_TAIL = re.compile(r"(?:<[^<>]*>)+$")
_TAG_HEAD = re.compile(r"^(?:<[^<>]*>)+")


def _seam(last: str, piece: Any, merge: bool = True) -> tuple[Any, bool]:
    """The one rule for where text meets text: ``piece`` as it is appended after text ending in
    ``last``, and whether that text loses its last character.  citeproc-py's
    ``normalize_seam`` (a double space or a repeated mark loses one), then, with ``merge``,
    different punctuation marks merged as citeproc-js merges them (:data:`_PUNCT_MERGE`:
    ``?`` then ``.`` keeps ``?``; ``:`` then ``!`` keeps ``!``)."""
    if not last:
        return piece, False
    piece_text = str(piece)
    if not piece_text:
        return piece, False
    first = piece_text[0]
    if (first == " " and last == " ") or (first == last and first in SEAM_PUNCTUATION):
        return _strip_first_char(piece), False
    if merge and first in _PUNCT_MERGE and last in _PUNCT_MERGE:
        merged = _PUNCT_MERGE[last][first]
        if merged == last:
            return _strip_first_char(piece), False
        if merged == first:
            return piece, True
    return piece, False


#: The first characters of a piece :func:`_seam` may change.
_SEAM_FIRST = frozenset(" ") | SEAM_PUNCTUATION | frozenset(_PUNCT_MERGE)


def join(items: Any, delimiter: str = "") -> Any:
    """citeproc-py's ``citeproc.string.join`` with the seams ruled by :func:`_seam`.

    Same result and segment structure as appending with ``+``, without its quadratic
    ``str()`` of the growing output at every seam (the last character is tracked instead):
    ``String`` / ``MixedString`` pieces are collected as segments.  Items whose ``+`` is not
    citeproc-py's (a plain ``str`` or a formatter's tag first) are appended with ``+``."""
    if type(items) is not list:
        items = list(items)
    if not items:
        return String("")
    output = items[0]
    if len(items) == 1:
        return output
    first_type = type(output)
    if first_type is MixedString:
        segments: Any = list(output)
    elif first_type is String or first_type is NoCase:
        segments = None
    else:
        return _join_plus(items, delimiter)
    for item in items:
        if not (isinstance(item, str) or type(item) is MixedString):
            return _join_plus(items, delimiter)
    text = str(output)
    last = text[-1:]
    for item in items[1:]:
        for piece in (delimiter, item):
            # the seam, then ``output + piece``, whose MixedString.__add__ normalises again
            for again in (False, True):
                # (_seam leaves a piece alone unless it starts with a space or a mark)
                if last and str(piece)[:1] in _SEAM_FIRST:
                    piece, strip_last = _seam(last, piece, merge=not again)
                    if strip_last:
                        if segments is None:
                            output = _strip_last_char(output)
                        else:
                            segments = list(_strip_last_char(MixedString(segments)))
                        last = _last_char(output if segments is None else segments)
                if segments is None:  # String.__add__: an empty piece leaves the String as is
                    if piece == "":
                        break
                    segments = [output]
                    continue  # MixedString([output]) + piece
                if piece == "" or piece == []:
                    break
                if not again:
                    continue
                if type(piece) is MixedString:
                    segments.extend(piece)
                else:
                    segments.append(piece)
                piece_text = str(piece)
                if piece_text:
                    last = piece_text[-1]
    return output if segments is None else MixedString(segments)


def _join_plus(items: list[Any], delimiter: str) -> Any:
    """:func:`join` of items of other types: each seam by :func:`_seam`, then ``+``."""
    output = items[0]
    for item in items[1:]:
        for piece in (delimiter, item):
            piece, strip_last = _seam(str(output)[-1:], piece)
            if strip_last:
                output = _strip_last_char(output)
            output = output + piece
    return output


def _strip_last_char(text: Any) -> Any:
    """``text`` without its last character, keeping the (Mixed)String segment structure (the
    character is never in a formatter's tag: those end with ``>``)."""
    if isinstance(text, MixedString):
        segments = list(text)
        for i in range(len(segments) - 1, -1, -1):
            if str(segments[i]):
                stripped = _strip_last_char(segments[i])
                segments[i : i + 1] = [stripped] if str(stripped) else []
                break
        return MixedString(segments)
    return type(text)(str(text)[:-1])


def _last_char(text: Any) -> str:
    if isinstance(text, list):
        for segment in reversed(text):
            value = str(segment)
            if value:
                return value[-1]
        return ""
    return str(text)[-1:]


def merge_seam(left: Any, right: Any) -> tuple[Any, Any]:
    """``left`` and ``right`` with different punctuation marks where they meet merged
    (:func:`_seam`; identical marks are left to citeproc-py's ``normalize_seam``)."""
    a, b = _last_char(left), str(right)[:1]
    if a == b or a not in _PUNCT_MERGE or b not in _PUNCT_MERGE:
        return left, right
    right, strip_last = _seam(a, right)
    return (_strip_last_char(left) if strip_last else left), right


def _nonempty(text: Any) -> bool:
    """``str(text) != ""`` without joining a ``MixedString``'s segments."""
    if isinstance(text, list):
        for segment in text:
            if (segment != "") if isinstance(segment, str) else _nonempty(segment):
                return True
        return False
    return str(text) != ""


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_RE.match(ch) is not None


def _edge_chars(left: Any, right: Any) -> tuple[str, str]:
    ls = _TAG_TAIL.sub("", str(left))
    rs = _TAG_HEAD.sub("", str(right))
    return (ls[-1:] if ls else "", rs[:1] if rs else "")


def cjk_join(items: list[Any], delimiter: str) -> Any:
    """citeproc-py's ``join``; a whitespace delimiter disappears before a CJK character that
    follows a letter, digit or CJK character."""
    if len(items) == 1:
        return items[0]
    if not delimiter or delimiter.strip(" \t\n") or len(items) < 2:  # U+3000 is meant
        return join(items, delimiter)
    if not any(has_cjk(str(item)) for item in items[1:]):  # no seam can be CJK
        return join(items, delimiter)
    output = items[0]
    for item in items[1:]:
        a, b = _edge_chars(output, item)
        seam = _is_cjk(b) and (a.isalnum() or _is_cjk(a))
        output = join([output, item], "" if seam else delimiter)
    return output
