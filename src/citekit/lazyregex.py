"""The ``regex`` module with lazy ``compile``: a pattern is compiled on its first use.

Compiling the parser's ~250 patterns took about half of a one-line parse's start-up, and one
reference uses few of them.  A module imports this in place of ``regex``
(``from .. import lazyregex as regex``): ``regex.compile`` returns a :class:`LazyPattern`, whose
first attribute access compiles the real pattern and keeps its methods in slots (the object then
has no ``__getattr__`` hook), so later calls cost what a compiled pattern's calls cost; every other
name is ``regex``'s own, except the module-level ``search``, ``match``, ``fullmatch`` and ``sub``,
which find a string pattern's compiled form in a plain dict (``regex``'s own cache lookup costs
~10 us a call, as much as a short search) and otherwise do what ``regex``'s do.

Compiled patterns are also kept between runs (:class:`PatternStore`): ``regex`` compiles a pattern
in Python (~0.5 ms each; the ~300 patterns of a long parse cost ~0.15 s, a one-line parse's 55 ~0.025 s,
a fifth of its start-up), and what it hands its C engine at the end is plain data, the very data
a pickled pattern holds.  That data is stored in the user's cache folder (:mod:`.cache`), one
file per ``regex`` and Python version, read once and written at exit when a run compiled a
pattern it did not hold; a pattern made from it is the one
``regex.compile`` makes (the same engine data), and anything wrong with the file (missing, damaged,
unwritable, another version's) only means the patterns are compiled as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import regex as _regex

from . import cache

__all__ = [
    "STORE",
    "CompiledPattern",
    "LazyPattern",
    "LazyRePattern",
    "PatternStore",
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
        real = (
            STORE.compile(pattern, flags)
            if not kwargs
            else _regex.compile(pattern, flags, **kwargs)
        )
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


class PatternStore:
    """Compiled ``regex`` patterns kept in a file between runs (see the module docstring).

    :meth:`compile` answers what ``regex.compile(pattern, flags)`` answers: from the file's data
    for a pattern it holds, else compiled by ``regex`` (and its data noted, for :meth:`save`)."""

    _MAX = 4096  # patterns kept in the file (citekit's parser and checker use ~600)

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._held: dict[tuple[Any, int], tuple[Any, ...]] | None = None  # read on first use
        self._new: dict[tuple[Any, int], tuple[Any, ...]] = {}
        self._engine: Callable[..., Any] | None = getattr(
            getattr(_regex, "_regex", None), "compile", None
        )

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if (
            self.path is None
            or self._engine is None
            or type(pattern) not in (str, bytes)
            or _regex.DEFAULT_VERSION != _regex.VERSION0  # (the data is compiled for VERSION0)
        ):
            return _regex.compile(pattern, flags)
        key = (pattern, int(flags))
        held = self._held if self._held is not None else self._read()
        data = held.get(key)
        if data is not None:
            try:
                real = self._engine(*data)
            except Exception:  # (data another regex could not read: compiled as before)
                real = None
            if real is not None and real.pattern == pattern:
                return real
        real = _regex.compile(pattern, flags)
        data = self._data(real)
        if data is not None:
            if not self._new:
                import atexit

                atexit.register(self.save)
            self._new[key] = data
        return real

    @staticmethod
    def _data(real: Any) -> tuple[Any, ...] | None:
        """What ``regex`` hands its engine for ``real`` (the data a pickled pattern holds), as
        plain values; None for a pattern that must not be kept (locale-dependent)."""
        data = getattr(real, "_pickled_data", None)
        if not isinstance(data, tuple) or real.flags & _regex.LOCALE:
            return None
        return tuple(int(v) if isinstance(v, int) else v for v in data)  # (flags: plain ints)

    def _read(self) -> dict[tuple[Any, int], tuple[Any, ...]]:
        loaded = cache.load(self.path)
        held = loaded if isinstance(loaded, dict) else {}
        self._held = held
        return held

    def save(self) -> None:
        """Write the patterns compiled in this run into the file (with those it holds, which
        another run may have added to meanwhile).  Nothing happens on any error."""
        if not self._new or self.path is None:
            return
        new, self._new = self._new, {}
        self._held = None
        merged = dict(self._read())
        merged.update(new)
        if len(merged) > self._MAX:
            merged = dict(list(merged.items())[-self._MAX :])
        cache.store(self.path, merged)
        self._held = merged


def _store_path() -> str | None:
    version = getattr(_regex, "__version__", "0")
    return cache.cache_file(f"regex-{version}-{sys.implementation.cache_tag}.marshal")


#: The store every lazy pattern and module-level function compiles through.
STORE = PatternStore(_store_path())


_COMPILED: dict[tuple[Any, int], Any] = {}
_COMPILED_MAX = 512  # distinct (pattern, flags) pairs kept; then the cache starts again


def _compiled(pattern: Any, flags: int) -> Any:
    try:
        return _COMPILED[pattern, flags]
    except KeyError:
        if len(_COMPILED) >= _COMPILED_MAX:
            _COMPILED.clear()
        real = _COMPILED[pattern, flags] = STORE.compile(pattern, flags)
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
