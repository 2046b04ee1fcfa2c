"""The per-reference time budget (issue 17, "bounded work"): past ``Config.time_budget`` a
reference's remaining stages or rules are skipped with X002 and the rest of the list goes on.

No test here takes time: each injects a clock (a monotonic function) that a stage or the test
moves forward.
"""

from __future__ import annotations

import pytest

from citekit import codes
from citekit.cli import main
from citekit.config import DEFAULT_TIME_BUDGET, Config
from citekit.errors import UsageError
from citekit.model import Reference
from citekit.pipeline import (
    DEFAULT_STAGES,
    line_references,
    run_stages,
    run_stages_many,
)
from citekit.validate.core import check_reference, rules_for

REF = "[1] 王晓明. 城市规划原理[M]. 北京: 中国建筑工业出版社, 2010."


class Clock:
    """A monotonic clock that moves only when told: ``tick`` seconds a reading, or ``now`` set."""

    def __init__(self, tick: float = 0.0) -> None:
        self.now = 0.0
        self.tick = tick
        self.readings = 0

    def __call__(self) -> float:
        self.readings += 1
        self.now += self.tick
        return self.now


def _x002(ref: Reference) -> list:
    return [d for d in ref.diagnostics if d.code == "X002"]


def test_x002_is_registered_in_both_languages():
    info = codes.CODES["X002"]
    assert info.name == "time-budget-exceeded" and info.summary and info.summary_zh


def test_rules_past_the_budget_are_skipped_and_named():
    ref = next(line_references([REF + " 1. 2. 3"]))
    # one second a reading: the deadline is read at 1 (deadline 3.5), rules end at 2, 3, 4
    clock = Clock(tick=1.0)
    out = check_reference(ref, Config(time_budget=2.5), clock=clock)
    (x002,) = _x002(out)
    rules = [r.code for r in rules_for(Config())]
    assert f"by the end of rule {rules[2]}" in x002.message
    assert f"not run: {rules[3]}" in x002.message
    assert x002.message_zh and "时间预算" in x002.message_zh
    assert clock.readings == 4  # the deadline, then one reading after each of three rules


def test_within_the_budget_every_rule_runs():
    ref = next(line_references([REF]))
    fast = check_reference(ref, Config(time_budget=1000.0), clock=Clock(tick=1.0))
    assert not _x002(fast)
    assert fast == check_reference(ref, Config(time_budget=0))


def test_no_budget_reads_no_clock():
    def clock() -> float:
        raise AssertionError("the clock was read with no budget")

    ref = next(line_references([REF]))
    check_reference(ref, Config(time_budget=0), clock=clock)
    run_stages(ref, Config(time_budget=0), DEFAULT_STAGES, clock)


def test_stages_past_the_budget_are_skipped_and_the_next_reference_goes_on():
    clock = Clock()
    ran: list[tuple[str, str]] = []

    def stage(name):
        def run(ref, config):
            ran.append((ref.raw, name))
            if ref.raw == "slow" and name == "a":
                clock.now += 10.0  # this reference's first stage takes ten seconds
            return ref

        return (name, run)

    stages = [stage("a"), stage("b"), stage("c")]
    refs = list(line_references(["slow", "quick"]))
    out = list(run_stages_many(refs, Config(time_budget=2.0), stages, clock))
    assert [r.raw for r in out] == ["slow", "quick"]
    assert ran == [("slow", "a"), ("quick", "a"), ("quick", "b"), ("quick", "c")]
    (x002,) = _x002(out[0])
    assert "stage 'a'" in x002.message and "not run: b, c" in x002.message
    assert not _x002(out[1])


def test_a_reference_out_of_budget_before_the_parse_is_not_parsed_or_checked():
    clock = Clock()

    def slow_language(ref, config):
        if "slow" in ref.raw:
            clock.now += 10.0
        return ref

    stages = [(n, slow_language if n == "language" else fn) for n, fn in DEFAULT_STAGES]
    refs = list(line_references([REF.replace("王晓明", "slow"), REF]))
    slow, quick = run_stages_many(refs, Config(time_budget=2.0), stages, clock)
    (x002,) = _x002(slow)
    assert "not run: parse, check" in x002.message
    assert slow.item.get("title") is None  # not parsed
    assert quick.item.get("title") == "城市规划原理" and not _x002(quick)


@pytest.mark.parametrize("bad", [-1, float("inf"), float("nan"), "2"])
def test_a_budget_must_be_seconds(bad):
    with pytest.raises(UsageError):
        Config(time_budget=bad)


def test_the_default_budget_is_generous():
    assert Config().time_budget == DEFAULT_TIME_BUDGET >= 1.0


def test_cli_option(tmp_path, capsys):
    f = tmp_path / "refs.txt"
    f.write_text(REF + "\n", "utf-8")
    assert main(["check", "--time-budget", "-1", str(f)]) == 2
    err = capsys.readouterr().err
    assert "--time-budget" in err and err.count("\n") == 1
    for argv in (["check", "--time-budget", "0"], ["parse", "--time-budget", "30"]):
        assert main([*argv, str(f)]) == 0
        assert "X002" not in capsys.readouterr().out
