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
  list) is separated from the rest of the entry by one space; with display divs asked for, the
  first field and the rest (and every ``display="..."`` element) are marked for citeproc-js's
  ``<div class="csl-left-margin">``... (:data:`CK_DIVS`).

**The compiled path.**  The control elements (``cs:layout``, ``cs:group``, ``cs:choose`` and
its branches, ``cs:macro``, ``cs:text``) compile once per parsed style into closures that
render and report the variables called in one walk (see "the compiled path" below); the
conditions of ``cs:if``/``cs:else-if`` compile to tests with their attributes read once
(:meth:`_Condition.compile_test`); formatting, affixes, name options, XPath lookups, macro and
term lookups are cached per parsed style (:class:`_Cached`); sorting computes each key's
normalised forms once per item and a key only for the items the keys before it leave tied
(:meth:`Sort._sort`).  The output is that of the interpreted path (checked on the gold file,
the render fixtures and the CSL test suite when the path was introduced).

Further CSL behaviour, fixed where citeproc-py is wrong or silent (found by the CSL test suite):
``text-case="title"`` (:func:`title_case`: hyphenated parts, stop words, quotes, nocase spans,
the last word), nocase spans kept by ``lowercase``/``uppercase``; ``page-range-format``
(:class:`_PageRanges`: expanded, minimal, minimal-two, chicago, chicago-16, prefixed numbers);
year-suffix collapsing (``2000a, b``, ``2000a–c``; :meth:`Layout._collapse_suffixes`); the
first term of a note capitalised (``Ibid.``); cite prefixes and suffixes with punctuation
replacing the layout delimiter; ``<text value>`` as field text (quotes, markup); a label of an
empty variable printing nothing (:class:`Label`); ``form="count"`` over several variables;
name suffixes (``comma-suffix``), particles joined to the family name (``d’Aubignac``), the
family name-part's affixes around particles and suffix; ``delimiter-precedes-last`` /
``-et-al`` ``after-inverted-name``; ``et-al-subsequent-*`` for subsequent cites; the "and"
term left out of name sort keys; sort keys compared without markup and punctuation;
``subsequent-author-substitute`` for names printed through a macro.  Later: punctuation
meeting at a seam merged as citeproc-js merges it (:data:`_PUNCT_MERGE`, :func:`merge_seam`);
positions as citeproc-js works them out, from note numbers (:func:`cite_position`: ibid only
after the one cite of the note just before, cites in the text and in notes apart,
``near-note-distance``); ambiguity judged on subsequent cites without the accessed date
(:data:`CK_PROBE`); gendered ordinals (:func:`_ordinal_suffix`); each name part formatted on
its own (particles take the family or given name-part's formatting); variables a
``cs:substitute`` printed (also through a macro, also dates) suppressed in the rest of the
entry (:class:`Substitute`); a nested group that prints keeps its group; ``capitalize-all``
keeping the spacing; title case with citeproc-js's stop words and small caps, superscript and
subscript left alone; Turkish ``i``; ``vertical-align="baseline"`` inside superscript;
collapse delimiters as citeproc-js (``after-collapse-delimiter`` after a locator).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cmp_to_key
from typing import Any

import citeproc.model as cm
from citeproc.frontend import CitationStylesStyle
from citeproc.source import CitationItem, DateRange, VariableError
from citeproc.source import Date as SourceDate
from citeproc.string import (
    SEAM_PUNCTUATION,
    MixedString,
    NoCase,
    String,
    _strip_first_char,
    normalize_seam,
)
from lxml import etree

from ._markup import (
    _PUNCT_MERGE,
    DISPLAY,
    LITERAL_HYPHEN,
    NORMAL_CLOSE,
    NORMAL_OPEN,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    encode,
)
from ..text.pinyin import language_group, pinyin_key

__all__ = [
    "CK_MODE",
    "CSL_NS",
    "EXPLICIT_SUFFIX_KEY",
    "PREVIOUS_NAMES_KEY",
    "names_text",
    "EngineStyle",
    "TRUNCATED_KEY",
    "has_cjk",
]

CSL_NS = "http://purl.org/net/xbiblio/csl"

#: Key set on a citeproc ``Reference`` whose author list the source truncated.
TRUNCATED_KEY = "_citekit_names_truncated"

#: Key set on a citeproc ``Reference``: for each name variable, the indices of the names whose
#: suffix follows a comma (CSL-JSON ``comma-suffix``, or ``"given": "John,! Jr."``).
COMMA_SUFFIX_KEY = "_citekit_comma_suffix"

#: Key set on a citeproc ``CitationItem`` rendered to find ambiguous cites (disambiguation).
CK_PROBE = "_citekit_probe"

#: Key set on a citeproc ``CitationItem`` rendered as a cite (not a bibliography entry).
CK_IN_CITE = "_citekit_in_cite"
#: Keys set on a citeproc ``Reference`` by disambiguation: names added to its cites beyond
#: ``et-al-use-first``; given-name levels per name variable and name index (1 initials, 2 full);
#: whether it is still ambiguous (``disambiguate="true"``).
ADD_NAMES_KEY = "_citekit_add_names"
GIVEN_LEVELS_KEY = "_citekit_given_levels"
DISAMBIGUATE_KEY = "_citekit_disambiguate"

#: Key set on a citeproc ``CitationItem`` whose render marks display divs (``display``,
#: ``second-field-align``) for HTML output.
CK_DIVS = "_citekit_display_divs"

#: Key set on a citeproc ``CitationItem``: ``"suppress-author"`` or ``"author-only"``.
CK_MODE = "_citekit_mode"
_CK_NAMES_DONE = "_citekit_names_done"
#: Key set on a bibliography ``CitationItem``: the names text of the previous entry.
PREVIOUS_NAMES_KEY = "_citekit_previous_names"
_CK_NAMES_TEXT = "_citekit_names_text"
#: The label of the names just rendered: (names, label, label first) when one variable printed.
_CK_NAMES_LABEL = "_citekit_names_label"
#: The names of a cite or entry's first cs:names without their label.
_CK_NAMES_BARE = "_citekit_names_bare"
#: Set on a cite or entry once a cs:substitute has printed (its variables are then suppressed).
_CK_SUBSTITUTED = "_citekit_substituted"
#: Set on a cite or entry while a cs:substitute renders (names printed are suppressed at once).
_CK_IN_SUBSTITUTE = "_citekit_in_substitute"

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


def _citeproc_join(items: Any, delimiter: str = "") -> Any:
    """citeproc-py's ``citeproc.string.join``, with different punctuation marks meeting at a
    seam merged (:func:`merge_seam`)."""
    it = iter(items)
    try:
        output = next(it)
    except StopIteration:
        return String("")
    text = str(output)
    for item in it:
        for piece in (delimiter, item):
            if text:
                piece_text = str(piece)
                if piece_text:
                    last, first = text[-1], piece_text[0]
                    if (first == " " and last == " ") or (
                        first == last and first in SEAM_PUNCTUATION
                    ):
                        piece = _strip_first_char(piece)  # normalize_seam
                    elif first in _PUNCT_MERGE and last in _PUNCT_MERGE:
                        output, piece = merge_seam(output, piece)
            output = output + piece
            text = str(output)
    return output


def join(items: Any, delimiter: str = "") -> Any:
    """:func:`_citeproc_join` (citeproc-py's ``citeproc.string.join`` with punctuation merged
    at the seams: same result, same segment structure), without its quadratic ``str()`` of the
    growing output at every seam: the last character of the output is tracked instead.  Items
    of types whose ``+`` is not citeproc-py's ``String`` / ``MixedString`` one (a plain ``str``
    or a formatter's tag first) go to :func:`_citeproc_join`."""
    if type(items) is not list:
        items = list(items)
    if not items:
        return String("")
    output = items[0]
    if len(items) == 1:
        return output
    first_type = type(output)
    if first_type is MixedString:
        segments: Any = list(output)
    elif first_type is String or first_type is NoCase:
        segments = None
    else:
        return _citeproc_join(items, delimiter)
    for item in items:
        if not (isinstance(item, str) or type(item) is MixedString):
            return _citeproc_join(items, delimiter)
    text = str(output)
    last = text[-1:]
    for item in items[1:]:
        for piece in (delimiter, item):
            # normalize_seam(output, piece), then ``output + piece`` (which normalises again)
            for _ in (0, 1):
                if last:
                    piece_text = str(piece)
                    if piece_text:
                        first = piece_text[0]
                        if (first == " " and last == " ") or (
                            first == last and first in SEAM_PUNCTUATION
                        ):
                            piece = _strip_first_char(piece)
                        elif _ == 0 and first in _PUNCT_MERGE and last in _PUNCT_MERGE:
                            merged = _PUNCT_MERGE[last][first]
                            if merged == last:  # ``?`` then ``.``: ``?``
                                piece = _strip_first_char(piece)
                            elif merged == first:  # ``:`` then ``!``: ``!``
                                if segments is None:
                                    output = _strip_last_char(output)
                                else:
                                    segments = list(_strip_last_char(MixedString(segments)))
                                last = _last_char(output if segments is None else segments)
                if segments is None:  # String.__add__: an empty piece leaves the String as is
                    if piece == "":
                        break
                    segments = [output]
                    continue  # MixedString([output]) + piece
                if piece == "" or piece == []:
                    break
                if _ == 0:
                    continue
                if type(piece) is MixedString:
                    segments.extend(piece)
                else:
                    segments.append(piece)
                piece_text = str(piece)
                if piece_text:
                    last = piece_text[-1]
    return output if segments is None else MixedString(segments)


def _strip_last_char(text: Any) -> Any:
    """``text`` without its last character, keeping the (Mixed)String segment structure (the
    character is never in a formatter's tag: those end with ``>``)."""
    if isinstance(text, MixedString):
        segments = list(text)
        for i in range(len(segments) - 1, -1, -1):
            if str(segments[i]):
                stripped = _strip_last_char(segments[i])
                segments[i : i + 1] = [stripped] if str(stripped) else []
                break
        return MixedString(segments)
    return type(text)(str(text)[:-1])


def _last_char(text: Any) -> str:
    if isinstance(text, list):
        for segment in reversed(text):
            value = str(segment)
            if value:
                return value[-1]
        return ""
    return str(text)[-1:]


def merge_seam(left: Any, right: Any) -> tuple[Any, Any]:
    """``left`` and ``right`` with the punctuation where they meet merged (:data:`_PUNCT_MERGE`;
    identical marks are left to citeproc-py's ``normalize_seam``)."""
    a, b = _last_char(left), str(right)[:1]
    if a == b or a not in _PUNCT_MERGE or b not in _PUNCT_MERGE:
        return left, right
    merged = _PUNCT_MERGE[a][b]
    if merged == a:
        return left, _strip_first_char(right)
    if merged == b:
        return _strip_last_char(left), right
    return left, right


def _nonempty(text: Any) -> bool:
    """``str(text) != ""`` without joining a ``MixedString``'s segments."""
    if isinstance(text, list):
        for segment in text:
            if (segment != "") if isinstance(segment, str) else _nonempty(segment):
                return True
        return False
    return str(text) != ""


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
    if not any(has_cjk(str(item)) for item in items):  # no seam can be CJK
        return join(items, delimiter)
    output = items[0]
    for item in items[1:]:
        a, b = _edge_chars(output, item)
        cjk_seam = (
            (_is_cjk(a) or _is_cjk(b))
            and (a.isalnum() or _is_cjk(a))
            and (b.isalnum() or _is_cjk(b))
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


# --- the compiled path -----------------------------------------------------------------------
#
# citeproc-py interprets the style tree for every item: each element re-reads its attributes,
# re-finds its children and, for group suppression, walks the tree twice (once asking
# ``calls_variable_for``, once rendering).  The control elements (``cs:layout``, ``cs:group``,
# ``cs:choose`` and its branches, ``cs:macro``, ``cs:text macro=``) are compiled here, once per
# parsed style (the closures live in the style's :class:`_Cached` cache), into closures
# ``run(item, kwargs) -> (text, called)`` that render *and* say whether a variable was called on
# the branches taken, in one walk.  ``kwargs`` are exactly the keyword arguments the interpreted
# ``render`` would get, and leaves (``cs:text`` of a variable, term or value, ``cs:names``,
# ``cs:date``, ``cs:number``, ``cs:label``) are called with them, so the output is the same.
# ``text`` is :data:`RAISED` where the interpreted ``render`` raises :class:`VariableError`.

#: ``text`` of a compiled element whose interpreted ``render`` raises ``VariableError``.
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

    def wrapped(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
        text, called = run(item, kwargs)
        if text is None or text is RAISED or not dict.get(item, CK_DIVS):
            return text, called
        return open_ + text + close, called

    return wrapped


def _compile_children(parent: Any, implicit_group: bool = False) -> Any:
    """``render_children`` of :class:`_CjkChildren`: ``run(item, kwargs, delimiter)`` with the
    children's ``kwargs`` (a ``cs:choose`` child also gets ``delimiter``).  ``implicit_group``
    (a macro): nothing when variables were called and none of them printed, as a group."""
    children = []
    for child in parent.iterchildren():
        fn = compiled(child)
        delimited = getattr(fn, "ck_delimited", None) if isinstance(child, cm.Choose) else None
        children.append((fn, isinstance(child, cm.Choose), delimited))
    if not children:
        return lambda item, kwargs, delimiter: (None, False)

    def run(item: Any, kwargs: dict[str, Any], delimiter: str) -> tuple[Any, bool]:
        output = []
        called = False
        rendered = False
        choose_kwargs = None
        for fn, is_choose, delimited in children:
            if delimited is not None:
                text, c = delimited(item, kwargs, delimiter)
            elif is_choose:
                if choose_kwargs is None:
                    choose_kwargs = dict(kwargs)
                    choose_kwargs["delimiter"] = delimiter
                text, c = fn(item, choose_kwargs)
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


#: Key of a per-render cache of condition results on a ``CitationItem`` (the branch a
#: ``cs:choose`` takes is asked for by group suppression and then again to render it).  The
#: cache holds the element proxies as keys, so their ids cannot be reused while it lives.
_CK_COND_CACHE = "_citekit_conditions"


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
        if context.xpath_search("./ancestor::*[self::cs:bibliography]"):  # type: ignore[attr-defined]
            return [False]
        root = self.get_root()  # type: ignore[attr-defined]
        citation = root.citation
        try:
            distance = int(citation.get("near-note-distance", 5)) if citation is not None else 5
        except ValueError:
            distance = 5
        if dict.get(item, CK_PROBE):  # ambiguity is that of subsequent cites (citeproc-js)
            position, near = "subsequent", True
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

    def matches(self, item: Any, context: Any = None) -> bool:
        cache = dict.get(item, _CK_COND_CACHE) if isinstance(item, dict) else None
        if cache is not None:
            hit = cache.get(self)
            if hit is None:
                hit = cache[self] = self._matches(item, context)
            return hit
        return self._matches(item, context)

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
            tests.append(lambda item, context: self._position(item, context))  # type: ignore[attr-defined]
        if "disambiguate" in attrib:
            wanted = attrib["disambiguate"] == "true"
            tests.append(
                lambda item, context: [bool(dict.get(item.reference, DISAMBIGUATE_KEY)) == wanted]
            )
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
    def compile(self) -> Any:
        branches = []
        for branch in self.iterchildren():
            test = getattr(branch, "compile_test", None)
            test = test() if test is not None else getattr(branch, "matches", None)
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
        run.ck_branches = [
            (test, branch) for (test, _), branch in zip(branches, self.iterchildren())
        ]  # type: ignore[attr-defined]
        return run

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        if args:
            return super().render(item, *args, **kwargs)
        text, _ = self.ck_compiled()(item, kwargs)  # type: ignore[attr-defined]
        if text is RAISED:
            raise VariableError
        return text

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
    def compile(self) -> Any:
        # A macro is an implicit group (citeproc-js): "in " alone is not printed when the
        # container title it introduces is empty.
        children = _compile_children(self, implicit_group=True)

        def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            return children(
                item,
                {"context": kwargs.get("context"), "sort_options": kwargs.get("sort_options")},
                "",
            )

        return run

    def render(self, item: Any, context: Any = None, sort_options: Any = None) -> Any:
        text, _ = self.ck_compiled()(item, {"context": context, "sort_options": sort_options})  # type: ignore[attr-defined]
        return None if text is RAISED else text


_NUMERIC_RANGE = re.compile(r"\s*(\d+)\s*-\s*(\d+)\s*")
_RANGE_SPLIT = re.compile(r"\s*[-\u2013]\s*")
_TRAILING_DIGITS = re.compile(r"(.*?)(\d+)")
_ALNUM_RANGE = re.compile(r"[A-Za-z0-9]+\s*[-\u2013]\s*[A-Za-z0-9]+")
_LIST_SPLIT = re.compile(r"(\s*,\s*|\s*(?:&|\ue000)\s*)")


def collapse_range(first: str, last: str, form: str | None) -> str:
    """The last number of a page range ``first``–``last`` (digits) in a CSL
    ``page-range-format``: expanded, minimal, minimal-two, chicago (-15), chicago-16."""
    if len(last) > len(first) or form in (None, "expanded"):
        return last
    common = next((i for i, (a, b) in enumerate(zip(first, last)) if a != b), len(last))
    minimal = last[common:] or last[-1:]
    minimal_two = last[min(common, len(last) - 2) :] if len(last) >= 2 else minimal
    if form == "minimal":
        return minimal
    if form == "minimal-two":
        return minimal_two
    if form in ("chicago", "chicago-15", "chicago-16"):
        number = int(first)
        if number < 100 or number % 100 == 0:
            return last
        if form != "chicago-16" and len(first) == 4 and len(last) - common >= 3:
            return last  # four digits of which three change: all of them (1496–1504)
        return minimal if number % 100 < 10 else minimal_two
    return last


class _PageRanges:
    """``page`` ranges in the style's ``page-range-format`` (citeproc-py only handled plain
    numbers, shortened ``1536–538``, and turned ``N110-5`` into a range): the range delimiter
    is the ``page-range-delimiter`` term (else an en dash); a second number written short
    (``321-28``) is completed first; numbers with prefixes (``n11564-n11568``) keep the prefix
    on the first; a range whose two sides have different prefixes (``N110-5``, ``110-N6``) is
    not a range and keeps its hyphen."""

    def _process(self, value: Any, variable: str) -> Any:
        form = self.get_root().get_option("page-range-format")  # type: ignore[attr-defined]
        if variable != "page":
            return super()._process(value, variable)  # type: ignore[misc]
        delimiter = str(self.get_single_term(name="page-range-delimiter") or "") or "\u2013"  # type: ignore[attr-defined]
        out = []
        for piece in _LIST_SPLIT.split(str(value)):
            if _LIST_SPLIT.fullmatch(piece) or not piece:
                out.append(piece)
                continue
            out.append(self._page_range(piece, form, delimiter))
        return String("".join(out))

    def _page_range(self, item: str, form: str, delimiter: str) -> str:
        parts = _RANGE_SPLIT.split(item.strip())
        if len(parts) != 2:
            return str(self.format_number(item.strip()))  # type: ignore[attr-defined]
        first, last = parts
        mf, ml = _TRAILING_DIGITS.fullmatch(first), _TRAILING_DIGITS.fullmatch(last)
        if mf is None and ml is None:
            if _ROMAN.fullmatch(first) and _ROMAN.fullmatch(last):  # xxv–xxviii
                return f"{self.format_number(first)}{delimiter}{self.format_number(last)}"  # type: ignore[attr-defined]
            return item.strip()  # Michaelson-Morely: not a range
        if mf is None or ml is None or mf.group(1) != ml.group(1):
            if _ALNUM_RANGE.fullmatch(item.strip()):
                return f"{first}-{last}"  # not a range of like numbers: a hyphenated number
            return str(super()._process(item.strip(), "page"))  # type: ignore[misc]
        prefix, fd, ld = mf.group(1), mf.group(2), ml.group(2)
        if form is None:  # no page-range-format: the numbers as given
            return f"{first}{delimiter}{last}"
        if len(ld) < len(fd):
            ld = fd[: len(fd) - len(ld)] + ld
        if int(ld) < int(fd):
            return f"{first}-{last}"
        short = collapse_range(fd, ld, form)
        tail = prefix + ld if short == ld else short
        return f"{first}{delimiter}{tail}"


#: Words title case leaves in lower case: CSL's stop words, with the prepositions and name
#: particles citeproc-js adds (its ``SKIP_WORDS``: "about", "between", "von", "de"...).
_STOP_WORDS = frozenset(cm.TextCased._stop_words) | frozenset(
    "about above across afore after against al along alongside amid amidst among amongst anenst "
    "apropos apud around aside astride athwart atop barring before behind below beneath beside "
    "besides between beyond circa despite during et except forenenst given inside lest like "
    "modulo near next notwithstanding off out per plus pro qua sans since than through thru "
    "throughout thruout toward towards under underneath until unto upon versus vs. v. vs v "
    "vis-à-vis within without de d' d’ von van c ca".split()
)
_WORD = re.compile(r"[^\s\-\u2010-\u2015/]+")
_SPACED = re.compile(r"\S+")
_LATIN_LOWER = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f]")


def _segments(text: Any) -> list[Any]:
    if isinstance(text, MixedString):
        return [seg for part in text for seg in _segments(part)]
    return [text]


_NOCASE_MARKUP = re.compile("[\ue007\ue009\ue00b]")


def title_case(text: Any) -> Any:
    """CSL title case: every lower-case word capitalised except stop words (citeproc-js's) that
    are neither first, last, the first element of a hyphenated compound nor after ``: . ? !``;
    the parts of hyphenated (``-``, en/em dash) and
    slashed words count as words; a word with a capital letter, a nocase span and a word not
    starting with a Latin letter are left as they are; leading quotes and markup are skipped.
    The text keeps its segments (nocase spans) and spacing."""
    segments = _segments(text)
    words = []  # (segment index, match)
    depth = 0  # inside small caps, superscript or subscript of the data: nocase (citeproc-js)
    for n, seg in enumerate(segments):
        if isinstance(seg, NoCase):
            words.append((n, None))
            continue
        raw = str(seg)
        inside = None
        if depth or _NOCASE_MARKUP.search(raw):
            inside = []
            for ch in raw:
                if ch in "\ue007\ue009\ue00b":
                    depth += 1
                elif ch in "\ue008\ue00a\ue00c" and depth:
                    depth -= 1
                inside.append(depth > 0)
        for word in _SPACED.finditer(raw):
            first = next((ch for ch in word.group(0) if ch.isalnum()), "")
            if first.isdigit():  # 07-x: a word starting with a number is left alone
                continue
            for m in _WORD.finditer(raw, word.start(), word.end()):
                protected = inside is not None and inside[m.start()]
                words.append((n, None) if protected else (n, m))
    edits: dict[int, list[tuple[int, str]]] = {}
    start = True
    last = len(words) - 1
    for k, (n, m) in enumerate(words):
        if m is None:
            start = False
            continue
        token = m.group(0)
        i = next((j for j, ch in enumerate(token) if ch.isalnum()), None)
        if i is not None:
            core = token[i:]
            if not any(ch.isupper() for ch in core) and _LATIN_LOWER.match(core[0]):
                bare = re.sub(r"[^\w\u2019']+$", "", core).lower()
                # the first element of a hyphenated compound is capitalised, a stop word too
                # (Pro-Environmental, Up-to-Date; Chicago 8.159)
                raw = m.string
                compound_head = (
                    raw[m.end() : m.end() + 1] == "-" and raw[m.start() - 1 : m.start()] != "-"
                )
                if start or k == last or bare not in _STOP_WORDS or compound_head:
                    edits.setdefault(n, []).append((m.start() + i, core[0].upper()))
        start = token[-1:] in (":", ".", "?", "!") or (
            token[-1:] in "\ue011\u201d\u2019\"'" and token[-2:-1] in (":", ".", "?", "!")
        )
    if not edits:
        return text
    out = []
    for n, seg in enumerate(segments):
        if n in edits:
            chars = list(str(seg))
            for pos, ch in edits[n]:
                chars[pos] = ch
            seg = type(seg)("".join(chars))
        out.append(seg)
    return out[0] if len(out) == 1 else MixedString(out)


_WORD_HEAD = re.compile("(?:(?<=\\s)|^)[\ue000-\ue02f]*[^\\W\\d_]")


def _capitalize_all(text: Any) -> Any:
    """``text-case="capitalize-all"``: the first letter of every word upper-cased, the spacing,
    markup and nocase spans kept (citeproc-py re-joined the words with single spaces)."""
    out = []
    for seg in _segments(text):
        if not isinstance(seg, NoCase):
            raw = str(seg)
            new = _WORD_HEAD.sub(lambda m: m.group(0)[:-1] + m.group(0)[-1].upper(), raw)
            if new != raw:
                seg = type(seg)(new)
        out.append(seg)
    return out[0] if len(out) == 1 else MixedString(out)


_TURKIC_UPPER = {ord("i"): "\u0130"}
_TURKIC_LOWER = {ord("I"): "\u0131", ord("\u0130"): "i"}


class Text(_PageRanges, cm.Text):
    """``cs:text``: ``quotes="true"`` prints quote markers (outer or inner quotes by depth and
    punctuation-in-quote are resolved on the finished output, :func:`_markup.finish`), inside
    the element's formatting (``<i>“Title”</i>``); ``text-case="title"`` is :func:`title_case`."""

    def case(self, text: Any, language: Any = None) -> Any:
        text_case = self.get("text-case")
        if text_case == "title":
            return text if language != "en" else title_case(text)
        if text_case == "capitalize-all":
            return _capitalize_all(text)
        if text_case in ("lowercase", "uppercase") and language in ("tr", "az"):
            # Turkish and Azeri dotted and dotless i: i → İ, I → ı
            table = _TURKIC_UPPER if text_case == "uppercase" else _TURKIC_LOWER
            text = MixedString(
                [
                    seg if isinstance(seg, NoCase) else type(seg)(str(seg).translate(table))
                    for seg in _segments(text)
                ]
            )
        if text_case in ("lowercase", "uppercase") and isinstance(text, MixedString):
            # nocase spans keep their case
            return MixedString(
                [
                    seg if isinstance(seg, NoCase) else super(Text, self).case(seg, language)
                    for seg in _segments(text)
                ]
            )
        return super().case(text, language)

    def markup(self, text: Any, language: Any) -> Any:
        if text:
            text = self.case(self.strip_periods(text), language)
            if self.get("quotes", "false").lower() == "true":
                text = String(QUOTE_OPEN) + text + String(QUOTE_CLOSE)
            return self.wrap(self.format(text))
        return None

    def _compiled_markup(self) -> Any:
        """:meth:`markup` with the attributes read once (the steps an element without
        ``strip-periods``, ``text-case`` or ``quotes`` has not, left out)."""
        strip = self.get("strip-periods", "false").lower() == "true"
        cased = self.get("text-case") is not None
        quotes = self.get("quotes", "false").lower() == "true"
        strip_periods, case, wrap, fmt = self.strip_periods, self.case, self.wrap, self.format
        bare = _plain_markup(self)

        def markup(text: Any, language: Any) -> Any:
            if not text:
                return None
            if strip:
                text = strip_periods(text)
            if cased:
                text = case(text, language)
            if quotes:
                text = String(QUOTE_OPEN) + text + String(QUOTE_CLOSE)
            if bare:
                return str(text) if isinstance(text, (int, float)) else text
            return wrap(fmt(text))

        return markup

    def calls_variable_for(self, item: Any, context: Any = None) -> bool:
        if "macro" in self.attrib:
            return calls_variable_for(self.get_macro(self.get("macro")), item, context)
        return bool(self.calls_variable())

    def compile(self) -> Any:
        if "variable" in self.attrib:
            return self._compile_variable()
        if "term" in self.attrib and "macro" not in self.attrib:
            return _compile_term(self)
        if "value" in self.attrib and "macro" not in self.attrib:
            return self._compile_value()
        if "macro" not in self.attrib:
            return _compile_leaf(self)
        name = self.get("macro")
        markup = self._compiled_markup()
        default_language = (self.get_root().get("default-locale", "en") or "")[:2]
        cased = self.get("text-case") is not None  # the language matters for text-case only
        macro_fn = None

        def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            nonlocal macro_fn
            if macro_fn is None:  # compiled on first use (a macro may call this one)
                macro_fn = compiled(self.get_macro(name))
            context = kwargs.get("context")
            if context is None:
                context = self
            if cased:
                language = dict.get(item.reference, "language", _MISSING_LANGUAGE)
                language = default_language if language is _MISSING_LANGUAGE else language[:2]
            else:
                language = None
            text, called = macro_fn(item, {"context": context, "sort_options": None})
            if text is RAISED:
                text = None
            out = markup(text, language)
            # a macro that prints something counts as a variable printed (citeproc-js)
            return out, called or (out is not None and str(out) != "")

        return run

    def _compile_value(self) -> Any:
        """``<text value=...>``: the value as field text (inline markup, quotes and apostrophes
        as in item data, :func:`_markup.encode`), then :meth:`markup`."""
        value = String(encode(self.get("value")))
        default_language = (self.get_root().get("default-locale", "en") or "")[:2]
        markup = self._compiled_markup()

        def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            language = dict.get(item.reference, "language", _MISSING_LANGUAGE)
            language = default_language if language is _MISSING_LANGUAGE else language[:2]
            return markup(value, language), False

        return run

    _SPECIAL_VARIABLES = ("citation-number", "locator", "first-reference-note-number")

    def _compile_variable(self) -> Any:
        """``<text variable=...>`` of an ordinary variable: the steps of ``process`` and
        :meth:`markup` with the attributes read once."""
        variable = self.get("variable")
        if variable.startswith("page") or variable in self._SPECIAL_VARIABLES:
            return _compile_leaf(self)
        called = bool(self.calls_variable())
        tag = self.tag
        key = variable.replace("-", "_")
        short_key = (variable + "-short").replace("-", "_") if self.get("form") == "short" else None
        text_case = self.get("text-case")
        strip = self.get("strip-periods", "false").lower() == "true"
        quotes = self.get("quotes", "false").lower() == "true"
        default_language = (self.get_root().get("default-locale", "en") or "")[:2]
        case, fmt, wrap = self.case, self.format, self.wrap
        bare = _plain_markup(self)
        numeric_range = key in ("issue", "volume", "edition", "number")

        def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            context = kwargs.get("context")
            if context is None:
                context = self
            reference = item.reference
            repressed = context.get_layout().repressed
            if tag in repressed and variable in repressed[tag]:
                return None, called
            k = key
            if short_key is not None and short_key in reference:
                k = short_key
            text = dict.get(reference, k, _MISSING)
            if text is _MISSING:
                return RAISED, called
            if not text:
                return None, called
            if numeric_range:
                m = _NUMERIC_RANGE.fullmatch(str(text))
                if m is not None:  # 3-4: a range, with the locale's range delimiter (citeproc-js)
                    delimiter = (
                        str(self.get_single_term(name="page-range-delimiter") or "") or "\u2013"
                    )
                    text = String(m.group(1) + delimiter + m.group(2))
            if strip:
                text = text.replace(".", "")
            if text_case is not None:
                language = dict.get(reference, "language", _MISSING_LANGUAGE)
                language = default_language if language is _MISSING_LANGUAGE else language[:2]
                text = case(text, language)
            if quotes:
                text = String(QUOTE_OPEN) + text + String(QUOTE_CLOSE)
            if bare:
                return (str(text) if isinstance(text, (int, float)) else text), called
            return wrap(fmt(text)), called

        if variable == "citation-label":
            plain = run

            def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:  # noqa: F811
                """The label with the reference's year suffix (citeproc-js: ``RoNo78a``),
                printed there instead of after the date."""
                reference = item.reference
                suffix = dict.get(reference, "year_suffix")
                if (
                    suffix
                    and isinstance(item, CitationItem)
                    and not dict.get(item, _CK_SUFFIX_DONE)
                    and not dict.get(reference, EXPLICIT_SUFFIX_KEY)
                    and kwargs.get("sort_options") is None
                ):
                    text = dict.get(reference, key)
                    if text:
                        item[_CK_SUFFIX_DONE] = True
                        reference[key] = text + str(suffix)
                        try:
                            return plain(item, kwargs)
                        finally:
                            reference[key] = text
                return plain(item, kwargs)

        return run

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        if args or "macro" not in self.attrib:
            return super().render(item, *args, **kwargs)
        text, _ = self.ck_compiled()(item, kwargs)  # type: ignore[attr-defined]
        return text


class Group(cm.Group):
    def compile(self) -> Any:
        delimiter = self.get("delimiter", "")
        children = []
        for child in self.iterchildren():
            fn = compiled(child)
            is_choose = isinstance(child, cm.Choose)
            # a cs:choose gets the group's delimiter (as such, without a copy of the kwargs)
            children.append(
                (
                    fn,
                    is_choose,
                    getattr(fn, "ck_delimited", None) if is_choose else None,
                    isinstance(child, cm.Group),
                )
            )
        markup = self.markup

        def run(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            if "context" in kwargs:  # no closure changes the kwargs it is given
                child_kwargs = kwargs
            else:
                child_kwargs = dict(kwargs)
                child_kwargs["context"] = None
            choose_kwargs = None
            output = []
            variable_called = False
            variable_rendered = False
            for fn, is_choose, delimited, is_group in children:
                if delimited is not None:
                    text, called = delimited(item, child_kwargs, delimiter)
                elif is_choose:
                    if choose_kwargs is None:
                        choose_kwargs = dict(child_kwargs)
                        choose_kwargs["delimiter"] = delimiter
                    text, called = fn(item, choose_kwargs)
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

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        if args:
            return super().render(item, *args, **kwargs)
        text, _ = self.ck_compiled()(item, kwargs)  # type: ignore[attr-defined]
        if text is RAISED:
            raise VariableError
        return text

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


#: Keys set on a cite: whether it starts a note; the terms it rendered, in order.
_CK_AT_START = "_citekit_at_start"
#: Key set on a cite whose item was cited before (position subsequent).
_CK_SUBSEQUENT = "_citekit_subsequent"
_AFFIX_PUNCT = ",.;:"


def _punct(char: str) -> bool:
    return bool(char) and char in _AFFIX_PUNCT


_CK_TERMS = "_citekit_terms"
_SENTENCE_END = re.compile("[.!?][\u201d\u2019\"'\ue011\ue027]*\\s*$")


def _capitalize_term(output: Any, terms: Any) -> Any:
    """``output`` with its first letter capitalised if it starts with a rendered term."""
    if not terms:
        return output
    text = str(output)
    first = str(terms[0])
    if not first or not text.startswith(first) or not text[:1].islower():
        return output
    return String(text[0].upper() + text[1:])


def _compile_term(element: Any) -> Any:
    """``<text term=...>``: rendered as citeproc-py does, and recorded on a cite (for
    :func:`_capitalize_term`)."""
    run = _compile_leaf(element)

    def recorded(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
        text, called = run(item, kwargs)
        if text is not None and text is not RAISED and dict.get(item, CK_IN_CITE):
            terms = dict.get(item, _CK_TERMS)
            if terms is None:
                terms = item[_CK_TERMS] = []
            terms.append(text)
        return text, called

    return recorded


# --- ordinals -------------------------------------------------------------------------------


def _ordinal_suffix(number: int, context: Any, gender: str | None = None) -> str:
    """The ordinal suffix of ``number``: the ordinal terms of the first locale in the fallback
    chain that defines any (CSL 1.0.1); among them the term of the ``gender`` of the noun the
    number goes with (``gender-form``), else the neuter one, ``ordinal-NN`` before
    ``ordinal``."""
    root = context.get_root()
    locales = getattr(root, "locales", None) or [root]
    cache = getattr(context, "_ck_cache", {})
    for locale in locales:
        key = ("ordinal-terms", locale)
        found = cache.get(key)
        if found is None:
            terms = locale.find(f"{{{CSL_NS}}}terms")
            found = cache[key] = (
                {}
                if terms is None
                else {
                    (t.get("name"), t.get("gender-form")): t
                    for t in terms.iterchildren(f"{{{CSL_NS}}}term")
                    if (t.get("name") or "").startswith("ordinal")
                    and t.get("form") in (None, "long")
                }
            )
        if not found:
            continue
        two = number % 100
        one = number % 10
        for form in (gender, None) if gender else (None,):
            term = found.get((f"ordinal-{two:02d}", form)) if two >= 10 else None
            if term is not None and (term.get("match") != "whole-number" or number == two):
                return str(term.single)
            term = found.get((f"ordinal-{one:02d}", form))
            if term is not None:
                match = term.get("match", "last-digit")
                if (
                    match == "last-digit"
                    or (match == "last-two-digits" and two == one)
                    or (match == "whole-number" and number == one)
                ):
                    return str(term.single)
        term = found.get(("ordinal", gender)) if gender else None
        if term is None:
            term = found.get(("ordinal", None))
        return str(term.single) if term is not None else ""
    return ""


def _term_gender(context: Any, name: str) -> str | None:
    """The ``gender`` of the locale's term ``name`` (``edition``, ``month-10``...), if any."""
    cache = context._ck_cache
    key = ("term-gender", name)
    hit = cache.get(key, _MISSING)
    if hit is _MISSING:
        try:
            term = context.get_term(name)
        except Exception:  # noqa: BLE001 - no such term
            term = None
        hit = cache[key] = term.get("gender") if term is not None else None
    return hit


class Label(cm.Label):
    """``cs:label`` for an empty variable (no locator, no page...) prints nothing: citeproc-py
    printed the term anyway (``p.`` with no page)."""

    def compile(self) -> Any:
        run = _compile_leaf(self)
        variable = self.get("variable")
        if not variable:
            return run
        key = variable.replace("-", "_")

        def label(item: Any, kwargs: dict[str, Any]) -> tuple[Any, bool]:
            if variable == "locator":
                if not getattr(item, "has_locator", False):
                    return RAISED, True
            elif key not in item.reference:
                return RAISED, False
            return run(item, kwargs)

        return label

    def _is_plural(self, item: Any) -> bool:
        """Plural when the value holds several numbers (citeproc-py's rule: ``1-2``, ``1, 2``;
        not ``Michaelson-Morely`` nor an escaped ``327\\-30``) or a roman range (``i-ix``);
        ``number-of-*`` when above 1."""
        variable = self.get("variable")
        if variable.startswith("number-of"):
            try:
                return int(str(item.reference[variable.replace("-", "_")])) > 1
            except (VariableError, ValueError):
                return False
        if variable == "locator":
            value = item.locator.identifier
        else:
            try:
                value = item.reference[variable.replace("-", "_")]
            except VariableError:
                return False
        text = str(value).replace(LITERAL_HYPHEN, "")  # 327\-30: one number
        if self.RE_MULTIPLE_NUMBERS.search(text) is not None:  # citeproc-py's rule
            return True
        parts = [p for p in _PLURAL_SPLIT.split(text) if p.strip()]  # roman ranges: i-ix
        return len(parts) > 1 and all(_ROMAN.fullmatch(p.strip()) for p in parts)


_PLURAL_SPLIT = re.compile(r"\s*(?:[-\u2013,&\ue000])\s*")
_ROMAN = re.compile(r"[ivxlcdm]+|[IVXLCDM]+")


class Number(_PageRanges, cm.Number):
    """``cs:number``; ordinals take the gender of the variable's term (``edition`` is feminine
    in French: ``1re éd.``)."""

    _ck_gender: str | None = None

    def _process(self, value: Any, variable: str) -> Any:
        if self.get("form") in ("ordinal", "long-ordinal"):
            self._ck_gender = _term_gender(self, variable)
        return super()._process(value, variable)

    def format_number(self, number: Any) -> Any:
        form = self.get("form", "numeric")
        if form in ("ordinal", "long-ordinal"):
            try:
                value = int(number)
            except ValueError:
                return number
            if form == "ordinal" or value > 10:
                return String(str(value) + _ordinal_suffix(value, self, self._ck_gender))
        return super().format_number(number)


# --- names ----------------------------------------------------------------------------------


CK_NS = "https://citekit.dev/csl-extension"
"""Namespace of citekit's CSL extension attributes (``ck:suffix-delimiter`` on ``cs:name``)."""


_CK_SCRIPT = f"{{{CK_NS}}}script"
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _is_latin(text: str) -> bool:
    """No letters outside the Latin script (digits, punctuation, spaces are neutral)."""
    return _NON_LATIN_LETTER.search(text) is None


_NAME_OPTIONS = (
    "and",
    "delimiter",
    "delimiter-precedes-et-al",
    "delimiter-precedes-last",
    "et-al-min",
    "et-al-use-first",
    "et-al-use-last",
    "initialize-with",
    "name-as-sort-order",
    "sort-separator",
    "form",
    "demote-non-dropping-particle",
)


def _particle_join(parts: tuple[Any, ...]) -> Any:
    """Name parts joined by spaces, except after a particle ending in an apostrophe or a
    hyphen (``d’Aubignac``, ``al-One``)."""
    out = ""
    for part in parts:
        if not part:
            continue
        if out and out[-1] not in "’'-\ue012 ":
            out += " "
        out += str(part)
    return out


def _decor(part: Any, text: Any) -> Any:
    """``text`` with a ``cs:name-part``'s text-case and formatting (not its affixes)."""
    if part is None or not text:
        return text
    return part.format(part.case(text))


def _particle_join_formatted(parts: tuple[tuple[Any, Any], ...]) -> Any:
    """:func:`_particle_join` of formatted parts, given as (raw, formatted) pairs: whether a
    space follows a part is decided on its raw text (``d’`` joins, ``<b>d’</b>`` too)."""
    out: Any = ""
    previous = ""
    for raw, formatted in parts:
        if not raw:
            continue
        if previous and previous[-1] not in "’'-\ue012 ":
            out += " "
        out = formatted if out == "" else out + formatted
        previous = str(raw)
    return out


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

    def _explicit_option(self, name: str, context: Any = None) -> Any:
        """An inheritable name option if the style sets it (on cs:name, the enclosing
        cs:citation/cs:bibliography or cs:style), else ``None``."""
        key = ("explicit-option", self, name, context)
        hit = self._ck_cache.get(key, _MISSING)  # type: ignore[attr-defined]
        if hit is _MISSING:
            hit = self.get(name)  # type: ignore[attr-defined]
            if hit is None:
                found = (context if context is not None else self).xpath_search(
                    "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
                )
                if found:
                    hit = found[0].get(name)
            if hit is None:
                hit = self.get_root().get(name)  # type: ignore[attr-defined]
            self._ck_cache[key] = hit  # type: ignore[attr-defined]
        return hit

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        """citeproc-py's inheritable name options, looked up once per element and context
        (options a sort key overrides are not cached)."""
        if sort_options is not None and name in sort_options:
            return super().get_option(name, context, sort_options)
        key = ("name-option", self, name, context)
        hit = self._ck_cache.get(key, _MISSING)  # type: ignore[attr-defined]
        if hit is _MISSING:
            hit = self._ck_cache[key] = super().get_option(name, context, None)  # type: ignore[attr-defined]
        return hit

    def _ck_et_al(self) -> Any:
        """``et_al()`` (the ``cs:et-al`` sibling rendered, else the term), looked up once per
        parsed style when it is an immutable string."""
        key = ("et-al", self)
        hit = self._ck_cache.get(key, _MISSING)  # type: ignore[attr-defined]
        if hit is _MISSING:
            hit = self.et_al()
            if hit is None or isinstance(hit, str):
                self._ck_cache[key] = hit  # type: ignore[attr-defined]
        return hit

    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        def get_option(name: str) -> Any:
            return self.get_option(name, context, sort_options)

        options_key = ("name-options", self, context)
        options = self._ck_cache.get(options_key) if sort_options is None else None  # type: ignore[attr-defined]
        if options is None:
            options = tuple(get_option(name) for name in _NAME_OPTIONS)
            if (
                options[4]
                and self._explicit_option("et-al-use-first", context) is None
                and not (sort_options and "et-al-use-first" in sort_options)
            ):
                # et-al-min without et-al-use-first anywhere: no et-al (CSL needs both;
                # citeproc-py assumed 1)
                options = options[:4] + (0,) + options[5:]
            if sort_options is None:
                self._ck_cache[options_key] = options  # type: ignore[attr-defined]
        (
            and_,
            delimiter,
            delimiter_precedes_et_al,
            delimiter_precedes_last,
            et_al_min,
            et_al_use_first,
            et_al_use_last,
            initialize_with,
            name_as_sort_order,
            sort_separator,
            form,
            demote_ndp,
        ) = options
        # A sort key has the names without the "and" term (names compare name by name).
        if sort_options is not None:
            and_ = None
        suffix_delimiter = self.get(f"{{{CK_NS}}}suffix-delimiter")
        suffix_strip = self.get(f"{{{CK_NS}}}suffix-strip-periods", "false") == "true"

        parts_key = ("name-parts", self)
        name_parts = self._ck_cache.get(parts_key)  # type: ignore[attr-defined]
        if name_parts is None:
            name_parts = self._ck_cache[parts_key] = self.findall("cs:name-part", self.nsmap)  # type: ignore[attr-defined]

        def format_name_parts(given: Any, family: Any) -> tuple[Any, Any]:
            for part in name_parts:
                if part.get(_CK_SCRIPT) == "latin" and not _is_latin(
                    str(family) + str(given or "")
                ):
                    continue  # ck:script="latin": GB/T upper-cases Latin-script names only
                given, family = part.format_part(given, family)
            return given, family

        names = list(item.reference.get(variable.replace("-", "_"), []))
        and_term = ""
        if and_ == "text":
            and_term = self.get_single_term(name="and")
        elif and_ == "symbol":
            and_term = self.preformat("&")

        if form == "count":  # the names that would be printed
            if et_al_min and len(names) >= et_al_min:
                return min(len(names), et_al_use_first)
            return len(names)
        comma_suffixes = (dict.get(item.reference, COMMA_SUFFIX_KEY) or {}).get(
            variable.replace("-", "_"), ()
        )

        truncated_roles = item.reference.get(TRUNCATED_KEY) or ()
        source_truncated = sort_options is None and variable in truncated_roles
        # a sort key has no et-al term (names compare name by name; citeproc-js)
        et_al = self._ck_et_al() if sort_options is None else None
        # disambiguation (citations only): names added, given names expanded per name
        in_cite = sort_options is None and bool(dict.get(item, CK_IN_CITE))
        levels: dict[int, int] = {}
        if in_cite and dict.get(item, _CK_SUBSEQUENT):
            # a subsequent cite: et-al-subsequent-min / -use-first where the style sets them
            sub_min = self._explicit_option("et-al-subsequent-min", context)
            sub_first = self._explicit_option("et-al-subsequent-use-first", context)
            if sub_min is not None:
                et_al_min = int(sub_min)
            if sub_first is not None:
                et_al_use_first = int(sub_first)
        if in_cite:
            ref = item.reference
            extra = dict.get(ref, ADD_NAMES_KEY) or 0
            if extra and et_al_min and len(names) >= et_al_min:
                et_al_use_first = min(et_al_use_first + extra, len(names))
                if et_al_use_first >= len(names):
                    et_al_min = 0
            levels = (dict.get(ref, GIVEN_LEVELS_KEY) or {}).get(variable, {})
        et_al_truncate = len(names) > 1 and et_al_min and len(names) >= et_al_min
        if et_al_truncate and et_al_use_first == 0:  # no name at all: nothing, not "et al."
            return None
        et_al_last = et_al_use_last and et_al_use_first <= et_al_min - 2
        if et_al_truncate:
            names = names[:et_al_use_first] + ([names[-1]] if et_al_last else [])
        elif source_truncated:
            et_al_truncate, et_al_last = True, False

        output = []
        for i, name in enumerate(names):
            given, family, dp, ndp, suffix = name.parts()
            if "literal" in name:
                # an institution takes the family name-part's formatting (citeproc-js), not
                # its affixes; nor its text-case (GB/T 7714 capitalises personal family names
                # only: ``American Water Works Association``)
                for part in name_parts:
                    if part.get(_CK_SCRIPT) == "latin" and not _is_latin(str(family)):
                        continue
                    if part.get("name") == "family":
                        family = part.format(family)
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
            # Each part takes its name-part's formatting and text-case on its own (the
            # non-dropping particle the family name's, the dropping particle the given
            # name's, as citeproc-js prints them: <b>van</b> <b>Roe</b>); the name-part's
            # affixes enclose the group the part heads.
            given_part = family_part = None
            for part in name_parts:
                if part.get(_CK_SCRIPT) == "latin" and not _is_latin(
                    f"{ndp or ''}{family}{given or ''}"
                ):
                    continue  # ck:script="latin": GB/T upper-cases Latin-script names only
                if part.get("name") == "given":
                    given_part = part
                elif part.get("name") == "family":
                    family_part = part
            plain = given_part is None and family_part is None  # no name-part: joined as they are
            if plain:
                given_f, family_f, dp_f, ndp_f = given, family, dp, ndp
            else:
                given_f, family_f = _decor(given_part, given), _decor(family_part, family)
                dp_f, ndp_f = _decor(given_part, dp), _decor(family_part, ndp)
            if form == "long":
                if name_as_sort_order == "all" or (name_as_sort_order == "first" and i == 0):
                    if demote_ndp in ("never", "sort-only"):
                        if plain:
                            first, second = (
                                _particle_join((ndp, family)),
                                _particle_join((given, dp)),
                            )
                        else:
                            first = _particle_join_formatted(((ndp, ndp_f), (family, family_f)))
                            second = _particle_join_formatted(((given, given_f), (dp, dp_f)))
                    elif plain:
                        first, second = family, _particle_join((given, dp, ndp))
                    else:
                        first = family_f
                        second = _particle_join_formatted(
                            ((given, given_f), (dp, dp_f), (ndp, ndp_f))
                        )
                    if family_part is not None and first:
                        first = family_part.wrap(first)
                    if given_part is not None and second:
                        second = given_part.wrap(second)
                    text = sort_separator.join([n for n in (first, second) if n])
                    if suffix:
                        sep = sort_separator if suffix_delimiter is None else suffix_delimiter
                        text = sep.join([text, suffix]) if text else suffix
                else:
                    # the family name-part's affixes enclose the dropping particle and the
                    # suffix too ("[Jean] (de La Fontaine III)")
                    if plain:
                        family = _particle_join((dp, ndp, family))
                    else:
                        family = _particle_join_formatted(
                            ((dp, dp_f), (ndp, ndp_f), (family, family_f))
                        )
                    if suffix:
                        family += (", " if i in comma_suffixes else " ") + str(suffix)
                    if family_part is not None:
                        family = family_part.wrap(family)
                    given = given_f
                    if given_part is not None and given:
                        given = given_part.wrap(given)
                    if given and family and str(given)[-1:].isspace():  # an affix's own space
                        text = given + family
                    else:
                        text = " ".join([n for n in (given, family) if n])
            else:  # short
                if plain:
                    text = _particle_join((ndp, family))
                else:
                    text = _particle_join_formatted(((ndp, ndp_f), (family, family_f)))
                if family_part is not None and text:
                    text = family_part.wrap(text)
            form = get_option("form")
            output.append(text)

        def inverted(index: int) -> bool:  # a personal name printed family name first
            if index >= len(names) or "literal" in names[index]:
                return False
            return name_as_sort_order == "all" or (name_as_sort_order == "first" and index == 0)

        if et_al_truncate and et_al:
            if et_al_last:
                ellipsis = self.unicode_character("horizontal ellipsis")
                output[-1] = ellipsis + " " + output[-1]
                return self.join(output, delimiter)
            if (
                delimiter_precedes_et_al == "always"
                or (delimiter_precedes_et_al == "contextual" and len(output) >= 2)
                or (delimiter_precedes_et_al == "after-inverted-name" and inverted(len(output) - 1))
            ):
                output.append(et_al)
                return self.join(output, delimiter)
            return self.join(output, delimiter) + " " + et_al
        if and_ is not None and len(output) > 1:
            text = self.join(output[:-1], ", ")
            if (
                delimiter_precedes_last == "always"
                or (delimiter_precedes_last == "contextual" and len(output) > 2)
                or (delimiter_precedes_last == "after-inverted-name" and inverted(len(output) - 2))
            ):
                text = self.join([text, ""], ", ")
            else:
                text += " "
            return text + "{} ".format(and_term) + output[-1]
        return self.join(output, delimiter)


def _child(element: Any, name: str | None) -> Any:
    """``element.name`` of citeproc-py (its first ``cs:<name>`` child; ``None``: its first
    child), looked up once per parsed style (the elements are kept alive by the cache)."""
    cache = element._ck_cache
    key = ("child", element, name)
    hit = cache.get(key, _MISSING)
    if hit is _MISSING:
        if name is None:
            children = element.getchildren()
            hit = children[0] if children else None
        else:
            hit = element.find("cs:" + name, element.nsmap)
        cache[key] = hit
    return hit


class Names(cm.Names):
    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        """The first top-level ``cs:names`` of a cite is recorded (cite grouping, author-only)
        and dropped for a ``suppress-author`` cite."""
        if (
            kwargs.get("names_context") is not None
            or not isinstance(item, CitationItem)
            or dict.get(item, _CK_NAMES_DONE)
        ):
            return super().render(item, *args, **kwargs)
        item[_CK_NAMES_DONE] = True
        item[_CK_NAMES_LABEL] = None
        text = super().render(item, *args, **kwargs)
        item[_CK_NAMES_TEXT] = text
        labelled = dict.get(item, _CK_NAMES_LABEL) if text is not None else None
        if labelled is not None and str(text) not in (
            str(labelled[1]) + str(labelled[0]),
            str(labelled[0]) + str(labelled[1]),
        ):
            labelled = None  # names and label affixed or formatted as a whole: compare them all
        item[_CK_NAMES_BARE] = (
            None if text is None else str(labelled[0]) if labelled is not None else str(text)
        )
        if dict.get(item, CK_MODE) == "suppress-author":
            raise VariableError
        previous = dict.get(item, PREVIOUS_NAMES_KEY)
        if previous is not None and text is not None and item[_CK_NAMES_BARE] == previous:
            # (the cs:names may sit in a macro: the bibliography is the style's)
            bibliography = self.get_root().find(f"{{{CSL_NS}}}bibliography")
            if (
                bibliography is not None
                and bibliography.get("subsequent-author-substitute") is not None
            ):
                # CSL subsequent-author-substitute (rule complete-all/complete-each when every
                # name repeats): the names of an entry are replaced by the substitute string,
                # their label kept (citeproc-js: ``--- ed.``).
                value = bibliography.get("subsequent-author-substitute")
                if labelled is not None:
                    label = labelled[1]
                    return String(label + String(value)) if labelled[2] else String(value) + label
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

    def process(
        self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        if context is None:
            context = self
        if names_context is None:
            names_context = self
            if _child(self, "name") is None:
                outer = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
                if outer:
                    names_context = outer[0]
        ref = item.reference
        spec = self._ck_cache.get(("names-roles", self))  # type: ignore[attr-defined]
        if spec is None:
            variables = tuple(self.get("variable").split())
            spec = self._ck_cache[("names-roles", self)] = (  # type: ignore[attr-defined]
                variables,
                set(variables) == {"editor", "translator"},
            )
        roles, editor_translator = spec
        try:
            ed_trans = bool(
                editor_translator
                and ref.editor == ref.translator
                and self.get_term("editortranslator").getchildren()
            )
            if ed_trans:
                roles = ["editor"]
        except VariableError:
            ed_trans = False

        # a name variable that stood in for another through cs:substitute is suppressed in the
        # rest of the entry or cite (CSL 1.0.2, Substitute); citeproc-py records it, but only
        # its cs:text checks the record
        if dict.get(item, _CK_SUBSTITUTED) and kwargs.get("sort_options") is None:
            try:
                repressed = context.get_layout().repressed.get(self.tag)
            except (AttributeError, IndexError):
                repressed = None
            if repressed:
                done = {v for variables in repressed if variables for v in variables.split()}
                roles = [role for role in roles if role not in done]

        output = []
        labels = []
        for role in roles:
            key = role.replace("-", "_")
            if key not in ref:
                continue
            name_elem = _child(names_context, "name")
            if name_elem is None:
                name_elem = names_context.makeelement(f"{{{CSL_NS}}}name")
                names_context.insert(0, name_elem)
                cache = names_context._ck_cache
                cache[("child", names_context, "name")] = cache[("child", names_context, None)] = (
                    name_elem
                )
            text = name_elem.render(item, role, context=context, **kwargs)
            plural = len(ref[key]) > 1
            # a sort key leaves out the name labels (CSL 1.0.2, Sorting: name variables are
            # compared as name lists, without labels)
            label_element = (
                _child(names_context, "label") if kwargs.get("sort_options") is None else None
            )
            if label_element is not None:
                label = label_element.render(
                    item, "editortranslator" if ed_trans else role, plural, **kwargs
                )
                if label is not None:
                    before = label_element is _child(names_context, None)
                    labels.append((text, label, before))
                    text = label + text if before else text + label
            output.append(text)
        # the names of the text returned, without their label (subsequent-author-substitute
        # compares and replaces the names only)
        item[_CK_NAMES_LABEL] = labels[0] if len(labels) == 1 and len(output) == 1 else None

        if output and dict.get(item, _CK_IN_SUBSTITUTE) and kwargs.get("sort_options") is None:
            # names printed inside a cs:substitute are suppressed from then on, also later in
            # the same substitute (citeproc-js)
            try:
                repressed = context.get_layout().repressed
            except (AttributeError, IndexError):
                repressed = None
            if repressed is not None:
                repressed.setdefault(self.tag, []).append(
                    " ".join(r for r in roles if r.replace("-", "_") in ref)
                )
                item[_CK_SUBSTITUTED] = True
        if output:
            name_elem = _child(names_context, "name")
            if all(isinstance(t, int) for t in output) or (
                name_elem is not None
                and name_elem.get("form") == "count"
                and all(str(t).isdigit() for t in output)
            ):  # form="count": the names of all the variables
                total = sum(int(str(t)) for t in output)
                return str(total) if total > 0 else None
            return self.join(
                [t for t in output if t is not None], self.get_parent_delimiter(context)
            )
        substitute = self.substitute()
        if substitute is not None:
            text = substitute.render(item, context=context, **kwargs)
            if text is not None:
                item[_CK_SUBSTITUTED] = True
            return text
        raise VariableError


class Substitute(cm.Substitute):
    """``cs:substitute``: the first child that prints stands in for the names, and the
    variables it printed are suppressed in the rest of the cite or entry, also those a macro
    printed (citeproc-py recorded only a child's own ``variable``); names printed are
    suppressed at once, also within the substitute (:class:`Names`)."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        previous = dict.get(item, _CK_IN_SUBSTITUTE)
        item[_CK_IN_SUBSTITUTE] = kwargs.get("sort_options") is None
        try:
            for child in self.iterchildren():
                try:
                    if isinstance(child, cm.Names) and _child(child, "name") is None:
                        names = self.xpath_search("./parent::cs:names[1]")[0]
                        text = child.render(item, names_context=names, context=context, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    continue
                if text:
                    self.add_to_repressed_list(child, context)
                    if child.get("variable") is None and not isinstance(child, cm.Names):
                        layout = (context if context is not None else self).get_layout()
                        for tag, variable in _taken_variables(child, item, context):
                            layout.repressed.setdefault(tag, []).append(variable)
                    return text
            return None
        finally:
            item[_CK_IN_SUBSTITUTE] = previous


def _taken_variables(element: Any, item: Any, context: Any) -> list[tuple[str, str]]:
    """The ``(tag, variable)`` of the ``cs:text`` and ``cs:date`` elements under ``element`` on
    the branches ``item`` takes (through macros)."""
    out: list[tuple[str, str]] = []
    _walk_plan(_variables_plan(element), item, context, out)
    return out


def _walk_plan(plan: list[Any], item: Any, context: Any, out: list[tuple[str, str]]) -> None:
    for op in plan:
        if op[0] == "var":
            out.append((op[1], op[2]))
        else:  # a cs:choose: the first branch whose test passes
            for test, branch_plan in op[1]:
                if test is None or test(item, context):
                    _walk_plan(branch_plan, item, context, out)
                    break


def _variables_plan(element: Any, depth: int = 0) -> list[Any]:
    """What :func:`_taken_variables` walks, built once per element: the ``cs:text`` variables
    under it, and its ``cs:choose`` elements with their compiled branch tests."""
    key = ("variables-plan", element)
    plan = element._ck_cache.get(key)
    if plan is not None:
        return plan
    plan = []
    if depth < 20:
        if isinstance(element, cm.Choose):
            branches = [
                (
                    test,
                    [
                        op
                        for child in branch.iterchildren()
                        for op in _variables_plan(child, depth + 1)
                    ],
                )
                for test, branch in element.ck_compiled().ck_branches
            ]
            plan.append(("choose", branches))
        elif isinstance(element, (cm.Text, cm.Date)):
            if "variable" in element.attrib:
                plan.append(("var", element.tag, element.get("variable")))
            elif "macro" in element.attrib:
                plan = [
                    op
                    for child in element.get_macro(element.get("macro")).iterchildren()
                    for op in _variables_plan(child, depth + 1)
                ]
        elif not isinstance(element, cm.Names):
            plan = [
                op for child in element.iterchildren() for op in _variables_plan(child, depth + 1)
            ]
    element._ck_cache[key] = plan
    return plan


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
            return self._sort(items, context)
        groups: dict[int, list[Any]] = {}
        for item in items:
            ref = item.reference
            sample = " ".join(
                str(dict.get(ref, k) or "") for k in ("title", "container_title", "author")
            )
            groups.setdefault(language_group(dict.get(ref, "language"), sample), []).append(item)
        out: list[Any] = []
        for group in sorted(groups):
            members = groups[group]
            out.extend(self._sort(members, context) if len(members) > 1 else members)
        return out

    def _sort(self, items: Any, context: Any) -> Any:
        """citeproc-py's ``Sort.sort`` (same comparison, same stable order), with each key's
        lower-cased and integer forms computed once per item instead of once per comparison,
        and a key computed only for the items the keys before it leave tied (a macro key
        renders the macro for every item it is computed for)."""
        keys = self.findall("cs:key", self.nsmap)
        descending = [key.get("sort", "ascending").lower() == "descending" for key in keys]

        def compare_one(left: Any, right: Any, desc: bool) -> int:
            if left is not None and right is not None:
                raw_l, low_l, int_raw_l, int_low_l = left
                raw_r, low_r, int_raw_r, int_low_r = right
                # citeproc-py lowers the left key, then the right one (an AttributeError
                # stops it there), then tries int() on both.
                if low_l is _NO_LOWER:
                    lk, rk, li, ri = raw_l, raw_r, int_raw_l, int_raw_r
                elif low_r is _NO_LOWER:
                    lk, rk, li, ri = low_l, raw_r, int_low_l, int_raw_r
                else:
                    lk, rk, li, ri = low_l, low_r, int_low_l, int_low_r
                if li is not None and ri is not None:
                    lk, rk = li, ri
                result = (lk > rk) - (lk < rk)
                return -result if desc and result else result
            if left is not None:
                return -1
            if right is not None:
                return 1
            return 0

        def order(indices: list[int], k: int) -> list[int]:
            if k == len(keys) or len(indices) < 2:
                return indices
            column = _sort_column(keys[k].sort_keys([items[i] for i in indices], context))
            desc = descending[k]
            ranked = sorted(
                range(len(indices)),
                key=cmp_to_key(lambda a, b: compare_one(column[a], column[b], desc)),
            )
            out: list[int] = []
            run = [ranked[0]]
            for position in ranked[1:]:
                if compare_one(column[run[-1]], column[position], desc) == 0:
                    run.append(position)
                else:
                    out.extend(order([indices[p] for p in run], k + 1))
                    run = [position]
            out.extend(order([indices[p] for p in run], k + 1))
            return out

        return [items[i] for i in order(list(range(len(items))), 0)]


_NO_LOWER = object()
_SORT_NOISE = re.compile(r"<[^<>]*>|[\ue000-\ue01f]")


def _sort_text(text: str) -> str:
    """A sort key as citeproc-js compares it: markup, quotes and punctuation ignored."""
    if "\x00" in text or has_cjk(text):  # a pinyin key (_sortkey) or CJK text: as it is
        return text
    text = _SORT_NOISE.sub("", text)
    if text.isalnum():
        return text
    kept = text.translate(_DROP_PUNCTUATION)
    return " ".join(kept.split(" ")) if kept.strip() else text


class _DropPunctuation(dict):  # type: ignore[type-arg]
    """A ``str.translate`` table that deletes Unicode punctuation (filled as characters come)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.category(chr(code)).startswith("P") else code
        self[code] = value
        return value


_DROP_PUNCTUATION = _DropPunctuation()


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _sort_column(keys: list[Any]) -> list[Any]:
    column: list[Any] = []
    for key in keys:
        if key is None:
            column.append(None)
            continue
        try:
            low: Any = _sort_text(str(key.lower()))
        except AttributeError:
            low = _NO_LOWER
        column.append((key, low, _as_int(key), None if low is _NO_LOWER else _as_int(low)))
    return column


# --- dates ----------------------------------------------------------------------------------

#: Key set on a citeproc ``CitationItem`` once its year suffix has been printed.
_CK_SUFFIX_DONE = "_citekit_year_suffix_done"


class Date(cm.Date):
    """``cs:date`` that appends the reference's disambiguating ``year-suffix`` to the first
    rendered ``issued`` date of a cite or entry, unless the style prints ``year-suffix`` itself
    (CSL 1.0.2, Disambiguation)."""

    def process(
        self,
        item: Any,
        variable: Any = None,
        show_parts: Any = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        form = self.get("form")
        # (citeproc-py renders a localized form in this element's context whatever ``context``)
        if form is not None and variable is None and not self.is_locale_date():
            value = dict.get(
                item.reference, str(self.get("variable", "")).replace("-", "_"), _MISSING
            )
            if value is _MISSING:  # (what the locale's cs:date would raise, without its lookups)
                raise VariableError
            if isinstance(value, DateRange):
                # a range in a localized date: the locale's cs:date is citeproc-py's own
                # class, so its range rendering (seasons, range delimiters) is run here
                date_parts = self.get("date-parts")
                parts = date_parts.split("-") if date_parts else ["year", "month", "day"]
                text = Date.render_date_range(self.get_date(form), value, parts, self)
                return None if text is None else self.wrap(text)
            if isinstance(value, SourceDate):
                return self._ck_localized_single(form, value, show_parts)
        return super().process(item, variable, show_parts, context, **kwargs)

    def _ck_localized_single(self, form: str, date: Any, show_parts: Any) -> Any:
        """What citeproc-py's ``Date.process`` does for one date in a localized form (the
        locale's ``cs:date``, each of its parts rendered in this element's context, joined and
        affixed here), with the locale's date and its parts looked up once per style: the
        locale elements are citeproc-py's own classes, whose XPath lookups are not cached."""
        key = ("ck-locale-date-parts", form)
        parts = self._ck_cache.get(key)  # type: ignore[attr-defined]
        if parts is None:
            localized = self.get_date(form)
            parts = self._ck_cache[key] = (  # type: ignore[attr-defined]
                localized,
                [(part.get("name"), part) for part in localized.iterchildren()],
            )
        date_parts = self.get("date-parts")
        if date_parts is not None:
            show_parts = date_parts.split("-")
        elif show_parts is None:
            show_parts = ["year", "month", "day"]
        output = []
        for name, part in parts[1]:
            if name in show_parts:
                try:
                    text = part.render(date, self)
                except VariableError:
                    continue
                if text is not None:
                    output.append(text)
        if not output:
            return None
        if self.get("delimiter") is None and parts[0].get("delimiter") is not None:
            return self.wrap(_ck_date_join(parts[0], self, output))
        return self.wrap(self.join(output))

    def render_date_range(
        self, date_range: Any, show_parts: Any = None, context: Any = None
    ) -> Any:
        """citeproc-py's, with parts a date lacks (no month, a season instead) compared
        without raising (citeproc-py lets ``VariableError`` end the whole date)."""
        begin, end = date_range.begin, dict.get(date_range, "end")
        if end is None or end.is_nil():
            return cm.Date.render_date_range(self, date_range, show_parts, context)
        show_parts = list(show_parts)
        same_parts: list[str] = []

        def month(date: Any) -> Any:
            value = _date_field(date, "month")
            return ("m", value) if value is not None else ("s", _date_field(date, "season"))

        if begin.year == end.year and "year" in show_parts:
            show_parts.remove("year")
            same_parts.append("year")
            if "month" in show_parts and month(begin) == month(end):
                show_parts.remove("month")
                same_parts.append("month")
                if "day" in show_parts and _date_field(begin, "day") == _date_field(end, "day"):
                    show_parts.remove("day")
                    same_parts.append("day")
        same = _ck_single_date(self, end, same_parts, context) if same_parts else None
        diff_begin = _ck_single_date(self, begin, show_parts, context)
        diff_end = _ck_single_date(self, end, show_parts, context)
        if not diff_begin:
            return None
        largest = next((name for name in ("year", "month", "day") if name in show_parts), None)
        dash = _ck_range_delimiter(self, context, largest) or self.unicode_character("EN DASH")
        diff = diff_begin.rstrip() + dash + (diff_end or "")
        if not same:
            return diff
        if self.is_locale_date():
            return _ck_date_join(self, context, [diff, same.rstrip()])
        return context.join([diff, same.rstrip()])

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        if dict.get(item, CK_PROBE) and self.get("variable") == "accessed":
            raise VariableError  # the accessed date does not tell cites apart (citeproc-js)
        if dict.get(item, _CK_SUBSTITUTED) and kwargs.get("sort_options") is None:
            # a date a cs:substitute printed is not printed again
            try:
                context = kwargs.get("context")
                done = (self if context is None else context).get_layout().repressed.get(self.tag)
            except (AttributeError, IndexError):
                done = None
            if done and self.get("variable") in done:
                raise VariableError
        text = super().render(item, *args, **kwargs)
        if text is None or self.get("variable") != "issued" or not isinstance(item, CitationItem):
            return text
        reference = item.reference
        suffix = dict.get(reference, "year_suffix")
        if (
            not suffix
            or dict.get(item, _CK_SUFFIX_DONE)
            or dict.get(reference, EXPLICIT_SUFFIX_KEY)
        ):
            return text
        if kwargs.get("sort_options") is not None or self.xpath_search("./ancestor::cs:sort"):
            return text
        item[_CK_SUFFIX_DONE] = True
        affix = self.get("suffix", "")
        raw = str(text)
        if affix and raw.endswith(affix):  # inside the date's own affixes: (2000a)
            return String(raw[: -len(affix)] + str(suffix) + affix)
        return text + String(str(suffix))


def _ck_date_join(date: Any, context: Any, parts: list[Any]) -> Any:
    """Date parts joined with the style's ``cs:date`` delimiter, or for a localized date
    whose style element sets none, the locale's ``cs:date`` delimiter (as citeproc-js)."""
    if (
        context is not None
        and context is not date
        and date.is_locale_date()
        and context.get("delimiter") is None
        and date.get("delimiter") is not None
    ):
        return date.join(parts)
    return (context if date.is_locale_date() and context is not None else date).join(parts)


def _ck_single_date(date: Any, value: Any, show_parts: Any, context: Any) -> Any:
    """citeproc-py's ``render_single_date`` with :func:`_ck_date_join`."""
    parts = (
        date.parts(value, show_parts, context)
        if context is not date
        else date.parts(value, show_parts)
    )
    return _ck_date_join(date, context, parts) if parts else None


def _ck_range_delimiter(date: Any, context: Any, name: Any) -> Any:
    """The ``range-delimiter`` of the largest date part that differs in a range (CSL 1.0.2,
    Date-part): the style's ``cs:date-part`` first, then the locale's."""
    if name is None:
        return None
    for element in (context, date):
        if element is None:
            continue
        for part in element.iterchildren():
            if part.get("name") == name and part.get("range-delimiter") is not None:
                return part.get("range-delimiter")
    return None


def _date_field(date: Any, name: str) -> Any:
    """A part of a citeproc ``Date`` (``None`` when it has none; citeproc-py raises)."""
    return dict.get(date, name)


class Date_Part(cm.Date_Part):  # noqa: N801 - citeproc-py's name
    """``cs:date-part`` with seasons (a month 13–16 or 21–24 in the data, or ``season``: the
    ``season-0N`` term whatever the month form), as citeproc-js prints them."""

    def process(self, date: Any, context: Any = None) -> Any:
        name = self.get("name")
        if name == "month" and _date_field(date, "month") is None:
            season = _date_field(date, "season")
            if season is None:
                raise VariableError
            if context is None:
                context = self
            try:
                attrib = dict(context.xpath_search('./cs:date-part[@name="month"]')[0].attrib)
            except (AttributeError, IndexError):
                attrib = {}
            form = attrib.get("form", self.get("form", "long"))
            return context.get_single_term(
                name=f"season-{int(season):02}", form="short" if form == "short" else None
            )
        if name == "day":
            day = _date_field(date, "day")
            ctx = self if context is None else context
            if (
                day is not None
                and self._ck_day_form(ctx) == "ordinal"
                and not (
                    day > 1
                    and self.get_locale_option("limit-day-ordinals-to-day-1").lower() == "true"
                )
            ):
                # the ordinal takes the gender of the month's name (French: 1er octobre)
                month = _date_field(date, "month")
                gender = _term_gender(ctx, f"month-{int(month):02}") if month else None
                return str(day) + _ordinal_suffix(int(day), ctx, gender)
        return super().process(date, context)

    def _ck_day_form(self, context: Any) -> str:
        """The day's ``form``: the style's ``cs:date-part`` over the locale's (citeproc-py)."""
        try:
            found = context.xpath_search('./cs:date-part[@name="day"]')
        except AttributeError:
            found = []
        if found and found[0].get("form") is not None:
            return found[0].get("form")
        return self.get("form", "numeric")


#: Key set on a citeproc ``Reference`` when the style renders ``year-suffix`` explicitly.
EXPLICIT_SUFFIX_KEY = "_citekit_explicit_year_suffix"


def names_text(item: Any) -> str | None:
    """The text of the first names rendered for ``item`` in its last render, without their
    label, if any."""
    text = dict.get(item, _CK_NAMES_BARE)
    return None if text is None else str(text)


# --- layout ---------------------------------------------------------------------------------


class Layout(_CjkChildren, cm.Layout):
    def compile(self) -> Any:
        return _compile_children(self)

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        text, _ = self.ck_compiled()(item, kwargs, delimiter)  # type: ignore[attr-defined]
        return text

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
            item[_CK_NAMES_BARE] = None
            item[_CK_SUBSTITUTED] = False
            item[_CK_COND_CACHE] = {}
            if align and len(children) > 1:
                first = self._render_one(children[0], item)
                rest = self._render_list(children[1:], item)
                if dict.get(item, CK_DIVS):  # the first field and the rest in their divs
                    if first is not None and not children[0].get("display"):
                        first = (
                            String(DISPLAY["left-margin"][0])
                            + first
                            + String(DISPLAY["left-margin"][1])
                        )
                    if rest is not None and not (len(children) == 2 and children[1].get("display")):
                        rest = (
                            String(DISPLAY["right-inline"][0])
                            + rest
                            + String(DISPLAY["right-inline"][1])
                        )
                    body = (
                        join([t for t in (first, rest) if t is not None], "")
                        if (first or rest)
                        else None
                    )
                elif first is not None and rest is not None:
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
        item[_CK_NAMES_BARE] = None
        item[_CK_SUBSTITUTED] = False
        item[_CK_COND_CACHE] = {}
        item[_CK_TERMS] = None
        try:
            output = self.render_children(item)
        except VariableError:
            output = None
        if dict.get(item, CK_MODE) == "author-only":
            output = dict.get(item, _CK_NAMES_TEXT)
        prefix = item.get("prefix", "")
        if output is None:
            if not prefix and not item.get("suffix"):
                return None
            output = String("")  # a cite that prints nothing keeps its prefix and suffix
        # a prefix ending a sentence capitalises a term after it, unless it is one word
        # ("Nocapsafter. ibid."; citeproc-js)
        if dict.get(item, _CK_AT_START) or (
            _SENTENCE_END.search(str(prefix)) and " " in str(prefix).strip()
        ):
            output = _capitalize_term(output, dict.get(item, _CK_TERMS))
        return String(prefix) + output + String(item.get("suffix", ""))

    def render_cluster(
        self, cites: list[Any], layout_for: Any, history: list[Any], errors: list[str]
    ) -> Any:
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
        note = self.get_root().get("class") == "note"
        for n, cite in enumerate(cites):
            layout = layout_for(cite)
            # a note starts with the first cite: a term beginning it is capitalised (Ibid.)
            cite[_CK_AT_START] = note and n == 0 and not cite.get("prefix")
            cite[_CK_SUBSEQUENT] = any(c.key == cite.key for c in history)
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
        elif citation.get("cite-group-delimiter") is not None and len(rendered) > 1:
            parts = self._group_cites(rendered, citation.get("cite-group-delimiter"))
        else:
            parts = [text for _, text in rendered]
            if len(rendered) > 1 and any(
                _punct(str(c.get("prefix") or "")[:1])
                or _punct(str(c.get("suffix") or "").rstrip()[-1:])
                for c, _ in rendered
            ):
                return self.format(self.wrap(self._join_with_affixes(rendered, delimiter)))
        return self.format(self.wrap(cjk_join(parts, delimiter)))

    @staticmethod
    def _join_with_affixes(rendered: list[tuple[Any, Any]], delimiter: str) -> Any:
        """Cites joined by the layout delimiter, except that a cite prefix starting with
        punctuation (``, and``) replaces the delimiter, and a cite suffix ending with
        punctuation (``is one source,``) takes the place of the delimiter's own."""
        output = rendered[0][1]
        for (previous, _), (cite, text) in zip(rendered, rendered[1:]):
            if _punct(str(cite.get("prefix") or "")[:1]):
                between = ""
            elif _punct(str(previous.get("suffix") or "").rstrip()[-1:]):
                between = delimiter.lstrip(_AFFIX_PUNCT)
            else:
                between = delimiter
            output = join([output, text], between)
        return output

    def _collapse_numbers(self, rendered: list[tuple[Any, Any]], delimiter: str) -> list[Any]:
        def number(cite: Any) -> int | None:
            if (
                cite.has_locator
                or cite.get("prefix")
                or cite.get("suffix")
                or dict.get(cite, CK_MODE)
            ):
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
            while (
                n is not None
                and j + 1 < len(rendered)
                and number(rendered[j + 1][0]) == n + (j + 1 - i)
            ):
                j += 1
            if j - i >= 2:
                out.append(rendered[i][1] + dash + rendered[j][1])
            else:
                out.extend(text for _, text in rendered[i : j + 1])
            i = j + 1
        return out

    @staticmethod
    def _group_cites(rendered: list[tuple[Any, Any]], group_delimiter: str) -> list[Any]:
        """Cite grouping without collapsing (CSL 1.0.2, ``cite-group-delimiter`` alone): the
        cites whose names print alike move next to the first of them, each group joined by
        the cite-group-delimiter, the groups by the layout delimiter."""
        groups: list[list[Any]] = []
        index: dict[str, int] = {}
        for cite, text in rendered:
            names = dict.get(cite, _CK_NAMES_TEXT)
            key = str(names) if names is not None and not dict.get(cite, CK_MODE) else None
            if key is not None and key in index:
                groups[index[key]].append(text)
            else:
                if key is not None:
                    index[key] = len(groups)
                groups.append([text])
        return [join(group, group_delimiter) if len(group) > 1 else group[0] for group in groups]

    def _collapse_years(
        self, rendered: list[tuple[Any, Any]], layout_for: Any, delimiter: str
    ) -> list[Any]:
        citation = self.getparent()
        # no cite-group-delimiter: ", " in an in-text style, the layout delimiter in a note
        # style (citeproc-js)
        group_delimiter = citation.get(
            "cite-group-delimiter", ", " if self.get_root().get("class") == "in-text" else delimiter
        )
        after = citation.get("after-collapse-delimiter", delimiter)
        groups: list[list[tuple[Any, Any]]] = []
        index: dict[str, int] = {}
        by_author = citation.get("collapse") in ("year-suffix", "year-suffix-ranged")
        for cite, text in rendered:
            names = dict.get(cite, _CK_NAMES_TEXT)
            key = str(names) if names is not None and not dict.get(cite, CK_MODE) else None
            if key is None and by_author and not dict.get(cite, CK_MODE):
                # cites that print no names still group by their authors (for year suffixes)
                authors = dict.get(cite.reference, "author")
                key = "\x00" + repr([sorted(dict.items(n)) for n in authors]) if authors else None
            if key is not None and key in index:
                groups[index[key]].append((cite, text))
            else:
                if key is not None:
                    index[key] = len(groups)
                groups.append([(cite, text)])
        collapse = citation.get("collapse")
        suffixes = collapse in ("year-suffix", "year-suffix-ranged")
        if suffixes:
            # year-suffix collapsing: cites of one author and year print only their suffix
            # (2000a,b; 2000a–c ranged), joined by year-suffix-delimiter (default: the
            # cite-group-delimiter, else the layout delimiter); author groups are joined by the
            # cite-group-delimiter (default: the layout delimiter).
            suffix_delimiter = citation.get(
                "year-suffix-delimiter", citation.get("cite-group-delimiter", delimiter)
            )

        def suppressed(cite: Any) -> Any:
            cite[CK_MODE] = "suppress-author"
            try:
                return layout_for(cite).render_cite(cite)
            finally:
                cite[CK_MODE] = None

        out: list[Any] = []
        for group in groups:
            if suffixes and len(group) > 1:
                out.append(
                    self._collapse_suffixes(
                        group,
                        suppressed,
                        group_delimiter,
                        suffix_delimiter,
                        collapse == "year-suffix-ranged",
                        delimiter,
                    )
                )
                continue
            # a cite with a locator is followed by the after-collapse-delimiter (citeproc-js:
            # Wong 1999, 328; 2000, 475), the others by the cite-group-delimiter
            text = group[0][1]
            previous = group[0][0]
            for cite, _ in group[1:]:
                short = suppressed(cite)
                if short is not None:
                    text = join([text, short], after if previous.has_locator else group_delimiter)
                    previous = cite
            out.append(text)
        if len(out) > 1 and after != delimiter:
            # the after-collapse-delimiter follows a group that collapsed or ends with a
            # locator, and with collapse="year" any group (citeproc-js); else the layout's
            output = out[0]
            for group, text in zip(groups, out[1:]):
                collapsed = len(group) > 1 or group[-1][0].has_locator or collapse != "year-suffix"
                output = join([output, text], after if collapsed else delimiter)
            return [output]
        return out

    @staticmethod
    def _collapse_suffixes(
        group: list[tuple[Any, Any]],
        suppressed: Any,
        group_delimiter: str,
        suffix_delimiter: str,
        ranged: bool,
        delimiter: str,
    ) -> Any:
        """One author's cites with runs of the same year collapsed to their year suffixes."""

        def year_key(cite: Any, text: Any) -> str | None:
            """The cite's author-less text without its year suffix, if it can collapse."""
            suffix = dict.get(cite.reference, "year_suffix")
            if (
                not suffix
                or text is None
                or cite.has_locator
                or cite.get("prefix")
                or cite.get("suffix")
            ):
                return None
            raw = str(text)
            at = raw.rfind(str(suffix))
            return None if at < 0 else raw[:at] + "\x00" + raw[at + len(str(suffix)) :]

        chunks: list[tuple[str, str | None, list[str]]] = []  # (text, head suffix, run)
        previous: str | None = None
        for n, (cite, full) in enumerate(group):
            short = suppressed(cite)
            key = year_key(cite, short)
            suffix = str(dict.get(cite.reference, "year_suffix") or "")
            if n and key is not None and key == previous and chunks and chunks[-1][1]:
                chunks[-1][2].append(suffix)
            else:
                text = full if n == 0 else short
                if text is not None:
                    chunks.append((str(text), suffix if key is not None else None, []))
            previous = key
        parts: list[str] = []
        for text, head, run in chunks:
            if parts:  # after a collapsed run the layout delimiter, else the cite-group-delimiter
                parts.append(delimiter if after_run else group_delimiter)
            after_run = bool(run) and head is not None
            if not after_run:
                parts.append(text)
                continue
            letters = [head, *run]
            tokens: list[str] = []
            i = 0
            while i < len(letters):
                j = i
                while (
                    ranged
                    and j + 1 < len(letters)
                    and len(letters[j + 1]) == len(letters[j]) == 1
                    and ord(letters[j + 1]) == ord(letters[j]) + 1
                ):
                    j += 1
                if j - i >= 2:
                    tokens.append(letters[i] + "\u2013" + letters[j])
                    i = j + 1
                else:
                    tokens.extend(letters[i : j + 1])
                    i = j + 1
            at = text.rfind(head) + len(head)
            extra = tokens[0][len(head) :] + "".join(suffix_delimiter + t for t in tokens[1:])
            parts.append(text[:at] + extra + text[at:])
        return join(parts, "") if len(parts) > 1 else (parts[0] if parts else None)

    def _render_one(self, child: Any, item: Any) -> Any:
        text, _ = compiled(child)(item, {"delimiter": ""} if isinstance(child, cm.Choose) else {})
        return None if text is RAISED else text

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
    "label": Label,
    "name": Name,
    "names": Names,
    "substitute": Substitute,
    "layout": Layout,
    "date": Date,
    "date-part": Date_Part,
    "key": Key,
    "sort": Sort,
}


_MISSING = object()
_NORMAL_KINDS = {
    "font-style": "normal-i",
    "font-variant": "normal-sc",
    "font-weight": "normal-b",
    "vertical-align": "normal-baseline",
}
_NORMAL_MARKERS = {
    "normal-i": NORMAL_OPEN["i"],
    "normal-sc": NORMAL_OPEN["sc"],
    "normal-b": NORMAL_OPEN["b"],
    "normal-baseline": NORMAL_OPEN["baseline"],
}
_FORMAT_ATTRS = (
    ("font-style", {"normal": None, "italic": "Italic", "oblique": "Oblique"}, "normal"),
    ("font-variant", {"normal": None, "small-caps": "SmallCaps"}, "normal"),
    ("font-weight", {"normal": None, "bold": "Bold", "light": "Light"}, "normal"),
    ("text-decoration", {"none": None, "underline": "Underline"}, "none"),
    ("vertical-align", {"baseline": None, "sup": "Superscript", "sub": "Subscript"}, "baseline"),
)
_MISSING_LANGUAGE = object()


def _plain_markup(element: Any) -> bool:
    """Whether ``element.wrap(element.format(text))`` is ``text`` itself (a number as ``str``):
    :class:`_Cached`'s ``format`` and ``wrap``, no formatting attribute, no affixes."""
    cls = type(element)
    if (
        getattr(cls, "format", None) is not _Cached.format
        or getattr(cls, "wrap", None) is not _Cached.wrap
    ):
        return False
    attrib = element.attrib
    if any(attr in attrib for attr, _, _ in _FORMAT_ATTRS):
        return False
    return not (element.get("prefix") or element.get("suffix"))


class _Cached:
    """Caches of one parsed style (one dict shared by the element classes of one parser, so of
    one :class:`EngineStyle`, which one thread uses at a time): the root, locale terms and the
    style-structure XPath lookups citeproc-py repeats for every item (macros by name, the
    enclosing ``cs:layout``/``cs:citation``/``cs:bibliography``).  The cache holds the element
    proxies as keys, which keeps them alive, so Python attributes set on them last too."""

    _ck_cache: dict[Any, Any] = {}

    def format(self, string: Any) -> Any:
        """``Formatted.format`` with the element's formatting attributes read once."""
        key = ("format", self)
        ops = self._ck_cache.get(key)
        if ops is None:
            found: list[str] | None = []
            for attr, table, default in _FORMAT_ATTRS:
                value = self.get(attr, default)  # type: ignore[attr-defined]
                if value not in table:
                    found = None  # unknown value: citeproc-py's own handling
                    break
                if table[value]:
                    found.append(table[value])  # type: ignore[union-attr]
                elif attr in _NORMAL_KINDS and self.get(attr) == default:  # type: ignore[attr-defined]
                    found.append(_NORMAL_KINDS[attr])  # type: ignore[union-attr]
            ops = self._ck_cache[key] = tuple(found) if found is not None else False
        if ops is False:
            return super().format(string)  # type: ignore[misc]
        if isinstance(string, (int, float)):
            string = str(string)
        if ops:
            formatter = self.get_formatter()  # type: ignore[attr-defined]
            for op in ops:
                if op in _NORMAL_MARKERS:  # explicit "normal": undone inside the decoration
                    string = String(_NORMAL_MARKERS[op]) + string + String(NORMAL_CLOSE)
                else:
                    string = getattr(formatter, op)(string)
        return string

    def wrap(self, string: Any) -> Any:
        """``Affixed.wrap``; without affixes the string itself (what citeproc-py returns)."""
        key = ("affixed", self)
        affixed = self._ck_cache.get(key)
        if affixed is None:
            affixed = self._ck_cache[key] = bool(self.get("prefix") or self.get("suffix"))  # type: ignore[attr-defined]
        if not affixed or string is None:
            return string
        affixes = self._ck_cache.get(("affixes", self))
        if affixes is None:
            affixes = self._ck_cache[("affixes", self)] = (
                self.get("prefix", ""),
                self.get("suffix", ""),
            )  # type: ignore[attr-defined]
        prefix, suffix = affixes
        if prefix:
            text = prefix + normalize_seam(prefix, string)
        else:
            text = string
        if not suffix:
            return text
        # text + suffix as citeproc-py adds them (its normalize_seam at the seam, twice), with
        # different punctuation marks merged (merge_seam); one str() of the text
        last = str(text)[-1:]
        first = suffix[0]
        if (first == " " and last == " ") or (first == last and first in SEAM_PUNCTUATION):
            suffix = suffix[1:]
            if suffix and (
                (suffix[0] == " " and last == " ")
                or (suffix[0] == last and last in SEAM_PUNCTUATION)
            ):
                suffix = suffix[1:]
        elif first in _PUNCT_MERGE and last in _PUNCT_MERGE:
            text, suffix = merge_seam(text, suffix)
            return text + suffix
        if not suffix:
            return text
        kind = type(text)
        if kind is MixedString:
            return MixedString([*text, suffix])
        if kind is String or kind is NoCase:
            return MixedString([text, suffix])
        return text + suffix

    def ck_compiled(self) -> Any:
        key = ("compiled", self)
        fn = self._ck_cache.get(key)
        if fn is None:
            compile_ = getattr(self, "compile", None)
            fn = compile_() if compile_ is not None else _compile_leaf(self)
            display = DISPLAY.get(self.get("display") or "")  # type: ignore[attr-defined]
            if display is not None:
                fn = _with_display(fn, display)
            self._ck_cache[key] = fn
        return fn

    def join(self, strings: Any, default_delimiter: str = "") -> Any:
        """``Delimited.join`` with citekit's :func:`join` (the same result)."""
        delimiter = self.get("delimiter", default_delimiter)  # type: ignore[attr-defined]
        try:
            return join([s for s in strings if s is not None], delimiter)
        except Exception:  # noqa: BLE001 - as citeproc-py
            return String("")

    def xpath_search(self, expression: str) -> Any:
        # The style tree does not change while rendering (citeproc-py's one insertion, a default
        # cs:name in a cs:names without one, is a child no expression here looks for).
        key = (self, expression)
        hit = self._ck_cache.get(key)
        if hit is None:
            hit = self._ck_cache[key] = self.xpath(expression, namespaces=self.nsmap)  # type: ignore[attr-defined]
        return hit

    def get_root(self) -> Any:
        root = self._ck_cache.get("root")
        if root is None:
            root = self.getroottree().getroot()  # type: ignore[attr-defined]
            if isinstance(root, cm.Style):
                self._ck_cache["root"] = root
        return root

    def get_formatter(self) -> Any:
        """The style's output formatter (citekit always renders with citeproc-py's HTML one),
        looked up once per parsed style."""
        hit = self._ck_cache.get("formatter")
        if hit is None:
            hit = super().get_formatter()  # type: ignore[misc]
            if hit is not None:
                self._ck_cache["formatter"] = hit
        return hit

    def get_macro(self, name: str) -> Any:
        key = ("macro", name)
        hit = self._ck_cache.get(key)
        if hit is None:
            hit = self._ck_cache[key] = super().get_macro(name)  # type: ignore[misc]
        return hit

    def get_date(self, form: str) -> Any:
        """The locale's ``cs:date`` of ``form`` (looked up once per style)."""
        if isinstance(self, cm.Locale):  # an in-style cs:locale: its own lookup
            return super().get_date(form)  # type: ignore[misc]
        key = ("locale-date", form)
        hit = self._ck_cache.get(key, _MISSING)
        if hit is _MISSING:
            hit = self._ck_cache[key] = super().get_date(form)  # type: ignore[misc]
        return hit

    def get_term(
        self, name: str, form: Any = None, fallback_locale: bool = True, zero_padded: bool = False
    ) -> Any:
        if isinstance(self, cm.Locale):  # an in-style cs:locale: its own lookup
            return super().get_term(name, form, zero_padded=zero_padded)  # type: ignore[misc]
        key = ("term", name, form, fallback_locale, zero_padded)
        hit = self._ck_cache.get(key, _MISSING)
        if hit is _MISSING:
            hit = self._ck_cache[key] = super().get_term(name, form, fallback_locale, zero_padded)  # type: ignore[misc]
        return hit

    def get_layout(self) -> Any:
        """The enclosing ``cs:layout`` (citeproc-py's XPath lookup), once per element."""
        key = ("layout", self)
        hit = self._ck_cache.get(key)
        if hit is None:
            hit = self._ck_cache[key] = super().get_layout()  # type: ignore[misc]
        return hit

    def get_single_term(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """``get_single_term`` (the term's ``single`` form, a new ``String``) looked up once per
        parsed style: a ``String`` is immutable."""
        if isinstance(self, cm.Locale):
            return super().get_single_term(name, *args, **kwargs)  # type: ignore[misc]
        key = ("single-term", name, args, tuple(sorted(kwargs.items())))
        try:
            hit = self._ck_cache.get(key)
        except TypeError:  # an unhashable argument: not cached
            return super().get_single_term(name, *args, **kwargs)  # type: ignore[misc]
        if hit is None:
            hit = super().get_single_term(name, *args, **kwargs)  # type: ignore[misc]
            if type(hit) is String:
                if "\n" in hit and not hit.strip():  # a term of only the XML's layout: empty
                    hit = String("")
                self._ck_cache[key] = hit
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
        namespace[tag] = type(
            cls.__name__, (_Cached, cls), {"_ck_cache": cache, "__module__": __name__}
        )
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
        _encode_style_text(self.root)
        self.root.set_locale_list(locale, validate=False)


#: Attributes of style text that are printed: their ``& < >`` are text, escaped in HTML.
_PRINTED_ATTRS = ("prefix", "suffix", "delimiter")
_STYLE_SPECIAL = re.compile("[&<>]")


def _encode_style_text(root: Any) -> None:
    """``& < >`` in the printed attributes of a style (``prefix="&lt;"``) as the placeholders
    :mod:`._markup` uses for field text, so HTML output escapes them (``&#60;http://…&#62;``)
    and none is read as markup."""
    table = {ord("&"): "\ue000", ord("<"): "\ue001", ord(">"): "\ue002"}
    for element in root.iter(etree.Element):
        attrib = element.attrib
        for name in _PRINTED_ATTRS:
            value = attrib.get(name)
            if value and _STYLE_SPECIAL.search(value):
                attrib[name] = value.translate(table)
