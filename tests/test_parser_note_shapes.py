"""Note and list shapes the parser met only in unseen strings (issue 10, session 6), each read by a
general rule: quoted web notes (百度百科 entries, 《法学引注手册》-style web notes), laws and
regulations cited in notes, ACM-style article numbers, report series and genres.

Every string here was written for this test from the style rules it names (《法学引注手册》
(北京大学出版社, 2020) for Chinese notes; the ACM Reference Format as documented on acm.org's
"Reference Formatting" page; the USGS "Suggestions to Authors" reference examples; APA 7th edition
for reports); the names, titles and numbers are invented.  None is taken from a development or
evaluation set.
"""

from __future__ import annotations

import pytest

from citekit.parser import parse_reference


def _names(item: dict, role: str) -> list[str]:
    return [
        n.get("literal") or n.get("family", "") + n.get("given", "") for n in item.get(role, [])
    ]


def parse(raw: str) -> dict:
    return parse_reference(raw).item


# ---- quoted web notes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "“城市更新”，百度百科，https://baike.baidu.com/item/城市更新，最后访问日期：2021年3月5日。",
        "参见“城市更新”词条，载百度百科，https://baike.baidu.com/item/城市更新，2021年3月5日访问。",
    ],
)
def test_quoted_baike_entry(raw):
    item = parse(raw)
    assert item["type"] == "webpage"
    assert item["title"] == "城市更新"
    assert item["container-title"] == "百度百科"
    assert item["accessed"] == {"date-parts": [[2021, 3, 5]]}
    assert "author" not in item and "editor" not in item


def test_quoted_web_note_with_author_and_page_date():
    item = parse("周小明：“社区治理的新路径”，人民网，http://example.people.com.cn/n1/a.html，2020年1月8日。")
    assert item["type"] == "webpage"
    assert _names(item, "author") == ["周小明"]
    assert item["title"] == "社区治理的新路径"
    assert item["container-title"] == "人民网"
    assert item["issued"] == {"date-parts": [[2020, 1, 8]]}


def test_quoted_note_with_journal_numbers_is_not_a_web_page():
    item = parse("Smith, J., “Title of the article”, Journal of Things, 2010, 3(2): 1-10, https://example.org/a.")
    assert item["type"] == "article-journal"
    assert item["volume"] == "3"


@pytest.mark.parametrize(
    "raw",
    [
        "城市更新_百度百科. https://baike.baidu.com/item/城市更新/123",
        "百度百科：城市更新，https://baike.baidu.com/item/城市更新，2021年3月5日访问。",
        "参见百度百科“城市更新”词条，https://baike.baidu.com/item/城市更新，2021年3月5日访问。",
    ],
)
def test_baike_site_named_with_the_title(raw):
    item = parse(raw)
    assert item["type"] == "webpage"
    assert item["title"] == "城市更新"
    assert item["container-title"] == "百度百科"
    assert "author" not in item


# ---- laws and regulations in notes --------------------------------------------------------------


def test_law_with_dated_acts_and_issuing_body():
    item = parse(
        "《中华人民共和国某某保护法》，全国人民代表大会常务委员会，2019年8月20日发布，"
        "2020年1月1日施行。"
    )
    assert item["type"] == "legislation"
    assert item["title"] == "中华人民共和国某某保护法"
    assert _names(item, "author") == ["全国人民代表大会常务委员会"]
    assert item["issued"] == {"date-parts": [[2019, 8, 20]]}  # the act that made it, not 施行


@pytest.mark.parametrize(
    "raw",
    [
        "《中华人民共和国某某法》，2018年5月28日第十三届全国人民代表大会第三次会议通过。",
        "《中华人民共和国某某法》（2018年5月28日修订），第6条。",
        "《中华人民共和国某某法》（2018年5月28日第十三届全国人民代表大会常务委员会第五次会议通过，"
        "自2019年1月1日起施行）。",
        "中华人民共和国某某法. 2018年5月28日第十三届全国人民代表大会第三次会议通过.",
    ],
)
def test_law_dated_by_its_act(raw):
    item = parse(raw)
    assert item["type"] == "legislation"
    assert item["title"] == "中华人民共和国某某法"
    assert item["issued"] == {"date-parts": [[2018, 5, 28]]}
    assert "author" not in item


@pytest.mark.parametrize(
    ("raw", "title", "number"),
    [
        ("财政部：《某某会计准则》（财政部令第99号），2016年10月23日。", "某某会计准则", "财政部令第99号"),
        ("《某某管理条例》（国务院令第379号），2003年6月8日公布。", "某某管理条例", "国务院令第379号"),
        (
            "国务院办公厅关于印发某某应急预案的通知（国办函〔2014〕119号）",
            "国务院办公厅关于印发某某应急预案的通知",
            "国办函〔2014〕119号",
        ),
    ],
)
def test_regulation_numbers(raw, title, number):
    item = parse(raw)
    assert item["type"] == "legislation"
    assert item["title"] == title
    assert item["number"] == number


def test_a_book_about_a_law_stays_a_book():
    item = parse("《中华人民共和国某某法释义》，法律出版社2019年版。")
    assert item["type"] == "book"
    item = parse("王某主编：《某某法》，中国人民大学出版社2010年版，第35页。")
    assert item["type"] == "book"
