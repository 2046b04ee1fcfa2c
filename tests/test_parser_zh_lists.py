"""Chinese shapes of hand-typed lists and Baidu-Baike-style web notes (issue 10, items 3 and 4).

Every string here was written for this test (invented titles, names and dates in the shapes the
brief and issue 10 describe: 《书名》（作者）, space-separated reading lists with their role words,
Baidu Baike's "题名．来源．日期[引用日期…]" and GB/T's bare "[2018-05-06]"); none is taken from a
development or evaluation set.
"""

from __future__ import annotations

import pytest

from citekit.normalise import normalise
from citekit.parser import parse_reference
from citekit.parser.assemble import _INSTITUTION
from citekit.parser.relabel import _INSTITUTION_WORD
from citekit.text.lexicons import words
from citekit.text.script import has_cjk


def _names(item: dict, role: str) -> list[str]:
    return [
        n.get("literal") or n.get("family", "") + n.get("given", "") for n in item.get(role, [])
    ]


def parse(raw: str) -> dict:
    return parse_reference(raw).item


# ---- one home for the words that name an institution ------------------------------------------


@pytest.mark.parametrize("word", sorted(words("institution-words")))
def test_assembly_and_relabelling_read_every_institution_word(word):
    text = f"Dept. of Physics, Northern {word} of Somewhere"
    if has_cjk(word):
        text = f"某某省{word}"
    assert _INSTITUTION_WORD.search(text)
    assert _INSTITUTION.search(text)


@pytest.mark.parametrize("abbrev", ["Univ.", "Inst."])
def test_abbreviated_institution_words(abbrev):
    assert _INSTITUTION_WORD.search(f"Ph.D. dissertation, Stanford {abbrev}, 2010")
    assert _INSTITUTION.search(f"Ph.D. dissertation, Stanford {abbrev}, 2010")


def test_institution_word_is_a_whole_word():
    assert not _INSTITUTION_WORD.search("Institutional Review Boards")


# ---- a reading list separated by spaces keeps its role words -----------------------------------


def test_a_lone_role_word_keeps_its_spaces_in_the_view():
    assert (
        normalise("《乡土中国》 费孝通 著 北京大学出版社").text
        == "《乡土中国》 费孝通 著 北京大学出版社"
    )
    # (a name split by a PDF still joins: one character on each side)
    assert normalise("王 明. 城 市 治 理").text == "王明. 城市治理"


def test_spaced_reading_list_with_author_and_translators():
    item = parse("《国富论》亚当·斯密 著 郭大力 王亚南 译 商务印书馆 1972")
    assert item["title"] == "国富论"
    assert _names(item, "author") == ["亚当·斯密"]
    assert _names(item, "translator") == ["郭大力", "王亚南"]
    assert item["publisher"] == "商务印书馆"
    assert item["issued"]["date-parts"] == [[1972]]


def test_spaced_reading_list_with_an_edition_in_brackets():
    item = parse("《社会心理学》（第8版） 戴维·迈尔斯 著 人民邮电出版社 2006")
    assert (item["title"], item["edition"]) == ("社会心理学", "8")
    assert _names(item, "author") == ["戴维·迈尔斯"]
    assert item["publisher"] == "人民邮电出版社"
    assert item["issued"]["date-parts"] == [[2006]]


def test_spaced_reading_list_with_an_editor():
    item = parse("《城市社会学》 王立新 主编 华东师范大学出版社 2014")
    assert _names(item, "editor") == ["王立新"]
    assert "author" not in item
    assert item["issued"]["date-parts"] == [[2014]]


# ---- the author in brackets after the title ------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["边城（沈从文）", "《边城》（沈从文著）", "边城（沈从文 著）。", "《边城》(沈从文)"]
)
def test_author_in_brackets_after_the_title(raw):
    item = parse(raw)
    assert item["title"] == "边城"
    assert _names(item, "author") == ["沈从文"]


def test_editor_in_brackets_then_the_imprint():
    item = parse("《刑法学》（张明德 主编），法律出版社，2016年")
    assert _names(item, "editor") == ["张明德"]
    assert (item["publisher"], item["issued"]["date-parts"]) == ("法律出版社", [[2016]])


def test_a_bracket_that_is_no_name_stays_with_the_title():
    item = parse("城市治理研究（英文版）")
    assert "author" not in item


# ---- Baidu Baike: 题名．来源．日期[引用日期…] -----------------------------------------------------------


def test_baike_source_that_is_no_site_word_before_the_page_date():
    item = parse("2019年全省教育事业发展统计公报．某省教育厅．2020-03-15[引用日期2020-06-01]")
    assert item["type"] == "webpage"
    assert item["title"] == "2019年全省教育事业发展统计公报"
    assert item["container-title"] == "某省教育厅"
    assert item["issued"]["date-parts"] == [[2020, 3, 15]]
    assert item["accessed"]["date-parts"] == [[2020, 6, 1]]
    assert "author" not in item


def test_baike_title_with_a_quoted_word():
    item = parse("“双减”政策落地一周年．光明网．2022-07-20[引用日期2022-08-01]")
    assert item["title"] == "“双减”政策落地一周年"
    assert item["container-title"] == "光明网"
    assert item["issued"]["date-parts"] == [[2022, 7, 20]]


@pytest.mark.parametrize("tail", ["[2018-05-06]", " [2018-05-06].", "．[2018-05-06]"])
def test_bracketed_citation_date_alone_closes_a_web_note(tail):
    item = parse(f"西湖十景．某某旅游网{tail}")
    assert item["type"] == "webpage"
    assert item["title"] == "西湖十景"
    assert item["container-title"] == "某某旅游网"
    assert item["accessed"]["date-parts"] == [[2018, 5, 6]]


# ---- a student's pages, dashes and role words ------------------------------------------------------


@pytest.mark.parametrize(("tail", "page"), [("P88", "88"), ("88页", "88"), ("pp.88-90", "88-90")])
def test_page_written_by_a_student(tail, page):
    item = parse(f"林语堂《京华烟云》，湖南文艺出版社，2009年，{tail}")
    assert item["page"] == page
    assert item["publisher"] == "湖南文艺出版社"


def test_page_after_a_spaced_year():
    item = parse("林语堂《京华烟云》湖南文艺出版社 2009 p88")
    assert (item["issued"]["date-parts"], item["page"]) == ([[2009]], "88")


@pytest.mark.parametrize(
    "raw",
    [
        "《京华烟云》——林语堂——湖南文艺出版社——2009年",
        "《京华烟云》-林语堂-湖南文艺出版社-2009",
        "《京华烟云》—林语堂，湖南文艺出版社，2009",
    ],
)
def test_dashes_between_a_notes_elements(raw):
    item = parse(raw)
    assert item["title"] == "京华烟云"
    assert _names(item, "author") == ["林语堂"]
    assert item["publisher"] == "湖南文艺出版社"
    assert item["issued"]["date-parts"] == [[2009]]


@pytest.mark.parametrize("role", ["主译", "合译", "翻译"])
def test_chief_translator(role):
    item = parse(f"《宏观经济学》，多恩布什著，王志伟{role}，中国人民大学出版社，2010年")
    assert _names(item, "translator") == ["王志伟"]
    assert _names(item, "author") == ["多恩布什"]


@pytest.mark.parametrize("part", ["上卷", "下卷"])
def test_upper_or_lower_volume_after_the_title(part):
    item = parse(f"宗白华《美学散步》{part}，上海人民出版社，1981，第12页")
    assert item["volume"] == part
    assert item["title"] == "美学散步"


# ---- standards by their number ----------------------------------------------------------------------


def test_standard_number_in_brackets_after_the_title():
    item = parse("《城市道路绿化设计标准》（CJJ/T 75—2023）")
    assert item["type"] == "standard"
    assert item["title"] == "城市道路绿化设计标准"
    assert item["number"] == "CJJ/T 75-2023"


def test_standard_number_as_a_piece_after_the_title():
    item = parse("《民用建筑设计统一标准》，GB 50352—2019，中国建筑工业出版社，2019年")
    assert (item["type"], item["number"]) == ("standard", "GB 50352-2019")
    assert item["publisher"] == "中国建筑工业出版社"


def test_standard_number_first_then_the_title():
    item = parse("GB/T 19001-2016 质量管理体系 要求")
    assert item["type"] == "standard"
    assert item["number"] == "GB/T 19001-2016"
    assert item["title"] == "质量管理体系 要求"


# ---- meetings and theses -----------------------------------------------------------------------


def test_gbt_conference_paper_named_by_its_meeting():
    item = parse("[3] 刘晓. 高校智慧教室建设研究[C]. 第五届全国教育技术学术年会, 西安, 2017.")
    assert item["type"] == "paper-conference"
    assert item["event-title"] == "第五届全国教育技术学术年会"
    assert "publisher" not in item


def test_gbt_proceedings_keep_their_publisher():
    item = parse("中国力学学会. 第十届全国力学大会论文集[C]. 北京: 科学出版社, 2018.")
    assert item["publisher"] == "科学出版社"
    assert "event-title" not in item


def test_meeting_name_with_a_quoted_word():
    item = parse("周雪：《乡村振兴中的人才回流》，“城乡融合”学术研讨会论文，杭州，2019年10月。")
    assert item["event-title"] == "“城乡融合”学术研讨会"


def test_thesis_kind_in_brackets_is_read_without_its_bracket():
    item = parse("郑敏.乡村旅游的社区参与研究(硕士论文).云南大学,2016")
    assert item.get("genre") == "硕士论文"


# ---- more of a student's shapes ------------------------------------------------------------------


def test_possessive_after_the_author():
    item = parse("钱钟书的《围城》，人民文学出版社，1991")
    assert _names(item, "author") == ["钱钟书"]
    assert item["title"] == "围城"


@pytest.mark.parametrize(
    "raw",
    [
        "《围城》作者：钱钟书 出版社：人民文学出版社",
        "《围城》，作者：钱钟书，人民文学出版社",
        "《围城》 作者：钱钟书 出版社：人民文学出版社 出版时间：1991年",
    ],
)
def test_field_labels_of_a_bookshop_copy(raw):
    item = parse(raw)
    assert item["title"] == "围城"
    assert _names(item, "author") == ["钱钟书"]
    assert item["publisher"] == "人民文学出版社"


def test_translator_label():
    item = parse("《百年孤独》 作者：马尔克斯 译者：范晔 出版社：南海出版公司 出版时间：2011年")
    assert _names(item, "translator") == ["范晔"]
    assert item["issued"]["date-parts"] == [[2011]]


def test_page_glued_to_the_imprint():
    item = parse("钱钟书《围城》人民文学出版社1991年版第35页")
    assert (item["publisher"], item["page"]) == ("人民文学出版社", "35")
    assert item["issued"]["date-parts"] == [[1991]]


def test_title_first_then_the_author_without_a_role_word():
    item = parse("围城，钱钟书，人民文学出版社，1991年版")
    assert item["title"] == "围城"
    assert _names(item, "author") == ["钱钟书"]
    assert item["publisher"] == "人民文学出版社"


# ---- Baidu Baike's book: 作者．书名：出版社，年份 ------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "author", "title"),
    [
        ("钱钟书．围城：人民文学出版社，1991", "钱钟书", "围城"),
        (
            "某某市地方志编纂委员会．某某市志：方志出版社，2005年",
            "某某市地方志编纂委员会",
            "某某市志",
        ),
    ],
)
def test_baike_book_with_a_colon_before_the_publisher(raw, author, title):
    item = parse(raw)
    assert item["type"] == "book"
    assert _names(item, "author") == [author]
    assert item["title"] == title
    assert "publisher-place" not in item
    assert item["publisher"].endswith(("出版社", "出版公司"))


def test_baike_book_keeps_the_pages():
    item = parse("钱钟书．围城：人民文学出版社，1991：35-40")
    assert (item["publisher"], item["page"]) == ("人民文学出版社", "35-40")


def test_editor_role_before_a_colon_is_no_field_label():
    item = parse("李某：《论合同》，载王某某主编：《民法论丛》第2卷，法律出版社1998年版，第5页。")
    assert _names(item, "editor") == ["王某某"]
    assert item["container-title"] == "民法论丛"


# ---- a note's lead-in and a list's bullet before the title mark ------------------------------------


def test_lead_in_right_before_the_title_mark():
    item = parse("见《汉书·食货志》，中华书局1962年版，第1120页。")
    assert item["title"] == "汉书·食货志"
    assert (item["publisher"], item["page"]) == ("中华书局", "1120")


def test_students_reference_label_is_no_author():
    item = parse("参考：钱穆《国史大纲》")
    assert _names(item, "author") == ["钱穆"]
    assert item["title"] == "国史大纲"


@pytest.mark.parametrize("bullet", ["·", "•", "-"])
def test_bullet_glued_to_the_title_mark(bullet):
    assert normalise(f"{bullet}《国史大纲》 钱穆 著").text.startswith("《国史大纲》")
    item = parse(f"{bullet}《国史大纲》 钱穆 著")
    assert _names(item, "author") == ["钱穆"]


# ---- editions, volumes and editors ------------------------------------------------------------------


def test_edition_then_volume_in_one_piece():
    item = parse("《斯大林选集》第2版第1卷，人民出版社1979年版，第8页。")
    assert (item["edition"], item["volume"]) == ("2", "1")
    assert item["page"] == "8"


@pytest.mark.parametrize("part", ["上", "下"])
def test_upper_or_lower_part_in_brackets_closing_a_gbt_title(part):
    item = parse(f"[2] 吕叔湘. 中国文法要略({part})[M]. 北京: 商务印书馆, 1982.")
    assert item["title"] == "中国文法要略"
    assert item["volume"] == part


def test_editor_element_after_the_type_code():
    item = parse("[4] 赵某, 钱某. 城市地理学[M]. 孙某某, 编. 北京: 科学出版社, 2006.")
    assert _names(item, "author") == ["赵某", "钱某"]
    assert _names(item, "editor") == ["孙某某"]
    assert item["publisher"] == "科学出版社"


def test_editorial_board_named_with_title_marks_is_the_author():
    item = parse("[5] 《中国农业百科全书》编辑委员会. 中国农业百科全书[M]. 北京: 农业出版社, 1995.")
    assert _names(item, "author") == ["《中国农业百科全书》编辑委员会"]
    assert item["title"] == "中国农业百科全书"


# ---- a library catalogue's record (ISBD punctuation) ---------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "围城/钱钟书著.—北京:人民文学出版社,1991",
        "围城 / 钱钟书著. -- 北京 : 人民文学出版社, 1991. -- 359页",
    ],
)
def test_catalogue_record(raw):
    item = parse(raw)
    assert item["type"] == "book"
    assert item["title"] == "围城"
    assert _names(item, "author") == ["钱钟书"]
    assert (item["publisher-place"], item["publisher"]) == ("北京", "人民文学出版社")
    assert item["issued"]["date-parts"] == [[1991]]


def test_catalogue_record_with_translators_and_an_edition():
    item = parse("社会心理学/(美)戴维·迈尔斯著;侯玉波,乐国安译.—8版.—北京:人民邮电出版社,2006.1")
    assert _names(item, "author") == ["戴维·迈尔斯"]
    assert _names(item, "translator") == ["侯玉波", "乐国安"]
    assert item["edition"] == "8"
    assert item["issued"]["date-parts"] == [[2006, 1]]


def test_gbt_host_after_a_slash_is_no_catalogue_record():
    item = parse("[1] 张三. 论文[M]//李四, 主编. 文集. 北京: 法律出版社, 2000: 5-10.")
    assert item["container-title"] == "文集"


# ---- notes typed with commas only; journal numbers written out ----------------------------------------


def test_names_title_journal_separated_by_commas():
    item = parse("赵某，钱某，乡村治理的新路径，中国农村观察，2018年第4期，第12-20页")
    assert _names(item, "author") == ["赵某", "钱某"]
    assert item["title"] == "乡村治理的新路径"
    assert item["container-title"] == "中国农村观察"
    assert (item["issue"], item["page"]) == ("4", "12-20")


def test_a_name_then_a_publisher_is_no_title():
    item = parse("赵某，某某出版社，2018年")
    assert item.get("title") != "某某出版社"


@pytest.mark.parametrize(
    "tail",
    ["2018, 第36卷(第4期): 12-20.", "2018, 36卷4期: 12-20.", "2018年, 第36卷, 第4期, 12-20页."],
)
def test_volume_and_issue_written_with_their_words(tail):
    item = parse(f"[1] 赵某. 乡村治理的新路径[J]. 中国农村观察, {tail}")
    assert item["container-title"] == "中国农村观察"
    assert (item["volume"], item["issue"], item["page"]) == ("36", "4", "12-20")


# ---- Chinese web notes typed with commas, title bars and brackets ---------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "年度统计报告，某某市统计局网站，http://www.example.gov.cn/tjbg/2020.html",
        "年度统计报告 - 某某市统计局 http://www.example.gov.cn/tjbg/2020.html",
        "年度统计报告_某某市统计局 http://www.example.gov.cn/tjbg/2020.html",
        "年度统计报告（某某市统计局）http://www.example.gov.cn/tjbg/2020.html",
    ],
)
def test_chinese_web_note_names_its_site(raw):
    item = parse(raw)
    assert item["type"] == "webpage"
    assert item["title"] == "年度统计报告"
    assert item["container-title"] in ("某某市统计局网站", "某某市统计局")
    assert item["URL"] == "http://www.example.gov.cn/tjbg/2020.html"


def test_chinese_web_note_with_the_page_date_between_commas():
    item = parse("年度统计报告，某某市统计局网站，2020年2月28日，http://www.example.gov.cn/a.html")
    assert (item["title"], item["container-title"]) == ("年度统计报告", "某某市统计局网站")
    assert item["issued"]["date-parts"] == [[2020, 2, 28]]


def test_chinese_web_note_by_an_organisation_before_a_colon():
    item = parse("某某市统计局：年度统计报告，http://www.example.gov.cn/a.html，2020年5月1日访问。")
    assert _names(item, "author") == ["某某市统计局"]
    assert item["title"] == "年度统计报告"
    assert item["accessed"]["date-parts"] == [[2020, 5, 1]]


def test_site_lead_with_a_colon_is_no_author():
    item = parse("某某百科：城市更新，https://baike.example.com/item/1，2021年3月5日访问。")
    assert "author" not in item
    assert item["title"] == "城市更新"


def test_marked_work_inside_a_web_pages_title():
    item = parse("《红楼梦》的版本．某某文学网[引用日期2019-05-06]")
    assert item["type"] == "webpage"
    assert item["title"] == "《红楼梦》的版本"
    assert item["container-title"] == "某某文学网"


def test_lead_word_before_the_site_of_a_web_note():
    item = parse(
        "某某：《年度报告》，载某某市统计局官网，http://www.example.gov.cn/a.html，2020年5月1日访问。"
    )
    assert item["container-title"] == "某某市统计局官网"


@pytest.mark.parametrize("tail", [",2020-02-28/2020-05-01.", "(2020-05-01)."])
def test_date_glued_after_a_url_ends_it(tail):
    item = parse(f"[2] 某某局. 年度报告[EB/OL]. http://www.example.gov.cn/a.html{tail}")
    assert item["URL"] == "http://www.example.gov.cn/a.html"


def test_editing_body_after_the_title():
    item = parse("《汉语大词典》，某某大学古籍研究所词典编辑室编，某某辞书出版社，2001")
    assert _names(item, "editor") == ["某某大学古籍研究所词典编辑室"]
    assert item["publisher"] == "某某辞书出版社"


def test_editor_and_deputy_editor_are_one_list():
    item = parse("赵某主编，钱某副主编：《城市规划原理》，某某出版社2010年版。")
    assert _names(item, "editor") == ["赵某", "钱某"]
    assert "author" not in item


@pytest.mark.parametrize(
    ("raw", "volume"),
    [
        ("[1] 吕某. 中国通史: 上卷[M]. 北京: 某某出版社, 1999.", "上卷"),
        ("[2] 吕某. 中国通史 第二卷[M]. 北京: 某某出版社, 1999.", "2"),
        ("[3] 吕某. 中国通史[M]. 第2卷. 北京: 某某出版社, 1999.", "2"),
        ("吕某：《中国通史》卷二，某某出版社1999年版。", "2"),
    ],
)
def test_volume_of_a_book_written_in_words(raw, volume):
    item = parse(raw)
    assert item["title"] == "中国通史"
    assert item["volume"] == volume


@pytest.mark.parametrize(
    ("element", "ed"), [("修订第3版", "3"), ("2版2印", "2"), ("第2版(修订本)", "2")]
)
def test_edition_element_with_its_revision_or_printing(element, ed):
    item = parse(f"[1] 孙某. 城市经济学[M]. {element}. 北京: 某某出版社, 2009.")
    assert item["edition"] == ed
    assert item["publisher"] == "某某出版社"


def test_edition_after_the_year_of_a_gbt_imprint():
    item = parse("[1] 孙某. 城市经济学[M]. 北京: 某某出版社, 2009年第2版.")
    assert (item["publisher"], item["edition"]) == ("某某出版社", "2")
    assert item["issued"]["date-parts"] == [[2009]]


def test_printing_after_the_edition_in_a_note():
    item = parse("孙某：《城市经济学》，某某出版社2009年第2版第3次印刷，第5页。")
    assert (item["publisher"], item["edition"], item["page"]) == ("某某出版社", "2", "5")


@pytest.mark.parametrize(
    "raw",
    [
        "[9] 混凝土结构设计规范(GB 50010—2010)[S]. 北京: 中国建筑工业出版社, 2011.",
        "[9] 混凝土结构设计规范 GB 50010—2010[S]. 北京: 中国建筑工业出版社, 2011.",
    ],
)
def test_gbt_standard_number_closing_the_title(raw):
    item = parse(raw)
    assert item["title"] == "混凝土结构设计规范"
    assert item["number"] == "GB 50010-2010"


def test_gbt_standard_joint_number_first():
    item = parse("[4] ISO/IEC 20000-1:2018, Information technology — Service management[S].")
    assert item["number"] == "ISO/IEC 20000-1:2018"
    assert item["title"] == "Information technology — Service management"


def test_standard_number_first_then_a_marked_title():
    item = parse("GB/T 19001—2016《质量管理体系 要求》")
    assert (item["number"], item["title"]) == ("GB/T 19001-2016", "质量管理体系 要求")


# ---- reports, proceedings and places in GB/T lines ---------------------------------------------------


def test_working_paper_series_and_number_after_the_type_code():
    item = parse("[11] Doe J, Roe R. Robots and wages[R]. NBER Working Paper No. 12345, 2018.")
    assert item["genre"] == "NBER Working Paper"
    assert item["number"] == "12345"
    assert "publisher" not in item


def test_proceedings_where_the_publisher_stands():
    item = parse(
        "[2] Doe J. A study of things[C]. Proceedings of the Annual Conference on Things, 2016: 1-8."
    )
    assert item["type"] == "paper-conference"
    assert item["container-title"] == "Proceedings of the Annual Conference on Things"
    assert "publisher" not in item


@pytest.mark.parametrize("place", ["杭州", "Beijing"])
def test_place_alone_before_the_year_is_no_publisher(place):
    item = parse(f"[7] 孙某. 某某方法研究[C]//某某学会. 2019年会论文集. {place}, 2019: 100-105.")
    assert item["publisher-place"] == place
    assert "publisher" not in item


def test_marked_title_and_a_site_read_online():
    item = parse("《西湖十景》．某某旅游网[引用日期2018-05-06]")
    assert item["type"] == "webpage"
    assert (item["title"], item["container-title"]) == ("西湖十景", "某某旅游网")


def test_source_label_inside_the_brackets_after_a_title():
    item = parse("西湖十景（来源：某某旅游网）[引用日期2018-05-06]")
    assert item["container-title"] == "某某旅游网"
