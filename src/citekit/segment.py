"""Split a pasted reference list into references.

A segment keeps the exact source text of its reference (``raw``: first to last non-blank
character, inner line breaks included), the number the author gave it (``label``) and the
line it starts on.  Nothing is dropped: every non-blank character of the input lands in
exactly one segment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

__all__ = ["Segment", "iter_lines", "segment", "split_label", "split_lines"]

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"

# Numbering prefixes.  Dotted forms take at most three digits so that a year opening a
# wrapped line ("2013. Title") is not mistaken for a label; the dot must not start a
# decimal ("1.5 m").  Each alternative captures the number in group "n" or "c".
_LABEL = regex.compile(
    r"""
    [ \t\u3000]*
    (?:
        [\[［【〔]\s*(?P<n>\d{1,4})\s*[\]］】〕][.．]?
      | [(（]\s*(?P<n>\d{1,4})\s*[)）]
      | (?P<n>\d{1,3})\s*(?:[.．](?!\d)|[、)）])
      | (?P<c>["""
    + _CIRCLED
    + r"""])
    )
    [ \t\u3000]*
    """,
    regex.VERBOSE,
)


def split_label(text: str) -> tuple[str | None, int]:
    """Return ``(label, body_start)`` for a reference string that may carry a number prefix.

    >>> split_label("[12]胡重明.")
    ('12', 4)
    >>> split_label("Smith J.")
    (None, 0)
    """
    m = _LABEL.match(text)
    if not m:
        return None, 0
    if m.group("c"):
        label = str(_CIRCLED.index(m.group("c")) + 1)
    else:
        label = str(int(m.group("n")))
    end = m.end()
    if end >= len(text.rstrip()):  # a bare number is not a labelled reference
        return None, 0
    return label, end


@dataclass(frozen=True, slots=True)
class Segment:
    raw: str
    label: str | None
    line: int  # 1-based line of the input where the reference starts
    start: int  # code-point offset of raw in the input text


_NEWLINE = regex.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` pairs; only CR, LF and CRLF end a line (not U+2028, form feed...)."""
    pos = 0
    for m in _NEWLINE.finditer(text):
        yield pos, text[pos : m.start()]
        pos = m.end()
    if pos < len(text):
        yield pos, text[pos:]


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as ``--lines`` mode sees them: one reference each."""
    return [line for _, line in _line_starts(text)]


def segment(text: str) -> list[Segment]:
    """Split a reference list into :class:`Segment` objects, in order.

    - A numbered list: a line that starts with a label starts a reference, any other
      non-blank line continues the current one (wrapped lines, hanging indents).
    - An unnumbered list: blank lines separate references when the list uses them;
      otherwise indented lines continue the previous reference (hanging indent), and
      every other line is a reference of its own.
    """
    lines = list(_line_starts(text))
    labelled = [split_label(body)[0] is not None for _, body in lines if body.strip()]
    numbered = bool(labelled) and sum(labelled) >= max(1, len(labelled) // 3) and labelled[0]
    has_blank_separators = _blank_separated(lines)

    groups: list[list[tuple[int, str, int]]] = []  # (offset, body, line number)
    prev_blank = True
    last_number = 0
    for lineno, (offset, body) in enumerate(lines, start=1):
        if not body.strip():
            prev_blank = True
            continue
        if numbered:
            label, _ = split_label(body)
            starts = label is not None and (
                not groups or int(label) <= last_number + 10 or prev_blank
            )
            if starts:
                last_number = int(label)  # type: ignore[arg-type]
        elif has_blank_separators:
            starts = prev_blank
        else:
            starts = not groups or not body[:1].isspace() or prev_blank
        if starts or not groups:
            groups.append([])
        groups[-1].append((offset, body, lineno))
        prev_blank = False

    segments = []
    for group in groups:
        first_offset, first_body, lineno = group[0]
        last_offset, last_body, _ = group[-1]
        lead = len(first_body) - len(first_body.lstrip())
        start = first_offset + lead
        end = last_offset + len(last_body.rstrip())
        raw = text[start:end]
        label, _ = split_label(raw)
        segments.append(Segment(raw=raw, label=label, line=lineno, start=start))
    return segments


def _blank_separated(lines: list[tuple[int, str]]) -> bool:
    """True when blank lines separate multi-line paragraphs (a blank-line separated list)."""
    paragraphs: list[int] = []
    run = 0
    for _, body in lines:
        if body.strip():
            run += 1
        elif run:
            paragraphs.append(run)
            run = 0
    if run:
        paragraphs.append(run)
    return len(paragraphs) > 1 and any(n > 1 for n in paragraphs)


def iter_lines(lines: Iterable[str]) -> Iterator[Segment]:
    """One segment per line, kept exactly (``--lines`` mode); empty lines included."""
    for lineno, line in enumerate(lines, start=1):
        label, _ = split_label(line)
        yield Segment(raw=line, label=label, line=lineno, start=0)
