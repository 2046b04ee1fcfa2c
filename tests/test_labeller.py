"""The pure-Python tagger (parser/labeller.py) against python-crfsuite on the shipped model: the
same labels and marginals within 1e-9 on thousands of real strings (the development sets, the example
list and the benchmark's frozen Chinese lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citekit import CitekitError
from citekit.parser import crf
from citekit.parser.crfmodel import ModelFormatError, read_model
from citekit.parser.features import sequence_features
from citekit.parser.labeller import Labeller, Tagger
from citekit.parser.tokens import tokenize

pycrfsuite = pytest.importorskip("pycrfsuite")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "parse"
pytestmark = pytest.mark.skipif(not crf.MODEL_PATH.is_file(), reason="no CRF model installed")


def _strings() -> list[str]:
    out: list[str] = []
    for path in sorted(FIXTURES.glob("dev/*.jsonl")) + [
        FIXTURES / "gbt7714-gold.jsonl",
        FIXTURES / "zjss-2026-03" / "expected.jsonl",
    ]:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out += [
                    row[k] for k in ("raw", "expected_numeric", "expected_authordate") if k in row
                ]
    for path in sorted((ROOT / "examples").glob("*.txt")):
        out += path.read_text("utf-8").splitlines()
    bench = (ROOT / "benchmarks" / "data" / "zh-synthetic.tsv").read_text("utf-8").splitlines()
    out += [line.partition("\t")[2] for line in bench[:1600]]
    return [s for s in out if s.strip()]


@pytest.fixture(scope="module")
def taggers():
    reference = pycrfsuite.Tagger()
    reference.open(str(crf.MODEL_PATH))
    return reference, Labeller(crf.MODEL_PATH)


def test_the_model_reader_sees_crfsuites_labels(taggers):
    reference, lab = taggers
    assert lab.labels == reference.labels()
    model = read_model(crf.MODEL_PATH)
    assert len(model.trans) == len(model.labels)
    assert model.state  # attribute weights


def test_labels_identical_and_marginals_within_1e_9_on_thousands_of_strings(taggers):
    reference, lab = taggers
    strings = _strings()
    assert len(strings) >= 2000
    names = lab.labels
    compared = 0
    for text in strings:
        xseq = sequence_features(text, tokenize(text)[: crf.MAX_TOKENS])
        if not xseq:
            continue
        expected = reference.tag(xseq)
        got = lab.tag(xseq)
        assert got.labels == expected, text
        # every token's label, and one other label per token (all of them in turn)
        for t, label in enumerate(expected):
            for name in (label, names[(compared + t) % len(names)]):
                assert abs(got.marginal(name, t) - reference.marginal(name, t)) <= 1e-9, (text, t)
        compared += 1
    assert compared >= 2000


def test_label_spans_through_the_python_tagger_equal_crfsuites(monkeypatch):
    strings = _strings()[::40]
    expected = [crf.label_spans(s) for s in strings]
    monkeypatch.setattr(crf._local, "tagger", Tagger(crf.MODEL_PATH))
    got = [crf.label_spans(s) for s in strings]
    for e, g in zip(expected, got, strict=True):
        assert [x[:3] for x in g] == [x[:3] for x in e]
        assert all(abs(a[3] - b[3]) <= 1e-9 for a, b in zip(g, e, strict=True))


def test_empty_sequence_and_marginal_before_tag():
    tagger = Tagger(crf.MODEL_PATH)
    assert tagger.tag([]) == []
    with pytest.raises(ValueError):
        Tagger(crf.MODEL_PATH).marginal("O", 0)


def test_a_file_that_is_no_model_is_a_clear_error(tmp_path):
    bad = tmp_path / "model.crfsuite"
    bad.write_bytes(b"not a model" * 10)
    with pytest.raises(ModelFormatError) as info:
        read_model(bad)
    assert isinstance(info.value, CitekitError)
    assert "not a crfsuite" in str(info.value)
    cut = tmp_path / "cut.crfsuite"
    cut.write_bytes(crf.MODEL_PATH.read_bytes()[:5000])  # a model file cut short
    with pytest.raises(ModelFormatError):
        read_model(cut)
