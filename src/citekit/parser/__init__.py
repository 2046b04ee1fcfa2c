"""citekit's rule-based reference parser.

``parse_reference(raw, language=None) -> ParseOutcome`` is the one entry point.  It parses
the normalised view of ``raw`` (after its numbering label), and every field's span is mapped
back to ``raw``.  The work is done by small rule modules:

- :mod:`.identifiers`: URL, DOI, ISBN, access dates (run first on every reference);
- :mod:`.names`, :mod:`.numbers`, :mod:`.common`: names, volume/issue/pages, imprints;
- style modules, tried in order: :mod:`.gbt7714` (a ``[J]``-style type code),
  :mod:`.house_zh` (《》 titles), :mod:`.house_en` (``Alford,J.&Hughes,O.,“…”``), GB/T 7714 without
  type codes in its common shapes (``gbt7714.parse_nocode``; kept only when every letter and digit lands
  in a field), and :mod:`.fallback` (year, pages, quoted title) which also fills gaps after any style.

Field values are taken from the normalised view (full-width punctuation folded to ASCII,
whitespace collapsed), so ``normalise(raw[span]).text == value`` for text fields.
"""

from __future__ import annotations

from .. import codes
from ..language import detect_language
from ..model import ParseOutcome, Span
from ..normalise import normalise
from ..segment import split_label
from . import crf, fallback, gbt7714, house_en, house_zh
from .assemble import assemble
from .draft import Draft
from .bilingual import bilingual_part
from .identifiers import extract_identifiers

__all__ = ["parse_reference", "MAX_CHARS", "STYLES"]

MAX_CHARS = 10_000  # longer inputs are cut here (P004): no real reference comes close

STYLES = (
    ("gbt7714", gbt7714.applies, gbt7714.parse),
    ("house-zh", house_zh.applies, house_zh.parse),
    ("house-en", house_en.applies, house_en.parse),
    ("gbt7714-nocode", gbt7714.applies_nocode, gbt7714.parse_nocode),
)


# A rule parse at or above this confidence is kept as it is; below it the CRF labeller parses the
# string too and the more confident parse wins.
RULE_CONFIDENT = 0.75
_ANCHORS = ("issued", "container-title", "publisher", "volume", "issue", "page", "URL", "DOI", "accessed",
            "ISBN", "edition", "genre")


def parse_reference(raw: str, language: str | None = None, *, method: str = "auto") -> ParseOutcome:
    """Parse one reference string into a CSL-JSON item (without ``id``) with evidence.

    ``method``: ``"auto"`` (rules where a style is recognised, the CRF labeller for the rest and
    for low-confidence rule parses), ``"rules"`` or ``"crf"``.
    """
    if not isinstance(raw, str):
        raise TypeError("parse_reference expects a str")
    if method not in ("auto", "rules", "crf"):
        raise ValueError(f"unknown parse method {method!r}")
    diagnostics = []
    text = raw
    if len(raw) > MAX_CHARS:
        text = raw[:MAX_CHARS]
        diagnostics.append(codes.make(
            "P004", f"the reference has {len(raw)} characters; only the first {MAX_CHARS} were parsed",
            span=Span(MAX_CHARS, len(raw))))
    view = normalise(text)
    _, body = split_label(view.text)
    lang = language or detect_language(view.text[body:])
    start, end = bilingual_part(view.text, body, len(view.text))
    d = Draft(view, start, end)
    d.diagnostics.extend(diagnostics)
    if d.end <= d.start:
        return d.finish(lang)
    extract_identifiers(d)
    base = d.copy()  # the identifiers, for the CRF parse and the last resort below
    if method != "crf":
        for _name, applies, parse in STYLES:
            if applies(d) and parse(d):
                break
    if method == "rules" or not crf.available():
        fallback.parse(d)
        return d.finish(lang)
    if d.style is not None:
        fallback.parse(d)
        outcome = d.finish(lang)
        if outcome.confidence >= RULE_CONFIDENT or method == "auto" and d.style == "gbt7714":
            return outcome
    else:
        outcome = None
    c = base.copy()
    c.style = "crf"
    assemble(c, crf.label_spans(c.text, c.start, c.end))
    if len(c.values) < 2 or not any(c.has(k) for k in _ANCHORS):
        # a name and a title alone ("hello world", prose) are no evidence of a reference: it needs a
        # date, a container, a publisher, numbers or an identifier
        c = base
        fallback.parse(c)
    learned = c.finish(lang, source="crf")
    if outcome is None or learned.confidence > outcome.confidence:
        return learned
    return outcome
