"""English span repairs found by the English round trip (tools/roundtrip_en.py: items printed in
the common English styles and read back).  Each repair is given the labeller's wrong spans by
hand, so the test holds whatever the shipped model says.  The strings are written for these tests
in the shapes of the styles' published formats (Nature, Vancouver/AMA, MLA 9, ACM, APA 7); the
names and works are made up."""

from __future__ import annotations

from conftest import hand_spans as _spans
from conftest import span_texts as _read

from citekit.normalise import normalise
from citekit.parser import house_en, parse_reference
from citekit.parser.assemble import assemble
from citekit.parser.doc_numbers import find_doc_numbers, split_genre_number
from citekit.parser.draft import Draft
from citekit.parser.names import parse_names
from citekit.parser.relabel_en import (
    abbreviation_before_of,
    acm_journal_numbers,
    bracket_after_year_letter,
    editor_before_ed,
    month_after_volume,
    nature_editors,
    nature_page_before_year,
    place_after_eds,
    repeated_author_dash,
    title_after_initials,
)


def _fix(repair, text: str, *pieces: tuple[str, str]) -> list[tuple[str, str]]:
    return _read(text, repair(_spans(text, *pieces), text, 0, len(text)))


def _unchanged(repair, text: str, *pieces: tuple[str, str]) -> bool:
    spans = _spans(text, *pieces)
    return repair(spans, text, 0, len(text)) == spans


def test_nature_single_author_runs_into_the_title():
    text = "Marlow, K. Tidal mixing in shallow bays. J. Coast. Res. 12, 301–318 (2004)."
    got = _fix(
        title_after_initials,
        text,
        ("author", "Marlow, K. Tidal mixing in shallow bays"),
        ("container-title", "J. Coast. Res."),
        ("volume", "12"),
    )
    assert got[:3] == [
        ("author", "Marlow, K."),
        ("title", "Tidal mixing in shallow bays"),
        ("container-title", "J. Coast. Res."),
    ]


def test_nature_last_author_takes_the_titles_first_word():
    # the title span the labeller found goes on from the word it left in the names
    text = "Marlow, K. L. & Ferris, D. Sediments, salt and tides. Estuaries 8, 1–9 (2010)."
    got = _fix(
        title_after_initials,
        text,
        ("author", "Marlow, K. L. & Ferris, D. Sediments"),
        ("title", "salt and tides"),
        ("container-title", "Estuaries"),
    )
    assert got[:2] == [
        ("author", "Marlow, K. L. & Ferris, D."),
        ("title", "Sediments, salt and tides"),
    ]


def test_vancouver_names_end_at_the_full_stop():
    text = "Ferris DA, Marlow K. Shallow bays: a survey. Coast Res 2004;12:301–18."
    got = _fix(
        title_after_initials,
        text,
        ("author", "Ferris DA, Marlow K. Shallow bays"),
        ("title", "a survey"),
        ("container-title", "Coast Res"),
    )
    assert got[:2] == [("author", "Ferris DA, Marlow K."), ("title", "Shallow bays: a survey")]
    # a suffix after the initials, and a title that goes on past a comma
    text = "Ferris DA Jr. Salt, Sand, and Tides. 4th ed. Coast Press; 2001."
    got = _fix(
        title_after_initials,
        text,
        ("author", "Ferris DA Jr. Salt"),
        ("title", "Sand, and Tides"),
        ("edition", "4th ed."),
    )
    assert got[:2] == [("author", "Ferris DA Jr."), ("title", "Salt, Sand, and Tides")]
    # a book with no title labelled: the title ends at the sentence's end, the rest is the
    # container when none is labelled
    text = "Ferris DA. Salt marshes. Field guide to coasts, 1999, p. 40."
    got = _fix(
        title_after_initials,
        text,
        ("author", "Ferris DA. Salt marshes. Field guide to coasts"),
        ("date", "1999"),
    )
    assert got[:3] == [
        ("author", "Ferris DA."),
        ("title", "Salt marshes"),
        ("container-title", "Field guide to coasts"),
    ]


def test_names_that_go_on_are_left_alone():
    # a comma after the initials: the list goes on
    assert _unchanged(
        title_after_initials,
        "Marlow, K., Ferris, D. Salt. Estuaries 8, 1 (2010).",
        ("author", "Marlow, K., Ferris, D."),
        ("title", "Salt"),
    )
    # ACM writes the given name first: "Dana A. Ferris, Kim Marlow" is no Vancouver name list
    assert _unchanged(
        title_after_initials,
        "Dana A. Ferris, Kim Marlow. 2010. Salt. Estuaries 8, 1 (2010).",
        ("author", "Dana A. Ferris, Kim Marlow"),
        ("date", "2010"),
    )
    # physics and astronomy lists: initials with stops after the family name go on
    for text, author in (
        ("Marlow K. D., 1994, ApJ, 267, 333", "Marlow K. D."),
        ("Marlow K. et al., Coast. Res., 8: 833-839, 1990", "Marlow K. et al."),
        ("Marlow K. and Ferris D., Coast. Res., 35 (2014) 015013.", "Marlow K. and Ferris D."),
    ):
        assert _unchanged(title_after_initials, text, ("author", author))
    # a list written given name first after the first inverted name goes on
    for text, author in (
        ("Marlow, K. Ferris, A. Ray, and B. Bell, Coast. Res. 8, 2008.", "Marlow, K. Ferris"),
        ("Marlow, K. v., Ferris, D., Coast. Res. 8, 2008.", "Marlow, K. v."),
    ):
        assert _unchanged(title_after_initials, text, ("author", author))
    # a full given name (MLA) is no initial
    assert _unchanged(
        title_after_initials,
        "Marlow, Kim. Salt Marshes. Coastal Press, 2004.",
        ("author", "Marlow, Kim. Salt Marshes"),
        ("publisher", "Coastal Press"),
    )


def test_repeated_author_dashes_are_no_name():
    text = "———. “Salt Marshes Revisited.” Estuaries, vol. 9, 2011, pp. 4–9."
    got = _fix(
        repeated_author_dash,
        text,
        ("author", "———"),
        ("title", "Salt Marshes Revisited"),
        ("container-title", "Estuaries"),
    )
    assert got[0] == ("title", "Salt Marshes Revisited")
    text = "---. 2011. Salt marshes revisited. Estuaries 9: 4–9."
    assert _fix(repeated_author_dash, text, ("author", "---"), ("date", "2011"))[0][0] == "date"
    # a name with a hyphen is a name
    assert _unchanged(
        repeated_author_dash,
        "Smith-Jones, K. 2011. Salt. Estuaries 9: 4–9.",
        ("author", "Smith-Jones, K."),
        ("date", "2011"),
    )


def _draft(text: str):
    view = normalise(text)
    return Draft(view, 0, len(view.text))


def test_apa_bracketed_patent_number():
    d = _draft("Ferris, D. (1999). Tide gauge (U.S. Patent No. 5,123,456). Example Office.")
    find_doc_numbers(d)
    assert (d.values.get("number"), d.type) == ("5,123,456", "patent")
    d = _draft("Ferris, D. (1999). Tide gauge (Patent Nos. US2001001234A1).")
    find_doc_numbers(d)
    assert d.values.get("number") == "US2001001234A1"
    # a title that only talks about patents keeps its words
    d = _draft("Ferris, D. (1999). Patent law in coastal states (2nd ed.). Example Press.")
    find_doc_numbers(d)
    assert not d.has("number")


def test_apa_bracketed_standard_number():
    d = _draft("Example Body. (2018). Tide gauges: vocabulary (ISO 12345-2:2018). Example Body.")
    find_doc_numbers(d)
    assert (d.values.get("number"), d.type) == ("ISO 12345-2:2018", "standard")
    d = _draft("Example Body. (2018). Tide gauges (IEC/IEEE 12345:2018).")
    find_doc_numbers(d)
    assert d.values.get("number") == "IEC/IEEE 12345:2018"
    # an organisation's abbreviation in brackets is no number
    d = _draft("International Example Body (IEB). (2018). Tide gauges (2nd ed.).")
    find_doc_numbers(d)
    assert not d.has("number")


def test_a_code_read_as_the_genre_is_the_number():
    text = "Ferris, D. (1999). Tide gauges: design report (XYZ-ABC-99-012). Example Lab."
    d = _draft(text)
    s = text.index("XYZ")
    d.set("genre", "XYZ-ABC-99-012", s, s + 14, 0.7)
    split_genre_number(d)
    assert d.values.get("number") == "XYZ-ABC-99-012" and not d.has("genre")
    # series words and a number still split where a space parts them
    text = "Ferris, D. (1999). Tide gauges. Tech. Rep. XYZ-99-012, Example Lab."
    d = _draft(text)
    s = text.index("Tech")
    d.set("genre", "Tech. Rep. XYZ-99-012", s, s + 21, 0.7)
    split_genre_number(d)
    assert (d.values.get("genre"), d.values.get("number")) == ("Tech. Rep.", "XYZ-99-012")


def test_the_bracket_after_a_year_letter_is_no_part_of_the_title():
    # Springer basic author-date: "Family I (1999b) Title. Journal 12:3-9"
    text = "Marlow K (1999b) Tidal mixing in shallow bays. Coast Res 12:3-9"
    got = _fix(
        bracket_after_year_letter,
        text,
        ("author", "Marlow K"),
        ("date", "1999b"),
        ("title", ") Tidal mixing in shallow bays"),
        ("container-title", "Coast Res"),
    )
    assert got[2] == ("title", "Tidal mixing in shallow bays")
    # the letter left with the bracket
    text = "Marlow, K. (1999b) Tidal mixing in shallow bays. Coast Res, 12, pp. 3-9."
    got = _fix(
        bracket_after_year_letter,
        text,
        ("author", "Marlow, K."),
        ("date", "1999"),
        ("title", "b) Tidal mixing in shallow bays"),
    )
    assert got[2] == ("title", "Tidal mixing in shallow bays")
    # after a year with no letter the repair does not act (the labeller's spans stay)
    assert _unchanged(
        bracket_after_year_letter,
        "Marlow K (1999) Tidal mixing in bays. Coast Res 12:3-9",
        ("author", "Marlow K"),
        ("date", "1999"),
        ("title", ") Tidal mixing in bays"),
    )


def test_an_abbreviation_before_of_opens_the_name():
    # MLA 9: "Title. Univ. of Somewhere Press, 1999."
    text = "Marlow, Kim. Salt Marshes. Univ. of Eastmoor Press, 1999."
    got = _fix(
        abbreviation_before_of,
        text,
        ("author", "Marlow, Kim. Salt Marshes. Univ."),
        ("publisher", "of Eastmoor Press"),
        ("date", "1999"),
    )
    assert got[:2] == [
        ("author", "Marlow, Kim. Salt Marshes"),
        ("publisher", "Univ. of Eastmoor Press"),
    ]
    # a sentence that ends with a full word before "of" is left alone
    assert _unchanged(
        abbreviation_before_of,
        "Marlow, Kim. Salt Marshes. of Eastmoor Press, 1999.",
        ("title", "Salt Marshes."),
        ("publisher", "of Eastmoor Press"),
    )


def test_vancouver_initials_are_no_role_words():
    # "ED" and "HG" without a full stop are two initials (Vancouver), not "Ed."/"Hg."
    assert parse_names("Marlow ED").names == [{"family": "Marlow", "given": "E. D."}]
    got = parse_names("Ferris HG, Marlow K")
    assert got.role is None and got.names[0] == {"family": "Ferris", "given": "H. G."}
    # the role words themselves still are
    assert parse_names("Marlow K, ed.").role == "editor"
    assert parse_names("Marlow, K. (Hg.)").role == "editor"
    assert parse_names("Marlow, K. (EDS.)").role == "editor"


def test_vancouver_suffix_after_initials():
    # "Family II Jr" (Vancouver): two initials, then the suffix
    assert parse_names("Ferris DA Jr").names == [
        {"family": "Ferris", "given": "D. A.", "suffix": "Jr."}
    ]


def test_a_suffix_after_a_name_written_given_name_first():
    # ACM, IEEE: "Dana A. Ferris Jr., Kim Marlow"
    got = parse_names("Dana A. Ferris Jr., Kim Marlow").names
    assert got == [
        {"family": "Ferris", "given": "Dana A.", "suffix": "Jr."},
        {"family": "Marlow", "given": "Kim"},
    ]


def test_acm_journal_numbers():
    # ACM Reference Format: "Journal VOLUME, ISSUE (DATE), PAGES."
    text = "Kim Marlow. 1999. Salt. Estuar. Coast. 39, 1–2 (March 1999), 301–318."
    got = _fix(
        acm_journal_numbers,
        text,
        ("author", "Kim Marlow"),
        ("date", "1999"),
        ("title", "Salt"),
        ("container-title", "Estuar. Coast."),
        ("volume", "39"),
        ("pages", "1–2"),
        ("date", "March 1999"),
        ("pages", "301–318"),
    )
    assert got[4:] == [
        ("volume", "39"),
        ("issue", "1–2"),
        ("date", "March 1999"),
        ("pages", "301–318"),
    ]
    # no issue: the lone number is the volume, and the number after the date the pages
    text = "Kim Marlow. 1999. Salt. Estuar. Coast. 39, (1999), 1845."
    got = _fix(
        acm_journal_numbers,
        text,
        ("author", "Kim Marlow"),
        ("date", "1999"),
        ("title", "Salt"),
        ("container-title", "Estuar. Coast"),
        ("issue", "39"),
        ("date", "1999"),
        ("date", "1845"),
    )
    assert got[4:] == [("volume", "39"), ("date", "1999"), ("pages", "1845")]
    # a book's place after its title is no journal numbers
    assert _unchanged(
        acm_journal_numbers,
        "Kim Marlow. 1999. Salt. Coast Press, Dover, 39.",
        ("author", "Kim Marlow"),
        ("date", "1999"),
        ("container-title", "Salt"),
        ("publisher", "Coast Press"),
    )


def test_harvard_web_page_with_no_date():
    # Harvard (Cite Them Right): "Author (no date) Title. Available at: URL (Accessed: date)."
    raw = (
        "Eastmoor Coastal Trust (no date) Visiting the salt marshes. Available at: "
        "https://example.org/marshes (Accessed: 4 May 2021)."
    )
    item = parse_reference(raw).item
    assert item["author"] == [{"literal": "Eastmoor Coastal Trust"}]
    assert item["title"] == "Visiting the salt marshes"
    raw = raw.replace("(no date)", "(n.d.)")
    assert parse_reference(raw).item["title"] == "Visiting the salt marshes"


def test_mla_et_al_and_editors_are_no_house_style_names():
    # MLA 9: "Family, I., et al. Title." and "Family, I., et al., editors. Title." are not the
    # comma-separated house style ("Family,I.,Title,Place:Publisher,Year")
    for raw in (
        "Marlow, K., et al. Salt Marshes: A Field Guide. 2nd ed., Coast Press, 1999.",
        "Marlow, K., et al., editors. Salt Marshes. Coast Press, 1999.",
    ):
        assert not house_en.applies(_draft(raw))
    assert house_en.applies(_draft("Marlow,K.,et al.,Salt Marshes,Dover:Coast Press,1999."))


def _assemble(text: str, *pieces: tuple[str, str]) -> dict:
    d = _draft(text)
    assemble(d, _spans(text, *pieces))
    return d.values


def test_month_and_day_after_the_container_complete_the_year():
    # Chicago author-date: "Family, Given. YEAR. “Title.” Paper, Month Day."
    text = "Marlow, Kim. 2005. “Salt Marshes Flood.” Eastmoor Times, June 15."
    got = _assemble(
        text,
        ("author", "Marlow, Kim"),
        ("date", "2005"),
        ("title", "Salt Marshes Flood"),
        ("container-title", "Eastmoor Times"),
        ("date", "June 15"),
    )
    assert got["issued"] == {"date-parts": [[2005, 6, 15]]}
    # Harvard: "Paper, 27 March."
    text = "Marlow, K. (2005) “Salt marshes flood,” Eastmoor Times, 27 March."
    got = _assemble(
        text,
        ("author", "Marlow, K."),
        ("date", "2005"),
        ("title", "Salt marshes flood"),
        ("container-title", "Eastmoor Times"),
        ("date", "27 March"),
    )
    assert got["issued"] == {"date-parts": [[2005, 3, 27]]}
    # after an access word it is no part of the issued date
    text = "Marlow, K. (2005) Salt marshes. Eastmoor Trust. Accessed: 27 March."
    got = _assemble(
        text,
        ("author", "Marlow, K."),
        ("date", "2005"),
        ("title", "Salt marshes"),
        ("publisher", "Eastmoor Trust"),
        ("date", "27 March"),
    )
    assert got["issued"] == {"date-parts": [[2005]]}


def test_chicago_month_after_the_volume():
    # Chicago author-date, a journal with no issue: "Journal 8 (January): 473–87."
    text = "Marlow, Kim. 2013. “Salt.” Coastal Research 8 (January): 473–87."
    got = _fix(
        month_after_volume,
        text,
        ("author", "Marlow, Kim"),
        ("date", "2013"),
        ("title", "Salt"),
        ("container-title", "Coastal Research"),
        ("volume", "8"),
        ("issue", "January"),
        ("pages", "473–87"),
    )
    assert got[4:] == [("volume", "8"), ("date", "January"), ("pages", "473–87")]
    # a numbered issue stays the issue
    assert _unchanged(
        month_after_volume,
        "Marlow, Kim. 2013. “Salt.” Coastal Research 8 (2): 473–87.",
        ("container-title", "Coastal Research"),
        ("volume", "8"),
        ("issue", "2"),
    )


def test_a_capitalised_particle_opens_the_family_name():
    # Chicago/MLA "Des Marais, David J., and …", APA "Des Marais, D. J., & …"
    got = parse_names("Des Marais, Kim J., and Dana Ferris").names
    assert got == [
        {"family": "Des Marais", "given": "Kim J."},
        {"family": "Ferris", "given": "Dana"},
    ]
    got = parse_names("Van Dorn, K. J., & Ferris, D.").names
    assert got[0] == {"family": "Van Dorn", "given": "K. J."}
    # two given names are no particle and family
    assert parse_names("Marlow, Kim, and Dana Ferris").names[0] == {
        "family": "Marlow",
        "given": "Kim",
    }


def test_ieee_month_before_the_year():
    # IEEE: "…, pp. 301–318, Mar. 2010." (the labeller left the month out of the date)
    text = "K. Marlow, “Salt in May,” Coast. Res., vol. 12, no. 3, pp. 301–318, Mar. 2010."
    got = _assemble(
        text,
        ("author", "K. Marlow"),
        ("title", "Salt in May"),
        ("container-title", "Coast. Res."),
        ("volume", "12"),
        ("issue", "3"),
        ("pages", "301–318"),
        ("date", "2010"),
    )
    assert got["issued"] == {"date-parts": [[2010, 3]]}
    # a month word that is the title's stays the title's
    text = "K. Marlow, Salt in May 2010. London: Coast Press."
    got = _assemble(
        text,
        ("author", "K. Marlow"),
        ("title", "Salt in May"),
        ("date", "2010"),
        ("location", "London"),
        ("publisher", "Coast Press"),
    )
    assert got["issued"] == {"date-parts": [[2010]]} and got["title"] == "Salt in May"


def test_ieee_double_issue_read_into_the_volume():
    # IEEE: "vol. 21, no. 1/2," read whole as the volume
    text = "K. Marlow, “Salt,” Coast. Res., vol. 21, no. 1/2, pp. 5–26, 1995."
    got = _assemble(
        text,
        ("author", "K. Marlow"),
        ("title", "Salt"),
        ("container-title", "Coast. Res."),
        ("volume", "vol. 21, no. 1/2"),
        ("pages", "5–26"),
        ("date", "1995"),
    )
    assert (got["volume"], got["issue"]) == ("21", "1/2")


def test_ieee_editor_before_ed_and_a_comma():
    # IEEE: "in Book, L. Ray, Ed., Publisher, 1981" (the container read as a second title)
    text = "K. Marlow, “Salt,” in The Coast Book, L. Ray, Ed., Coast Press, 1981, pp. 7–9."
    got = _fix(
        editor_before_ed,
        text,
        ("author", "K. Marlow"),
        ("title", "Salt"),
        ("title", "in The Coast Book"),
        ("author", "L. Ray"),
        ("publisher", "Coast Press"),
    )
    assert got[3] == ("editor", "L. Ray")


def test_ieee_place_after_eds():
    text = "K. Marlow, “Salt,” in Coasts, L. Ray and P. Bell, Eds., Dover, DE: Coast Press, 1996."
    got = _fix(
        place_after_eds,
        text,
        ("author", "K. Marlow"),
        ("title", "Salt"),
        ("container-title", "Coasts"),
        ("editor", "L. Ray and P. Bell, Eds., Dover, DE"),
        ("publisher", "Coast Press"),
    )
    assert got[3:5] == [("editor", "L. Ray and P. Bell"), ("location", "Dover, DE")]
    # an editor span that ends at "Eds." is left alone
    assert _unchanged(
        place_after_eds,
        text,
        ("author", "K. Marlow"),
        ("title", "Salt"),
        ("container-title", "Coasts"),
        ("editor", "L. Ray and P. Bell, Eds."),
        ("location", "Dover, DE"),
    )


def test_nature_page_that_looks_like_a_year():
    text = "Marlow, K. Salt. Coast. Res. 58, 1845 (2011)."
    got = _fix(
        nature_page_before_year,
        text,
        ("author", "Marlow, K."),
        ("title", "Salt"),
        ("container-title", "Coast. Res."),
        ("volume", "58"),
        ("date", "1845"),
        ("date", "2011"),
    )
    assert got[4:] == [("pages", "1845"), ("date", "2011")]
    # a year after the volume with no bracketed year after it is left to the labeller
    assert _unchanged(
        nature_page_before_year,
        "Marlow, K. Salt. Coast. Res. 58, 1845, 2011.",
        ("container-title", "Coast. Res."),
        ("volume", "58"),
        ("date", "1845"),
        ("date", "2011"),
    )


def test_nature_editors_in_brackets():
    text = "Marlow, K. Salt. in Coasts (ed. Ray, L.) 75–76 (Coast Press, 1981)."
    got = _fix(
        nature_editors,
        text,
        ("author", "Marlow, K."),
        ("title", "Salt"),
        ("title", "in Coasts"),
        ("author", "Ray, L."),
        ("pages", "75–76"),
    )
    assert got[3] == ("editor", "Ray, L.")
