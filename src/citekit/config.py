"""The options of a run: which edition the checks follow, how the input is split, which rules run.

:class:`Config` is what every stage receives.  It lives apart from the pipeline so that the
validator, the command line and the API can all take one without importing the pipeline (that
import was a cycle: pipeline → validate → validate.config → pipeline).  Profiles read from a
config file (:mod:`citekit.validate.profile`) produce a Config.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import UsageError

__all__ = ["Config", "DEFAULT_TIME_BUDGET", "STANDARDS"]

#: The editions of GB/T 7714 the checks follow.
STANDARDS = ("gbt7714-2015", "gbt7714-2025")
#: seconds one reference may take by default: far above any real reference (milliseconds), low
#: enough that one pathological reference cannot stall a list
DEFAULT_TIME_BUDGET = 2.0


@dataclass(frozen=True, slots=True)
class Config:
    """Options for a run.  ``standard`` is the edition the checks follow.

    ``select``/``ignore`` choose rules by code or prefix (``("G", "I")``, ``("G014",)``; the
    most specific wins); ``options`` are rule options from a profile (``punctuation``,
    ``uppercase_names``...; see :mod:`citekit.validate.profile`); ``severity`` overrides a
    code's severity (``{"G024": "error"}``).

    ``time_budget`` is the seconds (wall clock) one reference may take: past it, the stages and
    rules not yet run on that reference are skipped with an X002 diagnostic and the rest of the
    list goes on (checked between stages and between rules; 0: no budget).  Its size budget is
    the parser's ``MAX_CHARS`` (P004).
    """

    standard: str = "gbt7714-2015"
    lines: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)
    time_budget: float = DEFAULT_TIME_BUDGET

    def __post_init__(self) -> None:
        if not isinstance(self.time_budget, (int, float)) or not 0 <= self.time_budget < math.inf:
            raise UsageError(
                f"time budget must be a number of seconds >= 0 (0: none), got {self.time_budget!r}"
            )
        if self.standard not in STANDARDS:
            raise UsageError(
                f"unknown standard '{self.standard}'; choose one of: {', '.join(STANDARDS)}"
            )
