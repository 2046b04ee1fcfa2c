"""citekit's rule-based reference parser.

``parse_reference(raw, language=None) -> ParseOutcome`` is the entry point (``parse_many`` the
same for a list, faster).  It parses the normalised view of ``raw`` (after its numbering label),
and every field's span is mapped back to ``raw``.  The work is done by small rule modules:

- :mod:`.identifiers`: URL, DOI, ISBN, access dates (run first on every reference);
- :mod:`.names`, :mod:`.numbers`, :mod:`.common`: names, volume/issue/pages, imprints;
- style modules, tried in order: :mod:`.gbt7714` (a ``[J]``-style type code), :mod:`.catalogue`
  (a library catalogue's record: ``题名 / 责任者. -- 出版地 : 出版者, 年``),
  :mod:`.house_zh` (《》 titles), :mod:`.house_en` (``Alford,J.&Hughes,O.,“…”``), GB/T 7714 without
  type codes in its common shapes (``gbt7714.parse_nocode``; kept only when every letter and digit lands
  in a field), web notes without a type code (:mod:`.web`: title, site, author around a link and
  an access date; kept on the same condition), and :mod:`.fallback` (year, pages, quoted title) which also fills gaps after any style.

Field values are taken from the normalised view (full-width punctuation folded to ASCII,
whitespace collapsed), so ``normalise(raw[span]).text == value`` for text fields.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

from .. import codes
from ..language import detect_language
from ..model import ParseOutcome, Span
from ..normalise import normalise
from ..segment import split_label
from . import catalogue, crf, fallback, gbt7714, house_en, house_zh, web
from .article_numbers import article_number
from .assemble import assemble
from .bilingual import bilingual_part
from .doc_numbers import (
    agency_series,
    find_doc_numbers,
    preprint_number,
    report_series,
    split_genre_number,
)
from .draft import Draft
from .identifiers import extract_identifiers

__all__ = ["parse_reference", "parse_many", "MAX_CHARS", "STYLES"]

MAX_CHARS = 10_000  # longer inputs are cut here (P004): no real reference comes close

STYLES = (
    ("gbt7714", gbt7714.applies, gbt7714.parse),
    ("catalogue", catalogue.applies, catalogue.parse),
    ("house-zh", house_zh.applies, house_zh.parse),
    ("house-en", house_en.applies, house_en.parse),
    ("gbt7714-nocode", gbt7714.applies_nocode, gbt7714.parse_nocode),
    ("web", web.applies, web.parse),
)


# A rule parse at or above this confidence is kept as it is; below it the CRF labeller parses the
# string too and the more confident parse wins.
RULE_CONFIDENT = 0.75
_ANCHORS = (
    "issued",
    "container-title",
    "publisher",
    "volume",
    "issue",
    "page",
    "URL",
    "DOI",
    "accessed",
    "ISBN",
    "edition",
    "genre",
)


def parse_reference(raw: str, language: str | None = None, *, method: str = "auto") -> ParseOutcome:
    """Parse one reference string into a CSL-JSON item (without ``id``) with evidence.

    ``method``: ``"auto"`` (rules where a style is recognised, the CRF labeller for the rest and
    for low-confidence rule parses), ``"rules"`` or ``"crf"``.
    """
    steps = _parse(raw, language, method)
    try:
        request = next(steps)
        while True:  # (one request at most)
            request = steps.send(crf.label_spans(*request))
    except StopIteration as done:
        return done.value


def parse_many(references: Sequence[tuple[str, str | None]]) -> list[ParseOutcome | Exception]:
    """:func:`parse_reference` for many ``(raw, language)`` pairs: the same outcomes, in order (or
    the exception a reference raised, in its place).  The references are parsed up to the CRF
    labeller, then the labeller labels all of them one after another, then each parse is finished:
    the model, the feature cache and the code of each step stay hot in the processor's caches,
    where interleaving them evicts each other (a long list parses ~10% faster)."""
    results: list[Any] = [None] * len(references)
    waiting: list[
        tuple[int, Generator[tuple[str, int, int], Any, ParseOutcome], tuple[str, int, int]]
    ] = []
    for i, (raw, language) in enumerate(references):
        steps = _parse(raw, language, "auto")
        try:
            waiting.append((i, steps, next(steps)))
        except StopIteration as done:
            results[i] = done.value
        except Exception as exc:  # the caller reports it for this reference
            results[i] = exc
    labelled: list[Any] = []  # label lists, or the exception of a reference
    for _, _, request in waiting:
        try:
            labelled.append(crf.label_spans(*request))
        except Exception as exc:
            labelled.append(exc)
    for (i, steps, _), spans in zip(waiting, labelled, strict=False):
        try:
            if isinstance(spans, Exception):
                steps.close()
                raise spans
            steps.send(spans)
            raise RuntimeError("the parser asked the labeller twice")  # pragma: no cover
        except StopIteration as done:
            results[i] = done.value
        except Exception as exc:
            results[i] = exc
    return results


def _parse(
    raw: str, language: str | None, method: str
) -> Generator[tuple[str, int, int], Any, ParseOutcome]:
    """The parse as steps: it yields ``(text, start, end)`` when it needs the CRF labeller's spans
    there (:func:`.crf.label_spans`) and is sent them back; it returns the outcome."""
    if not isinstance(raw, str):
        raise TypeError("parse_reference expects a str")
    if method not in ("auto", "rules", "crf"):
        raise ValueError(f"unknown parse method {method!r}")
    diagnostics = []
    text = raw
    if len(raw) > MAX_CHARS:
        text = raw[:MAX_CHARS]
        diagnostics.append(
            codes.make(
                "P004",
                f"the reference has {len(raw)} characters; only the first {MAX_CHARS} were parsed",
                span=Span(MAX_CHARS, len(raw)),
            )
        )
    view = normalise(text)
    _, body = split_label(view.text)
    lang = language or detect_language(view.text[body:])
    start, end = bilingual_part(view.text, body, len(view.text))
    d = Draft(view, start, end)
    d.diagnostics.extend(diagnostics)
    if d.end <= d.start:
        return d.finish(lang)
    extract_identifiers(d)
    find_doc_numbers(d)
    base = d.copy()  # the identifiers, for the CRF parse and the last resort below
    if method != "crf":
        for _name, applies, parse in STYLES:
            if applies(d) and parse(d):
                break
    if method == "rules" or not crf.available():
        fallback.parse(d)
        _late_rules(d)
        return d.finish(lang)
    outcome = None
    deferred = None  # a rule parse that can only win if the labeller's parse is weak
    if d.style is not None:
        fallback.parse(d)
        _late_rules(d)
        bound = d.confidence_bound()
        if bound < RULE_CONFIDENT and not (method == "auto" and d.style == "gbt7714"):
            # it cannot be kept alone: the labeller parses too, and it is finished only if its
            # confidence could reach the labeller's (the English house style's "Family, I.,"
            # head reads most other English styles' names, and loses to the labeller nearly always)
            deferred = d
        else:
            outcome = d.finish(lang)
            if outcome.confidence >= RULE_CONFIDENT or method == "auto" and d.style == "gbt7714":
                return outcome
    c = base.copy()
    c.style = "crf"
    assemble(c, (yield c.text, c.start, c.end))
    if len(c.values) < 2 or c.values.keys().isdisjoint(_ANCHORS):  # (none of the anchors)
        # a name and a title alone ("hello world", prose) are no evidence of a reference: it needs a
        # date, a container, a publisher, numbers or an identifier
        c = base
        fallback.parse(c)
    _late_rules(c)
    learned = c.finish(lang, source="crf")
    if deferred is not None:
        if learned.confidence > bound:
            return learned  # (the rule parse's confidence is at most the bound)
        outcome = deferred.finish(lang)
    if outcome is None or learned.confidence > outcome.confidence:
        return learned
    return outcome


def _late_rules(d: Draft) -> None:
    """The rules that run when a parse (by rules or by the labeller) is finished."""
    split_genre_number(d)
    preprint_number(d)
    report_series(d)
    agency_series(d)
    article_number(d)
