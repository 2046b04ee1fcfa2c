"""citeproc-py, corrected where it is wrong for everyone: citekit's CSL evaluator.

citekit pins ``citeproc-py==0.11.1`` and extends it by subclass through its class lookup: each
fix is a subclass of the citeproc-py element class at fault, listed in one table
(:data:`.classes.ELEMENT_CLASSES`) and registered in an lxml ``ElementNamespaceClassLookup``
like the one :class:`citeproc.frontend.CitationStylesXML` builds, so a style parsed here
(:class:`EngineStyle`) gets the fixed classes and plain citeproc-py users are not affected.
``docs/citeproc-internals.md`` lists the citeproc-py internals this relies on;
``tests/test_citeproc_internals.py`` fails when an upgrade changes one.

There is one evaluator, compiled: the control elements compile once per parsed style into
closures (:mod:`.compile`).  Where to fix what:

* :mod:`.keys`: the keys set on cites and references while rendering; namespaces.
* :mod:`.strings`: seams and joins (punctuation, spaces, CJK seams).
* :mod:`.compile`: ``cs:group`` (suppression), ``cs:macro``, children of layouts and branches.
* :mod:`.conditions`: ``cs:choose``, ``cs:if`` tests, cite positions.
* :mod:`.text`: ``cs:text`` (variables, values, macros, terms), text case.
* :mod:`.numbers`: ``cs:number``, ``cs:label``, page ranges, ordinals.
* :mod:`.names`: ``cs:names``, ``cs:name``, ``cs:substitute``.
* :mod:`.dates`: ``cs:date``, ``cs:date-part``.
* :mod:`.sort`: ``cs:sort``, ``cs:key``.
* :mod:`.layout`: bibliography entries and citation clusters (collapsing, affixes).
* :mod:`.cache`: per-style caches of lookups citeproc-py repeats for every item.
* :mod:`.classes`: the element-class table, the parser, :class:`EngineStyle`.

The fixes:

* **Group suppression** (:class:`Group`, :class:`Choose`, :class:`If`, :class:`ElseIf`,
  :class:`Else`, :class:`Text`, :class:`Macro`): CSL suppresses a ``cs:group`` when it calls a
  variable and every variable it calls is empty.  citeproc-py asks ``calls_variable()`` of every
  child, and for a ``cs:choose`` that scans *all* branches, also the untaken ones.  So
  ``[<text macro="type-id"/>/<text macro="medium-id"/>]`` vanished for an item without URL/DOI
  because the untaken ``<if variable="medium">`` branch "called" a variable.  Here the
  compiled closures report the variables called on the branches actually taken.
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

from .classes import CITEKIT_CLASSES, ELEMENT_CLASSES, EngineStyle
from .keys import (
    ADD_NAMES_KEY,
    CJK_NAMES_KEY,
    CK_DIVS,
    CK_MODE,
    CK_NS,
    CK_POSITION,
    CK_PROBE,
    CSL_NS,
    DISAMBIGUATE_KEY,
    EXPLICIT_SUFFIX_KEY,
    GIVEN_LEVELS_KEY,
    PREVIOUS_NAMES_KEY,
    SORT_NAMES_KEY,
    TRUNCATED_KEY,
)
from .names import names_text
from .sort import reference_year
from .strings import cjk_join, has_cjk, join, merge_seam

__all__ = [
    "ADD_NAMES_KEY",
    "CJK_NAMES_KEY",
    "CITEKIT_CLASSES",
    "CK_DIVS",
    "CK_MODE",
    "CK_POSITION",
    "CK_NS",
    "CK_PROBE",
    "CSL_NS",
    "DISAMBIGUATE_KEY",
    "ELEMENT_CLASSES",
    "EXPLICIT_SUFFIX_KEY",
    "GIVEN_LEVELS_KEY",
    "PREVIOUS_NAMES_KEY",
    "SORT_NAMES_KEY",
    "TRUNCATED_KEY",
    "EngineStyle",
    "cjk_join",
    "has_cjk",
    "join",
    "merge_seam",
    "names_text",
    "reference_year",
]
