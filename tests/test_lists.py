"""The pasted-list fixtures (tests/fixtures/lists, issue 13): segmentation and planted defects.

Each ``NAME.txt`` is a list as an editor pastes it; ``NAME.json`` (written by hand, see
SOURCES.md) gives the first words of every reference, in order, and the planted defects as
``[reference number, [codes]]`` or ``[reference number, [codes], anchor]``: one of the codes
must be reported at that reference with severity warning or error (an absence needs more than
a note), and with an anchor (a piece of the entry's text), its span on or touching that text.  A list without planted defects
must come out clean: no warning or error anywhere.
"""

import json

import pytest
from conftest import FIXTURES

import citekit
from citekit.config import Config
from citekit.model import Severity

LISTS = FIXTURES / "lists"
CASES = sorted(p.stem for p in LISTS.glob("*.txt"))

# Planted defects the checks do not find yet (each a known miss, reported to the lead).  A
# strict xfail: when a miss is fixed the test says so and the name comes off this list.
KNOWN_MISSES: dict[str, str] = {}


def _load(name: str) -> tuple[str, dict]:
    text = (LISTS / f"{name}.txt").read_bytes().decode("utf-8")
    return text, json.loads((LISTS / f"{name}.json").read_text("utf-8"))


def _check(text: str, expected: dict):
    return citekit.process(text, Config(standard=expected.get("standard", "gbt7714-2015")))


def test_there_are_at_least_sixty_lists():
    assert len(CASES) >= 60


@pytest.mark.parametrize("name", CASES)
def test_list_is_segmented_as_a_person_reads_it(name):
    text, expected = _load(name)
    refs = citekit.parse(text)
    got = [r.raw for r in refs]
    assert len(got) == len(expected["refs"]), got
    for raw, first_words in zip(got, expected["refs"], strict=True):
        assert raw.startswith(first_words), (raw, first_words)


def _serious(ref) -> list[str]:
    return [d.code for d in ref.diagnostics if d.severity.rank >= Severity.WARNING.rank]


@pytest.mark.parametrize("name", CASES)
def test_planted_defects_found_and_clean_lists_clean(name, request):
    if name in KNOWN_MISSES:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_MISSES[name], strict=True))
    text, expected = _load(name)
    refs = _check(text, expected)
    if not expected["defects"]:
        assert {i: _serious(r) for i, r in enumerate(refs, 1) if _serious(r)} == {}
    for number, codes, *anchor in expected["defects"]:
        ref = refs[number - 1]
        found = _serious(ref)
        assert set(found) & set(codes), (number, codes, found)
        if anchor:  # at the right place: a span on (or touching) the anchor's text
            assert any(_at(ref.raw, d, anchor[0]) for d in ref.diagnostics if d.code in codes), (
                number,
                anchor[0],
                [(d.code, d.span) for d in ref.diagnostics],
            )


def _at(raw: str, diag, anchor: str) -> bool:
    start = raw.find(anchor)
    assert start >= 0, (raw, anchor)
    span = diag.span
    return span is not None and span.start <= start + len(anchor) and span.end >= start
