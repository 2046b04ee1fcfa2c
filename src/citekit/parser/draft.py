"""The working record of one parse: fields found so far, with view spans and confidence.

Rule modules read ``Draft.work`` (the normalised view with identifiers masked out, same length
as ``Draft.text``) and record what they recognise with :meth:`Draft.set`, always as spans of
the view.  :meth:`Draft.finish` maps the spans back to the raw string, adds the parse
diagnostics (P001 nothing recognised, P002 low confidence, P003 left-over text) and returns
the :class:`~citekit.model.ParseOutcome`.
"""

from __future__ import annotations

from typing import Any

from .. import codes
from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..model import (
    Diagnostic,
    FieldEvidence,
    ParseOutcome,
    Span,
    new_evidence,
    new_outcome,
    new_span,
)
from ..normalise import View, clean_value
from .text import MASK

__all__ = ["Draft", "LOW_CONFIDENCE"]

LOW_CONFIDENCE = 0.5
# values Draft.set ignores (built once, not per call; never mutated)
_EMPTY: tuple[Any, ...] = (None, "", [], {})

# Text fields whose value is the clean form of their raw text (see ``normalise.clean_value``).
CLEAN_FIELDS = frozenset(
    {
        "title",
        "container-title",
        "collection-title",
        "publisher",
        "publisher-place",
        "event-title",
        "event-place",
        "genre",
        "medium",
        "title-short",
        "container-title-short",
        "original-title",
        "original-publisher",
        "original-publisher-place",
        "archive",
        "archive-place",
        "authority",
    }
)

# Words that only structure a reference (``2016年第2期``, ``张成福等译``, ``DOI:``, ``pp.``):
# text made only of these is not reported as left over.
_STRUCTURAL = regex.compile(
    r"年版|年|第|期|卷|版|页|译|等|著|编|主编|载|见|出版|"
    r"\b(?:doi|isbn|issn|in|pp|p|vol|no|ed|eds|et|al|and|others|available|from|accessed|retrieved)\b",
    regex.IGNORECASE,
)


# the space (or U+3000) between the elements of a Chinese standard's name: 信息与文献 参考文献著录规则
_STANDARD_GAP = regex.compile(r"(?<=\p{Han})[ \u3000]+(?=\p{Han})")


def standard_title(raw: str) -> str:
    """A standard's title keeps the one space between its name's elements (引导、主体、补充要素,
    GB/T 1.1), which the clean form of other titles drops between two CJK characters."""
    out: list[str] = []
    at = 0
    for gap in _STANDARD_GAP.finditer(raw):
        out.append(clean_value(raw[at : gap.start()]))
        out.append("\u3000" if "\u3000" in gap.group() else " ")  # (the U+3000 a list printed)
        at = gap.end()
    out.append(clean_value(raw[at:]))
    return "".join(out).strip()


_PAGE_GAP = regex.compile(r"(?<=\d)\s*-\s*(?=\d)")

# clean_value of the raw texts seen (a pure function; a list repeats its journals, publishers and
# places, ~45% of the values on the benchmark list); bounded, then started again
_CLEANED: dict[str, str] = {}
_CLEANED_MAX = 20_000


def _clean(raw: str) -> str:
    value = _CLEANED.get(raw)
    if value is None:
        value = clean_value(raw)
        if len(_CLEANED) >= _CLEANED_MAX:
            _CLEANED.clear()
        _CLEANED[raw] = value
    return value


class Draft:
    def __init__(self, view: View, start: int, end: int) -> None:
        self.view = view
        self.text = view.text
        self.work = view.text  # identifiers get masked here; same length as text
        self.start = start  # body (after the numbering label) in view coordinates
        self.end = end
        self.type: str | None = None
        self.type_confidence = 0.0
        self.values: dict[str, Any] = {}
        self.spans: dict[str, tuple[int, int] | None] = {}
        self.conf: dict[str, float] = {}
        self.custom: dict[str, Any] = {}
        self.claims: list[tuple[int, int]] = []
        self.diagnostics: list[Diagnostic] = []
        self.style: str | None = None

    def copy(self) -> Draft:
        """A fresh draft with this one's state (used to start the CRF parse from the identifiers
        already extracted, instead of extracting them again)."""
        c = Draft.__new__(Draft)
        c.view, c.text, c.work, c.start, c.end = (
            self.view,
            self.text,
            self.work,
            self.start,
            self.end,
        )
        c.type, c.type_confidence, c.style = self.type, self.type_confidence, self.style
        c.values = {
            k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
            for k, v in self.values.items()
        }
        c.spans, c.conf, c.custom = dict(self.spans), dict(self.conf), dict(self.custom)
        c.claims, c.diagnostics = list(self.claims), list(self.diagnostics)
        return c

    def adopt(self, other: Draft) -> None:
        """Take over the state of ``other`` (a copy that a rule parsed and the rule keeps)."""
        self.__dict__.update(other.__dict__)

    # -- recording -----------------------------------------------------------------
    def set(
        self, name: str, value: Any, start: int | None, end: int | None, confidence: float = 0.9
    ) -> None:
        """Record CSL variable ``name`` (an empty value is ignored)."""
        if value in _EMPTY:
            return
        self.values[name] = value
        self.spans[name] = None if start is None or end is None else (start, end)
        self.conf[name] = confidence

    def has(self, name: str) -> bool:
        return name in self.values

    def drop(self, name: str) -> None:
        """Forget CSL variable ``name`` (a rule found it was read wrong); nothing if it is absent."""
        self.values.pop(name, None)
        self.spans.pop(name, None)
        self.conf.pop(name, None)

    def is_free(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps no recorded field or claim."""
        for span in list(self.spans.values()) + self.claims:
            if span and span[0] < end and start < span[1]:
                return False
        return all(ch != MASK for ch in self.work[start:end])

    def set_type(self, csl_type: str, confidence: float) -> None:
        self.type = csl_type
        self.type_confidence = confidence

    def claim(self, start: int, end: int) -> None:
        """Mark structural text (a type code, ``DOI:``) as used without making it a field."""
        if end > start:
            self.claims.append((start, end))

    def mask(self, start: int, end: int) -> None:
        """Hide ``[start, end)`` from later rules (it is an identifier already taken)."""
        self.work = self.work[:start] + MASK * (end - start) + self.work[end:]

    def flag(self, key: str, value: Any = True) -> None:
        self.custom[key] = value

    # -- result ----------------------------------------------------------------------
    def _raw_span(self, span: tuple[int, int] | None) -> Span | None:
        if span is None:
            return None
        s, e = span
        return self.view.raw_span(s, e)

    def finish(self, language: str | None, source: str = "rule") -> ParseOutcome:
        item: dict[str, Any] = {"type": self.type or "document"}
        fields: dict[str, FieldEvidence] = {
            "type": new_evidence(None, self.type_confidence if self.type else 0.2, "rule"),
        }
        diagnostics = list(self.diagnostics)
        raw = self.view.raw
        for name in _ABBREV_FIELDS:
            if name in self.values:
                self._keep_abbreviation_dot(name)
        raw_span = self.view.raw_span
        # normalise's fast path maps view offsets to the same raw offsets (``range``): the span is
        # the view span itself, unless it ends on "&" (View.raw_span checks for an entity there)
        identity = type(self.view.offsets) is range
        spans = self.spans
        for name, value in self.values.items():
            view_span = spans[name]
            if view_span is None:
                span = None
            else:
                s, e = view_span
                if identity and s < e and (raw is None or raw[e - 1] != "&"):
                    span = new_span(s, e)
                else:
                    span = raw_span(s, e)
            if span is not None and name in CLEAN_FIELDS and raw is not None:
                if value == self.text[s:e]:
                    if name == "title" and self.type == "standard":
                        value = standard_title(raw[span.start : span.end]) or value
                    else:
                        value = _clean(raw[span.start : span.end]) or value
            if name == "page" and isinstance(value, str):
                if "~" in value:
                    value = value.replace(
                        "~", "-"
                    )  # 315~327 (a Chinese range sign) is a page range
                if " " in value:
                    value = _PAGE_GAP.sub("-", value)  # "10 - 20" (PDF text, spaced list styles)
            item[name] = value
            conf = self.conf[name]
            fields[name] = new_evidence(span, conf, source)  # made for every field
            if conf < LOW_CONFIDENCE:
                diagnostics.append(
                    codes.make(
                        "P002",
                        f"{name} recognised with low confidence ({conf:.2f})",
                        span=span,
                        field=name,
                    )
                )
        if language:
            item["language"] = language
            fields["language"] = _LANGUAGE_EVIDENCE
        if self.custom:
            item["custom"] = dict(self.custom)

        covered, total = self._coverage(diagnostics)
        if not self.values:
            diagnostics.insert(
                0,
                codes.make(
                    "P001",
                    span=self._raw_span((self.start, self.end)) if self.end > self.start else None,
                ),
            )
            confidence = 0.0
        else:
            mean = sum(self.conf.values()) / len(self.conf)
            share = covered / total if total else 1.0
            confidence = round(
                min(1.0, 0.5 * mean + 0.5 * share) * (0.6 + 0.4 * self.type_confidence), 4
            )
        return new_outcome(item, fields, confidence, tuple(diagnostics))

    def confidence_bound(self) -> float:
        """The most :meth:`finish` can give as the confidence, without finishing: what it gives
        when every letter and digit is covered (the covered share is at most 1; the fields'
        confidences and the type's are already known)."""
        if not self.values:
            return 0.0
        mean = sum(self.conf.values()) / len(self.conf)
        # (the same arithmetic as finish, with the share at its largest: rounding and each step
        # keep the order, so finish's confidence is never above this)
        return round(min(1.0, 0.5 * mean + 0.5 * 1.0) * (0.6 + 0.4 * self.type_confidence), 4)

    def _keep_abbreviation_dot(self, name: str) -> None:
        """``Phys. Rev. Lett.``, ``Washington, D.C.``, ``Norton & Company, Inc.``: the full stop after a
        field that ends in an abbreviation belongs to the field, not to the separator."""
        span = self.spans.get(name)
        if not span:
            return
        s, e = span
        text = self.text
        if e >= len(text) or text[e] != "." or self.values[name] != text[s:e]:
            return
        m = _LAST_WORD.search(text, s, e)
        if not m:
            return
        word = m.group(1)
        if (
            len(word) == 1
            and word.isupper()
            and m.start(1) > s
            and text[m.start(1) - 1] == "."
            or word in _ABBREVIATIONS
            or name
            == "publisher-place"  # "Littleton, Colo.", "Cambridge, Mass.": a state's abbreviation
            and len(word) <= 5
            and text[m.start(1) - 2 : m.start(1)] == ", "
            or name == "container-title"
            and len(word) <= 5
            and word[0].isupper()
            and _ABBREV_DOT.search(text, s, e)
        ):
            self.values[name] = text[s : e + 1]
            self.spans[name] = (s, e + 1)

    def _coverage(self, diagnostics: list[Diagnostic]) -> tuple[int, int]:
        """Count covered letters/digits and report runs of left-over text (P003)."""
        if not self.values:
            return 0, 0
        n = self.end
        start = self.start
        intervals = [sp for sp in self.spans.values() if sp]
        intervals += self.claims
        work = self.work
        if MASK in work:
            intervals += [m.span() for m in _MASKED.finditer(work, start, n)]
        intervals.sort()
        text = self.text
        pos = start
        gaps: list[tuple[int, int]] = []
        for s, e in intervals:
            if s < pos:
                s = pos
            if e > n:
                e = n
            if e <= s:
                continue
            if s > pos:
                gaps.append((pos, s))
            pos = e
        if pos < n:
            gaps.append((pos, n))
        # letters and digits (str.isalnum: Unicode letters and numbers) in the body; the covered
        # ones are those outside gaps of real left-over text
        total = _alnum(text[start:n])
        covered = total
        for i, j in gaps:
            run = text[i:j]
            if not run.strip(_SEPARATORS):
                continue  # separators only (most gaps): no letters
            letters = _alnum(run)
            if not letters:
                continue
            rest = _STRUCTURAL.sub("", run) if len(run) < 200 else run
            if any(ch.isalnum() for ch in rest):
                covered -= letters
                s, e = i, j
                while s < e and not text[s].isalnum() and text[s] not in "《“([":
                    s += 1
                while e > s and not text[e - 1].isalnum() and text[e - 1] not in "》”)]":
                    e -= 1
                if e > s:
                    diagnostics.append(
                        codes.make(
                            "P003",
                            f"text not assigned to any field: {text[s:e][:60]!r}",
                            span=self.view.raw_span(s, e),
                        )
                    )
        return covered, total


_LANGUAGE_EVIDENCE = FieldEvidence(None, 0.9)  # frozen: one for every outcome

_SEPARATORS = " ,.;:()[]/-&\"'“”‘’《》。，；：、" + MASK
# ASCII bytes that are not letters or digits: deleting them from an ASCII string's bytes leaves
# exactly its str.isalnum() characters
_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def _alnum(text: str) -> int:
    """How many characters of ``text`` are letters or digits (``str.isalnum``)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_ALNUM))
    return sum(map(str.isalnum, text))


_ABBREV_FIELDS = ("container-title", "publisher", "publisher-place")
_ABBREVIATIONS = frozenset({"Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Univ", "Assoc"})
_LAST_WORD = regex.compile(
    r"(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}*)\Z"
)  # the field's last word, capitalised
_ABBREV_DOT = regex.compile(
    r"\b\p{Lu}\p{Ll}{0,5}\.(?: ?\p{Lu})"
)  # "Phys. Rev", "J.Am": abbreviated words
_MASKED = regex.compile(MASK + "+")
