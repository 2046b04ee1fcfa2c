"""Bibliography entries: one :class:`RenderedEntry` per item, a fallback for an item that fails."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from citeproc import CitationItem
from lxml import etree

from .. import codes
from ..model import Diagnostic
from . import _markup
from .engine import (
    CK_DIVS,
    has_cjk,
)
from .session import Session, error_text, typography


@dataclass(frozen=True, slots=True)
class RenderedEntry:
    """One bibliography entry: the item's id, plain text and escaped HTML, and an error if any."""

    id: str
    text: str
    html: str
    #: ``None``, or why the item could not be rendered: an X001 :class:`~citekit.Diagnostic`
    #: whose message names the fault (then ``text`` is a fallback rendering).
    error: Diagnostic | None = None


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


def render_entry(session: Session, cite: CitationItem) -> RenderedEntry:
    p = session.by_key[cite.key]
    error = session.failed.get(cite.key)
    if error is None:
        try:
            engine = session.engine(p.locale)
            layout = getattr(engine, "_ck_bibliography_layout", None)
            if layout is None:  # (citeproc-py finds it by an XPath query on every access)
                layout = engine._ck_bibliography_layout = engine.root.bibliography.layout
            rendered = layout.render_bibliography([cite])
            raw = _markup.finish(str(rendered[0]), typography(engine)) if rendered else ""
            out_html = _markup.to_html(raw)
            # with display divs, html is citeproc-js's: divs on their own lines, the
            # entry's own leading and trailing spaces kept
            out_html = out_html if dict.get(cite, CK_DIVS) else out_html.strip()
            return RenderedEntry(id=p.id, text=_markup.to_text(raw), html=out_html)
        except Exception as exc:
            error = error_text(exc)
    text = _fallback_text(session.items.get(cite.key, {}))
    label = _label(session, cite)
    if label:
        text = f"{label} {text}"
    return RenderedEntry(
        id=p.id,
        text=text,
        html=html.escape(text, quote=False),
        error=codes.make("X001", error),
    )


def _label(session: Session, cite: CitationItem) -> str:
    """The citation-number label of a failed entry, if the style prints one."""
    try:
        layout = session.engine(session.default_locale).root.bibliography.layout
        first = next(iter(layout.iterchildren()), None)
        if first is None or "citation-number" not in etree.tostring(first, encoding="unicode"):
            return ""
        layout.repressed = {}
        return _markup.to_text(str(first.render(cite)))
    except Exception:
        return ""
