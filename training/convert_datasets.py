"""Convert the openly licensed annotated reference corpora into citekit's labelled format.

    python training/convert_datasets.py SHARED_DATASETS_DIR

reads AnyStyle's core.xml and gold.xml (BSD-2-Clause) and GROBID's derived citation corpus and
evaluation set (Apache-2.0) and writes ``training/data/anystyle-core.jsonl``,
``anystyle-gold.jsonl`` and ``grobid-corpus.jsonl``.  gold.xml holds real English references too
(those core.xml lacks are kept).  The parse fixtures (``tests/fixtures/parse/``) quote some strings
of these corpora, so every string a fixture holds is left out of every file, as is a repeat
(compared without spaces and case, as the dev set re-joined AnyStyle's segments).

A record is ``{"text": str, "spans": [[label, start, end], ...], "source": str}``: spans are
code-point offsets, sorted, non-overlapping; characters outside every span are separators
(label ``O``).  Labels are citekit's (:data:`LABELS`), mapped from each corpus's own scheme.
Leading and trailing punctuation and spaces of a span are moved out of it, so that both corpora
agree that separators are not part of a field.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from lxml import etree

LABELS = (
    "citation-number author editor translator title container-title collection-title date "
    "volume issue pages publisher location edition doi url isbn issn identifier genre note"
).split()

ANYSTYLE = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "title": "title",
    "journal": "container-title",
    "container-title": "container-title",
    "collection-title": "collection-title",
    "date": "date",
    "volume": "volume",
    "pages": "pages",
    "publisher": "publisher",
    "location": "location",
    "edition": "edition",
    "doi": "doi",
    "url": "url",
    "isbn": "isbn",
    "note": "note",
    "genre": "genre",
    "citation-number": "citation-number",
    "source": "note",
    "medium": "genre",
    "director": "author",
    "producer": "author",
}

GROBID = {
    "author": "author",
    "authors": "author",
    "orgName": "author",
    "orgName_collaboration": "author",
    "editor": "editor",
    "title_a": "title",
    "title_j": "container-title",
    "title_s": "collection-title",
    "date": "date",
    "volume": "volume",
    "volumes": "volume",
    "issue": "issue",
    "page": "pages",
    "pages": "pages",
    "pubPlace": "location",
    "pubplace": "location",
    "publisher": "publisher",
    "publishe": "publisher",
    "idno_doi": "doi",
    "idno_isbn": "isbn",
    "idno_issn": "issn",
    "ptr": "url",
    "note": "note",
    "notes": "note",
    "note_report": "genre",
}

_EDGE = " \t\n,;:"
_KEEP_DOT = re.compile(r"(?:(?<![A-Za-z])[A-Z]|\bal|\bJr|\beds?|\bInc|\bLtd|\bCo|\bpp?)\.$")
_WRAP = {"(": ")", "[": "]", "“": "”", '"': '"', "‘": "’", "《": "》"}
_VOL_ISSUE = re.compile(r"^(\d+)\s*\((\d+(?:[-–/]\d+)?)\)")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move separators out of a span: edge punctuation, a final full stop that ends no
    initial or abbreviation, and brackets or quotes that wrap the span or are unmatched."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _EDGE:
            start, changed = start + 1, True
        while end > start and text[end - 1] in _EDGE:
            end, changed = end - 1, True
        if end > start and text[end - 1] == "." and not _KEEP_DOT.search(text[start:end]):
            end, changed = end - 1, True
        if end - start >= 2 and text[start] in _WRAP and text[end - 1] == _WRAP[text[start]]:
            inner = text[start + 1 : end - 1]
            if text[start] not in inner and _WRAP[text[start]] not in inner:
                start, end, changed = start + 1, end - 1, True
        if (
            end > start
            and text[start] in "([“‘《"
            and _WRAP[text[start]] not in text[start + 1 : end]
        ):
            start, changed = start + 1, True
        if end > start and text[end - 1] in ")]”’》":
            opener = {")": "(", "]": "[", "”": "“", "’": "‘", "》": "《"}[text[end - 1]]
            if opener not in text[start : end - 1]:
                end, changed = end - 1, True
    return start, end


def _add(spans: list[list], label: str, text: str, start: int, end: int) -> None:
    start, end = _trim(text, start, end)
    if end <= start:
        return
    if label == "volume":  # AnyStyle's "14(3)," is volume and issue
        m = _VOL_ISSUE.match(text[start:end])
        if m:
            spans.append(["volume", start + m.start(1), start + m.end(1)])
            spans.append(["issue", start + m.start(2), start + m.end(2)])
            return
    spans.append([label, start, end])


def convert_anystyle(path: Path) -> list[dict]:
    out = []
    for seq in etree.parse(str(path)).getroot():
        text, spans = "", []
        for el in seq:
            seg = el.text or ""
            if text and not text.endswith(" "):
                text += " "
            start = len(text)
            text += seg
            label = ANYSTYLE.get(el.tag)
            if label:
                _add(spans, label, text, start, len(text))
        out.append({"text": text, "spans": spans, "source": f"anystyle:{path.name}"})
    return out


def convert_grobid(path: Path) -> list[dict]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        text = rec["text"]
        labels = {lab for lab, _, _ in rec["spans"]}
        spans: list[list] = []
        for lab, start, end in rec["spans"]:
            if lab == "title_m":  # a book's title, or the host book of a chapter
                label = "container-title" if "title_a" in labels else "title"
            elif lab.startswith("idno"):
                label = GROBID.get(lab, "identifier")
            else:
                label = GROBID.get(lab)
            if label:
                _add(spans, label, text, start, end)
        spans.sort(key=lambda s: s[1])
        out.append(
            {"text": text, "spans": spans, "source": f"grobid:{rec['id']}", "lang": rec.get("lang")}
        )
    return out


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def fixture_keys(root: Path) -> set[str]:
    """Keys of every raw string in the parser's fixture sets, which training must not read."""
    keys = set()
    for path in (root / "tests" / "fixtures" / "parse").rglob("*.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                raw = rec.get("raw") or rec.get("text") or rec.get("string")
                if isinstance(raw, str):
                    keys.add(_key(raw))
    return keys


def unseen(records: list[dict], *held: set[str]) -> list[dict]:
    """The records whose text is in none of the held key sets (and not repeated)."""
    seen = set().union(*held)
    out = []
    for rec in records:
        k = _key(rec["text"])
        if k not in seen:
            seen.add(k)
            out.append(rec)
    return out


def main() -> None:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets")
    here = Path(__file__).resolve().parent / "data"
    here.mkdir(exist_ok=True)
    held = fixture_keys(Path(__file__).resolve().parent.parent)
    core = convert_anystyle(shared / "anystyle-parser-core" / "core.xml")
    # GROBID's evaluation files are all inside its corpus, so they add nothing
    jobs = {
        "anystyle-core.jsonl": unseen(core, held),
        "anystyle-gold.jsonl": unseen(
            convert_anystyle(shared / "anystyle-parser-core" / "gold.xml"),
            held,
            {_key(r["text"]) for r in core},
        ),
        "grobid-corpus.jsonl": unseen(
            convert_grobid(shared / "grobid-citation" / "derived" / "corpus.jsonl"), held
        ),
    }
    for name, records in jobs.items():
        with open(here / name, "w", encoding="utf-8") as fh:
            for rec in records:
                for label, start, end in rec["spans"]:
                    assert label in LABELS and 0 <= start < end <= len(rec["text"]), rec
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{name}: {len(records)} references")


if __name__ == "__main__":
    main()
