"""Chinese readings found by the Chinese round trip (tools/roundtrip_zh.py: Chinese and mixed
items printed in citekit's GB/T 7714 and 《》 styles and read back).  The strings are written for
these tests in the shapes of GB/T 7714's author-date and numeric forms; the names and works are
made up."""

from __future__ import annotations

from citekit.parser import parse_reference


def _item(text: str) -> dict:
    return parse_reference(text).item


def test_unknown_place_is_no_place_author_date() -> None:
    # GB/T 7714 author-date: the year up front, "[出版地不详]: 出版者" without a year
    item = _item("林晓东, 1998. 江南茶事考[M]. [出版地不详]: 东海书社.")
    assert "publisher-place" not in item
    assert item["publisher"] == "东海书社"
    item = _item("Moravec K, 2004. Small rivers and their mills[M]. [S.l.]: Harbor Press.")
    assert "publisher-place" not in item
    assert item["publisher"] == "Harbor Press"


def test_unknown_publisher_is_no_publisher_author_date() -> None:
    item = _item("林晓东, 1998. 江南茶事考[M]. 杭州: [出版者不详].")
    assert item["publisher-place"] == "杭州"
    assert "publisher" not in item


def test_known_place_still_read_author_date() -> None:
    item = _item("林晓东, 1998. 江南茶事考[M]. 杭州: 东海书社.")
    assert item["publisher-place"] == "杭州"
    assert item["publisher"] == "东海书社"


def test_anonymous_is_no_author_numeric() -> None:
    # "佚名" (author unknown) before the title in the numeric form, as the author-date form reads it
    item = _item("佚名. 江南茶事考[M]. 杭州: 东海书社, 1998.")
    assert "author" not in item
    assert item["title"] == "江南茶事考"
    item = _item("Anon. Small rivers and their mills[M]. London: Harbor Press, 2004.")
    assert "author" not in item


def test_document_number_after_title_z_and_eb() -> None:
    # a 文号 after the title's colon is the number, for [Z] and [EB/OL] as for [A]
    item = _item("某市人民政府. 关于整顿城乡集市的若干意见: 某发〔1988〕3 号[Z]. 1988.")
    assert item["number"] == "某发〔1988〕3 号"
    assert item["title"] == "关于整顿城乡集市的若干意见"
    item = _item(
        "某市人民政府. 关于整顿城乡集市的通知：某发〔1988〕3号[EB/OL]. (1988-03-02)"
        "[2020-01-01]. http://www.example.cn/a.html."
    )
    assert item["number"] == "某发〔1988〕3号"
    assert item["title"] == "关于整顿城乡集市的通知"


def test_title_with_a_colon_and_no_number_kept() -> None:
    item = _item("张三. 论三号文件: 一个案例[Z]. 1990.")
    assert item["title"] == "论三号文件: 一个案例"
    assert "number" not in item


def test_publisher_then_pages_without_place_author_date() -> None:
    # author-date thesis without a place: "授予单位: 页码" (a place is never followed by pages)
    item = _item("林晓东，2013. 江南茶事考[D]. 东海大学：30.")
    assert item["publisher"] == "东海大学"
    assert item["page"] == "30"
    assert "publisher-place" not in item


def test_repository_before_citation_date_author_date() -> None:
    # GB/T 7714-2015 author-date dataset: the year up front, the repository alone before [引用日期]
    item = _item(
        "林晓东, 2024. 江南茶园土壤数据集[DS/OL]. 东海大学茶学研究所[2024-11-25]. "
        "https://data.example.cn/a.html."
    )
    assert item["publisher"] == "东海大学茶学研究所"
    assert item["issued"] == {"date-parts": [[2024]]}
    assert item["accessed"] == {"date-parts": [[2024, 11, 25]]}
    item = _item(
        "林晓东, 2024. 江南茶园土壤数据集[DS/OL]. [2024-11-25]. https://data.example.cn/a.html."
    )
    assert "publisher" not in item


def test_document_number_after_title_other_codes() -> None:
    # GB/T 7714-2005 styles print a government document as [M]: the 文号 is still the number
    item = _item("某市人民政府. 关于整顿城乡集市的通知: 某发〔1988〕3号[M]. 1988.")
    assert item["number"] == "某发〔1988〕3号"
    assert item["title"] == "关于整顿城乡集市的通知"


def test_meeting_host_is_the_event() -> None:
    # "[C]//meeting name": the paper was given at a meeting, no proceedings is named
    item = _item("林晓东. 江南茶事考[C]//第三届中国茶文化学术研讨会, 2007: 12-19.")
    assert item["event-title"] == "第三届中国茶文化学术研讨会"
    assert "container-title" not in item
    assert item["page"] == "12-19"
    # a proceedings volume (论文集) or a published host stays the container
    item = _item(
        "林晓东. 江南茶事考[C]//第三届中国茶文化学术研讨会论文集. 杭州: 东海书社, 2007: 12-19."
    )
    assert item["container-title"] == "第三届中国茶文化学术研讨会论文集"
    assert "event-title" not in item
    item = _item(
        "林晓东. 江南茶事考[C]//中国茶叶学会. 第三届中国茶文化学术研讨会. 杭州: 东海书社, 2007."
    )
    assert item["container-title"] == "第三届中国茶文化学术研讨会"


def test_undated_imprint_numeric() -> None:
    # a book printed with no year at all: "[出版地不详]: 出版者." / "地: 出版者." is still the imprint
    item = _item("林晓东. 江南茶事考[M]. [出版地不详]: 东海出版社.")
    assert item["publisher"] == "东海出版社"
    assert "publisher-place" not in item
    item = _item("林晓东. 江南茶事考: 上[M]. 杭州: 东海书局.")
    assert item["publisher"] == "东海书局"
    assert item["publisher-place"] == "杭州"
    # a colon before a part that is no publisher's name is not read as an imprint
    item = _item("林晓东. 江南茶事考[J]. 茶叶通讯: 增刊.")
    assert "publisher" not in item
