"""Word lists shipped as data files in ``citekit/text/data/<name>.txt``.

One entry per line; blank lines and lines starting with ``#`` are ignored. Each file's origin and
licence are written in ``data/SOURCES.md``. Lists are read once, on first use, and shared.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")  # (not importlib.resources: ~25 ms of start-up)

__all__ = ["words"]


@cache
def words(name: str) -> frozenset[str]:
    """The entries of the word list ``name`` (a file ``data/<name>.txt``) as a frozen set.

    Raises ``FileNotFoundError`` for an unknown list: a misspelt name is a programming error.
    """
    path = _DATA / f"{name}.txt"
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return frozenset(entries)
