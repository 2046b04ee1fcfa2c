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
