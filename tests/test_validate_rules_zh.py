"""Every rule explains itself in Chinese (`citekit rule CODE --lang zh`, issue 13): the
explanations are data (src/citekit/validate/rules_zh.toml), one for each registered rule."""

import io
import tomllib
from importlib.resources import files

import pytest

from citekit.cli import main
from citekit.validate import RULES

EXPLANATIONS = tomllib.loads(files("citekit.validate").joinpath("rules_zh.toml").read_text("utf-8"))


def test_every_registered_rule_has_a_chinese_explanation_and_no_other_code_has_one():
    assert sorted(EXPLANATIONS) == sorted(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_explanation_is_chinese_with_full_width_sentence_marks(code):
    text = EXPLANATIONS[code]
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert han >= 10, text
    # the sentence ends in Chinese, and no ASCII mark ends a Chinese clause (quoted examples
    # keep their own punctuation)
    assert text.endswith("。") or text.endswith("）"), text
    outside = "".join(
        part for i, part in enumerate(text.replace("”", "“").split("“")) if i % 2 == 0
    )
    import re

    assert not re.search(r"[\u4e00-\u9fff][,;:]\s", outside), text


def test_rule_lang_zh_prints_the_chinese_explanation():
    out = io.StringIO()
    assert main(["rule", "G043", "--lang", "zh"], stdout=out, stderr=io.StringIO()) == 0
    text = out.getvalue()
    assert EXPLANATIONS["G043"] in text
    assert RULES["G043"].doc.split(".")[0] not in text  # the English paragraph is gone
    assert "a required element" not in text  # and the English summary
    out = io.StringIO()
    main(["rule", "G043", "--lang", "zh", "-f", "json"], stdout=out, stderr=io.StringIO())
    import json

    assert json.loads(out.getvalue())["explanation"] == EXPLANATIONS["G043"]
