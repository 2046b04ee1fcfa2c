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
