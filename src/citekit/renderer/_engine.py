"""citeproc-py, corrected where it is wrong for everyone.

citekit pins ``citeproc-py==0.11.1`` and adapts to its internals.  Each fix is a subclass of the
citeproc-py element class at fault, registered in the same lxml ``ElementNamespaceClassLookup``
that :class:`citeproc.frontend.CitationStylesXML` builds (the element class is chosen from the
tag name), so a style parsed here gets the fixed classes and plain citeproc-py users are not
affected.  The fixes:

* **Group suppression** (:class:`Group`, :class:`Choose`, :class:`If`, :class:`ElseIf`,
  :class:`Else`, :class:`Text`, :class:`Macro`): CSL suppresses a ``cs:group`` when it calls a
  variable and every variable it calls is empty.  citeproc-py asks ``calls_variable()`` of every
  child, and for a ``cs:choose`` that scans *all* branches, also the untaken ones.  So
  ``[<text macro="type-id"/>/<text macro="medium-id"/>]`` vanished for an item without URL/DOI
  because the untaken ``<if variable="medium">`` branch "called" a variable.  Here a child is
  asked :meth:`calls_variable_for` the item, which follows only the branch actually taken.
* **Ordinals** (:class:`Number`): citeproc-py treats an *empty* ordinal term (zh-CN defines
  ``<term name="ordinal"/>``) as missing and falls back to en-US, giving ``2nd 版``.  Here the
  ordinal terms come from the first locale in the fallback chain that defines any, as CSL says,
  and an empty suffix is a valid suffix.
* **CJK seams** (:class:`Group` and the transparent ``cs:choose`` branches): a delimiter that is
  only whitespace is dropped between a CJK character and a letter, digit or CJK character
  (``5 版`` → ``5版``): Chinese and Japanese typography has no inter-word spaces.
* **Names** (:class:`Names`, :class:`Name`): hyphenated name variables (``container-author``)
  render; a ``cs:names`` inside ``cs:substitute`` inherits the outer ``cs:name`` also inside a
  ``cs:choose``; literal names (institutions, CJK names) are not upper-cased by ``cs:name-part``;
  ``ck:suffix-delimiter`` places a suffix (``NORD G L, Jr``); a role the source truncated
  (``custom.names_truncated``, ``custom.<role>_truncated``) still ends with the et-al term.
* **second-field-align** (:class:`Layout`): the first field (the citation number of a numeric
  list) is separated from the rest of the entry by one space.
"""

from __future__ import annotations

import re
from typing import Any

import citeproc.model as cm
from citeproc.frontend import CitationStylesStyle
from citeproc.source import CitationItem, VariableError
from citeproc.string import String, join
from lxml import etree

from ._markup import QUOTE_CLOSE, QUOTE_OPEN
from ._sortkey import language_group, pinyin_key

__all__ = ["CK_MODE", "CSL_NS", "EXPLICIT_SUFFIX_KEY", "PREVIOUS_NAMES_KEY", "names_text", "EngineStyle", "TRUNCATED_KEY", "has_cjk"]

CSL_NS = "http://purl.org/net/xbiblio/csl"

#: Key set on a citeproc ``Reference`` whose author list the source truncated.
TRUNCATED_KEY = "_citekit_names_truncated"

#: Key set on a citeproc ``CitationItem`` rendered as a cite (not a bibliography entry).
CK_IN_CITE = "_citekit_in_cite"
#: Keys set on a citeproc ``Reference`` by disambiguation: names added to its cites beyond
#: ``et-al-use-first``; given-name levels per name variable and name index (1 initials, 2 full);
#: whether it is still ambiguous (``disambiguate="true"``).
ADD_NAMES_KEY = "_citekit_add_names"
GIVEN_LEVELS_KEY = "_citekit_given_levels"
DISAMBIGUATE_KEY = "_citekit_disambiguate"

#: Key set on a citeproc ``CitationItem``: ``"suppress-author"`` or ``"author-only"``.
CK_MODE = "_citekit_mode"
_CK_NAMES_DONE = "_citekit_names_done"
#: Key set on a bibliography ``CitationItem``: the names text of the previous entry.
PREVIOUS_NAMES_KEY = "_citekit_previous_names"
_CK_NAMES_TEXT = "_citekit_names_text"

_CJK = (
    "\u2e80-\u2fdf"  # radicals
    "\u3000-\u303f"  # CJK symbols and punctuation
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3100-\u312f\u31a0-\u31bf"  # bopomofo
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uff00-\uffef"  # full-width forms
    "\U00020000-\U0003134f"
)
_CJK_RE = re.compile(f"[{_CJK}]")
_TAG_TAIL = re.compile(r"(?:<[^<>]*>)+$")
_TAG_HEAD = re.compile(r"^(?:<[^<>]*>)+")


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_RE.match(ch) is not None


def _edge_chars(left: Any, right: Any) -> tuple[str, str]:
    ls = _TAG_TAIL.sub("", str(left))
    rs = _TAG_HEAD.sub("", str(right))
    return (ls[-1:] if ls else "", rs[:1] if rs else "")


def cjk_join(items: list[Any], delimiter: str) -> Any:
    """citeproc-py's ``join`` but a whitespace delimiter disappears at a CJK seam."""
    if not delimiter or delimiter.strip() or len(items) < 2:
        return join(items, delimiter)
    output = items[0]
    for item in items[1:]:
        a, b = _edge_chars(output, item)
        cjk_seam = (_is_cjk(a) or _is_cjk(b)) and (a.isalnum() or _is_cjk(a)) and (
            b.isalnum() or _is_cjk(b)
        )
        output = join([output, item], "" if cjk_seam else delimiter)
    return output


# --- group suppression ---------------------------------------------------------------------


def calls_variable_for(element: Any, item: Any, context: Any = None) -> bool:
    """Whether ``element`` calls a variable *for this item* (taken branches only)."""
    method = getattr(element, "calls_variable_for", None)
    if method is not None:
        return bool(method(item, context))
    return bool(element.calls_variable())


class _ParentFor:
    """``calls_variable_for`` of an element that renders all its children."""

    def calls_variable_for(self, item: Any, context: Any = None) -> bool:
        return any(calls_variable_for(child, item, context) for child in self.iterchildren())  # type: ignore[attr-defined]


class _CjkChildren:
    """``render_children`` joining with :func:`cjk_join` (transparent ``cs:choose`` branches)."""

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        output = []
        for child in self.iterchildren():  # type: ignore[attr-defined]
            try:
                if isinstance(child, cm.Choose):
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
                if text is not None:
                    output.append(text)
            except VariableError:
                pass
        if output:
            return cjk_join(output, delimiter)
        return None


#: Key of a per-render cache of condition results on a ``CitationItem`` (the branch a
#: ``cs:choose`` takes is asked for by group suppression and then again to render it).  The
#: cache holds the element proxies as keys, so their ids cannot be reused while it lives.
_CK_COND_CACHE = "_citekit_conditions"


class _Condition:
    """The test of ``cs:if``/``cs:else-if``, separated from rendering."""

    def matches(self, item: Any, context: Any = None) -> bool:
        cache = dict.get(item, _CK_COND_CACHE) if isinstance(item, dict) else None
        if cache is not None:
            hit = cache.get(self)
            if hit is None:
                hit = cache[self] = self._matches(item, context)
            return hit
        return self._matches(item, context)

    def _matches(self, item: Any, context: Any = None) -> bool:
        results: list[bool] = []
        attrib = self.attrib  # type: ignore[attr-defined]
        if "type" in attrib:
            results += self._type(item)  # type: ignore[attr-defined]
        if "variable" in attrib:
            results += self._variable(item)  # type: ignore[attr-defined]
        if "is-numeric" in attrib:
            results += self._is_numeric(item)  # type: ignore[attr-defined]
        if "is-uncertain-date" in attrib:
            results += self._is_uncertain_date(item)  # type: ignore[attr-defined]
        if "locator" in attrib:
            results += self._locator(item)  # type: ignore[attr-defined]
        if "position" in attrib:
            results += self._position(item, context)  # type: ignore[attr-defined]
        if "disambiguate" in attrib:
            wanted = attrib["disambiguate"] == "true"
            results.append(bool(dict.get(item.reference, DISAMBIGUATE_KEY)) == wanted)
        match = self.get("match")  # type: ignore[attr-defined]
        if match == "any":
            return any(results)
        if match == "none":
            return not any(results)
        return all(results)

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if not self.matches(item, context):
            raise cm.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[attr-defined]


class If(_Condition, _CjkChildren, _ParentFor, cm.If):
    pass


class ElseIf(_Condition, _CjkChildren, _ParentFor, cm.Else_If):
    pass


class Else(_CjkChildren, _ParentFor, cm.Else):
    def matches(self, item: Any, context: Any = None) -> bool:
        return True


class Choose(cm.Choose):
    def taken_branch(self, item: Any, context: Any = None) -> Any:
        for branch in self.iterchildren():
            matches = getattr(branch, "matches", None)
            if matches is None or matches(item, context):
                return branch
        return None

    def calls_variable_for(self, item: Any, context: Any = None) -> bool:
        branch = self.taken_branch(item, context)
        return branch is not None and calls_variable_for(branch, item, context)


class Macro(_CjkChildren, _ParentFor, cm.Macro):
    pass


class Text(cm.Text):
    """``cs:text``: ``quotes="true"`` prints quote markers (outer or inner quotes by depth and
    punctuation-in-quote are resolved on the finished output, :func:`_markup.finish`), inside
    the element's formatting (``<i>“Title”</i>``)."""

    def markup(self, text: Any, language: Any) -> Any:
        if text:
            text = self.case(self.strip_periods(text), language)
            if self.get("quotes", "false").lower() == "true":
                text = String(QUOTE_OPEN) + text + String(QUOTE_CLOSE)
            return self.wrap(self.format(text))
        return None

    def calls_variable_for(self, item: Any, context: Any = None) -> bool:
        if "macro" in self.attrib:
            return calls_variable_for(self.get_macro(self.get("macro")), item, context)
        return bool(self.calls_variable())


class Group(cm.Group):
    def calls_variable_for(self, item: Any, context: Any = None) -> bool:
        return any(calls_variable_for(child, item, context) for child in self.iterchildren())

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        output = []
        variable_called = False
        variable_rendered = False
        delimiter = self.get("delimiter", "")
        for child in self.iterchildren():
            called = calls_variable_for(child, item, context)
            variable_called = variable_called or called
            try:
                if isinstance(child, cm.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text is not None and str(text) != "":
                output.append(text)
                variable_rendered = variable_rendered or called
        if output and (not variable_called or variable_rendered):
            return cjk_join(output, delimiter)
        raise VariableError


# --- ordinals -------------------------------------------------------------------------------


def _ordinal_suffix(number: int, context: Any) -> str:
    root = context.get_root()
    locales = getattr(root, "locales", None) or [root]
    for locale in locales:
        terms = locale.find(f"{{{CSL_NS}}}terms")
        if terms is None:
            continue
        found = {
            t.get("name"): t
            for t in terms.iterchildren(f"{{{CSL_NS}}}term")
            if (t.get("name") or "").startswith("ordinal") and t.get("form") in (None, "long")
        }
        if not found:
            continue
        two = number % 100
        term = found.get(f"ordinal-{two:02d}") if two >= 10 else None
        if term is not None and (term.get("match") != "whole-number" or number == two):
            return str(term.single)
        one = number % 10
        term = found.get(f"ordinal-{one:02d}")
        if term is not None:
            match = term.get("match", "last-digit")
            if (
                match == "last-digit"
                or (match == "last-two-digits" and two == one)
                or (match == "whole-number" and number == one)
            ):
                return str(term.single)
        term = found.get("ordinal")
        return str(term.single) if term is not None else ""
    return ""


class Number(cm.Number):
    def format_number(self, number: Any) -> Any:
        form = self.get("form", "numeric")
        if form in ("ordinal", "long-ordinal"):
            try:
                value = int(number)
            except ValueError:
                return number
            if form == "ordinal" or value > 10:
                return String(str(value) + _ordinal_suffix(value, self))
        return super().format_number(number)


# --- names ----------------------------------------------------------------------------------


CK_NS = "https://citekit.dev/csl-extension"
"""Namespace of citekit's CSL extension attributes (``ck:suffix-delimiter`` on ``cs:name``)."""


_CK_SCRIPT = f"{{{CK_NS}}}script"
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _is_latin(text: str) -> bool:
    """No letters outside the Latin script (digits, punctuation, spaces are neutral)."""
    return _NON_LATIN_LETTER.search(text) is None


class Name(cm.Name):
    """``cs:name`` with three fixes.

    * A literal name (an institution, or a CJK name, which citekit passes as one unit) is
      printed as given: ``cs:name-part`` formatting (GB/T's upper-cased family names) is for
      personal names only, as in citeproc-js.
    * ``ck:suffix-delimiter`` (citekit extension) sets what separates an inverted name from its
      suffix (GB/T: ``NORD G L, Jr``); ``ck:suffix-strip-periods="true"`` drops its periods.
    * A role listed in the reference's :data:`TRUNCATED_KEY` (the source gave only the first
      names plus "others") ends with the et-al term even below ``et-al-min``.
    """

    def process(self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any) -> Any:
        def get_option(name: str) -> Any:
            return self.get_option(name, context, sort_options)

        and_ = get_option("and")
        delimiter = get_option("delimiter")
        delimiter_precedes_et_al = get_option("delimiter-precedes-et-al")
        delimiter_precedes_last = get_option("delimiter-precedes-last")
        et_al_min = get_option("et-al-min")
        et_al_use_first = get_option("et-al-use-first")
        et_al_use_last = get_option("et-al-use-last")
        initialize_with = get_option("initialize-with")
        name_as_sort_order = get_option("name-as-sort-order")
        sort_separator = get_option("sort-separator")
        form = get_option("form")
        demote_ndp = get_option("demote-non-dropping-particle")
        suffix_delimiter = self.get(f"{{{CK_NS}}}suffix-delimiter")
        suffix_strip = self.get(f"{{{CK_NS}}}suffix-strip-periods", "false") == "true"

        def format_name_parts(given: Any, family: Any) -> tuple[Any, Any]:
            for part in self.findall("cs:name-part", self.nsmap):
                if part.get(_CK_SCRIPT) == "latin" and not _is_latin(str(family) + str(given or "")):
                    continue  # ck:script="latin": GB/T upper-cases Latin-script names only
                given, family = part.format_part(given, family)
            return given, family

        names = list(item.reference.get(variable.replace("-", "_"), []))
        and_term = ""
        if and_ == "text":
            and_term = self.get_single_term(name="and")
        elif and_ == "symbol":
            and_term = self.preformat("&")

        if form == "count":
            return min(len(names), et_al_use_first)

        truncated_roles = item.reference.get(TRUNCATED_KEY) or ()
        source_truncated = sort_options is None and variable in truncated_roles
        et_al = self.et_al()
        # disambiguation (citations only): names added, given names expanded per name
        in_cite = sort_options is None and bool(dict.get(item, CK_IN_CITE))
        levels: dict[int, int] = {}
        if in_cite:
            ref = item.reference
            extra = dict.get(ref, ADD_NAMES_KEY) or 0
            if extra and et_al_min and len(names) >= et_al_min:
                et_al_use_first = min(et_al_use_first + extra, len(names))
                if et_al_use_first >= len(names):
                    et_al_min = 0
            levels = (dict.get(ref, GIVEN_LEVELS_KEY) or {}).get(variable, {})
        et_al_truncate = len(names) > 1 and et_al_min and len(names) >= et_al_min
        et_al_last = et_al_use_last and et_al_use_first <= et_al_min - 2
        if et_al_truncate:
            names = names[:et_al_use_first] + ([names[-1]] if et_al_last else [])
        elif source_truncated:
            et_al_truncate, et_al_last = True, False

        output = []
        for i, name in enumerate(names):
            given, family, dp, ndp, suffix = name.parts()
            if "literal" in name:
                output.append(family)
                continue
            level = levels.get(i, 0)
            name_form = form
            if level and form == "short":
                name_form = "long"
            if given is not None and initialize_with is not None and level < 2:
                given = self.initialize(given, initialize_with, context)
            form = name_form
            if suffix and suffix_strip:
                suffix = suffix.replace(".", "")
            if form == "long":
                if name_as_sort_order == "all" or (name_as_sort_order == "first" and i == 0):
                    if demote_ndp in ("never", "sort-only"):
                        family = " ".join([n for n in (ndp, family) if n])
                        given = " ".join([n for n in (given, dp) if n])
                    else:
                        given = " ".join([n for n in (given, dp, ndp) if n])
                    given, family = format_name_parts(given, family)
                    text = sort_separator.join([n for n in (family, given) if n])
                    if suffix:
                        sep = sort_separator if suffix_delimiter is None else suffix_delimiter
                        text = sep.join([text, suffix]) if text else suffix
                else:
                    family = " ".join([n for n in (dp, ndp, family) if n])
                    given, family = format_name_parts(given, family)
                    text = " ".join([n for n in (given, family, suffix) if n])
            else:  # short
                family = " ".join([n for n in (ndp, family) if n])
                given, family = format_name_parts(given, family)
                text = family
            form = get_option("form")
            output.append(text)

        if et_al_truncate and et_al:
            if et_al_last:
                ellipsis = self.unicode_character("horizontal ellipsis")
                output[-1] = ellipsis + " " + output[-1]
                return self.join(output, delimiter)
            if delimiter_precedes_et_al == "always" or (
                delimiter_precedes_et_al == "contextual" and len(output) >= 2
            ):
                output.append(et_al)
                return self.join(output, delimiter)
            return self.join(output, delimiter) + " " + et_al
        if and_ is not None and len(output) > 1:
            text = self.join(output[:-1], ", ")
            if delimiter_precedes_last == "always" or (
                delimiter_precedes_last == "contextual" and len(output) > 2
            ):
                text = self.join([text, ""], ", ")
            else:
                text += " "
            return text + "{} ".format(and_term) + output[-1]
        return self.join(output, delimiter)


class Names(cm.Names):
    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        """The first top-level ``cs:names`` of a cite is recorded (cite grouping, author-only)
        and dropped for a ``suppress-author`` cite."""
        if kwargs.get("names_context") is not None or not isinstance(item, CitationItem) or dict.get(
            item, _CK_NAMES_DONE
        ):
            return super().render(item, *args, **kwargs)
        item[_CK_NAMES_DONE] = True
        text = super().render(item, *args, **kwargs)
        item[_CK_NAMES_TEXT] = text
        if dict.get(item, CK_MODE) == "suppress-author":
            raise VariableError
        previous = dict.get(item, PREVIOUS_NAMES_KEY)
        if previous is not None and text is not None and str(text) == previous:
            substitute = self.xpath_search("./ancestor::cs:bibliography[1]")
            if substitute and substitute[0].get("subsequent-author-substitute") is not None:
                # CSL subsequent-author-substitute (rule complete-all/complete-each when every
                # name repeats): the names of an entry are replaced by the substitute string.
                value = substitute[0].get("subsequent-author-substitute")
                return String(value) if value else String("")
        return text


    """``cs:names`` with two fixes.

    * Hyphenated name variables (``container-author``, ``collection-editor``, ...) were looked
      up under their hyphenated name, but citeproc-py stores them with underscores, so they
      never rendered.
    * A ``cs:names`` inside ``cs:substitute`` without its own ``cs:name`` inherits the
      ``cs:name``, ``cs:et-al`` and ``cs:label`` of the enclosing ``cs:names`` also when it sits
      inside a ``cs:choose`` (citeproc-py only looked at direct children, and otherwise inserted a
      bare default ``cs:name`` into the style tree).
    """

    def process(self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        if context is None:
            context = self
        if names_context is None:
            names_context = self
            if self.name is None:
                outer = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
                if outer:
                    names_context = outer[0]
        ref = item.reference
        roles = self.get("variable").split()
        try:
            ed_trans = bool(
                set(roles) == {"editor", "translator"}
                and ref.editor == ref.translator
                and self.get_term("editortranslator").getchildren()
            )
            if ed_trans:
                roles = ["editor"]
        except VariableError:
            ed_trans = False

        output = []
        for role in roles:
            key = role.replace("-", "_")
            if key not in ref:
                continue
            name_elem = names_context.name
            if name_elem is None:
                name_elem = names_context.makeelement(f"{{{CSL_NS}}}name")
                names_context.insert(0, name_elem)
            text = name_elem.render(item, role, context=context, **kwargs)
            plural = len(ref[key]) > 1
            label_element = names_context.label
            if label_element is not None:
                label = label_element.render(item, "editortranslator" if ed_trans else role, plural, **kwargs)
                if label is not None:
                    if label_element is names_context.getchildren()[0]:
                        text = label + text
                    else:
                        text = text + label
            output.append(text)

        if output:
            if all(isinstance(t, int) for t in output):
                total = sum(output)
                return str(total) if total > 0 else None
            return self.join([t for t in output if t is not None], self.get_parent_delimiter(context))
        substitute = self.substitute()
        if substitute is not None:
            return substitute.render(item, context=context, **kwargs)
        raise VariableError


# --- sorting --------------------------------------------------------------------------------

_CK_GROUP = f"{{{CK_NS}}}group-by-language"


class Key(cm.Key):
    """``cs:key`` whose CJK keys sort by pinyin, surnames read as surnames (see
    :mod:`citekit.renderer._sortkey`)."""

    def sort_keys(self, items: Any, context: Any) -> list[Any]:
        keys = super().sort_keys(items, context)
        names = False
        if "variable" in self.attrib:
            names = self.get("variable").replace("-", "_") in cm.NAMES
        elif "macro" in self.attrib:
            names = self.get_macro(self.get("macro")).find(f".//{{{CSL_NS}}}names") is not None
        out = []
        for key in keys:
            if key is None or isinstance(key, (int, float)):
                out.append(key)
                continue
            text = str(key)
            out.append(pinyin_key(text, names) if has_cjk(text) else key)
        return out


class Sort(cm.Sort):
    """``cs:sort``; with ``ck:group-by-language="true"`` (citekit extension) the entries are
    first grouped by language, Chinese, Japanese, Western, Russian, others (GB/T 7714)."""

    def sort(self, items: Any, context: Any) -> Any:
        if self.get(_CK_GROUP) != "true" or len(items) < 2:
            return super().sort(items, context)
        groups: dict[int, list[Any]] = {}
        for item in items:
            ref = item.reference
            sample = " ".join(str(dict.get(ref, k) or "") for k in ("title", "container_title", "author"))
            groups.setdefault(language_group(dict.get(ref, "language"), sample), []).append(item)
        out: list[Any] = []
        for group in sorted(groups):
            members = groups[group]
            out.extend(super().sort(members, context) if len(members) > 1 else members)
        return out


# --- dates ----------------------------------------------------------------------------------

#: Key set on a citeproc ``CitationItem`` once its year suffix has been printed.
_CK_SUFFIX_DONE = "_citekit_year_suffix_done"


class Date(cm.Date):
    """``cs:date`` that appends the reference's disambiguating ``year-suffix`` to the first
    rendered ``issued`` date of a cite or entry, unless the style prints ``year-suffix`` itself
    (CSL 1.0.2, Disambiguation)."""

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        text = super().render(item, *args, **kwargs)
        if text is None or self.get("variable") != "issued" or not isinstance(item, CitationItem):
            return text
        reference = item.reference
        suffix = dict.get(reference, "year_suffix")
        if not suffix or dict.get(item, _CK_SUFFIX_DONE) or dict.get(reference, EXPLICIT_SUFFIX_KEY):
            return text
        if kwargs.get("sort_options") is not None or self.xpath_search("./ancestor::cs:sort"):
            return text
        item[_CK_SUFFIX_DONE] = True
        affix = self.get("suffix", "")
        raw = str(text)
        if affix and raw.endswith(affix):  # inside the date's own affixes: (2000a)
            return String(raw[: -len(affix)] + str(suffix) + affix)
        return text + String(str(suffix))


#: Key set on a citeproc ``Reference`` when the style renders ``year-suffix`` explicitly.
EXPLICIT_SUFFIX_KEY = "_citekit_explicit_year_suffix"


def names_text(item: Any) -> str | None:
    """The text of the first names rendered for ``item`` in its last render, if any."""
    text = dict.get(item, _CK_NAMES_TEXT)
    return None if text is None else str(text)


# --- layout ---------------------------------------------------------------------------------


class Layout(_CjkChildren, cm.Layout):
    def render_bibliography(self, citation_items: Any) -> list[Any]:
        bibliography = self.getparent()
        align = bibliography.get("second-field-align") if bibliography is not None else None
        children = list(self.iterchildren())
        output_items = []
        for item in citation_items:
            self.repressed = {}
            item[_CK_SUFFIX_DONE] = False
            item[_CK_NAMES_DONE] = False
            item[_CK_NAMES_TEXT] = None
            item[_CK_COND_CACHE] = {}
            if align and len(children) > 1:
                first = self._render_one(children[0], item)
                rest = self._render_list(children[1:], item)
                if first is not None and rest is not None:
                    body = join([first, rest], " ")
                else:
                    body = first if rest is None else rest
            else:
                body = self.render_children(item)
            text = self.format(self.wrap(body))
            if text is not None:
                output_items.append(text)
        return output_items

    # -- citations ---------------------------------------------------------------------------

    def render_cite(self, item: Any) -> Any:
        """One cite of a cluster: the layout's children with the cite's prefix and suffix, no
        layout affixes.  ``None`` when it renders nothing."""
        self.repressed = {}
        item[CK_IN_CITE] = True
        item[_CK_SUFFIX_DONE] = False
        item[_CK_NAMES_DONE] = False
        item[_CK_NAMES_TEXT] = None
        item[_CK_COND_CACHE] = {}
        try:
            output = self.render_children(item)
        except VariableError:
            output = None
        if dict.get(item, CK_MODE) == "author-only":
            output = dict.get(item, _CK_NAMES_TEXT)
        if output is None:
            return None
        return String(item.get("prefix", "")) + output + String(item.get("suffix", ""))

    def render_cluster(self, cites: list[Any], layout_for: Any, history: list[Any], errors: list[str]) -> Any:
        """A citation cluster: cites sorted by the citation's ``cs:sort`` (else as given), each
        rendered by the layout of its locale (``layout_for(cite)``), collapsed as the citation's
        ``collapse`` asks, joined and wrapped in this layout's affixes and formatting.

        ``history`` holds the cites rendered before (positions); a cite that raises is recorded
        in ``errors`` and rendered as its key so the other cites still render."""
        citation = self.getparent()
        if citation.sort is not None and len(cites) > 1:
            try:
                cites = citation.sort.sort(cites, self)
            except Exception as exc:  # noqa: BLE001 - keep the order given
                errors.append(f"sorting cites: {type(exc).__name__}: {exc}")
        collapse = citation.get("collapse")
        rendered: list[tuple[Any, Any]] = []
        for cite in cites:
            layout = layout_for(cite)
            try:
                text = layout.render_cite(cite)
            except Exception as exc:  # noqa: BLE001 - one cite never aborts the cluster
                errors.append(f"{cite.key}: {type(exc).__name__}: {exc}")
                text = String(cite.key)
            if text is not None:
                rendered.append((cite, text))
            history.append(cite)
        if not rendered:
            return None
        delimiter = self.get("delimiter", "")
        if collapse == "citation-number":
            parts = self._collapse_numbers(rendered, delimiter)
        elif collapse in ("year", "year-suffix", "year-suffix-ranged"):
            parts = self._collapse_years(rendered, layout_for, delimiter)
        else:
            parts = [text for _, text in rendered]
        return self.format(self.wrap(cjk_join(parts, delimiter)))

    def _collapse_numbers(self, rendered: list[tuple[Any, Any]], delimiter: str) -> list[Any]:
        def number(cite: Any) -> int | None:
            if cite.has_locator or cite.get("prefix") or cite.get("suffix") or dict.get(cite, CK_MODE):
                return None
            try:
                return int(cite.number)
            except Exception:  # noqa: BLE001
                return None

        out: list[Any] = []
        i = 0
        dash = "\u2013"
        while i < len(rendered):
            j = i
            n = number(rendered[i][0])
            while n is not None and j + 1 < len(rendered) and number(rendered[j + 1][0]) == n + (j + 1 - i):
                j += 1
            if j - i >= 2:
                out.append(rendered[i][1] + dash + rendered[j][1])
            else:
                out.extend(text for _, text in rendered[i : j + 1])
            i = j + 1
        return out

    def _collapse_years(self, rendered: list[tuple[Any, Any]], layout_for: Any, delimiter: str) -> list[Any]:
        citation = self.getparent()
        group_delimiter = citation.get("cite-group-delimiter", ", ")
        after = citation.get("after-collapse-delimiter", delimiter)
        groups: list[list[tuple[Any, Any]]] = []
        index: dict[str, int] = {}
        for cite, text in rendered:
            names = dict.get(cite, _CK_NAMES_TEXT)
            key = str(names) if names is not None and not dict.get(cite, CK_MODE) else None
            if key is not None and key in index:
                groups[index[key]].append((cite, text))
            else:
                if key is not None:
                    index[key] = len(groups)
                groups.append([(cite, text)])
        out: list[Any] = []
        for group in groups:
            parts = [group[0][1]]
            for cite, _ in group[1:]:
                cite[CK_MODE] = "suppress-author"
                try:
                    text = layout_for(cite).render_cite(cite)
                finally:
                    cite[CK_MODE] = None
                if text is not None:
                    parts.append(text)
            inner = delimiter if any(c.has_locator for c, _ in group) else group_delimiter
            out.append(join(parts, inner) if len(parts) > 1 else parts[0])
        if len(out) > 1 and after != delimiter:
            return [join(out, after)]
        return out

    def _render_one(self, child: Any, item: Any) -> Any:
        try:
            return child.render(item)
        except VariableError:
            return None

    def _render_list(self, children: list[Any], item: Any) -> Any:
        out = [t for t in (self._render_one(c, item) for c in children) if t is not None]
        return join(out, "") if out else None


_OVERRIDES: dict[str, type] = {
    "group": Group,
    "choose": Choose,
    "if": If,
    "else-if": ElseIf,
    "else": Else,
    "macro": Macro,
    "text": Text,
    "number": Number,
    "name": Name,
    "names": Names,
    "layout": Layout,
    "date": Date,
    "key": Key,
    "sort": Sort,
}


_MISSING = object()
_CACHED_PREFIXES = ("./ancestor", "cs:macro[")


class _Cached:
    """Caches of one parsed style (one dict shared by the element classes of one parser, so of
    one :class:`EngineStyle`, which one thread uses at a time): the root, locale terms and the
    style-structure XPath lookups citeproc-py repeats for every item (macros by name, the
    enclosing ``cs:layout``/``cs:citation``/``cs:bibliography``).  The cache holds the element
    proxies as keys, which keeps them alive, so Python attributes set on them last too."""

    _ck_cache: dict[Any, Any] = {}

    def xpath_search(self, expression: str) -> Any:
        if expression.startswith(_CACHED_PREFIXES):
            key = (self, expression)
            hit = self._ck_cache.get(key)
            if hit is None:
                hit = self._ck_cache[key] = self.xpath(expression, namespaces=self.nsmap)  # type: ignore[attr-defined]
            return hit
        return self.xpath(expression, namespaces=self.nsmap)  # type: ignore[attr-defined]

    def get_root(self) -> Any:
        root = self._ck_cache.get("root")
        if root is None:
            root = self.getroottree().getroot()  # type: ignore[attr-defined]
            if isinstance(root, cm.Style):
                self._ck_cache["root"] = root
        return root

    def get_macro(self, name: str) -> Any:
        key = ("macro", name)
        hit = self._ck_cache.get(key)
        if hit is None:
            hit = self._ck_cache[key] = super().get_macro(name)  # type: ignore[misc]
        return hit

    def get_term(self, name: str, form: Any = None, fallback_locale: bool = True, zero_padded: bool = False) -> Any:
        if isinstance(self, cm.Locale):  # an in-style cs:locale: its own lookup
            return super().get_term(name, form, zero_padded=zero_padded)  # type: ignore[misc]
        key = ("term", name, form, fallback_locale, zero_padded)
        hit = self._ck_cache.get(key, _MISSING)
        if hit is _MISSING:
            hit = self._ck_cache[key] = super().get_term(name, form, fallback_locale, zero_padded)  # type: ignore[misc]
        return hit


def _make_parser() -> etree.XMLParser:
    """The parser citeproc-py builds in ``CitationStylesXML``, with citekit's classes (each
    with the :class:`_Cached` lookups of this parser's style)."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    classes: dict[Any, type] = {None: cm.CitationStylesElement}
    classes.update(
        {
            cls.__name__.replace("_", "-").lower(): cls
            for cls in cm.CitationStylesElement.__subclasses__()
            if cls.__module__ == cm.__name__
        }
    )
    classes.update(_OVERRIDES)
    cache: dict[Any, Any] = {}
    for tag, cls in classes.items():
        namespace[tag] = type(cls.__name__, (_Cached, cls), {"_ck_cache": cache, "__module__": __name__})
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


class EngineStyle(CitationStylesStyle):
    """A parsed CSL style for one locale, with citekit's element classes.

    Not thread-safe (citeproc-py keeps per-render state on the elements): the renderer hands an
    instance to one thread at a time.
    """

    def __init__(self, xml: bytes, locale: str) -> None:  # noqa: D107 - see class docstring
        self.parser = _make_parser()
        self.xml = etree.ElementTree(etree.fromstring(xml, self.parser))
        self.root = self.xml.getroot()
        self.root.set_locale_list(locale, validate=False)
