"""CSL disambiguation of the first cites of a render (given names, added names, the
``disambiguate`` condition, year suffixes), mixed into the render session."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography

from ..text.author_order import first_author
from . import _markup
from .engine import (
    ADD_NAMES_KEY,
    CK_NS,
    CK_PROBE,
    DISAMBIGUATE_KEY,
    EXPLICIT_SUFFIX_KEY,
    GIVEN_LEVELS_KEY,
    SORT_NAMES_KEY,
    EngineStyle,
    reference_year,
)
from .pool import StyleEntry
from .source import Item


def _suffix_letters(n: int) -> str:
    """0 → a, 25 → z, 26 → aa (CSL year suffixes)."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


#: ``ck:year-suffix-by="first-author"`` on ``cs:citation``: year suffixes go to the works of
#: one first author in one year, not only to cites that render alike (GB/T 7714 10.2.3).
_SUFFIX_BY = f"{{{CK_NS}}}year-suffix-by"


#: An attribute ``disambiguate`` of a condition in a style's XML.
_DISAMBIGUATE_TEST = re.compile(r"""\sdisambiguate\s*=\s*["'](?:true|false)["']""")


def _ambiguity(groups: Sequence[Sequence[str]]) -> int:
    """How many cites of ``groups`` (sets of cites that render alike) are not yet told apart:
    each group but one of its cites.  A step helps when it lowers this, also when it only
    splits a group into smaller ones (CSL 1.0.2 Disambiguation: "ambiguous cites" are the
    cites rendering alike, and each method applies while it reduces them)."""
    return sum(len(group) - 1 for group in groups)


class Disambiguation:
    """The disambiguation steps of a render session (:class:`~.session.Session`, which
    provides the attributes and the two methods declared here for the type checker)."""

    entry: StyleEntry
    source: Any
    history: list[CitationItem]
    failed: dict[str, str]
    default_locale: str
    citation_elements: dict[str, Any]
    #: year suffixes were given by first author and year: the bibliography is sorted again
    suffixes_by_first_author: bool = False

    def engine(self, locale: str) -> EngineStyle:
        raise NotImplementedError

    def citation_layout(self, cite: CitationItem) -> Any:
        raise NotImplementedError

    def disambiguate(self, bibliography: CitationStylesBibliography) -> None:
        """CSL disambiguation of the first cites of the items, in the order of the spec:
        ``givenname-disambiguation-rule`` for ambiguous names (all-names / primary-name rules),
        then for cites that render the same: ``disambiguate-add-names`` (names added beyond
        et-al-use-first), ``disambiguate-add-givenname`` (initials, then full given names),
        the ``disambiguate`` condition, and ``disambiguate-add-year-suffix`` (``a``, ``b``, ...
        in bibliography order)."""
        self.engine(self.default_locale)
        citation = self.citation_elements.get(self.default_locale)
        if citation is None:
            return
        add_names = citation.get("disambiguate-add-names") == "true"
        add_given = citation.get("disambiguate-add-givenname") == "true"
        add_suffix = citation.get("disambiguate-add-year-suffix") == "true"
        rule = citation.get("givenname-disambiguation-rule", "by-cite")
        has_condition = b'disambiguate="true"' in self.entry.xml
        if not (add_names or add_given or add_suffix or has_condition):
            return
        keys = [c.key for c in bibliography.items if c.key not in self.failed]
        saved = list(self.history)

        def render(key: str) -> str | None:
            probe = Item(key)
            probe[CK_PROBE] = True
            Citation([probe]).bibliography = bibliography
            self.history.clear()
            try:
                text = self.citation_layout(probe).render_cite(probe)
            except Exception:  # noqa: BLE001
                return None
            return None if text is None else _markup.to_text(_markup.finish(str(text)))

        def groups(members: Sequence[str]) -> list[list[str]]:
            by_text: dict[str, list[str]] = {}
            for key in members:
                text = render(key)
                if text is not None:
                    by_text.setdefault(text, []).append(key)
            return [g for g in by_text.values() if len(g) > 1]

        try:
            if add_given and rule != "by-cite":
                self._global_given_names(keys, rule)
            ambiguous = groups(keys)
            if add_names and ambiguous:
                ambiguous = [
                    g2 for g in ambiguous for g2 in self._add_names(g, groups, add_given, rule)
                ]
            if add_given and ambiguous:
                ambiguous = [g2 for g in ambiguous for g2 in self._add_given(g, groups, rule)]
            if has_condition and ambiguous:
                # the style's disambiguate tests turn true one at a time, in document order,
                # for the cites still alike (citeproc-js: no more extra text than needed)
                tests = len(_DISAMBIGUATE_TEST.findall(self.entry.xml.decode("utf-8", "replace")))
                for level in range(1, tests + 1):
                    for group in ambiguous:
                        for key in group:
                            self.source[key][DISAMBIGUATE_KEY] = level
                    ambiguous = [g2 for g in ambiguous for g2 in groups(g)]
                    if not ambiguous:
                        break
            if add_suffix and citation.get(_SUFFIX_BY) == "first-author":
                # GB/T 7714 10.2.3: by first author and year, whatever the other names; the
                # lettered works then stand together in the list (Session.register sorts again)
                ambiguous = self._first_author_groups(keys)
                self.suffixes_by_first_author = bool(ambiguous)
            if add_suffix and ambiguous:
                explicit = b'variable="year-suffix"' in self.entry.xml
                for group in ambiguous:
                    for n, key in enumerate(group):
                        reference = self.source[key]
                        reference["year_suffix"] = _suffix_letters(n)
                        if explicit:
                            reference[EXPLICIT_SUFFIX_KEY] = True
        finally:
            self.history[:] = saved

    def _first_author_groups(self, keys: Sequence[str]) -> list[list[str]]:
        """The cites (in bibliography order) whose printed name lists begin with the same name
        and whose year is the same, two or more each (``ck:year-suffix-by="first-author"``; the
        names as the bibliography's sort printed them, :data:`SORT_NAMES_KEY`)."""
        by: dict[tuple[str, str], list[str]] = {}
        for key in keys:
            names = dict.get(self.source[key], SORT_NAMES_KEY)
            year = reference_year(self.source[key])
            if names and year:
                by.setdefault((first_author(names), year), []).append(key)
        return [group for group in by.values() if len(group) > 1]

    def _name_lists(self, key: str) -> dict[str, list[Any]]:
        ref = self.source[key]
        return {
            var: list(dict.get(ref, var) or [])
            for var in (
                "author",
                "editor",
                "translator",
                "container_author",
                "collection_editor",
                "composer",
                "director",
                "interviewer",
                "illustrator",
                "recipient",
            )
            if dict.get(ref, var)
        }

    @staticmethod
    def _set_level(reference: Any, variable: str, index: int, level: int) -> None:
        levels: dict[str, dict[int, int]] | None = dict.get(reference, GIVEN_LEVELS_KEY)
        if levels is None:
            levels = reference[GIVEN_LEVELS_KEY] = {}
        per = levels.setdefault(variable.replace("_", "-"), {})
        per[index] = max(per.get(index, 0), level)
        per_us = levels.setdefault(variable, {})
        per_us[index] = per[index]

    def _global_given_names(self, keys: Sequence[str], rule: str) -> None:
        """all-names / primary-name rules: a name whose family name is shared by a different
        person gets its initials (or its full given name when the initials are shared too)."""

        def initials(given: str) -> str:
            return "".join(w[0] for w in given.replace("-", " ").replace(".", " ").split() if w)

        people: dict[str, set[str]] = {}
        entries: list[tuple[str, str, int, str, str]] = []
        for key in keys:
            for var, names in self._name_lists(key).items():
                for i, name in enumerate(names):
                    if "literal" in name or not dict.get(name, "family"):
                        continue
                    if rule.startswith("primary") and i > 0:
                        continue
                    given_, family_, _dp, ndp, _sfx = name.parts()
                    family = f"{ndp or ''} {family_ or ''}"
                    given = re.sub(r"[\s.]+", " ", str(given_ or "")).strip()
                    people.setdefault(family, set()).add(given)
                    entries.append((key, var, i, family, given))
        for key, var, i, family, given in entries:
            others = people[family] - {given}
            if not others or not given:
                continue
            clash = any(initials(o) == initials(given) for o in others)
            if rule.endswith("with-initials"):
                # initials only, and only where they tell the person apart from another
                if all(initials(o) == initials(given) for o in others):
                    continue
                level = 1
            else:
                level = 2 if clash else 1
            self._set_level(self.source[key], var, i, level)

    def _add_names(
        self, group: list[str], groups: Any, add_given: bool, rule: str
    ) -> list[list[str]]:
        """Names added to the cites of ``group`` one at a time (with given names expanded at
        each count when ``add_given``): a cite told apart keeps the names it has then, the
        others go on; none added if it never helps."""
        refs = {k: self.source[k] for k in group}
        if self._same_names(group):  # names cannot tell these cites apart
            return [group]
        most = max((len(next(iter(self._name_lists(k).values()), [])) for k in group), default=0)
        pending = [group]
        helped = False
        for extra in range(1, most + 1):
            keys = [k for g in pending for k in g]
            before = {k: dict.get(refs[k], ADD_NAMES_KEY) or 0 for k in keys}
            for key in keys:
                refs[key][ADD_NAMES_KEY] = extra
            remaining = [g2 for g in pending for g2 in groups(g)]
            if remaining and add_given:
                remaining = [g2 for g in remaining for g2 in self._add_given(g, groups, rule)]
            if _ambiguity(remaining) < _ambiguity(pending):
                helped = True
                pending = remaining
                if not pending:
                    return []
            else:  # this many names does not help: back to what did
                for key in keys:
                    refs[key][ADD_NAMES_KEY] = before[key]
        if not helped:
            for ref in refs.values():
                ref[ADD_NAMES_KEY] = 0
            return [group]
        return pending

    def _same_names(self, group: list[str]) -> bool:
        first = None
        for key in group:
            lists = {
                var: [tuple(sorted((k, str(v)) for k, v in dict.items(n))) for n in names]
                for var, names in self._name_lists(key).items()
            }
            if first is None:
                first = lists
            elif lists != first:
                return False
        return True

    def _add_given(self, group: list[str], groups: Any, rule: str) -> list[list[str]]:
        if self._same_names(group):
            return [group]
        remaining = [group]
        lists = {k: self._name_lists(k) for k in group}
        width = max((len(n) for lists_of in lists.values() for n in lists_of.values()), default=0)
        if rule.startswith("primary"):
            width = min(width, 1)
        max_level = 1 if rule.endswith("with-initials") else 2
        for index in range(width):
            for level in range(1, max_level + 1):
                keys = [k for g in remaining for k in g]
                before = _ambiguity(remaining)
                snapshot = {
                    k: {
                        v: dict(d)
                        for v, d in (dict.get(self.source[k], GIVEN_LEVELS_KEY) or {}).items()
                    }
                    for k in keys
                }
                for key in keys:
                    for var in lists[key]:
                        if index < len(lists[key][var]):
                            self._set_level(self.source[key], var, index, level)
                after = [g2 for g in remaining for g2 in groups(g)]
                if _ambiguity(after) < before:
                    remaining = after
                else:  # no help: undo
                    for key in keys:
                        self.source[key][GIVEN_LEVELS_KEY] = snapshot[key]
                if not remaining:
                    return []
        return remaining
