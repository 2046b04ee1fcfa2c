"""The ``regex`` module with lazy ``compile``: a pattern is compiled on its first use.

Compiling the parser's ~250 patterns took about half of a one-line parse's start-up, and one
reference uses few of them.  A module imports this in place of ``regex``
(``from .. import lazyregex as regex``): ``regex.compile`` returns a :class:`LazyPattern`, whose
first attribute access compiles the real pattern and keeps its methods on the instance, so later calls
cost what a compiled pattern's calls cost; every other name is ``regex``'s own.
"""

from __future__ import annotations

from typing import Any

import regex as _regex

__all__ = ["LazyPattern", "compile"]

# what a LazyPattern takes over from its pattern on first use
_KEPT = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "splititer",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A compiled ``regex`` pattern, compiled on first use (what ``regex.compile`` would return)."""

    def __init__(self, pattern: Any, flags: int = 0, **kwargs: Any) -> None:
        self._args = (pattern, flags, kwargs)

    def compiled(self) -> Any:
        """The real pattern object (compiled now if not yet)."""
        pattern, flags, kwargs = self._args
        real = _regex.compile(pattern, flags, **kwargs)
        d = self.__dict__
        for name in _KEPT:
            d[name] = getattr(real, name)
        d["compiled"] = lambda: real
        return real

    def __getattr__(self, name: str) -> Any:  # only for names not on the instance yet
        if name.startswith("__") or name == "_args":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r})"


def compile(pattern: Any, flags: int = 0, **kwargs: Any) -> LazyPattern:
    return LazyPattern(pattern, flags, **kwargs)


def __getattr__(name: str) -> Any:  # everything else: the regex module's own
    return getattr(_regex, name)
