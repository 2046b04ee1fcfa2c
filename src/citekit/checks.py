"""Compatibility: the first checks now live in :mod:`citekit.validate`.

:func:`run_checks` keeps its behaviour: by default it runs the original checks (characters
E001-E005, brackets and quotes B001-B002, the year D001); given ``checks`` — a list of
``(name, fn)`` with ``fn(Reference) -> Iterable[Diagnostic]`` — it runs those, isolated, so a
check that raises becomes an X001 naming it.  New code should call
:func:`citekit.validate.check_reference`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from . import codes
from .model import Diagnostic, Reference

__all__ = ["CHECKS", "LEGACY_CODES", "check", "run_checks"]

CheckFn = Callable[[Reference], Iterable[Diagnostic]]
CHECKS: list[tuple[str, CheckFn]] = []  # extra checks registered with @check
LEGACY_CODES = ("E001", "E002", "E003", "E004", "E005", "B001", "B002", "D001")


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        CHECKS.append((name, fn))
        return fn

    return register


def run_checks(ref: Reference, checks: Iterable[tuple[str, CheckFn]] | None = None) -> Reference:
    if checks is None:
        from .validate import RULES
        from .validate.core import context_for, run_reference_rules

        found = run_reference_rules(ref, [RULES[c] for c in LEGACY_CODES], context_for())
        checks = CHECKS
    else:
        found = []
    for name, fn in checks:
        try:
            found.extend(fn(ref))
        except Exception as exc:  # a faulty check must not hide the others' findings
            found.append(
                codes.make("X001", f"internal error in check '{name}': {type(exc).__name__}: {exc}")
            )
    return ref.with_diagnostics(*found) if found else ref
