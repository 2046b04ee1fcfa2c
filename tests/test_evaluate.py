"""The scoring rules of ``citekit eval`` (citekit.parser.score and citekit.parser.evaluate)."""

from __future__ import annotations

import io
import json

import pytest

from citekit.parser.evaluate import Case, as_printed, evaluate, format_report
from citekit.parser.evaluate import main as eval_main
from citekit.parser.score import FIELDS, Score, compare


def ok(field, got, exp):
    return compare({field: got}, {field: exp}, field) == (1, 0, 0)


def date(*parts):
    return {"date-parts": [list(parts)]}


# -- fields ------------------------------------------------------------------------------------


def test_every_field_a_user_relies_on_is_scored_and_language_is_not():
    for f in ("type", "author", "editor", "translator", "title", "container-title",
              "collection-title", "issued", "accessed", "volume", "issue", "page", "publisher",
              "publisher-place", "edition", "genre", "number", "DOI", "URL", "ISBN", "ISSN",
              "event-title"):  # fmt: skip
        assert f in FIELDS
    assert "language" not in FIELDS and "custom" not in FIELDS
    assert Score().add({"language": "en", "custom": {"a": 1}}, {"language": "zh-CN"}) == []


def test_missing_extra_and_wrong_fields():
    assert compare({}, {"volume": "3"}, "volume") == (0, 0, 1)  # missing: a false negative
    assert compare({"volume": "3"}, {}, "volume") == (0, 1, 0)  # extra: a false positive
    assert compare({"volume": "4"}, {"volume": "3"}, "volume") == (0, 1, 1)  # wrong: both
    assert compare({}, {}, "volume") == (0, 0, 0)
    assert compare({"volume": ""}, {}, "volume") == (0, 0, 0)  # an empty value is absent


def test_score_counts_exact_items_and_micro_f1():
    s = Score()
    exp = {"type": "book", "title": "T", "publisher": "P"}
    assert s.add(dict(exp), exp) == []
    assert s.add({"type": "book", "title": "T", "volume": "2"}, exp) == ["volume", "publisher"]
    assert (s.items, s.exact) == (2, 1)
    assert (s.tp["title"], s.fn["publisher"], s.fp["volume"]) == (2, 1, 1)
    p, r, f = s.micro  # tp 5, fp 1, fn 1
    assert p == pytest.approx(5 / 6) and r == pytest.approx(5 / 6) and f == pytest.approx(5 / 6)
    assert s.support("publisher") == 2 and s.support("volume") == 0


# -- dates at the precision printed ------------------------------------------------------------


def test_dates_compare_at_the_precision_the_string_gives():
    assert ok("issued", date(2011, 6), date(2011, 6))
    assert not ok("issued", date(2011), date(2011, 6))  # 2011年6月 read as a year only
    assert not ok("issued", date(2011, 6, 1), date(2011, 6))  # a day more than printed
    assert not ok("issued", date(2011, 6), date(2011))  # a month more than printed
    assert ok("issued", {"date-parts": [["2011", "6"]]}, date(2011, 6))  # strings as numbers
    assert ok("accessed", date(2016, 2, 5), date(2016, 2, 5))
    assert not ok("accessed", date(2016, 2), date(2016, 2, 5))


def test_date_ranges_literals_and_seasons():
    rng = {"date-parts": [[1980], [1981]]}
    assert ok("issued", rng, {"literal": "1980-1981"})
    assert ok("issued", {"literal": "1980–1981"}, rng)
    assert not ok("issued", date(1980), {"literal": "1980-1981"})
    # an open range (a serial still published): CSL's [[1984], [0]] is the literal "1984-"
    assert ok("issued", {"date-parts": [[1984], [0]]}, {"literal": "1984-"})
    assert ok("issued", {"literal": "1984—"}, {"date-parts": [[1984], [0]]})
    assert not ok("issued", date(1984), {"date-parts": [[1984], [0]]})
    assert ok("issued", {"literal": "1974/1993"}, {"literal": "1974/1993"})
    assert not ok("issued", date(1974), {"literal": "1974/1993"})
    fall = {"date-parts": [[2011]], "season": 3}
    assert ok("issued", fall, fall)
    assert not ok("issued", date(2011), fall)
    assert ok("issued", {"literal": "2011"}, date(2011))


# -- names -------------------------------------------------------------------------------------


def test_names_compare_by_family_name_and_initials():
    assert ok(
        "author",
        [{"family": "Keohane", "given": "R. O."}],
        [{"family": "Keohane", "given": "Robert O."}],
    )
    assert ok(
        "author", [{"family": "KEOHANE", "given": "RO"}], [{"family": "Keohane", "given": "R. O."}]
    )
    assert not ok(
        "author", [{"family": "Keohane", "given": "R."}], [{"family": "Keohane", "given": "R. O."}]
    )
    assert not ok("author", [{"family": "Keohane"}], [{"family": "Keohane", "given": "R. O."}])
    assert not ok(
        "author", [{"family": "Nye", "given": "R. O."}], [{"family": "Keohane", "given": "R. O."}]
    )
    # a swapped name is wrong: family and given are what a style renders
    assert not ok(
        "author",
        [{"family": "Robert", "given": "Keohane"}],
        [{"family": "Keohane", "given": "Robert"}],
    )
    assert ok(
        "author",
        [{"family": "Martin", "given": "J.-P."}],
        [{"family": "Martin", "given": "Jean-Pierre"}],
    )


def test_written_out_given_names_must_agree():
    # pinyin given names share their initial but are different people
    assert not ok(
        "author",
        [{"family": "Wang", "given": "Xiaohua"}],
        [{"family": "Wang", "given": "Xiaoming"}],
    )
    assert not ok(
        "author",
        [{"family": "Smith", "given": "Richard O."}],
        [{"family": "Smith", "given": "Robert O."}],
    )
    # an initial on either side still agrees with the written-out name
    assert ok(
        "author", [{"family": "WANG", "given": "X"}], [{"family": "Wang", "given": "Xiaoming"}]
    )
    assert ok(
        "author",
        [{"family": "Smith", "given": "Robert Owen"}],
        [{"family": "Smith", "given": "Robert O."}],
    )
    assert ok(
        "author", [{"family": "Li", "given": "jianguo"}], [{"family": "LI", "given": "Jianguo"}]
    )
    # Chinese characters: the whole given name, not its first character
    assert not ok(
        "author", [{"family": "王", "given": "小华"}], [{"family": "王", "given": "小明"}]
    )


def test_name_suffixes_and_particles():
    assert ok("author", [{"family": "King", "given": "M. L.", "suffix": "Jr."}],
              [{"family": "King", "given": "Martin Luther", "suffix": "Jr"}])  # fmt: skip
    assert not ok("author", [{"family": "King", "given": "M. L."}],
                  [{"family": "King", "given": "M. L.", "suffix": "Jr."}])  # fmt: skip
    exp = [{"family": "van der Ploeg", "given": "J. D."}]
    assert ok("author", [{"family": "Ploeg", "given": "J. D. van der"}], exp)
    assert ok(
        "author", [{"family": "Ploeg", "non-dropping-particle": "van der", "given": "J. D."}], exp
    )


def test_literal_names():
    assert ok(
        "author",
        [{"literal": "World Health Organization"}],
        [{"literal": "World Health Organization"}],
    )
    assert ok(
        "author",
        [{"family": "World Health Organization"}],
        [{"literal": "World Health Organization"}],
    )
    assert not ok("author", [{"family": "Organization", "given": "World Health"}],
                  [{"literal": "World Health Organization"}])  # fmt: skip
    assert not ok("author", [{"literal": "John Smith"}], [{"family": "Smith", "given": "John"}])


def test_cjk_names_compare_as_one_string():
    assert ok("author", [{"family": "胡", "given": "重明"}], [{"literal": "胡重明"}])
    assert ok("author", [{"literal": "胡重明"}], [{"family": "胡", "given": "重明"}])
    assert ok("author", [{"family": "欧阳", "given": "修"}], [{"literal": "欧阳修"}])
    assert not ok("author", [{"family": "胡", "given": "明"}], [{"literal": "胡重明"}])
    # a transliterated name is given·family: 马克·H.穆尔
    assert ok("author", [{"family": "穆尔", "given": "马克·H."}], [{"literal": "马克·H.穆尔"}])
    assert ok("author", [{"literal": "马克·H. 穆尔"}], [{"literal": "马克·H.穆尔"}])
    assert ok("author", [{"literal": "格尔哈斯•伦斯基"}], [{"literal": "格尔哈斯·伦斯基"}])
    assert not ok("author", [{"literal": "胡重明"}], [{"family": "Hu", "given": "Chongming"}])


def test_name_lists_as_printed():
    a, b, c = ({"literal": n} for n in ("陈晋镳", "张惠民", "朱士兴"))
    assert ok("author", [a, b, c], [a, b, c])
    assert not ok("author", [a, b], [a, b, c])  # a name dropped
    assert not ok("author", [a, b, c, {"literal": "等"}], [a, b, c])  # a flag is not a name
    assert not ok("author", [b, a, c], [a, b, c])  # order matters
    # a truncation flag does not excuse a missing name
    assert compare(
        {"author": [a], "custom": {"names_truncated": True}}, {"author": [a, b]}, "author"
    ) == (0, 1, 1)


def test_roles_are_scored_separately():
    smith = [{"family": "Smith", "given": "J."}]
    assert compare({"author": smith}, {"editor": smith}, "author") == (0, 1, 0)
    assert compare({"author": smith}, {"editor": smith}, "editor") == (0, 0, 1)
    assert ok("translator", [{"literal": "张成福"}], [{"literal": "张成福"}])


def test_gold_items_are_cut_to_what_the_string_prints():
    item = {
        "author": [{"family": n} for n in ("Li", "Lin", "Tang", "Wu", "Zhao")],
        "issued": date(2012, 6),
        "accessed": date(2014, 6, 26),
        "edition": "1",
    }
    raw = "LI Y, LIN T, TANG H, et al. A scheme[C]//ICC. 2012: 2655-2659[2014-06-26]."
    cut = as_printed(item, raw)
    assert [n["family"] for n in cut["author"]] == ["Li", "Lin", "Tang"]
    assert cut["issued"] == date(2012) and cut["accessed"] == date(2014, 6, 26)
    assert "edition" not in cut
    assert as_printed({"issued": date(2013, 3, 1)}, "Biology, 2013, 2(1)[2013-03-19].")[
        "issued"
    ] == date(2013)
    assert as_printed({"issued": date(2011, 6)}, "北京, 2011年6月.")["issued"] == date(2011, 6)
    # GB/T prints the main responsible persons without their role
    eds = {"editor": [{"family": "Babu", "given": "B. V."}]}
    assert as_printed(eds, "BABU B V. Proceedings[C]. New Delhi: Springer, 2014.") == {
        "author": eds["editor"]
    }
    assert as_printed(eds, "BABU B V, ed. Proceedings. Springer, 2014.") == eds
    assert as_printed({"editor": eds["editor"]}, "BABU B V. Food[M]. 2nd ed. Ames, 2013.") == {
        "author": eds["editor"]
    }


# -- text, numbers and identifiers -------------------------------------------------------------


def test_text_normalisations():
    assert ok(
        "title", "公共行政学: 管理、政治和法律的途径", "公共行政学：管理、政治和法律的途径"
    )  # full/half width
    assert ok("title", "Power  and\nInterdependence", "Power and Interdependence")  # whitespace
    assert ok(
        "title", "Power and Interdependence.", "Power and Interdependence"
    )  # trailing punctuation
    assert ok("title", "“Nixon’s Key Adviser”", '"Nixon\'s Key Adviser"')  # quote kinds
    assert ok("container-title", "《中国行政管理》", "中国行政管理")  # enclosing marks
    assert ok("title", "基于 BERT 的模型", "基于BERT的模型")  # mixed-script spacing
    assert not ok("title", "科 学学研究", "科学学研究")  # a PDF space inside a Chinese word
    assert ok("title", "Deep learning", "Deep Learning")  # case
    assert not ok("title", "Deep learning for", "Deep learning")
    assert ok("title", "Why? A Study", "Why? A Study") and not ok("title", "Why", "Why?")
    assert ok("publisher", "Little, Brown", "Little , Brown")


def test_page_dash_kinds():
    for dash in ("–", "—", "‒", "−", "~", "～", " - ", "--"):
        assert ok("page", f"223{dash}244", "223-244"), dash
    assert not ok("page", "223", "223-244")
    assert not ok("page", "pp. 223-244", "223-244")


def test_numbers_and_editions():
    assert ok("issue", "01", "1") and ok("volume", "０３", "3")
    assert not ok("volume", "3", "33")
    for printed in (
        "2nd ed.",
        "2nd",
        "second",
        "Second edition",
        "第二版",
        "2",
        "2版",
        "2nd edn",
        "2. Aufl.",
        "2e éd.",
    ):
        assert ok("edition", printed, "2"), printed
    assert ok("edition", "第十六版", "16")
    assert not ok("edition", "3rd ed.", "2")
    assert ok("edition", "Rev. ed.", "rev. ed.")
    assert ok("number", "No. 1234", "no. 1234") and not ok("number", "1234", "No. 1234")


def test_identifiers():
    assert ok("DOI", "10.1103/RevModPhys.75.715", "10.1103/revmodphys.75.715")  # DOI case
    assert ok("DOI", "10.1103/RevModPhys.75.715.", "10.1103/RevModPhys.75.715")
    assert ok("DOI", "10.1103/ RevModPhys.75.715", "10.1103/RevModPhys.75.715")
    assert not ok("DOI", "https://doi.org/10.1103/x", "10.1103/x")  # the field is the bare DOI
    assert ok("URL", "http:// esss.se/docs", "http://esss.se/docs")  # broken by a PDF line end
    assert ok("URL", "HTTP://Esss.SE/docs.", "http://esss.se/docs")
    assert not ok("URL", "http://esss.se/Docs", "http://esss.se/docs")  # paths keep their case
    assert ok("ISBN", "978-7-300-03868-9", "9787300038689")
    assert ok("ISSN", "1234-567x", "1234-567X")


def test_type_is_exact():
    assert ok("type", "book", "book")
    assert not ok("type", "article", "article-journal")


# -- the report --------------------------------------------------------------------------------


def _case(raw, item, style="apa7", file="en.jsonl", line=1):
    return Case(raw, item, style, item.get("language"), file, line)


def test_report_groups_and_lists_every_wrong_field():
    cases = [
        _case(
            "A. 2011. T.", {"type": "book", "title": "T", "issued": date(2011, 6), "language": "en"}
        ),
        _case(
            "张三. 书名[M]. 2000.",
            {"type": "book", "title": "书名", "language": "zh-CN"},
            "gbt",
            "zh.jsonl",
            4,
        ),
    ]
    parsed = {
        "A. 2011. T.": {"type": "book", "title": "T", "issued": date(2011)},
        "张三. 书名[M]. 2000.": {"type": "book", "title": "书名", "volume": "9"},
    }

    class Outcome:
        def __init__(self, item):
            self.item = item

    result = evaluate(
        cases,
        by=["language", "style", "file", "type"],
        parse=lambda r: Outcome(parsed[r]),
        keep_errors=True,
    )
    assert (result.overall.items, result.overall.exact) == (2, 0)
    assert set(result.groups["language"]) == {"en", "zh"}
    assert set(result.groups["file"]) == {"en.jsonl", "zh.jsonl"}
    assert result.groups["type"]["book"].items == 2
    assert [w for _, _, w in result.errors] == [["issued"], ["volume"]]
    text = format_report(result, errors=True)
    assert "by language" in text and "by style" in text and "by file" in text
    assert "zh.jsonl:4:" in text
    assert 'expected {"date-parts": [[2011, 6]]}' in text and 'got {"date-parts": [[2011]]}' in text
    assert "volume: expected —" in text and 'got "9"' in text


def test_json_report_has_per_field_counts_and_errors(tmp_path):
    f = tmp_path / "x.jsonl"
    item = {"type": "book", "title": "书名", "author": [{"literal": "张三"}],
            "publisher": "中华书局", "publisher-place": "北京", "issued": date(2000, 5),
            "language": "zh-CN"}  # fmt: skip
    line = {"raw": "张三. 书名[M]. 北京: 中华书局, 2000.", "style": "gbt", "item": item}
    f.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    out = io.StringIO()
    assert eval_main([str(f), "--json", "--errors", "--by", "language"], out) == 0
    doc = json.loads(out.getvalue())
    assert doc["overall"]["fields"]["issued"]["fn"] == 1  # the string prints no month
    assert doc["overall"]["fields"]["title"]["tp"] == 1
    assert "zh" in doc["groups"]["language"]
    assert list(doc["errors"][0]["fields"]) == ["issued"]
