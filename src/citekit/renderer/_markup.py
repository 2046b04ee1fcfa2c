"""CSL-JSON inline markup in, escaped HTML or clean text out.

CSL-JSON strings may carry ``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
``<span style="font-variant:small-caps;">`` (or ``<sc>``, as citeproc-js reads it) and
``<span class="nocase">``.  citeproc-py neither
escapes variable text in HTML output nor understands these tags (except ``nocase``), so before
rendering every such tag and every ``&``, ``<``, ``>`` of the text is replaced by a private-use
character, which survives citeproc-py's case changes and joins untouched; after rendering they
become escaped HTML or disappear for text.  ``nocase`` spans are left for citeproc-py;
``nodecor`` spans turn the formatting around them off (and are nocase).  A closing tag that
was never opened is text.  In HTML, Unicode superscript characters become ``<sup>``.  Spaces
inside French quotes (« … ») become narrow no-break spaces; punctuation after a closing quote
moves inside it where the locale says so (``. , ! ?``, not after the quotes of a cite's prefix
or suffix).
"""

from __future__ import annotations

import html
import re

__all__ = [
    "DISPLAY",
    "QUOTE_CLOSE",
    "QUOTE_OPEN",
    "Typography",
    "encode",
    "finish",
    "to_html",
    "to_text",
]

_AMP, _LT, _GT = "\ue000", "\ue001", "\ue002"
_TAGS = {
    "i": ("\ue003", "\ue004"),
    "em": ("\ue003", "\ue004"),
    "b": ("\ue005", "\ue006"),
    "strong": ("\ue005", "\ue006"),
    "sup": ("\ue007", "\ue008"),
    "sub": ("\ue009", "\ue00a"),
    "sc": ("\ue00b", "\ue00c"),
}
_HTML_OF = {
    "\ue012": "'",
    _AMP: "&amp;",
    _LT: "&lt;",
    _GT: "&gt;",
    "\ue003": "<i>",
    "\ue004": "</i>",
    "\ue005": "<b>",
    "\ue006": "</b>",
    "\ue007": "<sup>",
    "\ue008": "</sup>",
    "\ue009": "<sub>",
    "\ue00a": "</sub>",
    "\ue00b": '<span style="font-variant:small-caps;">',
    "\ue00c": "</span>",
}
_TEXT_OF = {
    _AMP: "&",
    _LT: "<",
    _GT: ">",
    "\ue012": "'",
    "\ue014": " ",
    "\ue016": " ",
    "\ue026": "-",
}
_HTML_OF["\ue026"] = "-"
_HTML_OF.update(
    {
        "\ue013": '\n<div class="csl-block">',
        "\ue014": "</div>\n",
        "\ue015": '\n<div class="csl-left-margin">',
        "\ue016": "</div>",
        "\ue017": '<div class="csl-right-inline">',
        "\ue018": "</div>\n",
        "\ue019": '<div class="csl-indent">',
        "\ue01a": "</div>\n",
    }
)
#: Punctuation right after the end of a right-inline or indent block (a layout suffix) moves
#: into it, as citeproc-js prints it.
_INTO_DIV = re.compile("([\ue014\ue018\ue01a])([.,;:!?]+)")
#: Spaces ending a right-inline block go after it, spaces starting the entry's first block
#: before it (citeproc-js).
_OUT_OF_DIV = re.compile("( +)(\ue018)|^([\ue013\ue015\ue017\ue019])( +)")
_PRIVATE = re.compile("[\ue000-\ue02f]")

#: A quotation opened or closed, in field text (a pair of ``"``, ``'``, ``“ ”``; ``‘ ’`` only inside another) or by
#: a style's ``quotes="true"``; :func:`finish` prints outer or inner quotes by nesting depth
#: (flip-flop) and moves punctuation into them where the locale asks for it.
QUOTE_OPEN, QUOTE_CLOSE = "\ue010", "\ue011"
#: A closing quote of a cite's prefix or suffix: punctuation after it stays outside
#: (citeproc-js moves punctuation into the quotes the style and the item data print only).
QUOTE_CLOSE_AFFIX = "\ue027"
#: ``<span class="nodecor">`` in field text: no formatting inside (and no case change).
NODECOR_OPEN, NODECOR_CLOSE = "\ue020", "\ue021"
#: ``font-style="normal"`` (and ``font-variant``, ``font-weight``) on an element: normal
#: inside italics (small caps, bold), nothing elsewhere; closed by :data:`NORMAL_CLOSE`.
NORMAL_OPEN = {"i": "\ue022", "sc": "\ue023", "b": "\ue024", "baseline": "\ue028"}
NORMAL_CLOSE = "\ue025"
#: ``\-`` in field text: a hyphen that is not a range (``327\-30``, citeproc-js).
LITERAL_HYPHEN = "\ue026"
#: Markers around what a ``display`` attribute (or ``second-field-align``) lays out, by kind:
#: (open, close).  Only emitted when the caller asks for display divs; :func:`to_html` prints
#: citeproc-js's ``<div class="csl-...">`` for them, :func:`to_text` drops them.
DISPLAY = {
    "block": ("\ue013", "\ue014"),
    "left-margin": ("\ue015", "\ue016"),
    "right-inline": ("\ue017", "\ue018"),
    "indent": ("\ue019", "\ue01a"),
}
#: A straight apostrophe of field text: ’ or ' in the output (:class:`Typography`).
APOSTROPHE = "\ue012"
_TAG = re.compile(r"<(/?)([a-zA-Z]+)([^<>]*)>")
_PLAIN = re.compile("[<>&'\"\u201c\u201d\u2018\u2019\u00ab\u00bb\ue000-\ue02f]")
#: The spaces inside French quotes (« … ») print as narrow no-break spaces (citeproc-js).
_GUILLEMET_SPACE = re.compile("(?<=\u00ab)[ \u00a0]+|[ \u00a0]+(?=\u00bb)")
_NOCASE_OPEN = '<span class="nocase">'


def _quotes(segments: list[str]) -> list[str]:
    """Quote pairs in text segments (markup between them) → quote markers; straight
    apostrophes → ’.  Unmatched opening quotes stay as they were."""
    text = "".join(segments)
    if not any(q in text for q in "'\"“‘’"):
        return segments
    out: list[list[str]] = [list(seg) for seg in segments]
    stack: list[tuple[str, int, int]] = []  # (kind, segment, index)
    flat = [(si, ci) for si, seg in enumerate(segments) for ci in range(len(seg))]
    chars = [segments[si][ci] for si, ci in flat]
    for k, (si, ci) in enumerate(flat):
        c = chars[k]
        if c not in "'\"“”‘’":
            continue
        p = chars[k - 1] if k else ""
        n = chars[k + 1] if k + 1 < len(chars) else ""
        top = stack[-1][0] if stack else ""
        if c == '"':
            if top == '"' and p and not p.isspace():
                stack.pop()
                out[si][ci] = QUOTE_CLOSE
            elif n and not n.isspace() and (not p or not p.isalnum()):
                stack.append(('"', si, ci))
                out[si][ci] = QUOTE_OPEN
        elif c == "“":
            stack.append(("“", si, ci))
            out[si][ci] = QUOTE_OPEN
        elif c == "”":
            if top == "“":
                stack.pop()
                out[si][ci] = QUOTE_CLOSE
        elif c == "‘":  # typographic single quotes are quotes only inside another quotation
            if not stack:
                continue
            stack.append(("‘", si, ci))
            out[si][ci] = QUOTE_OPEN
        else:  # ' or ’
            if p.isalnum() and n.isalnum():
                out[si][ci] = APOSTROPHE if c == "'" else c
            elif top in ("'", "‘") and p and not p.isspace() and not n.isalnum():
                stack.pop()
                out[si][ci] = QUOTE_CLOSE
            elif (
                c == "'"
                and (not p or not (p.isalnum() or p in "'\u2019"))
                and n
                and not n.isspace()
            ):
                # (a quote does not open right after an apostrophe: three apostrophes stay so)
                stack.append(("'", si, ci))
                out[si][ci] = QUOTE_OPEN
            else:
                out[si][ci] = APOSTROPHE if c == "'" else c
    for kind, si, ci in stack:  # unmatched: as given (a lone ' is an apostrophe)
        out[si][ci] = APOSTROPHE if kind == "'" else kind
    return ["".join(seg) for seg in out]


def _literal_quotes(segments: list[str]) -> list[str]:
    """Quote markers → “ ” at even depth, ‘ ’ at odd depth."""
    depth = 0
    out = []
    for seg in segments:
        chars = []
        for c in seg:
            if c == QUOTE_OPEN:
                chars.append("\u201c" if depth % 2 == 0 else "\u2018")
                depth += 1
            elif c == QUOTE_CLOSE:
                depth = max(depth - 1, 0)
                chars.append("\u201d" if depth % 2 == 0 else "\u2019")
            else:
                chars.append(c)
        out.append("".join(chars))
    return out


def encode(value: str, typographic: bool = True, cjk_quotes: bool = False) -> str:
    """Field text with inline markup and ``& < >`` turned into private-use placeholders and,
    if ``typographic`` (not for URL, DOI and other identifiers), quote pairs into quote markers
    and straight apostrophes into apostrophe markers (:func:`finish` prints them).

    ``cjk_quotes`` (Chinese items rendered in zh-CN): quote pairs print as “ ” (‘ ’ inside).
    zh-CN's quote terms are the title marks 《》 for styles that quote titles; a scare quote typed
    in a Chinese title (“行政审批局”模式) is not a title."""
    if _PLAIN.search(value) is None and "\\-" not in value:  # nothing to encode
        return value
    value = _PRIVATE.sub("", value).replace("\\-", LITERAL_HYPHEN)
    if typographic and ("\u00ab" in value or "\u00bb" in value):
        value = _GUILLEMET_SPACE.sub("\u202f", value)
    if typographic and any(q in value for q in "'\"“‘’"):
        parts = _TAG.split(value)
        # parts: text, closing, name, attrs, text, ...
        texts = parts[0::4]
        texts = _quotes(texts)
        if cjk_quotes:
            texts = _literal_quotes(texts)
        parts[0::4] = texts
        rebuilt = []
        for i in range(0, len(parts), 4):
            rebuilt.append(parts[i])
            if i + 3 < len(parts):
                rebuilt.append(f"<{parts[i + 1]}{parts[i + 2]}{parts[i + 3]}>")
        value = "".join(rebuilt)
    out: list[str] = []
    spans: list[str] = []  # what each open <span> closes to
    opened: dict[str, int] = {}
    pos = 0
    for m in _TAG.finditer(value):
        out.append(_escape(value[pos : m.start()]))
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if name == "span":
            if not closing:
                if "nodecor" in attrs:  # no formatting and no case change
                    spans.append("</span>" + NODECOR_CLOSE)
                    out.append(NODECOR_OPEN + _NOCASE_OPEN)
                elif "nocase" in attrs:
                    spans.append("</span>")
                    out.append(_NOCASE_OPEN)
                elif "small-caps" in attrs:
                    spans.append(_TAGS["sc"][1])
                    out.append(_TAGS["sc"][0])
                else:
                    spans.append("")
            elif spans:
                out.append(spans.pop())
        elif name in _TAGS:
            if closing:
                if not opened.get(_TAGS[name][0]):  # a closing tag never opened: text
                    out.append(_escape(m.group(0)))
                    continue
                opened[_TAGS[name][0]] -= 1
            else:
                opened[_TAGS[name][0]] = opened.get(_TAGS[name][0], 0) + 1
            out.append(_TAGS[name][1 if closing else 0])
        else:  # not markup: keep it as text
            out.append(_escape(m.group(0)))
    out.append(_escape(value[pos:]))
    return "".join(out)


#: Each inline-markup placeholder of :func:`encode` and the tag it stands for, as text.
_TAG_TEXT = {
    mark: f"{_LT}{'/' if side else ''}{name}{_GT}"
    for name, marks in reversed(_TAGS.items())  # "i" over "em", "b" over "strong"
    for side, mark in enumerate(marks)
}
_TAG_MARKS = re.compile("[" + "".join(_TAG_TEXT) + "]")


def markup_as_text(value: str) -> str:
    """Encoded field text with its inline markup printed as text (``1<sup>er</sup>``)."""
    return _TAG_MARKS.sub(lambda m: _TAG_TEXT[m.group(0)], value)


def encode_affix(value: str) -> str:
    """A cite's prefix or suffix as :func:`encode` reads field text, its closing quotes
    marked so that punctuation after them is not moved inside (:data:`QUOTE_CLOSE_AFFIX`)."""
    return encode(value).replace(QUOTE_CLOSE, QUOTE_CLOSE_AFFIX)


def _escape(text: str) -> str:
    return text.replace("&", _AMP).replace("<", _LT).replace(">", _GT)


class Typography:
    """What :func:`finish` needs of a locale: its quotes and ``punctuation-in-quote``."""

    __slots__ = ("apostrophe", "inner", "outer", "punctuation_in_quote")

    def __init__(
        self,
        outer: tuple[str, str] = ("\u201c", "\u201d"),
        inner: tuple[str, str] = ("\u2018", "\u2019"),
        punctuation_in_quote: bool = False,
        apostrophe: str = "\u2019",
    ) -> None:
        self.outer = outer
        self.inner = inner
        self.punctuation_in_quote = punctuation_in_quote
        self.apostrophe = apostrophe


_CLOSERS = "(?:\ue011|</(?:i|b|span|sup|sub)>|[\ue004\ue006\ue008\ue00a\ue00c])"
_PIQ = re.compile(f"(.)((?:{_CLOSERS})*\ue011(?:{_CLOSERS})*)([.,!?]+)", re.S)
_DOUBLE_PERIOD = re.compile(f"(?<![.])([.?!])((?:{_CLOSERS})*)\\.(?![.])")
_FLIP = re.compile(
    '\ue010|\ue011|\ue027|</?i>|</?b>|</?su[pb]>|<span style="font-variant:small-caps;">|</span>|[\ue003-\ue00c\ue020-\ue025\ue028]'
)
#: Superscript and subscript, opened and closed (``vertical-align="baseline"`` undoes them).
_RAISE = {
    "<sup>": 1,
    "<sub>": 1,
    "\ue007": 1,
    "\ue009": 1,
    "</sup>": -1,
    "</sub>": -1,
    "\ue008": -1,
    "\ue00a": -1,
}
_OPENS = {
    "<i>": "i",
    "\ue003": "i",
    "<b>": "b",
    "\ue005": "b",
    '<span style="font-variant:small-caps;">': "sc",
    "\ue00b": "sc",
}
_CLOSES = {"</i>": "i", "\ue004": "i", "</b>": "b", "\ue006": "b", "\ue00c": "sc"}
_ON = {"i": "<i>", "b": "<b>", "sc": '<span style="font-variant:small-caps;">'}
_OFF = {
    "i": '<span style="font-style:normal;">',
    "b": '<span style="font-weight:normal;">',
    "sc": '<span style="font-variant:normal;">',
    "sup": '<span style="baseline">',
}
_END = {"i": "</i>", "b": "</b>", "sc": "</span>"}
_NORMALS = {"\ue022": "i", "\ue023": "sc", "\ue024": "b", "\ue028": "sup"}


#: Two punctuation marks meeting at a seam (a field or affix ending in one, the next affix or
#: field starting with the other) print as citeproc-js merges them: the first, the second, or
#: both (its ``LtoR_MAP``).  Identical marks print once (citeproc-py's ``normalize_seam``).
_PUNCT_MERGE = {
    "!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
    "?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
    ".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
    ":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
    ",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
    ";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}


def _piq(m: re.Match[str]) -> str:
    """``. , ! ?`` after a closing quote move inside it (``:`` and ``;`` stay out, as in
    citeproc-js), merged with the quotation's own last mark (``“Why?”.`` → ``“Why?”``)."""
    before, closers, punct = m.group(1), m.group(2), m.group(3)
    chars = [before]
    for ch in punct:
        last = chars[-1]
        if ch == last:
            continue
        merged = _PUNCT_MERGE.get(last, {}).get(ch)
        if merged is None:
            chars.append(ch)
        else:
            chars[-1:] = list(merged)
    return "".join(chars) + closers


def finish(rendered: str, typography: Typography | None = None) -> str:
    """citeproc-py HTML output with markers → HTML (placeholders for ``& < >`` kept): quote
    markers become the locale's outer and inner quotes by depth, punctuation moves into quotes
    where the locale says so, a period after ``.?!`` is dropped, and italics (bold, small caps)
    nested in italics flip to normal."""
    typo = typography or _DEFAULT_TYPOGRAPHY
    if "\ue014" in rendered or "\ue018" in rendered or "\ue01a" in rendered or "\ue016" in rendered:
        rendered = _OUT_OF_DIV.sub(r"\2\1\4\3", _INTO_DIV.sub(r"\2\1", rendered))
    if typo.punctuation_in_quote and QUOTE_CLOSE in rendered:
        rendered = _PIQ.sub(_piq, rendered)
    rendered = _DOUBLE_PERIOD.sub(r"\1\2", rendered)
    if APOSTROPHE in rendered:
        rendered = rendered.replace(APOSTROPHE, typo.apostrophe)
    if not _FLIP.search(rendered):
        return rendered
    out: list[str] = []
    pos = 0
    depth = 0
    state = {"i": 0, "b": 0, "sc": 0, "sup": 0}  # sup: superscript/subscript depth
    stack: list[tuple[str, str]] = []  # (kind, closing text)
    normals: list[list[str]] = []  # decorations turned off by each open nodecor/normal
    for m in _FLIP.finditer(rendered):
        out.append(rendered[pos : m.start()])
        pos = m.end()
        tok = m.group(0)
        if tok == QUOTE_OPEN:
            out.append(typo.outer[0] if depth % 2 == 0 else typo.inner[0])
            depth += 1
        elif tok == QUOTE_CLOSE or tok == QUOTE_CLOSE_AFFIX:
            depth = max(depth - 1, 0)
            out.append(typo.outer[1] if depth % 2 == 0 else typo.inner[1])
        elif tok in _NORMALS or tok == NODECOR_OPEN:
            kinds = (
                [k for k in ("i", "b", "sc") if state[k] % 2]
                if tok == NODECOR_OPEN
                else (
                    [_NORMALS[tok]]
                    if (state["sup"] > 0 if tok == "\ue028" else state[_NORMALS[tok]] % 2)
                    else []
                )
            )
            for kind in kinds:
                out.append(_OFF[kind])
                state[kind] += 1
            normals.append(kinds)
        elif tok in (NORMAL_CLOSE, NODECOR_CLOSE):
            kinds = normals.pop() if normals else []
            for kind in reversed(kinds):
                out.append("</span>")
                state[kind] -= 1
        elif tok in _RAISE:
            state["sup"] = max(state["sup"] + _RAISE[tok], 0)
            out.append(tok)
        elif tok in _OPENS:
            kind = _OPENS[tok]
            if state[kind] % 2:
                out.append(_OFF[kind])
                stack.append((kind, "</span>"))
            else:
                out.append(_ON[kind])
                stack.append((kind, _END[kind]))
            state[kind] += 1
        elif tok == "</span>":
            # closes the innermost span (small caps or a flipped one), else stays as it is
            for j in range(len(stack) - 1, -1, -1):
                if stack[j][1] == "</span>":
                    kind, _ = stack.pop(j)
                    state[kind] -= 1
                    break
            out.append("</span>")
        else:
            kind = _CLOSES[tok]
            for j in range(len(stack) - 1, -1, -1):
                if stack[j][0] == kind:
                    _, closing = stack.pop(j)
                    state[kind] -= 1
                    out.append(closing)
                    break
    out.append(rendered[pos:])
    return "".join(out)


_DEFAULT_TYPOGRAPHY = Typography()


def to_html(rendered: str) -> str:
    """citeproc-py HTML output (placeholders in field text) → escaped HTML; Unicode
    superscript characters (``ª``, ``²``, ``ᵉʳ``, ``℠``) become ``<sup>`` elements, as
    citeproc-js prints them."""
    html_text = _PRIVATE.sub(lambda m: _HTML_OF.get(m.group(0), ""), rendered)
    if not html_text.isascii():
        table = _superscripts()
        if _superscript_re().search(html_text):
            html_text = "".join(
                f"<sup>{table[ch]}</sup>" if ch in table else ch for ch in html_text
            )
    return html_text


_SUPERSCRIPTS: dict[str, str] = {}


_SUPERSCRIPT_RE: list[re.Pattern[str]] = []


def _superscript_re() -> re.Pattern[str]:
    """A character of :func:`_superscripts` (one regular-expression scan of the output)."""
    if not _SUPERSCRIPT_RE:
        _SUPERSCRIPT_RE.append(
            re.compile("[" + "".join(re.escape(ch) for ch in sorted(_superscripts())) + "]")
        )
    return _SUPERSCRIPT_RE[0]


def _superscripts() -> dict[str, str]:
    """Superscript characters (Unicode ``<super>`` compatibility decompositions) → the
    characters they are superscript forms of."""
    if not _SUPERSCRIPTS:
        import unicodedata

        table = {}
        for code in range(0xA0, 0x10000):
            decomposition = unicodedata.decomposition(chr(code))
            if decomposition.startswith("<super>"):
                table[chr(code)] = "".join(chr(int(h, 16)) for h in decomposition.split()[1:])
        # modifier letters citeproc-js also raises
        table.update(
            {"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648", "\u06e6": "\u064a"}
        )
        _SUPERSCRIPTS.update(table)
    return _SUPERSCRIPTS


_SPACES = re.compile(r"[ \t\r\n]+")
_FORMATTER_TAG = re.compile(r"</?(?:i|b|l|u|sup|sub|span)(?:\s[^<>]*)?>")


def to_text(rendered: str) -> str:
    """citeproc-py HTML output (placeholders in field text) → clean plain text."""
    text = html.unescape(_FORMATTER_TAG.sub("", rendered))
    text = _PRIVATE.sub(lambda m: _TEXT_OF.get(m.group(0), ""), text)
    return _SPACES.sub(" ", text).strip(" ")
