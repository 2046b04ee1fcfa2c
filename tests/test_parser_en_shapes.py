"""English reference shapes (issue 10): each a general rule, tested on strings written for the test
in the shape a style guide prints (APA 7, MLA 7/9, Harvard, IEEE, Science, USGS, MITRE ATT&CK's
reference lists), never on a scored development string.

Span repairs are given the labeller's wrong spans by hand, so they hold whatever the model says;
the end-to-end cases check the whole parse of the shape."""

from __future__ import annotations

import pytest
from conftest import hand_spans as _spans
from conftest import span_texts as _read

from citekit.parser import parse_reference
from citekit.parser.relabel import (
    acm_issue,
    bracketed_imprint,
    close_bracket,
    container_in_pieces,
    day_month_before_year,
    first_author_run,
    glued_number,
    lead_corporate_author,
    no_field_words,
    place_in_publisher,
    publisher_before_place,
    publisher_not_place,
    quoted_title_end,
    repair_spans,
    role_names,
    site_not_publisher,
    title_in_pieces,
    title_runs_on,
    two_containers,
    year_after_imprint,
)


def test_mla7_medium_is_no_field():
    text = "Palmer, William J. Dickens and New Historicism. New York: St. Martin's, 1997. Print."
    spans = _spans(
        text,
        ("author", "Palmer, William J"),
        ("title", "Dickens and New Historicism"),
        ("location", "New York"),
        ("publisher", "St. Martin's"),
        ("date", "1997"),
        ("genre", "Print"),
    )
    assert _read(text, no_field_words(spans, text, 0, len(text)))[-1] == ("note", "Print")


def test_no_date_read_as_title_gives_the_title_back():
    text = "Mandiant. (n.d.). APT1 Exposing One of China's Cyber Espionage Units. Retrieved July 18, 2016."
    spans = _spans(
        text,
        ("author", "Mandiant"),
        ("title", "n.d"),
        ("container-title", "APT1 Exposing One of China's Cyber Espionage Units"),
        ("date", "July 18, 2016"),
    )
    got = _read(text, no_field_words(spans, text, 0, len(text)))
    assert got[1] == ("note", "n.d")
    assert got[2] == ("title", "APT1 Exposing One of China's Cyber Espionage Units")


def test_web_as_a_title_word_is_kept():
    text = "Web. Designing for the Web. Wiley, 2001."
    spans = _spans(text, ("title", "Web"), ("container-title", "Designing for the Web"))
    assert no_field_words(spans, text, 0, len(text)) == spans


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Microsoft. (2020, October 15). Microsoft Digital Defense Report. Retrieved March 22, 2021.",
            "Microsoft",
        ),
        (
            "World Health Organization (2019) Global report on diabetes. Geneva: WHO.",
            "World Health Organization",
        ),
    ],
)
def test_organisation_before_an_author_date_date_is_the_author(text, first):
    title = text.split(")")[1].strip(" .").split(".")[0]
    spans = _spans(
        text,
        ("publisher", first),
        ("date", text[text.index("(") + 1 : text.index("(") + 5]),
        ("title", title),
    )
    got = _read(text, lead_corporate_author(spans, text, 0, len(text)))
    assert got[0] == ("author", first)


def test_a_publisher_after_its_title_stays_the_publisher():
    text = "Some Title. Penguin (2004)."
    spans = _spans(text, ("title", "Some Title"), ("publisher", "Penguin"), ("date", "2004"))
    assert lead_corporate_author(spans, text, 0, len(text)) == spans


def test_year_after_place_and_publisher():
    text = "Palmer, William J. Dickens and New Historicism. New York: St. Martin's, 1997."
    spans = _spans(
        text,
        ("author", "Palmer, William J"),
        ("title", "Dickens and New Historicism"),
        ("location", "New York"),
        ("title", "St. Martin's"),
        ("pages", "1997"),
    )
    got = _read(text, year_after_imprint(spans, text, 0, len(text)))
    assert got[3:] == [("publisher", "St. Martin's"), ("date", "1997")]


def test_journal_pages_after_a_place_are_left_alone():
    text = "A. Title. Boston: Journal of Things, 1997-2001."
    spans = _spans(
        text,
        ("title", "Title"),
        ("location", "Boston"),
        ("container-title", "Journal of Things"),
        ("pages", "1997-2001"),
    )
    assert year_after_imprint(spans, text, 0, len(text)) == spans


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (  # MLA 9 / Chicago: the first author inverted, a middle initial whose stop ends the names
            'Baron, Naomi S. "Redefining Reading: The Impact of Digital Communication Media." '
            "PMLA, vol. 128, no. 1, 2013, pp. 193-200.",
            {"author": [{"family": "Baron", "given": "Naomi S."}], "container-title": "PMLA"},
        ),
        (  # MLA 7: medium after the imprint, "Web." before the access date
            'Wheelis, Mark. "Investigating Disease Outbreaks Under a Protocol to the Biological and '
            'Toxin Weapons Convention." Emerging Infectious Diseases 6.6 (2000): 595-600. Web. 8 Feb. 2009.',
            {"accessed": {"date-parts": [[2009, 2, 8]]}, "issued": {"date-parts": [[2000]]}},
        ),
        (  # MITRE ATT&CK: an organisation, an APA date, "Retrieved" with no link: a web page
            "Microsoft. (2020, October 15). Microsoft Digital Defense Report. Retrieved March 22, 2021.",
            {
                "type": "webpage",
                "author": [{"literal": "Microsoft"}],
                "title": "Microsoft Digital Defense Report",
                "accessed": {"date-parts": [[2021, 3, 22]]},
            },
        ),
        (  # USGS: "v." before the volume
            "Barker, R.A., and Ayers, M.A., 2016, Groundwater levels in the Upper Floridan aquifer: "
            "Journal of Hydrology, v. 540, p. 15–29.",
            {"volume": "540", "page": "15-29", "container-title": "Journal of Hydrology"},
        ),
    ],
)
def test_english_shapes_end_to_end(raw, want):
    item = parse_reference(raw).item
    for key, value in want.items():
        assert item.get(key) == value, key


def test_two_containers_without_a_title():
    text = "Doe, J. (2011). Fast methods: A survey. Journal of Fast Methods, 12, 10-20."
    spans = _spans(
        text,
        ("author", "Doe, J."),
        ("date", "2011"),
        ("container-title", "Fast methods: A survey"),
        ("container-title", "Journal of Fast Methods"),
        ("volume", "12"),
        ("pages", "10-20"),
    )
    got = _read(text, two_containers(spans, text, 0, len(text)))
    assert got[2:4] == [
        ("title", "Fast methods: A survey"),
        ("container-title", "Journal of Fast Methods"),
    ]


def test_two_containers_after_in_are_left_alone():
    text = "Doe, J. In Proceedings of X. Lecture Notes, 12, 10-20."
    spans = _spans(
        text,
        ("author", "Doe, J."),
        ("container-title", "Proceedings of X"),
        ("container-title", "Lecture Notes"),
    )
    assert two_containers(spans, text, 0, len(text)) == spans


def test_quoted_title_ends_at_its_closing_quote():
    text = 'Kim, Ana. "Reading Screens." Notes on Media, 3 May 2014, notes.example.org/a. Accessed 4 May 2019.'
    spans = _spans(
        text,
        ("author", "Kim, Ana"),
        ("title", 'Reading Screens." Notes on Media'),
        ("date", "3 May 2014"),
    )
    got = _read(text, quoted_title_end(spans, text, 0, len(text)))
    assert got[1:3] == [("title", "Reading Screens"), ("container-title", "Notes on Media")]


@pytest.mark.parametrize(
    ("text", "author", "title", "publisher"),
    [
        (
            "Morrison, Toni. Beloved. Alfred A. Knopf, 1987.",
            "Morrison, Toni",
            "Beloved",
            "Alfred A. Knopf",
        ),
        (
            "Wallace, David Foster. Infinite Jest. Little, Brown, 1996.",
            "Wallace, David Foster",
            "Infinite Jest",
            "Little, Brown",
        ),
        (
            "Baron, Naomi S. Words Onscreen. Oxford UP, 2015.",
            "Baron, Naomi S.",
            "Words Onscreen",
            "Oxford UP",
        ),
    ],
)
def test_inverted_first_author_run_into_the_title(text, author, title, publisher):
    spans = _spans(text, ("author", text[: text.index(title) + len(title) + 2 + len(publisher)]))
    spans.append(("date", text.rindex(" ") + 1, len(text) - 1, 0.9))
    got = _read(text, first_author_run(spans, text, 0, len(text)))
    assert got[:3] == [("author", author), ("title", title), ("publisher", publisher)]


def test_names_after_edited_by_are_editors_even_if_read_as_translators():
    text = "Shakespeare, William. The Tempest. Edited by Peter Hulme and William H. Sherman, W. W. Norton, 2004."
    spans = _spans(
        text,
        ("author", "Shakespeare, William"),
        ("title", "The Tempest"),
        ("translator", "Peter Hulme and William H. Sherman, W. W. Norton"),
        ("date", "2004"),
    )
    got = _read(text, role_names(spans, text, 0, len(text)))
    assert ("editor", "Edited by Peter Hulme and William H. Sherman") in got
    assert ("publisher", "W. W. Norton") in got
    assert not any(lab == "translator" for lab, _ in got)


def test_number_glued_to_a_word_by_a_hyphen_stays_in_the_title():
    text = "Centers for Disease Control and Prevention. (2022, May 5). Symptoms of COVID-19. https://x.example/a"
    spans = _spans(
        text,
        ("author", "Centers for Disease Control and Prevention"),
        ("date", "2022"),
        ("title", "Symptoms of COVID"),
        ("pages", "-19"),
    )
    got = _read(text, glued_number(spans, text, 0, len(text)))
    assert got[-1] == ("title", "Symptoms of COVID-19")


def test_pages_after_a_space_are_pages():
    text = "A title of things, 12-19."
    spans = _spans(text, ("title", "A title of things"), ("pages", "12-19"))
    assert glued_number(spans, text, 0, len(text)) == spans


@pytest.mark.parametrize(
    ("text", "title", "run", "want"),
    [
        (  # Harvard: "Title. 4th edn. Place: Publisher"
            "Bryman, A. and Bell, E. (2015) Business research methods. 4th edn. Oxford: Oxford University Press.",
            "Business research methods. 4th edn",
            [("location", "Oxford"), ("publisher", "Oxford University Press")],
            [("title", "Business research methods"), ("edition", "4th edn")],
        ),
        (  # Harvard: "Title. Place: Publisher", the place read into the title
            "Mintzberg, H. (1994) The Rise and Fall of Strategic Planning. Hemel Hempstead: Prentice Hall.",
            "The Rise and Fall of Strategic Planning. Hemel Hempstead",
            [("publisher", "Prentice Hall")],
            [("title", "The Rise and Fall of Strategic Planning"), ("location", "Hemel Hempstead")],
        ),
        (  # APA 7 web page: "Title. Site. Retrieved …"
            "Fagan, J. (2019, March 25). Nursing clinical brain. OER Commons. Retrieved January 7, 2020, from https://x.example/b",
            "Nursing clinical brain. OER Commons",
            [("note", "Retrieved January 7, 2020, from https://x.example/b")],
            [("title", "Nursing clinical brain"), ("container-title", "OER Commons")],
        ),
        (  # APA 7 data set: "Title [Data set]. Publisher."
            "Kessler, R. C. (2020). Mental health survey data [Data set]. Harvard Dataverse. https://doi.org/10.7910/DVN/ABCDEF",
            "Mental health survey data [Data set]. Harvard Dataverse",
            [("url", "https://doi.org/10.7910/DVN/ABCDEF")],
            [
                ("title", "Mental health survey data"),
                ("genre", "Data set"),
                ("publisher", "Harvard Dataverse"),
            ],
        ),
    ],
)
def test_title_run_on_past_its_full_stop(text, title, run, want):
    spans = _spans(text, ("author", text.split(" (")[0]), ("title", title), *run)
    got = _read(text, title_runs_on(spans, text, 0, len(text)))
    assert got[1 : 1 + len(want)] == want


@pytest.mark.parametrize(
    "title",
    [
        "Life in the U.S. Army: A history",  # an abbreviation's stop
        "Cases. Materials. Notes",  # more than one stop: not this shape
    ],
)
def test_titles_with_other_stops_are_kept(title):
    text = f"Doe, J. (2001). {title}. Chicago: Press."
    spans = _spans(
        text, ("author", "Doe, J."), ("date", "2001"), ("title", title), ("location", "Chicago")
    )
    assert title_runs_on(spans, text, 0, len(text)) == spans


def test_an_unsure_place_that_is_no_place_is_the_publisher():
    text = "Fitzgerald, F. Scott. The Great Gatsby. Scribner, 2004."
    spans = _spans(
        text,
        ("author", "Fitzgerald, F. Scott"),
        ("title", "The Great Gatsby"),
        ("location", "Scribner"),
        ("date", "2004"),
    )
    spans[2] = (*spans[2][:3], 0.45)
    got = _read(text, publisher_not_place(spans, text, 0, len(text)))
    assert got[2] == ("publisher", "Scribner")
    known = "Smith, John. A Book. London, 2004."
    spans = _spans(
        known,
        ("author", "Smith, John"),
        ("title", "A Book"),
        ("location", "London"),
        ("date", "2004"),
    )
    spans[2] = (*spans[2][:3], 0.45)
    assert publisher_not_place(spans, known, 0, len(known)) == spans


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (
            "Kessler, R. C. (2020). Mental health survey data [Data set]. Harvard Dataverse. https://doi.org/10.7910/DVN/ABCDEF",
            "dataset",
        ),
        ("Fitzgerald, F. Scott. The Great Gatsby. Scribner, 2004.", "book"),
    ],
)
def test_type_of_english_shapes(raw, kind):
    assert parse_reference(raw).item["type"] == kind


def test_given_name_after_an_initial():
    item = parse_reference("Fitzgerald, F. Scott. The Great Gatsby. Scribner, 2004.").item
    assert item["author"] == [{"family": "Fitzgerald", "given": "F. Scott"}]


def test_bracketed_imprint_after_the_title():
    text = "3. B. Alberts, Molecular Biology of the Cell (Garland Science, New York, ed. 6, 2014)."
    spans = _spans(
        text,
        ("author", "B. Alberts"),
        ("title", "Molecular Biology of the Cell (Garland Science"),
        ("location", "New York"),
        ("issue", "6"),
        ("date", "2014"),
    )
    got = _read(text, repair_spans(spans, text, 3, len(text)))
    assert got[1:3] == [
        ("title", "Molecular Biology of the Cell"),
        ("publisher", "Garland Science"),
    ]
    assert ("edition", "6") in got  # "ed. 6": the prefix names the number


def test_a_title_with_its_own_brackets_is_kept():
    text = "Doe, J. Cities (and towns) of Europe. Springer, 2001."
    spans = _spans(
        text,
        ("author", "Doe, J."),
        ("title", "Cities (and towns) of Europe"),
        ("publisher", "Springer"),
        ("date", "2001"),
    )
    assert bracketed_imprint(spans, text, 0, len(text)) == spans


def test_title_read_in_pieces_after_the_date():
    text = "World Bank. (2021). World development report 2021: Data for better lives. https://x.example/wdr"
    spans = _spans(
        text,
        ("author", "World Bank"),
        ("date", "2021"),
        ("container-title", "World"),
        ("genre", "development report"),
        ("date", "2021"),
        ("title", "Data for better lives"),
    )
    got = _read(text, title_in_pieces(spans, text, 0, len(text)))
    assert got[2:] == [("title", "World development report 2021: Data for better lives")]


def test_a_container_before_the_title_across_a_full_stop_is_kept():
    text = "Doe, J. (2001). Journal. Data for better lives."
    spans = _spans(
        text,
        ("author", "Doe, J."),
        ("date", "2001"),
        ("container-title", "Journal"),
        ("title", "Data for better lives"),
    )
    assert title_in_pieces(spans, text, 0, len(text)) == spans


def test_author_date_list_with_a_link_is_not_a_web_note():
    item = parse_reference(
        "Bbc.co.uk. (2018). How to recycle batteries. [online] Available at: "
        "https://www.bbc.co.uk/news/recycling [Accessed 12 Mar. 2018]."
    ).item
    assert item["title"] == "How to recycle batteries"
    assert item["issued"] == {"date-parts": [[2018]]}


def test_harvard_agps_initials_without_stops():
    item = parse_reference(
        "Brown, A, Green, B & White, C 2015, 'Energy use in homes', Energy Policy, vol. 80, pp. 1-10."
    ).item
    assert item["author"] == [
        {"family": "Brown", "given": "A."},
        {"family": "Green", "given": "B."},
        {"family": "White", "given": "C."},
    ]


def test_last_initials_left_out_of_the_names():
    text = "Brown, A, Green, B & White, C 2015, 'Energy use in homes', Energy Policy."
    spans = _spans(text, ("author", "Brown, A, Green, B & White"), ("date", "2015"))
    assert _read(text, repair_spans(spans, text, 0, len(text)))[0] == (
        "author",
        "Brown, A, Green, B & White, C",
    )


def test_names_with_two_bare_initials():
    from citekit.parser.names import parse_names

    assert parse_names("Smith, AB & Jones, C").names == [
        {"family": "Smith", "given": "A. B."},
        {"family": "Jones", "given": "C."},
    ]
    # an all-capital piece is no family name with initials after it: "UN, WHO" are two bodies
    assert parse_names("UN, WHO").names != [{"family": "UN", "given": "W. H. O."}]


def test_publisher_before_the_place_ends_the_imprint():
    text = "Smith, AB & Jones, C 2010, Teamwork in practice, Allen & Unwin, Sydney."
    spans = _spans(
        text,
        ("author", "Smith, AB & Jones, C"),
        ("date", "2010"),
        ("title", "Teamwork in practice"),
        ("container-title", "Allen & Unwin"),
        ("location", "Sydney"),
    )
    assert _read(text, publisher_before_place(spans, text, 0, len(text)))[3] == (
        "publisher",
        "Allen & Unwin",
    )


def test_a_meeting_before_its_place_and_day_stays():
    text = 'A. Doe, "Talk," Paper for the Project on Security, Seoul, Korea, January 30, 2004.'
    spans = _spans(
        text,
        ("author", "A. Doe"),
        ("title", "Talk"),
        ("container-title", "Paper for the Project on Security"),
        ("location", "Seoul"),
        ("date", "January 30, 2004"),
    )
    assert publisher_before_place(spans, text, 0, len(text)) == spans


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (  # IEEE patents print the number in groups of digits
            '[1] G. Brandli and M. Dick, "Alternating current fed power supply," U.S. Patent 4 084 217, Nov. 4, 1978.',
            {
                "type": "patent",
                "number": "4 084 217",
                "title": "Alternating current fed power supply",
            },
        ),
        (  # IEEE technical report: "Tech. Rep." types it
            "[2] E. E. Reber, R. L. Michell, and C. J. Carter, \"Oxygen absorption in the earth's "
            'atmosphere," Aerospace Corp., Los Angeles, CA, USA, Tech. Rep. TR-0200 (4230-46)-3, Nov. 1988.',
            {"type": "report", "publisher": "Aerospace Corp.", "number": "TR-0200 (4230-46)-3"},
        ),
        (  # IEEE standard: the number standing as an element
            "[4] IEEE Standard for Floating-Point Arithmetic, IEEE Std 754-2019, 2019.",
            {
                "type": "standard",
                "number": "IEEE Std 754-2019",
                "title": "IEEE Standard for Floating-Point Arithmetic",
            },
        ),
        (
            "ISO 9001:2015. Quality management systems — Requirements. Geneva: International Organization for Standardization.",
            {"type": "standard", "number": "ISO 9001:2015"},
        ),
        (  # a standard named inside a title is words of the title
            "Smith, J. (2010). Implementing ISO 9001:2015 in small firms. Quality Journal, 3(2), 1-9.",
            {"type": "article-journal", "title": "Implementing ISO 9001:2015 in small firms"},
        ),
        (  # IEEE thesis: department and university are the publisher
            '[3] J. Smith, "A study of links," Ph.D. dissertation, Dept. Comput. Sci., Stanford Univ., Stanford, CA, USA, 2010.',
            {
                "type": "thesis",
                "publisher": "Dept. Comput. Sci., Stanford Univ.",
                "publisher-place": "Stanford, CA, USA",
            },
        ),
        (  # an organisation before an IEEE quoted title is the author, not a person
            '[14] NVIDIA Corporation, "CUDA C programming guide," 2020. [Online]. Available: https://docs.nvidia.com/cuda/',
            {"author": [{"literal": "NVIDIA Corporation"}], "title": "CUDA C programming guide"},
        ),
    ],
)
def test_ieee_shapes(raw, want):
    item = parse_reference(raw).item
    for key, value in want.items():
        assert item.get(key) == value, key


def test_container_read_in_two_pieces_after_the_title():
    text = '[3] Y. Bengio, "Learning deep architectures for AI," Found. Trends Mach. Learn., vol. 2, 2009.'
    spans = _spans(
        text,
        ("author", "Y. Bengio"),
        ("title", "Learning deep architectures for AI"),
        ("title", "Found"),
        ("container-title", "Trends Mach. Learn"),
        ("volume", "2"),
    )
    got = _read(text, container_in_pieces(spans, text, 0, len(text)))
    assert got[2] == ("container-title", "Found. Trends Mach. Learn")


def test_acm_issue_before_the_bracketed_month():
    text = "Jeffrey Dean and Sanjay Ghemawat. 2008. MapReduce. Commun. ACM 51, 1 (January 2008), 107–113."
    spans = _spans(
        text,
        ("container-title", "Commun. ACM"),
        ("volume", "51"),
        ("pages", "1"),
        ("date", "January 2008"),
    )
    assert _read(text, acm_issue(spans, text, 0, len(text)))[2] == ("issue", "1")
    science = "2. M. Lee, A. Park, Nat. Phys. 15, 100 (2019)."
    spans = _spans(
        science,
        ("container-title", "Nat. Phys."),
        ("volume", "15"),
        ("pages", "100"),
        ("date", "2019"),
    )
    assert acm_issue(spans, science, 0, len(science)) == spans


def test_town_read_into_the_publisher():
    text = "In Proc. NIPS. Curran Associates Inc., Red Hook, NY, USA, 6000–6010."
    spans = _spans(text, ("publisher", "Curran Associates Inc., Red Hook"), ("location", "NY, USA"))
    got = _read(text, place_in_publisher(spans, text, 0, len(text)))
    assert got == [("publisher", "Curran Associates Inc."), ("location", "Red Hook, NY, USA")]


def test_span_keeps_its_closing_bracket():
    text = "In Proceedings of Systems (NIPS'17). Curran, 2017."
    spans = _spans(
        text, ("container-title", "Proceedings of Systems (NIPS'17"), ("publisher", "Curran")
    )
    assert _read(text, close_bracket(spans, text, 0, len(text)))[0] == (
        "container-title",
        "Proceedings of Systems (NIPS'17)",
    )


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (  # ACM: names given first, pinyin ones too; the bracketed month is no access date
            "Zhiyuan Liu, Wei Chen, and Jun Yang. 2025. JUNO++: Accelerating approximate search. "
            "ACM Trans. Arch. Code Optim. 22, 4, Article 133 (Dec. 2025), 25 pages. https://doi.org/10.1145/3701234",
            {
                "author": [
                    {"family": "Liu", "given": "Zhiyuan"},
                    {"family": "Chen", "given": "Wei"},
                    {"family": "Yang", "given": "Jun"},
                ],
                "accessed": None,
                "volume": "22",
                "issue": "4",
            },
        ),
        (  # GB/T 7714-2025 prints pinyin names family first: still read so
            "Yu Yang, Pan Erting. A study of things[J]. Journal of Things, 2020, 3(2): 1-9.",
            {"author": [{"family": "Yu", "given": "Yang"}, {"family": "Pan", "given": "Erting"}]},
        ),
    ],
)
def test_acm_shapes(raw, want):
    item = parse_reference(raw).item
    for key, value in want.items():
        assert item.get(key) == value, key


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (  # natbib/BibTeX lists: a middle initial without its stop
            "Diederik P Kingma and Jimmy Ba. Adam: A method for stochastic optimization. arXiv preprint arXiv:1412.6980, 2014.",
            {
                "author": [
                    {"family": "Kingma", "given": "Diederik P."},
                    {"family": "Ba", "given": "Jimmy"},
                ]
            },
        ),
        (  # Copernicus author-date: ", and Name, I.:" then the title
            "Lacis, A. A., and Oinas, V.: A description of the correlated k distribution method, "
            "J. Geophys. Res., 96, 9027–9063, 1991.",
            {
                "author": [
                    {"family": "Lacis", "given": "A. A."},
                    {"family": "Oinas", "given": "V."},
                ],
                "title": "A description of the correlated k distribution method",
                "container-title": "J. Geophys. Res.",
            },
        ),
        (  # the house style of Chinese journals for English references still reads its shape
            "Alford,J.&Hughes,O.,“Public Value Pragmatism”,American Review of Public Administration,2008,38(2):130-148.",
            {
                "author": [
                    {"family": "Alford", "given": "J."},
                    {"family": "Hughes", "given": "O."},
                ],
                "volume": "38",
            },
        ),
    ],
)
def test_author_list_shapes(raw, want):
    item = parse_reference(raw).item
    for key, value in want.items():
        assert item.get(key) == value, key


def test_by_is_no_lead_in_inside_a_family_name():
    item = parse_reference(
        "Byrne, D., & Dillon, H. (2001). Hearing aids. Journal of the American Academy of Audiology, 12(1), 37–51."
    ).item
    assert item["author"][0] == {"family": "Byrne", "given": "D."}


@pytest.mark.parametrize(
    ("raw", "editors", "book", "page", "publisher"),
    [
        (
            "Müller, K. (2018). Lernen mit digitalen Medien. In S. Schmidt & T. Weber (Hrsg.), "
            "Handbuch Bildungstechnologie (S. 45–67). Springer VS.",
            [{"family": "Schmidt", "given": "S."}, {"family": "Weber", "given": "T."}],
            "Handbuch Bildungstechnologie",
            "45-67",
            "Springer VS",
        ),
        (
            "García, M., & López, J. (2017). Evaluación del aprendizaje. En R. Pérez (Ed.), "
            "Manual de evaluación educativa (pp. 23–45). Editorial Síntesis.",
            [{"family": "Pérez", "given": "R."}],
            "Manual de evaluación educativa",
            "23-45",
            "Editorial Síntesis",
        ),
        (
            "Weinstock, R., & Silva, J. A. (2003). Defining forensic psychiatry. In R. Rosner (Ed.), "
            "Principles and practice of forensic psychiatry (2nd ed., pp. 7–13). CRC Press.",
            [{"family": "Rosner", "given": "R."}],
            "Principles and practice of forensic psychiatry",
            "7-13",
            "CRC Press",
        ),
    ],
)
def test_apa_chapter_in_three_languages(raw, editors, book, page, publisher):
    item = parse_reference(raw).item
    assert item["type"] == "chapter"
    assert item["editor"] == editors
    assert item["container-title"] == book
    assert item["page"] == page
    assert item["publisher"] == publisher


def test_mla_web_page_site_is_the_container():
    item = parse_reference(
        '"Climate Change Indicators." United States Environmental Protection Agency, 2016, '
        "www.epa.gov/climate-indicators. Accessed 3 Mar. 2020."
    ).item
    assert item["type"] == "webpage"
    assert item["container-title"] == "United States Environmental Protection Agency"
    assert "publisher" not in item


def test_site_rule_leaves_a_book_with_a_place():
    text = "Doe, J. A Book. London: Penguin, 2016, www.example.org/book. Accessed 3 Mar. 2020."
    spans = _spans(
        text,
        ("author", "Doe, J."),
        ("title", "A Book"),
        ("location", "London"),
        ("publisher", "Penguin"),
        ("date", "2016"),
        ("url", "www.example.org/book"),
    )
    assert site_not_publisher(spans, text, 0, len(text)) == spans


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (  # informal numbered list: Vancouver names, a dash, the title
            "1. Goodfellow I, Bengio Y, Courville A - Deep Learning, MIT Press, 2016",
            {
                "author": [
                    {"family": "Goodfellow", "given": "I."},
                    {"family": "Bengio", "given": "Y."},
                    {"family": "Courville", "given": "A."},
                ],
                "title": "Deep Learning",
                "publisher": "MIT Press",
            },
        ),
        (  # family names alone joined by &: two authors, not "Russell, Norvig"
            "* Russell & Norvig, Artificial Intelligence: A Modern Approach, 4th ed., Pearson, 2020",
            {"author": [{"family": "Russell"}, {"family": "Norvig"}], "edition": "4"},
        ),
        (  # "X et al.," read into the title
            "See: Gamma et al., Design Patterns: Elements of Reusable Object-Oriented Software (Addison-Wesley, 1994).",
            {
                "title": "Design Patterns: Elements of Reusable Object-Oriented Software",
                "publisher": "Addison-Wesley",
            },
        ),
        (  # a dash inside a page title is no "Title - Site" bar when the right part is the longer
            "[3] Python Software Foundation. PEP 8 – Style Guide for Python Code. "
            "https://peps.python.org/pep-0008/ (accessed 2023-01-10).",
            {"title": "PEP 8 – Style Guide for Python Code", "container-title": None},
        ),
        (
            "How to cite things - Example Site. https://example.org/cite [Accessed 3 May 2020]",
            {"title": "How to cite things", "container-title": "Example Site"},
        ),
    ],
)
def test_informal_list_shapes(raw, want):
    item = parse_reference(raw).item
    for key, value in want.items():
        assert item.get(key) == value, key


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        # a word of the link (".../dissertation/...") names no kind of document
        (
            "Bergquist, C. (2020, March 12). How to write a literature review. Scribbr. https://www.scribbr.com/dissertation/literature-review/",
            "webpage",
        ),
        # PNAS: a journal named "Proceedings", with a volume and no "In"
        (
            "6. A. Smith, B. Jones, Coral bleaching under heat stress. Proc. Natl. Acad. Sci. U.S.A. 115, 1200–1205 (2018).",
            "article-journal",
        ),
        (
            '[13] A. Smith, "Edge computing for IoT," in Proc. IEEE INFOCOM, 2019, pp. 1–9.',
            "paper-conference",
        ),
        # a title ending in "Report" names a report
        (
            "S. Peggs, et al., ESS Technical Design Report, ESS 2013-001, http://esss.se/documentation (2013).",
            "report",
        ),
    ],
)
def test_kind_of_document(raw, kind):
    assert parse_reference(raw).item["type"] == kind


@pytest.mark.parametrize(
    ("raw", "number", "jurisdiction"),
    [
        ("Brin S, Page L. Method for node ranking. US6285999B1. 2001.", "US6285999B1", "US"),
        (
            'John Doe, "Method of manufacturing semiconductors," EP 1234567 A1, Jan. 2, 2005.',
            "EP 1234567 A1",
            "EP",
        ),
        # the kind code after a granted number is no volume
        (
            "Jobs, S. et al. Electronic device with touch screen. US Patent 7,479,949 B2 (2009).",
            "7,479,949",
            "US",
        ),
    ],
)
def test_patent_publication_numbers(raw, number, jurisdiction):
    item = parse_reference(raw).item
    assert item["type"] == "patent"
    assert item["number"] == number
    assert item["jurisdiction"] == jurisdiction
    assert "volume" not in item and "container-title" not in item


def test_day_and_month_read_into_the_magazine():
    text = 'Poniewozik, James. "TV Makes a Too-Close Call." Time 20 Nov. 2000: 70-71. Print.'
    spans = _spans(
        text,
        ("author", "Poniewozik, James"),
        ("title", "TV Makes a Too-Close Call"),
        ("title", "Time 20 Nov"),
        ("date", "2000"),
        ("pages", "70-71"),
    )
    got = _read(text, day_month_before_year(spans, text, 0, len(text)))
    assert got[2:4] == [("title", "Time"), ("date", "20 Nov. 2000")]
    item = parse_reference(text).item
    assert item["container-title"] == "Time"
    assert item["issued"] == {"date-parts": [[2000, 11, 20]]}


def test_a_title_ending_in_a_number_is_kept():
    text = "Doe, J. Report 20 Years. 2000."
    spans = _spans(text, ("author", "Doe, J."), ("title", "Report 20 Years"), ("date", "2000"))
    assert day_month_before_year(spans, text, 0, len(text)) == spans


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        (  # ACM in Markdown: the meeting's short name in brackets belongs to the container
            "- Tianqi Chen, Thierry Moreau, and Ziheng Jiang. 2018. TVM: An Automated End-to-End Optimizing "
            "Compiler for Deep Learning. In _13th USENIX Symposium on Operating Systems Design and "
            "Implementation (OSDI 18)_. USENIX Association, Carlsbad, CA, 578–594.",
            {
                "container-title": "13th USENIX Symposium on Operating Systems Design and Implementation (OSDI 18)",
                "volume": None,
                "publisher": "USENIX Association",
            },
        ),
        (  # a transliterated two-letter abbreviation of a given name
            "- Yu. A. Malkov and D. A. Yashunin. 2020. Efficient and Robust Approximate Nearest Neighbor "
            "Search. _IEEE Trans. Pattern Anal. Mach. Intell._ 42, 4 (2020), 824–836.",
            {
                "author": [
                    {"family": "Malkov", "given": "Yu. A."},
                    {"family": "Yashunin", "given": "D. A."},
                ]
            },
        ),
        (  # ACM's bare year element: no web note
            "- NVIDIA. 2024. CUDA C++ Programming Guide. https://docs.nvidia.com/cuda/cuda-c-programming-guide/",
            {
                "author": [{"literal": "NVIDIA"}],
                "issued": {"date-parts": [[2024]]},
                "title": "CUDA C++ Programming Guide",
            },
        ),
    ],
)
def test_acm_markdown_shapes(raw, want):
    item = parse_reference(raw).item
    for key, value in want.items():
        assert item.get(key) == value, key
