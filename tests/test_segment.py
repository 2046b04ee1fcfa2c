import json

import pytest
from conftest import FIXTURES, ROOT

from citekit.segment import iter_lines, segment, split_label

CASES = sorted(p.stem for p in (FIXTURES / "segment").glob("*.txt"))


@pytest.mark.parametrize("name", CASES)
def test_segment_fixture(name):
    text = (FIXTURES / "segment" / f"{name}.txt").read_text("utf-8")
    expected = json.loads((FIXTURES / "segment" / f"{name}.expected.json").read_text("utf-8"))
    got = [{"label": s.label, "line": s.line, "raw": s.raw} for s in segment(text)]
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
