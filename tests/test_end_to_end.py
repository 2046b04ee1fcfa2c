"""The path an editor takes: a pasted list in, the GB/T 7714 list and the problems out."""

from conftest import FIXTURES, ROOT

import citekit


def test_example_list_parses_and_renders_to_the_reviewed_gbt7714_list():
    text = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8")
    text += (ROOT / "examples" / "zjss-2026-03-self-citation-gbt7714.txt").read_text("utf-8")
    refs = citekit.parse(text)
    assert len(refs) == 31
    entries = citekit.render(refs, "gbt7714-2015-numeric")
    expected = (FIXTURES / "end-to-end" / "zjss-2026-03.gbt7714-2015-numeric.txt").read_text(
        "utf-8"
    )
    assert [e.text for e in entries] == expected.splitlines()
    assert not any(e.error for e in entries)


def test_example_list_problems_are_reported():
    text = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8")
    refs = citekit.check(text)
    found = [(r.label, d.code) for r in refs for d in r.diagnostics if d.severity.value != "info"]
    # the list is in the 《》 house style, not GB/T 7714 (L012, issue 13)
    assert found == [("1", "L012"), ("27", "E002")]
