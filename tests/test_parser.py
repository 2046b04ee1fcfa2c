"""The rule-based parser: hand-checked items, the GB/T gold set, spans and robustness."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citekit.csl import ITEM_TYPES, variable_kind
from citekit.normalise import clean_value, normalise
from citekit.parser import parse_reference
from citekit.parser.chinese_names import split_chinese_name
from citekit.parser.draft import CLEAN_FIELDS, standard_title
from citekit.parser.evaluate import as_printed
from citekit.parser.names import parse_names
from citekit.parser.numbers import cn_year_issue, edition, journal_numbers
from citekit.parser.score import Score
from citekit.parser.text import cn_number

FIXTURES = Path(__file__).parent / "fixtures" / "parse"
ZJSS = [
    json.loads(line)
    for line in (FIXTURES / "zjss-2026-03" / "expected.jsonl").read_text("utf-8").splitlines()
]
GOLD = [
    json.loads(line) for line in (FIXTURES / "gbt7714-gold.jsonl").read_text("utf-8").splitlines()
]


def check_evidence(raw: str, outcome) -> None:
    """Every CSL variable has evidence; every span lies in raw and slices to the field's text."""
    item = outcome.item
    assert set(outcome.fields) == set(item) - {"custom"}
    assert 0.0 <= outcome.confidence <= 1.0
    for name, ev in outcome.fields.items():
        assert 0.0 <= ev.confidence <= 1.0
        if name in ("type", "language"):
            continue
        assert ev.span is not None, name
        assert 0 <= ev.span.start < ev.span.end <= len(raw), name
        piece = normalise(ev.span.slice(raw)).text
        value = item[name]
        kind = variable_kind(name)
        if kind == "name":
            for n in value:
                for part in (n.get("literal"), n.get("family")):
                    if part and not part.endswith("."):
                        assert part.casefold() in piece.casefold(), (name, part, piece)
        elif kind == "date":
            if "literal" in value:
                assert piece == value["literal"], (name, piece)
            else:
                assert str(value["date-parts"][0][0]) in piece, (name, piece)
        elif kind == "number":
            assert (
                value == piece
                or value == piece.replace("~", "-")  # 93～97: a Chinese range sign
                or value == re.sub(r"\s*-\s*", "-", piece)  # "10 - 20": spaced
                or value in piece
                or (piece.isdigit() and str(int(piece)) == value)
                or str(cn_number(piece.strip("第卷册"))) == value  # 第十六卷 → 16
                or name == "edition"
            ), (name, value, piece)
        elif name == "title" and item["type"] == "standard":  # the gaps of a standard's name kept
            assert standard_title(ev.span.slice(raw)) == value, (name, value, piece)
        elif name in CLEAN_FIELDS:
            assert clean_value(ev.span.slice(raw)) == value, (name, value, piece)
        else:
            assert piece == value, (name, value, piece)
    for diag in outcome.diagnostics:
        if diag.span is not None:
            assert 0 <= diag.span.start <= diag.span.end <= len(raw)


# -- the example list -------------------------------------------------------------------


@pytest.mark.parametrize("row", ZJSS, ids=[f"zjss-{i + 1}" for i in range(len(ZJSS))])
def test_example_list_items(row):
    outcome = parse_reference(row["raw"])
    assert outcome.item == row["item"]
    check_evidence(row["raw"], outcome)
    assert not [d for d in outcome.diagnostics if d.code in ("P001", "P002", "P003")]
    assert outcome.confidence >= 0.8


def test_example_items_are_csl(csl_schema_validator):
    items = [dict(row["item"], id=f"zjss-{i}") for i, row in enumerate(ZJSS)]
    csl_schema_validator.validate(items)
    for item in items:
        assert item["type"] in ITEM_TYPES and item["language"]


def test_parsed_items_validate_against_csl_schema(csl_schema_validator):
    items = []
    for i, row in enumerate(ZJSS + [{"raw": g["expected_numeric"]} for g in GOLD]):
        items.append(dict(parse_reference(row["raw"]).item, id=str(i)))
    csl_schema_validator.validate(items)


# -- GB/T 7714 gold set ------------------------------------------------------------------


def _nospace(s: str) -> str:
    return re.sub(r"([,.:;])\s+(?!//)", r"\1", s)


def _fullwidth(s: str) -> str:
    return _nospace(s).replace(",", "，").replace(":", "：").replace("(", "（").replace(")", "）")


@pytest.mark.parametrize(
    "variant, transform, floor",
    [
        ("as printed", lambda s: s, 0.995),
        ("with [n] label", lambda s: "[7] " + s, 0.995),
        ("no spaces", _nospace, 0.99),
        ("full-width (zh)", _fullwidth, 0.99),
    ],
)
def test_gbt7714_gold_field_f1(variant, transform, floor):
    score = Score()
    for row in GOLD:
        if variant == "full-width (zh)" and row["csl"]["language"] != "zh-CN":
            continue
        raw = transform(row["expected_numeric"])
        outcome = parse_reference(raw)
        check_evidence(raw, outcome)
        score.add(outcome.item, as_printed(row["csl"], raw))
    print(f"\n{variant}\n{score.report()}")
    assert score.micro[2] >= floor


# -- rules ---------------------------------------------------------------------------------


def test_names_flags_and_prefixes():
    g = parse_names("陈晋镳, 张惠民, 朱士兴, 等")
    assert [n["family"] + n["given"] for n in g.names] == ["陈晋镳", "张惠民", "朱士兴"]
    assert g.truncated
    g = parse_names("KOSEKI A, MOMOSE H, et al.")
    assert (
        g.names == [{"family": "Koseki", "given": "A."}, {"family": "Momose", "given": "H."}]
        and g.truncated
    )
    g = parse_names("Smith,J.,Jones,A.B. and others")
    assert g.truncated and g.names[1] == {"family": "Jones", "given": "A. B."}
    g = parse_names("[美]马克·H.穆尔")
    assert g.names == [{"literal": "马克·H.穆尔"}] and g.nationalities == ["美"]
    g = parse_names("（英）约翰·斯密、王刚")
    assert g.names == [{"literal": "约翰·斯密"}, {"family": "王", "given": "刚"}]
    assert g.nationalities == ["英"]
    g = parse_names("张成福等译")
    assert g.names == [{"family": "张", "given": "成福"}] and g.truncated and g.role == "translator"
    g = parse_names("PEEBLES P Z, Jr.")
    assert g.names == [{"family": "Peebles", "given": "P. Z.", "suffix": "Jr."}]
    g = parse_names("Carter, Thomas B. Jr.， and Holt, Ann")  # a suffix with no comma before it
    assert g.names == [
        {"family": "Carter", "given": "Thomas B.", "suffix": "Jr."},
        {"family": "Holt", "given": "Ann"},
    ]
    g = parse_names("Ward, Henry III")
    assert g.names == [{"family": "Ward", "given": "Henry", "suffix": "III"}]
    g = parse_names("Online Computer Library Center, Inc.")
    assert g.names == [{"literal": "Online Computer Library Center, Inc."}]
    g = parse_names("Research Group of Shanghai Food and Drug Administration")
    assert len(g.names) == 1 and "literal" in g.names[0]


@pytest.mark.parametrize(
    "name, expect",
    [
        ("王刚", {"family": "王", "given": "刚"}),
        ("张成福", {"family": "张", "given": "成福"}),
        ("欧阳中石", {"family": "欧阳", "given": "中石"}),  # compound surnames
        ("司马光", {"family": "司马", "given": "光"}),
        ("诸葛亮", {"family": "诸葛", "given": "亮"}),
        ("陳水扁", {"family": "陳", "given": "水扁"}),  # traditional characters
        ("何丽丽", {"family": "何", "given": "丽丽"}),  # doubled given name, not a transliteration
        ("国务院", {"literal": "国务院"}),  # organisations
        ("文化部", {"literal": "文化部"}),
        ("北京大学教育法研究中心", {"literal": "北京大学教育法研究中心"}),
        ("马克思", {"literal": "马克思"}),  # transliterations without a separator
        ("柏拉图", {"literal": "柏拉图"}),
        ("富勒", {"literal": "富勒"}),
        ("莎士比亚", {"literal": "莎士比亚"}),
        ("佚名", {"literal": "佚名"}),  # no surname
        ("大卫·帕尔菲曼", {"literal": "大卫·帕尔菲曼"}),
    ],
)
def test_chinese_names_family_given(name, expect):
    assert split_chinese_name(name) == expect
    assert parse_names(name).names == [expect]


def test_chinese_names_in_parsed_items():
    item = parse_reference("欧阳修, 宋祁. 新唐书[M]. 北京: 中华书局, 1975.").item
    assert item["author"] == [{"family": "欧阳", "given": "修"}, {"family": "宋", "given": "祁"}]
    item = parse_reference(
        "中华人民共和国国务院新闻办公室. 白皮书[R]. 北京: 人民出版社, 2010."
    ).item
    assert item["author"] == [{"literal": "中华人民共和国国务院新闻办公室"}]


@pytest.mark.parametrize(
    "style, want",
    [
        ("gbt7714-2015-numeric", "欧阳中石, 张成福. 书法[M]. 北京: 中华书局, 2000."),
        (
            "gbt7714-2025-author-date",
            "欧阳中石，张成福，2000. 书法[M]. 北京：中华书局.",
        ),  # full-width (2025)
        ("zhejiang-social-sciences", "欧阳中石、张成福：《书法》，北京：中华书局2000年版。"),
    ],
)
def test_split_chinese_names_print_as_before(style, want):
    """Family + given prints as the one unit the literal printed, in the styles and the exports."""
    from citekit.api import render
    from citekit.formats import write

    base = {"id": "a", "type": "book", "title": "书法", "publisher": "中华书局"}
    base.update({"publisher-place": "北京", "issued": {"date-parts": [[2000]]}})
    split = dict(
        base, author=[{"family": "欧阳", "given": "中石"}, {"family": "张", "given": "成福"}]
    )
    whole = dict(base, author=[{"literal": "欧阳中石"}, {"literal": "张成福"}])
    text = render([split], style)[0].text
    assert text.split("] ", 1)[-1].lstrip("1.") == want
    assert text == render([whole], style)[0].text
    assert write([split], "bibtex")[0] == write([whole], "bibtex")[0]
    assert "{欧阳中石} and {张成福}" in write([split], "bibtex")[0]
    assert write([split], "ris")[0] == write([whole], "ris")[0]
    assert "AU  - 欧阳中石" in write([split], "ris")[0]


def test_numbers():
    assert (
        cn_number("五") == 5
        and cn_number("十二") == 12
        and cn_number("二十") == 20
        and cn_number("x") is None
    )
    assert edition("第五版") == "5" and edition("2版") == "2" and edition("4th ed.") == "4"
    assert (
        edition("修订本") == "修订本"
        and edition("Rev. ed.") == "Rev. ed."
        and edition("商务印书馆") is None
    )
    c = cn_year_issue("2016年第35卷第2期", 0, 12)
    assert c.date == [2016] and c.issue == "2" and c.volume == (6, 8)
    s = "浙江社会科学,2026,No.355(03):64-76+158"
    j = journal_numbers(s, 0, len(s))
    assert (
        s[slice(*j.total)] == "355"
        and s[slice(*j.issue)] == "03"
        and s[slice(*j.pages)] == "64-76+158"
    )


@pytest.mark.parametrize(
    "raw, expect",
    [
        (
            "（2）陈娟:《数字政府建设》,《国外社会科学》2021年第2期。",
            {"type": "article-journal", "title": "数字政府建设", "issue": "2"},
        ),
        (
            "①[美]马克·H.穆尔:《创造公共价值》,伍满桂译,商务印书馆2016年版,第12页。",
            {
                "type": "book",
                "page": "12",
                "custom": {"nationality": "美"},
                "publisher": "商务印书馆",
            },
        ),
        (
            "李四：《论文》，载张三主编：《某书》，北京：商务印书馆2016年版，第3—9页。",
            {
                "type": "chapter",
                "editor": [{"family": "张", "given": "三"}],
                "container-title": "某书",
                "page": "3-9",
                "publisher-place": "北京",
            },
        ),
        (
            "王五:《报道》,《人民日报》2020年1月2日第5版。",
            {"type": "article-newspaper", "issued": {"date-parts": [[2020, 1, 2]]}, "page": "5"},
        ),
        (
            "[3] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010: 29.",
            {"type": "book", "publisher-place": "北京", "publisher": "科学出版社", "page": "29"},
        ),
        (
            "李幼平, 王莉. 循证医学研究方法[J]. 中华移植杂志, 2019, 35(4): 12-18.",
            {"volume": "35", "issue": "4", "page": "12-18", "container-title": "中华移植杂志"},
        ),
        (
            "杨洪升. 四库馆私家抄校书考略[J]. 文献, 2021(2): 56-75.",
            {"issue": "2", "issued": {"date-parts": [[2021]]}},
        ),
        (
            "张三. 某文[EB/OL]. (2013-10-20)[2013-10-25]. https://example.org/a?b=1.",
            {
                "type": "webpage",
                "URL": "https://example.org/a?b=1",
                "accessed": {"date-parts": [[2013, 10, 25]]},
                "issued": {"date-parts": [[2013, 10, 20]]},
            },
        ),
        (
            "马欢. 水循环变化分析[D]. 北京: 清华大学, 2011.",
            {"type": "thesis", "publisher": "清华大学"},
        ),
        (
            "Zurek, W. H. Decoherence and the classical. Rev. Mod. Phys. 75, 715 (2003). "
            "doi: 10.1103/RevModPhys.75.715.URLhttps://link.aps.org/doi/10.1103/RevModPhys.75.715.",
            {
                "DOI": "10.1103/RevModPhys.75.715",
                "URL": "https://link.aps.org/doi/10.1103/RevModPhys.75.715",
            },
        ),
        (
            "Brown, K., Water Rights in the Andes. Unpublished PhD thesis (Geography), University of Leeds, 2004.",
            {
                "type": "thesis",
                "title": "Water Rights in the Andes",
                "publisher": "University of Leeds",
                "genre": "Unpublished PhD thesis (Geography)",
            },
        ),
        (
            "Carter, Thomas B. Jr. 2004. Bridges of the North. Boston: Harbor Books.",
            {
                "author": [{"family": "Carter", "given": "Thomas B.", "suffix": "Jr."}],
                "publisher": "Harbor Books",
            },
        ),
        (
            "Rilke, Rainer Maria. Letters to a Young Poet. Trans. Stephen Mitchell, Vintage Books, 1986.",
            {
                "type": "book",
                "translator": [{"family": "Mitchell", "given": "Stephen"}],
                "publisher": "Vintage Books",
            },
        ),
        (
            "Eco, Umberto. The Name of the Rose. Translated by William Weaver, Harcourt, 1983.",
            {"translator": [{"family": "Weaver", "given": "William"}], "publisher": "Harcourt"},
        ),
        (
            "Stone, Peter J. 2011. Science, Politics, and Reform in Postwar Japan. Boston: Harbor Books.",
            {
                "type": "book",
                "title": "Science, Politics, and Reform in Postwar Japan",
                "publisher": "Harbor Books",
            },
        ),
        (
            "李明主编，机械制造基础（第二版），高等教育出版社，2012年",
            {"title": "机械制造基础", "edition": "2", "publisher": "高等教育出版社"},
        ),
        (
            "Lee, A., The Dissertation Handbook, London: Sage, 2010.",
            {"type": "book", "title": "The Dissertation Handbook", "publisher": "Sage"},
        ),
        (
            "Garcia, M. (2015). Water governance in small towns. Unpublished master's thesis, University of Texas, Austin.",
            {"type": "thesis", "publisher": "University of Texas", "publisher-place": "Austin"},
        ),
        (
            "Evans, T. (2005). Market Research. In J. Cole & H. Price (eds.), Advanced Methods in Retail Management.",
            {
                "type": "chapter",
                "title": "Market Research",
                "container-title": "Advanced Methods in Retail Management",
            },
        ),
        (
            "Evans, T. (2005). Market Research. In J. Cole & H. Price (eds.), Advanced Methods in Retail Management. "
            "Oxford: Blackwell.",
            {
                "type": "chapter",
                "title": "Market Research",
                "container-title": "Advanced Methods in Retail Management",
                "publisher-place": "Oxford",
                "publisher": "Blackwell",
            },
        ),
        # a full stop or comma inside the closing quote is the separator; ? and ! and an initial's dot are the title's
        (
            "Hale, Robin. “Rivers of the Lowland Plain.” Journal of Water History 12, no. 3 (2009): 45–67.",
            {"title": "Rivers of the Lowland Plain", "container-title": "Journal of Water History"},
        ),
        (
            "Hale, Robin. “Who Owns the River?” Journal of Water History 12, no. 3 (2009): 45–67.",
            {"title": "Who Owns the River?"},
        ),
        (
            "Hale, Robin. “Water Law in the U.S.” Journal of Water History 12, no. 3 (2009): 45–67.",
            {"title": "Water Law in the U.S."},
        ),
        # older GB/T 7714 patents: "country: number, date" is not a place and a publisher
        (
            "张三. 一种可折叠的晾衣架[P]. 中国专利: 201220345678.9, 2013-05-01.",
            {
                "type": "patent",
                "number": "201220345678.9",
                "jurisdiction": "中国",
                "publisher": None,
                "publisher-place": None,
                "issued": {"date-parts": [[2013, 5, 1]]},
            },
        ),
        (
            "Smith J. Widget[P]. USA: 5123456, 1992-06-09.",
            {"type": "patent", "number": "5123456", "jurisdiction": "USA", "publisher-place": None},
        ),
        # Chinese official documents by their document number (文号)
        (
            "《教育部关于加强高校实验室安全工作的意见》（教技〔2019〕1号）。",
            {
                "type": "legislation",
                "title": "教育部关于加强高校实验室安全工作的意见",
                "number": "教技〔2019〕1号",
                "issue": None,
                "issued": None,
            },
        ),
        (
            "教育部：《关于某事的通知》，教高[2012]4号，2012年3月16日。",
            {"type": "legislation", "title": "关于某事的通知", "number": "教高[2012]4号"},
        ),
        # a paper given at a meeting, in Chinese house style: not a thesis, the venue is no publisher
        (
            "李明：《城市治理的新路径》，第三届全国公共管理青年学者论坛会议论文，浙江大学公共管理学院，2015年10月20日。",
            {
                "type": "paper-conference",
                "event-title": "第三届全国公共管理青年学者论坛",
                "genre": "会议论文",
                "event-place": "浙江大学公共管理学院",
                "publisher": None,
                "issued": {"date-parts": [[2015, 10, 20]]},
            },
        ),
        (
            "王芳：《乡村教育研究》，中国教育学会年会论文，2010年。",
            {
                "type": "paper-conference",
                "event-title": "中国教育学会年会",
                "container-title": None,
            },
        ),
    ],
)
def test_forms(raw, expect):
    outcome = parse_reference(raw)
    for key, value in expect.items():
        assert outcome.item.get(key) == value, (key, outcome.item)
    check_evidence(raw, outcome)


def test_wrapped_reference_spans_point_into_raw():
    raw = "[1]胡重明,邢润杰.公共价值创造:政务服务\n  增值化的组织逻辑[J].浙江社会科学,\n2026,No.355(03):64-76+158."
    outcome = parse_reference(raw)
    assert outcome.item["title"] == "公共价值创造: 政务服务增值化的组织逻辑"
    span = outcome.fields["title"].span
    assert raw[span.start : span.end].startswith("公共价值创造") and raw[
        span.start : span.end
    ].endswith("逻辑")
    assert outcome.item["page"] == "64-76+158"
    check_evidence(raw, outcome)


def test_fallback_and_nothing():
    outcome = parse_reference("Some notes, 2019, see https://doi.org/10.1000/xyz123 pp. 12-18")
    assert outcome.item["DOI"] == "10.1000/xyz123" and outcome.item["issued"] == {
        "date-parts": [[2019]]
    }
    assert outcome.item["page"] == "12-18"
    for raw in ("", "   ", "hello world", "\x00\x01\ufffd"):
        outcome = parse_reference(raw)
        assert set(outcome.item) <= {"type", "language"} and outcome.item["type"] == "document"
        assert [d.code for d in outcome.diagnostics][:1] == ["P001"]


def test_leftover_text_is_reported():
    raw = "胡重明:《题名》,《刊名》2016年第2期,某种说明文字。"
    outcome = parse_reference(raw)
    p003 = [d for d in outcome.diagnostics if d.code == "P003"]
    assert p003 and p003[0].span.slice(raw) == "某种说明文字"


# -- robustness --------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("胡重明王刚《》“”()[]（）【】,.:;，。：、·&-–—/ \n\t0123456789JMCNa zAZ等版年第期页译")
    + [
        "[J]",
        "//",
        "et al.",
        "2016年第2期",
        "DOI:10.1/x",
        "http://a.b/c",
        "出版社",
        "\x00",
        "\ufffd",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(_ALPHABET, max_size=80).map("".join)))
def test_never_raises_and_spans_inside_raw(raw):
    outcome = parse_reference(raw)
    assert outcome.item["type"] in ITEM_TYPES
    assert set(outcome.fields) == set(outcome.item) - {"custom"}
    for ev in outcome.fields.values():
        if ev.span is not None:
            assert 0 <= ev.span.start <= ev.span.end <= len(raw)
    for diag in outcome.diagnostics:
        if diag.span is not None:
            assert 0 <= diag.span.start <= diag.span.end <= len(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "x" * 1_000_000,
        "胡重明,邢润杰.公共价值创造[J].浙江社会科学,2021(2):1-3." * 25_000,
        "Smith,J.," * 120_000,
        "《" * 1_000_000,
        "a." * 500_000,
    ],
)
def test_one_megabyte_line(raw):
    t = time.perf_counter()
    outcome = parse_reference(raw)
    assert time.perf_counter() - t < 2.0
    assert any(d.code == "P004" for d in outcome.diagnostics)


# -- evidence holds for the learned path too ---------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "Smith, J., & Jones, K. (2019). Deep learning for citation parsing. Journal of Informetrics, 13(2), 123–145.",
        "[3] K. He, X. Zhang, S. Ren, and J. Sun, “Deep residual learning for image recognition,” in Proc. IEEE "
        "Conf. Comput. Vis. Pattern Recognit., 2016, pp. 770–778.",
        "Morris, Ian. Why the West Rules—for Now: The Patterns of History. New York: Farrar, Straus and Giroux, 2010.",
        "Hochreiter, S. & Schmidhuber, J. Long short-term memory. Neural Comput. 9, 1735–1780 (1997).",
        "Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need. Adv Neural Inf Process Syst. 2017;30:5998-6008.",
        "方齐云、王皓 著，增长经济学，湖北人民出版社，2002",
        "Robert O. Keohane and Joseph S. Nye, Power and Interdependence, Boston: Little, Brown, 1977.",
        "Gelman A, Hill J. Data Analysis Using Regression and Multilevel/Hierarchical Models. Cambridge University Press; 2007.",
    ],
)
def test_evidence_on_learned_parses(raw):
    outcome = parse_reference(raw)
    check_evidence(raw, outcome)
    assert outcome.item.get("issued") and outcome.item.get("author")


# -- general assembly rules (strings written for these tests, not from the development set) --------


@pytest.mark.parametrize(
    "raw, field, value",
    [
        (
            "Smith, A. (2001). Slow light in cold gases. Phys. Rev. Lett. 86, 783-786.",
            "container-title",
            "Phys. Rev. Lett.",
        ),
        (
            "Brown, T. (1999). A History of Maps. New York: W. W. Norton & Company, Inc. 300 pp.",
            "publisher",
            "W. W. Norton & Company, Inc.",
        ),
    ],
)
def test_abbreviation_keeps_its_full_stop(raw: str, field: str, value: str) -> None:
    assert parse_reference(raw).item.get(field) == value


def test_plain_field_does_not_take_the_separator() -> None:
    item = parse_reference(
        "Lee, K. (2010). River flows in dry years. Water Research, 44, 1-10."
    ).item
    assert item.get("container-title") == "Water Research"


def test_issue_range_in_brackets_after_the_volume() -> None:
    item = parse_reference(
        "Green, P., & Gray, Q. (1990-1991). Urban Studies Review, 12(1-2), 45-67."
    ).item
    assert (item.get("volume"), item.get("issue"), item.get("page")) == ("12", "1-2", "45-67")


def test_publisher_with_volume_and_pages_is_a_journal() -> None:
    item = parse_reference(
        "Maria Rossi， Paul Weber. Innovation clusters in small regions. "
        "Research Policy， 2007，36:210-230"
    ).item
    assert item.get("container-title") == "Research Policy"
    assert "publisher" not in item and item["type"] == "article-journal"


def test_uppercase_jr_is_a_suffix() -> None:
    group = parse_names("Anne Smith and F. D. Jones, JR.")
    assert len(group.names) == 2 and group.names[-1].get("suffix") == "JR."


def test_house_zh_city_before_publisher() -> None:
    item = parse_reference("王力，《古代汉语》，上海，上海古籍出版社，1999。").item
    assert item.get("publisher-place") == "上海" and item.get("publisher") == "上海古籍出版社"


def test_gbt_newspaper_month_day_after_author_year() -> None:
    item = parse_reference("李明. 2021. 城市更新的新路径[N]. 光明日报, 3月5日(7).").item
    assert item.get("container-title") == "光明日报"
    assert item["issued"]["date-parts"] == [[2021, 3, 5]] and item.get("page") == "7"


def test_repeated_string_returns_an_independent_copy() -> None:
    raw = "Smith, J., & Jones, K. (2001). A title of some length. Journal of Things, 12(3), 45-67."
    first = parse_reference(raw)
    first.item["author"][0]["family"] = "Changed"
    first.item["title"] = "Changed"
    second = parse_reference(raw)
    assert second.item["author"][0]["family"] == "Smith"
    assert second.item["title"] != "Changed"
    assert second.confidence == first.confidence


def test_identifiers_are_kept_on_the_crf_path() -> None:
    raw = (
        "Doe, A. and Roe, B. 2019. Some findings on things. Jrnl Stuff 4: 1-9. doi:10.1234/abc.def"
    )
    out = parse_reference(raw)
    assert out.item.get("DOI") == "10.1234/abc.def"
    assert raw[out.fields["DOI"].span.start : out.fields["DOI"].span.end] == "10.1234/abc.def"


# -- GB/T 7714 without type codes ------------------------------------------------------------


def _rule_only(outcome) -> bool:
    return all(ev.source == "rule" for ev in outcome.fields.values())


@pytest.mark.parametrize(
    "raw, expected",
    [
        (
            "王伟, 李强. 数字政府建设的路径研究. 中国行政管理, 2019, 35(4): 12-18.",
            {
                "type": "article-journal",
                "title": "数字政府建设的路径研究",
                "container-title": "中国行政管理",
                "volume": "35",
                "issue": "4",
                "page": "12-18",
            },
        ),
        (
            "王伟, 李强, 2019. 数字政府建设的路径研究. 中国行政管理, 35(4): 12-18.",
            {
                "type": "article-journal",
                "container-title": "中国行政管理",
                "volume": "35",
                "issue": "4",
            },
        ),
        (
            "陈登原. 国史旧闻: 第1卷. 北京: 中华书局, 2000: 29.",
            {
                "type": "book",
                "title": "国史旧闻",
                "volume": "1",
                "publisher-place": "北京",
                "publisher": "中华书局",
                "page": "29",
            },
        ),
        (
            "12 程根伟. 1998年长江洪水的成因与减灾对策//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36.",
            {
                "type": "chapter",
                "title": "1998年长江洪水的成因与减灾对策",
                "container-title": "长江流域洪涝灾害与科技对策",
                "publisher": "科学出版社",
                "page": "32-36",
            },
        ),
        (
            "丁文详. 数字革命与竞争国际化. 中国青年报, 2000-11-20(15).",
            {"type": "article-newspaper", "container-title": "中国青年报", "page": "15"},
        ),
    ],
)
def test_gbt7714_without_type_codes(raw: str, expected: dict) -> None:
    out = parse_reference(raw)
    check_evidence(raw, out)
    assert _rule_only(out)  # read by the rules, not the labeller
    for key, value in expected.items():
        assert out.item.get(key) == value, key
    assert out.item["issued"]["date-parts"][0][0] in (1999, 2000, 2019)


@pytest.mark.parametrize(
    "raw",
    [
        "钦俊德. 1987. 昆虫的分类. 北京: 科学出版社, pp. 52-78",  # left-over text: pp. 52-78
        "周杰. 城市治理研究. 编辑学报: 1017-1026.",  # "1017-1026" is no publisher
        "李明. 某项技术报告: TR 889. 北京: 国家统计局, 1996.",  # a report number the shape cannot place
    ],
)
def test_gbt7714_without_codes_leaves_doubtful_shapes_to_the_labeller(raw: str) -> None:
    import citekit.parser  # noqa: F401  (the package registers its modules)
    from citekit.parser.bilingual import bilingual_part
    from citekit.parser.draft import Draft
    from citekit.parser.gbt7714 import parse_nocode
    from citekit.parser.identifiers import extract_identifiers

    view = normalise(raw)
    d = Draft(view, *bilingual_part(view.text, 0, len(view.text)))
    extract_identifiers(d)
    before = (dict(d.values), d.style)
    assert parse_nocode(d) is False
    assert (d.values, d.style) == before  # nothing recorded on the way
    check_evidence(raw, parse_reference(raw))


def test_finish_spans_on_the_identity_view_equal_raw_span():
    # Draft.finish builds spans directly when the view's offsets are the raw ones; View.raw_span
    # is the reference (including a field that ends on "&")
    from citekit.normalise import normalise
    from citekit.parser.draft import Draft

    for raw in (
        "Smith J. Title & more. Taylor &, 2001.",
        "A &amp; B. Title. 2001.",
        "王刚. 题名[J]. 刊名, 2019.",
    ):
        view = normalise(raw)
        d = Draft(view, 0, len(view.text))
        d.set("title", view.text[0:10], 0, 10)
        amp = view.text.find("&")
        if amp > 0:
            d.set("publisher", view.text[2 : amp + 1], 2, amp + 1)
        outcome = d.finish("en")
        for name, ev in outcome.fields.items():
            span = d.spans.get(name)
            if span:
                assert ev.span == view.raw_span(*span), (raw, name)


# -- shapes of real lists (issue 10): each a general rule, the strings made up from the shape ----

_ZHANG = [{"family": "张", "given": "三"}]


@pytest.mark.parametrize(
    "raw, expect",
    [
        # GB/T names (family name, initials) without type codes, in English
        (
            "Doe J, Roe A B. A study of things. J Things, 2010, 3(2): 1-10.",
            {
                "type": "article-journal",
                "author": [{"family": "Doe", "given": "J."}, {"family": "Roe", "given": "A. B."}],
                "title": "A study of things",
                "container-title": "J Things",
                "volume": "3",
                "issue": "2",
                "page": "1-10",
            },
        ),
        (
            "Doe J. A book of things. New York: Some Books, 2001.",
            {"type": "book", "title": "A book of things", "publisher-place": "New York"},
        ),
        # abbreviated journal titles, with and without the year in front
        (
            "DOE J. Things[J]. Environ. Sci. Technol., 1970, 37(12): 941-959.",
            {"container-title": "Environ. Sci. Technol.", "volume": "37", "issue": "12"},
        ),
        (
            "DOE J, 1970. Things[J]. Proc. Natl. Acad. Sci. USA, 37(12): 941-959.",
            {"container-title": "Proc. Natl. Acad. Sci. USA", "volume": "37"},
        ),
        # a transliterated name with a middle initial (the stop is not the author's end)
        (
            "[美]马克·H.穆尔. 创造价值[M]. 张三, 译. 北京: 某出版社, 2016.",
            {"author": [{"literal": "马克·H.穆尔"}], "title": "创造价值", "translator": _ZHANG},
        ),
        (
            "戴维·H.罗森布鲁姆, 张三. 公共行政学[M]. 北京: 某出版社, 2002.",
            {"author": [{"literal": "戴维·H.罗森布鲁姆"}, _ZHANG[0]], "title": "公共行政学"},
        ),
        # Latin names among Chinese ones
        (
            "张三, WANG X M. 某研究[J]. 某学报, 2010(2): 1-9.",
            {"author": [_ZHANG[0], {"family": "Wang", "given": "X. M."}]},
        ),
        # pinyin names, family name first
        (
            "Wang Xiaoming, LI Jianguo. A study of things[J]. J Things, 2010, 3(2): 1-10.",
            {
                "author": [
                    {"family": "Wang", "given": "Xiaoming"},
                    {"family": "Li", "given": "Jianguo"},
                ]
            },
        ),
        # the 《》 author-year variant
        (
            "张三，2006：《某书》，北京：某出版社。",
            {"author": _ZHANG, "issued": {"date-parts": [[2006]]}},
        ),
        (
            "张三（2006）《某书》，北京：某出版社。",
            {"author": _ZHANG, "issued": {"date-parts": [[2006]]}},
        ),
        # editions and volumes in titles
        ("张三. 某书（第三版）[M]. 北京: 某出版社, 2006.", {"title": "某书", "edition": "3"}),
        (
            "《某某全集》（第十六卷），北京：某出版社1964年版。",
            {"title": "某某全集", "volume": "16"},
        ),
        # a publisher alone, and pages alone, after the type code (author-date lists)
        ("张三，2017. 某书[M]. 某某大学出版社.", {"publisher": "某某大学出版社"}),
        ("DOE J, 2011. A report on things: TR-262[R]. 8-9.", {"page": "8-9", "number": "TR-262"}),
        # a newspaper by its name, with a month
        (
            "张三：《某文》，《某某日报》1982年9月。",
            {"type": "article-newspaper", "issued": {"date-parts": [[1982, 9]]}},
        ),
        # months kept at the precision printed
        ("张三. 某研究[D]. 北京: 某大学, 2011年6月.", {"issued": {"date-parts": [[2011, 6]]}}),
        (
            "Doe, J. (2019, October). A study of things. Some Magazine, 12-15.",
            {"issued": {"date-parts": [[2019, 10]]}},
        ),
        ("王五(2019,5月). 数字治理. 某学报.", {"issued": {"date-parts": [[2019, 5]]}}),
        # a Chinese date right after a link is when it was read, not published
        (
            "DOE J. 2016. Things[Z/OL]. Some Centre. http://example.org/a.pdf, 2020年2月16日.",
            {"issued": {"date-parts": [[2016]]}},
        ),
        # role words
        (
            "钱某著，张三译注：《某书》，北京：某出版社2010年版。",
            {"author": [{"family": "钱", "given": "某"}], "translator": _ZHANG},
        ),
        (
            "[德]马某著. 张三译. 某书[M]. 北京: 某出版社, 2004.",
            {"author": [{"family": "马", "given": "某"}], "translator": _ZHANG, "title": "某书"},
        ),
        ("王某疏. 某经[M]. 北京: 某书局, 1980.", {"editor": [{"family": "王", "given": "某"}]}),
        (
            "Doe J. Things and more. Translated by Roe R. Berkeley: Some Press, 1978.",
            {"translator": [{"family": "Roe", "given": "R."}], "publisher-place": "Berkeley"},
        ),
        (
            "Doe J. A handbook of things[M]. Edited by R. Roe. London: Some Press, 2001.",
            {"editor": [{"family": "Roe", "given": "R."}], "publisher-place": "London"},
        ),
        # web notes without a type code
        (
            "城市治理．某某百科[引用日期2020-01-02]．https://baike.example.com/item/x",
            {"type": "webpage", "title": "城市治理", "container-title": "某某百科"},
        ),
        (
            "How to cite things - Example Site. https://example.com/cite [Accessed 3 May 2020].",
            {"type": "webpage", "title": "How to cite things", "container-title": "Example Site"},
        ),
        (
            "Doe J. A web page[Online]. Available: https://example.com/page (accessed 2020-05-03).",
            {
                "type": "webpage",
                "author": [{"family": "Doe", "given": "J."}],
                "title": "A web page",
            },
        ),
        (
            "某某协会. 城市治理的十个问题. 某某网. https://www.example.cn/a.html. 访问日期: 2021年3月4日.",
            {
                "author": [{"literal": "某某协会"}],
                "title": "城市治理的十个问题",
                "container-title": "某某网",
                "accessed": {"date-parts": [[2021, 3, 4]]},
            },
        ),
        # document numbers: standards, patents, report series
        (
            "Doe J, Roe R. HTTP things. RFC 9999, Some Task Force, 2022.",
            {"number": "RFC 9999", "title": "HTTP things"},
        ),
        (
            "张三. 一种装置: 中国, 201310041234.5[P]. 2014-05-07.",
            {"type": "patent", "number": "201310041234.5", "jurisdiction": "中国"},
        ),
        (
            "Doe J. Method for things. U.S. Patent 6,285,999, 2001.",
            {"type": "patent", "number": "6,285,999", "jurisdiction": "U.S."},
        ),
        (
            "Doe J, Roe R. Taxes and growth. NBER Working Paper No. 1234, 2010.",
            {"type": "report", "genre": "NBER Working Paper", "number": "1234"},
        ),
        (
            "某某委员会. 某某规范: DL/T 5155—2016[S]. 北京: 某出版社, 2016.",
            {"type": "standard", "number": "DL/T 5155-2016", "title": "某某规范"},
        ),
        # the older house style: a quoted title, then the book or journal in 《》, no 载
        (
            "王某，“某某问题”，李某，《某某论》，北京，某出版社，2000年，第3页。",
            {
                "type": "chapter",
                "author": [{"family": "王", "given": "某"}],
                "title": "某某问题",
                "container-author": [{"family": "李", "given": "某"}],
                "container-title": "某某论",
                "publisher": "某出版社",
                "page": "3",
            },
        ),
        (
            "张三，“某某研究”，《某学报》，2001年第2期，93～97页。",
            {"type": "article-journal", "title": "某某研究", "issue": "2", "page": "93-97"},
        ),
        (
            "张三：“某某研究”，载李四主编：《某书》，北京：某出版社2010年版，第3页。",
            {
                "type": "chapter",
                "editor": [{"family": "李", "given": "四"}],
                "container-title": "某书",
            },
        ),
        # OCR letters for digits in a year
        (
            "张三. 城市治理[J]. 某学报, 20l3(2): 1-10.",
            {"issued": {"date-parts": [[2013]]}, "issue": "2"},
        ),
        # a state's abbreviation after the place keeps its full stop
        (
            "DOE J. Things[M]. Littleton, Colo.: Some Books, 1982.",
            {"publisher-place": "Littleton, Colo."},
        ),
        # the month of a 《》 imprint glued to its publisher
        (
            "王某：《某某研究》某某大学出版社2010年4月",
            {"publisher": "某某大学出版社", "issued": {"date-parts": [[2010, 4]]}},
        ),
        # 译本: "X's translation" names the translator
        (
            "2）李某：《某书》，张某某译本，某某出版社，1959。",
            {"translator": [{"family": "张", "given": "某某"}], "publisher": "某某出版社"},
        ),
        # the author-year 《》 variant: the issue alone after the journal
        (
            "王某（2019）：《某某研究》，《某某学报》第3期。",
            {"issued": {"date-parts": [[2019]]}, "container-title": "某某学报", "issue": "3"},
        ),
        # a Chinese path in a link (Baidu Baike) belongs to the link; Chinese text after it does not
        (
            "某词条_百度百科[EB/OL]. [2020-05-06]. https://baike.baidu.com/item/城市治理.",
            {"URL": "https://baike.baidu.com/item/城市治理"},
        ),
        (
            "李某. 某文章[EB/OL]. http://www.gov.cn/zhengce/t1622886.shtml，访问时间：2020年5月6日。",
            {"URL": "http://www.gov.cn/zhengce/t1622886.shtml"},
        ),
        # type codes as PDF text prints them: 「J」, a closing bracket read as a letter
        (
            "[2] 王某, 李某. 某某研究「J」. 某某学报, 2019, 35(3): 12-25.",
            {"type": "article-journal", "title": "某某研究", "container-title": "某某学报"},
        ),
        ("[2] 王某. 某某[MJ. 北京: 某某出版社, 2019.", {"type": "book", "title": "某某"}),
        # a hand-typed list that closes every element with a full stop
        (
            "[17]王某.某某研究[J].某某学报.2019.35(3).12-25.",
            {"container-title": "某某学报", "volume": "35", "issue": "3", "page": "12-25"},
        ),
        # the unified book number of books printed before the ISBN
        (
            "[6] 王某. 某某[M]. 北京: 某某出版社, 1979. 统一书号: 3031·123.",
            {"number": "3031·123", "publisher": "某某出版社"},
        ),
        # a web note with the page's own date between the site and the access date
        (
            "某某战役 ．某某网．2010-10-10[引用日期2014-06-22]",
            {
                "type": "webpage",
                "title": "某某战役",
                "container-title": "某某网",
                "issued": {"date-parts": [[2010, 10, 10]]},
                "accessed": {"date-parts": [[2014, 6, 22]]},
            },
        ),
        (
            "某某逝世（图） ．某某网．2005-3-28[引用日期2013-10-16]",
            {"title": "某某逝世(图)", "container-title": "某某网"},
        ),
        # a Markdown link: the text is the title, the target the URL
        (
            "某某实验室 （2019） 《[某某资源系统](http://example.edu.cn/)》。访问日期：2019 年 8 月 4 日。",
            {"title": "某某资源系统", "URL": "http://example.edu.cn/"},
        ),
        (
            "Doe, A.-G. (1954). [Comment Reconstruire Le Chinois](https://doi.org/10.1000/xyz.1). "
            "*Word*, 10(2-3), 351-364.",
            {"title": "Comment Reconstruire Le Chinois", "DOI": "10.1000/xyz.1"},
        ),
        # a thesis: the degree after the university is the genre
        (
            "[3]姜某.某某研究[D].中国科学院博士学位论文，2004:1-18.",
            {"publisher": "中国科学院", "genre": "博士学位论文", "page": "1-18"},
        ),
        # given-name-first names with middle initials: the last family name before the title
        (
            "[2] Alfred V. Aho, Monica S. Lam, Jeffrey D. Ullman. 编译原理[M]. 北京: 某某出版社, 2009.",
            {
                "title": "编译原理",
                "author": [
                    {"family": "Aho", "given": "Alfred V."},
                    {"family": "Lam", "given": "Monica S."},
                    {"family": "Ullman", "given": "Jeffrey D."},
                ],
            },
        ),
        # an online-first article: pages and no year, volume or issue yet
        (
            "[7]王某,李某．某某研究[J].某某工作:1-10.",
            {"container-title": "某某工作", "page": "1-10"},
        ),
        # an OCR "o" for a zero in a year
        (
            "[9]Aiger D, Mitra N J. Congruent sets [J].ACM Trans on Graphics,20o8,27(3): 85.",
            {"issued": {"date-parts": [[2008]]}, "volume": "27"},
        ),
        # Taiwan: the imprint in brackets after the title; 〈篇名〉 marks an article
        (
            "1. 王某：《某某校證》（臺北：某某印書館，1976年12月）。",
            {
                "title": "某某校證",
                "publisher-place": "臺北",
                "publisher": "某某印書館",
                "issued": {"date-parts": [[1976, 12]]},
            },
        ),
        (
            "8. 丁某：〈國內某某研究的方向〉，《某某日報》第22版（1988年4月2日）。",
            {"title": "國內某某研究的方向"},
        ),
        # the host's editors after // end at an initial's full stop
        (
            "[4] MCDONALD A H, NICOL J M. Nematode parasites[M]//LUC M, BRIDGE J. Plant parasitic "
            "nematodes. Wallingford, UK: CABI Publishing, 2005: 131-191",
            {
                "container-author": [
                    {"family": "Luc", "given": "M."},
                    {"family": "Bridge", "given": "J."},
                ],
                "container-title": "Plant parasitic nematodes",
            },
        ),
        # PDF text that lost the commas of a journal's numbers
        (
            "［6］ 王某 ，蒋某．某某综述 ［J］．某某大学学报（自然科学版 ） 2004 32 （2 ） ： 246－252．",
            {"issued": {"date-parts": [[2004]]}, "volume": "32", "issue": "2", "page": "246-252"},
        ),
        # a letter after the year in a journal's numbers (two works of one year)
        (
            "Yan Z, Kim N. Effects of nitrogen[J]. Plant and Soil, 2015a, 388(1): 147-155.",
            {
                "container-title": "Plant and Soil",
                "issued": {"date-parts": [[2015]]},
                "volume": "388",
            },
        ),
        # a word broken across a PDF line keeps no hyphen; compounds keep theirs
        (
            "Doe, J. (1973). Speech Signals in the Pres-ence of Noise and Nap-of-the-Earth Flight. "
            "Journal of Sound 12(3), 45-67.",
            {"title": "Speech Signals in the Presence of Noise and Nap-of-the-Earth Flight"},
        ),
    ],
)
def test_reading_shapes(raw, expect):
    outcome = parse_reference(raw)
    for key, value in expect.items():
        assert outcome.item.get(key) == value, (key, outcome.item)
    check_evidence(raw, outcome)


@pytest.mark.parametrize(
    ("raw", "view"),
    [
        # Markdown emphasis with underscores; snake_case and links keep theirs
        ("_Journal of Cat Studies_, 12(3)", "Journal of Cat Studies, 12(3)"),
        (
            "see http://x.org/a_b_c_ and snake_case_name",
            "see http://x.org/a_b_c_ and snake_case_name",
        ),
        # PDF glue after "in"; "within", "in 2017" untouched
        (
            "Graphs. inProceedings of the X, in2017 IEEE",
            "Graphs. in Proceedings of the X, in 2017 IEEE",
        ),
        ("within the city, in 2017", "within the city, in 2017"),
        # a space between an initial and its stop
        ("Y . Chen, X . Wang", "Y. Chen, X. Wang"),
    ],
)
def test_pasted_text_repairs(raw: str, view: str) -> None:
    from citekit.normalise import normalise

    v = normalise(raw)
    assert v.text == view
    assert len(v.offsets) == len(v.text) + 1 and all(0 <= o <= len(raw) for o in v.offsets)


@pytest.mark.parametrize(
    "text",
    ["Müller, K., & Schmidt, P. (Hrsg.)", "Müller, K., Schmidt, P., Hrsg.", "Müller, K. (Hg.)"],
)
def test_german_editor_words(text: str) -> None:
    from citekit.parser.names import parse_names

    group = parse_names(text)
    assert group.role == "editor"
    assert group.names[0] == {"family": "Müller", "given": "K."}
    assert all("literal" not in n for n in group.names)
