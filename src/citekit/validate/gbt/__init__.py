"""The GB/T 7714 rules (family G, and W for punctuation), one module per section of the rule
catalogue (``tests/fixtures/gbt7714/rules.md``); the rules of the 2025 edition only in
:mod:`.edition2025`.  A new rule goes into the module of the section it checks.
"""

from . import (  # noqa: F401  (registration)
    access,
    dates,
    edition2025,
    imprint,
    names,
    numbers,
    punctuation,
    required,
    templates,
    titles,
    types,
)
