"""citekit.text: the one home of identifier patterns, script predicates, numerals and word lists."""

from __future__ import annotations

import pytest

from citekit.text.identifiers import (
    CN_SERIAL,
    DOI_IN_TEXT,
    DOI_IN_URL,
    DOI_SYNTAX,
    ISBN_VALUE,
    ISSN_VALUE,
    LABELLED_DOI,
    LABELLED_ISBN,
    isbn_valid,
    issn_valid,
    strip_doi_resolver,
)
from citekit.text.lexicons import words
from citekit.text.names import has_corporate_word
from citekit.text.numerals import cn_number
from citekit.text.pinyin import language_group, pinyin_key
from citekit.text.script import (
    has_cjk,
    is_cjk,
    is_cjk_punctuation,
    is_unspaced,
    script_counts,
    script_language,
)


def test_cjk_is_the_unicode_script_not_a_block_list():
    # ideographs of every block, 〇 and 々, kana, Hangul syllables and jamo
    for ch in "中〇々\U00020000\U00030000\uf900ぁカ한\u1100":
        assert is_cjk(ch), hex(ord(ch))
    # punctuation is not CJK even when full-width; Yijing hexagrams sit inside 4DC0-4DFF
    for ch in "，。、・\u4dc0aA1 ":
        assert not is_cjk(ch), hex(ord(ch))
    assert not is_cjk("")
    assert has_cjk("Smith 与 Jones") and not has_cjk("Smith and Jones")


def test_punctuation_and_unspaced_scripts():
    assert all(is_cjk_punctuation(ch) for ch in "，。、：；（）【】《》\u3000")
    assert not is_cjk_punctuation(",") and not is_cjk_punctuation("中")
    # Han and kana are written without spaces between words, Hangul is not
    assert is_unspaced("中") and is_unspaced("カ") and not is_unspaced("한")


def test_script_counts_and_language():
    assert script_counts("ab 中国人 cd") == {"latin": 4, "han": 3}
    assert script_language("注意欠陥") == "zh" and script_language("がん") == "ja"
    assert script_language("도서관") == "ko" and script_language("Москва") == "ru"
    assert script_language("Paris") == "en" and script_language("2020") is None


def test_doi_patterns_share_one_definition():
    assert DOI_SYNTAX.fullmatch("10.3390/biology2010378")
    assert DOI_SYNTAX.fullmatch("10.1000.10/123")  # a registrant code with a sub-code
    assert not DOI_SYNTAX.fullmatch("10.3390biology2010378")
    m = DOI_IN_TEXT.search("见 10.1002/9781118422557]。")
    assert m and m.group() == "10.1002/9781118422557"
    m = DOI_IN_URL.search("http://onlinelibrary.wiley.com/doi/10.1002/9781118422557/summary")
    assert m and m.group() == "10.1002/9781118422557"
    m = LABELLED_DOI.search("2063. DOI:10.1126/science.279.5359.2063.")
    assert m and m.group("v") == "10.1126/science.279.5359.2063."
    assert strip_doi_resolver(" https://doi.org/10.1/x ") == "10.1/x"
    assert strip_doi_resolver("doi: 10.1/x") == "10.1/x"


def test_isbn_issn_cn():
    assert isbn_valid("978-0-306-40615-7") and isbn_valid("0-306-40615-2")
    assert not isbn_valid("978-0-306-40615-6") and not isbn_valid("0-306-40615")
    assert issn_valid("1672-5603") and issn_valid("0317-8471") and not issn_valid("1672-5604")
    m = LABELLED_ISBN.search("北京: 中华书局, 2000. ISBN 978-7-101-01234-5.")
    assert m and m.group(1) == "978-7-101-01234-5"
    assert ISBN_VALUE.match("ISBN 0-937073-80-6") and not ISBN_VALUE.match("12345")
    assert ISSN_VALUE.match("1006-0863") and not ISSN_VALUE.match("1006-08631")
    assert CN_SERIAL.match("CN 11-1299/D") and CN_SERIAL.match("36-1287/S")
    assert not CN_SERIAL.match("1006-0863")


def test_corporate_words_capitalised_or_in_capitals():
    assert has_corporate_word("Stanford University")
    assert has_corporate_word("WORLD HEALTH ORGANIZATION")
    assert has_corporate_word("Universität Wien")  # a stem: Universit*
    assert not has_corporate_word("the press and the world")  # lower-case words do not count
    assert not has_corporate_word("Robert O. Keohane")
    assert "University" in words("corporate-words") and "Universit*" in words("corporate-words")
    with pytest.raises(FileNotFoundError):
        words("no-such-list")


def test_chinese_numerals():
    assert [cn_number(s) for s in ("五", "十", "十二", "二十", "二十三", "一百〇五", "12")] == [
        5,
        10,
        12,
        20,
        23,
        105,
        12,
    ]
    assert cn_number("第") is None and cn_number("") is None


def test_pinyin_key_reads_surnames():
    # 曾 as a surname is zeng (pypinyin's default reading is ceng)
    assert pinyin_key("曾国藩").startswith("zeng1 ")
    assert pinyin_key("Smith") == "Smith"
    assert language_group("zh-CN") == 0 and language_group(None, "がん") == 1
    assert language_group("en") == 2 and language_group(None, "Москва") == 3
