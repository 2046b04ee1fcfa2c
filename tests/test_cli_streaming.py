"""The CLI streams: output starts before the input ends, long inputs are read in chunks, and
the streamed list-level checks find what the whole-list checks find."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import citekit
from citekit import input_stream
from citekit.cli import main
from citekit.pipeline import Config, check_list_level, references_from_text, run_stages_many
from citekit.report import write_json_array, write_jsonl
from citekit.segment import split_lines
from citekit.validate.core import check_list
from citekit.validate.list_stream import KeyIndex, ListStream, key_hash, list_keys

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "parse" / "dev"
EXAMPLE = ROOT / "examples" / "zjss-2026-03-references.txt"


def dev_lines() -> list[str]:
    out = []
    for name in ("zh", "en", "mixed"):
        for row in (DEV / f"{name}.jsonl").read_text("utf-8").splitlines():
            if row.strip():
                out.append(json.loads(row)["raw"].replace("\n", " "))
    return out


def run_cli(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _first_line_while_input_open(argv: list[str], lines: list[str]) -> tuple[str, list[str]]:
    """Feed ``lines`` to the command and read its first output line before closing stdin."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from citekit.cli import entry; entry()", *argv],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(("\n".join(lines) + "\n").encode("utf-8"))
    proc.stdin.flush()
    first: list[bytes] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline()))
    reader.start()
    reader.join(300)
    open_while_read = proc.poll() is None and not reader.is_alive()
    proc.stdin.close()
    rest = proc.stdout.read().decode("utf-8").splitlines()
    proc.wait(300)
    assert open_while_read, "no output before the end of the input"
    return first[0].decode("utf-8"), rest


@pytest.mark.parametrize(
    "argv, lines",
    [
        (["parse", "--lines", "-"], dev_lines()[:120]),
        (
            ["check", "--lines", "-", "-f", "jsonl"],
            [f"[{i + 1}] {s}" for i, s in enumerate(dev_lines()[:120])],
        ),
    ],
)
def test_output_starts_before_the_input_ends(argv, lines):
    first, rest = _first_line_while_input_open(argv, lines)
    records = [json.loads(first)] + [json.loads(line) for line in rest]
    assert [r["raw"] for r in records] == lines


def test_long_input_read_in_chunks_gives_the_records_of_the_whole_text(monkeypatch, tmp_path):
    lines = dev_lines()
    text = "\r\n".join(lines) + "\r\n"
    path = tmp_path / "dev.txt"
    path.write_bytes(text.encode("gb18030"))  # and not UTF-8: the encoding comes from the head
    monkeypatch.setattr(input_stream, "HEAD", 2048)
    code, out, _ = run_cli(["parse", "--lines", str(path), "--fail-on", "never"])
    want = io.StringIO()
    write_jsonl(citekit.parse(text, lines=True), want)
    assert out == want.getvalue()
    _, out_csl, _ = run_cli(["parse", "--lines", str(path), "-f", "csl-json", "--fail-on", "never"])
    assert json.loads(out_csl) == [r.item for r in citekit.parse(text, lines=True)]


def test_json_array_writer_is_json_dump_byte_for_byte():
    values = [{"a": [1, {"b": "x\ny", "c": []}], "d": {}}, [], "中文", None, 1.5, [[{}]]]
    for case in ([], values, values[:1]):
        want = io.StringIO()
        json.dump(case, want, ensure_ascii=False, indent=2)
        got = io.StringIO()
        write_json_array(iter(case), got)
        assert got.getvalue() == want.getvalue() + "\n"


def _checked(lines: list[str]) -> list:
    return list(
        run_stages_many(references_from_text("\n".join(lines), lines=True), Config(lines=True))
    )


def _dump(refs) -> list:
    return [(r.raw, [(d.code, d.message, d.span) for d in r.diagnostics]) for r in refs]


def test_streamed_list_rules_equal_the_whole_list_rules_on_a_numbered_list():
    base = dev_lines()[:60]
    # numbered, longer than the hold, with repeated works and DOIs, a gap and a repeat
    lines = [f"[{i + 1}] {s}" for i, s in enumerate(base + base[:20])]
    lines[30] = "[33]" + lines[30].split("]", 1)[1]
    lines[50] = "[50]" + lines[50].split("]", 1)[1]
    refs = _checked(lines)
    want = _dump(check_list(refs, Config()).references)
    assert any(code == "L002" for _, ds in want for code, _, _ in ds)
    assert any(code in ("L003", "L004") for _, ds in want for code, _, _ in ds)
    assert _dump(ListStream(Config(), hold=10).run(iter(refs))) == want


def test_streamed_list_rules_equal_the_whole_list_rules_on_an_author_date_list():
    lines = [s for s in (DEV / "zh.jsonl").read_text("utf-8").splitlines() if s.strip()]
    refs = _checked([json.loads(s)["raw"].replace("\n", " ") for s in lines])
    for config in (Config(), Config(options={"citation_system": "author-date"})):
        want = _dump(check_list(refs, config).references)
        assert _dump(ListStream(config).run(iter(refs))) == want  # within the hold: exact


def test_a_long_unnumbered_list_streams_and_keeps_duplicates_global():
    lines = dev_lines()[:40]
    refs = _checked(lines + lines)  # 80 references, the second half repeats the first
    out = list(ListStream(Config(), hold=16).run(iter(refs)))
    assert [r.raw for r in out] == lines + lines
    want = check_list(refs, Config()).references
    for a, b in zip(
        out, want, strict=True
    ):  # duplicates across blocks are found, as in the whole list
        assert [d.message for d in a.diagnostics if d.code in ("L001", "L002")] == [
            d.message for d in b.diagnostics if d.code in ("L001", "L002")
        ]


def test_list_rules_with_keys_computed_ahead_find_what_they_find_alone():
    # check --jobs: the workers compute the duplicate keys, the parent feeds them in
    base = dev_lines()[:60]
    lines = [f"[{i + 1}] {s}" for i, s in enumerate(base + base[:20])]
    lines.append("[81] KANAMORI H. Shaking[J]. Science, 1998. DOI:10.1126/science.279.5359.2063.")
    lines.append("[82] KANAMORI H. Quaking[J]. Science, 1998. doi: 10.1126/SCIENCE.279.5359.2063")
    refs = _checked(lines)
    want = _dump(check_list(refs, Config()).references)
    assert any(code == "L001" for _, ds in want for code, _, _ in ds)
    stream = ListStream(Config(), hold=10)
    got = []
    for start in range(0, len(refs), 7):  # fed chunk by chunk, ahead of the references
        chunk = refs[start : start + 7]
        stream.feed_keys(list_keys(r) for r in chunk)
        got.extend(chunk)
    assert _dump(stream.run(iter(got))) == want
    # the fed keys are the ones used: two different works given one key are duplicates
    stream = ListStream(Config())
    same = list_keys(refs[1])
    stream.feed_keys([list_keys(refs[0]), same, same])
    out = list(stream.run(iter(refs[:3])))
    assert [d.code for d in out[2].diagnostics if d.code == "L002"] == ["L002"]


def test_key_digest_is_the_same_in_every_process():
    # spawned workers have their own salt for hash(): the digest must not depend on it
    code = "from citekit.validate.list_stream import key_hash; print(key_hash('王刚|标题|2001'))"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert seen == {f"{key_hash('王刚|标题|2001')}\n"}


def test_key_index_keeps_the_first_value_and_grows():
    index = KeyIndex(capacity=8)
    for i in range(10_000):
        assert index.setdefault(f"key {i}", i) == i
    assert all(index.setdefault(f"key {i}", -1) == i for i in range(0, 10_000, 7))
    assert len(index) == 10_000


def test_check_text_and_fix_stream_the_same_as_before_on_the_example(tmp_path):
    # the pasted example list: text report, --fix, and json, against the whole-list path
    text = EXAMPLE.read_text("utf-8")
    refs = check_list_level(list(run_stages_many(references_from_text(text), Config())), Config())
    code, out, _ = run_cli(["check", "-", "-f", "json"], stdin=text)
    assert json.loads(out) == [r.to_json() for r in refs]
    code, fixed, err = run_cli(["check", "-", "--fix"], stdin=text)
    assert len(fixed.splitlines()) == len(refs)
    assert err.rstrip().splitlines()[-1].startswith("citekit: fixed ")


def test_split_lines_stream_matches_split_lines_at_every_cut():
    text = "a\r\nb\rc\n\nd\r"
    for cut in range(len(text) + 1):
        assert list(input_stream.split_lines_stream([text[:cut], text[cut:]])) == split_lines(text)


def test_spark_command_without_pyspark_exits_2_with_the_install_hint(monkeypatch, tmp_path):
    # (here rather than in test_spark.py, which needs PySpark)
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    code, out, err = run_cli(["spark", str(EXAMPLE), str(tmp_path / "out.parquet")])
    assert code == 2
    assert err.count("\n") == 1 and "pip install 'citekit[spark]'" in err


def _sarif_refs(lines: list[str]) -> list:
    return check_list(_checked(lines), Config()).references


def test_sarif_is_written_as_the_whole_log_dump_byte_for_byte():
    from citekit import codes
    from citekit.model import Span
    from citekit.validate.sarif import sarif_log, write_sarif

    refs = _sarif_refs([f"[{i + 1}] {s}" for i, s in enumerate(dev_lines()[:80])])
    article = "如文献[1]所述，又见[99]。"
    text_diags = [codes.make("L005", "citation [99] has no reference", span=Span(10, 14))]
    for kwargs in (
        {},
        {"lang": "zh", "version": "9.9"},
        {"text_diagnostics": text_diags, "text": article, "text_uri": "a.txt"},
    ):
        for case in (refs, refs[:1], []):
            want = io.StringIO()
            json.dump(sarif_log(case, "refs.txt", **kwargs), want, ensure_ascii=False, indent=2)
            got = io.StringIO()
            write_sarif(iter(case), got, "refs.txt", **kwargs)
            assert got.getvalue() == want.getvalue() + "\n"


class _Sink(io.TextIOBase):
    """A stdout that counts what is written and keeps none of it."""

    written = 0

    def write(self, s: str) -> int:
        self.written += len(s)
        return len(s)


def test_sarif_of_a_long_stream_keeps_no_reference_in_memory():
    import tracemalloc

    from citekit import codes
    from citekit.pipeline import string_references
    from citekit.validate.sarif import write_sarif

    n, size = 1_000, 20_000
    made = 0

    def refs():  # 1,000 references of 20,000 characters, each with a diagnostic: ~20 MB if kept
        nonlocal made
        for ref in string_references(f"{i} " + "x" * size for i in range(n)):
            made += 1
            yield ref.with_diagnostics(codes.make("E001"))

    sink = _Sink()
    tracemalloc.start()
    try:
        write_sarif(refs(), sink, "big.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert made == n
    assert sink.written > n * 100  # every result was written
    assert peak < 4_000_000  # a few references' worth, not the 20 MB of raw strings


def test_a_numbered_list_of_tens_of_thousands_keeps_no_string_per_reference():
    # list numbers past 16,383 used to be kept aside as strings, one per reference
    from citekit.pipeline import string_references

    n = 30_000
    texts = [f"[{i}] Author {i}. A title numbered {i}[J]. Journal, 2020." for i in range(1, n + 1)]
    texts[24_999] = f"[25000] {texts[19_999].split('] ', 1)[1]}"  # [25000] repeats [20000]
    stream = ListStream(Config())
    out = list(stream.run(string_references(texts)))
    assert len(out) == n
    found = [(r.label, d.code, d.message) for r in out for d in r.diagnostics]
    assert found == [("25000", "L002", "same authors, title and year as reference 20000")]
    assert not stream._odd_labels
