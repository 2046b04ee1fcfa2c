"""LaTeX in BibTeX values: accents and symbols to Unicode (:func:`delatex`) and back to the
escapes a ``.bib`` needs (:func:`enlatex`)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["delatex", "enlatex", "split_top"]


_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "b": "\u0331",
    "d": "\u0323",
}
_ACCENT_RE = re.compile(
    r"\\([`'^\"~=.]|[uvHckrbd](?=[\s{]))\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij]|[A-Za-z]))"
)
_SYMBOLS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "textendash": "–",
    "textemdash": "—",
    "ldots": "…",
    "dots": "…",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textbackslash": "\\",
    "textbar": "|",
    "textless": "<",
    "textgreater": ">",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "copyright": "©",
    "textregistered": "®",
    "texttrademark": "™",
    "S": "§",
    "P": "¶",
    "pounds": "£",
    "euro": "€",
    "LaTeX": "LaTeX",
    "TeX": "TeX",
    # spacing commands are one space in plain text (the space after the command is its end)
    "quad": " ",
    "qquad": " ",
    "enspace": " ",
    "thinspace": " ",
}
_SYMBOL_RE = re.compile(r"\\([A-Za-z]+)(?:\{\}|(?![A-Za-z])\s?)")
_ESCAPED_RE = re.compile(r"\\([&%$#_{}])")
# The LaTeX walker builds a node for each special character and brace group (~10 us each): a
# value with thousands of them (no real field has) keeps its remaining macros as printed instead.
_WALKER_NODE_RE = re.compile(r"[\\{}$%~&#^_\-`']")
_WALKER_NODES = 2000
_FORMAT_CMD_RE = re.compile(
    r"\\(?:emph|textit|textbf|textsc|textrm|textsf|texttt|textup|textnormal|mbox|text|url|"
    r"uppercase|MakeUppercase|ensuremath|mkbibquote|enquote|mathrm|mathit|mathbf)\s*\{"
)


def delatex(value: str) -> str:
    """Plain Unicode text of a BibTeX field value (accents, escapes, braces, dashes, ties)."""
    if not any(c in value for c in "\\{}~-$"):
        return value
    s = value
    if "\\" in s:
        s = _ACCENT_RE.sub(_accent, s)
        s = _FORMAT_CMD_RE.sub("{", s)
        # escaped specials and symbols become protected characters (\x00 + char) so that the
        # brace, tie, dash and math rules below leave them alone
        s = _ESCAPED_RE.sub(lambda m: "\x00" + m.group(1), s)
        s = _SYMBOL_RE.sub(_symbol, s)
        if re.search(r"(?<!\x00)\\", s) and len(_WALKER_NODE_RE.findall(s)) <= _WALKER_NODES:
            s = _pylatexenc(s)
    s = re.sub(r"(?<!\x00)---", "—", s)
    s = re.sub(r"(?<!\x00)--", "–", s)
    s = re.sub(r"(?<!\x00)~", " ", s)
    s = re.sub(r"(?<!\x00)[{}]", "", s)
    if "$" in s:
        s = re.sub(r"(?<!\x00)\$([^$\x00]*)(?<!\x00)\$", r"\1", s)
    s = s.replace("\x00", "")
    return unicodedata.normalize("NFC", s)


def _accent(m: re.Match[str]) -> str:
    base = m.group(2) or m.group(3)
    if base in ("\\i", "\\j"):
        base = base[1]
    return unicodedata.normalize("NFC", base + _ACCENTS[m.group(1)])


def _symbol(m: re.Match[str]) -> str:
    name = m.group(1)
    if name in _SYMBOLS:
        out = _SYMBOLS[name]
        return "\x00" + out if out in "\\~^{}$-" else out
    return m.group(0)


def _pylatexenc(s: str) -> str:
    try:
        from pylatexenc.latex2text import LatexNodes2Text
    except ImportError:  # pragma: no cover - pylatexenc comes with bibtexparser
        return s
    protected = re.sub(r"\x00([&%$#_{}])", r"\\\1", s).replace("\x00", "")
    try:
        return LatexNodes2Text(math_mode="verbatim", keep_braced_groups=True).latex_to_text(
            protected
        )
    except Exception:
        return s


_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}&%$#_~^]|-(?=-)")


def enlatex(value: str) -> str:
    """Escape text for a braced BibTeX value (UTF-8 kept as is; ``--`` kept from becoming a dash)."""
    return _SPECIAL_RE.sub(lambda m: _SPECIALS.get(m.group(0), "-{}"), value)


def split_top(s: str, sep: str) -> list[str]:
    """Split at ``sep`` outside braces and quotes."""
    out, depth, quote, start = [], 0, False, 0
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == '"' and depth == 0:
            quote = not quote
        elif c == sep and depth == 0 and not quote:
            out.append(s[start:i])
            start = i + 1
        i += 1
    out.append(s[start:])
    return out
