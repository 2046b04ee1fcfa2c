import json

import pytest

from citekit.model import (
    Applicability,
    Diagnostic,
    Edit,
    FieldEvidence,
    Fix,
    Reference,
    Severity,
    Span,
    reference_from_json,
)


def test_span_rejects_inverted_and_negative():
    with pytest.raises(ValueError):
        Span(3, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)
    assert Span(2, 5).slice("abcdefg") == "cde"


def test_records_are_frozen():
    ref = Reference(id="r", raw="x")
    with pytest.raises(AttributeError):
        ref.raw = "y"  # type: ignore[misc]


def test_reference_json_round_trip():
    diag = Diagnostic(
        code="E004",
        severity=Severity.ERROR,
        message="double-encoded",
        span=Span(4, 6),
        field="author",
        fix=Fix("replace", (Edit(Span(4, 6), "á"),), Applicability.SAFE),
    )
    ref = Reference(
        id="ref-1",
        raw="GonzÃ¡lez M. 2001.",
        item={"id": "ref-1", "type": "book", "issued": {"date-parts": [[2001]]}},
        fields={"issued": FieldEvidence(Span(13, 17), 0.9)},
        language="en",
        confidence=0.8,
        diagnostics=(diag,),
        label=None,
    )
    data = json.loads(json.dumps(ref.to_json(), ensure_ascii=False))
    assert data["fields"] == {"issued": {"span": [13, 17], "confidence": 0.9}}
    assert data["diagnostics"][0]["fix"]["edits"] == [{"span": [4, 6], "replacement": "á"}]
    back = reference_from_json(data)
    assert back.diagnostics == ref.diagnostics
    assert back.item == ref.item and back.raw == ref.raw and back.fields == ref.fields
