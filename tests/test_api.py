import threading

import pytest
from conftest import ROOT

import citekit

EXAMPLE = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8")


def test_public_surface_is_explicit():
    for name in citekit.__all__:
        assert hasattr(citekit, name), name


def test_parse_then_render_example_list():
    refs = citekit.parse(EXAMPLE)
    entries = citekit.render(refs, "gbt7714-2015-numeric")
    assert len(entries) == 30
    assert entries[22].text.startswith("[23] ALFORD J, HUGHES O. Public Value Pragmatism")
    assert entries[0].id == "ref-1"


def test_unknown_style_raises_a_clear_error():
    with pytest.raises(
        citekit.StyleNotFoundError,
        match="unknown style 'gbt7714-2051-numeric'.*gbt7714-2015-numeric",
    ):
        citekit.render([{"id": "a", "type": "book", "title": "T"}], "gbt7714-2051-numeric")


def test_check_on_parsed_references_rechecks_without_parsing():
    refs = citekit.parse("1.Li X. Title\ufffd[J]. J, 2001.\n2.王刚.研究[J].管理,2016(2).")
    again = citekit.check(refs)
    assert [r.raw for r in again] == [r.raw for r in refs]
    assert [d.code for d in again[0].diagnostics].count("E001") == 1  # not duplicated


def test_parse_is_safe_from_several_threads():
    expected = [r.to_json() for r in citekit.parse(EXAMPLE)]
    results = []

    def work():
        results.append([r.to_json() for r in citekit.parse(EXAMPLE)])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)
