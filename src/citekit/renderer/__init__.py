"""Rendering CSL-JSON items through CSL styles (citeproc-py with citekit's adapter).

    from citekit.renderer import Renderer

    r = Renderer("gbt7714-2015-numeric")
    entries = r.bibliography(items)            # list[RenderedEntry]: id, text, html, error
    cites = r.citations([[{"id": "a"}], [{"id": "b", "locator": "12"}]], items)

See :class:`Renderer` for the label convention, locales and per-item isolation, and
:mod:`citekit.renderer.engine` for the citeproc-py faults citekit corrects.
"""

from __future__ import annotations

from .api import Renderer, render_bibliography
from .bibliography import RenderedEntry
from .citations import Cite, Cluster, RenderedCitation
from .styles import available_styles, resolve_style

__all__ = [
    "Cite",
    "Cluster",
    "RenderedCitation",
    "RenderedEntry",
    "Renderer",
    "available_styles",
    "render_bibliography",
    "resolve_style",
]
