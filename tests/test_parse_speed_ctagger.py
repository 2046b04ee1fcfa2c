"""crfsuite's C tagger fed attribute ids (parser/ctagger.py) against python-crfsuite's string
interface on the shipped model: the same features in the same order, the same labels and the
very same marginals on thousands of real strings, and a clean fallback where it cannot serve."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from citekit.parser import crf, ctagger
from citekit.parser.features import sequence_features, sequence_items
from citekit.parser.tokens import tokenize

pycrfsuite = pytest.importorskip("pycrfsuite")
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "parse"
pytestmark = pytest.mark.skipif(not crf.MODEL_PATH.is_file(), reason="no CRF model installed")


def _strings() -> list[str]:
    out: list[str] = []
    for path in sorted(FIXTURES.glob("dev*/*.jsonl")) + [FIXTURES / "gbt7714-gold.jsonl"]:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out += [
                    row[k] for k in ("raw", "expected_numeric", "expected_authordate") if k in row
                ]
    for path in sorted((ROOT / "examples").glob("*.txt")):
        out += path.read_text("utf-8").splitlines()
    bench = (ROOT / "benchmarks" / "data" / "zh-synthetic.tsv").read_text("utf-8").splitlines()
    out += [line.partition("\t")[2] for line in bench[:600]]
    return [s for s in out if s.strip()]


@pytest.fixture(scope="module")
def taggers():
    fast = ctagger.open_tagger(crf.MODEL_PATH)
    if fast is None:
        pytest.skip("crfsuite's C API is not reachable in this python-crfsuite build")
    reference = pycrfsuite.Tagger()
    reference.open(str(crf.MODEL_PATH))
    return fast, reference


def test_packed_items_are_the_features_in_the_same_order(taggers):
    fast, _ = taggers
    for text in _strings()[::3]:
        tokens = tokenize(text)[: crf.MAX_TOKENS]
        expected = [
            b"".join(fast.packed[f] for f in feats) for feats in sequence_features(text, tokens)
        ]
        assert sequence_items(text, tokens, fast.packed, fast.groups, fast.slots) == expected, text


def test_labels_and_marginals_equal_python_crfsuites_exactly(taggers):
    fast, reference = taggers
    assert fast.labels() == reference.labels()
    names = fast.labels()
    compared = 0
    for text in _strings():
        tokens = tokenize(text)[: crf.MAX_TOKENS]
        if not tokens:
            continue
        expected = reference.tag(sequence_features(text, tokens))
        assert fast.tag_text(text, tokens) == expected, text
        for t, label in enumerate(expected):
            for name in (label, names[(compared + t) % len(names)]):
                assert fast.marginal(name, t) == reference.marginal(name, t), (text, t)
        compared += 1
    assert compared >= 1000


def test_label_spans_through_either_tagger_are_the_same(taggers, monkeypatch):
    fast, reference = taggers
    strings = _strings()[::25]
    monkeypatch.setattr(crf._local, "tagger", reference, raising=False)
    expected = [crf.label_spans(s) for s in strings]
    monkeypatch.setattr(crf._local, "tagger", fast)
    assert [crf.label_spans(s) for s in strings] == expected


def test_empty_sequence_and_a_position_out_of_range(taggers):
    fast, _ = taggers
    assert fast.tag_items([]) == []
    with pytest.raises(IndexError):
        fast.marginal("O", 0)
    fast.tag_text("Smith 2020", tokenize("Smith 2020"))
    with pytest.raises(IndexError):
        fast.marginal("O", 2)


def _in_a_new_thread(fn):
    """``fn()`` run in a fresh thread (its own tagger, as the parser opens one per thread)."""
    out = []
    worker = threading.Thread(target=lambda: out.append(fn()))
    worker.start()
    worker.join()
    return out[0]


def _taggers_used(n: int) -> list[type]:
    used = []
    for _ in range(n):
        crf.label_spans("Smith, J. (2019). A title. Journal 12(3): 4-5.")
        used.append(type(crf._local.tagger))
    return used


def test_a_list_switches_to_the_c_api_tagger_after_its_first_references(monkeypatch):
    monkeypatch.delenv("CITEKIT_LABELLER", raising=False)
    if ctagger.open_tagger(crf.MODEL_PATH) is None:
        pytest.skip("crfsuite's C API is not reachable in this python-crfsuite build")
    used = _in_a_new_thread(lambda: _taggers_used(crf.SWITCH_AFTER + 3))
    assert used[: crf.SWITCH_AFTER] == [pycrfsuite.Tagger] * crf.SWITCH_AFTER
    assert used[-1] is ctagger.CTagger
    monkeypatch.setenv("CITEKIT_LABELLER", "ids")
    assert _in_a_new_thread(lambda: _taggers_used(1)) == [ctagger.CTagger]


def test_without_the_c_library_the_parser_keeps_python_crfsuite(monkeypatch):
    monkeypatch.setattr(ctagger, "_LIBRARY", [None])
    assert ctagger.open_tagger(crf.MODEL_PATH) is None
    monkeypatch.delenv("CITEKIT_LABELLER", raising=False)
    used = _in_a_new_thread(lambda: _taggers_used(crf.SWITCH_AFTER + 3))
    assert set(used) == {pycrfsuite.Tagger}


def test_a_probe_that_disagrees_keeps_python_crfsuite(monkeypatch):
    monkeypatch.setattr(ctagger, "_PROBED", [False])
    assert ctagger.open_tagger(crf.MODEL_PATH) is None


def test_the_labeller_can_be_chosen(monkeypatch):
    monkeypatch.setenv("CITEKIT_LABELLER", "crfsuite")
    used = _in_a_new_thread(lambda: _taggers_used(crf.SWITCH_AFTER + 3))
    assert set(used) == {pycrfsuite.Tagger}
    monkeypatch.setenv("CITEKIT_LABELLER", "python")
    assert not isinstance(crf._open_tagger(), (pycrfsuite.Tagger, ctagger.CTagger))
