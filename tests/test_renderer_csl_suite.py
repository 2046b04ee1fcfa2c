"""The official CSL test suite through Renderer (only when CITEKIT_CSL_SUITE points at it).

CITEKIT_CSL_SUITE=/path/to/test-suite/processor-tests/humans pytest tests/test_renderer_csl_suite.py
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import csl_suite_runner as runner  # noqa: E402

SUITE = os.environ.get("CITEKIT_CSL_SUITE")
pytestmark = pytest.mark.skipif(
    not SUITE or not Path(SUITE).is_dir(), reason="CITEKIT_CSL_SUITE not set"
)


def test_no_fixture_outside_skip_list_fails() -> None:
    skips = runner.read_skips()
    failing = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(Path(SUITE or ".").glob("*.txt")):
            if path.stem in skips:
                continue
            if not runner.passes(runner.load(path)):
                failing.append(path.stem)
    assert not failing, failing


def test_skip_list_names_a_reason_for_each_fixture() -> None:
    skips = runner.read_skips()
    assert skips and all(reason for reason in skips.values())
