"""Convert hand-marked real reference strings into citekit's labelled JSON Lines format.

    python training/marked_to_jsonl.py [MARKED] [OUT]

defaults: ``training/data/real-zh.marked.txt`` → ``training/data/real-zh.jsonl``.

The marked file holds one reference string per line, with each field wrapped in a tag:
``<author>胡重明,邢润杰</>.<title>公共价值创造</>[J].<container-title>浙江社会科学</>,…``
(or with the short aliases: ``<a>…</>.<t>…</>[J].<c>…</>``).
A tag opens with ``<LABEL>`` (a label of :data:`LABELS` or a short alias of :data:`ALIASES`)
and closes with ``</>`` or ``</LABEL>``; tags do not nest.  Any other ``<…>`` is literal text
(``<i>``, ``<<`` stay as printed).  Everything outside a tag is a separator (label ``O``).
Other lines:

* ``# source: ID — description`` sets the ``source`` of the strings that follow;
* other lines starting with ``# `` (hash and space) and blank lines are ignored; a line like
  ``#[1]…`` (a reference quoted in a code comment) is data.

A record is ``{"text", "spans", "source"}`` as in ``convert_datasets.py``: spans are code-point
offsets, sorted and non-overlapping.  The converter fails (exit 1, one line per error) on an
unknown label, a nested or unclosed tag, an empty or whitespace-padded span, a string marked
twice, or a string with no source; it then checks that every record's text, rebuilt from its
spans and separators, equals the marked line with the tags removed.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "training" / "data"


def _labels() -> list[str]:
    """citekit's training labels, read from convert_datasets.py, their one home (importing that
    module needs lxml, which training data checks should not)."""
    source = Path(__file__).with_name("convert_datasets.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) == "LABELS" for t in node.targets
        ):
            return ast.literal_eval(node.value.func.value).split()  # ("…").split()
    raise RuntimeError("LABELS not found in convert_datasets.py")


LABELS = _labels()

# short tags, so that a hand-marked line stays readable
ALIASES = {
    "n": "citation-number",
    "a": "author",
    "ed": "editor",
    "tr": "translator",
    "t": "title",
    "c": "container-title",
    "col": "collection-title",
    "d": "date",
    "v": "volume",
    "iss": "issue",
    "p": "pages",
    "pub": "publisher",
    "loc": "location",
    "edn": "edition",
    "id": "identifier",
    "g": "genre",
}

_NAMES = sorted(set(LABELS) | set(ALIASES), key=len, reverse=True)
_TAG = re.compile(r"<(/?)(" + "|".join(re.escape(n) for n in _NAMES) + r")?>")


class MarkupError(ValueError):
    pass


def parse_line(line: str) -> tuple[str, list[list]]:
    """Strip the tags of one marked line; return the text and its spans."""
    out: list[str] = []
    spans: list[list] = []
    pos = 0  # code points written so far
    open_label: str | None = None
    open_at = 0
    i = 0
    for m in _TAG.finditer(line):
        closing, name = m.group(1), m.group(2)
        if not closing and name is None:
            continue  # "<>" is literal text
        chunk = line[i : m.start()]
        out.append(chunk)
        pos += len(chunk)
        i = m.end()
        if closing:
            if open_label is None:
                raise MarkupError(f"closing tag without an open one at column {m.start()}")
            if name is not None and ALIASES.get(name, name) != open_label:
                raise MarkupError(f"<{open_label}> closed by </{name}>")
            text = "".join(out)[open_at:pos]
            if not text:
                raise MarkupError(f"empty <{open_label}> span")
            if text != text.strip():
                raise MarkupError(f"<{open_label}> span has outer whitespace: {text!r}")
            spans.append([open_label, open_at, pos])
            open_label = None
        else:
            if open_label is not None:
                raise MarkupError(f"<{name}> opened inside <{open_label}>")
            open_label = ALIASES.get(name, name)
            open_at = pos
    if open_label is not None:
        raise MarkupError(f"<{open_label}> is never closed")
    out.append(line[i:])
    return "".join(out), spans


def check_record(rec: dict) -> None:
    """Raise MarkupError unless the record's spans are valid for its text."""
    text, spans = rec["text"], rec["spans"]
    end = 0
    for label, s, e in spans:
        if label not in LABELS:
            raise MarkupError(f"unknown label {label!r}")
        if not (0 <= s < e <= len(text)) or s < end:
            raise MarkupError(f"bad or overlapping span {label} {s}-{e}")
        end = e


def convert(lines: list[str]) -> tuple[list[dict], list[str]]:
    records: list[dict] = []
    errors: list[str] = []
    source = None
    seen: set[str] = set()
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n").rstrip()
        if not line.strip():
            continue
        if line.startswith("# source:"):
            source = line[len("# source:") :].strip()
            continue
        if line == "#" or line.startswith("# "):
            continue  # a comment; "#[1]…" (a reference quoted in a code comment) is data
        try:
            text, spans = parse_line(line)
            if source is None:
                raise MarkupError("no '# source:' line before this string")
            if text in seen:
                raise MarkupError("string marked twice")
            rec = {"text": text, "spans": spans, "source": source}
            check_record(rec)
        except MarkupError as exc:
            errors.append(f"line {n}: {exc}")
            continue
        seen.add(text)
        # the text must be exactly the marked line without its tags
        if _TAG.sub(lambda m: "" if m.group(1) or m.group(2) else m.group(), line) != text:
            errors.append(f"line {n}: text not reproduced")
            continue
        records.append(rec)
    return records, errors


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else DATA / "real-zh.marked.txt"
    dst = Path(argv[1]) if len(argv) > 1 else DATA / "real-zh.jsonl"
    records, errors = convert(src.read_text(encoding="utf-8").splitlines())
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        return 1
    with open(dst, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)
    print(f"{len(records)} records → {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
