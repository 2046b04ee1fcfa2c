"""citekit's rule-based reference parser.

``parse_reference(raw, language=None) -> ParseOutcome`` is the one entry point.  It parses
the normalised view of ``raw`` (after its numbering label), and every field's span is mapped
back to ``raw``.  The work is done by small rule modules:

- :mod:`.identifiers`: URL, DOI, ISBN, access dates (run first on every reference);
- :mod:`.names`, :mod:`.numbers`, :mod:`.common`: names, volume/issue/pages, imprints;
- style modules, tried in order: :mod:`.gbt7714` (a ``[J]``-style type code),
  :mod:`.house_zh` (《》 titles), :mod:`.house_en` (``Alford,J.&Hughes,O.,“…”``), and
  :mod:`.fallback` (year, pages, quoted title) which also fills gaps after any style.

Field values are taken from the normalised view (full-width punctuation folded to ASCII,
whitespace collapsed), so ``normalise(raw[span]).text == value`` for text fields.
"""

from __future__ import annotations

from .. import codes
from ..language import detect_language
from ..model import ParseOutcome, Span
from ..normalise import normalise
from ..segment import split_label
from . import fallback, gbt7714, house_en, house_zh
from .draft import Draft
from .identifiers import extract_identifiers

__all__ = ["parse_reference", "MAX_CHARS", "STYLES"]

MAX_CHARS = 10_000  # longer inputs are cut here (P004): no real reference comes close

STYLES = (
    ("gbt7714", gbt7714.applies, gbt7714.parse),
    ("house-zh", house_zh.applies, house_zh.parse),
    ("house-en", house_en.applies, house_en.parse),
)


def parse_reference(raw: str, language: str | None = None) -> ParseOutcome:
    """Parse one reference string into a CSL-JSON item (without ``id``) with evidence."""
    if not isinstance(raw, str):
        raise TypeError("parse_reference expects a str")
    diagnostics = []
    text = raw
    if len(raw) > MAX_CHARS:
        text = raw[:MAX_CHARS]
        diagnostics.append(codes.make(
            "P004", f"the reference has {len(raw)} characters; only the first {MAX_CHARS} were parsed",
            span=Span(MAX_CHARS, len(raw))))
    view = normalise(text)
    _, body = split_label(view.text)
    d = Draft(view, body, len(view.text))
    d.diagnostics.extend(diagnostics)
    if d.end > d.start:
        extract_identifiers(d)
        for _name, applies, parse in STYLES:
            if applies(d) and parse(d):
                break
        fallback.parse(d)
    lang = language or detect_language(view.text[body:])
    return d.finish(lang)
