"""GB/T 7714 numeric citations with a cited page: the page follows the number outside the
brackets (GB/T 7714-2015 10.1.3 prints ``[8]85-86``; superscript in the text, so in HTML)."""

from __future__ import annotations

import pytest

from citekit.renderer import Renderer

ITEMS = [
    {
        "id": f"i{n}",
        "type": "book",
        "language": "zh",
        "title": f"书名{n}",
        "author": [{"family": "张", "given": "三"}],
        "publisher-place": "北京",
        "publisher": "科学出版社",
        "issued": {"date-parts": [[2000 + n]]},
    }
    for n in range(1, 6)
]


@pytest.mark.parametrize("style", ["gbt7714-2015-numeric", "gbt7714-2025-numeric"])
def test_gbt_numeric_prints_the_locator_after_the_number(style: str) -> None:
    r = Renderer(style)
    out = r.citations(
        [
            [{"id": "i1", "locator": "12"}],
            ["i1", "i2", "i3"],
            ["i1", "i2", "i3", {"id": "i4", "locator": "85-86"}, "i5"],
            [{"id": "i5", "locator": "3"}, {"id": "i2", "locator": "7"}],
        ],
        ITEMS,
        "html",
    )
    assert [c.text for c in out] == [
        "[1]12",
        "[1–3]",
        # cites without a page still collapse; the one with a page stands alone
        "[1–3],[4]85-86,[5]",
        # sorted by number as before, each with its own page
        "[2]7,[5]3",
    ]
    assert out[0].html == "<sup>[1]12</sup>"
    assert out[2].html == "<sup>[1–3],[4]85-86,[5]</sup>"


def test_a_citation_without_locators_is_unchanged() -> None:
    (c,) = Renderer("gbt7714-2015-numeric").citations([["i2", "i4"]], ITEMS)
    assert c.text == "[1,2]"
