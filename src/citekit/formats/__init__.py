"""Reference-exchange formats: read any of them into :class:`~citekit.model.Reference` records
(CSL-JSON items), write CSL-JSON items out to any of them.

    >>> refs = read(text, "bibtex")            # one Reference per entry, in order
    >>> out, diagnostics = write([r.item for r in refs], "ris")

Every format goes through CSL-JSON.  Nothing is lost silently: a source field with no CSL
equivalent, or a CSL variable the target cannot hold, becomes a warning diagnostic naming it; an
entry that cannot be read is kept with its raw text and an error diagnostic while the others
still convert.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from importlib import import_module
from typing import Any

from ..codes import make
from ..errors import UsageError
from ..itemcheck import admit
from ..model import Diagnostic, Reference
from .encoding import decode
from .sniff import sniff

__all__ = [
    "FORMATS",
    "STREAMED",
    "decode",
    "read",
    "sniff",
    "with_item_defaults",
    "write",
    "write_stream",
]

#: format name -> module implementing ``read(text)`` and ``write(items)``
_MODULES: dict[str, str] = {
    "csl-json": "csljson",
    "jsonl": "csljson",
    "bibtex": "bibtex",
    "ris": "ris",
    "endnote": "endnote",
    "endnote-xml": "endnote_xml",
    "noteexpress": "noteexpress",
    "refworks": "refworks",
}

FORMATS: tuple[str, ...] = tuple(_MODULES)


def _module(fmt: str) -> Any:
    if fmt not in _MODULES:
        raise UsageError(f"unknown format {fmt!r}; known formats: {', '.join(FORMATS)}")
    return import_module(f".{_MODULES[fmt]}", __name__)


def read(text: str, fmt: str) -> list[Reference]:
    """The entries of ``text`` in format ``fmt``, one :class:`Reference` each, in order."""
    mod = _module(fmt)
    if fmt == "jsonl":
        return mod.read_jsonl(text)
    return mod.read(text)


def write(items: Sequence[Mapping[str, Any]], fmt: str) -> tuple[str, list[Diagnostic]]:
    """``items`` (CSL-JSON) as text in format ``fmt``, with a warning for each field left out.

    Items are checked once here (:func:`citekit.itemcheck.admit`), so every writer reads clean
    values; an entry that is not a JSON object cannot be written and is reported (F010)."""
    mod = _module(fmt)
    diags: list[Diagnostic] = []
    clean = list(_admitted(items, diags))
    out, more = mod.write_jsonl(clean) if fmt == "jsonl" else mod.write(clean)
    return out, diags + more


#: formats whose writer goes item by item, so that ``convert`` streams into them
STREAMED: frozenset[str] = frozenset({"jsonl", "csl-json"})


def write_stream(
    items: Iterable[Mapping[str, Any]], fmt: str, diags: list[Diagnostic]
) -> Iterator[str]:
    """``items`` in format ``fmt`` (one of :data:`STREAMED`) piece by piece, as they come: the
    same text as :func:`write` without holding the items.  The diagnostics :func:`write` would
    return are appended to ``diags`` as the items pass."""
    if fmt not in STREAMED:
        raise UsageError(f"format {fmt!r} is written whole; streamed formats: {sorted(STREAMED)}")
    mod = _module(fmt)
    clean = _admitted(items, diags)
    return mod.write_jsonl_pieces(clean) if fmt == "jsonl" else mod.write_pieces(clean)


def _admitted(items: Iterable[Any], diags: list[Diagnostic]) -> Iterator[Mapping[str, Any]]:
    """The items a writer may read (:func:`citekit.itemcheck.admit`); what was changed or left
    out goes to ``diags``."""
    for n, obj in enumerate(items, 1):
        if not isinstance(obj, Mapping):
            diags.append(
                make("F010", f"entry {n} is a {type(obj).__name__}, not a CSL-JSON item; left out")
            )
            continue
        item, found = admit(obj)
        ident = item.get("id", f"#{n}")
        diags.extend(replace(d, message=f"{d.message} (item '{ident}')") for d in found)
        yield item


def with_item_defaults(ref: Reference) -> Reference:
    """A record read from an exchange format, its item made a CSL item to check or render: the
    record's id and a ``document`` type unless the item has its own, and the item's language."""
    item = {"id": ref.id, "type": "document", **ref.item}
    return replace(ref, item=item, language=ref.language or item.get("language"))
