"""The public Renderer API: bibliographies with per-item isolation, citations."""

from __future__ import annotations

import pytest

import citekit
from citekit.errors import UsageError
from citekit.renderer import Cite, Cluster, RenderedCitation, Renderer, render_bibliography
from citekit.renderer.engine import layout as _engine

NUMERIC = "gbt7714-2015-numeric"


def _book(id: str, title: str, **kw) -> dict:
    item = {
        "id": id,
        "type": "book",
        "language": "en",
        "title": title,
        "author": [{"family": "Smith", "given": "John"}],
        "publisher-place": "London",
        "publisher": "P",
        "issued": {"date-parts": [[2001]]},
    }
    item.update(kw)
    return item


ITEMS = [_book("a", "Alpha"), _book("b", "Beta"), _book("c", "Gamma"), _book("d", "Delta")]


def test_render_bibliography_is_the_renderer() -> None:
    r = Renderer(NUMERIC)
    assert r.has_bibliography
    assert r.bibliography(ITEMS) == render_bibliography(ITEMS, NUMERIC)
    assert [e.error for e in r.bibliography(ITEMS)] == [None] * 4


def test_one_failing_item_does_not_abort_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    original = _engine.Layout.render_bibliography

    def boom(self, citation_items):
        if any(str(c.reference.get("title")) == "Beta" for c in citation_items):
            raise ZeroDivisionError("engine fault")
        return original(self, citation_items)

    monkeypatch.setattr(_engine.Layout, "render_bibliography", boom)
    out = Renderer(NUMERIC).bibliography(ITEMS)
    assert [e.id for e in out] == ["a", "b", "c", "d"]
    assert out[0].error is None and out[0].text.startswith("[1] SMITH J. Alpha[M]")
    error = out[1].error
    assert isinstance(error, citekit.Diagnostic)
    assert (error.code, error.severity.value, error.message) == (
        "X001",
        "error",
        "ZeroDivisionError: engine fault",
    )
    assert out[1].text == "[2] Smith John. Beta. London, P. 2001."  # fallback: never an empty loss
    assert out[2].error is None and out[2].text.startswith("[3] SMITH J. Gamma[M]")


def test_item_that_cannot_be_prepared_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from citekit.renderer import session as core

    real = core.prepare_item

    def prepare(item, *args, **kwargs):
        if item.get("id") == "c":
            raise ValueError("bad item")
        return real(item, *args, **kwargs)

    monkeypatch.setattr(core, "prepare_item", prepare)
    out = Renderer(NUMERIC).bibliography(ITEMS)
    assert [e.id for e in out] == ["a", "b", "c", "d"]
    assert out[2].error is not None and out[2].error.code == "X001"
    assert out[2].error.message == "ValueError: bad item" and "Gamma" in out[2].text
    assert out[3].error is None


def test_citations_number_collapse_and_unknown_ids() -> None:
    r = Renderer(NUMERIC)
    out = r.citations(
        [[{"id": "b"}], [{"id": "a"}, {"id": "b"}, {"id": "c"}], ["d", "b"], [{"id": "zz"}]], ITEMS
    )
    assert all(isinstance(c, RenderedCitation) for c in out)
    assert [c.text for c in out] == ["[1]", "[1–3]", "[1,4]", "zz?"]
    assert out[0].html == "<sup>[1]</sup>"
    assert out[3].error == "unknown id 'zz'" and out[0].error is None
    # numbers are those of the bibliography of the items in first-cited order
    bib = r.bibliography([ITEMS[1], ITEMS[0], ITEMS[2], ITEMS[3]])
    assert [e.id for e in bib] == ["b", "a", "c", "d"]


def test_citation_locator_prefix_suffix() -> None:
    r = Renderer(NUMERIC)
    (c,) = r.citations([Cluster((Cite("a", locator="12"), Cite("b", prefix="see ")))], ITEMS)
    # the cited page after the bracket (GB/T 7714 10.1.3); a cite prefix stays inside it
    assert c.text == "[1]12,[see 2]"
    assert c.ids == ("a", "b")


def test_citation_cluster_forms() -> None:
    assert Cluster.from_value(
        {"citationItems": [{"id": "a", "suppress-author": True}], "properties": {"noteIndex": 3}}
    ) == Cluster((Cite("a", suppress_author=True),), note_index=3)
    with pytest.raises(UsageError):
        Cluster.from_value("a")
    with pytest.raises(UsageError):
        Renderer(NUMERIC).citations([["a"]], ITEMS, format="pdf")  # type: ignore[arg-type]


_AD = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
    "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
    '<citation collapse="year"><layout prefix="(" suffix=")" delimiter="; ">'
    '<group delimiter=" "><names variable="author"><name form="short"/></names>'
    '<date variable="issued"><date-part name="year"/></date></group></layout></citation></style>'
)


def test_suppress_author_author_only_and_year_collapse() -> None:
    items = [
        _book("a", "A"),
        _book("b", "B", issued={"date-parts": [[2003]]}),
        _book("c", "C", author=[{"family": "Doe", "given": "J"}]),
    ]
    r = Renderer(_AD)
    out = r.citations(
        [
            [{"id": "a", "suppress-author": True}],
            [{"id": "a", "author-only": True}],
            ["a", "b", "c"],
            ["a", "c", "b"],
        ],
        items,
    )
    # cites of one author collapse when adjacent; without a cs:sort the order given is kept,
    # so an author's cites around another author's stay apart (citeproc-js; CSL suite
    # name_CiteGroupDelimiterWithYearSuffixCollapse2)
    assert [c.text for c in out] == [
        "(2001)",
        "(Smith)",
        "(Smith 2001, 2003; Doe 2001)",
        "(Smith 2001; Doe 2001; Smith 2003)",
    ]
    with pytest.raises(UsageError):
        r.bibliography(items)


def test_display_divs_for_second_field_align() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text variable="citation-number"/></layout></citation>'
        '<bibliography second-field-align="flush"><layout suffix=".">'
        '<text variable="citation-number" prefix="[" suffix="]"/><text variable="title" prefix=" "/>'
        "</layout></bibliography></style>"
    )
    r = Renderer(style)
    (plain,) = r.bibliography([_book("a", "Alpha")], "html")
    assert plain.html == "[1] Alpha." and plain.text == "[1] Alpha."
    (divs,) = r.bibliography([_book("a", "Alpha")], "html", display_divs=True)
    assert divs.html == (
        '\n<div class="csl-left-margin">[1]</div><div class="csl-right-inline"> Alpha.</div>\n'
    )
    assert divs.text == "[1] Alpha."


def test_year_suffix_collapse_ranges() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<citation collapse="year-suffix-ranged" disambiguate-add-year-suffix="true" '
        'year-suffix-delimiter=","><layout prefix="(" suffix=")" delimiter="; ">'
        '<group delimiter=" "><names variable="author"><name form="short"/></names>'
        '<date variable="issued"><date-part name="year"/></date></group></layout></citation></style>'
    )
    items = [_book(c, c.upper()) for c in "abcd"] + [
        _book("e", "E", issued={"date-parts": [[2005]]})
    ]
    (c,) = Renderer(style).citations([["a", "b", "c", "d", "e"]], items)
    # after a collapsed run of suffixes comes the layout delimiter (citeproc-js)
    assert c.text == "(Smith 2001a–d; 2005)"
    _, c = Renderer(style).citations([["a", "b"], ["a", "c", "d"]], items)
    assert c.text == "(Smith 2001a,c,d)"  # a range from three consecutive suffixes on


def test_ibid_capitalised_at_the_start_of_a_note() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout suffix="."><choose><if position="ibid"><text term="ibid"/></if>'
        '<else><text variable="title"/></else></choose></layout></citation></style>'
    )
    out = Renderer(style).citations(
        [[{"id": "a"}], [{"id": "a"}], [{"id": "a", "prefix": "see "}]], ITEMS
    )
    assert [c.text for c in out] == ["Alpha.", "Ibid.", "see ibid."]


def test_format_is_the_option_name_everywhere_output_deprecated() -> None:
    """``format=`` names the output format in ``citekit.render``, ``render_bibliography`` and
    ``Renderer.bibliography``; the former ``output=`` still works for one release, with a
    ``DeprecationWarning``, and gives the same entries."""
    from citekit.renderer import render_bibliography

    items = ITEMS[:2]
    new = render_bibliography(items, NUMERIC, format="html")
    assert new == Renderer(NUMERIC).bibliography(items, format="html")
    assert citekit.render(items, NUMERIC, format="html") == new
    with pytest.warns(DeprecationWarning, match="format="):
        assert render_bibliography(items, NUMERIC, output="html") == new
    with pytest.warns(DeprecationWarning, match="format="):
        assert citekit.render(items, NUMERIC, output="html") == new
    with pytest.raises(UsageError):
        citekit.render(items, NUMERIC, format="pdf")  # type: ignore[arg-type]
