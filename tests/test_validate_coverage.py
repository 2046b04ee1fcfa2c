"""Every `auto` rule of the GB/T 7714 rule catalogue is implemented by a registered rule with
fixtures, and tests/fixtures/rules/COVERAGE.md accounts for every rule ID.

The catalogue is a copy (tests/fixtures/gbt7714/rules.md, see SOURCE.md there): refresh it when the
shared one changes, and this test says which rule is left unmapped."""

import re

from conftest import FIXTURES

from citekit.validate import RULES

CATALOGUE = (FIXTURES / "gbt7714" / "rules.md").read_text("utf-8")
COVERAGE = (FIXTURES / "rules" / "COVERAGE.md").read_text("utf-8")


def _levels() -> dict[str, str]:
    """rule ID -> check level (auto, partial, manual; deviation for the GBT-DEV bullets)."""
    out = {}
    for section in re.split(r"^### ", CATALOGUE, flags=re.M)[1:]:
        rid = section.split(":", 1)[0].strip()
        level = re.search(r"Check: (auto|partial|manual)", section)
        out[rid] = level.group(1) if level else "partial"  # PUNCT-03: partial in the summary table
    for rid in re.findall(r"^- (GBT-DEV-\d\d):", CATALOGUE, re.M):
        out[rid] = "deviation"
    return out


def _registry() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in RULES.values():
        for rid in r.rule_ids:
            out.setdefault(rid, set()).add(r.code)
    return out


def test_catalogue_parses():
    levels = _levels()
    assert len([r for r in levels if not r.startswith("GBT-DEV")]) == 81
    assert sum(1 for v in levels.values() if v == "auto") >= 50


def test_every_auto_rule_is_mapped_to_a_code_with_fixtures():
    registry = _registry()
    unmapped = [
        rid for rid, level in _levels().items() if level == "auto" and not registry.get(rid)
    ]
    assert unmapped == [], f"auto rules without a code: {unmapped}"
    for rid in _levels():
        for code in registry.get(rid, ()):
            assert (FIXTURES / "rules" / code / "fail.jsonl").exists(), (rid, code)


def test_registry_names_only_catalogue_ids():
    known = set(_levels())
    assert {rid for rid in _registry() if rid not in known} == set()


def test_coverage_table_is_complete_and_current():
    rows = {}
    for line in COVERAGE.splitlines():
        m = re.match(r"\| (GBT-[A-Z]+-[0-9A-Z]+) \| (\w+) \| ([^|]*) \|", line)
        if m:
            codes = {c.strip() for c in m.group(3).split(",") if c.strip() not in ("", "—")}
            rows[m.group(1)] = (m.group(2), codes)
    levels, registry = _levels(), _registry()
    assert set(rows) == set(levels)
    for rid, (level, codes) in rows.items():
        assert level == levels[rid], rid
        assert codes == registry.get(rid, set()), (rid, codes, registry.get(rid))
