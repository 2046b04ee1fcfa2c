"""Chinese reference shapes real lists use (issue 10, item 4), each read by a general rule.

Every string here was written for this test from the house rules it names (the 《》 notes of
Chinese social-science journals and 《法学引注手册》, GB/T 7714 lists, web notes); none is taken
from a development or evaluation set.
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


# ---- role words of old texts' modern editions ------------------------------------------------


@pytest.mark.parametrize("role", ["点校", "校点", "校释", "校订", "辑校", "编注", "选注", "集解"])
def test_editor_role_words_of_classics(role):
    item = parse(f"黄宗羲著，沈芝盈{role}：《明儒学案》，北京：中华书局，2008年，第10页。")
    assert _names(item, "author") == ["黄宗羲"]
    assert _names(item, "editor") == ["沈芝盈"]
    assert item["title"] == "明儒学案"


# ---- a note's lead-in word is not part of the name ---------------------------------------------


@pytest.mark.parametrize("lead", ["参见", "参看", "详见", "转引自", "引自", "见"])
def test_note_lead_in_is_not_the_author(lead):
    item = parse(f"{lead}王泽鉴：《民法总则》，北京：北京大学出版社，2009年版，第100页。")
    assert _names(item, "author") == ["王泽鉴"]
    assert item["page"] == "100"


def test_lead_in_before_a_nationality():
    item = parse("见〔德〕拉伦茨：《法学方法论》，陈爱娥译，北京：商务印书馆，2003年，第20页。")
    assert _names(item, "author") == ["拉伦茨"]
    assert _names(item, "translator") == ["陈爱娥"]


def test_a_name_that_starts_with_the_lead_in_character_is_kept():
    # 见 alone before one character is no lead-in: the name stays whole
    item = parse("见解：《论法治》，《法学研究》2010年第3期。")
    assert _names(item, "author") == ["见解"]


# ---- volumes and editions around 《》 titles ----------------------------------------------------


def test_volume_after_the_closing_mark():
    item = parse("张三主编：《中国经济史》第2卷，北京：人民出版社，2010年版，第33页。")
    assert item["title"] == "中国经济史"
    assert item["volume"] == "2"
    assert _names(item, "editor") == ["张三"]


def test_volume_after_the_closing_mark_without_names():
    item = parse("《马克思恩格斯选集》第1卷，北京：人民出版社，1995年，第56页。")
    assert (item["title"], item["volume"], item["page"]) == ("马克思恩格斯选集", "1", "56")


@pytest.mark.parametrize(("tail", "volume"), [("上册", "上册"), ("第3册", "第3册")])
def test_part_after_the_closing_mark(tail, volume):
    item = parse(f"钱穆：《国史大纲》{tail}，北京：商务印书馆，1996年，第15页。")
    assert item["volume"] == volume
    assert item["title"] == "国史大纲"


def test_edition_inside_the_title_marks():
    item = parse("王力主编：《古代汉语（第三版）》，北京：中华书局，2018年。")
    assert item["title"] == "古代汉语"
    assert item["edition"] == "3"


# ---- title first, the responsible party after it -------------------------------------------------


@pytest.mark.parametrize(("word", "role"), [("著", "author"), ("主编", "editor"), ("编", "editor")])
def test_title_first_note(word, role):
    item = parse(f"《古代汉语》，王力{word}，中华书局2018年版。")
    assert item["title"] == "古代汉语"
    assert _names(item, role) == ["王力"]
    assert item["publisher"] == "中华书局"


def test_title_first_note_with_translator():
    item = parse("《正义论》，[美]约翰·罗尔斯著，何怀宏等译，北京：中国社会科学出版社，2009年。")
    assert _names(item, "author") == ["约翰·罗尔斯"]
    assert _names(item, "translator") == ["何怀宏"]
    assert item["publisher-place"] == "北京"


# ---- an edition as the title's last part (GB/T 7714 lists) -------------------------------------


@pytest.mark.parametrize(("tail", "ed"), [("第3版", "3"), ("修订版", "修订版")])
def test_edition_after_the_title_colon(tail, ed):
    item = parse(f"王力. 古代汉语: {tail}[M]. 北京: 中华书局, 2018.")
    assert item["title"] == "古代汉语"
    assert item["edition"] == ed


def test_title_colon_edition_kept_when_an_edition_follows():
    # GB/T 7714-2015 A.1: the translation's own edition is printed after the translator
    item = parse(
        "库恩. 科学革命的结构: 第4版[M]. 金吾伦, 胡新和, 译. 2版. 北京: 北京大学出版社, 2012."
    )
    assert item["title"] == "科学革命的结构: 第4版"
    assert item["edition"] == "2"


def test_title_colon_word_ending_in_ben_is_no_edition():
    item = parse("王力. 中国与日本[M]. 北京: 中华书局, 2018.")
    assert item["title"] == "中国与日本"
    assert "edition" not in item


# ---- web notes ---------------------------------------------------------------------------------


def test_bracketed_date_after_the_site_is_the_access_date():
    item = parse("深度学习. 维基百科[2018-05-06]. https://zh.wikipedia.org/wiki/深度学习")
    assert item["title"] == "深度学习"
    assert item["container-title"] == "维基百科"
    assert item["accessed"] == {"date-parts": [[2018, 5, 6]]}
    assert "author" not in item


def test_web_note_with_the_page_date_written_out():
    item = parse("新华网. 会议在京召开. 2021年6月1日. http://www.example.cn/2021-06/01/c_1.htm")
    assert item["issued"] == {"date-parts": [[2021, 6, 1]]}
    assert item["title"] == "会议在京召开"
    assert "container-title" not in item


def test_full_width_comma_after_a_url_ends_it():
    item = parse(
        "国家统计局：《2020年统计公报》，http://www.example.gov.cn/tjsj/t20210227_1.html，"
        "2021年3月1日访问。"
    )
    assert item["URL"] == "http://www.example.gov.cn/tjsj/t20210227_1.html"
    assert item["accessed"] == {"date-parts": [[2021, 3, 1]]}


@pytest.mark.parametrize("site", ["百度百科", "国家统计局网站", "知乎专栏"])
def test_site_in_a_house_style_web_note(site):
    item = parse(
        f"《区块链》，{site}，https://www.example.com/item/1，最后访问日期：2021年3月1日。"
    )
    assert item["title"] == "区块链"
    assert item["container-title"] == site
    assert item["type"] == "webpage"


# ---- standards -------------------------------------------------------------------------------------


def test_standard_title_keeps_the_space_between_its_elements():
    # a Chinese standard's name is written 引导要素 主体要素 with a space between (GB/T 1.1)
    item = parse(
        "国家市场监督管理总局, 国家标准化管理委员会. 信息安全技术 个人信息安全规范: "
        "GB/T 35273—2020[S]. 北京: 中国标准出版社, 2020."
    )
    assert item["title"] == "信息安全技术 个人信息安全规范"
    assert item["type"] == "standard"


def test_other_titles_still_drop_spaces_between_han():
    item = parse("王明. 中国科技 论坛的研究[J]. 中国科技论坛, 2019(5): 10-20.")
    assert item["title"] == "中国科技论坛的研究"


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("ISO 690:2010. Information and documentation[S].", "ISO 690:2010"),
        (
            "IEEE Std 802.11-2016. IEEE Standard for Information Technology[S].",
            "IEEE Std 802.11-2016",
        ),
    ],
)
def test_standard_number_as_the_first_element(raw, number):
    item = parse(raw)
    assert item["number"] == number
    assert "author" not in item
    assert item["type"] == "standard"


def test_corporate_author_of_a_standard_is_kept():
    item = parse("IEEE. IEEE Standard for Information Technology[S]. New York: IEEE, 2016.")
    assert _names(item, "author") == ["IEEE"]
    assert "number" not in item


def test_capitalised_corporate_author_is_no_person():
    # GB/T lists print corporate authors in capitals too: BANK is a word, not four initials
    item = parse("WORLD BANK. World development report 2020[R]. Washington, DC: World Bank, 2020.")
    assert item["author"] == [{"literal": "WORLD BANK"}]


def test_capitalised_family_with_initials_written_together():
    item = parse("SMITH JA, BROWN KL. A study[J]. Nature, 2019, 1(2): 3-4.")
    assert item["author"][0] == {"family": "Smith", "given": "J. A."}


# ---- months kept ---------------------------------------------------------------------------------


def test_month_of_a_journal_issue_written_in_chinese():
    item = parse("张三. 城市治理研究[J]. 管理世界, 2011年6月: 10-20.")
    assert item["issued"] == {"date-parts": [[2011, 6]]}
    assert item["container-title"] == "管理世界"
    assert item["page"] == "10-20"


def test_newspaper_date_written_in_chinese_in_a_gbt_line():
    item = parse("张三. 城市治理研究[N]. 人民日报, 2011年6月5日(3).")
    assert item["issued"] == {"date-parts": [[2011, 6, 5]]}
    assert item["page"] == "3"


@pytest.mark.parametrize(
    "lead", ["张三（2019，5月）：", "张三（2019年5月）：", "张三，2019年5月："]
)
def test_author_year_variant_with_a_month(lead):
    item = parse(f"{lead}《城市治理研究》，上海人民出版社。")
    assert item["issued"] == {"date-parts": [[2019, 5]]}
    assert _names(item, "author") == ["张三"]


# ---- notes typed without 《》, reading lists ------------------------------------------------------


def test_student_note_without_title_marks():
    item = parse("费孝通：乡土中国，北京：北京大学出版社，2012年。")
    assert _names(item, "author") == ["费孝通"]
    assert item["title"] == "乡土中国"
    assert (item["publisher-place"], item["publisher"]) == ("北京", "北京大学出版社")


def test_student_note_of_an_article_without_title_marks():
    item = parse("张三、李四：城市治理研究，管理世界，2019年第5期，第10-20页。")
    assert _names(item, "author") == ["张三", "李四"]
    assert item["title"] == "城市治理研究"
    assert item["container-title"] == "管理世界"
    assert (item["issue"], item["page"]) == ("5", "10-20")
    assert item["type"] == "article-journal"


def test_journal_named_without_marks_after_a_marked_title():
    item = parse("张三：《城市治理研究》，管理世界，2019年第5期。")
    assert item["container-title"] == "管理世界"
    assert item["issue"] == "5"


def test_reading_list_names_the_author_after_the_title():
    item = parse("《古代汉语》，王力，中华书局，2018年")
    assert item["title"] == "古代汉语"
    assert _names(item, "author") == ["王力"]
    assert item["publisher"] == "中华书局"


def test_reading_list_place_after_the_title_is_no_author():
    item = parse("《古代汉语》，北京，中华书局，2018年")
    assert "author" not in item
    assert item["publisher-place"] == "北京"


# ---- Baidu Baike's reference list (title ．source．date[引用日期…], a space before each ．) -----------


def test_baike_reference_with_a_spaced_stop_before_the_date():
    item = parse("1.  会议在京召开 ．某某新闻网 ．2010-10-10[引用日期2014-06-22]")
    assert item["title"] == "会议在京召开"
    assert item["container-title"] == "某某新闻网"
    assert item["issued"] == {"date-parts": [[2010, 10, 10]]}
    assert item["accessed"] == {"date-parts": [[2014, 6, 22]]}


@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("某编程语言标准 - 编程语言", "国际标准化组织"),
        ("The C Programming Language", "Prentice Hall"),
    ],
)
def test_baike_reference_names_its_source_after_the_title(title, source):
    item = parse(f"3.  {title} ．{source}[引用日期2014-11-22]")
    assert item["title"] == title
    assert item["container-title"] == source
    assert "author" not in item


def test_baike_shape_with_a_personal_author_keeps_the_author():
    item = parse("张三．城市治理研究[引用日期2019-01-01]")
    assert _names(item, "author") == ["张三"]
    assert item["title"] == "城市治理研究"


def test_baike_note_copied_as_markdown():
    # a Baidu Baike page's 参考资料 copied as Markdown: an empty anchor link, then the linked title
    raw = (
        "3.[](https://baike.example.com/item/X/1#ref_[3]_1)[某编程语言标准 - 编程语言]"
        "(https://baike.example.com/redirect/abc123) ．国际标准化组织[引用日期2014-11-22]"
    )
    item = parse(raw)
    assert item["title"] == "某编程语言标准 - 编程语言"
    assert item["container-title"] == "国际标准化组织"
    assert item["URL"] == "https://baike.example.com/redirect/abc123"
    assert item["accessed"] == {"date-parts": [[2014, 11, 22]]}


def test_markdown_link_title_then_source_and_date():
    item = parse(
        "- 2.[城市治理的新进展](https://www.example.com/a) ．某某新闻网 ．2019-05-06[引用日期2020-01-01]"
    )
    assert item["title"] == "城市治理的新进展"
    assert item["container-title"] == "某某新闻网"
    assert item["issued"] == {"date-parts": [[2019, 5, 6]]}


def test_empty_markdown_link_is_dropped_from_the_view():
    from citekit.normalise import normalise

    raw = "3.[](https://baike.example.com/item/X#ref_[3]_1)[题名](https://example.com/r) ．来源"
    view = normalise(raw)
    assert view.text == "3.题名 (https://example.com/r) .来源"
    assert view.raw_span(2, 4).slice(raw) == "题名"  # offsets still point into the raw string


# ---- encyclopedias in GB/T lines -------------------------------------------------------------------


@pytest.mark.parametrize("site", ["百度百科", "维基百科"])
def test_encyclopedia_entry_before_the_type_code(site):
    item = parse(
        f"区块链. {site}[EB/OL]. (2021-03-01)[2021-05-06]. https://www.example.com/item/1."
    )
    assert item["title"] == "区块链"
    assert item["container-title"] == site
    assert "author" not in item


def test_title_ending_in_an_encyclopedia_word_is_a_title():
    item = parse("张三. 网络百科全书研究[EB/OL]. [2021-05-06]. https://www.example.com/x.")
    assert _names(item, "author") == ["张三"]
    assert item["title"] == "网络百科全书研究"


def test_wikipedia_citation_year_then_day():
    # the GB/T 7714 form Chinese Wikipedia's "cite this page" prints: 2021(20210301)
    item = parse(
        "维基百科编者. 区块链[G/OL]. 维基百科, 2021(20210301)[2021-05-06]. "
        "https://zh.wikipedia.org/w/index.php?title=X&oldid=1."
    )
    assert item["issued"] == {"date-parts": [[2021, 3, 1]]}
    assert item["accessed"] == {"date-parts": [[2021, 5, 6]]}


# ---- bilingual lines: a Chinese reference and its English translation, unbracketed ---------------

_ZH = "王小明, 李建国. 深度学习在医学影像中的应用[J]. 中华放射学杂志, 2019, 53(5): 321-325."
_EN = (
    "WANG Xiaoming, LI Jianguo. Application of deep learning in medical imaging[J]. "
    "Chinese Journal of Radiology, 2019, 53(5): 321-325."
)


@pytest.mark.parametrize("raw", [f"[1] {_ZH} {_EN}", f"[1] {_EN} {_ZH}", f"[1] {_ZH} / {_EN}"])
def test_bilingual_pair_without_brackets_reads_the_chinese_version(raw):
    outcome = parse_reference(raw)
    item = outcome.item
    assert _names(item, "author") == ["王小明", "李建国"]
    assert item["title"] == "深度学习在医学影像中的应用"
    assert item["container-title"] == "中华放射学杂志"
    assert outcome.confidence >= 0.75  # the translation is not left-over text


def test_bilingual_book_pair():
    item = parse(
        "王小明. 城市治理研究[M]. 北京: 科学出版社, 2019. "
        "WANG Xiaoming. Research on urban governance[M]. Beijing: Science Press, 2019."
    )
    assert item["type"] == "book"
    assert (item["publisher-place"], item["publisher"]) == ("北京", "科学出版社")


def test_gbt2005_chapter_with_two_codes_is_not_a_pair():
    item = parse("张三. 论文题目[A]. 李四. 论文集[C]. 北京: 科学出版社, 2019: 1-10.")
    assert item["title"] == "论文题目"
    assert item["container-title"] == "论文集"


# ---- legal notes (《法学引注手册》 shapes) ------------------------------------------------------------


@pytest.mark.parametrize("article", ["第1165条", "第1165条第2款"])
def test_article_of_a_law(article):
    item = parse(f"《中华人民共和国民法典》{article}。")
    assert item["type"] == "legislation"
    assert item["title"] == "中华人民共和国民法典"
    assert item["section"] == article
    assert "page" not in item


def test_judicial_interpretation_with_its_number_and_article():
    item = parse(
        "《最高人民法院关于审理某类案件适用法律若干问题的规定》（法释〔2020〕17号）第5条。"
    )
    assert (item["type"], item["number"], item["section"]) == (
        "legislation",
        "法释〔2020〕17号",
        "第5条",
    )


def test_edition_after_the_year_in_an_imprint():
    item = parse("王利明：《合同法研究》（第一卷），中国人民大学出版社2015年第3版，第20页。")
    assert (item["volume"], item["edition"], item["page"]) == ("1", "3", "20")
    assert item["issued"] == {"date-parts": [[2015]]}


def test_plain_year_edition_is_no_edition():
    item = parse("梁慧星：《民法解释学》，中国政法大学出版社1995年版，第214-215页。")
    assert "edition" not in item


def test_page_and_following():
    item = parse("张三：《书名》，中国政法大学出版社2005年版，第5页以下。")
    assert item["page"] == "5"


@pytest.mark.parametrize(
    "where", ["载微信公众号“法学学术前沿”", "微信公众号：法学学术前沿", "公众号“法学学术前沿”"]
)
def test_post_of_a_public_account(where):
    item = parse(f"张三：《论文题目》，{where}，2020年5月6日。")
    assert item["type"] == "post-weblog"
    assert item["container-title"] == "法学学术前沿"
    assert item["issued"] == {"date-parts": [[2020, 5, 6]]}
    assert "editor" not in item


# ---- GB/T hosts: parts of a multi-part work, year editions, a translated part ------------------------


def test_part_of_a_pharmacopoeia_and_its_year_edition():
    # the shape of GB/T 7714-2025 appendix B's pharmacopoeia example, with another entry
    item = parse(
        "当归[M]//国家药典委员会. 中华人民共和国药典: 一部. 2015版. 北京: 中国医药科技出版社, 2015: 133."
    )
    assert item["container-title"] == "中华人民共和国药典"
    assert item["volume"] == "一部"
    assert item["edition"] == "2015版"


def test_yearly_volume_of_proceedings():
    item = parse("张三. 某研究[C]//某学会. 某学会年会论文集: 2019年卷. 北京: 某出版社, 2019: 1-9.")
    assert item["container-title"] == "某学会年会论文集"
    assert item["volume"] == "2019年卷"


def test_translator_of_a_part_before_the_host():
    item = parse(
        "阿扬. 谈谈记忆[M]. 李某, 译//《某科学》杂志社. 认识记忆力. 北京: 某出版社, 2023: 15-18."
    )
    assert item["type"] == "chapter"
    assert _names(item, "translator") == ["李某"]
    assert item["container-author"] == [{"literal": "《某科学》杂志社"}]
    assert item["container-title"] == "认识记忆力"


@pytest.mark.parametrize(
    ("imprint", "place", "publisher"),
    [
        ("[出版地不详]: 某出版社", None, "某出版社"),
        ("北京: [出版者不详]", "北京", None),
        ("[S.l.]: [s.n.]", None, None),
    ],
)
def test_unknown_place_or_publisher_marks_are_no_values(imprint, place, publisher):
    outcome = parse_reference(f"张三. 城市治理[M]. {imprint}, 2010.")
    item = outcome.item
    assert item.get("publisher-place") == place
    assert item.get("publisher") == publisher
    assert item["issued"] == {"date-parts": [[2010]]}
    assert outcome.confidence >= 0.9  # the marks were read, not left over


@pytest.mark.parametrize("role", ["译", "译校", "译注"])
def test_translator_role_words_after_the_title(role):
    item = parse(f"王五. 城市治理[M]. 赵六, {role}. 北京: 人民出版社, 2010.")
    assert _names(item, "translator") == ["赵六"]
    assert item["publisher"] == "人民出版社"


def test_translator_annotator_in_a_note():
    item = parse("孔子：《论语》，杨伯峻译注，北京：中华书局，2006年。")
    assert _names(item, "translator") == ["杨伯峻"]


@pytest.mark.parametrize(
    ("lead", "role"),
    [("张三（主编）：", "editor"), ("张三（译）：", "translator"), ("张三（著）：", "author")],
)
def test_bracketed_role_word_after_the_names(lead, role):
    item = parse(f"{lead}《城市治理》，北京：人民出版社，2010年。")
    assert _names(item, role) == ["张三"]


def test_bracketed_role_word_in_a_gbt_line():
    item = parse("张三(主编). 城市治理[M]. 北京: 人民出版社, 2010.")
    assert _names(item, "editor") == ["张三"]
    assert "author" not in item


@pytest.mark.parametrize(("word", "role"), [("主编", "editor"), ("著", "author")])
def test_reading_list_title_first_without_marks(word, role):
    item = parse(f"2. 城市治理，张三{word}，北京：人民出版社，2010年")
    assert item["title"] == "城市治理"
    assert _names(item, role) == ["张三"]
    assert (item["publisher-place"], item["publisher"]) == ("北京", "人民出版社")


def test_names_first_with_a_role_is_not_a_title():
    item = parse("张三，李四主编，人民出版社，2010年")
    assert _names(item, "editor") == ["张三", "李四"]
    assert item.get("title") != "张三"


# ---- volumes and editions closing a GB/T title -------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "field", "value"),
    [
        ("古代汉语 第3版", "edition", "3"),
        ("古代汉语(上册)", "volume", "上册"),
        ("古代汉语（第二册）", "volume", "第二册"),
        ("古代汉语. 上册", "volume", "上册"),
        ("古代汉语. 第2卷", "volume", "2"),
    ],
)
def test_part_or_edition_closing_a_gbt_title(title, field, value):
    item = parse(f"王力. {title}[M]. 北京: 中华书局, 2018.")
    assert item["title"] == "古代汉语"
    assert item[field] == value


def test_title_ending_in_a_han_word_with_ban_is_kept():
    item = parse("张三. 报纸排版[M]. 北京: 某出版社, 2018.")
    assert item["title"] == "报纸排版"
    assert "edition" not in item


# ---- meetings and theses in notes ----------------------------------------------------------------


def test_paper_given_at_a_meeting_named_alone():
    item = parse("张三：《论文题目》，第五届全国城市治理学术研讨会，北京，2019年5月。")
    assert item["type"] == "paper-conference"
    assert item["event-title"] == "第五届全国城市治理学术研讨会"
    assert item["issued"] == {"date-parts": [[2019, 5]]}
    assert "container-title" not in item


def test_thesis_kind_before_the_school():
    item = parse("张三：《论文题目》，博士学位论文，北京大学，2019年。")
    assert (item["type"], item["genre"], item["publisher"]) == (
        "thesis",
        "博士学位论文",
        "北京大学",
    )


def test_thesis_kind_in_brackets_after_a_gbt_title():
    item = parse("张三. 论文题目: [博士学位论文][D]. 北京: 北京大学, 2019.")
    assert (item["title"], item["genre"]) == ("论文题目", "博士学位论文")


def test_spaced_page_range():
    item = parse("张三 . 论文题目 [J] . 管理世界 , 2019 , 35 ( 5 ) : 10 - 20 .")
    assert (item["volume"], item["issue"], item["page"]) == ("35", "5", "10-20")


# ---- PDF-conversion damage in GB/T journal lines -----------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "[1] 张三,李四. 论文题目(J]. 管理世界, 2019, 35(5): 10-20.",  # a bracket misread
        "[1] 张三,李四.论文题目[J].管理世界,2019年,35(5):10-20.",  # 年 after the year
        "[1] 张三,李四.论文题目[J].管理世界,2019,35(5),10-20.",  # a comma before the pages
    ],
)
def test_damaged_journal_line(raw):
    item = parse(raw)
    assert item["container-title"] == "管理世界"
    assert (item["volume"], item["issue"], item["page"]) == ("35", "5", "10-20")
    assert item["issued"] == {"date-parts": [[2019]]}


@pytest.mark.parametrize("note", ["（in Chinese）", "(in Chinese with English abstract)"])
def test_language_note_after_the_pages(note):
    item = parse(
        "WANG X M, LI J G. Application of deep learning[J]. Chinese Journal of Radiology, "
        f"2019, 53(5): 321-325{note}."
    )
    assert item["page"] == "321-325"
