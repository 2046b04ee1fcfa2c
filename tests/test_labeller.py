"""The pure-Python tagger (parser/labeller.py) against python-crfsuite on the shipped model: the
same labels and marginals within 1e-9 on thousands of real strings (the development sets, the example
list and the benchmark's frozen Chinese lines)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from citekit import CitekitError
from citekit.parser import crf
from citekit.parser.crfmodel import ModelFormatError, read_model
from citekit.parser.fasttag import compiled_tagger, have_compiled
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
    monkeypatch.setattr(crf._local, "settled", True, raising=False)  # (no switch in a long run)
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


# -- the compiled tagger (parser/fasttag.py, built from _crftag.c where a C compiler is found) ------

needs_compiled = pytest.mark.skipif(not have_compiled(), reason="the compiled tagger is not built")


@needs_compiled
def test_the_compiled_tagger_gives_crfsuites_labels_and_marginals_to_the_bit(taggers):
    reference, _ = taggers
    fast = compiled_tagger(crf.MODEL_PATH)
    assert fast.labels() == reference.labels()
    names = fast.labels()
    compared = 0
    for text in _strings():
        xseq = sequence_features(text, tokenize(text)[: crf.MAX_TOKENS])
        if not xseq:
            continue
        expected = reference.tag(xseq)
        assert fast.tag(xseq) == expected, text
        for t, label in enumerate(expected):
            for name in (label, names[(compared + t) % len(names)]):
                assert fast.marginal(name, t) == reference.marginal(name, t), (text, t, name)
        compared += 1
    assert compared >= 2000
    # features it does not know are skipped, as crfsuite skips them; bytes and str items alike
    xseq = [[b"w=zzzunknown", b"s=Aa"], ["s=a+", "no such feature", "w=的"]]
    assert fast.tag(xseq) == reference.tag(xseq)
    assert fast.marginal("O", 1) == reference.marginal("O", 1)
    assert fast.tag([]) == []


@needs_compiled
def test_the_compiled_tagger_rejects_bad_input():
    fast = compiled_tagger(crf.MODEL_PATH)
    with pytest.raises(ValueError):
        fast.marginal("O", 0)  # before tag()
    fast.tag([[b"s=Aa"]])
    with pytest.raises(IndexError):
        fast.marginal("O", 1)
    with pytest.raises(KeyError):
        fast.marginal("no such label", 0)
    with pytest.raises(TypeError):
        fast.tag([1])
    from citekit.parser._crftag import Tagger as Compiled

    with pytest.raises(ValueError):
        Compiled(["O"], {}, b"\0\0\0\0", b"", b"", b"")  # no transition matrix


@needs_compiled
def test_a_long_run_switches_to_the_compiled_tagger(monkeypatch):
    strings = _strings()[::40]
    expected = [crf.label_spans(s) for s in strings]
    monkeypatch.delenv("CITEKIT_LABELLER", raising=False)
    monkeypatch.setattr(crf, "_local", threading.local())
    monkeypatch.setattr(crf, "_switched", [])
    monkeypatch.setattr(crf, "_labelled", [0])
    monkeypatch.setattr(crf, "COMPILED_AFTER", 3)
    got = [crf.label_spans(s) for s in strings]
    assert type(crf._local.tagger).__name__ == "Tagger"
    assert type(crf._local.tagger).__module__ == "citekit.parser._crftag"
    assert got == expected  # the same spans and confidences, to the bit
