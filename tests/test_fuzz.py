"""The fuzzing harness in CI: a short round on every surface, and the regression fixtures.

The long run is ``python -m tests.fuzz --minutes N`` (see ``tests/fuzz/__init__.py``); every
failure it finds is minimised and written to ``tests/fixtures/fuzz/``, and replayed here.  In CI
no case is timed (timing belongs to the long run); a case must keep every promise of its surface.
"""

import json
import os
import random

import pytest
from conftest import FIXTURES
from fuzz import generate
from fuzz.surfaces import SURFACES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("CITEKIT_FUZZ_EXAMPLES", "120"))
# Surfaces whose cases are heavy (a CSL style each, a command line each): fewer in CI.
_HEAVY = {"style": 4, "cli": 3, "segment-long": 20, "render": 2}


# Every surface runs in CI: hostile styles are bounded (refused when their macros expand past
# ``renderer.limits.MAX_EXPANDED_ELEMENTS``, a fallback entry past ``MAX_MACRO_CALLS``).
CI_SURFACES = sorted(SURFACES)


@pytest.mark.parametrize("surface", CI_SURFACES)
def test_short_round(surface):
    check, make = SURFACES[surface]
    rng = random.Random(f"ci-{surface}")
    for _ in range(max(3, EXAMPLES // _HEAVY.get(surface, 1))):
        case = make(rng)
        check(case)


def test_cli_cases_as_real_processes():
    # in-process runs miss what only a process shows (its own stdout encoding, the entry point):
    # a few cases, random bytes among them, as `citekit` processes
    check, make = SURFACES["cli"]
    rng = random.Random("ci-cli-process")
    for _ in range(3):
        case = make(rng)
        case["data"] = bytes(rng.randrange(256) for _ in range(300)).decode("latin-1")
        check({**case, "process": True})


_randoms = st.randoms(use_true_random=False)
_settings = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@_settings
@given(_randoms)
def test_property_streamed_lines_keep_count_order_and_raw(rng):
    SURFACES["parse-lines"][0](SURFACES["parse-lines"][1](rng))


@_settings
@given(_randoms)
def test_property_items_round_trip_every_format(rng):
    SURFACES["formats"][0]({"items": [generate.csl_item(rng) for _ in range(rng.randint(0, 4))]})


@_settings
@given(
    st.text(
        alphabet=st.sampled_from(generate.SPECIAL + list("[1] 张三. 书[M]. 2018.\n")), max_size=200
    )
)
def test_property_any_pasted_text(text):
    SURFACES["parse-list"][0]({"text": text})


REGRESSIONS = sorted((FIXTURES / "fuzz").glob("*.json"))


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.stem for p in REGRESSIONS])
def test_regression_fixture(path):
    record = json.loads(path.read_text("utf-8"))
    SURFACES[record["surface"]][0](record["case"])
