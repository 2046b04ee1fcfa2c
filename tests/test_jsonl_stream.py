"""JSON Lines stream: `convert` and `--from jsonl` read a record a line as it comes and
`convert` writes JSON Lines and CSL-JSON item by item (issue 15: every command in bounded
memory), with the same output as the whole-file readers and writers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_cli_streaming import _first_line_while_input_open

from citekit import input_stream
from citekit.cli import main
from citekit.errors import UsageError
from citekit.formats import read, write, write_stream
from citekit.formats.csljson import iter_jsonl

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gbt7714" / "gold.jsonl"


def gold_items() -> list[dict]:
    rows = GOLD.read_text("utf-8").splitlines()
    return [json.loads(row)["csl"] for row in rows if row.strip()]


def jsonl_text(items: list) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


# items a writer must change or refuse: a line separator inside a value, a non-object entry,
# a duplicate id, a value of the wrong kind
ODD = [
    {"id": "a", "type": "book", "title": "one\u2028two\nthree"},
    7,
    {"id": "a", "type": "book", "title": "again"},
    {"id": "c", "type": "article-journal", "volume": [1], "issued": {"date-parts": [[2020]]}},
]


@pytest.mark.parametrize("fmt", ["jsonl", "csl-json"])
@pytest.mark.parametrize("items", [[], ODD, "gold"])
def test_streamed_writer_gives_the_whole_writers_text_and_diagnostics(fmt, items):
    items = gold_items() if items == "gold" else items
    want, want_diags = write(items, fmt)
    diags: list = []
    assert "".join(write_stream(iter(items), fmt, diags)) == want
    assert diags == want_diags


def test_streamed_writer_refuses_a_format_written_whole():
    with pytest.raises(UsageError, match="written whole"):
        write_stream([], "bibtex", [])


def test_jsonl_reader_reads_only_as_far_as_it_is_asked():
    pulled = []

    def lines():
        for n, item in enumerate(gold_items()):
            pulled.append(n)
            yield json.dumps(item, ensure_ascii=False)

    records = iter_jsonl(lines())
    first = next(records)
    assert first.item["title"] == gold_items()[0]["title"]
    assert len(pulled) == 1


def test_jsonl_reader_on_lines_equals_the_whole_text_reader():
    text = "\ufeff" + jsonl_text(gold_items()[:20]) + "\n{broken\n" + jsonl_text(ODD)
    whole = read(text, "jsonl")
    lines = iter_jsonl(text.split("\n"))
    assert [(r.id, r.raw, r.item, r.line, r.diagnostics) for r in lines] == [
        (r.id, r.raw, r.item, r.line, r.diagnostics) for r in whole
    ]
    assert any(d.code.startswith("F") for r in whole for d in r.diagnostics)


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("to", ["jsonl", "csl-json", "ris", "bibtex"])
def test_convert_from_a_long_jsonl_read_in_chunks_equals_the_api(monkeypatch, tmp_path, to):
    monkeypatch.setattr(input_stream, "HEAD", 4096)  # a file longer than the head is streamed
    items = gold_items()
    path = tmp_path / "items.jsonl"
    text = jsonl_text(items)
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["convert", str(path), "--from", "jsonl", "--to", to, "-q"])
    want, _ = write([r.item for r in read(text, "jsonl")], to)
    assert (code, out) == (0, want), err


def test_convert_reports_each_bad_line_and_converts_the_rest(monkeypatch, tmp_path):
    monkeypatch.setattr(input_stream, "HEAD", 256)
    path = tmp_path / "items.jsonl"
    path.write_text(jsonl_text(gold_items()[:5]) + "{not json\n" + jsonl_text(gold_items()[5:8]))
    code, out, err = run(["convert", str(path), "--to", "jsonl"])
    assert code == 1  # one entry could not be read
    assert len(out.splitlines()) == 8
    assert f"{path}:6:1: error" in err


def test_convert_to_a_file_leaves_no_half_written_output(tmp_path):
    src = tmp_path / "items.jsonl"
    src.write_text(jsonl_text(gold_items()[:3]), encoding="utf-8")
    target = tmp_path / "out.json"
    assert run(["convert", str(src), "--to", "csl-json", "-o", str(target)])[0] == 0
    assert [i["id"] for i in json.loads(target.read_text("utf-8"))] == [
        i["id"] for i in gold_items()[:3]
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["items.jsonl", "out.json"]
    code, _, err = run(["convert", str(src), "--to", "jsonl", "-o", str(tmp_path / "no" / "x")])
    assert code == 2 and err.startswith("citekit convert: cannot write") and "\n" == err[-1]


def test_convert_of_an_empty_jsonl_exits_2():
    code, out, err = run(["convert", "-", "--from", "jsonl", "--to", "jsonl"], "\n \n")
    assert (code, out) == (2, "") and "is empty" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "-", "--from", "jsonl", "--to", "jsonl"],
        ["parse", "-", "--from", "jsonl", "-f", "jsonl"],
    ],
)
def test_jsonl_output_starts_before_the_input_ends(argv):
    items = gold_items()[:40]
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    first, rest = _first_line_while_input_open(argv, lines)
    records = [json.loads(line) for line in [first, *rest]]
    got = [r.get("item", r) for r in records]
    assert [g["title"] for g in got] == [i["title"] for i in items]
