"""Every rule's fixtures: tests/fixtures/rules/<CODE>/.

fail.jsonl — per-reference codes: ``{"raw", "spans", "fixed"?, "edition"?, "options"?, "item"?,
"severity"?}``: the code is raised exactly at ``spans`` (``null`` = a diagnostic with no span),
and applying that code's safe fixes gives ``fixed``.  List-level codes (L):
``{"refs", "text"?, "options"?, "expect": [[ref index or null for the article text, start, end], ...]}``.
pass.txt — one reference per line that must not raise the code (default config);
pass.jsonl — the same with ``edition``/``options``/``item`` (or ``refs``/``text`` for L codes).
"""

import json

import pytest
from conftest import FIXTURES

from citekit.config import Config
from citekit.fixes import apply_fixes
from citekit.model import Reference
from citekit.validate import RULES, check_list, check_reference
from citekit.validate.rules_style import style_findings

RULES_DIR = FIXTURES / "rules"
DIRS = sorted(p for p in RULES_DIR.iterdir() if p.is_dir())


def _config(case, code):
    return Config(standard=case.get("edition", "gbt7714-2015"), options=case.get("options", {}))


def _ref(case, i=0, raw=None):
    item = {"id": f"r{i}", "type": "document", **case.get("item", {})}
    return Reference(id=f"r{i}", raw=raw if raw is not None else case["raw"], item=item)


def _load(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _cases(kind):
    for d in DIRS:
        code = d.name
        if kind == "fail":
            for n, case in enumerate(_load(d / "fail.jsonl")):
                yield pytest.param(code, case, id=f"{code}-fail{n}")
        else:
            lines = (
                (d / "pass.txt").read_text("utf-8").splitlines()
                if (d / "pass.txt").exists()
                else []
            )
            for n, line in enumerate(lines):
                if line.strip():
                    yield pytest.param(code, {"raw": line}, id=f"{code}-pass{n}")
            for n, case in enumerate(_load(d / "pass.jsonl")):
                yield pytest.param(code, case, id=f"{code}-passj{n}")


def test_every_rule_has_fixtures():
    have = {d.name for d in DIRS if (d / "fail.jsonl").exists()}
    assert set(RULES) - {"D001"} <= have, sorted(set(RULES) - have)


def _list_findings(code, case):
    refs = [Reference(id=f"r{i}", raw=raw, label=None) for i, raw in enumerate(case["refs"])]
    from citekit.segment import split_label

    refs = [Reference(id=r.id, raw=r.raw, label=split_label(r.raw)[0]) for r in refs]
    result = check_list(
        refs, Config(select=(code,), options=case.get("options", {})), text=case.get("text")
    )
    found = []
    for i, ref in enumerate(result.references):
        for d in ref.diagnostics:
            if d.code == code:
                found.append([i, *(d.span.to_json() if d.span else [None, None])])
    for d in result.text_diagnostics:
        if d.code == code:
            found.append([None, *(d.span.to_json() if d.span else [None, None])])
    # the rules on the list's style need the whole list: check_list leaves them to its callers
    for i, diags in style_findings(refs, Config(select=(code,))).items():
        found += [[i, *(d.span.to_json() if d.span else [None, None])] for d in diags]
    return found


@pytest.mark.parametrize("code,case", list(_cases("fail")))
def test_rule_fires_at_span(code, case):
    if "refs" in case:
        assert sorted(_list_findings(code, case), key=str) == sorted(case["expect"], key=str)
        return
    ref = check_reference(_ref(case), _config(case, code))
    mine = [d for d in ref.diagnostics if d.code == code]
    spans = sorted((d.span.to_json() if d.span else None for d in mine), key=str)
    assert spans == sorted(case["spans"], key=str), [d.message for d in mine]
    for d in mine:
        if d.span is not None:
            assert 0 <= d.span.start < d.span.end <= len(case["raw"])
        assert d.message and d.message_zh
        if "severity" in case:
            assert d.severity.value == case["severity"]
    if "fixed" in case:
        assert apply_fixes(case["raw"], mine) == case["fixed"]
        # the fixed text no longer raises the code
        again = check_reference(_ref(case, raw=case["fixed"]), _config(case, code))
        assert code not in {d.code for d in again.diagnostics}


@pytest.mark.parametrize("code,case", list(_cases("pass")))
def test_rule_silent_on_clean_input(code, case):
    if "refs" in case:
        assert _list_findings(code, case) == []
        return
    ref = check_reference(_ref(case), _config(case, code))
    assert code not in {d.code for d in ref.diagnostics}, [
        d.message for d in ref.diagnostics if d.code == code
    ]


def test_missing_year_only_when_there_is_none():
    # D001 looks at the parsed item as well as the raw string
    with_year = Reference(
        id="r", raw="x 2001", item={"id": "r", "type": "book", "issued": {"date-parts": [[2001]]}}
    )
    assert "D001" not in {d.code for d in check_reference(with_year).diagnostics}
    without = Reference(
        id="r", raw="Smith J. A book[M]. Berlin: Springer.", item={"id": "r", "type": "book"}
    )
    assert "D001" in {d.code for d in check_reference(without).diagnostics}


@pytest.mark.parametrize(
    "year,reference_date,flagged",
    [
        (2026, "2026-12-07", False),
        (2027, "2026-12-07", False),  # next year's issues are printed ahead
        (2028, "2026-12-07", True),
        (2030, "2026-12-07", True),
        (2099, "2026-12-07", True),
        (2030, "2029-06-01", False),
    ],
)
def test_d002_year_after_next_year_is_implausible(year, reference_date, flagged):
    from citekit.config import Config
    from citekit.pipeline import process

    text = f"[1] 王刚. 行政审批研究[J]. 中国行政管理, {year}, 32(2): 1-5."
    config = Config(options={"reference-date": reference_date})
    (ref,) = process(text, config)
    assert ("D002" in [d.code for d in ref.diagnostics]) is flagged


@pytest.mark.parametrize(
    "text,conjunctions",
    [
        ("[1] 吴十 and 郑一. 书名[M]. 北京: 中华书局, 2000.", ["and"]),
        ("[1] 吴十和郑一. 书名[M]. 北京: 中华书局, 2000.", ["和"]),
        ("[1] 张和平和李四. 书名[M]. 北京: 中华书局, 2000.", ["和"]),  # not the 和 in 张和平
        ("[1] 张和平, 李四. 书名[M]. 北京: 中华书局, 2000.", []),
        ("[1] 中国科学院. 和平与发展[M]. 北京: 中华书局, 2000.", []),
    ],
)
def test_g016_conjunctions_between_chinese_names(text, conjunctions):
    from citekit.config import Config
    from citekit.pipeline import process

    (ref,) = process(text, Config())
    found = [ref.raw[d.span.start : d.span.end] for d in ref.diagnostics if d.code == "G016"]
    assert found == conjunctions


@pytest.mark.parametrize(
    "raw,edition",
    [
        # GB/T 7714-2025 prints standards number first, the year inside the number
        ("GB/T 3792.4—2009　文献著录: 第4部分　非书资料[S].", "gbt7714-2025"),
        (
            "ISO 15836:2009　Information and documentation—the Dublin Core metadata element set[S/OL]. http://www.iso.org/.",
            "gbt7714-2025",
        ),
        # an author-date head gives the year ("Anon，[2013]."), however the parser read it
        ("Anon，[2013]. Information and documentation[S/OL]. http://www.iso.org/.", "gbt7714-2025"),
    ],
)
def test_missing_year_reads_the_standard_number_and_the_author_date_head(raw, edition):
    ref = check_reference(Reference(id="r", raw=raw, item={}), Config(standard=edition))
    assert "D001" not in {d.code for d in ref.diagnostics}
    again = check_reference(
        Reference(id="r", raw="GB/T 3792.4 文献著录[S].", item={}), Config(standard=edition)
    )
    assert "D001" in {d.code for d in again.diagnostics}


@pytest.mark.parametrize(
    "raw",
    [
        # GB/T 7714-2015 4.3 (a whole serial, closed holdings): no P002 on its year range
        "中国图书馆学会. 图书馆学通讯[J]. 1957(1)-1990(4). 北京: 北京图书馆, 1957-1990.",
        # the form of the standard's Korean example (rules.md GBT-AUTH-06: '김세훈, 외'): no G010
        "김세훈, 외. 도서관및독서진흥법 개정안 연구[M]. 서울: 한국문화관광정책연구원, 2003: 15.",
    ],
)
def test_the_standards_own_examples_raise_no_warning_through_check(raw):
    from citekit.model import Severity
    from citekit.pipeline import process

    refs = process(raw, Config(lines=True))
    assert [
        (d.code, d.message) for r in refs for d in r.diagnostics if d.severity is not Severity.INFO
    ] == []
