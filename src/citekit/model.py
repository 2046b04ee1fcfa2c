"""citekit's own records: spans, evidence, diagnostics and references.

The CSL-JSON item stays a plain dict (see :mod:`citekit.csl`); everything citekit knows
*about* the item lives in these frozen dataclasses around it.  Stages never mutate a record:
they return a new one with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from dataclasses import field as _dc_field  # ``Diagnostic.field`` shadows ``field``
from enum import Enum
from typing import Any, TypeVar

from .csl import CslItem

__all__ = [
    "Applicability",
    "Diagnostic",
    "Edit",
    "FieldEvidence",
    "Fix",
    "ParseOutcome",
    "Reference",
    "Severity",
    "Span",
    "new_evidence",
    "new_reference",
    "new_span",
    "location",
]


class Severity(str, Enum):  # noqa: UP042  (StrEnum changes str() and format() of members: API)
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, Enum):  # noqa: UP042  (as Severity)
    """How far a fix may be trusted: only ``safe`` fixes are applied automatically."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open range ``[start, end)`` of code points in a reference's raw string."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def to_json(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_json(cls, value: Any) -> Span | None:
        if value is None:
            return None
        start, end = value
        return cls(int(start), int(end))


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``span`` of the raw string with ``replacement``."""

    span: Span
    replacement: str

    def to_json(self) -> dict[str, Any]:
        return {"span": self.span.to_json(), "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    def to_json(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "applicability": self.applicability.value,
            "edits": [e.to_json() for e in self.edits],
        }


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: Span | None = None
    field: str | None = None
    fix: Fix | None = None
    message_zh: str | None = _dc_field(
        default=None, compare=False
    )  # Chinese message (``--lang zh``)

    def to_json(self) -> dict[str, Any]:
        # ``message_zh`` stays out: the JSON record's keys are a contract (``--lang zh``
        # puts the Chinese text into ``message`` instead).
        span = self.span
        return {
            "code": self.code,
            "severity": self.severity._value_,  # .value goes through a slow enum descriptor
            "message": self.message,
            "span": [span.start, span.end] if span else None,
            "field": self.field,
            "fix": self.fix.to_json() if self.fix else None,
        }

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``"en"`` or ``"zh"``), falling back to English."""
        if lang.startswith("zh") and self.message_zh:
            return self.message_zh
        return self.message


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    """Where a CSL field came from in the raw string, and how sure the parser is."""

    span: Span | None
    confidence: float
    source: str = "rule"

    def to_json(self) -> dict[str, Any]:
        span = self.span
        return {
            "span": [span.start, span.end]
            if span
            else None,  # an empty span is none (Span.__len__)
            "confidence": round(self.confidence, 4),
        }


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference: its raw string (kept exactly), the parsed CSL item and the facts about it.

    ``label`` is the list number the author wrote (``"3"`` for ``3.`` or ``[3]``), if any.
    ``item`` is a plain CSL-JSON dict; treat it as read-only.
    """

    id: str
    raw: str
    item: CslItem = field(default_factory=dict)
    fields: Mapping[str, FieldEvidence] = field(default_factory=dict)
    language: str | None = None
    confidence: float = 0.0
    diagnostics: tuple[Diagnostic, ...] = ()
    label: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "raw": self.raw,
            "label": self.label,
            "line": self.line,
            "item": self.item,
            "language": self.language,
            "confidence": round(self.confidence, 4),
            "fields": {name: ev.to_json() for name, ev in self.fields.items()},
            "diagnostics": [self.diagnostic_json(d) for d in self.diagnostics],
        }

    def diagnostic_json(self, diag: Diagnostic) -> dict[str, Any]:
        """``diag.to_json()`` with the input file's ``line`` and ``column`` of its span's start
        (the reference's start when it has no span), as text reports and SARIF give them;
        null when the input gave no line (an exchange format's record)."""
        out = diag.to_json()
        if self.line is None:
            out["line"] = out["column"] = None
        else:
            out["line"], out["column"] = location(
                self.raw, self.line, diag.span.start if diag.span else 0
            )
        return out

    def with_diagnostics(self, *extra: Diagnostic) -> Reference:
        from dataclasses import replace

        return replace(self, diagnostics=self.diagnostics + tuple(extra))

    @property
    def worst_severity(self) -> Severity | None:
        if not self.diagnostics:
            return None
        return max((d.severity for d in self.diagnostics), key=lambda s: s.rank)


def location(raw: str, first_line: int, pos: int) -> tuple[int, int]:
    """``(line, column)`` in the input file of offset ``pos`` in a reference ``raw`` that
    starts on ``first_line`` (both 1-based; columns count code points, as SARIF's do)."""
    before = raw[:pos]
    return first_line + before.count("\n"), pos - (before.rfind("\n") + 1) + 1


def diagnostic_from_json(data: Mapping[str, Any]) -> Diagnostic:
    fix = data.get("fix")
    return Diagnostic(
        code=data["code"],
        severity=Severity(data["severity"]),
        message=data["message"],
        span=Span.from_json(data.get("span")),
        field=data.get("field"),
        fix=None
        if not fix
        else Fix(
            message=fix["message"],
            applicability=Applicability(fix.get("applicability", "safe")),
            edits=tuple(
                Edit(Span.from_json(e["span"]), e["replacement"])  # type: ignore[arg-type]
                for e in fix.get("edits", ())
            ),
        ),
    )


def reference_from_json(data: Mapping[str, Any]) -> Reference:
    return Reference(
        id=data["id"],
        raw=data["raw"],
        label=data.get("label"),
        item=dict(data.get("item") or {}),
        fields={
            k: FieldEvidence(Span.from_json(v.get("span")), float(v.get("confidence", 0.0)))
            for k, v in (data.get("fields") or {}).items()
        },
        language=data.get("language"),
        confidence=float(data.get("confidence", 0.0)),
        diagnostics=tuple(diagnostic_from_json(d) for d in data.get("diagnostics") or ()),
    )


@dataclass(frozen=True, slots=True)
class ParseOutcome:
    """What a parser returns for one raw string.

    ``item`` is a CSL-JSON dict without ``id`` (the pipeline assigns it); ``fields`` maps each
    CSL variable set in ``item`` to its evidence (spans are code-point offsets into the raw
    string); ``confidence`` is for the whole reference, 0..1.
    """

    item: CslItem
    fields: Mapping[str, FieldEvidence]
    confidence: float
    diagnostics: tuple[Diagnostic, ...] = ()


# --- fast constructors ------------------------------------------------------------------------
#
# The parser makes a Span and a FieldEvidence for every field and the pipeline a Reference three
# times per reference; a frozen dataclass's __init__ sets each field through object.__setattr__,
# which costs ~1.5x more than the slots' own setters.  These constructors use the setters, and are
# generated from the dataclass's fields: every field is a required positional argument, in
# declaration order, so a field added to the class cannot be left unset by them.  They skip
# __post_init__ (Span's order check): callers pass values known to be valid.

_T = TypeVar("_T")


def _fast_constructor(cls: type[_T]) -> Callable[..., _T]:
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    setters = [f"_set_{name}" for name in names]
    body = "".join(f"        _set_{name}(obj, {name})\n" for name in names)
    # the setters are closure cells of the generated function: cheaper to reach than globals or
    # keyword defaults
    source = (
        f"def make(_new, _cls, {', '.join(setters)}):\n"
        f"    def new({', '.join(names)}):\n"
        f"        obj = _new(_cls)\n{body}        return obj\n"
        f"    return new\n"
    )
    env: dict[str, Any] = {}
    exec(source, env)  # the way dataclasses builds __init__: straight-line code, no loop
    new: Callable[..., _T] = env["make"](
        object.__new__, cls, *(getattr(cls, name).__set__ for name in names)
    )
    new.__name__ = new.__qualname__ = f"new_{cls.__name__.lower()}"
    new.__doc__ = f"``{cls.__name__}({', '.join(names)})`` without the dataclass's __init__."
    return new


#: ``Span(start, end)``, unchecked.
new_span: Callable[[int, int], Span] = _fast_constructor(Span)
#: ``FieldEvidence(span, confidence, source)``.
new_evidence: Callable[[Span | None, float, str], FieldEvidence] = _fast_constructor(FieldEvidence)
#: ``Reference(id, raw, item, fields, language, confidence, diagnostics, label, line)``.
new_reference: Callable[..., Reference] = _fast_constructor(Reference)
#: ``ParseOutcome(item, fields, confidence, diagnostics)``.
new_outcome: Callable[..., ParseOutcome] = _fast_constructor(ParseOutcome)
#: ``Diagnostic(code, severity, message, span, field, fix, message_zh)``.
new_diagnostic: Callable[..., Diagnostic] = _fast_constructor(Diagnostic)
