"""Rendering CSL-JSON items through CSL styles (citeproc-py with citekit's adapter).

    from citekit.renderer import Renderer

    r = Renderer("gbt7714-2015-numeric")
    entries = r.bibliography(items)            # list[RenderedEntry]: id, text, html, error
    cites = r.citations([[{"id": "a"}], [{"id": "b", "locator": "12"}]], items)

See :class:`Renderer` for the label convention, locales and per-item isolation.  The modules:

* :mod:`.api`: :class:`Renderer` and :func:`render_bibliography` (the public entry points).
* :mod:`.bibliography`, :mod:`.citations`: entries (with their fallback) and citation clusters.
* :mod:`.session`: one render call (items prepared, engines borrowed); :mod:`.disambiguate`:
  CSL disambiguation; :mod:`.source`: items as citeproc-py reads them; :mod:`.pool`: parsed
  styles, cached and lent to one render at a time.
* :mod:`._prepare`: CSL-JSON cleaned for citeproc-py (per-item locale, GB/T data fixes);
  :mod:`._markup`: inline markup, quotes and the finishing of the output; :mod:`.styles`:
  finding a style.
* :mod:`.engine`: the CSL evaluator, citeproc-py corrected by subclass (a style fix goes there,
  in the module of the CSL element at fault).
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
