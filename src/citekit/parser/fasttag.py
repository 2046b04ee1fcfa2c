"""The optional compiled tagger (``_crftag``, built from ``_crftag.c`` where a C compiler is found).

python-crfsuite's ``Tagger.tag`` copies every feature string into C++ and looks it up in the
model's string database on every call: about 90% of its time, and a tenth of a long parse.  The
compiled tagger takes the same feature lists, looks each feature up in a dict of the model's
attribute names (a bytes object keeps its hash) and does crfsuite's arithmetic in crfsuite's
order, so its labels and marginals are python-crfsuite's to the bit (tests/test_labeller.py).

Reading the model into that dict costs about what the tagger saves on a few hundred references
(~0.08 s), so :mod:`.crf` switches to it only in a long run, and keeps what it read in the user's
cache folder (:mod:`citekit.cache`; ~6 ms to load): a later run that finds it there
(:func:`stored`) uses the compiled tagger from its first reference.  ``compiled_tagger(path)``
returns a new tagger (one per thread: each keeps the sequence it tagged last), or None without the
extension.
"""

from __future__ import annotations

import os
import threading
from array import array
from pathlib import Path
from typing import Any

from .. import cache

__all__ = ["compiled_tagger", "have_compiled", "stored"]

_FORMAT = 1  # of the arrays kept in the cache folder (a change makes a new file name)

_arrays: dict[str, tuple] = {}  # model path -> the compiled tagger's arguments
_lock = threading.Lock()


def have_compiled() -> bool:
    """Is the compiled tagger built?"""
    try:
        from ._crftag import Tagger  # noqa: F401
    except ImportError:
        return False
    return array("i").itemsize == 4  # (the extension reads C int32 offsets)


def compiled_tagger(path: str | Path) -> Any | None:
    """A compiled tagger for the model at ``path`` (the model is read once per process), or None."""
    if not have_compiled():
        return None
    from ._crftag import Tagger

    key = str(path)
    args = _arrays.get(key)
    if args is None:
        with _lock:
            args = _arrays.get(key)
            if args is None:
                file = _stored_file(path)
                args = _checked(cache.load(file))
                if args is None:
                    args = _model_arrays(path)
                    if cache.store(file, args):
                        cache.prune(file, f"crftag-{_FORMAT}-{Path(path).name}-")
                _arrays[key] = args
    return Tagger(*args)


def stored(path: str | Path) -> bool:
    """Are the arrays of the model at ``path`` read already (in this process, or in the cache
    folder by an earlier run) and the compiled tagger built?  Then it costs little to start."""
    if str(path) in _arrays:
        return True
    file = _stored_file(path)
    return file is not None and os.path.isfile(file) and have_compiled()


def _stored_file(path: str | Path) -> str | None:
    """The cache file for the model at ``path``: named after the model file's name, size and
    modification time (as Python's own bytecode cache checks its source), so a retrained model
    gets a new one."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    name = Path(path).name
    return cache.cache_file(f"crftag-{_FORMAT}-{name}-{st.st_size}-{st.st_mtime_ns}.marshal")


def _checked(args: Any) -> tuple | None:
    """``args`` if it has the shape of :func:`_model_arrays`' result, else None."""
    if (
        isinstance(args, tuple)
        and len(args) == 6
        and isinstance(args[0], list)
        and isinstance(args[1], dict)
        and all(isinstance(a, bytes) for a in args[2:])
        and len(args[2]) == 4 * (len(args[1]) + 1)  # an offset per attribute, and the end
        and len(args[3]) * 2 == len(args[4])  # an int32 target per float64 weight
        and len(args[5]) == 8 * len(args[0]) ** 2  # a weight per label pair
    ):
        return args
    return None


def _model_arrays(path: str | Path) -> tuple:
    """``(labels, index, offsets, targets, weights, trans)`` as ``_crftag.Tagger`` takes them."""
    from .crfmodel import read_model

    model = read_model(path)
    index: dict[bytes, int] = {}
    offsets, targets, weights = array("i"), array("i"), array("d")
    for a, (name, ws) in enumerate(model.state.items()):
        index[name] = a
        offsets.append(len(targets))
        for label, w in ws:  # (in the model's order: crfsuite adds them in this order)
            targets.append(label)
            weights.append(w)
    offsets.append(len(targets))
    trans = array("d", [w for row in model.trans for w in row])
    return (
        list(model.labels),
        index,
        offsets.tobytes(),
        targets.tobytes(),
        weights.tobytes(),
        trans.tobytes(),
    )
