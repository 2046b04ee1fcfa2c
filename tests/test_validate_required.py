"""Required elements (G043, G023) and type-code/shape mismatches (G059), measured on planted
defects: each clean example entry of the standard (both editions) loses one required element,
or gets another type's code, and the check must name it where the element was taken out.

The expected place comes from the edit itself (where the text was removed or the code
replaced), never from citekit's output.  Sources: ``tests/fixtures/validate/gold-clean.jsonl``
(2015) and ``gold-2025.jsonl`` (2025, numeric system), see SOURCE.md there.
"""

from __future__ import annotations

import json

import pytest
import regex
from conftest import FIXTURES

from citekit.config import Config
from citekit.model import Reference, Severity
from citekit.validate import check_reference
from citekit.validate._entry import Entry

_YEAR = r"(?:1[5-9]|20)\d\d"
# ". 刊名, 2012, 57(34): 3219" — the serial's title before its year
_SERIAL = regex.compile(rf"\G(?P<sep>[.．]\s*)(?P<t>[^.．,，\[\]]{{2,80}}?[,，]\s*)(?={_YEAR})")
# ". 北京: 科学出版社, 2010" — place and publisher before the year
_IMPRINT = regex.compile(
    rf"\G(?P<sep>[.．]\s*(?:[^.．:：\[\]]{{1,20}}[.．]\s*)?)"
    rf"(?P<place>[^.．:：,，\[\]]{{2,30}})(?P<colon>\s*[:：]\s*)"
    rf"(?P<pub>[^.．:：\[\]]{{2,60}}?)(?P<comma>\s*[,，]\s*)(?={_YEAR})"
)


def _load(name: str, system: str | None = None) -> list[str]:
    out = []
    for line in (FIXTURES / "validate" / name).read_text("utf-8").splitlines():
        g = json.loads(line)
        if system is None or g.get("system") == system:
            out.append(g["raw"])
    return out


EDITIONS = {
    "gbt7714-2015": _load("gold-clean.jsonl"),
    "gbt7714-2025": _load("gold-2025.jsonl", "numeric"),
}


def _plants(edition: str):
    """``(planted entry, code, (start, end) of the place the fault is)`` for every defect."""
    for raw in EDITIONS[edition]:
        e = Entry(Reference(id="r", raw=raw))
        if e.code is None or e.contribution:
            continue
        t, at = e.type_code, e.tail_start
        if t == "J" and not e.carrier:
            m = _SERIAL.match(raw, at)
            if m and not regex.match(rf"\s*{_YEAR}", m.group("t")):
                cut = raw[: m.start("t")] + raw[m.end("t") :]
                yield cut, "G043", (m.start("t"), m.start("t"))
            # a journal article under a book's code
            if m:
                yield raw[: e.code.start()] + "[M]" + raw[e.code.end() :], "G059", e.code.span()
        if t in ("M", "C", "D") and not e.carrier:
            m = _IMPRINT.match(raw, at)
            if not m:
                continue
            # place and publisher gone: "[M]. 2010."
            cut = raw[: m.start("place")] + raw[m.end("comma") :]
            yield cut, "G043", (m.start("place"), m.start("place"))
            # the publisher gone: "[M]. 北京, 2010."
            cut = raw[: m.start("colon")] + raw[m.end("pub") :]
            if edition == "gbt7714-2015" or m.group("place").strip() in ("北京", "上海"):
                yield cut, "G043", (m.start("colon"), m.start("colon"))
            # the place gone (2015 requires it; 2025 makes it 有则必备): "[M]. 科学出版社, 2010."
            if edition == "gbt7714-2015":
                cut = raw[: m.start("place")] + raw[m.end("colon") :]
                code = "G023" if t in ("M", "D") else "G043"
                yield cut, code, (m.start("place"), m.start("place") + len(m.group("pub")))
            # a book under a journal's code
            if t == "M":
                yield raw[: e.code.start()] + "[J]" + raw[e.code.end() :], "G059", e.code.span()


def _found(raw: str, code: str, where: tuple[int, int], edition: str) -> bool:
    ref = check_reference(Reference(id="r", raw=raw, item={}), Config(standard=edition))
    lo, hi = where
    return any(
        d.code == code
        and d.severity is not Severity.INFO  # an absence is a warning or an error
        and d.span is not None
        and d.span.start <= hi + 2
        and d.span.end >= lo - 2
        for d in ref.diagnostics
    )


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_planted_missing_elements_are_found_where_they_belong(edition):
    plants = list(_plants(edition))
    assert len(plants) >= 40, len(plants)  # the measurement has something to measure
    missed = [(code, raw) for raw, code, where in plants if not _found(raw, code, where, edition)]
    rate = 1 - len(missed) / len(plants)
    assert rate >= 0.95, (f"{rate:.1%} of {len(plants)}", missed[:10])


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_the_clean_examples_raise_no_required_element_finding(edition):
    for raw in EDITIONS[edition]:
        ref = check_reference(Reference(id="r", raw=raw, item={}), Config(standard=edition))
        assert not {d.code for d in ref.diagnostics} & {"G023", "G043", "G059"}, raw
