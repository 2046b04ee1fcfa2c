"""The ``regex`` module with lazy ``compile``: a pattern is compiled on its first use.

Compiling the parser's ~250 patterns took about half of a one-line parse's start-up, and one
reference uses few of them.  A module imports this in place of ``regex``
(``from .. import lazyregex as regex``): ``regex.compile`` returns a :class:`LazyPattern`, whose
first attribute access compiles the real pattern and keeps its methods in slots (the object then
has no ``__getattr__`` hook), so later calls cost what a compiled pattern's calls cost; every other
name is ``regex``'s own, except the module-level ``search``, ``match``, ``fullmatch`` and ``sub``,
which find a string pattern's compiled form in a plain dict (``regex``'s own cache lookup costs
~10 us a call, as much as a short search) and otherwise do what ``regex``'s do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex as _regex

__all__ = [
    "CompiledPattern",
    "LazyPattern",
    "LazyRePattern",
    "compile",
    "compile_re",
    "fullmatch",
    "match",
    "search",
    "sub",
]

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


class CompiledPattern:
    """A :class:`LazyPattern` once compiled: the pattern's methods and attributes in slots, and no
    ``__getattr__`` hook (which would slow every attribute lookup)."""

    __slots__ = (*_KEPT, "_args", "_real")
    _args: tuple[Any, int, dict[str, Any]]
    _real: Any

    def compiled(self) -> Any:
        return self._real

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r})"


class LazyPattern(CompiledPattern):
    """A compiled ``regex`` pattern, compiled on first use (what ``regex.compile`` would return)."""

    __slots__ = ()  # (the same layout as CompiledPattern, which it turns into)

    def __init__(self, pattern: Any, flags: int = 0, **kwargs: Any) -> None:
        self._args = (pattern, flags, kwargs)

    def compiled(self) -> Any:
        """The real pattern object (compiled now if not yet)."""
        pattern, flags, kwargs = self._args
        real = _regex.compile(pattern, flags, **kwargs)
        for name in _KEPT:
            setattr(self, name, getattr(real, name))
        self._real = real
        self.__class__ = CompiledPattern  # type: ignore[assignment]
        return real

    def __getattr__(self, name: str) -> Any:  # only for names not set yet
        if name.startswith("__") or name in ("_args", "_real"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def compile(pattern: Any, flags: int = 0, **kwargs: Any) -> LazyPattern:
    return LazyPattern(pattern, flags, **kwargs)


class LazyRePattern(LazyPattern):
    """A compiled pattern of the standard ``re`` module, compiled on first use
    (:func:`compile_re`); ``re`` has no ``splititer`` (nor the other names of ``regex``'s own)."""

    __slots__ = ()

    def compiled(self) -> Any:
        import re

        pattern, flags, _ = self._args
        real = re.compile(pattern, flags)
        for name in _KEPT:
            if hasattr(real, name):
                setattr(self, name, getattr(real, name))
        self._real = real
        self.__class__ = CompiledPattern  # type: ignore[assignment]
        return real


def compile_re(pattern: str, flags: int = 0) -> LazyRePattern:
    """``re.compile(pattern, flags)`` on first use: for the patterns a module compiles with the
    standard ``re`` (faster where they do not need ``regex``) but most runs never use."""
    return LazyRePattern(pattern, flags)


_COMPILED: dict[tuple[Any, int], Any] = {}
_COMPILED_MAX = 512  # distinct (pattern, flags) pairs kept; then the cache starts again


def _compiled(pattern: Any, flags: int) -> Any:
    try:
        return _COMPILED[pattern, flags]
    except KeyError:
        if len(_COMPILED) >= _COMPILED_MAX:
            _COMPILED.clear()
        real = _COMPILED[pattern, flags] = _regex.compile(pattern, flags)
        return real
    except TypeError:  # (an unhashable pattern: regex says what is wrong with it)
        return _regex.compile(pattern, flags)


def _matcher(name: str) -> Callable[..., Any]:
    """regex's module-level ``search``/``match``/``fullmatch`` over the dict of compiled patterns."""
    theirs = getattr(_regex, name)

    def ours(
        pattern: Any,
        string: Any,
        flags: int = 0,
        pos: Any = None,
        endpos: Any = None,
        **kwargs: Any,
    ) -> Any:
        if kwargs:  # (named lists, timeouts, partial matching: regex's own)
            return theirs(pattern, string, flags, pos, endpos, **kwargs)
        return getattr(_compiled(pattern, flags), name)(string, pos, endpos)

    ours.__name__ = ours.__qualname__ = name
    return ours


search = _matcher("search")
match = _matcher("match")
fullmatch = _matcher("fullmatch")


def sub(
    pattern: Any,
    repl: Any,
    string: Any,
    count: int = 0,
    flags: int = 0,
    pos: Any = None,
    endpos: Any = None,
    **kwargs: Any,
) -> Any:
    if kwargs:
        return _regex.sub(pattern, repl, string, count, flags, pos, endpos, **kwargs)
    return _compiled(pattern, flags).sub(repl, string, count, pos, endpos)


def __getattr__(name: str) -> Any:  # everything else: the regex module's own
    return getattr(_regex, name)
