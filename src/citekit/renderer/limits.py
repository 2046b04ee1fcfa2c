"""Bounds on the work a CSL style can ask for, checked once when the style is loaded.

A style is code: macros that each call the previous one twice grow 4x every two levels (a
40-level style would run for hours on one entry), a macro that calls itself never ends, and a
style file of hundreds of megabytes takes seconds and a gigabyte to parse.  The bounds are far
above what real styles need, so only hostile or broken styles are refused.

The expansion counted here is static (every branch of every ``cs:choose`` taken): the 2,862
styles citekit can resolve reach at most 2.85 million elements (chicago-author-date-classic),
although a render walks only the branches taken.  What one item may cost while rendering is
bounded separately, per call (``engine.compile.MAX_MACRO_CALLS``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_EXPANDED_ELEMENTS", "MAX_STYLE_BYTES", "expansion_problem"]

#: the largest style file read (bytes)
MAX_STYLE_BYTES = 8_000_000
#: the most elements the citation and bibliography layouts may hold with every macro call
#: replaced by the macro's body (rendering an entry walks them all)
MAX_EXPANDED_ELEMENTS = 100_000_000

_CSL = "{http://purl.org/net/xbiblio/csl}"


def expansion_problem(root: Any) -> str | None:
    """Why the style ``root`` (an lxml element) asks for too much work, or None.

    Every macro's expanded size is computed once (its own elements plus the expanded size of
    each macro it calls), so the check is linear in the style's size."""
    macros = {m.get("name"): m for m in root.iter(_CSL + "macro")}
    sizes: dict[str, int] = {}
    for start in macros:
        # iterative depth-first walk: styles may nest macros deeper than Python's stack
        stack: list[tuple[str, bool]] = [(start, False)]
        on_path: set[str] = set()
        while stack:
            name, done = stack.pop()
            if done:
                on_path.discard(name)
                sizes[name] = _size(macros[name], sizes)
                if sizes[name] > MAX_EXPANDED_ELEMENTS:
                    return f"macro {name!r} expands to more than {MAX_EXPANDED_ELEMENTS} elements"
                continue
            if name in sizes:
                continue
            if name in on_path:
                return f"macro {name!r} calls itself"
            on_path.add(name)
            stack.append((name, True))
            for callee in _calls(macros[name]):
                if callee in macros and callee not in sizes:
                    if callee in on_path:
                        return f"macro {callee!r} calls itself"
                    stack.append((callee, False))
    total = 0
    for part in ("citation", "bibliography"):
        for element in root.iter(_CSL + part):
            total += _size(element, sizes)
    if total > MAX_EXPANDED_ELEMENTS:
        return f"the layouts expand to more than {MAX_EXPANDED_ELEMENTS} elements"
    return None


def _calls(element: Any) -> list[str]:
    return [e.get("macro") for e in element.iter() if e.get("macro") is not None]


def _size(element: Any, sizes: dict[str, int]) -> int:
    """Elements under ``element`` with each macro call counted as its macro's expanded size
    (macros not yet sized, i.e. undefined ones, count as one element)."""
    n = 0
    for e in element.iter():
        n += 1
        callee = e.get("macro")
        if callee is not None:
            n += sizes.get(callee, 1)
    return n
