"""citekit agrees with itself (issue 13, item 5).

1. Every rule's own examples, as ``citekit rule CODE`` prints them, go through ``citekit check``
   (parse, then check): a ``Bad:`` example raises the rule's code where it differs from the
   ``Good:`` one, and a ``Good:`` example raises no warning or error at all.
2. What citekit renders in an edition's GB/T style passes that edition's check without
   warnings (tests/test_self_agreement_render.py).

The span check needs no hand-written offsets: the ``Bad:`` and ``Good:`` lines of a rule are
written as a pair, so where they differ is where the fault is, and the diagnostic must touch
that place (a list rule: the entry that differs; a citation rule: the place in the text).
"""

from __future__ import annotations

import re

import pytest

from citekit.config import Config
from citekit.model import Reference, Severity
from citekit.pipeline import process
from citekit.segment import split_label
from citekit.validate import RULES, check_list, check_reference
from citekit.validate.registry import split_example_list

# Rules whose bad example cannot fire from the text alone: the rule needs what only a parsed
# item from an exchange format (BibTeX, CSL-JSON) carries.
# (The string 'Godard J L' cannot say the given name was 'Jean-Luc'.)  Those examples are
# checked with the item such an input gives.
NEEDS_ITEM = {
    "G054": {
        "type": "book",
        "author": [{"family": "Godard", "given": "Jean-Luc"}],
        "issued": {"date-parts": [[1998]]},
    },
}

# Known disagreements, each written down for its owner (strict: fixing one makes it fail).
XFAIL: dict[tuple[str, str, int], str] = {}


def _edition(code: str) -> str:
    editions = RULES[code].editions
    return editions[0] if len(editions) == 1 else "gbt7714-2015"


def _config(code: str, **extra) -> Config:
    return Config(
        standard=_edition(code), lines=True, options=RULES[code].example_options(), **extra
    )


def _diff(bad: str, good: str) -> tuple[int, int]:
    """The region of ``bad`` that differs from ``good`` (common prefix and suffix removed)."""
    p = 0
    while p < min(len(bad), len(good)) and bad[p] == good[p]:
        p += 1
    s = 0
    while s < min(len(bad), len(good)) - p and bad[-1 - s] == good[-1 - s]:
        s += 1
    return p, len(bad) - s


def _touches(span, region: tuple[int, int], slack: int = 2) -> bool:
    lo, hi = region
    if lo >= hi:
        return True  # the bad example lacks something: the rule says where (its own choice)
    return span.start <= hi + slack and span.end >= lo - slack


_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")


def _unescape(text: str) -> str:
    """Examples write invisible characters as Python escapes ('\\x07')."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _pairs(kind: str):
    for code, r in RULES.items():
        ex = r.examples()
        for n, text in enumerate(ex[kind]):
            text = _unescape(text)
            other = [_unescape(t) for t in ex["good" if kind == "bad" else "bad"]]
            partner = other[n] if n < len(other) else (other[0] if other else None)
            marks = []
            reason = XFAIL.get((code, kind, n))
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            yield pytest.param(code, text, partner, marks=marks, id=f"{code}-{kind}{n}")


def _loud(refs) -> list[tuple[str, str]]:
    return [
        (d.code, d.message) for r in refs for d in r.diagnostics if d.severity is not Severity.INFO
    ]


def _list_refs(entries: list[str], code: str) -> list[Reference]:
    refs = process("\n".join(entries), _config(code))
    return [r if r.label is not None else _labelled(r) for r in refs]


def _labelled(ref: Reference) -> Reference:
    label = split_label(ref.raw)[0]
    return Reference(
        id=ref.id, raw=ref.raw, label=label, item=ref.item, diagnostics=ref.diagnostics
    )


def _run(code: str, text: str):
    """(references, diagnostics on the article text) of ``citekit check`` on an example."""
    r = RULES[code]
    if r.scope == "reference" and code in NEEDS_ITEM:
        ref = Reference(id="r1", raw=text, item={"id": "r1", **NEEDS_ITEM[code]})
        return [check_reference(ref, _config(code))], []
    if r.scope == "reference":
        return process(text, _config(code)), []
    cited = r.example_list()
    if cited:  # the example is article text citing the rule's list
        refs = _list_refs(cited, code)
        result = check_list(refs, _config(code), text=text)
        return result.references, result.text_diagnostics
    return _list_refs(split_example_list(text), code), []


def test_every_rule_has_a_bad_and_a_good_example():
    missing = [c for c, r in RULES.items() if not (r.examples()["bad"] and r.examples()["good"])]
    assert missing == []


def test_list_rules_have_list_examples():
    """A list rule's example is a list of real entries, not '[1] …  [2] …' placeholders."""
    for code, r in RULES.items():
        if r.scope != "list":
            continue
        for kind, texts in r.examples().items():
            for text in texts:
                entries = split_example_list(text) if not r.example_list() else [text]
                assert all(len(e) > 12 for e in entries), (code, kind, text)


@pytest.mark.parametrize("code,bad,good", list(_pairs("bad")))
def test_bad_example_fires_where_it_differs(code, bad, good):
    refs, text_diags = _run(code, bad)
    r = RULES[code]
    if r.scope == "reference":
        assert len(refs) == 1, [x.raw for x in refs]
        found = [d for d in refs[0].diagnostics if d.code == code]
        assert found, [(d.code, d.message) for d in refs[0].diagnostics]
        if good is not None:
            region = _diff(bad, good)
            assert any(d.span is None or _touches(d.span, region) for d in found), (
                region,
                bad[region[0] : region[1]],
                [(d.span, d.message) for d in found],
            )
        return
    if r.example_list():
        found = [d for d in text_diags if d.code == code]
        found += [d for x in refs for d in x.diagnostics if d.code == code]
        assert found, [(d.code, d.message) for d in text_diags]
        if good is not None:
            region = _diff(bad, good)
            in_text = [d for d in text_diags if d.code == code and d.span is not None]
            assert not in_text or any(_touches(d.span, region) for d in in_text)
        return
    hits = [i for i, x in enumerate(refs) if any(d.code == code for d in x.diagnostics)]
    assert hits, [(x.raw, [d.code for d in x.diagnostics]) for x in refs]
    if good is not None:
        good_entries = split_example_list(good)
        bad_entries = split_example_list(bad)
        differing = {
            i for i, e in enumerate(bad_entries) if i >= len(good_entries) or good_entries[i] != e
        }
        assert set(hits) & differing, (hits, differing)


@pytest.mark.parametrize("code,good,bad", list(_pairs("good")))
def test_good_example_is_clean(code, good, bad):
    refs, text_diags = _run(code, good)
    assert [d.code for x in refs for d in x.diagnostics if d.code == code] == []
    assert [d.code for d in text_diags if d.code == code] == []
    assert _loud(refs) == []
    assert [(d.code, d.message) for d in text_diags if d.severity is not Severity.INFO] == []
