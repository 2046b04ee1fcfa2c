"""Regression tests for inputs that once crashed, hung or lost records (issue 17).

Each case is one class of failure found by fuzzing from outside; the assertion is the promise a
user relies on: no exception, N entries in and N out, values kept (in ``custom`` when misshapen)
and a diagnostic saying what was wrong.
"""

import json
import subprocess
import sys

import pytest

from citekit import formats
from citekit.cli import main
from citekit.formats import read, sniff, write
from citekit.itemcheck import admit
from citekit.segment import segment

ODD_ITEMS = {
    "type is a list": ({"id": "a", "type": [], "title": "T"}, "F004", None),
    "custom is a number": ({"id": "a", "type": "book", "custom": 1}, "F005", "custom"),
    "custom is a list": ({"id": "a", "type": "book", "custom": [1]}, "F005", "custom"),
    "date-parts is an object": (
        {"id": "a", "type": "book", "issued": {"date-parts": {}}},
        "F005",
        "issued",
    ),
    "date-parts is empty": (
        {"id": "a", "type": "book", "issued": {"date-parts": [[]]}},
        "F005",
        "issued",
    ),
    "season is infinite": (
        {"id": "a", "type": "book", "issued": {"date-parts": [[2020]], "season": float("inf")}},
        "F005",
        "issued",
    ),
    "title is an object": ({"id": "a", "type": "book", "title": {"x": 1}}, "F005", "title"),
    "volume is NaN": ({"id": "a", "type": "book", "volume": float("nan")}, "F005", "volume"),
    "name part is a number": (
        {"id": "a", "type": "book", "author": [{"family": 1}]},
        "F005",
        "author",
    ),
}


@pytest.mark.parametrize("name", sorted(ODD_ITEMS))
def test_odd_values_are_admitted_kept_and_reported(name):
    obj, code, moved = ODD_ITEMS[name]
    item, diags = admit(obj)
    assert code in [d.code for d in diags]
    if moved:
        assert item["custom"][moved] == obj[moved] or moved == "volume"
    else:
        assert item["type"] == "document"


@pytest.mark.parametrize("name", sorted(ODD_ITEMS))
@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_every_writer_takes_odd_values(name, fmt):
    obj, _, _ = ODD_ITEMS[name]
    out, diags = write([obj, {"id": "b", "type": "book", "title": "Fine"}], fmt)
    assert "Fine" in out
    if fmt in ("csl-json", "jsonl"):
        assert len(read(out, fmt)) == 2


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_a_non_object_entry_is_reported_not_raised(fmt):
    out, diags = write([3, "x", {"id": "b", "type": "book", "title": "Fine"}], fmt)
    assert [d.code for d in diags].count("F010") == 2
    assert "Fine" in out


def test_json_nested_too_deeply_is_one_unreadable_entry():
    deep = "[" * 5000 + "]" * 5000
    refs = read(deep, "csl-json")
    assert len(refs) == 1 and refs[0].diagnostics[0].code == "F001"
    assert "too deeply" in refs[0].diagnostics[0].message
    assert sniff(deep) is None  # not an item list: read as plain text, without raising
    assert sniff('{"id": ' + "[" * 5000) in ("csl-json", "jsonl")
    refs = read('{"id": "a", "type": "book"}\n' + deep + "\n", "jsonl")
    assert [r.diagnostics[0].code if r.diagnostics else None for r in refs] == [None, "F001"]


def test_lone_surrogates_become_a_diagnostic_not_an_encode_error(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text('[{"id": "a", "type": "book", "title": "T\\ud800x"}]', encoding="utf-8")
    for argv in (["parse", str(path)], ["convert", str(path), "--to", "ris"]):
        assert main(argv + ["-q"] if argv[0] == "convert" else argv) in (0, 1)
        out = capsys.readouterr().out
        out.encode("utf-8")  # would raise on a lone surrogate
        assert "T\ufffdx" in out
    ref = read(path.read_text("utf-8"), "csl-json")[0]
    assert "E006" in [d.code for d in ref.diagnostics]


def test_lone_surrogate_in_a_reference_string():
    import citekit

    ref = citekit.parse("张三. 书\ud800名[M]. 北京: 科学出版社, 2018.")[0]
    assert "E006" in [d.code for d in ref.diagnostics]
    assert "X001" not in [d.code for d in ref.diagnostics]
    json.dumps(ref.to_json(), ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_round_trip_keeps_the_count_with_unicode_line_separators(sep):
    items = [{"id": f"i{i}", "type": "book", "title": f"a{sep}b{i}"} for i in range(3)]
    out, _ = write(items, "jsonl")
    assert sep not in out
    back = read(out, "jsonl")
    assert [r.item["title"] for r in back] == [it["title"] for it in items]


@pytest.mark.parametrize("fmt", ["ris", "endnote", "noteexpress", "refworks"])
def test_tagged_writers_keep_the_record_structure(fmt):
    items = [
        {"id": "a", "type": "book", "title": "one\ntwo\rthree\u2028four\x1cfive"},
        {"id": "b", "type": "book", "title": "second"},
    ]
    out, diags = write(items, fmt)
    assert "F003" in [d.code for d in diags]
    back = read(out, fmt)
    assert len(back) == 2
    assert back[1].item["title"] == "second"


def test_xml_sniffing_of_many_empty_comments_returns():
    # The old pattern backtracked exponentially here; run it in a child with a bound so that a
    # regression fails instead of hanging the suite.
    code = "from citekit.formats import sniff; print(sniff('<!---->' * 40 + 'x'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "None"


def test_reader_line_numbers_stay_right_over_many_records():
    ris = "".join(f"TY  - BOOK\nTI  - Title {i}\nER  - \n\n" for i in range(1, 2001))
    refs = read(ris, "ris")
    assert len(refs) == 2000
    assert refs[-1].line == 1 + 4 * 1999
    arr = "[\n" + ",\n".join(f'{{"id": "i{i}", "type": "book"}}' for i in range(500)) + "\n]"
    assert read(arr, "csl-json")[-1].line == 501


def test_segmenter_reads_numbering_past_ten_thousand():
    text = "\n".join(f"[{i}] Author {i}. Title[J]. Journal, 2020, 1: {i}." for i in range(1, 10011))
    assert len(segment(text)) == 10010
