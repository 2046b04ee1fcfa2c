import json

import pytest

from citekit.checks import LEGACY_CODES, run_checks
from citekit.fixes import apply_fixes
from citekit.model import Reference
from conftest import FIXTURES

# The original checks' fixtures; every rule's fixtures run in test_validate_rules.py.
RULE_DIRS = sorted(
    p for p in (FIXTURES / "rules").iterdir() if p.is_dir() and p.name in LEGACY_CODES
)


def _check(raw):
    return run_checks(Reference(id="r", raw=raw, item={"id": "r", "type": "document"}))


def _fail_cases():
    for d in RULE_DIRS:
        for line in (d / "fail.jsonl").read_text("utf-8").splitlines():
            yield pytest.param(d.name, json.loads(line), id=f"{d.name}-{len(line)}")


def _pass_cases():
    for d in RULE_DIRS:
        for line in (d / "pass.txt").read_text("utf-8").splitlines():
            yield pytest.param(d.name, line, id=f"{d.name}-{len(line)}")


@pytest.mark.parametrize("code,case", list(_fail_cases()))
def test_rule_fires_at_span(code, case):
    ref = _check(case["raw"])
    spans = sorted(d.span.to_json() for d in ref.diagnostics if d.code == code)
    assert spans == sorted(case["spans"])
    if "fixed" in case:
        assert apply_fixes(case["raw"], ref.diagnostics) == case["fixed"]


@pytest.mark.parametrize("code,raw", list(_pass_cases()))
def test_rule_silent_on_clean_input(code, raw):
    assert code not in {d.code for d in _check(raw).diagnostics}


def test_faulty_check_becomes_internal_error_and_others_still_run():
    def broken(ref):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    def fine(ref):
        from citekit import codes

        yield codes.make("D001")

    ref = run_checks(Reference(id="r", raw="x"), [("broken", broken), ("fine", fine)])
    assert [d.code for d in ref.diagnostics] == ["X001", "D001"]
    assert "broken" in ref.diagnostics[0].message


def test_missing_year_only_when_there_is_none():
    with_year = Reference(
        id="r", raw="x 2001", item={"id": "r", "type": "book", "issued": {"date-parts": [[2001]]}}
    )
    assert not [d for d in run_checks(with_year).diagnostics if d.code == "D001"]
    without = Reference(
        id="r", raw="Smith J. A book[M]. Berlin: Springer.", item={"id": "r", "type": "book"}
    )
    assert [d.code for d in run_checks(without).diagnostics] == ["D001"]
