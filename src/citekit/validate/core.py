"""Running the rules: per reference, over a list, isolated, selected, with overrides."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..budget import over_budget
from ..config import Config
from ..model import Diagnostic, Reference, Severity, Span
from ._entry import Entry
from .registry import RULES, Context, Rule, diag, select_rules

__all__ = [
    "ListCheck",
    "check_list",
    "check_reference",
    "context_for",
    "rules_for",
]


def _tuple(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(str(v).strip() for v in value if str(v).strip())


@lru_cache(maxsize=64)
def _rules(
    standard: str, select: tuple[str, ...], ignore: tuple[str, ...], scope: str
) -> tuple[Rule, ...]:
    return tuple(select_rules(standard, select, ignore, scope))  # type: ignore[arg-type]


_DEFAULT = Config()


def rules_for(config: Config | None = None, scope: str = "reference") -> tuple[Rule, ...]:
    """The rules a config selects (``standard``, ``select``, ``ignore``), in registry order."""
    config = config or _DEFAULT
    return _rules(config.standard, _tuple(config.select), _tuple(config.ignore), scope)


def context_for(config: Config | None = None, **extra: Any) -> Context:
    config = config or _DEFAULT
    options = dict(config.options)
    options.update(extra)
    return Context(standard=config.standard, options=options)


def _internal_error(rule: Rule, exc: BaseException) -> Diagnostic:
    return diag(
        "X001",
        f"internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}: {exc}",
        f"规则 {rule.code} ({rule.name}) 内部错误: {type(exc).__name__}: {exc}",
    )


def _overrides(config: Config | None) -> Mapping[str, Severity]:
    raw = config.severity if config is not None else {}
    return {code.upper(): Severity(value) for code, value in raw.items()}


def _apply_overrides(
    diags: list[Diagnostic], overrides: Mapping[str, Severity]
) -> list[Diagnostic]:
    if not overrides:
        return diags
    return [replace(d, severity=overrides[d.code]) if d.code in overrides else d for d in diags]


def _position(d: Diagnostic) -> int:
    return d.span.start if d.span is not None else -1


# (id of a rule tuple, GB/T entry?, type code) -> (the rule tuple, the rules that apply)
_APPLICABLE: dict[tuple[int, bool, str | None], tuple[Any, tuple[Rule, ...]]] = {}


def _applicable(rules: Iterable[Rule], gbt: bool, type_code: str | None) -> tuple[Rule, ...]:
    """The rules whose guards (``gbt_only``, ``types``) let them run on such an entry; computed
    once per rule set and entry kind, so the per-reference loop only calls rules."""
    key = (id(rules), gbt, type_code)
    hit = _APPLICABLE.get(key)
    if hit is not None and hit[0] is rules:
        return hit[1]
    chosen = tuple(
        r for r in rules if not r.gbt_only or (gbt and (not r.types or type_code in r.types))
    )
    if isinstance(rules, tuple):  # only immutable rule sets are cached (kept alive in the value)
        if len(_APPLICABLE) > 512:
            _APPLICABLE.clear()
        _APPLICABLE[key] = (rules, chosen)
    return chosen


#: findings of one code listed per reference by default (the profile option ``max-per-code``)
MAX_PER_CODE = 10


def _capped(found: list[Diagnostic], limit: int) -> list[Diagnostic]:
    """``found`` with at most ``limit`` diagnostics per code; the rest of a code become one
    diagnostic of that code that counts them and spans them (a 40 KB line of ``[J]`` gave
    6,500 R001s: output no reader can use, and time spent writing it)."""
    counts: dict[str, int] = {}
    for d in found:
        counts[d.code] = counts.get(d.code, 0) + 1
    if max(counts.values()) <= limit:
        return found
    kept: list[Diagnostic] = []
    rest: dict[str, list[Diagnostic]] = {}
    seen: dict[str, int] = {}
    for d in found:
        seen[d.code] = seen.get(d.code, 0) + 1
        if seen[d.code] <= limit:
            kept.append(d)
        else:
            rest.setdefault(d.code, []).append(d)
    for code, more in rest.items():
        spans = [d.span for d in more if d.span is not None]
        kept.append(
            replace(
                more[0],
                message=f"{len(more)} more {code} findings in this reference (first: "
                f"{more[0].message})",
                message_zh=f"本条另有 {len(more)} 处 {code} 问题(第一处: "
                f"{more[0].message_zh or more[0].message})",
                span=Span(min(s.start for s in spans), max(s.end for s in spans))
                if spans
                else None,
                fix=None,
            )
        )
    return kept


def run_reference_rules(
    ref: Reference,
    rules: Iterable[Rule],
    ctx: Context,
    *,
    budget: float = 0.0,
    clock: Callable[[], float] = time.monotonic,
) -> list[Diagnostic]:
    """The diagnostics of ``rules`` on ``ref``; a rule that raises becomes an X001 naming it.
    At most ``max-per-code`` (default 10) diagnostics of one code are listed; one more counts
    the rest.  With a ``budget`` (seconds of ``clock``, a monotonic function), the rules left
    when it has run out are skipped with one X002."""
    entry = Entry(ref)
    found: list[Diagnostic] = []
    extend = found.extend
    applicable = _applicable(rules, entry.is_gbt, entry.type_code)
    deadline = clock() + budget if budget > 0 else None
    for k, r in enumerate(applicable):
        try:
            extend(r.fn(entry, ctx))
        except Exception as exc:  # a faulty rule must not hide the others' findings
            found.append(_internal_error(r, exc))
        if deadline is not None and k + 1 < len(applicable) and clock() > deadline:
            rest = [later.code for later in applicable[k + 1 :]]
            found.append(over_budget(budget, f"rule {r.code}", rest))
            break
    limit = ctx.option("max_per_code", MAX_PER_CODE)
    if limit and len(found) > limit:
        found = _capped(found, limit)
    return found


def check_reference(
    ref: Reference,
    config: Config | None = None,
    *,
    rules: Sequence[Rule] | None = None,
    ctx: Context | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Reference:
    """``ref`` with the diagnostics of the per-reference rules that ``config`` selects.

    ``config`` is a :class:`citekit.config.Config`, or None for the defaults; its
    ``time_budget`` bounds the time spent on ``ref`` (``clock``: a monotonic function).
    """
    if rules is None:
        rules = rules_for(config, "reference")
    if ctx is None:
        ctx = context_for(config)
    budget = (config or _DEFAULT).time_budget
    found = run_reference_rules(ref, rules, ctx, budget=budget, clock=clock)
    if not found:
        return ref
    found = _apply_overrides(found, _overrides(config))
    found.sort(key=_position)
    return ref.with_diagnostics(*found)


@dataclass(frozen=True, slots=True)
class ListCheck:
    """The result of :func:`check_list`: the references with their diagnostics (list-level
    findings included) and the diagnostics on the article text (spans into the text)."""

    references: list[Reference]
    text_diagnostics: list[Diagnostic] = field(default_factory=list)


def check_list(
    refs: Sequence[Reference],
    config: Config | None = None,
    *,
    text: str | None = None,
    per_reference: bool = False,
) -> ListCheck:
    """Run the list-level rules (duplicates, numbering, and with ``text`` the citations of the
    article) on ``refs``; with ``per_reference=True`` also the per-reference rules."""
    refs = list(refs)
    if per_reference:
        rules = rules_for(config, "reference")
        ctx0 = context_for(config)
        refs = [check_reference(r, config, rules=rules, ctx=ctx0) for r in refs]
    ctx = context_for(config, article_text=text) if text else context_for(config)
    overrides = _overrides(config)
    extra: dict[int, list[Diagnostic]] = {}
    text_diags: list[Diagnostic] = []
    for r in rules_for(config, "list"):
        try:
            for index, d in r.fn(refs, ctx):
                if index is None:
                    text_diags.append(d)
                else:
                    extra.setdefault(index, []).append(d)
        except Exception as exc:
            text_diags.append(_internal_error(r, exc))
    for index, diags in extra.items():
        refs[index] = refs[index].with_diagnostics(*_apply_overrides(diags, overrides))
    return ListCheck(refs, _apply_overrides(text_diags, overrides))


def rule_info(code: str) -> Rule:
    return RULES[code.upper()]
