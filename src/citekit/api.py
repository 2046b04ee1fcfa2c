"""The public functions: parse, check and render reference lists."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from .config import Config
from .model import Reference
from .pipeline import PARSE_STAGES, check_list_level, process, run_stages, stage_check

if TYPE_CHECKING:
    from .renderer import RenderedEntry

__all__ = ["check", "parse", "render"]


def parse(text: str, *, lines: bool = False, standard: str = "gbt7714-2015") -> list[Reference]:
    """Parse a pasted reference list (or one reference per line with ``lines=True``).

    Returns one :class:`Reference` per reference, in order, each with its raw string, CSL
    item, field evidence and the parse diagnostics (S, P and X codes).  :func:`check`
    validates; :func:`citekit.process` does both.
    """
    return process(text, Config(standard=standard, lines=lines), stages=PARSE_STAGES)


def check(
    data: str | Iterable[Reference],
    *,
    standard: str = "gbt7714-2015",
    lines: bool = False,
) -> list[Reference]:
    """Diagnostics for a reference list.

    ``data`` is text (parsed first) or references parsed earlier, which are checked again
    without parsing: earlier check findings are replaced, parse findings kept.
    """
    config = Config(standard=standard, lines=lines)
    if isinstance(data, str):
        return process(data, config)
    checked = []
    for ref in data:
        # (E006: a lone surrogate replaced when the text was read, not a check finding)
        parse_only = tuple(d for d in ref.diagnostics if d.code[0] in "SPFX" or d.code == "E006")
        checked.append(
            run_stages(replace(ref, diagnostics=parse_only), config, (("check", stage_check),))
        )
    return check_list_level(checked, config)


def render(
    data: str | Sequence[Reference] | Sequence[Mapping[str, Any]],
    style: str = "gbt7714-2015-numeric",
    *,
    format: Literal["text", "html"] = "text",
    lines: bool = False,
    output: Literal["text", "html"] | None = None,
) -> list[RenderedEntry]:
    """Render references (text, parsed references or CSL-JSON items) in a CSL style.

    Entries come back in bibliography order.  ``format`` is ``"text"`` or ``"html"``
    (``output=``, its former name, still works with a ``DeprecationWarning``).  Raises
    :class:`~citekit.errors.StyleNotFoundError` for an unknown style.
    """
    from .renderer import render_bibliography
    from .renderer.api import _deprecated_output

    format = _deprecated_output(format, output)

    if isinstance(data, str):
        data = parse(data, lines=lines)
    items = [d.item if isinstance(d, Reference) else d for d in data]
    return render_bibliography(items, style, format=format)
