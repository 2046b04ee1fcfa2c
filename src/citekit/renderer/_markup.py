"""CSL-JSON inline markup in, escaped HTML or clean text out.

CSL-JSON strings may carry ``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
``<span style="font-variant:small-caps;">`` and ``<span class="nocase">``.  citeproc-py neither
escapes variable text in HTML output nor understands these tags (except ``nocase``), so before
rendering every such tag and every ``&``, ``<``, ``>`` of the text is replaced by a private-use
character, which survives citeproc-py's case changes and joins untouched; after rendering they
become escaped HTML or disappear for text.  ``nocase`` spans are left for citeproc-py.
"""

from __future__ import annotations

import html
import re

__all__ = ["encode", "to_html", "to_text"]

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
_TEXT_OF = {_AMP: "&", _LT: "<", _GT: ">"}
_PRIVATE = re.compile("[\ue000-\ue00f]")
_TAG = re.compile(r"<(/?)([a-zA-Z]+)([^<>]*)>")
_NOCASE_OPEN = '<span class="nocase">'


def encode(value: str) -> str:
    """Field text with inline markup and ``& < >`` turned into private-use placeholders."""
    value = _PRIVATE.sub("", value)
    out: list[str] = []
    spans: list[str] = []  # what each open <span> closes to
    pos = 0
    for m in _TAG.finditer(value):
        out.append(_escape(value[pos : m.start()]))
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if name == "span":
            if not closing:
                if "nocase" in attrs:
                    spans.append("</span>")
                    out.append(_NOCASE_OPEN)
                elif "small-caps" in attrs:
                    spans.append(_TAGS["sc"][1])
                    out.append(_TAGS["sc"][0])
                else:
                    spans.append("")
            elif spans:
                out.append(spans.pop())
        elif name in _TAGS and name != "sc":
            out.append(_TAGS[name][1 if closing else 0])
        else:  # not markup: keep it as text
            out.append(_escape(m.group(0)))
    out.append(_escape(value[pos:]))
    return "".join(out)


def _escape(text: str) -> str:
    return text.replace("&", _AMP).replace("<", _LT).replace(">", _GT)


def to_html(rendered: str) -> str:
    """citeproc-py HTML output (placeholders in field text) → escaped HTML."""
    return _PRIVATE.sub(lambda m: _HTML_OF.get(m.group(0), ""), rendered)


_SPACES = re.compile(r"[ \t\r\n]+")
_FORMATTER_TAG = re.compile(r"</?(?:i|b|l|u|sup|sub|span)(?:\s[^<>]*)?>")


def to_text(rendered: str) -> str:
    """citeproc-py HTML output (placeholders in field text) → clean plain text."""
    text = html.unescape(_FORMATTER_TAG.sub("", rendered))
    text = _PRIVATE.sub(lambda m: _TEXT_OF.get(m.group(0), ""), text)
    return _SPACES.sub(" ", text).strip(" ")
