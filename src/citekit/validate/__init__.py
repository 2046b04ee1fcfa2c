"""The validator: GB/T 7714-2015/-2025 and generic checks, as a linter.

Every finding is a :class:`~citekit.model.Diagnostic` with a stable code (see
:data:`citekit.codes.CODES`), a severity, a span into the raw string, an English and a Chinese
message, and where possible a fix (``safe`` fixes are applied by ``--fix``).

- :func:`check_reference` runs the per-reference rules a config selects (the pipeline's
  ``check`` stage); :func:`check_list` adds the list-level rules (duplicates, numbering, and
  given the article text, citations).
- :data:`RULES` is the registry (``@rule(code, name, severity, editions=..., rule_ids=...)``);
  each rule's docstring explains it with a bad and a good example.
- :func:`load_profile` reads ``[tool.citekit]`` from ``pyproject.toml`` or ``citekit.toml``.
"""

from __future__ import annotations

from . import gbt, rules_duplicates, rules_generic, rules_list, rules_style  # noqa: F401  (registration)
from .core import ListCheck, check_list, check_reference, context_for, rules_for
from .profile import Profile, find_config, load_profile
from .registry import (
    ALL_EDITIONS,
    RULES,
    Context,
    Rule,
    diag,
    is_selected,
    rule,
    select_rules,
    sort_rules,
)

sort_rules()

__all__ = [
    "ALL_EDITIONS",
    "Context",
    "ListCheck",
    "Profile",
    "RULES",
    "Rule",
    "check_list",
    "check_reference",
    "context_for",
    "diag",
    "find_config",
    "is_selected",
    "load_profile",
    "rule",
    "rules_for",
    "select_rules",
]
