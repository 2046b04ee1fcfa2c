"""``cs:text`` and terms: variables, values, macros and terms compiled once per style; text case
(title case with citeproc-js's stop words, Turkish ``i``, nocase spans); note-number and locator
variables.
"""

from __future__ import annotations

import re
from typing import Any

import citeproc.model as cm
from citeproc.source import CitationItem, VariableError
from citeproc.string import (
    MixedString,
    NoCase,
    String,
)

from .._markup import (
    QUOTE_CLOSE,
    QUOTE_OPEN,
    encode,
)
from .cache import _plain_markup
from .compile import RAISED, _compile_leaf, compiled
from .keys import (
    _CK_SUFFIX_DONE,
    _CK_TERMS,
    _MISSING,
    _MISSING_LANGUAGE,
    CK_IN_CITE,
    CK_NS,
    EXPLICIT_SUFFIX_KEY,
)
from .numbers import _NUMERIC_RANGE, _PageRanges, circled

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
    words: list[tuple[int, re.Match[str] | None]] = []  # (segment index, match)
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
    for k, (n, found) in enumerate(words):
        if found is None:
            start = False
            continue
        m = found
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


_NUMBER_FORM = f"{{{CK_NS}}}number-form"
_SPACED_RANGE = re.compile(r"(?<=\d)\s+-\s+(?=\d)")


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
                    text = text.replace(f" {amp} ", f" {encode(symbol)} ")
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
        text, _ = self.ck_compiled()(item, kwargs)
        return text


_AFFIX_PUNCT = ",.;:"


def _punct(char: str) -> bool:
    return bool(char) and char in _AFFIX_PUNCT


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
