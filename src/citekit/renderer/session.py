"""One render call: the items prepared, the citeproc-py source, the engines borrowed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography
from citeproc.formatter import html as html_formatter

from ..itemcheck import scrubbed
from . import _markup
from ._prepare import Prepared, prepare_item
from .disambiguate import Disambiguation
from .engine import (
    CK_NS,
    TRUNCATED_KEY,
    EngineStyle,
)
from .pool import StyleEntry, borrow
from .source import Item, Source


def error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _apostrophe(root: Any) -> str:
    """The apostrophe a style prints for a straight one in field text: ``ck:apostrophe`` on
    ``cs:style`` if set, else as given (') for a Chinese style (GB/T 7714 keeps the source's
    apostrophe) and ’ otherwise, as CSL processors do."""
    value = root.get(f"{{{CK_NS}}}apostrophe")
    if value:
        return value
    return "'" if (root.get("default-locale") or "").lower().startswith("zh") else "\u2019"


def typography(engine: EngineStyle) -> _markup.Typography:
    """The quotes and ``punctuation-in-quote`` of an engine's locale (cached on the engine)."""
    typo = getattr(engine, "_ck_typography", None)
    if typo is None:
        root = engine.root

        def term(name: str, default: str) -> str:
            try:
                value = str(root.get_single_term(name))
            except Exception:  # noqa: BLE001
                value = ""
            return value or default

        try:
            piq = str(root.get_locale_option("punctuation-in-quote") or "").lower() == "true"
        except Exception:  # noqa: BLE001
            piq = False
        typo = _markup.Typography(
            outer=(term("open-quote", "\u201c"), term("close-quote", "\u201d")),
            inner=(term("open-inner-quote", "\u2018"), term("close-inner-quote", "\u2019")),
            punctuation_in_quote=piq,
            apostrophe=_apostrophe(root),
        )
        engine._ck_typography = typo
    return typo


class Session(Disambiguation):
    """One render call: prepared items, the citeproc source and the borrowed engines."""

    def __init__(
        self,
        entry: StyleEntry,
        locale: str | None,
        per_item_locale: bool,
        items: Sequence[Mapping[str, Any]],
        stack: ExitStack,
    ) -> None:
        self.entry = entry
        self.stack = stack
        self.engines: dict[str, EngineStyle] = {}
        # The cs:citation element of each engine, kept alive: citeproc-py keeps the cites seen
        # so far (positions) as a Python attribute on it, which lives only as long as the proxy.
        self.citation_elements: dict[str, Any] = {}
        self.citation_layouts: dict[str, Any] = {}
        self.history: list[CitationItem] = []
        self.prepared: list[Prepared] = []
        self.failed: dict[str, str] = {}  # key -> error (item could not be prepared)
        self.items: dict[str, Mapping[str, Any]] = {}
        default = locale or self.entry.default_locale
        self.default_locale = default
        data = []
        for i, item in enumerate(items):
            try:
                # Where API items enter: an object is required, and no output (UTF-8 text,
                # HTML) can hold a lone surrogate, so they become U+FFFD here, once.
                if not isinstance(item, Mapping):
                    raise TypeError(f"item {i + 1} is a {type(item).__name__}, not a JSON object")
                item = scrubbed(item)[0]
                p = prepare_item(item, i, default, self.entry.rules, per_item_locale)
                if not per_item_locale:
                    if p.language_detected:
                        # as CSL processors do: an item without a language is in the style's
                        # (for title case, which is for English only)
                        p.data.pop("language", None)
            except Exception as exc:  # one bad item never aborts the list
                raw_id = item.get("id") if isinstance(item, Mapping) else None
                p = Prepared(
                    key=f"i{i}",
                    id=str(raw_id) if raw_id not in (None, "") else f"item-{i + 1}",
                    data={"id": f"i{i}", "type": "document"},
                    locale=default,
                    truncated_roles=(),
                    extra={},
                )
                self.failed[p.key] = error_text(exc)
            self.prepared.append(p)
            self.items[p.key] = item if isinstance(item, Mapping) else {}
            data.append(p.data)
        self.by_key = {p.key: p for p in self.prepared}
        self.by_id: dict[str, Prepared] = {}
        for p in self.prepared:
            self.by_id.setdefault(p.id, p)
        self.source = Source(data)
        for p in self.prepared:
            if p.truncated_roles:
                self.source[p.key][TRUNCATED_KEY] = p.truncated_roles
            self.source[p.key].update(p.extra)

    def engine(self, locale: str) -> EngineStyle:
        engine = self.engines.get(locale)
        if engine is None:
            engine = self.engines[locale] = self.stack.enter_context(borrow(self.entry, locale))
            engine.root.formatter = html_formatter
            citation = engine.root.citation
            if citation is not None:
                citation.cites = self.history
                self.citation_elements[locale] = citation
        return engine

    def citation_layout(self, cite: CitationItem) -> Any:
        locale = self.by_key[cite.key].locale
        layout = self.citation_layouts.get(locale)
        if layout is None:  # (citeproc-py finds it by an XPath query on every access)
            self.engine(locale)
            layout = self.citation_layouts[locale] = self.citation_elements[locale].layout
        return layout

    def register(self, order: Sequence[str]) -> CitationStylesBibliography:
        """A citeproc bibliography with ``order`` (keys) registered and, if the style has a
        bibliography, sorted by its ``cs:sort``.  Items whose sort keys cannot be computed go last."""
        sorter = self.engine(self.default_locale)
        bibliography = CitationStylesBibliography(sorter, self.source, html_formatter)
        bibliography.register(Citation([Item(k) for k in order]))
        if self.entry.has_bibliography:
            try:
                bibliography.sort()
            except Exception:
                bad = []
                for cite in list(bibliography.items):
                    probe = CitationStylesBibliography(sorter, self.source, html_formatter)
                    probe.register(Citation([Item(cite.key)]))
                    try:
                        probe.sort()
                    except Exception as exc:
                        bad.append(cite.key)
                        self.failed.setdefault(cite.key, "sorting: " + error_text(exc))
                good = [k for k in order if k not in bad]
                bibliography = CitationStylesBibliography(sorter, self.source, html_formatter)
                bibliography.register(Citation([Item(k) for k in good]))
                try:
                    bibliography.sort()
                except Exception:  # a fault only the items together raise: the order given
                    bibliography = CitationStylesBibliography(sorter, self.source, html_formatter)
                    bibliography.register(Citation([Item(k) for k in good]))
                bibliography.register(Citation([Item(k) for k in bad]))
        self.disambiguate(bibliography)
        if self.suffixes_by_first_author:
            # the lettered works of one first author and year stand together, in letter order
            # (the order key reads the suffixes: citekit.text.author_order.order_key)
            try:
                bibliography.sort()
            except Exception:  # noqa: BLE001 - the order as first sorted
                pass
        return bibliography
