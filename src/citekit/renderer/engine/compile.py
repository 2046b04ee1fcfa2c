"""The compiled evaluator: control elements compiled once per parsed style into closures.

citeproc-py interprets the style tree for every item.  Here ``cs:group``, ``cs:macro`` and the
children of ``cs:layout`` and of ``cs:choose`` branches compile once per parsed style (the
closures live in the style's :class:`~.cache._Cached` cache) into ``run(item, kwargs) -> (text,
called)``: the output and whether a variable was called on the branches taken, in one walk
(CSL's group suppression).  Leaves (``cs:text`` of a variable, ``cs:names``, ``cs:date``,
``cs:number``, ``cs:label``) are called with the same keyword arguments citeproc-py's ``render``
gets.  ``text`` is :data:`RAISED` where citeproc-py's ``render`` raises :class:`VariableError`.
"""

from __future__ import annotations

from typing import Any

import citeproc.model as cm
from citeproc.source import VariableError
from citeproc.string import String

from .keys import CK_DIVS
from .strings import _nonempty, cjk_join

#: ``text`` of a compiled element where citeproc-py's ``render`` raises ``VariableError``.
RAISED = object()


def compiled(element: Any) -> Any:
    """The compiled closure of ``element`` (built once per parsed style)."""
    get = getattr(element, "ck_compiled", None)
    if get is not None:
        return get()
    return _compile_leaf(element)


def _compile_leaf(element: Any) -> Any:
    render = element.render
    called = bool(element.calls_variable())

    def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
        try:
            return render(item, **kwargs), called
        except VariableError:
            return RAISED, called

    return run


def _with_display(run: Any, markers: tuple[str, str]) -> Any:
    """``display="..."``: the element's output between display markers when the render asks
    for display divs (:data:`CK_DIVS` on the item)."""
    open_, close = String(markers[0]), String(markers[1])

    def display(item: Any, text: Any, called: bool) -> tuple[Any, bool]:
        if text is None or text is RAISED or not dict.get(item, CK_DIVS):
            return text, called
        return open_ + text + close, called

    def wrapped(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
        return display(item, *run(item, kwargs))

    delimited = getattr(run, "ck_delimited", None)
    if delimited is not None:  # a cs:choose: its call as a child, and its branches, kept

        def wrapped_delimited(item: Any, kwargs: dict[str, Any], delimiter: str) -> Any:
            return display(item, *delimited(item, kwargs, delimiter))

        wrapped.ck_delimited = wrapped_delimited  # type: ignore[attr-defined]
        wrapped.ck_branches = run.ck_branches  # type: ignore[attr-defined]

    return wrapped


def compiled_children(parent: Any) -> list[tuple[Any, Any, bool]]:
    """Each child of ``parent`` compiled: ``(run, delimited, is_group)``, ``delimited`` being
    how a ``cs:choose`` is called as a child, ``run(item, kwargs, delimiter)`` with the
    parent's delimiter passed on as such (else ``None``)."""
    out = []
    for child in parent.iterchildren():
        fn = compiled(child)
        delimited = getattr(fn, "ck_delimited", None) if isinstance(child, cm.Choose) else None
        out.append((fn, delimited, isinstance(child, cm.Group)))
    return out


def _compile_children(parent: Any, implicit_group: bool = False) -> Any:
    """The children of ``parent`` rendered and joined: ``run(item, kwargs, delimiter)`` with the
    children's ``kwargs`` (a ``cs:choose`` child also gets ``delimiter``).  ``implicit_group``
    (a macro): nothing when variables were called and none of them printed, as a group."""
    children = compiled_children(parent)
    if not children:
        return lambda item, kwargs, delimiter: (None, False)

    def run(item: Any, kwargs: dict[str, Any], delimiter: str) -> tuple[Any, bool]:
        output = []
        called = False
        rendered = False
        for fn, delimited, _ in children:
            if delimited is not None:
                text, c = delimited(item, kwargs, delimiter)
            else:
                text, c = fn(item, kwargs)
            if c:
                called = True
            if text is not None and text is not RAISED:
                output.append(text)
                if (
                    c
                    and not rendered
                    and (text != "" if isinstance(text, str) else _nonempty(text))
                ):
                    rendered = True
        if (
            implicit_group
            and called
            and not rendered
            and output
            and any((t != "" if isinstance(t, str) else _nonempty(t)) for t in output)
        ):  # only text around variables that are all empty
            return None, called
        if output:
            return (output[0] if len(output) == 1 else cjk_join(output, delimiter)), called
        return None, called

    return run


#: macro calls one item may make in one render call (sorting, disambiguation and the entry
#: together): apa and chicago-author-date make at most 80 on the render fixtures, a style whose
#: macros each call the previous one twice makes 2**depth
MAX_MACRO_CALLS = 10_000
_MACRO_CALLS_KEY = "_citekit_macro_calls"


class MacroExpansionError(RuntimeError):
    """An item needed more macro calls than :data:`MAX_MACRO_CALLS` (a hostile style)."""


class Macro(cm.Macro):
    def compile(self) -> Any:
        # A macro is an implicit group (citeproc-js): "in " alone is not printed when the
        # container title it introduces is empty.
        children = _compile_children(self, implicit_group=True)

        def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            calls = dict.get(item, _MACRO_CALLS_KEY, 0) + 1
            if calls > MAX_MACRO_CALLS:
                raise MacroExpansionError(
                    f"the style's macros need more than {MAX_MACRO_CALLS} calls for this item"
                )
            dict.__setitem__(item, _MACRO_CALLS_KEY, calls)
            return children(
                item,
                {"context": kwargs.get("context"), "sort_options": kwargs.get("sort_options")},
                "",
            )

        return run

    def render(self, item: Any, context: Any = None, sort_options: Any = None) -> Any:
        text, _ = self.ck_compiled()(item, {"context": context, "sort_options": sort_options})
        return None if text is RAISED else text


class CompiledRender:
    """``render`` of an element through its compiled closure (citeproc-py's contract:
    :class:`VariableError` when the element is suppressed)."""

    def render(self, item: Any, **kwargs: Any) -> Any:
        text, _ = self.ck_compiled()(item, kwargs)  # type: ignore[attr-defined]
        if text is RAISED:
            raise VariableError
        return text


class Group(CompiledRender, cm.Group):
    def compile(self) -> Any:
        delimiter = self.get("delimiter", "")
        children = compiled_children(self)
        markup = self.markup

        def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            if "context" in kwargs:  # no closure changes the kwargs it is given
                child_kwargs = kwargs
            else:
                child_kwargs = dict(kwargs)
                child_kwargs["context"] = None
            output = []
            variable_called = False
            variable_rendered = False
            for fn, delimited, is_group in children:
                if delimited is not None:  # a cs:choose gets the group's delimiter
                    text, called = delimited(item, child_kwargs, delimiter)
                else:
                    text, called = fn(item, child_kwargs)
                if called:
                    variable_called = True
                if text is RAISED:
                    continue
                if text is not None and (text != "" if isinstance(text, str) else _nonempty(text)):
                    output.append(text)
                    # a nested group that prints counts as content (citeproc-js)
                    if called or is_group:
                        variable_rendered = True
            if output and (not variable_called or variable_rendered):
                return markup(
                    output[0] if len(output) == 1 else cjk_join(output, delimiter)
                ), variable_called
            return RAISED, variable_called

        return run
