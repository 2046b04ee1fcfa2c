import json

import pytest
from conftest import FIXTURES, ROOT

from citekit.segment import is_heading, iter_lines, segment, split_label

CASES = sorted(p.stem for p in (FIXTURES / "segment").glob("*.txt"))


@pytest.mark.parametrize("name", CASES)
def test_segment_fixture(name):
    text = (FIXTURES / "segment" / f"{name}.txt").read_text("utf-8")
    expected = json.loads((FIXTURES / "segment" / f"{name}.expected.json").read_text("utf-8"))
    got = [{"label": s.label, "line": s.line, "raw": s.raw} for s in segment(text)]
    if any("headings" in e for e in expected):  # fixtures with list headings say which
        for g, s in zip(got, segment(text), strict=True):
            g["headings"] = [list(h) for h in s.headings]
    assert got == expected
    for s in segment(text):  # raw is an exact slice of the input
        assert text[s.start : s.start + len(s.raw)] == s.raw


def test_example_list_has_thirty_numbered_references():
    text = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8")
    segs = segment(text)
    assert [s.label for s in segs] == [str(i) for i in range(1, 31)]
    assert segs[22].raw.startswith("23.Alford,J.&Hughes,O.,")
    assert all("\n" not in s.raw for s in segs)


@pytest.mark.parametrize(
    "text,label,body",
    [
        ("[12]胡重明.", "12", "胡重明."),
        ("［3］ 王刚.", "3", "王刚."),
        ("【4】王刚.", "4", "王刚."),
        ("1．艾琳", "1", "艾琳"),
        ("（2）艾琳", "2", "艾琳"),
        ("(2) Smith", "2", "Smith"),
        ("3) Smith", "3", "Smith"),
        ("⑳ Smith", "20", "Smith"),
        ("23.Alford", "23", "Alford"),
        ("Smith J.", None, "Smith J."),
        ("2013. Title", None, "2013. Title"),  # a year, not a label
        ("1.5 m of snow", None, "1.5 m of snow"),  # a decimal, not a label
        ("[1]", None, "[1]"),  # a bare number is no reference
    ],
)
def test_split_label(text, label, body):
    got_label, start = split_label(text)
    assert got_label == label
    assert text[start:] == body


def test_iter_lines_keeps_every_line_exactly():
    lines = ["[1] a", "", "   ", "b  ", "1．c"]
    segs = list(iter_lines(lines))
    assert [s.raw for s in segs] == lines
    assert [s.label for s in segs] == ["1", None, None, None, "1"]


def test_segment_empty_and_blank():
    assert segment("") == []
    assert segment("\n \n\t\n") == []


@pytest.mark.parametrize("form", ["{}. ", "[{}] ", "{}) ", "{}、", "({}) "])
def test_numbering_beyond_999_keeps_every_reference(form):
    refs = [
        form.format(i) + f"Author{i} A. Title number {i}[J]. Journal, 2020, 1: {i}."
        for i in range(1, 1206)
    ]
    segs = segment("\n".join(refs))
    assert [s.raw for s in segs] == refs
    assert segs[-1].label == "1205"


def test_a_year_opening_a_wrapped_line_is_not_a_label():
    text = "1. Smith J. A long title that wraps\n2013. Its second line.\n2. Brown K. Title. 2014."
    assert [s.label for s in segment(text)] == ["1", "2"]
    assert split_label("2013. Title") == (None, 0)


@pytest.mark.parametrize(
    "line",
    [
        "参考文献",
        "参考文献：",
        "主要参考文献:",
        "References",
        "REFERENCES",
        "## Bibliography",
        "**Works Cited**",
        "Literature Cited",
        "二、英文文献",
        "（一）著作类",
        "<b>参考资料</b>",
        "Notes",
    ],
)
def test_list_headings_are_recognised(line):
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "[1] 参考文献著录规则[S].",
        "References to the past. London: Verso, 2001.",
        "注释学研究[M]. 北京: 中华书局, 2001.",
    ],
)
def test_references_are_not_headings(line):
    assert not is_heading(line)


def test_heading_is_reported_not_parsed():
    import citekit

    refs = citekit.parse(
        "参考文献\n\n[1] 张三. 一本书[M]. 北京: 科学出版社, 2018.\n[2] 李四. 论文[J]. 中国社会科学, 2019(3): 1-10."
    )
    assert [r.label for r in refs] == ["1", "2"]
    assert [d.code for d in refs[0].diagnostics if d.code.startswith("S")] == ["S002"]
    assert refs[1].item["container-title"] == "中国社会科学"
