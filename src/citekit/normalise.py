"""A normalised view of a raw reference string, with a map back to raw offsets.

The raw string is evidence and is never changed.  Parsers read the view: full-width ASCII
folded to half-width, Chinese full-width punctuation unified to ASCII, line breaks joined,
whitespace runs collapsed.  ``View.raw_span`` turns a span in the view into the span of
the raw string it came from, so every field still points at the original text.
"""

from __future__ import annotations

import re as _re
from dataclasses import dataclass

import regex

from .model import Span, new_span
from .text.script import UNSPACED_CLASS, is_cjk_punctuation, is_unspaced

__all__ = ["View", "normalise", "clean_value"]

# Punctuation folded to ASCII for the parsers.  Quotes and 《》 are kept: they carry meaning.
_PUNCT = {
    "，": ",",
    "：": ":",
    "；": ";",
    "（": "(",
    "）": ")",
    "［": "[",
    "］": "]",
    "【": "[",
    "】": "]",
    "．": ".",
    "！": "!",
    "？": "?",
    "／": "/",
    "－": "-",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "～": "~",
    "＆": "&",
    "＋": "+",
    "\u00a0": " ",
    "\u3000": " ",
    "\t": " ",
    "\u200b": "",
    "\ufeff": "",
}


def _fold(ch: str) -> str:
    mapped = _PUNCT.get(ch)
    if mapped is not None:
        return mapped
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII block
        return chr(code - 0xFEE0)
    return ch


@dataclass(frozen=True, slots=True)
class View:
    text: str
    offsets: (
        tuple[int, ...] | range  # offsets[i] = raw index of text[i]; one extra entry = len(raw)
    )
    raw: str | None = None  # the raw string the view was made from

    def raw_span(self, start: int, end: int) -> Span:
        """The raw span covered by ``text[start:end]``."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else self.offsets[-1]
            return Span(pos, pos)
        last = self.offsets[end - 1]
        stop = last + 1
        if self.raw is not None and self.raw[last] == "&":  # a decoded HTML entity: take all of it
            m = _ENTITY.match(self.raw, last)
            if m:
                stop = m.end()
        return new_span(self.offsets[start], stop)


# Field values keep dashes and the ideographic space; ``，：；`` gain the space of the ASCII scheme.
_CLEAN = dict(_PUNCT)
for _k in ("–", "—", "‐", "‑", "\u3000"):
    del _CLEAN[_k]
_CLEAN.update({"，": ", ", "：": ": ", "；": "; "})


def _fold_clean(ch: str) -> str:
    mapped = _CLEAN.get(ch)
    if mapped is not None:
        return mapped
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    return ch


# ", " / ": " / "; " before a letter, a CJK character or an opening quote or 《 written without the space
_GLUED = _re.compile(r"([,:;])(?=[^\W\d_]|[“‘《])|(\))(?=[A-Z][a-z])")
_SPACES = _re.compile(r"[ ]{2,}")


def _space_after(m: _re.Match[str]) -> str:
    return m.group() + " "


# str.translate tables: the fast path for strings without line breaks (most of them)
_FOLD_TABLE = {i: chr(i - 0xFEE0) for i in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({ord(k): v for k, v in _PUNCT.items()})
_CLEAN_TABLE = {i: chr(i - 0xFEE0) for i in range(0xFF01, 0xFF5F)}
_CLEAN_TABLE.update({ord(k): v for k, v in _CLEAN.items()})
_SLOW = _re.compile(r"[\r\n]|&#?\w{1,8};")
_ENTITY = _re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# "appli- cation": a word hyphenated across a line break in a PDF (not "Hazard- and Risk-")
_LINE_HYPHEN = _re.compile(
    r"(?<=[a-z]{2})- (?=[a-z]{2,})(?!(?:and|or|to|the|of|in|for|with|nor)\b)"
)
# a space between two CJK characters, or between CJK and a Latin letter or digit, is typographic
# (or a PDF artefact): the canonical form has none
_CJK_SPACE = regex.compile(
    rf"(?<=[{UNSPACED_CLASS}])[ ]+(?=[{UNSPACED_CLASS}]|[A-Za-z0-9]+(?:[^A-Za-z0-9 ]|[ ]?[{UNSPACED_CLASS}]))"
    rf"|(?<=[A-Za-z0-9])[ ]+(?=[{UNSPACED_CLASS}])"
)
_DELETED = _re.compile("[\u200b\ufeff]")
_SLOW_OR_DELETED = _re.compile(
    "[\r\n\u200b\ufeff]|&#?\\w{1,8};"
)  # one scan for the fast path's test


def _joins_cjk(ch: str) -> bool:
    """A wrapped line ending or starting with this character joins the next without a space."""
    return is_unspaced(ch) or is_cjk_punctuation(ch)


def clean_value(raw: str) -> str:
    """The clean value of a text field whose raw text is ``raw`` (see the module docstring)."""
    if _SLOW.search(raw):
        text = _join(raw, _fold_clean)
    else:
        text = raw.translate(_CLEAN_TABLE)
    if "," in text or ":" in text or ";" in text or ")" in text:
        text = _GLUED.sub(_space_after, text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " " in text:
        if not text.isascii():  # the spaces it removes touch a CJK character
            text = _CJK_SPACE.sub("", text)
        if "- " in text:
            text = _LINE_HYPHEN.sub("", text)
    return text.strip(" ")


def normalise(raw: str) -> View:
    if not _SLOW_OR_DELETED.search(raw):
        text = raw.translate(_FOLD_TABLE)  # one character for one: offsets are the identity
        if "  " not in text and not text.startswith(" ") and not text.endswith(" "):
            return View(text, range(len(raw) + 1), raw)
    text, offsets = _join(raw, _fold, with_offsets=True)
    return View(text, tuple(offsets), raw)


def _join(raw: str, fold, with_offsets: bool = False):
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch in "\r\n":
            # Join a wrapped line: drop a soft hyphen before a lower-case continuation,
            # join CJK to CJK directly, and put one space anywhere else.
            j = i
            while j < n and (raw[j] in "\r\n" or raw[j] in " \t\u3000"):
                j += 1
            nxt = raw[j] if j < n else ""
            if out and out[-1] == "-" and len(out) > 1 and out[-2].isalpha() and nxt.islower():
                out.pop()
                offsets.pop()
            elif out and nxt and _joins_cjk(out[-1]) and _joins_cjk(nxt):
                pass
            elif out and out[-1] != " " and nxt:
                out.append(" ")
                offsets.append(i)
            i = j
            continue
        if ch == "&":
            m = _ENTITY.match(raw, i)
            if m:
                import html

                decoded = html.unescape(m.group())
                if decoded != m.group() and 0 < len(decoded) <= 2:
                    for c in decoded:
                        out.append(fold(c)[:1] or c)
                        offsets.append(i)
                    i = m.end()
                    continue
        folded = fold(ch)
        if folded == " " and (not out or out[-1] == " "):
            i += 1
            continue
        for c in folded:
            if c == " " and out and out[-1] == " ":
                continue
            out.append(c)
            offsets.append(i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        offsets.pop()
    if not with_offsets:
        return "".join(out)
    offsets.append(n)
    return "".join(out), offsets
