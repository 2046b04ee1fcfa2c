"""The options of a run: which edition the checks follow, how the input is split, which rules run.

:class:`Config` is what every stage receives.  It lives apart from the pipeline so that the
validator, the command line and the API can all take one without importing the pipeline (that
import was a cycle: pipeline → validate → validate.config → pipeline).  Profiles read from a
config file (:mod:`citekit.validate.profile`) produce a Config.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import UsageError

__all__ = ["Config", "STANDARDS"]

#: The editions of GB/T 7714 the checks follow.
STANDARDS = ("gbt7714-2015", "gbt7714-2025")


@dataclass(frozen=True, slots=True)
class Config:
    """Options for a run.  ``standard`` is the edition the checks follow.

    ``select``/``ignore`` choose rules by code or prefix (``("G", "I")``, ``("G014",)``; the
    most specific wins); ``options`` are rule options from a profile (``punctuation``,
    ``uppercase_names``...; see :mod:`citekit.validate.profile`); ``severity`` overrides a
    code's severity (``{"G024": "error"}``).
    """

    standard: str = "gbt7714-2015"
    lines: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.standard not in STANDARDS:
            raise UsageError(
                f"unknown standard '{self.standard}'; choose one of: {', '.join(STANDARDS)}"
            )
