from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def csl_schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES / "csl-schema" / "csl-data.json").read_text("utf-8"))
    return jsonschema.Draft7Validator(schema)
