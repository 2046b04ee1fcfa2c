"""Conditions: ``cs:choose`` and its ``cs:if`` / ``cs:else-if`` tests, compiled once per style,
and CSL cite positions as citeproc-js works them out (:func:`cite_position`).
"""

from __future__ import annotations

from typing import Any

import citeproc.model as cm

from .compile import CompiledRender, _compile_children
from .keys import CK_POSITION, CK_PROBE, DISAMBIGUATE_KEY


def _note_number(citation: Any) -> int:
    """The note number of a citation (0: in the text)."""
    try:
        return int(citation.note_index or 0)
    except Exception:  # noqa: BLE001 - no note number (citeproc-py raises VariableError)
        return 0


def _locator_key(cite: Any) -> Any:
    if not getattr(cite, "has_locator", False):
        return None
    locator = cite.locator
    return (str(locator.identifier), str(locator.label or ""))


def _in_bibliography(element: Any) -> bool:
    return bool(element.xpath_search("./ancestor::*[self::cs:bibliography]"))


def disambiguate_rank(element: Any) -> int:
    """The place of ``element`` among the style's elements that test ``disambiguate``, in
    document order: disambiguation turns these tests on one at a time, in this order
    (:data:`DISAMBIGUATE_KEY` holds how many are on for a reference)."""
    root = element.getroottree().getroot()
    for n, other in enumerate(e for e in root.iter() if "disambiguate" in e.attrib):
        if other is element:
            return n
    return 0


def cite_position(item: Any, cites: Any, distance: int = 5) -> tuple[str, bool]:
    """The position of ``item`` (``first``, ``subsequent``, ``ibid``, ``ibid-with-locator``)
    and whether it is near its last cite (``near-note``), given the cites rendered before it,
    as citeproc-js works them out: cites in the text (no note number) and cites in notes are
    two separate sequences; a cite is ibid after the cite before it in its citation, or, first in
    its citation, after the last cite of the citation before it in the same note, or the one
    cite of the note just before; ``near-note`` when the item was cited at most ``distance``
    notes before (always in the text)."""
    prior = list(cites or ())
    for i in range(len(prior) - 1, -1, -1):
        if prior[i] is item:  # a cite rendered again (collapsing): the cites before it
            del prior[i:]
            break
    citation = getattr(item, "citation", None)
    note = _note_number(citation)
    prior = [c for c in prior if (_note_number(getattr(c, "citation", None)) > 0) == (note > 0)]
    key = item.key
    if not any(c.key == key for c in prior):
        return "first", False
    in_citation = [c for c in prior if getattr(c, "citation", None) is citation]
    if in_citation:
        previous = in_citation[-1]
        ibid = previous.key == key
    else:
        last_citation = getattr(prior[-1], "citation", None)
        before = [c for c in prior if getattr(c, "citation", None) is last_citation]
        previous_note = _note_number(last_citation)
        if previous_note != note:
            previous = before[0]
            alone = (
                previous_note == 0
                or sum(
                    1 for c in prior if _note_number(getattr(c, "citation", None)) == previous_note
                )
                == 1
            )
            ibid = previous.key == key and previous_note >= note - 1 and alone
        else:
            previous = before[-1]
            ibid = previous.key == key
    position = "subsequent"
    if ibid:
        before_locator, locator = _locator_key(previous), _locator_key(item)
        if before_locator is None:
            position = "ibid-with-locator" if locator is not None else "ibid"
        elif locator is not None:
            position = "ibid" if locator == before_locator else "ibid-with-locator"
    if not note:
        return position, True
    last = max(_note_number(getattr(c, "citation", None)) for c in prior if c.key == key)
    return position, note - last <= distance


class _Condition:
    """The test of ``cs:if``/``cs:else-if``, separated from rendering."""

    def _position(self, item: Any, context: Any = None) -> list[bool]:
        """CSL positions (:func:`cite_position`); in a bibliography none is true."""
        if context is None:
            context = self
        if context.xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        root = self.get_root()  # type: ignore[attr-defined]
        citation = root.citation
        try:
            distance = int(citation.get("near-note-distance", 5)) if citation is not None else 5
        except ValueError:
            distance = 5
        if dict.get(item, CK_PROBE):  # ambiguity is that of subsequent cites (citeproc-js)
            position, near = "subsequent", True
        elif dict.get(item, CK_POSITION):  # given with the cite
            position, near = str(dict.get(item, CK_POSITION)), False
        else:
            cites = getattr(context.get_layout().getparent(), "cites", None)
            position, near = cite_position(item, cites, distance)
        results = []
        for test in self.get("position").split():  # type: ignore[attr-defined]
            if test == "first":
                results.append(position == "first")
            elif test == "subsequent":
                results.append(position != "first")
            elif test == "ibid":
                results.append(position in ("ibid", "ibid-with-locator"))
            elif test == "ibid-with-locator":
                results.append(position == "ibid-with-locator")
            elif test == "near-note":
                results.append(position != "first" and near)
            else:
                results.append(False)
        return results

    def compile_test(self) -> Any:
        """:meth:`matches` as a closure ``test(item, context)`` with the attributes read once
        (every test is evaluated, as in :meth:`_matches`, so errors surface the same way)."""
        attrib = self.attrib  # type: ignore[attr-defined]
        tests: list[Any] = []
        if "type" in attrib:
            types = [t.lower() for t in attrib["type"].split()]
            tests.append(
                lambda item, context: [t == dict.__getitem__(item.reference, "type") for t in types]
            )
        if "variable" in attrib:
            variables = [v.replace("-", "_") for v in attrib["variable"].split()]

            def variable_test(item: Any, context: Any) -> list[bool]:
                reference = item.reference
                return [(v in item) if v == "locator" else (v in reference) for v in variables]

            tests.append(variable_test)
        if "is-numeric" in attrib:
            tests.append(lambda item, context: self._is_numeric(item))  # type: ignore[attr-defined]
        if "is-uncertain-date" in attrib:
            tests.append(lambda item, context: self._is_uncertain_date(item))  # type: ignore[attr-defined]
        if "locator" in attrib:
            tests.append(lambda item, context: self._locator(item))  # type: ignore[attr-defined]
        if "position" in attrib:
            tests.append(lambda item, context: self._position(item, context))
        if "disambiguate" in attrib:
            wanted = attrib["disambiguate"] == "true"
            rank = disambiguate_rank(self)

            def disambiguate_test(item: Any, context: Any) -> list[bool]:
                level = dict.get(item.reference, DISAMBIGUATE_KEY, 0)
                # the cites turn the tests on one at a time; the bibliography reflects the
                # outcome: all its tests are on for a reference that needed any
                on = level > rank or (level > 0 and _in_bibliography(context or self))
                return [on == wanted]

            tests.append(disambiguate_test)
        match = self.get("match")  # type: ignore[attr-defined]
        combine = any if match in ("any", "none") else all
        negate = match == "none"
        if len(tests) == 1 and len(attrib) - ("match" in attrib) == 1:
            # the common single tests, without building a list of results
            if "type" in attrib:
                type_set = frozenset(types)
                if len(types) == 1 or match in ("any", "none"):
                    if negate:
                        return lambda item, context: (
                            dict.__getitem__(item.reference, "type") not in type_set
                        )
                    if len(types) == 1:
                        return lambda item, context: (
                            dict.__getitem__(item.reference, "type") in type_set
                        )
                    return lambda item, context: (
                        dict.__getitem__(item.reference, "type") in type_set
                    )
            if "variable" in attrib and "locator" not in variables:
                if len(variables) == 1:
                    (only_variable,) = variables
                    if negate:
                        return lambda item, context: only_variable not in item.reference
                    return lambda item, context: only_variable in item.reference
        if (
            "variable" in attrib
            and "locator" not in variables
            and len(attrib) - ("match" in attrib) == 1
        ):
            # several variables (no locator), as ``variable_test`` then ``combine``, without the list
            names = tuple(variables)
            if combine is any:

                def any_variable(item: Any, context: Any) -> bool:
                    reference = item.reference
                    for v in names:
                        if v in reference:
                            return not negate
                    return negate

                return any_variable

            def all_variables(item: Any, context: Any) -> bool:
                reference = item.reference
                for v in names:
                    if v not in reference:
                        return False
                return True

            return all_variables
        if len(tests) == 1:
            (only,) = tests
            if negate:
                return lambda item, context: not any(only(item, context))
            return lambda item, context: combine(only(item, context))

        def test(item: Any, context: Any) -> bool:
            results: list[bool] = []
            for t in tests:
                results += t(item, context)
            return (not any(results)) if negate else combine(results)

        return test


class If(_Condition, cm.If):
    pass


class ElseIf(_Condition, cm.Else_If):
    pass


class Choose(CompiledRender, cm.Choose):
    def compile(self) -> Any:
        branches = []
        for branch in self.iterchildren():
            test = branch.compile_test() if isinstance(branch, _Condition) else None  # cs:else
            branches.append((test, _compile_children(branch)))

        def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            context = kwargs.get("context")
            delimiter = kwargs.get("delimiter", "")
            if "delimiter" in kwargs or "context" not in kwargs:
                child_kwargs = {k: v for k, v in kwargs.items() if k != "delimiter"}
                child_kwargs["context"] = context
            else:
                child_kwargs = kwargs
            for matches, children in branches:
                if matches is None or matches(item, context):
                    return children(item, child_kwargs, delimiter)
            return None, False

        def delimited(item: Any, kwargs: dict[str, Any], delimiter: str) -> tuple[Any, bool]:
            """``run`` for a parent's child list: the parent's delimiter passed on as such
            (not in a copy of ``kwargs``)."""
            if "context" not in kwargs or "delimiter" in kwargs:
                kwargs = {k: v for k, v in kwargs.items() if k != "delimiter"}
                kwargs.setdefault("context", None)
            context = kwargs["context"]
            for matches, children in branches:
                if matches is None or matches(item, context):
                    return children(item, kwargs, delimiter)
            return None, False

        run.ck_delimited = delimited  # type: ignore[attr-defined]
        # the branch elements with their compiled tests (what a substitute printed)
        run.ck_branches = [  # type: ignore[attr-defined]
            (test, branch) for (test, _), branch in zip(branches, self.iterchildren(), strict=True)
        ]
        return run
