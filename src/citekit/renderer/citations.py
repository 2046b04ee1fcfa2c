"""Citations: cites, clusters and their rendering (positions, numbers, collapsing)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator

from ..errors import UsageError
from . import _markup
from .engine import (
    CK_MODE,
    CK_POSITION,
)
from .engine.locators import leading_label
from .session import Session, error_text, typography
from .source import Item


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
    #: the cite's CSL position when the caller knows it (``first``, ``subsequent``, ``ibid``,
    #: ``ibid-with-locator``; CSL-JSON ``position`` 0-3 as citeproc-js takes it), else worked
    #: out from the cites before it
    position: str | None = None

    @classmethod
    def from_mapping(cls, cite: Cite | Mapping[str, Any] | str) -> Cite:
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
            position=_position(cite.get("position")),
        )


#: citeproc-js's position numbers (CSL.POSITION_FIRST ... POSITION_IBID_WITH_LOCATOR).
_POSITIONS = ("first", "subsequent", "ibid", "ibid-with-locator")


def _position(value: Any) -> str | None:
    """A cite's given position: a name of :data:`_POSITIONS` or its number; any other value
    (citeproc-js has later numbers of its own) leaves the position to be worked out."""
    if isinstance(value, str) and value in _POSITIONS:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(_POSITIONS):
        return _POSITIONS[value]
    return None


@dataclass(frozen=True, slots=True)
class Cluster:
    """A citation cluster: its cites and, for note styles, the number of its note."""

    cites: tuple[Cite, ...]
    note_index: int | None = None

    @classmethod
    def from_value(cls, value: Cluster | Mapping[str, Any] | Sequence[Any]) -> Cluster:
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


def render_cluster(
    session: Session, bibliography: CitationStylesBibliography, cluster: Cluster
) -> RenderedCitation:
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
            # a label as written with spaces names its term ("sub verbo": sub-verbo); quotes
            # in a locator are quotes (s.v. “gargoyle”)
            label = "-".join((cite.label or "page").split())
            locator = cite.locator.strip()
            written = leading_label(base, locator) if cite.label is None else None
            if written is not None:  # a label written in the locator: vol. 1 (citeproc-js)
                label, locator = written
            kwargs["locator"] = Locator(label, _markup.encode(locator))
        if cite.prefix is not None:
            kwargs["prefix"] = _markup.encode_affix(cite.prefix)
        if cite.suffix is not None:
            kwargs["suffix"] = _markup.encode_affix(cite.suffix)
        ci = Item(p.key, **kwargs)
        if cite.suppress_author:
            ci[CK_MODE] = "suppress-author"
        elif cite.author_only:
            ci[CK_MODE] = "author-only"
        if cite.position is not None:
            ci[CK_POSITION] = cite.position
        items.append((cite, ci))
    good = [ci for _, ci in items if ci is not None]
    citation = Citation(good)
    citation.note_index = cluster.note_index
    citation.bibliography = bibliography
    errors: list[str] = [f"unknown id {c.id!r}" for c, ci in items if ci is None]
    try:
        rendered = base.layout.render_cluster(
            [ci for ci in good],
            session.citation_layout,
            session.history,
            errors,
        )
    except Exception as exc:  # pragma: no cover - render_cluster isolates cites itself
        errors.append(error_text(exc))
        rendered = ", ".join(c.id for c, _ in items)
    raw = (
        _markup.finish(str(rendered), typography(session.engine(session.default_locale)))
        if rendered is not None
        else ""
    )
    unknown = [f"{c.id}?" for c, ci in items if ci is None]
    text = _markup.to_text(raw)
    out_html = _markup.to_html(raw).strip()
    if unknown:
        extra = ", ".join(unknown)
        text = f"{text} {extra}".strip()
        out_html = f"{out_html} {html.escape(extra, quote=False)}".strip()
    return RenderedCitation(
        text=text,
        html=out_html,
        ids=tuple(c.id for c in cluster.cites),
        note_index=cluster.note_index,
        error="; ".join(errors) or None,
    )
