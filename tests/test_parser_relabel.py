"""Span repairs before assembly (citekit.parser.relabel): each rule is given the labeller's
wrong spans by hand, so the test holds whatever the shipped model says."""

from __future__ import annotations

import pytest
from conftest import hand_spans as _spans
from conftest import span_texts as _read

from citekit.parser import parse_reference
from citekit.parser.relabel import (
    abbreviation_tail,
    mla_volume_issue,
    role_names,
    title_before_in,
)


@pytest.mark.parametrize(
    ("text", "wrong", "want"),
    [
        (
            "Rilke, Rainer Maria. Letters to a Young Poet. Trans. Stephen Mitchell, Vintage Books, 1986.",
            [
                ("author", "Rilke, Rainer Maria"),
                ("title", "Letters to a Young Poet"),
                ("publisher", "Stephen Mitchell, Vintage Books"),
                ("date", "1986"),
            ],
            ("translator", "Trans. Stephen Mitchell", "publisher", "Vintage Books"),
        ),
        (
            "Eco, Umberto. The Name of the Rose. Translated by William Weaver, Harcourt, 1983.",
            [
                ("author", "Eco, Umberto"),
                ("title", "The Name of the Rose"),
                ("location", "William Weaver, Harcourt"),
                ("date", "1983"),
            ],
            # MLA prints no place: what follows the translator is the publisher
            ("translator", "Translated by William Weaver", "publisher", "Harcourt"),
        ),
        (
            "Homer. The Odyssey. Translated by Emily Wilson, Peter Green, and Anne Carson, Norton, 2018.",
            [
                ("author", "Homer"),
                ("title", "The Odyssey"),
                ("publisher", "Emily Wilson, Peter Green, and Anne Carson, Norton"),
                ("date", "2018"),
            ],
            (
                "translator",
                "Translated by Emily Wilson, Peter Green, and Anne Carson",
                "publisher",
                "Norton",
            ),
        ),
        (
            "Doe, Jane. Essays. Ed. Mary Roe and Li Wei, Oxford University Press, 2001.",
            [
                ("author", "Doe, Jane"),
                ("title", "Essays"),
                ("container-title", "Ed. Mary Roe and Li Wei, Oxford University Press"),
                ("date", "2001"),
            ],
            ("editor", "Ed. Mary Roe and Li Wei", "container-title", "Oxford University Press"),
        ),
    ],
)
def test_role_names_after_the_title(text, wrong, want):
    got = _read(text, role_names(_spans(text, *wrong), text, 0, len(text)))
    role, names, rest_label, rest = want
    assert (role, names) in got
    assert (rest_label, rest) in got


@pytest.mark.parametrize(
    "text",
    [
        # an edition's "ed." is no role word; a corporate body after a role word is no person
        "Roe, Al. Grammar. 2nd ed. Oxford University Press, 2001.",
        "Roe, Al. Grammar. Ed. Oxford University Press, 2001.",
    ],
)
def test_role_names_leave_other_shapes(text):
    wrong = _spans(
        text, ("author", "Roe, Al"), ("title", "Grammar"), ("publisher", "Oxford University Press")
    )
    assert role_names(wrong, text, 0, len(text)) == wrong


def test_a_title_inside_the_names_is_left_alone():
    text = "Smith, John. Edited by Night Falls. Penguin, 2001."
    wrong = _spans(text, ("author", "Smith, John"), ("title", "Edited by Night Falls"))
    assert role_names(wrong, text, 0, len(text)) == wrong


def test_container_before_in_is_the_chapter_title():
    text = "Evans, T. (2005). Market Research. In J. Cole & H. Price (eds.), Advanced Methods."
    wrong = _spans(
        text,
        ("author", "Evans, T."),
        ("date", "2005"),
        ("container-title", "Market Research"),
        ("editor", "J. Cole & H. Price"),
        ("container-title", "Advanced Methods"),
    )
    got = _read(text, title_before_in(wrong, text, 0, len(text)))
    assert got[2] == ("title", "Market Research") and got[4][0] == "container-title"
    # without "In" between them, two containers stay as they are
    text2 = text.replace(" In ", " ")
    wrong2 = _spans(text2, ("container-title", "Market Research"), ("editor", "J. Cole & H. Price"))
    assert title_before_in(wrong2, text2, 0, len(text2)) == wrong2


def test_abbreviated_words_move_from_title_to_container():
    text = "Smith, A. (2001). Slow light in cold gases. Phys. Rev. Lett. 86, 783-786."
    wrong = _spans(
        text,
        ("author", "Smith, A."),
        ("title", "Slow light in cold gases. Phys. Rev"),
        ("container-title", "Lett."),
    )
    got = _read(text, abbreviation_tail(wrong, text, 0, len(text)))
    assert got[1] == ("title", "Slow light in cold gases.") or got[1] == (
        "title",
        "Slow light in cold gases",
    )
    assert got[2] == ("container-title", "Phys. Rev. Lett.")
    # a title whose last sentence is ordinary words keeps it
    text2 = "Smith, A. (2001). Slow light. Cold Gases. Nature 86, 783-786."
    wrong2 = _spans(text2, ("title", "Slow light. Cold Gases"), ("container-title", "Nature"))
    assert abbreviation_tail(wrong2, text2, 0, len(text2)) == wrong2


def test_lone_year_is_the_date_when_none_was_labelled():
    outcome = parse_reference("Some notes, 2019, see https://doi.org/10.1000/xyz123 pp. 12-18")
    assert outcome.item["issued"] == {"date-parts": [[2019]]}


# -- assembly of hand-made spans (no model involved) -------------------------------------------


def _assemble(text: str, *pieces: tuple[str, str]) -> dict:
    from citekit.normalise import normalise
    from citekit.parser.assemble import assemble
    from citekit.parser.draft import Draft

    view = normalise(text)
    assert view.text == text  # the pieces are located in the view
    d = Draft(view, 0, len(text))
    assemble(d, _spans(text, *pieces))
    return d.values


def test_editors_before_eds():
    text = "Brown, Charles S., and Ted Toadvine, eds. Eco-Phenomenology. Albany: SUNY Press, 2003."
    got = _assemble(
        text,
        ("author", "Brown, Charles S., and Ted Toadvine"),
        ("title", "Eco-Phenomenology"),
        ("location", "Albany"),
        ("publisher", "SUNY Press"),
        ("date", "2003"),
    )
    assert "author" not in got
    assert [n["family"] for n in got["editor"]] == ["Brown", "Toadvine"]
    text = "John M. Cooper, ed., Plato Complete Works, Hackett, 1997."
    got = _assemble(text, ("author", "John M. Cooper"), ("title", "Plato Complete Works"))
    assert got["editor"] == [{"family": "Cooper", "given": "John M."}]
    # "ed." that is no role after the names: an edition phrase later does not count
    text = "Cooper, John. Plato, 2nd ed. Hackett, 1997."
    got = _assemble(text, ("author", "Cooper, John"), ("title", "Plato"))
    assert "editor" not in got and got["author"][0]["family"] == "Cooper"


def test_quoted_title_inside_the_names():
    text = "CIA, “Australia”, In: World Factbook. [Online], 1997."
    got = _assemble(text, ("author", "CIA, “Australia”, In: World Factbook"), ("date", "1997"))
    assert got["author"] == [{"literal": "CIA"}]
    assert got["title"] == "Australia" and got["container-title"] == "World Factbook"


@pytest.mark.parametrize(
    ("text", "date", "want"),
    [
        ("Watson, A. (1974/1993). Legal Transplants.", "1974/1993", {"literal": "1974/1993"}),
        ("Watson, A. (1974/1993). Legal Transplants.", "1974", {"literal": "1974/1993"}),
        (
            "Felstiner, W. (1980-1981). Law & Society Review, 15, 631-654.",
            "1980-1981",
            {"date-parts": [[1980], [1981]]},
        ),
        (
            "Wells, C. “Word of Love.” Review 93, no. 4 (Fall 2011): 581-598.",
            "Fall 2011",
            {"date-parts": [[2011]], "season": 3},
        ),
        ("Wells, C. (2011). The Fall. Review 93.", "2011", {"date-parts": [[2011]]}),
    ],
)
def test_year_pairs_and_seasons(text, date, want):
    assert _assemble(text, ("date", date))["issued"] == want


@pytest.mark.parametrize(
    ("text", "title", "edition", "want_title"),
    [
        (
            "Begon M (1986). Ecology: Individuals, 2nd edn. Boston: Blackwell",
            "Ecology: Individuals",
            "2",
            "Ecology: Individuals",
        ),
        (
            "Williams D, Transmission Electron Microscopy ( SecondEdition )(Springer, 2009).",
            "Transmission Electron Microscopy ( SecondEdition",
            "2",
            "Transmission Electron Microscopy",
        ),
    ],
)
def test_edition_phrase_outside_fields(text, title, edition, want_title):
    got = _assemble(text, ("title", title))
    assert got["edition"] == edition and got["title"] == want_title


def test_unmatched_bracket_ends_no_name():
    text = (
        "Lawton JH (1993). Redundancy. In: Biodiversity (eds Schulze ED, Mooney HA), pp. 255-270."
    )
    got = _assemble(text, ("author", "Lawton JH"), ("editor", "Schulze ED, Mooney HA)"))
    assert [n["family"] for n in got["editor"]] == ["Schulze", "Mooney"]


def test_paper_presented_at_a_meeting():
    text = (
        "Smith, J. (2010). Reading in context. Paper presented at the Annual Meeting of the "
        "Reading Association, Denver, CO."
    )
    # the labeller read the meeting as a journal and the city as a place of publication
    got = _assemble(
        text,
        ("author", "Smith, J."),
        ("date", "2010"),
        ("title", "Reading in context"),
        ("container-title", "Paper presented at the Annual Meeting of the Reading Association"),
        ("location", "Denver, CO"),
    )
    assert got["event-title"] == "Annual Meeting of the Reading Association"
    assert "container-title" not in got and got["event-place"] == "Denver, CO"
    # the same phrase that no field took
    got = _assemble(
        text, ("author", "Smith, J."), ("date", "2010"), ("title", "Reading in context")
    )
    assert got["event-title"] == "Annual Meeting of the Reading Association"


def test_preprint_arxiv_id_is_the_number():
    from citekit.normalise import normalise
    from citekit.parser.doc_numbers import preprint_number
    from citekit.parser.draft import Draft

    text = "Vasy, A. Analytic continuation. Preprint, arXiv:1206.5454, 2012."
    d = Draft(normalise(text), 0, len(text))
    preprint_number(d)
    assert d.values["number"] == "arXiv:1206.5454" and d.type == "article"
    # after a journal it is a pointer, not the number
    d = Draft(normalise(text), 0, len(text))
    d.set("container-title", "Phys. Rev. D", 0, 3)
    preprint_number(d)
    assert "number" not in d.values


@pytest.mark.parametrize(
    ("text", "field", "want"),
    [
        # read as a publisher by the labeller
        (
            "Roe, A. Trade and Growth. NBER Working Paper, 2006.",
            "publisher",
            {"genre": "NBER Working Paper"},
        ),
        # left unread, with its number
        (
            "Roe, A. 1998, What Caused the Crisis? [R], Working Paper, No. 6833.",
            None,
            {"genre": "Working Paper", "number": "6833"},
        ),
        # a series name: the collection
        (
            "Roe, A. “Governance,” SFB Working Paper Series, No.32, Berlin, 2012.",
            None,
            {"collection-title": "SFB Working Paper Series", "number": "32"},
        ),
    ],
)
def test_report_series_and_number(text, field, want):
    from citekit.normalise import normalise
    from citekit.parser.doc_numbers import report_series
    from citekit.parser.draft import Draft

    d = Draft(normalise(text), 0, len(text))
    if field:
        k = text.index("NBER")
        d.set(field, "NBER Working Paper", k, k + len("NBER Working Paper"))
    report_series(d)
    for key, value in want.items():
        assert d.values.get(key) == value, (key, d.values)
    assert field not in d.values and d.type == "report"


def test_journal_named_like_a_series_stays_a_journal():
    from citekit.normalise import normalise
    from citekit.parser.doc_numbers import report_series
    from citekit.parser.draft import Draft

    text = "Roe, A. Growth. Research Papers in Economics, 12(3), 1-9."
    d = Draft(normalise(text), 0, len(text))
    k = text.index("Research")
    d.set("container-title", "Research Papers", k, k + len("Research Papers"))
    d.set("volume", "12", text.index("12("), text.index("12(") + 2)
    report_series(d)
    assert d.values.get("container-title") == "Research Papers" and "genre" not in d.values


def test_number_prefix_names_the_number():
    from citekit.parser.relabel import number_prefixes

    text = "Doe, John. “Sorting.” Journal of Graphs, vol. 12, no. 3, 2014, pp. 101-15."
    wrong = _spans(text, ("issue", "12"), ("issue", "3"), ("volume", "101-15"))
    got = _read(text, number_prefixes(wrong, text, 0, len(text)))
    assert got == [("volume", "12"), ("issue", "3"), ("pages", "101-15")]
    # without a prefix the labeller's word stands
    text = "Journal of Graphs 12 (3): 101-15."
    wrong = _spans(text, ("volume", "12"), ("issue", "3"), ("pages", "101-15"))
    assert number_prefixes(wrong, text, 0, len(text)) == wrong


def test_date_month_read_into_the_title():
    text = "Doe, J. (2020, May 5). Sorting graphs fast. The Graph Blog."
    got = _assemble(
        text,
        ("author", "Doe, J."),
        ("date", "2020"),
        ("title", "May 5). Sorting graphs fast"),
    )
    assert got["issued"] == {"date-parts": [[2020, 5, 5]]}
    assert got["title"] == "Sorting graphs fast"


def test_report_number_closing_the_title():
    text = "World Health Organization. (2020). Graph guidelines (Report No. 12). WHO."
    got = _assemble(
        text,
        ("author", "World Health Organization"),
        ("date", "2020"),
        ("title", "Graph guidelines (Report No. 12)"),
        ("publisher", "WHO"),
    )
    assert got["title"] == "Graph guidelines"
    assert got["genre"] == "Report" and got["number"] == "12"
    # a bracket that names no number stays in the title
    text = "Doe, J. (2020). Graph guidelines (revised). WHO."
    got = _assemble(text, ("title", "Graph guidelines (revised)"), ("publisher", "WHO"))
    assert got["title"] == "Graph guidelines (revised)" and "number" not in got


def test_span_across_a_chinese_full_stop():
    from citekit.parser.relabel import cjk_stop_inside

    text = "方某、朱某（2012）。中国某某的度量。某某论坛，10，4-10。"
    wrong = _spans(
        text,
        ("author", "方某、朱某"),
        ("date", "2012"),
        ("location", "中国某某的度量。某某论坛"),
        ("volume", "10"),
        ("pages", "4-10"),
    )
    got = _read(text, cjk_stop_inside(wrong, text, 0, len(text)))
    assert got[2] == ("title", "中国某某的度量") and got[3] == ("container-title", "某某论坛")
    # with no numbers after it the second part keeps its label
    text = "何某（2008）。某某對策。北京：某某出版社。"
    wrong = _spans(text, ("author", "何某"), ("date", "2008"), ("location", "某某對策。北京"))
    got = _read(text, cjk_stop_inside(wrong, text, 0, len(text)))
    assert got[2:] == [("title", "某某對策"), ("location", "北京")]


def test_vancouver_journal_read_into_the_title():
    text = (
        "Buxton MJ, Lacey LA. Mapping from measures to utility. Value Health. 2007;10(3): 214-20."
    )
    got = _assemble(
        text,
        ("author", "Buxton MJ, Lacey LA"),
        ("title", "Mapping from measures to utility. Value Health"),
        ("date", "2007"),
        ("volume", "10"),
        ("issue", "3"),
        ("pages", "214-20"),
    )
    assert got["title"] == "Mapping from measures to utility"
    assert got["container-title"] == "Value Health"
    # a book's subtitle sentence with no numbers after it stays in the title
    text = "Doe, J. (2001). Sorting graphs. A Study in Methods. Wiley."
    got = _assemble(text, ("title", "Sorting graphs. A Study in Methods"), ("publisher", "Wiley"))
    assert got["title"] == "Sorting graphs. A Study in Methods" and "container-title" not in got


def test_names_end_at_et_al():
    from citekit.parser.relabel import names_end

    text = (
        "Horvath KJ, Oakes JM, et al. Feasibility, acceptability and efficacy. AIDS Behav. 2013;17"
    )
    wrong = _spans(
        text,
        ("author", "Horvath KJ, Oakes JM, et al. Feasibility"),
        ("title", "acceptability and efficacy"),
    )
    got = _read(text, names_end(wrong, text, 0, len(text)))
    assert got[0] == ("author", "Horvath KJ, Oakes JM, et al.")
    assert got[1] == ("title", "Feasibility, acceptability and efficacy")
    text = "Leoni, E., and Chiaramonti, N.: Volatile organic compounds in smoke, Int. J. Fire, 19"
    wrong = _spans(
        text,
        ("author", "Leoni, E."),
        ("title", "and Chiaramonti, N.: Volatile organic compounds in smoke"),
    )
    got = _read(text, names_end(wrong, text, 0, len(text)))
    assert got[0] == ("author", "Leoni, E., and Chiaramonti, N.")
    assert got[1] == ("title", "Volatile organic compounds in smoke")


def test_issue_read_into_the_volume():
    text = (
        "Ward, Anne. “Notes on Rivers.” Journal of Made-Up Studies 41, no. 7 (Spring 2009): 12-30."
    )
    got = _assemble(
        text,
        ("author", "Ward, Anne"),
        ("title", "Notes on Rivers."),
        ("container-title", "Journal of Made-Up Studies"),
        ("volume", "41, no. 7"),
        ("date", "Spring 2009"),
        ("pages", "12-30"),
    )
    assert (got["volume"], got["issue"]) == ("41", "7")
    # a volume alone stays as it was
    got = _assemble(text, ("author", "Ward, Anne"), ("volume", "41"), ("issue", "7"))
    assert (got["volume"], got["issue"]) == ("41", "7")


def test_two_containers_around_the_editors():
    text = "Lane, P. (2011). Small Rivers. In K. Hart & M. Wood (eds.), Water in Towns."
    got = _assemble(
        text,
        ("author", "Lane, P."),
        ("date", "2011"),
        ("container-title", "Small Rivers"),
        ("editor", "In K. Hart & M. Wood"),  # "In" read into the names
        ("container-title", "Water in Towns"),
    )
    assert (got["title"], got["container-title"]) == ("Small Rivers", "Water in Towns")


def test_chinese_publisher_starts_after_a_separator():
    from citekit.parser.relabel import cjk_publisher_start

    text = "赵明，钱华主编，区域经济导论，西南财经大学出版社，2010"
    wrong = _spans(
        text,
        ("author", "赵明，钱华"),
        ("title", "区域经济导论，西南财经"),
        ("publisher", "大学出版社"),
        ("date", "2010"),
    )
    got = _read(text, cjk_publisher_start(wrong, text, 0, len(text)))
    assert got[1:3] == [("title", "区域经济导论"), ("publisher", "西南财经大学出版社")]
    # a publisher after a separator is left as it is
    right = _spans(text, ("title", "区域经济导论"), ("publisher", "西南财经大学出版社"))
    assert cjk_publisher_start(right, text, 0, len(text)) == right


def test_last_name_with_its_role_word_read_as_a_group():
    from citekit.parser.relabel import role_word_alone

    text = "赵明，钱华编. 区域经济导论. 成都：西南财经大学出版社，2010."
    wrong = _spans(text, ("author", "赵明，"), ("editor", "钱华编"), ("title", "区域经济导论"))
    got = _read(text, role_word_alone(wrong, text, 0, len(text)))
    assert got[0] == ("author", "赵明，钱华编")
    # two groups with a title word between them stay apart
    text = "赵明著，钱华译. 区域经济导论."
    right = _spans(text, ("author", "赵明著"), ("translator", "钱华译"))
    assert role_word_alone(right, text, 0, len(text)) == right


def test_chapter_number_read_with_its_prefix():
    from citekit.parser.relabel import chapter_number

    text = "Springer, 2017, ch. 3, pp. 45-67."
    wrong = _spans(text, ("publisher", "Springer"), ("date", "2017"), ("volume", "ch. 3"))
    assert _read(text, chapter_number(wrong, text, 0, len(text)))[2] == ("note", "ch. 3")
    text = "Springer, 2017, vol. 3, pp. 45-67."
    right = _spans(text, ("publisher", "Springer"), ("date", "2017"), ("volume", "vol. 3"))
    assert chapter_number(right, text, 0, len(text)) == right


def test_whole_version_after_the_title():
    from citekit.parser.relabel import version_in_title

    text = "Lane, P. (2019). River maps (Version 3.0) [Computer software]."
    for piece in ("River maps (Version 3.0)", "River maps (Version 3"):
        wrong = _spans(text, ("author", "Lane, P."), ("date", "2019"), ("title", piece))
        assert _read(text, version_in_title(wrong, text, 0, len(text)))[2] == (
            "title",
            "River maps",
        )


def test_legal_volume_before_the_journal():
    from citekit.parser.relabel import legal_volume

    text = "Ann Ward, “Rivers in Law”, (2004) 17 Journal of Made-Up Law 211, p. 215."
    wrong = _spans(
        text,
        ("author", "Ann Ward"),
        ("title", "Rivers in Law"),
        ("date", "2004"),
        ("container-title", "Journal of Made-Up Law"),
        ("volume", "211"),
        ("pages", "215"),
    )
    got = _read(text, legal_volume(wrong, text, 0, len(text)))
    assert got[3:6] == [
        ("volume", "17"),
        ("container-title", "Journal of Made-Up Law"),
        ("note", "211"),
    ]
    # a journal with its volume after it and nothing between the year and the name: left alone
    text = "Ann Ward, “Rivers in Law”, (2004) Journal of Made-Up Law 17, 211."
    right = _spans(
        text, ("date", "2004"), ("container-title", "Journal of Made-Up Law"), ("volume", "17")
    )
    assert legal_volume(right, text, 0, len(text)) == right


def test_word_without_a_number_is_no_edition():
    text = "Lane, Ann. River maps. Preprint, 2012."
    got = _assemble(text, ("author", "Lane, Ann"), ("title", "River maps"), ("edition", "Preprint"))
    assert "edition" not in got
    text = "Lane, Ann. River maps. Revised edition, 2012."
    got = _assemble(
        text, ("author", "Lane, Ann"), ("title", "River maps"), ("edition", "Revised edition")
    )
    assert got["edition"] == "Revised edition"


def test_bracketed_group_after_the_names_is_no_title():
    from citekit.parser.relabel import bracketed_group_title

    text = (
        "Lane, A. [River Survey Group], et al.: Maps of small rivers. J. Made-Up Stud. 4, 12 (2016)"
    )
    wrong = _spans(
        text,
        ("author", "Lane, A."),
        ("title", "River Survey Group"),
        ("author", "et al."),
        ("title", "Maps of small rivers"),
        ("container-title", "J. Made-Up Stud."),
    )
    got = _read(text, bracketed_group_title(wrong, text, 0, len(text)))
    assert got[1] == ("note", "River Survey Group") and got[3] == ("title", "Maps of small rivers")
    # a bracketed title with no other title is kept (a translated title, a description)
    one = wrong[:3]
    assert bracketed_group_title(one, text, 0, len(text)) == one


def test_quoted_title_inside_the_names_before_a_labelled_container():
    text = "NASA, “Mars”, In: Planet Notes. [Online], 2001."
    got = _assemble(
        text, ("author", "NASA, “Mars”, In"), ("title", "Planet Notes"), ("date", "2001")
    )
    assert (got["title"], got["container-title"]) == ("Mars", "Planet Notes")
    assert got["author"] == [{"literal": "NASA"}]


def test_report_imprint_and_number_after_the_kind():
    from citekit.parser.relabel import publisher_before_place, report_number_note

    text = '[4] A. Lane, "River maps," Acme Labs Inc., Springfield, IL, USA, Tech. Rep. AL-12-3, May 2001.'
    wrong = _spans(
        text,
        ("author", "A. Lane"),
        ("title", "River maps"),
        ("container-title", "Acme Labs Inc"),
        ("location", "Springfield, IL, USA"),
        ("genre", "Tech. Rep"),
        ("note", "AL-12-3"),
        ("date", "May 2001"),
    )
    got = _read(
        text,
        report_number_note(publisher_before_place(wrong, text, 0, len(text)), text, 0, len(text)),
    )
    assert got[2] == ("publisher", "Acme Labs Inc") and got[5] == ("identifier", "AL-12-3")
    # a journal before a place with a month and no report kind stays a container (an event's)
    text = '[4] A. Lane, "River maps," Acme Forum, Springfield, IL, USA, May 2001.'
    right = _spans(
        text,
        ("author", "A. Lane"),
        ("title", "River maps"),
        ("container-title", "Acme Forum"),
        ("location", "Springfield, IL, USA"),
        ("date", "May 2001"),
    )
    assert publisher_before_place(right, text, 0, len(text)) == right


def test_university_read_as_names_after_the_title():
    from citekit.parser.relabel import institution_as_names

    text = '[5] A. Lane, "River maps," M.S. thesis, Dept. Geogr., Springfield Univ., Springfield, IL, 2004.'
    wrong = _spans(
        text,
        ("author", "A. Lane"),
        ("title", "River maps"),
        ("genre", "M.S. thesis"),
        ("container-title", "Dept. Geogr"),
        ("author", "Springfield Univ."),
        ("location", "Springfield, IL"),
    )
    got = _read(text, institution_as_names(wrong, text, 0, len(text)))
    assert got[3] == ("publisher", "Dept. Geogr., Springfield Univ.")
    # the names before the title are the authors, whatever they hold
    text = "Springfield Univ., A. Lane. River maps. 2004."
    right = _spans(text, ("author", "Springfield Univ., A. Lane"), ("title", "River maps"))
    assert institution_as_names(right, text, 0, len(text)) == right


def test_container_runs_past_its_bracket_into_the_publisher():
    from citekit.parser.relabel import container_runs_on

    text = "A. Lane. 2019. River maps. In Proc. of the Made-Up Forum (MUF 19). Acme Press, Springfield, IL, 1-9."
    wrong = _spans(
        text,
        ("author", "A. Lane"),
        ("date", "2019"),
        ("title", "River maps"),
        ("container-title", "Proc. of the Made-Up Forum (MUF 19). Acme Press"),
        ("location", "Springfield, IL"),
    )
    got = _read(text, container_runs_on(wrong, text, 0, len(text)))
    assert got[3:5] == [
        ("container-title", "Proc. of the Made-Up Forum (MUF 19)"),
        ("publisher", "Acme Press"),
    ]
    right = [*wrong[:3], ("container-title", *wrong[3][1:]), ("publisher", *wrong[4][1:])]
    assert container_runs_on(right, text, 0, len(text)) == right  # a publisher is labelled


def test_lone_word_before_the_names_is_the_containers():
    from citekit.parser.relabel import word_before_names

    text = "Lane, A. River Maps. In Atlas of Rivers; Ward, B., Ed.; Acme: Springfield, 2019."
    wrong = _spans(
        text,
        ("author", "Lane, A."),
        ("title", "River Maps"),
        ("container-title", "In Atlas of"),
        ("editor", "Rivers; Ward, B., Ed."),
    )
    got = _read(text, word_before_names(wrong, text, 0, len(text)))
    assert got[2:4] == [("container-title", "In Atlas of Rivers"), ("editor", "Ward, B., Ed.")]
    # names after a separator are left alone
    text = "Lane, A. River Maps. In Atlas; Ward, B.; Cole, C., Eds.; Acme, 2019."
    right = _spans(text, ("container-title", "In Atlas"), ("editor", "Ward, B.; Cole, C., Eds."))
    assert word_before_names(right, text, 0, len(text)) == right


def test_site_dated_to_the_day_with_a_link_is_a_web_page():
    from citekit.normalise import normalise
    from citekit.parser.assemble import assemble
    from citekit.parser.draft import Draft

    text = "Lane, A. (2021, May 3). How to map a river. Rivernotes. https://rivernotes.example/map"
    pieces = [
        ("author", "Lane, A."),
        ("date", "2021, May 3"),
        ("title", "How to map a river"),
        ("container-title", "Rivernotes"),
        ("url", "https://rivernotes.example/map"),
    ]
    d = Draft(normalise(text), 0, len(text))
    assemble(d, _spans(text, *pieces))
    assert d.type == "webpage"
    # the same with a volume is an article
    text = (
        "Lane, A. (2021, May 3). How to map a river. Rivernotes, 4. https://rivernotes.example/map"
    )
    d = Draft(normalise(text), 0, len(text))
    assemble(d, _spans(text, *pieces[:4], ("volume", "4"), pieces[4]))
    assert d.type != "webpage"


def test_name_suffix_stays_with_the_inverted_first_author():
    from citekit.parser.relabel import first_author_run

    text = "Lane, Peter J. Jr. River Maps. Acme, 1990."
    wrong = _spans(text, ("author", "Lane, Peter J. Jr. River Maps"), ("date", "1990"))
    assert first_author_run(wrong, text, 0, len(text)) == wrong
    text = "Lane, Peter J. River Maps. Acme, 1990."
    wrong = _spans(text, ("author", "Lane, Peter J. River Maps"), ("date", "1990"))
    got = _read(text, first_author_run(wrong, text, 0, len(text)))
    assert got[:2] == [("author", "Lane, Peter J."), ("title", "River Maps")]


def test_two_containers_split_by_a_comma_with_no_title_are_one_title():
    text = "Lane, Ann. 1990. Rivers, Roads, and Towns. Springfield: Acme Press."
    got = _assemble(
        text,
        ("author", "Lane, Ann"),
        ("date", "1990"),
        ("container-title", "Rivers"),
        ("container-title", "Roads, and Towns"),
        ("location", "Springfield"),
        ("publisher", "Acme Press"),
    )
    assert got["title"] == "Rivers, Roads, and Towns" and "container-title" not in got


def test_report_name_and_number_read_as_a_genre():
    from citekit.parser.relabel import report_name_as_genre

    text = "A. Lane, et al., Acme River Survey Report, ARS 2011-004, 2011."
    wrong = _spans(
        text,
        ("author", "A. Lane, et al."),
        ("genre", "Acme River Survey Report, ARS 2011-004"),
        ("date", "2011"),
    )
    got = _read(text, report_name_as_genre(wrong, text, 0, len(text)))
    assert got[1:3] == [("title", "Acme River Survey Report"), ("identifier", "ARS 2011-004")]
    # with a title labelled, the genre is left alone
    text = "A. Lane, River maps, Technical Report, No. 4, 2011."
    right = _spans(
        text, ("author", "A. Lane"), ("title", "River maps"), ("genre", "Technical Report, No. 4")
    )
    assert report_name_as_genre(right, text, 0, len(text)) == right


def test_title_cut_before_its_last_word_read_as_names():
    from citekit.parser.relabel import word_before_names

    text = (
        "Ann B. Lane. The Rivers of the Upper Valley. Made-Up Geography Review, 1921, 4(2). p. 31."
    )
    wrong = _spans(
        text,
        ("author", "Ann B. Lane"),
        ("container-title", "The Rivers of the Upper"),
        ("author", "Valley. Made-Up Geography Review"),
        ("date", "1921"),
    )
    got = _read(text, word_before_names(wrong, text, 0, len(text)))
    assert got[1:3] == [
        ("title", "The Rivers of the Upper Valley"),
        ("container-title", "Made-Up Geography Review"),
    ]
    # names after the full stop (initials) are names
    text = "Ann B. Lane. The Rivers of the Upper Valley. B. Ward, Made-Up Geography Review, 1921."
    right = _spans(
        text,
        ("author", "Ann B. Lane"),
        ("container-title", "The Rivers of the Upper"),
        ("author", "Valley. B. Ward"),
    )
    assert word_before_names(right, text, 0, len(text)) == right


def test_volume_with_a_lone_bracket_is_none():
    text = "Lane, A. River maps. Working Paper No. 4, Survey Unit (SU) 12, Springfield, 2001."
    got = _assemble(text, ("author", "Lane, A."), ("title", "River maps"), ("volume", "SU) 12"))
    assert "volume" not in got


def test_edition_with_its_space_lost_closing_the_title():
    text = "A. Lane, River Maps of the Valley ( ThirdEdition )(Acme, Springfield, 2009)."
    got = _assemble(
        text,
        ("author", "A. Lane"),
        ("container-title", "River Maps of the Valley ( ThirdEdition )"),  # renamed title later
        ("publisher", "Acme"),
    )
    assert (got["title"], got["edition"]) == ("River Maps of the Valley", "3")
    text = "A. Lane, River Maps of the Valley (GreatLakes). Acme, 2009."
    got = _assemble(text, ("author", "A. Lane"), ("title", "River Maps of the Valley (GreatLakes)"))
    assert got["title"] == "River Maps of the Valley (GreatLakes)" and "edition" not in got


def test_mla_volume_glued_to_the_issue_leaves_the_container_title():
    # MLA 7 (MLA Handbook, 7th ed., 5.4.2): "Journal Volume.Issue (Year): pages. Medium."
    text = 'Hall, Kim. "Reading Race." Studies in Women\'s Fiction 44.2 (1998): 12-30. Print.'
    wrong = _spans(
        text,
        ("author", "Hall, Kim"),
        ("title", "Reading Race"),
        ("container-title", "Studies in Women's Fiction 44"),
        ("issue", "2"),
        ("date", "1998"),
    )
    got = _read(text, mla_volume_issue(wrong, text, 0, len(text)))
    assert got[2:5] == [
        ("container-title", "Studies in Women's Fiction"),
        ("volume", "44"),
        ("issue", "2"),
    ]
    # a title that is only a number, or a volume already read, stays as it is
    text2 = text.replace("Studies in Women's Fiction 44", "Fiction 44")
    spans2 = _spans(text2, ("volume", "Fiction"), ("container-title", "44"), ("issue", "2"))
    assert mla_volume_issue(spans2, text2, 0, len(text2)) == spans2
