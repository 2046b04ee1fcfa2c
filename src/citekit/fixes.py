"""Apply fixes to a raw reference string."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Applicability, Diagnostic, Edit

__all__ = ["apply_fixes"]


def apply_fixes(
    raw: str,
    diagnostics: Iterable[Diagnostic],
    *,
    allow: frozenset[Applicability] = frozenset({Applicability.SAFE}),
) -> str:
    """``raw`` with the edits of every allowed fix applied.

    Edits are applied from the end of the string backwards; an edit that overlaps one
    already taken is skipped (its diagnostic stays open for the next run).
    """
    edits: list[Edit] = [
        e for d in diagnostics if d.fix and d.fix.applicability in allow for e in d.fix.edits
    ]
    edits.sort(key=lambda e: (e.span.start, e.span.end), reverse=True)
    out = raw
    limit = len(raw)
    for edit in edits:
        if edit.span.end > limit:
            continue
        out = out[: edit.span.start] + edit.replacement + out[edit.span.end :]
        limit = edit.span.start
    return out
