"""Rendering CSL-JSON items through CSL styles (citeproc-py with citekit's adapter).

    from citekit.renderer import render_bibliography, resolve_style, RenderedEntry

See :func:`render_bibliography` for the label convention and locales, and
:mod:`citekit.renderer._engine` for the citeproc-py faults citekit corrects.
"""

from __future__ import annotations

from .core import RenderedEntry, render_bibliography
from .styles import available_styles, resolve_style

__all__ = ["RenderedEntry", "available_styles", "render_bibliography", "resolve_style"]
