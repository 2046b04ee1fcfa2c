"""The normalised view: pre-parse repairs of pasted, marked-up and PDF-extracted references, with
every character of the view still pointing at the raw string."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citekit.normalise import clean_value, normalise
from citekit.parser import parse_reference


@pytest.mark.parametrize(
    "raw, view",
    [
        # a whole reference wrapped in brackets or parentheses
        ("[张三. 书名[M]. 北京: 某出版社, 2001.]", "张三. 书名[M]. 北京: 某出版社, 2001."),
        (
            "(Doe, A. (1999). A title. A Journal, 1(2), 3-4.)",
            "Doe, A. (1999). A title. A Journal, 1(2), 3-4.",
        ),
        # numbering and list markup glued to the first field
        ("15张三. 书名[M].", "15.张三. 书名[M]."),
        ("11《书名》，某出版社2001年版。", "11.《书名》,某出版社2001年版。"),
        ("[7」张三. 书名[M].", "[7]张三. 书名[M]."),
        ("[^2]: 张三:《书名》", "[2] 张三:《书名》"),
        ("* Doe, A. A title.", "Doe, A. A title."),
        ("- Doe, A. A title.", "Doe, A. A title."),
        ("• 张三. 书名[M].", "张三. 书名[M]."),
        # emphasis
        ("Doe, A. *A title*. *Journal*, **3**(2).", "Doe, A. A title. Journal, 3(2)."),
        ("Doe, A. A title. <i>Journal</i>, <b>3</b>(2).", "Doe, A. A title. Journal, 3(2)."),
        ("Doe, A. A title. __Journal__, 3.", "Doe, A. A title. Journal, 3."),
        # links broken by spaces
        ("See https://www. example.org/a/b.html now", "See https://www.example.org/a/b.html now"),
        ("doi: 10.1234/ abcd.5678", "doi: 10.1234/abcd.5678"),
        ("DOI: 10.1234/ab. 2019.77", "DOI: 10.1234/ab.2019.77"),
        ("http://a.org/x. Accessed 2020", "http://a.org/x. Accessed 2020"),  # a sentence after
        # (GB/T 7714-2025 appendix B prints its URLs with such spaces, several in one URL)
        ("http://a.cn/d? paperID=20209289.", "http://a.cn/d?paperID=20209289."),
        (
            "https://a.org/i? id=B12&synUpdateType = &t=%E4%B8% AD%E6%96% E7% AB%A0&nav= 1.",
            "https://a.org/i?id=B12&synUpdateType=&t=%E4%B8%AD%E6%96%E7%AB%A0&nav=1.",
        ),
        (
            "https://a.org/x/Paradigm _for_ Multi-Source_ Image.html.",
            "https://a.org/x/Paradigm_for_Multi-Source_Image.html.",
        ),
        ("http://a.edu/view?acc_num =wright17.", "http://a.edu/view?acc_num=wright17."),
        ("See http://a.org/x?q=1 and _this_ text", "See http://a.org/x?q=1 and this text"),
        # every space separator is a space, a run of them one (em, en, thin, narrow no-break)
        (
            "王明.\u2003\u2003\u2003城市治理[M].\u2002北京:\u2009某出版社,\u202f2001.",
            "王明. 城市治理[M]. 北京: 某出版社, 2001.",
        ),
        # an ampersand with a space lost on one side or both
        ("Rowman&Littlefield, 2011", "Rowman & Littlefield, 2011"),
        ("John Wiley &Sons; Williams& Wilkins", "John Wiley & Sons; Williams & Wilkins"),
        # spaces inside Chinese words from PDF extraction
        ("王 明. 城 市治理[M].", "王明. 城市治理[M]."),
        # OCR letters for digits in a year
        ("某学报, 20l3(2): 1-10.", "某学报, 2013(2): 1-10."),
        ("l998年", "1998年"),
        # a full stop glued to the next word
        ("Annu.Rev.Ecol. 3", "Annu. Rev. Ecol. 3"),
        ("V.Nair, G.E.Hinton.", "V. Nair, G.E. Hinton."),
    ],
)
def test_repairs(raw, view):
    v = normalise(raw)
    assert v.text == view
    assert v.raw == raw  # the raw string is evidence: never changed


@pytest.mark.parametrize(
    "raw",
    [
        "21世纪的城市治理[M]. 北京: 某出版社, 2001.",  # a number that opens the title
        "3种方法的比较[J]. 某学报, 2001(2): 3-4.",
        "[1] 张三. 书名[M]. 北京: 某出版社, 2001.",  # a label, not a wrapping bracket
        "(2001) 书名. 某出版社.",
        "Doe, A. 2*3 matrices. A Journal.",
        "http://a.org/x.html, 2020.",
        "王明 李华. 书名[M].",  # names separated by a space stay apart
        "AT&T Bell Laboratories; R&D; S&P 500",
        "http://a.org/x?a=1&bcd=2&efg=3",
    ],
)
def test_no_repair(raw):
    assert normalise(raw).text == raw


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab AZ.*_-<>i/[]()^:」15王明《》，。 \nhttps:/w.10")),
        max_size=60,
    )
)
def test_offsets_follow_the_repairs(raw):
    v = normalise(raw)
    assert len(v.offsets) == len(v.text) + 1
    assert list(v.offsets) == sorted(v.offsets)
    assert all(0 <= o <= len(raw) for o in v.offsets)
    for i in range(len(v.text) + 1):
        span = v.raw_span(0, i)
        assert 0 <= span.start <= span.end <= len(raw)


def test_spans_point_into_the_raw_string():
    raw = "* Doe, A. (2010). *Urban governance*. <i>Journal of Cities</i>, **3**(2), 1-10."
    outcome = parse_reference(raw)
    item = outcome.item
    assert item["title"] == "Urban governance"
    assert item["container-title"] == "Journal of Cities"
    assert item["volume"] == "3" and item["issue"] == "2"
    span = outcome.fields["title"].span
    assert raw[span.start : span.end] == "Urban governance"
    span = outcome.fields["container-title"].span
    assert raw[span.start : span.end] == "Journal of Cities"


def test_repaired_fields():
    item = parse_reference("[^3]: 王 明:《城市治理》,北京:某出版社2010年版。").item
    assert item["author"] == [{"family": "王", "given": "明"}] and item["title"] == "城市治理"
    item = parse_reference(
        "Doe J. A title. Annu.Rev.Ecol., 2010, 3(2): 1-10. DOI: 10.1234/ abc.12"
    ).item
    assert item["container-title"] == "Annu. Rev. Ecol." and item["DOI"] == "10.1234/abc.12"
    assert clean_value("Annu.Rev.Ecol.") == "Annu. Rev. Ecol."
    assert clean_value("*Urban* governance") == "Urban governance"


def test_the_list_tables_translate_every_character_as_the_dicts_do():
    from citekit.normalise import _CLEAN_TABLE, _FOLD_TABLE, _bmp_tables

    chars = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF) + "𠀀😀"
    fold, clean = _bmp_tables()
    assert chars.translate(fold) == chars.translate(_FOLD_TABLE)
    assert chars.translate(clean) == chars.translate(_CLEAN_TABLE)
    assert "，\u200b：".translate(fold) == ",:"  # (mapped, deleted, mapped)
