"""Split a pasted reference list into references.

A segment keeps the exact source text of its reference (``raw``: first to last non-blank
character, inner line breaks included), the number the author gave it (``label``) and the
line it starts on.  Nothing is dropped: every non-blank character of the input lands in
exactly one segment, or in a list heading (``参考文献``, ``References``, ...), which is not a
reference and travels with the next segment as ``headings``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import lazyregex as regex  # patterns compiled on first use (start-up)
from .text.lexicons import words

__all__ = ["Segment", "is_heading", "iter_lines", "segment", "split_label", "split_lines"]

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"

# Numbering prefixes.  Each alternative captures the number in group "n", "d" or "c".  The
# dot must not start a decimal ("1.5 m").  A dotted or bare number ("d") of four digits or more
# may be a year opening a wrapped line ("2013. Title"), so on its own it is not a label: the
# segmenter accepts it only where the list's numbering reaches it (1000, 1001, ...).
_LABEL_PATTERN = r"""
    [ \t\u3000]*
    (?:
        [\[［【〔]\s*(?P<n>\d{1,6})\s*[\]］】〕][.．]?
      | [(（]\s*(?P<n>\d{1,6})\s*[)）]
      | (?P<d>\d{1,6})\s*(?:[.．](?!\d)|[、)）])
      | (?P<c>["""
_LABEL = regex.compile(
    _LABEL_PATTERN
    + _CIRCLED
    + r"""])
    )
    [ \t\u3000]*
    """,
    regex.VERBOSE,
)
_SHORT_DOTTED = 3  # digits a dotted number may have without the list's numbering behind it


def split_label(text: str, expected: int | None = None) -> tuple[str | None, int]:
    """Return ``(label, body_start)`` for a reference string that may carry a number prefix.

    A dotted number of four digits or more (``1000.``) is a label only when it is ``expected``,
    the next number of the list; otherwise it may be a year.

    >>> split_label("[12]胡重明.")
    ('12', 4)
    >>> split_label("Smith J.")
    (None, 0)
    >>> split_label("2013. Title"), split_label("1000. Title", expected=1000)
    ((None, 0), ('1000', 6))
    """
    m = _LABEL.match(text)
    if not m:
        return None, 0
    if m.group("c"):
        label = str(_CIRCLED.index(m.group("c")) + 1)
    elif m.group("d"):
        digits = m.group("d")
        if len(digits) > _SHORT_DOTTED and int(digits) != expected:
            return None, 0
        label = str(int(digits))
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
    #: list headings skipped just before this reference, as ``(line, text)``
    headings: tuple[tuple[int, str], ...] = ()


# What surrounds a heading's words: Markdown/HTML markup, an ordinal (一、 （一） 1. I. A.), a colon.
_HEADING_MARKUP = regex.compile(
    r"""^[\s#*_>\-=]*(?:<[^<>]{1,20}>\s*)*[【\[［〔]?\s*
        (?:(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、]
           |[IVX]{1,4}[.．]|[A-H][.．])\s*)?
        (?P<words>.*?)
        \s*[】\]］〕]?\s*(?:<[^<>]{1,20}>\s*)*[:：]?[\s*_#=\-]*$""",
    regex.VERBOSE,
)


def is_heading(line: str) -> bool:
    """True when ``line`` is a list heading (``参考文献``, ``## References``, ``二、英文文献：``)."""
    if len(line) > 60:
        return False
    m = _HEADING_MARKUP.match(line)
    if not m:
        return False
    text = regex.sub(r"\s+", " ", m.group("words")).casefold()
    return text in words("list-headings") or text.replace(" ", "") in words("list-headings")


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
    all_lines = list(_line_starts(text))
    # A heading line is set aside (and reported with the next reference); a blank line stands in
    # for it, so that what follows a heading starts afresh.
    headings = {i for i, (_, body) in enumerate(all_lines) if body.strip() and is_heading(body)}
    headings |= _section_titles(all_lines, headings)
    lines = [(line[0], "") if i in headings else line for i, line in enumerate(all_lines)]
    labelled = [split_label(body)[0] is not None for _, body in lines if body.strip()]
    numbered = bool(labelled) and sum(labelled) >= max(1, len(labelled) // 3) and labelled[0]
    # Whether blank lines separate references is read inside each part of the list: the blank
    # lines around a heading (中文文献 ... 英文文献) separate parts, not references.
    has_blank_separators = any(_blank_separated(part) for part in _parts(all_lines, headings))

    # Lines wrapped without an indent: when most lines end an entry (a full stop, a URL),
    # a line that does not is cut short, and the next continues it.
    bodies = [body for _, body in lines if body.strip()]
    ended = sum(_ends_entry(b) for b in bodies)
    wrapped = not numbered and 0 < len(bodies) - ended <= ended

    groups: list[list[tuple[int, str, int]]] = []  # (offset, body, line number)
    group_labels: list[str | None] = []
    group_headings: list[tuple[tuple[int, str], ...]] = []
    pending: list[tuple[int, str]] = []
    prev_blank = True
    last_number = 0
    for lineno, (offset, body) in enumerate(lines, start=1):
        if lineno - 1 in headings:
            pending.append((lineno, all_lines[lineno - 1][1].strip()))
        if not body.strip():
            prev_blank = True
            continue
        label = None
        if numbered:
            label, _ = split_label(body, expected=last_number + 1)
            # a bracketed, parenthesised or circled number always starts an entry; a bare
            # "12." may open a wrapped line, so it must follow the list's numbering
            starts = label is not None and (
                not groups or int(label) <= last_number + 10 or prev_blank or _strong(body)
            )
            if starts:
                last_number = int(label)  # type: ignore[arg-type]
        elif has_blank_separators:
            starts = prev_blank
        else:
            starts = not groups or not body[:1].isspace() or prev_blank
            if starts and groups and not prev_blank and _LINK_START.match(body):
                starts = False  # a link or DOI on its own line belongs to the entry before
            elif starts and groups and not prev_blank and wrapped:
                # a PDF's line break: the line before stopped short of the end of an entry
                starts = _ends_entry(groups[-1][-1][1]) or bool(_ENTRY_START.match(body))
        if starts or not groups:
            groups.append([])
            group_labels.append(label if numbered else split_label(body.lstrip())[0])
            group_headings.append(tuple(pending))
            pending = []
        groups[-1].append((offset, body, lineno))
        prev_blank = False

    segments = []
    for group, label, heads in zip(groups, group_labels, group_headings, strict=False):
        first_offset, first_body, lineno = group[0]
        last_offset, last_body, _ = group[-1]
        lead = len(first_body) - len(first_body.lstrip())
        start = first_offset + lead
        end = last_offset + len(last_body.rstrip())
        segments.append(
            Segment(raw=text[start:end], label=label, line=lineno, start=start, headings=heads)
        )
    return segments


def _strong(body: str) -> bool:
    """A label no wrapped line opens with: ``[12]``, ``(12)``, ``⑫``."""
    m = _LABEL.match(body)
    return bool(m and (m.group("n") or m.group("c")))


_ENTRY_END = regex.compile(
    r"""(?:[.。．!?！？]|(?:https?://|doi:|10\.\d{4,9}/)\S*)["'”’)）\]]?\s*$""", regex.I
)


_LINK_START = regex.compile(r"\s*(?:https?://|www\.|doi:|DOI:|10\.\d{4,9}/)")


# What opens an entry (names first): 张三, / 王五. / KANAMORI H. / Crane D, — a line cut from
# the middle of an entry rarely opens like this.
_ENTRY_START = regex.compile(
    r"\s*(?:\p{Han}{2,4}[,，.．、]|\p{Lu}[\p{L}'’-]+,?\s\p{Lu}{1,3}[,.\s])"
)


def _ends_entry(body: str) -> bool:
    """Whether a line ends as an entry does: a full stop, or a link or DOI."""
    return bool(_ENTRY_END.search(body))


_SECTION_TITLE = regex.compile(r"[^\d\[\](){}《》“”\"<>.,;。，；/]{1,30}[:：]?")


def _section_titles(lines: list[tuple[int, str]], headings: set[int]) -> set[int]:
    """Lines that title a section of a numbered list though the heading list does not know
    them (``Books``, ``Primary sources``, ``译著``): a few words alone, after a blank line, a
    heading or the start, and before a numbered entry.  Set aside, they do not merge into the
    entry before them."""
    found: set[int] = set()
    for i, (_, body) in enumerate(lines):
        text = body.strip()
        if i in headings or not text or len(text.split()) > 4:
            continue
        if not _SECTION_TITLE.fullmatch(text):
            continue
        if i and lines[i - 1][1].strip() and i - 1 not in headings | found:
            continue
        following = next((b for _, b in lines[i + 1 :] if b.strip()), None)
        if following is not None and split_label(following)[0] is not None:
            found.add(i)
    return found


def _parts(lines: list[tuple[int, str]], headings: set[int]) -> Iterator[list[tuple[int, str]]]:
    """The runs of lines between headings."""
    part: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if i in headings:
            yield part
            part = []
        else:
            part.append(line)
    yield part


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
