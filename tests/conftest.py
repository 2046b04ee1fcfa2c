from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# citekit keeps compiled patterns and the CRF model's arrays in the user's cache folder
# (citekit/cache.py): the tests (and the processes they start) use a folder of their own
if "CITEKIT_CACHE_DIR" not in os.environ:
    os.environ["CITEKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="citekit-tests-cache-")
    atexit.register(shutil.rmtree, os.environ["CITEKIT_CACHE_DIR"], True)

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def csl_schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES / "csl-schema" / "csl-data.json").read_text("utf-8"))
    return jsonschema.Draft7Validator(schema)


# -- span repairs given the labeller's wrong spans by hand (test_parser_relabel*.py, *_en_shapes)


def hand_spans(text: str, *pieces: tuple[str, str]) -> list[tuple[str, int, int, float]]:
    """Spans labelled by hand: each (label, piece) is the next occurrence of piece in text."""
    out, k = [], 0
    for label, piece in pieces:
        s = text.index(piece, k)
        out.append((label, s, s + len(piece), 0.8))
        k = s + len(piece)
    return out


def span_texts(text: str, spans) -> list[tuple[str, str]]:
    """(label, the text it covers) for each span."""
    return [(lab, text[s:e]) for lab, s, e, _ in spans]
