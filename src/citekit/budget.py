"""The time budget of one reference (``Config.time_budget``): the X002 diagnostic that says which
steps were skipped when it ran out.  The pipeline checks the budget between stages
(:func:`citekit.pipeline.run_stages`) and the validator between rules
(:func:`citekit.validate.core.run_reference_rules`); the size budget is the parser's
``MAX_CHARS`` (P004)."""

from __future__ import annotations

from collections.abc import Sequence

from . import codes
from .model import Diagnostic

__all__ = ["over_budget"]


def over_budget(budget: float, done: str, skipped: Sequence[str]) -> Diagnostic:
    """X002: the time budget of a reference ran out after ``done``; ``skipped`` (rule codes or
    stage names) were not run on it."""
    more = ", ".join(skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
    return codes.make(
        "X002",
        f"the reference took more than its time budget ({budget:g} s) by the end of {done}; "
        f"not run: {more}",
        message_zh=f"该条目处理超出时间预算({budget:g} 秒), 在 {done} 之后未执行: {more}",
    )
