"""A normalised view of a raw reference string, with a map back to raw offsets.

The raw string is evidence and is never changed.  Parsers read the view: full-width ASCII
folded to half-width, Chinese full-width punctuation unified to ASCII, line breaks joined,
whitespace runs collapsed.  ``View.raw_span`` turns a span in the view into the span of
the raw string it came from, so every field still points at the original text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Span

__all__ = ["View", "normalise"]

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


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFF0F
    )


@dataclass(frozen=True, slots=True)
class View:
    text: str
    offsets: tuple[int, ...]  # offsets[i] = raw index of text[i]; one extra entry = len(raw)

    def raw_span(self, start: int, end: int) -> Span:
        """The raw span covered by ``text[start:end]``."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else self.offsets[-1]
            return Span(pos, pos)
        return Span(self.offsets[start], self.offsets[end - 1] + 1)


def normalise(raw: str) -> View:
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
            elif out and nxt and _is_cjk(out[-1]) and _is_cjk(nxt):
                pass
            elif out and out[-1] != " " and nxt:
                out.append(" ")
                offsets.append(i)
            i = j
            continue
        folded = _fold(ch)
        if folded == " " and (not out or out[-1] == " "):
            i += 1
            continue
        for c in folded:
            out.append(c)
            offsets.append(i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        offsets.pop()
    offsets.append(n)
    return View("".join(out), tuple(offsets))
