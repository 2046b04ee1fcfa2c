"""The conforming GB/T 7714-2015 example entries raise no warning or error; seeded defects in
copies of them are found at the right span."""

import json

import pytest
from conftest import FIXTURES

from citekit.config import Config
from citekit.model import Reference, Severity
from citekit.pipeline import process
from citekit.validate import check_list, check_reference

GOLD = [
    json.loads(line)
    for line in (FIXTURES / "validate" / "gold-clean.jsonl").read_text("utf-8").splitlines()
]
SHARED = [
    json.loads(line)
    for line in (FIXTURES / "gbt7714" / "gold.jsonl").read_text("utf-8").splitlines()
]
GOLD_2025 = [
    json.loads(line)
    for line in (FIXTURES / "validate" / "gold-2025.jsonl").read_text("utf-8").splitlines()
]


@pytest.mark.parametrize("case", GOLD, ids=[g["id"] for g in GOLD])
def test_gold_entry_is_clean_under_2015(case):
    ref = check_reference(Reference(id="r", raw=case["raw"], item=case["csl"]), Config())
    loud = [(d.code, d.message) for d in ref.diagnostics if d.severity is not Severity.INFO]
    assert loud == []


@pytest.mark.parametrize("case", GOLD, ids=[g["id"] for g in GOLD])
def test_gold_entry_has_no_error_under_2025(case):
    ref = check_reference(
        Reference(id="r", raw=case["raw"], item=case["csl"]), Config(standard="gbt7714-2025")
    )
    # 2025 differs (e.g. names no longer upper-cased: G015 info) but nothing is an error
    assert [d.code for d in ref.diagnostics if d.severity is Severity.ERROR] == []


@pytest.mark.parametrize("case", SHARED, ids=[g["id"] for g in SHARED])
def test_gold_author_date_entry_is_clean_under_2015(case):
    ref = check_reference(
        Reference(id="r", raw=case["expected_authordate"], item=case["csl"]), Config()
    )
    loud = [(d.code, d.message) for d in ref.diagnostics if d.severity is not Severity.INFO]
    assert loud == []


@pytest.mark.parametrize("case", GOLD_2025, ids=[f"{g['system']}-{g['id']}" for g in GOLD_2025])
def test_2025_example_is_clean_under_2025(case):
    # the 2025 rules (W003, G051, G053, G054, G019's 等，译, ...) do not fire on conforming text;
    # no parsed item is given, so D001 (no year recognised by the parser) is not asked
    ref = check_reference(
        Reference(id="r", raw=case["raw"], item={}), Config(standard="gbt7714-2025")
    )
    loud = [
        (d.code, d.message)
        for d in ref.diagnostics
        if d.severity is not Severity.INFO and d.code != "D001"
    ]
    assert loud == []


def test_2025_examples_as_author_date_lists_keep_their_suffixes():
    from citekit.segment import split_label

    for system in ("numeric", "authordate"):
        refs = [
            Reference(id=f"r{i}", raw=g["raw"], label=split_label(g["raw"])[0])
            for i, g in enumerate(GOLD_2025)
            if g["system"] == system
        ]
        result = check_list(refs, Config(standard="gbt7714-2025", select=("L010",)))
        assert [d.code for r in result.references for d in r.diagnostics] == []


def test_gold_list_through_the_pipeline_is_clean():
    text = "\n".join(g["raw"] for g in GOLD)
    # Parser confidence is not the validator's business, and the examples come from different
    # clauses of the standard (some works appear twice), so they are no one list: no L rules.
    refs = process(text, Config(lines=True, ignore=("P", "L")))
    loud = [
        (r.raw[:30], d.code) for r in refs for d in r.diagnostics if d.severity is not Severity.INFO
    ]
    assert loud == []


SEEDED = [
    # (gold id, old, new, code): replace the first `old` by `new`; the code fires on `new`
    ("gbt7714.4.4.2:6", "KANAMORI", "Kanamori", "G014"),
    ("gbt7714.4.4.2:8", "[J/OL]", "[J]", "G004"),
    ("gbt7714.A.8:1", "56-75", "56~75", "G024"),
    ("gbt7714.4.1.2:5", "北京: 科学", "北京：科学", "W001"),
    ("gbt7714.A.1:7", "马娟, 等", "马娟等", "G011"),
    ("gbt7714.4.6.2:3", "(2008-05-04)[2013-03-08]", "[2008-05-04](2013-03-08)", "G008"),
    ("gbt7714.A.9:1", "2000-11-20(15)", "2000-11-20: 15", "G036"),
    ("gbt7714.8.8.1:2", "[J]", " [J]", "G003"),
    ("gbt7714.A.4:3", "Berkeley: ", "", "G023"),
    ("gbt7714.9.1:6", "21(1/2)", "21(1-2)", "G027"),
    ("gbt7714.A.1:13", "3rd ed.", "3rd edition.", "G021"),
]


@pytest.mark.parametrize("gid,old,new,code", SEEDED, ids=[s[0] + "-" + s[3] for s in SEEDED])
def test_seeded_defect_found_at_span(gid, old, new, code):
    case = next(g for g in GOLD if g["id"] == gid)
    assert old in case["raw"]
    at = case["raw"].index(old)
    raw = case["raw"].replace(old, new, 1)
    ref = check_reference(Reference(id="r", raw=raw, item=case["csl"]), Config())
    found = [d for d in ref.diagnostics if d.code == code]
    assert found, [d.code for d in ref.diagnostics]
    # the span lies inside (or right at) the edited region; after a deletion it starts there
    lo, hi = at - 1, at + max(len(new), 1) + 1
    inside = (
        (lambda d: d.span.start == at)
        if not new
        else (lambda d: lo <= d.span.start and d.span.end <= hi)
    )
    assert any(d.span and inside(d) for d in found), [
        (d.span, raw[d.span.start : d.span.end] if d.span else None) for d in found
    ]


def _clean_examples() -> list[tuple[str, str, str]]:
    """(edition, id, printed entry) for every clean example of the standard citekit keeps:
    the 2015 examples in both systems (parse/gbt7714-gold.jsonl) and their copies here
    (validate/gold-clean.jsonl), and the 2025 examples (validate/gold-2025.jsonl)."""
    out = []
    for row in (FIXTURES / "parse" / "gbt7714-gold.jsonl").read_text("utf-8").splitlines():
        g = json.loads(row)
        for key in ("expected_numeric", "expected_authordate"):
            if g.get(key):
                out.append(("gbt7714-2015", f"{g['id']}/{key}", g[key]))
    out += [("gbt7714-2015", g["id"], g["raw"]) for g in GOLD]
    out += [("gbt7714-2025", f"{g['id']}/{g['system']}", g["raw"]) for g in GOLD_2025]
    return out


CLEAN = _clean_examples()


@pytest.mark.parametrize("edition, case_id, raw", CLEAN, ids=[f"{e[-4:]}:{i}" for e, i, _ in CLEAN])
def test_the_standards_clean_examples_pass_check_under_their_edition(edition, case_id, raw):
    # as `citekit check --standard EDITION` reads a one-entry list: parsed, then checked
    refs = process(raw, Config(standard=edition))
    loud = [
        (d.code, d.message) for r in refs for d in r.diagnostics if d.severity is not Severity.INFO
    ]
    assert loud == [], raw
