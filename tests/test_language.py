import pytest

from citekit.language import detect_language
from citekit.text.script import script_counts


@pytest.mark.parametrize(
    "text,lang",
    [
        ("3.戴维·H.罗森布鲁姆:《公共行政学》,中国人民大学出版社2002年版。", "zh-CN"),
        (
            "王学军、韦林:《公共价值研究的几个重要问题--评Public Value:Theory and Practice》,《公共行政评论》2018年第6期。",
            "zh-CN",
        ),
        ("Alford,J.&Hughes,O.,“Public Value Pragmatism”,Public Administration Review,2008.", "en"),
        ("Smith J. The history of 中国 printing[M]. London: Penguin, 2001.", "en"),
        ("Кочетков А Я. Молибден-медно-золотопорфировое месторождение[J]. 1993.", "ru"),
        ("山田太郎. 日本のことば[M]. 東京: 岩波書店, 2001.", "ja"),
        ("김세훈. 한국 도서관[J]. 2008.", "ko"),
        ("[1] 2001: 12-15.", None),
        ("", None),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_script_counts_count_letters_not_runs():
    assert script_counts("ab 中国人 cd") == {"latin": 4, "han": 3}
    assert script_counts("Smith, J.") == {"latin": 6}
