"""The synthetic English shapes the labeller reads worst (training/synth.py, ``synthesise_en``).

Report and patent numbers, genres, meetings, editors, editions and series must come out of the
marked rendering with the labels the training corpora give them; the expected spans below were
written by hand from the printed strings.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

synth = pytest.importorskip("synth")

_SMITH = [{"family": "Smith", "given": "John"}]
_ITEMS = {
    "report": {
        "type": "report",
        "author": _SMITH,
        "title": "A study of things",
        "genre": "Technical Report",
        "number": "TR-2019-04",
        "publisher": "Stanford University",
        "issued": {"date-parts": [[2019]]},
    },
    "patent": {
        "type": "patent",
        "author": _SMITH,
        "title": "Method for things",
        "number": "US 6,285,999",
        "issued": {"date-parts": [[2001, 9, 4]]},
    },
    "talk": {
        "type": "paper-conference",
        "author": _SMITH,
        "title": "A study of things",
        "event": "Annual Meeting of the Society for Things",
        "event-place": "Boston, MA",
        "genre": "Paper presentation",
        "issued": {"date-parts": [[2019, 5]]},
    },
    "edited": {
        "type": "book",
        "editor": [{"family": "Smith", "given": "John"}, {"family": "Doe", "given": "Jane"}],
        "title": "Handbook of things",
        "edition": "3",
        "publisher": "Sage",
        "publisher-place": "London",
        "issued": {"date-parts": [[2019]]},
    },
}


def _render(key: str, style: str) -> tuple[str, list[tuple[str, str]]]:
    item = dict(_ITEMS[key], id=key, language="en")
    ((_, rec),) = synth.render_marked([item], style)
    return rec["text"], [(lab, rec["text"][a:b]) for lab, a, b in rec["spans"]]


def test_report_number_and_genre_are_labelled():
    # APA 7: "Smith, J. (2019). A study of things (Technical Report TR-2019-04). Stanford University."
    text, spans = _render("report", "apa")
    assert "(Technical Report TR-2019-04)" in text
    assert ("genre", "Technical Report") in spans
    assert ("identifier", "TR-2019-04") in spans
    assert ("publisher", "Stanford University") in spans
    assert ("author", "Smith, J.") in spans and ("date", "2019") in spans


def test_patent_number_is_an_identifier():
    # MLA 9: "Smith, John. Method for Things. US 6,285,999, 4 Sept. 2001."
    text, spans = _render("patent", "modern-language-association")
    assert ("identifier", "US 6,285,999") in spans
    assert ("title", "Method for Things") in spans and ("author", "Smith, John") in spans


def test_meeting_is_the_container_and_its_place_a_location():
    # APA 7: "Smith, J. (2019, May). A study of things [Paper presentation]. Annual Meeting of the
    # Society for Things, Boston, MA."
    text, spans = _render("talk", "apa")
    assert ("genre", "Paper presentation") in spans
    assert ("container-title", "Annual Meeting of the Society for Things") in spans
    assert ("location", "Boston, MA") in spans
    assert ("date", "2019, May") in spans


def test_edited_book_editors_and_edition():
    # ACM: "John Smith and Jane Doe (Eds.). 2019. Handbook of things (3rd ed.). Sage, London."
    text, spans = _render("edited", "association-for-computing-machinery")
    assert text.startswith("[1] John Smith and Jane Doe (Eds.). 2019.")
    assert "(3rd ed.)" in text
    labels = dict(spans)
    assert labels["editor"].startswith("John Smith and Jane Doe") and "author" not in labels
    assert ("edition", "3rd ed.") in spans and ("citation-number", "1") in spans
    assert ("publisher", "Sage") in spans and ("location", "London") in spans


def test_editor_span_does_not_take_the_closing_quote():
    """Harvard prints "‘Title’, in Doe, J., ed., Book": the editor group starts at the name."""
    item = dict(
        _ITEMS["edited"],
        id="ch",
        type="chapter",
        author=_SMITH,
        title="A chapter",
        **{"container-title": "Handbook of things"},
        language="en",
    )
    ((_, rec),) = synth.render_marked([item], "harvard-limerick")
    editors = [rec["text"][a:b] for lab, a, b in rec["spans"] if lab == "editor"]
    assert editors and editors[0].startswith("Smith, J."), rec["text"]


def test_english_shapes_are_rendered_through_the_weak_styles_with_fields_aligned():
    recs = synth.synthesise_en(200, seed=3)
    assert len(recs) == 200
    labels = {lab for rec in recs for lab, _, _ in rec["spans"]}
    assert {"identifier", "genre", "editor", "edition", "collection-title"} <= labels
    kinds = {"proceedings": 1, "article-journal": 1, "thesis": 1}
    ieee = synth.synthesise_en(60, seed=3, styles=["ieee"], kinds=kinds)
    assert {rec["source"] for rec in ieee} == {"synthetic-en:ieee"}
    assert {"container-title", "pages", "genre"} <= {lab for r in ieee for lab, _, _ in r["spans"]}
    styles = {rec["source"].split(":", 1)[1] for rec in recs}
    assert styles <= set(synth.STYLES_EN_FOCUS) and len(styles) >= 5
    for rec in recs:
        text = rec["text"]
        for label, start, end in rec["spans"]:
            assert label in synth.LABELS or label == "citation-number"
            assert 0 <= start < end <= len(text) and text[start:end].strip(), (label, text)


def test_english_shapes_are_frozen_in_the_repository():
    """train.py reads them from a file (a renderer change cannot change the model)."""
    path = ROOT / "training" / "data" / synth.SYNTHETIC_EN
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        frozen = [json.loads(line) for line in fh if line.strip()]
    assert len(frozen) == synth.SYNTHETIC_EN_N
    assert all(r["source"].startswith("synthetic-en:") for r in frozen)
    assert synth.make_en_item(random.Random(1), 0) == synth.make_en_item(random.Random(1), 0)
