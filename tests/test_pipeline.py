import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import citekit
from citekit.config import Config
from citekit.itemcheck import scrub
from citekit.pipeline import DEFAULT_STAGES, process, process_iter

EXAMPLE = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8")


def test_example_list_gives_one_record_per_reference_in_order():
    refs = process(EXAMPLE)
    assert len(refs) == 30
    assert [r.id for r in refs] == [f"ref-{i}" for i in range(1, 31)]
    assert [r.raw for r in refs] == EXAMPLE.splitlines()
    assert [r.label for r in refs] == [str(i) for i in range(1, 31)]
    assert all(r.item["id"] == r.id for r in refs)


def test_items_validate_against_the_csl_schema(csl_schema_validator):
    gbt = (ROOT / "examples" / "zjss-2026-03-self-citation-gbt7714.txt").read_text("utf-8")
    items = [r.item for r in process(EXAMPLE + gbt)]
    errors = [f"{e.path}: {e.message}" for e in csl_schema_validator.iter_errors(items)]
    assert errors == []


def test_a_failing_stage_becomes_an_internal_error_and_later_stages_run():
    def broken(ref, config):
        raise ValueError("kaputt")

    stages = tuple((name, broken if name == "parse" else fn) for name, fn in DEFAULT_STAGES)
    refs = process("1.Smith J. Title\ufffd. 2001.\n2.Li X. 2002.", stages=stages)
    assert len(refs) == 2
    first = refs[0]
    internal = [d for d in first.diagnostics if d.code == "X001"]
    assert (
        len(internal) == 1 and "'parse'" in internal[0].message and "kaputt" in internal[0].message
    )
    assert "E001" in {d.code for d in first.diagnostics}  # the check stage still ran


def test_empty_line_in_lines_mode_is_an_empty_reference_record():
    refs = process("a 2001\n\nb 2002", Config(lines=True))
    assert [r.raw for r in refs] == ["a 2001", "", "b 2002"]
    assert [d.code for d in refs[1].diagnostics] == ["S001"]


def test_process_iter_streams_in_order():
    produced = []

    def source():
        for raw in ["[1]王刚. 研究[J]. 管理, 2016(2).", "", "Smith J. 2001."]:
            produced.append(raw)
            yield raw

    it = process_iter(source())
    first = next(it)
    assert produced == ["[1]王刚. 研究[J]. 管理, 2016(2)."]  # lazy: one in, one out
    assert first.label == "1"
    rest = list(it)
    assert [r.raw for r in rest] == ["", "Smith J. 2001."]


def test_unknown_standard_is_a_usage_error():
    import pytest

    with pytest.raises(citekit.UsageError, match="unknown standard"):
        Config(standard="gbt7714-1987")


def test_a_megabyte_line_gives_one_record():
    line = ("Smith J, 王刚. 公共价值[J]. Journal, 2001, 3(2): 1-9. " * 20000)[:1_000_000]
    refs = process(line, Config(lines=True))
    assert len(refs) == 1 and refs[0].raw == line
    assert not [d for d in refs[0].diagnostics if d.code == "X001"]


def test_binary_garbage_gives_records_not_exceptions():
    garbage = bytes(range(256)).decode("latin-1") * 3
    refs = process(garbage, Config(lines=True))
    assert len(refs) == len(garbage.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert any(d.code == "E005" for r in refs for d in r.diagnostics)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_never_raises(text):
    refs = process(text)
    for r in refs:
        assert r.raw and r.raw in text
        assert not [d for d in r.diagnostics if d.code == "X001"], r.diagnostics
        for d in r.diagnostics:
            if d.span:
                assert 0 <= d.span.start <= d.span.end <= len(r.raw)
        for ev in r.fields.values():
            if ev.span:
                assert 0 <= ev.span.start <= ev.span.end <= len(r.raw)


_line = st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=80)


@settings(max_examples=150, deadline=None)
@given(st.lists(_line, min_size=1, max_size=8))
def test_lines_mode_n_lines_in_n_records_out(lines):
    text = "".join(line + "\n" for line in lines)  # every line terminated, as in a file
    refs = process(text, Config(lines=True))
    # kept exactly, but for unpaired surrogates, which no UTF-8 output can hold (U+FFFD, E006)
    assert [r.raw for r in refs] == [scrub(line)[0] for line in lines]


def test_process_iter_takes_the_lines_of_a_file(tmp_path):
    f = tmp_path / "refs.txt"
    f.write_bytes(
        "[1]王刚. 研究[J]. 管理, 2016(2).\r\nSmith J. Title[M]. Berlin: Springer, 2001.\n".encode()
    )
    with open(f, encoding="utf-8", newline="") as lines:
        refs = list(process_iter(lines))
    assert [r.raw for r in refs] == [
        "[1]王刚. 研究[J]. 管理, 2016(2).",
        "Smith J. Title[M]. Berlin: Springer, 2001.",
    ]


def test_parsing_a_list_in_chunks_gives_what_parsing_one_by_one_gives(monkeypatch):
    import citekit.pipeline as pipeline
    from citekit.pipeline import PARSE_STAGES, references_from_text, run_stages, run_stages_many

    gbt = (ROOT / "examples" / "zjss-2026-03-self-citation-gbt7714.txt").read_text("utf-8")
    text = (
        EXAMPLE
        + gbt
        + "\n\nSmith, J. (2019). A title of some length. Journal of Things, 3(2), 1-9.\nhello world\n"
    )
    refs = references_from_text(text, lines=True)
    config = Config(lines=True)
    one_by_one = [run_stages(ref, config, PARSE_STAGES) for ref in refs]
    monkeypatch.setattr(pipeline, "CHUNK", 7)  # chunk boundaries inside the list
    assert list(run_stages_many(refs, config, PARSE_STAGES)) == one_by_one
    assert list(run_stages_many(refs, config)) == [run_stages(ref, config) for ref in refs]


def test_a_failing_parse_in_a_chunk_stays_with_its_reference(monkeypatch):
    import citekit.parser as parser
    from citekit.pipeline import PARSE_STAGES, references_from_text, run_stages_many

    real = parser.crf.label_spans

    def flaky(text, start=0, end=None):
        if "Things" in text:
            raise RuntimeError("labeller down")
        return real(text, start, end)

    monkeypatch.setattr(parser.crf, "label_spans", flaky)
    text = "Smith, J. (2019). A title of some length. Journal of Things, 3(2), 1-9.\nLee, K. (2010). River flows in dry years. Water Research, 44, 1-10.\n"
    first, second = run_stages_many(
        references_from_text(text, lines=True), Config(lines=True), PARSE_STAGES
    )
    assert [d.message for d in first.diagnostics if d.code == "X001"] == [
        "internal error in stage 'parse': RuntimeError: labeller down"
    ]
    assert not [d for d in second.diagnostics if d.code == "X001"] and second.item["volume"] == "44"


def test_fast_record_constructors_set_every_field_and_equal_the_dataclass():
    import dataclasses

    from citekit import model

    constructors = {
        model.Span: model.new_span,
        model.FieldEvidence: model.new_evidence,
        model.Reference: model.new_reference,
    }
    for cls, new in constructors.items():
        names = [f.name for f in dataclasses.fields(cls)]
        values = [object() for _ in names]  # a distinct value per field
        record = new(*values)
        assert type(record) is cls
        for name, value in zip(names, values, strict=True):
            assert getattr(record, name) is value, f"{new.__name__} leaves {name} unset"
        with pytest.raises(TypeError):  # one argument short: a new field cannot be forgotten
            new(*values[:-1])
    args = ("ref-1", "raw", {"id": "ref-1", "type": "book"}, {}, "en", 0.5, (), "3", 7)
    assert model.new_reference(*args) == model.Reference(*args)
    assert model.new_span(3, 5) == model.Span(3, 5)
    assert model.new_evidence(None, 0.5, "crf") == model.FieldEvidence(None, 0.5, "crf")
