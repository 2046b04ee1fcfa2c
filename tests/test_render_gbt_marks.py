"""The width of the marks inside fields, as each edition of GB/T 7714 prints them (issue 13:
what citekit renders passes its own check, W001 and W003).

Expected strings are the standard's printed examples: for 2015 the ASCII canonical form of
``tests/fixtures/gbt7714/gold.jsonl`` (``expected_numeric`` / ``expected_authordate``, where the
standard's subtitle colon is ': '), for 2025 the example entries of
``tests/fixtures/validate/gold-2025.jsonl`` (the standard's clause 8.2.2, 9.2.2 and appendix B
examples, where commas and parentheses inside fields are full-width: 'Littleton，Colo.').
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

import citekit
from citekit.renderer import render_bibliography


def _gold_2015() -> dict[str, dict]:
    lines = (FIXTURES / "gbt7714" / "gold.jsonl").read_text("utf-8").splitlines()
    return {d["id"]: d for d in map(json.loads, lines)}


def _gold_2025(system: str) -> dict[str, str]:
    lines = (FIXTURES / "validate" / "gold-2025.jsonl").read_text("utf-8").splitlines()
    return {d["id"]: d["raw"] for d in map(json.loads, lines) if d["system"] == system}


def _codes(text: str, standard: str) -> set[str]:
    refs = citekit.check(text, standard=standard, lines=True)
    return {d.code for r in refs for d in r.diagnostics if d.severity in ("error", "warning")}


# --- 2015: a title's full-width subtitle colon printed as the style's ': ' (W001) -------------


@pytest.mark.parametrize("style", ["gbt7714-2015-numeric", "gbt7714-2015-author-date"])
def test_2015_title_stored_with_full_width_colon(style):
    # gold A.1:11 as a Chinese database exports it: '高分子物理：高分子材料分析、选择与改性'
    gold = _gold_2015()["gbt7714.A.1:11"]
    item = dict(gold["csl"], title=gold["csl"]["title"].replace(": ", "："))
    assert "：" in item["title"]
    text = render_bibliography([item], style)[0].text
    want = gold["expected_numeric" if style.endswith("numeric") else "expected_authordate"]
    assert text.removeprefix("[1] ") == want  # '高分子物理: 高分子材料分析、选择与改性[M/OL]'
    assert "W001" not in _codes(text, "gbt7714-2015")


def test_2015_title_stored_with_full_width_comma_and_parentheses():
    # gold A.9:4 '雾霾来袭, 如何突围?' and 4.4.2:4's journal '中华移植杂志(电子版)' as a Chinese
    # database stores them ('雾霾来袭，如何突围?', '中华移植杂志（电子版）')
    gold = _gold_2015()
    news = gold["gbt7714.A.9:4"]
    item = dict(news["csl"], title="雾霾来袭，如何突围?")
    text = render_bibliography([item], "gbt7714-2015-numeric")[0].text
    assert text.removeprefix("[1] ") == news["expected_numeric"]
    journal = gold["gbt7714.4.4.2:4"]
    item = dict(journal["csl"], **{"container-title": "中华移植杂志（电子版）"})
    text = render_bibliography([item], "gbt7714-2015-numeric")[0].text
    assert text.removeprefix("[1] ") == journal["expected_numeric"]
    assert "W001" not in _codes(text, "gbt7714-2015")


@pytest.mark.parametrize("style", ["gbt7714-2015-numeric", "gbt7714-2025-numeric"])
def test_full_stop_inside_a_transliterated_name(style):
    # 7.1.1: a translated Western name keeps its interpunct ('约瑟夫·斯特劳巴哈'); a full-width
    # full stop typed in its place is neither edition's mark
    item = {
        "id": "a",
        "type": "book",
        "language": "zh-CN",
        "author": [{"literal": "约瑟夫．斯特劳巴哈"}, {"literal": "周强（最高人民法院院长）"}],
        "title": "全球传媒",
        "publisher-place": "北京",
        "publisher": "商务印书馆",
        "issued": {"date-parts": [[2010]]},
    }
    text = render_bibliography([item], style)[0].text
    assert "约瑟夫·斯特劳巴哈" in text
    assert _codes(text, style[: len("gbt7714-2015")]) == set()


def test_2015_collected_titles_and_ratio():
    item = {
        "id": "a",
        "type": "book",
        "language": "zh-CN",
        "author": [{"literal": "毛泽东"}],
        "title": "为人民服务；纪念白求恩",  # 2015 rules.md GBT-PUNCT-02: '; ' before a later title
        "issued": {"date-parts": [[1966]]},
    }
    ratio = dict(item, id="b", title="中国地图：1：4000000")
    texts = [e.text for e in render_bibliography([item, ratio], "gbt7714-2015-numeric")]
    assert texts[0].startswith("[1] 毛泽东. 为人民服务; 纪念白求恩[M].")
    assert texts[1].startswith("[2] 毛泽东. 中国地图: 1:4000000[M].")


def test_2025_keeps_the_full_width_subtitle_colon():
    gold = _gold_2015()["gbt7714.A.1:11"]
    item = dict(gold["csl"], title=gold["csl"]["title"].replace(": ", "："))
    text = render_bibliography([item], "gbt7714-2025-numeric")[0].text
    assert "高分子物理：高分子材料分析" in text


# --- 2025: the marks inside fields full-width, '[ ]' half-width (W003) ------------------------

#: gold.jsonl item → the 2025 example entry the standard prints for it
PAIRS_2025 = {
    "gbt7714.4.1.2:7": "gbt7714.8.2.2:2",  # 1865（清同治四年）
    "gbt7714.4.4.2:4": "gbt7714.b.4:7",  # 中华移植杂志（电子版）
    "gbt7714.9.1:2": "gbt7714.9.2.2:2",  # Littleton，Colo.：Libraries Unlimited，Inc.
    "gbt7714.A.2:5": "gbt7714.b.5:11",  # Problem Solving（SocProS 2012），December 28-30，2012
}


@pytest.mark.parametrize("gold_id,example", sorted(PAIRS_2025.items()))
def test_2025_marks_inside_fields_as_the_standard_prints_them(gold_id, example):
    item = _gold_2015()[gold_id]["csl"]
    text = render_bibliography([item], "gbt7714-2025-numeric")[0].text
    assert text.removeprefix("[1] ") == _gold_2025("numeric")[example]
    assert _codes(text, "gbt7714-2025") == set()


def test_2025_keeps_square_brackets_half_width_and_letter_parentheses():
    # 2025 keeps '.' and '[ ]' half-width (rules.md GBT-PUNCT-03, scheme 4); 'Value(s)' is a
    # word's own parenthesis, not a parenthetical
    item = {
        "id": "a",
        "type": "article-journal",
        "language": "zh-CN",
        "author": [{"literal": "贺金生"}, {"literal": "［芬兰］尤拉·柳库恩"}],
        "title": "现代行政法的理论基础",
        "container-title": "中国行政管理",
        "volume": "72",
        "page": "26-58",
        "issued": {"date-parts": [[1965]]},
    }
    western = {
        "id": "b",
        "type": "article-journal",
        "language": "en",
        "author": [{"family": "Thabit", "given": "S."}],
        "title": "Strategic public value(s) governance",
        "container-title": "Public Administration Review",
        "volume": "85",
        "page": "885-906",
        "issued": {"date-parts": [[2024]]},
    }
    texts = [e.text for e in render_bibliography([item, western], "gbt7714-2025-numeric")]
    assert (
        texts[0]
        == "[1] 贺金生，[芬兰]尤拉·柳库恩. 现代行政法的理论基础[J]. 中国行政管理，1965，72：26-58."
    )
    assert "value(s) governance[J]" in texts[1]
    assert _codes("\n".join(texts), "gbt7714-2025") == set()


def test_2025_colon_between_places():
    # two places joined by a colon as a catalogue gives them: the 2025 colon is full-width
    item = {
        "id": "a",
        "type": "book",
        "language": "en",
        "author": [{"family": "Tanaka", "given": "M. R."}],
        "title": "Role of justice",
        "publisher-place": "London : New York",
        "publisher": "Macmillan",
        "issued": {"date-parts": [[2023]]},
    }
    text = render_bibliography([item], "gbt7714-2025-numeric")[0].text
    assert text == "[1] Tanaka M R. Role of justice[M]. London：New York：Macmillan，2023."
    assert _codes(text, "gbt7714-2025") == set()


def test_2025_check_wants_full_width_commas_inside_elements():
    """The validator agrees with the standard: 'Littleton, Colo.' in a 2025 entry is W003."""
    good = _gold_2025("numeric")["gbt7714.9.2.2:2"]
    bad = good.replace("Littleton，Colo.", "Littleton, Colo.")
    assert _codes(good, "gbt7714-2025") == set()
    refs = citekit.check(bad, standard="gbt7714-2025", lines=True)
    w003 = [d for d in refs[0].diagnostics if d.code == "W003"]
    assert [bad[d.span.start : d.span.end] for d in w003] == [","]


def test_marks_of_a_field_with_a_long_run_of_spaces_are_found_in_linear_time():
    # a run of spaces was retried from each of its spaces (200,000 spaces: minutes); the run
    # stays, the comma between words and the parenthetical become full-width (2025)
    from citekit.renderer._prepare import _full_width_marks

    spaces = " " * 200_000
    assert _full_width_marks("中" + spaces + "x, y (z)") == "中" + spaces + "x，y（z）"
    assert _full_width_marks("a" + spaces + "(b)" + spaces) == "a（b）"
