"""Word lists shipped as data files in ``citekit/text/data/<name>.txt``.

One entry per line; blank lines and lines starting with ``#`` are ignored. Each file's origin and
licence are written in ``data/SOURCES.md``. Lists are read once, on first use, and shared.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["words"]


@cache
def words(name: str) -> frozenset[str]:
    """The entries of the word list ``name`` (a file ``data/<name>.txt``) as a frozen set.

    Raises ``FileNotFoundError`` for an unknown list: a misspelt name is a programming error.
    """
    path = resources.files(__package__).joinpath("data", f"{name}.txt")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return frozenset(entries)
