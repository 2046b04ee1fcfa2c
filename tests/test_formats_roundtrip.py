"""Round trips CSL-JSON -> BibTeX/RIS (and the other formats) -> CSL-JSON over generated items.

Issue 6's contract: type, title, names, container, date, volume, issue, pages, DOI, publisher
and place survive, for Chinese and English items.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citekit.formats import read, write

SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "csl-schema" / "csl-data.json").read_text()
)
KEPT = (
    "type",
    "title",
    "author",
    "editor",
    "container-title",
    "issued",
    "volume",
    "issue",
    "page",
    "DOI",
    "publisher",
    "publisher-place",
    "language",
)

# types every target maps one-to-one
TYPES = [
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "book",
    "chapter",
    "paper-conference",
    "thesis",
    "report",
    "webpage",
    "patent",
    "dataset",
    "software",
    "standard",
    "manuscript",
    "document",
]

_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
_LATIN_WORD = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)
_ZH_TEXT = st.text(alphabet=_HAN, min_size=2, max_size=20)
_EN_TEXT = st.lists(
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9'’:?!&%$#_^.,()\-/]{0,10}", fullmatch=True),
    min_size=1,
    max_size=8,
).map(" ".join)


def _clean_text(s: str) -> str:
    s = " ".join(s.split())
    return s.replace("--", "-")


_PERSON = st.builds(
    lambda f, g: {"family": f, "given": g},
    _LATIN_WORD,
    st.lists(_LATIN_WORD, min_size=1, max_size=2).map(" ".join),
)
_CORPORATE = st.lists(_LATIN_WORD, min_size=2, max_size=4).map(lambda w: {"literal": " ".join(w)})
_ZH_NAME = st.text(alphabet=_HAN, min_size=2, max_size=4).map(lambda s: {"literal": s})


@st.composite
def _date(draw: st.DrawFn) -> dict:
    y = draw(st.integers(1900, 2030))
    parts = [y]
    if draw(st.booleans()):
        parts.append(draw(st.integers(1, 12)))
        if draw(st.booleans()):
            parts.append(draw(st.integers(1, 28)))
    return {"date-parts": [parts]}


@st.composite
def _pages(draw: st.DrawFn) -> str:
    a = draw(st.integers(1, 2000))
    if draw(st.booleans()):
        return str(a)
    return f"{a}-{a + draw(st.integers(1, 50))}"


@st.composite
def items(draw: st.DrawFn) -> dict:
    zh = draw(st.booleans())
    text = (_ZH_TEXT if zh else _EN_TEXT).map(_clean_text).filter(bool)
    names = _ZH_NAME if zh else st.one_of(_PERSON, _PERSON, _CORPORATE)
    item: dict = {
        "id": draw(st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)),
        "type": draw(st.sampled_from(TYPES)),
        "title": draw(text),
    }
    if zh:
        item["language"] = "zh-CN"
    elif draw(st.booleans()):
        item["language"] = draw(st.sampled_from(["en", "en-US", "en-GB"]))
    optional = {
        "author": st.lists(names, min_size=1, max_size=4),
        "editor": st.lists(names, min_size=1, max_size=2),
        "container-title": text,
        "issued": _date(),
        "volume": st.integers(1, 300).map(str),
        "issue": st.integers(1, 24).map(str),
        "page": _pages(),
        "DOI": st.from_regex(
            r"10\.[0-9]{4,5}/[a-z0-9][a-z0-9._;()/:-]{2,20}", fullmatch=True
        ).filter(lambda d: "--" not in d),
        "publisher": text,
        "publisher-place": text,
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            item[key] = draw(strategy)
    return item


def _check(item: dict, fmt: str) -> None:
    out, diags = write([item], fmt)
    lost = {d.field for d in diags}
    assert not lost & set(KEPT), (fmt, lost)
    (ref,) = read(out, fmt)
    assert not ref.diagnostics, [d.message for d in ref.diagnostics]
    for key in KEPT:
        assert ref.item.get(key) == item.get(key), (fmt, key, out)
    jsonschema.validate([ref.item], SCHEMA)


_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(items())
def test_bibtex_round_trip(item: dict) -> None:
    _check(item, "bibtex")


@_SETTINGS
@given(items())
def test_ris_round_trip(item: dict) -> None:
    _check(item, "ris")


@settings(max_examples=100, deadline=None)
@given(items())
def test_csl_json_round_trip(item: dict) -> None:
    for fmt in ("csl-json", "jsonl"):
        out, diags = write([item], fmt)
        assert not diags
        (ref,) = read(out, fmt)
        assert ref.item == item


@settings(max_examples=100, deadline=None)
@given(items())
def test_tagged_round_trips(item: dict) -> None:
    for fmt in ("endnote", "endnote-xml", "noteexpress", "refworks"):
        _check(item, fmt)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_readers_never_raise(text: str) -> None:
    for fmt in (
        "csl-json",
        "jsonl",
        "bibtex",
        "ris",
        "endnote",
        "endnote-xml",
        "noteexpress",
        "refworks",
    ):
        refs = read(text, fmt)
        for r in refs:
            assert r.raw is not None
