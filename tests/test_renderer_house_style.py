"""The 《》 house style (zhejiang-social-sciences, alias cn-social-science) against the list it was
built from: the reference list of 胡重明, 邢润杰, 浙江社会科学 2026(3), as extracted
(examples/zjss-2026-03-references.txt).  See tests/fixtures/render/zhejiang-social-sciences/
SOURCE.md for the comparison and the one known difference."""

from __future__ import annotations

import json
import re
from pathlib import Path

import citekit
from citekit.renderer import Renderer

ROOT = Path(__file__).parent.parent
RENDER = Path(__file__).parent / "fixtures" / "render"
SOURCE = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8").splitlines()

_WIDTH = str.maketrans("，：；（）＆", ",:;()&")
_FULL_WIDTH = re.compile("[，：；（）＆]")
#: the extraction drops the space after a mark and around & in English text (it keeps the
#: spaces between words): ``Kelly,G.,Mulgan,G.&Muers,S.``, ``Value(s)Governance``
_SPACE_AFTER_MARK = re.compile(r"(?<=[,:;)])[ ]+| (?=&)|(?<=&) ")

#: entries where the rendering differs from the extracted text, and why (SOURCE.md)
KNOWN = {
    # Latin text inside a Chinese title keeps the space after its colon (the parser's canonical
    # form); the extraction dropped it.
    14: "王学军、韦林：《公共价值研究的几个重要问题--评Public Value: Theory and Practice》，"
    "《公共行政评论》2018年第6期。",
}


def as_extracted(line: str) -> str:
    """A rendered entry as the text extraction shows the journal's print: full-width marks
    half-width; in an English entry (ending with a period) no space after a mark."""
    folded = line.translate(_WIDTH)
    if line.endswith("。"):
        return folded
    return _SPACE_AFTER_MARK.sub("", folded)


def test_parsed_list_round_trips_through_the_house_style() -> None:
    refs = citekit.parse("\n".join(SOURCE))
    assert len(refs) == len(SOURCE) == 30
    entries = citekit.render(refs, "zhejiang-social-sciences")
    for n, (entry, source) in enumerate(zip(entries, SOURCE, strict=True), 1):
        text = entry.text
        assert entry.error is None
        if n in KNOWN:
            assert text == f"{n}.{KNOWN[n]}"
            continue
        english = not text.endswith("。")
        if english:
            # English entries take ASCII marks only
            assert not _FULL_WIDTH.search(text), text
        else:
            # no space after a mark inside a Chinese title (公共行政学:管理, not 公共行政学: 管理)
            for title in re.findall(r"《(.*?)》", text):
                assert ": " not in title and ", " not in title, title
        assert as_extracted(text) == source


def test_bundled_items_reproduce_the_journal_list() -> None:
    lines = (RENDER / "zjss-2026-03.items.jsonl").read_text("utf-8").splitlines()
    items = [dict(json.loads(line), id=f"z{i + 1}") for i, line in enumerate(lines) if line][:30]
    got = [e.text for e in Renderer("cn-social-science").bibliography(items)]
    expected = (RENDER / "zhejiang-social-sciences" / "zjss-2026-03.txt").read_text("utf-8")
    assert got == expected.splitlines()
    # the hand-made items hold the marks inside titles and publishers as the extraction shows
    # them (Value:An), so modulo the extraction's marks the list is the source text exactly
    assert [as_extracted(g) for g in got] == SOURCE


def test_english_entry_marks_are_ascii() -> None:
    item = {
        "id": "a",
        "type": "article-journal",
        "language": "en",
        "author": [{"family": "Alford", "given": "J."}, {"family": "Hughes", "given": "O."}],
        "title": "Public Value Pragmatism",
        "container-title": "The American Review of Public Administration",
        "issued": {"date-parts": [[2008]]},
        "volume": "38",
        "issue": "2",
        "page": "130-148",
    }
    (entry,) = Renderer("cn-social-science").bibliography([item])
    assert entry.text == (
        "1.Alford, J. & Hughes, O., “Public Value Pragmatism”, "
        "The American Review of Public Administration, 2008, 38(2): 130-148."
    )
