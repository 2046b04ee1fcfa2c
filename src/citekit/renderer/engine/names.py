"""Names: ``cs:name``, ``cs:names`` and ``cs:substitute``.

Literal (institution, CJK) names printed as given; particles, suffixes and
``ck:suffix-delimiter``; truncated roles ending with et-al; citeproc-js initialisation;
``ck:and`` and ``ck:et-al-delimiter``; what a substitute printed is suppressed in the rest of
the entry.
"""

from __future__ import annotations

import re
from typing import Any

import citeproc.model as cm
from citeproc.source import CitationItem, VariableError
from citeproc.string import (
    String,
)

from .keys import (
    _CK_IN_SUBSTITUTE,
    _CK_NAMES_BARE,
    _CK_NAMES_DONE,
    _CK_NAMES_LABEL,
    _CK_NAMES_TEXT,
    _CK_SUBSEQUENT,
    _CK_SUBSTITUTED,
    _MISSING,
    ADD_NAMES_KEY,
    CJK_NAMES_KEY,
    CK_IN_CITE,
    CK_MODE,
    CK_NS,
    CK_PROBE,
    COMMA_SUFFIX_KEY,
    CSL_NS,
    GIVEN_LEVELS_KEY,
    PREVIOUS_NAMES_KEY,
    TRUNCATED_KEY,
)

# --- names ----------------------------------------------------------------------------------


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
    if not hasattr(text, "capitalize_first"):  # citeproc's text-case needs its String (sorting
        text = String(text)  # a list in universitat-graz-geographie raised AttributeError)
    return part.format(part.case(text))


def _joined(separator: str, parts: list[Any]) -> Any:
    """``separator.join(parts)`` for parts that may be citeproc-py's formatted strings (which
    ``str.join`` refuses): the empty ones are left out."""
    out: Any = ""
    for part in parts:
        if part:
            out = part if out == "" else out + separator + part
    return out


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


_GIVEN_TOKEN = re.compile(r"([^\s.]+)(\.?)([\ue003-\ue00c]*)")
_MARKUP_ANY = re.compile(r"[\ue003-\ue00c]")
_MARKUP_HEAD = re.compile(r"^[\ue003-\ue00c]*")
_MARKUP_TAIL = re.compile(r"[\ue003-\ue00c]*$")


_CK_AND = f"{{{CK_NS}}}and"
#: a term ending in a space character other than U+0020 (U+2000-U+200A, U+202F, U+205F)
_TIGHT_AND = re.compile("[\u2000-\u200a\u202f\u205f]$")
_CK_ET_AL_DELIMITER = f"{{{CK_NS}}}et-al-delimiter"


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
        hit = self._ck_cache.get(key, _MISSING)
        if hit is _MISSING:
            hit = self.get(name)
            if hit is None:
                found = (context if context is not None else self).xpath_search(
                    "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
                )
                if found:
                    hit = found[0].get(name)
            if hit is None:
                hit = self.get_root().get(name)
            self._ck_cache[key] = hit
        return hit

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        """citeproc-py's inheritable name options, looked up once per element and context
        (options a sort key overrides are not cached)."""
        if name == "and" and self.get(_CK_AND) is not None:  # ck:and replaces it
            return None
        if sort_options is not None and name in sort_options:
            return super().get_option(name, context, sort_options)
        key = ("name-option", self, name, context)
        hit = self._ck_cache.get(key, _MISSING)
        if hit is _MISSING:
            hit = self._ck_cache[key] = super().get_option(name, context, None)
        return hit

    def _ck_et_al(self) -> Any:
        """``et_al()`` (the ``cs:et-al`` sibling rendered, else the term), looked up once per
        parsed style when it is an immutable string."""
        key = ("et-al", self)
        hit = self._ck_cache.get(key, _MISSING)
        if hit is _MISSING:
            hit = self.et_al()
            if hit is None or isinstance(hit, str):
                self._ck_cache[key] = hit
        return hit

    def _render_names(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        def get_option(name: str) -> Any:
            return self.get_option(name, context, sort_options)

        options_key = ("name-options", self, context)
        options = self._ck_cache.get(options_key) if sort_options is None else None
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
                self._ck_cache[options_key] = options
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
        name_parts = self._ck_cache.get(parts_key)
        if name_parts is None:
            name_parts = self._ck_cache[parts_key] = self.findall("cs:name-part", self.nsmap)

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
        cjk_et_al = dict.get(item.reference, CJK_NAMES_KEY) if sort_options is None else None
        if cjk_et_al:  # a CJK item in an English-language style: 张三, 李四; 张三 等
            and_, et_al, delimiter_precedes_et_al = None, cjk_et_al, "never"
        # disambiguation (citations only): names added, given names expanded per name
        in_cite = sort_options is None and bool(dict.get(item, CK_IN_CITE))
        levels: dict[int, int] = {}
        if in_cite and (dict.get(item, _CK_SUBSEQUENT) or dict.get(item, CK_PROBE)):
            # a subsequent cite: et-al-subsequent-min / -use-first where the style sets them;
            # ambiguity is that of the subsequent form (citeproc-js), so a disambiguation
            # probe too
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
        # et-al only where names are left out: et-al-use-first below the number of names
        et_al_truncate = (
            len(names) > 1
            and et_al_min
            and len(names) >= et_al_min
            and et_al_use_first < len(names)
        )
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
                # an institution takes the family name-part's formatting and text-case
                # (citeproc-js: SÃO PAULO), not its affixes; a name-part limited to a script
                # (ck:script) is for personal names only: only its formatting applies (GB/T
                # 7714 capitalises personal family names: ``American Water Works Association``)
                for part in name_parts:
                    if part.get(_CK_SCRIPT) == "latin" and not _is_latin(str(family)):
                        continue
                    if part.get("name") == "family":
                        family = (
                            part.format(family) if part.get(_CK_SCRIPT) else _decor(part, family)
                        )
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
                    text = _joined(sort_separator, [first, second])
                    if suffix:
                        sep = sort_separator if suffix_delimiter is None else suffix_delimiter
                        text = _joined(sep, [text, suffix]) if text else suffix
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
                        text = _joined(" ", [given, family])
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
            elif _TIGHT_AND.search(str(and_term)):
                # an "and" term ending in its own spacing character (Hebrew ו + U+2008) is
                # set between the names with no space around it (citeproc-js)
                return text + str(and_term) + output[-1]
            else:
                text += " "
            return text + f"{and_term} " + output[-1]
        return self.join(output, delimiter)

    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        text = self._render_names(
            item, variable, context=context, sort_options=sort_options, **kwargs
        )
        # ck:and, ck:et-al-delimiter: exact strings between the last two names and before the
        # et-al term (the cn-social-science style: ``Knies,E.&Douglas,S.``, ``张成福等译``)
        ck_and, ck_et_al = self.get(_CK_AND), self.get(_CK_ET_AL_DELIMITER)
        if text is None or isinstance(text, int) or (ck_and is None and ck_et_al is None):
            return text
        value = str(text)
        et_al = str(self.et_al() or "")
        has_et_al = bool(et_al) and value.endswith(et_al)
        if has_et_al and ck_et_al is not None:
            head = value[: -len(et_al)].rstrip()
            delimiter = self.get_option("delimiter", context, sort_options) or ""
            if delimiter and head.endswith(delimiter.rstrip()):
                head = head[: -len(delimiter.rstrip())]
            value = head + ck_et_al + et_al
        elif ck_and is not None:
            try:
                count = len(item.reference[variable.replace("-", "_")])
            except Exception:  # noqa: BLE001
                count = 0
            delimiter = self.get_option("delimiter", context, sort_options) or ", "
            # An inverted last name (name-as-sort-order="all") holds the sort separator too.
            skip = int(
                self.get_option("name-as-sort-order", context, sort_options) == "all"
                and self.get_option("sort-separator", context, sort_options) == delimiter
            )
            cut = len(value)
            for _ in range(skip + 1):
                cut = value.rfind(delimiter, 0, cut)
                if cut < 0:
                    break
            if count >= 2 and cut >= 0:
                value = value[:cut] + ck_and + value[cut + len(delimiter) :]
        return String(value)

    def initialize(self, given: str, mark: str, context: Any) -> str:
        """CSL given-name initialisation (as citeproc-js does it): a single capital (with or
        without a period) is an initial and gets ``mark``; a word ending in a period is an
        abbreviation (``Ph.``, ``Me.``) and keeps its letters with ``mark``; any other word is
        reduced to its initial when ``initialize`` is not ``"false"``, else kept whole (a
        lower-case word, a particle, is always kept).  Hyphenated parts are initialised
        separately and joined by a hyphen (``initialize-with-hyphen``), a part starting with a
        small letter left out (``Guo-ping`` → ``G.``); a word of two capitals and a small letter
        keeps its digraph (``TSerendorjiin`` → ``Ts.``)."""
        initialize = self.get("initialize")
        if initialize is None:
            try:
                initialize = self.get_option("initialize", context)
            except Exception:  # noqa: BLE001 - the option is unset all the way up
                initialize = None
        reduce_words = str(initialize).lower() != "false"
        try:
            hyphen = self.get_option("initialize-with-hyphen", context)
        except Exception:  # noqa: BLE001
            hyphen = True
        parts = given.split("-") if hyphen else [given.replace("-", " ")]
        if reduce_words and len(parts) > 1:  # Guo-ping → G.: a small-letter part is left out
            parts = parts[:1] + [p for p in parts[1:] if not p[:1].islower()]
        markup = _MARKUP_ANY.search(given) is not None
        mark_core = mark.rstrip()
        mark_space = mark[len(mark_core) :]
        out_parts = []
        for part in parts:
            out = ""
            for m in _GIVEN_TOKEN.finditer(part):
                token, period, tail = m.group(1), m.group(2), m.group(3)
                # formatting of the data around a word (<b>John</b>) stays around its initial,
                # with the mark's period inside and its space outside: <b>J.</b> Q.
                lead = ""
                if markup:
                    # both patterns match the empty string, so they always match
                    lead = _MARKUP_HEAD.match(token).group(0)  # type: ignore[union-attr]
                    inner_tail = _MARKUP_TAIL.search(token, len(lead)).group(0)  # type: ignore[union-attr]
                    core = token[len(lead) : len(token) - len(inner_tail)]
                    if core:
                        token, tail = core, inner_tail + tail
                    else:  # markup alone: kept as a word
                        lead = ""
                if len(token) == 1 and token.isupper():
                    out += lead + token + mark_core + tail + mark_space
                elif period and token[:1].isupper():
                    out += lead + token + mark_core + tail + mark_space
                elif reduce_words and token[:1].isupper():
                    if len(token) > 2 and token[1].isupper() and token[2].islower():
                        initial = token[0] + token[1].lower()  # TSerendorjiin → Ts.
                    else:
                        initial = token[0]
                    out += lead + initial + mark_core + tail + mark_space
                else:  # a whole word: separated by a space
                    if out and not out.endswith(" "):
                        out += " "
                    out += lead + token + period + tail + " "
            out_parts.append(out.rstrip(" "))
        return "-".join(p for p in out_parts)


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
        spec = self._ck_cache.get(("names-roles", self))
        if spec is None:
            variables = tuple(self.get("variable").split())
            spec = self._ck_cache[("names-roles", self)] = (
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


def names_text(item: Any) -> str | None:
    """The text of the first names rendered for ``item`` in its last render, without their
    label, if any."""
    text = dict.get(item, _CK_NAMES_BARE)
    return None if text is None else str(text)
