"""The shape of every line of the second development set, tests/fixtures/parse/dev-b/*.jsonl.

dev-b is only scored (``citekit eval``), never read while writing rules; this test checks that each
hand-written expectation is well formed and that its values were copied from the raw string, which
catches copying slips (see dev-b/SOURCES.md)."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest

from citekit.csl import ITEM_TYPES

DEVB = Path(__file__).parent / "fixtures" / "parse" / "dev-b"
FILES = sorted(DEVB.glob("*.jsonl"))

NAME_KEYS = {"family", "given", "suffix", "dropping-particle", "non-dropping-particle"}
NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor")
DATE_FIELDS = ("issued", "accessed", "event-date", "original-date")
# fields whose value must be found in the raw string (modulo whitespace, dashes and case)
COPIED = (
    "title",
    "container-title",
    "collection-title",
    "publisher",
    "publisher-place",
    "event-title",
    "URL",
    "DOI",
    "page",
    "number",
    "ISBN",
    "ISSN",
)
CJK_NUMERALS = re.compile(r"[〇一二三四五六七八九十]")


def _squeeze(s: str) -> str:
    """NFKC, entities decoded, no whitespace, dashes, quotes or soft hyphens, case folded."""
    s = unicodedata.normalize("NFKC", html.unescape(s))
    s = re.sub(r"[\s\-\u00ad\u2010-\u2015\u2212~～'\"“”‘’`*_]+", "", s)
    return s.casefold()


def _ocr_digits(raw: str) -> str:
    """OCR letters read back as digits inside a year (``20l3``, ``2O18``, ``2oo2``)."""
    s = re.sub(r"(?<=\d)[lI]|[lI](?=\d)", "1", raw)
    return re.sub(r"(?<=[12][0-9Oo])[Oo]|(?<=[12])[Oo](?=[0-9Oo])", "0", s)


def _lines(path: Path):
    for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if line.strip():
            yield n, line


CASES = [
    pytest.param(path.name, n, line, id=f"{path.stem}:{n}")
    for path in FILES
    for n, line in _lines(path)
]


def test_dev_b_exists_and_is_large_enough():
    assert (DEVB / "SOURCES.md").is_file()
    en = DEVB / "en.jsonl"
    assert en.is_file() and sum(1 for _ in _lines(en)) >= 200


def test_dev_b_raw_strings_are_unique_and_not_in_dev():
    dev = {
        json.loads(line)["raw"]
        for p in (DEVB.parent / "dev").glob("*.jsonl")
        for _, line in _lines(p)
    }
    seen: set[str] = set()
    for path in FILES:
        for n, line in _lines(path):
            raw = json.loads(line)["raw"]
            assert raw not in seen, f"{path.name}:{n} repeats a dev-b string"
            assert raw not in dev, f"{path.name}:{n} is a dev/ string"
            seen.add(raw)


def _check_names(where: str, names) -> None:
    assert isinstance(names, list) and names, f"{where}: a name list"
    for name in names:
        assert isinstance(name, dict), where
        if "literal" in name:
            assert set(name) == {"literal"} and name["literal"].strip(), f"{where}: {name}"
        else:
            assert name.get("family", "").strip(), f"{where}: no family name in {name}"
            assert set(name) <= NAME_KEYS, f"{where}: {name}"
            assert all(isinstance(v, str) and v.strip() for v in name.values()), f"{where}: {name}"
        text = " ".join(name.values())
        assert not re.fullmatch(r"(?i)\s*(et\.? al\.?|等|等人)\s*", text), (
            f"{where}: a flag is not a name"
        )


def _check_date(where: str, date) -> None:
    assert isinstance(date, dict) and set(date) <= {"date-parts", "literal", "season", "circa"}, (
        where
    )
    if "date-parts" in date:
        parts = date["date-parts"]
        assert isinstance(parts, list) and 1 <= len(parts) <= 2, where
        for p in parts:
            assert isinstance(p, list) and 1 <= len(p) <= 3, where
            assert all(isinstance(x, int) and not isinstance(x, bool) for x in p), where
            assert 1000 <= p[0] <= 2100, where
            if len(p) > 1:
                assert 1 <= p[1] <= 12, where
            if len(p) > 2:
                assert 1 <= p[2] <= 31, where
    else:
        assert isinstance(date.get("literal"), str) and date["literal"].strip(), where


@pytest.mark.parametrize("file, n, line", CASES)
def test_dev_b_line_shape(file, n, line):
    where = f"{file}:{n}"
    row = json.loads(line)
    assert set(row) == {"raw", "item", "style", "source"}, where
    raw, item = row["raw"], row["item"]
    assert isinstance(raw, str) and raw == raw.strip() and raw, where
    assert isinstance(row["style"], str) and row["style"], where
    assert isinstance(row["source"], str) and len(row["source"]) > 10, where
    assert isinstance(item, dict) and "id" not in item, where
    assert item.get("type") in ITEM_TYPES, f"{where}: CSL type {item.get('type')!r}"
    assert isinstance(item.get("language"), str) and item["language"], f"{where}: language"
    if file == "en.jsonl":
        assert not re.search(r"[\u3400-\u9fff]", raw), f"{where}: CJK text belongs in zh/mixed"
    assert item.get("title") or item.get("container-title") or item.get("author"), where
    text = _squeeze(raw)
    for role in NAME_FIELDS:
        if role in item:
            _check_names(f"{where} {role}", item[role])
            for name in item[role]:
                key = name.get("literal") or name["family"]
                assert _squeeze(key) in text or _squeeze(key.replace("•", "·")) in text, (
                    f"{where}: {role} {key!r} is not in the raw string"
                )
    for role in DATE_FIELDS:
        if role in item:
            _check_date(f"{where} {role}", item[role])
    issued = item.get("issued", {})
    if issued.get("date-parts"):
        year = str(issued["date-parts"][0][0])
        assert year in raw or year in _ocr_digits(raw), (
            f"{where}: year {year} is not in the raw string"
        )
    # a page such as 第43页a is written 43a: numbers are looked up with the CJK characters removed
    digits = _squeeze(re.sub(r"[\u3400-\u9fff]", "", raw))
    for key in COPIED:
        if key in item:
            v = item[key]
            assert isinstance(v, str) and v.strip() and v == v.strip(), f"{where}: {key}"
            found = _squeeze(v) in (digits if key == "page" else text)
            assert found, f"{where}: {key} {v!r} is not in the raw string"
    for key in ("volume", "issue", "edition", "genre"):
        if key in item:
            v = item[key]
            assert isinstance(v, str) and v.strip(), f"{where}: {key} is a non-empty string"
            if key in ("volume", "issue") and not CJK_NUMERALS.search(raw):
                assert _squeeze(v) in text, f"{where}: {key} {v!r} is not in the raw string"
