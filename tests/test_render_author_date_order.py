"""The order and the year suffixes of an author-date (著者-出版年制) list: what the renderer prints
is what ``check`` reads (L008, L009, L010), one key for both (citekit.text.author_order).

Expected strings are GB/T 7714-2015's 10.2.3 example as ``tests/fixtures/gbt7714/gold.jsonl``
gives it (``gbt7714.10.2.3:1a`` and ``:1b``: '王临惠, 支建刚, 王忠一, 2010a' and '王临惠, 2010b',
a suffix by first author and year although the co-authors differ; rules.md GBT-ORD-04), and
the standard's grouping and ordering rules (9.2; rules.md GBT-ORD-02, GBT-ORD-03).
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import FIXTURES

import citekit
from citekit.renderer import Renderer
from citekit.text.author_order import first_author, names_key, order_key

AUTHOR_DATE = ["gbt7714-2015-author-date", "gbt7714-2025-author-date"]


def _gold() -> dict[str, dict]:
    lines = (FIXTURES / "gbt7714" / "gold.jsonl").read_text("utf-8").splitlines()
    return {d["id"]: d for d in map(json.loads, lines)}


def _list_codes(texts: list[str], standard: str) -> list[tuple[int, str]]:
    refs = citekit.check("\n".join(texts), standard=standard, lines=True)
    return [(i, d.code) for i, r in enumerate(refs) for d in r.diagnostics if d.code[0] == "L"]


# --- year suffixes by first author and year (L010) ---------------------------------------------


def test_suffix_by_first_author_as_the_standard_prints_it():
    gold = _gold()
    pair = [gold["gbt7714.10.2.3:1a"], gold["gbt7714.10.2.3:1b"]]
    r = Renderer("gbt7714-2015-author-date")
    texts = [e.text for e in r.bibliography([g["csl"] for g in pair])]
    # the standard's strings, up to which of the two takes 'a': its example gives 'a' to the
    # paper it cites first; citekit gives the letters in list order (the single author first)
    masked = [re.sub(r"2010[ab]", "2010?", g["expected_authordate"]) for g in (pair[1], pair[0])]
    assert [re.sub(r"2010[ab]", "2010?", t) for t in texts] == masked
    assert texts[0].startswith("王临惠, 2010a. 从几组声母的演变")
    assert texts[1].startswith("王临惠, 支建刚, 王忠一, 2010b. 天津方言的源流关系刍议")


@pytest.mark.parametrize("style", AUTHOR_DATE)
def test_suffix_in_the_citations_too(style):
    gold = _gold()
    items = [gold["gbt7714.10.2.3:1a"]["csl"], gold["gbt7714.10.2.3:1b"]["csl"]]
    r = Renderer(style)
    cites = [c.text for c in r.citations([[items[0]["id"]], [items[1]["id"]]], items)]
    assert cites == ["(王临惠 等, 2010b)", "(王临惠, 2010a)"]
    texts = [e.text for e in r.bibliography(items)]
    assert _list_codes(texts, style[: len("gbt7714-2015")]) == []


def test_no_suffix_for_another_first_author_or_year():
    gold = _gold()
    one = gold["gbt7714.10.2.3:1b"]["csl"]
    other_year = dict(gold["gbt7714.10.2.3:1a"]["csl"], issued={"date-parts": [[2011]]})
    other_first = dict(
        gold["gbt7714.10.2.3:1a"]["csl"],
        author=[{"literal": "支建刚"}, {"literal": "王临惠"}],
    )
    texts = [e.text for e in Renderer("gbt7714-2015-author-date").bibliography([one, other_year])]
    assert [re.search(r"\d{4}[a-z]?(?=\.)", t).group() for t in texts] == ["2010", "2011"]
    texts = [e.text for e in Renderer("gbt7714-2015-author-date").bibliography([one, other_first])]
    assert [re.search(r"\d{4}[a-z]?(?=\.)", t).group() for t in texts] == ["2010", "2010"]


def test_check_accepts_the_standards_own_order():
    """The standard lists '王临惠, 支建刚, 王忠一, 2010a' before '王临惠, 2010b' (10.2.3)."""
    gold = _gold()
    texts = [gold[f"gbt7714.10.2.3:1{x}"]["expected_authordate"] for x in "ab"]
    assert [c for c in _list_codes(texts, "gbt7714-2015") if c[1] != "L011"] == []
    # without the letters the pair is a fault
    bare = [re.sub(r"2010[ab]", "2010", t) for t in texts]
    assert "L010" in {c for _, c in _list_codes(bare, "gbt7714-2015")}


# --- order within a language group (L009) and the groups (L008) --------------------------------


def _person(family: str, given: str) -> dict:
    return {"family": family, "given": given}


def _book(id: str, authors: list, year: int, title: str, language: str = "en") -> dict:
    return {
        "id": id,
        "type": "book",
        "language": language,
        "author": authors,
        "title": title,
        "publisher-place": "London",
        "publisher": "Routledge",
        "issued": {"date-parts": [[year]]},
    }


@pytest.mark.parametrize("style", AUTHOR_DATE)
def test_order_is_the_checks_order(style):
    items = [
        _book("myers", [_person("Myers", "Anne")], 1990, "Myers book"),
        _book("muller", [_person("Müller", "Rolf")], 1995, "Müller book"),
        _book(
            "adams4",
            [
                _person("Adams", "B"),
                _person("Cole", "D"),
                _person("Dunn", "E"),
                _person("Eve", "F"),
            ],
            2001,
            "Four authors",
        ),
        _book("adams", [_person("Adams", "B")], 2005, "One author"),
        _book("adamsjr", [{"family": "Adams", "given": "B", "suffix": "Jr"}], 1970, "Junior"),
        _book("zeng", [{"literal": "曾国藩"}], 1995, "曾国藩全集", "zh-CN"),
        _book("cao", [{"literal": "曹凌"}], 2011, "中国佛教疑伪经综录", "zh-CN"),
    ]
    got = [e.id for e in Renderer(style).bibliography(items)]
    # Chinese first, by pinyin with 曾 read zeng (GBT-ORD-02/03); then Western, name by name
    # (one name before more; a truncated list by the names it prints; 'Jr' with its name;
    # Müller as Muller, before Myers), then year
    assert got == ["cao", "zeng", "adams", "adams4", "adamsjr", "muller", "myers"]
    texts = [e.text for e in Renderer(style).bibliography(items)]
    assert _list_codes(texts, style[: len("gbt7714-2015")]) == []


def test_the_shared_key():
    assert names_key("MÜLLER R, FITZGERALD P, et al.") == ("muller r", "fitzgerald p")
    assert names_key("杨月，曾强英，邹洋，等") == ("yang2 yue4", "zeng1 qiang2 ying1", "zou1 yang2")
    assert names_key("NORD G L, Jr, VEBLEN D R") == ("nord g l jr", "veblen d r")
    assert names_key("TAYLOR Y") < names_key("TAYLOR Y R")
    assert names_key("张三, 李四") < names_key("张三丰")
    assert first_author("王临惠，支建刚，王忠一") == "王临惠"
    assert order_key("SMITH J", 2005) < order_key("SMITH J, ADAMS B", 2001)
    assert order_key("王学军, 韦林", 2018) < order_key("王学军, 张弘", 2013)
    # lettered works of one first author and year: by their letters (10.2.3's example)
    assert order_key("王临惠, 支建刚, 王忠一", 2010, "a") < order_key("王临惠", 2010, "b")
    assert order_key("王临惠", 2010, "b") < order_key("王临惠", 2012)


def test_lettered_works_stand_together():
    gold = _gold()
    single = gold["gbt7714.10.2.3:1b"]["csl"]
    later = dict(single, id="later", title="另一篇", issued={"date-parts": [[2012]]})
    three = gold["gbt7714.10.2.3:1a"]["csl"]
    # name by name the 2012 work would come between the two 2010 works
    texts = [
        e.text for e in Renderer("gbt7714-2015-author-date").bibliography([three, later, single])
    ]
    heads = [t.split(".")[0] for t in texts]
    assert heads == ["王临惠, 2010a", "王临惠, 支建刚, 王忠一, 2010b", "王临惠, 2012"]
    assert _list_codes(texts, "gbt7714-2015") == []
