"""CSL 1.0.2 rules the renderer's engine follows, each test naming the rule of the specification
(https://docs.citationstyles.org/en/stable/specification.html) it checks.  The styles here are
written for the test; the CSL processor test suite (tests/csl_suite_runner.py) checks the same
rules on its own fixtures, which stay outside the repository."""

from __future__ import annotations

from citekit.renderer import Renderer


def _style(citation_layout: str, locale: str = "") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>test</title><updated>2026-01-01T00:00:00+00:00</updated></info>
  {locale}
  <citation><layout>{citation_layout}</layout></citation>
</style>"""


def _cite(style: str, item: dict) -> str:
    item = {"id": "a", **item}
    return Renderer(style, per_item_locale=False).citations([["a"]], [item], "text")[0].text


REVIEWED = {
    "type": "review",
    "title": "Review",
    "reviewed-author": [{"family": "Burtle", "given": "Beaver"}],
}


def test_a_verb_short_term_no_locale_defines_falls_back_to_the_verb_form() -> None:
    # CSL 1.0.2, Terms: "If a style uses a term in a form that is undefined (even after
    # fallback to other locales), there is fallback to other forms: verb-short first falls back
    # to verb, symbol to short, and verb and short both to long."  en-US defines
    # reviewed-author only in the verb form ("by").
    layout = """<names variable="reviewed-author">
      <label form="verb-short" suffix=" "/><name/></names>"""
    assert _cite(_style(layout), REVIEWED) == "by Beaver Burtle"


def test_a_symbol_term_falls_back_to_short_then_long() -> None:
    locale = """<locale><terms>
      <term name="volume" form="short">vol.</term>
    </terms></locale>"""
    layout = """<group delimiter=" "><text term="volume" form="symbol"/>
      <text term="in" form="symbol"/></group>"""
    # the style's volume has a short form; en-US's "in" only the long one
    assert _cite(_style(layout, locale), {"type": "book", "title": "T"}) == "vol. in"


def test_a_form_the_style_defines_is_used_before_any_fallback() -> None:
    locale = """<locale><terms>
      <term name="reviewed-author" form="verb-short">rev. by</term>
    </terms></locale>"""
    layout = """<names variable="reviewed-author">
      <label form="verb-short" suffix=" "/><name/></names>"""
    assert _cite(_style(layout, locale), REVIEWED) == "rev. by Beaver Burtle"


def test_markup_in_a_numeric_field_with_numeric_content_prints_as_text() -> None:
    # CSL-JSON rich text (the spec's Appendix on HTML-like markup in field values) is not
    # parsed in a field rendered by cs:number when its content is numeric, as citeproc-js does
    # (the suite's flipflop_NumericField); the same markup in a title is parsed.
    layout = '<group delimiter=" "><number variable="number"/><text variable="title"/></group>'
    item = {"type": "report", "number": "1<sup>er</sup>", "title": "A <i>b</i>"}
    out = Renderer(_style(layout), per_item_locale=False).citations(
        [["a"]], [{"id": "a", **item}], "html"
    )
    assert out[0].html == "1&lt;sup&gt;er&lt;/sup&gt; A <i>b</i>"


def test_an_institution_takes_the_family_name_part_text_case() -> None:
    # CSL 1.0.2 cs:name-part: "text-case ... formatting" of the family name-part; an
    # institution (a literal name) is formatted as a family name (citeproc-js, the suite's
    # name_InstitutionDecoration) ...
    part = '<name-part name="family" text-case="uppercase" {extra}/>'
    layout = '<names variable="author"><name>' + part + "</name></names>"
    item = {
        "type": "book",
        "author": [{"literal": "São Paulo (Estado)"}, {"family": "Doe", "given": "J"}],
    }
    plain = _style(layout.format(extra=""))
    assert _cite(plain, item) == "SÃO PAULO (ESTADO), J DOE"
    # ... except under citekit's ck:script, which limits a name-part to personal names of
    # that script (GB/T 7714 upper-cases Latin family names, prints institutions as written)
    scripted = _style(layout.format(extra='ck:script="latin"')).replace(
        'version="1.0"', 'version="1.0" xmlns:ck="https://citekit.dev/csl-extension"'
    )
    assert _cite(scripted, item) == "São Paulo (Estado), J DOE"


_LOCATOR_LAYOUT = """<group delimiter=", "><text variable="title"/>
  <group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
</group>"""


def _locate(locator: str, label: str | None = None) -> str:
    cite: dict = {"id": "a", "locator": locator, **({"label": label} if label else {})}
    item = {"id": "a", "type": "book", "title": "Book"}
    style = _style(_LOCATOR_LAYOUT)
    return Renderer(style, per_item_locale=False).citations([[cite]], [item], "text")[0].text


def test_a_locator_term_written_at_the_start_of_the_locator_is_its_label() -> None:
    # CSL 1.0.2 Locators: the locator types are terms (volume: vol./vols.); a locator given
    # without a label that starts with one of them is that label and the number after it, as
    # citeproc-js reads it (the suite's locator_TrickyEntryForPlurals) ...
    assert _locate("vol. 1, fol. 186, 8 April 1544") == "Book, vol. 1, fol. 186, 8 April 1544"
    assert _locate("vols. 2-3") == "Book, vols. 2–3"
    # ... the plural counts the numbers before the next label written in it (pp. 367–368)
    assert _locate("367-368, fig. 333") == "Book, pp. 367–368, fig. 333"
    # ... a label given with the cite wins, and a word that is no locator term stays text
    assert _locate("vol. 1", label="chapter") == "Book, chap. vol. 1"
    assert _locate("12") == "Book, p. 12"


def test_a_position_given_with_the_cite_decides_the_position_tests() -> None:
    # CSL 1.0.2 cs:if position="first|subsequent|ibid|ibid-with-locator" tests the cite's
    # position; a cite may carry it (the CSL-JSON citation item's "position", 0-3 as
    # citeproc-js numbers them: the suite's DemoPageFullCiteCruftOnSubsequent), else it is
    # worked out from the cites before it.
    layout = """<choose><if position="ibid"><text value="ibid"/></if>
      <else-if position="subsequent"><text value="subsequent"/></else-if>
      <else><text value="first"/></else></choose>"""
    style = Renderer(_style(layout), per_item_locale=False)
    item = [{"id": "a", "type": "book", "title": "T"}]
    clusters = [
        [{"id": "a"}],
        [{"id": "a", "position": 1}],
        [{"id": "a", "position": "first"}],
        [{"id": "a", "position": 2}],
        [{"id": "a", "position": 9}],  # not a CSL position: worked out (after a cite of a)
    ]
    assert [c.text for c in style.citations(clusters, item, "text")] == [
        "first",
        "subsequent",
        "first",
        "ibid",
        "ibid",
    ]


def test_labels_written_in_a_number_variable_are_read_as_labels() -> None:
    # CSL 1.0.2 cs:number renders a number variable in its form (ordinal: 7th); labels
    # written in the value after a comma (locator terms: "p.") are read as labels, in the
    # plural before several numbers, as citeproc-js reads them (the suite's
    # number_OrdinalSpacing).
    layout = '<number variable="edition" form="ordinal"/>'
    assert _cite(_style(layout), {"type": "book", "edition": "7, p. 3-8"}) == "7th, pp. 3–8"
    assert _cite(_style(layout), {"type": "book", "edition": "7, p. 3"}) == "7th, p. 3"
    assert _cite(_style(layout), {"type": "book", "edition": "2"}) == "2nd"


def _authors(*families: str) -> list[dict]:
    return [{"family": f, "given": "A"} for f in families]


def _in_text(citation_attrs: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation {citation_attrs}><layout delimiter="; ">
    <group delimiter=" "><names variable="author"><name form="short" and="symbol"
      delimiter=", " delimiter-precedes-last="never"/></names>
    <date variable="issued"><date-part name="year"/></date></group>
    <text variable="year-suffix"/>
  </layout></citation>
</style>"""


def _cite_all(style: str, items: list[dict]) -> str:
    renderer = Renderer(style, per_item_locale=False)
    return renderer.citations([[i["id"] for i in items]], items, "text")[0].text


def test_et_al_only_where_names_are_left_out() -> None:
    # CSL 1.0.2 et-al-min / et-al-use-first: with at least et-al-min names, only the first
    # et-al-use-first are printed, then the et-al term; with use-first at or above the
    # number of names none is left out, so no et-al term.
    style = _in_text('et-al-min="3" et-al-use-first="3"')
    items = [
        {
            "id": "a",
            "type": "book",
            "author": _authors("X", "Y", "Z"),
            "issued": {"date-parts": [[2000]]},
        }
    ]
    assert _cite_all(style, items) == "X, Y & Z 2000"


def test_year_suffixes_are_lettered_within_each_set_of_cites_added_names_leave_alike() -> None:
    # CSL 1.0.2 Disambiguation: disambiguate-add-names applies while it reduces the ambiguous
    # cites, also when it only splits them into smaller sets; year suffixes then tell apart
    # the cites still alike, lettered within each set (the suite's
    # disambiguate_YearSuffixAtTwoLevels).
    style = _in_text(
        'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" '
        'disambiguate-add-year-suffix="true"'
    )
    three, four = _authors("Smith", "Jones", "Brown"), _authors("Smith", "Jones", "Brown", "Lee")
    items = [
        {"id": n, "type": "book", "title": n, "author": a, "issued": {"date-parts": [[1986]]}}
        for n, a in (("a", three), ("b", three), ("c", four), ("d", four))
    ]
    assert _cite_all(style, items) == (
        "Smith, Jones & Brown 1986a; Smith, Jones & Brown 1986b; "
        "Smith, Jones, Brown, et al. 1986a; Smith, Jones, Brown, et al. 1986b"
    )


def test_ambiguity_is_that_of_the_subsequent_form() -> None:
    # CSL 1.0.2 Disambiguation works on the cites as rendered; citeproc-js (and the suite's
    # disambiguate_BasedOnEtAlSubsequent) judge a cite by its subsequent form, so cites
    # alike once et-al-subsequent-min cuts their names get year suffixes on first cite too.
    style = _in_text(
        'et-al-min="4" et-al-use-first="3" et-al-subsequent-min="1" '
        'et-al-subsequent-use-first="1" disambiguate-add-year-suffix="true"'
    )
    items = [
        {
            "id": "a",
            "type": "book",
            "author": _authors("Baur", "Fröberg", "Baur", "Haase"),
            "issued": {"date-parts": [[2000]]},
        },
        {
            "id": "b",
            "type": "book",
            "author": _authors("Baur", "Schileyko"),
            "issued": {"date-parts": [[2000]]},
        },
    ]
    assert _cite_all(style, items) == "Baur, Fröberg, Baur, et al. 2000a; Baur & Schileyko 2000b"


def test_disambiguate_tests_turn_true_one_at_a_time() -> None:
    # CSL 1.0.2 Disambiguation, step 4: a cs:if disambiguate="true" test is true only for
    # cites still ambiguous after the other methods; the style's tests are tried one at a time
    # in document order, so a cite told apart by the first gets none of the later text
    # (citeproc-js; the suite's disambiguate_IncrementalExtraText); the bibliography shows
    # the outcome (all its tests true for a reference that needed any).
    extra = """<group delimiter=", "><names variable="author"><name/></names>
      <choose><if disambiguate="true"><text variable="title"/></if></choose>
      <choose><if disambiguate="true"><number variable="edition"/></if></choose></group>"""
    style = f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>t</id><title>t</title><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout>{extra}</layout></citation>
  <bibliography><layout>{extra}</layout></bibliography>
</style>"""
    smith = [{"family": "Smith", "given": "John"}]
    items = [
        {
            "id": "y",
            "type": "book",
            "title": "One",
            "author": [{"family": "Trisk", "given": "Yost"}],
        },
        {"id": "a", "type": "book", "title": "One", "edition": "3", "author": smith},
        {"id": "b", "type": "book", "title": "Two", "edition": "4", "author": smith},
        {"id": "c", "type": "book", "title": "Works", "edition": "5", "author": smith},
        {"id": "d", "type": "book", "title": "Works", "edition": "6", "author": smith},
    ]
    renderer = Renderer(style, per_item_locale=False)
    cites = renderer.citations([[i["id"]] for i in items], items, "text")
    assert [c.text for c in cites] == [
        "Yost Trisk",
        "John Smith, One",
        "John Smith, Two",
        "John Smith, Works, 5",
        "John Smith, Works, 6",
    ]
    entries = [e.text for e in renderer.bibliography(items, "text")]
    assert "John Smith, One, 3" in entries and "Yost Trisk" in entries


# The suite's harness prints citeproc-js's message where a cite or entry prints nothing; citekit
# prints nothing there, and the runner writes the message as citeproc-js's API does.
_RUNNER_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="(" suffix=")">{cite}</layout></citation>
  <bibliography><layout><choose><if type="book">
    <group delimiter=". "><text variable="citation-number"/><text variable="title"/></group>
  </if></choose></layout></bibliography>
</style>"""


def _runner_fixture(mode: str, cite: str):  # type: ignore[no-untyped-def]
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    import csl_suite_runner as runner

    items = [
        {"id": "A", "type": "book", "title": "One"},
        {"id": "B", "type": "personal_communication", "title": "Letter"},
    ]
    return runner, runner.Fixture(
        "t", mode, "", _RUNNER_STYLE.format(cite=cite), items, [[{"id": "A"}], [{"id": "B"}]], None
    )


def test_runner_prints_citeproc_js_message_for_a_numeric_entry_with_no_printed_form() -> None:
    runner, fixture = _runner_fixture("bibliography", '<text variable="citation-number"/>')
    assert runner.run(fixture).splitlines()[1:3] == [
        '  <div class="csl-entry">1. One</div>',
        f'  <div class="csl-entry">2. {runner.NO_PRINTED_FORM}</div>',
    ]


def test_runner_leaves_out_a_non_numeric_entry_with_no_printed_form() -> None:
    runner, fixture = _runner_fixture("bibliography", '<text variable="title"/>')
    assert runner.run(fixture).count("csl-entry") == 1


def test_runner_prints_the_message_in_the_layout_affixes_for_an_empty_citation() -> None:
    runner, fixture = _runner_fixture("citation", '<text variable="page"/>')
    assert runner.run(fixture).splitlines() == [f"({runner.NO_PRINTED_FORM})"] * 2


def test_runner_marks_citations_whose_items_disambiguation_changed() -> None:
    # citeproc-js returns (its harness marks >>) the citations holding an item whose
    # disambiguation changed with the last citation placed, even where their text did not.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    import csl_suite_runner as runner

    style = _in_text('et-al-min="3" et-al-use-first="1" disambiguate-add-names="true"')
    renderer = Renderer(style, per_item_locale=False)
    year = {"date-parts": [[1990]]}
    items = [
        {"id": "a", "type": "book", "author": _authors("Smith", "Jones", "Brown"), "issued": year},
        {"id": "b", "type": "book", "author": _authors("Smith", "Lee", "Brown"), "issued": year},
        {"id": "c", "type": "book", "author": _authors("Doe"), "issued": year},
    ]

    def doc(*ids: str) -> list[dict]:
        return [{"citationID": f"C-{i}", "citationItems": [{"id": i}]} for i in ids]

    assert runner._disambiguation_moved(renderer, items, doc("a"), doc("a", "b")) == {"C-a"}
    assert runner._disambiguation_moved(renderer, items, doc("a"), doc("a", "c")) == set()
