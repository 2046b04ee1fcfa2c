"""What citekit renders in an edition's GB/T style passes that edition's check (issue 13,
item 5; issue 12 "Done when").

Each of the six GB/T styles (numeric, author-date and note forms of the 2015 and 2025
editions) renders three sets of items: the standard's examples (``tests/fixtures/gbt7714/
gold.jsonl``), the example list (``examples/zjss-2026-03-references.txt``, parsed), and
generated items (``training/synth.py``'s ``make_item``; ``CITEKIT_SELF_AGREEMENT_N`` of them,
150 by default, a few thousand by hand).  The printed bibliography then goes through
``citekit check --standard`` of the same edition, as a user would run it: parsed, checked,
list rules included.  No warning or error may come back, except

- where the item's own data carries the fault (``DATA_FAULTS``: the rendered entry must show
  it, as the source did), and
- the renderer faults written down for their owners (``KNOWN``): each is also a strict xfail
  test, so a fix makes it fail until the entry is removed.

Parser confidence notes (P codes) are not counted: reading back is the parser's round trip
(tests/test_roundtrip.py), not the validator's agreement with the renderer.
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES

from citekit.api import parse
from citekit.config import Config
from citekit.model import Severity
from citekit.pipeline import process
from citekit.renderer import render_bibliography

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("2015", "2025")
FORMS = ("numeric", "author-date", "note")
STYLES = [f"gbt7714-{ed}-{form}" for ed in EDITIONS for form in FORMS]
SETS = ("gold", "example", "synthetic")
N_SYNTHETIC = int(os.environ.get("CITEKIT_SELF_AGREEMENT_N", "150"))

# (set, item number) -> the codes its data makes right, and why
DATA_FAULTS: dict[tuple[str, int], tuple[frozenset[str], str]] = {
    ("example", 3): (
        frozenset({"G010"}),
        "the source prints one translator and 等 ('张成福等译'): the other names are unknown",
    ),
    ("example", 27): (
        frozenset({"E002"}),
        "the source prints 'Co□production' (examples/README.md)",
    ),
}

# (style, code) -> the renderer fault behind it, written down for its owner
KNOWN: dict[tuple[str, str], str] = {}


@cache
def _items(name: str) -> tuple[dict, ...]:
    if name == "gold":
        lines = (FIXTURES / "gbt7714" / "gold.jsonl").read_text("utf-8").splitlines()
        return tuple(json.loads(line)["csl"] for line in lines)
    if name == "example":
        text = (ROOT / "examples" / "zjss-2026-03-references.txt").read_text("utf-8")
        return tuple(r.item for r in parse(text))
    sys.path.insert(0, str(ROOT / "training"))
    try:
        from synth import make_item
    finally:
        sys.path.pop(0)
    rng = random.Random(11)
    made = (make_item(rng, i % 2 == 0, i) for i in range(N_SYNTHETIC))
    return tuple(item for item in made if _generator_artefact(item) is None)


_OPENERS = {"“": "”", "〈": "〉", "《": "》", "「": "」", "(": ")", "（": "）"}


def _generator_artefact(item: dict) -> str | None:
    """Why a generated item is one no real item is (then it is left out), or None.  Its
    entry would rightly fail the check: the fault is the generator's, not citekit's."""
    if item.get("type") == "article-newspaper":
        if len(item.get("issued", {}).get("date-parts", [[]])[0]) < 3:
            return "a newspaper article without its day (GB/T requires YYYY-MM-DD: G043)"
    issued = item.get("issued", {}).get("date-parts", [[0]])[0]
    accessed = item.get("accessed", {}).get("date-parts", [[9999]])[0]
    if accessed and issued and tuple(accessed) < tuple(issued[:1]):
        return "cited before it was published (D004)"
    names = [
        n.get("literal") or f"{n.get('family', '')} {n.get('given', '')}"
        for role in ("author", "editor", "translator", "container-author")
        for n in item.get(role, [])
    ]
    if len(names) != len(set(names)) or any(name.rstrip().endswith("等") for name in names):
        return "a name twice, or a name ending in 等 (R001, G010, G011)"
    title = item.get("title", "")
    if item.get("language", "").startswith("zh") and not any(
        "\u4e00" <= c <= "\u9fff" for c in title
    ):
        return "a Chinese item with an English title: the language field contradicts the title"
    titles = title + " " + item.get("container-title", "")
    for a, b in _OPENERS.items():
        if titles.count(a) != titles.count(b):
            return "a title with an unclosed quote or bracket (B002)"
    if len(title) > 2 and title[0].isupper() and title[1] == "." and title[2] == " ":
        return "a title starting with an initial ('R. v. Panel'): read as the last author's"
    return None


@cache
def _findings(style: str, name: str) -> tuple[tuple[int, str, str, str], ...]:
    """``(item number, code, message, rendered entry)`` of every warning and error that
    ``check`` raises on the bibliography ``style`` prints for the set ``name``."""
    items = [dict(item, id=f"i{n}") for n, item in enumerate(_items(name), 1)]
    rendered = render_bibliography(items, style)
    standard = "-".join(style.split("-")[:2])
    refs = process(
        "\n".join(e.text for e in rendered), Config(standard=standard, lines=True, ignore=("P",))
    )
    assert len(refs) == len(rendered), "one reference per rendered entry"
    out = []
    for entry, ref in zip(rendered, refs, strict=True):
        n = int(entry.id[1:])
        for d in ref.diagnostics:
            if d.severity is not Severity.INFO:
                out.append((n, d.code, d.message, ref.raw))
    return tuple(out)


def _unexplained(style: str, name: str) -> Iterator[tuple[int, str, str, str]]:
    for n, code, message, raw in _findings(style, name):
        fault = DATA_FAULTS.get((name, n))
        if fault is not None and code in fault[0]:
            continue
        if (style, code) in KNOWN:
            continue
        yield n, code, message, raw


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("style", STYLES)
def test_rendered_bibliography_passes_its_edition_check(style, name):
    assert list(_unexplained(style, name)) == []


@pytest.mark.parametrize("name", sorted({n for n, _ in DATA_FAULTS}))
def test_data_faults_show_in_every_style(name):
    """The rendered entry keeps the fault its source has (the renderer does not hide it)."""
    for (set_name, n), (codes, _) in DATA_FAULTS.items():
        if set_name != name:
            continue
        for style in STYLES:
            found = {code for m, code, _, _ in _findings(style, name) if m == n}
            assert codes <= found, (style, n, found)


def _known_cases():
    for (style, code), reason in sorted(KNOWN.items()):
        yield pytest.param(
            style,
            code,
            marks=pytest.mark.xfail(strict=True, reason=reason),
            id=f"{style}-{code}",
        )


@pytest.mark.parametrize("style,code", list(_known_cases()))
def test_known_renderer_fault(style, code):
    found = [
        (name, n, raw) for name in SETS for n, c, _, raw in _findings(style, name) if c == code
    ]
    assert found == []


@pytest.mark.parametrize(
    "style,standard,expect_g014",
    [
        ("gbt7714-2015-numeric", None, True),
        ("gbt7714-2025-numeric", None, False),  # a 2025 style checks with the 2025 rules
        ("gbt7714-2025-numeric", "gbt7714-2015", True),  # unless --standard says otherwise
    ],
)
def test_format_checks_with_the_edition_of_its_style(tmp_path, style, standard, expect_g014):
    import io

    from citekit.cli import main

    f = tmp_path / "refs.txt"
    # a family name not in capitals: a 2015 fault (G014), the 2025 form
    f.write_text("Boobier T. AI and the future of banking[M]. Hoboken: Wiley, 2020.\n", "utf-8")
    argv = ["format", str(f), "--lines", "--style", style]
    if standard:
        argv += ["--standard", standard]
    out, err = io.StringIO(), io.StringIO()
    main(argv, stdin=io.BytesIO(b""), stdout=out, stderr=err)
    assert ("G014" in err.getvalue()) is expect_g014, err.getvalue()
