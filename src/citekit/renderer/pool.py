"""The style pool: parsed styles cached by source, lent to one render at a time."""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import StyleNotFoundError
from ._prepare import StyleRules
from .engine import (
    CK_NS,
    EngineStyle,
)
from .limits import MAX_STYLE_BYTES, expansion_problem
from .styles import resolve_style

# Parsing a style (and its locale files) is slow in citeproc-py, and a parsed style keeps
# per-render state on its elements, so parsed styles live in a pool: a render borrows one
# instance per (style, locale) for its duration and gives it back.  Threads never share an
# instance; each (style, locale) is parsed at most once per concurrent render.

_LOCK = threading.Lock()
_MAX_STYLES = 32


@dataclass(slots=True)
class StyleEntry:
    xml: bytes
    default_locale: str
    has_bibliography: bool
    rules: StyleRules
    pool: dict[str, list[EngineStyle]]


_STYLES: OrderedDict[str, StyleEntry] = OrderedDict()


def _style_key(style: str | os.PathLike[str]) -> tuple[str, Any]:
    text = os.fspath(style)
    if text.lstrip().startswith("<"):
        return "xml:" + hashlib.sha1(text.encode("utf-8")).hexdigest(), text.encode("utf-8")
    path = resolve_style(text)
    stat = path.stat()
    return f"path:{path}:{stat.st_mtime_ns}:{stat.st_size}", path


def style_entry(style: str | os.PathLike[str]) -> tuple[str, StyleEntry]:
    key, source = _style_key(style)
    with _LOCK:
        entry = _STYLES.get(key)
        if entry is not None:
            _STYLES.move_to_end(key)
            return key, entry
    size = len(source) if isinstance(source, bytes) else Path(source).stat().st_size
    if size > MAX_STYLE_BYTES:
        raise StyleNotFoundError(
            f"style {os.fspath(style)[:80]!r} is larger than {MAX_STYLE_BYTES} bytes"
        )
    xml = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        root = etree.fromstring(xml, etree.XMLParser(no_network=True, remove_comments=True))
    except etree.XMLSyntaxError as exc:
        raise StyleNotFoundError(
            f"style {os.fspath(style)[:80]!r} is not valid CSL XML: {exc}"
        ) from None
    ns = "{http://purl.org/net/xbiblio/csl}"
    if root.tag != ns + "style":
        raise StyleNotFoundError(f"style {os.fspath(style)[:80]!r} is not a CSL style")
    problem = expansion_problem(root)
    if problem:
        raise StyleNotFoundError(f"style {os.fspath(style)[:80]!r} is refused: {problem}")
    entry = StyleEntry(
        xml=xml,
        default_locale=root.get("default-locale") or "en-US",
        has_bibliography=root.find(ns + "bibliography") is not None,
        rules=StyleRules(
            omit_first_edition=root.get(f"{{{CK_NS}}}omit-first-edition") == "true",
            omit_doi_in_url=root.get(f"{{{CK_NS}}}omit-doi-in-url") == "true",
            citation_label=b"citation-label" in xml,
            cjk_unspaced_marks=root.get(f"{{{CK_NS}}}cjk-unspaced-marks") == "true",
            gbt2025=root.get(f"{{{CK_NS}}}gbt2025") == "true",
            ascii_title_marks=root.get(f"{{{CK_NS}}}title-marks") == "ascii",
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
def borrow(entry: StyleEntry, locale: str) -> Iterator[EngineStyle]:
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
