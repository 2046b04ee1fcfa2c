"""Lexicon features of the CRF labeller and the hand-checked training data they are trained with."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from citekit.parser import features
from citekit.parser.tokens import tokenize
from citekit.text.lexicons import words

ROOT = Path(__file__).resolve().parent.parent


def _marks(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], name) for s, e, name in features.cjk_word_marks(text)]


def test_chinese_words_are_marked_longest_first_without_overlaps():
    assert _marks("北京大学出版社") == [("北京", "place"), ("大学", "inst"), ("出版社", "pub")]
    assert _marks("欧阳修，清华大学学报") == [("欧阳", "sur2"), ("大学", "inst"), ("学报", "jour")]
    assert _marks("人民出版社") == [("人民出版社", "pub")]  # not 出版社 alone
    assert _marks("Smith J. Nature, 2001") == []


def test_word_marks_reach_every_character_token_of_the_word():
    text = "[1]王明.北京大学出版社,2001"
    tokens = tokenize(text)
    feats = sequence_features_by_token(text, tokens)
    assert b"lb=place" in feats["北"] and b"li=place" in feats["京"]
    assert b"lb=pub" in feats["出"] and b"li=pub" in feats["版"] and b"li=pub" in feats["社"]
    assert not any(f.startswith((b"lb=", b"li=")) for f in feats["王"])


def sequence_features_by_token(text: str, tokens: list[tuple[int, int]]) -> dict[str, list[bytes]]:
    out = features.sequence_features(text, tokens)
    return {text[s:e]: f for (s, e), f in zip(tokens, out, strict=True)}


@pytest.mark.parametrize(
    "tok, feature",
    [
        ("王", b"cx=sur"),  # a single-character surname
        ("Xiaoming", b"x=py2"),  # pinyin syllables run together
        ("LI", b"x=py"),
        ("Phys", b"x=jabbr"),
        ("Press", b"x=pub"),
        ("University", b"x=inst"),
        ("Hangzhou", b"x=place"),
    ],
)
def test_token_lexicon_features(tok, feature):
    centre = features.token_features(tok)[2]
    assert feature in centre
    assert features.token_features(tok) == features._token_features_reference(tok)


@pytest.mark.parametrize("tok", ["Smith", "phys", "Williams", "的"])
def test_token_lexicon_features_stay_off(tok):
    centre = features.token_features(tok)[2]
    assert b"x=py2" not in centre and b"x=jabbr" not in centre and b"cx=sur" not in centre


def test_every_word_list_is_described_in_sources():
    data = resources.files("citekit.text").joinpath("data")
    sources = data.joinpath("SOURCES.md").read_text("utf-8")
    for entry in data.iterdir():
        if entry.name.endswith(".txt"):
            assert f"{entry.name}" in sources, entry.name
            assert words(entry.name[:-4]), entry.name


def _dev_strings() -> list[str]:
    out = []
    for path in (ROOT / "tests/fixtures/parse").rglob("*.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append(rec.get("raw") or rec.get("expected_numeric") or "")
    return out


def test_real_training_strings_are_well_formed_and_not_from_the_evaluation_sets():
    path = ROOT / "training/data/zotero-chinese.jsonl"
    recs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert len(recs) >= 1000
    for rec in recs:
        text, spans = rec["text"], rec["spans"]
        assert rec["check"] in ("corrected", "as pre-labelled")
        for (_, a, b), nxt in zip(spans, [*spans[1:], None], strict=True):
            assert 0 <= a < b <= len(text) and text[a:b] == text[a:b].strip()
            assert nxt is None or b <= nxt[1]
    skeleton = re.compile(r"\W+")
    held = {skeleton.sub("", s) for s in _dev_strings()}
    assert not [r["text"] for r in recs if skeleton.sub("", r["text"]) in held]
