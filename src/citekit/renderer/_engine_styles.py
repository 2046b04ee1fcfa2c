"""Engine corrections the bundled styles need, kept apart from :mod:`._engine`.

Each is a subclass of the :mod:`._engine` class it corrects (so every engine fix made there is
inherited), registered in the same element-class table (:data:`._engine._OVERRIDES`) when this
module is imported (:mod:`._prepare` imports it).  A style parsed afterwards gets these classes.

* **CJK seams** (:func:`cjk_join`): a delimiter of ASCII spaces is dropped where a CJK character
  *follows* a letter, digit or CJK character (``5 版`` → ``5版``, ``DNA 库``), never where Latin
  text or a number follows a CJK character.  Author-date styles that separate the author and the
  year by a space keep it: Chicago ``(胡重明 2002)``, MLA ``(胡重明 33)``; GB/T 7714 puts ``, ``
  there anyway (``(胡重明, 2002)``).  An ideographic space (U+3000, GB/T 7714's separator of
  parallel title parts and of a standard's number and title) is never dropped.
* **ck:and, ck:et-al-delimiter** (:class:`Name`): exact strings between the last two names and
  before the et-al term (the cn-social-science style: ``Knies,E.&Douglas,S.``, ``张成福等译``).
* **Initialisation** (:class:`Name`): given names initialised as citeproc-js does (single
  capitals and abbreviations such as ``Ph.`` kept as initials, ``ME`` → ``M``, ``M.E`` →
  ``M. E.``); with ``initialize="false"`` (CSL 1.0.2) given names are not initialised, only
  initials already present are formatted with ``initialize-with`` (MLA: ``Smith, John``, not
  ``Smith, J.``).
* **Note citations** (:class:`Text`): ``first-reference-note-number`` (the note number of the
  first citation of the item, for ``position="subsequent"``), printed as a circled number
  (``①``…``⑳``, then ``(21)``) with ``ck:number-form="circled"`` (GB/T 7714 10.1.3: ``同②``);
  a ``locator`` range takes the locale's ``page-range-delimiter`` term (GB/T ``-``, en-US ``–``).
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.source import VariableError
from citeproc.string import String

from . import _engine
from ._engine import CK_NS, join
from ._markup import encode as _encode

__all__ = ["Name", "Text", "circled", "cjk_join", "register"]

_NUMBER_FORM = f"{{{CK_NS}}}number-form"
_SPACED_RANGE = re.compile(r"(?<=\d)\s+-\s+(?=\d)")


def cjk_join(items: list[Any], delimiter: str) -> Any:
    """citeproc-py's ``join``; a whitespace delimiter disappears before a CJK character that
    follows a letter, digit or CJK character."""
    if len(items) == 1:
        return items[0]
    if not delimiter or delimiter.strip(" \t\n") or len(items) < 2:  # U+3000 is meant
        return join(items, delimiter)
    if not any(_engine.has_cjk(str(item)) for item in items[1:]):  # no seam can be CJK
        return join(items, delimiter)
    output = items[0]
    for item in items[1:]:
        a, b = _engine._edge_chars(output, item)
        seam = _engine._is_cjk(b) and (a.isalnum() or _engine._is_cjk(a))
        output = join([output, item], "" if seam else delimiter)
    return output


def circled(number: int) -> str:
    """1 → ①, 20 → ⑳, 21 → (21)."""
    if 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    return f"({number})"


_CK_AND = f"{{{CK_NS}}}and"
_CK_ET_AL_DELIMITER = f"{{{CK_NS}}}et-al-delimiter"


class Name(_engine.Name):
    """``cs:name`` with ``initialize="false"`` and two citekit extensions.

    ``ck:and="&"`` joins the last two names with exactly that string (no spaces added:
    ``Knies,E.&Douglas,S.``, ``艾琳、王刚``); ``ck:et-al-delimiter=""`` is what precedes the
    et-al term when no delimiter does (``张成福等``, where CSL puts a space).
    """

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        if name == "and" and self.get(_CK_AND) is not None:
            return None
        return super().get_option(name, context, sort_options)

    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        text = super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
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
                    lead = _MARKUP_HEAD.match(token).group(0)
                    inner_tail = _MARKUP_TAIL.search(token, len(lead)).group(0)
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


_GIVEN_TOKEN = re.compile(r"([^\s.]+)(\.?)([\ue003-\ue00c]*)")
_MARKUP_ANY = re.compile(r"[\ue003-\ue00c]")
_MARKUP_HEAD = re.compile(r"^[\ue003-\ue00c]*")
_MARKUP_TAIL = re.compile(r"[\ue003-\ue00c]*$")


class Text(_engine.Text):
    def _variable(self, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        if variable == "first-reference-note-number":
            return self._first_note(item, context)
        if variable == "locator" and getattr(item, "has_locator", False):
            try:
                delimiter = str(self.get_term("page-range-delimiter").single)
            except Exception:  # noqa: BLE001 - no term: CSL's default
                delimiter = "\u2013"
            text = _SPACED_RANGE.sub("-", str(item.locator.identifier))  # 100 - 103
            if (item.locator.label or "page") == "page" and self.get_root().get_option(
                "page-range-format"
            ):
                # a page locator takes the style's page-range-format too (citeproc-js)
                text = str(self._process(text, "page"))
            text = text.replace("-", delimiter or "\u2013")
            amp = "\ue000"  # an ampersand of the data (_markup's private-use code)
            if f" {amp} " in text:  # 213 & 235: the locale's "and" symbol (citeproc-js)
                try:
                    symbol = str(self.get_term("and", "symbol").single)
                except Exception:  # noqa: BLE001 - no term: keep the ampersand
                    symbol = "&"
                if symbol.strip() not in ("&", "&amp;", ""):
                    text = text.replace(f" {amp} ", f" {_encode(symbol)} ")
            return String(text)
        return super()._variable(item, context)

    def _first_note(self, item: Any, context: Any) -> Any:
        if context is None:
            context = self
        try:  # the cites rendered so far, kept on cs:citation (as citeproc-py's positions use them)
            cites = context.get_layout().getparent().cites
        except Exception:  # noqa: BLE001 - not in a citation (bibliography)
            raise VariableError from None
        for cite in cites or ():
            if cite.key != item.key or cite is item:
                continue
            try:
                note = cite.citation.note_index
            except (AttributeError, KeyError, VariableError):
                note = None
            if note in (None, ""):
                raise VariableError
            number = int(note)
            text = circled(number) if self.get(_NUMBER_FORM) == "circled" else str(number)
            return String(text)
        raise VariableError


def register() -> None:
    """Put these classes in the element table and the seam rule in the engine (idempotent)."""
    overrides = getattr(_engine, "_OVERRIDES", None)
    if isinstance(overrides, dict):
        for tag, cls in (("name", Name), ("text", Text)):
            if overrides.get(tag) is getattr(_engine, cls.__name__, None):
                overrides[tag] = cls
    if getattr(_engine, "cjk_join", None) is not cjk_join and hasattr(_engine, "_edge_chars"):
        _engine.cjk_join = cjk_join


register()
