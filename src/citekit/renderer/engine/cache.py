"""Per-style caches: formatting, affixes, compiled closures, XPath, macro, term and locale
lookups that citeproc-py repeats for every item (:class:`_Cached`, mixed into every element
class).
"""

from __future__ import annotations

from typing import Any

import citeproc.model as cm
from citeproc.string import (
    SEAM_PUNCTUATION,
    MixedString,
    NoCase,
    String,
    normalize_seam,
)

from .._markup import (
    _PUNCT_MERGE,
    DISPLAY,
    NORMAL_CLOSE,
    NORMAL_OPEN,
)
from .compile import _compile_leaf, _with_display
from .keys import _MISSING
from .strings import join, merge_seam

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
#: The form a term falls back to when no locale defines the form asked for (CSL 1.0.2, "Terms").
_TERM_FORM_FALLBACK: dict[str, str | None] = {
    "verb-short": "verb",
    "verb": None,
    "symbol": "short",
    "short": None,
    "long": None,
}
_FORMAT_ATTRS = (
    ("font-style", {"normal": None, "italic": "Italic", "oblique": "Oblique"}, "normal"),
    ("font-variant", {"normal": None, "small-caps": "SmallCaps"}, "normal"),
    ("font-weight", {"normal": None, "bold": "Bold", "light": "Light"}, "normal"),
    ("text-decoration", {"none": None, "underline": "Underline"}, "none"),
    ("vertical-align", {"baseline": None, "sup": "Superscript", "sub": "Subscript"}, "baseline"),
)


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
        ops: Any = self._ck_cache.get(key)
        if ops is None:
            found: list[str] | None = []
            for attr, table, default in _FORMAT_ATTRS:
                value = self.get(attr, default)  # type: ignore[attr-defined]
                if value not in table:
                    found = None  # unknown value: citeproc-py's own handling
                    break
                op = table[value]
                if op:
                    found.append(op)  # type: ignore[union-attr]
                elif attr in _NORMAL_KINDS and self.get(attr) == default:  # type: ignore[attr-defined]
                    found.append(_NORMAL_KINDS[attr])  # type: ignore[union-attr]
            ops = self._ck_cache[key] = tuple(found) if found is not None else False
        if ops is False:
            return super().format(string)  # type: ignore[misc]
        if isinstance(string, (int, float)):
            string = str(string)
        if ops:
            formatter = self.get_formatter()
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
                self.get("prefix", ""),  # type: ignore[attr-defined]
                self.get("suffix", ""),  # type: ignore[attr-defined]
            )
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
            hit = super().get_term(name, form, fallback_locale, zero_padded)  # type: ignore[misc]
            if hit is None and form in _TERM_FORM_FALLBACK:
                # CSL 1.0.2 "Terms": a form no locale defines falls back (verb-short → verb →
                # long, symbol → short → long)
                hit = self.get_term(name, _TERM_FORM_FALLBACK[form], fallback_locale, zero_padded)
            self._ck_cache[key] = hit
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
