"""A normalised view of a raw reference string, with a map back to raw offsets.

The raw string is evidence and is never changed.  Parsers read the view: full-width ASCII
folded to half-width, Chinese full-width punctuation unified to ASCII, line breaks joined,
whitespace runs collapsed.  ``View.raw_span`` turns a span in the view into the span of
the raw string it came from, so every field still points at the original text.
"""

from __future__ import annotations

import re as _re
from dataclasses import dataclass
from functools import cache

from .lazyregex import compile as _lazy_regex  # patterns compiled on first use (start-up)
from .lazyregex import compile_re as _lazy_re
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
    # the other space separators (en and em spaces, thin and narrow spaces, PDF text's layout
    # spaces): a space, and a run of them one space like any run (no rule sees a long run)
    **{chr(c): " " for c in (0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F)},
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
_GLUED = _lazy_re(r"([,:;])(?=[^\W\d_]|[“‘《])|(\))(?=[A-Z][a-z])")
_SPACES = _lazy_re(r"[ ]{2,}")


def _space_after(m: _re.Match[str]) -> str:
    return m.group() + " "


# str.translate tables: the fast path for strings without line breaks (most of them)
_FOLD_TABLE = {i: chr(i - 0xFEE0) for i in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({ord(k): v for k, v in _PUNCT.items()})
_CLEAN_TABLE = {i: chr(i - 0xFEE0) for i in range(0xFF01, 0xFF5F)}
_CLEAN_TABLE.update({ord(k): v for k, v in _CLEAN.items()})


@cache
def _bmp_tables() -> tuple[list[int | str | None], list[int | str | None]]:
    """_FOLD_TABLE and _CLEAN_TABLE as lists over the Basic Multilingual Plane, for text that is
    not ASCII: str.translate looks a dict up for every character and, for each one the dict does
    not map (nearly all), raises and clears a KeyError; a list answers every BMP character (itself,
    by default) and is ~2.4x faster on Chinese text.  (ASCII text keeps the dict: translate caches
    its answers for ASCII characters.)  Made on first use: ~1.5 ms, ~3 MB."""
    identity: list[int | str | None] = list(range(0x10000))
    tables = []
    for mapping in (_FOLD_TABLE, _CLEAN_TABLE):
        table = identity.copy()
        for k, v in mapping.items():
            table[k] = v or None  # (None: the character is deleted, as "" in the dict)
        tables.append(table)
    return tables[0], tables[1]


_SLOW = _lazy_re(r"[\r\n]|&#?\w{1,8};")
_ENTITY = _lazy_re(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# "appli- cation": a word hyphenated across a line break in a PDF (not "Hazard- and Risk-")
_LINE_HYPHEN = _lazy_re(r"(?<=[a-z]{2})- (?=[a-z]{2,})(?!(?:and|or|to|the|of|in|for|with|nor)\b)")
# "Pres-ence", "Revi-sion": a PDF line break inside a word lost its newline; only before an ending
# that is no word of its own (not "Nap-of-the-Earth", "well-being", "self-organizing")
_WORD_BREAK = _lazy_re(
    r"(?<=[a-z]{2})-(?=(?:ences?|ances?|tions?|sions?|ments?|ness|ity|ities|ical|ically|olog(?:y|ies|ical)"
    r"|ular|ations?|atives?|ously|ible|isms?|ization|izations)\b)"
)
# a space between two CJK characters, or between CJK and a Latin letter or digit, is typographic
# (or a PDF artefact): the canonical form has none
_CJK_SPACE = _lazy_regex(
    rf"(?<=[{UNSPACED_CLASS}])[ ]+(?=[{UNSPACED_CLASS}]|[A-Za-z0-9]+(?:[^A-Za-z0-9 ]|[ ]?[{UNSPACED_CLASS}]))"
    rf"|(?<=[A-Za-z0-9])[ ]+(?=[{UNSPACED_CLASS}])"
)
_DELETED = _lazy_re("[\u200b\ufeff]")
_SLOW_OR_DELETED = _lazy_re("[\r\n\u200b\ufeff]|&#?\\w{1,8};")  # one scan for the fast path's test


def _joins_cjk(ch: str) -> bool:
    """A wrapped line ending or starting with this character joins the next without a space."""
    return is_unspaced(ch) or is_cjk_punctuation(ch)


def clean_value(raw: str) -> str:
    """The clean value of a text field whose raw text is ``raw`` (see the module docstring)."""
    if _SLOW.search(raw):
        text = _join(raw, _fold_clean)
    else:
        text = raw.translate(_CLEAN_TABLE if raw.isascii() else _bmp_tables()[1])
    if "," in text or ":" in text or ";" in text or ")" in text:
        text = _GLUED.sub(_space_after, text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if _field_repair_hint(text):
        edits = _repairs(text, whole=False)
        if edits:
            text = _apply(text, range(len(text) + 1), edits)[0]
    if " " in text:
        if not text.isascii():  # the spaces it removes touch a CJK character
            text = _CJK_SPACE.sub("", text)
        if "- " in text:
            text = _LINE_HYPHEN.sub("", text)
    if "-" in text:
        text = _WORD_BREAK.sub("", text)
    return text.strip(" ")


def normalise(raw: str) -> View:
    if not _SLOW_OR_DELETED.search(raw):
        # one character for one: offsets are the identity
        text = raw.translate(_FOLD_TABLE if raw.isascii() else _bmp_tables()[0])
        if "  " not in text and not text.startswith(" ") and not text.endswith(" "):
            edits = _repairs(text, whole=True)
            if not edits:
                return View(text, range(len(raw) + 1), raw)
            text, offsets = _apply(text, range(len(raw) + 1), edits)
            return View(text, tuple(offsets), raw)
    text, offsets = _join(raw, _fold, with_offsets=True)
    edits = _repairs(text, whole=True)
    if edits:
        text, offsets = _apply(text, offsets, edits)
    return View(text, tuple(offsets), raw)


# --------------------------------------------------------------------------- pre-parse repairs
# What pasting, list markup and PDF extraction do to a reference, undone in the view only (the raw
# string is evidence and stays as it was): each repair is an edit ``(start, end, replacement)`` of
# the folded text, and the offset map follows it.  ``whole`` repairs read the reference as a whole
# (its start and end: labels, list bullets, wrapping brackets); the others are local, so that the
# view of a field's raw text (``clean_value``) comes out as the field's value in the view.

# emphasis: HTML tags and Markdown ``*x*``/``**x**``/``__x__`` around a run of text
_TAG = _lazy_re(r"</?(?:i|b|em|strong|u|sup|sub|span|font)(?:\s[^<>]{0,80})?>", _re.IGNORECASE)
_STARS = _lazy_re(r"(?<![*\w])(\*{1,2}|__)(?=[^\s*_])([^*\n]{1,300}?)(?<=[^\s*_])\1(?![*\w])")
# Markdown "_Journal_": one underscore on each side of a run of words (not snake_case, not in a link)
_UNDERSCORES = _lazy_re(r"(?<![\w/_])_(?=[^\s_])([^_\n/]{1,300}?)(?<=[^\s_])_(?![\w/_])")
# a Markdown link "[Title](https://…)": the brackets are markup, the link follows the text
_MD_LINK = _lazy_re(r"\[(?=[^\[\]\n]{1,300}\]\((?:https?|ftp)://|[^\[\]\n]{1,300}\]\(www\.)")
# an empty Markdown link "[](https://…#ref_[3]_1)" (the anchor of a copied Baidu Baike note): no text, dropped
_MD_EMPTY_LINK = _lazy_re(r"\[\]\((?:https?|ftp)://[^\s()]{1,500}\)")
# "Rowman&Littlefield", "Wiley &Sons", "Williams& Wilkins": an ampersand between words with a
# space lost on one side or both (not "AT&T", "R&D", "S&P", nor an entity "&amp;")
_GLUED_AMP = _lazy_re(
    r"(?<=[A-Za-z]{3})&(?=[A-Za-z]{3})(?!(?:amp|quot|apos|nbsp);)"
    r"|(?<=[A-Za-z]) &(?=[A-Za-z])(?!(?:amp|quot|apos|nbsp|lt|gt);)|(?<=[A-Za-z])& (?=[A-Za-z])"
)
# PDF glue: "inProceedings of …", "in2017 IEEE …" (the space after "in" lost)
_GLUED_IN = _lazy_re(r"(?<=[\s,.;:(])in(?=[A-Z][a-z]{2}|(?:19|20)\d\d\b)")
# "Y . Chen": a space between an initial and its full stop
_SPACED_INITIAL = _lazy_re(r"(?<![\w.][A-Z])(?<=[A-Z]) (?=\.\s?[A-Z])")
# a list bullet or a Markdown footnote mark before the reference: "* ", "- ", "• ", "[^2]: ";
# before a title mark no space is needed ("·《乡土中国》")
_BULLET = _lazy_re(r"^(?:[*•·▪◦-]|\d{1,3}\.\s*[*-])(?:\s+(?=\S)|(?=《))")
_FOOTNOTE = _lazy_re(r"^\[\^(\d{1,4})\]:?\s*")
# "[7」", "[7)" : a numbering label closed by the wrong bracket
_BAD_CLOSE = _lazy_re(r"^\[\s*\d{1,4}\s*([」』)}〕])")


# "15王明", "11《": a number glued to a Chinese first field (not "21世纪", "3种", "100年")
@cache
def _glued_label() -> _re.Pattern[str]:  # compiled on first use: a CJK range is slow to compile
    return _re.compile(
        r"^(\d{1,3})(?=[《“\u3400-\u9fff])"
        r"(?!世纪|年|月|日|个|种|条|项|位|次|届|号|岁|天|周|家|所|部|本|篇|册|卷|期|章|节|版|人|点|分|万|亿|千|百|元|倍|大|国|省|市|名|例|类|维|阶)"
    )


# URLs and DOIs with spaces where a PDF line broke or GB/T 7714-2025's examples print one
# ("https://www. example.com", "10.1000/ abc", "…/detailNew? paperID=1", "…%E7% AB%A0&nav= 1",
# "…&langType = 1", "…Paradigm _for_ Multi"): the link goes on across a space after "/.-_=?&"
# before a path piece, after a character no link ends with (= %), before one no word starts
# with (= & % _), after "_" before a piece of a path, and after "?" or "&" before a "name="
# (the first three are only matched where a link's run ends)
_LINK_GOES_ON = _lazy_re(r"( +)([^\s\u3400-\u9fff]+)")
_PATH_PIECE = _lazy_re(r"[A-Za-z0-9%][\w\-.~%/?=&#+]*[./_=]\w")
_QUERY_NAME = _lazy_re(r"[\w%.\-]+=")
_URL_PIECE = _lazy_re(r"[_/=&%]|\.\w")


def _link_goes_on(before: str, piece: str) -> bool:
    """Is the space between a link's character ``before`` and the run ``piece`` a break inside
    the link?"""
    return (
        before in "=%"
        or piece[0] in "=&%_"
        or (before == "_" and _URL_PIECE.search(piece) is not None)  # (a_b_ and: a link's end)
        or (before in "?&" and _QUERY_NAME.match(piece) is not None)
        or (before in "/.-_=?&" and _PATH_PIECE.match(piece) is not None)
    )


def _links(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Each link of ``text`` (start, end) with the spaces inside it that a break put there."""
    out = []
    pos = 0
    while m := _link_run().search(text, pos):
        e = m.end()
        breaks = []
        while (q := _LINK_GOES_ON.match(text, e)) and _link_goes_on(text[e - 1], q.group(2)):
            breaks.append(q.span(1))
            e = q.end()
        out.append((m.start(), e, breaks))
        pos = max(e, m.start() + 1)
    return out


@cache
def _link_run() -> _re.Pattern[str]:  # compiled on first use: a CJK range is slow to compile
    return _re.compile(r"(?:https?://|www\.|\b10\.\d{4,9}/)[^\s\u3400-\u9fff]*")


# "Annu.Rev.", "V.Nair", "G.E.Hinton": a full stop glued to the next capitalised word
_GLUED_STOP = _lazy_re(r"(?<![\w.])(?:[A-Z][a-z]{0,6}\.){1,3}$")  # ends where the hint starts


# a space between two Chinese characters when one side is a single character ("王 明", "城 市"),
# but not around one character standing between two words ("费孝通 著 北京大学出版社": a reading
# list's role word, or a word-spaced text's "学习 的 方法", whose other spaces stay too)
@cache
def _cjk_gap() -> _re.Pattern[str]:  # compiled on first use: a CJK range is slow to compile
    h = "[\u3400-\u9fff]"
    return _re.compile(
        rf"(?<={h})(?<!{h}{{2}}) (?={h})(?<!{h}{{2}} {h} )"
        rf"|(?<={h}) (?={h}(?!{h}))(?!{h} {h}{{2}})"
    )


_OCR_YEAR = _lazy_re(
    r"(?<![A-Za-z0-9.])(?=\d*[lIOo])(?:1[5-9]|20|2O|l[5-9])[\dlIOo]{2}(?![A-Za-z0-9.])"
)
_OCR_DIGITS = {"l": "1", "I": "1", "O": "0", "o": "0"}
# cheap tests, each with a literal start (a fast scan), before the slower patterns above
_GLUED_HINT = _lazy_re(r"\.[A-Z][a-z]")
# where OCR puts a letter into a year (20l3, 2O19, l998, 199l)
_OCR_HINT = _lazy_re("20l|19l|20O|19O|20o|19o|l9|2O|0l|9l|0O|9O|0o|9o")
_CJK_GAP_HINT = _lazy_re(r" (?<=[\u3400-\u9fff] )[\u3400-\u9fff]")


def _broken_link(text: str) -> bool:
    """Might a link (``://``, ``www.``, a DOI) of ``text`` go on after a space?  (A cheap test.)"""
    for mark in ("://", "www.", "10."):
        i = text.find(mark)
        while i >= 0:
            j = text.find(" ", i)
            if j < 0:
                break
            if j + 1 < len(text) and (text[j - 1] in "/.-_=?&%" or text[j + 1] in "=&%_"):
                return True
            i = text.find(mark, j)
    return False


def _field_repair_hint(text: str) -> bool:
    """Might a field's text need one of the local repairs (a cheap test first)?"""
    return bool(
        "*" in text
        or "<" in text
        or "__" in text
        or _GLUED_HINT.search(text)
        or _OCR_HINT.search(text)
        or (" " in text and not text.isascii() and _CJK_GAP_HINT.search(text))
        or "_" in text
        or " ." in text
        or "&" in text
        or "in" in text
        and _GLUED_IN.search(text)
    )


def _rare(text: str) -> bool:
    """Might ``text`` need one of the local repairs?  (Most references need none.)  A whole
    reference can also hold a broken link or a Markdown link, which a field's text cannot."""
    return _field_repair_hint(text) or (" " in text and _broken_link(text)) or "](" in text


_WRAP = {"[": "]", "(": ")"}
_OUTER_FIRST = frozenset("*•·▪◦-[(")
_WRAP_INNER = _lazy_re(r"^\s*\d{1,4}\s*$")


def _repairs(text: str, whole: bool) -> list[tuple[int, int, str]]:
    """The edits that undo markup and extraction damage in ``text`` (folded), in order."""
    edits: list[tuple[int, int, str]] = []
    if whole and text and (text[0] in _OUTER_FIRST or text[0].isdigit()):
        edits.extend(_outer_repairs(text))
    if not _rare(text):
        return edits
    if "*" in text or "<" in text or "__" in text:
        for m in _TAG.finditer(text):
            edits.append((m.start(), m.end(), ""))
        for m in _STARS.finditer(text):
            n = len(m.group(1))
            edits.append((m.start(), m.start() + n, ""))
            edits.append((m.end() - n, m.end(), ""))
    if "](" in text:
        if "[](" in text:
            for m in _MD_EMPTY_LINK.finditer(text):
                edits.append((m.start(), m.end(), ""))
        for m in _MD_LINK.finditer(text):
            close = text.index("](", m.end())
            edits.append((m.start(), m.end(), ""))
            edits.append((close, close + 1, " "))
    # the links (with the spaces a break put inside them), found once: the repairs below leave
    # a link's characters alone
    links = _links(text) if " " in text and _broken_link(text) else None
    for _, _, breaks in links or ():
        edits.extend((a, b, "") for a, b in breaks)

    def in_link(k: int) -> bool:
        nonlocal links
        if links is None:
            links = _links(text)
        return any(a <= k <= b for a, b, _ in links)

    if "_" in text:
        for m in _UNDERSCORES.finditer(text):
            if not in_link(m.start()):
                edits.append((m.start(), m.start() + 1, ""))
                edits.append((m.end() - 1, m.end(), ""))
    if "in" in text:
        for m in _GLUED_IN.finditer(text):
            if not in_link(m.start()):
                edits.append((m.end(), m.end(), " "))
    if "&" in text:
        for m in _GLUED_AMP.finditer(text):
            if not in_link(m.start()):
                if text[m.start()] != " ":
                    edits.append((m.start(), m.start(), " "))
                if text[m.end() - 1] != " ":
                    edits.append((m.end(), m.end(), " "))
    if " ." in text:
        for m in _SPACED_INITIAL.finditer(text):
            edits.append((m.start(), m.end(), ""))
    if _GLUED_HINT.search(text):
        for m in _GLUED_HINT.finditer(text):  # a stop glued to a capitalised word...
            k = m.start()
            # ...after an abbreviated word or an initial: a space after the stop
            if _GLUED_STOP.search(text, max(0, k - 24), k + 1) and not in_link(k + 1):
                edits.append((k + 1, k + 1, " "))
    if _OCR_HINT.search(text):
        for m in _OCR_YEAR.finditer(text):  # "20l3", "2O19": OCR letters for digits in a year
            for k in range(m.start(), m.end()):
                if text[k] in _OCR_DIGITS:
                    edits.append((k, k + 1, _OCR_DIGITS[text[k]]))
    if " " in text and not text.isascii() and _CJK_GAP_HINT.search(text):
        for m in _cjk_gap().finditer(text):
            edits.append((m.start(), m.end(), ""))
    if len(edits) > 1:
        edits.sort()
        kept = [edits[0]]
        for e in edits[1:]:
            if e[0] >= kept[-1][1] and e != kept[-1]:
                kept.append(e)
        edits = kept
    return edits


def _outer_repairs(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    first = text[0]
    if first in "*•·▪◦-" or first.isdigit():
        m = _BULLET.match(text)
        if m:
            edits.append((0, m.end(), ""))
            return edits
    if first.isdigit():
        m = _glued_label().match(text)
        if m:
            edits.append((m.end(), m.end(), "."))  # "15王明" reads as "15.王明"
        return edits
    if first == "[":
        m = _FOOTNOTE.match(text)
        if m:  # "[^2]: 王明" reads as "[2] 王明"
            edits.append((1, 2, ""))
            if text[m.end(1) + 1 : m.end(1) + 2] == ":":
                edits.append((m.end(1) + 1, m.end(1) + 2, ""))
            return edits
        m = _BAD_CLOSE.match(text)
        if m:
            edits.append((m.start(1), m.end(1), "]"))
            return edits
    close = _WRAP.get(first)
    if close and text.endswith((close, close + ".")) and len(text) > 20:
        last = len(text) - 1 if text[-1] == close else len(text) - 2
        if _closes_at(text, first, close) == last and not _WRAP_INNER.match(text[1:last]):
            edits.append((0, 1, ""))
            edits.append((last, last + 1, ""))
    return edits


def _closes_at(text: str, opening: str, closing: str) -> int:
    """The index of the bracket that closes ``text[0]``, or -1."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _apply(text: str, offsets, edits: list[tuple[int, int, str]]):
    out: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for start, end, repl in edits:
        out.append(text[pos:start])
        new_offsets.extend(offsets[pos:start])
        out.append(repl)
        new_offsets.extend([offsets[start]] * len(repl))
        pos = end
    out.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    text = "".join(out)
    # a removed run may leave two spaces, or one at an end
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        keep = [
            i
            for i, ch in enumerate(text)
            if ch != " " or (0 < i < len(text) - 1 and text[i - 1] != " ")
        ]
        text = "".join(text[i] for i in keep)
        new_offsets = [new_offsets[i] for i in keep] + [new_offsets[-1]]
    return text, new_offsets


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
