"""The user's cache folder: what citekit computes once and keeps between runs (start-up time).

``$CITEKIT_CACHE_DIR`` if set (an empty value turns caching off), else ``$XDG_CACHE_HOME/citekit``
or ``~/.cache/citekit``.  Files there are plain ``marshal`` data (no code), named after what they
were made from; a reader checks what it reads, and a missing, damaged or unwritable file only means
the work is done again, never a different result.  Kept here: compiled ``regex`` patterns
(:mod:`.lazyregex`) and the CRF model's arrays for the compiled tagger (:mod:`.parser.fasttag`).
"""

from __future__ import annotations

import marshal
import os
import zlib
from typing import Any

__all__ = ["cache_file", "load", "prune", "store"]


def cache_file(name: str) -> str | None:
    """The path of the cache file ``name``, or None when caching is off (or no home folder)."""
    base = os.environ.get("CITEKIT_CACHE_DIR")
    if base is None:
        root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(root):  # (no home folder: "~" left as it is)
            return None
        base = os.path.join(root, "citekit")
    if not base:
        return None
    return os.path.join(base, name)


_MAGIC = b"citekit-cache-1\n"  # then the CRC-32 of the marshal data (4 bytes), then the data


def load(path: str | None) -> Any:
    """The value stored in ``path``, or None (no file, unreadable, damaged: a checksum is kept
    with the data)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            data = fh.read()  # (marshal.load on a file reads object by object: ~6x slower)
        head = len(_MAGIC) + 4
        payload = memoryview(data)[head:]
        if data[: len(_MAGIC)] != _MAGIC or zlib.crc32(payload) != int.from_bytes(
            data[len(_MAGIC) : head], "big"
        ):
            return None
        return marshal.loads(payload)
    except Exception:  # (missing, unreadable or damaged: the caller does the work again)
        return None


def store(path: str | None, value: Any) -> bool:
    """Write ``value`` to ``path`` as ``marshal`` data through a temporary file beside it (a reader
    never sees half a file; two runs writing at once leave one whole file).  False on any error."""
    if path is None:
        return False
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = marshal.dumps(value)
        with open(tmp, "wb") as fh:
            fh.write(_MAGIC + zlib.crc32(data).to_bytes(4, "big") + data)
        os.replace(tmp, path)
        return True
    except Exception:
        try:
            os.remove(tmp)
        except OSError:
            pass
        return False


def prune(path: str | None, prefix: str, keep: int = 3) -> None:
    """Remove all but the ``keep`` newest files beside ``path`` whose names start with
    ``prefix`` (a file named after a model's size and time is written again after every
    install: the old ones would pile up).  Nothing happens on any error."""
    if path is None:
        return
    folder = os.path.dirname(path)
    try:
        found = [
            os.path.join(folder, n)
            for n in os.listdir(folder)
            if n.startswith(prefix) and not n.endswith(".tmp")
        ]
        found.sort(key=os.path.getmtime, reverse=True)
        for old in found[keep:]:
            os.remove(old)
    except OSError:
        pass
