"""The rule registry: ``@rule(code, name, severity, editions=..., rule_ids=...)``.

A rule is a function that looks at one reference (``scope="reference"``: ``fn(ref, ctx)``)
or at a whole list (``scope="list"``: ``fn(refs, ctx)`` yielding ``(index, diagnostic)``).
Its docstring is the explanation ``citekit rule CODE`` prints: a paragraph, then
``Bad:`` and ``Good:`` lines.  Codes come from :data:`citekit.codes.CODES`; the registry adds
the edition(s) a rule applies to and the rules.md IDs it enforces.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .. import codes
from ..config import STANDARDS
from ..model import Applicability, Diagnostic, Edit, Fix, Severity, Span

__all__ = [
    "ALL_EDITIONS",
    "LIST_SEPARATOR",
    "Context",
    "ONLY_2015",
    "ONLY_2025",
    "Rule",
    "RULES",
    "SAFE",
    "UNSAFE",
    "diag",
    "is_selected",
    "make_fix",
    "rule",
    "select_rules",
    "sort_rules",
    "split_example_list",
]

ALL_EDITIONS: tuple[str, ...] = STANDARDS
ONLY_2015: tuple[str, ...] = ("gbt7714-2015",)
ONLY_2025: tuple[str, ...] = ("gbt7714-2025",)
SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE
# "whole-list": a list rule that needs every reference before it can say anything about one
# (the list's style); :func:`citekit.validate.rules_style.style_findings` runs these.
Scope = Literal["reference", "list", "whole-list"]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    fn: Callable[..., Iterable[Any]]
    editions: tuple[str, ...] = ALL_EDITIONS
    rule_ids: tuple[str, ...] = ()
    scope: Scope = "reference"
    fixable: bool = False
    gbt_only: bool = False  # runs only on entries with a GB/T type code
    types: tuple[str, ...] = ()  # and only on these type codes (empty: all)

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.fn.__doc__ or "")

    @property
    def summary(self) -> str:
        return codes.CODES[self.code].summary

    @property
    def summary_zh(self) -> str:
        return codes.CODES[self.code].summary_zh

    def examples(self) -> dict[str, list[str]]:
        """``{"bad": [...], "good": [...]}`` from the docstring's ``Bad:``/``Good:`` lines.

        A list rule's example is a whole list, its entries separated by
        :data:`LIST_SEPARATOR`; a rule on the article's citations has article text as its
        examples and the list they cite on a ``List:`` line (:meth:`example_list`)."""
        out: dict[str, list[str]] = {"bad": [], "good": []}
        for line in self.doc.splitlines():
            for key in ("bad", "good"):
                prefix = key.capitalize() + ":"
                if line.startswith(prefix):
                    out[key].append(line[len(prefix) :].strip())
        return out

    def example_list(self) -> list[str]:
        """The entries of the docstring's ``List:`` line (the list that examples of article
        text cite), or ``[]``."""
        for line in self.doc.splitlines():
            if line.startswith("List:"):
                return split_example_list(line[len("List:") :])
        return []

    def example_options(self) -> dict[str, str]:
        """The profile options the examples assume, from ``Profile: name = value`` lines."""
        out = {}
        for line in self.doc.splitlines():
            if line.startswith("Profile:") and "=" in line:
                name, value = line[len("Profile:") :].split("=", 1)
                out[name.strip()] = value.strip().strip('"')
        return out


# Entries of a list example: "[1] …  …  [2] …" (two spaces, an ellipsis, two spaces).
LIST_SEPARATOR = "  …  "


def split_example_list(text: str) -> list[str]:
    """The entries of a list example."""
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: str,
    *,
    editions: Iterable[str] = ALL_EDITIONS,
    rule_ids: Iterable[str] = (),
    scope: Scope = "reference",
    fixable: bool = False,
    gbt_only: bool | None = None,
    types: Iterable[str] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a rule.  ``code`` must be in :data:`citekit.codes.CODES` with the same name
    and severity (codes are API: the registry cannot silently redefine one)."""
    info = codes.CODES[code]
    if info.name != name or info.severity.value != severity:
        raise ValueError(f"rule {code} disagrees with the code registry: {name}/{severity}")

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(
            code=code,
            name=name,
            severity=Severity(severity),
            fn=fn,
            editions=tuple(editions),
            rule_ids=tuple(rule_ids),
            scope=scope,
            fixable=fixable,
            gbt_only=code.startswith("G") if gbt_only is None else gbt_only,
            types=tuple(types),
        )
        return fn

    return register


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the reference: the edition and the profile's options."""

    standard: str = "gbt7714-2015"
    options: Mapping[str, Any] = field(default_factory=dict)

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, self.options.get(name.replace("_", "-"), default))

    @property
    def uppercase_names(self) -> bool:
        value = self.option("uppercase_names")
        return self.standard == "gbt7714-2015" if value is None else bool(value)


def diag(
    code: str,
    en: str | None = None,
    zh: str | None = None,
    *,
    span: Span | tuple[int, int] | None = None,
    field: str | None = None,
    fix: Fix | None = None,
    severity: Severity | None = None,
) -> Diagnostic:
    """A diagnostic with an English and a Chinese message (defaults: the code's summaries)."""
    if isinstance(span, tuple):
        span = Span(*span)
    return codes.make(
        code,
        en,
        span=span,
        field=field,
        fix=fix,
        severity=severity,
        message_zh=zh or codes.CODES[code].summary_zh,
    )


def make_fix(
    message: str, *edits: tuple[int, int, str], applicability: Applicability = SAFE
) -> Fix:
    """A fix replacing each ``(start, end)`` of the raw string with its text."""
    return Fix(message, tuple(Edit(Span(s, t), r) for s, t, r in edits), applicability)


# The order rules run in (and findings at one position are listed in): by family, then number.
_FAMILIES = "EBDIGRWL"


def sort_rules() -> None:
    """Put :data:`RULES` in code order (families E, B, D, I, G, R, W, L), whatever order the rule
    modules were imported in."""
    ordered = sorted(RULES.items(), key=lambda kv: (_FAMILIES.index(kv[0][0]), kv[0]))
    RULES.clear()
    RULES.update(ordered)


def _prefix_len(code: str, prefixes: Iterable[str]) -> int:
    best = -1
    for p in prefixes:
        p = p.strip().upper()
        if p == "ALL":
            p = ""
        if code.startswith(p) and len(p) > best:
            best = len(p)
    return best


def is_selected(code: str, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """ruff's rule: the most specific of ``--select``/``--ignore`` wins (select by default all).

    >>> is_selected("G204", select=["G204"], ignore=["G"])
    True
    >>> is_selected("G014", ignore=["G01"])
    False
    """
    select = list(select)
    chosen = _prefix_len(code, select) if select else 0
    if chosen < 0:
        return False
    return chosen > _prefix_len(code, ignore)


def select_rules(
    standard: str = "gbt7714-2015",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    scope: Scope | None = None,
) -> list[Rule]:
    select, ignore = list(select), list(ignore)
    return [
        r
        for r in RULES.values()
        if standard in r.editions
        and (scope is None or r.scope == scope)
        and is_selected(r.code, select, ignore)
    ]
