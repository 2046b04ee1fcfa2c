"""Keys citekit sets on citeproc-py's ``CitationItem`` and ``Reference`` dicts while rendering,
the namespaces, and sentinels.

One home for every per-render key, so the modules that set a key and those that read it agree.
"""

from __future__ import annotations

CSL_NS = "http://purl.org/net/xbiblio/csl"
CK_NS = "https://citekit.dev/csl-extension"
"""Namespace of citekit's CSL extension attributes (``ck:suffix-delimiter`` on ``cs:name``)."""

#: Key set on a citeproc ``Reference`` whose author list the source truncated.
TRUNCATED_KEY = "_citekit_names_truncated"

#: Key set on a citeproc ``Reference``: for each name variable, the indices of the names whose
#: suffix follows a comma (CSL-JSON ``comma-suffix``, or ``"given": "John,! Jr."``).
COMMA_SUFFIX_KEY = "_citekit_comma_suffix"

#: Key set on a citeproc ``Reference``: a CJK item rendered by an English-language style, its
#: names joined without ``&``/``and`` and cut with this et-al word (``张三 等``; item_language).
CJK_NAMES_KEY = "_citekit_cjk_names"

#: Key set on a citeproc ``CitationItem`` rendered to find ambiguous cites (disambiguation).
CK_PROBE = "_citekit_probe"

#: Key set on a citeproc ``CitationItem`` rendered as a cite (not a bibliography entry).
CK_IN_CITE = "_citekit_in_cite"
#: Keys set on a citeproc ``Reference`` by disambiguation: names added to its cites beyond
#: ``et-al-use-first``; given-name levels per name variable and name index (1 initials, 2 full);
#: how many of the style's ``disambiguate`` tests are true for it (in document order, turned on
#: one at a time while it is still ambiguous).
ADD_NAMES_KEY = "_citekit_add_names"
GIVEN_LEVELS_KEY = "_citekit_given_levels"
DISAMBIGUATE_KEY = "_citekit_disambiguate"

#: Key set on a citeproc ``CitationItem`` whose render marks display divs (``display``,
#: ``second-field-align``) for HTML output.
CK_DIVS = "_citekit_display_divs"

#: Key set on a citeproc ``CitationItem``: ``"suppress-author"`` or ``"author-only"``.
CK_MODE = "_citekit_mode"
#: Key set on a citeproc ``CitationItem``: the CSL position given with the cite (``first``,
#: ``subsequent``, ``ibid``, ``ibid-with-locator``), used instead of the one worked out.
CK_POSITION = "_citekit_position"
_CK_NAMES_DONE = "_citekit_names_done"
#: Key set on a bibliography ``CitationItem``: the names text of the previous entry.
PREVIOUS_NAMES_KEY = "_citekit_previous_names"
_CK_NAMES_TEXT = "_citekit_names_text"
#: Key set on a reference by a ``ck:group-by-language`` sort: the plain text of its name key
#: (the printed name list), which ``ck:year-suffix-by="first-author"`` groups by.
SORT_NAMES_KEY = "_citekit_sort_names"
#: The label of the names just rendered: (names, label, label first) when one variable printed.
_CK_NAMES_LABEL = "_citekit_names_label"
#: The names of a cite or entry's first cs:names without their label.
_CK_NAMES_BARE = "_citekit_names_bare"
#: Set on a cite or entry once a cs:substitute has printed (its variables are then suppressed).
_CK_SUBSTITUTED = "_citekit_substituted"
#: Set on a cite or entry while a cs:substitute renders (names printed are suppressed at once).
_CK_IN_SUBSTITUTE = "_citekit_in_substitute"

#: Keys set on a cite: whether it starts a note; the terms it rendered, in order.
_CK_AT_START = "_citekit_at_start"
#: Key set on a cite whose item was cited before (position subsequent).
_CK_SUBSEQUENT = "_citekit_subsequent"


_CK_TERMS = "_citekit_terms"


# --- dates ----------------------------------------------------------------------------------

#: Key set on a citeproc ``CitationItem`` once its year suffix has been printed.
_CK_SUFFIX_DONE = "_citekit_year_suffix_done"


#: Key set on a citeproc ``Reference`` when the style renders ``year-suffix`` explicitly.
EXPLICIT_SUFFIX_KEY = "_citekit_explicit_year_suffix"


_MISSING = object()
_MISSING_LANGUAGE = object()
