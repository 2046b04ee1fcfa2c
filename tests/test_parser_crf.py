"""The CRF labeller, assembly, bilingual entries, clean values and ``citekit eval``."""

from __future__ import annotations

import io
import json
import re
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citekit.errors import InputError
from citekit.normalise import clean_value, normalise
from citekit.parser import crf, features, parse_reference
from citekit.parser.bilingual import bilingual_part
from citekit.parser.evaluate import evaluate, load_cases
from citekit.parser.evaluate import main as eval_main
from citekit.parser.features import sequence_features
from citekit.parser.names import parse_names
from citekit.parser.tokens import tokenize

FIXTURES = Path(__file__).parent / "fixtures" / "parse"
needs_model = pytest.mark.skipif(not crf.available(), reason="no CRF model installed")


# -- tokens and features -------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_tokens_cover_every_non_space_character_in_order(text):
    tokens = tokenize(text)
    pos = 0
    for s, e in tokens:
        assert pos <= s < e <= len(text)
        assert not text[pos:s].strip()  # only whitespace between tokens
        pos = e
    assert not text[pos:].strip()
    assert len(sequence_features(text, tokens)) == len(tokens)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_token_features_are_those_of_the_one_concern_helpers(tok):
    features.clear_cache()
    assert features.token_features(tok) == features._token_features_reference(tok)


@pytest.mark.parametrize(
    "tok",
    [
        "Smith",
        "J",
        "USA",
        "iPhone",
        "de",
        "journal",
        "Proceedings",
        "1999",
        "2",
        "031",
        "123456789012",
        "٢٠١٩",
        ",",
        "(",
        "“",
        "张",
        "社",
        "한",
        "https://doi.org/10.1/x",
        "10.1016/j.joi.2019.01.002",
        "www.example.org",
        "_",
        "²",
        "ſ",
    ],
)
def test_token_features_of_every_kind(tok):
    features.clear_cache()
    assert features.token_features(tok) == features._token_features_reference(tok)


def test_tokens_cjk_per_character_latin_per_word():
    text = "张三. Deep learning[J]. 2019,35(4)"
    words = [text[s:e] for s, e in tokenize(text)]
    assert (
        words[:3] == ["张", "三", "."]
        and "Deep" in words
        and "learning" in words
        and "2019" in words
    )


# -- clean values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, clean",
    [
        (
            "Creating Public Value:An Analytical Framework",
            "Creating Public Value: An Analytical Framework",
        ),
        ("Cabinet Office,UK Government", "Cabinet Office, UK Government"),
        ("Why the West rules—for now", "Why the West rules—for now"),
        ("公共价值创造：政务服务（人文版）", "公共价值创造: 政务服务(人文版)"),
        ("世界科技研究与发 展", "世界科技研究与发展"),
        ("with appli- cation to vehicles", "with application to vehicles"),
        ("Hazard- and Risk-consistent", "Hazard- and Risk-consistent"),
        ("约翰&#8226;亨利", "约翰•亨利"),
        ("10:30, 1,000", "10:30, 1,000"),
    ],
)
def test_clean_value(raw, clean):
    assert clean_value(raw) == clean


def test_view_of_an_entity_maps_back_to_all_of_it():
    view = normalise("格尔哈斯&#8226;伦斯基")
    assert view.text == "格尔哈斯•伦斯基"
    span = view.raw_span(0, 5)
    assert view.raw[span.start : span.end] == "格尔哈斯&#8226;"


# -- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names",
    [
        ("J. Smith, K. Jones and A. Brown", [("Smith", "J."), ("Jones", "K."), ("Brown", "A.")]),
        ("Robert O. Keohane and Joseph S. Nye", [("Keohane", "Robert O."), ("Nye", "Joseph S.")]),
        ("Ludwig van Beethoven", [("van Beethoven", "Ludwig")]),
        ("Beauvoir, Simone de", [("Beauvoir", "Simone de")]),
    ],
)
def test_given_names_first_and_particles(text, names):
    assert [(n["family"], n["given"]) for n in parse_names(text).names] == names


def test_corporate_names_stay_whole():
    assert parse_names("World Health Organization").names == [
        {"literal": "World Health Organization"}
    ]


# -- access dates written out -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, date",
    [
        (
            "《中国对欧盟政策文件》，https://www.fmprc.gov.cn/web/t1622886.shtml，访问时间：2020年12月1日。",
            [2020, 12, 1],
        ),
        (
            "王旭明. 关于高考的六点思考[EB/OL]. http://www.edu.cn/t20070719_244190.shtml. 2008年12月9日访问.",
            [2008, 12, 9],
        ),
        (
            "“The WTO at 25”, WTO official website, https://www.wto.org/a.htm (last visited 2 March 2020).",
            [2020, 3, 2],
        ),
        (
            "Smith, J. Title of page. Some Site. https://example.org/x. Accessed March 3, 2021.",
            [2021, 3, 3],
        ),
    ],
)
def test_access_dates_in_words(raw, date):
    outcome = parse_reference(raw)
    assert outcome.item["accessed"] == {"date-parts": [date]}
    assert (
        "issued" not in outcome.item
        or outcome.item["issued"]["date-parts"][0][0] != date[0]
        or len(date) < 3
    )
    span = outcome.fields["accessed"].span
    assert str(date[0]) in raw[span.start : span.end]


# -- bilingual entries ------------------------------------------------------------------------


def test_bilingual_entry_reads_the_chinese_version():
    raw = (
        "钦俊德. 昆虫与植物的关系[M]. 北京: 科学出版社, 1987: 52-78; QIN J D. The relationships between "
        "insects and plants[M]. Beijing: Science Press, 1987: 52-78"
    )
    s, e = bilingual_part(raw, 0, len(raw))
    assert raw[s:e].startswith("钦俊德") and "QIN" not in raw[s:e]
    item = parse_reference(raw).item
    assert item["publisher"] == "科学出版社" and item["title"] == "昆虫与植物的关系"
    plain = "Smith, J. (2019). A title of some length. Journal of Things, 3(2), 1-9."
    assert bilingual_part(plain, 0, len(plain)) == (0, len(plain))


# -- the CRF path ------------------------------------------------------------------------------


@needs_model
@pytest.mark.parametrize(
    "raw, expect",
    [
        (
            "Smith, J., & Jones, K. (2019). Deep learning for citation parsing. Journal of Informetrics, 13(2), "
            "123–145. https://doi.org/10.1016/j.joi.2019.01.002",
            {
                "type": "article-journal",
                "container-title": "Journal of Informetrics",
                "volume": "13",
                "issue": "2",
                "page": "123-145",
                "issued": {"date-parts": [[2019]]},
                "DOI": "10.1016/j.joi.2019.01.002",
            },
        ),
        (
            "Ferguson, Niall. Civilization: The West and the Rest. New York: Penguin, 2011.",
            {
                "type": "book",
                "title": "Civilization: The West and the Rest",
                "publisher": "Penguin",
                "publisher-place": "New York",
            },
        ),
        (
            "Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need. Adv Neural Inf Process Syst. "
            "2017;30:5998-6008.",
            {"volume": "30", "page": "5998-6008", "custom": {"names_truncated": True}},
        ),
    ],
)
def test_crf_parses_english_styles(raw, expect):
    outcome = parse_reference(raw)
    for key, value in expect.items():
        assert outcome.item.get(key) == value, (key, outcome.item)
    assert all(
        ev.source == "crf"
        for name, ev in outcome.fields.items()
        if name not in ("type", "language", "DOI", "URL")
    )
    for ev in outcome.fields.values():
        if ev.span:
            assert 0 <= ev.span.start < ev.span.end <= len(raw)


@needs_model
def test_crf_spans_lie_inside_the_text():
    text = normalise(
        "[3] K. He, X. Zhang, “Deep residual learning,” in Proc. CVPR, 2016, pp. 770–778."
    ).text
    for label, s, e, conf in crf.label_spans(text):
        assert 0 <= s < e <= len(text) and 0.0 <= conf <= 1.0 and label != "O"


@needs_model
def test_parse_is_thread_safe():
    raws = [
        "Smith, J. (2019). Deep learning. Nature, 12(3), 1-5.",
        "Ferguson, Niall. Civilization. New York: Penguin, 2011.",
    ] * 20
    expected = [parse_reference(r).item for r in raws]
    results: list = [None] * len(raws)

    def work(k: int) -> None:
        for i in range(k, len(raws), 4):
            results[i] = parse_reference(raws[i]).item

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_methods():
    raw = "[3] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010: 29."
    assert parse_reference(raw, method="rules").item == parse_reference(raw).item
    with pytest.raises(ValueError):
        parse_reference(raw, method="magic")


# -- citekit eval ------------------------------------------------------------------------------


def test_eval_reads_the_gold_and_example_formats(tmp_path):
    gold = load_cases(FIXTURES / "gbt7714-gold.jsonl")
    assert len(gold) == 98 and gold[0].style == "gbt7714-2015-numeric"
    zjss = load_cases(FIXTURES / "zjss-2026-03" / "expected.jsonl")
    result = evaluate(zjss, by=["language"])
    assert result.overall.items == 31 and result.overall.micro[2] == 1.0
    assert set(result.groups["language"]) == {"zh", "en"}
    dev = tmp_path / "dev.jsonl"
    dev.write_text(
        json.dumps(
            {
                "raw": "张三. 书名[M]. 北京: 中华书局, 2000.",
                "style": "gbt7714",
                "item": {
                    "type": "book",
                    "title": "书名",
                    "author": [{"family": "张", "given": "三"}],
                    "publisher": "中华书局",
                    "publisher-place": "北京",
                    "issued": {"date-parts": [[2000]]},
                    "language": "zh-CN",
                },
            },
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    out = io.StringIO()
    assert eval_main([str(dev), "--by", "style", "--errors"], out) == 0
    text = out.getvalue()
    assert "micro" in text and "exact 1/1" in text and "gbt7714" in text
    out = io.StringIO()
    assert eval_main([str(dev), "--json"], out) == 0
    assert json.loads(out.getvalue())["overall"]["exact"] == 1
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", "utf-8")
    # no labelled line: a usage error the CLI prints on one line (exit 2)
    with pytest.raises(InputError, match="no labelled references"):
        eval_main([str(empty)], io.StringIO())


def test_synthetic_training_data_is_frozen_in_the_repository():
    """train.py reads the synthetic references from a file, so a renderer change cannot change the model."""
    import gzip

    path = Path(__file__).resolve().parent.parent / "training" / "data" / "synthetic.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    assert set(first) == {"text", "spans", "source"} and first["source"].startswith("synthetic:")
    for label, start, end in first["spans"]:
        assert 0 <= start < end <= len(first["text"]) and isinstance(label, str)


def test_parse_many_gives_what_parse_reference_gives():
    from citekit.parser import parse_many

    raws = [
        json.loads(line)["raw"]
        for line in (FIXTURES / "dev" / "en.jsonl").read_text("utf-8").splitlines()[:25]
    ]
    raws += ["", "   ", "hello world", "[1]王刚. 研究[J]. 管理, 2016(2).", "x" * 10_050]
    langs = [None] * len(raws)
    langs[0] = "en"
    outcomes = parse_many(list(zip(raws, langs, strict=True)))
    assert outcomes == [parse_reference(raw, lang) for raw, lang in zip(raws, langs, strict=True)]
    bad = parse_many([(123, None), ("Smith J. Title. 2001.", None)])  # type: ignore[list-item]
    assert isinstance(bad[0], TypeError) and bad[1] == parse_reference("Smith J. Title. 2001.")


def test_tokenize_without_urls_finds_what_the_full_pattern_finds():
    from citekit.parser.tokens import TOKEN, tokenize

    for text in (
        "Smith J. A title, 2001, 3(4): 12-18.",
        "王刚. 题名[J]. 刊名, 2019, 35(4): 12-18.",
        "Doe. Web. https://example.org/a. 10.1000/xyz. www.x.org",
        "R_2 ÷ ½ café 東京 ｶﾀ 한글",
    ):
        assert tokenize(text) == [m.span() for m in TOKEN.finditer(text)]
        assert tokenize(text, 3, len(text) - 2) == [
            m.span() for m in TOKEN.finditer(text, 3, len(text) - 2)
        ]


def test_synthetic_noise_keeps_fields_aligned():
    """The noise of pasted lists (spaces inside Chinese words, glued numbering, emphasis, broken
    URLs) is added around the labelled fields, never inside their edges."""
    import random
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
    from synth import add_noise, zh_template

    rng = random.Random(7)
    texts = []
    for _ in range(600):
        rec = add_noise(zh_template(rng), rng, True)
        text = rec["text"]
        texts.append(text)
        for label, start, end in rec["spans"]:
            value = text[start:end]
            assert value and value == value.strip(), (label, value, text)
            assert not value.startswith(("*", "_", "<")) and not value.endswith(("*", "_", ">"))
    assert any(re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", t) for t in texts)  # PDF spaces
    assert any(re.match(r"\d+[\u4e00-\u9fff]", t) for t in texts)  # numbering glued to a name
    assert any("」" in t[:6] for t in texts) and any(t.startswith(("*", "<")) for t in texts)
