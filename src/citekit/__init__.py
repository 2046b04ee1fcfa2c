"""citekit: parse, validate and re-render reference lists, Chinese and English alike.

>>> import citekit
>>> refs = citekit.parse("[1]胡重明,邢润杰.公共价值创造[J].浙江社会科学,2026(3):64-76.")
>>> refs[0].item["container-title"]
'浙江社会科学'
"""

from typing import TYPE_CHECKING, Any

from .api import check, parse, render
from .codes import CODES, CodeInfo
from .config import Config
from .errors import CitekitError, InputError, StyleNotFoundError, UsageError
from .model import (
    Applicability,
    Diagnostic,
    Edit,
    FieldEvidence,
    Fix,
    Reference,
    Severity,
    Span,
)
from .parallel import process_many
from .pipeline import DEFAULT_STAGES, process, process_iter

__version__ = "0.1.0.dev0"

if TYPE_CHECKING:  # type checkers see the real classes; at run time they load on first use
    from .renderer import Cite, Cluster, RenderedCitation, RenderedEntry, Renderer

# The renderer pulls in citeproc-py (about 0.2 s): import it on first use only.
_RENDERER_NAMES = ("Cite", "Cluster", "RenderedCitation", "RenderedEntry", "Renderer")


def __getattr__(name: str) -> Any:
    if name in _RENDERER_NAMES:
        from . import renderer

        return getattr(renderer, name)
    raise AttributeError(f"module 'citekit' has no attribute {name!r}")


__all__ = [
    "CODES",
    "Applicability",
    "Cite",
    "Cluster",
    "CitekitError",
    "CodeInfo",
    "Config",
    "DEFAULT_STAGES",
    "Diagnostic",
    "Edit",
    "FieldEvidence",
    "Fix",
    "InputError",
    "Reference",
    "RenderedCitation",
    "RenderedEntry",
    "Renderer",
    "Severity",
    "Span",
    "StyleNotFoundError",
    "UsageError",
    "check",
    "parse",
    "process",
    "process_iter",
    "process_many",
    "render",
]
