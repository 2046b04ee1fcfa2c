"""Issue 13, "Why": each bullet's case, as the issue gives it, is a test here (or in the file
the claim map in docs names: /work/notes/lists13.md).  Each failed on b7b1945 (main before the
issue's work) and passes now; the inputs are the issue's own where it quotes them."""

from __future__ import annotations

import io
import json
import re

import pytest
from conftest import FIXTURES

import citekit
from citekit import Config
from citekit.cli import main
from citekit.model import Severity

TODAY = {"reference_date": "2026-12-07"}  # the "today"


def run(argv: list[str], stdin_text: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin_text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def codes(ref, at_least: Severity = Severity.INFO) -> set[str]:
    return {d.code for d in ref.diagnostics if d.severity.rank >= at_least.rank}


def serious(ref) -> set[str]:
    return codes(ref, Severity.WARNING)


def check(text: str, **config) -> list:
    return citekit.process(text, Config(**config))


# --- A list under a heading loses references ------------------------------------------------

HEADED = (
    "参考文献\n\n"
    "[1] 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.\n"
    "[2] 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.\n"
    "[3] 周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.\n"
)


def test_a_heading_and_a_blank_line_before_a_numbered_list_keep_every_reference():
    refs = check(HEADED)
    assert [r.label for r in refs] == ["1", "2", "3"]
    assert [r.raw[:6] for r in refs] == ["[1] 汪冰", "[2] 杨洪", "[3] 周鲁"]
    assert not any(serious(r) for r in refs)
    # the heading is reported as a heading, as a note
    assert any(d.code == "S002" and "参考文献" in d.message for d in refs[0].diagnostics)


def test_a_heading_without_a_blank_line_is_not_a_reference():
    code, out, _ = run(["check", "-"], HEADED.replace("\n\n", "\n", 1))
    assert code == 0
    assert "3 references" in out and "P001" not in out and "D001" not in out


def test_a_vancouver_list_under_references_keeps_each_entry_with_its_own_pages_and_doi():
    text = (
        "References\n"
        "1. Kanamori H. Shaking without quaking. Science. 1998;279(5359):2063-4. "
        "doi:10.1126/science.279.5359.2063\n"
        "2. Tenopir C. Online databases: quality control. Libr J. 1987;113(2):124-5.\n"
    )
    refs = citekit.parse(text)
    assert len(refs) == 2
    assert refs[0].item.get("DOI") == "10.1126/science.279.5359.2063"
    assert "DOI" not in refs[1].item and "124" in refs[1].item.get("page", "")


# --- Missing required elements pass -----------------------------------------------------------


@pytest.mark.parametrize(
    "entry, field",
    [
        ("[1] 张三. 一本书[M]. 2018.", "publisher"),
        ("[2] 李四. 论文[J]. 2019.", "serial"),
    ],
)
def test_a_missing_required_element_is_a_warning_that_names_it(entry, field):
    (ref,) = check(entry)
    g043 = [d for d in ref.diagnostics if d.code == "G043"]
    assert g043 and all(d.severity is Severity.WARNING for d in g043)
    assert field in {d.field for d in g043}


def test_a_journal_code_over_a_books_imprint_is_reported():
    (ref,) = check("[1] 王五. 城市史[J]. 北京: 社会科学文献出版社, 2014.")
    assert "G059" in serious(ref)


def test_a_place_without_publisher_names_the_publisher_where_it_belongs():
    raw = "[1] 王五. 城市史[M]. 北京, 2018."
    (ref,) = check(raw)
    found = [d for d in ref.diagnostics if d.severity.rank >= Severity.WARNING.rank]
    assert [d.field for d in found] == ["publisher"]
    assert "publisher" in found[0].message
    assert found[0].span is not None and found[0].span.start >= raw.index("北京") + 2  # after 北京
    assert "G023" not in codes(ref)


# --- Dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", ["2030", "2099"])
def test_a_year_after_next_year_is_implausible(year):
    (ref,) = check(f"[1] 张三. 一本书[M]. 北京: 科学出版社, {year}.", options=TODAY)
    (d002,) = [d for d in ref.diagnostics if d.code == "D002"]
    assert ref.raw[d002.span.start : d002.span.end] == year


def test_the_reference_date_decides_next_year():
    # next year is plausible (a journal's next volume, printed in December); the year after not
    entry = "[1] 张三. 一本书[M]. 北京: 科学出版社, 2027."
    assert "D002" not in codes(check(entry, options=TODAY)[0])
    assert "D002" in codes(check(entry, options={"reference_date": "2025-06-01"})[0])


def test_an_early_year_is_read_as_the_year_not_as_part_of_the_journal_name():
    (ref,) = check("[1] 李四. 论文[J]. 管理世界, 1066, 3(2): 1-5.")
    assert ref.item.get("container-title") == "管理世界"
    assert ref.item.get("issued") == {"date-parts": [[1066]]}
    assert "D001" not in codes(ref)


@pytest.mark.parametrize("code", ["D002", "G031"])
def test_a_rules_own_bad_example_gives_that_rule(code):
    from citekit.validate import RULES

    for example in RULES[code].examples()["bad"]:
        (ref,) = check(example)
        assert code in codes(ref), (example, codes(ref))


# --- A list in another style passes as GB/T -------------------------------------------------


@pytest.mark.parametrize(
    "line, style",
    [
        ("Kanamori, H. (1998). Shaking without quaking. Science, 279(5359), 2063-2064.", "APA"),
        (
            'Kanamori, Hiroo. "Shaking without Quaking." Science 279, no. 5359 (1998): 2063-64.',
            "Chicago",
        ),
        ("Kanamori H. Shaking without quaking. Science. 1998;279(5359):2063-4.", "Vancouver"),
    ],
)
def test_a_line_in_another_style_is_not_gbt_under_the_default_check(line, style):
    code, out, _ = run(["check", "-"], line + "\n")
    assert "no problems found" not in out
    assert re.search(rf"L012 \[warning\] 1 of 1 entries look like {style}, not GB/T 7714-2015", out)


def test_house_style_lines_inside_a_numbered_list_are_flagged():
    text = (
        "[1] 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.\n"
        "[2] 胡重明:《模块化组织与数字政府》,《行政论坛》2023年第3期。\n"
        "[3] 周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.\n"
        "[4] 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.\n"
    )
    refs = check(text)
    assert [("L013" in serious(r)) for r in refs] == [False, True, False, False]


# --- citekit disagrees with itself ------------------------------------------------------------

DOI_ITEM = {
    "id": "kanamori",
    "type": "article-journal",
    "author": [{"family": "Kanamori", "given": "Hiroo"}],
    "title": "Shaking without quaking",
    "container-title": "Science",
    "issued": {"date-parts": [[1998]]},
    "volume": "279",
    "issue": "5359",
    "page": "2063-2064",
    "URL": "https://doi.org/10.1126/science.279.5359.2063",
    "DOI": "10.1126/science.279.5359.2063",
}


def _format_then_check(items: list[dict], style: str, standard: str) -> tuple[str, str]:
    code, printed, _ = run(
        ["format", "-", "--from", "csl-json", "--style", style], json.dumps(items)
    )
    assert code == 0, printed
    _, out, _ = run(["check", "-", "--standard", standard], printed)
    return printed, out


def test_format_2015_of_an_item_with_a_doi_link_passes_the_2015_check():
    printed, out = _format_then_check([DOI_ITEM], "gbt7714-2015-numeric", "gbt7714-2015")
    assert "G006" not in out, printed


def test_format_to_a_2025_style_checks_with_2025_and_its_output_passes_the_2025_check():
    # a 2025 list (family names not in capitals) formatted in a 2025 style: no 2015 G014
    text = "[1] Boobier T. AI and the future of banking[M]. Chichester: John Wiley & Sons, 2020.\n"
    code, printed, err = run(["format", "-", "--style", "gbt7714-2025-numeric"], text)
    assert code == 0 and "Boobier T" in printed
    assert "G014" not in err, err
    _, out, _ = run(["check", "-", "--standard", "gbt7714-2025"], printed)
    assert "no problems found" in out, (printed, out)


# --- Messages that mislead --------------------------------------------------------------------


def test_a_doi_without_a_url_is_not_told_to_follow_the_url():
    head = "[1] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063-2064. "
    (last,) = check(head + "DOI:10.1126/science.279.5359.2063.")
    assert "G032" not in codes(last)
    # something after the DOI and no URL: the message names what follows, not a URL
    (ref,) = check(head + "DOI:10.1126/science.279.5359.2063 [2020-01-01].")
    (g032,) = [d for d in ref.diagnostics if d.code == "G032"]
    assert "URL" not in g032.message and "[2020-01-01]" in g032.message
    (ref,) = check(
        "[1] FRESE K S. Next-generation sequencing[J/OL]. Biology, 2013, 2(1): 378-398[2013-03-19]. "
        "DOI:10.3390/biology2010378. http://www.mdpi.com/2079-7737/2/1/378."
    )
    (g032,) = [d for d in ref.diagnostics if d.code == "G032"]
    assert "after the URL" in g032.message


def test_a_duplicate_names_the_lists_label_not_the_position():
    text = (
        "参考文献\n"
        "[3] 张三. 城市治理研究[J]. 管理世界, 2019, 35(2): 5-9.\n"
        "[4] 李四. 乡村振兴[M]. 北京: 人民出版社, 2020.\n"
        "[5] 张三. 城市治理研究[J]. 管理世界, 2019, 35(2): 5-9.\n"
    )
    refs = check(text)
    (l002,) = [d for d in refs[2].diagnostics if d.code == "L002"]
    assert re.search(r"\[3\]|reference 3\b", l002.message) and "reference 1" not in l002.message


# --- Also --------------------------------------------------------------------------------------


@pytest.mark.parametrize("names", ["吴十 and 郑一", "吴十和郑一"])
def test_and_between_names_is_g016(names):
    (ref,) = check(f"[1] {names}. 城市治理研究[J]. 管理世界, 2019, 35(2): 5-9.")
    assert "G016" in codes(ref)


def test_g024_en_dash_severity_is_what_the_rule_and_the_readme_say():
    from pathlib import Path

    (ref,) = check("[1] 张三. 城市治理研究[J]. 管理世界, 2019, 35(2): 5–9.")
    (g024,) = [d for d in ref.diagnostics if d.code == "G024"]
    assert g024.severity is Severity.INFO
    from citekit.validate import RULES

    assert "info" in RULES["G024"].doc
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| G024"))
    assert "en dash" in row and "info" in row


def test_the_standards_own_examples_raise_no_warning():
    whole_serial = (
        "[1] 中国图书馆学会. 图书馆学通讯[J]. 1957(1)-1990(4). 北京: 北京图书馆, 1957-1990."
    )
    korean = "[2] 김세훈, 외. 도서관 정보 정책[M]. 서울: 한국문화관광정책연구원, 2003."
    for raw in (whole_serial, korean):
        (ref,) = check(raw)
        assert not serious(ref), (raw, [(d.code, d.message) for d in ref.diagnostics])


def test_process_iter_runs_the_checks_its_docstring_says():
    text = (FIXTURES / "lists" / "duplicate-entry.txt").read_text("utf-8")
    whole = check(text)
    listed = [c for r in whole for c in codes(r) if c.startswith("L")]
    assert listed  # the list-level findings process() gives
    lines = [r.raw for r in whole]
    streamed = list(citekit.process_iter(lines))
    assert not [c for r in streamed for c in codes(r) if c.startswith("L")]
    # the per-reference checks are the same
    strip = lambda refs: [sorted(c for c in codes(r) if c[0] != "L" and c[0] != "S") for r in refs]  # noqa: E731
    assert strip(streamed) == strip(whole)
    # and what the docstring names gives the rest back
    from citekit.pipeline import check_list_level

    assert [sorted(codes(r)) for r in check_list_level(streamed, Config())] == [
        sorted(c for c in codes(r) if c != "S002") for r in whole
    ]
    doc = citekit.process_iter.__doc__ or ""
    assert "L001" in doc and "L012" in doc and "check_list_level" in doc
