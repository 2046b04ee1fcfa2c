"""Styles a request may name: bundled or installed style ids only, or an uploaded CSL file
parsed with entity expansion, DTDs and network access off.  A request never names a path."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .errors import ApiError

__all__ = ["MAINTAINED", "known_styles", "service_style", "uploaded_style"]

#: the styles citekit maintains, first in the page's picker
MAINTAINED = (
    "gbt7714-2015-numeric",
    "gbt7714-2015-author-date",
    "gbt7714-2015-note",
    "gbt7714-2025-numeric",
    "gbt7714-2025-author-date",
    "gbt7714-2025-note",
    "zhejiang-social-sciences",
)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")
_CSL = "{http://purl.org/net/xbiblio/csl}"


@lru_cache(maxsize=1)
def known_styles() -> tuple[str, ...]:
    """Every style id of the bundled and installed styles (read once: they do not change while
    the server runs)."""
    from ..renderer import available_styles

    return tuple(available_styles())


@lru_cache(maxsize=256)
def _path_of(name: str) -> str | None:
    from ..renderer.styles import ALIASES, _dirs

    name = ALIASES.get(name, name)
    for folder in _dirs():  # the style folders only: never the working directory
        path = Path(folder) / f"{name}.csl"
        if path.is_file():
            return str(path.resolve())
    return None


def service_style(name: str) -> str:
    """The absolute path of the style ``name``; 422 for anything that is not a known id."""
    path = None
    if _ID.match(name) and ".." not in name and name in set(known_styles()):
        path = _path_of(name)
    if path is None:
        import difflib

        close = difflib.get_close_matches(name, known_styles(), n=5, cutoff=0.6)
        hint = f"; did you mean: {', '.join(close)}" if close else "; see GET /api/styles"
        raise ApiError(422, "unknown-style", f"unknown style {name[:80]!r}{hint}")
    return path


def uploaded_style(data: bytes | str) -> str:
    """CSL XML text that is safe to hand to the renderer: parsed without entity expansion,
    DTD loading or network access, refused if it declares a DTD or entities, re-serialised."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ApiError(422, "bad-style", f"the style is not valid XML: {exc}") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ApiError(422, "bad-style", "a CSL style may not declare a DTD or entities")
    if any(isinstance(e, etree._Entity) for e in root.iter()):  # noqa: SLF001
        raise ApiError(422, "bad-style", "a CSL style may not use entities")
    if root.tag != f"{_CSL}style":
        raise ApiError(422, "bad-style", "the file is not a CSL style (no <style> root)")
    return etree.tostring(root, encoding="unicode")
