"""The hand-marked real Chinese training strings (training/data/real-zh.jsonl) are sound data.

Every record must rebuild from its marked source, carry valid spans, and never repeat a string the
parser is scored on (dev/, dev-b/, the GB/T 7714 gold, the zjss fixture): training on those would
make the scores meaningless.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "training" / "data"
FIXTURES = ROOT / "tests" / "fixtures" / "parse"
REAL_ZH = DATA / "real-zh.jsonl"


def _converter():
    path = ROOT / "training" / "marked_to_jsonl.py"
    spec = importlib.util.spec_from_file_location("marked_to_jsonl", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _records() -> list[dict]:
    with open(REAL_ZH, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _scored_strings() -> list[str]:
    """Every raw or expected reference string of the scored fixtures."""
    out = []
    files = sorted(FIXTURES.glob("dev*/*.jsonl")) + [
        FIXTURES / "gbt7714-gold.jsonl",
        FIXTURES / "zjss-2026-03" / "expected.jsonl",
    ]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            for key, value in rec.items():
                if isinstance(value, str) and (key == "raw" or key.startswith("expected")):
                    out.append(value)
    return out


def test_real_zh_is_the_conversion_of_the_marked_file():
    conv = _converter()
    marked = (DATA / "real-zh.marked.txt").read_text(encoding="utf-8")
    records, errors = conv.convert(marked.splitlines())
    assert errors == []
    assert records == _records()


def test_real_zh_records_are_valid():
    conv = _converter()
    records = _records()
    assert len(records) >= 600
    texts = set()
    for rec in records:
        assert set(rec) == {"text", "spans", "source"}
        assert rec["source"].strip()
        text = rec["text"]
        assert text == text.strip() and "\n" not in text
        assert text not in texts, text
        texts.add(text)
        end = 0
        for label, s, e in rec["spans"]:
            assert label in conv.LABELS, (label, text)
            assert end <= s < e <= len(text), (label, s, e, text)
            # a span never starts or ends with a space: separators stay outside
            assert text[s:e] == text[s:e].strip(), (label, text[s:e])
            end = e


def test_real_zh_is_mostly_chinese():
    records = _records()
    cjk = [r for r in records if re.search(r"[\u3400-\u9fff]", r["text"])]
    assert len(cjk) >= 0.9 * len(records)


def test_real_zh_shares_no_string_with_the_scored_sets():
    scored = [_squash(s) for s in _scored_strings()]
    assert len(scored) > 600  # the fixtures were found
    scored_set = set(scored)
    long_scored = [s for s in scored if len(s) >= 25]
    for rec in _records():
        t = _squash(rec["text"])
        assert t not in scored_set, rec["text"]
        for s in long_scored:
            assert s not in t and (len(t) < 25 or t not in s), (rec["text"], s)


@pytest.mark.parametrize(
    "line, text, spans",
    [
        (
            "[<n>1</>]<a>王明</>.<t>题名</>[J].",
            "[1]王明.题名[J].",
            [["citation-number", 1, 2], ["author", 3, 5], ["title", 6, 8]],
        ),
        ("<a>A</> <i>x</i> <<t>B</t>>", "A <i>x</i> <B>", [["author", 0, 1], ["title", 12, 13]]),
    ],
)
def test_converter_strips_tags_and_keeps_literal_markup(line, text, spans):
    assert _converter().parse_line(line) == (text, spans)


@pytest.mark.parametrize(
    "line", ["<a>A<t>B</></>", "<a>A", "</>A", "<a> A</>", "<a></>", "<a>A</t>"]
)
def test_converter_rejects_bad_markup(line):
    conv = _converter()
    with pytest.raises(conv.MarkupError):
        conv.parse_line(line)
